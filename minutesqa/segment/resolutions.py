"""Resolution-style minutes: no agenda headings at all, the meeting a run of numbered
resolutions ("R2023-169 D. Yemm, T. Butler:", "#001-01-15 – L. Fields – B. Case",
"2017-060 Alkenbrack – Erskine", "Motion No. C120627 -2" over "Moved by Evans, Seconded
by Crawford", "CR2019-138" over "Moved By ..." and "Seconded By ..." lines) each over its
text ("THAT the minutes ... be adopted as published. CARRIED"), with unnumbered matter
paragraphs between them ("Council received a Staff Report on ...", "Councillor Parker
reported on ..."). Common in Ontario townships, US villages and small boards.

`find_resolutions` reads such a file as its units: each resolution, cited by its number as
printed, with its mover, seconder and outcome as its decision, and each matter paragraph
between resolutions as a unit of its own (no number, its opening words as title).
`segment` asks for this reading only where the agenda reading finds no headings at all:
in minutes with agenda items, resolutions stay decisions of their items."""

from __future__ import annotations

import re
from dataclasses import dataclass

from minutesqa.clip import clip_at_word
from minutesqa.decision import Decision
from minutesqa.segment.decisions import outcome_of
from minutesqa.segment.resolution_forms import (
    MOVED_BY,
    follows_header,
    labelled_number,
    noisy_outcome,
    page_mark,
    without_margin,
)
from minutesqa.segment.run_in import lead_title

MIN_RESOLUTIONS = 3  # numbered resolutions a file needs before they are its structure
MIN_CLIMBING = 2 / 3  # share of steps from one resolution to the next whose number climbs

# the number, with or without its label: "Resolution No. 2019-72", "Motion 12",
# "RES-2023-15", "#001-01-15", "R2023-169", "2017-060", "Motion 228/2024", "CR2019-138"
_LABEL = r"(?i:(?:council\s+)?(?:resolution|motion|res\.?)(?:\s*(?:no\.?|number|#))?)\s*:?\s*"
_HEAD = re.compile(
    rf"^\s*(?:(?P<label>{_LABEL})|(?P<hash>#)\s*)?"
    r"(?P<number>(?:[A-Z]{1,4}-?)?\d{1,8}(?:\s?(?:[-/]{1,2}|\.)\s?\d{1,4}){0,2})"
    r"(?![\d/.-]*\d)(?P<rest>.*)$"
)
_NAME = (
    r"(?:(?:Councillor|Cllr\.?|Mayor|Deputy\s+Mayor|Reeve|Deputy\s+Reeve|Trustee|Member|"
    r"Warden|Deputy\s+Warden|Commissioner|Director)\s+)?"
    r"(?:[A-Z]\.\s*){0,2}[A-Z][A-Za-z'’]+(?:-[A-Z][A-Za-z'’]+)?"
)
# "– L. Fields – B. Case", "D. Yemm, T. Butler:", "Alkenbrack – Erskine", "Hall/Patterson"
_PAIR = re.compile(
    rf"^\s*[–—-]?\s*(?P<mover>{_NAME})\s*(?:[–—-]|,|/|&|\band\b)\s*(?P<seconder>{_NAME})\s*:?\s*$"
)
_UNTIL_TEXT = r"(?=\s*[,;“\"]|\s*$|\s+(?i:that)\b)"  # a name ends at a comma, a quote, "that"
_MOVED = re.compile(
    rf"^\W*{MOVED_BY}\s*:?\s*(?P<mover>.+?)"
    rf"(?:,?\s*(?i:seconded\s+by)\s*:?\s*(?P<seconder>.+?))?{_UNTIL_TEXT}"
)
_SECONDED = re.compile(rf"^\W*(?i:seconded\s+by)\s*:?\s*(?P<seconder>.+?){_UNTIL_TEXT}")
_PASSED_AS = re.compile(r"^\s*(?i:was\s+(?:passed|carried|adopted))\b")
# a resolution's own words open: "THAT", "BE IT RESOLVED", "WHEREAS", "RESOLVED", a quote
_OPENS = re.compile(
    r"^\W{0,3}(?:THAT|That|that|BE\s+IT|Be\s+it|WHEREAS|Whereas|RESOLVED|Resolved|NOW\s+THEREFORE)\b"
)
_FORMULA = re.compile(
    r"^\W{0,3}(?:(?:BE\s+IT|Be\s+it)\s+(?:FURTHER\s+|further\s+)?(?:RESOLVED|resolved)\s+"
    r"(?:THAT|that)|(?:RESOLVED|Resolved)\s*,?\s*(?:THAT|that)|THAT|That|that)\s+"
)
_OUTCOME_WORD = r"(?:CARRIED|Carried|DEFEATED|Defeated|LOST|Lost|PASSED|Passed|FAILED|Failed)"
# a line that is, or ends with, the meeting's outcome: "CARRIED", "be accepted. CARRIED.",
# "Motion Carried Unanimously, By All Members Present", "Carried (9 to 0)", "DEFEATED 2-3"
_ENDS_WITH_OUTCOME = re.compile(
    rf"(?:^|[.!?;:”\"’)]\s+)[\"“']?(?:(?:THE\s+|The\s+)?(?:MOTION|Motion)\s+)?{_OUTCOME_WORD}"
    r"(?:\s+(?:UNANIMOUSLY|[Uu]nanimously|AS\s+AMENDED|[Aa]s\s+[Aa]mended))?"
    r"(?:,?\s*[Bb]y\s+[Aa]ll\s+[Mm]embers\s+[Pp]resent|\s*\(?\d{1,2}\s*(?:-|–|/|to)\s*\d{1,2}\)?)?"
    r"[\"”']?\s*\.?\s*$"
)
_SENTENCE_END = re.compile(r"[.!?][”\"’)]?\s*$")


