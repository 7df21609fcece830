"""Sentences of an item and their embeddings, for the answer writer and the abstention
check (where a sentence ends: sentence_split.py)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Protocol

import numpy as np

from minutesqa.indexing.embed import Embedder
from minutesqa.indexing.terms import tokenize
from minutesqa.models import MEETING_ITEM, Hit
from minutesqa.sentence_split import split_sentences
from minutesqa.tuning import Tuning


class SentenceCache:
    """Sentence vectors by (embedder, sentence), bounded (least recently used go first) and
    safe to share between the app's worker threads. A call reads back only what it stored
    or found, so eviction in the middle of a call cannot lose a vector it needs."""

    def __init__(self, capacity: int = 50_000) -> None:
        self.capacity = capacity
        self._data: OrderedDict[tuple[int, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def vectors(self, embedder: Embedder, sentences: list[str]) -> dict[str, np.ndarray]:
        key = id(embedder)
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for s in sentences:
                v = self._data.get((key, s))
                if v is not None:
                    self._data.move_to_end((key, s))
                    found[s] = v
        todo = list(dict.fromkeys(s for s in sentences if s not in found))
        if todo:
            made = dict(zip(todo, embedder.embed(todo), strict=True))
            found.update(made)
            with self._lock:
                for s, v in made.items():
                    self._data[(key, s)] = v
                while len(self._data) > self.capacity:
                    self._data.popitem(last=False)
        return found


_SENTENCE_CACHE = SentenceCache()


def sentence_vectors(
    embedder: Embedder,
    hit: Hit,
    terms: set[str] | frozenset[str] = frozenset(),
    tuning: Tuning | None = None,
    store: SentenceVectorSource | None = None,
) -> tuple[list[str], np.ndarray]:
    """The item's sentences and their embeddings: from the sentence store made at ingest
    when it holds the item (`store`), else embedded now and cached by sentence (items and
    their sentences recur across questions). A long item (a district's policing report
    runs to hundreds of sentences) uses only its first `lead_sentences` and the
    `sentence_cap` sharing most of `terms` when it must embed them now; the rest get a
    zero vector and can still be chosen by their words. Vectors from the store cost
    nothing to read, so every sentence of a stored item is scored by its meaning."""
    tune = tuning or Tuning()
    meeting = hit.ref.item == MEETING_ITEM
    sentences = split_sentences(hit.text, meeting=meeting) or [hit.text]
    stored = store.get(hit.text, meeting) if store is not None else None
    if stored is not None and len(stored) == len(sentences):
        return sentences, stored  # made at ingest: every sentence has its meaning
    wanted = list(range(len(sentences)))
    if len(sentences) > tune.sentence_cap:
        shared = [len(terms & set(tokenize(s))) for s in sentences]
        ranked = sorted(wanted, key=lambda i: (-shared[i], i))[: tune.sentence_cap]
        wanted = sorted(set(ranked) | set(range(tune.lead_sentences)))
    found = _SENTENCE_CACHE.vectors(embedder, [sentences[i] for i in wanted])
    first = found[sentences[wanted[0]]]
    vectors = np.zeros((len(sentences), first.shape[0]), dtype=np.float32)
    for i in wanted:
        vectors[i] = found[sentences[i]]
    return sentences, vectors


class SentenceVectorSource(Protocol):
    """What `sentence_vectors` reads stored vectors from (minutesqa.indexing.sentence_store)."""

    def get(self, text: str, meeting: bool) -> np.ndarray | None: ...
