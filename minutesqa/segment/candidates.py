"""Every line that could head an item, as a `Candidate` (`candidate_at`): the marks a
format left on it (`read_line`: Markdown, wiki or bold), its numbering scheme and number,
its title and how strongly it reads as a heading. `headings.choose_agenda` chooses among
them."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from minutesqa.lexicon import CURRENCY_SYMBOLS

# --- the marks on a line -----------------------------------------------------------------

_MD_HEADING = re.compile(r"^(#{1,6}) (.*)$")
# wiki markup (MediaWiki, Trac, plain-text notes): "== Open issues ==", "==Agenda bash"
_WIKI_HEADING = re.compile(r"^(={1,6})\s*([A-Za-z0-9\"'(“‘][^=]*?)\s*(=*)$")
_BOLD = re.compile(r"^\*\*(.+)\*\*$")


@dataclass(frozen=True)
class Line:
    text: str  # without marks
    level: int  # Markdown/HTML/DOCX heading level 1-6, 0 when not a heading
    bold: bool  # the whole paragraph is bold


def read_line(raw: str) -> Line:
    m = _MD_HEADING.match(raw)
    if m:
        text = m.group(2).strip()
        inner = _BOLD.match(text)
        return Line(inner.group(1).strip() if inner else text, len(m.group(1)), False)
    m = _BOLD.match(raw)
    if m:
        return Line(m.group(1).strip(), 0, True)
    m = _WIKI_HEADING.match(raw) if raw[:1] == "=" else None
    if m and (len(m.group(1)) >= 2 or m.group(3)):
        return Line(m.group(2), len(m.group(1)), False)
    return Line(raw, 0, False)


def plain(raw: str) -> str:
    return read_line(raw).text


# --- numbering schemes ----------------------------------------------------------------------

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_ROMAN = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"


def roman_value(text: str) -> int:
    total = 0
    values = [_ROMAN_VALUES[c] for c in text.upper()]
    for i, v in enumerate(values):
        total += -v if i + 1 < len(values) and values[i + 1] > v else v
    return total


_CODE = r"[A-Z]{2,6}(?:/\s?|\s)\d{1,3}/\d{2,4}"  # SSP/5/24, SSP 136/13
# a council's prefix and two numbers, the year and the minute's in either order: "C23/041",
# "PC23.041", "CMD.14.20" (`references._ordered_by_the_changing_part` finds the
# minute's)
_REF = r"[A-Z]{1,4}\.?\s?\d{2}[/.]\d{1,4}"
# A reference that is the meeting's date, then the item's number: year and month, perhaps
# the day, then the number, padded or not, parted by slashes or dots ("15/03/1",
# "15/09/03", "16/07/26/1", "19.11.01", "18.03.5"; English parish councils). The number is
# the last part, whatever the parts before it. With dots the month is a month (01-12): a
# US date "04.19.22" in a page's footer is none.
DATED_NUMBER = (
    r"(?:\d{2}/[01]\d(?:/[0-3]?\d)?/\d{1,3}"
    r"|\d{2}\.(?:0[1-9]|1[0-2])(?:\.[0-3]?\d)?\.\d{1,3}(?![.\d]))"
)
# A minute number counted on across meetings and years (Welsh and English community
# councils: "2415." in January 2018, "3573." in September 2023): four digits, never a year
# from 1990 to 2039, which is a wrapped sentence's end more often ("... by the end of
# November" over "2025. TS agreed to look into this").
RUNNING_NUMBER = r"(?!19[9]\d|20[0-3]\d)\d{4}"
# A sub-item's number: its parent's, a dot and its own, to two levels below the item
# ("4.1", "8.B", "4.2.1", "4.4.1"; strata councils' and parish councils' outlines, "7.1.1
# Natural Burial Trees" under "7.1 Chairman's Report"): the parent is the first number.
# Never a date of two-digit parts, a page footer's "04.19.22 Board Meeting Minutes". Also
# a four-digit first part and a two-digit second ("2307.01 Present", "2307.02 Disclosure
# of Interests": a minute numbered with the year and month), which only chains where the
# first part stays the same through the meeting (`references.constant_part_minutes`)
SUB_NUMBER = (
    r"(?!\d{2}\.\d{2}\.\d{2}(?!\d))"
    r"(?:\d{1,3}(?:\.\d{1,2}){1,2}[a-z]?|\d{1,3}\.[A-Z]|\d{4}\.\d{2}(?![\d.]))"
)
# A sub-item's number alone on its line, its title on the next (Auckland's InfoCouncil
# minutes: "1          Welcome" ... "1.1" / "Statutory Declaration - Denise Roche", "6.1"
# / "Diane Marguerite Vivian"; a parish council's "5.1" under "5.0 Declarations of
# Interest"): a sub-item of item 1, never item 1 titled "1"; nor is a figure wrapped onto
# a line of its own ("httpd" / "2.4"; a budget's "1.3" and "2.0", never item 1 titled "3"
# or item 2 titled "0"): "2.0 Minutes" is item 2 with its title on its line (`POINT_ZERO`)
SUB_ALONE = rf"({SUB_NUMBER})[.)]?"
_TITLE_START = rf"[A-Z0-9\"'‘“({re.escape(CURRENCY_SYMBOLS)}]"  # "€2.5m for Roads", too

# Each pattern: scheme, regex with groups (number, title?), whether the title may be absent.
# Titles must start like a title (capital, digit, quote), so "5 members attended" is a
# sentence, not item 5.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # the meeting's year and month (and day) before the item's number, padded or not:
    # "Item 15/03/1", "15/09/03", "Item 16/07/26/1", "19.11.01" (`DATED_NUMBER`)
    (
        "dated",
        re.compile(rf"^(?:[Ii]tem\s+)?({DATED_NUMBER})\s*[.):\-–]?\s+([A-Z\"'‘“(].*)$"),
    ),
    (
        "item",
        re.compile(
            r"^(?:Agenda\s+)?Item\s+(?:No\.?\s*)?(\d{1,3}[A-Za-z]?)\s*[.):\-–]?\s*(.*)$", re.I
        ),
    ),
    ("minute", re.compile(r"^Minute\s+(?:No\.?\s*)?(\d{1,4}/\d{2,4})\s*[.):\-–]?\s*(.*)$", re.I)),
    ("code", re.compile(rf"^({_CODE})\s*[.:\-–]?\s*(.*)$")),
    ("slash", re.compile(rf"^(\d{{1,4}}/\d{{2,4}})\s*[.):\-–]?\s+({_TITLE_START}.*)$")),
    # alone on its line, the title on the next (a table's first column, "041/23" over its
    # cell); never a year span wrapped onto a line of its own ("2014/15", "1999/2000.")
    ("slash", re.compile(r"^(\d{1,3}/\d{2,4}|\d{4}/\d{3})$")),
    # a council's prefix and year before the minute's number: "C23/041", "PC23.041" (`_REF`)
    (
        "ref",
        re.compile(rf"^({_REF})\s*[.):\-–]?\s+({_TITLE_START}.*)$"),
    ),
    # alone on its line, the title on the next, as "041/23" above (ModernGov's pages of
    # Irish and English councils: "CMD.14.20" / "Adoption of Minutes", "CMD.1.20",
    # "CMD.101.23"; a lettered part, "CMD.90.21a" under "CMD.90.21", has its item's
    # number, so it stays in its text); the last part two digits or more, never a figure
    # ("PM2.5")
    ("ref", re.compile(r"^([A-Z]{1,4}\.?\s?\d{1,3}[/.]\d{2,4}[a-z]?)$")),
    # running minute numbers, counted on across meetings and years: "2415. Police Report:
    # Attached.", "3446.<tab>Title: text" (`RUNNING_NUMBER`)
    ("running", re.compile(rf"^({RUNNING_NUMBER})(?:\.[ \t]*|\t+)([A-Z\"'‘“(].*)$")),
    # a sub-item, at any depth of an outline: "4.1 Social", "8.B.", and "4.2.1 Landscaping"
    # (`SUB_NUMBER`), never item 4 titled "2.1 Landscaping"
    ("sub", re.compile(rf"^({SUB_NUMBER})[.)]?\s+(.*)$")),
    # a sub-item's number alone on its line, its title on the next (`SUB_ALONE`)
    ("sub", re.compile(rf"^{SUB_ALONE}$")),
    # "1. Title", "1) Title", "1 Title", and "1/ Délibération ..." (French minutes' slash);
    # "4, Presentations", a comma typed or read for the stop (`COMMA_FOR_STOP`)
    (
        "arabic",
        re.compile(rf"^(\d{{1,3}})\s*(?:[.):;]\s*|,\s+|/\s+|\s+|$)({_TITLE_START}.*)?$"),
    ),
    ("roman", re.compile(rf"^({_ROMAN})\s*[.)]\s*(.*)$")),
    ("letter", re.compile(rf"^([A-Z])[.)]\s+({_TITLE_START}.*)$")),
]
# decimal numbering that gives each item the number N.0 and its points N.1, N.2 ("2.0
# Minutes of Previous Meeting" over "2.1 To confirm as a correct record ...", "3.0
# Resignation of Cllr Phil Norris"; parish councils' minutes typed to a report template):
# the N.0 heading is item N, its points sub-items as under "7" ("7.1", "7.2")
POINT_ZERO = re.compile(r"^\d{1,3}\.0$")
_TRAILING_CODE = re.compile(r"^(.{3,150}?)\s+\(([A-Z](?:-\d{1,2}[a-z]?)?)\)(?:\s*\[[^\]]*\])?$")

# words that make a line a label or a sentence rather than a heading
_LABEL = re.compile(
    r"^(?:present|absent|apologies|members|officers|attendees|directors|staff|also|in\s+"
    r"attendance|chair(?:ed)?|moved|seconded|motion|vote|result|mover|seconder|ayes|nays|"
    r"yes|no|abstain|recused|carried|passed|resolved|agreed|whereas|be\s+it)\b",
    re.IGNORECASE,
)


# the labels of a vote's count, bold over the names that voted so ("**For**", "**Against**",
# "**Abstentions**", "**In Favour**", "**For the Proposal**"; Limerick's minutes record
# each roll-call vote so, 49 of its files): the vote's lines, never an item's heading
VOTE_TALLY = re.compile(
    r"^(?:for|against|abstentions?|abstained|in\s+favou?r)"
    r"(?:\s+the\s+(?:proposal|motion|amendment))?\s*(?:\(\d+\))?\s*:?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Candidate:
    line: int  # index of the heading line
    scheme: str  # arabic, roman, letter, item, minute, code, slash, tcode, h1..h6, bold, caps
    order: int  # position in the scheme's sequence (1 for "1", "I", "A")
    number: str  # as printed, without "Item" and trailing punctuation; "" when none
    title: str | None  # None: the title is on the next line(s)
    strength: float  # how clearly it is a heading: marks, title shape
    out_of_order: bool = False  # an item the meeting took out of order (_taken_out_of_order)
    part: bool = False  # a part's heading with no text of its own: ends the item before it
    marked: bool = False  # the format marks the line a heading (Markdown level, bold)
    reference: str = ""  # a reference printed before the number (`REFERENCE_PREFIX`)


def _is_label(title: str) -> bool:
    """ "Present: ...", "Moved by ...", "Vote" -- not "Directors' Reports" or "Staff Reports"."""
    m = _LABEL.match(title)
    if not m:
        return False
    rest = title[m.end() :]
    return not rest.strip() or not re.match(r"^(?:[’']s?\s|\s+[A-Z])", rest)


def field_label(title: str) -> bool:
    """A label of who attended or of a motion or vote ("Present", "Apologies", "Members
    Present", "Proposed", "Seconded by", "Resolved", "Carried"): the header's or an item's
    text, never an item's title."""
    return _is_label(title) or bool(ATTENDANCE_HEADING.match(title))


def _title_shape(title: str) -> float:
    """1.0 for a title-like line, lower for one that reads like a sentence."""
    words = title.split()
    if not words:
        return 0.6
    if len(words) > 24:
        return 0.0
    if title.endswith(".") and len(words) > 10:
        return 0.1
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdigit())
    if len(words) > 12 and capitals < 0.3 * len(words):
        return 0.2
    if title.endswith(".") and re.search(r"\b(?:be|was|were|is|are|has|had)\b", title):
        return 0.2
    return 1.0


