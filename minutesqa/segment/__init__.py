"""Stage 2: split one meeting's text into its header (body, kind, date, attendance) and its
agenda items (number as printed, title, body, decisions, restricted flag).

The parts: `headings` finds the items' headings (numbered or not), `header` reads
attendance and the kind of meeting from what comes before them, `body_names` the body's
name, `held_date` the date, `decisions` reads what each item
decided. This module puts them together and cuts the text at the headings."""

from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

from minutesqa.lexicon import BODY_NOUNS, CURRENCY_SYMBOLS, MEETING_WORDS
from minutesqa.models import AgendaItem, Document, Meeting
from minutesqa.segment.body_names import body_name, named_in_text
from minutesqa.segment.candidates import (
    ATTENDANCE_HEADING,
    Candidate,
    candidate_at,
    field_label,
    plain,
    reads_as_title,
)
from minutesqa.segment.decisions import LIST_ITEM, extract_decisions, is_restricted
from minutesqa.segment.header import attendance, meeting_kind
from minutesqa.segment.headings import CHAIN_ONLY, choose_agenda
from minutesqa.segment.held_date import meeting_date
from minutesqa.segment.inline import run_in_text, split_inline, split_labels, split_run_in
from minutesqa.segment.resolutions import find_resolutions
from minutesqa.segment.unnumbered import plain_headings

WHOLE_DOCUMENT = "document"  # item number used when no agenda items can be found
UNKNOWN_BODY = "Unknown committee"

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


def _agenda(raw: list[str]) -> tuple[list[Candidate], list[str]]:
    """The agenda's headings among the lines, and the lines without their marks."""
    cands = [c for i, line in enumerate(raw) if line and (c := candidate_at(line, i))]
    cands = [c for c in cands if not _table_cell(raw, c)]
    following = _text_after(raw, cands)
    heads = choose_agenda(cands, following, len(raw), raw) or plain_headings(raw)
    heads = _drop_attendance_headings(heads)
    lines = [plain(line) for line in raw]
    return _titled_out_of_order(heads, lines), lines


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
    ("headings", "inline", "run-in", "resolutions" or "none") and why."""

    kind: str
    why: str

    def line(self) -> str:
        return f"reading: {self.kind} ({self.why})"


def _read(doc: Document) -> tuple[list[str], list[Candidate], list[str], Reading]:
    """The lines as read (inline items split, run-in titles put on lines of their own
    where that reading finds more numbered items), the agenda's headings among them, the
    lines without their marks, and which reading it was."""
    original = doc.text.split("\n")
    raw = split_inline(original)
    heads, lines = _agenda(raw)
    kind = "inline" if raw != original else "headings"
    run_in = split_run_in(raw)
    if run_in != raw:
        # read with run-in headings too: kept where that finds more numbered items
        alt_heads, alt_lines = _agenda(run_in)
        if sum(bool(h.number) for h in alt_heads) > sum(bool(h.number) for h in heads):
            raw, heads, lines, kind = run_in, alt_heads, alt_lines, "run-in"
    labelled = _labelled(raw, heads)
    if labelled:
        raw, heads = labelled
        lines, kind = [plain(line) for line in raw], "labels"
    numbered = sum(bool(h.number) for h in heads)
    why = {
        "headings": f"{_count(len(heads), 'heading')}, none numbered"
        if not numbered
        else f"{_count(numbered, 'numbered heading')}"
        + (f", {len(heads) - numbered} unnumbered" if len(heads) > numbered else ""),
        "inline": f"{_count(numbered, 'numbered item')} run together in long lines",
        "run-in": f"{_count(numbered, 'numbered heading')} run into their paragraphs",
        "labels": f"{_count(len(heads), 'paragraph')} opening with a label",
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
_UNMARKED = ("caps", "line")


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
    if not heads and (found := find_resolutions(raw)):
        resolutions = sum(bool(u.number) for u in found[1])
        return Reading(
            "resolutions", f"{_count(resolutions, 'numbered resolution')}, no agenda headings"
        )
    return chosen


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def segment(doc: Document) -> Meeting:
    raw, heads, lines, _ = _read(doc)
    # no agenda headings at all: the numbered resolutions may be the meeting's structure
    found = None if heads else find_resolutions(raw)
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
        parts = run_in_text(lines[head.line]) if head.number and head.title else None
        if parts:  # "1. Election of Chairman David Llewellyn was nominated ...": two parts
            title, text = parts[0], [parts[1], *raw[head.line + 1 : end]]
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


def settle_bodies(
    meetings: list[Meeting], known: dict[str, Counter[str]] | None = None
) -> list[Meeting]:
    """One body, one name: a meeting whose header names no body takes the name its folder's
    other meetings give (`known`: names already indexed, by folder), else the body its own
    text names most often."""
    by_folder: dict[str, Counter[str]] = defaultdict(Counter)
    for folder, names in (known or {}).items():
        by_folder[folder].update(names)
    for m in meetings:
        if m.committee != UNKNOWN_BODY:
            by_folder[str(Path(m.source).parent)][m.committee] += 1
    aliases = {f: _aliases(names) for f, names in by_folder.items()}
    out: list[Meeting] = []
    for m in meetings:
        seen = by_folder.get(str(Path(m.source).parent))
        alias = aliases.get(str(Path(m.source).parent), {})
        if m.committee in alias:
            m = replace(m, committee=alias[m.committee])
        generic = len(m.committee.split()) == 1  # "Board": the folder's fuller name for it
        if generic and seen:
            fuller = [
                n for n in seen if m.committee.lower() in n.lower().split() and n != m.committee
            ]
            if fuller:
                m = replace(m, committee=max(fuller, key=lambda n: seen[n]))
        if m.committee == UNKNOWN_BODY:
            text = "\n".join(f"{i.title}\n{i.body}" for i in m.items)
            name = _folder_name_for(text, seen) if seen else named_in_text(text)
            m = replace(m, committee=name or UNKNOWN_BODY)
        named = folder_body(Path(m.source).parent)
        if named and _completes(m.committee, named):
            m = replace(m, committee=named)
        out.append(m)
    return out


def unsettled(name: str) -> bool:
    """A meeting's body name that `settle_bodies` may still complete once its folder is
    read: none (UNKNOWN_BODY), one word ("Board", "Council") or initials ("SC")."""
    return name == UNKNOWN_BODY or len(name.split()) == 1


# words of a folder's name that say what it holds, not whose it is ("minutes", "2023")
_FOLDER_WORDS = frozenset(
    "minutes minute meetings meeting docs documents files archive pdf".split()
)
_BODY_NOUN_WORDS = frozenset(n for n in BODY_NOUNS if " " not in n and "-" not in n)


def folder_body(folder: Path) -> str:
    """The body a folder's name names, for meetings whose text names none or only its
    kind ("Council", "Committee", "SC"): "rust-leadership-council" -> "Rust Leadership
    Council", "Planning Committee minutes" -> "Planning Committee"; a folder named only
    by a body's kind ("Committee") within a folder naming its organisation
    ("perth-artifactory") -> "Perth Artifactory Committee". "" where the name holds no
    organisational noun (lexicon.BODY_NOUNS) or holds digits (a meeting's own folder:
    "20-Monthly Meeting of ...")."""
    words = _folder_words(folder.name)
    if not words or not any(w.lower() in _BODY_NOUN_WORDS for w in words):
        return ""
    if len(words) == 1 and (outer := _folder_words(folder.parent.name)):
        if not any(w.lower() in _BODY_NOUN_WORDS for w in outer):
            words = outer + words
    return " ".join(words)


def _folder_words(name: str) -> list[str]:
    if re.search(r"\d", name):
        return []
    words = [w for w in re.split(r"[-_\s]+", name) if w and w.lower() not in _FOLDER_WORDS]
    if any(w.lower() in MEETING_WORDS for w in words):
        return []
    slug = name == name.lower()
    return [w.capitalize() if slug else w for w in words]


def _completes(found: str, folder: str) -> bool:
    """`folder`'s name is the fuller name of the body `found` names: `found` is no name
    (UNKNOWN_BODY), the bare kind the folder's name ends in ("Council" in "Rust
    Leadership Council"), or the initials of its last words ("SC": "... Steering
    Committee")."""
    if found == UNKNOWN_BODY:
        return True
    words = folder.split()
    if found.lower() in _BODY_NOUN_WORDS:
        return words[-1].lower() == found.lower()
    if found.isupper() and 2 <= len(found) <= 5 and len(found) <= len(words):
        return "".join(w[0] for w in words[-len(found) :]).upper() == found
    return False


