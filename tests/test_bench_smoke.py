"""Smoke test of the bench's helpers with the FakeEmbedder: no model, no timing assertions."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import numpy as np
import pytest

from minutesqa.config import Settings
from minutesqa.ingest import ingest
from tests.conftest import ROOT, SAMPLES, FakeEmbedder


@pytest.fixture(scope="module")
def bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_run"] = module
    spec.loader.exec_module(module)
    return module


def test_percentiles_and_question_picks(bench) -> None:  # type: ignore[no-untyped-def]
    summary = bench.latency_summary([1.0, 2.0, 3.0, 4.0])
    assert summary["n"] == 4 and summary["p50_ms"] == 2.5
    questions = bench.load_questions(ROOT / "eval" / "questions.yaml")
    timed, warm = bench.pick_questions(questions, n=30, warmup=3)
    assert len(timed) == 30 and len(warm) == 3
    assert not {q.question for q in warm} & {q.question for q in timed}
    assert bench.shift_years(dt.date(2016, 2, 29), 10) == dt.date(2026, 2, 28)


def test_synthetic_archive_and_recall(bench, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fake = FakeEmbedder()
    source = Settings.load(env={}, index_dir=tmp_path / "src")
    summary = ingest(SAMPLES, source, embedder=fake, progress=False)
    assert summary.chunks > 0
    rss = bench.PeakRSS()
    try:
        n = summary.chunks * 2 + 5  # two full copies and part of a third
        out, settings, store, lexical = bench.build_synthetic(
            source.index_dir, tmp_path / "syn", n, rss
        )
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
    assert bench.disk_usage(tmp_path / "syn")["bytes"] > 0

    rec = bench.hnsw_recall(store, fake, ["When was the budget agreed?"], n_queries=5, k=3)
    assert rec["queries"] == 5 and 0.0 <= rec["recall_mean"] <= 1.0
    assert 0.0 <= rec["self_not_found_share"] <= 1.0


def test_brute_force_top(bench) -> None:  # type: ignore[no-untyped-def]
    unit = np.eye(4, dtype=np.float32)
    ids = ["a", "b", "c", "d"]
    assert bench.brute_top(ids, unit, np.array([0, 0, 1, 0.5], dtype=np.float32), 2) == ["c", "d"]
    query = np.array([0, 1, 0.5, 0], dtype=np.float32)
    res = bench.recall_at_k(ids, unit, [query], lambda v: ["b", "a"], 2)
    assert res["recall_mean"] == 0.5