# a comma where the item's stop should be, the title after it ("4, Presentations", "14,
# Director's Report" in OCR'd library board minutes; "4, Adoption of Minutes", "3, Social
# Development Directorate" typed in Limerick's municipal districts' minutes): item 4 where
# the title reads as one, weaker than a stop (as a number with none)
COMMA_FOR_STOP = re.compile(r"^\d{1,3},\s+([A-Z][^,]*)$")


def comma_for_stop(text: str) -> bool:
    """`COMMA_FOR_STOP`'s line: a title after the comma, with no comma of its own and no
    full stop at its end (never an address in a resolution, "33, Kilmurry Court (Cuirt
    Cill Mhuire), Garryowen, Limerick, for the sum of", "7, Pennywell Road in the City of
    Limerick.", nor a sentence)."""
    m = COMMA_FOR_STOP.match(text)
    return m is not None and reads_as_title(m.group(1)) and not m.group(1).endswith(".")


MAX_HEADING = 220  # characters: a longer line is a paragraph, never a heading
# a time of day opening a line ("11:00 AM - 3:00 PM Mon. - Fri.", "9:00 PM Attorney ...",
# "7.30 p.m. The meeting opened"): the hour is never an item's number
# a Markdown heading that opens with the time the item was taken ("### 20:30 Finances",
# "## 7:05 pm Call to order"): the title is what follows the time
TIMED_HEADING = re.compile(
    r"^\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?\s?[Mm]\.?|\s*hrs)?\s*[-–—:]?\s+([A-Z\"'‘“(].*)$"
)
CLOCK_TIME = re.compile(r"^\d{1,2}(?::\d{2}\b|\.\d{2}\s*(?:[AaPp]\.?\s?[Mm]\b|hrs\b))")


