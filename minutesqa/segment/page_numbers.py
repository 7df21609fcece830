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

from minutesqa.segment.candidates import plain

# a number alone on its line, bold or not, perhaps between dashes ("**2**", "7", "- 3 -"),
# with no stop: "2." over its title is an item's number as Limerick's minutes print it
PAGE_NUMBER = re.compile(r"^\s*(?:\*\*)?\s*(?:[-–]\s*)?(\d{1,3})(?:\s*[-–])?\s*(?:\*\*)?\s*$")
KEY_CHARS = 40  # letters and digits of the line beside a page number compared


def _key(line: str) -> str:
    return re.sub(r"[\W_]+", "", plain(line)).casefold()[:KEY_CHARS]


def _edge_numbers(pages: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(page, number, the key of the line beside it) for each lone number that is a
    page's first or last line."""
    found = []
    for p, page in enumerate(pages):
        filled = [line for line in page.split("\n") if line.strip()]
        if len(filled) < 2:
            continue
        for edge, beside in ((0, 1), (-1, -2)):
            m = PAGE_NUMBER.match(filled[edge])
            if m:
                found.append((p, int(m.group(1)), _key(filled[beside])))
    return found


def page_number_lines(raw: list[str], pages: tuple[str, ...]) -> frozenset[int]:
    """The lines of `raw` that are page numbers: a lone number (`PAGE_NUMBER`) that is the
    first or last line of a page whose number it is, counting up with the pages (the
    number less the page's index the same on two pages or more; on a document of two
    pages, its second page's "2"). A line is known by the line beside it, the same in the
    page and in `raw`. No pages (not a PDF nor an export of one): none."""
    found = _edge_numbers(pages) if len(pages) >= 2 else []
    offsets = Counter(n - p for p, n, _ in found)
    kept = {
        (n, key) for p, n, key in found if offsets[n - p] >= 2 or (len(pages) == 2 and n == p + 1)
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
