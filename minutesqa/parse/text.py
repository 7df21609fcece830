"""Plain-text and Markdown files, and the normalisation every format's text goes through:
decoding bytes (UTF-8, UTF-16, cp1252), a Markdown export's front matter and markup, and
the line endings, whitespace, page furniture and export artefacts common to all."""

from __future__ import annotations

import datetime as dt
import html
import re
import unicodedata

import yaml

from minutesqa.errors import InputError
from minutesqa.models import DocHints

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def text_from_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252; never drops characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("claims to be UTF-16 but is not valid UTF-16") from None
    elif data.startswith(b"\xef\xbb\xbf"):
        try:
            text = data[3:].decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("has a UTF-8 mark but is not valid UTF-8") from None
    else:
        if b"\x00" in data[:4096] and _looks_utf16_without_bom(data):
            text = data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError:
                    raise InputError(
                        "is not text: neither UTF-8 nor cp1252 (binary data?)"
                    ) from None
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError("looks like binary data, not text")
    return text


def _looks_utf16_without_bom(data: bytes) -> bool:
    head = data[:4096]
    if len(head) < 4:
        return False
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = len(head) // 2
    # ASCII text in UTF-16 has a NUL in every other byte, and only there
    return (odd_nuls > 0.9 * half and even_nuls == 0) or (even_nuls > 0.9 * half and odd_nuls == 0)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>’:])")
