"""Performance bench: ingest throughput against the model alone, re-ingest, query latency,
and a synthetic archive of ~100k chunks for scale and HNSW recall.

    python bench/run.py --samples ../shared/minutes --limerick ../shared/corpora/limerick \
        --out bench/out [--quick] [--synthetic N] [--skip-limerick]

Every figure is measured in the run that reports it; a ratio's baseline is measured in the
same run. Writes OUT/bench.json and OUT/bench.md and prints the same tables. All indexes
live under OUT (git-ignored). The synthetic archive reuses stored embeddings (plus a small
perturbation) instead of embedding 100k texts: it is for scale figures only, never quality.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # run as a script from any folder
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from tqdm import tqdm  # noqa: E402

from minutesqa.chunk import chunk_meeting  # noqa: E402
from minutesqa.config import Settings  # noqa: E402
from minutesqa.errors import InputError  # noqa: E402
from minutesqa.ingest import FLUSH_CHUNKS, discover, ingest, load_meeting  # noqa: E402
from minutesqa.models import Chunk, human_date  # noqa: E402

N_QUESTIONS = 30
N_WARMUP = 3
RECALL_QUERIES = 100
RECALL_K = 10
SELF_QUERIES = 1000
NOISE = 0.01  # per-dimension sd of the perturbation added to reused embeddings (cos ~0.98)
YEARS_PER_COPY = 10  # Limerick spans 2014-2023: copy k is shifted by 10*k years
SEED = 20240530


# --- measuring -----------------------------------------------------------------------------
class PeakRSS:
    """Samples the process's resident memory in a thread; `peak` since the last reset."""

    def __init__(self, interval: float = 0.05) -> None:
        import psutil

        self.proc = psutil.Process()
        self.interval = interval
        self.peak = self.proc.memory_info().rss
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            rss = self.proc.memory_info().rss
            if rss > self.peak:
                self.peak = rss

    def reset(self) -> int:
        self.peak = self.proc.memory_info().rss
        return self.peak

    def current(self) -> int:
        return int(self.proc.memory_info().rss)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=1)


def ru_maxrss_bytes() -> int:
    """The kernel's high-water mark of this process's RSS (KiB on Linux, bytes on macOS)."""
    raw = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(raw if sys.platform == "darwin" else raw * 1024)


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=np.float64), q)) if values else 0.0


def latency_summary(ms: Sequence[float]) -> dict[str, float]:
    return {
        "n": len(ms),
        "p50_ms": round(percentile(ms, 50), 2),
        "p95_ms": round(percentile(ms, 95), 2),
        "mean_ms": round(float(np.mean(ms)) if ms else 0.0, 2),
        "max_ms": round(max(ms) if ms else 0.0, 2),
    }


def disk_usage(path: Path) -> dict[str, int]:
    """Like `du`: blocks actually allocated, and the apparent size of the files."""
    used = apparent = files = 0
    for dirpath, _dirs, names in os.walk(path):
        for name in names:
            try:
                st = os.lstat(os.path.join(dirpath, name))
            except OSError:
                continue
            used += st.st_blocks * 512
            apparent += st.st_size
            files += 1
    return {"bytes": used, "apparent_bytes": apparent, "files": files}


def mb(n: float) -> float:
    return round(n / 1024**2, 1)


class TimedEmbedder:
    """Passes through to the real embedder and adds up the time spent in `embed`."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.name = inner.name
        self.max_tokens = inner.max_tokens
        self.seconds = 0.0
        self.cpu_seconds = 0.0
        self.texts = 0
        self.calls = 0

    def embed(self, texts: list[str]) -> np.ndarray:
        started, cpu = time.perf_counter(), cpu_seconds()
        out = self.inner.embed(texts)
        self.seconds += time.perf_counter() - started
        self.cpu_seconds += cpu_seconds() - cpu
        self.texts += len(texts)
        self.calls += 1
        return out

    def count_tokens(self, text: str) -> int:
        return int(self.inner.count_tokens(text))


@contextmanager
def timer(into: dict[str, Any], key: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        into[key] = round(time.perf_counter() - started, 3)


def cpu_seconds() -> float:
    """CPU seconds this process has used (user + system, all threads)."""
    t = os.times()
    return t.user + t.system


@contextmanager
def cpu_timer(into: dict[str, Any], key: str) -> Iterator[None]:
    """Wall and CPU seconds of a block: CPU / wall well under the core count means the
    machine was busy with other work while it ran."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    try:
        yield
    finally:
        into[f"{key}_wall_s"] = round(time.perf_counter() - wall, 3)
        into[f"{key}_cpu_s"] = round(cpu_seconds() - cpu, 3)


def load_avg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


