"""Cutting a meeting's text into its items at the chosen headings: lines a PDF export
wrapped joined again (`reflow`), a heading's title read whole over the lines it wraps onto
(`_title`), the PDF page each item starts on (`PageFinder`), and an item made of its
lines, with its decisions (`_make_item`)."""

from __future__ import annotations

import functools
import re

from minutesqa.models import AgendaItem
from minutesqa.segment.candidates import (
    ATTENDANCE_HEADING,
    Candidate,
    candidate_at,
    comma_for_stop,
    reads_as_title,
)
from minutesqa.segment.decisions import LIST_ITEM, extract_decisions, is_restricted
from minutesqa.segment.headings import CHAIN_ONLY

_LABELS = re.compile(
    r"^(?:members\s+present|present(?:\s+in\s+the\s+chair)?|in\s+the\s+chair|officers|"
    r"officials(?:\s+in\s+attendance|\s+present)?|also\s+(?:in\s+attendance|present)|"
    r"in\s+attendance|apologies(?:\s+for\s+absence)?|venue|contact|proposed\s+by|"
    r"seconded\s+by|and\s+resolved|resolved|agreed)\b\s*:",
    re.IGNORECASE,
)
# a decision's block label opening the line after a heading ("APOLOGIES" over "RESOLUTION
# 2023/45", "OFFICER RECOMMENDATION", "COUNCIL DECISION", "MOTION"): never the title's
# second line, though both are in capitals (report items in Australian, New Zealand and
# UK council minutes)
_BLOCK_LABEL = re.compile(
    r"^(?:(?:council|committee|officers?'?s?|staff|substantive|amended)\s+)?"
    r"(?:resolution|motion|recommendation|decision)s?\b(?!\s+(?:of|on|to|for|from|re)\b)",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"(?:[.;:!?\"”’)]|:-)$")
_BULLET = re.compile(r"^(?:[-•–·*●▪◦]|\(?[a-z0-9]{1,3}\)|[ivx]{1,4}\.)\s")


def _text_after(raw: list[str], cands: list[Candidate]) -> dict[int, int]:
    """For each candidate, the count of non-blank lines before the next candidate."""
    out: dict[int, int] = {}
    for k, c in enumerate(cands):
        end = cands[k + 1].line if k + 1 < len(cands) else len(raw)
        out[c.line] = sum(1 for line in raw[c.line + 1 : end] if line.strip())
    return out


# the meeting's own title wrapped over lines in capitals above its attendance ("MINUTES OF
# PROCEEDINGS AT SPECIAL MEETING OF LIMERICK CITY AND" / "COUNTY COUNCIL HELD IN THE
# COUNCIL CHAMBER, ..."): where it was held, the header's; a line of its date ("2019 AT
# 3.30 P.M.", "THURSDAY, 7TH JUNE, 2018 AT 10.00 A.M.") only above a header's heading
HEADER_TITLE = re.compile(r"^minutes\s+of\s+proceedings\b|\bheld\s+(?:in|at|on)\b", re.IGNORECASE)
HEADER_DATE = re.compile(r"\b(?:19|20)\d{2}\b|\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b", re.I)


def _header_heading(title: str) -> bool:
    """An attendance heading ("Present", "Apologies", "MEMBERS PRESENT") or a header's
    label ("OFFICIALS IN ATTENDANCE", "PRESENT IN THE CHAIR": Irish councils' minutes,
    Limerick's and Sligo's)."""
    return bool(ATTENDANCE_HEADING.match(title) or _LABELS.match(title.rstrip(":") + ":"))


def _drop_attendance_headings(heads: list[Candidate]) -> list[Candidate]:
    """Unnumbered "Present" / "Apologies" headings at the top are the header's (and header
    labels, `_header_heading`), as are the lines of the meeting's title above them
    (`HEADER_TITLE`; its date's lines, `HEADER_DATE`, where a header's heading follows)."""
    k = end = 0
    while k < len(heads) and not heads[k].number:
        title = heads[k].title or ""
        if _header_heading(title) or (HEADER_TITLE.search(title) and end == k):
            end = k + 1
        elif not (HEADER_TITLE.search(title) or HEADER_DATE.search(title)):
            break
        k += 1
    return heads[end:]


# a signature block's lines below the signer's post: "Date:", "Signed:", the lines drawn
# to sign on ("\\_\\_\\_ ..." in a Markdown export, "______", ".........")
_SIGNATURE_LINE = re.compile(r"^(?:(?:signed|dated?)\b\s*:?)?[\s\\_.…-]*$", re.IGNORECASE)


def _drop_signature(heads: list[Candidate], raw: list[str]) -> list[Candidate]:
    """The last heading where it is the signer's post of a signature block ("Signed:" /
    "\\_\\_\\_" / "**Mayor**" / "Date:" / "\\_\\_\\_"; "**Príomh Chomhairleoir**", the same
    in Limerick's minutes each year): unnumbered, nothing after it but the block's lines
    (`_SIGNATURE_LINE`), "Date:" among them. It closes the item before it."""
    if not heads or heads[-1].number:
        return heads
    after = [line.strip() for line in raw[heads[-1].line + 1 :] if line.strip()]
    dated = any(re.match(r"^dated?\b", line, re.IGNORECASE) for line in after)
    if dated and all(_SIGNATURE_LINE.match(line) for line in after):
        return heads[:-1]
    return heads


