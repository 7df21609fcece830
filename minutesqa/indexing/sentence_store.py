"""The sentence store: every item's sentence embeddings, made at ingest and kept beside the
chunk vectors, so that answering a question embeds only the question.

An item's sentences are found by a digest of its text (`item_digest`): an item whose text
did not change keeps its vectors across ingests (as unchanged chunks keep theirs), and a
changed, new or foreign item (another machine's ingest into a shared Chroma server) is
simply not found, and the writer embeds its sentences at question time as before. The
store is rebuilt whole when its format, the model or `SENTENCES_VERSION` (the last
pipeline version that changed items' text) changes. Vectors
are read from a memory-mapped file: the store costs disk, not memory, and is read-only
once open (safe to share between the app's worker threads).

Layout of `index/sentences/`: `vectors.npy` (float32, one row per sentence, in item
order) and `meta.json` (format, model, pipeline version, digest -> [first row, rows]).
Written to a temporary folder and swapped in, so a reader never sees half a store.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np
from tqdm import tqdm

from minutesqa.indexing.embed import Embedder
from minutesqa.indexing.lexical import swap_in
from minutesqa.sentence_split import split_sentences

FORMAT_VERSION = 1
BATCH = 512  # sentences per call to the model while building


def item_digest(text: str, meeting: bool) -> str:
    """Which item text (and split) a run of stored sentence vectors belongs to."""
    digest = hashlib.sha256(text.encode("utf-8"))
    digest.update(b"\x00meeting" if meeting else b"\x00item")
    return digest.hexdigest()[:32]


def item_sentences(text: str, meeting: bool) -> list[str]:
    """The sentences the writer scores for an item (the whole text when it has none)."""
    return split_sentences(text, meeting=meeting) or [text]


@dataclass
class SentenceStore:
    model: str
    pipeline: int
    rows: dict[str, tuple[int, int]] = field(default_factory=dict)  # digest -> (start, n)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))

    def __len__(self) -> int:
        return int(self.vectors.shape[0])

    def get(self, text: str, meeting: bool) -> np.ndarray | None:
        """The item's sentence vectors (a read-only view), or None when not stored."""
        found = self.rows.get(item_digest(text, meeting))
        if found is None:
            return None
        start, n = found
        return self.vectors[start : start + n]

    @classmethod
    def load(cls, directory: Path, model: str, pipeline: int) -> SentenceStore:
        """The store in `directory`, or an empty one when it is missing, damaged or made
        with another model or pipeline version."""
        empty = cls(model, pipeline)
        try:
            meta = json.loads((directory / "meta.json").read_text())
            if (meta.get("version"), meta.get("model"), meta.get("pipeline")) != (
                FORMAT_VERSION,
                model,
                pipeline,
            ):
                return empty
            rows = {str(k): (int(v[0]), int(v[1])) for k, v in meta["rows"].items()}
            vectors = np.load(directory / "vectors.npy", mmap_mode="r") if rows else None
        except (OSError, ValueError, KeyError, TypeError, IndexError):
            return empty
        if vectors is None:
            return empty
        return cls(model, pipeline, rows, vectors)

    def save(self, directory: Path) -> None:
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".sentences-", dir=directory.parent))
        np.save(tmp / "vectors.npy", np.ascontiguousarray(self.vectors, dtype=np.float32))
        meta = {
            "version": FORMAT_VERSION,
            "model": self.model,
            "pipeline": self.pipeline,
            "rows": {k: [s, n] for k, (s, n) in self.rows.items()},
        }
        (tmp / "meta.json").write_text(json.dumps(meta))
        swap_in(tmp, directory)


@dataclass
class SentenceUpdate:
    items: int = 0
    reused: int = 0  # items whose vectors were kept
    embedded: int = 0  # sentences embedded now
    fetched: int = 0  # sentences fetched from the Chroma server (another host embedded them)
    sentences: int = 0  # rows in the store


