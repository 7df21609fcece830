"""A synthetic archive for scale figures: a source index's chunks copied with their dates
shifted YEARS_PER_COPY years a copy, embeddings reused (copies slightly perturbed), written
with VectorStore.upsert and sync_lexical. Scale figures only, never quality."""

from __future__ import annotations

import datetime as dt
import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from bench.measure import SEED, PeakRSS, cpu_seconds, mb, timer
from minutesqa.config import Settings
from minutesqa.decision import decisions_from_metadata
from minutesqa.models import Chunk, human_date

NOISE = 0.01  # per-dimension sd of the perturbation added to reused embeddings (cos ~0.98)
YEARS_PER_COPY = 10  # Limerick spans 2014-2023: copy k is shifted by 10*k years


def index_complete(index_dir: Path) -> bool:
    """An index worth reusing: a non-empty store whose lexical index matches it."""
    if not (index_dir / "chroma").exists():
        return False
    try:
        from minutesqa.indexing.lexical import LexicalIndex
        from minutesqa.indexing.store import VectorStore

        settings = Settings.load(env={}, index_dir=index_dir)
        store = VectorStore(settings, create=False)
        lexical = LexicalIndex.load(index_dir / "lexical")
        return (
            store.count() > 0
            and lexical is not None
            and lexical.fingerprint == store.state()
            and len(lexical.ids) == store.count()
        )
    except Exception:
        return False


def shift_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year without one
        return day.replace(year=day.year + years, day=28)


def read_store(
    store: Any, desc: str
) -> tuple[list[str], list[str], list[dict[str, Any]], np.ndarray]:
    """Every chunk of a VectorStore with its embedding."""
    ids: list[str] = []
    docs: list[str] = []
    metas: list[dict[str, Any]] = []
    vecs: list[np.ndarray] = []
    with tqdm(total=store.count(), desc=desc, unit="chunk", leave=False) as bar:
        for chunk in store.iter_all(documents=True, embeddings=True):
            ids.append(chunk.id)
            docs.append(chunk.document)
            metas.append(chunk.metadata)
            if chunk.embedding is not None:
                vecs.append(chunk.embedding[None, :])
            bar.update(1)
    matrix = np.concatenate(vecs) if vecs else np.zeros((0, 384), dtype=np.float32)
    return ids, docs, metas, matrix


def synthetic_chunk(cid: str, doc: str, meta: dict[str, Any], copy: int) -> Chunk:
    """A stored chunk as copy `copy` of the archive: dates shifted by YEARS_PER_COPY*copy
    years (metadata and the context line alike), a distinct id and source."""
    old = dt.date.fromisoformat(str(meta["date"]))
    new = shift_years(old, YEARS_PER_COPY * copy)
    text = doc
    if copy:
        head, sep, rest = doc.partition("\n")
        head = head.replace(f"| {human_date(old)} |", f"| {human_date(new)} |", 1)
        text = head + sep + rest
    return Chunk(
        id=f"c{copy:02d}-{cid}",
        text=text,
        committee=str(meta["committee"]),
        date=new,
        item=str(meta["item"]),
        title=str(meta["title"]),
        decisions=decisions_from_metadata(meta),
        restricted=bool(meta.get("restricted", False)),
        source=f"{meta['source']}#copy{copy:02d}",
        content_hash=str(meta.get("content_hash", "")),
        item_index=int(meta["item_index"]),
        chunk_index=int(meta["chunk_index"]),
        chunk_count=int(meta["chunk_count"]),
        file_chunk_count=int(meta["file_chunk_count"]),
        kind=str(meta.get("kind") or "ordinary"),
    )


def synthetic_vectors(base: np.ndarray, copy: int, rng: np.random.Generator) -> np.ndarray:
    """Copy 0 keeps the stored vectors; later copies get a small Gaussian perturbation,
    renormalised, so no two stored vectors are identical (duplicates distort HNSW)."""
    if copy == 0:
        return base.copy()
    noisy = base + rng.normal(0.0, NOISE, size=base.shape).astype(np.float32)
    noisy /= np.linalg.norm(noisy, axis=1, keepdims=True)
    return noisy.astype(np.float32)


def build_synthetic(
    source_dir: Path, target_dir: Path, n_chunks: int, rss: PeakRSS
) -> tuple[dict[str, Any], Settings, Any, Any]:
    """A fresh archive of n_chunks chunks from the source index's chunks and embeddings,
    written with VectorStore.upsert, then its lexical index with sync_lexical."""
    from minutesqa.indexing.lexical_sync import sync_lexical
    from minutesqa.indexing.store import VectorStore

    out: dict[str, Any] = {"source_index": str(source_dir), "chunks_requested": n_chunks}
    src = VectorStore(Settings.load(env={}, index_dir=source_dir), create=False)
    with timer(out, "read_source_s"):
        ids, docs, metas, base = read_store(src, "  reading source")
    out["source_chunks"] = len(ids)
    shutil.rmtree(target_dir, ignore_errors=True)
    settings = Settings.load(env={}, index_dir=target_dir)
    rng = np.random.default_rng(SEED)
    rss.reset()
    started, cpu = time.perf_counter(), cpu_seconds()
    store = VectorStore(settings, create=True)
    copies = -(-n_chunks // max(1, len(ids)))
    written = 0
    step = 2000
    with tqdm(total=n_chunks, desc="  upserting", unit="chunk", leave=False) as bar:
        for copy in range(copies):
            take = min(len(ids), n_chunks - written)
            vectors = synthetic_vectors(base[:take], copy, rng)
            for start in range(0, take, step):
                stop = min(take, start + step)
                chunks = [
                    synthetic_chunk(ids[i], docs[i], metas[i], copy) for i in range(start, stop)
                ]
                store.upsert(chunks, vectors[start:stop])
                bar.update(len(chunks))
            written += take
    out["upsert_s"] = round(time.perf_counter() - started, 3)
    with timer(out, "lexical_s"):
        lexical = sync_lexical(store, target_dir / "lexical")
    # the copies' items have the source's texts (only dates differ, and those sit in the
    # context lines, not in item texts), so the source's sentence store holds their
    # sentences, as an ingest of these texts would have made it
    if (source_dir / "sentences").is_dir():
        shutil.copytree(source_dir / "sentences", target_dir / "sentences")
    out["build_s"] = round(time.perf_counter() - started, 3)
    out["build_cpu_s"] = round(cpu_seconds() - cpu, 3)
    out["chunks"] = store.count()
    out["copies"] = copies
    out["years_per_copy"] = YEARS_PER_COPY
    out["embeddings"] = (
        f"reused from {source_dir.name}; copies 1+ perturbed (N(0,{NOISE}) per dim, "
        "renormalised); nothing re-embedded: scale figures only, never quality"
    )
    out["build_peak_rss_mb"] = mb(rss.peak)
    return out, settings, store, lexical
