"""The generative writer against a fake OpenAI-compatible endpoint (tests/fake_llm.py, a
named fake): what the model says is checked against the excerpts it cites, and every way
the endpoint can fail falls back to the extractive answer with the reason. Retrieval uses
the real model over the sample minutes."""

from __future__ import annotations

import socket

import pytest

from minutesqa.answer.generate import ABSTAIN_MARKER, GenerativeWriter, check
from minutesqa.answer.pipeline import Pipeline
from minutesqa.sentence_split import split_sentences
from tests.fake_llm import FakeLLM, excerpt

pytestmark = pytest.mark.slow

QUESTION = "What was agreed on Street Angels?"


def generative(pipeline, url: str, **settings: object) -> Pipeline:  # type: ignore[no-untyped-def]
    chosen = pipeline.settings.with_(llm_url=url, llm_model="fake", **settings)
    return Pipeline(chosen, retriever=pipeline.retriever)


def first_sentence(messages: list[dict[str, str]]) -> str:
    return split_sentences(excerpt(messages, 1))[0]


def test_a_supported_answer_is_kept_with_its_citation(pipeline) -> None:  # type: ignore[no-untyped-def]
    with FakeLLM(lambda m: f"{first_sentence(m)} [1]") as llm:
        gen = generative(pipeline, llm.url)
        assert isinstance(gen.writer, GenerativeWriter)
        answer = gen.ask(QUESTION)
    assert not answer.abstained and answer.writer == "generative" and answer.dropped == 0
    assert answer.citations and answer.citations[0].item == "SSP/5/24"
    assert "[1]" in answer.text and "[1] Safer Stockton Partnership" in answer.text
    request = llm.requests[0]
    assert request["stream"] is True and request["model"] == "fake"
    system, user = request["messages"]
    assert ABSTAIN_MARKER in system["content"] and QUESTION in user["content"]


def test_a_fabricated_number_is_dropped(pipeline) -> None:  # type: ignore[no-untyped-def]
    def reply(m: list[dict[str, str]]) -> str:
        return f"{first_sentence(m)} [1] The Partnership gave Street Angels £98,765 a year [1]."

    with FakeLLM(reply) as llm:
        answer = generative(pipeline, llm.url).ask(QUESTION)
    assert answer.dropped == 1 and "98,765" not in answer.text.split("\n\n(")[0]
    assert "1 sentence(s) of the generated answer dropped" in answer.text


def test_an_out_of_range_citation_is_dropped_and_nothing_left_falls_back(pipeline) -> None:  # type: ignore[no-untyped-def]
    with FakeLLM(lambda m: f"{first_sentence(m)} [9]") as llm:
        answer = generative(pipeline, llm.url).ask(QUESTION)
    assert answer.dropped == 1 and answer.writer == "generative"
    assert "cites [9], which is not an excerpt given" in answer.note
    assert answer.text.startswith("(The language model's answer failed the citation check")
    assert answer.quotes  # the extractive answer, shown instead
    assert answer.citations[0].item == "SSP/5/24"


def test_an_unanswerable_question_never_reaches_the_model(pipeline) -> None:  # type: ignore[no-untyped-def]
    with FakeLLM(lambda m: "Tasers were approved for every officer [1].") as llm:
        answer = generative(pipeline, llm.url).ask("Were tasers issued to wardens?")
    assert answer.abstained and llm.requests == []


def test_the_model_abstaining_is_an_abstention(pipeline) -> None:  # type: ignore[no-untyped-def]
    with FakeLLM(lambda m: ABSTAIN_MARKER) as llm:
        answer = generative(pipeline, llm.url).ask(QUESTION)
    assert answer.abstained and len(llm.requests) == 1
    assert "the language model found no answer" in answer.note


def test_a_server_that_is_down_falls_back_with_a_clear_message(pipeline) -> None:  # type: ignore[no-untyped-def]
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    answer = generative(pipeline, f"http://127.0.0.1:{port}/v1").ask(QUESTION)
    assert answer.text.startswith("(The language model at fake at http://127.0.0.1:")
    assert "cannot be reached; showing the extracts" in answer.text
    assert not answer.abstained and answer.citations[0].item == "SSP/5/24"


def test_a_slow_server_times_out_and_falls_back(pipeline) -> None:  # type: ignore[no-untyped-def]
    with FakeLLM(lambda m: f"{first_sentence(m)} [1]", delay_s=3.0) as llm:
        answer = generative(pipeline, llm.url, llm_timeout_s=0.5).ask(QUESTION)
    assert "did not answer in time" in answer.text and answer.citations


def test_streaming_shows_the_draft_then_the_checked_answer(pipeline) -> None:  # type: ignore[no-untyped-def]
    with FakeLLM(lambda m: f"{first_sentence(m)} [1]") as llm:
        updates = list(generative(pipeline, llm.url).stream(QUESTION))
    drafts = [text for text, answer in updates if answer is None]
    assert len(drafts) >= 3 and all("(drafting; checking citations…)" in d for d in drafts)
    final_text, final = updates[-1]
    assert final is not None and final_text == final.text and "drafting" not in final_text


@pytest.mark.parametrize(
    ("text", "kept", "why"),
    [
        ("The plan was agreed on 5 July 2011 [1].", 1, ""),
        ("The plan was agreed on 6 July 2011 [1].", 0, "'6' is not in the excerpt"),
        ("Councillor Smith proposed the plan [1].", 1, ""),
        ("Councillor Jones proposed the plan [1].", 0, "'Jones' is not in the excerpt"),
        ("The plan was agreed.", 0, "cites no excerpt"),
        ("The plan was agreed [2].", 0, "cites [2], which is not an excerpt given"),
    ],
)
def test_the_citation_check(text: str, kept: int, why: str) -> None:
    excerpts = ["On 5 July 2011 Councillor Smith proposed the plan, and it was agreed."]
    checked = check(text, excerpts)
    assert len(checked.kept) == kept
    if why:
        assert why in checked.dropped[0][1]
