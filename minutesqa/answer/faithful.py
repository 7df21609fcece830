"""Whether an answer's quotes are the minutes' own words: each `Quote` must be one
contiguous span of the item it cites (runs of whitespace count as one space), or spans
joined by "…" where words are left out (a clipped quote, a long resolution's head and
tail). Used by the tests over every evaluation answer and
reported by `minutes eval`."""

from __future__ import annotations

import re

from minutesqa.models import Answer, Quote
from minutesqa.sentence_split import split_sentences


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def is_span(quote: str, text: str) -> bool:
    """Each part of `quote` between "…" marks is in `text` as it stands, or as a run of its
    sentences (a list's lines quoted one after another lose only their bullets and line
    breaks). "…" is where the quote leaves words out, so the parts may be apart."""
    parts = [p.strip() for p in squeeze(quote).split("…")]
    if not any(parts):
        return False
    variants = (
        squeeze(text),
        " ".join(split_sentences(text)),
        " ".join(split_sentences(text, meeting=True)),
    )
    return all(any(part in v for v in variants) for part in parts if part)


def unfaithful(answer: Answer) -> list[Quote]:
    """The quotes of `answer` that are not a contiguous span of their cited item."""
    texts = {h.ref.key(): h.text for h in answer.retrieved}
    return [q for q in answer.quotes if not is_span(q.text, texts.get(q.ref.key(), ""))]
