"""Whether the minutes answer a question at all, and what to say when they do not.

Abstention is a short chain of named checks (`CHECKS`), each a way minutes fail to cover a
question; the first that refuses gives its name as the reason (`Answer.abstain_reason`, the
eval record's `abstain_reason`, one line in `minutes ask`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from minutesqa.answer.abstain_case import Case
from minutesqa.answer.dates import DateIntent
from minutesqa.answer.phrases import Phrase, says
from minutesqa.answer.query import is_follow_up, mentions_period, topic_terms
from minutesqa.answer.retrieval import Retrieval
from minutesqa.answer.said_otherwise import (
    compound_said_alike,
    is_furniture,
    said_alike,
    surface,
)
from minutesqa.answer.sentences import SentenceVectorSource, sentence_vectors
from minutesqa.indexing.embed import Embedder
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.indexing.terms import spelling_variants, tokenize
from minutesqa.models import MEETING_ITEM, VENUE_LABEL
from minutesqa.tuning import Tuning

_VENUE_QUESTION = re.compile(
    r"\bwhere\b.*\bmeeting\b.*\b(?:held|take place)\b|\bwhere\s+was\b.*\bheld\b|\bvenue\b",
    re.IGNORECASE,
)


def _no_items(case: Case) -> bool:
    """Nothing retrieved: the dates or the body asked hold no meetings, or the index is
    empty for the filters."""
    return not case.retrieval.hits


def _weak_match(case: Case) -> bool:
    """The best item is neither like the question nor holds its words (Tuning.weak)."""
    top = case.retrieval.hits[0]
    return top.relevance < case.tune.weak and top.coverage < case.tune.weak


def _unknown_words(case: Case) -> bool:
    """The topic holds words the minutes never use, the best item is not close on meaning
    (Tuning.close_item), and no sentence of it reads like an answer (Tuning.close,
    close_unseen when most of the topic is such words)."""
    tune, lexical, retrieval = case.tune, case.lexical, case.retrieval
    top = retrieval.hits[0]
    topic = case.topic
    unseen = [t for t in topic if lexical.df.get(t, 0) == 0]
    if not unseen or top.relevance >= tune.close_item:
        return False
    share = sum(lexical.idf(t) for t in unseen) / sum(lexical.idf(t) for t in topic)
    _, vectors = sentence_vectors(
        case.embedder, top, set(tokenize(retrieval.search_text)), tune, case.store
    )
    best = float(np.max(vectors @ retrieval.query_vector))
    return best < tune.close or (share >= tune.unseen_share and best < tune.close_unseen)


def _telling_words_missing(case: Case) -> bool:
    """The question's most telling words (rare in the archive) are in none of the items
    found: the minutes speak of the neighbourhood (policing, CCTV) but not of the thing
    asked (tasers). A name or rare compound of the question (`Case.names`) is one such
    word, found only where an item says it ("Active Cities", "a cable car": not items
    holding "cities" or "cable" alone). A telling word the items say otherwise
    ("motorcycle" for "motorbike", `_said_otherwise`) is found; one that is the question's
    furniture ("Roughly how many ...", said_otherwise.is_furniture) is no topic word.
    Tuning.missing_share, rare_share, unseen_tells, found_items."""
    if not case.topic:
        return False
    rare = case.tune.rare_share * len(case.lexical.ids)
    # a name the question uses weighs as one word, said in the items found or not at all
    # ("Active Cities": not "cities" alone)
    named = {t for p in case.names for t in p.tokens}
    units: list[tuple[int, bool, str | Phrase]] = [
        (len(case.saying(p)), not case.said(p), p) for p in case.names
    ]
    found = case.found
    units += [(case.lexical.df.get(t, 0), t not in found, t) for t in case.topic if t not in named]
    if not _missing_share(case, units):
        return False
    # the vectors are worked out only for a question the words alone would refuse
    telling = [u for u in units if u[0] <= rare and u[1]]
    furniture = {
        t
        for _, _, t in telling
        if isinstance(t, str)
        and is_furniture(case.embedder, case.retrieval.search_text, _word(case, t))
    }
    said = {t for _, _, t in telling if t not in furniture and _said_otherwise(case, t)}
    units = [(df, unfound and t not in said, t) for df, unfound, t in units if t not in furniture]
    return _missing_share(case, units)


def _missing_share(case: Case, units: list[tuple[int, bool, str | Phrase]]) -> bool:
    """Whether the telling words (df at most Tuning.rare_share of the chunks) not found
    weigh Tuning.missing_share of all the question's words (idf)."""
    tune, lexical = case.tune, case.lexical
    n = len(lexical.ids)
    total = sum(lexical.idf_of(df) for df, _, _ in units)
    # in a large archive a word it never uses is telling; in a small one hardly: such a
    # word counts in proportion to the archive's size, fully from unseen_tells chunks
    unseen_weight = min(1.0, n / tune.unseen_tells)
    missing = sum(
        lexical.idf_of(df) * (unseen_weight if df == 0 else 1.0)
        for df, unfound, _ in units
        if df <= tune.rare_share * n and unfound
    )
    return bool(missing) and missing / total >= tune.missing_share


