"""The `minutes` command: help for every subcommand, one-line errors, exit statuses."""

from __future__ import annotations

import os

import pytest

from minutesqa.cli import COMMANDS, EXIT_ERROR, build_parser, main


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in [v for v in os.environ if v.startswith("MINUTES_")]:
        monkeypatch.delenv(var)


def test_every_subcommand_is_known() -> None:
    assert set(COMMANDS) == {"ingest", "ask", "serve", "eval"}


@pytest.mark.parametrize(
    "argv", [["--help"], *[[c, "--help"] for c in ("ingest", "ask", "serve", "eval")]]
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
