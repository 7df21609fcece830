"""Agenda item titles as the evaluation compares them (shared/EVAL_FORMAT.md): distinct
words, case, punctuation and the usual small words ignored. Read by the question loader
(a title must hold words) and by the matching of unnumbered items."""

from __future__ import annotations

import re

TITLE_STOPWORDS = frozenset({"the", "of", "and", "to", "a", "on", "for", "in"})
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = re.compile(r"['\u2019\u2018]")


def title_words(title: str) -> set[str]:
    """A title's distinct words: case and punctuation ignored ("Treasurer's" is
    "treasurers", "Co-Chair" is "co" and "chair"), the/of/and/to/a/on/for/in left out."""
    text = _APOSTROPHES.sub("", title.casefold())
    return {w for w in _WORD.findall(text) if w not in TITLE_STOPWORDS}
