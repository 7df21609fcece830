"""Minute references: numbers of two parts or more, one of them the year (or the year and
month) the minute was taken in, the other the minute's count. Which part counts the
minutes (`_ordered_by_the_changing_part`), references with a year pair read as one count
with a committee's letters or without (`_with_the_same_year_pair`), and dotted numbers
whose first part stays the same through the meeting read as a flat count of minutes
(`constant_part_minutes`), not as the sub-items of a missing item."""

from __future__ import annotations

import re
from dataclasses import replace

from minutesqa.segment.candidates import Candidate, _title_shape, reads_as_title

# A minute's number and the year pair it was taken in ("FGB 55/1920", "BM 69/2122", "LW
# 01/2021", "FC 23/2324": 2019/20, 2021/22, 2020/21, 2023/24), after a committee's letters
# or bare: school governors' and councils' references counted through the academic or
# municipal year
YEAR_PAIR = re.compile(r"^(?:[A-Z]{1,6}\s?)?\d{1,3}/(\d{2})(\d{2})$")
YEAR_PAIR_SCHEMES = ("code", "ref", "slash")  # the schemes such a reference is read as


def year_pair(number: str) -> str | None:
    """The two-year pair of a reference of `YEAR_PAIR`'s ("1920" of "FGB01/1920"), or None."""
    m = YEAR_PAIR.match(number)
    if not m or int(m.group(2)) != (int(m.group(1)) + 1) % 100:
        return None
    return m.group(1) + m.group(2)


def _with_the_same_year_pair(mine: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """References with a year pair are one count, with the committee's letters or without:
    the agenda listing "FGB01/1920 To record those Present ..." and the minutes "01/1920
    To record those who were present ..." (school governors' minutes, a clerk's template:
    the letters in the agenda only), so the minutes' headings chain where the agenda's do
    and the contents list is not the agenda. `mine`, one scheme's candidates, gains those
    of the other `YEAR_PAIR_SCHEMES` with a year pair that one of its own has."""
    pairs = {year_pair(c.number) for c in mine} - {None}
    if not pairs or not mine:
        return mine
    own = mine[0].scheme
    others = [
        c
        for c in cands
        if c.scheme in YEAR_PAIR_SCHEMES and c.scheme != own and year_pair(c.number) in pairs
    ]
    return sorted(mine + others, key=lambda c: c.line) if others else mine


def _ordered_by_the_changing_part(cands: list[Candidate]) -> list[Candidate]:
    """Reference numbers put the year before or after the minute's number ("45/23" and
    "2023/041", "SSP/5/24" and "FC/23/041"); the part that takes the most values across a
    meeting's references is the minute's number, and orders them. Fewer than three
    references, or parts of different counts, keep `_order_of`'s reading."""
    parts = [[int(d) for d in re.findall(r"\d+", c.number)] for c in cands]
    if len(cands) < 3 or len({len(p) for p in parts}) != 1 or len(parts[0]) < 2:
        return cands
    distinct = [len({p[k] for p in parts}) for k in range(len(parts[0]))]
    k = max(range(len(distinct)), key=lambda i: (distinct[i], -i))
    return [replace(c, order=p[k]) for c, p in zip(cands, parts, strict=True)]


# A minute number of two dotted parts whose first part is the same on every minute of the
# meeting while the second climbs: the year, or the year and month, then the minute's count
# through it ("22.17 To receive apologies for absence", "22.18 Declarations of Interest",
# "22.19 Community Governance Review" in March 2022, "22.91" ... in November, "23.01" ...
# in January 2023: Melton Parish Council's minutes; "2307.01 Present", "2307.02 Disclosure
# of Interests", "2307.03 Minutes of the Meeting ...": a parish council's July 2023). Read
# as an outline (`candidates.SUB_NUMBER`) they are the points of an item "22" that no line
# heads, and the file has no items; they are the meeting's minutes, numbered as printed.
# Three-part numbers under them ("22.23.01 To receive Amendments to the Register") stay
# the text of their minute, as sub-items do.
CONSTANT_PART = "yearly"  # the scheme such minutes are chained as
MIN_CONSTANT_PART = 3  # minutes with one first part that make it the meeting's count
_TWO_PARTS = re.compile(r"^(\d{1,4})\.(\d{1,3})$")


def constant_part_minutes(cands: list[Candidate]) -> list[Candidate]:
    """The two-part sub-item numbers of `cands` read as minutes of the `CONSTANT_PART`
    scheme, ordered by their second part and as strong as numbered headings, where the
    first part never climbs: every dotted number that heads a line (a title that reads
    as one, or a title below it) has the same first part, MIN_CONSTANT_PART of them have
    two parts, and no numbered heading of the first part's number ("22. Reports") is
    their parent. An outline ("4.1", "4.2", "5.1"), or points under their item ("9
    REPORTS" over "9.1", "9.2", "9.3"), is none. [] where there are none."""
    subs = [c for c in cands if c.scheme == "sub" and (c.title is None or reads_as_title(c.title))]
    firsts = {int(c.number.split(".")[0]) for c in subs if c.number[:1].isdigit()}
    pairs = [(c, m) for c in subs if (m := _TWO_PARTS.match(c.number))]
    if len(firsts) != 1 or len(pairs) < MIN_CONSTANT_PART:
        return []
    first = firsts.pop()
    if any(_parent(c, first) for c in cands):
        return []  # "22. Reports" over "22.1", "22.2", "22.3": its points
    return [
        replace(
            c,
            scheme=CONSTANT_PART,
            order=int(m.group(2)),
            strength=min(1.0, 0.7 * (_title_shape(c.title) if c.title else 0.8) + 0.3),
        )
        for c, m in pairs
    ]


# a number's stop run on into more dotted digits: "22.18.01 To receive ..." (three two-digit
# parts, which `candidates.SUB_NUMBER` leaves alone as a date may be) read as item 22
# titled "18.01 To receive ..."
_READ_ON = re.compile(r"^\d{1,2}\.\d{1,2}\s")


def _parent(c: Candidate, first: int) -> bool:
    """`c` is a numbered heading of the number `first` ("22. Reports"), not a sub-minute
    "22.18.01" read as one (`_READ_ON`)."""
    if c.order != first or c.scheme not in ("arabic", "zero", "item"):
        return False
    return not (c.title and _READ_ON.match(c.title))
