"""The `minutes` command: help for every subcommand, one-line errors, exit statuses, and
what `minutes inspect` prints."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from minutesqa.cli import COMMANDS, EXIT_ERROR, main
from minutesqa.cli.index_commands import EXIT_FAILED_FILES
from minutesqa.cli.options import build_parser
from minutesqa.parse import supported_extensions
from tests.conftest import SAMPLES


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in [v for v in os.environ if v.startswith("MINUTES_")]:
        monkeypatch.delenv(var)


def test_every_subcommand_is_known() -> None:
    assert set(COMMANDS) == {"ingest", "inspect", "ask", "decisions", "brief", "serve", "eval"}


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        *[
            [c, "--help"]
            for c in ("ingest", "inspect", "ask", "decisions", "brief", "serve", "eval")
        ],
    ],
)
def test_help(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("usage: minutes")
    if argv[0] == "--help":
        assert "MINUTES_PORT" in out and "ingest" in out and "serve" in out
    else:
        assert f"usage: minutes {argv[0]}" in out


def test_ingest_help_lists_its_options(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    out = capsys.readouterr().out
    for option in ("--list", "--prune", "--index", "--chroma-host"):
        assert option in out


def test_empty_question_is_a_one_line_error(
    tmp_path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    assert main(["ask", "  ", "--index", str(tmp_path / "idx")]) == EXIT_ERROR
    assert main(["ask", "", "--index", str(tmp_path / "idx")]) == EXIT_ERROR
    err = capsys.readouterr().err.splitlines()
    assert (
        err
        == ["minutes ask: the question is empty: ask something, e.g. 'what was agreed on CCTV?'"]
        * 2
    )


def test_bad_setting_is_a_one_line_error(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("MINUTES_PORT", "abc")
    assert main(["ingest", str(tmp_path), "--list"]) == EXIT_ERROR
    err = capsys.readouterr().err.splitlines()
    assert err == ["minutes ingest: MINUTES_PORT='abc' is not a valid int for port"]


def test_missing_folder_exits_2(tmp_path, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    missing = tmp_path / "nope"
    assert main(["ingest", str(missing), "--index", str(tmp_path / "idx")]) == EXIT_ERROR
    assert capsys.readouterr().err.splitlines() == [
        f"minutes ingest: {missing}: no such folder; give the folder that holds the minutes"
    ]


def test_ask_without_an_index_is_a_one_line_error(
    tmp_path,
    capsys: pytest.CaptureFixture[str],  # type: ignore[no-untyped-def]
) -> None:
    code = main(["ask", "what was agreed?", "--index", str(tmp_path / "none")])
    err = capsys.readouterr().err.splitlines()
    assert code == EXIT_ERROR
    assert len(err) == 1 and err[0].startswith(f"minutes ask: no index at {tmp_path / 'none'}")


def test_unknown_subcommand_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        build_parser().parse_args(["frobnicate"])
    assert info.value.code == 2
    assert "invalid choice: 'frobnicate'" in capsys.readouterr().err


SAMPLE_2011 = SAMPLES / "000_f16cb60d1222a485.txt"


def test_inspect_prints_header_and_items(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", str(SAMPLE_2011)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[:13] == [
        f"file: {SAMPLE_2011}",
        "format: txt",
        "reading: headings (19 numbered headings)",
        "committee: Safer Stockton Partnership",
        "kind: ordinary",
        "date: 2011-07-05 (5 July 2011, from the text)",
        "chair: Geoff Lee",
        "present: Geoff Lee (Chairman - Tristar Homes), Cllr Jim Beall, Cllr Steve Nelson, "
        "Mike Batty, Steven Hume…",
        "items:",
        "  1  | Minutes of Meeting held on 10th May 2011 | The minutes of the meeting were "
        "agreed as a correct record.",
        "         decided: The minutes of the meeting were agreed as a correct record.",
        "  2  | Matters Arising | It was requested by the Chairman that the 'Reports Back'…",
        "  3  | Any other Business | None",
    ]
    items = [line for line in out if line.startswith("  ") and " | " in line]
    decided = [line for line in out if line.lstrip().startswith("decided: ")]
    assert out[-1] == f"{len(items)} items, {len(decided)} decisions"
    assert len(items) > 12 and len(decided) > 10


def test_inspect_unnumbered_items_and_no_items(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    board = tmp_path / "board.md"
    board.write_text(
        "# DSF Board\n\nSpecial meeting held on 9 June 2022\n\n## Finances\n\n"
        "The treasurer reported a balance.\n\n## Playground Repairs\n\nThe swings were "
        "broken.\n",
        encoding="utf-8",
    )
    flat = tmp_path / "flat.txt"
    flat.write_text(
        "Minutes of the Parish Council held on 3 March 2023.\n\nThe roads were discussed.\n",
        encoding="utf-8",
    )
    assert main(["inspect", str(board), str(flat)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "kind: special" in out
    assert "reading: headings (2 headings, none numbered)" in out
    assert "reading: none (no agenda headings, no numbered resolutions)" in out
    assert "  — | Finances | The treasurer reported a balance." in out
    assert "  — | Playground Repairs | The swings were broken." in out
    assert "2 items, 0 decisions" in out
    assert out[-2] == ("no agenda items found: the whole file is one item — see the headings above")
    assert out[-1].startswith("hint: items are cut at numbered headings")


def test_inspect_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["inspect", "--json", str(SAMPLE_2011)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["committee"], record["date"], record["kind"]) == (
        "Safer Stockton Partnership",
        "2011-07-05",
        "ordinary",
    )
    assert record["items"][1]["number"] == "2"
    assert record["items"][1]["title"] == "Matters Arising"
    assert record["attendance"]["chair"] == "Geoff Lee"


def test_inspect_a_file_that_cannot_be_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    odd = tmp_path / "minutes.xls"
    odd.write_bytes(b"x")
    assert main(["inspect", str(empty), str(SAMPLE_2011), str(odd)]) == EXIT_FAILED_FILES
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"minutes inspect: {empty}: is empty",
        f"minutes inspect: {odd}: unsupported file type .xls; supported: "
        + ", ".join(supported_extensions()),
    ]
    assert captured.out.startswith(f"file: {SAMPLE_2011}\n")  # the others are still shown
