"""Where a sentence ends in minutes: not at an initial ("Councillor J. O'Donoghue"), a title
("Cllr.", "Supt.") or an abbreviation used mid-sentence ("Co. Limerick", "No. 5"). Pure text:
read by ingest (decisions.py) and by the answer writer (sentences.py) alike."""

from __future__ import annotations

import re

from minutesqa.lexicon import ABBREVIATIONS, CURRENCY_SYMBOLS

_BREAK = re.compile(rf"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9{re.escape(CURRENCY_SYMBOLS)}])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)[.]$")


def split_sentences(text: str, meeting: bool = False) -> list[str]:
    """The item's sentences, each a span of its text with runs of whitespace made single
    (so a quoted sentence can be found in the minutes). A full stop after an initial
    ("J."), a dotted abbreviation ("J.P.", "i.e.") or a word of ABBREVIATIONS does not end a
    sentence; nor does one before a lower-case word. Lines of a list are sentences of their
    own. The meeting record is split by lines."""
    if meeting:
        return [line.strip() for line in text.split("\n") if line.strip()]
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n(?=[-•·*]|\(?[a-z0-9]{1,2}[.)]\s)", text):
        # a list line's bullet is layout, not words; everything else is kept verbatim
        para = re.sub(r"^[-•·*]+\s*", "", re.sub(r"\s+", " ", para).strip())
        if para:
            out.extend(split_paragraph(para))
    return out


def split_paragraph(para: str) -> list[str]:
    """The sentences of one paragraph, each a stripped span of it."""
    out: list[str] = []
    start = 0
    for m in _BREAK.finditer(para):
        end = m.start() + 1  # just after the mark
        if para[m.start()] == "." and not _ends_sentence(para[start:end]):
            continue
        piece = para[start : m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = para[start:].strip()
    if tail:
        out.append(tail)
    return out


def _ends_sentence(before: str) -> bool:
    """Whether the full stop that ends `before` ends a sentence."""
    m = _WORD_BEFORE.search(before)
    if not m:
        return True  # "... 2023." or "(approved)."
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Councillor J. O'Donoghue"
    if "." in word:  # "J.P.", "i.e.", "p.m.": a dotted abbreviation
        return word.lower().replace(".", "") in ("am", "pm")  # "at 8 p.m. The ..." ends
    return word.lower() not in ABBREVIATIONS
