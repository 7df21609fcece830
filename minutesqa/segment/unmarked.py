"""Headings the format did not mark at all, read from the shape of the text: a short line
standing alone between paragraphs ("Opening of Ordinary Meeting" over "The meeting commenced
at 5.00pm ...", "Treasurer's Report" over "Lillian reported that the balance ..."), in
minutes typed as plain paragraphs or exported from Word to PDF or to a web page with every
mark lost (council web pages stored as text, small commissions' PDFs).

A line is such a heading by its shape against the file's own, never by its words: much
shorter than the file's paragraph lines (`SHORT_SHARE` of `paragraph_width`), shaped like a
title (capital first, no sentence-final stop, no label or vote word, no date and no
reference's digits, at most `MAX_WORDS` words), not repeated (a page's running header), no
table row (cells side by side), and opening a block: the line before it ends a paragraph (a
blank line, a sentence's end, or a line with room left for the heading's first word).
Several such lines in a row (a table read one cell a line, an address) are one heading and
its text: the first heads them (`_leaders`). The items start at the first heading whose text
holds a sentence, or below the attendance lines (the header above: title, address, who
attended, is the header's); a heading's text is more than a signature's or an address's
short lines; a table's rows are its heading's text; a numbered report right below a heading
replaces it (`_report_below`). The reading holds only where `MIN_HEADINGS` or more are
found, spread through the file (`_spread`), and only where the numbered and marked readings
find nothing and numbered resolutions are fewer (segment._unmarked)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from minutesqa.segment.candidates import (
    Candidate,
    candidate_at,
    field_label,
    read_line,
    reads_as_title,
)

SCHEME = "unmarked"  # the candidates' scheme: a heading that only its shape makes one
MIN_HEADINGS = 3  # unmarked headings that make a document's items
MAX_WORDS = 8  # words of an unmarked heading
MAX_CHARS = 60  # characters of an unmarked heading
SHORT_SHARE = 0.65  # a heading is at most this share of the file's paragraph width
MIN_WIDTH = 50  # the paragraph width of a file whose text is in paragraphs at all
WIDTH_QUANTILE = 0.9  # the paragraph width: this quantile of the non-blank lines' lengths
MAX_TAIL_SHARE = 0.6  # the share of the text after the last heading beyond which the
# headings are not spread through the file (a signature block, a closing list)

# a sentence's end, or a clause's that a new block may follow ("... as follows:")
_ENDS = re.compile(r"[.!?:;\"”’)]$")
# what a heading never ends with, nor holds: a stop or comma at its end, a date or a time
_NOT_A_TITLE_END = re.compile(r"[.,;:!?\-–—]$")
_DATE_OR_TIME = re.compile(r"\b(?:1[89]|20)\d{2}\b|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\b|hrs\b)?", re.I)
_REFERENCE = re.compile(r"\d{3,}")  # a reference's or a count's digits ("Motion No. 0120627")
_CELLS = re.compile(r"\S(?:\s{3,}|\t)\S")  # two cells side by side: a table's row
# labels of the header and of votes that may still head an item alone on their line
# ("Apologies" among the items, "Chair" over the chair's report): never "Present",
# "Moved", "Carried", "No apologies"
_LONE_LABEL = re.compile(r"^(?:apologies(?:\s+for\s+absence)?|chair(?:man|person)?)$", re.I)
# a field and its value on one line ("Venue: Via Ms Teams", "Meeting ID: 965 7154 2787",
# "Action: Ross to arrange session"): a label's, never a heading
_FIELD = re.compile(r"^[^:]{1,40}:\s+\S")
_SECONDER = re.compile(r"^second(?:ed|er)\b", re.I)
MIN_TITLED = 0.5  # share of a heading's words of four letters or more that are capitalised


def paragraph_width(raw: list[str]) -> int:
    """The length of the file's full paragraph lines: `WIDTH_QUANTILE` of the non-blank
    lines' lengths (a PDF's wrap width, or longer where each paragraph is one line)."""
    lengths = sorted(len(line.strip()) for line in raw if line.strip())
    if not lengths:
        return 0
    return lengths[min(len(lengths) - 1, int(WIDTH_QUANTILE * len(lengths)))]


def _prose(text: str) -> bool:
    """A line of running text: a sentence of three words or more, or eight words or more
    most of them lower case (not a list of names or a title)."""
    words = text.split()
    if len(words) >= 3 and re.search(r"[.!?]$", text):
        return True
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= 8 and lower >= 0.4 * len(words)


def _standing(raw: list[str], i: int, width: int, repeated: Counter[str]) -> bool:
    """Line `i` is shaped as a heading and stands alone, opening a block."""
    text = raw[i].strip()
    if len(text) > MAX_CHARS or len(text) > SHORT_SHARE * width or len(text.split()) > MAX_WORDS:
        return False
    if _NOT_A_TITLE_END.search(text) or _DATE_OR_TIME.search(text) or _CELLS.search(text):
        return False
    if _REFERENCE.search(text):
        return False
    if repeated[text] > 1 or not reads_as_title(text):
        return False
    if field_label(text) and not _LONE_LABEL.match(text) or _FIELD.match(text):
        return False
    after = next((t.strip() for t in raw[i + 1 :] if t.strip()), "")
    if _SECONDER.match(after):
        return False  # "On the PROPOSAL of Cllr. Sean McGowan" over "SECONDED by ...": a vote
    line = read_line(raw[i])
    if line.level or line.bold:
        return False  # a marked heading: the marked readings' (unnumbered._marked_headings)
    before = raw[i - 1].strip()
    if not _titled(text):
        # in sentence case ("Public forum"): only a paragraph of its own, a sentence after
        return not before and i + 1 < len(raw) and not raw[i + 1].strip() and _prose(after)
    # the line before ended its paragraph: a sentence's end, or room left on it for this
    # line's first word (a line the export wrapped is full up to the width)
    return not before or bool(_ENDS.search(before)) or len(before) + len(text.split()[0]) < width


def _titled(text: str) -> bool:
    """In capitals or in title case: MIN_TITLED of its words of four letters or more
    capitalised ("Statement in relation to Recording of Meetings", "Chair")."""
    long_words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if len(w) >= 4]
    return sum(w[0].isupper() for w in long_words) >= MIN_TITLED * len(long_words)


# a line of the header naming who attended ("PRESENT: Cr Denise Knight, ...", "Members
# Present: Jon Tustin, ...", "STAFF: General Manager, ..."): the items begin below it
_ATTENDANCE_LABEL = re.compile(r"^([A-Z][A-Za-z' ]{1,30}?)\s*:")


def _attendance_line(line: str) -> bool:
    m = _ATTENDANCE_LABEL.match(line.strip())
    return m is not None and field_label(m.group(1))


def _leaders(raw: list[str], standing: list[int]) -> list[int]:
    """The first of each run of standing lines with no other text between them: a heading
    over a table read a cell a line, over an address or a one-line text ("Apologies" over
    "Nil") heads them all; the others are its text."""
    out: list[int] = []
    for k, i in enumerate(standing):
        if k and not any(raw[j].strip() for j in range(standing[k - 1] + 1, i)):
            continue
        out.append(i)
    return out


def _substance(line: str, width: int) -> bool:
    """A line that is an item's text, not a signature's or an address's: a paragraph's full
    line, or a motion's or vote's ("Resolved (Cr John Arkan / Cr Jan Strom)")."""
    text = line.strip()
    return len(text) > SHORT_SHARE * width or field_label(text.split("(")[0].strip(" :"))


HEADER_LINES = 12  # the non-blank lines at the top where the header's date is looked for
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


def _header_date(raw: list[str]) -> int:
    """The line of the header's date (the first with a year among the first HEADER_LINES
    non-blank lines), or -1."""
    lines = [j for j, line in enumerate(raw) if line.strip()][:HEADER_LINES]
    return next((j for j in lines if _YEAR.search(raw[j])), -1)


def _spread(raw: list[str], heads: list[int]) -> bool:
    """The headings run through the file: the text after the last is not most of it."""
    body = [j for j in range(heads[0], len(raw)) if raw[j].strip()]
    tail = [j for j in body if j > heads[-1]]
    return len(tail) <= MAX_TAIL_SHARE * len(body)


def _headings(raw: list[str], leaders: list[int], standing: set[int], width: int) -> list[int]:
    """Of the runs' leaders, the items' headings: after the header (the first heading's
    text holds a sentence, or an attendance line is above it, and it is below the header's
    date), each with text of its own that is more than a signature's or an address's short
    lines; a table's rows below a heading over one (two or more standing lines right below
    it: its header row, cell by cell) are its text up to the next sentence."""
    attendance = [j for j, line in enumerate(raw) if _attendance_line(line)]
    dated = _header_date(raw)
    heads: list[int] = []
    table = False  # inside a table read a cell a line: its rows' first cells are no items
    for k, i in enumerate(leaders):
        end = leaders[k + 1] if k + 1 < len(leaders) else len(raw)
        text = [j for j in range(i + 1, end) if raw[j].strip()]
        opening = next((j for j in text if _prose(raw[j].strip())), None)
        if table and not any(_prose(raw[j].strip()) for j in range(heads[-1], i)):
            continue  # a row of the table under the heading before (its cells short lines)
        if not text or (not heads and opening is None and not any(a < i for a in attendance)):
            continue  # no text of its own, or the header's: a title, an address
        if not heads and i < dated:
            continue  # above the header's date: the document's title ("MINUTES")
        # two or more standing lines right below it: a table's header row, cell by cell
        cells = sum(1 for j in text[:3] if j in standing) >= 2
        if len(text) > 1 and opening is None and not cells:
            if not any(_substance(raw[j], width) for j in text):
                continue  # short lines and no sentence: a signature block, an address
        if not heads and opening is not None:
            # the header ends above the first sentence: of the standing lines before it
            # (the header's title and address lines, then the heading) the last
            i = max([i] + [j for j in standing if j < opening])
        heads.append(i)
        table = cells
    return heads


def unmarked_headings(raw: list[str]) -> list[Candidate]:
    """The unmarked headings of text with no marks and no numbers (module docstring), or
    [] where fewer than MIN_HEADINGS are found or they do not run through the file."""
    width = paragraph_width(raw)
    if width < MIN_WIDTH:
        return []  # no paragraphs: a list, a table, a form
    repeated = Counter(line.strip() for line in raw if line.strip())
    first = next((i for i, line in enumerate(raw) if line.strip()), len(raw))
    standing = [
        i
        for i in range(first + 1, len(raw))
        if raw[i].strip() and _standing(raw, i, width, repeated)
    ]
    leaders = _leaders(raw, standing)
    heads = _headings(raw, leaders, set(standing), width)
    if len(heads) < MIN_HEADINGS or not _spread(raw, heads):
        return []
    out: list[Candidate] = []
    for i in heads:
        head = Candidate(i, SCHEME, 0, "", raw[i].strip(), 0.5)
        report = _report_below(raw, i)
        out.extend([replace(head, part=True), report] if report else [head])
        out.extend(_labels_below(raw, i))
    return out


# a paragraph that opens with its item's label and holds its text on the same line
# ("Minutes: March minutes approved", "Treasurer’s Report: No expenditures. Balance ...")
_LABEL_LINE = re.compile(r"^([A-Z][^.,;:!?()\d]{1,40}?):\s+(\S.*)$")
MAX_LABEL_WORDS = 4  # words of such a label


def _label(text: str) -> str | None:
    """The label of a label-led paragraph, or None: at most MAX_LABEL_WORDS words shaped as
    a title, never a field of the header or a vote ("Present:", "Moved:", "Action:" is a
    field too, `_FIELD_WORDS`)."""
    m = _LABEL_LINE.match(text.strip())
    if not m:
        return None
    label = m.group(1).strip()
    if len(label.split()) > MAX_LABEL_WORDS or not _titled(label) or not reads_as_title(label):
        return None
    return None if field_label(label) or _FIELD_WORDS.match(label) else label


# labels of an item's fields, never an item ("Action:", "Venue:", "Contact:", "Note:")
_FIELD_WORDS = re.compile(
    r"^(?:actions?(?:\s+points?)?|venue|contact|notes?|location|time|date|signed|dated?)$", re.I
)


def _labels_below(raw: list[str], i: int) -> list[Candidate]:
    """Label-led paragraphs right below an unmarked heading, before any other text of its
    ("Moment of Silence" over "Minutes: March minutes approved" and "Treasurer’s Report:
    No expenditures ..."): items of their own, titled by their label (`label_text` gives
    their text), the heading an item with no text."""
    out: list[Candidate] = []
    for j in range(i + 1, len(raw)):
        text = raw[j].strip()
        if not text:
            continue
        label = _label(text)
        if label is None:
            break
        out.append(Candidate(j, SCHEME, 0, "", label, 0.5))
    return out


def label_text(line: str, title: str) -> str:
    """The text after a label-led item's label on its line (`_labels_below`), or ""."""
    text = line.strip()
    if not text.startswith(title + ":") or _label(text) != title:
        return ""
    return text[len(title) + 1 :].strip()


def _report_below(raw: list[str], i: int) -> Candidate | None:
    """A numbered report with its title right below an unmarked heading, no text between
    ("Mayoral Minute" over "MM21/03  Environmental Planning ... Bill 2021", "General
    Manager's Reports" over "GM21/24  2020-2021 Audit and Risk Committee ..."): the
    heading is the reports' container and the report is the item (the container's heading
    only ends the item before it). A bare number ("2020/152", a resolution's) is no report."""
    j = next((j for j in range(i + 1, len(raw)) if raw[j].strip()), None)
    cand = candidate_at(raw[j], j) if j is not None else None
    return cand if cand is not None and cand.number and cand.title else None
