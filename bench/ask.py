"""Query latency: Retriever.search and Pipeline.ask over a fixed selection of a question
file's questions, the model loaded, after a warm-up on other questions."""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from tqdm import tqdm

from bench.measure import cpu_seconds, latency_summary, timer
from minutesqa.config import Settings
from minutesqa.evaluation.questions import Question

N_QUESTIONS = 30
N_WARMUP = 3


def pick_questions(
    questions: list[Question], n: int = N_QUESTIONS, warmup: int = N_WARMUP
) -> tuple[list[Question], list[Question]]:
    """A fixed, evenly spaced selection of n questions, and `warmup` others to warm up on
    (so the timed questions do not hit caches the warm-up filled)."""
    if len(questions) <= n:
        timed = list(questions)
        rest: list[Question] = []
    else:
        idx = sorted({int(i) for i in np.linspace(0, len(questions) - 1, n)})
        chosen = set(idx)
        timed = [questions[i] for i in idx]
        rest = [q for i, q in enumerate(questions) if i not in chosen]
    warm = rest[:warmup] if rest else timed[:warmup]
    return timed, warm


def query_latency(
    settings: Settings,
    embedder: Any,
    questions: list[Question],
    warmup: list[Question],
    desc: str,
    *,
    store: Any = None,
    lexical: Any = None,
) -> dict[str, Any]:
    """p50/p95 of Retriever.search and of Pipeline.ask, the model loaded, after a warm-up."""
    from minutesqa.answer.pipeline import Pipeline
    from minutesqa.answer.query import Query
    from minutesqa.answer.retrieve import Retriever
    from minutesqa.answer.sentences import _SENTENCE_CACHE

    out: dict[str, Any] = {}
    # the writer caches sentence embeddings by item text; an earlier index's questions
    # (the synthetic archive holds the same texts) must not make this one look fast
    _SENTENCE_CACHE.clear()
    with timer(out, "open_s"):
        retriever = Retriever(settings, store=store, embedder=embedder, lexical=lexical)
        pipeline = Pipeline(settings, retriever=retriever)
    for q in warmup:
        retriever.search(Query(q.question, q.history, k=settings.k))
        pipeline.ask(q.question, list(q.history))
    search_ms: list[float] = []
    cpu = cpu_seconds()
    for q in tqdm(questions, desc=f"{desc}: search", unit="q", leave=False):
        t0 = time.perf_counter()
        retriever.search(Query(q.question, q.history, k=settings.k))
        search_ms.append((time.perf_counter() - t0) * 1000.0)
    search_cpu = cpu_seconds() - cpu
    ask_ms: list[float] = []
    abstained = 0
    cpu = cpu_seconds()
    for q in tqdm(questions, desc=f"{desc}: ask", unit="q", leave=False):
        t0 = time.perf_counter()
        answer = pipeline.ask(q.question, list(q.history))
        ask_ms.append((time.perf_counter() - t0) * 1000.0)
        abstained += int(answer.abstained)
    out.update(
        {
            "questions": len(questions),
            "warmup_questions": len(warmup),
            "search": latency_summary(search_ms),
            "ask": latency_summary(ask_ms),
            "abstained": abstained,
            "search_cpu_share": round(search_cpu * 1000.0 / sum(search_ms), 2) if search_ms else 0,
            "ask_cpu_share": round((cpu_seconds() - cpu) * 1000.0 / sum(ask_ms), 2)
            if ask_ms
            else 0,
        }
    )
    return out
