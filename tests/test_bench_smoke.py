"""Smoke test of the bench's helpers with the FakeEmbedder: no model, no timing assertions."""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import numpy as np
import pytest

from bench.ask import pick_questions
from bench.hnsw import brute_top, hnsw_recall, recall_at_k
from bench.measure import PeakRSS, disk_usage, latency_summary
from bench.synthetic import build_synthetic, shift_years
from minutesqa.config import Settings
from minutesqa.evaluation.questions import load_questions
from minutesqa.ingest import ingest
from tests.conftest import ROOT, SAMPLES, FakeEmbedder


def test_percentiles_and_question_picks() -> None:
    summary = latency_summary([1.0, 2.0, 3.0, 4.0])
    assert summary["n"] == 4 and summary["p50_ms"] == 2.5
    questions = load_questions(ROOT / "eval" / "questions.yaml")
    timed, warm = pick_questions(questions, n=30, warmup=3)
    assert len(timed) == 30 and len(warm) == 3
    assert not {q.question for q in warm} & {q.question for q in timed}
    assert shift_years(dt.date(2016, 2, 29), 10) == dt.date(2026, 2, 28)


def test_synthetic_archive_and_recall(tmp_path: Path) -> None:
    fake = FakeEmbedder()
    source = Settings.load(env={}, index_dir=tmp_path / "src")
    summary = ingest(SAMPLES, source, embedder=fake, progress=False)
    assert summary.chunks > 0
    rss = PeakRSS()
    try:
        n = summary.chunks * 2 + 5  # two full copies and part of a third
        out, settings, store, lexical = build_synthetic(source.index_dir, tmp_path / "syn", n, rss)
    finally:
        rss.stop()
    assert out["chunks"] == store.count() == len(lexical.ids) == n
    assert out["copies"] == 3
    dates = {c.metadata["date"][:4] for c in store.iter_all()}
    assert len(dates) > 3  # the copies carry shifted years
    shifted = [c for c in store.iter_all(documents=True) if c.id.startswith("c01-")]
    assert shifted and all(
        f"{int(c.metadata['date'][:4])}" in c.document.split("\n", 1)[0] for c in shifted
    )
    assert disk_usage(tmp_path / "syn")["bytes"] > 0

    rec = hnsw_recall(store, fake, ["When was the budget agreed?"], n_queries=5, k=3)
    assert rec["queries"] == 5 and 0.0 <= rec["recall_mean"] <= 1.0
    assert 0.0 <= rec["self_not_found_share"] <= 1.0


def test_brute_force_top() -> None:
    unit = np.eye(4, dtype=np.float32)
    ids = ["a", "b", "c", "d"]
    assert brute_top(ids, unit, np.array([0, 0, 1, 0.5], dtype=np.float32), 2) == ["c", "d"]
    query = np.array([0, 1, 0.5, 0], dtype=np.float32)
    res = recall_at_k(ids, unit, [query], lambda v: ["b", "a"], 2)
    assert res["recall_mean"] == 0.5


def test_no_latencies_are_none_not_zero() -> None:
    """The one percentile (minutesqa.evaluation.scores) gives None for no values; the
    bench's summaries and the load test's line show it as "-", never 0 or NaN."""
    from bench.loadtest import summary_line
    from bench.report import table
    from minutesqa.evaluation.scores import percentile

    assert percentile([], 50) is None
    empty = latency_summary([])
    assert empty == {"n": 0, "p50_ms": None, "p95_ms": None, "mean_ms": None, "max_ms": None}
    assert table(["p50 ms"], [[empty["p50_ms"]]]).endswith("| - |")
    result = {"n": 1, "clients": 1, "ok": 0, "failed": 1, "cited": 0, "abstained": 0}
    line = summary_line({**result, "p50": None, "p95": None, "per_s": 0.0, "wall_s": 1.0})
    assert "p50 -, p95 -" in line


