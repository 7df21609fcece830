"""The `minutes` command: ingest, inspect, ask, decisions, brief, serve, eval. Thin: it reads
options into Settings, calls the pipeline, and turns domain errors into one line and an exit
status. The entry point (`main`, the console script's `minutesqa.cli:main`) is here; the
rest, one job a module:

- `options`: the command line (every subcommand's options) and the Settings it gives;
- `index_commands`: `ingest` and `inspect` (reading minutes);
- `answer_commands`: `ask` (and `--explain`), `serve`, `eval`;
- `report_commands`: `decisions` (the register) and `brief`.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from minutesqa.cli.answer_commands import cmd_ask, cmd_eval, cmd_serve
from minutesqa.cli.index_commands import cmd_ingest, cmd_inspect
from minutesqa.cli.options import build_parser, settings_from
from minutesqa.cli.report_commands import cmd_brief, cmd_decisions
from minutesqa.errors import MinutesError

EXIT_ERROR = 2


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
