"""The tutorial baseline of evaluation: the usual tutorial RAG. The raw text of each file is
split by RecursiveCharacterTextSplitter(1000, 200), embedded with the same model into a
cosine Chroma collection, top 10 chunks. For scoring, each chunk is mapped to the agenda
item of its file's segmented meeting that its text overlaps most. It answers like
`Pipeline.ask` (see `baselines`), never abstains and ignores the history; the answer is
the top chunk's text."""

from __future__ import annotations

import hashlib
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from minutesqa.config import Settings
from minutesqa.errors import InputError
from minutesqa.indexing.embed import Embedder
from minutesqa.models import AgendaItem, Answer, Hit, ItemRef, Meeting

TUTORIAL_CHUNK_SIZE = 1000
TUTORIAL_CHUNK_OVERLAP = 200
TUTORIAL_TOP = 10
TUTORIAL_CITED = 3
TUTORIAL_COLLECTION = "tutorial"
EMBED_BATCH = 256

_WORD = re.compile(r"[a-z0-9]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _shingles(words: list[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


@dataclass
class _Segmented:
    meeting: Meeting
    records: list[AgendaItem]  # the meeting record, then the items
    trigrams: list[set[tuple[str, ...]]]
    unigrams: list[set[str]]


def best_item(chunk_text: str, trigrams: list[set[Any]], unigrams: list[set[str]]) -> int:
    """Index of the item the chunk overlaps most: shared word trigrams, then shared words;
    ties go to the earlier item, no overlap at all to the meeting record (0)."""
    words = _words(chunk_text)
    grams = [tuple(words[i : i + 3]) for i in range(max(0, len(words) - 2))]
    counts = [sum(g in item for g in grams) for item in trigrams]
    if not counts:
        return 0
    if max(counts) == 0:
        counts = [sum(w in item for w in words) for item in unigrams]
    top = max(counts)
    return counts.index(top) if top > 0 else 0


def corpus_fingerprint(corpus: Path, files: list[Path], model: str) -> str:
    """What the tutorial index depends on: the corpus folder, its files (path and
    content), the model and the splitter settings."""
    digest = hashlib.sha256(
        f"{corpus}|{model}|{TUTORIAL_CHUNK_SIZE}|{TUTORIAL_CHUNK_OVERLAP}|cosine|v2".encode()
    )
    for path in files:
        digest.update(os.path.relpath(path, corpus).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:32]


def _fill(
    collection: Any, files: list[Path], settings: Settings, embedder: Embedder, max_batch: int
) -> int:
    """Every file's text split as the tutorial splits it (RecursiveCharacterTextSplitter),
    embedded in batches and added to `collection`; the count of chunks."""
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from minutesqa.parse import read_document

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=TUTORIAL_CHUNK_SIZE, chunk_overlap=TUTORIAL_CHUNK_OVERLAP
    )
    pending: list[tuple[str, str, dict[str, Any]]] = []
    total = 0

    def flush() -> None:
        nonlocal total
        if not pending:
            return
        vectors = embedder.embed([text for _, text, _ in pending])
        for start in range(0, len(pending), max_batch):
            part = pending[start : start + max_batch]
            collection.add(
                ids=[cid for cid, _, _ in part],
                documents=[text for _, text, _ in part],
                metadatas=[meta for _, _, meta in part],
                embeddings=vectors[start : start + len(part)].tolist(),
            )
        total += len(pending)
        pending.clear()

    for n, path in enumerate(files, 1):
        try:
            doc = read_document(
                path,
                max_bytes=int(settings.max_file_mb * 1024**2),
                timeout_s=settings.parse_timeout_s,
            )
        except InputError:
            continue
        for j, text in enumerate(splitter.split_text(doc.text)):
            pending.append((f"{n:06d}-{j:05d}", text, {"source": str(path), "chunk": j}))
        if len(pending) >= EMBED_BATCH:
            flush()
        if n % 100 == 0:
            print(
                f"  tutorial baseline: {n}/{len(files)} files, {total} chunks embedded",
                file=sys.stderr,
                flush=True,
            )
    flush()
    return total


