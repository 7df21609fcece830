"""Headings that carry no number: the shallowest Markdown/HTML/DOCX heading level used
twice, its containers opened (`_marked_headings`), a Markdown agenda part whose list is not
the minutes' (`_in_an_agenda_part`), and plain short title-shaped lines in text with no
marks at all (`plain_headings`)."""

from __future__ import annotations

import re
from dataclasses import replace

from minutesqa.segment.candidates import (
    _LABEL,
    ATTENDANCE_HEADING,
    Candidate,
    read_line,
    reads_as_title,
)

# A marked level with fewer topical headings than this may be the document's parts ("##
# Agenda", "## Notes") rather than its items: see _open_containers.
MIN_MARKED_ITEMS = 4


# headings that name the document's parts, not what was discussed ("## Links", "## Agenda",
# "## Minutes", "## Proceedings", "## Notes"): Node.js TSC, Rust Leadership Council, the
# Scala Center's advisory board and wiki-kept minutes
DOCUMENT_PART = re.compile(
    r"^(?:links?|agenda|minutes|proceedings|(?:meeting\s+)?notes|resources|references)\s*:?$", re.I
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
