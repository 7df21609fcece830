"""Stage 1: read a file (txt, md, html, pdf, docx) into normalised plain text.

One module a job: `text` (decoding, Markdown, the normalisation every format shares),
`html`, `docx` and `pdf` (each format's reader), and `guard`: the risky formats (PDF,
DOCX, HTML) are parsed in a child process with a time and memory limit, because their
libraries can loop or balloon on hostile files."""

from __future__ import annotations

import dataclasses
import hashlib
from pathlib import Path

from minutesqa.errors import InputError
from minutesqa.models import DocHints, Document, is_pdf_url
from minutesqa.parse.docx import docx_text
from minutesqa.parse.guard import Reader, in_child
from minutesqa.parse.html import html_text
from minutesqa.parse.pdf import PAGE_BREAK, pdf_text
from minutesqa.parse.text import (
    export_pages,
    front_matter,
    html_line_breaks,
    nested_bullet_headings,
    normalise,
    rendered_list_numbers,
    setext_headings,
    source_link,
    strip_markdown,
    text_from_bytes,
)

__all__ = [
    "SUPPORTED",
    "read_document",
    "supported_extensions",
]

TEXT_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".text": "txt"}
HTML_FORMATS = {".html": "html", ".htm": "html"}
CHILD_FORMATS = {".pdf": "pdf", ".docx": "docx", **HTML_FORMATS}
SUPPORTED = {**TEXT_FORMATS, **CHILD_FORMATS}


def supported_extensions() -> list[str]:
    return sorted(SUPPORTED)


def _reader(fmt: str) -> Reader:
    """The reader of a risky format, looked up at each call (a test may replace one here)."""
    return {"pdf": pdf_text, "docx": docx_text, "html": html_text}[fmt]


def read_document(path: Path, *, max_bytes: int, timeout_s: float) -> Document:
    """Read one file. Raises InputError with a one-line reason when it cannot."""
    suffix = path.suffix.lower()
    fmt = SUPPORTED.get(suffix)
    if fmt is None:
        raise InputError(
            f"unsupported file type {suffix or '(none)'}; "
            f"supported: {', '.join(supported_extensions())}"
        )
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}") from None
    if size == 0:
        raise InputError("is empty")
    if size > max_bytes:
        raise InputError(
            f"is {size / 1024**2:.0f} MB, over the {max_bytes / 1024**2:.0f} MB limit "
            "(raise MINUTES_MAX_FILE_MB to allow it)"
        )
    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    hints = DocHints()
    pages: tuple[str, ...] = ()
    if fmt in ("txt", "md"):
        raw = text_from_bytes(data)
        if fmt == "md":
            hints, raw = front_matter(raw)
            url, raw = source_link(raw)
            if url:
                hints = dataclasses.replace(hints, url=url)
            if is_pdf_url(url):  # an export of a PDF: its pages, for the page each item is on
                pages = tuple(normalise(strip_markdown(p)) for p in export_pages(raw))
            else:  # (a PDF export's "---" lines are its page breaks)
                raw = setext_headings(raw)
            raw = strip_markdown(nested_bullet_headings(rendered_list_numbers(raw)))
        else:
            raw = nested_bullet_headings(setext_headings(html_line_breaks(raw)))
    else:
        raw = in_child(fmt, _reader(fmt), data, timeout_s)
        if fmt == "pdf":
            pages = tuple(normalise(page) for page in raw.split(PAGE_BREAK))
    text = normalise(raw)
    if not text.strip():
        raise InputError("has no text" if fmt in ("txt", "md") else f"has no text in its {fmt}")
    return Document(path=path, text=text, format=fmt, content_hash=digest, hints=hints, pages=pages)