# --- corpora and questions -----------------------------------------------------------------
@dataclass
class BenchQuestion:
    question: str
    history: tuple[str, ...] = ()
    qid: str = ""


def load_questions(path: Path) -> list[BenchQuestion]:
    import yaml

    rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [
        BenchQuestion(str(r["question"]), tuple(r.get("history") or ()), str(r.get("id", "")))
        for r in rows
        if isinstance(r, dict) and r.get("question")
    ]


def pick_questions(
    questions: list[BenchQuestion], n: int = N_QUESTIONS, warmup: int = N_WARMUP
) -> tuple[list[BenchQuestion], list[BenchQuestion]]:
    """A fixed, evenly spaced selection of n questions, and `warmup` others to warm up on
    (so the timed questions do not hit caches the warm-up filled)."""
    if len(questions) <= n:
        timed = list(questions)
        rest: list[BenchQuestion] = []
    else:
        idx = sorted({int(i) for i in np.linspace(0, len(questions) - 1, n)})
        chosen = set(idx)
        timed = [questions[i] for i in idx]
        rest = [q for i, q in enumerate(questions) if i not in chosen]
    warm = rest[:warmup] if rest else timed[:warmup]
    return timed, warm


def collect_texts(folder: Path, settings: Settings, embedder: Any) -> tuple[list[str], int]:
    """The chunk texts ingest would embed, by the same discover/load_meeting/chunk_meeting."""
    files, _refused, _skipped = discover(folder)
    texts: list[str] = []
    failed = 0
    for path in tqdm(files, desc="  chunking", unit="file", leave=False, disable=len(files) < 10):
        try:
            meeting = load_meeting(path, settings)
        except InputError:
            failed += 1
            continue
        chunks = chunk_meeting(meeting, embedder.count_tokens, embedder.max_tokens)
        texts.extend(c.text for c in chunks)
    return texts, failed


def sample_evenly(items: list[str], n: int) -> list[str]:
    if n <= 0 or n >= len(items):
        return list(items)
    idx = np.linspace(0, len(items) - 1, n).round().astype(int)
    return [items[i] for i in idx]


def embed_alone(embedder: Any, texts: list[str], desc: str) -> float:
    """Seconds the model takes for these texts, in ingest's groups (FLUSH_CHUNKS texts per
    call, the embedder's own batch size within a call)."""
    seconds = 0.0
    with tqdm(total=len(texts), desc=desc, unit="chunk", leave=False) as bar:
        for start in range(0, len(texts), FLUSH_CHUNKS):
            part = texts[start : start + FLUSH_CHUNKS]
            t0 = time.perf_counter()
            embedder.embed(part)
            seconds += time.perf_counter() - t0
            bar.update(len(part))
    return seconds


def index_complete(index_dir: Path) -> bool:
    """An index worth reusing: a non-empty store whose lexical index matches it."""
    if not (index_dir / "chroma").exists():
        return False
    try:
        from minutesqa.lexical import LexicalIndex
        from minutesqa.store import VectorStore

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


# --- queries -------------------------------------------------------------------------------
def query_latency(
    settings: Settings,
    embedder: Any,
    questions: list[BenchQuestion],
    warmup: list[BenchQuestion],
    desc: str,
    *,
    store: Any = None,
    lexical: Any = None,
) -> dict[str, Any]:
    """p50/p95 of Retriever.search and of Pipeline.ask, the model loaded, after a warm-up."""
    from minutesqa import answer as answer_module
    from minutesqa.answer import Pipeline
    from minutesqa.retrieve import Query, Retriever

    out: dict[str, Any] = {}
    # the writer caches sentence embeddings by item text; an earlier index's questions
    # (the synthetic archive holds the same texts) must not make this one look fast
    answer_module._SENTENCE_CACHE.clear()
    with timer(out, "open_s"):
        retriever = Retriever(settings, store=store, embedder=embedder, lexical=lexical)
        pipeline = Pipeline(settings, retriever=retriever)
    for q in warmup:
        retriever.search(Query(q.question, q.history, k=settings.k))
        pipeline.ask(q.question, list(q.history))
    search_ms: list[float] = []
    cpu = cpu_seconds()
    for q in tqdm(questions, desc=f"{desc}: search", unit="q", leave=False):
        t0 = time.perf_counter()
        retriever.search(Query(q.question, q.history, k=settings.k))
        search_ms.append((time.perf_counter() - t0) * 1000.0)
    search_cpu = cpu_seconds() - cpu
    ask_ms: list[float] = []
    abstained = 0
    cpu = cpu_seconds()
    for q in tqdm(questions, desc=f"{desc}: ask", unit="q", leave=False):
        t0 = time.perf_counter()
        answer = pipeline.ask(q.question, list(q.history))
        ask_ms.append((time.perf_counter() - t0) * 1000.0)
        abstained += int(answer.abstained)
    out.update(
        {
            "questions": len(questions),
            "warmup_questions": len(warmup),
            "search": latency_summary(search_ms),
            "ask": latency_summary(ask_ms),
            "abstained": abstained,
            "search_cpu_share": round(search_cpu * 1000.0 / sum(search_ms), 2) if search_ms else 0,
            "ask_cpu_share": round((cpu_seconds() - cpu) * 1000.0 / sum(ask_ms), 2)
            if ask_ms
            else 0,
        }
    )
    return out


