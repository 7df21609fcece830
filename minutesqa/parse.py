"""Stage 1: read a file (txt, md, html, pdf, docx) into normalised plain text.

Risky formats (PDF, DOCX, HTML) are parsed in a child process with a time and memory
limit, because their libraries can loop or balloon on hostile files."""

from __future__ import annotations

import datetime as dt
import hashlib
import html as html_lib
import multiprocessing as mp
import re
import resource
import unicodedata
import zipfile
from multiprocessing.connection import Connection
from pathlib import Path

import yaml

from minutesqa.errors import InputError
from minutesqa.models import DocHints, Document

TEXT_FORMATS = {".txt": "txt", ".md": "md", ".markdown": "md", ".text": "txt"}
HTML_FORMATS = {".html": "html", ".htm": "html"}
CHILD_FORMATS = {".pdf": "pdf", ".docx": "docx", **HTML_FORMATS}
SUPPORTED = {**TEXT_FORMATS, **CHILD_FORMATS}

CHILD_MEMORY_BYTES = 2 * 1024**3
DOCX_MAX_UNZIPPED = 200 * 1024**2
DOCX_MAX_RATIO = 200  # a compression ratio beyond this is a zip bomb, not a document


def supported_extensions() -> list[str]:
    return sorted(SUPPORTED)


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
    if fmt in ("txt", "md"):
        raw = text_from_bytes(data)
        if fmt == "md":
            hints, raw = front_matter(raw)
            raw = strip_markdown(raw)
    else:
        raw = _in_child(fmt, data, timeout_s)
    text = normalise(raw)
    if not text.strip():
        raise InputError("has no text" if fmt in ("txt", "md") else f"has no text in its {fmt}")
    return Document(path=path, text=text, format=fmt, content_hash=digest, hints=hints)


# --- text files ---------------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def text_from_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252; never drops characters."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError("claims to be UTF-16 but is not valid UTF-16") from None
    elif data.startswith(b"\xef\xbb\xbf"):
        try:
            text = data[3:].decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("has a UTF-8 mark but is not valid UTF-8") from None
    else:
        if b"\x00" in data[:4096] and _looks_utf16_without_bom(data):
            text = data.decode("utf-16-le" if data[1:2] == b"\x00" else "utf-16-be")
        else:
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    text = data.decode("cp1252")
                except UnicodeDecodeError:
                    raise InputError(
                        "is not text: neither UTF-8 nor cp1252 (binary data?)"
                    ) from None
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise InputError("looks like binary data, not text")
    return text


def _looks_utf16_without_bom(data: bytes) -> bool:
    head = data[:4096]
    if len(head) < 4:
        return False
    even_nuls = head[0::2].count(0)
    odd_nuls = head[1::2].count(0)
    half = len(head) // 2
    # ASCII text in UTF-16 has a NUL in every other byte, and only there
    return (odd_nuls > 0.9 * half and even_nuls == 0) or (even_nuls > 0.9 * half and odd_nuls == 0)


_MD_LINK = re.compile(r"!?\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)")
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|~<>’:])")
# an OCR export's banner on each scanned page: page furniture, like the page number after it
_SCAN_BANNER = re.compile(r"^\s*\*?\s*<small>\s*Scanned page\b.*$", re.IGNORECASE)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)  # "<!-- Page 1 -->" page markers
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s+[^<>]*)?/?>")
_AUTOLINK = re.compile(r"<((?:https?://|mailto:)?[^\s<>@]+@[^\s<>]+|https?://[^\s<>]+)>")
_MD_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def front_matter(text: str) -> tuple[DocHints, str]:
    """Split YAML front matter (`---` ... `---` at the top) from a Markdown file: its title
    and date become hints for the header; it is never part of the minutes' text."""
    m = _FRONT_MATTER.match(text)
    if not m:
        return DocHints(), text
    rest = text[m.end() :]
    try:
        data = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError:
        return DocHints(), rest
    if not isinstance(data, dict):
        return DocHints(), rest
    title = data.get("title")
    raw_date = data.get("date")
    day: dt.date | None = None
    if isinstance(raw_date, dt.datetime):
        day = raw_date.date()
    elif isinstance(raw_date, dt.date):
        day = raw_date
    elif isinstance(raw_date, str):
        try:
            day = dt.date.fromisoformat(raw_date.strip()[:10])
        except ValueError:
            day = None
    return DocHints(title=str(title).strip() if title else "", date=day), rest


def strip_markdown(text: str) -> str:
    """Keep the words of a Markdown export and its structure, drop the rest of its markup:
    headings stay `#` lines and a line bold as a whole stays `**text**` (see `Document`);
    links keep their text, escapes (`**3\\. Title**`) and inline HTML go."""
    text = _HTML_COMMENT.sub("\n", text)
    out = []
    for line in text.splitlines():
        if re.match(r"^\s*\[Original file\]\(", line) or _SCAN_BANNER.match(line):
            continue  # the export's pointer to the source PDF, its page banners
        line = _MD_LINK.sub(lambda m: m.group(1), line)
        line = _AUTOLINK.sub(lambda m: m.group(1), line)
        line = _HTML_BREAK.sub("\n", line)
        line = _HTML_TAG.sub("", line)
        line = _MD_ESCAPE.sub(r"\1", line)
        for part in line.split("\n"):
            m = _MD_HEADING.match(part)
            if m:
                title = re.sub(r"\*\*|__", "", m.group(2)).strip()
                part = f"{m.group(1)} {title}" if title else ""
            out.append(part)
    return "\n".join(out)


# --- normalisation shared by all formats ----------------------------------------------

