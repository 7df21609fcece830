"""Hybrid retrieval and answers on the three sample meetings, with the real model and the
real Chroma index (the session's `sample_settings`): rare names, paraphrases, date words
in the question, chunks merged into items, follow-ups, citations, abstention, and the
`minutes ask --json` record checked field by field against shared/EVAL_FORMAT.md."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from minutesqa.answer.query import Query, search_text
from minutesqa.answer.retrieve import Retriever
from minutesqa.config import Settings
from minutesqa.errors import ConfigError

pytestmark = pytest.mark.slow

D2011, D2021, D2024 = "2011-07-05", "2021-02-02", "2024-05-30"


@pytest.fixture(scope="module")
def retriever(sample_settings: Settings, embedder) -> Retriever:  # type: ignore[no-untyped-def]
    return Retriever(sample_settings, embedder=embedder)


def keys(retriever: Retriever, question: str, **kw: Any) -> list[tuple[str, str]]:
    result = retriever.search(Query(question, **kw))
    return [(h.ref.date.isoformat(), h.ref.item) for h in result.hits]


# --- rare names and paraphrases -----------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What was said about ECINS?", (D2021, "5")),
        ("What was agreed on Street Angels?", (D2024, "SSP/5/24")),
        ("What happened in Ropner?", (D2024, "SSP/6/24")),
        ("Which meeting did the man from Tristar Homes chair?", (D2011, "meeting")),
    ],
)
def test_rare_names_are_found_first(retriever: Retriever, question: str, expected: tuple) -> None:
    assert keys(retriever, question)[0] == expected


def test_iquanta_finds_both_iquanta_items_first(retriever: Retriever) -> None:
    assert set(keys(retriever, "iQuanta")[:2]) == {(D2024, "SSP/9/24"), (D2021, "10")}


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # worded unlike the minutes: 'minimum service ... 1 PCSO and 1 PC' per ward,
        # 'offences by children' (YOT), the Street Angels programme
        ("What is the smallest police presence a ward should have?", (D2011, "4")),
        ("How many youngsters committed offences?", (D2021, "8")),
        (
            "Is there a programme to put faith volunteers on the streets at night?",
            (D2024, "SSP/5/24"),
        ),
    ],
)
def test_paraphrases_are_found_first(retriever: Retriever, question: str, expected: tuple) -> None:
    assert keys(retriever, question)[0] == expected


def test_drop_in_crime_finds_the_crime_reports(retriever: Retriever) -> None:
    """'drop in crime': the minutes say 'reduction', 'decrease', 'down'."""
    top5 = set(keys(retriever, "Was there a drop in crime?")[:5])
    assert {(D2021, "7"), (D2024, "SSP/7/24")} <= top5


# --- dates in the question ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("words", "expected", "since", "until"),
    [
        ("in 2011", (D2011, "8"), dt.date(2011, 1, 1), dt.date(2011, 12, 31)),
        ("in 2021", (D2021, "7"), dt.date(2021, 1, 1), dt.date(2021, 12, 31)),
        ("in May 2024", (D2024, "SSP/7/24"), dt.date(2024, 5, 1), dt.date(2024, 5, 31)),
        ("at the last meeting", (D2024, "SSP/7/24"), dt.date(2024, 5, 30), dt.date(2024, 5, 30)),
    ],
)
def test_date_words_in_the_question_filter_the_search(
    retriever: Retriever, words: str, expected: tuple, since: dt.date, until: dt.date
) -> None:
    result = retriever.search(Query(f"What did the recorded crime report say {words}?"))
    assert (result.since, result.until) == (since, until)
    assert (result.hits[0].ref.date.isoformat(), result.hits[0].ref.item) == expected
    assert all(since <= h.ref.date <= until for h in result.hits)


def test_without_a_date_every_year_competes(retriever: Retriever) -> None:
    top3 = set(keys(retriever, "What did the recorded crime report say?")[:3])
    assert top3 == {(D2011, "8"), (D2021, "7"), (D2024, "SSP/7/24")}


def test_explicit_filters(retriever: Retriever) -> None:
    got = keys(retriever, "recorded crime", since=dt.date(2021, 1, 1), until=dt.date(2021, 12, 31))
    assert got[0] == (D2021, "7") and {d for d, _ in got} == {D2021}
    with pytest.raises(ConfigError, match="no committee in the index matches 'Planning'"):
        retriever.search(Query("recorded crime", committee="Planning"))
    only = keys(retriever, "recorded crime", committee="safer stockton")
    assert only[0] in {(D2011, "8"), (D2021, "7"), (D2024, "SSP/7/24")}


def test_a_date_with_no_meeting_is_out_of_range(retriever: Retriever) -> None:
    result = retriever.search(Query("What was agreed about Street Angels in 2019?"))
    assert result.out_of_range and result.hits == []


# --- items, not chunks ----------------------------------------------------------------------


def test_chunks_of_one_item_merge_into_one_hit(retriever: Retriever) -> None:
    result = retriever.search(Query("PCSO numbers and neighbourhood policing", k=10))
    found = [h.ref.key() for h in result.hits]
    assert len(found) == len(set(found)) == 10
    top = result.hits[0]
    assert (top.ref.date.isoformat(), top.ref.item) == (D2011, "4")
    assert len(top.chunk_ids) >= 2  # a long item: several chunks, one hit
    # chunk ids end -<item index>-<chunk index>: all of this hit's share one item index
    assert len({cid.rsplit("-", 1)[0] for cid in top.chunk_ids}) == 1
    # the hit carries the whole item, its chunks joined with the overlap removed
    assert "1 PCSO and 1 PC" in top.text and top.text.count("1 PCSO and 1 PC") == 1


# --- follow-ups -----------------------------------------------------------------------------


def test_a_follow_up_is_searched_with_the_conversation(retriever: Retriever) -> None:
    history = ("What was agreed about Street Angels?",)
    assert search_text("and how is it funded?", history) == (
        "What was agreed about Street Angels? and how is it funded?"
    )
    assert keys(retriever, "and how is it funded?", history=history)[0] == (D2024, "SSP/5/24")
    # alone, the fragment is about funding in general, not Street Angels
    assert keys(retriever, "and how is it funded?")[0] != (D2024, "SSP/5/24")


def test_a_full_question_after_history_stands_on_its_own(retriever: Retriever) -> None:
    history = ("What was agreed about Street Angels?",)
    question = "Who gave the update on PCSOs in the Stockton district?"
    assert search_text(question, history) == question


# --- answers --------------------------------------------------------------------------------


def test_street_angels_answer(pipeline: Any) -> None:
    answer = pipeline.ask("what was agreed on Street Angels?")
    assert not answer.abstained
    assert [(c.date.isoformat(), c.item) for c in answer.citations][0] == (D2024, "SSP/5/24")
    assert answer.text.startswith(
        "**[1] Safer Stockton Partnership, 30 May 2024, item SSP/5/24: Serious Violence Duty**"
    )
    assert "Members noted the report." in answer.text
    assert "non-denominationally" in answer.text


QUESTIONS = [
    "what was agreed on Street Angels?",
    "Who chaired the 2021 meeting?",
    "What did the partnership say about a fall in burglaries?",
    "What is ECINS used for?",
    "Which organisations provide victim support services?",
    "What did the recorded crime report say in 2021?",
    "What was said about the Serious Violence Duty?",
    "What was discussed about domestic homicide reviews?",
]


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_citation_is_a_retrieved_item_and_is_quoted(pipeline: Any, question: str) -> None:
    answer = pipeline.ask(question)
    assert not answer.abstained and answer.citations
    retrieved = [h.ref.key() for h in answer.retrieved]
    for n, ref in enumerate(answer.citations, 1):
        assert ref.key() in retrieved
        assert f"**[{n}] {ref.label()}**" in answer.text  # every cited item is in the text
    assert answer.text.count("**[") == len(answer.citations)  # and nothing else is


@pytest.mark.parametrize(
    "question",
    [
        "What did the council decide about the new swimming pool?",
        "How much was spent on Christmas lights?",
        "What was decided about the airport runway extension?",
    ],
)
def test_questions_the_minutes_do_not_cover_abstain(pipeline: Any, question: str) -> None:
    answer = pipeline.ask(question)
    assert answer.abstained and answer.citations == []
    assert answer.abstain_reason == "weak_match"  # nothing like it, none of its words
    assert answer.text.startswith("The minutes don't cover this.")
    assert "3 meetings of Safer Stockton Partnership, from 5 July 2011 to 30 May 2024" in (
        answer.text
    )
    assert len(answer.retrieved) == 10  # still reported, for the evaluation record


def test_a_date_the_index_does_not_hold_says_so(pipeline: Any) -> None:
    answer = pipeline.ask("What was agreed about Street Angels in 2019?")
    assert answer.abstained and answer.citations == []
    assert answer.abstain_reason == "out_of_range"
    assert "2019" in answer.text
    assert answer.to_record()["abstain_reason"] == "out_of_range"


def test_ask_says_in_one_line_why_it_refused(
    sample_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutesqa.cli import main

    question = "What was decided about the airport runway extension?"
    assert main(["ask", "--index", str(sample_settings.index_dir), question]) == 0
    out = capsys.readouterr().out
    refused = [line for line in out.splitlines() if line.startswith("Refused")]
    assert refused == ["Refused (weak_match): no item is like the question or holds its words."]


# --- the --json record ------------------------------------------------------------------------


def test_ask_json_record_matches_the_eval_format(sample_settings: Settings, cli: Any) -> None:
    proc = cli(
        ["ask", "--json", "--index", str(sample_settings.index_dir),
         "what was agreed on Street Angels?"]
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    record = json.loads(lines[0])
    assert set(record) == {
        "question", "answer", "abstained", "citations", "retrieved", "latency_ms",
    }  # fmt: skip
    assert record["question"] == "what was agreed on Street Angels?"
    assert isinstance(record["answer"], str) and "SSP/5/24" in record["answer"]
    assert record["abstained"] is False
    assert isinstance(record["latency_ms"], float) and record["latency_ms"] > 0
    assert len(record["retrieved"]) == 10  # at least the top 10 where the index holds 10
    ref_fields = {"committee", "date", "item", "title"}
    for entry in record["retrieved"]:
        assert ref_fields <= set(entry) <= ref_fields | {"score", "restricted", "parts"}
        assert isinstance(entry["score"], float)
        # the score is the sum of its recorded parts (Tuning weights applied)
        assert entry["score"] == pytest.approx(sum(entry["parts"].values()), abs=1e-5)
        assert {"similarity", "bm25", "coverage"} <= set(entry["parts"])
        dt.date.fromisoformat(entry["date"])
    scores = [e["score"] for e in record["retrieved"]]
    assert scores == sorted(scores, reverse=True)  # best first
    assert len({(e["committee"], e["date"], e["item"]) for e in record["retrieved"]}) == 10
    retrieved = [(e["committee"], e["date"], e["item"]) for e in record["retrieved"]]
    assert record["citations"][0] == {
        "committee": "Safer Stockton Partnership",
        "date": D2024,
        "item": "SSP/5/24",
        "title": "Serious Violence Duty",
    }
    for c in record["citations"]:
        assert (c["committee"], c["date"], c["item"]) in retrieved


def test_an_item_named_by_its_title_is_cited_at_every_meeting(pipeline: Any) -> None:
    """'Any other business' is an item of every meeting: the bare 2011 one ('None') is
    shown as it is and sets no bar for the 2021 and 2024 ones, which the question names."""
    answer = pipeline.ask("What was raised under any other business?")
    assert [(c.date.isoformat(), c.item) for c in answer.citations] == [
        (D2011, "3"),
        (D2021, "11"),
        (D2024, "SSP/8/24"),
    ]
    assert "item 3: Any other Business**\nNone\n" in answer.text
    assert "Safe at Homes" in answer.text


def test_ask_explain_shows_each_items_score_parts(
    sample_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutesqa.cli import main

    code = main(
        ["ask", "--explain", "--index", str(sample_settings.index_dir),
         "what was agreed on Street Angels?"]
    )  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    explained = out.split("Retrieved (extractive writer; * cited):\n", 1)[1].splitlines()
    first = explained[0]
    assert first.startswith("* 1. ") and "SSP/5/24" in first
    score, parts = first[5:].split("  |  ")[0].split(" = ")
    values = [float(p.rsplit(" ", 1)[1]) for p in parts.split(" + ")]
    assert [p.rsplit(" ", 1)[0] for p in parts.split(" + ")][:3] == [
        "similarity", "bm25", "coverage",
    ]  # fmt: skip
    assert float(score) == pytest.approx(sum(values), abs=0.003)
    assert len([line for line in explained if line[3:4] == "."]) == 10


def test_the_model_is_loaded_once(embedder, sample_settings: Settings) -> None:  # type: ignore[no-untyped-def]
    from minutesqa.indexing.embed import get_embedder

    assert (
        get_embedder(
            sample_settings.model, sample_settings.embed_batch_size, sample_settings.query_backend
        )
        is embedder
    )
