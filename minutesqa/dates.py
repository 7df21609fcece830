"""Dates in minutes ("Tuesday, 5th July, 2011", "FRIDAY, 10TH MAY, 2019") and in
questions ("in 2021", "in May 2024", "since 2019", "at the last meeting")."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
# the one home of month and weekday names in patterns: header.py reads minutes with them
MONTH_NAMES = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
)
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_MONTH_RE = rf"({MONTH_NAMES}|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_DAY_NAME = rf"(?:{WEEKDAY},?\s+)?"
_ORD = r"(?:\s?(?:st|nd|rd|th)|[*\"”'’])?"  # OCR turns "21st" into "21*" or '26"'

_DMY = re.compile(
    rf"\b{_DAY_NAME}(\d{{1,2}}){_ORD}\s+(?:(?:day\s+)?of\s+)?{_MONTH_RE},?\s+(\d{{4}})\b",
    re.IGNORECASE,
)
_MDY = re.compile(rf"\b{_DAY_NAME}{_MONTH_RE}\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _make(year: int, month: int, day: int) -> dt.date | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def month_first(text: str) -> bool:
    """Whether the text writes numeric dates month first (US: "03/14/2023"): more of its
    numeric dates can only be read that way than only day first ("14/03/2023")."""
    us = uk = 0
    for m in _NUMERIC.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        us += first <= 12 < second <= 31
        uk += second <= 12 < first <= 31
    return us > uk


def find_dates(text: str, *, us_order: bool = False) -> list[tuple[int, dt.date]]:
    """Every full date in the text, with its position, in order. Numeric dates are read
    day first (UK), month first where `us_order` (see `month_first`), and the other way
    where only that reading is a date ("03/14/2023" in UK order)."""
    found: list[tuple[int, dt.date]] = []
    for m in _DMY.finditer(text):
        d = _make(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if d:
            found.append((m.start(), d))
    for m in _MDY.finditer(text):
        d = _make(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        if d:
            found.append((m.start(), d))
    for m in _ISO.finditer(text):
        d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append((m.start(), d))
    for m in _NUMERIC.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if us_order:
            day, month = month, day
        d = _make(int(m.group(3)), month, day) or _make(int(m.group(3)), day, month)
        if d:
            found.append((m.start(), d))
    found.sort(key=lambda pair: pair[0])
    return found


def parse_date(value: str) -> dt.date:
    """A date given by a user (ISO, or '5 July 2011'); ValueError with a clear message."""
    value = value.strip()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        pass
    dates = find_dates(value)
    if dates:
        return dates[0][1]
    m = re.fullmatch(r"(\d{4})(?:-(\d{1,2}))?", value)
    if m:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), 1)
    raise ValueError(f"{value!r} is not a date: use YYYY-MM-DD, e.g. 2024-05-30")


@dataclass(frozen=True)
class DateIntent:
    """What a question says about time."""

    since: dt.date | None = None
    until: dt.date | None = None
    latest: bool = False  # "at the last meeting", "latest", "most recent"
    earliest: bool = False

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
    m = re.search(rf"\b{_YEAR}\s*[/-]\s*(\d{{2}})\b", q)  # 2020/21, 2020-21: a financial year
    if m:
        year = int(m.group(1))
        return DateIntent(dt.date(year, 1, 1), dt.date(year + 1, 12, 31))
    m = re.search(rf"\b{_YEAR}\b", q)
    if m:
        year = int(m.group(1))
        return DateIntent(dt.date(year, 1, 1), dt.date(year, 12, 31))
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
