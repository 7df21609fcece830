"""The Ask tab: the chat, its filters and the cited items beside it (`ask_tab`), and what
its events and the page's API call (`Handlers`): each question checked by
`minutesqa.inputs` (the same checks as the CLI), answered by the pipeline and shown
escaped (`minutesqa.ui.view`), or refused in one line."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr

from minutesqa.clip import clip_at_word
from minutesqa.errors import MinutesError, QuestionError
from minutesqa.inputs import MAX_QUESTION_CHARS, read_request
from minutesqa.models import Answer
from minutesqa.ui.tabs import ALL_COMMITTEES
from minutesqa.ui.view import (
    TABLE_HEADERS,
    citation_records,
    citation_rows,
    escape_text,
    full_text_markdown,
    render_answer,
)

log = logging.getLogger(__name__)

MAX_HISTORY = 6  # earlier questions carried into a follow-up


class Handlers:
    """What the page's events and its API call: each question checked, answered by the
    pipeline and shown (or refused in one line). `unavailable` is why there is no
    pipeline (no index, an index that cannot be opened)."""

    def __init__(self, pipeline: Any, unavailable: str | None) -> None:
        self.pipeline, self.unavailable = pipeline, unavailable

    def answer_stream(
        self,
        question: object,
        history: object,
        committee: object,
        since: object,
        until: object,
        labels: tuple[str, str],
    ) -> Iterator[tuple[str, Answer | None]]:
        """(text so far, None)… then (final text, Answer or None). Whatever was sent is
        checked first (`minutesqa.inputs`); a refusal is one line instead of an answer."""
        if self.pipeline is None:
            yield str(self.unavailable), None
            return
        if isinstance(committee, str) and committee.strip() == ALL_COMMITTEES:
            committee = None
        try:
            request = read_request(question, history, committee, since, until, labels=labels)
        except QuestionError as exc:
            yield str(exc), None
            return
        try:
            yield from self.pipeline.stream(
                request.question,
                history=list(request.history[-MAX_HISTORY:]),
                committee=request.committee,
                since=request.since,
                until=request.until,
            )
        except MinutesError as exc:
            yield str(exc), None
        except Exception:
            log.exception("answering %r failed", request.question)
            yield "Something went wrong answering that question; the error has been logged.", None

    def chat(
        self,
        message: str,
        messages: list[dict[str, Any]] | None,
        turns: list[str] | None,
        committee: str | None,
        since: str,
        until: str,
    ) -> Iterator[tuple[Any, ...]]:
        question = (message or "").strip()
        messages = list(messages or [])
        turns = list(turns or [])
        if not question:
            yield "", messages, turns, gr.skip(), gr.skip()
            return
        # an over-long question is refused below; the chat shows only its start
        shown = question if len(question) <= MAX_QUESTION_CHARS else clip_at_word(question, 200)
        messages.append({"role": "user", "content": escape_text(shown)})
        messages.append({"role": "assistant", "content": "…"})
        yield "", messages, turns, gr.skip(), gr.skip()
        final: Answer | None = None
        earlier = turns[-MAX_HISTORY:]  # so a long chat never meets the history cap
        for text, answer in self.answer_stream(
            question, earlier, committee, since, until, labels=("From", "To")
        ):
            messages[-1] = {"role": "assistant", "content": render_answer(text)}
            final = answer
            if answer is None:
                yield "", messages, turns, gr.skip(), gr.skip()
        if final is None:  # a message instead of an answer: nothing to cite
            yield "", messages, turns, [], "_No items cited._"
            return
        turns.append(question)
        yield "", messages, turns, citation_rows(final), full_text_markdown(final)

    def ask(
        self,
        question: str,
        history: list[str] | None = None,
        committee: str = "",
        since: str = "",
        until: str = "",
    ) -> dict[str, Any]:
        """Answer one question from the minutes: {"answer": text, "abstained": bool,
        "citations": [{committee, date, item, title, restricted, decisions}]}. The text is
        plain text with `**` around each citation line; `history` holds the earlier
        questions of the conversation; `since`/`until` are YYYY-MM-DD. A question over
        1,000 characters, more than 50 earlier questions or a bad filter is refused: the
        answer is then one line saying why."""
        text, final = "", None
        for text, final in self.answer_stream(
            question, history, committee, since, until, labels=("since", "until")
        ):
            pass
        return {
            "answer": text,
            "abstained": final.abstained if final is not None else True,
            "citations": citation_records(final) if final is not None else [],
        }

    @staticmethod
    def clear() -> tuple[Any, ...]:
        return [], [], [], "_No items cited._", ""


@dataclass
class AskTab:
    """The Ask tab's components the events read and write."""

    committee: Any
    since: Any
    until: Any
    chatbot: Any
    box: Any
    send: Any
    new: Any
    table: Any
    details: Any


def _question_column(committees: list[str], examples: list[str], live: bool) -> AskTab:
    """The filters, the chat, the question box and its buttons (the table comes after)."""
    with gr.Row():
        committee = gr.Dropdown(
            committees, value=ALL_COMMITTEES, label="Committee", interactive=live, scale=2
        )
        since = gr.Textbox(label="From (YYYY-MM-DD)", placeholder="e.g. 2021-01-01")
        until = gr.Textbox(label="To (YYYY-MM-DD)", placeholder="e.g. 2024-12-31")
    chatbot = gr.Chatbot(
        label="Answers from the minutes",
        height=460,
        sanitize_html=True,
        render_markdown=True,
        allow_tags=False,
        latex_delimiters=[],
        feedback_options=None,
        buttons=["copy"],
        placeholder="Ask what a committee decided, who attended, or when something was discussed.",
        elem_id="chat",
    )
    with gr.Row():
        box = gr.Textbox(
            show_label=False,
            placeholder="Ask a question about the minutes",
            scale=6,
            submit_btn=False,
            elem_id="question",
            max_length=1000,
        )
        send = gr.Button("Ask", variant="primary", scale=1, min_width=80)
        new = gr.Button("Clear", scale=1, min_width=80)
    if examples:
        gr.Examples([[q] for q in examples], inputs=[box], label="Try asking")
    return AskTab(committee, since, until, chatbot, box, send, new, None, None)


def ask_tab(committees: list[str], examples: list[str], live: bool) -> AskTab:
    """The Ask tab: the question column, and the cited items beside it."""
    with gr.Row(equal_height=False):
        with gr.Column(scale=5):
            tab = _question_column(committees, examples, live)
        with gr.Column(scale=4):
            tab.table = gr.Dataframe(
                headers=TABLE_HEADERS,
                value=[],
                datatype="str",
                label="Cited items",
                interactive=False,
                wrap=True,
                column_widths=["20%", "15%", "12%", "19%", "20%", "14%"],
                elem_id="cited-items",
            )
            with gr.Accordion("Full text of the cited items", open=False):
                tab.details = gr.Markdown(
                    "_No items cited._",
                    latex_delimiters=[],
                    line_breaks=True,
                    elem_id="item-text",
                )
    return tab