# --- the synthetic archive -----------------------------------------------------------------
def shift_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February into a year without one
        return day.replace(year=day.year + years, day=28)


def read_store(
    store: Any, desc: str
) -> tuple[list[str], list[str], list[dict[str, Any]], np.ndarray]:
    """Every chunk of a VectorStore with its embedding. VectorStore.iter_all() cannot return
    embeddings, so this pages through the Chroma collection directly."""
    ids: list[str] = []
    docs: list[str] = []
    metas: list[dict[str, Any]] = []
    vecs: list[np.ndarray] = []
    total = store.count()
    page = 5000
    with tqdm(total=total, desc=desc, unit="chunk", leave=False) as bar:
        for offset in range(0, total, page):
            got = store.collection.get(
                include=["documents", "metadatas", "embeddings"], limit=page, offset=offset
            )
            if not got["ids"]:
                break
            ids.extend(got["ids"])
            docs.extend(d or "" for d in got["documents"])
            metas.extend(dict(m or {}) for m in got["metadatas"])
            vecs.append(np.asarray(got["embeddings"], dtype=np.float32))
            bar.update(len(got["ids"]))
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
    decisions = str(meta.get("decisions") or "")
    return Chunk(
        id=f"c{copy:02d}-{cid}",
        text=text,
        committee=str(meta["committee"]),
        date=new,
        item=str(meta["item"]),
        title=str(meta["title"]),
        decisions=tuple(decisions.split("\n")) if decisions else (),
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
    from minutesqa.ingest import sync_lexical
    from minutesqa.store import VectorStore

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


# --- HNSW against brute force --------------------------------------------------------------
def hnsw_recall(
    store: Any,
    embedder: Any,
    questions: list[str],
    n_queries: int = RECALL_QUERIES,
    k: int = RECALL_K,
    desc: str = "recall",
) -> dict[str, Any]:
    """recall@k of Chroma's HNSW answer against exact cosine over every stored embedding.
    Queries: the embedded questions, then random stored embeddings up to n_queries."""
    out: dict[str, Any] = {}
    with timer(out, "read_embeddings_s"):
        ids, _docs, _metas, matrix = read_store(store, f"  {desc}: reading embeddings")
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = matrix / np.where(norms == 0, 1.0, norms)
    rng = np.random.default_rng(SEED + 1)
    qs = questions[:n_queries]
    q_vectors = [v for v in embedder.embed(qs)] if qs else []
    n_random = max(0, n_queries - len(q_vectors))
    if n_random:
        picks = rng.choice(len(ids), size=min(n_random, len(ids)), replace=False)
        q_vectors.extend(unit[i] for i in picks)
    res = recall_at_k(ids, unit, q_vectors, lambda v: chroma_top(store, v, k), k, desc=f"  {desc}")
    out.update(res)
    out.update({"chunks": len(ids), "question_queries": len(qs), "random_chunk_queries": n_random})
    # reachability: a stored chunk queried with its own embedding should come back in the
    # top k (or an exact duplicate of it should, at distance ~0)
    sample = rng.choice(len(ids), size=min(SELF_QUERIES, len(ids)), replace=False)
    lost = 0
    for i in tqdm(sample, desc=f"  {desc}: self-retrieval", unit="q", leave=False):
        got = store.collection.query(
            query_embeddings=[matrix[i].tolist()], n_results=k, include=["distances"]
        )
        if ids[i] not in got["ids"][0] and not (got["distances"][0] or [1.0])[0] < 1e-4:
            lost += 1
    out["self_queries"] = len(sample)
    out["self_not_found_share"] = round(lost / max(1, len(sample)), 4)
    out["hnsw_config"] = _hnsw_config(store)
    return out


def chroma_top(store: Any, vector: np.ndarray, k: int) -> list[str]:
    res = store.collection.query(query_embeddings=[vector.tolist()], n_results=k, include=[])
    return list(res["ids"][0])


def brute_scores(unit: np.ndarray, vector: np.ndarray) -> np.ndarray:
    return unit @ (vector / (np.linalg.norm(vector) or 1.0))


def brute_top(ids: list[str], unit: np.ndarray, vector: np.ndarray, k: int) -> list[str]:
    scores = brute_scores(unit, vector)
    k = min(k, len(ids))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top])]
    return [ids[i] for i in top]


