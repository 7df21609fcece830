"""The body's name as the minutes give it (`body_name`): a form's field, "A meeting of ...
was held", the header phrase scored nearest the "Minutes" line and the date, a title line
with no organisational noun; and, for minutes whose header names none, the name the text
uses most (`named_in_text`). What a name may be is `names`'."""

from __future__ import annotations

import re
from pathlib import Path

from minutesqa.lexicon import BODY_NOUNS, GENERIC_NAME_WORDS, MONTHS
from minutesqa.models import DocHints
from minutesqa.segment.dates import MONTH_NAMES, WEEKDAY, find_dates
from minutesqa.segment.header import _tidy_ordinals
from minutesqa.segment.names import (
    _KIND_ADJECTIVES,
    _KIND_WORDS,
    _NOT_A_NAME,
    _ORG,
    _POST,
    ORG_NOUNS,
    _bare,
    _tidy_name,
    _without_parent,
    clean_name,
    valid_name,
)

# a form's field that names the body: "COMMITTEE; Business Management Committee DATE;
# 25/01/2021", "Committee: Planning Committee", "Meeting: Full Council" (a template's header
# table read line by line)
_FORM_FIELD = re.compile(
    r"^\s*(?:name\s+of\s+)?(?:committee|body|meeting)\s*(?:[;:]\s*|\s+(?=[A-Z]))(.+?)"
    r"(?:\s+date\s*[;:]?\s.*)?$",
    re.IGNORECASE,
)
FORM_LINES = 12  # the form's fields are among the header's first lines


def _form_field(header_lines: list[str]) -> str:
    """The body a form's field names, where its value ends in an organisational noun."""
    for line in header_lines[:FORM_LINES]:
        m = _FORM_FIELD.match(line)
        if not m:
            continue
        value = m.group(1).strip(" ;:")
        words = value.split()
        if words and _ORG.fullmatch(words[-1]) and valid_name(clean_name(value)):
            if not _bare(value):
                return _tidy_name(value)
    return ""


