"""Reading the question: what it is about (its topic words), whether it is a follow-up
to read with the turn before it, whether the meeting record answers it, and the dates it
names against the filters given."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from minutesqa.answer.dates import DateIntent, without_parts_of_year
from minutesqa.indexing.terms import content_terms
from minutesqa.lexicon import MONTH_ABBREVIATIONS, MONTHS
from minutesqa.tuning import Tuning

# Questions the meeting record answers: who attended or sent apologies, who chaired the
# meeting (not "who was elected vice chair": an agenda item), where it was held.
MEETING_INTENT = re.compile(
    r"\b(?:attend\w*|present at|apolog\w*|venue|where was|who was at|who came|"
    r"officers? (?:at|present)|chaired|chairing|in the chair|"
    r"chair(?:man|person)? (?:at|of|for) (?:the|that|this) meeting|"
    r"who was (?:the )?chair(?:man|person)?(?= at\b| of the meeting|\s*\?|\s*$))",
    re.IGNORECASE,
)
_FOLLOW_UP = re.compile(
    r"^(?:and|but|also|so|then|what about|how about|and what|what else)\b|"
    r"\b(?:it|its|they|them|their|this|that|these|those|he|she|his|her|there)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Query:
    question: str
    history: tuple[str, ...] = ()
    committee: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    k: int = 10


def is_follow_up(question: str, short: int = Tuning.follow_up_words) -> bool:
    """A follow-up: at most `short` words (Tuning.follow_up_words), or a pronoun."""
    words = question.split()
    return len(words) <= short or bool(_FOLLOW_UP.search(question))


def search_text(
    question: str, history: tuple[str, ...], short: int = Tuning.follow_up_words
) -> str:
    """A follow-up ("and how is it funded?") is searched with the turn before it."""
    if history and is_follow_up(question, short):
        return f"{history[-1]} {question}"
    return question


_DATE_WORDS = frozenset((*MONTHS, *MONTH_ABBREVIATIONS, *"year month latest last recent".split()))


def topic_terms(text: str) -> list[str]:
    """The words that name the topic: no question words, dates (parts of a year included:
    "early 2018", "the spring of 2022") or numbers."""
    words = content_terms(without_parts_of_year(text))
    return [t for t in words if t not in _DATE_WORDS and not t.isdigit()]


def mentions_period(text: str, intent: DateIntent, held: dt.date | None = None) -> bool:
    """Whether an item (of a meeting `held` on another date than asked) speaks of the period
    asked: it names the period's year; for a single month, it names the month too, with the
    year or at a meeting of that year ("the certificated employee of the month for May" in
    April 2022 minutes, not a 2021 report that compares with 2020)."""
    since, until = intent.since, intent.until
    if not (since and until):
        return False
    years = range(since.year, until.year + 1)
    has_year = any(re.search(rf"\b{year}\b", text) for year in years)
    if (since.year, since.month) != (until.year, until.month):
        return has_year
    name = calendar.month_name[since.month]
    # capitalised: the month, not the verb ("members may ...")
    if not re.search(rf"\b(?:{name}|{name[:3]}t?)\b", text):  # "Sep", "Sept"
        return False
    return has_year or (held is not None and held.year == since.year)


def intersect(
    since: dt.date | None, until: dt.date | None, intent: DateIntent
) -> tuple[dt.date | None, dt.date | None]:
    lo = max([d for d in (since, intent.since) if d], default=None)
    hi = min([d for d in (until, intent.until) if d], default=None)
    return lo, hi
