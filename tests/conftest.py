"""Shared fixtures. The real model is loaded once per session; the sample minutes are
ingested once into a temporary index. FakeEmbedder is a named fake for fast unit tests."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import numpy as np
import pytest

from minutesqa.config import DEFAULT_MODEL, Settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "minutes"
LIMERICK = SHARED / "corpora" / "limerick"


class FakeEmbedder:
    """A fake: hashed bag of words, deterministic and instant. Not for quality tests."""

    name = "fake"
    max_tokens = 256
    dimension = 64

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"[a-z0-9]+", text.lower()):
                h = int(hashlib.md5(word.encode()).hexdigest()[:8], 16)
                out[row, h % self.dimension] += 1.0
            norm = np.linalg.norm(out[row]) or 1.0
            out[row] /= norm
        return out

    def count_tokens(self, text: str) -> int:
        return len(text.split()) + 2


class CountingEmbedder(FakeEmbedder):
    """The FakeEmbedder, keeping every text it is asked to embed (in `texts`)."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        return super().embed(texts)


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing at a fresh temporary index, ignoring the caller's environment."""
    return Settings.load(env={}, index_dir=tmp_path / "index")


@pytest.fixture(scope="session")
def embedder():  # type: ignore[no-untyped-def]
    from minutesqa.embed import get_embedder

    return get_embedder(DEFAULT_MODEL)


@pytest.fixture(scope="session")
def sample_settings(tmp_path_factory: pytest.TempPathFactory, embedder) -> Settings:  # type: ignore[no-untyped-def]
    """The three sample meetings ingested once with the real model."""
    from minutesqa.ingest import ingest

    settings = Settings.load(env={}, index_dir=tmp_path_factory.mktemp("samples") / "index")
    summary = ingest(SAMPLES, settings, embedder=embedder, progress=False)
    assert summary.failed == 0, summary.failures
    return settings


@pytest.fixture(scope="session")
def pipeline(sample_settings: Settings):  # type: ignore[no-untyped-def]
    from minutesqa.answer import Pipeline

    return Pipeline(sample_settings)
