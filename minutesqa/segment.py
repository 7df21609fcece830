"""Stage 2: split one meeting's text into its header (committee, date, attendance) and
its agenda items (number as printed, title, body, decisions, restricted flag)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from minutesqa.dates import MONTHS, find_dates
from minutesqa.errors import InputError
from minutesqa.models import AgendaItem, Attendance, Document, Meeting

WHOLE_DOCUMENT = "document"  # item number used when no numbered items can be found

# --- item headings ------------------------------------------------------------------------

_CODE = r"[A-Z]{2,6}(?:/\s?|\s)\d{1,3}/\d{2,4}"  # SSP/5/24, SSP 136/13
_ALONE = re.compile(rf"^(?:(?:Agenda\s+)?Item\s+)?(\d{{1,3}}|{_CODE})\s*[.):]?$", re.IGNORECASE)
_WITH_TITLE_CODE = re.compile(rf"^({_CODE})\s*[.:\-–]?\s+(\S.{{1,200}})$")
_WITH_TITLE_DOT = re.compile(
    r"^(?:(?:Agenda\s+)?Item\s+)?(\d{1,3})\s*[.):;]\s*([A-Z\"'‘“(].{1,200})$"  # "2;": OCR
)
_WITH_TITLE_ITEM = re.compile(r"^(?:Agenda\s+)?Item\s+(\d{1,3})\s*[-–:]?\s+(\S.{1,200})$", re.I)
_WITH_TITLE_SPACE = re.compile(r"^(\d{1,3})\s+([A-Z][^.]{1,120})$")

_LABELS = re.compile(
    r"^(?:members\s+present|present(?:\s+in\s+the\s+chair)?|in\s+the\s+chair|officers|"
    r"officials(?:\s+in\s+attendance|\s+present)?|also\s+(?:in\s+attendance|present)|"
    r"in\s+attendance|apologies(?:\s+for\s+absence)?|venue|contact|proposed\s+by|"
    r"seconded\s+by|and\s+resolved|resolved|agreed)\b\s*:",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"(?:[.;:!?\"”’)]|:-)$")
_BULLET = re.compile(r"^(?:[-•–·*●▪◦]|\(?[a-z0-9]{1,3}\)|[ivx]{1,4}\.)\s")


@dataclass(frozen=True)
class _Heading:
    line: int  # index of the heading line
    number: str
    order: int  # the number used to check the sequence
    title: str | None  # None: the title is on the following line(s)
    strong: bool
    scheme: str = "plain"  # "item", "zero", "plain" or "code": a chain keeps to one


def _order_of(number: str) -> int:
    digits = re.findall(r"\d+", number)
    if not digits:
        return -1
    # SSP/5/24 -> 5, SSP 136/13 -> 136
    return int(digits[0]) if len(digits) < 2 else int(digits[-2])


def _scheme(line: str, number: str) -> str:
    """How a heading is numbered: "Item 3", "03", "3", or a code ("SSP/5/24")."""
    if not number[:1].isdigit():
        return "code"
    if re.match(r"(?:Agenda\s+)?Item\b", line, re.IGNORECASE):
        return "item"
    return "zero" if number.startswith("0") and len(number) > 1 else "plain"


def _heading_at(line: str, index: int) -> _Heading | None:
    if len(line) > 220:
        return None
    m = _ALONE.match(line)
    if m:
        number = m.group(1).strip()
        # "05" alone is a row of a table more often than an item heading
        strong = _scheme(line, number) != "zero"
        return _Heading(index, number, _order_of(number), None, strong, _scheme(line, number))
    for pattern, strong in (
        (_WITH_TITLE_CODE, True),
        (_WITH_TITLE_ITEM, True),
        (_WITH_TITLE_DOT, True),
        (_WITH_TITLE_SPACE, False),
    ):
        m = pattern.match(line)
        if m:
            number, title = m.group(1).strip(), m.group(2).strip()
            words = title.split()
            if len(words) > 24:
                return None
            if title.endswith(".") and len(words) > 10:
                return None  # a numbered sentence in the body, not a heading
            # a long, mostly lower-case line after a number is more often a numbered
            # sentence of the body than a title
            capitals = sum(1 for w in words if w[:1].isupper())
            sentence = (len(words) > 12 and capitals < 0.3 * len(words)) or (
                title.endswith(".") and bool(re.search(r"\b(?:be|was|were|is|are)\b", title))
            )
            return _Heading(
                index,
                number,
                _order_of(number),
                title,
                strong and not sentence,
                _scheme(line, number),
            )
    return None


def _best_sequence(cands: list[_Heading]) -> list[_Heading]:
    """The chain of headings whose numbers climb in small steps and covers most of the
    document: body lists ("1. The discussion be noted.") break the climb and drop out."""
    if not cands:
        return []
    n = len(cands)
    score = [0.0] * n
    prev = [-1] * n
    for i, c in enumerate(cands):
        gain = 1.0 if c.strong else 0.6
        start = gain - 0.5 * max(0, min(c.order, 30) - 1)  # a chain should start near 1
        score[i], prev[i] = start, -1
        for j in range(i):
            step = c.order - cands[j].order
            if 1 <= step <= 4 and _same_scheme(cands[j].number, c.number):
                s = score[j] + gain - 0.4 * (step - 1)
                if cands[j].scheme != c.scheme:
                    s -= 0.6  # "Item 4" then "05": a table row, not the next item
                if s > score[i]:
                    score[i], prev[i] = s, j
    best = max(range(n), key=lambda k: (score[k], -k))
    chain: list[_Heading] = []
    k = best
    while k != -1:
        chain.append(cands[k])
        k = prev[k]
    return chain[::-1]


def _same_scheme(a: str, b: str) -> bool:
    return a[:1].isdigit() == b[:1].isdigit()


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


def _continues(a: str, b: str) -> bool:
    if _TERMINAL.search(a) or _heading_at(a, 0) or _heading_at(b, 0):
        return False
    if _LABELS.match(b) or _BULLET.match(b) or b[0] in "-•–·*●▪(":
        return False
    if b[0].islower():
        return True
    return len(a) >= 60 and not a.isupper()


# --- header: committee, date, attendance -------------------------------------------------

_MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"


# OCR of scanned minutes mangles ordinals: "13™ DECEMBER", "7°” MAY", "21% JULY", "1+t",
# and drops the space in "15THNOVEMBER"; tidy them before looking for dates
_OCR_ORDINAL = re.compile(
    rf"\b(\d{{1,2}})(?:\s?(?:st|nd|rd|th)|[™°”\"'’*%]+|\+t)?\s*(?=(?:{_MONTHS})\b)",
    re.IGNORECASE,
)
_DAY_MONTH = re.compile(
    rf"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?(?:the\s+)?(\d{{1,2}})\s+"
    rf"(?:of\s+)?({_MONTHS})\b",
    re.IGNORECASE,
)


def _tidy_ordinals(text: str) -> str:
    return _OCR_ORDINAL.sub(lambda m: f"{m.group(1)} ", text)


def _header_date(header: str, text: str, path: Path) -> tuple[dt.date, str]:
    """The meeting's date: from the header (before the first item), else a day and month
    in the header with the year from the file name or the text, else the file name, and
    only then the first date in the text (which is often an earlier meeting's)."""
    flat = _tidy_ordinals(re.sub(r"\s+", " ", header))
    dates = find_dates(flat)
    for pos, day in dates:
        before = flat[max(0, pos - 60) : pos].lower()
        if re.search(r"held|meeting|on\s*$|-\s*$|day,?\s*$", before):
            return day, "text"
    if dates:
        return dates[0][1], "text"
    named = find_dates(_tidy_ordinals(path.stem.replace("_", " ")))
    head = _tidy_ordinals(re.sub(r"\s+", " ", "\n".join(text.split("\n")[:80])))
    in_text = find_dates(head)
    m = _DAY_MONTH.search(flat)
    if m:
        mday, month = int(m.group(1)), MONTHS[m.group(2).lower()]
        for _, candidate in named:
            if (candidate.month, candidate.day) == (month, mday):
                return candidate, "text and file name"
        year_from = [d for _, d in named[-1:]] or [d for _, d in in_text[:1]]
        if year_from:
            ref = year_from[0]
            for year in (ref.year, ref.year + 1, ref.year - 1):
                try:
                    guess = dt.date(year, month, mday)
                except ValueError:
                    continue
                if named or guess >= ref:  # an earlier meeting's date comes before this one
                    return guess, "text, year inferred"
    if named:
        return named[-1][1], "file name"
    if in_text:
        return in_text[0][1], "text"
    raise InputError("has no recognisable meeting date in its first lines")


def _committee(header_lines: list[str], path: Path) -> str:
    flat = re.sub(r"\s+", " ", " ".join(header_lines))
    m = re.search(
        r"\bAn? (?:\w+ ){0,2}?meeting of (?:the )?(.+?) (?:was|were) held\b", flat, re.IGNORECASE
    )
    if m and len(m.group(1)) < 140:
        return _tidy_name(m.group(1))
    for line in header_lines[:6]:
        m = re.match(
            rf"^(.+?)\s+[-–]\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\d{{1,2}}\w*\s+(?:{_MONTHS}))",
            line,
            re.IGNORECASE,
        )
        if m:
            return _tidy_name(m.group(1))
    # "... MEETING OF THE X HELD IN <place>, ON <day>", "... MEETING FOR THE X HELD ...",
    # "MINUTES OF X MEETING HELD ON ..." ("HED" is an OCR slip)
    end = r"(?:HEL?D|WHICH\s+WAS\s+HELD|ON\s+\w+DAY|IN\s+[^,]{3,60},|PRESENT\b)"
    # "PROCEEDINGS AT (OF) JOINT POLICING SUB COMMITTEE MEETING OF THE MUNICIPAL DISTRICT OF X
    # HELD ...": the committee is the district's sub committee, not the district itself
    m = re.search(
        rf"\b(?:AT|OF)\s+(?:THE\s+)?(?!PROCEEDINGS\b)((?:\w+\s+){{0,4}}?(?:SUB[\s-]?)?COMMITTEE)"
        rf"\s+MEETING\s+(?:OF|FOR)\s+"
        rf"(?:THE\s+)?(.+?)\s+{end}",
        flat,
        re.IGNORECASE,
    )
    if m and len(m.group(1)) + len(m.group(2)) < 140:
        return _tidy_name(f"{m.group(2)} {m.group(1)}")
    for pattern in (
        rf"\bMEETING\s+(?:OF|FOR)\s+(?:THE\s+)?(.+?)\s+{end}",
        rf"^MINUTES\s+OF\s+(?!PROCEEDINGS\b|MEETING\b|THE\s+MEETING\b)(?:THE\s+)?(.+?)"
        rf"(?:\s+MEETING)?\s+{end}",
    ):
        m = re.search(pattern, flat, re.IGNORECASE)
        if m and len(m.group(1)) < 140:
            return _tidy_name(m.group(1))
    m = re.match(r"^Minutes\s*[-–]\s*(.+?)\s+[-–]\s+.*\d{4}", path.stem)
    if m:
        return _tidy_name(m.group(1))
    for line in header_lines:
        if line and line.lower() not in ("agenda and minutes", "minutes") and len(line) < 100:
            return _tidy_name(line)
    return "Unknown committee"


_SMALL = {"of", "and", "the", "for", "in", "on", "at", "to", "a", "an"}


def _tidy_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.-–:")
    name = re.sub(r"(?<=[A-Za-z])\s?-\s(?=[A-Za-z])|(?<=[A-Za-z])\s-\s?(?=[A-Za-z])", "-", name)
    if name.isupper():
        words = name.lower().split()
        name = " ".join(w if (i and w in _SMALL) else _cap(w) for i, w in enumerate(words))
    name = re.sub(r"\b(Jpc|Spc)\b", lambda m: m.group(1).upper(), name)
    return re.sub(r"-([a-z])", lambda m: "-" + m.group(1).upper(), name)


def _cap(word: str) -> str:
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))


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


