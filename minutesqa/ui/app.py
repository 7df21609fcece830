"""The chat app: a Gradio page over the same `Pipeline` the CLI uses.

The page is built here; what it shows of an answer (escaped, never markup) is in
`minutesqa.ui.view`, and what it refuses before answering (uploads, oversized or unreadable
bodies, guessed logins) in `minutesqa.ui.guard`. Every question is checked by
`minutesqa.inputs` (the same checks as the CLI), and a malformed API call gets one line
back (no traceback in the log).
"""

from __future__ import annotations

import gc
import inspect
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import gradio as gr
from fastapi.exceptions import RequestValidationError
from starlette.middleware import Middleware

from minutesqa.clip import clip_at_word
from minutesqa.committees import committee_choices
from minutesqa.config import Settings
from minutesqa.errors import IndexMissingError, MinutesError, QuestionError
from minutesqa.inputs import MAX_QUESTION_CHARS, read_request
from minutesqa.models import Answer
from minutesqa.ui.guard import RefuseUploads, make_auth, malformed_request, read_auth_file
from minutesqa.ui.tabs import ALL_COMMITTEES, briefing_tab, decisions_tab
from minutesqa.ui.view import (
    TABLE_HEADERS,
    citation_records,
    citation_rows,
    coverage_line,
    escape_text,
    example_questions,
    full_text_markdown,
    render_answer,
)

log = logging.getLogger(__name__)

API_NAME = "ask"  # the stable endpoint: gradio_client.Client(url).predict(..., api_name="/ask")
MAX_HISTORY = 6  # earlier questions carried into a follow-up
NO_INDEX = (
    "No minutes indexed yet: run `make ingest MINUTES=/path/to/minutes` "
    "(or `minutes ingest /path/to/minutes`), then restart the app."
)
CSS = """
#minutes-header p { margin: 0.2em 0; }
#cited-items *, #briefing *, #register * { font-family: var(--font) !important; }
#cited-items td, #cited-items th, #briefing td, #briefing th, #register td, #register th {
  font-size: 14px; overflow-wrap: anywhere;
}
footer { display: none !important; }
"""
# On a phone Gradio shares the screen's width out among the columns by percentage, so six
# columns of 50 px wrap every word letter by letter. Below PHONE_WIDTH each table's columns
# get these fixed widths instead (px, in header order) and the table scrolls sideways.
PHONE_WIDTH = 720
PHONE_COLUMNS = {
    "cited-items": [120, 108, 84, 150, 190, 90],  # TABLE_HEADERS
    "briefing": [100, 120, 170, 190, 260],  # BRIEF_HEADERS
    "register": [100, 120, 170, 260, 100],  # REGISTER_HEADERS
}


def phone_css(columns: dict[str, list[int]] = PHONE_COLUMNS) -> str:
    """The CSS that gives each table its fixed phone columns, overriding the widths Gradio
    writes into each cell: header cells, the hidden sizing row and the (virtual, flex) body
    cells alike, so they stay aligned."""
    rules = []
    for table, widths in columns.items():
        rules.append(f"#{table} table {{ width: {sum(widths)}px !important; }}")
        for n, px in enumerate(widths, 1):
            size = f"{px}px !important"
            rules.append(
                f"#{table} th:nth-child({n}), #{table} td:nth-child({n}), "
                f"#{table} [role=gridcell]:nth-child({n}) "
                f"{{ width: {size}; min-width: {size}; max-width: {size}; "
                f"flex: 0 0 {size}; overflow-wrap: break-word; }}"
            )
    return f"@media (max-width: {PHONE_WIDTH}px) {{\n" + "\n".join(rules) + "\n}\n"


# the browser fetches nothing from elsewhere: system fonts, no Google Fonts
THEME = gr.themes.Soft(
    font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
)


def launch_options(settings: Settings) -> dict[str, Any]:
    """Everything `launch()` gets, in one place (tests launch with the same options)."""
    options: dict[str, Any] = {
        "server_name": settings.host,
        "server_port": settings.port,
        "share": False,
        "show_error": True,  # one-line messages; tracebacks stay in the server log
        "max_file_size": 1,  # bytes: the app takes no uploads (RefuseUploads refuses all)
        "app_kwargs": {
            "middleware": [Middleware(RefuseUploads)],
            "exception_handlers": {RequestValidationError: malformed_request},
        },
        "blocked_paths": [str(settings.index_dir.resolve())],
        "ssr_mode": False,
        "mcp_server": False,
        "pwa": False,
        "enable_monitoring": False,
        "footer_links": ["api"],
        "css": CSS + phone_css(),
        "theme": THEME,
    }
    if settings.auth_file is not None:
        options["auth"] = make_auth(read_auth_file(settings.auth_file))
        options["auth_message"] = "Log in to ask questions of the council minutes."
    return options


# --- talking to the pipeline ------------------------------------------------------------
def load_pipeline(settings: Settings) -> tuple[Any, str | None]:
    """The pipeline, or None and the message the page shows instead."""
    from minutesqa.answer.pipeline import Pipeline

    try:
        return Pipeline(settings), None
    except IndexMissingError:
        return None, NO_INDEX
    except MinutesError as exc:
        return None, f"The minutes index cannot be opened: {exc}"


