"""Baseline systems for evaluation, each answering like `Pipeline.ask` so that the same
records and scores apply:

- `BM25Baseline`: the project's lexical index alone over the same chunks;
- `DenseBaseline`: dense search alone over the same chunks, exact like ours (cosine over
  every stored embedding, `LexicalIndex.nearest`), so that the gain of hybrid retrieval is
  not partly the loss of Chroma's HNSW graph (chroma-core/chroma#7758);
- `TutorialBaseline` (in `tutorial`): the usual tutorial RAG over the raw files.

None of them abstains, and none uses the conversation history: each searches the question
as asked. The answer is the top item's text."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Protocol

from minutesqa.chunk import strip_context
from minutesqa.indexing.embed import Embedder
from minutesqa.indexing.lexical import LexicalIndex, join_parts
from minutesqa.indexing.store import StoredChunk, VectorStore
from minutesqa.models import Answer, Hit

CANDIDATES = 100  # chunks fetched per round before merging into items


class Baseline(Protocol):
    def ask(self, question: str, history: list[str]) -> Answer: ...


def merge_items(ranked: Iterable[tuple[StoredChunk, float]], k: int) -> list[Hit]:
    """Chunks best first -> items best first, one per item, scored by their best chunk.
    An item is what a record names (committee, date, number, or title where no number is
    printed): two files of one meeting, or two meetings of one body on one day, count once,
    as the contract requires."""
    order: dict[tuple[str, str, str], list[tuple[StoredChunk, float]]] = {}
    for chunk, value in ranked:
        order.setdefault(chunk.ref.key(), []).append((chunk, value))
    hits = []
    for parts in list(order.values())[:k]:
        best, value = parts[0]
        hits.append(
            Hit(
                ref=best.ref,
                score=float(value),
                relevance=float(value),
                text=strip_context(best.document),
                decisions=best.decisions,
                source=best.source,
                chunk_ids=tuple(c.id for c, _ in parts),
            )
        )
    return hits


class _IndexBaseline:
    def __init__(self, store: VectorStore, k: int = 10) -> None:
        self.store = store
        self.k = k
        self.total = store.count()

    def item_text(self, hit: Hit) -> str:
        """The whole text of the item, from all its chunks."""
        first = self.store.get([hit.chunk_ids[0]]) if hit.chunk_ids else []
        if not first:
            return hit.text
        chunks = self.store.item_chunks(first[0].source, first[0].item_index)
        return join_parts([strip_context(c.document) for c in chunks]) or hit.text

    def chunks(self, question: str, n: int) -> list[tuple[StoredChunk, float]]:
        raise NotImplementedError

    def fetch(self, ranked: list[tuple[str, float]]) -> list[tuple[StoredChunk, float]]:
        """(chunk id, score) best first -> (stored chunk, score), in the same order."""
        if not ranked:
            return []
        found = {c.id: c for c in self.store.get([cid for cid, _ in ranked])}
        return [(found[cid], value) for cid, value in ranked if cid in found]

    def ask(self, question: str, history: list[str]) -> Answer:
        started = time.perf_counter()
        n = CANDIDATES
        while True:
            ranked = self.chunks(question, n)
            hits = merge_items(ranked, self.k)
            if len(hits) >= self.k or len(ranked) < n or n >= self.total:
                break
            n *= 4
        text = self.item_text(hits[0]) if hits else ""
        return Answer(
            question=question,
            text=text,
            abstained=False,
            citations=[hits[0].ref] if hits else [],
            retrieved=hits,
            latency_ms=(time.perf_counter() - started) * 1000.0,
        )


class BM25Baseline(_IndexBaseline):
    """BM25 alone (the project's LexicalIndex over the same chunks)."""

    def __init__(self, store: VectorStore, lexical: LexicalIndex, k: int = 10) -> None:
        super().__init__(store, k)
        self.lexical = lexical

    def chunks(self, question: str, n: int) -> list[tuple[StoredChunk, float]]:
        return self.fetch(self.lexical.search(question, n))


class DenseBaseline(_IndexBaseline):
    """Dense search alone over the same chunks: exact cosine over every stored embedding
    (the embeddings kept beside the BM25 index, as our retrieval searches them)."""

    def __init__(
        self, store: VectorStore, lexical: LexicalIndex, embedder: Embedder, k: int = 10
    ) -> None:
        super().__init__(store, k)
        self.lexical = lexical
        self.embedder = embedder

    def chunks(self, question: str, n: int) -> list[tuple[StoredChunk, float]]:
        vector = self.embedder.embed([question])[0]
        return self.fetch(self.lexical.nearest(vector, n))
