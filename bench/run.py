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
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# run as a script from any folder: the repository, not bench/ (whose module names could
# shadow others), is where `bench` and `minutesqa` are found
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from bench.ask import pick_questions, query_latency  # noqa: E402
from bench.corpus import bench_corpus  # noqa: E402
from bench.hnsw import hnsw_recall  # noqa: E402
from bench.loadtest import SAMPLE_QUESTIONS, bench_load  # noqa: E402
from bench.measure import PeakRSS, disk_usage, git_state, load_avg, mb, ru_maxrss_bytes  # noqa: E402
from bench.report import render_markdown  # noqa: E402
from bench.synthetic import build_synthetic, index_complete  # noqa: E402
from minutesqa.config import Settings  # noqa: E402
from minutesqa.evaluation.questions import load_questions  # noqa: E402


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
    limerick_index: Path | None = None  # an existing complete index: measured, not re-made
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
        "--limerick-index",
        type=Path,
        help="a complete Limerick index made earlier (e.g. eval/out/index-limerick): copied "
        "and measured instead of a fresh ingest (no ingest figures for Limerick)",
    )
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
        a.limerick_index,
    )


def main(argv: list[str] | None = None) -> int:
    opts = parse_args(argv)
    opts.out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    rss = PeakRSS()

    import chromadb
    import torch

    from minutesqa.indexing.embed import get_embedder

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
    embedder = get_embedder(base.model, base.embed_batch_size, base.query_backend)
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
    if opts.limerick is not None and opts.limerick_index is not None:
        from minutesqa.indexing.store import VectorStore

        target = opts.out / "index-limerick"
        if opts.limerick_index.resolve() != target.resolve():
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(opts.limerick_index, target, ignore=shutil.ignore_patterns("*.lock"))
        if not index_complete(target):
            raise SystemExit(f"--limerick-index {opts.limerick_index}: not a complete index")
        settings_r = Settings.load(env={}, index_dir=target)
        picked_r, warm_r = pick_questions(
            load_questions(opts.questions_dir / "limerick_questions.yaml")
        )
        print(f"[limerick] query latency on {opts.limerick_index} (no ingest)")
        rss.reset()
        reused: dict[str, Any] = {
            "reused_index": str(opts.limerick_index),
            "chunks": VectorStore(settings_r, create=False).count(),
        }
        reused["query"] = query_latency(settings_r, embedder, picked_r, warm_r, "[limerick]")
        reused["query"]["peak_rss_mb"] = mb(rss.peak)
        reused["disk"] = disk_usage(target)
        report["corpora"]["limerick"] = reused
        save()
    elif opts.limerick is not None:
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

    # the app under load: on the Limerick index when there is one (an archive's size),
    # else on the samples
    if opts.load_n > 0:
        if index_complete(opts.out / "index-limerick"):
            load_index = opts.out / "index-limerick"
            timed_l, _ = pick_questions(
                load_questions(opts.questions_dir / "limerick_questions.yaml"), n=opts.load_n
            )
            load_qs = [q.question for q in timed_l if not q.history]
        else:
            load_index, load_qs = opts.out / "index-samples", list(SAMPLE_QUESTIONS)
        report["load"] = bench_load(load_index, opts.out, opts.load_n, opts.load_clients, load_qs)
        save()

    # a one-shot `minutes ask` in a fresh process (start-up included), per index
    from bench.oneshot import one_shot

    report["one_shot"] = {}
    for name in ("samples", "limerick"):
        if index_complete(opts.out / f"index-{name}"):
            print(f"[{name}] one-shot minutes ask, fresh processes")
            report["one_shot"][name] = one_shot(opts.out / f"index-{name}")
    save()

    # scanned PDFs: OCR seconds a page and page order, three readings in the same run
    from bench.ocr import ocr_bench

    print("OCR of a generated scan, three readings")
    report["ocr"] = ocr_bench()
    save()

    # where an answer's time goes, on the Limerick index when there is one
    profile_index = opts.out / "index-limerick"
    if index_complete(profile_index):
        from bench.profile import profile_asks

        timed, warm = pick_questions(
            load_questions(opts.questions_dir / "limerick_questions.yaml"), n=10
        )
        report["profile"] = profile_asks(
            Settings.load(env={}, index_dir=profile_index),
            embedder,
            timed,
            warm,
            opts.out / "profile-limerick.txt",
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
        from minutesqa.indexing.store import VectorStore

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
