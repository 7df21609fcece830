"""What is sent with a question, checked once for the CLI, the page and the API: length
caps on the question, the history and the committee; YYYY-MM-DD dates in order; every
refusal one line that repeats at most a few dozen characters of what was sent."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from minutesqa.cli import EXIT_ERROR, main
from minutesqa.errors import MinutesError, QuestionError
from minutesqa.inputs import (
    ECHO_CHARS,
    MAX_COMMITTEE_CHARS,
    MAX_HISTORY_ITEMS,
    MAX_QUESTION_CHARS,
    echo,
    read_day,
    read_request,
)


def refusal(*args: object, **kw: object) -> str:
    with pytest.raises(QuestionError) as info:
        read_request(*args, **kw)  # type: ignore[arg-type]
    message = str(info.value)
    assert "\n" not in message and len(message) < 200, message
    return message


def test_a_good_request_is_read() -> None:
    r = read_request(
        "  what was agreed?  ", ["earlier?"], " Safer Stockton ", " 2021-01-01 ", "2021-12-31"
    )
    assert r.question == "what was agreed?" and r.history == ("earlier?",)
    assert r.committee == "Safer Stockton"
    assert (r.since, r.until) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    empty = read_request("q", None, "", "", None)
    assert (empty.history, empty.committee, empty.since, empty.until) == ((), None, None, None)


def test_limits_are_inclusive() -> None:
    read_request(
        "q" * MAX_QUESTION_CHARS,
        ["h" * MAX_QUESTION_CHARS] * MAX_HISTORY_ITEMS,
        "c" * MAX_COMMITTEE_CHARS,
    )


def test_an_over_long_question_is_refused_without_echo() -> None:
    message = refusal("x" * 5_000_000)
    assert message == "the question is 5,000,000 characters long; ask it in at most 1,000"
    assert refusal("   ") == "the question is empty: ask something, e.g. 'what was agreed on CCTV?'"


def test_history_is_capped_in_count_and_length() -> None:
    assert refusal("q", ["h"] * (MAX_HISTORY_ITEMS + 1)) == (
        "the history holds 51 earlier questions; send at most the last 50"
    )
    assert refusal("q", ["ok", "h" * 2000]) == (
        "earlier question 2 of the history is 2,000 characters long; at most 1,000 are read"
    )


def test_a_huge_committee_is_refused_and_echoed_clipped() -> None:
    message = refusal("q", (), "Planning " * 20_000)
    assert message.startswith("the committee 'Planning Planning")
    assert "179,999 characters long; give at most 200" in message  # stripped
    assert message.count("Planning") <= ECHO_CHARS // len("Planning") + 1


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (
            "30/05/2024",
            "",
            "since date '30/05/2024' is not a date: use YYYY-MM-DD, e.g. 2024-05-30",
        ),
        ("2024-02-30", "", "since date '2024-02-30' is not a real date: use YYYY-MM-DD, e.g. "),
        ("", "yesterday", "until date 'yesterday' is not a date"),
        ("2024-01-01", "2023-01-01", "the since date (2024-01-01) is after the until date"),
    ],
)
def test_bad_dates(since: str, until: str, expected: str) -> None:
    assert refusal("q", (), None, since, until).startswith(expected)


def test_a_huge_date_is_echoed_clipped() -> None:
    message = refusal("q", (), None, "2" * 100_000)
    assert (
        message
        == f"since date {echo('2' * 100_000)} is not a date: use YYYY-MM-DD, e.g. 2024-05-30"
    )
    assert echo("2" * 100_000) == repr("2" * ECHO_CHARS + "…")


def test_labels_name_the_callers_own_fields() -> None:
    assert refusal("q", (), None, "2024-01-01", "2023-01-01", labels=("From", "To")) == (
        "the From date (2024-01-01) is after the To date (2023-01-01)"
    )


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ((1,), "the question must be text"),
        (("q", "not a list"), "the history must be a list of the earlier questions"),
        (("q", [1]), "earlier question 1 of the history is not text"),
        (("q", [], 5), "the committee must be text: its name or words of it"),
        (("q", [], None, 20240101), "the since date must be text: use YYYY-MM-DD, e.g. 2024-05-30"),
    ],
)
def test_values_of_the_wrong_type_are_refused(values: tuple[object, ...], expected: str) -> None:
    assert refusal(*values) == expected


def test_question_error_is_a_minutes_error() -> None:
    """The CLI turns it into one line and exit status 2 like any other."""
    assert issubclass(QuestionError, MinutesError)


# --- the CLI: the same checks, before the model loads ---------------------------------------
@pytest.fixture
def no_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in [v for v in os.environ if v.startswith("MINUTES_")]:
        monkeypatch.delenv(var)


@pytest.mark.usefixtures("no_env")
@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (["x" * 5000], "the question is 5,000 characters long; ask it in at most 1,000"),
        (["q", "--committee", "c" * 300], "the committee 'cccc"),
        (["q", "--history", "h" * 1001], "earlier question 1 of the history is 1,001 characters"),
        (
            ["q", "--since", "2024-01-01", "--until", "2023-01-01"],
            "the --since date (2024-01-01) is after the --until date (2023-01-01)",
        ),
        (["q", "--since", "30/05/2024"], "--since date '30/05/2024' is not a date"),
    ],
)
def test_cli_refuses_like_the_app(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], extra: list[str], expected: str
) -> None:
    # no index exists: the refusal comes first, before the index or the model is opened
    assert main(["ask", *extra, "--index", str(tmp_path / "none")]) == EXIT_ERROR
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and err[0].startswith(f"minutes ask: {expected}"), err
    assert len(err[0]) < 200


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("5 July 2011", dt.date(2011, 7, 5)),
        ("2021", dt.date(2021, 1, 1)),
        ("2021-05", dt.date(2021, 5, 1)),
    ],
)
def test_written_dates_are_understood(written: str, day: dt.date) -> None:
    assert read_day(written, "since") == day