def candidate_at(raw: str, index: int) -> Candidate | None:
    line = read_line(raw)
    text = line.text.strip()
    if not text or len(text) > MAX_HEADING:
        return None
    if text[:1].isdigit() and CLOCK_TIME.match(text):
        timed = TIMED_HEADING.match(text) if line.level else None
        if timed is None:
            return None
        # "### 20:30 Finances", "### 21:30 Close": a timed agenda's heading, its time no
        # part of the title
        return Candidate(index, f"h{line.level}", 0, "", timed.group(1), 1.0)
    marked = 0.3 if (line.level or line.bold) else 0.0
    for scheme, pattern in _PATTERNS:
        m = pattern.match(text)
        if not m:
            continue
        number = m.group(1).strip()
        title = (m.group(2) or "").strip() if m.lastindex and m.lastindex >= 2 else ""
        if scheme == "roman" and not number:
            continue
        if scheme == "letter" and number in "IVX" and not title:
            continue
        if scheme == "sub" and not (title and POINT_ZERO.match(number) and reads_as_title(title)):
            return Candidate(index, "sub", 0, number, title or None, 0.0)
        if scheme == "sub":
            scheme = "arabic"  # "2.0 Minutes of Previous Meeting": item 2 (`POINT_ZERO`)
        if _no_heading(scheme, number, title, text):
            return None
        if scheme == "arabic" and number.startswith("0") and len(number) > 1:
            scheme = "zero"  # "05" alone is a table row more often than an item
        order = {
            "roman": lambda n: roman_value(n),
            "letter": lambda n: ord(n) - ord("A") + 1,
            "dated": lambda n: int(re.findall(r"\d+", n)[-1]),
        }.get(scheme, _order_of)(number)
        shape = _title_shape(title) if title else 0.8
        if scheme == "arabic" and title and not re.match(r"^\d{1,3}\s*(?:[.):;]|/\s)", text):
            shape *= 0.6  # "1 Dr. Carlton B. Goodlett Place": no stop after the number
        strength = min(1.0, (0.7 if scheme not in ("zero",) else 0.4) * shape + marked + 0.3)
        return Candidate(index, scheme, order, number, title or None, strength, marked=marked > 0)
    coded = _trailing_code(text, index) or _after_a_reference(text, index)
    if coded is not None:
        return coded
    if line.level:
        return Candidate(index, f"h{line.level}", 0, "", text, 1.0)
    if line.bold and _title_shape(text) >= 1.0 and len(text.split()) <= 14:
        if (not _LABEL.match(text) or text.isupper()) and not VOTE_TALLY.match(text):
            if not re.search(r"[^\W\d_]", text):
                return None  # "**(15)**": a vote's count, no words
            return Candidate(index, "bold", 0, "", text.rstrip(":"), 0.8)
    if _is_caps_heading(text):
        return Candidate(index, "caps", 0, "", text.rstrip(":"), 0.6)
    return None


