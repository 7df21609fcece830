"""The ingest pipeline: discover files, parse, segment, chunk, embed, store, and keep the
lexical index in step. Idempotent, one writer at a time, and a file that fails leaves
nothing half-written."""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from minutesqa.chunk import chunk_meeting
from minutesqa.config import Settings
from minutesqa.errors import InputError
from minutesqa.indexing.embed import Embedder, get_embedder
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.indexing.lexical_sync import sync_lexical
from minutesqa.indexing.lock import IndexLock
from minutesqa.indexing.sentence_store import update_sentence_store
from minutesqa.indexing.store import DIRTY, ServerSentences, VectorStore
from minutesqa.indexing.stored import StoredFile, is_current, reusable_vectors, stored_by_source
from minutesqa.models import SENTENCES_VERSION, Chunk, Meeting
from minutesqa.parse import SUPPORTED, read_document
from minutesqa.segment import WHOLE_DOCUMENT, segment
from minutesqa.segment.bodies import settle_bodies, unsettled

# Notes kept beside the minutes about the collection, not minutes: a readme, the source
# or provenance of the files, a licence, a change log ("README", "SOURCE.txt", "Readme.md",
# "LICENSE", "CHANGELOG.md"), in any case, with no extension or a text one (`is_doc_file`)
DOC_NAMES = frozenset(("readme", "source", "sources", "license", "licence", "changelog"))
DOC_EXTENSIONS = frozenset(("", ".md", ".txt", ".markdown", ".rst"))


def is_doc_file(name: str) -> bool:
    """A readme, provenance, licence or change-log note (`DOC_NAMES`) beside the minutes:
    its stem is one of the names and its extension none or a text one; minutes whose name
    only starts so ("Licensing Committee 2023.pdf", "Sources of funding.docx") are minutes."""
    path = Path(name.lower())
    return path.stem in DOC_NAMES and path.suffix in DOC_EXTENSIONS


FLUSH_CHUNKS = 256


@dataclass
class IngestSummary:
    files: int = 0
    meetings: int = 0
    items: int = 0
    chunks: int = 0
    unchanged: int = 0
    failed: int = 0
    pruned: int = 0
    skipped: int = 0
    no_items: int = 0
    reused: int = 0  # chunks written with the vector they already had (text unchanged)
    sentences_embedded: int = 0  # sentences of new or changed items embedded for answers
    sentences_fetched: int = 0  # sentence vectors another host put on the Chroma server
    seconds: float = 0.0
    failures: list[tuple[str, str]] = field(default_factory=list)
    no_item_files: list[str] = field(default_factory=list)

    def line(self) -> str:
        text = (
            f"{self.files} files: {self.meetings} meetings, {self.items} items, "
            f"{self.chunks} chunks written; {self.unchanged} unchanged, {self.failed} failed"
        )
        if self.pruned:
            text += f", {self.pruned} pruned"
        if self.no_items:
            text += f", {self.no_items} without numbered items"
        if self.reused:
            text += f", {self.reused} chunks kept their embeddings"
        if self.sentences_embedded:
            text += f", {self.sentences_embedded} sentences embedded"
        if self.sentences_fetched:
            text += f", {self.sentences_fetched} sentence vectors fetched from the server"
        return text + f" in {self.seconds:.1f} s"


def discover(folder: Path) -> tuple[list[Path], list[tuple[Path, str]], int]:
    """Files to read, files refused (with reasons), and documentation files skipped."""
    if not folder.exists():
        raise InputError(f"{folder}: no such folder; give the folder that holds the minutes")
    if not folder.is_dir():
        raise InputError(f"{folder}: is a file, not a folder; give the folder that holds it")
    root = folder.resolve()
    files: list[Path] = []
    refused: list[tuple[Path, str]] = []
    skipped = 0
    # walk the resolved folder: 'minutes/../x' and '/abs/x' must name a file the same way,
    # or a second ingest by another spelling would index every meeting twice
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = Path(dirpath, name).absolute()
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(root):
                    refused.append((path, "is a symlink pointing outside the folder; refused"))
                    continue
                if not target.is_file():
                    refused.append((path, "is a broken symlink or points to a non-file"))
                    continue
            elif not path.is_file():
                refused.append((path, "is not a regular file"))
                continue
            if is_doc_file(name):
                skipped += 1  # documentation beside the minutes, not minutes
                continue
            files.append(path)
    return files, refused, skipped