def _attendance(header_lines: list[str]) -> Attendance:
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


# --- decisions and restriction -----------------------------------------------------------

_DECISION_START = re.compile(
    r"^(?:(?:AGREED|RESOLVED|DECIDED)\b|(?:And\s+)?Resolved\b|Agreed\s+that\b|"
    r"(?:The\s+)?(?:Members|Partnership|Committee|Board|Council|Panel|Group)\s+"
    r"(?i:agreed|noted|resolved|approved|endorsed|accepted)\b|"
    r"It\s+was\s+(?i:agreed|resolved|decided)\b|"
    r"The\s+[\w ]{1,60}\s+(?:was|were)\s+noted\.|"
    r"This\s+item\s+was\s+deferred\b|.{0,60}\bwas\s+deferred\b|"
    r"The\s+minutes\s+(?:of\s+the\s+meeting\s+)?were\s+(?:agreed|approved|adopted))"
)
_DECISION_INSIDE = re.compile(
    r"\b(?:it\s+was\s+agreed|it\s+was\s+resolved|agreed\s+this\s+request|"
    r"agreed\s+that\s+they\s+would)\b",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|\([a-z0-9]{1,3}\)|[a-z][.)])\s")


def _sentences(paragraph: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"'(])", paragraph)
    return [p.strip() for p in parts if p.strip()]


