"""Helpers for tests that start real servers on loopback: a free port, the chat app in this
process, a Chroma server subprocess that is always stopped, and waiting for an HTTP
endpoint to answer. Commands are taken from the bin folder of the Python running the
tests (the project's venv, wherever it is)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bench.serve import free_port, stop, wait_http
from minutesqa.config import Settings

__all__ = [
    "CHROMA",
    "MINUTES",
    "ROOT",
    "chat_fn",
    "chroma_server",
    "free_port",
    "serving",
    "stop",
    "wait_http",
]

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent  # the venv's bin, where `minutes` and `chroma` are installed
CHROMA = BIN / "chroma"
MINUTES = BIN / "minutes"


@contextmanager
def serving(settings: Settings, pipeline: Any = None) -> Iterator[tuple[Any, str]]:
    """The app in this process on a free port of 127.0.0.1, launched with the options
    `serve()` uses; yields (the Blocks, its URL) and closes it after."""
    from minutesqa.ui.app import build_app, launch_options

    settings = settings.with_(port=free_port())
    demo = build_app(settings, pipeline)
    demo.launch(prevent_thread_lock=True, quiet=True, **launch_options(settings))
    try:
        yield demo, f"http://127.0.0.1:{settings.port}/"
    finally:
        demo.close()


def chat_fn(demo: Any) -> Any:
    """The page's streaming chat handler (private to the page, so not callable by clients)."""
    return next(f.fn for f in demo.fns.values() if f.name == "chat")


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
