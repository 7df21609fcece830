"""Dates in minutes ("Tuesday, 5th July, 2011", "FRIDAY, 10TH MAY, 2019"), in file names
("2023-02-27 minutes") and as a user gives one (`parse_date`); dates in questions are
`answer.dates`'."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from minutesqa import lexicon

# a month's number by its name or abbreviation (the lexicon's: "september", "sept", "sep"),
# and by its Welsh name (bilingual councils in Wales keep minutes in both languages: "8fed
# Gorffennaf 2015" in the Welsh copy of "8th July 2015"; read in the minutes' dates only)
MONTHS = {name: i for i, name in enumerate(lexicon.MONTHS, 1)}
MONTHS.update(
    {a: MONTHS[name] for a in lexicon.MONTH_ABBREVIATIONS for name in MONTHS if name.startswith(a)}
)
MONTHS.update({name: i for i, name in enumerate(lexicon.WELSH_MONTHS, 1)})
# the one home of month and weekday names in patterns: header.py and question.py read
# minutes and questions with them
MONTH_NAMES = "|".join(lexicon.MONTHS)
ANY_MONTH = rf"(?:{MONTH_NAMES}|{'|'.join(lexicon.MONTH_ABBREVIATIONS)})"  # name or abbreviation
WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_WELSH = "|".join(lexicon.WELSH_MONTHS)
_MONTH_RE = rf"({MONTH_NAMES}|{_WELSH}|{'|'.join(lexicon.MONTH_ABBREVIATIONS)})\.?"
_DAY_NAME = rf"(?:{WEEKDAY},?\s+)?"
# OCR turns "21st" into "21*" or '26"'; Welsh ordinals: 1af, 2ail, 3ydd, 8fed, 11eg, 21ain
_ORD = r"(?:\s?(?:st|nd|rd|th)|(?:af|ail|ydd|ed|fed|eg|ain)\b|[*\"”'’])?"

_DMY = re.compile(
    rf"\b{_DAY_NAME}(\d{{1,2}}){_ORD}\s+(?:(?:day\s+)?of\s+)?{_MONTH_RE},?\s*(\d{{4}})\b",
    re.IGNORECASE,
)
_MDY = re.compile(rf"\b{_DAY_NAME}{_MONTH_RE}\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_WEEKDAY = re.compile(WEEKDAY, re.IGNORECASE)


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


@dataclass(frozen=True)
class DateSpan:
    """A full date as the text prints it: where, which, and in what form."""

    start: int
    end: int
    date: dt.date
    numeric: bool  # all figures ("14/03/2023", "2023-03-14"), not a month's name
    weekday: int | None  # the weekday printed with it ("Monday 13th May 2015"), 0 = Monday


def date_spans(text: str, *, us_order: bool = False) -> list[DateSpan]:
    """Every full date in the text, in order. Numeric dates are read day first (UK),
    month first where `us_order` (see `month_first`), and the other way where only that
    reading is a date ("03/14/2023" in UK order)."""
    found: list[DateSpan] = []
    for m in _DMY.finditer(text):
        d = _make(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
        if d:
            found.append(DateSpan(m.start(), m.end(), d, False, _printed_weekday(m[0])))
    for m in _MDY.finditer(text):
        d = _make(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
        if d:
            found.append(DateSpan(m.start(), m.end(), d, False, _printed_weekday(m[0])))
    for m in _ISO.finditer(text):
        d = _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if d:
            found.append(DateSpan(m.start(), m.end(), d, True, None))
    for m in _NUMERIC.finditer(text):
        day, month = int(m.group(1)), int(m.group(2))
        if us_order:
            day, month = month, day
        d = _make(int(m.group(3)), month, day) or _make(int(m.group(3)), day, month)
        if d:
            found.append(DateSpan(m.start(), m.end(), d, True, None))
    found.sort(key=lambda span: span.start)
    return found


def _printed_weekday(matched: str) -> int | None:
    m = _WEEKDAY.match(matched)
    return _WEEKDAY_NUMBER[m[0].lower()[:3]] if m else None


def misprinted_year(span: DateSpan) -> dt.date | None:
    """The date a full date stands for when its printed weekday does not fall on it and
    does a year either side ("MONDAY JANUARY 4th 2015": Monday was 4 January 2016; minutes
    copied from the last year's often keep its year): None where the weekday fits, or
    no year near it does."""
    if span.weekday is None or span.date.weekday() == span.weekday:
        return None
    for year in (span.date.year + 1, span.date.year - 1):
        d = _make(year, span.date.month, span.date.day)
        if d and d.weekday() == span.weekday:
            return d
    return None


def find_dates(text: str, *, us_order: bool = False) -> list[tuple[int, dt.date]]:
    """Every full date in the text, with its position, in order (see `date_spans`)."""
    return [(span.start, span.date) for span in date_spans(text, us_order=us_order)]


# a day and month with no year ("Monday 31st October", "the 23rd of November",
# "Thursday, November 23rd"): a heading that leaves the year to the file or the text
_DM_NO_YEAR = re.compile(
    rf"\b(?:({WEEKDAY}),?\s+)?(?:the\s+)?(\d{{1,2}}){_ORD}\s+(?:(?:day\s+)?of\s+)?{_MONTH_RE}"
    rf"(?![\w.]*,?\s*\d(?!\d?[:.]\d\d))"  # a year may follow, not a time ("17th January 19:00")
    rf"|\b(?:({WEEKDAY}),?\s+)?{_MONTH_RE}\s+(?:the\s+)?(\d{{1,2}})(?:\s?(?:st|nd|rd|th))"
    rf"(?!,?\s*\d(?!\d?[:.]\d\d))",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DayMonth:
    """A day and month printed without a year, with its weekday where one is printed."""

    start: int
    end: int
    month: int
    day: int
    weekday: int | None  # 0 = Monday, as datetime.date.weekday()


def day_months(text: str) -> list[DayMonth]:
    """Every day and month in the text printed with no year after it, in order. A
    month first needs the ordinal ("November 23rd"): "May 5" is too often not a date."""
    found: list[DayMonth] = []
    for m in _DM_NO_YEAR.finditer(text):
        if m.group(2):
            name, day, month = m.group(1), int(m.group(2)), MONTHS[m.group(3).lower()]
        else:
            name, day, month = m.group(4), int(m.group(6)), MONTHS[m.group(5).lower()]
        if not 1 <= day <= calendar.monthrange(2000, month)[1]:
            continue  # 2000 is a leap year: 29 February stays
        weekday = _WEEKDAY_NUMBER[name.lower()[:3]] if name else None
        found.append(DayMonth(m.start(), m.end(), month, day, weekday))
    return found


_WEEKDAY_NUMBER = {name.lower()[:3]: i for i, name in enumerate(calendar.day_name)}


def year_of(day_month: DayMonth, years: list[int], after: dt.date | None) -> dt.date | None:
    """The date a day and month with no year stands for. `years` are the years that
    other evidence gives, most reliable first (the file name's, the text's); `after` a
    date the meeting cannot precede (the minutes it approves). A printed weekday
    decides among the years near them (a weekday falls on a day and month once in five
    to eleven years); without one, the first year that is not before `after`."""
    near: list[int] = []
    for year in years:
        for y in (year, year + 1, year - 1):
            if y not in near:
                near.append(y)
    fits: list[dt.date] = []
    for y in near:
        d = _make(y, day_month.month, day_month.day)
        if d and (day_month.weekday is None or d.weekday() == day_month.weekday):
            fits.append(d)
    if day_month.weekday is not None:
        return fits[0] if fits else None
    if after is not None:
        later = sorted(d for d in fits if d >= after)
        return later[0] if later else None
    return fits[0] if fits else None


# dates in a file's name: "2023-02-27 minutes", "20230227", "2023_02_27", "27-02-2023",
# "27.02.2023", "minutes held on thursday 11th-march-2004"
_NAME_YMD = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_. ]?)(\d\d)\2(\d\d)(?!\d)")
_NAME_DMY = re.compile(r"(?<!\d)(\d{1,2})([-_. ])(\d{1,2})\2((?:19|20)\d\d)(?!\d)")
# six figures ("230227", "23-02-27"): year first or last, day or month first — never
# safe alone, only where the text prints one of its readings
_NAME_SHORT = re.compile(r"(?<!\d)(\d\d)([-_.]?)(\d\d)\2(\d\d)(?!\d)")


def name_dates(stem: str, *, us_order: bool = False) -> list[dt.date]:
    """The full dates a file's name gives, in the order it gives them."""
    found: list[tuple[int, dt.date]] = []
    for m in _NAME_YMD.finditer(stem):
        d = _make(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d:
            found.append((m.start(), d))
    for m in _NAME_DMY.finditer(stem):
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if us_order:
            first, second = second, first
        d = _make(year, second, first) or _make(year, first, second)
        if d:
            found.append((m.start(), d))
    words = re.sub(r"(?<=[^\W\d])[-_]|[-_](?=[^\W\d])", " ", stem)  # "11th-march-2004"
    for pos, d in find_dates(words.replace("_", " "), us_order=us_order):
        if not any(abs(pos - p) < 3 for p, _ in found):
            found.append((pos, d))
    found.sort(key=lambda pair: pair[0])
    return [d for _, d in found]


def name_readings(stem: str) -> list[dt.date]:
    """Every date a six-figure date in a file's name may be ("18-03-14": 14 March 2018 or
    18 March 2014): to agree with a date the text prints, never a date alone."""
    out: list[dt.date] = []
    for m in _NAME_SHORT.finditer(stem):
        a, b, c = int(m.group(1)), int(m.group(3)), int(m.group(4))
        for year, month, day in ((a, b, c), (c, b, a), (c, a, b)):
            d = _make(2000 + year if year < 70 else 1900 + year, month, day)
            if d and d not in out:
                out.append(d)
    return out


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
