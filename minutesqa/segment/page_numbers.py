"""Page numbers left in a PDF's text, read as items' numbers: a bold or bare number alone
on its line ("**2**", "3") where a page begins or ends. Limerick's Markdown exports of its
minutes' PDFs keep each page's number as the page's first line ("---" / "**2**" /
"County Council housing stock of 6,192 ..."), the sentence before it running on across
it; a special meeting with no numbered items then read as items 2, 3, 4 titled with the
next page's first words. `parse.pdf.drop_page_furniture` takes a PDF's own page numbers
away where most pages print one; these are the ones it leaves (a Markdown export, a
short PDF)."""

from __future__ import annotations

import re
from collections import Counter

from minutesqa.segment.candidates import plain, reads_as_title

# a number alone on its line, bold or not, perhaps between dashes ("**2**", "7", "- 3 -"),
# with no stop: "2." over its title is an item's number as Limerick's minutes print it
PAGE_NUMBER = re.compile(r"^\s*(?:\*\*)?\s*(?:[-–]\s*)?(\d{1,3})(?:\s*[-–])?\s*(?:\*\*)?\s*$")
KEY_CHARS = 40  # letters and digits of the line beside a page number compared
TITLE_WORDS = 10  # a title below an item's number is this long at most; text runs longer


def _key(line: str) -> str:
    return re.sub(r"[\W_]+", "", plain(line)).casefold()[:KEY_CHARS]


def _edge_numbers(pages: tuple[str, ...]) -> list[tuple[int, int, str, bool]]:
    """(page, number, the key of the line beside it, whether the line after it reads as a
    title) for each lone number that is a page's first or last line (the line after a
    page's last line is the next page's first)."""
    filled = [[line for line in page.split("\n") if line.strip()] for page in pages]
    found = []
    for p, lines in enumerate(filled):
        if len(lines) < 2:
            continue
        after_last = filled[p + 1][0] if p + 1 < len(filled) and filled[p + 1] else ""
        for edge, beside, after in ((0, 1, lines[1]), (-1, -2, after_last)):
            m = PAGE_NUMBER.match(lines[edge])
            if m:
                text = plain(after).strip()
                titled = reads_as_title(text) and len(text.split()) <= TITLE_WORDS
                titled = titled and not text.endswith((";", ","))  # "Proposed by X;"
                found.append((p, int(m.group(1)), _key(lines[beside]), titled))
    return found


def page_number_lines(raw: list[str], pages: tuple[str, ...]) -> frozenset[int]:
    """The lines of `raw` that are page numbers: a lone number (`PAGE_NUMBER`) that is the
    first or last line of a page whose number it is, counting up with the pages (the
    number less the page's index the same on two pages or more; on a document of two
    pages, its second page's "2"), the text running on across them: at most half the
    numbers so placed stand over a title (`TITLE_WORDS`; "1" / "Budget" at each page's
    top are items' numbers, as Safer Stockton Partnership prints them; "4" over the
    council's name, "5" over a sentence, a parish council's pages 4 and 5, are pages).
    A line is known by the line beside it, the same in the page and in `raw`. No pages
    (not a PDF nor an export of one): none."""
    found = _edge_numbers(pages) if len(pages) >= 2 else []
    offsets = Counter(n - p for p, n, _, _ in found)
    titled = Counter(n - p for p, n, _, over_title in found if over_title)
    kept = {
        (n, key)
        for p, n, key, _ in found
        if (offsets[n - p] >= 2 or (len(pages) == 2 and n == p + 1))
        and 2 * titled[n - p] <= offsets[n - p]
    }
    if not kept:
        return frozenset()
    filled = [i for i, line in enumerate(raw) if line.strip()]
    lines = set()
    for k, i in enumerate(filled):
        m = PAGE_NUMBER.match(raw[i])
        if not m:
            continue
        beside = {_key(raw[filled[j]]) for j in (k - 1, k + 1) if 0 <= j < len(filled)}
        if any((int(m.group(1)), key) in kept for key in beside):
            lines.add(i)
    return frozenset(lines)
