"""The ingest pipeline: idempotence, changed and deleted files, failures that lose nothing,
the lexical index in step with Chroma, --list, the lock, chunk sizes, and one real run."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from minutesqa.chunk import chunk_meeting, context_line
from minutesqa.config import Settings
from minutesqa.errors import IndexLockedError
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.indexing.lock import IndexLock
from minutesqa.indexing.store import VectorStore
from minutesqa.ingest import IngestSummary, discover, ingest
from minutesqa.models import AgendaItem, Meeting
from minutesqa.parse import read_document
from minutesqa.segment import segment
from tests.conftest import SAMPLES, CountingEmbedder, FakeEmbedder

SAMPLE_FILES = sorted(SAMPLES.glob("*.txt"))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the three samples that a test may change."""
    out = tmp_path / "minutes"
    out.mkdir()
    for path in SAMPLE_FILES:
        shutil.copy(path, out / path.name)
        (out / path.name).chmod(0o644)
    return out


def run(folder: Path, settings: Settings, embedder: FakeEmbedder, **kw: bool) -> IngestSummary:
    return ingest(folder, settings, embedder=embedder, progress=False, **kw)


def stored(settings: Settings) -> dict[str, dict]:  # type: ignore[type-arg]
    store = VectorStore(settings, create=False)
    return {c.id: c.metadata for c in store.iter_all()}


def assert_lexical_matches(settings: Settings) -> None:
    lexical = LexicalIndex.load(settings.index_dir / "lexical")
    assert lexical is not None
    store = VectorStore(settings, create=False)
    ids = sorted(c.id for c in store.iter_all())
    assert lexical.ids == ids
    assert store.state() == lexical.fingerprint


def test_first_ingest_and_reingest_writes_nothing(
    folder: Path, settings: Settings, fake_embedder: FakeEmbedder
) -> None:
    first = run(folder, settings, fake_embedder)
    assert (first.files, first.meetings, first.items, first.failed) == (3, 3, 42, 0)
    assert first.chunks == len(stored(settings)) > 45  # 42 items + 3 meeting records
    before = stored(settings)
    assert_lexical_matches(settings)

    again = run(folder, settings, fake_embedder)
    assert again.unchanged == again.files == 3
    assert (again.chunks, again.meetings, again.failed) == (0, 0, 0)
    assert "0 chunks written; 3 unchanged, 0 failed" in again.line()
    assert stored(settings) == before  # same ids, same metadata
    assert_lexical_matches(settings)


def test_chunk_ids_are_deterministic(
    folder: Path, tmp_path: Path, fake_embedder: FakeEmbedder
) -> None:
    a = Settings.load(env={}, index_dir=tmp_path / "a")
    b = Settings.load(env={}, index_dir=tmp_path / "b")
    run(folder, a, fake_embedder)
    run(folder, b, fake_embedder)
    assert set(stored(a)) == set(stored(b))
    meeting = segment(read_document(SAMPLE_FILES[0], max_bytes=10**8, timeout_s=30))
    one = chunk_meeting(meeting, fake_embedder.count_tokens, fake_embedder.max_tokens)
    two = chunk_meeting(meeting, fake_embedder.count_tokens, fake_embedder.max_tokens)
    assert [c.id for c in one] == [c.id for c in two]
    assert len({c.id for c in one}) == len(one)


