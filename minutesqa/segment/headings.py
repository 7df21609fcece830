"""Finding a meeting's agenda items the way a clerk reads minutes: every line that could
head an item becomes a candidate (its numbering scheme, its number, how strongly it is marked
as a heading), each scheme's candidates are chained into the longest sequence that climbs in
small steps, and the outermost well-formed sequence is the agenda. Where no numbered sequence
holds, the headings themselves are the items (unnumbered).

Named parts:
- `candidates.read_line`     the marks a format left on a line (Markdown heading level, bold);
- `candidates.candidate_at`  one line -> a `Candidate` (scheme, order, number, title, strength);
- `chains.best_chain`        one scheme's candidates -> its best climbing sequence;
- `unnumbered`               the headings that carry no number (marked levels, plain lines);
- `choose_agenda` (here)     all candidates -> the items' headings (numbered or not).
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace

from minutesqa.segment.candidates import (
    POINT_ZERO,
    Candidate,
    _order_of,
    field_label,
    read_line,
    reads_as_title,
)
from minutesqa.segment.chains import (
    REFERENCES,
    Chain,
    _a_list_in_one_section,
    best_chain,
    lists_inside_items,
    restarted_lists,
)
from minutesqa.segment.references import (
    CONSTANT_PART,
    YEAR_PAIR_SCHEMES,
    _ordered_by_the_changing_part,
    _with_the_same_year_pair,
    constant_part_minutes,
)
from minutesqa.segment.unnumbered import _in_an_agenda_part, _marked_headings

# schemes whose numbers also open lines of running text (a date "14/11/24", a year or a
# figure "2500." wrapped onto a line of its own): headings only where they chain, never
# a line break's evidence when lines are joined (items._is_heading)
CHAIN_ONLY = ("dated", "running")
NUMBERED = (
    "item",
    "minute",
    "code",
    "slash",
    "ref",
    CONSTANT_PART,
    "dated",
    "running",
    "arabic",
    "roman",
    "letter",
    "tcode",
)


MIN_CHAIN_VALUE = 1.5  # about two clear headings
# An earlier scheme is the outer one unless a later one is this much stronger (letters
# that head the items where numbered lists sit inside them)
OUTER_MARGIN = 3.0


def _scheme_candidates(
    scheme: str, cands: list[Candidate], listed: set[int], following: dict[int, int]
) -> list[Candidate]:
    """The candidates a scheme's chain is chosen from (`choose_agenda`)."""
    if scheme == CONSTANT_PART:  # "22.17", "22.18", "22.19": the year's minutes
        return constant_part_minutes([c for c in cands if c.line not in listed])
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
    if scheme == "arabic":
        inside = lists_inside_items(mine)  # "1." ... "18." inside item 4, then "5."
        mine = [c for c in mine if c.line not in inside]
    if scheme in YEAR_PAIR_SCHEMES:
        mine = _with_the_same_year_pair(mine, cands)
    if scheme in REFERENCES:
        mine = _ordered_by_the_changing_part(mine)
    return mine


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
        mine = _scheme_candidates(scheme, cands, listed, following)
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
            heads = _gaps_filled(heads, cands, raw)
            heads = _unnumbered_beside(heads, cands, raw)
            return _open_numbered_parents(heads, cands, following, raw)
    lone = _one_numbered_item(cands, marked)
    if lone:
        return lone
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
    heads: list[Candidate],
    cands: list[Candidate],
    following: dict[int, int],
    raw: Sequence[str] = (),
) -> list[Candidate]:
    """An item with no text of its own whose sub-items follow at once ("9 REPORTS" then
    "9.1 DRAFT OPERATIONAL PLAN", "9.2 TENDER T2023-04 ..."; "5. STAFF REPORTS" then "5.1",
    "5.2"; "4. PUBLIC HEARINGS" then its one "4.1"): the sub-items are what the meeting
    took and what a clerk cites, so they are the items and the parent's heading only ends
    the item before it (`part`). Sub-items under a parent that has text of its own stay
    inside it, as do the points under an "N.0" heading (`POINT_ZERO`), which always
    follow it at once: they are its text. So do numbered paragraphs (`_numbered_paragraph`:
    "5. NEW BUSINESS" over "5.1 Water leak in the hallway ... was" / "reported on Friday
    ...", "338 PLANNING COMMITTEE" over "338.1 The Minutes of the Planning Meeting ... were
    APPROVED.") and the parts of an outline three levels deep ("4. COMMITTEE REPORTS" over
    "4.1 Social", "4.2 Grounds and Gardening", "4.2.1 Landscaping"): there the parent
    heading is the item, its numbered points its text."""
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
            and all(c.number.count(".") == 1 for c in inside)  # no "4.2.1" below "4.2"
            and not any(_numbered_paragraph(c, raw) for c in inside)
        )
        if not opened:
            out.append(head)
            continue
        out.append(replace(head, part=True))
        out.extend(replace(c, scheme=head.scheme) for c in inside)
    return out


