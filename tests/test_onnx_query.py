"""Questions embedded by onnxruntime: the same vectors as torch (real model, exported from
the bundled weights), a torch fallback with one warning where the export fails, and the
setting read and checked in one place."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import minutesqa.onnx_query as onnx_query
from minutesqa.config import Settings
from minutesqa.embed import DEFAULT_SHA256, SentenceTransformerEmbedder
from minutesqa.errors import ConfigError

QUESTIONS = [
    "What was agreed on Street Angels?",
    "Who chaired the Safer Stockton Partnership meeting in July 2011?",
    "How many speed detections were recorded in 2022 compared with 2021, according to the "
    "Cappamore-Kilmallock Joint Policing Sub Committee in October 2022?",
    "et l'été à Limerick — 2024?",
]


def test_a_question_gets_the_vector_torch_gives_it(embedder: Any) -> None:
    assert embedder.query_model is not None  # the default: questions through onnxruntime
    for question in QUESTIONS:
        fast = embedder.embed([question])
        with embedder._lock:
            slow = embedder.model.encode([question], normalize_embeddings=True)
        assert fast.shape == slow.shape == (1, 384)
        assert float(fast[0] @ slow[0]) > 0.99999
        assert np.allclose(fast, slow, atol=2e-4)
    # batches (ingest, sentences) stay on torch
    both = embedder.embed(QUESTIONS[:2])
    assert np.allclose(both[0], embedder.embed(QUESTIONS[:1])[0], atol=2e-4)


def test_a_failed_export_falls_back_to_torch_with_one_warning(
    embedder: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: Any
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))

    def broken(model: Any, path: Path) -> None:
        raise RuntimeError("no exporter here\nsecond line")

    monkeypatch.setattr(onnx_query, "export", broken)
    with caplog.at_level(logging.WARNING, logger="minutesqa.onnx_query"):
        got = onnx_query.load_query_model(embedder.model, 256, DEFAULT_SHA256)
    assert got is None
    assert [r.getMessage() for r in caplog.records] == [
        "questions are embedded by torch: the onnxruntime model could not be made "
        "(no exporter here)"
    ]
    assert list(tmp_path.rglob("*.onnx")) == []  # nothing half-written left behind


def test_the_export_is_written_whole_then_reused(
    embedder: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    made = onnx_query.load_query_model(embedder.model, 256, DEFAULT_SHA256)
    assert made is not None
    files = sorted(p.name for p in (tmp_path / "minutesqa" / "onnx").iterdir())
    assert files == [f"minilm-{DEFAULT_SHA256[:16]}.onnx"]  # no temporary file left

    def no_second_export(model: Any, path: Path) -> None:
        raise AssertionError("exported twice")

    monkeypatch.setattr(onnx_query, "export", no_second_export)
    again = onnx_query.load_query_model(embedder.model, 256, DEFAULT_SHA256)
    assert again is not None
    assert np.allclose(again.embed(QUESTIONS[0]), made.embed(QUESTIONS[0]))


def test_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    assert Settings.load(env={}).query_backend == "onnx"
    assert Settings.load(env={"MINUTES_QUERY_BACKEND": "torch"}).query_backend == "torch"
    with pytest.raises(ConfigError) as info:
        Settings.load(env={"MINUTES_QUERY_BACKEND": "gpu"})
    assert str(info.value) == "MINUTES_QUERY_BACKEND must be 'onnx' or 'torch', got 'gpu'"
    torch_only = SentenceTransformerEmbedder("all-MiniLM-L6-v2", 64, "torch")
    assert torch_only.query_model is None
