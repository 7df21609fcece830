"""The meeting's header: the lines before the first agenda item, with the file's own hints
(front matter) and name as fallbacks. Its four parts, each in its module:
- `held_date.meeting_date`   the date the meeting was held (not the date a page was printed
                             or posted);
- `body_names.body_name`     the body's name: a phrase the minutes' header gives, with an
                             organisational noun, never a person, address, date, sentence or
                             e-mail (`names`: what a body's name looks like);
- `meeting_kind` (here)      ordinary, special, annual or extraordinary, kept apart from the
                             name;
- `attendance` (here)        present, apologies, chair, venue.

The parts read the same header lines; what they share is here (`_tidy_ordinals`, the OCR
repair every date is read after) or in `dates` (months and weekdays) and `names`
(organisational nouns, officer posts).
"""

from __future__ import annotations

import re
from pathlib import Path

from minutesqa.models import Attendance, DocHints
from minutesqa.segment.dates import MONTH_NAMES

# OCR of scanned minutes mangles ordinals: "13™ DECEMBER", "7°” MAY", "21% JULY", "1+t",
# and drops the space in "15THNOVEMBER"; tidy them before looking for dates
_OCR_ORDINAL = re.compile(
    rf"\b([lI]?\d{{1,2}})(?:\s?(?:st|nd|rd|th)|[™°”\"'’*%]+|\+t)?\s*(?=(?:{MONTH_NAMES})\b)",
    re.IGNORECASE,
)


def _tidy_ordinals(text: str) -> str:
    # OCR also reads a 1 as l or I ("l0th February", "I4th March")
    return _OCR_ORDINAL.sub(lambda m: f"{m.group(1).replace('l', '1').replace('I', '1')} ", text)


_ATT_FIELDS = [
    ("chair", re.compile(r"^(?:present\s+)?in\s+the\s+chair\s*:?\s*(.*)$", re.I)),
    ("present", re.compile(r"^(?:members\s+)?present\s*:?\s*(.*)$", re.I)),
    (
        "officers",
        re.compile(r"^(?:officers|officials(?:\s+in\s+attendance|\s+present)?)\s*:?\s*(.*)$", re.I),
    ),
    (
        "in_attendance",
        re.compile(r"^(?:also\s+(?:in\s+attendance|present)|in\s+attendance)\s*:?\s*(.*)$", re.I),
    ),
    ("apologies", re.compile(r"^apologies(?:\s+for\s+absence)?\s*:?\s*(.*)$", re.I)),
    ("venue", re.compile(r"^venue\s*:\s*(.*)$", re.I)),
]


def attendance(header_lines: list[str]) -> Attendance:
    found: dict[str, str] = {}
    current: str | None = None
    for line in header_lines:
        if not line:
            if current and found.get(current):
                current = None
            continue
        matched = False
        for name, pattern in _ATT_FIELDS:
            m = pattern.match(line)
            if m and (line.rstrip().endswith(":") or ":" in line[:40] or name == "chair"):
                current = name
                found.setdefault(name, "")
                found[name] = (found[name] + " " + m.group(1)).strip()
                matched = True
                break
        if not matched and current:
            found[current] = (found[current] + " " + line).strip()
    apologies = re.sub(
        r"^were\s+submitted\s+on\s+behalf\s+of\s+", "", found.get("apologies", ""), flags=re.I
    )
    chair = found.get("chair", "")
    if not chair:
        m = re.search(r"([^,(]+?)\s*\((?:Chair|Chairman|Chairperson)\b", found.get("present", ""))
        if m:
            chair = m.group(1).strip()
    venue = found.get("venue", "")
    if not venue:
        flat = re.sub(r"\s+", " ", " ".join(header_lines))
        m = re.search(r"\bHELD\s+(?:IN|AT)\s+(.+?),?\s+ON\s+\w+DAY\b", flat, re.IGNORECASE)
        if m and len(m.group(1)) < 160:
            venue = m.group(1)
    return Attendance(
        present=found.get("present", ""),
        officers=found.get("officers", ""),
        in_attendance=""
        if found.get("in_attendance", "").lower() in ("none.", "none")
        else found.get("in_attendance", ""),
        apologies=apologies,
        chair=chair.rstrip(".,"),
        venue=venue.strip(" .,"),
    )


# --- the kind of meeting ---------------------------------------------------------------------

_KINDS = [
    ("extraordinary", re.compile(r"\bextra-?ordinary\b", re.I)),
    ("annual", re.compile(r"\bannual\s+(?:general\s+)?(?:business\s+)?meeting\b|\bAGM\b", re.I)),
    (
        "special",
        re.compile(
            r"\bspecial\b|\bretreat\b|\bworkshop\b|\bstudy\s+session\b|"
            r"\bemergency\s+meeting\b",
            re.I,
        ),
    ),
]


def meeting_kind(header: str, path: Path, hints: DocHints) -> str:
    for text in (hints.title, path.stem.replace("_", " ").replace("-", " "), header[:600]):
        for kind, pattern in _KINDS:
            if text and pattern.search(text):
                return kind
    return "ordinary"
