"""One corpus: chunk texts, the model alone on them, a fresh ingest and a re-ingest, then
query latency over the corpus's question file."""

from __future__ import annotations

import shutil
import time
from pathlib import Path
from typing import Any

import numpy as np
from tqdm import tqdm

from bench.ask import pick_questions, query_latency
from bench.measure import PeakRSS, TimedEmbedder, cpu_seconds, disk_usage, load_avg, mb, timer
from minutesqa.chunk import chunk_meeting
from minutesqa.config import Settings
from minutesqa.errors import InputError
from minutesqa.evaluation.questions import load_questions
from minutesqa.ingest import FLUSH_CHUNKS, discover, ingest, load_meeting


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
    summary = ingest(folder, settings, embedder=timed, progress=True)
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
        "sentences_embedded": summary.sentences_embedded,
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
    again = ingest(folder, settings, embedder=timed, progress=False)
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
