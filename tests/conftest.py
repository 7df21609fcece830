"""Shared fixtures. The real model is loaded once per session; the sample minutes are
ingested once into a temporary index. FakeEmbedder is a named fake for fast unit tests."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from minutesqa.config import DEFAULT_MODEL, Settings

# `make test` runs the test files in parallel (pytest-xdist, one worker per core up to 4):
# each worker's torch and BLAS get its share of the cores, not all of them (on 2 cores, two
# workers of 2 threads each ran the suite in 99 s, of 1 thread each in 84 s). Set before
# anything imports torch; a value the caller set is kept; the commands tests start inherit it.
if workers := int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "0")):
    share = str(max(1, (os.cpu_count() or 1) // workers))
    for _name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_name, share)

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "minutes"
LIMERICK = SHARED / "corpora" / "limerick"


def need_corpus(path: Path) -> None:
    """Skip a test whose corpus (in ../shared, beside the repository) is absent; fail it
    instead where MINUTES_REQUIRE_CORPORA is set (`.ci/run` sets it), so that CI is never
    green without the segmentation spec the corpora hold."""
    if path.exists():
        return
    message = f"corpus {path} is absent (it lives beside the repository, in ../shared)"
    if os.environ.get("MINUTES_REQUIRE_CORPORA"):
        pytest.fail(message + "; MINUTES_REQUIRE_CORPORA is set")
    pytest.skip(message)


def child_env() -> dict[str, str]:
    """The environment for a command the tests start (`minutes ...`, a Python child): no
    MINUTES_* setting of the shell running the tests, no telemetry."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    env["ANONYMIZED_TELEMETRY"] = "False"
    return env


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


def fake_archive(
    tmp_path_factory: pytest.TempPathFactory,
    meetings: dict[str, tuple[str, str, str]],
    name: str = "archive",
) -> Settings:
    """A small archive ingested with the FakeEmbedder: each file (name -> committee, date,
    items) a meeting with an "Adoption of Minutes" item 1 and the items given."""
    from minutesqa.ingest import ingest

    folder = tmp_path_factory.mktemp(name)
    for file, (committee, date, items) in meetings.items():
        (folder / file).write_text(
            f"Minutes of the meeting of the {committee} held on {date}.\n\n"
            f"1. Adoption of Minutes\n\nAdopted.\n\n{items}",
            encoding="utf-8",
        )
    settings = Settings.load(env={}, index_dir=folder.parent / f"{folder.name}-index")
    summary = ingest(folder, settings, embedder=FakeEmbedder(), progress=False)
    assert summary.meetings == len(meetings), summary.failures
    return settings


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings pointing at a fresh temporary index, ignoring the caller's environment."""
    return Settings.load(env={}, index_dir=tmp_path / "index")


@pytest.fixture(scope="session")
def embedder():  # type: ignore[no-untyped-def]
    from minutesqa.indexing.embed import get_embedder

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
    from minutesqa.answer.pipeline import Pipeline

    return Pipeline(sample_settings)


@dataclass(frozen=True)
class CliRun:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[[Sequence[str]], CliRun]:
    """`minutes ARGS` run in this process (the session's model already loaded), with no
    MINUTES_* settings from the caller's environment. The console script itself is run
    as a process by tests/test_server.py and tests/test_packaging.py."""
    from minutesqa.cli import main

    for name in list(os.environ):
        if name.startswith("MINUTES_"):
            monkeypatch.delenv(name)

    def run(argv: Sequence[str]) -> CliRun:
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
        return CliRun(code, out, err)

    return run
