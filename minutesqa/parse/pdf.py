"""PDF files: the text layer page by page, without the page furniture (running titles,
page numbers, print stamps) repeated on each page; scanned pages read by OCR where
Tesseract is installed."""

from __future__ import annotations

import re
from typing import Any

from minutesqa.errors import InputError
from minutesqa.parse.guard import allow_more

PAGE_BREAK = "\f"
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
OCR_PAGE_ALLOWANCE_S = 30  # parse time added for each page read by OCR (~5 s a page, idle)
OCR_DPI = 300  # a scanned page is rendered at Tesseract's recommended resolution
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
        pages = [_page_text(page) for page in reader.pages]
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
            allow_more(len(scans) * OCR_PAGE_ALLOWANCE_S)
            for i, text in ocr_pages(data, reader, scans).items():
                pages[i] = text
            if not any(text.strip() for text in pages):
                raise InputError("is a scanned PDF, but OCR found no text in it")
    # pages apart by a form feed: `normalise` reads it as a paragraph break, and
    # `read_document` splits on it for the page each item starts on
    text = PAGE_BREAK.join(drop_page_furniture(pages))
    if not text.strip():
        raise InputError("is a PDF with no text layer (a scan?); run OCR on it first")
    return text


MIN_WORD_LINES = 40  # lines of a page before its words per line are judged
MAX_WORDS_PER_LINE = 1.2  # on average: each word drawn as a line of its own
COLUMN_GAP = 12  # spaces between two columns of the layout reading (words: up to 7)
_COLUMN_GAP = re.compile(rf"(?<=\S) {{{COLUMN_GAP},}}(?=\S)")


def one_word_per_line(text: str) -> bool:
    """A page's text read one word a line ("City", "of", "Boston", ..., "9", ":00", "PM"):
    a PDF that places each word with its own transformation (Google Docs' Skia renderer),
    which pypdf's plain reading takes for a new line at every word. MIN_WORD_LINES lines or
    more averaging at most MAX_WORDS_PER_LINE words."""
    lines = [line for line in text.split("\n") if line.strip()]
    if len(lines) < MIN_WORD_LINES:
        return False
    return sum(len(line.split()) for line in lines) <= MAX_WORDS_PER_LINE * len(lines)


def _page_text(page: Any) -> str:
    """A page's text layer; where the plain reading puts one word on each line
    (`one_word_per_line`), pypdf's layout reading, which places the words by their position
    on the page and so gives the printed lines back; text set side by side in columns (a
    letterhead's "Licensing Board" beside "Keeana S. Saxon", COLUMN_GAP spaces or more
    apart) is one line a column."""
    text = page.extract_text() or ""
    if not one_word_per_line(text):
        return text
    try:
        laid_out = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # pypdf's layout reading fails on some fonts: keep the plain reading
        return text
    if not laid_out.strip():
        return text
    return _with_words(_COLUMN_GAP.sub("\n", laid_out), text.split())


def _with_words(laid_out: str, words: list[str]) -> str:
    """The layout reading's lines spelt with the plain reading's words: the layout reading
    places words by their measured widths and may run two together ("Cityof Boston",
    "Joyce,Chairman", "ata previously licensed"); the plain reading keeps apart each word
    the PDF drew apart. A run of characters the layout reading gives as one word that is
    not one of the plain reading's is cut into the fewest of them (`_cut`), one space apart
    but where punctuation joins them ("Corp" "." -> "Corp.", "7" "‑" "9" -> "7‑9")."""
    known = set(words)
    lines = []
    for line in laid_out.split("\n"):
        lines.append(" ".join(_cut(chunk, known) for chunk in line.split()))
    return "\n".join(lines)


_JOINS_AFTER = re.compile(r"^[.,;:)\]!?%‑-]")
_JOINS_BEFORE = re.compile(r"[(\[‑-]$")
MAX_CUT = 40  # characters of a run cut into words (longer: kept as it is)


def _cut(chunk: str, known: set[str]) -> str:
    """`chunk` as the fewest words of `known` it is made of, spaced but at punctuation;
    `chunk` itself where it is one of them or no such cut exists."""
    if chunk in known or len(chunk) > MAX_CUT:
        return chunk
    best: list[list[str] | None] = [[]] + [None] * len(chunk)
    for end in range(1, len(chunk) + 1):
        for start in range(end):
            head = best[start]
            piece = chunk[start:end]
            if head is not None and piece in known:
                path = head + [piece]
                now = best[end]
                if now is None or len(path) < len(now):
                    best[end] = path
    parts = best[-1]
    if not parts:
        return chunk
    out = parts[0]
    for part in parts[1:]:
        glued = _JOINS_AFTER.match(part) or _JOINS_BEFORE.search(out)
        out += part if glued else " " + part
    return out


def _tesseract() -> str | None:
    """The tesseract program, None where it is not installed."""
    import shutil

    return shutil.which("tesseract")


def _page_images(page: Any) -> list[Any]:
    try:
        return list(page.images)
    except Exception:  # an image pypdf cannot decode is no page to read
        return []


def ocr_pages(data: bytes, reader: Any, indices: list[int]) -> dict[int, str]:
    """The text Tesseract reads on the scanned pages `indices`. Each page is rendered whole
    (`_rendered`): a scanner's compressed page is many images (a background and a mask per
    block of text, "mixed raster content"), which read one by one come back in the PDF's
    storage order, not the page's, and cost one Tesseract run each. Where pdfium cannot
    open the file or draw a page, its images are read one by one (`_page_images_text`)."""
    try:
        import pypdfium2 as pdfium

        document = pdfium.PdfDocument(data)
    except Exception:  # no pdfium, or a file it cannot open: read the images instead
        return {i: _page_images_text(reader.pages[i]) for i in indices}
    try:
        texts = {}
        for i in indices:
            image = _rendered(document, i)
            page = reader.pages[i]
            texts[i] = _page_images_text(page) if image is None else _tesseract_text(image)
        return texts
    finally:
        document.close()


def _rendered(document: Any, index: int) -> Any:
    """Page `index` as a greyscale image at OCR_DPI (pdfium draws every layer in its place
    and applies the page's rotation); None where pdfium cannot draw it."""
    try:
        return document[index].render(scale=OCR_DPI / 72, grayscale=True).to_pil()
    except Exception:  # a page pdfium cannot draw: read its images instead
        return None


OCR_THREADS = "1"  # OpenMP threads a Tesseract run may use (OMP_THREAD_LIMIT)


def _tesseract_text(image: Any) -> str:
    """Tesseract's reading of `image`. Tesseract's OpenMP threads spin against each other
    and anything else on the cores: one thread a run reads a page ~3.5 times faster on a
    busy two-core machine (26.4 s -> 7.6 s for four pages), so OMP_THREAD_LIMIT is
    OCR_THREADS unless the user set it."""
    import os

    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", OCR_THREADS)
    try:
        return str(pytesseract.image_to_string(image, timeout=OCR_PAGE_TIMEOUT_S))
    except RuntimeError:  # pytesseract's timeout
        raise InputError(
            f"took longer than {OCR_PAGE_TIMEOUT_S} s to read one page by OCR"
        ) from None


def _page_images_text(page: Any) -> str:
    """The text Tesseract reads in a page's images, one by one (a scan is one image a page,
    or strips)."""
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
        texts.append(_tesseract_text(image))
    return "\n\n".join(texts)