def _no_heading(scheme: str, number: str, title: str, text: str) -> bool:
    """A line that opens with a number of `scheme` and is no heading (`candidate_at`)."""
    if scheme == "arabic":
        if not title and not re.fullmatch(r"\d{1,3}\s*[.):]?", text):
            return True
        if number.startswith("0") and len(number) > 1:
            return False  # a padded number ("05"): weaker, never a sentence's count
        if re.match(r"^\d{1,3},", text) and not comma_for_stop(text):
            return True  # "2, 3 and 4 were ...", "33, Kilmurry Court, Garryowen, ...": no item
        if title and not re.match(r"^\d{1,3}\s*(?:[.):;]|/\s)", text):
            if len(title.split()) > 12 or title.endswith("."):
                return True  # "12 members attended." -- a sentence
    return bool(title) and scheme in ("letter", "roman") and _is_label(title)


# A reference printed before the item's agenda number on its heading's line: the roll call
# or resolution number a clerk gives each action ("99-464 1. ROLL CALL: Present: ...",
# "05-1104 4. Approving alcoholic beverage applications ...", "22-0075 3. Council Discussion
# on Cold Weather Events": Des Moines City Council, 1999, 2005 and 2022), or the minute's
# reference ("C048/23      1.         APOLOGIES FOR ABSENCE.", "C049/23      2. ...":
# Choppington Parish Council, 2023). The agenda number after it is the item's; the
# reference belongs to the item and opens its text (`Candidate.reference`).
REFERENCE_PREFIX = re.compile(
    r"^((?:\d{2}|\d{4})-\d{1,5}|[A-Z]{1,4}\d{1,4}/\d{2,4})\s+(?=\d{1,3}[.)]\s*[A-Z\"'‘“(])"
)


