"""What a question says about where and when, on a real Chroma index (FakeEmbedder: the
rules are under test, not the model): a committee it names is preferred, and its absence
at the dates asked is an abstention; a date it names is a strong preference, but an item
of another meeting that reports on that period still competes."""

from __future__ import annotations

import datetime as dt

import pytest

from minutesqa.answer.pipeline import Pipeline
from minutesqa.answer.query import Query
from minutesqa.answer.retrieve import Retriever
from minutesqa.config import Settings
from tests.conftest import FakeEmbedder, fake_archive

NW = "Municipal District of Newcastle West"
NW_JPC = "Municipal District of Newcastle West Joint Policing Sub Committee"
COUNCIL = "Limerick City and County Council"
CHECKPOINTS = "2. Policing Issues\n\nThe Superintendent said Garda checkpoints rose by 50%.\n"
MEETINGS = {
    # the district's item says more of the words asked; the sub committee's is the one asked
    "nw.txt": (
        NW,
        "Wednesday 5th December 2018",
        CHECKPOINTS + "Garda checkpoints at Dromcollogher.\n",
    ),
    "nw-jpc.txt": (NW_JPC, "Wednesday 5th December 2018", CHECKPOINTS),
    "nw-jpc-2019.txt": (NW_JPC, "Wednesday 6th March 2019", CHECKPOINTS),
    "council-2020.txt": (
        COUNCIL,
        "Monday 26th October 2020",
        "2. Policing\n\nThe Joint Policing Committee heard about Garda checkpoints.\n",
    ),
    "council-2021.txt": (COUNCIL, "Monday 22nd November 2021", "2. Roads\n\nPotholes.\n"),
    "council-2022.txt": (
        COUNCIL,
        "Monday 24th January 2022",
        "2. Consultancy\n\nConsultancy services cost less this year.\n",
    ),
    "council-2023.txt": (
        COUNCIL,
        "Monday 23rd January 2023",
        "2. Consultancy\n\nSpending on consultancy services in 2021 was 1,293,094 euro.\n",
    ),
}


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return fake_archive(tmp_path_factory, MEETINGS, "scope")


@pytest.fixture(scope="module")
def retriever(settings: Settings) -> Retriever:
    return Retriever(settings, embedder=FakeEmbedder())  # type: ignore[arg-type]


def test_the_most_specific_committee_named_is_found(retriever: Retriever) -> None:
    assert retriever.committees_named("checkpoints at the Newcastle West JPC sub committee") == (
        NW_JPC,
    )
    assert retriever.committees_named("roads in the Newcastle West district") == (NW,)
    assert retriever.committees_named("what was said about checkpoints?") == ()


def test_items_of_a_named_committee_score_the_boost_more(retriever: Retriever) -> None:
    boost = retriever.settings.tuning.named_boost
    text = "Garda checkpoints in Newcastle West"
    vector = FakeEmbedder().embed([text])[0]
    plain = {
        h.ref.key(): h.score for h in retriever.ranker.search(text, vector, (), None, None, 30)
    }
    named = retriever.ranker.search(text, vector, (), None, None, 30, (NW_JPC,))
    assert {h.ref.key() for h in named} == set(plain)
    for hit in named:
        bonus = boost if hit.ref.committee == NW_JPC else 0.0
        assert hit.score == pytest.approx(plain[hit.ref.key()] + bonus)


def test_a_question_naming_the_sub_committee_gets_its_item(retriever: Retriever) -> None:
    question = "Garda checkpoints at the Newcastle West Joint Policing Sub Committee in Dec 2018"
    hit = retriever.search(Query(question)).hits[0]
    assert (hit.ref.committee, hit.ref.date, hit.ref.item) == (NW_JPC, dt.date(2018, 12, 5), "2")


def test_a_named_committee_that_did_not_meet_then_abstains(settings: Settings) -> None:
    """A near miss: the topic and the body exist, but the body did not meet in October
    2020; other bodies' meetings of that month must not answer for it."""
    pipeline = Pipeline(settings, retriever=Retriever(settings, embedder=FakeEmbedder()))  # type: ignore[arg-type]
    question = "What did the Newcastle West Joint Policing Sub Committee hear in October 2020?"
    result = pipeline.retriever.search(Query(question))
    assert result.out_of_range and result.hits == []
    answer = pipeline.ask(question)
    assert answer.abstained and answer.citations == []
    assert NW_JPC in answer.text and "October 2020" in answer.text


def test_a_date_prefers_its_meetings_but_a_later_report_on_it_competes(
    retriever: Retriever,
) -> None:
    result = retriever.search(Query("How much was spent on consultancy services in 2021?"))
    assert (result.since, result.until) == (dt.date(2021, 1, 1), dt.date(2021, 12, 31))
    found = [(h.ref.date.isoformat(), h.ref.item) for h in result.hits]
    assert found[0] == ("2023-01-23", "2")  # reports 2021's spending; nothing in 2021 does
    assert ("2022-01-24", "2") not in found  # consultancy, but not about 2021
    assert {d for d, _ in found} == {"2021-11-22", "2023-01-23"}  # not 2020, 2022, 2018
    scores = [h.score for h in result.hits]
    assert scores == sorted(scores, reverse=True)


def test_an_explicit_date_filter_stays_a_wall(retriever: Retriever) -> None:
    result = retriever.search(
        Query("consultancy services 2021", since=dt.date(2021, 1, 1), until=dt.date(2021, 12, 31))
    )
    assert {h.ref.date for h in result.hits} == {dt.date(2021, 11, 22)}