# --- line reflow ---------------------------------------------------------------------------


def reflow(lines: list[str]) -> list[str]:
    """Join lines that a PDF export wrapped mid-sentence (often with a blank line between),
    keeping headings, labels and bullets on their own lines."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        out.append(line)
        i += 1
        while out[-1]:
            j = i
            if j < len(lines) and not lines[j]:
                j += 1  # one blank line may sit inside a wrapped sentence
            if j >= len(lines) or not lines[j]:
                break
            a, b = out[-1], lines[j]
            if not _continues(a, b):
                break
            out[-1] = f"{a} {b}"
            i = j + 1
    return out


@functools.lru_cache(maxsize=8192)  # reflow asks of each line twice (as `b`, then as `a`)
def _is_heading(line: str) -> bool:
    c = candidate_at(line, 0)
    if c is None or c.scheme in CHAIN_ONLY or comma_for_stop(line):
        return False  # a comma for the stop heads an item where it chains, breaks no line
    return bool(c.number) or c.scheme.startswith("h") or c.scheme == "bold"


def _continues(a: str, b: str) -> bool:
    if a.startswith(("#", "**")) or b.startswith(("#", "**")):
        return False  # a heading the format marked is a line of its own
    if _TERMINAL.search(a) or _is_heading(a) or _is_heading(b):
        return False
    if _LABELS.match(b) or _BULLET.match(b) or b[0] in "-•–·*●▪(":
        return False
    if b[0].islower():
        return True
    return len(a) >= 60 and not a.isupper()


def _titled_out_of_order(heads: list[Candidate], lines: list[str]) -> list[Candidate]:
    """An item taken out of order stays one only where its title reads as a title: a bare
    "7" over a sentence ("the Department of ...") is a page number or a wrapped figure."""
    kept: list[Candidate] = []
    for k, head in enumerate(heads):
        if head.out_of_order:
            end = heads[k + 1].line if k + 1 < len(heads) else len(lines)
            if not reads_as_title(_title(lines, head, end)[0]):
                continue
        kept.append(head)
    return kept


def _title(lines: list[str], head: Candidate, end: int) -> tuple[str, int]:
    i = head.line + 1
    if head.title is not None:
        title = head.title
        if not head.number:
            return title.strip().rstrip(":").strip(), i  # a marked heading is whole
    else:
        while i < end and not lines[i]:
            i += 1
        if i >= end:
            return "", i
        title = lines[i]
        i += 1
    # a title broken over two or more lines
    last = title  # the last printed line of the title
    while i < end and not _TERMINAL.search(title) and len(title) < 300:
        j = i
        blank = j < end and not lines[j]
        if blank:
            j += 1
        if j >= end or not lines[j] or _is_heading(lines[j]) or _LABELS.match(lines[j]):
            break
        if _BLOCK_LABEL.match(lines[j]):
            break
        nxt = lines[j]
        both_caps = title.isupper() and nxt.isupper() and len(nxt.split()) <= 8
        dangling = re.search(r"\b(?:and|of|the|to|for|in|on|&|-|–|with)$", title, re.IGNORECASE)
        # a long line wrapped at the page width onto a line that is still in title case
        wrapped = not blank and len(last) >= 60 and _title_case(nxt) and not nxt.endswith(".")
        short = len(title) < 150
        if wrapped or (short and (both_caps or (not blank and (nxt[0].islower() or dangling)))):
            title, last = f"{title} {nxt}", nxt
            i = j + 1
        else:
            break
    return title.strip().rstrip(":").strip(), i


def _title_case(text: str) -> bool:
    """Most words of four letters or more start with a capital: a heading's words."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if len(w) >= 4]
    return len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


class PageFinder:
    """The PDF page each item starts on: its heading lines (with the first line after
    them, where they fit on one page) found in the pages in order, from the page of the
    item before. Letters and digits only are compared, so spacing and bold marks do not
    matter. No pages (not a PDF): 0."""

    KEY = 80  # characters of the heading compared

    def __init__(self, pages: tuple[str, ...]) -> None:
        self.pages = [_squash(p) for p in pages]
        self.at = 0

    def page_of(self, *keys: list[str]) -> int:
        for lines in keys:
            key = _squash("\n".join(lines))[: self.KEY]
            if not key:
                continue
            for p in range(self.at, len(self.pages)):
                if key in self.pages[p]:
                    self.at = p
                    return p + 1
        return 0


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def _make_item(number: str, title: str, body_lines: list[str], page: int = 0) -> AgendaItem:
    body = "\n".join(body_lines).strip()
    body = re.sub(r"\n{3,}", "\n\n", body)
    # a PDF's text often has no blank lines: a line opening "AGREED" starts a paragraph anyway
    parts = re.split(r"\n\s*\n|\n(?=(?:AGREED|RESOLVED|DECIDED)\b)", body)
    paragraphs = [p.strip() for p in parts if p.strip()]
    paragraphs = [re.sub(r"\s*\n\s*", " ", p) if not LIST_ITEM.match(p) else p for p in paragraphs]
    return AgendaItem(
        number=number,
        title=title,
        body=body,
        decisions=extract_decisions(paragraphs),
        restricted=is_restricted(title, body),
        page=page,
    )
