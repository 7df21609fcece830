"""The meeting's header: the body's name, the kind of meeting, the date it was held, and
attendance. Read from the lines before the first agenda item, with the file's own hints
(front matter) and name as fallbacks.

Named parts:
- `meeting_date`  the date the meeting was held (not the date a page was printed or posted);
- `body_name`     the body's name: a phrase the minutes' header gives, with an
                  organisational noun, never a person, address, date, sentence or e-mail;
- `meeting_kind`  ordinary, special, annual or extraordinary, kept apart from the name;
- `attendance`    present, apologies, chair, venue.

One module of some 460 lines on purpose: the four parts read the same header lines and
share its patterns (months and weekdays, organisational nouns, officer posts), and each
uses what another found (the name is looked for around the date line); split, they would
each re-read the header and pass those patterns about.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from minutesqa.errors import InputError
from minutesqa.lexicon import ABBREVIATIONS, BODY_NOUNS, MONTHS, NOUN_FIRST_BODY_NOUNS
from minutesqa.models import Attendance, DocHints
from minutesqa.segment.dates import (
    MONTH_NAMES,
    WEEKDAY,
    DateSpan,
    date_spans,
    day_months,
    find_dates,
    misprinted_year,
    month_first,
    name_dates,
    name_readings,
    year_of,
)

# OCR of scanned minutes mangles ordinals: "13™ DECEMBER", "7°” MAY", "21% JULY", "1+t",
# and drops the space in "15THNOVEMBER"; tidy them before looking for dates
_OCR_ORDINAL = re.compile(
    rf"\b([lI]?\d{{1,2}})(?:\s?(?:st|nd|rd|th)|[™°”\"'’*%]+|\+t)?\s*(?=(?:{MONTH_NAMES})\b)",
    re.IGNORECASE,
)


def _tidy_ordinals(text: str) -> str:
    # OCR also reads a 1 as l or I ("l0th February", "I4th March")
    return _OCR_ORDINAL.sub(lambda m: f"{m.group(1).replace('l', '1').replace('I', '1')} ", text)


# a form's field that names the body: "COMMITTEE; Business Management Committee DATE;
# 25/01/2021", "Committee: Planning Committee", "Meeting: Full Council" (a template's header
# table read line by line)
_FORM_FIELD = re.compile(
    r"^\s*(?:name\s+of\s+)?(?:committee|body|meeting)\s*(?:[;:]\s*|\s+(?=[A-Z]))(.+?)"
    r"(?:\s+date\s*[;:]?\s.*)?$",
    re.IGNORECASE,
)
FORM_LINES = 12  # the form's fields are among the header's first lines


def _form_field(header_lines: list[str]) -> str:
    """The body a form's field names, where its value ends in an organisational noun."""
    for line in header_lines[:FORM_LINES]:
        m = _FORM_FIELD.match(line)
        if not m:
            continue
        value = m.group(1).strip(" ;:")
        words = value.split()
        if words and _ORG.fullmatch(words[-1]) and valid_name(clean_name(value)):
            if not _bare(value):
                return _tidy_name(value)
    return ""