def recall_at_k(
    ids: list[str],
    unit: np.ndarray,
    queries: Sequence[np.ndarray],
    approx: Callable[[np.ndarray], list[str]],
    k: int,
    desc: str = "recall",
) -> dict[str, Any]:
    recalls: list[float] = []
    tie_recalls: list[float] = []
    sim_ratios: list[float] = []
    approx_ms: list[float] = []
    exact_ms: list[float] = []
    pos = {cid: i for i, cid in enumerate(ids)}
    for vector in tqdm(queries, desc=desc, unit="q", leave=False):
        t0 = time.perf_counter()
        got = approx(vector)
        approx_ms.append((time.perf_counter() - t0) * 1000.0)
        t0 = time.perf_counter()
        truth = brute_top(ids, unit, vector, k)
        exact_ms.append((time.perf_counter() - t0) * 1000.0)
        recalls.append(len(set(got) & set(truth)) / max(1, len(truth)))
        # misses among near-equal neighbours are no real loss: count a result as found
        # when its exact similarity reaches the k-th exact one, and compare the sums
        scores = brute_scores(unit, vector)
        kth = float(scores[pos[truth[-1]]]) - 1e-6
        got_scores = [float(scores[pos[c]]) for c in got if c in pos]
        tie_recalls.append(sum(sc >= kth for sc in got_scores) / max(1, len(truth)))
        best = sum(float(scores[pos[c]]) for c in truth)
        sim_ratios.append(sum(got_scores) / best if best else 1.0)
    return {
        "k": k,
        "queries": len(recalls),
        "recall_mean": round(float(np.mean(recalls)) if recalls else 0.0, 4),
        "recall_min": round(float(np.min(recalls)) if recalls else 0.0, 4),
        "perfect_share": round(float(np.mean([r == 1.0 for r in recalls])) if recalls else 0, 4),
        "recall_with_ties_mean": round(float(np.mean(tie_recalls)) if tie_recalls else 0.0, 4),
        "similarity_sum_ratio_mean": round(float(np.mean(sim_ratios)) if sim_ratios else 0.0, 4),
        "similarity_sum_ratio_min": round(float(np.min(sim_ratios)) if sim_ratios else 0.0, 4),
        "hnsw": latency_summary(approx_ms),
        "brute_force": latency_summary(exact_ms),
    }


def _hnsw_config(store: Any) -> dict[str, Any]:
    try:
        conf = store.collection.configuration or {}
        hnsw = conf.get("hnsw") or {}
        return {k: v for k, v in dict(hnsw).items() if v is not None}
    except Exception:
        return {}


