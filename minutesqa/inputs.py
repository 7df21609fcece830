"""What a person sends with a question, read and checked in one place for the CLI, the chat
page and the /ask API alike: the question, the earlier questions of the conversation, the
committee filter and the date range.

Lengths are capped here, on the server, because the page's own limits bind only the page:
an API caller could otherwise send a question of megabytes that holds an answering slot and
grows the process. A refusal is a `QuestionError` of one line that says what to change, and
repeats at most `ECHO_CHARS` characters of what was sent.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from minutesqa.errors import QuestionError

MAX_QUESTION_CHARS = 1000  # also the question box's own limit on the page
MAX_HISTORY_ITEMS = 50  # earlier questions one request may carry (the app uses the last few)
MAX_COMMITTEE_CHARS = 200  # committee names run to about 80 characters
ECHO_CHARS = 40  # most characters of a refused value repeated in a message
EXAMPLE = "e.g. 2024-05-30"
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class Request:
    question: str
    history: tuple[str, ...]
    committee: str | None
    since: dt.date | None
    until: dt.date | None


def echo(value: str, limit: int = ECHO_CHARS) -> str:
    """A value a person sent, quoted for a message and clipped to `limit` characters."""
    return repr(value if len(value) <= limit else value[:limit] + "…")


def read_question(question: object) -> str:
    if not isinstance(question, str):
        raise QuestionError("the question must be text")
    question = question.strip()
    if not question:
        raise QuestionError("the question is empty: ask something, e.g. 'what was agreed on CCTV?'")
    if len(question) > MAX_QUESTION_CHARS:
        raise QuestionError(
            f"the question is {len(question):,} characters long; "
            f"ask it in at most {MAX_QUESTION_CHARS:,}"
        )
    return question


def read_history(history: object) -> tuple[str, ...]:
    if history is None:
        return ()
    if isinstance(history, str) or not isinstance(history, Sequence):
        raise QuestionError("the history must be a list of the earlier questions")
    if len(history) > MAX_HISTORY_ITEMS:
        raise QuestionError(
            f"the history holds {len(history):,} earlier questions; "
            f"send at most the last {MAX_HISTORY_ITEMS}"
        )
    for n, earlier in enumerate(history, 1):
        if not isinstance(earlier, str):
            raise QuestionError(f"earlier question {n} of the history is not text")
        if len(earlier) > MAX_QUESTION_CHARS:
            raise QuestionError(
                f"earlier question {n} of the history is {len(earlier):,} characters long; "
                f"at most {MAX_QUESTION_CHARS:,} are read"
            )
    return tuple(history)


def read_committee(committee: object) -> str | None:
    if committee is None:
        return None
    if not isinstance(committee, str):
        raise QuestionError("the committee must be text: its name or words of it")
    name = committee.strip()
    if len(name) > MAX_COMMITTEE_CHARS:
        raise QuestionError(
            f"the committee {echo(name)} is {len(name):,} characters long; "
            f"give at most {MAX_COMMITTEE_CHARS} (its name or words of it)"
        )
    return name or None


def read_day(value: object, label: str) -> dt.date | None:
    """A YYYY-MM-DD date, or None for an empty value."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise QuestionError(f"the {label} date must be text: use YYYY-MM-DD, {EXAMPLE}")
    value = value.strip()
    if not value:
        return None
    if not _ISO_DAY.fullmatch(value):
        # written dates users type: "5 July 2011", "July 2011", "2021", "2021-05"
        written = _written_day(value)
        if written is None:
            raise QuestionError(
                f"{label} date {echo(value)} is not a date: use YYYY-MM-DD, {EXAMPLE}"
            )
        return written
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise QuestionError(
            f"{label} date {echo(value)} is not a real date: use YYYY-MM-DD, {EXAMPLE}"
        ) from None


def _written_day(value: str) -> dt.date | None:
    from minutesqa.segment.dates import parse_date

    if len(value) > 40 or "/" in value:  # 05/06/2024: day or month first? refused
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


def read_request(
    question: object,
    history: object = (),
    committee: object = None,
    since: object = None,
    until: object = None,
    *,
    labels: tuple[str, str] = ("since", "until"),
) -> Request:
    """Everything sent with one question, checked: QuestionError (one line) if any part is
    refused. `labels` name the two dates as the caller's own form does ("From"/"To" on the
    page, "--since"/"--until" on the command line)."""
    text = read_question(question)
    earlier = read_history(history)
    name = read_committee(committee)
    start = read_day(since, labels[0])
    end = read_day(until, labels[1])
    if start and end and start > end:
        raise QuestionError(f"the {labels[0]} date ({start}) is after the {labels[1]} date ({end})")
    return Request(question=text, history=earlier, committee=name, since=start, until=end)