def _committee(header_lines: list[str], path: Path) -> str:
    form = _form_field(header_lines)
    if form:
        return form
    flat = re.sub(r"\s+", " ", " ".join(header_lines))
    m = re.search(
        r"\b(?:An?|The) (?:\w+ ){0,2}?meeting of (?:the )?(.+?) (?:was|were) held\b",
        flat,
        re.IGNORECASE,
    )
    if m and len(m.group(1)) < 140:
        return _tidy_name(m.group(1))
    for line in header_lines[:6]:
        m = re.match(
            rf"^(.+?)\s+[-–]\s+(?:{WEEKDAY}\b|\d{{1,2}}\w*\s+(?:{MONTH_NAMES}))",
            line,
            re.IGNORECASE,
        )
        if m:
            return _tidy_name(m.group(1))
    # "... MEETING OF THE X HELD IN <place>, ON <day>", "... MEETING FOR THE X HELD ...",
    # "MINUTES OF X MEETING HELD ON ..." ("HED" is an OCR slip)
    end = r"(?:HEL?D|WHICH\s+WAS\s+HELD|ON\s+\w+DAY|IN\s+[^,]{3,60},|PRESENT\b)"
    # "PROCEEDINGS AT (OF) JOINT POLICING SUB COMMITTEE MEETING OF THE MUNICIPAL DISTRICT OF X
    # HELD ...": the committee is the district's sub committee, not the district itself
    m = re.search(
        rf"\b(?:AT|OF)\s+(?:THE\s+)?(?!PROCEEDINGS\b)((?:\w+\s+){{0,4}}?(?:SUB[\s-]?)?COMMITTEE)"
        rf"\s+MEETING\s+(?:OF|FOR)\s+"
        rf"(?:THE\s+)?(.+?)\s+{end}",
        flat,
        re.IGNORECASE,
    )
    if m and len(m.group(1)) + len(m.group(2)) < 140:
        return _tidy_name(f"{m.group(2)} {m.group(1)}")
    for pattern in (
        rf"\bMEETING\s+(?:OF|FOR)\s+(?:THE\s+)?(.+?)\s+{end}",
        rf"^MINUTES\s+OF\s+(?!PROCEEDINGS\b|MEETING\b|THE\s+MEETING\b)(?:THE\s+)?(.+?)"
        rf"(?:\s+MEETING)?\s+{end}",
    ):
        m = re.search(pattern, flat, re.IGNORECASE)
        if m and len(m.group(1)) < 140:
            # "Minutes of the July meeting of the PC / MINUTES OF WRETTON PARISH COUNCIL
            # MEETING HELD ...": a second heading starts where "Minutes of" does again
            name = re.split(r"\bMINUTES\s+OF\s+(?:THE\s+)?", m.group(1), flags=re.IGNORECASE)[-1]
            return _tidy_name(re.sub(r"\s+MEETING$", "", name, flags=re.IGNORECASE))
    m = re.match(r"^Minutes\s*[-–]\s*(.+?)\s+[-–]\s+.*\d{4}", path.stem)
    if m:
        return _tidy_name(m.group(1))
    return ""


_SMALL = {"of", "and", "the", "for", "in", "on", "at", "to", "a", "an"}


def _tidy_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.-–:")
    name = re.sub(r"(?<=[A-Za-z])\s?-\s(?=[A-Za-z])|(?<=[A-Za-z])\s-\s?(?=[A-Za-z])", "-", name)
    if name.isupper():
        words = name.split()
        name = " ".join(_title_word(w, small=bool(i)) for i, w in enumerate(words))
    else:  # "LOS RIOS COMMUNITY COLLEGE DISTRICT Board of Trustees": capitals written out
        name = re.sub(
            r"\b[A-Z][A-Z'’-]+(?:\s+(?:OF|AND|THE|FOR|[A-Z][A-Z'’-]+))+\b(?<=[A-Z]{4})",
            lambda m: " ".join(_title_word(w, small=True) for w in m.group(0).split()),
            name,
        )
    return re.sub(r"-([a-z])", lambda m: "-" + m.group(1).upper(), name)


# An acronym keeps its capitals when a name printed in capitals is title-cased ("MUNICIPAL
# DISTRICT OF ADARE-RATHKEALE JPC SUBCOMMITTEE", "... POLICY COMMITTEE (SPC)", "SMFD
# BOARD"): a word of 2 to 5 letters and no vowel (nor y), which no English word is, unless
# it is a title or an abbreviation written in title case ("ST", "LTD", "MR":
# lexicon.ABBREVIATIONS).
_ACRONYM = re.compile(r"[B-DF-HJ-NP-TV-XZ]{2,5}")


def _title_word(word: str, small: bool) -> str:
    """A word of a name printed in capitals as a title writes it: an acronym as printed,
    a small word ("of", "and") in lower case where `small`, any other capitalised."""
    letters = re.sub(r"[^A-Za-z]", "", word)  # "(SPC)": its letters
    if _ACRONYM.fullmatch(letters) and letters.lower() not in ABBREVIATIONS:
        return word
    low = word.lower()
    return low if small and low in _SMALL else _cap(low)


def _cap(word: str) -> str:
    """Each hyphened part's first letter capitalised, after any bracket or quote ("(Rural")."""
    return "-".join(re.sub(r"^\W*\w", lambda m: m.group(0).upper(), p) for p in word.split("-"))