def _word(case: Case, token: str) -> str:
    """The question's word for a topic token, as written ("motorbike")."""
    return surface(case.retrieval.search_text, token)


def _said_otherwise(case: Case, term: str | Phrase) -> bool:
    """Whether the items found say a telling word in another word (said_otherwise.
    said_alike: "motorcycle", "bike" for "motorbike") or a compound that is not a name by
    its head after a word alike (compound_said_alike: "two bedroom extension" for "the
    house extension"). A name is said as it is or not at all."""
    if isinstance(term, Phrase):
        if term.name:
            return False
        compound = [_word(case, t) for t in term.tokens]
        return compound_said_alike(case.embedder, compound, case.found_words)
    return said_alike(case.embedder, _word(case, term), set().union(*case.found_words))


def _other_date(case: Case) -> bool:
    """A dated question whose topic is plainly covered at another date (Tuning.
    elsewhere_coverage) and clearly better than at the date asked (elsewhere_gap)."""
    retrieval, tune = case.retrieval, case.tune
    other, top = retrieval.elsewhere, retrieval.hits[0]
    if other is None or other.ref.key() in {h.ref.key() for h in retrieval.hits}:
        return False
    gap = other.coverage - top.coverage
    return other.coverage >= tune.elsewhere_coverage and gap >= tune.elsewhere_gap


def _unsaid_by_body(case: Case) -> bool:
    """The question names a body, and its most telling topic word (the rarest in the
    archive, said somewhere in it) is in none of that body's minutes (nor of its sub
    committees, retrieval.BodyScope.family) and in none of the items found: the body never
    spoke of the thing asked ("What did the Joint Policing Committee agree about
    defibrillators?", where only the district meetings mention them). A name of the
    question (`Case.names`: "the Active Cities programme") is one such word, said only as
    it is; one the items found say otherwise (`_said_otherwise`) is said."""
    retrieval, lexical = case.retrieval, case.lexical
    body = retrieval.body
    if body is None or not body.family:
        return False
    name = set().union(*(tokenize(c) for c in retrieval.named))
    named = {t for p in case.names for t in p.tokens}  # a name is one term, said or not
    topic = [t for t in case.topic if t not in name | named]
    said: list[tuple[int, str | Phrase]] = [(lexical.df.get(t, 0), t) for t in topic]
    said += [(len(case.saying(p)), p) for p in case.names]
    said = [(df, term) for df, term in said if df > 0]
    if not said:
        return False
    _, rarest = min(said, key=lambda s: s[0])
    family = lexical.committee_mask(body.family)
    if isinstance(rarest, Phrase):
        unsaid = not case.said(rarest) and not family[case.saying(rarest)].any()
    else:
        spellings = {rarest, *spelling_variants(rarest)}  # "fertilizer", the minutes' "fertiliser"
        unsaid = not spellings & case.found and not any(
            family[lexical.chunks_with(t)].any() for t in spellings
        )
    # "two bedroom extension" for "the house extension": said, in other words
    return unsaid and not _said_otherwise(case, rarest)


def _other_body(case: Case) -> bool:
    """ "Did the DSF board agree to lease an office?": the topic is plainly covered in
    another body's minutes, and not in those of the body the question names or of its sub
    committees (retrieval.BodyScope). The same test as for dates, with the body as scope."""
    body, tune = case.retrieval.body, case.tune
    if body is None or body.other is None:
        return False
    gap = body.other_coverage - body.own_coverage
    return body.other_coverage >= tune.elsewhere_coverage and gap >= tune.elsewhere_gap


def _follow_up_off_topic(case: Case) -> bool:
    """A follow-up's own topic words (Tuning.follow_up_terms or more) are none of them in
    the item it would be answered from."""
    tune, top = case.tune, case.retrieval.hits[0]
    if not (case.history and is_follow_up(case.question, tune.follow_up_words)):
        return False
    own = topic_terms(case.question)
    present = set(tokenize(f"{top.ref.title} {top.text}"))
    return len(own) >= tune.follow_up_terms and not any(t in present for t in own)


def _venue_not_recorded(case: Case) -> bool:
    """ "Where was the meeting held?": the meeting record states a venue only when the
    minutes give one."""
    if not _VENUE_QUESTION.search(case.question):
        return False
    hits = case.retrieval.hits
    records = [h for h in hits[: case.tune.found_items] if h.ref.item == MEETING_ITEM]
    return not (records and f"{VENUE_LABEL}:" in records[0].text)


def _named_elsewhere(case: Case) -> bool:
    """A name of the question (`Case.names`) that the best item at another date says and
    the best item at the date asked does not ("the Wards Cross scheme in 2024": said in
    2018; the 2024 items, on other crossroads' safety schemes, are close on meaning but
    name another place; "body-worn cameras" in 2018, said in 2023). Where a check finds the
    topic elsewhere (other_date) or its telling words missing, such closeness waives
    nothing: a name is not paraphrased."""
    other, top = case.retrieval.elsewhere, case.retrieval.hits[0]
    if other is None or not case.names:
        return False
    there, here = (tokenize(f"{h.ref.title} {h.text}") for h in (other, top))
    return any(says(there, p.tokens) and not says(here, p.tokens) for p in case.names)


