"""Answers to questions written by people outside the team (session 14): each class of
failure seen on the Limerick question sets, on the real minutes text it failed on (the
file is named above each)."""

from __future__ import annotations

from minutesqa.answer.extractive import _pick
from minutesqa.answer.question import Kind, holds, holds_plainly
from minutesqa.indexing.terms import tokenize
from minutesqa.tuning import Tuning

# Economic Development, Enterprise and Planning SPC, 16 October 2019, item 3 ("Update on
# Draft Regional Spatial and Economic Strategy"): the date asked is in the sentence after
# the one closest to the question, which gives only a length of time


def test_a_length_of_time_is_no_time_named() -> None:
    # "within 26 weeks from date of adoption", "over the next 12 years": a "when" is
    # answered by them only against another time; "in April 2020" names one
    for sentence in (
        "preparation for the 1st Joint Limerick City and County Development Plan is to "
        "commence within 26 weeks from date of adoption.",
        "It will influence and guide Limerick’s Development Plan and Local Area Plans over the "
        "next 12 years and will influence decisions on government investment.",
    ):
        assert holds(Kind.WHEN, sentence) is True
        assert holds_plainly(Kind.WHEN, sentence) is False
    assert holds_plainly(Kind.WHEN, "the process will formally commence in April 2020.") is True


def test_a_when_question_gets_the_time_named_not_a_length_of_time() -> None:
    # the item's sentences 2, 6, 10 and 11, scored as the pipeline scored them for limb
    # b13 ("... when would work on the first joint Limerick City and County Development Plan
    # formally start?"): the three best fill the answer, two giving only lengths of time,
    # so the sentence naming the time (right after the best) is added by the kind asked
    said = [
        "It will influence and guide Limerick’s Development Plan and Local Area Plans over the "
        "next 12 years and will influence decisions on government investment.",
        "Lack of emphasis on the Primacy of Limerick City – to be amended in final RSES.",
        "She stated that the RSES will be adopted by the Assembly Members by the end of the "
        "year and preparation for the 1st Joint Limerick City and County Development Plan is "
        "to commence within 26 weeks from date of adoption.",
        "She informed members that background work has already commenced on preparing "
        "research papers and the process will formally commence in April 2020.",
    ]
    scores = [0.751, 0.595, 0.781, 0.476]
    rows = [(text, score, frozenset(tokenize(text))) for text, score in zip(said, scores)]
    tune = Tuning()
    picked = _pick(
        rows,
        [],
        set(tokenize("first joint Limerick City County Development Plan formally start")),
        tune.primary_sentences,
        tune.primary_margin,
        tune.novelty,
        (Kind.WHEN, tune.kind_margin),
    )
    assert picked == [0, 1, 2, 3]
