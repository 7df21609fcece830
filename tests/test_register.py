"""The decisions register (`minutes decisions`) over the sample minutes: every decision the
segmenter found, filtered, in each format."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from minutesqa.chunk import chunk_meeting
from minutesqa.cli import EXIT_ERROR, main
from minutesqa.config import Settings
from minutesqa.indexing.store import StoredChunk
from minutesqa.models import Document, Meeting
from minutesqa.parse import read_document
from minutesqa.parse.text import normalise
from minutesqa.reports.register import decisions
from minutesqa.segment import segment
from tests.conftest import SAMPLES

pytestmark = pytest.mark.slow


def run(settings: Settings, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["decisions", "--index", str(settings.index_dir), *args])
    captured = capsys.readouterr()
    return code, captured.out if code == 0 else captured.err


# a motion with its vote (SF Open Source Voting TAC, 30 August 2017) and a decision with none
# beside it, whose words end in a bracket of the minutes' own
VOTES = (
    "Open Source Voting Technical Advisory Committee\n\nMinutes of the meeting held on "
    "30 August 2017\n\n"
    "8. Draft Recommendations\n\nChair Jerdonek called for a motion to approve the edits made "
    "to the text of sections discussed. Member Bafundo so moved, and Member Hage seconded. "
    "Upon voice vote, the motion passed unanimously.\n\n"
    "9. Project Resources\n\nAGREED that the resources page be kept [web version only]\n"
)


class _Store:
    """The store's first chunks, as ingest writes their metadata (Chunk.metadata)."""

    def __init__(self, meeting: Meeting) -> None:
        chunks = chunk_meeting(meeting, lambda text: len(text.split()), 256)
        self.chunks = [StoredChunk(c.id, c.metadata(), c.text) for c in chunks]

    def first_chunks(self, where: dict | None = None) -> list[StoredChunk]:  # type: ignore[type-arg]
        return [c for c in self.chunks if c.chunk_index == 0]


def test_outcome_and_tally_are_the_stored_decisions_fields() -> None:
    doc = Document(Path("/minutes/2017-08-30.txt"), normalise(VOTES), "txt", "0" * 64)
    store = _Store(segment(doc))
    rows = [(r.item, r.decision, r.outcome, r.tally) for r in decisions(store)]  # type: ignore[arg-type]
    assert rows == [
        (
            "8",
            "Chair Jerdonek called for a motion to approve the edits made to the text of sections "
            "discussed. Member Bafundo so moved, and Member Hage seconded. Upon voice vote, the "
            "motion passed unanimously.",
            "passed",
            "unanimous",
        ),
        # the minutes' bracket is part of the words, not an outcome
        ("9", "AGREED that the resources page be kept [web version only]", "", ""),
    ]


def test_one_decision_found_by_its_words(
    sample_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(sample_settings, capsys, "--contains", "domestic homicide", "--format", "json")
    assert code == 0
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record == {
        "date": "2011-07-05",
        "committee": "Safer Stockton Partnership",
        "item": "12",
        "title": "Domestic Homicide Reviews - update",
        "decision": "AGREED that the report be noted and that any interest to be an independent "
        "Chair and any ideas for funding be forwarded to Steven Hume.",
        "outcome": "",
        "tally": "",
        "source": str((SAMPLES / "000_f16cb60d1222a485.txt").resolve()),
    }


def test_a_years_register_holds_every_decision_of_its_meeting(
    sample_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    path = SAMPLES / "003_d3f6b6d0c3a0463e.txt"
    meeting = segment(read_document(path, max_bytes=2**26, timeout_s=60))
    assert meeting.date == dt.date(2021, 2, 2)
    expected = [(i.number, d.text) for i in meeting.items for d in i.decisions]
    code, out = run(
        sample_settings, capsys, "--since", "2021-01-01", "--until", "2021-12-31", "--format", "csv"
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(r["item"], r["decision"]) for r in rows] == expected
    assert {r["date"] for r in rows} == {"2021-02-02"}


def test_the_markdown_table_and_its_filters(
    sample_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out = run(
        sample_settings, capsys, "--committee", "safer stockton", "--until", "2011-12-31"
    )
    lines = out.splitlines()
    assert code == 0 and lines[0] == "| date | committee | item | decision | outcome |"
    assert lines[2].startswith("| 2011-07-05 | Safer Stockton Partnership | item 1: Minutes of")
    assert all(line.startswith("| 2011-07-05 |") for line in lines[2:])


def test_a_committee_the_index_lacks_is_one_line(
    sample_settings: Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = run(sample_settings, capsys, "--committee", "planning board")
    assert code == EXIT_ERROR
    assert err.startswith("minutes decisions: no committee in the index matches 'planning board'")
    assert len(err.strip().splitlines()) == 1


def test_the_apps_decisions_tab(pipeline) -> None:  # type: ignore[no-untyped-def]
    """The Decisions tab: the register for its filters, a CSV file to download, and a
    one-line refusal of a bad date."""
    from minutesqa.ui.app import build_app
    from minutesqa.ui.tabs import ALL_COMMITTEES

    demo = build_app(pipeline.settings, pipeline)
    view = next(f.fn for f in demo.fns.values() if f.name == "register_view")
    status, rows, download = view(ALL_COMMITTEES, "2021-01-01", "2021-12-31", "")
    assert status.endswith(" decisions") and rows
    assert {r[0] for r in rows} == {"2021-02-02"}
    value = download.value
    path = Path(value["path"] if isinstance(value, dict) else value)
    assert path.read_text(encoding="utf-8").splitlines()[0] == (
        "date,committee,item,title,decision,outcome,tally,source"
    )
    assert len(path.read_text(encoding="utf-8").splitlines()) == len(rows) + 1
    status, rows, _ = view(ALL_COMMITTEES, "2021-13-01", "", "")
    # Markdown-escaped, one line
    assert status.replace("\\", "") == (
        "From date '2021-13-01' is not a real date: use YYYY-MM-DD, e.g. 2024-05-30"
    )
    assert rows == []