class TutorialBaseline:
    """RecursiveCharacterTextSplitter(1000, 200) over raw text, same model, top 10 chunks."""

    def __init__(self, collection: Any, embedder: Embedder, settings: Settings) -> None:
        self.collection = collection
        self.embedder = embedder
        self.settings = settings
        self._meetings: dict[str, _Segmented | None] = {}

    @classmethod
    def build(
        cls, corpus: Path, settings: Settings, embedder: Embedder, index_dir: Path
    ) -> TutorialBaseline:
        """Open the cached collection for this corpus and model, or build it afresh (the
        cache is only a time saver: it is rebuilt whenever any file or the model changes)."""
        import chromadb

        from minutesqa.ingest import discover

        corpus = corpus.resolve()
        files, _refused, _ = discover(corpus)
        fingerprint = corpus_fingerprint(corpus, files, settings.model)
        index_dir.mkdir(parents=True, exist_ok=True)
        client = chromadb.PersistentClient(path=str(index_dir))
        try:
            existing = client.get_collection(TUTORIAL_COLLECTION, embedding_function=None)
            meta = existing.metadata or {}
            if meta.get("fingerprint") == fingerprint and existing.count() > 0:
                print(f"  tutorial baseline: cached index at {index_dir}", file=sys.stderr)
                return cls(existing, embedder, settings)
            client.delete_collection(TUTORIAL_COLLECTION)
        except Exception:  # no such collection yet
            pass
        collection = client.create_collection(
            TUTORIAL_COLLECTION,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"fingerprint": "building"},
            embedding_function=None,
        )
        started = time.perf_counter()
        total = _fill(collection, files, settings, embedder, int(client.get_max_batch_size()))
        collection.modify(metadata={"fingerprint": fingerprint})
        print(
            f"  tutorial baseline: {total} chunks from {len(files)} files embedded in "
            f"{time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
        return cls(collection, embedder, settings)

    def _segmented(self, source: str) -> _Segmented | None:
        if source not in self._meetings:
            from minutesqa.ingest import load_meeting

            try:
                meeting = load_meeting(Path(source), self.settings)
            except InputError:
                self._meetings[source] = None
                return None
            records = [meeting.meeting_record(), *meeting.items]
            texts = [_words(f"{r.title}\n{r.body}") for r in records]
            self._meetings[source] = _Segmented(
                meeting,
                records,
                [_shingles(w, 3) for w in texts],
                [set(w) for w in texts],
            )
        return self._meetings[source]

    def ask(self, question: str, history: list[str]) -> Answer:
        started = time.perf_counter()
        vector = self.embedder.embed([question])[0]
        res = self.collection.query(
            query_embeddings=[np.asarray(vector).tolist()],
            n_results=TUTORIAL_TOP,
            include=["documents", "metadatas", "distances"],
        )
        docs = (res.get("documents") or [[]])[0]
        metas = (res.get("metadatas") or [[]])[0]
        dists = (res.get("distances") or [[]])[0]
        answer_text = docs[0] if docs else ""
        latency = (time.perf_counter() - started) * 1000.0  # the tutorial system ends here
        chunk_refs: list[Hit] = []
        for text, meta, dist in zip(docs, metas, dists, strict=True):
            source = str((meta or {}).get("source", ""))
            seg = self._segmented(source)
            if seg is None:
                continue
            record = seg.records[best_item(text, seg.trigrams, seg.unigrams)]
            ref = ItemRef(
                committee=seg.meeting.committee,
                date=seg.meeting.date,
                item=record.number,
                title=record.title,
                restricted=record.restricted,
            )
            similarity = 1.0 - float(dist)
            chunk_refs.append(Hit(ref, similarity, similarity, text, record.decisions, source))
        retrieved: list[Hit] = []
        seen: set[tuple[str, str, str]] = set()
        for hit in chunk_refs:
            if hit.ref.key() not in seen:
                seen.add(hit.ref.key())
                retrieved.append(hit)
        cited: list[ItemRef] = []
        for hit in chunk_refs[:TUTORIAL_CITED]:
            if hit.ref not in cited:
                cited.append(hit.ref)
        return Answer(
            question=question,
            text=answer_text,
            abstained=False,
            citations=cited,
            retrieved=retrieved,
            latency_ms=latency,
        )