# --- one corpus ----------------------------------------------------------------------------
def bench_corpus(
    name: str,
    folder: Path,
    questions_file: Path,
    out_dir: Path,
    embedder: Any,
    rss: PeakRSS,
    embed_sample: int,
) -> dict[str, Any]:
    res: dict[str, Any] = {"folder": str(folder), "load_avg_start": load_avg()}
    index_dir = out_dir / f"index-{name}"
    settings = Settings.load(env={}, index_dir=index_dir)

    print(f"[{name}] collecting chunk texts (discover, load_meeting, chunk_meeting)")
    with timer(res, "chunking_s"):
        texts, failed = collect_texts(folder, settings, embedder)
    alone = sample_evenly(texts, embed_sample)
    print(f"[{name}] {len(texts)} chunks; model alone on {len(alone)} of them")
    cpu = cpu_seconds()
    seconds = embed_alone(embedder, alone, f"[{name}] model alone")
    res["model_alone"] = {
        "cpu_s": round(cpu_seconds() - cpu, 3),
        "texts": len(alone),
        "of_chunks": len(texts),
        "sampled": len(alone) < len(texts),
        "seconds": round(seconds, 3),
        "chunks_per_s": round(len(alone) / seconds, 2) if seconds else 0.0,
        "batch_size": getattr(embedder, "batch_size", None),
        "texts_per_call": FLUSH_CHUNKS,
    }

    print(f"[{name}] fresh ingest into an empty {index_dir}")
    shutil.rmtree(index_dir, ignore_errors=True)
    timed = TimedEmbedder(embedder)
    rss.reset()
    t0, cpu = time.perf_counter(), cpu_seconds()
    summary = ingest(folder, settings, embedder=timed, progress=True)  # type: ignore[arg-type]
    ingest_s = time.perf_counter() - t0
    ingest_cpu = cpu_seconds() - cpu
    ingest_rate = summary.chunks / ingest_s if ingest_s else 0.0
    model_rate = res["model_alone"]["chunks_per_s"]
    model_for_all = summary.chunks / model_rate if model_rate else 0.0
    res["ingest"] = {
        "files": summary.files,
        "meetings": summary.meetings,
        "items": summary.items,
        "without_items": summary.no_items,
        "chunks": summary.chunks,
        "failed": summary.failed,
        "seconds": round(ingest_s, 3),
        "cpu_s": round(ingest_cpu, 3),
        "chunks_per_s": round(ingest_rate, 2),
        "embed_inside_ingest_s": round(timed.seconds, 3),
        "embed_inside_ingest_cpu_s": round(timed.cpu_seconds, 3),
        "overhead_ratio_cpu": round(
            ingest_cpu / (summary.chunks * res["model_alone"]["cpu_s"] / len(alone)), 3
        )
        if alone and res["model_alone"]["cpu_s"] and summary.chunks
        else None,
        "overhead_ratio_vs_embed_inside": round(ingest_s / timed.seconds, 3)
        if timed.seconds
        else None,
        "embed_inside_ingest_share": round(timed.seconds / ingest_s, 3) if ingest_s else 0.0,
        "model_alone_s_for_these_chunks": round(model_for_all, 3),
        "overhead_ratio": round(ingest_s / model_for_all, 3) if model_for_all else None,
        "peak_rss_mb": mb(rss.peak),
        "chunk_texts_match": len(texts) == summary.chunks,
    }
    if summary.failures:
        res["ingest"]["failures"] = summary.failures[:10]

    print(f"[{name}] re-ingest of the unchanged corpus")
    t0 = time.perf_counter()
    again = ingest(folder, settings, embedder=timed, progress=False)  # type: ignore[arg-type]
    re_s = time.perf_counter() - t0
    res["reingest"] = {
        "seconds": round(re_s, 3),
        "ratio_to_first": round(re_s / ingest_s, 4) if ingest_s else None,
        "chunks_written": again.chunks,
        "unchanged_files": again.unchanged,
    }
    res["disk"] = disk_usage(index_dir)

    picked, warm = pick_questions(load_questions(questions_file))
    print(f"[{name}] query latency over {len(picked)} questions (warm-up {len(warm)})")
    rss.reset()
    res["query"] = query_latency(settings, embedder, picked, warm, f"[{name}]")
    res["query"]["peak_rss_mb"] = mb(rss.peak)
    res["load_avg_end"] = load_avg()
    return res


def bench_load(index_dir: Path, out_dir: Path, n: int, clients: int) -> dict[str, Any]:
    """The app as its own process (`minutes serve`, default concurrency and queue) on the
    samples index: first every sample question once from one client (the unloaded
    baseline), then `n` questions from `clients` concurrent clients."""
    from minutesqa.loadtest import SAMPLE_QUESTIONS, cycle, run_load, serve_process, summary_line

    settings = Settings.load(env={})
    res: dict[str, Any] = {
        "concurrency": settings.concurrency,
        "max_queue": settings.max_queue,
        "load_avg_start": load_avg(),
    }
    with serve_process(index_dir, out_dir / "serve-load.log") as url:
        print("[load] warm-up and one client, one question at a time")
        run_load(url, SAMPLE_QUESTIONS[:3], clients=1)
        res["one_client"] = run_load(url, SAMPLE_QUESTIONS, clients=1)
        print("[load] " + summary_line(res["one_client"]))
        print(f"[load] {n} questions from {clients} concurrent clients")
        res["loaded"] = run_load(url, cycle(SAMPLE_QUESTIONS, n), clients=clients)
        print("[load] " + summary_line(res["loaded"]))
    one, loaded = res["one_client"], res["loaded"]
    res["p50_ratio"] = round(loaded["p50"] / one["p50"], 2) if one["p50"] else None
    res["p95_ratio"] = round(loaded["p95"] / one["p95"], 2) if one["p95"] else None
    res["throughput_ratio"] = round(loaded["per_s"] / one["per_s"], 2) if one["per_s"] else None
    res["load_avg_end"] = load_avg()
    return res


