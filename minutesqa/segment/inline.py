"""Headings printed inside the text rather than on lines of their own: items run together in
one paragraph ("... noted. 2. Declarations of interest ...", `split_inline`), and paragraphs
that open with their item's label ("Apologies: Apologies were received ...",
`split_labels`); run-in titles that open the paragraph that is the item's text ("1.
APOLOGIES Apologies were received ...") are `run_in`'s. `segment` reads a file's lines
through these before it looks for the agenda."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from minutesqa.lexicon import CURRENCY_SYMBOLS
from minutesqa.segment.candidates import RUNNING_NUMBER, reads_as_title
from minutesqa.segment.run_in import _OFFICE

# items inline in flat text: "... noted. 2. Declarations of interest ..." (after a sentence's
# end), "... 3 members of the public 1. Apologies ..." (after a word), and a number stuck to
# its title anywhere ("... Bawsey mill 2.Minutes from previous meeting ..."; not a
# sub-item's "3.A.")
_INLINE_ITEM = re.compile(
    r"(?P<end>(?<=[.!?:;]))?\s+(?=(?:Item\s+)?(?P<n>\d{1,2})[.)]\s+[A-Z])"
    r"|\s+(?=(?P<stuck>\d{1,2})\.[A-Z](?![.)\s]))"
)
_LEADING_NUMBER = re.compile(r"^\s*(?:Item\s+)?(\d{1,2})[.)]")


def _inline_breaks(line: str) -> list[int]:
    """Where `line` breaks into items: the inline numbers that climb from the line's own
    leading number (or from the first one). A number after a sentence's end or stuck to its
    title may skip ahead ("4. ... 6." where 5 held only sub-items); one after a plain word
    ("... members of the public 1. Apologies", "... Sampson 2. No declarations") counts only
    as the very next number, so "section 3. The" inside item 7 stays text; a list inside an
    item ("10. Action points 1. Terms ...") never climbs and stays in it."""
    m = _LEADING_NUMBER.match(line)
    last = int(m.group(1)) if m else 0
    breaks: list[int] = []
    for found in _INLINE_ITEM.finditer(line):
        number = int(found.group("n") or found.group("stuck"))
        marked = found.group("stuck") is not None or found.group("end") is not None
        if number == last + 1 or (marked and number > last):
            breaks.append(found.start())
            last = number
    return breaks


# minute references run together in flat text, each the number of the meeting's minute and
# the year, then its title: "... Stoke Ferry Parish Council 150/20 Openness and Transparency
# Notice The Chair read the notice. 151/20 Aggressive and Abusive Behaviour ..." (a PDF's
# minutes saved as one paragraph); never a reference inside the text ("at item 155/20.",
# "(From 133/20 to end)"): a title in capitals follows
_INLINE_REFERENCE = re.compile(
    r"(?P<end>(?<=[.!?:;)]))?\s+(?=(?P<n>\d{1,4})/(?P<year>\d{2}|\d{4})\s+[A-Z])"
)


def _reference_breaks(line: str) -> list[int]:
    """Where `line` breaks at minute references that climb in one year ("150/20",
    "151/20", ...): after a sentence's end a reference may skip ahead up to MAX_SKIP, after
    a word only the very next counts (as `_inline_breaks`)."""
    breaks: list[int] = []
    last, year = -1, ""
    for found in _INLINE_REFERENCE.finditer(line):
        number, its_year = int(found.group("n")), found.group("year")
        step = number - last
        if last < 0 or (
            its_year == year and (step == 1 or (found.group("end") and 1 <= step <= MAX_SKIP))
        ):
            breaks.append(found.start())
            last, year = number, its_year
    return breaks


MAX_SKIP = 4  # numbers a climbing inline reference may skip after a sentence's end


# a running minute number, its title and a colon, then the item's text on the same line:
# "2415. Police Report: Attached.", "2780. Public Forum: Mr & Mrs A. Read re off-road
# bikes ...", "3446.<tab>Apologies: ..." (community councils that count their minutes on
# across meetings and years; headings' "running" scheme)
_RUNNING_LABEL = re.compile(rf"^({RUNNING_NUMBER}(?:\.[ \t]*|\t+))([^:]{{3,90}}?):[ \t]+(\S.*)$")
MAX_LABEL_WORDS = 10  # words of a title before its colon


def _label_title(line: str) -> tuple[str, str] | None:
    """A running-numbered line as its heading ("2415. Police Report") and its text
    ("Attached."), where the words before the colon read as a title."""
    m = _RUNNING_LABEL.match(line)
    if not m:
        return None
    title = m.group(2).strip()
    if len(title.split()) > MAX_LABEL_WORDS or not reads_as_title(title):
        return None
    return m.group(1).strip() + " " + title, m.group(3)


def split_inline(lines: list[str]) -> list[str]:
    """Break a long line at inline item numbers when they climb 1, 2, 3 ... (minutes saved as
    one paragraph), or at minute references that climb ("150/20", "151/20":
    `_reference_breaks`) where those are more; numbers that do not climb are left inside
    the text. A running-numbered item's title and text on one line are two lines
    (`_label_title`)."""
    out: list[str] = []
    for line in lines:
        labelled = _label_title(line)
        if labelled:
            out.extend(labelled)
            continue
        breaks = _inline_breaks(line) if len(line) >= 400 else []
        if len(line) >= 400 and len(refs := _reference_breaks(line)) > len(breaks):
            breaks = refs  # the minutes' references, not a numbered list inside one
        if len(breaks) < 2:
            out.append(line)
            continue
        for start, end in zip([0, *breaks], [*breaks, len(line)], strict=True):
            out.extend([line[start:end].strip(), ""])
    return out


# --- label-led paragraphs ------------------------------------------------------------------
# minutes with no numbers and no headings whose paragraphs each open with the item's label,
# then a colon or (in capitals) a dash, then its text on the same line or none ("Apologies:
# Apologies were received from ...", "Minutes: It was agreed that ...", "Matters Arising:",
# "APPROVAL OF MINUTES:", "OLD BUSINESS – Supervisor Liccar mentioned ...", "CITIZENS TO
# ADDRESS THE BOARD –"; small councils' and townships' minutes typed as plain paragraphs)
_LABEL_LED = re.compile(r"^([A-Z][^.,;:!?–—]{1,70}?)(?:\s*:|\s+[–—-](?=\s|$))\s*(.*)$")
_DASH_LABEL = re.compile(r"\s[–—-](?:\s|$)")
_OPENS_AFTER = re.compile(r"(?:[.!?:;\"”’)–—-]|\*\*)$")  # a line a paragraph may open after
# labels that are no item's: a signature's ("Signed:", "Dated:"), a vote's side ("For
# Councillor Hourigan:", "Against:"), a clause that introduces what follows ("Councillor
# Keary addressed the Meeting as follows:")
_NOT_AN_ITEM = re.compile(
    r"^(?:signed|signature|dated?|for|against|by|from|with|of|in|on|at)\b|\bas\s+follows$|"
    r"\bfollowing$",
    re.IGNORECASE,
)
MIN_LABELS = 3  # label-led paragraphs that make the items (lone headings among them count)
MIN_LEADING_LABELS = 2  # of them paragraphs that open with a label
MAX_LABEL_TITLE = 8  # words of a label
MAX_PLAIN_LABEL = 4  # words of a label that need not be in title case


def _label(line: str, before: str) -> tuple[str, str] | None:
    """A paragraph-opening label and the text after it on its line, or None. The label
    opens a paragraph (a blank line, a sentence's end, a label or a line in capitals before
    it), has at
    most MAX_LABEL_TITLE words and reads as a title: in capitals, in title case, or
    MAX_PLAIN_LABEL words or fewer ("Date of next meeting:"). A dash ends only a label in
    capitals ("OLD BUSINESS –"; "Night Lighting - the streets ..." is a sentence)."""
    m = _LABEL_LED.match(line)
    if not m or (before and not _OPENS_AFTER.search(before) and not before.isupper()):
        return None
    label, rest = m.group(1).strip(), m.group(2).strip()
    words = label.split()
    caps = label.isupper()
    if not words or len(words) > MAX_LABEL_TITLE or re.search(r"\d", label):
        return None
    if _NOT_AN_ITEM.search(label):
        return None
    if _DASH_LABEL.search(line[: m.end(1) + 3]) and ":" not in line[: m.end(1) + 2]:
        if not caps:
            return None  # a dash after words in title or sentence case: a sentence
    long_words = [w for w in words if len(w) >= 4]
    titled = sum(w[0].isupper() for w in long_words) * 2 > len(long_words)
    if not (caps or titled or len(words) <= MAX_PLAIN_LABEL):
        return None
    return label, rest


MAX_LONE_WORDS = 12  # words of a heading alone in its paragraph among label-led ones
MIN_LONE_TEXT = 6  # words of the paragraph after it
# share of its words of four letters or more that start with a capital: a heading's ("Stoke
# Ferry Youth Club"), not a sentence's ("Borough Councillor Colin Sampson joined the meeting")
LONE_TITLE_CASE = 0.8


def split_labels(
    lines: list[str], is_label_word: Callable[[str], bool]
) -> tuple[list[str], list[tuple[int, str]]] | None:
    """The lines with each label-led paragraph's label on a line of its own ("Apologies:")
    and its text on the next, and the (line, label) of each item; None where fewer than
    MIN_LABELS items are found, MIN_LEADING_LABELS of them labels. A label said twice in
    the meeting ("Action:", "Decision:", "Location:") is a field of the items, not an item,
    and a label of a motion or vote or of who attended (`is_label_word`: "Proposed:",
    "Resolved:", "Present:", "Apologies:") is the item's or the header's text; both stay
    text. Where MIN_LABELS labels are in capitals, only those are the items (the labels in
    title case under "REPORTS:" are its parts: "Clerk:", "Assessor:"), with the lines in
    capitals after the first (`_bare_caps`: "CITIZENS TO ADDRESS THE BOARD", an item with
    no text); else a heading alone in its paragraph after the first label is an item too
    (`_lone_heading`: "Remembrance Sunday - Update" over "The Chairman reported ...")."""
    found: list[tuple[int, str, str]] = []
    before = ""
    for i, line in enumerate(lines):
        parts = _label(line, before) if line[:1].isupper() else None
        if parts:
            found.append((i, *parts))
        before = line.strip()
    seen = Counter(label.lower() for _, label, _ in found)
    found = [f for f in found if seen[f[1].lower()] == 1 and not is_label_word(f[1])]
    caps = [f for f in found if f[1].isupper()]
    if len(caps) >= MIN_LABELS:
        found = caps
    if len(found) < MIN_LEADING_LABELS:
        return None
    first = found[0][0]
    taken = {i for i, _, _ in found}
    for i in range(first + 1, len(lines)):
        text = lines[i].strip()
        if i in taken or not text:
            continue
        if (found is caps and _bare_caps(text)) or (found is not caps and _lone_heading(lines, i)):
            found.append((i, text, ""))
    if len(found) < MIN_LABELS:
        return None
    found.sort()
    at = {i: (label, rest) for i, label, rest in found}
    out: list[str] = []
    heads: list[tuple[int, str]] = []
    for i, line in enumerate(lines):
        if i not in at:
            out.append(line)
            continue
        label, rest = at[i]
        heads.append((len(out), label))
        out.append(line[: len(line) - len(rest)].rstrip() if rest else line)
        if rest:
            out.append(rest)
    return out, heads


def _bare_caps(text: str) -> bool:
    """A line of two or more words in capitals with no colon, dash or stop: an item's label
    with no text (one word alone is more often a wrapped title's)."""
    words = text.split()
    return (
        text.isupper()
        and 2 <= len(words) <= MAX_LABEL_TITLE
        and not re.search(r"[\d.,;:!?]|[–—-]$", text)
    )


def _lone_heading(lines: list[str], i: int) -> bool:
    """A heading alone in its paragraph among label-led paragraphs: a blank line before and
    after it, the paragraph after it text of MIN_LONE_TEXT words or more, at most
    MAX_LONE_WORDS words in title case (LONE_TITLE_CASE) with no closing punctuation, no
    comma and no amount, no
    office's name ("Parish Clerk", "Chairman" over the signature or a site's footer), none
    of `_NOT_AN_ITEM`'s ("For Councillor Hourigan" over a vote's names)."""
    text = lines[i].strip()
    words = text.split()
    if not (lines[i - 1].strip() == "" and i + 2 < len(lines) and not lines[i + 1].strip()):
        return False
    after = lines[i + 2].strip()
    if len(after.split()) < MIN_LONE_TEXT or _LABEL_LED.match(after) and ":" in after[:72]:
        return False
    if len(words) > MAX_LONE_WORDS or re.search(r"[.,;:!?]$|,", text):
        return False
    if any(_OFFICE.match(w.strip("()")) for w in words) or _BULLET_START.match(text):
        return False
    if _NOT_AN_ITEM.search(text) or re.search(rf"[{re.escape(CURRENCY_SYMBOLS)}]|\d[.,]\d", text):
        return False  # "Mrs C Hardy - £261.76 - Salary for November": an account's line
    long_words = [w for w in words if len(w) >= 4]
    titled = sum(w[0].isupper() for w in long_words) >= LONE_TITLE_CASE * len(long_words)
    return bool(long_words) and titled and reads_as_title(text)


_BULLET_START = re.compile(r"^(?:[-•–·*●▪◦]|\(?[a-z0-9]{1,3}\))\s")