# an OCR export's banner on each scanned page: page furniture, like the page number after it
_SCAN_BANNER = re.compile(r"^\s*\*?\s*<small>\s*Scanned page\b.*$", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # "<!-- Page 1 -->" page markers
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s+[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)?[^\s<>@]+@[^\s<>]+|https?://[^\s<>]+)>")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def front_matter(text: str) -> tuple[DocHints, str]:
    """Split YAML front matter (`---` ... `---` at the top) from a Markdown file: its title
    and date become hints for the header; it is never part of the minutes' text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return DocHints(), text
    rest = text[m.end() :]
    try:
        data = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError:
        return DocHints(), rest
    if not isinstance(data, dict):
        return DocHints(), rest
    title = data.get("title")
    raw_date = data.get("date")
    day: dt.date | None = None
    if isinstance(raw_date, dt.datetime):
        day = raw_date.date()
    elif isinstance(raw_date, dt.date):
        day = raw_date
    elif isinstance(raw_date, str):
        try:
            day = dt.date.fromisoformat(raw_date.strip()[:10])
        except ValueError:
            day = None
    return DocHints(title=str(title).strip() if title else "", date=day), rest


# a Markdown export's first line pointing at the original: "[Original file](https://...pdf)"
_SOURCE_LINK = re.compile(
    r"\A\s*\[[^\]\n]*\]\((https?://(?:[^\s()<>]|\([^\s()<>]*\))+)\)[ \t]*(?:\n|\Z)"
)
# in an export of a PDF, a rule line alone marks the end of a page
_PAGE_RULE = re.compile(r"^-{3,}[ \t]*$", re.MULTILINE)


def source_link(text: str) -> tuple[str, str]:
    """The address a Markdown file names as its original on its first line, alone (a link
    and nothing else), and the text without that line; "" and the text where there is none.
    Markdown exports of published PDFs commonly start so."""
    m = _SOURCE_LINK.match(text)
    return (m.group(1), text[m.end() :]) if m else ("", text)


def export_pages(text: str) -> list[str]:
    """The pages of a Markdown export of a PDF: its rule lines (`---`) are the PDF's page
    breaks. A rule straight after the source link opens page 1, it does not end a page."""
    pages = _PAGE_RULE.split(text)
    if len(pages) > 1 and not pages[0].strip():
        pages = pages[1:]
    return pages


_TABLE_ROW = re.compile(r"^\s*\|(.*)\|?\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
# the first column of a table that is the agenda: one row per item
_ITEM_COLUMN = re.compile(
    r"^(?:agenda\s+)?(?:item|subject|topic|issue|title|matter)s?(?:\s+no\.?)?$", re.IGNORECASE
)
_LIST_ITEM_TAG = re.compile(r"<li>", re.IGNORECASE)
TABLE_PROSE_WORDS = 6  # a cell this long says what happened; at least half the rows have one


def _cells(row: str) -> list[str]:
    inner = row.strip().strip("|")
    return [c.strip() for c in re.split(r"(?<!\\)\|", inner)]


def agenda_tables(lines: list[str]) -> list[str]:
    """Minutes kept as a Markdown table whose first column is the item ("| Subject |
    Initials | Notes |", "| Item | Discussion | Action |"): each row becomes a heading one
    level below the last heading before the table, and its other cells paragraphs under
    it (an HTML list in a cell, one line per entry). Only where at least half the rows hold
    prose (TABLE_PROSE_WORDS); other tables stay as they are."""
    out: list[str] = []
    level = 1
    i = 0
    while i < len(lines):
        line = lines[i]
        heading = _MD_HEADING.match(line) if "#" in line else None
        if heading:
            level = len(heading.group(1))
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        header = _cells(line) if "|" in line and _TABLE_ROW.match(line) else []
        rows: list[list[str]] = []
        if header and _ITEM_COLUMN.match(header[0]) and _TABLE_RULE.match(nxt):
            end = i + 2
            while end < len(lines) and _TABLE_ROW.match(lines[end]):
                rows.append(_cells(lines[end]))
                end += 1
        # an agenda's rows say what happened; a table of figures ("| Item | 2020 | 2019 |")
        # labels its rows "Item" too
        prose = sum(any(len(c.split()) >= TABLE_PROSE_WORDS for c in row[1:]) for row in rows)
        if not rows or prose * 2 < len(rows):
            out.append(line)
            i += 1
            continue
        mark = "#" * min(6, level + 1)
        for cells in rows:
            first, *rest = cells + [""]
            if first:
                out.extend(["", f"{mark} {first}"])
            for cell in rest:
                if cell:
                    out.extend(["", *_LIST_ITEM_TAG.sub("\n- ", cell).split("\n")])
        out.append("")
        i = end
    return out


MIN_HTML_BREAKS = 3  # <br> tags that make a plain-text file's line breaks HTML ones
_ENTITY = re.compile(r"&(?:[A-Za-z]{2,8}|#\d{2,5}|#x[0-9A-Fa-f]{2,4});")


def html_line_breaks(text: str) -> str:
    """Plain text whose line breaks were stored as HTML (a web form's field saved as .txt,
    the whole minutes on one line: "3258.Police Report: Attached.<br /><br />3259.Apologies
    ..."): each `<br>`/`<br />` becomes a line break and HTML entities their characters
    ("&pound;5,642.26" -> "£5,642.26"). Only where MIN_HTML_BREAKS or more tags are found;
    other text is left as it is (an "&" or a "<" in plain minutes)."""
    if "<" not in text or len(_HTML_BREAK.findall(text)) < MIN_HTML_BREAKS:
        return text
    text = _HTML_BREAK.sub("\n", text)
    return _ENTITY.sub(lambda m: html.unescape(m.group()), text)


_UNDERLINE = re.compile(r"^ {0,3}(={3,}|-{3,})[ \t]*$")


def setext_headings(text: str) -> str:
    """Headings underlined rather than marked ("Attendees" over "---------", a title over
    "======="), Markdown's other heading form and common in plain-text minutes: written as
    `#` (under "=") and `##` (under "-") lines. Only a one-line paragraph is a heading (a
    blank line or the start above it), so a rule under a paragraph stays a rule."""
    if "==" not in text and "--" not in text:
        return text
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines):
        above = out[-1] if out else ""
        m = _UNDERLINE.match(line) if line[:1] in "=- " else None
        if (
            m
            and above.strip()
            and len(above) <= 200
            and not re.match(r"^\s*(?:[#|>*+-]|\d+[.)]\s)", above)
            and (i < 2 or not lines[i - 2].strip())
        ):
            out[-1] = f"{'#' if m.group(1)[0] == '=' else '##'} {above.strip()}"
            continue
        out.append(line)
    return "\n".join(out)


_TOP_BULLET = re.compile(r"^[-*+•]\s+(\S.*)$")
_NESTED_LINE = re.compile(r"^(?:\t| {2,})\S")
_OTHER_STRUCTURE = re.compile(r"^(?:#{1,6}\s|\*\*\S|__\S|\d{1,3}[.)]\s|[A-Z]{3,}\b[^a-z]*$)")
MIN_BULLET_TOPICS = 3  # top-level bullets with nested lines that make the minutes' topics
MAX_BULLET_TOPIC_WORDS = 14  # words of such a bullet: longer, it is a point, not a topic


def nested_bullet_headings(text: str) -> str:
    """Minutes kept as one bulleted list, a topic a top-level bullet and what was said and
    decided nested under it ("- Budget for the all-hands event" over "  - The council
    agreed ..."), as meeting notes often are: each such topic bullet written as a bold
    line, the structure segmentation reads as a heading. Only where MIN_BULLET_TOPICS or
    more top-level bullets of at most MAX_BULLET_TOPIC_WORDS words have nested lines; the
    indentation is the only sign of the nesting and is lost once the text is normalised."""
    if "\n " not in text and "\n\t" not in text:
        return text
    lines = text.split("\n")
    if len([ln for ln in lines if _OTHER_STRUCTURE.match(ln)]) >= 2:
        return text  # headings, bold lines or numbers mark the items: the bullets are inside
    topics: list[int] = []
    for i, line in enumerate(lines):
        m = _TOP_BULLET.match(line)
        if not m or "**" in line or len(m.group(1).split()) > MAX_BULLET_TOPIC_WORDS:
            continue
        if i + 1 < len(lines) and _NESTED_LINE.match(lines[i + 1]):
            topics.append(i)
    if len(topics) < MIN_BULLET_TOPICS:
        return text
    for i in topics:
        m = _TOP_BULLET.match(lines[i])
        assert m is not None
        lines[i] = f"**{m.group(1).strip().rstrip(':').strip()}**"
    return "\n".join(lines)


MAX_LAZY_START = 9  # a list whose items all print its first number starts at 1, or low
_LIST_MARKER = re.compile(r"^((?:\s*>)*\s*)(\d{1,9})([.)])(?=\s|$)")


def rendered_list_numbers(text: str) -> str:
    """A Markdown file's numbered lists written the lazy way, with the numbers a reader of
    the rendered page sees: CommonMark numbers a list's items on from its first, so Word
    exports and hand-kept Markdown write every item "1." ("1. Apologies", "1. Declarations
    of Interest", "1. Minutes ...", "4. Reports" render as 1 to 4). Only a list written
    so is renumbered (its second item and half its items or more print its first number,
    at most MAX_LAZY_START; "2024." opening two lines is a year):
    one printed climbing stays as printed (a PDF's text saved as Markdown, where "2018."
    alone over "10.", or "8. Newtown Park" over the item number "3.", is no list). A
    list ends where a paragraph that is not part of an item comes between, so numbers a
    clerk typed after text ("4.1 Chairman's Report.") stay as printed. The list structure
    is markdown-it's (`MarkdownIt("commonmark")`)."""
    lines = text.split("\n")
    if sum(1 for line in lines if _LIST_MARKER.match(line)) < 2:
        return text
    from markdown_it import MarkdownIt  # imported only for files with numbered lists

    # a line of no-break spaces is blank and one after a number a space, as a reader sees
    # them (Word exports write "&nbsp;" lines between the items): the lines parsed
    seen = "\n".join(line.replace("\xa0", " ") if line.strip() else "" for line in lines)
    lists: list[list[int] | None] = []  # per open list: its items' lines; None for bullets
    done: list[list[int]] = []
    for token in MarkdownIt("commonmark").parse(seen):
        if token.type == "ordered_list_open":
            lists.append([])
        elif token.type == "bullet_list_open":
            lists.append(None)
        elif token.type in ("ordered_list_close", "bullet_list_close") and lists:
            closed = lists.pop()
            if closed:
                done.append(closed)
        elif token.type == "list_item_open" and lists and lists[-1] is not None and token.map:
            lists[-1].append(token.map[0])
    for items in done:
        found = [(k, m) for k in items if k < len(lines) and (m := _LIST_MARKER.match(lines[k]))]
        printed = [int(m.group(2)) for _, m in found]
        lazy = len(found) >= 2 and printed[0] == printed[1] and printed[0] <= MAX_LAZY_START
        if not lazy or 2 * printed.count(printed[0]) < len(printed):
            continue  # printed climbing, or years opening lines ("2024.  The last ...")
        for step, (k, m) in enumerate(found):
            lines[k] = f"{m.group(1)}{printed[0] + step}{m.group(3)}{lines[k][m.end() :]}"
    return "\n".join(lines)


def strip_markdown(text: str) -> str:
    """Keep the words of a Markdown export and its structure, drop the rest of its markup:
    headings stay `#` lines and a line bold as a whole stays `**text**` (see `Document`);
    links keep their text, escapes (`**3\\. Title**`) and inline HTML go."""
    text = _HTML_COMMENT.sub("\n", text)
    out = []
    for line in agenda_tables(text.splitlines()) if "|" in text else text.splitlines():
        # each pattern is tried only where its literal characters are (most lines have none)
        if "<" in line and _SCAN_BANNER.match(line):
            continue  # an OCR export's page banners (its source link: `source_link`)
        if "](" in line:
            line = _MD_LINK.sub(lambda m: m.group(1), line)
        if "<" in line:
            line = _AUTOLINK.sub(lambda m: m.group(1), line)
            line = _HTML_BREAK.sub("\n", line)
            line = _HTML_TAG.sub("", line)
        if "\\" in line:
            line = _MD_ESCAPE.sub(r"\1", line)
        for part in line.split("\n"):
            m = _MD_HEADING.match(part) if "#" in part else None
            if m:
                title = re.sub(r"\*\*|__", "", m.group(2)).strip()
                part = f"{m.group(1)} {title}" if title else ""
            out.append(part)
    return "\n".join(out)


# --- normalisation shared by all formats ----------------------------------------------

_ARTEFACTS = [
    re.compile(r"\s*pdf\s+icon\s+PDF\s+[\d.,]+\s*[KMG]B\b", re.IGNORECASE),
    re.compile(r"\s*\bPDF\s+[\d.,]+\s*[KMG]B\b"),
]
_RULE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,}|(?:\*\s*){3,}|={3,})\s*$")
_MINUTES_LABEL = re.compile(r"^\s*Minutes\s*:\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)")
_BOLD_LINE = re.compile(r"^(?:\*\*|__)(?=\S)(.+?)(?<=\S)(?:\*\*|__)[:.]?$")
_SINGLE_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


def normalise(text: str) -> str:
    """Unify line endings and whitespace, drop page furniture and export artefacts."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = re.sub(r"[\u00a0\u2007\u202f\u2002\u2003\u2009]", " ", text)
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    lines: list[str] = []
    after_rule = False
    # each pattern is tried only where its literal characters are (most lines have none)
    artefacts = "pdf" in text.lower()
    for line in text.split("\n"):
        if _RULE.match(line):
            after_rule = True  # a page break; a bare page number may follow it
            lines.append("")
            continue
        if artefacts:
            for pattern in _ARTEFACTS:
                line = pattern.sub("", line)
        line = line.replace("\t", " ")
        if "  " in line:
            line = re.sub(r" {2,}", " ", line)
        line = line.strip()
        bold = None
        if "*" in line or "__" in line:
            bold = _BOLD_LINE.match(line)
            line = _EMPHASIS.sub("", line)
            line = _SINGLE_STAR.sub(r"\1", line).strip()
        if bold and line and not line.startswith("#"):
            line = f"**{line}**"  # a paragraph bold as a whole: structure for segment
        if "Minutes" in line and _MINUTES_LABEL.match(line):
            continue
        if after_rule and line:
            after_rule = False
            if re.fullmatch(r"(?:Page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?", line, re.IGNORECASE):
                continue
        if line in (":", "*"):
            continue
        lines.append(line)
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip() + "\n"
