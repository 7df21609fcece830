"""Abstention in a large archive: when the question's most telling words (rare in the
archive, or never used in it) are in none of the items found, the minutes speak around
the topic but not of it, and the answer says so. A real LexicalIndex over 4,000 generated
chunks; the hits are built by hand (their relevance is high on purpose: the rule must
hold even where the embedding finds the neighbourhood convincing)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import numpy as np

from minutesqa.answer.abstain import answerable
from minutesqa.answer.refusal import abstain_text
from minutesqa.answer.retrieval import BodyScope, Coverage, Retrieval
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.models import Hit, ItemRef
from tests.conftest import FakeEmbedder

FILLER = [
    "The Superintendent gave an update on policing in the district and Garda numbers.",
    "Members discussed CCTV cameras in the town centre and road safety.",
    "The Council noted the report on housing and the roads programme.",
]
RARE = "Knife arches were trialled at one nightclub door."  # once in the archive


def archive() -> LexicalIndex:
    rows = [(f"c{i:05d}", FILLER[i % 3], {"date_int": 20200101}) for i in range(3999)]
    rows.append(("c99999", RARE, {"date_int": 20200101}))
    return LexicalIndex.build(rows)


def hit(text: str, item: str = "2") -> Hit:
    ref = ItemRef("Joint Policing Committee", dt.date(2020, 1, 1), item, "Policing Issues")
    return Hit(ref=ref, score=1.0, relevance=0.7, text=text, decisions=(), source="x")


def retrieval(question: str, hits: list[Hit]) -> Retrieval:
    vector = FakeEmbedder().embed([question])[0]
    return Retrieval(hits, vector, question, None, None, None)


LEX = archive()
POLICING = [hit(FILLER[0], "2"), hit(FILLER[1], "3")]


def ask(question: str, hits: list[Hit]) -> bool:
    return answerable(question, retrieval(question, hits), LEX, FakeEmbedder())  # type: ignore[arg-type]


def test_a_word_the_archive_never_uses_means_the_minutes_do_not_cover_it() -> None:
    assert LEX.df.get("taser", 0) == 0
    assert not ask(
        "What did the Joint Policing Committee decide about tasers for Gardai?", POLICING
    )


def test_a_rare_word_missing_from_every_item_found() -> None:
    assert LEX.df["nightclub"] == 1
    assert not ask("Did the committee discuss knife arches at nightclubs?", POLICING)


def test_the_rare_words_in_the_item_found_answer() -> None:
    assert ask("Did the committee discuss knife arches at nightclubs?", [hit(RARE), *POLICING])


def test_common_words_alone_never_trigger_it() -> None:
    assert ask("What did the Superintendent say about Garda numbers?", POLICING)


def test_a_small_index_does_not_read_unseen_words_as_missing_topics() -> None:
    """In the three sample meetings most words are unseen: paraphrases must still answer."""
    small = LexicalIndex.build([(f"c{i}", FILLER[i % 3], {}) for i in range(60)])
    question = "What did the Superintendent say about youngsters and Garda numbers?"
    assert small.df.get("youngster", 0) == 0
    assert answerable(question, retrieval(question, POLICING), small, FakeEmbedder())  # type: ignore[arg-type]
    assert np.isfinite(small.idf("youngster"))


# --- a question naming a body: the topic covered in another body's minutes, not in its own ---
CCTV = "Did the Joint Policing Committee discuss CCTV cameras in the town centre?"


def body_hit(committee: str, text: str, coverage: float) -> Hit:
    ref = ItemRef(committee, dt.date(2020, 1, 1), "4", "Reports")
    return Hit(
        ref=ref,
        score=1.0,
        relevance=0.7,
        text=f"Joint Policing Committee. {text}",  # no word of the question unseen
        decisions=(),
        source=committee,
        coverage=coverage,
    )


def ask_named(own: Hit | None, other: Hit) -> bool:
    """`coverage` of the hits below stands for BodyScope's (the topic less the name)."""
    hits = [other, own] if own is not None else [other]
    # the same items answer a question naming no body: only the body rule can refuse
    assert answerable(CCTV, retrieval(CCTV, hits), LEX, FakeEmbedder())  # type: ignore[arg-type]
    body = BodyScope(own, other, own.coverage if own else 0.0, other.coverage)
    found = replace(retrieval(CCTV, hits), named=("Joint Policing Committee",), body=body)
    return answerable(CCTV, found, LEX, FakeEmbedder())  # type: ignore[arg-type]


