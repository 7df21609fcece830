"""Hostile input: each file is refused with a one-line reason or read correctly, within the
limits, and the rest of the folder is indexed."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from minutesqa.config import Settings
from minutesqa.errors import InputError
from minutesqa.indexing.store import VectorStore
from minutesqa.ingest import ingest
from minutesqa.parse import read_document
from minutesqa.segment import segment
from tests.conftest import FakeEmbedder

GOOD = (
    "Safer Stockton Partnership\n\n"
    "A meeting of Safer Stockton Partnership was held on Tuesday, 2 February 2021.\n\n"
    "1\n\nCCTV Upgrade\n\n"
    "The \u2018new\u2019 cameras cost \u00a34,000 \u2013 \u201ccheap\u201d.\n\n"
    "AGREED that the upgrade go ahead.\n\n2\n\nAny Other Business\n\nNone.\n"
)


def zip_bomb_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            block = b"\0" * (1 << 20)
            for _ in range(64):  # 64 MB of zeros, about 64 KB packed: a ratio of 1000
                fh.write(block)
    return buf.getvalue()


def nested_pdf(depth: int = 50000) -> bytes:
    """A PDF whose page /Contents is an array nested `depth` deep, plus a self-referencing
    object: recursion bombs for naive readers."""
    body = b"[" * depth + b"]" * depth
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Loop 5 0 R >>",
        body,
        b"<< /Self 5 0 R /Next 5 0 R >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "bomb.docx").write_bytes(zip_bomb_docx())
    (folder / "nested.pdf").write_bytes(nested_pdf())
    with (folder / "huge.txt").open("wb") as fh:  # 200 MB, sparse: instant to make
        fh.truncate(200 * 1024**2)
    (folder / "nuls.txt").write_bytes(b"\0" * 4096)
    (folder / "utf16.txt").write_bytes(GOOD.replace("CCTV", "Wide").encode("utf-16"))
    (folder / "cp1252.txt").write_bytes(GOOD.replace("CCTV", "Legacy").encode("cp1252"))
    outside = tmp_path / "secret.txt"
    outside.write_text(GOOD.replace("CCTV", "Secret"))
    (folder / "escape.txt").symlink_to(outside)
    (folder / 'Minutes \u2013 \u00c4rende "5" (final).txt').write_text(
        GOOD.replace("CCTV", "Unusual"), encoding="utf-8"
    )
    return folder


@pytest.mark.timeout(120)  # a hostile file must never hang the ingest
def test_hostile_folder(hostile: Path, tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    settings = Settings.load(env={}, index_dir=tmp_path / "index", parse_timeout_s=10)
    summary = ingest(hostile, settings, embedder=fake_embedder, progress=False)
    reasons = {Path(p).name: r for p, r in summary.failures}
    assert set(reasons) == {"bomb.docx", "nested.pdf", "huge.txt", "nuls.txt", "escape.txt"}
    for reason in reasons.values():
        assert "\n" not in reason and len(reason) < 200
    assert reasons["bomb.docx"].startswith("is refused as a zip bomb: unpacks to 64 MB")
    assert reasons["huge.txt"] == (
        "is 200 MB, over the 50 MB limit (raise MINUTES_MAX_FILE_MB to allow it)"
    )
    assert reasons["nuls.txt"] == "looks like binary data, not text"
    assert reasons["escape.txt"] == "is a symlink pointing outside the folder; refused"
    # a recursion bomb is refused as damaged or without text, never hangs
    assert reasons["nested.pdf"].startswith(
        ("is a damaged", "is a PDF with no text", "took longer")
    )

    assert summary.meetings == 4 and summary.failed == 5
    store = VectorStore(settings, create=False)
    titles = {
        (Path(c.metadata["source"]).name, c.metadata["item"], c.metadata["title"])
        for c in store.iter_all()
    }
    assert {t for t in titles if t[1] == "1"} == {
        ("good.txt", "1", "CCTV Upgrade"),
        ("utf16.txt", "1", "Wide Upgrade"),
        ("cp1252.txt", "1", "Legacy Upgrade"),
        ('Minutes \u2013 \u00c4rende "5" (final).txt', "1", "Unusual Upgrade"),
    }
    assert "Secret Upgrade" not in {t[2] for t in titles}


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("utf16.txt", GOOD.encode("utf-16")),
        ("utf16le-nobom.txt", GOOD.encode("utf-16-le")),
        ("cp1252.txt", GOOD.encode("cp1252")),
    ],
)
def test_legacy_encodings_read_exactly(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    doc = read_document(path, max_bytes=10**8, timeout_s=10)
    assert "The \u2018new\u2019 cameras cost \u00a34,000 \u2013 \u201ccheap\u201d." in doc.text
    meeting = segment(doc)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "CCTV Upgrade"),
        ("2", "Any Other Business"),
    ]


@pytest.mark.timeout(15)  # the parser sleeps 30 s: only its kill at 1 s passes
def test_parse_timeout_kills_a_slow_parser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import minutesqa.parse as parse

    def slow(data: bytes) -> str:
        time.sleep(30)
        return "never"

    monkeypatch.setattr(parse, "pdf_text", slow)  # the forked child inherits the patch
    path = tmp_path / "slow.pdf"
    path.write_bytes(b"%PDF-1.4 whatever")
    with pytest.raises(InputError) as info:
        read_document(path, max_bytes=10**8, timeout_s=1)  # not the 30 s sleep: the marker
    assert str(info.value) == "took longer than 1 s to parse (MINUTES_PARSE_TIMEOUT)"
