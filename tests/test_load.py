"""Load: the real app on a free loopback port, questions from concurrent gradio_client
clients; every question answered with a citation or a clear abstention. Latencies are
printed (run with -s to see them), never asserted. And a full queue refuses at once with
a clear error instead of hanging."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from bench.loadtest import CLIENTS, SAMPLE_QUESTIONS, cycle, run_load, summary_line
from bench.serve import serve_process
from minutesqa.config import Settings
from tests.helpers_server import serving

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]


def report(result: dict[str, Any]) -> None:
    print("\nload: " + summary_line(result))
    for error in result["errors"]:
        print(f"  failed: {error}")


def check(result: dict[str, Any], n: int) -> None:
    assert result["failed"] == 0, result["errors"]
    assert result["ok"] == n
    assert result["cited"] > 0 and result["abstained"] > 0  # both kinds of answer came back


@pytest.mark.parametrize("client", CLIENTS)
def test_load_short(sample_settings: Settings, pipeline: Any, client: str) -> None:
    """make test: 10 questions from 5 concurrent clients of each kind (gradio_client, and
    the REST API as curl uses it), app in this process."""
    with serving(sample_settings, pipeline) as (_demo, url):
        result = run_load(url, cycle(SAMPLE_QUESTIONS, 10), clients=5, timeout_s=300, client=client)
    report(result)
    check(result, 10)
    assert result["client"] == client


@pytest.mark.heavy
def test_load_50_questions_10_clients(sample_settings: Settings) -> None:
    """make test-all: `minutes serve` as its own process (queue concurrency from the
    settings, here MINUTES_CONCURRENCY), 50 questions from 10 concurrent clients."""
    log = sample_settings.index_dir.parent / "serve-load.log"
    with serve_process(
        sample_settings.index_dir, log, concurrency=sample_settings.concurrency
    ) as url:
        result = run_load(url, cycle(SAMPLE_QUESTIONS, 50), clients=10, timeout_s=600)
    report(result)
    check(result, 50)


class SlowPipeline:
    """The real pipeline, each answer held back `delay` seconds first, so that a few
    simultaneous questions are sure to overflow a one-place queue."""

    def __init__(self, inner: Any, delay: float) -> None:
        self.inner = inner
        self.delay = delay

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def stream(self, *args: Any, **kwargs: Any) -> Iterator[Any]:
        time.sleep(self.delay)
        yield from self.inner.stream(*args, **kwargs)


def test_a_full_queue_refuses_clearly_and_the_rest_finish(
    sample_settings: Settings, pipeline: Any
) -> None:
    from gradio_client import Client

    settings = sample_settings.with_(concurrency=1, max_queue=1)
    outcomes: list[tuple[str, str, float]] = []
    lock = threading.Lock()
    with serving(settings, SlowPipeline(pipeline, delay=1.5)) as (_demo, url):
        clients = [Client(url, verbose=False) for _ in range(6)]
        start = threading.Barrier(len(clients))

        def one(client: Client) -> None:
            start.wait()
            began = time.perf_counter()
            try:
                job = client.submit(question="what was agreed on Street Angels?", api_name="/ask")
                result = job.result(timeout=120)
                outcome = ("answered", "cited" if result.get("citations") else "no citation")
            except Exception as exc:  # QueueError when refused
                outcome = ("refused", f"{type(exc).__name__}: {exc}")
            with lock:
                outcomes.append((*outcome, time.perf_counter() - began))

        threads = [threading.Thread(target=one, args=(c,)) for c in clients]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(180)
        assert not any(t.is_alive() for t in threads), "a question hung"
    for kind, detail, seconds in sorted(outcomes):
        print(f"queue test: {kind:8} after {seconds:5.2f} s: {detail}")
    refused = [d for kind, d, _ in outcomes if kind == "refused"]
    answered = [d for kind, d, _ in outcomes if kind == "answered"]
    assert refused, outcomes
    assert all("queue is full" in d.lower() for d in refused), refused
    assert answered and all(d == "cited" for d in answered), outcomes
    assert len(refused) + len(answered) == len(clients)
