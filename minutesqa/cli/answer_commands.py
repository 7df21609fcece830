"""`minutes ask` (one question, and why each item ranked where it did), `minutes serve`
(the chat app) and `minutes eval` (a question file scored)."""

from __future__ import annotations

import argparse
import json

from minutesqa.config import Settings
from minutesqa.models import Answer, item_label


def cmd_ask(args: argparse.Namespace, settings: Settings) -> int:
    from minutesqa.answer.abstain import REASONS
    from minutesqa.answer.pipeline import Pipeline
    from minutesqa.inputs import read_request
    from minutesqa.ui.view import sources_text

    # the same checks as the app and its API: one line (QuestionError) before the model loads
    request = read_request(
        args.question,
        args.history,
        args.committee,
        args.since,
        args.until,
        labels=("--since", "--until"),
    )
    pipeline = Pipeline(settings)
    answer = pipeline.ask(
        request.question,
        list(request.history),
        committee=request.committee,
        since=request.since,
        until=request.until,
        k=args.k,
    )
    if args.json:
        print(json.dumps(answer.to_record(), ensure_ascii=False))
    else:
        print(answer.text)
        if answer.abstained and answer.abstain_reason:
            print(f"\nRefused ({answer.abstain_reason}): {REASONS[answer.abstain_reason]}.")
        if sources := sources_text(answer):
            print("\n" + sources)
    if args.explain and not args.json:
        print("\n" + explain(answer))
    return 0


def explain(answer: Answer) -> str:
    """Why each item ranked where it did: its score as the sum of its parts."""
    cited = {c.key() for c in answer.citations}
    lines = [f"Retrieved ({answer.writer} writer; * cited):"]
    for rank, hit in enumerate(answer.retrieved, 1):
        parts = " + ".join(f"{name} {value:.3f}" for name, value in hit.parts)
        mark = "*" if hit.ref.key() in cited else " "
        label = item_label(hit.ref.item, hit.ref.title)
        lines.append(
            f"{mark}{rank:>2}. {hit.score:.3f} = {parts}  |  {hit.ref.committee}, "
            f"{hit.ref.date.isoformat()}, {label[:60]}"
        )
    if answer.note:
        lines.append(f"note: {answer.note}")
    return "\n".join(lines)


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from minutesqa.ui.app import serve

    serve(settings)
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from minutesqa.evaluation.run import run_cli

    return run_cli(args, settings)
