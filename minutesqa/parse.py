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
from typing import Any

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


FURNITURE_LINES = 3  # lines at each end of a page where running heads and page numbers sit
_PAGE_WORDS = {"", "page", "pageof", "of", "p", "pg", "pp"}
# a browser's print header: "11/29/21, 1:32 PM"
_PRINT_STAMP = re.compile(r"\b\d{1,2}/\d{1,2}/\d{2,4},?\s+\d{1,2}:\d{2}\s*(?:[AaPp]\.?[Mm]\b)?")


def _furniture_key(line: str) -> str:
    """A line as compared across pages: case, spacing and every number ignored."""
    return re.sub(r"\d+", "#", " ".join(line.split()).casefold())


def drop_page_furniture(pages: list[str]) -> list[str]:
    """The pages without the lines repeated at their top or bottom: running titles, printer
    headers ("11/29/21, 1:32 PM BoardDocs® Plus"), "Page 3 of 9", "3 | Page", bare page
    numbers. A line is furniture where a line like it (numbers aside) is in the same place
    (the nth of the first or last FURNITURE_LINES lines) on at least half the pages, and on
    two; a short one ("Motion:", "7") on three quarters of them, and on three. A page
    number must also count up with the pages. The first page keeps a running title at its
    top (it is often the only statement of the meeting and its date), though not a page
    number or a browser's print stamp."""
    if len(pages) < 2:
        return list(pages)
    split = [page.split("\n") for page in pages]
    # key -> [(page, line index, first number on the line, ("top"|"bottom", nth))]
    seen: dict[str, list[tuple[int, int, int | None, tuple[str, int]]]] = {}
    for p, lines in enumerate(split):
        filled = [i for i, line in enumerate(lines) if line.strip()]
        places = [(i, ("top", nth)) for nth, i in enumerate(filled[:FURNITURE_LINES])]
        places += [(i, ("bottom", nth)) for nth, i in enumerate(filled[::-1][:FURNITURE_LINES])]
        for i, place in places:
            digits = re.search(r"\d+", lines[i])
            number = int(digits.group()) if digits else None
            seen.setdefault(_furniture_key(lines[i]), []).append((p, i, number, place))
    half = max(2, -(-len(pages) // 2))
    most = max(3, -(-3 * len(pages) // 4))
    drop: set[tuple[int, int]] = set()
    for key, where in seen.items():
        words = re.sub(r"[^a-z]", "", key)
        page_number = words in _PAGE_WORDS
        groups: dict[tuple[int, str, int], dict[int, int]] = {}
        for p, i, number, (end, nth) in where:
            if page_number and number is None:
                continue
            step = number - p if page_number and number is not None else 0
            groups.setdefault((step, end, nth), {}).setdefault(p, i)
        best_place, best = max(groups.items(), key=lambda kv: len(kv[1]), default=(None, {}))
        # a bare number, or a short line, must be on most pages: an item number or a
        # "Motion:" may open or close two pages by chance
        short = not words if page_number else len(words) < 12
        if best_place is None or len(best) < (most if short else half):
            continue
        for p, i in best.items():
            if p == 0 and best_place[1] == "top" and not page_number:
                if not _PRINT_STAMP.search(split[p][i]):
                    continue
            drop.add((p, i))
    return [
        "\n".join(line for i, line in enumerate(lines) if (p, i) not in drop)
        for p, lines in enumerate(split)
    ]


OCR_PAGE_TIMEOUT_S = 120  # tesseract is a separate process: it must not outlive the parse
OCR_MIN_WIDTH = 1600  # a page image narrower than this is enlarged before OCR


def pdf_text(data: bytes) -> str:
    """A PDF's text layer, page by page, without its page furniture. Pages with no text
    but an image (a scan) are read by OCR where Tesseract is installed."""
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
        blank = [i for i, text in enumerate(pages) if not text.strip()]
        scans = [i for i in blank if _page_images(reader.pages[i])]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, OSError) as exc:
        raise InputError(f"is a damaged or truncated PDF ({str(exc)[:120]})") from None
    if scans:
        if _tesseract() is None:
            if len(blank) == len(pages):
                raise InputError(
                    "is a PDF with no text layer (a scan?); "
                    "install Debian's tesseract-ocr to read it by OCR"
                )
        else:
            for i in scans:
                pages[i] = _ocr_page(reader.pages[i])
            if not any(text.strip() for text in pages):
                raise InputError("is a scanned PDF, but OCR found no text in it")
    text = "\n\n".join(drop_page_furniture(pages))
    if not text.strip():
        raise InputError("is a PDF with no text layer (a scan?); run OCR on it first")
    return text


def _tesseract() -> str | None:
    """The tesseract program, None where it is not installed."""
    import shutil

    return shutil.which("tesseract")


def _page_images(page: Any) -> list[Any]:
    try:
        return list(page.images)
    except Exception:  # an image pypdf cannot decode is no page to read
        return []


def _ocr_page(page: Any) -> str:
    """The text Tesseract reads in a page's images (a scan is one image a page, or strips)."""
    import pytesseract
    from PIL import Image

    texts = []
    for found in _page_images(page):
        try:
            image = found.image
        except Exception:
            continue
        if image is None or min(image.size) < 32:
            continue  # a logo or a rule, not a page
        image = image.convert("L")
        if image.width < OCR_MIN_WIDTH:
            scale = OCR_MIN_WIDTH / image.width
            image = image.resize(
                (OCR_MIN_WIDTH, round(image.height * scale)), Image.Resampling.LANCZOS
            )
        rotation = int(page.get("/Rotate", 0) or 0) % 360
        if rotation:
            image = image.rotate(-rotation, expand=True)
        try:
            texts.append(pytesseract.image_to_string(image, timeout=OCR_PAGE_TIMEOUT_S))
        except RuntimeError:  # pytesseract's timeout
            raise InputError(
                f"took longer than {OCR_PAGE_TIMEOUT_S} s to read one page by OCR"
            ) from None
    return "\n\n".join(texts)


def docx_text(data: bytes) -> str:
    """A .docx's paragraphs and tables in document order. Heading styles (Heading 1-6,
    Title, or an outline level) become `#` lines, a paragraph whose text is all bold becomes
    `**text**`, and Word's automatic list numbers ("3.", "4.1", "(b)"), which are not in the
    paragraph's text, are rebuilt from numbering.xml and put in front of it."""
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

    doc = DocxDocument(io.BytesIO(data))
    try:
        numbering = doc.part.numbering_part.element
    except (KeyError, NotImplementedError):
        numbering = None
    reader = _DocxReader(doc.styles.element, numbering)
    parts: list[str] = []
    reader.blocks(doc.element.body, parts)
    return "\n".join(parts)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# run content that is not the paragraph's own text: drawings and text boxes (whose
# AlternateContent repeats the text), deleted text, field codes
_DOCX_SKIP = {
    f"{_W}del", f"{_W}moveFrom", f"{_W}drawing", f"{_W}pict", f"{_W}object", f"{_W}instrText",
    f"{_W}delText", f"{_W}rPr", f"{_W}pPr", f"{_W}footnoteReference", f"{_W}endnoteReference",
    "{http://schemas.openxmlformats.org/markup-compatibility/2006}AlternateContent",
}  # fmt: skip
_DOCX_HEADING = re.compile(r"(?i)^heading\s*([1-9])$")
_DOCX_FALSE = {"0", "false", "off", "none"}


def _w(el: Any, name: str) -> Any:
    return None if el is None else el.find(f"{_W}{name}")


def _wval(el: Any, default: str | None = None) -> str | None:
    if el is None:
        return default
    return el.get(f"{_W}val", default)


def _wint(el: Any, default: int) -> int:
    try:
        return int(_wval(el) or default)
    except ValueError:
        return default


class _DocxReader:
    """Walks a document body with its styles and numbering definitions."""

    def __init__(self, styles: Any, numbering: Any) -> None:
        self.styles: dict[str, Any] = {}
        self.default_para: Any = None
        for style in styles.iterfind(f"{_W}style"):
            sid = style.get(f"{_W}styleId")
            if sid:
                self.styles[sid] = style
            if style.get(f"{_W}type") == "paragraph" and style.get(f"{_W}default") in ("1", "true"):
                self.default_para = style
        defaults = _w(_w(_w(styles, "docDefaults"), "rPrDefault"), "rPr")
        self.default_bold = self._bold_of(defaults)
        self.nums: dict[str, Any] = {}
        self.abstracts: dict[str, Any] = {}
        if numbering is not None:
            for num in numbering.iterfind(f"{_W}num"):
                self.nums[num.get(f"{_W}numId", "")] = num
            for abstract in numbering.iterfind(f"{_W}abstractNum"):
                self.abstracts[abstract.get(f"{_W}abstractNumId", "")] = abstract
        # a list's counters, per level. A list is an abstract definition, shared (and so
        # continued) by every w:num that uses it, as Word does; a w:num that overrides a
        # level's start ("Restart numbering") is a list of its own
        self.counters: dict[str, list[int | None]] = {}

    # --- styles ---------------------------------------------------------------------

    def _chain(self, style: Any) -> list[Any]:
        chain: list[Any] = []
        while style is not None and len(chain) < 20 and style not in chain:
            chain.append(style)
            style = self.styles.get(_wval(_w(style, "basedOn")) or "")
        return chain

    def _para_style(self, ppr: Any) -> Any:
        sid = _wval(_w(ppr, "pStyle"))
        return self.styles.get(sid) if sid else self.default_para

    @staticmethod
    def _bold_of(rpr: Any) -> bool | None:
        b = _w(rpr, "b")
        if b is None:
            return None
        return (_wval(b) or "1").lower() not in _DOCX_FALSE

    def heading_level(self, ppr: Any) -> int:
        chain = self._chain(self._para_style(ppr))
        if chain:
            name = (_wval(_w(chain[0], "name")) or "").strip()
            m = _DOCX_HEADING.match(name)
            if m:
                return min(int(m.group(1)), 6)
            if name.lower() == "title":
                return 1
        for holder in [ppr, *(_w(s, "pPr") for s in chain)]:
            outline = _w(holder, "outlineLvl")
            if outline is not None:
                level = _wint(outline, 9)
                return level + 1 if level < 6 else 0
        return 0

    def run_bold(self, run: Any, para_style: Any) -> bool:
        found = self._bold_of(_w(run, "rPr"))
        if found is not None:
            return found
        char_style = self.styles.get(_wval(_w(_w(run, "rPr"), "rStyle")) or "")
        for style in [*self._chain(char_style), *self._chain(para_style)]:
            found = self._bold_of(_w(style, "rPr"))
            if found is not None:
                return found
        return bool(self.default_bold)

    # --- numbering -------------------------------------------------------------------

    def _num_pr(self, ppr: Any) -> tuple[str, int] | None:
        """The paragraph's (numId, level): its own w:numPr, else its style's."""
        own = _w(ppr, "numPr")
        num_id = _wval(_w(own, "numId"))
        level = _wval(_w(own, "ilvl"))
        style_id = ""
        if num_id is None:
            for style in self._chain(self._para_style(ppr)):
                pr = _w(_w(style, "pPr"), "numPr")
                if pr is not None and _w(pr, "numId") is not None:
                    num_id = _wval(_w(pr, "numId"))
                    level = level if level is not None else _wval(_w(pr, "ilvl"))
                    style_id = style.get(f"{_W}styleId", "")
                    break
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        if level is None:
            level = str(self._style_level(num_id, style_id))
        try:
            return num_id, max(0, min(8, int(level)))
        except ValueError:
            return num_id, 0

    def _abstract(self, num_id: str) -> tuple[str, Any]:
        abstract_id = _wval(_w(self.nums[num_id], "abstractNumId")) or ""
        abstract = self.abstracts.get(abstract_id)
        for _ in range(5):  # a list style points at the w:num that defines it
            link = _wval(_w(abstract, "numStyleLink"))
            if not link:
                break
            pr = _w(_w(self.styles.get(link), "pPr"), "numPr")
            linked = self.nums.get(_wval(_w(pr, "numId")) or "")
            abstract_id = _wval(_w(linked, "abstractNumId")) or ""
            abstract = self.abstracts.get(abstract_id)
        return abstract_id, abstract

    def _style_level(self, num_id: str, style_id: str) -> int:
        _, abstract = self._abstract(num_id)
        if abstract is not None and style_id:
            for lvl in abstract.iterfind(f"{_W}lvl"):
                if _wval(_w(lvl, "pStyle")) == style_id:
                    return _int(lvl.get(f"{_W}ilvl"), 0)
        return 0

    def _levels(self, num_id: str) -> tuple[str, dict[int, Any], dict[int, int]]:
        """The list's key, its level definitions (overrides applied) and start overrides."""
        abstract_id, abstract = self._abstract(num_id)
        levels: dict[int, Any] = {}
        if abstract is not None:
            for lvl in abstract.iterfind(f"{_W}lvl"):
                levels[_int(lvl.get(f"{_W}ilvl"), 0)] = lvl
        restarts: dict[int, int] = {}
        for override in self.nums[num_id].iterfind(f"{_W}lvlOverride"):
            ilvl = _int(override.get(f"{_W}ilvl"), 0)
            lvl = _w(override, "lvl")
            if lvl is not None:
                levels[ilvl] = lvl
            start = _w(override, "startOverride")
            if start is not None:
                restarts[ilvl] = _wint(start, 1)
        return (f"n{num_id}" if restarts else f"a{abstract_id}"), levels, restarts

    def number(self, ppr: Any) -> str:
        """The list number Word shows before this paragraph ("" if none), counting it."""
        found = self._num_pr(ppr)
        if found is None:
            return ""
        num_id, level = found
        key, levels, restarts = self._levels(num_id)
        lvl = levels.get(level)
        if lvl is None:
            return ""
        counters = self.counters.setdefault(key, [None] * 9)

        def start(k: int) -> int:
            return restarts.get(k, _wint(_w(levels.get(k), "start"), 1))

        current = counters[level]
        counters[level] = start(level) if current is None else current + 1
        for deeper in range(level + 1, 9):
            restart_after = _wint(_w(levels.get(deeper), "lvlRestart"), deeper)
            if level < restart_after:
                counters[deeper] = None
        fmt = _wval(_w(lvl, "numFmt"), "decimal") or "decimal"
        text = _wval(_w(lvl, "lvlText"))
        if text is None:
            text = "" if fmt == "none" else f"%{level + 1}."
        if fmt == "bullet":
            return "-"
        legal = _w(lvl, "isLgl") is not None and _wval(_w(lvl, "isLgl"), "1") not in _DOCX_FALSE

        def fill(m: re.Match[str]) -> str:
            k = int(m.group(1)) - 1
            ref = levels.get(k)
            value = counters[k]
            if value is None:
                value = start(k)
            ref_fmt = "decimal" if legal else (_wval(_w(ref, "numFmt"), "decimal") or "decimal")
            return _list_number(value, ref_fmt)

        return re.sub(r"%([1-9])", fill, text).strip()

    # --- text ---------------------------------------------------------------------------

    def blocks(self, parent: Any, out: list[str], gap: bool = True) -> None:
        """Paragraphs and tables, a blank line after each paragraph where `gap`."""
        for block in parent.iterchildren():
            tag = block.tag
            if tag == f"{_W}p":
                line = self.paragraph(block)
                if line:
                    out.append(line)
                    if gap:
                        out.append("")
            elif tag == f"{_W}tbl":
                self.table(block, out)
            elif tag in (f"{_W}sdt", f"{_W}customXml"):
                content = _w(block, "sdtContent")
                self.blocks(block if content is None else content, out, gap)

    def table(self, tbl: Any, out: list[str]) -> None:
        """One line per cell paragraph, a blank line after each row."""
        if out and out[-1]:
            out.append("")
        for row in tbl.iterfind(f"{_W}tr"):
            for cell in row.iterfind(f"{_W}tc"):
                merge = _w(_w(cell, "tcPr"), "vMerge")
                if merge is not None and _wval(merge, "continue") != "restart":
                    continue  # the cell above, merged down: its text is already out
                self.blocks(cell, out, gap=False)
            if out and out[-1]:
                out.append("")

    def paragraph(self, p: Any) -> str:
        ppr = _w(p, "pPr")
        pieces: list[str] = []
        runs: list[tuple[Any, str]] = []
        self._collect(p, pieces, runs)
        text = "".join(pieces)
        number = self.number(ppr)
        if not text.strip():
            return ""  # an empty numbered paragraph still counts (as in Word)
        level = self.heading_level(ppr)
        para_style = self._para_style(ppr)
        bold = not level and all(
            self.run_bold(run, para_style) for run, chars in runs if chars.strip()
        )
        if number:
            text = f"{number} {text.lstrip()}"
        if level or bold:
            text = " ".join(text.split())
            return f"{'#' * level} {text}" if level else f"**{text}**"
        return text

    def _collect(self, el: Any, pieces: list[str], runs: list[tuple[Any, str]]) -> None:
        for child in el.iterchildren():
            tag = child.tag
            if not isinstance(tag, str) or tag in _DOCX_SKIP:
                continue
            if tag == f"{_W}r":
                if _w(_w(child, "rPr"), "vanish") is not None:
                    continue  # hidden text
                start = len(pieces)
                self._collect(child, pieces, runs)
                runs.append((child, "".join(pieces[start:])))
            elif tag == f"{_W}t":
                pieces.append(child.text or "")
            elif tag == f"{_W}tab" or tag == f"{_W}ptab":
                pieces.append("\t")
            elif tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
            elif tag in (f"{_W}noBreakHyphen", f"{_W}softHyphen"):
                pieces.append("-" if tag.endswith("noBreakHyphen") else "")
            else:
                self._collect(child, pieces, runs)  # hyperlinks, insertions, fields, sdt


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


_ROMAN = [
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
]  # fmt: skip


def _list_number(value: int, fmt: str) -> str:
    """One level's counter as Word writes it in a numFmt."""
    if fmt in ("upperRoman", "lowerRoman") and 0 < value < 4000:
        out = ""
        for size, letters in _ROMAN:
            while value >= size:
                out += letters
                value -= size
        return out.upper() if fmt == "upperRoman" else out
    if fmt in ("upperLetter", "lowerLetter") and value > 0:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "none":
        return ""
    return str(value)


_BLOCK_TAGS = {
    "p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
    "table", "ul", "ol", "section", "article", "dt", "dd", "blockquote", "pre", "hr",
    "main", "header", "footer", "address", "figure", "figcaption", "caption", "center",
    "details", "summary", "dl", "fieldset", "legend", "thead", "tbody", "tfoot", "body",
}  # fmt: skip
# never the minutes: code, embedded objects, form controls, site navigation
_HTML_DROP_TAGS = [
    "script", "style", "noscript", "template", "head", "iframe", "svg", "object", "embed",
    "canvas", "button", "select", "input", "textarea", "dialog", "nav", "aside", "menu",
]  # fmt: skip
_HTML_DROP_ROLES = {
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
    "menu", "menubar", "toolbar",
}  # fmt: skip
# a class or id holding one of these words marks site chrome (WordPress, Drupal, Bootstrap
# and cookie-consent plug-ins name theirs so); whole words only, so "public-comment" stays
_CHROME_WORDS = {
    "nav", "navbar", "navigation", "menu", "menubar", "submenu", "breadcrumb", "breadcrumbs",
    "sidebar", "widget", "widgets", "cookie", "cookies", "cookiebar", "consent", "gdpr", "cc",
    "skip", "skiplink", "skiplinks", "share", "sharing", "social", "comments", "respond",
    "related", "pagination", "pager", "colophon", "masthead", "topbar", "toolbar", "search",
    "newsletter", "subscribe", "advert", "advertisement", "ads", "sponsor", "popup", "modal",
    "byline", "footer", "mgbreadcrumbs",
}  # fmt: skip
_CHROME_PAIRS = {("entry", "meta"), ("post", "meta"), ("posted", "on"), ("site", "header")}
_HTML_HEADING = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_HTML_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|[6-9]00)", re.IGNORECASE)


class _HtmlBlock:
    """One block of a page's text: a paragraph, cell, list item or heading line."""

    __slots__ = ("text", "level", "bold", "link_chars", "gap")

    def __init__(self, text: str, level: int, bold: bool, link_chars: int, gap: str) -> None:
        self.text, self.level, self.bold = text, level, bold
        self.link_chars, self.gap = link_chars, gap

    def line(self) -> str:
        if self.level:
            return f"{'#' * self.level} {' '.join(self.text.split())}"
        if self.bold and "\n" not in self.text:
            return f"**{self.text}**"
        return self.text

    def link_density(self) -> float:
        return self.link_chars / max(1, len(self.text.replace(" ", "")))


def html_text(data: bytes) -> str:
    """A web page's minutes without the site around it. h1-h6 become `#` lines and a block
    whose text is all bold (<b>, <strong>) becomes `**text**`. The minutes are a modern.gov
    page's #modgov, else the page's <main> or single <article>, else (pages without such
    markup) the run of blocks that trafilatura's main-text extraction finds; menus, sidebars,
    footers and cookie banners are dropped by their tags, ARIA roles and class names."""
    from bs4 import BeautifulSoup

    try:  # UTF-8 where it is (bs4's guess can take it for cp1252), else bs4's sniffing
        soup = BeautifulSoup(data.decode("utf-8"), "html.parser")
    except UnicodeDecodeError:
        soup = BeautifulSoup(data, "html.parser")
    _drop_html_chrome(soup)
    root = soup.select_one("#modgov")
    if root is None:
        mains = soup.select("main, [role=main]")
        articles = soup.find_all("article")
        if len(mains) == 1:
            root = mains[0]
        elif len(articles) == 1:
            root = articles[0]
    if root is not None:
        blocks = _html_blocks(root)
    else:
        body = soup.body or soup
        blocks = _main_blocks(_html_blocks(body), str(body))
    out: list[str] = []
    for block in blocks:
        if out:
            out.append(block.gap)
        out.append(block.line())
    return html_lib.unescape("".join(out)) + "\n"


def _drop_html_chrome(soup: Any) -> None:
    """Take out what is never the minutes, in one pass from the top (a dropped element's
    insides are not looked at): code and controls, navigation, footers, small forms, and
    elements whose ARIA role or class/id names site chrome. An element holding #modgov,
    <main> or an <article> is never chrome (ASP.NET wraps whole pages in a <form>), nor is
    a <header> holding a heading (an article's title)."""
    from bs4 import Comment, Tag

    def ancestry(selector: str) -> set[int]:
        found: set[int] = set()
        for el in soup.select(selector):
            for node in [el, *el.parents]:
                if id(node) in found:
                    break
                found.add(id(node))
        return found

    holds_main = ancestry("#modgov, main, [role=main], article")
    holds_heading = ancestry(", ".join(_HTML_HEADING))

    def chrome(tag: Any) -> bool:
        name = tag.name
        if id(tag) in holds_main:
            return False
        if name in _HTML_DROP_TAGS or name == "footer":
            return True
        if name == "header":
            return id(tag) not in holds_heading
        if name == "form":
            return len(tag.get_text(" ", strip=True)) < 500  # a search box, a comment form
        if tag.get("aria-hidden") == "true" or tag.get("id") == "skipLinks":
            return True
        if str(tag.get("role") or "").lower() in _HTML_DROP_ROLES:
            return True
        names = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")]).lower()
        words = [w for w in re.split(r"[^a-z0-9]+", names) if w]
        return bool(set(words) & _CHROME_WORDS or set(zip(words, words[1:])) & _CHROME_PAIRS)

    drops: list[Any] = []
    stack = [soup]
    while stack:
        for child in stack.pop().children:
            if isinstance(child, Comment):
                drops.append(child)
            elif isinstance(child, Tag):
                if child.name not in ("html", "body") and chrome(child):
                    drops.append(child)
                else:
                    stack.append(child)
    for element in drops:
        element.extract()


def _html_blocks(root: Any) -> list[_HtmlBlock]:
    """The blocks of an element's text in document order."""
    from bs4 import NavigableString, Tag
    from bs4.element import PreformattedString

    blocks: list[_HtmlBlock] = []
    parts: list[tuple[str, bool, bool]] = []  # text, bold, in a link
    gap, level = "\n\n", 0  # before the next block; the heading being read

    def flush(gap_after: str = "\n\n") -> None:
        nonlocal gap
        text = "".join(p[0] for p in parts)
        text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
        if text:
            bold = all(b for t, b, _ in parts if t.strip())
            links = sum(len(t.replace(" ", "")) for t, _, a in parts if a)
            blocks.append(_HtmlBlock(text, level, bold, links, gap))
            gap = gap_after
        elif gap_after == "\n\n":
            gap = gap_after
        parts.clear()

    # an explicit stack, not recursion: a hostile page may nest tags thousands deep
    stack: list[tuple[Any, ...]] = [("node", root, False, False, False)]
    while stack:
        item = stack.pop()
        if item[0] == "text":
            parts.append(item[1:])
        elif item[0] == "start":
            flush()
            level = item[1] or level
        elif item[0] == "end":
            flush()
            level = 0
        else:
            _, node, bold, link, pre = item
            for child in reversed(list(node.children)):
                if isinstance(child, Tag):
                    name = child.name
                    if name == "br":
                        stack.append(("text", "\n", bold, link))
                    elif name in _HTML_HEADING or name in _BLOCK_TAGS:
                        stack.append(("end",))
                        stack.append(("node", child, False, link, pre or name == "pre"))
                        stack.append(("start", _HTML_HEADING.get(name, 0)))
                    else:
                        style = str(child.get("style") or "")
                        strong = name in ("b", "strong") or bool(_HTML_BOLD_STYLE.search(style))
                        stack.append(("node", child, bold or strong, link or name == "a", pre))
                elif isinstance(child, NavigableString) and not isinstance(
                    child, PreformattedString
                ):
                    text = str(child) if pre else re.sub(r"\s+", " ", str(child))
                    stack.append(("text", text, bold, link))
    flush()
    for block in blocks:
        if "\n" in block.text and not block.level:
            block.bold = False  # lines split by <br>: bold only if each is its own block
    return blocks


def _main_blocks(blocks: list[_HtmlBlock], page: str) -> list[_HtmlBlock]:
    """For a page without #modgov, <main> or <article>: the blocks from just before the
    first to the last one whose text trafilatura takes as the page's main text. The blocks
    just before that run are kept while they are not links (the committee's name, the date,
    who was present); inside it, blocks mostly of links that trafilatura left out go."""
    total = sum(len(b.text) for b in blocks)
    links = sum(b.link_chars for b in blocks)
    if not blocks or links < 0.05 * total:
        return blocks  # an exported document: nothing around the text to take away
    try:
        import trafilatura

        extracted = trafilatura.extract(
            page,
            include_tables=True,
            include_comments=False,
            include_links=False,
            favor_recall=True,
            deduplicate=False,
        )
    except Exception:  # the locator is an aid: a page it cannot take is kept whole
        extracted = None
    if not extracted:
        return blocks
    lines = {" ".join(line.split()) for line in extracted.splitlines()}
    flat = " ".join(extracted.split())

    def found(block: _HtmlBlock) -> bool:
        text = " ".join(block.text.split())
        return text in lines or (len(text) >= 25 and text in flat)

    anchors = [i for i, b in enumerate(blocks) if found(b)]
    if not anchors:
        return blocks
    first, last = anchors[0], anchors[-1]
    while first > 0 and blocks[first - 1].link_density() < 0.5:
        first -= 1
    return [b for b in blocks[first : last + 1] if b.link_density() < 0.5 or found(b) or b.level]