_ARTEFACTS = [
    re.compile(r"\s*pdf\s+icon\s+PDF\s+[\d.,]+\s*[KMG]B\b", re.IGNORECASE),
    re.compile(r"\s*\bPDF\s+[\d.,]+\s*[KMG]B\b"),
]
_RULE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,}|(?:\*\s*){3,}|={3,})\s*$")
_MINUTES_LABEL = re.compile(r"^\s*Minutes\s*:\s*$")
_EMPHASIS = re.compile(r"(\*\*|__)")
_BOLD_LINE = re.compile(r"^(?:\*\*|__)(?=\S)(.+?)(?<=\S)(?:\*\*|__)[:.]?$")
_SINGLE_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


def normalise(text: str) -> str:
    """Unify line endings and whitespace, drop page furniture and export artefacts."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    text = re.sub(r"[\u00a0\u2007\u202f\u2002\u2003\u2009]", " ", text)
    text = re.sub(r"[\u200b\u200c\u200d\ufeff]", "", text)
    lines: list[str] = []
    after_rule = False
    for line in text.split("\n"):
        if _RULE.match(line):
            after_rule = True  # a page break; a bare page number may follow it
            lines.append("")
            continue
        for pattern in _ARTEFACTS:
            line = pattern.sub("", line)
        line = line.replace("\t", " ")
        line = re.sub(r" {2,}", " ", line).strip()
        bold = _BOLD_LINE.match(line)
        line = _EMPHASIS.sub("", line)
        line = _SINGLE_STAR.sub(r"\1", line).strip()
        if bold and line and not line.startswith("#"):
            line = f"**{line}**"  # a paragraph bold as a whole: structure for segment
        if _MINUTES_LABEL.match(line):
            continue
        if after_rule and line:
            after_rule = False
            if re.fullmatch(r"(?:Page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?", line, re.IGNORECASE):
                continue
        if line in (":", "*"):
            continue
        lines.append(line)
    out = "\n".join(lines)
    out = re.sub(r"\n{3,}", "\n\n", out)
    return out.strip() + "\n"


# --- child-process parsing of risky formats ---------------------------------------------


def _in_child(fmt: str, data: bytes, timeout_s: float) -> str:
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child_main, args=(fmt, data, child), daemon=True)
    proc.start()
    child.close()
    try:
        if not parent.poll(timeout_s):
            raise InputError(f"took longer than {timeout_s:.0f} s to parse (MINUTES_PARSE_TIMEOUT)")
        try:
            ok, payload = parent.recv()
        except EOFError:
            raise InputError(
                f"could not be parsed: the {fmt} reader ran out of memory or crashed"
            ) from None
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join(5)
        parent.close()
    if not ok:
        raise InputError(payload)
    return str(payload)


def _address_space_bytes() -> int:
    """This process's current virtual size (VmSize), 0 where /proc cannot tell."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmSize:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def _child_main(fmt: str, data: bytes, conn: Connection) -> None:
    # The child is a fork of a process that may already map gigabytes (torch, Chroma, the
    # app's threads), so the cap is what it has plus the allowance, not an absolute size:
    # an absolute cap below the inherited size makes every allocation fail.
    limit = _address_space_bytes() + CHILD_MEMORY_BYTES
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ValueError, OSError):
        pass
    try:
        reader = {"pdf": pdf_text, "docx": docx_text, "html": html_text}[fmt]
        conn.send((True, reader(data)))
    except InputError as exc:
        conn.send((False, str(exc)))
    except MemoryError:
        conn.send((False, f"could not be parsed: the {fmt} needs more memory than allowed"))
    except Exception as exc:  # a library's own error on a broken file
        reason = str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__
        conn.send((False, f"is a damaged {fmt} file ({reason})"))
    finally:
        conn.close()


def pdf_text(data: bytes) -> str:
    import io

    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise InputError("is an encrypted PDF; save an unencrypted copy")
            except (FileNotDecryptedError, NotImplementedError):
                raise InputError("is an encrypted PDF; save an unencrypted copy") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(f"is a damaged or truncated PDF ({str(exc)[:120]})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError("is a PDF with no text layer (a scan?); run OCR on it first")
    return text


def docx_text(data: bytes) -> str:
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
            packed = sum(info.compress_size for info in zf.infolist()) or 1
    except zipfile.BadZipFile:
        raise InputError("is not a valid .docx (not a zip package)") from None
    if total > DOCX_MAX_UNZIPPED or total / packed > DOCX_MAX_RATIO:
        raise InputError(
            f"is refused as a zip bomb: unpacks to {total / 1024**2:.0f} MB from "
            f"{packed / 1024**2:.1f} MB"
        )
    from docx import Document as DocxDocument
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = DocxDocument(io.BytesIO(data))
    parts: list[str] = []
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append(Paragraph(block, doc).text)
            parts.append("")
        elif tag == "tbl":
            for row in Table(block, doc).rows:
                for cell in row.cells:
                    parts.append(cell.text)
                parts.append("")
    return "\n".join(parts)


_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "ul", "ol", "section", "article", "dt", "dd", "blockquote", "pre", "hr",
}  # fmt: skip


def html_text(data: bytes) -> str:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(data, "html.parser")
    for tag in soup(["script", "style", "noscript", "template", "head", "iframe", "svg"]):
        tag.decompose()
    # modern.gov pages: the minutes sit in the main content; drop site chrome if present
    for selector in ["nav", "header", "footer", "#skipLinks", ".mgBreadCrumbs", "form"]:
        for tag in soup.select(selector):
            tag.decompose()
    main = soup.select_one("#modgov") or soup.select_one("main") or soup.body or soup
    for tag in main.find_all(_BLOCK_TAGS):
        tag.insert_before("\n")
        tag.insert_after("\n")
    text = main.get_text("")
    return html_lib.unescape(text)
