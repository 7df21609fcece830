"""Chunking: one chunk per agenda item, a long item split in the model's tokens, every
chunk led by its context line. Tokens are counted by the FakeEmbedder (a fake: words + 2),
so the splits are exact and need no model."""

from __future__ import annotations

import datetime as dt
import hashlib

from minutesqa.chunk import chunk_id, chunk_meeting, context_line, strip_context
from minutesqa.models import MEETING_ITEM, AgendaItem, Attendance, Meeting
from tests.conftest import FakeEmbedder

count = FakeEmbedder().count_tokens
SOURCE = "/minutes/parks.txt"
HASH = "a" * 64
SRC = hashlib.sha1(SOURCE.encode()).hexdigest()[:16]


def meeting(*items: AgendaItem, attendance: Attendance = Attendance()) -> Meeting:
    return Meeting(
        committee="Parks Committee",
        date=dt.date(2023, 3, 14),
        source=SOURCE,
        content_hash=HASH,
        attendance=attendance,
        items=items,
    )


def sentence(n: int) -> str:
    """A sentence of ten words: 12 tokens for the fake."""
    return " ".join(f"s{n}w{i}" for i in range(1, 11)) + "."


# --- context line and ids -----------------------------------------------------------


def test_context_line_names_the_meeting_and_the_item() -> None:
    m = meeting()
    line = context_line(m, AgendaItem("4", "Finances", "body"))
    assert line == "Parks Committee | 14 March 2023 | Item 4: Finances"
    assert context_line(m, AgendaItem("", "Finances", "body")) == (
        "Parks Committee | 14 March 2023 | Finances"
    )
    assert context_line(m, AgendaItem("", "", "body")) == (
        "Parks Committee | 14 March 2023 | Untitled item"
    )
    assert context_line(m, m.meeting_record()) == (
        "Parks Committee | 14 March 2023 | Meeting record: Attendance and venue"
    )


def test_context_line_clips_a_long_title_to_160_characters() -> None:
    title = "x" * 161
    line = context_line(meeting(), AgendaItem("5", title, "body"))
    assert line == "Parks Committee | 14 March 2023 | Item 5: " + "x" * 157 + "..."
    exactly = "y" * 160
    assert context_line(meeting(), AgendaItem("5", exactly, "")).endswith(f"Item 5: {exactly}")


def test_chunk_id() -> None:
    assert chunk_id(SOURCE, HASH, 2, 3) == f"{SRC}-aaaaaaaaaaaa-0002-003"
    assert SRC == "d1e6b123977ba767"


def test_strip_context() -> None:
    assert strip_context("Parks | 1 May 2020 | Item 1: A\nline one\nline two") == (
        "line one\nline two"
    )
    assert strip_context("no context line") == "no context line"


# --- chunk_meeting ---------------------------------------------------------------------


def test_short_items_are_one_chunk_each_after_the_meeting_record() -> None:
    m = meeting(
        AgendaItem("1", "Apologies", "None received."),
        AgendaItem("2", "Empty", "   "),
        attendance=Attendance(present="Cllr A", venue="Town Hall"),
    )
    chunks = chunk_meeting(m, count, 64)
    assert [c.text for c in chunks] == [
        "Parks Committee | 14 March 2023 | Meeting record: Attendance and venue\n"
        "Meeting of Parks Committee held on 14 March 2023.\nVenue: Town Hall\nPresent: Cllr A",
        "Parks Committee | 14 March 2023 | Item 1: Apologies\nNone received.",
        "Parks Committee | 14 March 2023 | Item 2: Empty\nEmpty",  # no body: its title
    ]
    assert [c.id for c in chunks] == [
        f"{SRC}-aaaaaaaaaaaa-0000-000",
        f"{SRC}-aaaaaaaaaaaa-0001-000",
        f"{SRC}-aaaaaaaaaaaa-0002-000",
    ]
    assert [(c.item, c.item_index, c.chunk_index, c.chunk_count) for c in chunks] == [
        (MEETING_ITEM, 0, 0, 1),
        ("1", 1, 0, 1),
        ("2", 2, 0, 1),
    ]
    assert {c.file_chunk_count for c in chunks} == {3}
    first = chunks[1]
    assert (first.committee, first.date, first.title, first.source, first.content_hash) == (
        "Parks Committee",
        dt.date(2023, 3, 14),
        "Apologies",
        SOURCE,
        HASH,
    )


def test_a_long_item_splits_at_paragraphs_each_chunk_with_its_context_line() -> None:
    paragraphs = [" ".join(f"p{p}w{i}" for i in range(1, 31)) + "." for p in range(1, 5)]
    # context line 10 words = 12 tokens: a budget of 64 - 12 - 2 = 50 tokens for the body,
    # and each 30-word paragraph is 32 tokens, so no two fit together
    m = meeting(AgendaItem("2", "Budget", "\n\n".join(paragraphs)))
    chunks = chunk_meeting(m, count, 64)[1:]
    ctx = "Parks Committee | 14 March 2023 | Item 2: Budget"
    assert count(ctx) == 12
    assert [c.text for c in chunks] == [f"{ctx}\n{p}" for p in paragraphs]
    assert [(c.chunk_index, c.chunk_count, c.file_chunk_count) for c in chunks] == [
        (0, 4, 5),
        (1, 4, 5),
        (2, 4, 5),
        (3, 4, 5),
    ]
    assert [c.id[-8:] for c in chunks] == ["0001-000", "0001-001", "0001-002", "0001-003"]


def test_a_long_paragraph_splits_at_sentences_with_one_sentence_of_overlap() -> None:
    body = " ".join(sentence(n) for n in range(1, 9))
    # context line 8 words = 10 tokens: a budget of 52, an overlap of 52 // 4 = 13 tokens,
    # one 12-token sentence
    m = meeting(AgendaItem("", "Budget", body))
    chunks = chunk_meeting(m, count, 64)[1:]
    ctx = "Parks Committee | 14 March 2023 | Budget"
    assert count(ctx) == 10
    assert [strip_context(c.text) for c in chunks] == [
        " ".join(sentence(n) for n in (1, 2, 3)),
        " ".join(sentence(n) for n in (3, 4, 5)),
        " ".join(sentence(n) for n in (5, 6, 7)),
        " ".join(sentence(n) for n in (7, 8)),
    ]
    assert all(c.text.startswith(ctx + "\n") for c in chunks)
    assert all(count(c.text) <= 64 for c in chunks)
    assert {c.item for c in chunks} == {""}


def test_the_body_budget_never_falls_below_48_tokens() -> None:
    body = " ".join(f"w{i}" for i in range(1, 41))  # 42 tokens
    m = meeting(AgendaItem("1", "Budget", body))
    # max_tokens 20 leaves no room after the context line: the floor of 48 keeps it whole
    (chunk,) = chunk_meeting(m, count, 20)[1:]
    assert chunk.text == f"Parks Committee | 14 March 2023 | Item 1: Budget\n{body}"
    assert chunk.chunk_count == 1
