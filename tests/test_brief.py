"""`minutes brief`: a topic's items across the archive, oldest first, with decisions and the
sentences that say what happened; passing mentions listed apart. Real model, sample minutes."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import pytest

from minutesqa.answer.pipeline import Pipeline
from minutesqa.config import Settings
from minutesqa.decision import Decision
from minutesqa.errors import ConfigError
from minutesqa.reports.brief import Briefing, brief, render


def test_street_angels_lists_its_one_item_with_its_decision(pipeline: Pipeline) -> None:
    b = brief(pipeline.retriever, pipeline.extractive, "Street Angels")
    assert [(e.ref.date, e.ref.item, e.ref.title) for e in b.entries] == [
        (dt.date(2024, 5, 30), "SSP/5/24", "Serious Violence Duty")
    ]
    entry = b.entries[0]
    assert entry.decisions == (Decision("Members noted the report."),)
    assert any("Street Angels programme" in s for s in entry.sentences)
    assert all(s in entry_text(pipeline, entry.ref.item) for s in entry.sentences)  # verbatim
    assert b.meetings == 1 and b.passing == []
    assert b.head() == "'Street Angels' was discussed at 1 meeting (1 item), on 30 May 2024."


def test_passing_mentions_are_listed_apart_and_never_called_silence(pipeline: Pipeline) -> None:
    """Anti-social behaviour: the 2011 performance report and the crime reports of 2021 and
    2024 speak of it (read by hand, eval/briefing_topics.yaml b003); two 2011 items name it
    once in passing: listed apart, by reference."""
    b = brief(pipeline.retriever, pipeline.extractive, "anti-social behaviour")
    assert [(e.ref.date.isoformat(), e.ref.item) for e in b.entries] == [
        ("2011-07-05", "7"),
        ("2021-02-02", "7"),
        ("2024-05-30", "SSP/7/24"),
    ]
    assert [(r.date.isoformat(), r.item) for r in b.passing] == [
        ("2011-07-05", "6"),
        ("2011-07-05", "8"),
    ]
    assert "## Mentioned in passing" in str(render(b, "md"))
    only = Briefing(topic="anti-social behaviour", passing=b.passing)
    assert only.head() == (
        "No item of the minutes is about 'anti-social behaviour'; 2 items mention it in passing."
    )
    nothing = brief(pipeline.retriever, pipeline.extractive, "swimming pool")
    assert nothing.entries == [] and nothing.passing == []
    assert nothing.head() == "The minutes do not mention 'swimming pool'."


def test_a_topic_of_two_facets_and_the_attendance_records(pipeline: Pipeline) -> None:
    """ "Fire service and youth offending" is two topics: an item on either is listed. A
    meeting's record, where the fire service attended, is never a timeline entry."""
    b = brief(pipeline.retriever, pipeline.extractive, "fire service and youth offending")
    assert [(e.ref.date.isoformat(), e.ref.item, e.why) for e in b.entries] == [
        ("2011-07-05", "6", "title"),
        ("2021-02-02", "8", "discussed"),
    ]
    assert {r.item for r in b.passing} == {"meeting"}
    police = brief(pipeline.retriever, pipeline.extractive, "Cleveland Police")
    assert "meeting" not in {e.ref.item for e in police.entries}


def test_dates_and_committee_narrow_the_briefing(pipeline: Pipeline) -> None:
    early = brief(
        pipeline.retriever, pipeline.extractive, "Street Angels", until=dt.date(2023, 12, 31)
    )
    assert early.entries == [] and early.passing == []
    named = brief(pipeline.retriever, pipeline.extractive, "Street Angels", committee="safer")
    assert [e.ref.item for e in named.entries] == ["SSP/5/24"]
    with pytest.raises(ConfigError, match="no committee in the index matches 'Planning'"):
        brief(pipeline.retriever, pipeline.extractive, "Street Angels", committee="Planning")


def test_formats(pipeline: Pipeline) -> None:
    from docx import Document

    b = brief(pipeline.retriever, pipeline.extractive, "Street Angels")
    md = render(b, "md")
    assert isinstance(md, str)
    assert md.startswith("# Briefing: Street Angels\n")
    assert (
        "### 30 May 2024 — Safer Stockton Partnership, item SSP/5/24: Serious Violence Duty" in md
    )
    assert "- **Decided:** Members noted the report." in md
    record = json.loads(str(render(b, "json")))
    assert record["meetings"] == 1 and record["first"] == record["last"] == "2024-05-30"
    assert record["items"][0]["item"] == "SSP/5/24"
    assert record["items"][0]["decisions"] == ["Members noted the report."]
    docx = render(b, "docx")
    assert isinstance(docx, bytes)
    paragraphs = [p.text for p in Document(io.BytesIO(docx)).paragraphs]
    assert "Briefing: Street Angels" in paragraphs
    assert "Decided: Members noted the report." in paragraphs


def test_cli_brief(sample_settings: Settings, cli: Any, tmp_path: Path) -> None:
    index = str(sample_settings.index_dir)
    run = cli(["brief", "Street Angels", "--index", index])
    assert run.returncode == 0 and "item SSP/5/24" in run.stdout
    assert run.stderr.strip().splitlines()[-1] == "1 items from 1 meetings"
    no_out = cli(["brief", "Street Angels", "--format", "docx", "--index", index])
    assert no_out.returncode == 2
    assert no_out.stderr.strip() == (
        "minutes brief: --format docx writes a file: give --out FILE.docx"
    )
    out = tmp_path / "brief.docx"
    wrote = cli(["brief", "Street Angels", "--format", "docx", "--out", str(out), "--index", index])
    assert wrote.returncode == 0 and out.read_bytes()[:2] == b"PK"
    bad = cli(["brief", "Street Angels", "--since", "2024-13-01", "--index", index])
    assert bad.returncode == 2 and "--since" in bad.stderr


def entry_text(pipeline: Pipeline, item: str) -> str:
    hits = pipeline.ask("What was said about Street Angels?").retrieved
    return next(h.text for h in hits if h.ref.item == item)


def test_the_apps_briefing_tab(pipeline: Pipeline) -> None:
    """The Briefing tab: the head, the timeline, Markdown and Word downloads, and a
    one-line refusal of a bad date."""
    from docx import Document

    from minutesqa.ui.app import build_app
    from minutesqa.ui.tabs import ALL_COMMITTEES

    demo = build_app(pipeline.settings, pipeline)
    view = next(f.fn for f in demo.fns.values() if f.name == "briefing_view")
    status, rows, md, docx = view("Street Angels", ALL_COMMITTEES, "", "")
    assert status.replace("\\", "") == (
        "'Street Angels' was discussed at 1 meeting (1 item), on 30 May 2024."
    )
    assert [r[:4] for r in rows] == [
        ["2024-05-30", "Safer Stockton Partnership", "item SSP/5/24: Serious Violence Duty",
         "Members noted the report."]
    ]  # fmt: skip
    paths = [Path(b.value["path"] if isinstance(b.value, dict) else b.value) for b in (md, docx)]
    assert paths[0].read_text(encoding="utf-8").startswith("# Briefing: Street Angels")
    assert "Briefing: Street Angels" in [p.text for p in Document(str(paths[1])).paragraphs]
    status, rows, md, _ = view("Street Angels", ALL_COMMITTEES, "2024-02-30", "")
    assert status.replace("\\", "") == (
        "From date '2024-02-30' is not a real date: use YYYY-MM-DD, e.g. 2024-05-30"
    )
    assert rows == [] and md.visible is False
