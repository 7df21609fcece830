"""Stage 2: split one meeting's text into its header (body, kind, date, attendance) and its
agenda items (number as printed, title, body, decisions, restricted flag).

The parts: `headings` finds the items' headings (numbered or not), `header` reads
attendance and the kind of meeting from what comes before them, `body_names` the body's
name, `held_date` the date, `decisions` reads what each item
decided. This module puts them together and cuts the text at the headings (`items`:
the cutting, wrapped lines joined, titles read whole, pages found); `bodies` settles the
names of a folder's meetings."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from minutesqa.lexicon import CURRENCY_SYMBOLS
from minutesqa.models import AgendaItem, Document, Meeting
from minutesqa.segment.bodies import UNKNOWN_BODY
from minutesqa.segment.body_names import body_name
from minutesqa.segment.candidates import (
    MAX_HEADING,
    Candidate,
    candidate_at,
    field_label,
    plain,
    reads_as_title,
)
from minutesqa.segment.header import attendance, meeting_kind
from minutesqa.segment.headings import choose_agenda
from minutesqa.segment.held_date import meeting_date
from minutesqa.segment.inline import split_inline, split_labels
from minutesqa.segment.items import (
    _LABELS,
    PageFinder,
    _drop_attendance_headings,
    _drop_signature,
    _make_item,
    _text_after,
    _title,
    _titled_out_of_order,
    reflow,
)
from minutesqa.segment.page_numbers import page_number_lines
from minutesqa.segment.resolution_forms import split_run_on
from minutesqa.segment.resolutions import Unit, find_resolutions
from minutesqa.segment.run_in import run_in_text, split_run_in
from minutesqa.segment.unmarked import SCHEME as UNMARKED
from minutesqa.segment.unmarked import label_text, unmarked_headings
from minutesqa.segment.unnumbered import plain_headings

WHOLE_DOCUMENT = "document"  # item number used when no agenda items can be found


def _agenda(raw: list[str], pages: tuple[str, ...] = ()) -> tuple[list[Candidate], list[str]]:
    """The agenda's headings among the lines, and the lines without their marks; a page's
    number is none (`page_numbers.page_number_lines`, the PDF's `pages` known)."""
    numbers = page_number_lines(raw, pages)
    cands = [
        c
        for i, line in enumerate(raw)
        if line and i not in numbers and (c := candidate_at(line, i))
    ]
    word = item_word(raw)
    # the item word only where the file numbers nothing else: "Attachment 1:" after an
    # agenda's numbered items, "Submission No. 1" inside one are not the items
    if word and sum(1 for c in cands if c.number) < MIN_ITEM_WORD_LINES:
        cands = [
            c
            for i, line in enumerate(raw)
            if line and i not in numbers and (c := _candidate(line, i, word))
        ]
    cands = [c for c in cands if not _table_cell(raw, c)]
    following = _text_after(raw, cands)
    heads = choose_agenda(cands, following, len(raw), raw) or plain_headings(raw) or _unmarked(raw)
    heads = _drop_signature(_drop_attendance_headings(heads), raw)
    lines = [plain(line) for line in raw]
    return _titled_out_of_order(heads, lines), lines


def _unmarked(raw: list[str]) -> list[Candidate]:
    """`unmarked.unmarked_headings`, where numbered resolutions do not explain the file as
    well: as many resolutions as unmarked headings or more make it resolution-style minutes
    (the motions' own lines, "Motion No. C120627 -2", are no headings)."""
    heads = unmarked_headings(raw)
    found = find_resolutions(raw) if heads else None
    if not found:
        return heads
    on_headers = _header_lines(found[1])
    items = sum(1 for h in heads if not h.part and h.line not in on_headers)
    return [] if len(on_headers) >= items else heads


def _header_lines(units: list[Unit]) -> set[int]:
    """The lines resolutions' headers are on."""
    return {u.line for u in units if u.line >= 0}


MAX_OWN_HEADINGS = 1  # item headings beside numbered resolutions that leave them the structure


def resolution_structure(raw: list[str], heads: list[Candidate]) -> tuple[int, list[Unit]] | None:
    """`find_resolutions`, where the numbered resolutions explain the file better than the
    headings found: besides the resolutions' own header lines (the typist's list marks
    before them: "2) Resolution 8 5-1 56 was passed as follows:", "4:) ResohJtiQO 85:-:
    158 ...") MAX_OWN_HEADINGS item headings or fewer (a matter paragraph's "1) It was
    decided ..."). Minutes with agenda items of their own keep them ("1. Call to Order",
    "2. Adoption of Agenda" over "Motion No. C150114-1"), the resolutions their decisions."""
    found = find_resolutions(raw)
    if not found:
        return None
    on_headers = _header_lines(found[1])
    own = sum(1 for h in heads if not h.part and h.line not in on_headers)
    return found if own <= MAX_OWN_HEADINGS else None


# a word before an item's number, then its title ("TOP 1. Begrüßung", German minutes'
# Tagesordnungspunkt; "Point 3 - Budget", "Punkt 2:", "Agenda 4"), learned from the file
_WORD_NUMBER = re.compile(
    r"^(?:#{1,6}\s+|\*\*)?([A-Z][A-Za-z]{1,11})\s+(\d{1,3})(?![\d.,/:]\d)\s*[.):\-–]?\s+(\S.*)$"
)
MIN_ITEM_WORD_LINES = 3  # lines of one word and climbing numbers that make it the item word
# words before a number that count pages and illustrations, never items
_NOT_ITEM_WORDS = frozenset("page pages table figure fig chart photo slide".split())


def item_word(raw: list[str]) -> str:
    """The word this file prints before its items' numbers, where it is not "Item": the
    same capitalised word opening MIN_ITEM_WORD_LINES or more short lines, each with a
    number and a title, the numbers climbing from 1 or 2 and text between each and the
    next ("TOP 1. Begrüßung ...", "TOP 2. Feststellen der Beschlussfähigkeit", ...). ""
    where there is none."""
    seen: dict[str, list[int]] = {}
    at: dict[str, list[int]] = {}
    for k, line in enumerate(raw):
        if not line[:1].isupper() and not line.startswith(("**", "#")):
            continue
        m = _WORD_NUMBER.match(line)
        if m and len(line) <= MAX_HEADING and reads_as_title(m.group(3).lstrip("*")):
            seen.setdefault(m.group(1), []).append(int(m.group(2)))
            at.setdefault(m.group(1), []).append(k)
    for word, numbers in seen.items():
        climbing = all(b > a for a, b in zip(numbers, numbers[1:], strict=False))
        lines = at[word]
        # text between each and the next: items, not a list of stages inside one item
        # ("Stage 1 – Pre-Draft Consultation" / "Stage 2 – Public Consultation.")
        spoken = all(any(raw[j].strip() for j in range(a + 1, b)) for a, b in zip(lines, lines[1:]))
        if (
            spoken
            and len(numbers) >= MIN_ITEM_WORD_LINES
            and climbing
            and numbers[0] <= 2
            and word.lower() not in _NOT_ITEM_WORDS
            and word.lower() != "item"
        ):
            return word
    return ""


def _candidate(line: str, index: int, word: str) -> Candidate | None:
    """`candidate_at`, a line opening with the file's item word read without it."""
    marks = re.match(r"^(?:#{1,6}\s+|\*\*)?", line)
    at = marks.end() if marks else 0
    if word and line.startswith(word + " ", at):
        rest = line[at + len(word) + 1 :]
        if re.match(r"^\d{1,3}\.\d", rest):
            return None  # "TOP 11.1: Filament abrechnen?": a point of item 11, its text
        return candidate_at(line[:at] + rest, index)  # "1. Begrüßung": a numbered heading
    return candidate_at(line, index)


# a figure alone on its line: a year, a count, an amount or a share ("2013", "17", "€5,000")
_FIGURE = re.compile(rf"^\s*[{re.escape(CURRENCY_SYMBOLS)}]?\s*\d[\d,.]*\s*%?\s*$")


def _table_cell(raw: list[str], cand: Candidate) -> bool:
    """A number alone on its line whose next line is a figure too is a cell of a table
    read line by line ("Year / Road Deaths / 2009 / 23 / ... / 2012 / 5 / 2013 / 6": the
    "5" over "2013" is no item 5 titled "2013"), never a heading whose title is below."""
    if cand.title is not None or not cand.number:
        return False
    after = next((line for line in raw[cand.line + 1 :] if line.strip()), "")
    return bool(_FIGURE.match(plain(after)))


@dataclass(frozen=True)
class Reading:
    """How a file's text was read into items, for `minutes inspect`: its kind
    ("headings", "inline", "run-in", "labels", "unmarked", "resolutions" or "none") and
    why."""

    kind: str
    why: str

    def line(self) -> str:
        return f"reading: {self.kind} ({self.why})"


def _read(doc: Document) -> tuple[list[str], list[Candidate], list[str], Reading]:
    """The lines as read (inline items split, run-in titles put on lines of their own
    where that reading finds more numbered items), the agenda's headings among them, the
    lines without their marks, and which reading it was."""
    original = split_run_on(doc.text.split("\n"))
    raw = split_inline(original)
    heads, lines = _agenda(raw, doc.pages)
    kind = "inline" if raw != original else "headings"
    run_in = split_run_in(raw)
    if run_in != raw:
        # read with run-in headings too: kept where that finds more numbered items
        alt_heads, alt_lines = _agenda(run_in, doc.pages)
        if sum(bool(h.number) for h in alt_heads) > sum(bool(h.number) for h in heads):
            raw, heads, lines, kind = run_in, alt_heads, alt_lines, "run-in"
    labelled = _labelled(raw, heads)
    if labelled:
        raw, heads = labelled
        lines, kind = [plain(line) for line in raw], "labels"
    numbered = sum(bool(h.number) for h in heads)
    if kind == "headings" and any(h.scheme == UNMARKED for h in heads):
        kind = "unmarked"
    why = {
        "headings": f"{_count(len(heads), 'heading')}, none numbered"
        if not numbered
        else f"{_count(numbered, 'numbered heading')}"
        + (f", {len(heads) - numbered} unnumbered" if len(heads) > numbered else ""),
        "inline": f"{_count(numbered, 'numbered item')} run together in long lines",
        "run-in": f"{_count(numbered, 'numbered heading')} run into their paragraphs",
        "labels": f"{_count(len(heads), 'paragraph')} opening with a label",
        "unmarked": f"{_count(sum(not h.number and not h.part for h in heads), 'unmarked heading')}"
        + (f", {numbered} numbered" if numbered else "")
        + ": short lines standing alone between paragraphs",
    }[kind]
    if not heads:
        kind, why = "none", "no agenda headings, no numbered resolutions"
    return raw, heads, lines, Reading(kind, why)


def _field_label(label: str) -> bool:
    """`candidates.field_label`, or a label of the header's ("Officials in attendance",
    "Present in the chair", "Venue")."""
    return field_label(label) or bool(_LABELS.match(label + ":"))


# the headings a label reading may replace: none, or headings the format did not mark
# (lines in capitals, plain short lines); never numbered, '#' or bold headings
_UNMARKED = ("caps", "line", "unmarked")


def _labelled(raw: list[str], heads: list[Candidate]) -> tuple[list[str], list[Candidate]] | None:
    """Minutes with no numbered or marked headings whose paragraphs open with the items'
    labels (`inline.split_labels`: "Apologies: Apologies were received ...", "Minutes: It
    was agreed ...", "APPROVAL OF MINUTES:", "OLD BUSINESS – ..."): the lines with each
    label on its own line, and the labels as the items' headings (the title the label, the
    text the rest), where they are more than the headings found otherwise; a title in
    capitals over the minutes ("CRETE TOWNSHIP REGULAR BOARD OF TRUSTEES MEETING") is then
    the header's, not an item. Attendance labels stay the header's (`_field_label`)."""
    if any(h.scheme not in _UNMARKED for h in heads):
        return None
    found = split_labels(raw, _field_label)
    if not found or (not heads and find_resolutions(raw)):
        return None  # numbered resolutions are the structure of minutes with no headings
    lines, labels = found
    labelled = [Candidate(i, "label", 0, "", title, 0.7) for i, title in labels]
    if len(labelled) <= len(heads):
        return None
    return lines, labelled


def reading(doc: Document) -> Reading:
    """Which reading `segment` chooses for the file, and why."""
    raw, heads, _, chosen = _read(doc)
    if found := resolution_structure(raw, heads):
        resolutions = len(_header_lines(found[1]))
        why = "no agenda headings" if not heads else f"not the {_count(len(heads), 'heading')}"
        return Reading("resolutions", f"{_count(resolutions, 'numbered resolution')}, {why}")
    return chosen


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def segment(doc: Document) -> Meeting:
    raw, heads, lines, _ = _read(doc)
    # the numbered resolutions may be the meeting's structure
    if found := resolution_structure(raw, heads):
        heads = []
    first = heads[0].line if heads else found[0] if found else len(lines)
    header_lines = [plain(line) for line in reflow(raw[:first])]
    header_text = "\n".join(header_lines)
    date, _ = meeting_date(header_text, doc.text, doc.path, doc.hints)
    committee = body_name([ln for ln in header_lines if ln], doc.path, doc.hints)
    items: list[AgendaItem] = []
    finder = PageFinder(doc.pages)
    for k, head in enumerate(heads):
        if head.part:
            continue  # "## New business" over its items: it only ends the item before
        end = heads[k + 1].line if k + 1 < len(heads) else len(lines)
        title, body_start = _title(lines, head, end)
        text = raw[body_start:end]
        heading = lines[head.line].strip()[len(head.reference) :].strip()  # "1. ROLL CALL: ..."
        parts = run_in_text(heading) if head.number and head.title else None
        if parts:  # "1. Election of Chairman David Llewellyn was nominated ...": two parts
            title, text = parts[0], [parts[1], *raw[head.line + 1 : end]]
        if head.reference:  # "99-464 1. ROLL CALL": the roll call's number opens its text
            text = [head.reference, "", *text]
        if head.scheme == UNMARKED and (rest := label_text(lines[head.line], title)):
            text = [rest, *raw[head.line + 1 : end]]  # "Minutes: March minutes approved"
        body_lines = [plain(line) for line in reflow(text)]
        page = finder.page_of(raw[head.line : body_start + 1], raw[head.line : body_start])
        items.append(_make_item(head.number, title, body_lines, page))
    for unit in found[1] if found else []:
        body_lines = [plain(ln) for ln in reflow(list(unit.lines))]
        item = _make_item(unit.number, unit.title, body_lines, finder.page_of(list(unit.lines[:1])))
        items.append(replace(item, decisions=(unit.decision,)) if unit.decision else item)
    if not items:
        body_lines = [plain(line) for line in reflow(raw[first:] if first < len(raw) else raw)]
        items.append(_make_item(WHOLE_DOCUMENT, "Minutes (no agenda items found)", body_lines))
    return Meeting(
        committee=committee or UNKNOWN_BODY,
        date=date,
        source=str(doc.path),
        content_hash=doc.content_hash,
        attendance=attendance(header_lines),
        items=tuple(items),
        kind=meeting_kind(header_text, doc.path, doc.hints),
        url=doc.hints.url,
    )