def test_changed_file_leaves_no_stale_chunks(
    folder: Path, settings: Settings, fake_embedder: FakeEmbedder
) -> None:
    run(folder, settings, fake_embedder)
    target = folder / SAMPLE_FILES[2].name  # the 2024 meeting
    old_hash = {m["content_hash"] for m in stored(settings).values() if m["source"] == str(target)}
    assert len(old_hash) == 1
    text = target.read_text(encoding="utf-8")
    text = text.replace("Operation Harmony", "Operation Concord")
    text += "\n\nSSP/12/24\n\nClose of Meeting\n\nMinutes:\n\nThe meeting closed at noon.\n"
    target.write_text(text, encoding="utf-8")

    summary = run(folder, settings, fake_embedder)
    assert (summary.meetings, summary.unchanged, summary.items) == (1, 2, 12)
    chunks = {i: m for i, m in stored(settings).items() if m["source"] == str(target)}
    assert old_hash.isdisjoint({m["content_hash"] for m in chunks.values()})
    expected = chunk_meeting(
        segment(read_document(target, max_bytes=10**8, timeout_s=30)),
        fake_embedder.count_tokens,
        fake_embedder.max_tokens,
    )
    assert set(chunks) == {c.id for c in expected}
    titles = {m["title"] for m in chunks.values()}
    assert "Operation Concord" in titles and "Operation Harmony" not in titles
    assert "Close of Meeting" in titles
    assert_lexical_matches(settings)


def test_prune_removes_deleted_files_only_when_asked(
    folder: Path, settings: Settings, fake_embedder: FakeEmbedder
) -> None:
    run(folder, settings, fake_embedder)
    gone = folder / SAMPLE_FILES[0].name
    n_gone = sum(1 for m in stored(settings).values() if m["source"] == str(gone))
    total = len(stored(settings))
    gone.unlink()

    kept = run(folder, settings, fake_embedder)
    assert kept.pruned == 0 and len(stored(settings)) == total
    pruned = run(folder, settings, fake_embedder, prune=True)
    assert pruned.pruned == 1
    assert len(stored(settings)) == total - n_gone
    assert str(gone) not in {m["source"] for m in stored(settings).values()}
    assert "1 pruned" in pruned.line()
    assert_lexical_matches(settings)


def test_two_spellings_of_one_folder_are_one_corpus(
    folder: Path, settings: Settings, fake_embedder: FakeEmbedder
) -> None:
    """'minutes/sub/..' and the plain path name the same files: the second ingest writes
    nothing, sources are stored resolved, and --prune works by either spelling."""
    (folder / "sub").mkdir()
    roundabout = folder / "sub" / ".."
    first = run(roundabout, settings, fake_embedder)
    assert first.meetings == 3
    assert {m["source"] for m in stored(settings).values()} == {
        str(folder / p.name) for p in SAMPLE_FILES
    }
    again = run(folder, settings, fake_embedder)
    assert (again.unchanged, again.meetings, again.chunks) == (3, 0, 0)
    (folder / SAMPLE_FILES[0].name).unlink()
    pruned = run(roundabout, settings, fake_embedder, prune=True)
    assert pruned.pruned == 1
    assert {m["source"] for m in stored(settings).values()} == {
        str(folder / p.name) for p in SAMPLE_FILES[1:]
    }
    assert_lexical_matches(settings)


