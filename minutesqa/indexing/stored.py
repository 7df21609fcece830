"""What the store already holds of each source file: its chunk ids, content hashes, chunk
counts, pipeline versions and committee (`stored_by_source`); whether a file's stored
chunks are whole and current (`is_current`, so ingest skips it); and the stored vectors a
redone file's unchanged chunk texts keep (`reusable_vectors`)."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from minutesqa.indexing.store import VectorStore
from minutesqa.models import pipeline_current


@dataclass
class StoredFile:
    """One source file's chunks in the store: their ids, and the content hashes, whole-file
    chunk counts and pipeline versions they were written with (one each when whole)."""

    ids: list[str] = field(default_factory=list)
    hashes: set[str] = field(default_factory=set)
    expected: set[int] = field(default_factory=set)
    versions: set[int] = field(default_factory=set)
    committee: str = ""


def stored_by_source(store: VectorStore) -> dict[str, StoredFile]:
    """Every stored chunk, grouped by its source file's normalised path."""
    by_source: dict[str, StoredFile] = defaultdict(StoredFile)
    for stored in store.iter_all():
        # normpath: indexes written before sources were resolved hold 'a/../b' spellings
        entry = by_source[os.path.normpath(stored.source)]
        entry.ids.append(stored.id)
        entry.hashes.add(str(stored.metadata.get("content_hash", "")))
        entry.expected.add(int(stored.metadata.get("file_chunk_count", -1)))
        entry.versions.add(int(stored.metadata.get("pipeline", 1)))
        entry.committee = str(stored.metadata.get("committee", ""))
    return by_source


def is_current(entry: StoredFile | None, digest: str, fmt: str) -> bool:
    """Whether a file's stored chunks are whole and as this pipeline makes them (its
    format unchanged by every later PIPELINE_VERSION)."""
    return (
        entry is not None
        and entry.hashes == {digest}
        and entry.expected == {len(entry.ids)}
        and len(entry.versions) == 1
        and pipeline_current(next(iter(entry.versions)), fmt)
    )


def reusable_vectors(store: VectorStore, ids: list[str]) -> dict[str, np.ndarray]:
    """Stored embeddings by chunk text, for a file being redone: a chunk whose text did not
    change keeps its vector instead of going through the model again."""
    found: dict[str, np.ndarray] = {}
    for start in range(0, len(ids), 500):
        for chunk in store.get(ids[start : start + 500], embeddings=True):
            if chunk.embedding is not None:
                found[chunk.document] = chunk.embedding
    return found
