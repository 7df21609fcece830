"""Dates in questions ("in 2021", "in May 2024", "since 2019", "at the last meeting"), read
with the minutes' month names and date patterns (`segment.dates`)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from minutesqa.lexicon import PLAN_NOUNS
from minutesqa.segment.dates import _MONTH_RE, MONTHS, _make, find_dates


@dataclass(frozen=True)
class DateIntent:
    """What a question says about time."""

    since: dt.date | None = None
    until: dt.date | None = None
    latest: bool = False  # "at the last meeting", "latest", "most recent"
    earliest: bool = False
    # a part of a year ("early 2018", "spring 2011"): the whole year, searched instead where
    # no meeting was held in the part (its figures are given at a later meeting)
    year: int | None = None
    # the year is a plan's or a budget's ("the 2021 budget", "the allocation for 2015"):
    # the plan is adopted in the year before, as much as in its own (plan_year)
    plan: bool = False

    def whole_year(self) -> DateIntent:
        """The year a part of a year is of; itself for any other intent."""
        if self.year is None:
            return self
        return DateIntent(dt.date(self.year, 1, 1), dt.date(self.year, 12, 31))

    @property
    def empty(self) -> bool:
        return not (self.since or self.until or self.latest or self.earliest)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


_YEAR = r"((?:19|20)\d{2})"


# "between 1 January and 29 March 2018", "from April to September 2020", "between March
# 2019 and June 2020": a start whose year (and day) may be left to the end
_DAY = r"(?:(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
_SPAN = re.compile(
    rf"\b(?:between|from)\s+{_DAY}{_MONTH_RE}(?:,?\s+{_YEAR})?"
    rf"\s+(?:and|to|until|till)\s+{_DAY}{_MONTH_RE},?\s+{_YEAR}\b"
)


def _span(q: str) -> DateIntent | None:
    m = _SPAN.search(q)
    if not m:
        return None
    day1, mon1, year1, day2, mon2, year2 = m.groups()
    end_year, end_month = int(year2), MONTHS[mon2]
    until = _make(end_year, end_month, int(day2)) if day2 else _month_end(end_year, end_month)
    start_year = int(year1) if year1 else end_year
    since = _make(start_year, MONTHS[mon1], int(day1) if day1 else 1)
    if since and until and since > until and not year1:  # "between November and February 2020"
        since = _make(start_year - 1, MONTHS[mon1], int(day1) if day1 else 1)
    if since is None or until is None or since > until:
        return None
    return DateIntent(since, until)


# a part of a year, as (first month, last month): "early 2018", "the spring of 2022", "the
# second half of 2019", "Q3 2021". Winter is left out: it spans two years.
PARTS_OF_YEAR: dict[str, tuple[int, int]] = {
    "early": (1, 4),
    "the start of": (1, 4),
    "the beginning of": (1, 4),
    "mid": (5, 8),
    "the middle of": (5, 8),
    "late": (9, 12),
    "the end of": (9, 12),
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "fall": (9, 11),
    "the first half of": (1, 6),
    "the second half of": (7, 12),
    "q1": (1, 3),
    "q2": (4, 6),
    "q3": (7, 9),
    "q4": (10, 12),
}
_PART_RE = re.compile(
    r"\b(?:the\s+)?("
    + "|".join(re.escape(p.removeprefix("the ")) for p in PARTS_OF_YEAR)
    + r")(?:\s+of\s+|-|\s+)((?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def without_parts_of_year(text: str) -> str:
    """The text less the parts of a year it names ("the rise in break-ins in early 2018":
    'early' names a time, not the topic)."""
    return _PART_RE.sub(" ", text) if _PART_RE.search(text) else text


def _part_of_year(q: str) -> DateIntent | None:
    """The months of "early 2018", "the spring of 2022", "mid-2019", "Q3 2021" (`q` in
    lower case); None where the question names no part of a year."""
    m = _PART_RE.search(q)
    if m is None:
        return None
    word = m.group(1)
    first, last = next(v for k, v in PARTS_OF_YEAR.items() if k.removeprefix("the ") == word)
    year = int(m.group(2))
    return DateIntent(dt.date(year, first, 1), _month_end(year, last), year=year)


_PLAN_NOUN = r"(?:" + "|".join(PLAN_NOUNS) + r")"
# words that end the noun phrase a year opens ("built in 2019 under the programme": the
# year is the building's, not the programme's)
_NOT_OF_THE_NOUN = (
    r"(?:under|in|of|for|to|by|at|on|from|with|into|the|a|an|was|were|is|are|be|been|has|"
    r"have|had|and|or|as|when|which|that|who|what|how|it|its|their)"
)


def plan_year(text: str, year: int) -> bool:
    """Whether the text names `year` as the year of a plan or budget (PLAN_NOUNS): the year
    before the noun, a few words between ("the 2020 general municipal allocation", "the
    2021 budget"), or after it, with "for" or "of" or alone ("Budgetary Plan 2021", "the GMA
    for 2015", "Allocation-2020"). Such a plan is adopted in the autumn of the year
    before (the 2015 allocation at the October 2014 meeting), so the question's year is
    not the meeting's alone."""
    y = rf"\b{year}\b(?![/-]?\d)"
    word = rf"(?!{_NOT_OF_THE_NOUN}\b)[\w'’-]+"
    before = rf"{y}\s+(?:{word}\s+){{0,3}}?{_PLAN_NOUN}\b"
    after = rf"\b{_PLAN_NOUN}\s*(?:[-–:]\s*|\s(?:for|of)\s+(?:the\s+)?(?:year\s+)?)?{y}"
    return bool(re.search(rf"{before}|{after}", text, re.I))


def question_dates(question: str, today: dt.date | None = None) -> DateIntent:
    q = question.lower()
    today = today or dt.date.today()
    m = re.search(rf"\bbetween\s+{_YEAR}\s+and\s+{_YEAR}\b", q)
    if m:
        a, b = sorted((int(m.group(1)), int(m.group(2))))
        return DateIntent(dt.date(a, 1, 1), dt.date(b, 12, 31))
    span = _span(q)
    if span is not None:
        return span
    full = find_dates(question)
    if full:
        pos, day = full[0]
        return DateIntent(day, day)
    m = re.search(rf"\b(since|after|from|before|until|prior to)\s+(?:{_MONTH_RE}\s+)?{_YEAR}\b", q)
    if m:
        word, month, year = m.group(1), m.group(2), int(m.group(3))
        mon = MONTHS[month] if month else None
        if word in ("since", "after", "from"):
            start = dt.date(year, mon or 1, 1)
            if word == "after":
                after = _month_end(year, mon) if mon else dt.date(year, 12, 31)
                start = after + dt.timedelta(days=1)
            return DateIntent(since=start)
        end = dt.date(year, mon, 1) - dt.timedelta(days=1) if mon else dt.date(year - 1, 12, 31)
        return DateIntent(until=end)
    m = re.search(rf"\b{_MONTH_RE},?\s+{_YEAR}\b", q)
    if m:
        year, mon = int(m.group(2)), MONTHS[m.group(1)]
        return DateIntent(dt.date(year, mon, 1), _month_end(year, mon))
    part = _part_of_year(q)
    if part is not None:
        return part
    m = re.search(rf"\b{_YEAR}\s*[/-]\s*(\d{{2}})\b", q)  # 2020/21, 2020-21: a financial year
    if m:
        year = int(m.group(1))
        return DateIntent(dt.date(year, 1, 1), dt.date(year + 1, 12, 31))
    m = re.search(rf"\b{_YEAR}\b", q)
    if m:
        year = int(m.group(1))
        return DateIntent(dt.date(year, 1, 1), dt.date(year, 12, 31), plan=plan_year(q, year))
    m = re.search(r"\b(this|last)\s+year\b", q)
    if m:
        year = today.year - (1 if m.group(1) == "last" else 0)
        return DateIntent(dt.date(year, 1, 1), dt.date(year, 12, 31))
    m = re.search(
        r"\b(?:the\s+)?(?:last|latest|most\s+recent|newest|previous)\s+(?:meeting|minutes|time)\b"
        r"|\blatest\b|\bmost\s+recent(?:ly)?\b|\brecently\b",
        q,
    )
    if m:
        return DateIntent(latest=True)
    m = re.search(r"\b(?:the\s+)?(?:first|earliest|oldest)\s+(?:meeting|minutes|time)\b", q)
    if m:
        return DateIntent(earliest=True)
    return DateIntent()