# --- output --------------------------------------------------------------------------------
def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(headers: list[str], rows: list[list[Any]]) -> str:
    cells = [[_fmt(c) for c in row] for row in rows]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def render_markdown(report: dict[str, Any]) -> str:
    meta = report["meta"]
    parts = [
        "# minutesqa bench",
        "",
        f"{meta['started']} on {meta['machine']} ({meta['cpus']} CPUs, torch threads "
        f"{meta['torch_threads']}), model {meta['model']} (load {meta['model_load_s']} s), "
        f"chromadb {meta['chromadb']}, commit {meta.get('git_commit', '?')} "
        f"({len(meta.get('git_changed', []))} files differing in the working tree). "
        f"Total {report['total_s']:.0f} s. "
        f"Load average start/end: {meta['load_avg_start']} / {report.get('load_avg_end')}.",
        "",
    ]
    corpora = report.get("corpora", {})
    if corpora:
        rows = []
        for name, c in corpora.items():
            ing, alone, re_ = c["ingest"], c["model_alone"], c["reingest"]
            rows.append(
                [
                    name,
                    ing["files"],
                    ing.get("meetings"),
                    ing.get("without_items"),
                    ing.get("failed"),
                    ing["chunks"],
                    ing["seconds"],
                    ing["chunks_per_s"],
                    f"{alone['chunks_per_s']:.1f}"
                    + (f" ({alone['texts']})" if alone["sampled"] else ""),
                    ing["model_alone_s_for_these_chunks"],
                    ing["overhead_ratio"],
                    ing["embed_inside_ingest_s"],
                    ing["overhead_ratio_vs_embed_inside"],
                    ing.get("overhead_ratio_cpu"),
                    round(ing["cpu_s"] / ing["seconds"], 2) if ing["seconds"] else None,
                    re_["seconds"],
                    re_["ratio_to_first"],
                ]
            )
        parts += [
            "## Ingest (fresh index, real model)",
            "",
            table(
                [
                    "corpus",
                    "files",
                    "meetings",
                    "no items found",
                    "failed",
                    "chunks",
                    "ingest s",
                    "ingest chunks/s",
                    "model alone chunks/s",
                    "model alone s (same chunks)",
                    "overhead (ingest / model)",
                    "embed s inside ingest",
                    "ingest / embed inside",
                    "overhead in CPU s",
                    "ingest CPU/wall",
                    "re-ingest s",
                    "re-ingest / first",
                ],
                rows,
            ),
            "",
            "Model alone: `embedder.embed` on the chunk texts from discover/load_meeting/"
            f"chunk_meeting, {FLUSH_CHUNKS} texts a call (ingest's flush size), the embedder's "
            "batch size within a call; where sampled, the count of texts embedded is in "
            "brackets and the seconds for all chunks are derived from that rate. "
            "'Embed s inside ingest': time spent in embed() during the ingest itself, so "
            "'ingest / embed inside' is the overhead measured under the same machine load; "
            "'overhead in CPU s': process CPU seconds of the ingest over the model's CPU "
            "seconds for as many chunks (robust to other work on the machine). "
            "CPU/wall: process CPU seconds per wall second (2 = both cores busy for us; "
            "less means other work shared the machine).",
            "",
        ]
    qrows = []
    for name, c in corpora.items():
        q = c["query"]
        qrows.append(_qrow(name, c["ingest"]["chunks"], q))
    scale = report.get("scale")
    if scale and "query" in scale:
        qrows.append(_qrow("synthetic", scale["chunks"], scale["query"]))
    if qrows:
        parts += [
            "## Query latency (model loaded, after warm-up)",
            "",
            table(
                [
                    "index",
                    "chunks",
                    "questions",
                    "search p50 ms",
                    "search p95 ms",
                    "ask p50 ms",
                    "ask p95 ms",
                    "abstained",
                    "ask CPU/wall",
                ],
                qrows,
            ),
            "",
        ]
    srows = []
    for name, c in corpora.items():
        srows.append(
            [
                name,
                c["ingest"]["chunks"],
                c["ingest"]["seconds"],
                mb(c["disk"]["bytes"]),
                c["ingest"]["peak_rss_mb"],
                c["query"]["peak_rss_mb"],
            ]
        )
    if scale:
        srows.append(
            [
                f"synthetic ({scale['copies']} copies of {scale['source_chunks']})",
                scale["chunks"],
                f"{scale['build_s']:.1f} (upsert {scale['upsert_s']:.1f} + lexical "
                f"{scale['lexical_s']:.1f})",
                mb(scale["disk"]["bytes"]),
                scale["build_peak_rss_mb"],
                scale["query"]["peak_rss_mb"],
            ]
        )
    if srows:
        parts += [
            "## Scale",
            "",
            table(
                [
                    "index",
                    "chunks",
                    "build s",
                    "disk MB",
                    "peak RSS MB (build)",
                    "peak RSS MB (queries)",
                ],
                srows,
            ),
            "",
            f"Process RSS high-water mark (ru_maxrss) over the whole run: "
            f"{report['ru_maxrss_mb']} MB.",
        ]
        if scale:
            parts += ["", f"Synthetic archive: {scale['embeddings']}."]
        parts.append("")
    load = report.get("load")
    if load:
        one, loaded = load["one_client"], load["loaded"]
        lrows = [
            ["1 client, one at a time", one["n"], one["ok"], one["failed"], one["p50"],
             one["p95"], one["max"], one["per_s"], "1.00", "1.00"],
            [f"{loaded['clients']} clients at once", loaded["n"], loaded["ok"],
             loaded["failed"], loaded["p50"], loaded["p95"], loaded["max"], loaded["per_s"],
             load["p50_ratio"], load["p95_ratio"]],
        ]  # fmt: skip
        parts += [
            "## The app under load (samples index, `minutes serve` as its own process)",
            "",
            table(
                [
                    "clients",
                    "questions",
                    "answered",
                    "failed",
                    "p50 s",
                    "p95 s",
                    "max s",
                    "answers/s",
                    "p50 / 1 client",
                    "p95 / 1 client",
                ],
                lrows,
            ),
            "",
            f"Queue: concurrency {load['concurrency']}, max queue {load['max_queue']} "
            "(MINUTES_CONCURRENCY, MINUTES_MAX_QUEUE). Latency is per question from submit "
            "to the full answer over gradio_client, so under load it includes waiting in the "
            f"queue; throughput ratio {load['throughput_ratio']}.",
            "",
        ]
    hrows = []
    for name, h in report.get("hnsw", {}).items():
        hrows.append(
            [
                name,
                h["chunks"],
                h["queries"],
                h["recall_mean"],
                h["recall_min"],
                h["perfect_share"],
                h.get("recall_with_ties_mean"),
                h.get("similarity_sum_ratio_min"),
                h.get("self_not_found_share"),
                h["hnsw"]["p50_ms"],
                h["hnsw"]["p95_ms"],
                h["brute_force"]["p50_ms"],
                h["brute_force"]["p95_ms"],
            ]
        )
    if hrows:
        parts += [
            f"## HNSW recall@{RECALL_K} against brute-force cosine",
            "",
            table(
                [
                    "index",
                    "chunks",
                    "queries",
                    "recall mean",
                    "recall min",
                    "share = 1",
                    "recall (ties)",
                    "sim ratio min",
                    "self not found",
                    "HNSW p50 ms",
                    "HNSW p95 ms",
                    "numpy p50 ms",
                    "numpy p95 ms",
                ],
                hrows,
            ),
            "",
            "Queries: the embedded benchmark questions, then random stored chunk embeddings "
            "up to the count. HNSW: Chroma `collection.query` (ids only); numpy: a matrix-vector "
            "product over all stored embeddings read back from Chroma. 'recall (ties)' counts "
            "an HNSW result as found when its exact cosine reaches the k-th exact one; 'sim "
            "ratio min': the worst query's sum of exact cosines of HNSW's 10 over the true 10's "
            f"(1 = no loss); 'self not found': share of {SELF_QUERIES} stored chunks that "
            f"Chroma does not return in its top {RECALL_K} for their own embedding. "
            f"Chroma HNSW settings: {_hnsw_settings(report)}.",
            "",
        ]
    return "\n".join(parts)


