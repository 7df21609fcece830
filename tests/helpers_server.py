"""Helpers for tests that start real servers on loopback: a free port, a Chroma server
subprocess that is always stopped, and waiting for an HTTP endpoint to answer."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.serve import free_port, stop, wait_http

__all__ = ["CHROMA", "MINUTES", "ROOT", "chroma_server", "free_port", "stop", "wait_http"]

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
CHROMA = BIN / "chroma"
MINUTES = BIN / "minutes"


@contextmanager
def chroma_server(path: Path, timeout: float = 60.0) -> Iterator[tuple[str, int]]:
    """A real `chroma run` on a free loopback port; yields (host, port)."""
    port = free_port()
    log = open(path.parent / f"chroma-{port}.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(path), "--port", str(port), "--host", "127.0.0.1"],
        stdout=log,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
        env={**os.environ, "ANONYMIZED_TELEMETRY": "False"},
    )
    try:
        try:
            wait_http(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout, proc)
        except Exception:
            log.flush()
            tail = (path.parent / f"chroma-{port}.log").read_text(errors="replace")[-2000:]
            raise RuntimeError(f"chroma server did not start:\n{tail}") from None
        yield "127.0.0.1", port
    finally:
        stop(proc)
        log.close()
