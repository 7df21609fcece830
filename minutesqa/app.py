"""The chat app: a Gradio page over the same `Pipeline` the CLI uses.

Everything shown on the page that comes from the minutes (answers, titles, item texts) is
treated as untrusted text: HTML is escaped and Markdown syntax (links, images, emphasis)
is neutralised before it reaches a Markdown-rendering component, so a minute that says
`<script>` or `[click](http://…)` is shown literally and never becomes markup.

What callers send is untrusted too: every question is checked by `minutesqa.inputs` (the
same checks as the CLI), uploads and oversized bodies are refused before Gradio reads them,
a malformed API call gets one line back (no traceback in the log), and each failed login
makes the next attempt for that user name wait longer.
"""

from __future__ import annotations

import asyncio
import hmac
import html
import inspect
import logging
import re
import tempfile
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import gradio as gr
from fastapi.exceptions import RequestValidationError
from starlette.middleware import Middleware
from starlette.requests import Request as HttpRequest
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from minutesqa.clip import clip_at_word
from minutesqa.committees import committees_phrase
from minutesqa.config import Settings
from minutesqa.errors import ConfigError, IndexMissingError, MinutesError, QuestionError
from minutesqa.inputs import MAX_QUESTION_CHARS, read_request
from minutesqa.models import MEETING_ITEM, Answer, Hit, ItemRef, date_int, human_date, item_label
from minutesqa.retrieve import committee_choices

log = logging.getLogger(__name__)

ALL_COMMITTEES = "All committees"
API_NAME = "ask"  # the stable endpoint: gradio_client.Client(url).predict(..., api_name="/ask")
MAX_HISTORY = 6  # earlier questions carried into a follow-up
MAX_BODY_BYTES = 1024**2  # a question with its history is a few kB; as nginx's 1m below
NO_INDEX = (
    "No minutes indexed yet: run `make ingest MINUTES=/path/to/minutes` "
    "(or `minutes ingest /path/to/minutes`), then restart the app."
)
TABLE_HEADERS = ["Committee", "Date", "Item", "Title", "Decisions", "Restricted"]
ROUTINE_TITLE_USES = 3  # an item title used at this many meetings is routine
_PROCEDURAL = re.compile(
    r"^(?:minutes|declarations? of interests?|apologies|introductions|matters arising|"
    r"any other business|evacuation|appointment of (?:chair|vice)|date (?:and time )?of|"
    r"urgent items?|exclusion of|welcome|reports back)",
    re.IGNORECASE,
)
CSS = """
#minutes-header p { margin: 0.2em 0; }
#cited-items * { font-family: var(--font) !important; }
#cited-items td, #cited-items th { font-size: 14px; overflow-wrap: anywhere; }
footer { display: none !important; }
"""


# the browser fetches nothing from elsewhere: system fonts, no Google Fonts
THEME = gr.themes.Soft(
    font=["ui-sans-serif", "system-ui", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"],
    font_mono=["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"],
)


# --- showing untrusted text -------------------------------------------------------------
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:@$^=])")


def escape_text(text: str) -> str:
    """Untrusted text -> Markdown that renders as exactly that text: no HTML, no links,
    no images, no emphasis, no autolinked URLs or e-mail addresses."""
    return html.escape(_MD_PUNCT.sub(r"\\\1", text), quote=False)


_BOLD_LINE = re.compile(r"^\*\*(.*?)(\*\*)?$")


def render_answer(text: str) -> str:
    """An answer's text for the chat. The writer marks each citation line `**…**`; those
    keep their bold, and every character of every line is escaped."""
    lines = []
    for line in text.split("\n"):
        m = _BOLD_LINE.match(line.strip())
        if m and m.group(1).strip():
            lines.append(f"**{escape_text(m.group(1))}**")
        else:
            lines.append(escape_text(line))
    return "\n".join(lines)


