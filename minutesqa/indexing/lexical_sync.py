"""The BM25 index and exact dense vectors kept beside the Chroma store: rebuilt from the
store's chunks when they fall out of step (a crash, another machine's ingest), under the
index lock. Used by ingest (after writing) and retrieval (on opening); neither imports the
other."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import numpy as np

from minutesqa.config import Settings
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.indexing.lock import IndexLock
from minutesqa.indexing.store import VectorStore

__all__ = ["open_lexical", "sync_lexical"]


def sync_lexical(store: VectorStore, lexical_dir: Path) -> LexicalIndex:
    """Rebuild the lexical index from the store's chunks, then mark the store as matched.
    Called under the index lock, so temporary folders here are a killed save's leftovers."""
    for stale in lexical_dir.parent.glob(".lexical-*"):
        shutil.rmtree(stale, ignore_errors=True)
    rows, vectors = _rows_and_vectors(store)
    index = LexicalIndex.build(rows, vectors)
    index.save(lexical_dir)
    store.set_state(index.fingerprint)
    return index


def open_lexical(store: VectorStore, settings: Settings) -> LexicalIndex:
    """The lexical index matching the store; repaired from the store if a crash or another
    machine left it behind."""
    lexical_dir = settings.index_dir / "lexical"
    index = LexicalIndex.load(lexical_dir)
    if index is not None and index.fingerprint == store.state():
        return index
    lock = IndexLock(settings.index_dir)
    if lock.try_acquire():
        try:
            return sync_lexical(store, lexical_dir)
        finally:
            lock.__exit__(None, None, None)
    # an ingest is running: use an in-memory copy for now
    return LexicalIndex.build(*_rows_and_vectors(store))


def _rows_and_vectors(
    store: VectorStore,
) -> tuple[list[tuple[str, str, dict[str, Any]]], dict[str, np.ndarray]]:
    rows, vectors = [], {}
    for c in store.iter_all(documents=True, embeddings=True):
        rows.append((c.id, c.document, c.metadata))
        if c.embedding is not None:
            vectors[c.id] = c.embedding
    return rows, vectors
