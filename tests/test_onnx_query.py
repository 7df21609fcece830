"""Questions embedded by onnxruntime: the same vectors as torch (real model, exported from
the bundled weights), a torch fallback with one warning where the export fails, and the
setting read and checked in one place."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import minutesqa.indexing.onnx_query as onnx_query
from minutesqa.config import Settings
from minutesqa.errors import ConfigError
from minutesqa.indexing.embed import DEFAULT_SHA256, SentenceTransformerEmbedder

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
    with caplog.at_level(logging.WARNING, logger="minutesqa.indexing.onnx_query"):
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


TEXTS = [
    "",
    "What was agreed on Street Angels?",
    "et l'été à Limerick — 2024? Cllr. J. O'Donoghue, £1,302,460.10 (ASF) 🚌",
    "The committee noted the report. " * 120,  # past 256 tokens: cut, as torch cuts it
]


def test_the_tokenizer_file_gives_the_models_ids_and_counts(embedder: Any) -> None:
    """tokenizer.json read without transformers: its stored truncation (128) and padding
    replaced by the model's, the same ids and token counts as the model's tokenizer."""
    from minutesqa.indexing.embed import default_model_dir

    own = onnx_query.FileTokenizer(default_model_dir() / "tokenizer.json", 256)
    model = onnx_query.ModelTokenizer(embedder.model.tokenizer, 256)
    for text in TEXTS:
        assert own.ids(text) == model.ids(text)
        assert own.count(text) == model.count(text)
    assert len(own.ids(TEXTS[-1])[0]) == 256 < own.count(TEXTS[-1]) == 6 * 120 + 2


def test_a_one_shot_question_never_loads_torch(sample_settings: Settings, embedder: Any) -> None:
    """With the export cached (the session's embedder made it), a new process answers a
    question from the stored sentences without importing torch or sentence-transformers:
    `minutes ask` starts in about a second instead of about six."""
    import json
    import subprocess
    import sys

    from tests.conftest import ROOT, child_env

    script = (
        "import json, sys\n"
        "from minutesqa.answer.pipeline import Pipeline\n"
        "from minutesqa.config import Settings\n"
        f"s = Settings.load(env={{}}, index_dir={str(sample_settings.index_dir)!r})\n"
        "a = Pipeline(s).ask('What was agreed on Street Angels?')\n"
        "print(json.dumps({'cited': [(c.item, c.title) for c in a.citations],\n"
        "  'abstained': a.abstained,\n"
        "  'loaded': sorted(m for m in ('torch', 'sentence_transformers', 'transformers')\n"
        "                   if m in sys.modules)}))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=child_env(), capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["loaded"] == []
    assert not got["abstained"]
    assert got["cited"][0] == ["SSP/5/24", "Serious Violence Duty"]  # Street Angels is there


def test_a_batch_loads_the_model_when_first_needed(monkeypatch: pytest.MonkeyPatch) -> None:
    """An embedder that started without torch loads it for its first batch (ingest, a
    sentence missing from the store), once when two threads need it at the same moment
    (the app's workers), and gives the model's vectors."""
    import threading

    fresh = SentenceTransformerEmbedder("all-MiniLM-L6-v2", 64, "onnx")
    assert fresh._model is None and fresh.query_model is not None
    assert fresh.dimension == 384 and fresh.max_tokens == 256
    one = fresh.embed(QUESTIONS[:1])
    assert fresh._model is None  # one question: onnxruntime
    pair = fresh.embed(QUESTIONS[:2])  # a question and the clause of it that asks: the same
    assert fresh._model is None and pair.shape == (2, 384) and np.allclose(pair[0], one[0])
    loads: list[int] = []
    load = fresh._load

    def counted() -> Any:
        loads.append(1)
        return load()

    monkeypatch.setattr(fresh, "_load", counted)
    start = threading.Barrier(2)
    got: list[np.ndarray] = []

    def batch() -> None:
        start.wait()
        got.append(fresh.embed(QUESTIONS[:3]))

    threads = [threading.Thread(target=batch) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert loads == [1] and fresh._model is not None
    assert len(got) == 2 and all(b.shape == (3, 384) for b in got)
    assert np.allclose(got[0], got[1]) and np.allclose(got[0][0], one[0], atol=2e-4)