def _after_a_reference(text: str, index: int) -> Candidate | None:
    """The numbered heading after a `REFERENCE_PREFIX` ("1. ROLL CALL" of "99-464 1. ROLL
    CALL"), holding the reference, or None."""
    m = REFERENCE_PREFIX.match(text)
    found = candidate_at(text[m.end() :], index) if m else None
    if m is None or found is None or found.scheme != "arabic":
        return None
    return replace(found, reference=m.group(1))


def _trailing_code(text: str, index: int) -> Candidate | None:
    """A title followed by its agenda code in brackets ("Approval of Minutes (A-1)"), or None."""
    m = _TRAILING_CODE.match(text)
    if not (m and _title_shape(m.group(1)) >= 1.0 and not text.endswith(".")):
        return None
    code = m.group(2)
    parts = re.match(r"([A-Z])(?:-(\d+)([a-z]?))?", code)
    assert parts is not None
    order = (ord(parts.group(1)) - 64) * 1000 + int(parts.group(2) or 0) * 10
    order += ord(parts.group(3)) - 96 if parts.group(3) else 0
    return Candidate(index, "tcode", order, code, m.group(1).strip(), 0.9)


_LOWER_ASCII = re.compile(r"[a-z]")


def _is_caps_heading(text: str) -> bool:
    if _LOWER_ASCII.search(text):
        return False  # most lines: a lower-case letter (the test below, faster)
    letters = [c for c in text if c.isalpha()]
    if len(letters) < 4 or not all(c.isupper() for c in letters):
        return False
    words = text.split()
    if not 2 <= len(words) <= 12 or text.endswith((".", ",", "-")):
        return False
    if words[-1].lower() in ("of", "the", "and", "for", "to", "in", "on", "at", "&"):
        return False
    return not re.search(r"\d{1,2}:\d{2}|\b(?:19|20)\d{2}\b", text)  # a date line


def _order_of(number: str) -> int:
    digits = re.findall(r"\d+", number)
    if not digits:
        return -1
    # SSP/5/24 -> 5, SSP 136/13 -> 136, 45/23 -> 45
    if "/" in number and len(digits) >= 2:
        return int(digits[-2])
    return int(digits[0])


def reads_as_title(text: str) -> bool:
    """An item title: starts with a capital and is shaped like a heading, not a sentence
    ("Notice of Motion submitted by ...", not "the Department of ..." or "7")."""
    return bool(text) and text[:1].isupper() and _title_shape(text) >= 1.0


# unnumbered headings that belong to the header: who attended, not what was discussed
ATTENDANCE_HEADING = re.compile(
    r"^(?:those\s+(?:attending|present)|(?:(?:members|directors|board\s+members|councillors|"
    r"trustees)\s+)?(?:present|in\s+"
    r"attendance|attendees|attendance|apologies(?:\s+for\s+absence)?|absent|also\s+present|"
    r"roll\s+call))\s*:?$",
    re.IGNORECASE,
)