def load_meeting(path: Path, settings: Settings) -> Meeting:
    doc = read_document(
        path,
        max_bytes=int(settings.max_file_mb * 1024**2),
        timeout_s=settings.parse_timeout_s,
    )
    return segment(doc)


def iter_items(folder: Path, settings: Settings) -> Iterator[dict[str, Any] | tuple[Path, str]]:
    """For --list: one record per item, or (path, reason) for a file that fails."""
    files, refused, _ = discover(folder)
    yield from refused
    for path in files:
        try:
            meeting = load_meeting(path, settings)
        except InputError as exc:
            yield (path, str(exc))
            continue
        for item in meeting.items:
            yield {
                "committee": meeting.committee,
                "date": meeting.date.isoformat(),
                "kind": meeting.kind,
                "item": item.number or None,  # null: the minutes print no number
                "title": item.title,
                "decisions": [d.display() for d in item.decisions],
                "restricted": item.restricted,
                "source": meeting.source,
            }


def ingest(
    folder: Path,
    settings: Settings,
    *,
    prune: bool = False,
    progress: bool | None = None,
    embedder: Embedder | None = None,
) -> IngestSummary:
    """Ingest `folder` into the index `settings` names (see `Ingestor`)."""
    return Ingestor(folder, settings, prune=prune, progress=progress, embedder=embedder).run()


