"""The app's archive tabs beside the chat: Briefing (a topic's history across meetings,
`minutesqa.reports.brief`) and Decisions (the register, `minutesqa.reports.register`). Each
is built inside the page's Blocks by `build_app`; filters are read by `minutesqa.inputs` as
in the CLI, and everything from the minutes is shown as escaped text or table cells."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr

from minutesqa.config import Settings
from minutesqa.errors import MinutesError, QuestionError
from minutesqa.inputs import read_committee, read_day, read_request
from minutesqa.models import human_date, item_label
from minutesqa.ui.view import escape_text

ALL_COMMITTEES = "All committees"
REGISTER_HEADERS = ["Date", "Committee", "Item", "Decision", "Outcome"]
BRIEF_HEADERS = ["Date", "Committee", "Item", "Decisions", "What happened"]


def _filters(committee: object, since: object, until: object) -> tuple[Any, Any, Any]:
    name = None if committee == ALL_COMMITTEES else read_committee(committee)
    start, end = read_day(since, "From"), read_day(until, "To")
    if start and end and start > end:
        raise QuestionError(f"the From date ({start}) is after the To date ({end})")
    return name, start, end


def _download(text: str | bytes, name: str) -> str:
    path = Path(tempfile.mkdtemp(prefix="minutes-")) / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


def brief_view(
    pipeline: Any,
    unavailable: str | None,
    topic: object,
    committee: object,
    since: object,
    until: object,
) -> Any:
    """A status line (the briefing's head), the timeline, and its Markdown and DOCX."""
    from minutesqa.reports.brief import brief, render

    hidden = (gr.DownloadButton(visible=False), gr.DownloadButton(visible=False))
    if pipeline is None:
        return escape_text(str(unavailable)), [], *hidden
    try:
        name, start, end = _filters(committee, since, until)
        request = read_request(topic, [], name, start, end)
        found = brief(
            pipeline.retriever,
            pipeline.extractive,
            request.question,
            since=request.since,
            until=request.until,
            committee=request.committee,
        )
    except MinutesError as exc:
        return escape_text(str(exc)), [], *hidden
    rows = [
        [e.ref.date.isoformat(), e.ref.committee, item_label(e.ref.item, e.ref.title),
         " ".join(d.display() for d in e.decisions), " … ".join(e.sentences)]
        for e in found.entries
    ]  # fmt: skip
    status = escape_text(found.head())
    if found.passing:
        status += "  \nMentioned in passing: " + escape_text(
            "; ".join(f"{human_date(r.date)}, {item_label(r.item, r.title)}" for r in found.passing)
        )
    if not found.entries:
        return status, rows, *hidden
    md = _download(render(found, "md"), "briefing.md")
    docx = _download(render(found, "docx"), "briefing.docx")
    return (
        status,
        rows,
        gr.DownloadButton(value=md, visible=True),
        gr.DownloadButton(value=docx, visible=True),
    )


def briefing_tab(pipeline: Any, unavailable: str | None, committees: list[str]) -> None:
    gr.Markdown(
        "Every meeting where a topic was discussed, oldest first, with what was decided: "
        "for a briefing. Download it as Markdown or Word.",
        latex_delimiters=[],
    )
    with gr.Row():
        topic = gr.Textbox(
            label="Topic", placeholder="e.g. street drinking, CCTV", max_length=200, scale=3
        )
        committee = gr.Dropdown(committees, value=ALL_COMMITTEES, label="Committee", scale=2)
        since = gr.Textbox(label="From (YYYY-MM-DD)")
        until = gr.Textbox(label="To (YYYY-MM-DD)")
        go = gr.Button("Brief me", variant="primary", min_width=100)
    status = gr.Markdown("", latex_delimiters=[], elem_id="brief-status")
    table = gr.Dataframe(
        headers=BRIEF_HEADERS,
        value=[],
        datatype="str",
        interactive=False,
        wrap=True,
        column_widths=["11%", "16%", "20%", "20%", "33%"],
        elem_id="briefing",
    )
    with gr.Row():
        md = gr.DownloadButton("Download Markdown", visible=False)
        docx = gr.DownloadButton("Download Word", visible=False)

    def briefing_view(topic: object, committee: object, since: object, until: object) -> Any:
        return brief_view(pipeline, unavailable, topic, committee, since, until)

    for trigger in (go.click, topic.submit):
        trigger(
            briefing_view, [topic, committee, since, until], [status, table, md, docx],
            api_visibility="private",
        )  # fmt: skip


def decisions_tab(
    pipeline: Any, unavailable: str | None, committees: list[str], settings: Settings
) -> None:
    def register_view(committee: object, since: object, until: object, words: object) -> Any:
        """The decisions register for the filters: a status line, the table, the CSV file."""
        from minutesqa.reports.register import decisions, render_register

        hidden = gr.DownloadButton(visible=False)
        if pipeline is None:
            return escape_text(str(unavailable)), [], hidden
        try:
            name, start, end = _filters(committee, since, until)
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
        path = _download(render_register(found, "csv"), "decisions.csv")
        status = f"{len(found):,} decisions" + ("" if found else ": try fewer filters")
        return status, rows, gr.DownloadButton(value=path, visible=bool(found))

    gr.Markdown(
        "Every decision the minutes record, oldest first: filter, then download the "
        "register as CSV.",
        latex_delimiters=[],
    )
    with gr.Row():
        committee = gr.Dropdown(committees, value=ALL_COMMITTEES, label="Committee", scale=2)
        since = gr.Textbox(label="From (YYYY-MM-DD)", elem_id="register-from")
        until = gr.Textbox(label="To (YYYY-MM-DD)", elem_id="register-to")
        words = gr.Textbox(label="Containing the words", max_length=200)
        go = gr.Button("Show", variant="primary", min_width=80)
    status = gr.Markdown("", latex_delimiters=[], elem_id="register-status")
    table = gr.Dataframe(
        headers=REGISTER_HEADERS,
        value=[],
        datatype="str",
        interactive=False,
        wrap=True,
        column_widths=["10%", "18%", "24%", "38%", "10%"],
        elem_id="register",
    )
    csv = gr.DownloadButton("Download CSV", visible=False)
    go.click(
        register_view, [committee, since, until, words], [status, table, csv],
        api_visibility="private",
    )  # fmt: skip