def test_a_topic_only_another_body_covers_is_not_answered_for_the_body_named() -> None:
    own = body_hit("Joint Policing Committee", FILLER[2], 0.1)
    other = body_hit("Town Council", FILLER[1], 0.8)
    assert not ask_named(own, other)
    assert not ask_named(None, other)  # the body named has no item on it at all


def test_the_body_named_covering_the_topic_too_answers() -> None:
    own = body_hit("Joint Policing Committee", FILLER[1], 0.7)
    assert ask_named(own, body_hit("Town Council", FILLER[1], 0.8))


def test_another_body_touching_the_topic_is_not_enough_to_refuse() -> None:
    own = body_hit("Joint Policing Committee", FILLER[2], 0.1)
    # the other body holds a little more of the topic, not most of it (Tuning.elsewhere_*)
    assert ask_named(own, body_hit("Town Council", FILLER[1], 0.5))


def test_the_refusal_names_the_body_the_question_named() -> None:
    coverage = Coverage(3, {"Joint Policing Committee": 2, "Town Council": 1}, None, None)
    found = replace(retrieval(CCTV, []), named=("Joint Policing Committee",))
    assert abstain_text(coverage, found).startswith(
        "The minutes don't cover this for Joint Policing Committee. The index holds 3 meetings"
    )
    assert abstain_text(coverage, retrieval(CCTV, [])).startswith(
        "The minutes don't cover this. The index holds 3 meetings"
    )


def test_the_refusal_names_the_check_that_made_it() -> None:
    from minutesqa.answer.abstain import REASONS, abstain_reason

    tasers = "What did the Joint Policing Committee decide about tasers for Gardai?"
    found = retrieval(tasers, POLICING)
    assert abstain_reason(tasers, found, LEX, FakeEmbedder()) == "telling_words_missing"  # type: ignore[arg-type]
    cctv = "What was said about CCTV cameras in the town centre?"
    assert abstain_reason(cctv, retrieval(cctv, POLICING), LEX, FakeEmbedder()) == ""  # type: ignore[arg-type]
    nothing = retrieval(tasers, [])
    assert abstain_reason(tasers, nothing, LEX, FakeEmbedder()) == "no_items"  # type: ignore[arg-type]
    nothing.out_of_range = True
    assert abstain_reason(tasers, nothing, LEX, FakeEmbedder()) == "out_of_range"  # type: ignore[arg-type]
    assert REASONS["telling_words_missing"].startswith("the question's most telling words")


# the Joint Policing Committee never spoke of defibrillators; district meetings did
# (limerick_a l04: "What did the Joint Policing Committee agree about installing
# defibrillators in Garda stations?" was answered from a JPC item on Garda stations)
BODIES = LexicalIndex.build(
    [
        *(
            (
                f"j{i:04d}",
                f"{FILLER[i % 2]} The Joint Policing Committee met.",
                {"committee": "Joint Policing Committee"},
            )
            for i in range(2000)
        ),
        *(
            (f"d{i:04d}", FILLER[2], {"committee": "Municipal District of Newcastle West"})
            for i in range(1990)
        ),
        *(
            (
                f"x{i:02d}",
                "A defibrillator was installed at the community hall.",
                {"committee": "Municipal District of Newcastle West"},
            )
            for i in range(10)
        ),
    ]
)
JPC_FAMILY = ("Joint Policing Committee",)


def _named(question: str, hits: list[Hit]) -> Retrieval:
    body = BodyScope(hits[0], None, 0.6, 0.4, JPC_FAMILY)
    return replace(retrieval(question, hits), named=JPC_FAMILY, body=body)


def test_a_word_the_body_named_never_said_is_not_answered() -> None:
    from minutesqa.answer.abstain import abstain_reason

    assert BODIES.df["defibrillator"] == 10  # said in the archive, by another body
    question = "What did the Joint Policing Committee say about defibrillators for Garda?"
    found = _named(question, POLICING)
    assert abstain_reason(question, found, BODIES, FakeEmbedder()) == "unsaid_by_body"  # type: ignore[arg-type]
    # a word the body did say, in its items found: answered
    asked = "What did the Joint Policing Committee say about CCTV cameras?"
    assert abstain_reason(asked, _named(asked, POLICING), BODIES, FakeEmbedder()) == ""  # type: ignore[arg-type]