def _outcome_line(line: str) -> bool:
    """A line that is, or ends with, the meeting's outcome (`_ENDS_WITH_OUTCOME`), or an
    outcome line with OCR noise about it (`resolution_forms.noisy_outcome`)."""
    return bool(_ENDS_WITH_OUTCOME.search(line.strip())) or noisy_outcome(line) is not None


@dataclass(frozen=True)
class Unit:
    """One unit of resolution-style minutes: a resolution (its number as printed, its
    decision) or a matter paragraph between resolutions (no number, no decision of its
    own here: segment reads the paragraph's decisions as any item's)."""

    number: str
    title: str
    lines: tuple[str, ...]
    decision: Decision | None = None
    line: int = -1  # a resolution's header line in the lines read (-1: a matter paragraph)


@dataclass(frozen=True)
class Header:
    line: int
    number: str
    mover: str
    seconder: str
    moved: str  # the header's "Moved by ..." words as printed, where it has them
    text_start: int  # the line the resolution's own words start on
    first_text: str  # the header's remainder that already holds them, else ""
    outcome: str = ""  # the outcome the header states ("was defeated as follows:"), else ""


def _head_parts(line: str) -> tuple[str, str, str, str] | None:
    """A header line's number, the rest after it, the outcome it states and the words
    after its "as follows:" (`_HEAD`'s clean forms, else `resolution_forms`' OCR'd and
    running-text ones), or None where the line opens with no resolution number."""
    m = _HEAD.match(line)
    if m:
        number, rest = m.group("number"), m.group("rest")
        marked = m.group("label") or m.group("hash") or re.match(r"[A-Z]", number)
        if marked or re.search(r"\d\s?[-/]{1,2}\s?\d", number):
            if _PAIR.match(rest) or _MOVED.match(rest) or not rest.strip(" :.–—-"):
                return number, rest, "", ""
            if _PASSED_AS.match(rest):
                follows = follows_header(line)
                return number, rest, *(follows[1:] if follows else ("", ""))
    if follows := follows_header(line):
        return follows[0], "", follows[1], follows[2]
    if labelled := labelled_number(line):
        return labelled[0], labelled[1], "", ""
    return None