def extract_decisions(paragraphs: list[str]) -> tuple[str, ...]:
    decisions: list[str] = []
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        if _DECISION_START.match(para):
            text = para
            # "AGREED that:-" / "And Resolved:" carry their substance in what follows
            if re.search(r"(?::-?|that:?-?)\s*$", para, re.IGNORECASE) or len(para) < 20:
                j = i + 1
                while j < len(paragraphs) and (
                    _LIST_ITEM.match(paragraphs[j]) or (j == i + 1 and paragraphs[j][:1] in "\"“'‘")
                ):
                    text += " " + paragraphs[j]
                    j += 1
                if j == i + 1 and j < len(paragraphs) and len(paragraphs[j]) < 600:
                    text += " " + paragraphs[j]
                    j += 1
                i = j - 1
            decisions.append(text)
        else:
            sentences = _sentences(para)
            for k, sentence in enumerate(sentences):
                if _DECISION_INSIDE.search(sentence):
                    if k and re.search(r"\b(?:this|that|these|the)\s+request\b", sentence, re.I):
                        sentence = f"{sentences[k - 1]} {sentence}"  # what was agreed
                    decisions.append(sentence)
        i += 1
    return tuple(dict.fromkeys(decisions))


_RESTRICTED_BODY = re.compile(
    r"\b(?:(?:a|the)\s+restricted\s+report|item\s+(?:is|was)\s+restricted|"
    r"exempt\s+information|(?:is|was)\s+(?:a\s+)?restricted\s+item)\b",
    re.IGNORECASE,
)