# --- the page ---------------------------------------------------------------------------
class Page(gr.Blocks):
    """gr.Blocks whose refusal of a malformed call (too few values, a value a component
    cannot read) is one line to the caller and one line in the log. Gradio's own message
    runs to several lines listing its internal objects, with a traceback in the log."""

    def validate_inputs(self, block_fn: Any, inputs: list[Any]) -> None:
        wanted = len(block_fn.inputs)
        if len(inputs) < wanted:
            names = ", ".join(inspect.signature(block_fn.fn).parameters) if block_fn.fn else ""
            raise malformed_call(block_fn, f"takes {wanted} values ({names}), got {len(inputs)}")

    async def preprocess_data(
        self, block_fn: Any, inputs: list[Any], state: Any, explicit_call: bool = False
    ) -> Any:
        try:
            return await super().preprocess_data(block_fn, inputs, state, explicit_call)
        except gr.Error:
            raise
        except Exception as exc:  # the caller's values, not a fault of the app
            raise malformed_call(
                block_fn, f"was sent a value it cannot read ({exc.__class__.__name__})"
            ) from None


def malformed_call(block_fn: Any, problem: str) -> gr.Error:
    name = block_fn.api_name or block_fn.name or "this endpoint"
    message = f"malformed call: /{name} {problem}"
    log.warning("refused %s", message)
    return gr.Error(message, print_exception=False)


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


def _heading(pipeline: Any, unavailable: str | None) -> tuple[str, list[str], list[str]]:
    """The page's header text, the committee choices and the example questions."""
    if pipeline is None:
        # our own message is Markdown already; an error's text is escaped
        header = NO_INDEX if unavailable == NO_INDEX else escape_text(str(unavailable))
        return header, [ALL_COMMITTEES], []
    header = (
        escape_text(coverage_line(pipeline))
        + "  \nEvery answer cites the committee, meeting date and agenda item it comes "
        "from; if the minutes don't cover a question, it says so."
    )
    committees = [ALL_COMMITTEES, *committee_choices(pipeline.coverage.committees)]
    return header, committees, example_questions(pipeline)


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


def _ask_tab(committees: list[str], examples: list[str], live: bool) -> AskTab:
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


def build_app(settings: Settings, pipeline: Any = None) -> gr.Blocks:
    """The chat page. Without a pipeline one is built here (the model loads once); if the
    index is missing or cannot be opened, the page says so and how to fix it."""
    unavailable: str | None = None
    if pipeline is None:
        pipeline, unavailable = load_pipeline(settings)
    handlers = Handlers(pipeline, unavailable)
    with Page(title="Council minutes Q&A", analytics_enabled=False) as demo:
        header, committees, examples = _heading(pipeline, unavailable)
        gr.Markdown(
            f"## Ask the council minutes\n{header}",
            elem_id="minutes-header",
            latex_delimiters=[],
        )
        turns = gr.State([])
        with gr.Tab("Ask"):
            tab = _ask_tab(committees, examples, pipeline is not None)
        with gr.Tab("Briefing"):
            briefing_tab(pipeline, unavailable, committees)
        with gr.Tab("Decisions"):
            decisions_tab(pipeline, unavailable, committees, settings)

        inputs = [tab.box, tab.chatbot, turns, tab.committee, tab.since, tab.until]
        outputs = [tab.box, tab.chatbot, turns, tab.table, tab.details]
        cleared = [tab.chatbot, turns, tab.table, tab.details, tab.box]
        for trigger in (tab.box.submit, tab.send.click):
            trigger(
                handlers.chat, inputs, outputs, api_visibility="private", concurrency_id="answer"
            )
        tab.new.click(handlers.clear, None, cleared, api_visibility="private")
        # the chat's own bin icon starts a new conversation too: forget the earlier turns
        tab.chatbot.clear(handlers.clear, None, cleared, api_visibility="private")
        gr.api(handlers.ask, api_name=API_NAME, concurrency_id="answer")

    return demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.max_queue)


def prepare(settings: Settings, pipeline: Any = None) -> tuple[gr.Blocks, dict[str, Any]]:
    """The page and its launch options, with everything loaded so far frozen for the
    garbage collector. A loaded archive is long-lived objects (Limerick: ~525,000), and a
    full collection walks them all (~240 ms) while every answer in flight waits: under
    load that was the slowest answers' time. `gc.freeze()` leaves collections to what
    requests allocate (a full one then takes ~0 ms; `make bench` measures both)."""
    options = launch_options(settings)  # a bad auth file fails before the model loads
    demo = build_app(settings, pipeline)
    gc.collect()  # what loading left behind goes now, not into the frozen generation
    gc.freeze()
    return demo, options


def serve(settings: Settings) -> None:
    """Build the pipeline once and serve the page until interrupted."""
    demo, options = prepare(settings)
    demo.launch(**options)
