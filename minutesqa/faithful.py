"""Whether an answer's quotes are the minutes' own words: each `Quote` must be one
contiguous span of the item it cites (runs of whitespace count as one space; a clipped
quote's closing "…" is not part of it). Used by the tests over every evaluation answer and
reported by `minutes eval`."""

from __future__ import annotations

import re

from minutesqa.models import Answer, Quote
from minutesqa.sentences import split_sentences


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def is_span(quote: str, text: str) -> bool:
    """`quote` is in `text` as it stands, or as a run of its sentences (a list's lines
    quoted one after another lose only their bullets and line breaks)."""
    words = squeeze(quote).removesuffix("…").strip()
    if not words:
        return False
    return any(
        words in variant
        for variant in (
            squeeze(text),
            " ".join(split_sentences(text)),
            " ".join(split_sentences(text, meeting=True)),
        )
    )


def unfaithful(answer: Answer) -> list[Quote]:
    """The quotes of `answer` that are not a contiguous span of their cited item."""
    texts = {h.ref.key(): h.text for h in answer.retrieved}
    return [q for q in answer.quotes if not is_span(q.text, texts.get(q.ref.key(), ""))]
