"""What retrieval gives the answer writers and abstention: the items found with the
question's vectors and scope (`Retrieval`), a named body's best item against any other's
(`BodyScope`), and what the index holds (`Coverage`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from minutesqa.answer.question import ParsedQuestion, parse_question
from minutesqa.models import Hit


@dataclass(frozen=True)
class Coverage:
    """What the index holds, for abstentions and the app's filters."""

    meetings: int
    committees: dict[str, int]
    first: dt.date | None
    last: dt.date | None
    first_by_committee: dict[str, dt.date] = field(default_factory=dict)
    dates_by_committee: dict[str, list[dt.date]] = field(default_factory=dict)


@dataclass(frozen=True)
class BodyScope:
    """For a question that names a body: the best item of that body's family (itself, its
    sub committees: committees.committee_family) and the best of every other body, each with
    the share of the topic it holds. The words of the body's name are left out of the topic:
    they say where to look, not what is asked (every item of the body holds them)."""

    own: Hit | None
    other: Hit | None
    own_coverage: float
    other_coverage: float
    family: tuple[str, ...] = ()  # the bodies the question's name stands for


@dataclass
class Retrieval:
    hits: list[Hit]
    query_vector: np.ndarray
    search_text: str
    since: dt.date | None
    until: dt.date | None
    committee: str | None
    out_of_range: bool = False  # the dates asked for hold no meetings at all
    dated: bool = False  # the question itself named a date that now filters the search
    elsewhere: Hit | None = None  # for a dated question: the best item at any date
    named: tuple[str, ...] = ()  # the bodies the question itself names ("the DSF board")
    body: BodyScope | None = None  # ... their best item against any other body's
    question_vector: np.ndarray | None = None  # a follow-up's own words, without history
    focus_vector: np.ndarray | None = None  # what it asks, without where and when (asking_part)
    parsed: ParsedQuestion | None = None  # the question read once (None: a briefing's topic)
    # how telling each word is in the index searched (LexicalIndex.idf; None: all alike)
    idf: Callable[[str], float] | None = None

    @property
    def question(self) -> ParsedQuestion:
        """The question as read; for a retrieval made without one (a briefing, a test),
        its search text read as the question (once: a briefing scores many items)."""
        if self.parsed is None:
            self.parsed = parse_question(self.search_text)
        return self.parsed