RUN_IN_TITLE = re.compile(r"(?<=\w)[.:]\s|\s[-–—]\s")  # "Report. The ...", "Report - The ..."


def _numbered_paragraph(sub: Candidate, raw: Sequence[str]) -> bool:
    """A sub-item's line that is a paragraph's first, not a heading: a sentence ("338.1
    The Minutes of the Planning Meeting held on 3rd March 2020 were APPROVED."), or a line
    that runs on into the next, which opens in lower case ("5.1 Water leak in the hallway
    on the second floor of Building B 7531 was" / "reported on Friday, April 24, 2018.")."""
    title = sub.title or ""
    # a run-in sub-item is a heading: its title is the words before its text ("4.1
    # **Chairman's Report.** The Chairman had nothing to report.")
    head = RUN_IN_TITLE.split(title.replace("**", ""), maxsplit=1)[0]
    if not reads_as_title(head):
        return True
    after = next((line for line in raw[sub.line + 1 : sub.line + 3] if line.strip()), "")
    return bool(after) and after.lstrip()[:1].islower() and not title.endswith((".", ":"))


def _sub_order(number: str) -> int:
    """The sub-item's place under its parent: "9.2" -> 2, "8.B" -> 2."""
    tail = re.split(r"\.", number, maxsplit=1)[-1].rstrip(".)")
    if tail.isdigit():
        return int(tail)
    return ord(tail[:1].upper()) - 64 if tail[:1].isalpha() else -1


MAX_MARKED_BESIDE_ONE = 2  # marked headings beside the one numbered item (not labels)


def _one_numbered_item(cands: list[Candidate], marked: list[Candidate]) -> list[Candidate]:
    """An adjourned meeting's one item, printed with its agenda number ("**4.**" /
    "**Economic Development Directorate**" / "(a) Proposed Castletroy Local Area Plan"):
    the minutes of one item, where no other line is numbered so and its other marked
    headings are the header's labels ("PRESENT IN THE CHAIR", "MEMBERS PRESENT") or at most
    MAX_MARKED_BESIDE_ONE sub-headings of the item."""
    numbered = [c for c in cands if c.scheme == "arabic"]
    if len(numbered) != 1 or numbered[0].strength < 1.0:
        return []
    own = [c for c in marked if not field_label(c.title or "")]
    return numbered if len(own) <= MAX_MARKED_BESIDE_ONE else []


