"""Whether a record's retrieved or cited entry is an expected item (shared/EVAL_FORMAT.md):
committee names by their significant words, item numbers trimmed and case-folded,
unnumbered items by title overlap, answers by their `any` phrases."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from minutesqa.evaluation.titles import title_words
from minutesqa.indexing import terms

if TYPE_CHECKING:
    from minutesqa.evaluation.questions import Expected, Question

COMMITTEE_STOPWORDS = frozenset({"of", "the", "meeting", "council", "and"})


def committee_words(name: str, known: tuple[str, ...] = ()) -> list[str]:
    """The significant words of a committee's name, abbreviations of the `known` names
    spelled out (terms.name_abbreviations)."""
    return [w for w in terms.committee_words(name, known) if w not in COMMITTEE_STOPWORDS]


def committee_matches(expected: str | None, actual: str | None) -> bool:
    """Every significant word of the expected name appears in the actual name; an
    abbreviation either name's initials spell counts as its words ("JPC" and "Newcastle
    West Joint Policing Sub Committee")."""
    if not expected:
        return True
    both = (expected, actual or "")
    have = set(committee_words(actual or "", both))
    return all(word in have for word in committee_words(expected, both))


def normalise_item(item: Any) -> str:
    """'7.' == '7', 'ssp/5/24' == 'SSP/5/24': trim, drop a trailing '.', ignore case.
    No number (None, '') is ''."""
    text = "" if item is None else str(item).strip()
    if text.endswith("."):
        text = text[:-1].strip()
    return text.casefold()


TITLE_OVERLAP = 0.6


def titles_match(expected: str, actual: str) -> bool:
    """At least 60% of the shorter title's words are in the other one."""
    a, b = title_words(expected), title_words(actual)
    shorter = min(len(a), len(b))
    if shorter == 0:
        return False
    return len(a & b) >= TITLE_OVERLAP * shorter


def matches(expected: Expected, entry: dict[str, Any]) -> bool:
    """Whether a record's retrieved or cited entry is the expected item: same date and
    committee, and the same number, or, for an unnumbered expected item, a title like it."""
    if str(entry.get("date", "")).strip() != expected.date:
        return False
    if not committee_matches(expected.committee, str(entry.get("committee") or "")):
        return False
    if expected.item is None:
        return titles_match(expected.title or "", str(entry.get("title") or ""))
    return normalise_item(entry.get("item")) == normalise_item(expected.item)


def is_expected(question: Question, entry: dict[str, Any]) -> bool:
    return any(matches(e, entry) for e in question.expect)


def first_rank(question: Question, retrieved: Sequence[dict[str, Any]]) -> int | None:
    """1-based rank of the first expected item in `retrieved`, or None."""
    for rank, entry in enumerate(retrieved, 1):
        if is_expected(question, entry):
            return rank
    return None


def _collapse(text: str) -> str:
    return " ".join(text.split()).casefold()


def answer_contains(answer: str, wanted: Iterable[str]) -> bool:
    text = _collapse(answer)
    return any(_collapse(w) in text for w in wanted if w.strip())