def header_at(lines: list[str], i: int) -> Header | None:
    """The resolution header on line i, or None: a resolution number (with its label, a
    '#', a letter prefix or a separator inside it: never a bare '3') followed by the mover
    and seconder, "Moved by ...", "was passed as follows:" or nothing, and then the
    resolution's own words ("THAT ...", "BE IT RESOLVED ...") on that line or the next."""
    parts = _head_parts(lines[i])
    if parts is None:
        return None
    number, rest, outcome, first_text = parts
    mover = seconder = moved = ""
    source = i  # the line the header's last part is on
    j = _next_text(lines, i + 1)
    after = lines[j].strip() if j < len(lines) else ""
    if pair := _PAIR.match(rest):
        mover, seconder = pair.group("mover"), pair.group("seconder")
    elif moved_by := _MOVED.match(rest):
        mover, seconder = moved_by.group("mover"), moved_by.group("seconder") or ""
        moved = rest[: moved_by.end()].strip(" ,;:.–—-")
        first_text = rest[moved_by.end() :].strip(" ,;:")
    elif not first_text and not rest.strip(" :.–—-") and (moved_by := _MOVED.match(after)):
        # the number alone over "Moved by X, Seconded by Y"
        mover, seconder = moved_by.group("mover"), moved_by.group("seconder") or ""
        moved = after[: moved_by.end()].strip(" ,;:–—-")
        first_text = after[moved_by.end() :].strip(" ,;:")
        source, j = j, _next_text(lines, j + 1)
        after = lines[j].strip() if j < len(lines) else ""
    if mover and not seconder and not first_text and (second := _SECONDED.match(after)):
        # "Moved By X" and "Seconded By Y" on lines of their own (eSCRIBE minutes)
        seconder = second.group("seconder")
        moved = f"{moved}, {after[: second.end()].strip(' ,;:–—-')}"
        first_text = after[second.end() :].strip(" ,;:")
        source, j = j, _next_text(lines, j + 1)
        after = lines[j].strip() if j < len(lines) else ""
    if not _OPENS.match(without_margin(first_text or after)):
        return None
    text_start = source + 1 if first_text else j
    number = number.replace(" ", "")
    return Header(i, number, mover, seconder, moved, text_start, first_text, outcome)


def _next_text(lines: list[str], j: int) -> int:
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j


def _climbs(heads: list[Header]) -> bool:
    """The resolutions' numbers climb through the meeting: the part of the number that
    takes the most values ("001" in "#001-01-15", "169" in "R2023-169") rises at
    MIN_CLIMBING of the steps or more (among the numbers still legible)."""
    parts = [[int(d) for d in re.findall(r"\d+", h.number)] for h in heads]
    parts = [p for p in parts if p]  # a number the OCR lost ("") takes no step
    if len(parts) < 2:
        return True
    width = max(len(p) for p in parts)
    parts = [p + [0] * (width - len(p)) for p in parts]
    distinct = [len({p[k] for p in parts}) for k in range(width)]
    k = max(range(width), key=lambda c: (distinct[c], c))
    steps = list(zip(parts, parts[1:], strict=False))
    return sum(b[k] > a[k] for a, b in steps) >= MIN_CLIMBING * len(steps)


def _heads(lines: list[str]) -> list[Header]:
    out: list[Header] = []
    for i, line in enumerate(lines):
        if line.strip() and (head := header_at(lines, i)) is not None:
            if out and i < out[-1].text_start:
                continue
            out.append(head)
    return out


