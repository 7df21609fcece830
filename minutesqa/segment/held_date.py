"""The date the meeting was held (`meeting_date`): one scored choice among the dates the
header prints, with the contexts that make a date another day's (`NOT_HELD`)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from minutesqa.errors import InputError
from minutesqa.models import DocHints
from minutesqa.segment.dates import (
    DateSpan,
    date_spans,
    day_months,
    misprinted_year,
    month_first,
    name_dates,
    name_readings,
    year_of,
)
from minutesqa.segment.header import _tidy_ordinals

# --- the date the meeting was held -----------------------------------------------------------
#
# One scored choice among candidate dates: every date the header prints (full, or a day and
# month whose year the file name or the text gives), each with its context. A date in a
# context named in NOT_HELD is never the meeting's: another meeting's, an action's, a
# signature's, a page's. Of the rest the best agrees with the file name, then has its month
# written out (a numeric date near the top is more often a page header's print or post
# date), then follows "held", "meeting", "on" or a weekday, then comes first.

# the rest of the phrase that names another meeting: not into a bracket's end or the
# next mention of a meeting or minutes ("(Draft until approved at the next meeting)
# Minutes of the Ordinary Meeting held on Wednesday 3 June 2020")
_SAME_PHRASE = r"(?:(?!\bmeeting|\bminutes\b)[^.;!?()])"
# what comes right before a date (in its sentence) that makes it another day's
NOT_HELD: dict[str, re.Pattern[str]] = {
    # when the minutes were approved, posted or printed
    "approved or posted": re.compile(
        r"(?:approved|adopted|posted|uploaded|printed|revised|updated|amended|published)\W{0,3}"
        r"(?:\w+\W+){0,2}$",
        re.IGNORECASE,
    ),
    # "Date of next meeting: Tuesday 9th September 2014", "The next meeting will be held
    # on ...", "next meeting of the Parish Council was confirmed as ..."
    "next meeting": re.compile(
        rf"\bnext\s+(?:(?!meeting)\w+\s+){{0,4}}?(?:meeting|meet|session)s?\b{_SAME_PHRASE}{{0,80}}$"
        r"|\bto\s+(?:be\s+)?(?:re)?(?:convene|adjourn)(?:d|ed)?\s+(?:un)?(?:to|til|on)\b[^.;]{0,30}$",
        re.IGNORECASE,
    ),
    # the end of a period: "closed from 14th to 18 March 2005", "between 1 and 5 May"
    "period": re.compile(
        r"\b(?:from|between)\s+[^.;]{0,40}?\b(?:to|until|till|and)\s*$", re.IGNORECASE
    ),
    # a balance's or a figure's date: "Statement of Accounts as at 31 May 2014"
    "as at": re.compile(r"\bas\s+(?:at|of)\s*$", re.IGNORECASE),
    # an action's or task's date: "by 30 June 2023", "Due: 14/07/2023", "deadline ..."
    "due": re.compile(
        r"(?:\bby|\bdue(?:\s+(?:date|by|on))?|\bdeadline|\btarget(?:\s+date)?|\bno\s+later\s+than"
        r"|\bcompleted?(?:\s+by)?|\bby\s+when|\bbefore|\buntil)\s*[:\-–]?\s*(?:the\s+)?$",
        re.IGNORECASE,
    ),
    # a signature block, often on every page ("Signed ______ Dated 8th May 2018",
    # "Chairman ............ Date 12/03/2019", "Signed & Dated: 1st July 2014"), or a
    # document's own date ("a letter from the Director dated 5 April 2018")
    "signed or dated": re.compile(
        r"\b(?:signed|signature|sign)\b[^.;]{0,60}$|\bdated\W*$|(?:_{3,}|\.{4,}|…{2,})[^_.…]{0,30}$"
        r"|\b(?:chair(?:man|person|woman)?|clerk|mayor)\W+(?:\w+\W+){0,3}?date\s*:?\s*$",
        re.IGNORECASE,
    ),
    # an earlier meeting's: "minutes of the last meeting held on 6th May 2014"
    "previous meeting": re.compile(
        rf"\b(?:last|previous|prior|preceding)\s+(?:(?!meeting)\w+\s+){{0,4}}?meetings?\b{_SAME_PHRASE}{{0,60}}$"
        # "99/20 To Approve the Minutes of the Ordinary Meeting held on 4 March 2020"
        r"|\b(?:approv\w*|confirm\w*|adopt\w*|sign|accept\w*|receive)\s+(?:\w+\s+){0,3}?minutes\s+(?:of|from)\b"
        rf"(?:(?!\bminutes\b)[^.;!?()]){{0,100}}$"
        # an agenda item of minutes: "1. Minutes extraordinary meeting 22 June 2012",
        # "73/17 Minutes of the Parish Council meeting held on 3 May 2017"
        r"|(?:^|\s)\d{1,3}(?:/\d{2})?[.)]?\s+minutes\b(?:(?!\bminutes\b)[^.;!?()]){0,80}$",
        re.IGNORECASE,
    ),
}
# what comes right after a date (in its sentence) that makes it another day's: the minutes
# of that meeting approved ("Minutes of the meeting held 3 January 2025: TF proposed and PC
# seconded", "... held on 13th May 2014 were agreed as a true record")
NOT_HELD_AFTER: dict[str, re.Pattern[str]] = {
    "previous meeting": re.compile(
        r"^[^.;!?]{0,60}?(?:\b(?:were|was|are|be|been)\s+(?:\w+\s+){0,2}?"
        r"(?:approved|agreed|accepted|confirmed|adopted|signed|taken\s+as\s+read)\b"
        r"|^\W{0,3}(?:\w+\W+){0,3}?(?:proposed|seconded)\b)",
        re.IGNORECASE,
    ),
}
# a date in a run of three or more with nothing but figures and marks between them is a
# table's row or column of meeting dates (an attendance grid, a schedule of meetings)
_GRID_GAP = re.compile(r"[^A-Za-z]{0,12}")
_GRID_RUN = 3
# the heading of a table of actions, whose rows end in the date each is due ("ACTIONS TO
# BE TAKEN / ITEM BY WHOM BY WHEN / 57/1920 Resource suitable training ... Clerk 01/03/2020");
# not "ACTION SUMMARY MINUTES", a kind of minutes
_ACTIONS_TABLE = re.compile(
    r"\b(?:actions?\s+(?:to\s+be\s+taken|points|log|list|tracker)"
    r"|summary\s+of\s+actions|by\s+whom\s+by\s+when)\b",
    re.IGNORECASE,
)
# "Draft, for approval at the next meeting" heads minutes: the date after it is theirs
_DRAFT_NOTICE = re.compile(
    r"(?:approv\w*|consideration|confirmation|ratification|signing|signature)\s+(?:at|by)\s+"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
# where a sentence starts: not after an item's number ("1. Minutes ... meeting 22 June")
_SENTENCE_START = re.compile(r"(?<!\b\d)(?<!\b\d\d)[.!?;]\s+(?=[A-Z0-9])|\n")
_HELD_BEFORE = re.compile(r"held|meeting|on\s*$|-\s*$|day,?\s*$", re.IGNORECASE)
# the meeting itself said to be on the date, in the same sentence ("PARISH COUNCIL MEETING ON
# THURSDAY 5th MARCH 2020"): a date in the text past the header is the meeting's only so
_HELD_IN_SENTENCE = re.compile(r"\b(?:held|meeting)\b[^.!?]*$", re.IGNORECASE)
_OPENING = 300  # characters of the header that are the minutes' own heading lines
# a header this long runs into the minutes' body (no items were found): a date this far
# in is some matter's ("... Demonstration Event - 20 January 2010"), never the meeting's
_BODY = 1500
# a year in a file's name, alone or with its month run on ("minutes 2025", "202510-minutes":
# October 2025), never part of a longer figure
_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?:0[1-9]|1[0-2])?(?!\d)")


def not_held(flat: str, start: int, end: int) -> str:
    """The NOT_HELD rule the context before `start` meets, or the NOT_HELD_AFTER rule the
    context after `end` meets ("" where none): the text since the sentence began, and
    to its end, at most 120 characters each way."""
    before = flat[max(0, start - 120) : start]
    cuts = list(_SENTENCE_START.finditer(before))
    if cuts:
        before = before[cuts[-1].end() :]
    for rule, pattern in NOT_HELD.items():
        m = pattern.search(before)
        if m and not (rule == "next meeting" and _DRAFT_NOTICE.search(before[: m.start()])):
            return rule
    after = flat[end : end + 120]
    for rule, pattern in NOT_HELD_AFTER.items():
        if pattern.search(after):
            return rule
    return ""


def _in_grid(flat: str, spans: list[DateSpan]) -> set[int]:
    """The starts of dates in a run of `_GRID_RUN` or more (see `_GRID_GAP`)."""
    grid: set[int] = set()
    run = spans[:1]
    for span in [*spans[1:], None]:
        if span is not None and _GRID_GAP.fullmatch(flat[run[-1].end : span.start]):
            run.append(span)
            continue
        if len(run) >= _GRID_RUN:
            grid.update(s.start for s in run)
        run = [span] if span is not None else []
    return grid


def _other_days(flat: str, spans: list[DateSpan]) -> set[int]:
    """The starts of dates the layout makes other days': in a run (`_in_grid`), or after
    an actions table's heading (`_ACTIONS_TABLE`: its rows' dates are when each is due)."""
    other = _in_grid(flat, spans)
    table = _ACTIONS_TABLE.search(flat)
    if table:
        other.update(s.start for s in spans if s.start > table.start())
    return other


def _candidates(flat: str, us: bool) -> tuple[list[DateSpan], list[DateSpan]]:
    """The full dates in `flat` that may be the meeting's, and all of them."""
    spans = date_spans(flat, us_order=us)
    other = _other_days(flat, spans)
    return [s for s in spans if s.start not in other and not not_held(flat, s.start, s.end)], spans