class Ingestor:
    """One ingest run, its steps in order: plan (the files, those refused), read (each
    changed file parsed and segmented; meetings whose body is not yet named held back),
    settle (those named from their folder), embed-and-write (chunks embedded in batches,
    unchanged chunk texts keeping their vectors, each file's old chunks removed after its
    new ones are written), prune (files gone from the folder), sync (the lexical index and
    the sentence store brought in step with the store). The store is marked DIRTY from the
    first write until the sync, so an interrupted run is redone, never half-read."""

    def __init__(
        self,
        folder: Path,
        settings: Settings,
        *,
        prune: bool = False,
        progress: bool | None = None,
        embedder: Embedder | None = None,
    ) -> None:
        self.folder, self.settings, self.prune = folder, settings, prune
        self.progress, self.embedder = progress, embedder
        self.summary = IngestSummary()
        self.pending: list[tuple[Meeting, list[Chunk]]] = []
        self.unnamed: list[Meeting] = []
        # one body, one name: the names each folder's meetings give
        self.names: dict[str, Counter[str]] = defaultdict(Counter)
        self.existing: dict[str, StoredFile] = {}
        self.store: VectorStore  # opened under the index's lock (`run`)
        self.dirty = False
        self.show = False

    def run(self) -> IngestSummary:
        started = time.perf_counter()
        files = self.plan()
        with IndexLock(self.settings.index_dir):
            self.store = VectorStore(self.settings, create=True)
            self.existing = stored_by_source(self.store)
            self.dirty = self.store.state() == DIRTY
            for src, entry in self.existing.items():
                if entry.committee and not unsettled(entry.committee):
                    self.names[str(Path(src).parent)][entry.committee] += 1
            self.show = (sys.stderr.isatty() if self.progress is None else self.progress) and (
                len(files) > 1
            )
            bar = tqdm(files, desc="Ingesting", unit="file", disable=not self.show, file=sys.stderr)
            for path in bar:
                self.read(path)
            self.settle()
            self.flush()
            if self.prune:
                self.prune_gone()
            self.sync()
        self.summary.failed = len(self.summary.failures)
        self.summary.seconds = time.perf_counter() - started
        return self.summary

    def plan(self) -> list[Path]:
        """The folder's files to read; those refused go to the summary's failures."""
        files, refused, self.summary.skipped = discover(self.folder)
        for path, reason in refused:
            self.summary.failures.append((str(path), reason))
        return files

    def model(self) -> Embedder:
        """The embedding model, loaded at its first use (an unchanged folder needs none)."""
        if self.embedder is None:
            s = self.settings
            self.embedder = get_embedder(s.model, s.embed_batch_size, s.query_backend)
        return self.embedder

    def read(self, path: Path) -> None:
        """One file: skipped where its stored chunks are whole and current, else parsed,
        segmented and queued (or held back until its folder names its body)."""
        summary = self.summary
        summary.files += 1
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            summary.failures.append((str(path), f"cannot be read: {exc.strerror}"))
            return
        fmt = SUPPORTED.get(path.suffix.lower(), "")
        if is_current(self.existing.get(str(path)), digest, fmt):
            summary.unchanged += 1
            return
        try:
            meeting = load_meeting(path, self.settings)
        except InputError as exc:
            summary.failures.append((str(path), str(exc)))
            return
        if meeting.items and meeting.items[0].number == WHOLE_DOCUMENT:
            summary.no_items += 1
            summary.no_item_files.append(str(path))
        if unsettled(meeting.committee):
            self.unnamed.append(meeting)  # named once its folder's other meetings are read
            return
        self.names[str(path.parent)][meeting.committee] += 1
        self.add(meeting)

    def settle(self) -> None:
        """The meetings held back, named from their folder (`segment.settle_bodies`)."""
        for meeting in settle_bodies(self.unnamed, self.names):
            self.add(meeting)

    def add(self, meeting: Meeting) -> None:
        tok = self.model()
        self.pending.append((meeting, chunk_meeting(meeting, tok.count_tokens, tok.max_tokens)))
        if sum(len(c) for _, c in self.pending) >= FLUSH_CHUNKS:
            self.flush()

    def flush(self) -> None:
        """Embed and write the queued meetings' chunks."""
        pending, store, summary = self.pending, self.store, self.summary
        if not pending:
            return
        texts = [c.text for _, chunks in pending for c in chunks]
        known: dict[str, np.ndarray] = {}
        for meeting, _ in pending:
            old = self.existing.get(meeting.source)
            if old is not None:
                known.update(reusable_vectors(store, old.ids))
        todo = [t for t in dict.fromkeys(texts) if t not in known]
        if todo:
            known.update(zip(todo, self.model().embed(todo), strict=True))
        summary.reused += sum(1 for t in texts if t not in todo)
        vectors = np.stack([known[t] for t in texts])
        if not self.dirty:
            store.set_state(DIRTY)  # the lexical index is stale until the end
            self.dirty = True
        offset = 0
        for meeting, chunks in pending:
            part = vectors[offset : offset + len(chunks)]
            offset += len(chunks)
            store.upsert(chunks, part)  # new chunks first, then the old ones go
            new_ids = {c.id for c in chunks}
            old_ids = self.existing.get(meeting.source, StoredFile()).ids
            store.delete([i for i in old_ids if i not in new_ids])
            summary.meetings += 1
            summary.items += len(meeting.items)
            summary.chunks += len(chunks)
        pending.clear()

    def prune_gone(self) -> None:
        """Remove the meetings of files under the folder that no longer exist."""
        root = str(self.folder.resolve())
        gone = [
            src
            for src in self.existing
            if src.startswith(root + os.sep) and not os.path.lexists(src)
        ]
        for src in gone:
            self.store.delete(self.existing[src].ids)
        self.summary.pruned = len(gone)
        self.dirty = self.dirty or bool(gone)

    def sync(self) -> None:
        """The lexical index and every item's sentence vectors (for answers that embed
        only the question) brought in step with the store."""
        settings, store = self.settings, self.store
        lexical_dir = settings.index_dir / "lexical"
        current = LexicalIndex.load(lexical_dir)
        if self.dirty or current is None or current.fingerprint != store.state():
            current = sync_lexical(store, lexical_dir)
        shared = (
            ServerSentences(store, settings.model, SENTENCES_VERSION)
            if settings.server_mode
            else None
        )
        sentences = update_sentence_store(
            settings.index_dir / "sentences",
            current.items(),
            self.model,
            settings.model,
            SENTENCES_VERSION,
            progress=self.show,
            shared=shared,
        )
        self.summary.sentences_embedded = sentences.embedded
        self.summary.sentences_fetched = sentences.fetched


__all__ = [
    "IngestSummary",
    "discover",
    "ingest",
    "iter_items",
]
