"""`minutes inspect`: how one file was read and split, line by line, so that a person whose
layout is not understood can see where it went wrong: the format, the header found
(committee, kind, date and where it came from, chair, venue, present), one line per agenda
item with its decisions below, and a closing count."""

from __future__ import annotations

import json
import re
from typing import Any

from minutesqa.models import Document, Meeting, as_dict, human_date
from minutesqa.segment import WHOLE_DOCUMENT

UNNUMBERED = "—"
BODY_CHARS = 60
TITLE_CHARS = 90
FIELD_CHARS = 100
DECISION_CHARS = 200
MAX_HEADINGS = 20
HINT = (
    "hint: items are cut at numbered headings ('1. Title', 'Item 3', 'IV.', 'SSP/5/24') or, "
    "without numbers, at headings the file marks ('#' in Markdown, h1-h6 in HTML, heading "
    "styles in DOCX, a paragraph bold as a whole) or, in minutes with no headings, at three "
    "or more numbered resolutions ('#001-01-15 – L. Fields – B. Case' over 'THAT ...'); give "
    "the items such headings and run 'minutes inspect' again"
)


def clip(text: str, limit: int) -> str:
    """One line of at most `limit` characters, cut at a word, '…' where cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0] if " " in flat[: limit - 1] else flat[: limit - 1]
    return cut.rstrip(" ,;:") + "…"


def date_source(doc: Document, meeting: Meeting) -> str:
    """Where the meeting's date was found ('text', 'file name', 'front matter' …), or ""
    where that cannot be told. Read again from the header the way segmentation reads it,
    and given only where it agrees with the date segmentation chose."""
    given = getattr(meeting, "date_source", "")
    if given:
        return str(given)
    try:
        from minutesqa.segment.candidates import plain
        from minutesqa.segment.held_date import meeting_date

        lines = [plain(line) for line in doc.text.split("\n")]
        first = meeting.items[0] if meeting.items else None
        cut = len(lines)
        if first is not None and re.search(r"\d\s?[-/]\s?\d", first.number):
            # a numbered resolution ("#001-01-15 – L. Fields – B. Case"): its number's line
            cut = next((i for i, line in enumerate(lines) if first.number in line), len(lines))
        elif first is not None and first.number != WHOLE_DOCUMENT and first.title:
            head = first.title[:40]
            cut = next((i for i, line in enumerate(lines) if head in line), len(lines))
        day, source = meeting_date("\n".join(lines[:cut]), doc.text, doc.path, doc.hints)
    except Exception:  # a nicety: never let it stop the report
        return ""
    return source if day == meeting.date else ""


def headings_in(doc: Document) -> list[str]:
    """Lines that could head an item (numbered, '#' or bold), 1-based line numbers."""
    try:
        from minutesqa.segment.candidates import candidate_at, plain
    except ImportError:
        return []
    out = []
    for i, raw in enumerate(doc.text.split("\n")):
        if raw.strip() and candidate_at(raw, i) is not None:
            out.append(f"  line {i + 1}: {clip(plain(raw), TITLE_CHARS)}")
    return out


def describe(doc: Document, meeting: Meeting) -> list[str]:
    """The report's lines for one file."""
    lines = [f"file: {doc.path}", f"format: {doc.format}"]
    try:
        from minutesqa.segment import reading

        lines.append(reading(doc).line())
    except Exception:  # a nicety, like date_source: never let it stop the report
        pass
    lines.append(f"committee: {meeting.committee}")
    lines.append(f"kind: {meeting.kind or 'ordinary'}")
    source = date_source(doc, meeting)
    where = f", from the {source}" if source else ""
    lines.append(f"date: {meeting.date.isoformat()} ({human_date(meeting.date)}{where})")
    att = meeting.attendance
    for label, value in (("chair", att.chair), ("venue", att.venue), ("present", att.present)):
        if value.strip():
            lines.append(f"{label}: {clip(value, FIELD_CHARS)}")
    lines.append("items:")
    width = max((len(item.number or UNNUMBERED) for item in meeting.items), default=1)
    decisions = 0
    for item in meeting.items:
        number = (item.number or UNNUMBERED).ljust(width)
        title = clip(item.title, TITLE_CHARS) or "(no title)"
        if item.restricted:
            title += " (restricted)"
        body = clip(item.body, BODY_CHARS) or "(no text)"
        lines.append(f"  {number} | {title} | {body}")
        for decision in item.decisions:
            lines.append(f"  {' ' * width}     decided: {clip(decision.display(), DECISION_CHARS)}")
        decisions += len(item.decisions)
    if len(meeting.items) == 1 and meeting.items[0].number == WHOLE_DOCUMENT:
        found = headings_in(doc)
        if found:
            lines.append("headings in the text (none became agenda items):")
            lines.extend(found[:MAX_HEADINGS])
            if len(found) > MAX_HEADINGS:
                lines.append(f"  … and {len(found) - MAX_HEADINGS} more")
        else:
            lines.append("headings in the text: none (no numbered, '#' or bold lines)")
        lines.append("no agenda items found: the whole file is one item — see the headings above")
        lines.append(HINT)
    else:
        lines.append(f"{_count(len(meeting.items), 'item')}, {_count(decisions, 'decision')}")
    return lines


def meeting_json(meeting: Meeting) -> str:
    record: dict[str, Any] = as_dict(meeting)
    record["date"] = meeting.date.isoformat()
    for item, fields in zip(meeting.items, record["items"], strict=True):
        fields["decisions"] = [d.display() for d in item.decisions]  # as shown
    return json.dumps(record, ensure_ascii=False)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")
