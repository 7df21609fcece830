"""Whether the minutes answer a question at all, and what to say when they do not."""

from __future__ import annotations

import re

import numpy as np

from minutesqa.committees import committees_phrase
from minutesqa.embed import Embedder
from minutesqa.lexical import LexicalIndex, tokenize
from minutesqa.models import MEETING_ITEM, VENUE_LABEL, human_date
from minutesqa.prompts import render
from minutesqa.retrieve import Coverage, Retrieval, is_follow_up, topic_terms
from minutesqa.sentences import SentenceVectorSource, sentence_vectors
from minutesqa.tuning import Tuning


def abstain_text(coverage: Coverage, retrieval: Retrieval | None = None) -> str:
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


_VENUE_QUESTION = re.compile(
    r"\bwhere\b.*\bmeeting\b.*\b(?:held|take place)\b|\bwhere\s+was\b.*\bheld\b|\bvenue\b",
    re.IGNORECASE,
)


def answerable(
    question: str,
    retrieval: Retrieval,
    lexical: LexicalIndex,
    embedder: Embedder,
    history: tuple[str, ...] | list[str] = (),
    tuning: Tuning | None = None,
    *,
    store: SentenceVectorSource | None = None,
) -> bool:
    """Whether the retrieved items can answer the question at all. Three signals, each a
    way minutes fail to cover a question: the topic's words are unknown to the index and
    nothing reads like an answer; the topic exists, but only at other dates than asked, or
    only in the minutes of other bodies than the one named; or the question asks for a
    meeting fact the record does not state."""
    tune = tuning or Tuning()
    hits = retrieval.hits
    if not hits:
        return False
    top = hits[0]
    if top.relevance < tune.weak and top.coverage < tune.weak:
        return False
    topic = topic_terms(retrieval.search_text)
    unseen = [t for t in topic if lexical.df.get(t, 0) == 0]
    if unseen and top.relevance < tune.close_item:
        # words the minutes never use: answer only if a sentence reads like an answer
        share = sum(lexical.idf(t) for t in unseen) / sum(lexical.idf(t) for t in topic)
        _, vectors = sentence_vectors(
            embedder, top, set(tokenize(retrieval.search_text)), tune, store
        )
        best = float(np.max(vectors @ retrieval.query_vector))
        if best < tune.close or (share >= tune.unseen_share and best < tune.close_unseen):
            return False
    if topic:
        # the question's most telling words are in none of the items found: the minutes
        # speak of the neighbourhood (policing, CCTV) but not of the thing asked (tasers)
        found = set().union(
            *(tokenize(f"{h.ref.title} {h.text}") for h in hits[: tune.found_items])
        )
        total = sum(lexical.idf(t) for t in topic)
        n = len(lexical.ids)
        # in a large archive a word it never uses is telling; in a small one hardly: such a
        # word counts in proportion to the archive's size, fully from unseen_tells chunks
        unseen_weight = min(1.0, n / tune.unseen_tells)
        missing = sum(
            lexical.idf(t) * (unseen_weight if lexical.df.get(t, 0) == 0 else 1.0)
            for t in topic
            if lexical.df.get(t, 0) <= tune.rare_share * n and t not in found
        )
        if missing and missing / total >= tune.missing_share:
            return False
    other = retrieval.elsewhere
    if other is not None and other.ref.key() not in {h.ref.key() for h in hits}:
        # the topic is plainly covered at another date, and not at the date asked
        gap = other.coverage - top.coverage
        if other.coverage >= tune.elsewhere_coverage and gap >= tune.elsewhere_gap:
            return False
    body = retrieval.body
    if body is not None and body.other is not None:
        # "did the DSF board agree to lease an office?": the topic is plainly covered in
        # another body's minutes, and not in those of the body the question names or of its
        # sub committees (retrieve.BodyScope). The same test as for dates above, with the
        # body as the scope.
        gap = body.other_coverage - body.own_coverage
        if body.other_coverage >= tune.elsewhere_coverage and gap >= tune.elsewhere_gap:
            return False
    if history and is_follow_up(question, tune.follow_up_words):
        # a follow-up's own topic words must be in the item it is answered from
        own = topic_terms(question)
        present = set(tokenize(f"{top.ref.title} {top.text}"))
        if len(own) >= tune.follow_up_terms and not any(t in present for t in own):
            return False
    if _VENUE_QUESTION.search(question):
        records = [h for h in hits[: tune.found_items] if h.ref.item == MEETING_ITEM]
        # the meeting record states a venue only when the minutes give one
        return bool(records) and f"{VENUE_LABEL}:" in records[0].text
    return True