def clear_match(case: Case, by_meaning: bool = True) -> bool:
    """The best item is plainly what was asked: the question names a date (and perhaps a
    body), the item is within those dates or names them (and of that body or its family),
    and it holds Tuning.clear_coverage of the topic (without the words of the body's name)
    or is this close on meaning (Tuning.close_item; not `by_meaning`: its words alone).
    Such a question is not refused for its words or for another body's or date's items: a
    paraphrase ("share of drivers") is still answered from the meeting it names."""
    retrieval, tune = case.retrieval, case.tune
    top = retrieval.hits[0]
    body, dated = retrieval.body, retrieval.dated
    if not dated:  # a body alone is years of topics: the meeting is named by its date
        return False
    coverage = top.coverage
    if body is not None:
        if top.ref.committee not in body.family:
            return False
        if body.own is not None and body.own.ref.key() == top.ref.key():
            coverage = body.own_coverage
    if dated:
        since, until = retrieval.since, retrieval.until
        outside = (since and top.ref.date < since) or (until and top.ref.date > until)
        # an item of another date that names the period asked speaks of it (the 2025
        # budgetary plan adopted in November 2024, 2020's figures given in March 2021:
        # date_preference._date_preferred): it is within the dates
        if outside and not mentions_period(top.text, DateIntent(since, until), top.ref.date):
            return False
    return coverage >= tune.clear_coverage or (by_meaning and top.relevance >= tune.close_item)


@dataclass(frozen=True)
class Check:
    name: str  # the reason recorded when it refuses
    says: str  # the reason in words, for `minutes ask`
    refuses: Callable[[Case], bool]
    # whether a clear match (`clear_match`) answers whatever this check says
    waived_by_match: bool = False
    # where this holds, a match close on meaning alone waives nothing: its words must be
    # the topic's (clear_match's by_meaning False)
    meaning_void: Callable[[Case], bool] | None = None


# The chain, in order: the first check that refuses names the reason.
CHECKS: tuple[Check, ...] = (
    Check("no_items", "no item of the minutes falls within the filters", _no_items),
    Check("weak_match", "no item is like the question or holds its words", _weak_match),
    Check(
        "unknown_words",
        "the question's words are not the minutes' words and no sentence reads like an answer",
        _unknown_words,
        waived_by_match=True,
    ),
    Check(
        "telling_words_missing",
        "the question's most telling words are in none of the items found",
        _telling_words_missing,
        waived_by_match=True,
        meaning_void=_named_elsewhere,
    ),
    Check(
        "other_date",
        "the topic is covered at another date than the one asked",
        _other_date,
        waived_by_match=True,
        meaning_void=_named_elsewhere,
    ),
    Check(
        "other_body",
        "the topic is covered in another body's minutes",
        _other_body,
        waived_by_match=True,
    ),
    Check(
        "unsaid_by_body",
        "the body asked about never spoke of the question's most telling word",
        _unsaid_by_body,
        waived_by_match=True,
    ),
    Check(
        "follow_up_off_topic",
        "the follow-up's own words are not in the item it follows",
        _follow_up_off_topic,
    ),
    Check("venue_not_recorded", "the minutes do not say where it was held", _venue_not_recorded),
)
# reasons recorded outside the chain
OUT_OF_RANGE = "out_of_range"
MODEL_DECLINED = "model_declined"
REASONS = {c.name: c.says for c in CHECKS} | {
    OUT_OF_RANGE: "no meeting was held in the dates asked",
    MODEL_DECLINED: "the language model found no answer in the items given to it",
}


def abstain_reason(
    question: str,
    retrieval: Retrieval,
    lexical: LexicalIndex,
    embedder: Embedder,
    history: tuple[str, ...] | list[str] = (),
    tuning: Tuning | None = None,
    *,
    store: SentenceVectorSource | None = None,
) -> str:
    """The name of the first check of `CHECKS` that refuses the question; "" when the
    retrieved items can answer it. A question out of the index's dates is "out_of_range"."""
    case = Case(question, retrieval, lexical, embedder, tuple(history), tuning or Tuning(), store)
    matched: dict[bool, bool] = {}  # worked out only when a waivable check refuses
    for check in CHECKS:
        if check.refuses(case):
            if check.waived_by_match and case.tune.clear_coverage <= 1.0:
                by_meaning = check.meaning_void is None or not check.meaning_void(case)
                if by_meaning not in matched:
                    matched[by_meaning] = clear_match(case, by_meaning)
                if matched[by_meaning]:
                    continue
            if check.name == "no_items" and retrieval.out_of_range:
                return OUT_OF_RANGE
            return check.name
    return ""


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
    """Whether the retrieved items can answer the question at all (no check refuses)."""
    reason = abstain_reason(question, retrieval, lexical, embedder, history, tuning, store=store)
    return not reason
