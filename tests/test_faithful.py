"""Every quote an answer shows is a contiguous span of the item it cites, and sentences
that are not next to each other in the minutes are joined with "…". Run over every
question of the sample evaluation set with the real model (Limerick and the layouts sets:
`make eval` reports the same check as "Faithful")."""

from __future__ import annotations

import datetime as dt

import pytest

from minutesqa.answer.extractive import ExtractiveWriter, _runs
from minutesqa.answer.faithful import is_span, unfaithful
from minutesqa.config import Settings
from minutesqa.evaluation.questions import load_questions
from minutesqa.models import Answer, Hit, ItemRef, Quote
from minutesqa.sentence_split import split_sentences
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def test_every_sample_answer_quotes_the_minutes_verbatim(pipeline) -> None:  # type: ignore[no-untyped-def]
    questions = load_questions(ROOT / "eval" / "questions.yaml")
    bad: list[str] = []
    quoted = 0
    for q in questions:
        answer = pipeline.ask(q.question, list(q.history))
        quoted += len(answer.quotes)
        for quote in unfaithful(answer):
            bad.append(f"{q.id}: {quote.text[:120]!r}")
        if not answer.abstained:
            for quote in answer.quotes:
                assert quote.text in answer.text, (q.id, quote.text[:80])
    assert quoted > len(questions)  # answers do quote
    assert not bad, "\n".join(bad)


def test_initials_and_titles_do_not_end_a_sentence() -> None:
    text = (
        "The Notice of Motion was proposed by Councillor J. O'Donoghue, seconded by "
        "Councillor A. Teskey and unanimously agreed. It was proposed by Cllr. A. Teskey, "
        "seconded by Councillor A. Talukder and agreed to write to the Minister. Supt. D. "
        "Kelly said incidents in Co. Limerick fell, i.e. 12 in Jan. 2023. The meeting ended "
        "at 8 p.m. Mr. J.P. Murphy left."
    )
    assert split_sentences(text) == [
        "The Notice of Motion was proposed by Councillor J. O'Donoghue, seconded by "
        "Councillor A. Teskey and unanimously agreed.",
        "It was proposed by Cllr. A. Teskey, seconded by Councillor A. Talukder and agreed "
        "to write to the Minister.",
        "Supt. D. Kelly said incidents in Co. Limerick fell, i.e. 12 in Jan. 2023.",
        "The meeting ended at 8 p.m.",
        "Mr. J.P. Murphy left.",
    ]


def test_sentences_apart_in_the_minutes_are_joined_with_an_ellipsis() -> None:
    assert _runs([2, 3, 7, 9, 10]) == [[2, 3], [7], [9, 10]]


def test_a_spliced_quote_is_caught() -> None:
    ref = ItemRef("Joint Policing Committee", dt.date(2023, 6, 12), "4", "Notices of Motion")
    text = (
        "The Notice of Motion was proposed by Councillor J. O'Donoghue, seconded by "
        "Councillor A. Teskey and unanimously agreed.\n\nIt was proposed by Councillor A. "
        "Teskey, seconded by Councillor A. Talukder and unanimously agreed to write to the "
        "Minister for Justice."
    )
    hit = Hit(ref=ref, score=1.0, relevance=0.8, text=text, decisions=(), source="x")
    spliced = Quote(
        ref,
        "The Notice of Motion was proposed by Councillor J. Talukder and "
        "unanimously agreed to write to the Minister for Justice.",
    )
    clipped = Quote(ref, "It was proposed by Councillor A. Teskey, seconded by …")
    answer = Answer("q", "", False, [ref], [hit], quotes=[spliced, clipped])
    assert unfaithful(answer) == [spliced]
    assert is_span("It was proposed by   Councillor A.\nTeskey", text)
    # words left out are marked: the parts on either side are spans
    assert is_span("The Notice of Motion was proposed … to the Minister for Justice.", text)
    assert not is_span("The Notice of Motion was agreed … to the Minister.", text)


def test_writer_marks_gaps_and_records_its_quotes(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(pipeline.writer, ExtractiveWriter)
    answer = pipeline.ask("What was agreed on Street Angels?")
    assert answer.quotes and not unfaithful(answer)
    settings: Settings = pipeline.settings
    assert settings.tuning.writer_items == 5
