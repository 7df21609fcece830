"""The refusal's words (`abstain_text`): "the minutes don't cover this", with what the
index holds and how to ask again (prompts/abstain, prompts/out_of_range)."""

from __future__ import annotations

from minutesqa.answer.retrieval import Coverage, Retrieval
from minutesqa.committees import committees_phrase
from minutesqa.models import human_date
from minutesqa.prompts import render


def abstain_text(coverage: Coverage, retrieval: Retrieval | None = None) -> str:
    """What the answer says when the minutes do not cover the question: what the index
    holds, and the dates or bodies asked where retrieval was narrowed to them."""
    base = {
        "meetings": coverage.meetings,
        "committees": committees_phrase(coverage.committees),
        "first": human_date(coverage.first) if coverage.first else "-",
        "last": human_date(coverage.last) if coverage.last else "-",
    }
    if retrieval is not None and retrieval.out_of_range:
        since, until = retrieval.since, retrieval.until
        if since and until:
            span = f"between {human_date(since)} and {human_date(until)}"
        elif since:
            span = f"on or after {human_date(since)}"
        else:
            span = f"on or before {human_date(until)}" if until else "in that range"
        part = f" of {retrieval.committee}" if retrieval.committee else ""
        return render("out_of_range", committee_part=part, range=span, **base)
    named = retrieval.named if retrieval is not None else ()
    scope = f" for {committees_phrase(dict.fromkeys(named, 1))}" if named else ""
    return render("abstain", scope=scope, **base)
