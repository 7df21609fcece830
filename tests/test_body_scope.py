"""A question that names a body is answered from that body's minutes (or its sub
committees'), on a real Chroma index (FakeEmbedder: the rule is under test, not the model).
When only another body's minutes hold the topic, the answer is that the named body's do
not cover it, not a quote from the other body."""

from __future__ import annotations

import pytest

from minutesqa.answer.pipeline import Pipeline
from minutesqa.answer.query import Query
from minutesqa.answer.retrieve import Retriever
from tests.conftest import FakeEmbedder, fake_archive

WATER = "Riverside Water Board"
HILLTOP = "Hilltop Community Council"
HILLTOP_HALL = "Hilltop Community Council Village Hall Sub Committee"
MEETINGS = {
    "water-1.txt": (
        WATER,
        "Tuesday 5th March 2019",
        "2. Treatment Plant\n\nThe board set a budget for the water treatment plant upgrade.\n",
    ),
    "water-2.txt": (WATER, "Tuesday 4th June 2019", "2. Meters\n\nNew meters were fitted.\n"),
    # more water board meetings: 'Hilltop', in most chunks, would be no body's name
    # (Tuning.common_name_share)
    "water-3.txt": (WATER, "Tuesday 3rd September 2019", "2. Leaks\n\nTwo leaks were fixed.\n"),
    "water-4.txt": (WATER, "Tuesday 3rd December 2019", "2. Rates\n\nRates were held.\n"),
    "hilltop-1.txt": (
        HILLTOP,
        "Monday 4th March 2019",
        "2. Summer Fair\n\nThe council agreed a budget for the summer fair.\n\n"
        "3. Volunteer of the Month\n\nAnn Lee was named volunteer of the month for May 2019.\n",
    ),
    "hilltop-2.txt": (
        HILLTOP,
        "Monday 3rd June 2019",
        "2. Footpaths\n\nThe council asked for the footpaths to be repaired.\n",
    ),
    "hall.txt": (
        HILLTOP_HALL,
        "Monday 11th March 2019",
        "2. Roof\n\nThe sub committee agreed a budget for the new village hall roof.\n",
    ),
}


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    settings = fake_archive(tmp_path_factory, MEETINGS, "bodies")
    retriever = Retriever(settings, embedder=FakeEmbedder())  # type: ignore[arg-type]
    return Pipeline(settings, retriever=retriever)


def test_another_bodys_topic_is_not_answered_for_the_body_named(pipeline: Pipeline) -> None:
    question = "Did the Hilltop Community Council set a budget for the water treatment plant?"
    body = pipeline.retriever.search(Query(question)).body
    assert body is not None and body.own is not None and body.other is not None
    assert body.other.ref.committee == WATER and body.other_coverage == 1.0
    # 'hilltop', 'community', 'council' are in every item of the council: scope, not topic;
    # of 'set budget water treat plant' its best item holds 'set' and 'budget'
    assert body.own.ref.committee in (HILLTOP, HILLTOP_HALL)
    assert body.own_coverage == pytest.approx(
        pipeline.retriever.lexical.coverage_of(
            ["set", "budget", "water", "treat", "plant"],
            [[pipeline.retriever.lexical.position[c] for c in body.own.chunk_ids]],
        )[0]
    )
    assert body.own_coverage < 0.5
    answer = pipeline.ask(question)
    assert answer.abstained and answer.citations == []
    assert answer.text.startswith("The minutes don't cover this for Hilltop Community Council.")


def test_the_same_topic_unnamed_is_answered_from_the_body_that_has_it(pipeline: Pipeline) -> None:
    answer = pipeline.ask("Was a budget set for the water treatment plant?")
    assert not answer.abstained
    assert (answer.citations[0].committee, answer.citations[0].item) == (WATER, "2")


