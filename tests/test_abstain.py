"""Abstention in a large archive: when the question's most telling words (rare in the
archive, or never used in it) are in none of the items found, the minutes speak around
the topic but not of it, and the answer says so. A real LexicalIndex over 4,000 generated
chunks; the hits are built by hand (their relevance is high on purpose: the rule must
hold even where the embedding finds the neighbourhood convincing)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from minutesqa.answer import answerable
from minutesqa.lexical import LexicalIndex
from minutesqa.models import Hit, ItemRef
from minutesqa.retrieve import Retrieval
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
