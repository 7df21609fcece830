"""Load test for the chat app: many questions from concurrent gradio_client clients against
the app's stable `/ask` endpoint, with latency percentiles.

    python -m bench.loadtest --url http://127.0.0.1:7860/ --n 50 --clients 10
    python -m bench.loadtest --url ... --questions eval/questions.yaml

Two clients: `gradio` (gradio_client, one `Client` a thread: what a Python integration uses)
and `http` (the REST API Gradio documents for curl: POST /gradio_api/call/ask, then read
the event stream, over one httpx connection a thread). On this 2-core machine the clients
share the cores with the app, and gradio_client spends about twice the app's CPU per
answer, so the `http` figures are the app's own latency and the `gradio` ones include the
client library's.

`run_load(url, questions, clients)` is the reusable part (tests and `make bench` call it;
`bench_load` is the bench's section). An answer counts as ok when it cites at least one
item or clearly abstains; anything else (an exception, a timeout, an empty or malformed
result) is a failure, with its reason kept. Latencies are in seconds; a percentile of no
answers is None.
"""

from __future__ import annotations

import argparse
import json
import queue
import sys
import threading
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.measure import load_avg
from bench.serve import serve_process
from minutesqa.config import Settings
from minutesqa.errors import InputError
from minutesqa.evaluation.questions import load_questions
from minutesqa.evaluation.scores import percentile

API = "/ask"
# questions about the sample minutes (/work/shared/minutes); some are meant to abstain
SAMPLE_QUESTIONS = [
    "what was agreed on Street Angels?",
    "Who chaired the Safer Stockton Partnership meeting in July 2011?",
    "What did the council decide about the new swimming pool?",  # not in the minutes
    "What did the iQuanta report show?",
    "What was said about the Serious Violence Duty?",
    "What is VCAS and who commissioned it?",
    "How much was spent on Christmas lights?",  # not in the minutes
    "What was reported about Operation Harmony?",
    "What did the Partnership agree about the Community Safety Plan?",
    "What was discussed about domestic homicide reviews?",
    "What was said about Cleveland Fire Brigade's transformation?",
    "Who sent apologies to the 2021 meeting?",
    "What was said about recorded crime and disorder in 2024?",
    "What was decided about the airport runway extension?",  # not in the minutes
    "What was the outcome of the PCSO discussion?",
    "What was agreed about substance misuse funding?",
]


def classify(result: Any) -> tuple[bool, str]:
    """(ok, kind): kind is 'cited', 'abstained' or why the result is not an answer."""
    if not isinstance(result, dict):
        return False, f"not an answer object: {type(result).__name__}"
    text = str(result.get("answer") or "").strip()
    if not text:
        return False, "empty answer"
    if result.get("citations"):
        return True, "cited"
    if result.get("abstained"):
        return True, "abstained"
    return False, "neither a citation nor an abstention"


CLIENTS = ("gradio", "http")


class HttpAsker:
    """One client of the app's REST API, as curl uses it: POST /gradio_api/call/ask with
    the inputs, then GET the event stream until its `complete` (or `error`) event. With
    `auth`, it logs in first (POST /login) and keeps the session cookie."""

    def __init__(self, url: str, auth: tuple[str, str] | None, timeout_s: float) -> None:
        import httpx

        self.base = url.rstrip("/")
        self.http = httpx.Client(timeout=timeout_s)
        if auth is not None:
            reply = self.http.post(
                f"{self.base}/login", data={"username": auth[0], "password": auth[1]}
            )
            reply.raise_for_status()

    def ask(self, question: str) -> Any:
        reply = self.http.post(
            f"{self.base}/gradio_api/call{API}", json={"data": [question, [], "", "", ""]}
        )
        reply.raise_for_status()
        event_id = reply.json()["event_id"]
        event = ""
        with self.http.stream("GET", f"{self.base}/gradio_api/call{API}/{event_id}") as stream:
            for line in stream.iter_lines():
                if line.startswith("event:"):
                    event = line.removeprefix("event:").strip()
                elif line.startswith("data:") and event == "complete":
                    return json.loads(line.removeprefix("data:"))[0]
                elif line.startswith("data:") and event == "error":
                    raise RuntimeError(f"the app answered with an error: {line[5:].strip()}")
        raise RuntimeError("the event stream ended without an answer")

    def close(self) -> None:
        self.http.close()


class GradioAsker:
    """One gradio_client.Client."""

    def __init__(self, url: str, auth: tuple[str, str] | None, timeout_s: float) -> None:
        from gradio_client import Client

        self.client = Client(url, auth=auth, verbose=False)
        self.timeout_s = timeout_s

    def ask(self, question: str) -> Any:
        return self.client.submit(question=question, api_name=API).result(timeout=self.timeout_s)

    def close(self) -> None:
        self.client.close()