def test_the_profile_of_answers(sample_settings, embedder, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """bench/profile.py: the profile file, and stage shares that add up inside `ask`."""
    from bench.profile import profile_asks
    from minutesqa.evaluation.questions import Question

    qs = [Question("p1", "What was agreed on Street Angels?"), Question("p2", "Who chaired?")]
    out = tmp_path / "profile.txt"
    prof = profile_asks(sample_settings, embedder, qs, qs[:1], out)
    assert "Ordered by: cumulative time" in out.read_text()
    share = prof["share"]
    assert share["ask"] == pytest.approx(1.0, abs=0.02)
    assert 0 < share["search"] < 1 and 0 <= share["writer"] < 1
    assert share["search"] + share["writer"] <= share["ask"] + 0.02
    # the cost of a full collection was measured with the pipeline loaded, and the freeze
    # it measures against is undone (the bench goes on with a normal collector)
    assert prof["gc"]["objects"] > 10_000
    assert prof["gc"]["full_ms"] > 0 and prof["gc"]["frozen_ms"] >= 0
    assert gc.get_freeze_count() == 0


def test_the_report_shows_one_shot_asks_and_collection_pauses() -> None:
    """bench/report.py: the one-shot table and the garbage-collection line, as run.py fills
    them (a report from before these sections still renders)."""
    from bench.report import render_markdown

    meta = {
        "started": "2026-12-05T09:00:00",
        "machine": "Linux x86_64",
        "cpus": 2,
        "torch_threads": 2,
        "model": "all-MiniLM-L6-v2",
        "model_load_s": 3.7,
        "chromadb": "1.5.9",
        "load_avg_start": [1.0, 1.0, 1.0],
    }
    old = {"meta": meta, "total_s": 1.0, "corpora": {}}
    assert "One-shot" not in render_markdown(old)
    new = {
        **old,
        "one_shot": {
            "limerick": {"onnx_s": 2.07, "torch_s": 7.26, "ratio": 0.29, "repeat": 3},
        },
        "profile": {
            "questions": 10,
            "seconds": 0.23,
            "file": "bench/out/profile-limerick.txt",
            "share": {"ask": 1.0},
            "gc": {"objects": 532720, "full_ms": 259.6, "frozen_ms": 0.0},
        },
    }
    text = render_markdown(new)
    assert "| limerick | 2.070 | 7.260 | 0.290 | 3 |" in text
    assert "(532,720 objects): 259.6 ms" in text and "`gc.freeze()`" in text


def test_the_report_shows_the_ocr_readings() -> None:
    """bench/ocr.py's figures as bench/report.py renders them, and the page-order share
    that tells a scrambled reading from one in the page's order."""
    from bench.ocr import _in_order
    from bench.report import render_markdown

    lines = ["Minute 1 noted", "Minute 2 noted", "Minute 3 noted"]
    assert _in_order("Minute 1 noted\nMinute 2 noted\nMinute 3 noted", lines) == 1.0
    assert _in_order("Minute 3 noted\nMinute 1 noted\nMinute 2 noted", lines) == 0.5
    assert _in_order("Minute 3 noted\nMinute 2 noted\nMinute 1 noted", lines) == 0.0
    meta = {
        "started": "2026-12-08T02:00:00",
        "machine": "Linux x86_64",
        "cpus": 2,
        "torch_threads": 2,
        "model": "all-MiniLM-L6-v2",
        "model_load_s": 3.7,
        "chromadb": "1.5.9",
        "load_avg_start": [1.0, 1.0, 1.0],
    }
    ocr = {
        "pages": 3,
        "blocks_a_page": 12,
        "images, default threads": {"s_a_page": 8.14, "in_order": 0.057},
        "rendered, default threads": {"s_a_page": 5.34, "in_order": 1.0, "ratio": 0.66},
        "rendered, one thread": {"s_a_page": 1.77, "in_order": 1.0, "ratio": 0.22},
    }
    text = render_markdown({"meta": meta, "total_s": 1.0, "corpora": {}, "ocr": ocr})
    assert "| images, default threads | 8.140 | 1.000 | 0.057 |" in text
    assert "| rendered, one thread | 1.770 | 0.220 | 1.000 |" in text
    skipped = {"meta": meta, "total_s": 1.0, "corpora": {}, "ocr": {"skipped": "no tesseract"}}
    assert "Skipped: no tesseract." in render_markdown(skipped)
