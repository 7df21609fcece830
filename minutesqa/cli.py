"""The `minutes` command: ingest, inspect, ask, decisions, brief, serve, eval. Thin: it reads
options into Settings, calls the pipeline, and turns domain errors into one line and an exit
status."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from minutesqa.config import ENV_VARS, Settings
from minutesqa.errors import ConfigError, InputError, MinutesError
from minutesqa.models import Answer, item_label

EXIT_FAILED_FILES = 1
EXIT_ERROR = 2


def _store_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("index")
    g.add_argument(
        "--index", dest="index_dir", help="index folder (default: index/, MINUTES_INDEX)"
    )
    g.add_argument("--collection", help="Chroma collection name (default: minutes)")
    g.add_argument("--model", help="sentence-transformers model name or path")
    g.add_argument("--chroma-host", help="use the Chroma server at this host (MINUTES_CHROMA_HOST)")
    g.add_argument("--chroma-port", type=int, help="Chroma server port (default 8000)")
    g.add_argument("--chroma-ssl", action="store_true", default=None, help="HTTPS to the server")
    g.add_argument(
        "--chroma-header",
        action="append",
        metavar="'NAME: VALUE'",
        help="extra header for the Chroma server, e.g. an auth token (repeatable)",
    )
    g.add_argument(
        "--exclude-restricted",
        action="store_true",
        default=None,
        help="leave items flagged restricted out of retrieval and answers",
    )


def build_parser() -> argparse.ArgumentParser:
    env_help = "\n".join(f"  {var:28} {text}" for var, text in ENV_VARS.values())
    parser = argparse.ArgumentParser(
        prog="minutes",
        description="Ask plain-English questions of council meeting minutes.",
        epilog="settings from the environment:\n" + env_help,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _ingest_command(sub)
    _inspect_command(sub)
    _ask_command(sub)
    _decisions_command(sub)
    _brief_command(sub)
    _serve_command(sub)
    _eval_command(sub)
    return parser


def _ingest_command(sub: Any) -> None:
    p = sub.add_parser("ingest", help="read a folder of minutes into the index")
    p.add_argument("folder", type=Path, help="folder of minutes (txt, md, html, pdf, docx)")
    p.add_argument(
        "--list", action="store_true", help="print the items as JSON lines; index nothing"
    )
    p.add_argument("--prune", action="store_true", help="remove meetings whose file is gone")
    _store_options(p)


def _inspect_command(sub: Any) -> None:
    p = sub.add_parser(
        "inspect",
        help="show how files are read and split into agenda items; indexes nothing",
        description="Show how each file is read and split: its format, the header found "
        "(committee, kind, date, chair, venue, present), one line per agenda item (number, "
        "or '—' where none is printed; title; the start of its text) with its decisions "
        "below, and a count. Use it when a layout is not understood.",
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a file of minutes")
    p.add_argument("--json", action="store_true", help="print each Meeting as one JSON line")


def _ask_command(sub: Any) -> None:
    p = sub.add_parser("ask", help="answer one question from the index")
    p.add_argument("question", help="the question, in plain English")
    p.add_argument("--json", action="store_true", help="print the evaluation record as JSON")
    p.add_argument(
        "--explain",
        action="store_true",
        help="after the answer, each retrieved item's score and its parts (tuning.py)",
    )
    p.add_argument("--since", help="only meetings on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", help="only meetings on or before this date (YYYY-MM-DD)")
    p.add_argument(
        "--committee",
        help="only this committee: its name, or words of it to take every committee whose "
        "name holds them (an abbreviation of a name's initials is understood: 'JPC' for "
        "the Joint Policing Committee)",
    )
    p.add_argument("--k", type=int, help="how many items to retrieve (default 10)")
    p.add_argument(
        "--history", action="append", default=[], help="an earlier question (repeatable)"
    )
    _store_options(p)


def _decisions_command(sub: Any) -> None:
    p = sub.add_parser(
        "decisions",
        help="the decisions register: every recorded decision, oldest first",
        description="Every decision the index holds (date, committee, item, title, the "
        "decision as worded, outcome and tally where the minutes give them, source file), "
        "oldest first.",
    )
    p.add_argument("--since", help="only meetings on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", help="only meetings on or before this date (YYYY-MM-DD)")
    p.add_argument("--committee", help="only this committee: its name, or words of it")
    p.add_argument(
        "--contains", default="", help="only decisions holding all these words (or in the title)"
    )
    p.add_argument("--format", choices=["csv", "json", "md"], default="md", help="default md")
    p.add_argument("--out", type=Path, help="write to this file instead of the screen")
    _store_options(p)


def _brief_command(sub: Any) -> None:
    p = sub.add_parser(
        "brief",
        help="a briefing: every item about a topic across the archive, oldest first",
        description="Every item about TOPIC (not one that mentions it in passing), oldest "
        "first, each with date, committee, item, its decisions and the sentences that say "
        "what happened; a head with the number of meetings, the first and last time it was "
        "discussed, and every decision in one list.",
    )
    p.add_argument("topic", help="the topic, in a few words: 'street drinking', 'CCTV'")
    p.add_argument("--since", help="only meetings on or after this date (YYYY-MM-DD)")
    p.add_argument("--until", help="only meetings on or before this date (YYYY-MM-DD)")
    p.add_argument("--committee", help="only this committee: its name, or words of it")
    p.add_argument("--format", choices=["md", "json", "docx"], default="md", help="default md")
    p.add_argument("--out", type=Path, help="write to this file (needed for docx)")
    _store_options(p)


def _serve_command(sub: Any) -> None:
    p = sub.add_parser("serve", help="start the chat app in the browser")
    p.add_argument("--host", help="address to bind (default 127.0.0.1)")
    p.add_argument("--port", type=int, help="port (default 7860)")
    p.add_argument("--auth-file", help="file of 'user:password' lines; turns on login")
    _store_options(p)


def _eval_command(sub: Any) -> None:
    p = sub.add_parser("eval", help="run a question file and score the answers")
    p.add_argument("--questions", type=Path, required=True, help="question file (YAML)")
    p.add_argument("--out", type=Path, required=True, help="records file to write (JSON Lines)")
    p.add_argument("--baselines", action="store_true", help="also score the baseline systems")
    p.add_argument("--corpus", type=Path, help="minutes folder, needed by the tutorial baseline")
    _store_options(p)


def settings_from(args: argparse.Namespace) -> Settings:
    headers: dict[str, str] | None = None
    if getattr(args, "chroma_header", None):
        from minutesqa.config import parse_headers

        try:
            headers = parse_headers(";".join(args.chroma_header))
        except ValueError:
            raise ConfigError("--chroma-header must look like 'Name: value'") from None
    return Settings.load(
        index_dir=getattr(args, "index_dir", None),
        collection=getattr(args, "collection", None),
        model=getattr(args, "model", None),
        chroma_host=getattr(args, "chroma_host", None),
        chroma_port=getattr(args, "chroma_port", None),
        chroma_ssl=getattr(args, "chroma_ssl", None),
        chroma_headers=headers,
        exclude_restricted=getattr(args, "exclude_restricted", None),
        host=getattr(args, "host", None),
        port=getattr(args, "port", None),
        auth_file=getattr(args, "auth_file", None),
        k=getattr(args, "k", None),
    )


def cmd_ingest(args: argparse.Namespace, settings: Settings) -> int:
    from minutesqa.ingest import ingest, iter_items

    if args.list:
        failed = 0
        for row in iter_items(args.folder, settings):
            if isinstance(row, tuple):
                failed += 1
                print(f"{row[0]}: {row[1]}", file=sys.stderr)
            else:
                print(json.dumps(row, ensure_ascii=False))
        return EXIT_FAILED_FILES if failed else 0
    summary = ingest(args.folder, settings, prune=args.prune)
    for path, reason in summary.failures:
        print(f"skipped {path}: {reason}", file=sys.stderr)
    where = (
        f"Chroma server {settings.chroma_host}:{settings.chroma_port}"
        if settings.server_mode
        else str(settings.index_dir)
    )
    print(f"Ingested into {where}: {summary.line()}")
    if summary.failed:
        print(f"{summary.failed} file(s) failed (reasons above); fix or remove them and run again.")
    elif summary.meetings or summary.unchanged:
        print('Next: minutes ask "what was agreed about ...?"  or  minutes serve')
    return EXIT_FAILED_FILES if summary.failed else 0


def cmd_inspect(args: argparse.Namespace, settings: Settings) -> int:
    from minutesqa.parse import read_document
    from minutesqa.reports.inspection import describe, meeting_json
    from minutesqa.segment import segment

    failed = shown = 0
    for path in args.files:
        try:
            doc = read_document(
                path,
                max_bytes=int(settings.max_file_mb * 1024**2),
                timeout_s=settings.parse_timeout_s,
            )
            meeting = segment(doc)
        except (InputError, OSError) as exc:  # OSError: a folder named like a file, say
            failed += 1
            reason = f"cannot be read: {exc.strerror}" if isinstance(exc, OSError) else exc
            print(f"minutes inspect: {path}: {reason}", file=sys.stderr)
            continue
        if args.json:
            print(meeting_json(meeting))
        else:
            print("\n".join(([""] if shown else []) + describe(doc, meeting)))
            shown += 1
    return EXIT_FAILED_FILES if failed else 0


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


def cmd_decisions(args: argparse.Namespace, settings: Settings) -> int:
    from minutesqa.indexing.store import VectorStore
    from minutesqa.inputs import read_committee, read_day
    from minutesqa.reports.register import decisions, render_register

    since = read_day(args.since, "--since")
    until = read_day(args.until, "--until")
    if since and until and since > until:
        raise ConfigError(f"the --since date ({since}) is after the --until date ({until})")
    store = VectorStore(settings, create=False)
    if store.count() == 0:
        raise ConfigError(f"the index at {settings.index_dir} is empty: run 'minutes ingest DIR'")
    found = decisions(
        store,
        since=since,
        until=until,
        committee=read_committee(args.committee),
        contains=args.contains,
        exclude_restricted=settings.exclude_restricted,
    )
    text = render_register(found, args.format)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
        print(f"{len(found)} decisions written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(text)
        print(f"{len(found)} decisions", file=sys.stderr)
    return 0


def cmd_brief(args: argparse.Namespace, settings: Settings) -> int:
    from minutesqa.answer.pipeline import Pipeline
    from minutesqa.inputs import read_request
    from minutesqa.reports.brief import brief, render

    request = read_request(
        args.topic, [], args.committee, args.since, args.until, labels=("--since", "--until")
    )
    if args.format == "docx" and not args.out:
        raise ConfigError("--format docx writes a file: give --out FILE.docx")
    pipeline = Pipeline(settings)
    found = brief(
        pipeline.retriever,
        pipeline.extractive,
        request.question,
        since=request.since,
        until=request.until,
        committee=request.committee,
    )
    text = render(found, args.format)
    summary = f"{len(found.entries)} items from {found.meetings} meetings"
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            args.out.write_bytes(text)
        else:
            args.out.write_text(text, encoding="utf-8")
        print(f"{summary} written to {args.out}", file=sys.stderr)
    else:
        sys.stdout.write(str(text))
        print(summary, file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    from minutesqa.ui.app import serve

    serve(settings)
    return 0


def cmd_eval(args: argparse.Namespace, settings: Settings) -> int:
    from minutesqa.evaluation.run import run_cli

    return run_cli(args, settings)


COMMANDS: dict[str, Any] = {
    "ingest": cmd_ingest,
    "inspect": cmd_inspect,
    "ask": cmd_ask,
    "decisions": cmd_decisions,
    "brief": cmd_brief,
    "serve": cmd_serve,
    "eval": cmd_eval,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = settings_from(args)
        return int(COMMANDS[args.command](args, settings))
    except MinutesError as exc:
        print(f"minutes {args.command}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("interrupted; nothing half-written is kept", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