def is_restricted(title: str, body: str) -> bool:
    return bool(re.search(r"\brestricted\b", title, re.IGNORECASE) or _RESTRICTED_BODY.search(body))


# --- the whole meeting ---------------------------------------------------------------------


_MARK = re.compile(r"^#{1,6} |^\*\*(?=.*\*\*$)|\*\*$")


def segment(doc: Document) -> Meeting:
    lines = [_MARK.sub("", line) for line in doc.text.split("\n")]
    cands = [h for i, line in enumerate(lines) if line and (h := _heading_at(line, i))]
    chain = _best_sequence(cands)
    # explicit "Item N" headings win over any numbered list in the bodies between them;
    # other headings may only extend them ("5. A.O.B." after "Item 4")
    explicit = _best_sequence([h for h in cands if h.scheme == "item"])
    if len(explicit) >= 2 and explicit[0].order <= 2:
        lo, hi = explicit[0].line, explicit[-1].line
        chain = _best_sequence(
            [h for h in cands if h.scheme == "item" or h.line < lo or h.line > hi]
        )
    first = chain[0].line if chain else len(lines)
    header_lines = reflow(lines[:first])
    date, _ = _header_date("\n".join(header_lines), doc.text, doc.path)
    committee = _committee([ln for ln in header_lines if ln], doc.path)
    items: list[AgendaItem] = []
    for k, head in enumerate(chain):
        end = chain[k + 1].line if k + 1 < len(chain) else len(lines)
        title, body_start = _title(lines, head, end)
        body_lines = reflow(lines[body_start:end])
        items.append(_make_item(head.number, title, body_lines))
    if not items:
        body_lines = reflow(lines[first:] if first < len(lines) else lines)
        items.append(
            _make_item(WHOLE_DOCUMENT, "Minutes (no numbered agenda items found)", body_lines)
        )
    return Meeting(
        committee=committee,
        date=date,
        source=str(doc.path),
        content_hash=doc.content_hash,
        attendance=_attendance(header_lines),
        items=tuple(items),
    )


def _title(lines: list[str], head: _Heading, end: int) -> tuple[str, int]:
    i = head.line + 1
    if head.title is not None:
        title = head.title
    else:
        while i < end and not lines[i]:
            i += 1
        if i >= end:
            return "", i
        title = lines[i]
        i += 1
    # a title broken over two lines
    while i < end and not _TERMINAL.search(title) and len(title) < 150:
        j = i
        blank = j < end and not lines[j]
        if blank:
            j += 1
        if j >= end or not lines[j] or _heading_at(lines[j], j) or _LABELS.match(lines[j]):
            break
        nxt = lines[j]
        both_caps = title.isupper() and nxt.isupper() and len(nxt.split()) <= 8
        dangling = re.search(r"\b(?:and|of|the|to|for|in|on|&|-|–|with)$", title, re.IGNORECASE)
        if both_caps or (not blank and (nxt[0].islower() or dangling)):
            title = f"{title} {nxt}"
            i = j + 1
        else:
            break
    return title.strip().rstrip(":").strip(), i


def _make_item(number: str, title: str, body_lines: list[str]) -> AgendaItem:
    body = "\n".join(body_lines).strip()
    body = re.sub(r"\n{3,}", "\n\n", body)
    # a PDF's text often has no blank lines: a line opening "AGREED" starts a paragraph anyway
    parts = re.split(r"\n\s*\n|\n(?=(?:AGREED|RESOLVED|DECIDED)\b)", body)
    paragraphs = [p.strip() for p in parts if p.strip()]
    paragraphs = [re.sub(r"\s*\n\s*", " ", p) if not _LIST_ITEM.match(p) else p for p in paragraphs]
    return AgendaItem(
        number=number,
        title=title,
        body=body,
        decisions=extract_decisions(paragraphs),
        restricted=is_restricted(title, body),
    )