_ATT_FIELDS = [
    ("chair", re.compile(r"^(?:present\s+)?in\s+the\s+chair\s*:?\s*(.*)$", re.I)),
    ("present", re.compile(r"^(?:members\s+)?present\s*:?\s*(.*)$", re.I)),
    (
        "officers",
        re.compile(r"^(?:officers|officials(?:\s+in\s+attendance|\s+present)?)\s*:?\s*(.*)$", re.I),
    ),
    (
        "in_attendance",
        re.compile(r"^(?:also\s+(?:in\s+attendance|present)|in\s+attendance)\s*:?\s*(.*)$", re.I),
    ),
    ("apologies", re.compile(r"^apologies(?:\s+for\s+absence)?\s*:?\s*(.*)$", re.I)),
    ("venue", re.compile(r"^venue\s*:\s*(.*)$", re.I)),
]


def attendance(header_lines: list[str]) -> Attendance:
    found: dict[str, str] = {}
    current: str | None = None
    for line in header_lines:
        if not line:
            if current and found.get(current):
                current = None
            continue
        matched = False
        for name, pattern in _ATT_FIELDS:
            m = pattern.match(line)
            if m and (line.rstrip().endswith(":") or ":" in line[:40] or name == "chair"):
                current = name
                found.setdefault(name, "")
                found[name] = (found[name] + " " + m.group(1)).strip()
                matched = True
                break
        if not matched and current:
            found[current] = (found[current] + " " + line).strip()
    apologies = re.sub(
        r"^were\s+submitted\s+on\s+behalf\s+of\s+", "", found.get("apologies", ""), flags=re.I
    )
    chair = found.get("chair", "")
    if not chair:
        m = re.search(r"([^,(]+?)\s*\((?:Chair|Chairman|Chairperson)\b", found.get("present", ""))
        if m:
            chair = m.group(1).strip()
    venue = found.get("venue", "")
    if not venue:
        flat = re.sub(r"\s+", " ", " ".join(header_lines))
        m = re.search(r"\bHELD\s+(?:IN|AT)\s+(.+?),?\s+ON\s+\w+DAY\b", flat, re.IGNORECASE)
        if m and len(m.group(1)) < 160:
            venue = m.group(1)
    return Attendance(
        present=found.get("present", ""),
        officers=found.get("officers", ""),
        in_attendance=""
        if found.get("in_attendance", "").lower() in ("none.", "none")
        else found.get("in_attendance", ""),
        apologies=apologies,
        chair=chair.rstrip(".,"),
        venue=venue.strip(" .,"),
    )


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
        r"(?:approved|adopted|posted|printed|revised|updated|amended|published)\W{0,3}"
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
_NAME_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")


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
        before = _day_month_posted(head, spans, hints.date)
        if before is not None and before != hints.date:
            return before, "text, its year from the front matter"
        if opening and hints.date not in {s.date for s in found}:
            return _best(head, opening, agree).date, "text"
        return hints.date, "front matter"
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


# --- the body's name -------------------------------------------------------------------------

ORG_NOUNS = "|".join(BODY_NOUNS)  # a pattern of the lexicon's body nouns
_ORG = re.compile(rf"\b(?:{ORG_NOUNS})\b", re.IGNORECASE)
# words of the meeting, not of the body: kept apart as its kind or dropped
_KIND_WORDS = re.compile(
    r"\b(?:(?:regular|special|annual(?:\s+general)?|extraordinary|ordinary|monthly|"
    r"quarterly|adjourned|emergency|joint|open|closed|public|virtual|remote|hybrid|"
    r"teleconference|in-person|blended|online)\s+)*(?:board\s+)?(?:meeting|session|retreat|workshop)s?\b"
    r"|\bminutes\b|\bagenda\b|\bsummary\s+of\b|\bAGM\b|\bunapproved\b|\bdraft\b|"
    r"\bapproved\b|\bfinal\b|^\W*(?:regular|special|monthly|annual|adjourned)\b",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    r"@|<!--|^\W*(?:title|type|date|subject|to|from|re|cc)\s*:|\bpage\s+\d|\d|"
    r"\b(?:street|avenue|road|suite|floor|boulevard|blvd|drive|lane)\b|"
    r"\b(?:was|were|is|are|will|would|has|have|had|take|took|be|been|please|this|these)\b|"
    r"\b(?:attendees|attendance|present|absent|president|chair|chairman|chairperson|vice|clerk|"
    r"secretary|treasurer|manager|administrator|assistant|staff|apologies|members?|next|logo|regarding|re)\b|"
    r"\bcllrs?\b\.?|"  # a councillor's title: a person follows, not a body
    r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][\w.'’-]*){1,2},\s+(?:District|Director|Member|Chair)|"
    r"\s[A-Z]$|"
    rf"\b{WEEKDAY}\b|"
    rf"\b(?:{MONTH_NAMES})\b",
    re.IGNORECASE,
)


