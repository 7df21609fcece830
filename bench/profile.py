"""Where an answer's time goes: cProfile over Pipeline.ask for a fixed selection of
questions (the model loaded, after a warm-up), kept as a text file beside the bench report
so the next person starts from the profile, not a guess."""

from __future__ import annotations

import cProfile
import gc
import io
import pstats
import time
from pathlib import Path
from typing import Any

from minutesqa.config import Settings
from minutesqa.evaluation.questions import Question

TOP = 30


def profile_asks(
    settings: Settings,
    embedder: Any,
    questions: list[Question],
    warmup: list[Question],
    out: Path,
) -> dict[str, Any]:
    """Profile every ask of `questions`; write the TOP functions by cumulative time to
    `out`, and return the share of the time the leading stages took."""
    from minutesqa.answer.pipeline import Pipeline
    from minutesqa.answer.retrieve import Retriever
    from minutesqa.answer.sentences import _SENTENCE_CACHE

    _SENTENCE_CACHE.clear()
    pipeline = Pipeline(settings, retriever=Retriever(settings, embedder=embedder))
    for q in warmup:
        pipeline.ask(q.question, list(q.history))
    profiler = cProfile.Profile()
    profiler.enable()
    for q in questions:
        pipeline.ask(q.question, list(q.history))
    profiler.disable()
    text = io.StringIO()
    stats = pstats.Stats(profiler, stream=text)
    stats.sort_stats("cumulative").print_stats(TOP)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text.getvalue(), encoding="utf-8")
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(tt for (_, _, tt, _, _) in raw.values()) or 1.0  # own time of every function

    def share(module_end: str, name: str) -> float:
        cum = [ct for (file, _, func), (_, _, _, ct, _) in raw.items()  # cumulative time
               if file.endswith(module_end) and func == name]  # fmt: skip
        return round(max(cum, default=0.0) / total, 3)

    return {
        "gc": collection_pause(),
        "questions": len(questions),
        "file": str(out),
        "seconds": round(total, 2),
        "share": {
            "ask": share("minutesqa/answer/pipeline.py", "ask"),
            "search": share("minutesqa/answer/retrieve.py", "search"),
            "writer": share("minutesqa/answer/extractive.py", "write"),
            "sentence embeddings": share("minutesqa/answer/sentences.py", "sentence_vectors"),
            "abstention": share("minutesqa/answer/abstain.py", "abstain_reason"),
        },
    }


def collection_pause(repeat: int = 3) -> dict[str, Any]:
    """What a full garbage collection costs with the archive loaded (every answer in
    flight waits for it), and the same after `gc.freeze()`, as `minutes serve` does
    (`minutesqa.ui.app.prepare`). Best of `repeat`, in ms; the freeze is undone after."""

    def best() -> float:
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            gc.collect()
            times.append((time.perf_counter() - start) * 1000.0)
        return round(min(times), 1)

    objects = len(gc.get_objects())
    loaded = best()
    gc.freeze()
    try:
        frozen = best()
    finally:
        gc.unfreeze()
    return {"objects": objects, "full_ms": loaded, "frozen_ms": frozen}
