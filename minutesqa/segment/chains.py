"""One numbering scheme's candidates chained into the sequence that climbs in small steps
(`best_chain`), with a misprinted number read as the one expected (`misprint_readings`), and
plain numbered lists that start again at 1 under section headings or parts of the agenda
(`restarted_lists`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from minutesqa.segment.candidates import (
    ATTENDANCE_HEADING,
    Candidate,
    _is_label,
    plain,
    reads_as_title,
)
from minutesqa.segment.dates import find_dates

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
        if following.get(c.line, 1) == 0 and not c.reference:
            gain -= CONTENTS_DISCOUNT  # (a roll call's number is given as the meeting acts)
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


def lists_inside_items(family: list[Candidate]) -> frozenset[int]:
    """The lines of numbered lists inside an item that would run on as the chain: a list
    started again at 1 after the file's numbering passed 1, climbing one by one (printed
    alike: `_form`) past the item it sits in ("4.0 COMMITTEE REPORTS" ... "1. Has not had
    a cleansing shower" ... "18. Use radios ...", then "5.0 NEW BUSINESS": a strata
    council's pool rules; its matters "1." ... "8." under "4. COMMITTEE REPORTS" before
    "5. NEW BUSINESS"), where the first heading after the list with the number after the
    item's, printed alike, is one of the list's numbers (5.0 after 4.0): that heading is
    the next item, the whole list the item's text. `family` is one scheme's candidates in
    line order. A list no later heading goes on from so ("1. app" ... "3. app" under "3.
    Planning", then "4. Finance"; the minutes "1." ... "7." after the agenda's "1." ...
    "6.", then "2. Stérilisation" inside item 7) takes nothing away."""
    start: list[int] = []  # each candidate's run: the numbers climbing by one, printed alike
    for k, c in enumerate(family):
        climbs = k > 0 and c.order == family[k - 1].order + 1 and _form(c) == _form(family[k - 1])
        start.append(start[k - 1] if climbs else k)
    restarted: dict[int, bool] = {}  # per run's first: a list started again at 1
    for first in sorted(set(start)):
        alike = (f.order for f in family[:first] if _form(f) == _form(family[first]))
        # (a page's "4" alone above "1. Apologies" is no item the list restarts after)
        restarted[first] = family[first].order == 1 and max(alike, default=0) >= 2
    out: set[int] = set()
    for first, again in restarted.items():
        # the item the list sits in: the last heading above it that no list restarted
        # ("4. COMMITTEE REPORTS" above its lists "1. ... 2.", "1. ... 3.", "1. ... 8.")
        held = [k for k in range(first) if not restarted[start[k]]]
        if not again or not held or not _a_heading(item := family[held[-1]]):
            continue
        end = max(k for k in range(first, len(family)) if start[k] == first)
        numbers = {family[k].order for k in range(first, end + 1)}
        n = item.order + 1
        for j in range(end + 1, len(family)):
            if family[j].order == item.order:
                break  # the item's number printed again: the count went on elsewhere
            if family[j].order == n and _form(family[j]) == _form(item) and n in numbers:
                if _a_heading(family[j]):
                    out.update(family[k].line for k in range(first, end + 1))
                break
    return frozenset(out)


def _form(c: Candidate) -> tuple[bool, bool]:
    """How a number is printed: marked a heading or not, its title on its line or below
    ("**6.Question submitted by ...**" is not the "1" alone over a paragraph before it)."""
    return c.marked, c.title is None


def _a_heading(c: Candidate) -> bool:
    """A number over its title, or with a title that reads as one ("5.0 NEW BUSINESS"),
    never a figure in a table ("25.6", "5% increase in LPT rate")."""
    return c.title is None or reads_as_title(c.title)


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


# schemes whose numbers hold a year beside the minute's number, in either order ("45/23",
# "2023/041", "FC/23/041", "SSP/5/24", "22.17": `references.CONSTANT_PART`): the minute's
# number is the part that changes
REFERENCES = ("minute", "code", "slash", "ref", "yearly")


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
MAX_INTRO_LINES = 4  # lines of a section's opening text before its numbered matters
MIN_MARKED_LIST = 3  # marked numbered headings that make unmarked lists the items' text
SECTION_WORD = re.compile(r"^[A-Z][A-Z'’&-]{3,}:?$")  # "PLANNING", "CORRESPONDENCE"


def _numbered_lists(
    cands: list[Candidate], following: dict[int, int]
) -> list[tuple[Candidate, ...]]:
    """The file's plain numbered headings cut where a number starts again at 1, each
    stretch's climbing chain from 1 (two headings or more)."""
    family = [c for c in cands if c.scheme in ("arabic", "item")]
    marked = [c for c in family if c.marked]
    if len(marked) >= MIN_MARKED_LIST:
        # where the format marks the numbered headings ("### 1. Transportation"), a list
        # it does not mark is text inside an item ("1) Permanent radar speed signs")
        family = marked
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