def test_a_sub_committee_answers_for_the_body_it_belongs_to(pipeline: Pipeline) -> None:
    question = "Did the Hilltop Community Council agree a budget for the village hall roof?"
    body = pipeline.retriever.search(Query(question)).body
    assert body is not None and body.own is not None
    assert (body.own.ref.committee, body.own_coverage) == (HILLTOP_HALL, 1.0)
    answer = pipeline.ask(question)
    assert not answer.abstained
    assert (answer.citations[0].committee, answer.citations[0].item) == (HILLTOP_HALL, "2")


def test_a_question_naming_no_body_has_no_body_scope(pipeline: Pipeline) -> None:
    assert pipeline.retriever.search(Query("What was agreed about footpaths?")).body is None


def test_a_month_the_body_did_not_meet_is_answered_by_an_item_about_it(
    pipeline: Pipeline,
) -> None:
    """Hilltop met in March and June 2019, not in May: 'for May 2019' dates the event, and
    the March item that names May 2019 answers (retrieve.Retriever._events)."""
    question = "Who was Hilltop Community Council's volunteer of the month for May 2019?"
    result = pipeline.retriever.search(Query(question))
    assert not result.out_of_range and result.dated
    answer = pipeline.ask(question)
    assert not answer.abstained and "Ann Lee" in answer.text
    cited = answer.citations[0]
    assert (cited.committee, cited.date.isoformat(), cited.item) == (HILLTOP, "2019-03-04", "3")


def test_a_month_the_body_did_not_meet_with_no_item_about_it_is_out_of_range(
    pipeline: Pipeline,
) -> None:
    answer = pipeline.ask("What did the Hilltop Community Council say about footpaths in May 2019?")
    assert answer.abstained and answer.citations == []
    assert "Hilltop Community Council" in answer.text and "May 2019" in answer.text


PLANS = {
    "hilltop-1.txt": (
        HILLTOP,
        "Monday 2nd December 2019",
        "2. Budgetary Plan\n\nThe council adopted its budgetary plan for 2020, a total of "
        "280,800 euro.\n",
    ),
    "hilltop-2.txt": (HILLTOP, "Monday 2nd March 2020", "2. Footpaths\n\nRepaired.\n"),
    "hilltop-3.txt": (HILLTOP, "Monday 1st June 2020", "2. Summer Fair\n\nHeld.\n"),
    "water-1.txt": (
        WATER,
        "Tuesday 3rd March 2020",
        "2. Works\n\nThe board adopted the total budgetary plan of its works.\n",
    ),
    "water-2.txt": (WATER, "Tuesday 2nd June 2020", "2. Meters\n\nNew meters were fitted.\n"),
    "water-3.txt": (WATER, "Tuesday 1st September 2020", "2. Leaks\n\nTwo were fixed.\n"),
    # more water board meetings: 'Hilltop' in half the chunks would name no body
    "water-4.txt": (WATER, "Tuesday 1st December 2020", "2. Rates\n\nRates were held.\n"),
    "water-5.txt": (WATER, "Tuesday 2nd March 2021", "2. Pipes\n\nPipes were laid.\n"),
    "water-6.txt": (WATER, "Tuesday 1st June 2021", "2. Pumps\n\nPumps were serviced.\n"),
}


def test_an_item_of_another_date_naming_the_period_asked_is_not_refused_for_another_body(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """'The budgetary plan for 2020', adopted in December 2019 (Newcastle West's 2025 plan,
    adopted in November 2024, in the Limerick minutes): the body named met in 2020 but its
    2020 items do not hold the topic, another body's do; the item naming 2020 is the
    answer (before: refused, 'other_body')."""
    settings = fake_archive(tmp_path_factory, PLANS, "plans")
    retriever = Retriever(settings, embedder=FakeEmbedder())  # type: ignore[arg-type]
    pipeline = Pipeline(settings, retriever=retriever)
    answer = pipeline.ask("What total budgetary plan did Hilltop Community Council adopt for 2020?")
    assert not answer.abstained, answer.abstain_reason
    cited = answer.citations[0]
    assert (cited.committee, cited.date.isoformat(), cited.item) == (HILLTOP, "2019-12-02", "2")
    assert "280,800" in answer.text