class SharedSentences(Protocol):
    """Sentence vectors kept where every host of a Chroma server finds them
    (`store.ServerSentences`)."""

    def digests(self) -> set[str]: ...

    def fetch(self, digests: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put(self, vectors: dict[str, np.ndarray]) -> None: ...

    def remove(self, digests: set[str]) -> None: ...


def _embedded(
    texts: list[str], model: Callable[[], Embedder], progress: bool
) -> dict[str, np.ndarray]:
    """Each sentence's vector, embedded in batches (the model loaded only if any)."""
    made: dict[str, np.ndarray] = {}
    if not texts:
        return made
    embedder = model()
    bar = tqdm(
        total=len(texts),
        desc="Embedding sentences",
        unit="sentence",
        disable=not progress,
        file=sys.stderr,
    )
    for start in range(0, len(texts), BATCH):
        part = texts[start : start + BATCH]
        made.update(zip(part, embedder.embed(part), strict=True))
        bar.update(len(part))
    bar.close()
    return made


def _assembled(
    wanted: dict[str, tuple[str, bool]],
    old: SentenceStore,
    fetched: dict[str, np.ndarray],
    todo: dict[str, list[str]],
    made: dict[str, np.ndarray],
    dim: int,
) -> tuple[dict[str, tuple[int, int]], np.ndarray]:
    """The new store's rows (item digest -> first row, count) and vectors, in the order
    of `wanted`: kept from the old store, fetched from the shared one, or just made."""
    total = sum(old.rows[d][1] for d in wanted if d in old.rows)
    total += sum(len(s) for s in todo.values()) + sum(len(b) for b in fetched.values())
    vectors = np.zeros((total, dim), dtype=np.float32)
    rows: dict[str, tuple[int, int]] = {}
    at = 0
    for digest in wanted:
        if digest in old.rows:
            start, n = old.rows[digest]
            vectors[at : at + n] = old.vectors[start : start + n]
        elif digest in fetched:
            n = len(fetched[digest])
            vectors[at : at + n] = fetched[digest]
        else:
            n = len(todo[digest])
            vectors[at : at + n] = np.stack([made[s] for s in todo[digest]])
        rows[digest] = (at, n)
        at += n
    return rows, vectors


def update_sentence_store(
    directory: Path,
    items: Iterable[tuple[str, bool]],
    model: Callable[[], Embedder],
    model_name: str,
    pipeline: int,
    progress: bool = False,
    shared: SharedSentences | None = None,
) -> SentenceUpdate:
    """Make the store hold exactly the sentences of `items` ((text, is meeting record)),
    keeping the vectors of items already stored, taking those `shared` holds (a Chroma
    server's, embedded by another host) and embedding the rest; `shared` is then made to
    hold exactly the same items. `model` is called only when something needs embedding.
    Called by ingest under the index lock."""
    for stale in [
        *directory.parent.glob(".sentences-*"),
        directory.with_name(directory.name + ".old"),
    ]:
        shutil.rmtree(stale, ignore_errors=True)
    old = SentenceStore.load(directory, model_name, pipeline)
    update = SentenceUpdate()
    wanted: dict[str, tuple[str, bool]] = {}
    for text, meeting in items:
        wanted.setdefault(item_digest(text, meeting), (text, meeting))
    update.items = len(wanted)
    kept = [d for d in wanted if d in old.rows]
    on_server = shared.digests() if shared is not None else set(wanted)
    if len(kept) == len(wanted) == len(old.rows) and on_server == set(wanted):
        update.reused, update.sentences = len(kept), len(old)
        return update  # nothing changed: leave the file alone
    missing = [d for d in wanted if d not in old.rows]
    fetched = shared.fetch([d for d in missing if d in on_server]) if shared is not None else {}
    todo = {d: item_sentences(*wanted[d]) for d in missing if d not in fetched}
    texts = list(dict.fromkeys(s for sentences in todo.values() for s in sentences))
    made = _embedded(texts, model, progress)
    dim = next(iter(made.values())).shape[0] if made else 0
    dim = dim or (old.vectors.shape[1] if kept else 0)
    dim = dim or (next(iter(fetched.values())).shape[1] if fetched else 0)
    rows, vectors = _assembled(wanted, old, fetched, todo, made, dim)
    total = len(vectors)
    if not len(kept) == len(wanted) == len(old.rows):
        SentenceStore(model_name, pipeline, rows, vectors).save(directory)
    if shared is not None:
        shared.put({d: vectors[a : a + n] for d, (a, n) in rows.items() if d not in on_server})
        gone = on_server - set(wanted)
        if gone:
            shared.remove(gone)
    update.reused, update.embedded, update.sentences = len(kept), len(texts), total
    update.fetched = sum(len(block) for block in fetched.values())
    return update