def _committee(header_lines: list[str], path: Path) -> str:
    form = _form_field(header_lines)
    if form:
        return form
    flat = re.sub(r"\s+", " ", " ".join(header_lines))
    m = re.search(
        r"\b(?:An?|The) (?:\w+ ){0,2}?meeting of (?:the )?(.+?) (?:was|were) held\b",
        flat,
        re.IGNORECASE,
    )
    if m and len(m.group(1)) < 140:
        return _tidy_name(m.group(1))
    for line in header_lines[:6]:
        m = re.match(
            rf"^(.+?)\s+[-–]\s+(?:{WEEKDAY}\b|\d{{1,2}}\w*\s+(?:{MONTH_NAMES}))",
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
            # "Minutes of the July meeting of the PC / MINUTES OF WRETTON PARISH COUNCIL
            # MEETING HELD ...": a second heading starts where "Minutes of" does again
            name = re.split(r"\bMINUTES\s+OF\s+(?:THE\s+)?", m.group(1), flags=re.IGNORECASE)[-1]
            return _tidy_name(re.sub(r"\s+MEETING$", "", name, flags=re.IGNORECASE))
    m = re.match(r"^Minutes\s*[-–]\s*(.+?)\s+[-–]\s+.*\d{4}", path.stem)
    if m:
        return _tidy_name(m.group(1))
    return ""


def _phrases(line: str) -> list[str]:
    """A header line and its parts between separators ("DSF Board monthly meeting, June 9")."""
    parts = [line] + re.split(r"\s+[-–—|]\s+|,\s+|:\s+", line)
    # "X Committee of the San Francisco Elections Commission": the committee, and its parent
    parts += re.split(r"(?<=[a-z])\s+of\s+the\s+(?=[A-Z])", line)
    # "Sacramento County Board of Education Meeting Agenda at 6:30 p.m.": what comes before
    # the words of the meeting
    head = re.split(r"\s+(?=(?:Meeting|Agenda|Minutes|MEETING|AGENDA|MINUTES)\b)", line)[0]
    if len(clean_name(head).split()) >= 3:
        parts.append(head)
    return list(dict.fromkeys(p for p in parts if p.strip()))


def body_name(header_lines: list[str], path: Path, hints: DocHints) -> str:
    """The body's name, or "" when the header names none (the caller may then use the name
    its other meetings share)."""
    return qualified(_body_name(header_lines, path, hints), header_lines)


_KIND_ADJECTIVES_WORDS = _KIND_ADJECTIVES.replace("|", " ")
# words that may stand before a body's kind without naming whose it is: the meeting's kind,
# the header's own words ("Annual Parish Council", "Minutes Parish Council") and the words
# that open a sentence about the body ("That Boughton Parish Council approves ...")
_NOT_QUALIFIERS = frozenset(
    f"{_KIND_ADJECTIVES_WORDS} joint full whole the a an of and for minutes meeting draft "
    "that this these those our their its".split()
)
# the words of a body's kind: its nouns and the levels of government ("Parish Council",
# "Town Council", "Full Council", "Committee")
_KIND_NAME_WORDS = frozenset(
    [n for n in BODY_NOUNS if " " not in n] + list(GENERIC_NAME_WORDS) + ["of", "the", "and"]
)


def kind_only(name: str) -> bool:
    """A name that gives only the body's kind, not whose it is ("Parish Council", "Town
    Council", "Board of Trustees"): every word a body noun, a generic name word or a
    connector (_KIND_NAME_WORDS)."""
    words = name.lower().split()
    return bool(words) and all(w in _KIND_NAME_WORDS for w in words)


def qualified(name: str, header_lines: list[str]) -> str:
    """A name that gives only the body's kind ("Parish Council", "Town Council"), where the
    header also writes it with whose it is in front ("1/ 2020/21 KINGS CAPLE PARISH COUNCIL
    Regular Meeting of the Parish Council", a PDF's text as one run-on paragraph): the full
    name ("Kings Caple Parish Council"). The qualifier is one to four capitalised words,
    none an initial or a short code ("J.", "PM", "K"), the meeting's kind, the header's own
    words or a sentence's opening (_NOT_QUALIFIERS). A name with words of its own
    ("Licensing Board", "Audit Committee") is kept as it is."""
    if not kind_only(name):
        return name
    flat = re.sub(r"\s+", " ", " ".join(header_lines))
    found = re.finditer(rf"((?:[A-Z][\w'’.-]*\s+){{1,4}}){re.escape(name)}\b", flat, re.IGNORECASE)
    for m in found:
        qualifier = m.group(1).split()
        while qualifier and not _qualifies(qualifier[0]):
            qualifier = qualifier[1:]  # "2020/21 KINGS CAPLE": from the first that names
        if (
            qualifier
            and all(_qualifies(w) for w in qualifier)
            and not all(w.lower() in _KIND_NAME_WORDS for w in qualifier)  # "City Council"
        ):
            return _tidy_name(f"{' '.join(qualifier)} {name}")
    return name


def _qualifies(word: str) -> bool:
    return bool(
        word[:1].isupper()
        and len(word) > 2
        and not re.search(r"[\d:;,.]", word)
        and word.lower() not in _NOT_QUALIFIERS
    )


def _body_name(header_lines: list[str], path: Path, hints: DocHints) -> str:
    found = _committee(header_lines, path)
    if found and not valid_name(clean_name(found)):
        found = _without_parent(clean_name(found))
    if found and valid_name(clean_name(found)):
        if not _bare(found):
            return _tidy_name(clean_name(found))
        # "ORDINARY MEETING OF COUNCIL", "the Full Council meeting": a bare noun names no
        # one; the header's own name for the body ("SHIRE OF EXAMPLE" above it) where it
        # gives one
        named = _scored_name(header_lines, hints)
        if len(named.split()) > 1 and "," not in named:  # not "Jo Bloggs, Clerk to the Board"
            return named
        return _tidy_name(clean_name(found))
    return _scored_name(header_lines, hints)


def _restated(line: str, nxt: str) -> bool:
    """The next line names the body again in full: every word of `line` that is no
    organisation's noun or connector is in it ("Town of Crete" over "CRETE TOWNSHIP REGULAR
    BOARD OF TRUSTEES MEETING"), so the two are not one name broken over two lines."""
    own = [w for w in re.findall(r"[a-z]{3,}", line.lower()) if not _ORG.fullmatch(w)]
    own = [w for w in own if w not in ("the", "and", "for")]
    return bool(own) and set(own) <= set(re.findall(r"[a-z]{3,}", nxt.lower()))


def _scored_name(header_lines: list[str], hints: DocHints) -> str:
    """The header phrase most likely the body's name (see `body_name`)."""
    lines = [ln for ln in header_lines[:60] if ln.strip()]
    scored = _line_scores(lines)
    if hints.title:
        for option in _phrases(hints.title):
            name = clean_name(option)
            if valid_name(name):
                scored[name] = max(scored.get(name, 0.0), 1.5)
    if not scored:
        return next((n for ln in lines[:TITLE_LINES] if (n := _name_in_title(ln))), "")
    return _tidy_name(_preferred(scored))


# a field's label opening a line ("Location: Betty J Queen Center", "Venue: ..."): the
# line is the field's, never the rest of a name broken over the line above
_LABEL_LINE = re.compile(r"^\W*[A-Z][a-z]+\s*:\s")


def _joins_next(line: str, nxt: str) -> bool:
    """`line` and the next line are one name broken over two lines ("San Juan Unified
    School District" over "Board of Education")."""
    return bool(
        nxt[:1].isupper()
        and not _LABEL_LINE.match(nxt)
        and _ORG.search(line)
        and _ORG.search(nxt)
        and not _NOT_A_NAME.search(nxt)
        and len((line + nxt).split()) <= 12
        # not "REGULAR COUNCIL MEETING MINUTES" under the name: a kind of meeting
        and len(clean_name(nxt).split()) > 1
        and not _restated(line, nxt)
    )


def _line_scores(lines: list[str]) -> dict[str, float]:
    """Each name a header line or its phrases give, scored by how high it stands, its
    length, and the "minutes" line and dates beside it."""
    scored: dict[str, float] = {}
    minutes_at = [i for i, ln in enumerate(lines) if re.search(r"\bminutes\b", ln, re.I)]
    dated_at = [i for i, ln in enumerate(lines) if find_dates(_tidy_ordinals(ln))]
    for i, line in enumerate(lines):
        if re.match(r"^\s*(?:[-*•●▪◦]|Cllr\b|Councillor\b)", line):
            continue  # a list of who attended: their bodies are not this one
        if _LABEL_LINE.match(line):
            continue  # "Location: Betty J Queen Center": a field (_form_field reads the body's)
        options = _phrases(line)
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if _joins_next(line, nxt):
            options.append(f"{line} {nxt}")
        for option in options:
            name = clean_name(option)
            if not valid_name(name):
                continue
            score = 1.0 - 0.02 * i + 0.1 * len(name.split()) ** 0.5
            near = [m for m in minutes_at if abs(i - m) <= 3]
            if near:  # "MINUTES" / "Meeting Minutes" heads the body's name
                score += 1.0 if any(len(lines[m].split()) <= 3 for m in near) else 0.5
            if any(abs(i - d) <= 2 for d in dated_at):
                score += 0.5
            if option is not line and option != line:
                score += 0.05
            if option == f"{line} {nxt}":
                score += 0.6  # "San Juan Unified School District" + "Board of Education"
            scored[name] = max(scored.get(name, 0.0), score) + (0.3 if name in scored else 0)
    return scored


def _preferred(scored: dict[str, float]) -> str:
    """The best-scored name, or the header's fuller or own name for it."""
    best = max(scored, key=lambda k: scored[k])
    if _bare(best):  # "Full Council" from the minutes line: the header's name for it
        named = [n for n in scored if not _bare(n) and "," not in n]
        if named:
            best = max(named, key=lambda k: scored[k])
    # "Board" or "Board of Education" repeated down the header: the fuller name the header
    # gives for it ("San Juan Unified School District Board of Education"), if it gives one
    inside = re.compile(rf"(?:^|\s){re.escape(best.lower())}$")
    fuller = [
        n
        for n in scored
        if n != best
        and (best.lower() in n.lower().split() or inside.search(n.lower()))
        and n.lower() != f"{best} {best}".lower()  # two lines of one name read as one
        and (len(best.split()) == 1 or scored[n] >= FULLER_NAME_SHARE * scored[best])
    ]
    if fuller:
        best = max(fuller, key=lambda k: scored[k])
    return best


# a name that ends in the best-scored name stands for it when it scores at least this share
FULLER_NAME_SHARE = 0.6

# The minutes' title line, where it names the body without an organisational noun:
# "Homebrew Annual General Meeting 2021", "SPDX Technical Team Meeting, June 8, 2021",
# "Minutes of WLUG AGM 2022 - 27 February 2023", "Minutes of the 4th meeting of the Scala
# Center, Q1 2017". The name is what comes before the words of the meeting, or after
# "meeting of"; only capitalised words (and "of", "and", "the", "for", "&"), up to six.
# Used only where no line of the header names a body the usual way (an organisational noun).
_TITLE_MEETING = re.compile(
    r"\b(?:(?:annual|general|regular|special|monthly|weekly|quarterly|extraordinary|"
    r"ordinary|board|members'?)\s+)*(?:meeting|AGM|EGM|minutes)\b",
    re.IGNORECASE,
)
_MEETING_OF = re.compile(r"\b(?:meeting|minutes)\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)
_NAME_CONNECTORS = frozenset({"of", "and", "the", "for", "&"})
# words of a document's parts or of a phrase, never of a body's name in a title
_NOT_IN_TITLE_NAME = frozenset(
    "minutes meeting agenda notes proceedings record report summary action zoom "
    "at on in to by with from".split()
)
TITLE_LINES = 12  # the title is looked for in the header's first lines (after front matter)


def _name_in_title(line: str) -> str:
    """The body a title line names, or "" (see _TITLE_MEETING)."""
    if re.match(r"^\W*[A-Za-z_]+\s*:", line):
        return ""  # "Title: Board Meeting 2014-01-23", "Venue: ...": a label's line
    text = re.sub(r"^\W*(?:draft\s+)?minutes\s+of\s+(?:the\s+)?", "", line, flags=re.I)
    m = _TITLE_MEETING.search(text)
    name = text[: m.start()] if m else ""
    if not name.strip() or re.search(r"\d", name):
        after = _MEETING_OF.search(text)
        name = after.group(1) if after else ""
    name = re.split(r"[,:;|(–—-]|\s\d|\d", name)[0].strip()
    words = name.split()
    if not 1 <= len(words) <= 6 or words[0].lower() in _NAME_CONNECTORS:
        return ""
    if not all(w[:1].isupper() or w.lower() in _NAME_CONNECTORS for w in words):
        return ""
    lowered = {w.lower().strip(".,") for w in words}
    if lowered & (set(MONTHS) | _NOT_IN_TITLE_NAME):
        return ""
    if _KIND_WORDS.search(name) or _NOT_A_NAME.search(name) or _POST.search(name):
        return ""  # "Approved", "PROCEEDINGS AT", an address, a post
    return name


_PROPER_ORG = re.compile(rf"\b((?:[A-Z][\w'’&-]*[ \t]+){{1,6}}(?:{ORG_NOUNS.title()}))\b")


def named_in_text(text: str) -> str:
    """The body's name as the minutes mention it, for minutes whose header names none: the
    capitalised name ending in an organisational noun that the text uses most (a mention of
    "Community Council" counts for "Ayton Community Council")."""
    counts: dict[str, int] = {}
    for m in _PROPER_ORG.finditer(text):
        name = re.sub(r"^(?:The|A|An|Our|This|That|Each|Every|All)\s+", "", m.group(1))
        if len(name.split()) >= 2 and valid_name(name):
            counts[name] = counts.get(name, 0) + 1
    if not counts:
        return ""
    total = {
        name: sum(k for other, k in counts.items() if name == other or name.endswith(" " + other))
        for name in counts
    }
    return _tidy_name(max(total, key=lambda n: (total[n], len(n))))