def run_load(
    url: str,
    questions: Sequence[str],
    clients: int,
    *,
    timeout_s: float = 300.0,
    auth: tuple[str, str] | None = None,
    client: str = "gradio",
) -> dict[str, Any]:
    """Ask every question once, spread over `clients` concurrent clients (threads, each
    its own `client`: "gradio" or "http", see CLIENTS). Returns p50/p95 latency in seconds,
    ok, failed, and detail: cited, abstained, errors (first few reasons), wall_s, per_s,
    clients, n, client."""
    if client not in CLIENTS:
        raise ValueError(f"client must be one of {', '.join(CLIENTS)}, not {client!r}")
    make = GradioAsker if client == "gradio" else HttpAsker

    todo: queue.Queue[str] = queue.Queue()
    for question in questions:
        todo.put(question)
    lock = threading.Lock()
    latencies: list[float] = []
    kinds: dict[str, int] = {}
    errors: list[str] = []

    def worker() -> None:
        try:
            asker = make(url, auth, timeout_s)
        except Exception as exc:  # cannot even connect: each question it would ask fails
            reason = f"connect: {type(exc).__name__}: {str(exc)[:200]}"
            while True:
                try:
                    todo.get_nowait()
                except queue.Empty:
                    return
                with lock:
                    errors.append(reason)
        try:
            while True:
                try:
                    question = todo.get_nowait()
                except queue.Empty:
                    return
                started = time.perf_counter()
                try:
                    ok, kind = classify(asker.ask(question))
                except Exception as exc:
                    ok, kind = False, f"{type(exc).__name__}: {str(exc)[:200]}"
                elapsed = time.perf_counter() - started
                with lock:
                    if ok:
                        latencies.append(elapsed)
                        kinds[kind] = kinds.get(kind, 0) + 1
                    else:
                        errors.append(f"{question!r}: {kind}")
        finally:
            asker.close()

    began = time.perf_counter()
    threads = [
        threading.Thread(target=worker, name=f"load-client-{i}", daemon=True)
        for i in range(max(1, clients))
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - began
    ok = len(latencies)
    return {
        "n": len(questions),
        "clients": clients,
        "client": client,
        "ok": ok,
        "failed": len(errors),
        "cited": kinds.get("cited", 0),
        "abstained": kinds.get("abstained", 0),
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "max": max(latencies) if latencies else None,
        "wall_s": wall,
        "per_s": ok / wall if wall > 0 else 0.0,
        "errors": errors[:10],
    }


def cycle(questions: Sequence[str], n: int) -> list[str]:
    """`n` questions, repeating the list as needed."""
    if not questions:
        raise ValueError("no questions to ask")
    return [questions[i % len(questions)] for i in range(n)]


def read_questions(path: Path) -> list[str]:
    """Questions from an evaluation file (`load_questions`, shared/EVAL_FORMAT.md) or a text
    file with one question a line."""
    if path.suffix in (".yaml", ".yml"):
        return [q.question for q in load_questions(path)]
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} s"


def summary_line(result: dict[str, Any]) -> str:
    return (
        f"{result['n']} questions from {result['clients']} {result.get('client', 'gradio')} "
        f"clients: {result['ok']} ok "
        f"({result['cited']} cited, {result['abstained']} abstained), {result['failed']} failed; "
        f"p50 {_seconds(result['p50'])}, p95 {_seconds(result['p95'])}, "
        f"{result['per_s']:.2f} answers/s over {result['wall_s']:.1f} s"
    )


def _ratio(value: float | None, base: float | None) -> float | None:
    return round(value / base, 2) if value is not None and base else None


def bench_load(
    index_dir: Path,
    out_dir: Path,
    n: int,
    clients: int,
    questions: Sequence[str] = tuple(SAMPLE_QUESTIONS),
) -> dict[str, Any]:
    """The app as its own process (`minutes serve`, default concurrency and queue) on an
    index, with each kind of client (CLIENTS): first every question once from one client
    (the unloaded baseline), then `n` questions from `clients` concurrent clients."""
    settings = Settings.load(env={})
    questions = list(questions)
    res: dict[str, Any] = {
        "index": index_dir.name,
        "questions": len(questions),
        "concurrency": settings.concurrency,
        "max_queue": settings.max_queue,
        "load_avg_start": load_avg(),
    }
    res["by_client"] = {}
    with serve_process(index_dir, out_dir / "serve-load.log") as url:
        for kind in CLIENTS:
            print(f"[load] {kind}: warm-up and one client, one question at a time")
            run_load(url, questions[:3], clients=1, client=kind)
            one = run_load(url, questions, clients=1, client=kind)
            print(f"[load] {kind}: " + summary_line(one))
            print(f"[load] {kind}: {n} questions from {clients} concurrent clients")
            loaded = run_load(url, cycle(questions, n), clients=clients, client=kind)
            print(f"[load] {kind}: " + summary_line(loaded))
            res["by_client"][kind] = {
                "one_client": one,
                "loaded": loaded,
                "p50_ratio": _ratio(loaded["p50"], one["p50"]),
                "p95_ratio": _ratio(loaded["p95"], one["p95"]),
                "throughput_ratio": _ratio(loaded["per_s"], one["per_s"]),
            }
    res["load_avg_end"] = load_avg()
    return res


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.loadtest", description=__doc__)
    parser.add_argument("--url", required=True, help="the running app, e.g. http://127.0.0.1:7860/")
    parser.add_argument("--n", type=int, default=50, help="questions to ask in all (default 50)")
    parser.add_argument("--clients", type=int, default=10, help="concurrent clients (default 10)")
    parser.add_argument("--questions", type=Path, help="YAML eval file or one question a line")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per answer")
    parser.add_argument(
        "--client", choices=CLIENTS, default="gradio", help="gradio_client or plain HTTP"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    try:
        questions = read_questions(args.questions) if args.questions else SAMPLE_QUESTIONS
    except (InputError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    result = run_load(
        args.url, cycle(questions, args.n), args.clients, timeout_s=args.timeout, client=args.client
    )
    print(json.dumps(result) if args.json else summary_line(result))
    for error in result["errors"]:
        print(f"  failed: {error}", file=sys.stderr)
    return 1 if result["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