def _hnsw_settings(report: dict[str, Any]) -> str:
    for h in report.get("hnsw", {}).values():
        if h.get("hnsw_config"):
            return ", ".join(f"{k}={v}" for k, v in h["hnsw_config"].items())
    return "defaults"


def _qrow(name: str, chunks: int, q: dict[str, Any]) -> list[Any]:
    return [
        name,
        chunks,
        q["questions"],
        q["search"]["p50_ms"],
        q["search"]["p95_ms"],
        q["ask"]["p50_ms"],
        q["ask"]["p95_ms"],
        q["abstained"],
        q.get("ask_cpu_share"),
    ]


def git_state() -> dict[str, Any]:
    """The commit benchmarked, and the files that differed from it (the tree is shared)."""
    import subprocess

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=20
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    changed = [line[3:] for line in git("status", "--porcelain").splitlines() if line]
    return {"git_commit": git("rev-parse", "--short", "HEAD"), "git_changed": changed}


# --- main ----------------------------------------------------------------------------------
@dataclass
class Options:
    samples: Path
    limerick: Path | None
    out: Path
    synthetic: int
    quick: bool
    embed_sample: int
    load_n: int = 50
    load_clients: int = 10
    questions_dir: Path = field(default_factory=lambda: ROOT / "eval")


def parse_args(argv: list[str] | None = None) -> Options:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--samples", type=Path, default=ROOT.parent / "shared" / "minutes")
    p.add_argument("--limerick", type=Path, default=ROOT.parent / "shared" / "corpora" / "limerick")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    p.add_argument("--quick", action="store_true", help="samples only, synthetic of 10k")
    p.add_argument("--synthetic", type=int, default=None, help="synthetic chunks (100000)")
    p.add_argument("--skip-limerick", action="store_true", help="no Limerick ingest or queries")
    p.add_argument(
        "--embed-sample",
        type=int,
        default=2000,
        help="texts the model-alone baseline embeds for a large corpus, evenly spread "
        "(0: all; the samples corpus is always embedded whole)",
    )
    p.add_argument(
        "--load", type=int, default=50, help="questions of the app load test (0: skip it)"
    )
    p.add_argument("--load-clients", type=int, default=10, help="concurrent clients (10)")
    a = p.parse_args(argv)
    synthetic = a.synthetic if a.synthetic is not None else (10_000 if a.quick else 100_000)
    limerick = None if (a.quick or a.skip_limerick) else a.limerick
    return Options(
        a.samples,
        limerick,
        a.out,
        synthetic,
        a.quick,
        a.embed_sample,
        a.load if not a.quick else min(a.load, 20),
        a.load_clients,
    )


