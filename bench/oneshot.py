"""A one-shot `minutes ask` as a user types it: a fresh process, the model not loaded,
wall time from start to the printed answer. Beside it, the same command with questions
embedded by torch (MINUTES_QUERY_BACKEND=torch: the process imports sentence-transformers
and torch and loads the model), measured in the same run, so the start-up cost shows as a
ratio. Median of `repeat` runs; the ONNX export is made first if this machine has none."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

QUESTION = "What was agreed about the budget?"


def _run(index_dir: Path, backend: str) -> float:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    env.update(MINUTES_INDEX=str(index_dir), MINUTES_QUERY_BACKEND=backend)
    env["ANONYMIZED_TELEMETRY"] = "False"
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "minutesqa.cli", "ask", QUESTION],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    took = time.perf_counter() - started
    if proc.returncode != 0:
        raise RuntimeError(f"minutes ask failed ({proc.returncode}): {proc.stderr[-300:]}")
    return took


def one_shot(index_dir: Path, repeat: int = 3) -> dict[str, Any]:
    """Seconds for a one-shot ask on `index_dir`, default (onnx) and torch questions."""
    _run(index_dir, "onnx")  # the export (first start only) and the OS file cache
    res: dict[str, Any] = {"question": QUESTION, "repeat": repeat}
    for backend in ("onnx", "torch"):
        res[f"{backend}_s"] = round(
            statistics.median(_run(index_dir, backend) for _ in range(repeat)), 2
        )
    res["ratio"] = round(res["onnx_s"] / res["torch_s"], 2) if res["torch_s"] else None
    return res
