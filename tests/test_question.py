"""The question read once (minutesqa.answer.question): the kind of answer it asks for, what a
sentence must hold to give it, and the writer choosing sentences by it. The passages are
real Limerick minutes (a councillor's question and its reply; a motion and its reply)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from minutesqa.answer.extractive import ExtractiveWriter
from minutesqa.answer.question import Kind, holds, is_asking, parse_question, question_kind
from minutesqa.answer.retrieval import Retrieval
from minutesqa.config import Settings
from minutesqa.models import Hit, ItemRef


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many vehicles were seized under Section 41 in 2018?", Kind.HOW_MANY),
        ("What did it cost to impound stray horses during 2020?", Kind.HOW_MUCH),
        ("Roughly what share of the saliva tests came back positive?", Kind.HOW_MUCH),
        ("At the September meeting, when was building work expected to begin?", Kind.WHEN),
        ("When did the operation end, and what was set up afterwards?", Kind.WHEN),
        # "when" opening a clause of time is not the question asked
        ("When the campaign was presented, what happens if a fine goes unpaid?", Kind.OTHER),
        ("At the March 2021 meeting, who proposed adopting the standing orders?", Kind.WHO),
        ("What did the councillor who proposed it say about parking?", Kind.OTHER),
        ("What was agreed about the Street Angels?", Kind.DECIDED),
        ("Why couldn't the Gardai act on the complaints?", Kind.WHY),
        ("Did the board agree to lease an office?", Kind.YES_NO),
        ("What livestock was taken in the operation?", Kind.OTHER),
    ],
)
def test_the_kind_of_answer_a_question_asks_for(question: str, kind: Kind) -> None:
    assert question_kind(question) is kind


def test_what_a_sentence_must_hold() -> None:
    reply = "29 New Build Houses are anticipated to complete in Limerick City East in 2019."
    asked = "I will ask at the next meeting how many houses are expected to be built in 2019."
    assert holds(Kind.HOW_MANY, reply) and not holds(Kind.HOW_MANY, "in each district in 2019")
    assert is_asking(asked) and not is_asking(reply)
    assert holds(Kind.WHEN, "It is likely to be early August that we get on site.")
    assert holds(Kind.WHEN, "a commencement of build will take place in Q2 2024")
    assert holds(Kind.HOW_MUCH, "The total cost was €144,588 for the year.")
    assert holds(Kind.HOW_MUCH, "roughly one in seven tests were positive")
    assert holds(Kind.WHO, "The Motion was seconded by Councillor Sheahan.")
    assert holds(Kind.WHO, "proposed by Cllr. M. Ryan") and not holds(Kind.WHO, "it was noted.")
    assert holds(Kind.OTHER, "anything") is None  # "what": no one thing asked


def test_a_question_is_read_once_with_its_dates_and_follow_up() -> None:
    parsed = parse_question("and who proposed it?", ("What was agreed about CCTV in May 2019?",), 6)
    assert parsed.follow_up and parsed.kind is Kind.WHO
    assert parsed.search_text == "What was agreed about CCTV in May 2019? and who proposed it?"
    assert (parsed.dates.since, parsed.dates.until) == (dt.date(2019, 5, 1), dt.date(2019, 5, 31))


# Full Meeting of Limerick City and County Council, 28 January 2019, item 8
HOUSES = (
    "I will ask at the next meeting how many houses are expected to be built by Comhairle "
    "Cathrach agus Contae Luimnigh in each municipal district 2019.\n\nREPLY:\n\n"
    "29 New Build Houses are anticipated to complete in Limerick City East in 2019, which "
    "includes housing delivered as part of the Buy and Renew programme. Additionally, 97 New "
    "Build Houses are anticipated to commence works on site in Limerick City East in 2019, "
    "excluding the Buy and Renew programme.\n\n16 New Build Houses are anticipated to "
    "complete in Limerick City West in 2019, which includes housing delivered as part of the "
    "Buy and Renew programme."
)
# Municipal District of Newcastle West, 22 June 2023, item 14
BRIDGE = (
    "I will move at the next Meeting that immediate funding is sought to repair Barbers "
    "Bridge and that a safety assessment be carried out at this location immediately.\n\n"
    "The Motion was seconded by Councillor Sheahan.\n\nREPLY:\n\nWe are looking to include "
    "this in this year's program of works. It is likely to be early August that we get on "
    "site. The contractor and designers are currently developing a design and scheduling "
    "the work.\n\nIn proposing the Motion, Councillor Galvin requested that funding be "
    "sought to repair Barbers Bridge."
)


def _answer(embedder: Any, question: str, text: str, title: str) -> str:
    ref = ItemRef("Council", dt.date(2023, 6, 22), "8", title)
    hit = Hit(ref=ref, score=1.0, relevance=0.6, text=text, decisions=(), source="x.md")
    parsed = parse_question(question)
    vector = embedder.embed([question])[0]
    retrieval = Retrieval([hit], vector, question, None, None, None, parsed=parsed)
    settings = Settings.load(env={})
    return ExtractiveWriter(embedder, settings).write(question, [hit], retrieval).text


def test_the_reply_is_quoted_not_the_question_restated(embedder: Any) -> None:
    text = _answer(
        embedder,
        "How many houses were expected to be built in each municipal district in 2019?",
        HOUSES,
        "Question submitted by Comhairleoir S. Ó Ceallaigh",
    )
    assert "29 New Build Houses are anticipated to complete in Limerick City East" in text


def test_a_when_question_gets_the_sentence_with_the_time(embedder: Any) -> None:
    text = _answer(
        embedder,
        "When were the repairs to Barbers Bridge expected to start?",
        BRIDGE,
        "Notice of Motion submitted by Councillor L. Galvin",
    )
    assert "It is likely to be early August that we get on site." in text