def _held_context(flat: str, start: int) -> bool:
    return bool(_HELD_BEFORE.search(flat[max(0, start - 60) : start]))


def _year_evidence(text: str, stem: str, us: bool) -> tuple[list[int], dt.date | None]:
    """The years a date with no year may be of (the file name's, then those of all the
    text's dates, most printed first) and the first date the text prints outside runs
    and NOT_HELD's next meeting, due and signed contexts (the meeting is not before the
    minutes it approves)."""
    years = [int(y) for y in _NAME_YEAR.findall(stem)]
    flat = _tidy_ordinals(re.sub(r"\s+", " ", text))
    spans = date_spans(flat, us_order=us)
    other = _other_days(flat, spans)
    kept = [
        s
        for s in spans
        if s.start not in other
        and not_held(flat, s.start, s.end) not in ("next meeting", "due", "signed or dated")
    ]
    counts: dict[int, int] = {}
    for s in spans:  # a run of other meetings' dates is still of the year
        counts[s.date.year] = counts.get(s.date.year, 0) + 1
    years += sorted(counts, key=lambda y: -counts[y])
    return years, (kept[0].date if kept else None)


def meeting_date(header: str, text: str, path: Path, hints: DocHints) -> tuple[dt.date, str]:
    """The date the meeting was held, and where it was found (see NOT_HELD for the dates
    that never are)."""
    flat = _tidy_ordinals(re.sub(r"\s+", " ", header))
    us = month_first(text)
    stem = path.stem
    named = name_dates(_tidy_ordinals(stem), us_order=us)
    agree = set(named) | set(name_readings(stem))
    held, found = _candidates(flat, us)
    # a front matter date the file name contradicts is the page's (its posting, a wiki's
    # last edit: "date: 2023-01-04T02:54:24Z" over "2013-04-20.md"), never the meeting's:
    # the name is where a user puts the date (the refusal message says so)
    posted = bool(hints.date and named and hints.date not in agree)
    if (
        hints.date
        and not posted
        and (not found or hints.date in {s.date for s in found} or hints.date in agree or not named)
    ):
        return _front_matter_date(flat, held, found, text, us, hints.date, agree)
    partial = _partial(flat, held, text, stem, us, agree)
    if partial is not None and (partial in agree or not any(s.date in agree for s in held)):
        return partial, "text, year inferred" if partial not in agree else "text and file name"
    near = [s for s in held if s.start < _BODY or s.date in agree]
    if near:
        best = _best(flat, near, agree)
        if best.date in agree:
            return best.date, "text and file name"
        fixed = misprinted_year(best)
        if fixed is not None and _year_confirmed(fixed, best.date, text, stem, agree, us):
            return fixed, "text, its year mended by its weekday"
        return best.date, "text"
    if hints.date and not posted:
        return hints.date, "front matter"
    if named:
        return named[-1], "file name"
    in_text = [s for s in _text_opening(text, us)[1] if s.start < _BODY]
    if in_text:
        return in_text[0].date, "text"
    raise InputError(
        "has no recognisable meeting date in its first lines: put the date in its file name"
        " (e.g. 2023-03-14 minutes.pdf)"
    )