# --- auth -------------------------------------------------------------------------------
def read_auth_file(path: Path) -> dict[str, str]:
    """`user:password` lines (blank lines and `#` comments allowed) -> {user: password}."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"auth file {path} cannot be read ({exc.__class__.__name__})") from None
    users: dict[str, str] = {}
    for n, line in enumerate(raw.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        user, sep, password = line.partition(":")
        if not sep or not user.strip() or not password:
            raise ConfigError(f"auth file {path} line {n} is not 'user:password'")
        users[user.strip()] = password
    if not users:
        raise ConfigError(f"auth file {path} has no 'user:password' lines")
    return users


@dataclass
class LoginThrottle:
    """A growing delay after failed logins, per user name: after n failures in a row the
    next attempt waits `first_s * 2**(n-1)` seconds (at most `most_s`) before its password
    is checked; a success, or `forget_s` without a failure, starts again. Attempts sent at
    once each take the next free slot, so parallel guesses are spaced out too. Unknown
    names are treated alike (no hint of which names exist), and at most `users` names
    are remembered."""

    first_s: float = 1.0
    most_s: float = 30.0
    forget_s: float = 900.0
    users: int = 10_000
    _state: dict[str, list[float]] = field(default_factory=dict)  # name -> [fails, next, last]

    def delay_after(self, failures: int) -> float:
        return 0.0 if failures < 1 else min(self.most_s, self.first_s * 2 ** (failures - 1))

    def reserve(self, user: str) -> float:
        """Seconds this attempt waits; the slot after it is taken at once."""
        now = time.monotonic()
        state = self._state.get(user)
        if state is None or now - state[2] > self.forget_s:
            return 0.0
        failures, next_try, _last = state
        start = max(now, next_try)
        state[1] = start + self.delay_after(int(failures) + 1)
        return start - now

    def failed(self, user: str) -> int:
        now = time.monotonic()
        state = self._state.get(user)
        if state is None or now - state[2] > self.forget_s:
            state = self._state[user] = [0.0, now, now]
        state[0] += 1
        state[1] = max(state[1], now + self.delay_after(int(state[0])))
        state[2] = now
        if len(self._state) > self.users:  # forget the names least recently tried
            for name in sorted(self._state, key=lambda n: self._state[n][2])[: self.users // 10]:
                del self._state[name]
        return int(state[0])

    def succeeded(self, user: str) -> None:
        self._state.pop(user, None)


def make_auth(
    users: dict[str, str], throttle: LoginThrottle | None = None
) -> Callable[[str, str], Awaitable[bool]]:
    """Gradio's login check. Async, so a delayed attempt waits without holding a thread."""
    throttle = throttle or LoginThrottle()

    async def check(username: str, password: str) -> bool:
        name = (username or "")[:200]
        wait = throttle.reserve(name)
        if wait > 0:
            await asyncio.sleep(wait)
        expected = users.get(name)
        # compare even for unknown users so timing does not reveal which names exist
        ok = hmac.compare_digest(
            (expected or "\0").encode("utf-8"), (password or "").encode("utf-8")
        )
        if ok and expected is not None:
            throttle.succeeded(name)
            return True
        failures = throttle.failed(name)
        log.warning("failed login for user %r (%d in a row)", name[:40], failures)
        return False

    return check


# --- requests Gradio should never see ---------------------------------------------------
UPLOADS_REFUSED = "This app takes no uploads."
BODY_REFUSED = f"Request refused: a body of at most {MAX_BODY_BYTES // 1024**2} MB is accepted."


