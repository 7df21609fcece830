"""Finding a meeting's agenda items the way a clerk reads minutes: every line that could
head an item becomes a candidate (its numbering scheme, its number, how strongly it is marked
as a heading), each scheme's candidates are chained into the longest sequence that climbs in
small steps, and the outermost well-formed sequence is the agenda. Where no numbered sequence
holds, the headings themselves are the items (unnumbered).

Named parts:
- `read_line`     the marks a format left on a line (Markdown heading level, bold);
- `candidate_at`  one line -> a `Candidate` (scheme, order, number, title, strength);
- `best_chain`    one scheme's candidates -> its best climbing sequence;
- `choose_agenda` all candidates -> the items' headings (numbered or not).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
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
    # a council's prefix and year before the minute's number: "C23/041", "PC23.041"
    (
        "ref",
        re.compile(rf"^([A-Z]{{1,4}}\.?\s?\d{{2}}[/.]\d{{1,4}})\s*[.):\-–]?\s+({_TITLE_START}.*)$"),
    ),
    # running minute numbers, counted on across meetings and years: "2415. Police Report:
    # Attached.", "3446.<tab>Title: text" (`RUNNING_NUMBER`)
    ("running", re.compile(rf"^({RUNNING_NUMBER})(?:\.[ \t]*|\t+)([A-Z\"'‘“(].*)$")),
    ("sub", re.compile(r"^(\d{1,3}\.\d{1,2}[a-z]?|\d{1,3}\.[A-Z])[.)]?\s+(.*)$")),
    ("arabic", re.compile(rf"^(\d{{1,3}})\s*(?:[.):;]\s*|\s+|$)({_TITLE_START}.*)?$")),
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


MAX_HEADING = 220  # characters: a longer line is a paragraph, never a heading
# a time of day opening a line ("11:00 AM - 3:00 PM Mon. - Fri.", "9:00 PM Attorney ...",
# "7.30 p.m. The meeting opened"): the hour is never an item's number
CLOCK_TIME = re.compile(r"^\d{1,2}(?::\d{2}\b|\.\d{2}\s*(?:[AaPp]\.?\s?[Mm]\b|hrs\b))")


def candidate_at(raw: str, index: int) -> Candidate | None:
    line = read_line(raw)
    text = line.text.strip()
    if not text or len(text) > MAX_HEADING:
        return None
    if text[:1].isdigit() and CLOCK_TIME.match(text):
        return None
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
        if scheme == "arabic" and not title and not re.fullmatch(r"\d{1,3}\s*[.):]?", text):
            return None
        if scheme == "arabic" and number.startswith("0") and len(number) > 1:
            scheme = "zero"  # "05" alone is a table row more often than an item
        if scheme == "arabic" and title and not re.match(r"^\d{1,3}\s*[.):;]", text):
            if len(title.split()) > 12 or title.endswith("."):
                return None  # "12 members attended." -- a sentence
        if title and scheme in ("letter", "roman") and _is_label(title):
            return None
        order = {
            "roman": lambda n: roman_value(n),
            "letter": lambda n: ord(n) - ord("A") + 1,
            "dated": lambda n: int(re.findall(r"\d+", n)[-1]),
        }.get(scheme, _order_of)(number)
        shape = _title_shape(title) if title else 0.8
        if scheme == "arabic" and title and not re.match(r"^\d{1,3}\s*[.):;]", text):
            shape *= 0.6  # "1 Dr. Carlton B. Goodlett Place": no stop after the number
        strength = min(1.0, (0.7 if scheme not in ("zero",) else 0.4) * shape + marked + 0.3)
        return Candidate(index, scheme, order, number, title or None, strength, marked=marked > 0)
    m = _TRAILING_CODE.match(text)
    if m and _title_shape(m.group(1)) >= 1.0 and not text.endswith("."):
        code = m.group(2)
        parts = re.match(r"([A-Z])(?:-(\d+)([a-z]?))?", code)
        assert parts is not None
        order = (ord(parts.group(1)) - 64) * 1000 + int(parts.group(2) or 0) * 10
        order += ord(parts.group(3)) - 96 if parts.group(3) else 0
        return Candidate(index, "tcode", order, code, m.group(1).strip(), 0.9)
    if line.level:
        return Candidate(index, f"h{line.level}", 0, "", text, 1.0)
    if line.bold and _title_shape(text) >= 1.0 and len(text.split()) <= 14:
        if not _LABEL.match(text) or text.isupper():
            return Candidate(index, "bold", 0, "", text.rstrip(":"), 0.8)
    if _is_caps_heading(text):
        return Candidate(index, "caps", 0, "", text.rstrip(":"), 0.6)
    return None


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


# --- chains -----------------------------------------------------------------------------------

MAX_STEP = 4  # a numbered item may be missing from the minutes (withdrawn, taken in private)
START_PENALTY = 0.5  # per number a chain starts above 1
GAP_PENALTY = 0.4  # per number skipped
CONTENTS_DISCOUNT = 0.6  # a heading with no text before the next one: a contents list
SWITCH_PENALTY = 0.6  # "Item 4" then "05": a table row, not the next item


@dataclass(frozen=True)
class Chain:
    heads: tuple[Candidate, ...]
    value: float  # the score that chose it among its scheme's chains

    @property
    def weight(self) -> float:
        """How much heading the chain holds, wherever its numbers start."""
        return sum(c.strength for c in self.heads)


def best_chain(cands: list[Candidate], following: dict[int, int]) -> Chain:
    """The climbing sequence of one scheme's candidates with the best value. `following`
    maps a candidate's line to the count of text lines before the next candidate. A
    heading whose number is out of step may stand in the chain as the number it misprints
    (`misprint_readings`), at MISPRINT_PENALTY: only among references (`REFERENCES`: "BM
    503/2021"), which a clerk types; a list's numbers ("1.", "2.") are a word processor's,
    and one out of step there is a list inside an item or a figure, not a misprint."""
    if not cands:
        return Chain((), 0.0)
    ordered = cands[0].scheme == "tcode"
    # each candidate's readings: (candidate, order it takes in the chain, order the chain
    # goes on from, penalty); the printed number first
    states: list[tuple[int, int, int, float]] = [
        (k, c.order, c.order, 0.0) for k, c in enumerate(cands)
    ]
    if cands[0].scheme in REFERENCES:  # typed by a clerk; a numbered list never misprints
        for k, (expected, continued) in misprint_readings(cands).items():
            states.append((k, expected, expected, MISPRINT_PENALTY))
            if continued:
                states.append((k, expected, cands[k].order, MISPRINT_PENALTY))
        states.sort(key=lambda s: s[0])
    n = len(states)
    score = [0.0] * n
    prev = [-1] * n
    for i, (ci, in_order, _, penalty) in enumerate(states):
        c = cands[ci]
        gain = c.strength - penalty
        if following.get(c.line, 1) == 0:
            gain -= CONTENTS_DISCOUNT
        base = 1 if not ordered else 1000
        # a running number starts where the body's count stands, never at 1
        counted = ordered or c.scheme == "running"
        start = gain - START_PENALTY * max(0, min(c.order - base, 30)) if not counted else gain
        # a misprint is read only after the number it follows
        score[i], prev[i] = (start if not penalty else -float("inf")), -1
        for j in range(i):
            cj, _, out_j, _ = states[j]
            if cj == ci:
                continue  # two readings of one heading
            step = in_order - out_j
            ok = step >= 1 if ordered else 1 <= step <= MAX_STEP
            if ok:
                s = score[j] + gain - (0.0 if ordered else GAP_PENALTY * (step - 1))
                if cands[cj].scheme != c.scheme:
                    s -= SWITCH_PENALTY
                if s > score[i]:
                    score[i], prev[i] = s, j
    best = max(range(n), key=lambda k: (score[k], -k))
    heads: list[Candidate] = []
    k = best
    while k != -1:
        ci, in_order, _, penalty = states[k]
        heads.append(replace(cands[ci], order=in_order) if penalty else cands[ci])
        k = prev[k]
    return Chain(tuple(heads[::-1]), score[best])


MISPRINT_PENALTY = 0.5  # a heading read as the number its printed one misprints
MIN_TYPED = 10  # the least number `one_keystroke` reads a misprint of


def one_keystroke(printed: int, expected: int) -> bool:
    """`printed` is `expected` typed with one key wrong: a digit too many ("503" for 50,
    "592" for 59, "133" for 33, "119" for 19), one digit mistyped ("89" for 80), or the
    number before typed again ("11", "11" where the next is 12). Only numbers of two digits
    or more (MIN_TYPED): a one-digit number is a keystroke from every other, and a list a
    word processor numbers is never mistyped."""
    if expected < MIN_TYPED:
        return False
    p, e = str(printed), str(expected)
    if printed == expected - 1:
        return True
    if len(p) == len(e) + 1:
        return any(p[:i] + p[i + 1 :] == e for i in range(len(p)))
    return len(p) == len(e) and sum(a != b for a, b in zip(p, e, strict=True)) == 1


def misprint_readings(cands: list[Candidate]) -> dict[int, tuple[int, bool]]:
    """Misprints inside a climbing chain (school governors' and councils' typed minutes:
    "BM 49/2021", "BM 503/2021", "BM 51/2021"; "BM 58", "BM 592", "BM 603", "BM 61";
    "FGB 101", "FGB 102", "FGB 102", "FGB 104"; "LW 10", "LW 11", "LW 11", "LW 12" where
    the count went on from the repeat; "BM 79", "BM 89", "BM 90"; "5, 6, 7, 17, 9"): a
    titled heading whose number is out of step with the one before it (its reading, where
    that one is a misprint too) is read as the number the chain expects there, so it
    neither ends the chain nor sits inside the item before it. Where its number is one
    keystroke from the expected one (`one_keystroke`) it may stand for it whatever
    follows, and the count may go on from the number as printed ("BM 89" for 80, then "BM
    90"); any other number out of step only where the next heading is the number after
    the expected one ("7", "17", "9"). Returns, per candidate's index, the expected number
    and whether the count may go on from the printed one."""
    out: dict[int, tuple[int, bool]] = {}
    for k in range(1, len(cands)):
        c, before = cands[k], cands[k - 1]
        read = out.get(k - 1, (before.order, False))[0]
        expected = read + 1
        if c.title is None or read < 1 or 1 <= c.order - read <= MAX_STEP:
            continue
        after = cands[k + 1].order if k + 1 < len(cands) else None
        if after == expected and c.order != read:
            continue  # "4", "15 Church Lane ...", "5": the expected number follows
        if one_keystroke(c.order, expected):
            # the count goes on from a number above (or the repeat of) the expected one,
            # never from one below: "FGB 22" then "FGB 20" is the minutes after the agenda
            out[k] = (expected, c.order >= read)
        elif after == expected + 1:
            out[k] = (expected, False)
    return out


# schemes whose numbers also open lines of running text (a date "14/11/24", a year or a
# figure "2500." wrapped onto a line of its own): headings only where they chain, never
# a line break's evidence when lines are joined (segment._is_heading)
CHAIN_ONLY = ("dated", "running")
NUMBERED = (
    "item",
    "minute",
    "code",
    "slash",
    "ref",
    "dated",
    "running",
    "arabic",
    "roman",
    "letter",
    "tcode",
)
# schemes whose numbers hold a year beside the minute's number, in either order ("45/23",
# "2023/041", "FC/23/041", "SSP/5/24"): the minute's number is the part that changes
REFERENCES = ("minute", "code", "slash", "ref")
MIN_CHAIN_VALUE = 1.5  # about two clear headings
# An earlier scheme is the outer one unless a later one is this much stronger (letters
# that head the items where numbered lists sit inside them)
OUTER_MARGIN = 3.0


def choose_agenda(
    cands: list[Candidate], following: dict[int, int], n_lines: int, raw: Sequence[str] = ()
) -> list[Candidate]:
    """The headings of the meeting's items, in order. `raw` (the file's lines) lets a
    list that starts again at 1 be read against the lines above it (`restarted_lists`)."""
    chains: list[Chain] = []
    listed = _in_an_agenda_part(cands)
    for scheme in NUMBERED:
        if scheme == "item":
            continue  # one family with "arabic"
        family = ("arabic", "zero", "item") if scheme == "arabic" else (scheme,)
        mine = [c for c in cands if c.scheme in family and c.line not in listed]
        if scheme == "letter":  # "I. Adjourn" after "H.": a letter that reads as a numeral
            mine += [
                replace(c, scheme="letter", order=ord(c.number) - 64)
                for c in cands
                if c.scheme == "roman" and len(c.number) == 1
            ]
            mine.sort(key=lambda c: c.line)
        if scheme == "arabic":
            # explicit "Item N" headings win over any numbered list in the bodies between
            # them; other headings may only extend them ("5. A.O.B." after "Item 4")
            explicit = best_chain([c for c in mine if c.scheme == "item"], following)
            if len(explicit.heads) >= 2 and explicit.heads[0].order <= 2:
                lo, hi = explicit.heads[0].line, explicit.heads[-1].line
                mine = [c for c in mine if c.scheme == "item" or c.line < lo or c.line > hi]
        if scheme in YEAR_PAIR_SCHEMES:
            mine = _with_the_same_year_pair(mine, cands)
        if scheme in REFERENCES:
            mine = _ordered_by_the_changing_part(mine)
        chain = best_chain(mine, following)
        if len(chain.heads) >= 2 and chain.weight >= MIN_CHAIN_VALUE:
            chains.append(chain)
    marked = _marked_headings(cands, following)
    if chains:
        best = max(c.weight for c in chains)
        # the outer scheme: the earliest chain not much weaker than the best one
        eligible = [c for c in chains if c.weight >= best - OUTER_MARGIN or c.weight >= 4.0]
        outer = min(eligible, key=lambda c: (c.heads[0].line, -c.weight))
        if (len(outer.heads) >= 3 or len(marked) < 3) and not _a_list_in_one_section(
            outer, cands, marked
        ):
            restarted = restarted_lists(outer, cands, following, raw)
            if restarted:
                return restarted
            heads = _taken_out_of_order(_fill_from_subs(list(outer.heads), cands), cands)
            return _open_numbered_parents(heads, cands, following)
    if marked:
        return marked
    # minutes of one item: "1. Policing Issues in the District"
    single = [c for c in cands if c.scheme in NUMBERED and c.order == 1 and c.strength >= 0.8]
    if single:
        return single[:1]
    for scheme in ("bold", "caps"):
        heads = [c for c in cands if c.scheme == scheme and following.get(c.line, 1) > 0]
        if len(heads) >= 3:
            return heads
    return []


# A plain numbered list that starts again at 1, twice or more, is one of two things:
# - points under the section headings printed above each list ("MATTERS ARISING" / "1. ...
#   3.", "PLANNING" / "1. ... 7.", "CORRESPONDENCE" / "1. ... 8.": parish minutes typed with
#   one capitals line per business), whose sections are then the items and the points their
#   text; the climbing chain would splice the lists into one false sequence (1-3 of one
#   section, 4-7 of the next);
# - with no heading over them, matters counted afresh under each hearing or part of a voting
#   agenda ("Licensed Premise Inspection Hearing ..." 1. ... 9., "Transactional Hearing ..."
#   1. ... 9., ...): after the chain ends, further lists that start at 1 and carry text of
#   their own; then every list's matters are items, numbered as printed.
# A list inside an item ("3. Planning" over "1. app", "2. app") sits right under a numbered
# heading and is neither.
MIN_RESTARTED = 2  # lists starting at 1 that make the file's numbering restart
MIN_SECTIONS = 3  # section headings that make the items
SECTION_WORD = re.compile(r"^[A-Z][A-Z'’&-]{3,}:?$")  # "PLANNING", "CORRESPONDENCE"


def _numbered_lists(
    cands: list[Candidate], following: dict[int, int]
) -> list[tuple[Candidate, ...]]:
    """The file's plain numbered headings cut where a number starts again at 1, each
    stretch's climbing chain from 1 (two headings or more)."""
    family = [c for c in cands if c.scheme in ("arabic", "item")]
    stretches: list[list[Candidate]] = []
    for c in family:
        if c.order == 1 or not stretches:
            stretches.append([])
        stretches[-1].append(c)
    lists = []
    for stretch in stretches:
        heads = best_chain(stretch, following).heads
        if len(heads) >= 2 and heads[0].order == 1:
            lists.append(heads)
    return lists


def _section_over(first: Candidate, cands: list[Candidate], raw: Sequence[str]) -> Candidate | None:
    """The unnumbered section heading right above a list's first number: a heading the
    format marks or one in capitals, or one capitals word alone ("PLANNING")."""
    k = first.line - 1
    while k >= 0 and not raw[k].strip():
        k -= 1
    if k < 0:
        return None
    above = next((c for c in cands if c.line == k), None)
    if above is not None:
        unnumbered = (
            not above.number and above.scheme in ("caps", "bold") or above.scheme[:1] == "h"
        )
        return above if unnumbered else None
    return _section_word(raw, k)


def _section_word(raw: Sequence[str], k: int) -> Candidate | None:
    """Line `k` as one capitals word heading a section ("PLANNING", "PAYMENTS"); never an
    attendance label or an outcome ("PRESENT", "CARRIED", "AGREED")."""
    text = plain(raw[k]).strip()
    if SECTION_WORD.match(text) and not ATTENDANCE_HEADING.match(text) and not _is_label(text):
        return Candidate(k, "caps", 0, "", text.rstrip(":"), 0.6)
    return None


def restarted_lists(
    outer: Chain, cands: list[Candidate], following: dict[int, int], raw: Sequence[str]
) -> list[Candidate] | None:
    """The items where the file's plain numbered list starts again at 1 (see above): the
    section headings, or every list's matters; None where the numbering does not restart
    so (the chain stands)."""
    if not raw or outer.heads[0].scheme not in ("arabic", "item"):
        return None
    lists = _numbered_lists(cands, following)
    if len(lists) < 1 + MIN_RESTARTED:
        return None
    over = [_section_over(heads[0], cands, raw) for heads in lists]
    if all(over):
        first = min(h.line for h in over if h)
        sections = [
            c
            for c in cands
            if c.line >= first
            and not c.number
            and (c.scheme in ("caps", "bold") or c.scheme[:1] == "h")
        ]
        taken = {c.line for c in cands}
        sections += [
            w for k in range(first, len(raw)) if k not in taken and (w := _section_word(raw, k))
        ]
        sections.sort(key=lambda c: c.line)
        return sections if len(sections) >= MIN_SECTIONS else None
    end = outer.heads[-1].line
    after = [heads for heads in lists if heads[0].line > end]
    if any(over) or len(after) < MIN_RESTARTED:
        return None
    if any(following.get(h.line, 0) == 0 for heads in after for h in heads):
        return None  # a contents list or an action list: lines with no text of their own
    return [h for heads in lists for h in heads if heads[0].line >= outer.heads[0].line]


MIN_OTHER_SECTIONS = 3  # marked items after the section a numbered list sits in


def _a_list_in_one_section(chain: Chain, cands: list[Candidate], marked: list[Candidate]) -> bool:
    """A numbered list of plain lines inside one of a Markdown file's marked sections (the
    "## Agenda" list of the items at the top, then "## Minutes" over "### Correspondence",
    "### Treasurer's report"; "1. Clerk Q1 reports ..." under "## COMMENTS FROM CLERK OR
    TREASURER" among a dozen "##" sections): the sections are the items, the list is the
    text of one. Only where a marked section opens before the list, no marked heading falls
    between its first and last number and MIN_OTHER_SECTIONS topical marked items follow it
    (a list in the last section, under "### AGENDA ITEMS", is the agenda)."""
    if not marked or any(h.marked for h in chain.heads):
        return False
    lo, hi = chain.heads[0].line, chain.heads[-1].line
    if any(c.scheme[:1] == "h" and c.scheme[1:].isdigit() and lo < c.line < hi for c in cands):
        return False
    after = [m for m in marked if m.line > hi and not ATTENDANCE_HEADING.match(m.title or "")]
    return any(m.line < lo for m in marked) and len(after) >= MIN_OTHER_SECTIONS


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


def _fill_from_subs(heads: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """Item 8 printed only through its first sub-item ("8.A. New Business - ..." between
    "7." and "9."): the sub-item's heading stands for the missing item."""
    if not heads or heads[0].scheme not in ("arabic", "zero", "item"):
        return heads
    out = list(heads)
    for before, after in zip(heads, heads[1:], strict=False):
        if after.order - before.order != 2:
            continue
        missing = before.order + 1
        for c in cands:
            if not (before.line < c.line < after.line and c.scheme == "sub"):
                continue
            parent = _order_of(c.number)
            if parent == missing and c.title:
                out.append(replace(c, scheme=before.scheme, order=missing, number=str(missing)))
            if parent != before.order:
                break  # only the first sub-item of the missing item can stand for it
    return sorted(out, key=lambda c: c.line)


MIN_OPENED_SUBS = 1  # sub-items that make an item with no text of its own a part


def _open_numbered_parents(
    heads: list[Candidate], cands: list[Candidate], following: dict[int, int]
) -> list[Candidate]:
    """An item with no text of its own whose sub-items follow at once ("9 REPORTS" then
    "9.1 DRAFT OPERATIONAL PLAN", "9.2 TENDER T2023-04 ..."; "5. STAFF REPORTS" then "5.1",
    "5.2"; "4. PUBLIC HEARINGS" then its one "4.1"): the sub-items are what the meeting
    took and what a clerk cites, so they are the items and the parent's heading only ends
    the item before it (`part`). Sub-items under a parent that has text of its own stay
    inside it, as do the points under an "N.0" heading (`POINT_ZERO`), which always
    follow it at once: they are its text."""
    if not heads or heads[0].scheme not in ("arabic", "zero", "item"):
        return heads
    subs = [c for c in cands if c.scheme == "sub"]
    sub_lines = [c.line for c in subs]
    out: list[Candidate] = []
    for k, head in enumerate(heads):
        end = heads[k + 1].line if k + 1 < len(heads) else sys.maxsize
        lo, hi = bisect_right(sub_lines, head.line), bisect_left(sub_lines, end)
        inside = [c for c in subs[lo:hi] if _order_of(c.number) == head.order]
        steps = [_sub_order(c.number) for c in inside]
        opened = (
            not POINT_ZERO.match(head.number)  # "3.0" over "3.1 ...": its points are its text
            and len(inside) >= MIN_OPENED_SUBS
            and following.get(head.line, 0) == 0
            and head.title
            and steps[0] == 1
            and all(b > a for a, b in zip(steps, steps[1:], strict=False))
            and all(c.title for c in inside)
        )
        if not opened:
            out.append(head)
            continue
        out.append(replace(head, part=True))
        out.extend(replace(c, scheme=head.scheme) for c in inside)
    return out


def _sub_order(number: str) -> int:
    """The sub-item's place under its parent: "9.2" -> 2, "8.B" -> 2."""
    tail = re.split(r"\.", number, maxsplit=1)[-1].rstrip(".)")
    if tail.isdigit():
        return int(tail)
    return ord(tail[:1].upper()) - 64 if tail[:1].isalpha() else -1


def _taken_out_of_order(heads: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """Items the meeting took out of order: "16.", "17." and "12." printed between "7."
    and "8." (a deputation heard early, motions brought forward). The climbing chain skips
    them, so each would sit inside the item before it. A heading of the chain's own scheme
    whose number the chain lacks, inside the chain's range, becomes an item where it is
    printed; not where two headings claim the number, nor in a stretch where a list starts
    again at 1 (a numbered list inside an item)."""
    if len(heads) < 3 or heads[0].scheme not in ("arabic", "item"):
        return heads
    used = {h.order for h in heads}
    lo, hi = min(used), max(used)
    lines = [h.line for h in heads]
    claims: dict[int, list[Candidate]] = {}
    for c in cands:
        if c.scheme in ("arabic", "item") and c.order not in used and lo < c.order < hi:
            claims.setdefault(c.order, []).append(c)
    out = list(heads)
    for claimed in claims.values():
        if len(claimed) != 1:
            continue
        c = claimed[0]
        if c.line < lines[0]:
            continue
        before = max(line for line in lines if line < c.line)
        restarts = any(
            d.scheme in ("arabic", "item") and d.order == 1 and before < d.line < c.line
            for d in cands
        )
        if not restarts:
            out.append(replace(c, out_of_order=True))  # segment checks its title reads as one
    return sorted(out, key=lambda c: c.line)


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
# A marked level with fewer topical headings than this may be the document's parts ("##
# Agenda", "## Notes") rather than its items: see _open_containers.
MIN_MARKED_ITEMS = 4


# headings that name the document's parts, not what was discussed ("## Links", "## Agenda",
# "## Minutes", "## Notes"): Node.js TSC, Rust Leadership Council and wiki-kept minutes
DOCUMENT_PART = re.compile(
    r"^(?:links?|agenda|minutes|(?:meeting\s+)?notes|resources|references)\s*:?$", re.I
)


def _marked_headings(cands: list[Candidate], following: dict[int, int]) -> list[Candidate]:
    """Unnumbered items that the format marks: the shallowest heading level used twice or
    more (a lone top heading is the document's title), its containers opened."""
    for level in range(1, 7):
        heads = [c for c in cands if c.scheme == f"h{level}"]
        if len(heads) >= 2:
            return _open_containers(heads, cands, level, following)
    return []


def _inside(
    head: Candidate, heads: list[Candidate], cands: list[Candidate], level: int
) -> list[Candidate]:
    """The headings one level below `head` in its section (up to the next of `heads`)."""
    k = heads.index(head)
    end = heads[k + 1].line if k + 1 < len(heads) else None
    return [
        c
        for c in cands
        if c.scheme == f"h{level + 1}" and c.line > head.line and (end is None or c.line < end)
    ]


def _open_deeper(
    heads: list[Candidate], cands: list[Candidate], level: int, following: dict[int, int]
) -> list[Candidate]:
    """Inside an opened part, a heading with no text of its own before the headings under
    it ("### Today's agenda" over "#### Chrome 43 released", "#### Nominating new
    collaborators") holds items, not one: it gives them (and so on down), its own heading
    only ending the item before it."""
    out: list[Candidate] = []
    for head in heads:
        inside = _inside(head, heads, cands, level) if level < 6 else []
        if inside and following.get(head.line, 0) == 0:
            out.append(replace(head, part=True))
            deeper = _open_deeper(inside, cands, level + 1, following)
            out.extend(replace(s, scheme=head.scheme) for s in deeper)
        else:
            out.append(head)
    return out


def _open_containers(
    heads: list[Candidate], cands: list[Candidate], level: int, following: dict[int, int]
) -> list[Candidate]:
    """Minutes whose top headings are the document's parts, the items a level below
    ("## Notes" over "### NTIA Plugfest", "### Template Next Steps"; "## Proceedings" over
    "### Opening Remarks", "### Reports"; "## Minutes" over "### Motions", "### Elections"):
    where the level has fewer than MIN_MARKED_ITEMS headings besides attendance ones, a
    section holding two or more headings of the next level gives them as its items, and
    is an item itself only where text of its own comes before them (else its heading only
    ends the item before it: `part`). A level with enough
    headings is the agenda, its sub-headings parts of items (officers' reports under
    "# Officer Reports"). The document's parts (`DOCUMENT_PART`: "## Links", "## Agenda")
    are not topical; inside a part opened, a heading with no text of its own opens too
    (`_open_deeper`); an agenda part is not opened where a minutes or notes part is (its
    headings are the agenda list, the minutes' come after)."""

    def topic(h: Candidate) -> bool:
        title = h.title or ""
        return not (ATTENDANCE_HEADING.match(title) or DOCUMENT_PART.match(title))

    topical = [h for h in heads if topic(h)]
    subs = [c for c in cands if c.scheme == f"h{level + 1}"]
    if len(topical) >= MIN_MARKED_ITEMS or not subs:
        return heads
    parts = {(h.title or "").lower().rstrip(": ") for h in heads if not topic(h)}
    minutes_part = bool(parts & {"minutes", "notes", "meeting notes"})
    out: list[Candidate] = []
    for head in heads:
        inside = _inside(head, heads, cands, level)
        is_agenda = (head.title or "").lower().rstrip(": ") == "agenda"
        opens = head in topical or bool(DOCUMENT_PART.match(head.title or ""))
        if len(inside) < 2 or not opens or (is_agenda and minutes_part):
            out.append(head)
            continue
        out.append(head if following.get(head.line, 0) > 0 else replace(head, part=True))
        deeper = _open_deeper(inside, cands, level + 1, following)
        out.extend(replace(s, scheme=head.scheme) for s in deeper)
    return out


def _in_an_agenda_part(cands: list[Candidate]) -> set[int]:
    """The lines of the numbered list in a Markdown file's agenda part ("## Agenda" over
    "1. Acceptance of Minutes ...", "3. URGENT business") where a minutes or notes part
    follows it at the same level ("## Minutes" over "### Correspondence", ... "### Area
    hosts" over "1. Area hosts" ... "15. Website"): the agenda lists what the minutes take,
    so its numbers never chain with the lists inside the minutes' sections (wiki-kept
    minutes: Perth Artifactory, Node.js TSC, Rust Leadership Council)."""
    marked = [c for c in cands if c.scheme[:1] == "h" and c.scheme[1:].isdigit()]
    for k, head in enumerate(marked):
        if (head.title or "").lower().rstrip(": ") != "agenda":
            continue
        later = [m for m in marked[k + 1 :] if m.scheme <= head.scheme]
        minutes = any(
            m.scheme == head.scheme
            and (m.title or "").lower().rstrip(": ") in ("minutes", "notes", "meeting notes")
            for m in later
        )
        if minutes:
            end = later[0].line
            return {c.line for c in cands if head.line < c.line < end and c.number}
    return set()


# --- unmarked headings -------------------------------------------------------------------
MIN_PLAIN_HEADINGS = 3  # unmarked headings that make a document's items
MAX_PLAIN_WORDS = 8  # words of an unmarked heading


def plain_headings(raw: list[str]) -> list[Candidate]:
    """Headings with no mark at all, the last reading before a whole-document item: plain
    text minutes of small bodies ("Police report" over its paragraph, "Planning", "Any
    other business"), where the format kept no bold or capitals. A heading is a short line
    shaped like a title (`reads_as_title`, no closing punctuation, at most MAX_PLAIN_WORDS
    words) that opens a paragraph: a blank line before it, text right after it. Never the
    document's first line (its title), and only where MIN_PLAIN_HEADINGS or more are found."""
    out: list[Candidate] = []
    seen_text = False
    for i, line in enumerate(raw):
        text = line.strip()
        if not text:
            continue
        before = raw[i - 1].strip() if i else ""
        after = raw[i + 1].strip() if i + 1 < len(raw) else ""
        if (
            seen_text
            and not before
            and after
            and len(text.split()) <= MAX_PLAIN_WORDS
            and not re.search(r"[.,;:]$", text)
            and reads_as_title(text)
            and not _LABEL.match(text)
            and not read_line(text).level
        ):
            out.append(Candidate(i, "line", 0, "", text, 0.5))
        seen_text = True
    return out if len(out) >= MIN_PLAIN_HEADINGS else []
