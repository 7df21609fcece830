"""Items the minutes print without a number (the headings are the items): chunk ids and
metadata, the context line, keys, labels and records, and retrieval from a real index
(FakeEmbedder: ranking is not under test) returning each one as its own hit. Also
Meeting.kind in the metadata and the meeting record."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

import minutesqa.ingest as ingest_module
from minutesqa.answer.extractive import citation_label
from minutesqa.answer.pipeline import Pipeline
from minutesqa.answer.query import Query
from minutesqa.answer.retrieve import Retriever
from minutesqa.chunk import chunk_meeting, context_line
from minutesqa.config import Settings
from minutesqa.decision import Decision
from minutesqa.indexing.store import VectorStore
from minutesqa.ingest import ingest
from minutesqa.models import AgendaItem, Attendance, Hit, ItemRef, Meeting
from minutesqa.ui.view import citation_rows
from tests.conftest import FakeEmbedder

DAY = dt.date(2022, 6, 9)
ITEMS = (
    AgendaItem("", "Finances", "The treasurer reported a balance of 4,200 pounds in the bank."),
    AgendaItem(
        "",
        "Playground Repairs",
        "The swings at the green were broken. A quote for new swings was read.",
        decisions=(Decision("Motion to accept the quote for new swings: carried 5-2."),),
    ),
    AgendaItem("", "Correspondence", "A letter from the library about opening hours was read."),
)


def meeting(
    source: str = "/m/board.txt", content_hash: str = "0" * 64, kind: str = "ordinary"
) -> Meeting:
    return Meeting(
        committee="DSF Board",
        date=DAY,
        source=source,
        content_hash=content_hash,
        attendance=Attendance(chair="J. Smith"),
        items=ITEMS,
        kind=kind,
    )


def test_context_line_names_an_unnumbered_item_by_its_title() -> None:
    m = meeting()
    assert context_line(m, ITEMS[0]) == "DSF Board | 9 June 2022 | Finances"
    numbered = AgendaItem("4", "Finances", "x")
    assert context_line(m, numbered) == "DSF Board | 9 June 2022 | Item 4: Finances"
    assert context_line(m, m.meeting_record()) == (
        "DSF Board | 9 June 2022 | Meeting record: Attendance and venue"
    )


def test_chunks_of_unnumbered_items() -> None:
    chunks = chunk_meeting(meeting(kind="special"), lambda t: len(t.split()), 256)
    assert [c.item for c in chunks] == ["meeting", "", "", ""]
    assert len({c.id for c in chunks}) == 4
    assert [c.metadata()["title"] for c in chunks[1:]] == [i.title for i in ITEMS]
    assert {c.metadata()["item"] for c in chunks[1:]} == {""}
    assert {c.metadata()["kind"] for c in chunks} == {"special"}
    assert chunks[2].text.startswith("DSF Board | 9 June 2022 | Playground Repairs\nThe swings")


def test_meeting_record_says_the_kind() -> None:
    assert (
        meeting()
        .meeting_record()
        .body.startswith("Meeting of DSF Board held on 9 June 2022.\nChair: J. Smith")
    )
    assert (
        meeting(kind="special")
        .meeting_record()
        .body.startswith("Special meeting of DSF Board held on 9 June 2022.")
    )
    assert meeting(kind="annual").meeting_record().body.startswith("Annual meeting of DSF Board")


def test_item_ref_of_an_unnumbered_item() -> None:
    a = ItemRef("DSF Board", DAY, "", "Finances")
    b = ItemRef("DSF Board", DAY, "", "Correspondence")
    assert a.key() != b.key()
    assert a.key() == ItemRef("DSF Board", DAY, "", " finances ").key()  # another copy
    assert a.key() != ItemRef("DSF Board", DAY, "Finances", "x").key()
    assert a.label() == "DSF Board, 9 June 2022, Finances"
    assert ItemRef("DSF Board", DAY, "4", "Finances", True).label() == (
        "DSF Board, 9 June 2022, item 4: Finances (restricted)"
    )
    assert a.to_record() == {
        "committee": "DSF Board",
        "date": "2022-06-09",
        "item": None,
        "title": "Finances",
    }
    assert ItemRef("DSF Board", DAY, "4", "Finances").to_record()["item"] == "4"
    hit = Hit(a, 1.0, 1.0, "text", (), "/m/board.txt")
    assert citation_label(2, hit) == "[2] DSF Board, 9 June 2022, Finances"
    meta = {"committee": "DSF Board", "date": "2022-06-09", "item": "", "title": "Finances"}
    assert ItemRef.from_metadata(meta) == a


@pytest.fixture
def index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A real index holding one special meeting with three unnumbered items."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    path = folder / "board.txt"
    path.write_text("DSF Board minutes, 9 June 2022\n", encoding="utf-8")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    built = meeting(source=str(path), content_hash=digest, kind="special")
    monkeypatch.setattr(ingest_module, "load_meeting", lambda p, s: built)
    settings = Settings.load(env={}, index_dir=tmp_path / "index")
    summary = ingest(folder, settings, embedder=FakeEmbedder(), progress=False)
    assert (summary.meetings, summary.items, summary.failed) == (1, 3, 0)
    return settings


def test_three_unnumbered_items_are_three_hits(index: Settings) -> None:
    metas = [c.metadata for c in VectorStore(index, create=False).iter_all()]
    assert sorted(str(m["title"]) for m in metas if m["item"] == "") == [
        "Correspondence",
        "Finances",
        "Playground Repairs",
    ]
    assert {m["kind"] for m in metas} == {"special"}

    retriever = Retriever(index, embedder=FakeEmbedder())  # type: ignore[arg-type]
    question = "treasurer balance swings quote library letter"
    hits = retriever.search(Query(question, k=10)).hits
    titles = sorted(h.ref.title for h in hits if h.ref.item == "")
    assert titles == ["Correspondence", "Finances", "Playground Repairs"]
    assert len({h.ref.key() for h in hits}) == len(hits) == 4  # and the meeting record

    answer = Pipeline(index, retriever=retriever).ask(question)
    record = json.loads(json.dumps(answer.to_record()))
    unnumbered = [r for r in record["retrieved"] if r["item"] is None]
    assert sorted(r["title"] for r in unnumbered) == titles
    assert any(not ref.item for ref in answer.citations)
    assert all(c["item"] is None or c["item"] == "meeting" for c in record["citations"])
    for ref in answer.citations:
        if not ref.item:
            assert f"**[{answer.citations.index(ref) + 1}] {ref.label()}**" in answer.text
    for row in citation_rows(answer):
        assert row[2] in ("—", "meeting record")
