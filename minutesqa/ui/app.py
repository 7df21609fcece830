"""The chat app: a Gradio page over the same `Pipeline` the CLI uses.

The page is put together here from its parts: the Ask tab and what its events call in
`minutesqa.ui.chat`, the Briefing and Decisions tabs in `minutesqa.ui.tabs`, its look in
`minutesqa.ui.style`; what it shows of an answer (escaped, never markup) is in
`minutesqa.ui.view`, and what it refuses before answering (uploads, oversized or unreadable
bodies, guessed logins) in `minutesqa.ui.guard`. Every question is checked by
`minutesqa.inputs` (the same checks as the CLI), and a malformed API call gets one line
back (no traceback in the log).
"""

from __future__ import annotations

import gc
import inspect
import logging
from typing import Any

import gradio as gr
from fastapi.exceptions import RequestValidationError
from starlette.middleware import Middleware

from minutesqa.committees import committee_choices
from minutesqa.config import Settings
from minutesqa.errors import IndexMissingError, MinutesError
from minutesqa.ui.chat import Handlers, ask_tab
from minutesqa.ui.guard import RefuseUploads, make_auth, malformed_request, read_auth_file
from minutesqa.ui.style import CSS, THEME, phone_css
from minutesqa.ui.tabs import ALL_COMMITTEES, briefing_tab, decisions_tab
from minutesqa.ui.view import (
    coverage_line,
    escape_text,
    example_questions,
)

log = logging.getLogger(__name__)

API_NAME = "ask"  # the stable endpoint: gradio_client.Client(url).predict(..., api_name="/ask")
NO_INDEX = (
    "No minutes indexed yet: run `make ingest MINUTES=/path/to/minutes` "
    "(or `minutes ingest /path/to/minutes`), then restart the app."
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
            tab = ask_tab(committees, examples, pipeline is not None)
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
