"""The `minutes` command line: every subcommand's options, and the Settings they give."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from minutesqa.config import ENV_VARS, Settings
from minutesqa.errors import ConfigError


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
