"""Measuring tools of the bench: peak memory, CPU and wall time, latency summaries, disk
use, the machine's load and the commit benchmarked."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

from minutesqa.evaluation.scores import percentile

ROOT = Path(__file__).resolve().parents[1]
SEED = 20240530  # every random choice of the bench derives from it


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


def latency_summary(ms: Sequence[float]) -> dict[str, Any]:
    """Count, p50, p95, mean and max of latencies in ms, rounded to 0.01; each figure of
    no latencies is None (shown as "-"), like `percentile`'s."""

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    return {
        "n": len(ms),
        "p50_ms": rounded(percentile(ms, 50)),
        "p95_ms": rounded(percentile(ms, 95)),
        "mean_ms": rounded(float(np.mean(ms)) if ms else None),
        "max_ms": rounded(max(ms) if ms else None),
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


def load_avg() -> list[float]:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return []


def git_state() -> dict[str, Any]:
    """The commit benchmarked, and the files that differed from it (the tree is shared)."""

    def git(*args: str) -> str:
        try:
            return subprocess.run(
                ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=20
            ).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    changed = [line[3:] for line in git("status", "--porcelain").splitlines() if line]
    return {"git_commit": git("rev-parse", "--short", "HEAD"), "git_changed": changed}