def _folder_name_for(text: str, seen: Counter[str]) -> str:
    """Of the names a folder's meetings give, the one whose own word pairs (those no other
    name of the folder has: "fair oaks" beside "juan unified") this meeting's text uses
    most; the folder's commonest name when it uses none (a folder may hold several bodies)."""
    low = " ".join(re.findall(r"[a-z0-9]+", text.lower()))
    pairs = {n: _word_pairs(n) for n in seen}
    uses = {}
    for name, mine in pairs.items():
        others = set().union(*(p for o, p in pairs.items() if o != name))
        uses[name] = sum(low.count(pair) for pair in mine - others)
    best = max(seen, key=lambda n: (uses[n], seen[n], n))
    return best if uses[best] else seen.most_common(1)[0][0]


def _word_pairs(name: str) -> set[str]:
    words = re.findall(r"[a-z0-9]{2,}", name.lower())  # "director's": no lone "s"
    return {f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if len(a + b) > 5}


def _name_words(name: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", name.lower().replace("&", " and "))
    return frozenset(w for w in words if w not in ("of", "the", "and", "s"))


def _aliases(names: Counter[str]) -> dict[str, str]:
    """Spellings of one body within a folder: "X & Y Committee" / "X and Y Committee" take
    the commoner spelling; a name whose words all sit in exactly one fuller name of the
    folder ("Board of Directors" beside "Regional Transportation District Board of
    Directors") takes that name."""
    out: dict[str, str] = {}
    by_words: dict[frozenset[str], list[str]] = defaultdict(list)
    for name in names:
        by_words[_name_words(name)].append(name)
    canonical = {
        words: max(group, key=lambda n: (names[n], n)) for words, group in by_words.items()
    }
    for words, group in by_words.items():
        fuller = [w for w in canonical if words < w]
        target = canonical[fuller[0]] if len(fuller) == 1 else canonical[words]
        for name in group:
            if name != target:
                out[name] = target
    return out


def _text_after(raw: list[str], cands: list[Candidate]) -> dict[int, int]:
    """For each candidate, the count of non-blank lines before the next candidate."""
    out: dict[int, int] = {}
    for k, c in enumerate(cands):
        end = cands[k + 1].line if k + 1 < len(cands) else len(raw)
        out[c.line] = sum(1 for line in raw[c.line + 1 : end] if line.strip())
    return out


def _drop_attendance_headings(heads: list[Candidate]) -> list[Candidate]:
    """Unnumbered "Present" / "Apologies" headings at the top are the header's."""
    k = 0
    while k < len(heads) and not heads[k].number and ATTENDANCE_HEADING.match(heads[k].title or ""):
        k += 1
    return heads[k:]


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
    if c is None or c.scheme in CHAIN_ONLY:
        return False
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
