"""Load test for the chat app: many questions from concurrent gradio_client clients against
the app's stable `/ask` endpoint, with latency percentiles.

    python -m minutesqa.loadtest --url http://127.0.0.1:7860/ --n 50 --clients 10
    python -m minutesqa.loadtest --url ... --questions eval/questions.yaml

`run_load(url, questions, clients)` is the reusable part (tests and `make bench` call it).
An answer counts as ok when it cites at least one item or clearly abstains; anything else
(an exception, a timeout, an empty or malformed result) is a failure, with its reason kept.
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np

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


def percentile(values: Sequence[float], q: float) -> float:
    return float(np.percentile(np.asarray(values, dtype=float), q)) if values else float("nan")


def run_load(
    url: str,
    questions: Sequence[str],
    clients: int,
    *,
    timeout_s: float = 300.0,
    auth: tuple[str, str] | None = None,
) -> dict[str, Any]:
    """Ask every question once, spread over `clients` concurrent clients (threads, each
    its own gradio_client.Client). Returns p50/p95 latency in seconds, ok, failed, and
    detail: cited, abstained, errors (first few reasons), wall_s, per_s, clients, n."""
    from gradio_client import Client

    todo: queue.Queue[str] = queue.Queue()
    for question in questions:
        todo.put(question)
    lock = threading.Lock()
    latencies: list[float] = []
    kinds: dict[str, int] = {}
    errors: list[str] = []

    def worker() -> None:
        try:
            client = Client(url, auth=auth, verbose=False)
        except Exception as exc:  # cannot even connect: each question it would ask fails
            reason = f"connect: {type(exc).__name__}: {str(exc)[:200]}"
            while True:
                try:
                    todo.get_nowait()
                except queue.Empty:
                    return
                with lock:
                    errors.append(reason)
        while True:
            try:
                question = todo.get_nowait()
            except queue.Empty:
                return
            started = time.perf_counter()
            try:
                job = client.submit(question=question, api_name=API)
                result = job.result(timeout=timeout_s)
                ok, kind = classify(result)
            except Exception as exc:
                ok, kind = False, f"{type(exc).__name__}: {str(exc)[:200]}"
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    latencies.append(elapsed)
                    kinds[kind] = kinds.get(kind, 0) + 1
                else:
                    errors.append(f"{question!r}: {kind}")

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
        "ok": ok,
        "failed": len(errors),
        "cited": kinds.get("cited", 0),
        "abstained": kinds.get("abstained", 0),
        "p50": percentile(latencies, 50),
        "p95": percentile(latencies, 95),
        "max": max(latencies) if latencies else float("nan"),
        "wall_s": wall,
        "per_s": ok / wall if wall > 0 else 0.0,
        "errors": errors[:10],
    }


# --- the app as its own process (make bench, make test-all) ---------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_http(url: str, timeout: float, proc: subprocess.Popen[bytes] | None = None) -> None:
    """Poll `url` until it answers (any HTTP status), the process dies, or time runs out."""
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode} before {url} answered")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except urllib.error.HTTPError:
            return  # it answered, if not with 200
        except (OSError, urllib.error.URLError) as exc:
            last = exc
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s ({last})")


def stop(proc: subprocess.Popen[bytes], grace: float = 10.0) -> None:
    """SIGTERM the process group, then SIGKILL it if it lingers."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        proc.wait(5)


@contextmanager
def serve_process(
    index_dir: Path, log_path: Path, *, concurrency: int | None = None, timeout: float = 300.0
) -> Iterator[str]:
    """`minutes serve` on the index as its own process on a free loopback port, as in
    production; yields its URL and always stops it. Other MINUTES_* settings are cleared."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("MINUTES_")}
    env.update(MINUTES_INDEX=str(index_dir), MINUTES_PORT=str(port), ANONYMIZED_TELEMETRY="False")
    if concurrency is not None:
        env["MINUTES_CONCURRENCY"] = str(concurrency)
    command = [sys.executable, "-m", "minutesqa.cli", "serve"]
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            command, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        try:
            url = f"http://127.0.0.1:{port}/"
            wait_http(url + "config", timeout=timeout, proc=proc)
            yield url
        finally:
            stop(proc)


def cycle(questions: Sequence[str], n: int) -> list[str]:
    """`n` questions, repeating the list as needed."""
    if not questions:
        raise ValueError("no questions to ask")
    return [questions[i % len(questions)] for i in range(n)]


def read_questions(path: Path) -> list[str]:
    """Questions from an evaluation file (YAML list of {question: ...}) or a text file
    with one question a line."""
    if path.suffix in (".yaml", ".yml"):
        import yaml

        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        return [str(r["question"]) for r in rows if isinstance(r, dict) and r.get("question")]
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def summary_line(result: dict[str, Any]) -> str:
    return (
        f"{result['n']} questions from {result['clients']} clients: {result['ok']} ok "
        f"({result['cited']} cited, {result['abstained']} abstained), {result['failed']} failed; "
        f"p50 {result['p50']:.2f} s, p95 {result['p95']:.2f} s, "
        f"{result['per_s']:.2f} answers/s over {result['wall_s']:.1f} s"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m minutesqa.loadtest", description=__doc__)
    parser.add_argument("--url", required=True, help="the running app, e.g. http://127.0.0.1:7860/")
    parser.add_argument("--n", type=int, default=50, help="questions to ask in all (default 50)")
    parser.add_argument("--clients", type=int, default=10, help="concurrent clients (default 10)")
    parser.add_argument("--questions", type=Path, help="YAML eval file or one question a line")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per answer")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args(argv)
    questions = read_questions(args.questions) if args.questions else SAMPLE_QUESTIONS
    result = run_load(args.url, cycle(questions, args.n), args.clients, timeout_s=args.timeout)
    print(json.dumps(result) if args.json else summary_line(result))
    for error in result["errors"]:
        print(f"  failed: {error}", file=sys.stderr)
    return 1 if result["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
