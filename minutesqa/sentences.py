"""Sentences of an item: splitting its text, and their embeddings for the answer writer
and the abstention check."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict

import numpy as np

from minutesqa.embed import Embedder
from minutesqa.lexical import tokenize
from minutesqa.models import MEETING_ITEM, Hit
from minutesqa.tuning import Tuning


def split_sentences(text: str, meeting: bool = False) -> list[str]:
    if meeting:
        return [line.strip() for line in text.split("\n") if line.strip()]
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n(?=[-•·*]|\(?[a-z0-9]{1,2}[.)]\s)", text):
        para = re.sub(r"\s+", " ", para).strip(" -•·*")
        if not para:
            continue
        out.extend(
            s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"'(£0-9])", para) if s.strip()
        )
    return out


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
) -> tuple[list[str], np.ndarray]:
    """The item's sentences and their embeddings, cached by sentence (items and their
    sentences recur across questions). A long item (a district's policing report runs to
    hundreds of sentences) has only its first `lead_sentences` and the `sentence_cap` sharing
    most of `terms` embedded; the rest get a zero vector and can still be chosen by their
    words."""
    tune = tuning or Tuning()
    sentences = split_sentences(hit.text, meeting=hit.ref.item == MEETING_ITEM) or [hit.text]
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