# "Northwold Parish Council – Extraordinary Meeting": the kind after a dash is not a name
_KIND_AFTER_DASH = re.compile(
    r"\s[–—-]\s*(?:regular|special|annual|extraordinary|ordinary|monthly|quarterly|emergency|"
    r"adjourned)(?:\s+meeting)?\s*$",
    re.IGNORECASE,
)


_KIND_ADJECTIVES = "regular|special|monthly|annual|adjourned|ordinary|extraordinary"  # of meeting


def clean_name(text: str) -> str:
    """A header phrase with the meeting's words (kind, "Minutes", dates) taken out."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    # "... held on Tuesday", "... which was held in ...": the name ends there
    text = re.split(r"\s+(?:which\s+was\s+)?held\b|\s+on\s+\w+day\b", text, flags=re.I)[0]
    # "... District of Cappamore-Kilmallock to Approve the ...", "... on Athenacey Graveyard":
    # what the meeting was for follows the body's name ("Committee on Finance" is a name)
    text = _purpose_cut(text)
    # "STOKE FERRY PARISH COUNCIL Draft Minutes Subject to the Approval ...": the name ends
    # where the document names itself
    m = re.search(r"\s(?:draft\s+|unapproved\s+)?(?:minutes|agenda)\b", text, re.IGNORECASE)
    if m and _ORG.search(text[: m.start()]):
        text = text[: m.start()]
    text = _KIND_AFTER_DASH.sub("", text)
    text = _KIND_WORDS.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.-–—:;|/&")
    text = re.sub(r"^(?:of|for|the|and|a|an)\s+(?:the\s+)?", "", text, flags=re.I)
    text = re.sub(r"\s+(?:of|for|the|and|held|on|at|in)$", "", text, flags=re.I)
    # "Regular Board of Trustees", and "Board of Trustees Regular" (before "Meeting" on its
    # line): the kind, not the name
    text = re.sub(
        rf"^(?:{_KIND_ADJECTIVES})\s+|(?<=\w)\s+(?:{_KIND_ADJECTIVES})$", "", text, flags=re.I
    )
    # ... and inside it: "Crete Township Special Board of Trustees", "Stoke Ferry Annual
    # Parish Council", "Milburn Parish Council A.G.M" (`KIND_INSIDE`)
    text = KIND_INSIDE.sub(" ", text)
    # "Northwold Parish Council March (Meeting)", "... Council May 2015": the meeting's month
    text = MONTH_AFTER_NAME.sub(r"\1", text.strip())
    return re.sub(r"\s+", " ", text).strip(" ,.-–—:;|/&")


# a month (and year) after a name's organisational noun: the meeting's, not the body's
MONTH_AFTER_NAME = re.compile(
    rf"(\b(?:{ORG_NOUNS}))[\s,:–—-]+(?:{MONTH_NAMES})(?:\s+(?:19|20)\d\d)?$", re.IGNORECASE
)
# a meeting's kind inside a body's name, just before an organisational noun, or an
# annual general meeting's letters anywhere: the meeting's words, not the body's
KIND_INSIDE = re.compile(
    rf"(?<=\w)\s+(?:{_KIND_ADJECTIVES})(?=\s+(?:{ORG_NOUNS})\b)"
    r"|\s*\bA\.G\.M\b\.?|\s*\bAGM\b",
    re.IGNORECASE,
)


_PURPOSE = re.compile(r"\s+(?:to|on|re|regarding|concerning)\s+(?=\w)", re.IGNORECASE)
# "... to Discuss the Active Travel/National Transport Association": a meeting called to do
# something, whatever the words after
_PURPOSE_VERB = re.compile(
    r"\s+to\s+(?:discuss|approve|consider|review|adopt|receive|agree|note|elect|appoint|"
    r"hear|set|fix|examine|strike|make)\b",
    re.IGNORECASE,
)


def _purpose_cut(text: str) -> str:
    verb = _PURPOSE_VERB.search(text)
    if verb and _ORG.search(text[: verb.start()]):
        return text[: verb.start()]
    for m in _PURPOSE.finditer(text):
        before, after = text[: m.start()], text[m.end() :]
        if _ORG.search(before) and not _ORG.search(after):
            if not re.search(rf"\b(?:{ORG_NOUNS})$", before, re.IGNORECASE):
                return before
    return text


# a name ending in a post is an officer ("Administrator, Senior Executive Engineer"), not
# a body
_POST = re.compile(
    r"\b(?:engineer|officer|administrator|manager|clerk|secretary|treasurer|director|"
    r"planner|accountant|solicitor|superintendent|inspector|sergeant|chair(?:man|person)?)$",
    re.IGNORECASE,
)


MAX_NAME_WORDS = 12


NOUN_FIRST = frozenset(NOUN_FIRST_BODY_NOUNS)
_AFTER_HEAD = frozenset({"of", "for", "and", "&", "on", "to", "in", "at", "the"})


def _headed(name: str) -> bool:
    """An organisational noun heads the name: its last one ends it or is followed by a
    connector ("Board of Trustees", "Committee for ...") or an abbreviation in capitals
    ("... Council Climate Action SPC"); a noun-first one opens it (NOUN_FIRST). Not a topic
    or a place that holds such a noun ("Village Halls", "Council Chamber")."""
    words = re.findall(r"[\w'’&-]+", name)
    heads = [i for i, w in enumerate(words) if _ORG.fullmatch(w)]
    if not heads:
        return False
    last = heads[-1]
    if last == len(words) - 1 or words[last + 1].lower() in _AFTER_HEAD:
        return True
    if words[0].lower() in NOUN_FIRST:
        return True
    return bool(re.fullmatch(r"[A-Z]{2,5}", words[-1]))


def valid_name(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and bool(_ORG.search(name))
        and _headed(name)
        and not _NOT_A_NAME.search(name)
        and not _POST.search(name)
        and not name.endswith(".")
        and not name[:1].islower()  # "a of the Cabinet": a phrase's leftovers
    )


def _phrases(line: str) -> list[str]:
    """A header line and its parts between separators ("DSF Board monthly meeting, June 9")."""
    parts = [line] + re.split(r"\s+[-–—|]\s+|,\s+|:\s+", line)
    # "X Committee of the San Francisco Elections Commission": the committee, and its parent
    parts += re.split(r"(?<=[a-z])\s+of\s+the\s+(?=[A-Z])", line)
    # "Sacramento County Board of Education Meeting Agenda at 6:30 p.m.": what comes before
    # the words of the meeting
    head = re.split(r"\s+(?=(?:Meeting|Agenda|Minutes|MEETING|AGENDA|MINUTES)\b)", line)[0]
    if len(clean_name(head).split()) >= 3:
        parts.append(head)
    return list(dict.fromkeys(p for p in parts if p.strip()))


# words that say which meeting of a body, before its bare noun ("Full Council")
_MEETING_ADJECTIVES = re.compile(
    r"^(?:(?:full|ordinary|extraordinary|annual|special|regular|monthly|whole)\s+)+", re.I
)


_PARENT_AND_BODY = re.compile(rf"^(?:.*?\b(?:{ORG_NOUNS}))\s+(\S.*\b(?:{ORG_NOUNS}))$", re.I)


def _without_parent(name: str) -> str:
    """A name too long to be one ("Limerick City & County Council Climate Action,
    Biodiversity and Environment Strategic Policy Committee"): the body after its parent's
    name, where the parent's ends in an organisational noun and the rest ends in another;
    "" where it does not split so."""
    m = _PARENT_AND_BODY.match(name)
    return m.group(1) if m and len(m.group(1).split()) >= 2 else ""


def _bare(name: str) -> bool:
    """An organisational noun alone, perhaps with the meeting's adjective ("Council",
    "Full Council", "Board"): it names no one."""
    return bool(_ORG.fullmatch(_MEETING_ADJECTIVES.sub("", name.strip())))


def body_name(header_lines: list[str], path: Path, hints: DocHints) -> str:
    """The body's name, or "" when the header names none (the caller may then use the name
    its other meetings share)."""
    found = _committee(header_lines, path)
    if found and not valid_name(clean_name(found)):
        found = _without_parent(clean_name(found))
    if found and valid_name(clean_name(found)):
        if not _bare(found):
            return _tidy_name(clean_name(found))
        # "ORDINARY MEETING OF COUNCIL", "the Full Council meeting": a bare noun names no
        # one; the header's own name for the body ("SHIRE OF EXAMPLE" above it) where it
        # gives one
        named = _scored_name(header_lines, hints)
        if len(named.split()) > 1 and "," not in named:  # not "Jo Bloggs, Clerk to the Board"
            return named
        return _tidy_name(clean_name(found))
    return _scored_name(header_lines, hints)


def _restated(line: str, nxt: str) -> bool:
    """The next line names the body again in full: every word of `line` that is no
    organisation's noun or connector is in it ("Town of Crete" over "CRETE TOWNSHIP REGULAR
    BOARD OF TRUSTEES MEETING"), so the two are not one name broken over two lines."""
    own = [w for w in re.findall(r"[a-z]{3,}", line.lower()) if not _ORG.fullmatch(w)]
    own = [w for w in own if w not in ("the", "and", "for")]
    return bool(own) and set(own) <= set(re.findall(r"[a-z]{3,}", nxt.lower()))