def _front_matter_date(
    flat: str,
    held: list[DateSpan],
    found: list[DateSpan],
    text: str,
    us: bool,
    front: dt.date,
    agree: set[dt.date],
) -> tuple[dt.date, str]:
    """The meeting's date where front matter dates the page (`meeting_date`'s first case):
    the front matter's, unless the minutes' opening lines print the meeting's own."""
    # a page's front matter dates its posting; a different date the minutes print in
    # their opening lines, month written out ("Monday 13th May 2015") or after
    # "meeting" ("Meeting 10.8.2012"), is the meeting's
    # where the header holds no date (its first line was read as an item), the text's
    # opening lines
    head, spans = (flat, held) if found else _text_opening(text, us)
    # in the text, past the header, only a date said to be the meeting's ("MEETING ON
    # THURSDAY 5th MARCH 2020"), not a matter's ("reported on 3 July 2017 work ...")
    opening = [
        s
        for s in spans
        if s.start < _OPENING
        and (
            (not s.numeric or _held_context(head, s.start))
            if found
            else bool(_HELD_IN_SENTENCE.search(head[max(0, s.start - 80) : s.start]))
        )
    ]
    # a day and month opening the minutes before any full date ("Meeting 1st November
    # 19:00" over the agenda's "AGM Minutes May 3rd 2013"), then a full date there
    before = _day_month_posted(head, spans, front)
    if before is not None and before != front:
        return before, "text, its year from the front matter"
    if opening and front not in {s.date for s in found}:
        return _best(head, opening, agree).date, "text"
    return front, "front matter"