def _section_over(
    first: Candidate,
    cands: list[Candidate],
    raw: Sequence[str],
    floor: int = -1,
    listed: frozenset[int] = frozenset(),
) -> Candidate | None:
    """The unnumbered section heading a list sits in: the first heading above its first
    number, a heading the format marks or one in capitals, or one capitals word alone
    ("PLANNING"), with nothing but text between them (a section's opening paragraph before
    its numbered matters: "## NEW BUSINESS" / "Councilor Nyberg suggested ..." / "### 1.
    Adoption of Resolution 254-2017"). Never at or above `floor`, the last number of the
    list before (its matters' text is no section), nor past a numbered heading of a list
    (`listed`: a number that is no list's, a lone "1. Note that ..." under "1. Minutes",
    is text)."""
    by_line = {c.line: c for c in cands}
    text = 0  # lines of opening text between the heading and the list
    for k in range(first.line - 1, floor, -1):
        if not raw[k].strip():
            continue
        above = by_line.get(k)
        if above is not None and above.number and listed and k not in listed:
            text = 0  # a number of no list and its lines are the section's text
            continue
        if above is not None and ATTENDANCE_HEADING.match(above.title or ""):
            return None  # "OFFICIALS IN ATTENDANCE": the header's, over no section
        if above is not None:
            unnumbered = (
                not above.number and above.scheme in ("caps", "bold") or above.scheme[:1] == "h"
            )
            # only a Markdown level opens a section with text before its list; a capitals
            # line after text is the last matter's outcome ("GRANTED") or a label
            if unnumbered and (text == 0 or above.scheme[:1] == "h"):
                return above
            return None
        if text == 0 and (word := _section_word(raw, k)) is not None:
            return word
        text += 1
        if text > MAX_INTRO_LINES:
            return None
    return None


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
    listed = frozenset(h.line for heads in lists for h in heads)
    over = [
        _section_over(heads[0], cands, raw, lists[i - 1][-1].line if i else -1, listed)
        for i, heads in enumerate(lists)
    ]
    if all(over) and not _resumed(lists):
        return _sections(over, cands, raw)
    end = outer.heads[-1].line
    after = [heads for heads in lists if heads[0].line > end]
    if any(over) or len(after) < MIN_RESTARTED:
        return None
    if any(following.get(h.line, 0) == 0 for heads in after for h in heads):
        return None  # a contents list or an action list: lines with no text of their own
    return [h for heads in lists for h in heads if heads[0].line >= outer.heads[0].line]


def _resumed(lists: list[tuple[Candidate, ...]]) -> bool:
    """Whether a list's numbers, after the 1 and 2 of their own, go on from where the list
    before them ended ("1. ... 4." then "1.", "2.", "5.", "6."): the file's list was never
    counted afresh, a short list inside its item 4 stood in it (Limerick's municipal
    districts, whose items hold numbered lists of roads and bus stops)."""
    for before, heads in zip(lists, lists[1:]):
        numbers = [h.order for h in heads]
        if any(b > a + 1 and b == before[-1].order + 1 for a, b in zip(numbers, numbers[1:])):
            return True
    return False


def _sections(
    over: Sequence[Candidate | None], cands: list[Candidate], raw: Sequence[str]
) -> list[Candidate] | None:
    """The section headings of a file whose lists restart under them: the unnumbered
    headings of the kinds over the lists (a Markdown level, capitals; not a bold label
    among "##" sections, "**Amendments**"), from the first one over a list on, and those
    before it below the first line with a date (the header's: "## CALL TO ORDER AND ROLL
    CALL" before "## CONSENT AGENDA"; never "### BOARD OF DIRECTORS" over "Thursday, June
    24, 2021" nor "## June 12, 2017"); never a closing line that runs on
    ("**Respectfully submitted,**")."""
    kinds = {h.scheme for h in over if h}
    if any(k[:1] == "h" for k in kinds):  # a Markdown level marks the sections, not bold
        kinds = {k for k in kinds if k[:1] == "h" or k == "caps"}  # ("**Page 2 of 6**")
    first = min(h.line for h in over if h)
    dated = next((k for k, line in enumerate(raw[:first]) if find_dates(line)), first)
    sections = [
        c
        for c in cands
        if not c.number
        and c.scheme in kinds
        and not ATTENDANCE_HEADING.match(c.title or "")
        and (c.line >= first or (c.line > dated and not find_dates(c.title or "")))
        and not (c.title or "").rstrip().endswith(",")
    ]
    taken = {c.line for c in cands}
    sections += [
        w for k in range(first, len(raw)) if k not in taken and (w := _section_word(raw, k))
    ]
    sections.sort(key=lambda c: c.line)
    return sections if len(sections) >= MIN_SECTIONS else None


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