def _scored_name(header_lines: list[str], hints: DocHints) -> str:
    """The header phrase most likely the body's name (see `body_name`)."""
    lines = [ln for ln in header_lines[:60] if ln.strip()]
    scored: dict[str, float] = {}
    minutes_at = [i for i, ln in enumerate(lines) if re.search(r"\bminutes\b", ln, re.I)]
    dated_at = [i for i, ln in enumerate(lines) if find_dates(_tidy_ordinals(ln))]
    for i, line in enumerate(lines):
        if re.match(r"^\s*(?:[-*•●▪◦]|Cllr\b|Councillor\b)", line):
            continue  # a list of who attended: their bodies are not this one
        options = _phrases(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (
            nxt[:1].isupper()
            and _ORG.search(line)
            and _ORG.search(nxt)
            and not _NOT_A_NAME.search(nxt)
            and len((line + nxt).split()) <= 12
            # not "REGULAR COUNCIL MEETING MINUTES" under the name: a kind of meeting
            and len(clean_name(nxt).split()) > 1
            and not _restated(line, nxt)
        ):
            options.append(f"{line} {nxt}")
        for option in options:
            name = clean_name(option)
            if not valid_name(name):
                continue
            score = 1.0 - 0.02 * i + 0.1 * len(name.split()) ** 0.5
            near = [m for m in minutes_at if abs(i - m) <= 3]
            if near:  # "MINUTES" / "Meeting Minutes" heads the body's name
                score += 1.0 if any(len(lines[m].split()) <= 3 for m in near) else 0.5
            if any(abs(i - d) <= 2 for d in dated_at):
                score += 0.5
            if option is not line and option != line:
                score += 0.05
            if option == f"{line} {nxt}":
                score += 0.6  # "San Juan Unified School District" + "Board of Education"
            scored[name] = max(scored.get(name, 0.0), score) + (0.3 if name in scored else 0)
    if hints.title:
        for option in _phrases(hints.title):
            name = clean_name(option)
            if valid_name(name):
                scored[name] = max(scored.get(name, 0.0), 1.5)
    if not scored:
        return next((n for ln in lines[:TITLE_LINES] if (n := _name_in_title(ln))), "")
    best = max(scored, key=lambda k: scored[k])
    if _bare(best):  # "Full Council" from the minutes line: the header's name for it
        named = [n for n in scored if not _bare(n) and "," not in n]
        if named:
            best = max(named, key=lambda k: scored[k])
    # "Board" or "Board of Education" repeated down the header: the fuller name the header
    # gives for it ("San Juan Unified School District Board of Education"), if it gives one
    inside = re.compile(rf"(?:^|\s){re.escape(best.lower())}$")
    fuller = [
        n
        for n in scored
        if n != best
        and (best.lower() in n.lower().split() or inside.search(n.lower()))
        and (len(best.split()) == 1 or scored[n] >= FULLER_NAME_SHARE * scored[best])
    ]
    if fuller:
        best = max(fuller, key=lambda k: scored[k])
    return _tidy_name(best)


# a name that ends in the best-scored name stands for it when it scores at least this share
FULLER_NAME_SHARE = 0.6

# The minutes' title line, where it names the body without an organisational noun:
# "Homebrew Annual General Meeting 2021", "SPDX Technical Team Meeting, June 8, 2021",
# "Minutes of WLUG AGM 2022 - 27 February 2023", "Minutes of the 4th meeting of the Scala
# Center, Q1 2017". The name is what comes before the words of the meeting, or after
# "meeting of"; only capitalised words (and "of", "and", "the", "for", "&"), up to six.
# Used only where no line of the header names a body the usual way (an organisational noun).
_TITLE_MEETING = re.compile(
    r"\b(?:(?:annual|general|regular|special|monthly|weekly|quarterly|extraordinary|"
    r"ordinary|board|members'?)\s+)*(?:meeting|AGM|EGM|minutes)\b",
    re.IGNORECASE,
)
_MEETING_OF = re.compile(r"\b(?:meeting|minutes)\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)
_NAME_CONNECTORS = frozenset({"of", "and", "the", "for", "&"})
# words of a document's parts or of a phrase, never of a body's name in a title
_NOT_IN_TITLE_NAME = frozenset(
    "minutes meeting agenda notes proceedings record report summary action zoom "
    "at on in to by with from".split()
)
TITLE_LINES = 12  # the title is looked for in the header's first lines (after front matter)


def _name_in_title(line: str) -> str:
    """The body a title line names, or "" (see _TITLE_MEETING)."""
    if re.match(r"^\W*[A-Za-z_]+\s*:", line):
        return ""  # "Title: Board Meeting 2014-01-23", "Venue: ...": a label's line
    text = re.sub(r"^\W*(?:draft\s+)?minutes\s+of\s+(?:the\s+)?", "", line, flags=re.I)
    m = _TITLE_MEETING.search(text)
    name = text[: m.start()] if m else ""
    if not name.strip() or re.search(r"\d", name):
        after = _MEETING_OF.search(text)
        name = after.group(1) if after else ""
    name = re.split(r"[,:;|(–—-]|\s\d|\d", name)[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or words[0].lower() in _NAME_CONNECTORS:
        return ""
    if not all(w[:1].isupper() or w.lower() in _NAME_CONNECTORS for w in words):
        return ""
    lowered = {w.lower().strip(".,") for w in words}
    if lowered & (set(MONTHS) | _NOT_IN_TITLE_NAME):
        return ""
    if _KIND_WORDS.search(name) or _NOT_A_NAME.search(name) or _POST.search(name):
        return ""  # "Approved", "PROCEEDINGS AT", an address, a post
    return name


_PROPER_ORG = re.compile(rf"\b((?:[A-Z][\w'’&-]*[ \t]+){{1,6}}(?:{ORG_NOUNS.title()}))\b")


def named_in_text(text: str) -> str:
    """The body's name as the minutes mention it, for minutes whose header names none: the
    capitalised name ending in an organisational noun that the text uses most (a mention of
    "Community Council" counts for "Ayton Community Council")."""
    counts: dict[str, int] = {}
    for m in _PROPER_ORG.finditer(text):
        name = re.sub(r"^(?:The|A|An|Our|This|That|Each|Every|All)\s+", "", m.group(1))
        if len(name.split()) >= 2 and valid_name(name):
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return ""
    total = {
        name: sum(k for other, k in counts.items() if name == other or name.endswith(" " + other))
        for name in counts
    }
    return _tidy_name(max(total, key=lambda n: (total[n], len(n))))


# --- the kind of meeting ---------------------------------------------------------------------

_KINDS = [
    ("extraordinary", re.compile(r"\bextra-?ordinary\b", re.I)),
    ("annual", re.compile(r"\bannual\s+(?:general\s+)?(?:business\s+)?meeting\b|\bAGM\b", re.I)),
    (
        "special",
        re.compile(
            r"\bspecial\b|\bretreat\b|\bworkshop\b|\bstudy\s+session\b|"
            r"\bemergency\s+meeting\b",
            re.I,
        ),
    ),
]


def meeting_kind(header: str, path: Path, hints: DocHints) -> str:
    for text in (hints.title, path.stem.replace("_", " ").replace("-", " "), header[:600]):
        for kind, pattern in _KINDS:
            if text and pattern.search(text):
                return kind
    return "ordinary"