def _taken_out_of_order(heads: list[Candidate], cands: list[Candidate]) -> list[Candidate]:
    """Items the meeting took out of order: "16.", "17." and "12." printed between "7."
    and "8." (a deputation heard early, motions brought forward). The climbing chain skips
    them, so each would sit inside the item before it. A heading of the chain's own scheme
    whose number the chain lacks, inside the chain's range, becomes an item where it is
    printed, also above the chain's first item (an item taken first, before the minutes of
    the last meeting: "2." then "1. Adoption of Minutes"), even where the number is printed
    again in its place with a note that it was dealt with; not where two headings claim the
    number, nor in a stretch where a list starts again at 1 (a numbered list inside an item,
    or above the first item one counted from 1)."""
    if len(heads) < 3 or heads[0].scheme not in ("arabic", "item"):
        return heads
    used = {h.order for h in heads}
    lo, hi = min(used), max(used)
    lines = [h.line for h in heads]
    claims: dict[int, list[Candidate]] = {}
    for c in cands:
        if c.scheme not in ("arabic", "item") or c.line in lines:
            continue
        if c.order not in used and lo < c.order < hi:
            claims.setdefault(c.order, []).append(c)
        elif c.line < lines[0] and c.order in used and c.order > lo:
            # taken first and printed again in its place ("It was noted that item 4 had
            # already been dealt with"): the first printing holds the item's text
            claims.setdefault(-c.order, []).append(c)
    out = list(heads)
    for claimed in claims.values():
        if len(claimed) != 1:
            continue
        c = claimed[0]
        before = max((line for line in lines if line < c.line), default=-1)
        restarts = any(
            d.scheme in ("arabic", "item") and d.order == 1 and before < d.line < c.line
            for d in cands
        )
        if not restarts:
            out.append(replace(c, out_of_order=True))  # segment checks its title reads as one
    return sorted(out, key=lambda c: c.line)


def _gaps_filled(
    heads: list[Candidate], cands: list[Candidate], raw: Sequence[str]
) -> list[Candidate]:
    """A number the chain skips, printed between its neighbours but with a title no
    heading starts with: OCR's "4. i mi ncillor J. Scanlan" between "3. Question submitted
    by ..." and "5. Notice of Motion ..." (a scanned page's capitals misread), a clerk's
    "4. apologies for absence". Where exactly one line between the chain's items opens with
    each skipped number in turn ("n." or "n)") and no list counted from 1 starts between
    them, each such line is its item; its title is the rest of the line as printed."""
    if not raw or len(heads) < 3 or heads[0].scheme != "arabic":
        return heads
    out = list(heads)
    used = {h.order for h in heads}
    for before, after in zip(heads, heads[1:], strict=False):
        if before.scheme != "arabic" or after.scheme != "arabic":
            continue
        if any(
            c.scheme == "arabic" and c.order == 1 and before.line < c.line < after.line
            for c in cands
        ):
            continue  # a list counted from 1 inside the item: its numbers are its own
        start = before.line
        for number in range(before.order + 1, after.order):
            if number in used:
                break
            wanted = re.compile(rf"^\W{{0,2}}{number}\s*[.)]\s+(\S.*)$")
            found = [
                (i, m.group(1).strip(" *"))
                for i in range(start + 1, after.line)
                if (m := wanted.match(raw[i].strip()))
            ]
            if len(found) != 1:
                break
            start, title = found[0]
            out.append(Candidate(start, "arabic", number, str(number), title, 0.5))
    return sorted(out, key=lambda c: c.line)


def _unnumbered_beside(
    heads: list[Candidate], cands: list[Candidate], raw: Sequence[str]
) -> list[Candidate]:
    """Unnumbered headings at the Markdown level of the numbered items, after the first
    ("## 1. Approve minutes" ... "## 4. Update on actions", then "## Any other business",
    "## Date of next meeting"): items the clerk did not number, not text of the item before
    them. Only where every numbered item is a heading of one level."""
    if not raw or not heads or any(h.number == "" for h in heads):
        return heads
    levels = {read_line(raw[h.line]).level for h in heads}
    if len(levels) != 1 or not (level := levels.pop()):
        return heads
    taken = {h.line for h in heads}
    beside = [
        c
        for c in cands
        if c.scheme == f"h{level}" and c.line > heads[0].line and c.line not in taken
    ]
    return sorted(heads + beside, key=lambda c: c.line) if beside else heads
