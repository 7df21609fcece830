"""PDF files: the text layer page by page, without the page furniture (running titles,
page numbers, print stamps) repeated on each page; scanned pages read by OCR where
Tesseract is installed."""

from __future__ import annotations

import re
from typing import Any

from minutesqa.errors import InputError

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
    # pages apart by a form feed: `normalise` reads it as a paragraph break, and
    # `read_document` splits on it for the page each item starts on
    text = PAGE_BREAK.join(drop_page_furniture(pages))
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