def find_resolutions(lines: list[str]) -> tuple[int, list[Unit]] | None:
    """The units of resolution-style minutes (and the line the first resolution is on:
    what is before it is the header), or None where the lines hold fewer than
    MIN_RESOLUTIONS resolution headers or their numbers do not climb."""
    heads = _heads(lines)
    if len(heads) < MIN_RESOLUTIONS or not _climbs(heads):
        return None
    blocks = []
    for k, head in enumerate(heads):
        end = heads[k + 1].line if k + 1 < len(heads) else len(lines)
        blocks.append((head, end))
    # where most resolutions print their outcome, each ends at its outcome line
    with_outcome = sum(
        any(_outcome_line(ln) for ln in lines[h.text_start : end]) or _outcome_line(h.first_text)
        for h, end in blocks
    )
    outcomes = with_outcome * 2 >= len(blocks)
    units: list[Unit] = []
    for head, end in blocks:
        stop = _resolution_end(lines, head, end, outcomes)
        text_lines = [ln.strip() for ln in lines[head.text_start : stop] if ln.strip()]
        if head.first_text:
            text_lines = [head.first_text, *text_lines]
        units.append(_resolution(head, text_lines))
        units.extend(_matters(lines[stop:end]))
    return heads[0].line, units


def _resolution_end(lines: list[str], head: Header, end: int, outcomes: bool) -> int:
    """Where a resolution's words end: at its outcome line, where the file prints
    outcomes; else (or where this one prints none) at the end of its first paragraph, or,
    in text with no blank lines, at its first line that ends a sentence."""
    if head.first_text and outcomes and _outcome_line(head.first_text):
        return head.text_start
    if head.first_text and not outcomes and _SENTENCE_END.search(head.first_text):
        return head.text_start  # the words whole on the header's line
    if outcomes:
        for i in range(head.text_start, end):
            if _outcome_line(lines[i]):
                return i + 1
    i = head.text_start
    while i < end and lines[i].strip():
        if _SENTENCE_END.search(lines[i]) and not (
            i + 1 < end and re.match(r"^\s*(?:AND|And|[a-z])", lines[i + 1])
        ):
            return i + 1
        i += 1
    return i


def _resolution(head: Header, text_lines: list[str]) -> Unit:
    """A resolution's unit: titled by its own words' opening phrase without the formula
    ("THAT", "BE IT RESOLVED THAT"), a margin label or the outcome; its decision the
    number, the mover and seconder and its words, labelled with the printed outcome (the
    header's, "was defeated as follows:"; [resolved] where it prints none: a numbered
    resolution in the minutes is one the meeting made)."""
    if text_lines:
        text_lines = [without_margin(text_lines[0]), *text_lines[1:]]
    text = " ".join(text_lines)
    end = _ENDS_WITH_OUTCOME.search(text)
    noisy = None if end else noisy_outcome(text)
    words = text[: end.start() + 1].strip() if end else text[: noisy[0]] if noisy else text
    words = _FORMULA.sub("", words.strip(" \"“”'"), count=1).strip(' "“”') or words
    title = _title(words[:1].upper() + words[1:]) if words else ""
    stated = end.group(0) if end else noisy[1] if noisy else head.outcome
    result = outcome_of(stated) if stated else None
    who = head.moved or (
        f"Moved by {head.mover}, seconded by {head.seconder}" if head.mover else ""
    )
    full = text
    cited = " ".join(part for part in (head.number, who) if part)
    decision = clip_at_word(f"{cited}: {full}" if cited else full, 600)
    outcome, tally = result if result else ("resolved", "")
    return Unit(
        head.number,
        title or head.number,
        tuple(text_lines),
        Decision(decision, outcome, tally),
        head.line,
    )


def _title(text: str) -> str:
    """Its opening phrase (`lead_title`), the whole of it where it is one short sentence."""
    return lead_title(text.strip() + " ").rstrip(" .,;:")


def _matters(lines: list[str]) -> list[Unit]:
    """Each paragraph between resolutions, a unit titled by its opening words (a page's
    running header or footer is none: `resolution_forms.page_mark`)."""
    units: list[Unit] = []
    para: list[str] = []
    for line in [*lines, ""]:
        if line.strip() and page_mark(line):
            continue
        if line.strip():
            para.append(line.strip())
        elif para:
            text = " ".join(para)
            units.append(Unit("", _title(text.lstrip(" .,;:~-–")), tuple(para)))
            para = []
    return units
