"""`minutes decisions` (the decisions register) and `minutes brief` (a topic across the
archive)."""

from __future__ import annotations

import argparse
import sys

from minutesqa.config import Settings
from minutesqa.errors import ConfigError


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