def test_an_index_written_with_unresolved_sources_is_not_duplicated(
    folder: Path, settings: Settings, fake_embedder: FakeEmbedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Indexes written before sources were resolved hold 'x/sub/../a.txt': a new ingest
    treats those as the same files, and a changed one replaces its old chunks entirely."""
    import minutesqa.ingest as ingest_module

    (folder / "sub").mkdir()
    real_discover = ingest_module.discover

    def old_discover(where: Path):  # type: ignore[no-untyped-def]
        files, refused, skipped = real_discover(where)
        return [folder / "sub" / ".." / p.name for p in files], refused, skipped

    monkeypatch.setattr(ingest_module, "discover", old_discover)
    run(folder, settings, fake_embedder)
    monkeypatch.setattr(ingest_module, "discover", real_discover)
    legacy = stored(settings)
    assert all("/sub/../" in m["source"] for m in legacy.values())

    again = run(folder, settings, fake_embedder)
    assert (again.unchanged, again.chunks) == (3, 0)
    assert stored(settings) == legacy

    changed = folder / SAMPLE_FILES[2].name
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA late note.\n", encoding="utf-8")
    third = run(folder, settings, fake_embedder)
    assert (third.unchanged, third.meetings) == (2, 1)
    sources = [m["source"] for m in stored(settings).values()]
    assert str(changed) in sources
    assert not any(s.endswith("/sub/../" + changed.name) for s in sources)  # no stale chunk
    assert len(sources) == len(legacy) + sources.count(str(changed)) - sum(
        1 for m in legacy.values() if m["source"].endswith(changed.name)
    )
    assert_lexical_matches(settings)


def test_a_file_that_breaks_after_indexing_keeps_its_chunks(
    folder: Path, settings: Settings, fake_embedder: FakeEmbedder
) -> None:
    run(folder, settings, fake_embedder)
    before = stored(settings)
    (folder / SAMPLE_FILES[1].name).write_bytes(b"")

    summary = run(folder, settings, fake_embedder)
    assert summary.failed == 1 and summary.unchanged == 2
    assert summary.failures == [(str(folder / SAMPLE_FILES[1].name), "is empty")]
    assert stored(settings) == before  # nothing lost
    assert_lexical_matches(settings)


def test_list_prints_one_json_line_per_item(
    folder: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from minutesqa.cli import main

    for var in [v for v in os.environ if v.startswith("MINUTES_")]:
        monkeypatch.delenv(var)
    index = tmp_path / "never"
    assert main(["ingest", str(folder), "--list", "--index", str(index)]) == 0
    out = capsys.readouterr().out.splitlines()
    rows = [json.loads(line) for line in out]
    assert len(rows) == 42
    keys = {"committee", "date", "kind", "item", "title", "decisions", "restricted", "source"}
    assert all(set(r) == keys for r in rows)
    ssp5 = [r for r in rows if r["item"] == "SSP/5/24"]
    assert ssp5 == [
        {
            "committee": "Safer Stockton Partnership",
            "date": "2024-05-30",
            "kind": "ordinary",
            "item": "SSP/5/24",
            "title": "Serious Violence Duty",
            "decisions": ["Members noted the report."],
            "restricted": False,
            "source": str(folder / SAMPLE_FILES[2].name),
        }
    ]
    assert sum(r["restricted"] for r in rows) == 4
    assert not index.exists()  # --list indexes nothing


def test_lock_held_refuses_a_second_writer(
    folder: Path, settings: Settings, fake_embedder: FakeEmbedder
) -> None:
    run(folder, settings, fake_embedder)
    before = stored(settings)
    (folder / "extra.txt").write_text(
        "A meeting of X was held on 2 February 2021.\n\n1\n\nApologies\n\nNone.\n"
    )
    with IndexLock(settings.index_dir) as lock:
        with pytest.raises(IndexLockedError) as info:
            run(folder, settings, fake_embedder)
    message = str(info.value)
    assert str(lock.path) in message
    assert f"pid {os.getpid()}" in message
    assert "\n" not in message
    assert stored(settings) == before  # untouched
    # the lock is released: the next run goes ahead
    assert run(folder, settings, fake_embedder).meetings == 1


# --- chunk sizes with the real tokenizer -------------------------------------------------------


@pytest.mark.slow
def test_long_item_splits_within_the_model_limit(embedder) -> None:  # type: ignore[no-untyped-def]
    from minutesqa.models import Attendance

    sentences = [
        f"Paragraph {n}: the committee considered the report on housing estate number {n} "
        "and discussed its maintenance, lighting, anti-social behaviour and budget."
        for n in range(110)
    ]
    body = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
    assert 1800 < len(body.split()) < 2400
    long_item = AgendaItem(number="7", title="Housing Estates Review", body=body)
    meeting = Meeting(
        committee="Example Committee",
        date=__import__("datetime").date(2021, 2, 2),
        source="/x/minutes.txt",
        content_hash="ab" * 32,
        attendance=Attendance(),
        items=(long_item,),
    )
    chunks = [
        c
        for c in chunk_meeting(meeting, embedder.count_tokens, embedder.max_tokens)
        if c.item == "7"
    ]
    assert len(chunks) >= 8
    ctx = context_line(meeting, long_item)
    assert ctx == "Example Committee | 2 February 2021 | Item 7: Housing Estates Review"
    for c in chunks:
        assert c.text.startswith(ctx + "\n")
        assert embedder.count_tokens(c.text) <= embedder.max_tokens
        assert c.chunk_count == len(chunks)
    joined = " ".join(c.text for c in chunks)
    assert all(f"Paragraph {n}:" in joined for n in range(110))  # nothing dropped


# --- one real ingest -------------------------------------------------------------------------


@pytest.mark.slow
def test_real_ingest_of_the_samples(sample_settings: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    store = VectorStore(sample_settings, create=False)
    chunks = list(store.iter_all(documents=True))
    records = {(c.metadata["source"], c.metadata["item_index"]) for c in chunks}
    assert len(records) == 45  # 42 items + 3 meeting records
    meeting_records = {(c.metadata["source"], c.metadata["item"]) for c in chunks}
    assert sum(1 for _, number in meeting_records if number == "meeting") == 3
    assert len(chunks) > 42
    assert {c.metadata["date"] for c in chunks} == {"2011-07-05", "2021-02-02", "2024-05-30"}
    assert_lexical_matches(sample_settings)
    hits = store.query(embedder.embed(["Street Angels"])[0], 3, None)
    assert hits[0].metadata["item"] == "SSP/5/24"
    assert "Street Angels" in hits[0].document


# --- the real CLI over a folder with bad files ------------------------------------------------


@pytest.mark.slow
def test_cli_ingest_reports_each_bad_file_and_indexes_the_good_one(
    tmp_path: Path, cli: Any
) -> None:
    from fpdf import FPDF

    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SAMPLE_FILES[2], folder / "good.txt")
    (folder / "good.txt").chmod(0o644)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "sheet.xlsx").write_bytes(b"PK\x03\x04junk")
    (folder / "nodate.txt").write_text("Some Committee\n\n1\n\nApologies\n\nNone.\n")
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(10, 10, 50, 50)
    (folder / "scan.pdf").write_bytes(bytes(pdf.output()))
    index = tmp_path / "index"
    proc = cli(["ingest", str(folder), "--index", str(index)])
    assert proc.returncode == 1, proc.stderr
    errors = [line for line in proc.stderr.splitlines() if line.startswith("skipped ")]
    assert sorted(errors) == sorted(
        [
            f"skipped {folder / 'empty.txt'}: is empty",
            f"skipped {folder / 'nodate.txt'}: has no recognisable meeting date in its first lines:"
            " put the date in its file name (e.g. 2023-03-14 minutes.pdf)",
            f"skipped {folder / 'scan.pdf'}: is a PDF with no text layer (a scan?); "
            "run OCR on it first",
            f"skipped {folder / 'sheet.xlsx'}: unsupported file type .xlsx; supported: "
            ".docx, .htm, .html, .markdown, .md, .pdf, .text, .txt",
        ]
    )
    assert f"Ingested into {index}: 5 files: 1 meetings, 11 items," in proc.stdout
    assert "4 failed" in proc.stdout
    settings = Settings.load(env={}, index_dir=index)
    sources = {m["source"] for m in stored(settings).values()}
    assert sources == {str(folder / "good.txt")}

    missing = cli(["ingest", str(tmp_path / "nope"), "--index", str(index)])
    assert missing.returncode == 2
    assert missing.stderr.strip().splitlines() == [
        f"minutes ingest: {tmp_path / 'nope'}: no such folder; "
        "give the folder that holds the minutes"
    ]


def test_an_older_pipeline_is_redone_reusing_unchanged_embeddings(
    folder: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An index written by an older parse/segment/chunk (another PIPELINE_VERSION that
    changed every format) is redone file by file; chunks whose text is the same keep
    their vectors."""
    import minutesqa.ingest as ingest_module
    import minutesqa.models as models

    current = models.PIPELINE_VERSION
    monkeypatch.setattr(models, "PIPELINE_VERSION", current - 1)
    monkeypatch.setattr(ingest_module, "SENTENCES_VERSION", models.SENTENCES_VERSION - 1)
    first = run(folder, settings, FakeEmbedder())
    assert {m["pipeline"] for m in stored(settings).values()} == {current - 1}
    monkeypatch.undo()
    monkeypatch.setattr(models, "PIPELINE_CHANGES", {})  # the last bump changed every format

    counting = CountingEmbedder()
    redo = run(folder, settings, counting)  # type: ignore[arg-type]
    assert (redo.meetings, redo.unchanged, redo.chunks) == (3, 0, first.chunks)
    chunk_texts = {c.document for c in VectorStore(settings, create=False).iter_all(documents=True)}
    assert not chunk_texts & set(counting.texts) and redo.reused == first.chunks
    assert redo.sentences_embedded == len(counting.texts) > 0  # only sentences, each once
    assert f"{first.chunks} chunks kept their embeddings" in redo.line()
    assert {m["pipeline"] for m in stored(settings).values()} == {current}
    assert run(folder, settings, counting).unchanged == 3  # type: ignore[arg-type]
    assert_lexical_matches(settings)


def test_a_pipeline_bump_for_another_format_leaves_files_alone(
    folder: Path, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A PIPELINE_VERSION that changed only PDFs (page numbers) does not redo an archive
    of text files, and keeps its sentence store; one that changed text files redoes them."""
    import minutesqa.models as models

    current = models.PIPELINE_VERSION
    monkeypatch.setattr(models, "PIPELINE_VERSION", current - 1)
    run(folder, settings, FakeEmbedder())
    monkeypatch.undo()
    monkeypatch.setattr(models, "PIPELINE_CHANGES", {current: frozenset({"pdf"})})
    counting = CountingEmbedder()
    summary = run(folder, settings, counting)  # type: ignore[arg-type]
    assert (summary.unchanged, summary.sentences_embedded, counting.texts) == (3, 0, [])
    monkeypatch.setattr(models, "PIPELINE_CHANGES", {current: frozenset({"txt", "pdf"})})
    assert run(folder, settings, counting).meetings == 3  # type: ignore[arg-type]
    assert models.pipeline_current(current - 1, "md")
    assert not models.pipeline_current(current + 1, "md")  # written by a newer release


def test_a_changed_file_embeds_only_its_changed_chunks(folder: Path, settings: Settings) -> None:
    run(folder, settings, FakeEmbedder())
    path = folder / SAMPLE_FILES[0].name  # the 2011 meeting; its last item is 19
    path.write_text(
        path.read_text(encoding="utf-8").rstrip() + "\nA late note was added.\n",
        encoding="utf-8",
    )
    counting = CountingEmbedder()
    summary = run(folder, settings, counting)  # type: ignore[arg-type]
    assert (summary.meetings, summary.unchanged) == (1, 2)
    chunk_texts = counting.texts[:1]  # then the sentences of the one item that changed
    assert "A late note was added." in chunk_texts[0] and "item 19" in chunk_texts[0].lower()
    assert summary.sentences_embedded == len(counting.texts) - 1 > 0
    assert all(s in chunk_texts[0] for s in counting.texts[1:])
    assert summary.reused == summary.chunks - 1
    assert_lexical_matches(settings)


def test_a_pdf_items_page_is_stored_and_cited(tmp_path: Path, settings: Settings) -> None:
    """Each item of a four-page PDF is stored with the page its heading is on, and its
    citation (label, record, answer heading) gives it; a text file's items give none."""
    from minutesqa.answer.extractive import citation_label
    from minutesqa.models import Hit, ItemRef
    from tests.test_parse import FURNISHED_PAGES, make_furnished_pdf

    folder = tmp_path / "pdfs"
    folder.mkdir()
    (folder / "minutes.pdf").write_bytes(make_furnished_pdf(FURNISHED_PAGES))
    shutil.copy(SAMPLE_FILES[2], folder / SAMPLE_FILES[2].name)  # 2024, a text file
    run(folder, settings, FakeEmbedder())
    refs = {
        (ref.date.isoformat(), ref.item, ref.page): ref
        for meta in stored(settings).values()
        if (ref := ItemRef.from_metadata(meta))
    }
    pdf = sorted(k for k in refs if k[0] == "2011-07-05")
    assert pdf == [
        ("2011-07-05", "1", 1),  # it runs on to page 2
        ("2011-07-05", "2", 3),
        ("2011-07-05", "3", 4),
        ("2011-07-05", "meeting", 0),  # the meeting's own record: no heading of its own
    ]
    ref = refs[("2011-07-05", "3", 4)]
    assert (
        ref.label() == "Safer Stockton Partnership, 5 July 2011, item 3: Date of next meeting, p. 4"
    )
    assert ref.to_record()["page"] == 4
    hit = Hit(ref=ref, score=1.0, relevance=1.0, text="", decisions=(), source="minutes.pdf")
    assert citation_label(2, hit) == (
        "[2] Safer Stockton Partnership, 5 July 2011, item 3: Date of next meeting, p. 4"
    )
    assert {k[2] for k in refs if k[0] != "2011-07-05"} == {0}


def test_a_markdown_exports_original_and_pages_are_stored_and_cited(
    tmp_path: Path, settings: Settings
) -> None:
    """A Markdown export whose first line links its original PDF: each item is stored with
    that address and the page its heading is on, and is cited as a link to that page."""
    from minutesqa.models import Answer, Hit, ItemRef, source_text
    from minutesqa.ui.view import escape_text, source_markdown, sources_text

    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "minutes.md").write_text(
        "[Original file](https://example.org/docs/2011%20minutes.pdf)\n\n---\n"
        "# Safer Stockton Partnership\n\n"
        "A meeting of Safer Stockton Partnership was held on Tuesday, 5th July, 2011.\n\n"
        "**1. Budget**\n\nThe budget was presented.\n\n---\n\n"
        "AGREED that the budget be noted.\n\n"
        "**2. Street Angels**\n\nAGREED to fund the Street Angels.\n",
        encoding="utf-8",
    )
    run(folder, settings, FakeEmbedder())
    refs = {
        ref.item: ref
        for meta in stored(settings).values()
        if (ref := ItemRef.from_metadata(meta)).item != "meeting"
    }
    url = "https://example.org/docs/2011%20minutes.pdf"
    assert {k: (r.url, r.page) for k, r in refs.items()} == {"1": (url, 1), "2": (url, 2)}
    assert refs["2"].link() == url + "#page=2"
    assert refs["2"].to_record()["url"] == url + "#page=2"
    hit = Hit(refs["2"], 1.0, 1.0, "", (), str(folder / "minutes.md"))
    assert source_text(refs["2"], hit.source) == url + "#page=2"
    answer = Answer("q", "a", False, [refs["2"]], [hit])
    assert sources_text(answer) == f"Sources:\n[1] {url}#page=2"
    # the link names the site and page (as escaped text); its target is the page
    assert source_markdown(refs["2"], hit) == (
        f"Source: [{escape_text('the original at example.org, p. 2')}]({url}#page=2)"
    )
    # a file that names no original is cited by its name and page, never its folders
    local = ItemRef(refs["2"].committee, refs["2"].date, "2", "Street Angels", page=3)
    assert source_markdown(local, Hit(local, 1.0, 1.0, "", (), "/srv/minutes/m.pdf", ())) == (
        "Source: " + escape_text("m.pdf, p. 3")
    )


def test_readme_and_provenance_notes_beside_the_minutes_are_skipped(tmp_path: Path) -> None:
    # a collection's notes, in any case and with no extension or a text one, are not
    # minutes; minutes whose names only start with such a word are
    notes = ["SOURCE.txt", "source.md", "README", "Readme.md", "LICENSE", "licence.txt"]
    notes += ["CHANGELOG.md", "sources.txt"]
    minutes = ["Licensing Committee 2023.txt", "source-of-funds-minutes.txt", "readme.pdf"]
    for name in notes + minutes:
        (tmp_path / name).write_text("Minutes of the meeting held on 1 May 2023\n")
    files, refused, skipped = discover(tmp_path)
    assert sorted(p.name for p in files) == sorted(minutes)
    assert (refused, skipped) == ([], len(notes))