class RefuseUploads:
    """ASGI middleware in front of Gradio: every upload is refused (Gradio's upload routes,
    and any multipart body but the login form's), and so is a body over MAX_BODY_BYTES,
    with one line of plain text. Gradio's own `max_file_size` still lets empty files in."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            refusal = refusal_of(scope)
            if refusal is not None:
                status, text = refusal
                await PlainTextResponse(text, status_code=status)(scope, receive, send)
                return
        await self.app(scope, receive, send)


def refusal_of(scope: Scope) -> tuple[int, str] | None:
    """(status, one line) for a request the app refuses, else None."""
    path = str(scope.get("path", "")).rstrip("/")
    headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
    if path.endswith(("/upload", "/process_recording")):
        return 403, UPLOADS_REFUSED
    # the login page posts its two fields as multipart form data
    multipart = headers.get("content-type", "").lower().startswith("multipart/")
    if multipart and not path.endswith("/login"):
        return 403, UPLOADS_REFUSED
    length = headers.get("content-length", "")
    if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
        return 413, BODY_REFUSED
    return None


async def malformed_request(request: HttpRequest, exc: Exception) -> JSONResponse:
    """FastAPI's own refusal of a body it cannot read, in one line, without echoing it
    (its default repeats the whole input)."""
    errors = exc.errors() if isinstance(exc, RequestValidationError) else []
    where = ".".join(str(p) for p in errors[0].get("loc", ())) if errors else "body"
    what = str(errors[0].get("msg", "cannot be read")) if errors else "cannot be read"
    return JSONResponse({"error": f"malformed request: {where}: {what}"}, status_code=422)


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
        "css": CSS,
        "theme": THEME,
    }
    if settings.auth_file is not None:
        options["auth"] = make_auth(read_auth_file(settings.auth_file))
        options["auth_message"] = "Log in to ask questions of the council minutes."
    return options


# --- talking to the pipeline ------------------------------------------------------------
def load_pipeline(settings: Settings) -> tuple[Any, str | None]:
    """The pipeline, or None and the message the page shows instead."""
    from minutesqa.answer import Pipeline

    try:
        return Pipeline(settings), None
    except IndexMissingError:
        return None, NO_INDEX
    except MinutesError as exc:
        return None, f"The minutes index cannot be opened: {exc}"


def coverage_line(pipeline: Any) -> str:
    cov = pipeline.coverage
    shown = committees_phrase(cov.committees)
    span = f"{human_date(cov.first)} to {human_date(cov.last)}" if cov.first and cov.last else "-"
    plural = "" if cov.meetings == 1 else "s"
    return f"The index holds {cov.meetings} meeting{plural} of {shown}, from {span}."


def example_questions(pipeline: Any, limit: int = 4, per_meeting: int = 2) -> list[str]:
    """'What was agreed about <title>?' for substantive items of the latest meetings: not
    procedural ones, nor routine ones (a title the archive uses at three meetings or more:
    "Adoption of Minutes", "Deputation"), so the examples show what the archive is about."""
    try:
        firsts = pipeline.retriever.store.get_where({"chunk_index": 0})
        uses = Counter(
            " ".join(str(c.metadata.get("title", "")).casefold().split()) for c in firsts
        )
        cov = pipeline.coverage
        meetings = sorted(
            ((day, name) for name, days in cov.dates_by_committee.items() for day in days),
            reverse=True,
        )
        questions: list[str] = []
        for day, name in meetings:
            where = {
                "$and": [
                    {"committee": name},
                    {"date_int": date_int(day)},
                    {"chunk_index": 0},
                ]
            }
            chunks = pipeline.retriever.store.get_where(where)
            taken = 0
            for c in sorted(chunks, key=lambda c: int(c.metadata.get("item_index", 0))):
                meta = c.metadata
                title = " ".join(str(meta.get("title", "")).split())
                if (
                    int(meta.get("item_index", 0)) == 0
                    or meta.get("restricted")
                    or not meta.get("decisions")
                    or _PROCEDURAL.search(title)
                    or uses[title.casefold()] >= ROUTINE_TITLE_USES
                    or not re.fullmatch(r"[\w ,'’&/-]{4,60}", title)
                    or "restricted" in title.lower()
                ):
                    continue
                question = f"What was agreed about {title}?"
                if question not in questions:
                    questions.append(question)
                    taken += 1
                if taken >= per_meeting or len(questions) >= limit:
                    break
            if len(questions) >= limit:
                break
        return questions
    except Exception:  # examples are a nicety; never let them stop the app
        log.exception("could not build example questions")
        return []


def cited_hits(answer: Answer) -> list[tuple[ItemRef, Hit | None]]:
    by_key = {h.ref.key(): h for h in answer.retrieved}
    return [(ref, by_key.get(ref.key())) for ref in answer.citations]


def citation_rows(answer: Answer) -> list[list[str]]:
    rows = []
    for ref, hit in cited_hits(answer):
        decisions = " ".join(d for d in (hit.decisions if hit else ()) if d)
        rows.append(
            [
                ref.committee,
                ref.date.isoformat(),
                "meeting record" if ref.item == MEETING_ITEM else ref.item or "—",  # unnumbered
                ref.title,
                clip_at_word(decisions, 300),
                "restricted" if ref.restricted else "",
            ]
        )
    return rows


def citation_records(answer: Answer) -> list[dict[str, Any]]:
    out = []
    for ref, hit in cited_hits(answer):
        record = ref.to_record()
        record["restricted"] = ref.restricted
        record["decisions"] = list(hit.decisions) if hit else []
        out.append(record)
    return out


def full_text_markdown(answer: Answer) -> str:
    parts = []
    for n, (ref, hit) in enumerate(cited_hits(answer), 1):
        parts.append(f"#### {escape_text(f'[{n}] {ref.label()}')}")
        if hit is not None:
            decisions = [d for d in hit.decisions if d]
            if decisions:
                parts.append("**Decided:** " + escape_text(" ".join(decisions)))
            parts.append(escape_text(hit.text))
    return "\n\n".join(parts) if parts else "_No items cited._"


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


REGISTER_HEADERS = ["Date", "Committee", "Item", "Decision", "Outcome"]


def build_app(settings: Settings, pipeline: Any = None) -> gr.Blocks:
    """The chat page. Without a pipeline one is built here (the model loads once); if the
    index is missing or cannot be opened, the page says so and how to fix it."""
    unavailable: str | None = None
    if pipeline is None:
        pipeline, unavailable = load_pipeline(settings)

    def answer_stream(
        question: object,
        history: object,
        committee: object,
        since: object,
        until: object,
        labels: tuple[str, str],
    ) -> Iterator[tuple[str, Answer | None]]:
        """(text so far, None)… then (final text, Answer or None). Whatever was sent is
        checked first (`minutesqa.inputs`); a refusal is one line instead of an answer."""
        if pipeline is None:
            yield str(unavailable), None
            return
        if isinstance(committee, str) and committee.strip() == ALL_COMMITTEES:
            committee = None
        try:
            request = read_request(question, history, committee, since, until, labels=labels)
        except QuestionError as exc:
            yield str(exc), None
            return
        try:
            yield from pipeline.stream(
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
        for text, answer in answer_stream(
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
        for text, final in answer_stream(
            question, history, committee, since, until, labels=("since", "until")
        ):
            pass
        return {
            "answer": text,
            "abstained": final.abstained if final is not None else True,
            "citations": citation_records(final) if final is not None else [],
        }

    def register_view(committee: object, since: object, until: object, words: object) -> Any:
        """The decisions register for the filters: a status line, the table, the CSV file."""
        from minutesqa.inputs import read_committee, read_day
        from minutesqa.register import decisions, render_register

        hidden = gr.DownloadButton(visible=False)
        if pipeline is None:
            return str(unavailable), [], hidden
        try:
            name = None if committee == ALL_COMMITTEES else read_committee(committee)
            start, end = read_day(since, "From"), read_day(until, "To")
            if start and end and start > end:
                raise QuestionError(f"the From date ({start}) is after the To date ({end})")
            found = decisions(
                pipeline.retriever.store,
                since=start,
                until=end,
                committee=name,
                contains=str(words or "")[:200],
                exclude_restricted=settings.exclude_restricted,
            )
        except MinutesError as exc:
            return escape_text(str(exc)), [], hidden
        rows = [
            [d.date.isoformat(), d.committee, item_label(d.item, d.title), d.decision,
             ", ".join(p for p in (d.outcome, d.tally) if p)]
            for d in found
        ]  # fmt: skip
        path = Path(tempfile.mkdtemp(prefix="register-")) / "decisions.csv"
        path.write_text(render_register(found, "csv"), encoding="utf-8")
        status = f"{len(found):,} decisions" + ("" if found else ": try fewer filters")
        return status, rows, gr.DownloadButton(value=str(path), visible=bool(found))

    def clear() -> tuple[Any, ...]:
        return [], [], [], "_No items cited._", ""

    with Page(title="Council minutes Q&A", analytics_enabled=False) as demo:
        if pipeline is not None:
            header = (
                escape_text(coverage_line(pipeline))
                + "  \nEvery answer cites the committee, meeting date and agenda item it comes "
                "from; if the minutes don't cover a question, it says so."
            )
            committees = [ALL_COMMITTEES, *committee_choices(pipeline.coverage.committees)]
            examples = example_questions(pipeline)
        else:
            # our own message is Markdown already; an error's text is escaped
            header = NO_INDEX if unavailable == NO_INDEX else escape_text(str(unavailable))
            committees, examples = [ALL_COMMITTEES], []
        gr.Markdown(
            f"## Ask the council minutes\n{header}",
            elem_id="minutes-header",
            latex_delimiters=[],
        )
        turns = gr.State([])
        with gr.Tab("Ask"):
            with gr.Row(equal_height=False):
                with gr.Column(scale=5):
                    with gr.Row():
                        committee = gr.Dropdown(
                            committees,
                            value=ALL_COMMITTEES,
                            label="Committee",
                            interactive=pipeline is not None,
                            scale=2,
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
                        placeholder="Ask what a committee decided, who attended, or when "
                        "something was discussed.",
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
                with gr.Column(scale=4):
                    table = gr.Dataframe(
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
                        details = gr.Markdown(
                            "_No items cited._",
                            latex_delimiters=[],
                            line_breaks=True,
                            elem_id="item-text",
                        )
        with gr.Tab("Decisions"):
            gr.Markdown(
                "Every decision the minutes record, oldest first: filter, then download the "
                "register as CSV.",
                latex_delimiters=[],
            )
            with gr.Row():
                reg_committee = gr.Dropdown(
                    committees, value=ALL_COMMITTEES, label="Committee", scale=2
                )
                reg_since = gr.Textbox(label="From (YYYY-MM-DD)")
                reg_until = gr.Textbox(label="To (YYYY-MM-DD)")
                reg_words = gr.Textbox(label="Containing the words", max_length=200)
                reg_show = gr.Button("Show", variant="primary", min_width=80)
            reg_status = gr.Markdown("", latex_delimiters=[], elem_id="register-status")
            reg_table = gr.Dataframe(
                headers=REGISTER_HEADERS,
                value=[],
                datatype="str",
                interactive=False,
                wrap=True,
                column_widths=["10%", "18%", "24%", "38%", "10%"],
                elem_id="register",
            )
            reg_csv = gr.DownloadButton("Download CSV", visible=False)
            reg_show.click(
                register_view,
                [reg_committee, reg_since, reg_until, reg_words],
                [reg_status, reg_table, reg_csv],
                api_visibility="private",
            )

        inputs = [box, chatbot, turns, committee, since, until]
        outputs = [box, chatbot, turns, table, details]
        for trigger in (box.submit, send.click):
            trigger(chat, inputs, outputs, api_visibility="private", concurrency_id="answer")
        new.click(clear, None, [chatbot, turns, table, details, box], api_visibility="private")
        # the chat's own bin icon starts a new conversation too: forget the earlier turns
        chatbot.clear(clear, None, [chatbot, turns, table, details, box], api_visibility="private")
        gr.api(ask, api_name=API_NAME, concurrency_id="answer")

    return demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.max_queue)


def serve(settings: Settings) -> None:
    """Build the pipeline once and serve the page until interrupted."""
    options = launch_options(settings)  # a bad auth file fails before the model loads
    demo = build_app(settings)
    demo.launch(**options)