def main(argv: list[str] | None = None) -> int:
    opts = parse_args(argv)
    opts.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rss = PeakRSS()

    import chromadb
    import torch

    from minutesqa.embed import get_embedder

    base = Settings.load(env={})
    meta: dict[str, Any] = {
        "started": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": f"{platform.system()} {platform.machine()}",
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "torch_threads": torch.get_num_threads(),
        "chromadb": chromadb.__version__,
        "model": base.model,
        "embed_batch_size": base.embed_batch_size,
        "quick": opts.quick,
        "synthetic_requested": opts.synthetic,
        "load_avg_start": load_avg(),
        "argv": sys.argv[1:],
        **git_state(),
    }
    print("loading the embedding model")
    t0 = time.perf_counter()
    embedder = get_embedder(base.model, base.embed_batch_size)
    embedder.embed(["warm-up: the committee noted the report."] * 8)
    meta["model_load_s"] = round(time.perf_counter() - t0, 2)
    report: dict[str, Any] = {"meta": meta, "corpora": {}, "hnsw": {}}

    def save() -> None:
        report["total_s"] = round(time.perf_counter() - started, 1)
        report["ru_maxrss_mb"] = mb(ru_maxrss_bytes())
        report["load_avg_end"] = load_avg()
        (opts.out / "bench.json").write_text(json.dumps(report, indent=2, default=str) + "\n")
        (opts.out / "bench.md").write_text(render_markdown(report) + "\n")

    report["corpora"]["samples"] = bench_corpus(
        "samples",
        opts.samples,
        opts.questions_dir / "questions.yaml",
        opts.out,
        embedder,
        rss,
        embed_sample=0,
    )
    save()
    if opts.load_n > 0:
        report["load"] = bench_load(
            opts.out / "index-samples", opts.out, opts.load_n, opts.load_clients
        )
        save()
    if opts.limerick is not None:
        report["corpora"]["limerick"] = bench_corpus(
            "limerick",
            opts.limerick,
            opts.questions_dir / "limerick_questions.yaml",
            opts.out,
            embedder,
            rss,
            embed_sample=opts.embed_sample,
        )
        save()

    # scale: the Limerick index (this run's, or a complete one left by an earlier run)
    limerick_index = opts.out / "index-limerick"
    if index_complete(limerick_index):
        source, q_file = limerick_index, opts.questions_dir / "limerick_questions.yaml"
    else:
        print(f"no complete {limerick_index}: the synthetic archive is built from the samples")
        source, q_file = opts.out / "index-samples", opts.questions_dir / "questions.yaml"
    questions = load_questions(q_file)
    picked, warm = pick_questions(questions)

    if source == limerick_index:
        from minutesqa.store import VectorStore

        settings_l = Settings.load(env={}, index_dir=limerick_index)
        report["hnsw"]["limerick"] = hnsw_recall(
            VectorStore(settings_l, create=False),
            embedder,
            [q.question for q in questions],
            desc="limerick",
        )
    save()

    if opts.synthetic > 0:
        print(f"building a synthetic archive of {opts.synthetic:,} chunks from {source}")
        target = opts.out / "index-synthetic"
        scale, settings_s, store_s, lexical_s = build_synthetic(source, target, opts.synthetic, rss)
        scale["disk"] = disk_usage(target)
        print(f"[synthetic] query latency over {len(picked)} questions")
        rss.reset()
        scale["query"] = query_latency(
            settings_s, embedder, picked, warm, "[synthetic]", store=store_s, lexical=lexical_s
        )
        scale["query"]["peak_rss_mb"] = mb(rss.peak)
        report["scale"] = scale
        save()
        print("[synthetic] HNSW recall against brute force")
        report["hnsw"]["synthetic"] = hnsw_recall(
            store_s, embedder, [q.question for q in questions], desc="synthetic"
        )
        scale["disk"] = disk_usage(target)  # again, after Chroma had time to flush
    rss.stop()
    save()
    print()
    print(render_markdown(report))
    print(f"\nwrote {opts.out / 'bench.json'} and {opts.out / 'bench.md'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
