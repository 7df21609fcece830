"""`minutes ingest` (a folder into the index, or its items listed) and `minutes inspect`
(how files are read and split)."""

from __future__ import annotations

import argparse
import json
import sys

from minutesqa.config import Settings
from minutesqa.errors import InputError

EXIT_FAILED_FILES = 1


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