def _text_opening(text: str, us: bool) -> tuple[str, list[DateSpan]]:
    """The text's first lines, flattened, and the dates in them that may be the meeting's."""
    head = _tidy_ordinals(re.sub(r"\s+", " ", "\n".join(text.split("\n")[:80])))
    return head, _candidates(head, us)[0]


def _day_month_posted(flat: str, held: list[DateSpan], posted: dt.date) -> dt.date | None:
    """A day and month with no year that opens the minutes ("Minutes of the meeting held on
    13th September", "Meeting 17th January 19:00") before any full date, on a page whose
    front matter dates its posting: the last such day on or before the posting (minutes are
    posted after the meeting, within the year). None where the opening prints none."""
    first_full = held[0].start if held else len(flat)
    for dm in day_months(flat):
        if dm.start >= min(first_full, _OPENING):
            return None
        if not_held(flat, dm.start, dm.end):
            continue
        for year in (posted.year, posted.year - 1):
            try:
                day = dt.date(year, dm.month, dm.day)
            except ValueError:
                continue  # 29 February of a year with none
            if day <= posted:
                return day
        return None
    return None


def _year_confirmed(
    fixed: dt.date, printed: dt.date, text: str, stem: str, agree: set[dt.date], us: bool
) -> bool:
    """Whether the year a printed weekday gives (`misprinted_year`) has a second witness:
    the file name (its date or year), or minutes the meeting approves that were held after
    the printed date and before the mended one."""
    if fixed in agree or str(fixed.year) in _NAME_YEAR.findall(stem):
        return True
    flat = _tidy_ordinals(re.sub(r"\s+", " ", text))
    approved = [
        s.date
        for s in date_spans(flat, us_order=us)
        if not_held(flat, s.start, s.end) == "previous meeting"
    ]
    return any(printed < d < fixed for d in approved)


def _best(flat: str, spans: list[DateSpan], agree: set[dt.date]) -> DateSpan:
    return max(
        spans,
        key=lambda s: (
            s.date in agree,
            s.start < _OPENING and _held_context(flat, s.start),
            -s.start if s.start < _OPENING and _held_context(flat, s.start) else 0,
            not s.numeric,
            _held_context(flat, s.start),
            -s.start,
        ),
    )


def _partial(
    flat: str, held: list[DateSpan], text: str, stem: str, us: bool, agree: set[dt.date]
) -> dt.date | None:
    """The date of a day and month printed with no year ("Monday 31st October") where
    the header has it before any full date that may be the meeting's, in its opening
    lines: its year that of a date with the same day and month in the file name or the
    header, else the one the file name's year, the text's dates and its weekday give."""
    first_full = held[0].start if held else len(flat)
    for dm in day_months(flat):
        if dm.start >= first_full:
            return None
        if not_held(flat, dm.start, dm.end):
            continue
        if dm.start >= _OPENING:
            return None
        for d in sorted(agree):
            if (d.month, d.day) == (dm.month, dm.day):
                return d
        for h in held:
            if (h.date.month, h.date.day) == (dm.month, dm.day):
                fixed = misprinted_year(h)
                if fixed is not None and _year_confirmed(fixed, h.date, text, stem, agree, us):
                    return fixed
                return h.date
        years, after = _year_evidence(text, stem, us)
        if not years:
            return None
        return year_of(dm, years, None if _NAME_YEAR.search(stem) else after)
    return None
