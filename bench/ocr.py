"""Scanned PDFs read by OCR: a generated scan stored the way office scanners store pages
(each block of text its own image, stored out of the page's order), read three ways in the
same run, each in a fresh process: the page's images one by one with Tesseract's default
threads (the reading before pages were rendered), the page rendered whole with the default
threads, and the page rendered whole with one thread a run (the product's reading).
Figures: seconds a page, and the share of text lines that come back in the page's order."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

PAGES = 3
STRIPS = 12  # blocks of text a page

_READ = """
import json, sys, time
from pypdf import PdfReader
from minutesqa.parse import pdf
path, how = sys.argv[1], sys.argv[2]
data = open(path, "rb").read()
reader = PdfReader(path)
started = time.perf_counter()
if how == "images":
    texts = [pdf._page_images_text(page) for page in reader.pages]
else:
    texts = list(pdf.ocr_pages(data, reader, list(range(len(reader.pages)))).values())
print(json.dumps({"s": time.perf_counter() - started, "text": "\\n".join(texts)}))
"""


def _scan(path: Path) -> list[str]:
    """Writes the scan; returns its lines in the page's order."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    font = ImageFont.load_default(size=40)
    pdf = FPDF(unit="pt", format="A4")
    lines = []
    for p in range(PAGES):
        pdf.add_page()
        page_lines = [f"Minute {p * STRIPS + n + 1} noted the report" for n in range(STRIPS)]
        lines += page_lines
        for n in reversed(range(STRIPS)):  # stored bottom first, as a scanner's masks are
            image = Image.new("L", (900, 64), 255)
            ImageDraw.Draw(image).text((10, 8), page_lines[n], fill=0, font=font)
            pdf.image(image, x=60, y=60 + 55 * n, w=450)
    pdf.output(str(path))
    return lines


def _in_order(text: str, lines: list[str]) -> float:
    """The share of the page's lines found after the line before them."""
    found = [text.find(line) for line in lines]
    pairs = sum(1 for a, b in zip(found, found[1:], strict=False) if 0 <= a < b)
    return round(pairs / (len(lines) - 1), 3)


def ocr_bench() -> dict[str, Any]:
    """Seconds a page and page-order share for the three readings."""
    if shutil.which("tesseract") is None:
        return {"skipped": "tesseract is not installed"}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scan.pdf"
        lines = _scan(path)
        res: dict[str, Any] = {"pages": PAGES, "blocks_a_page": STRIPS}
        for name, how, threads in (
            ("images, default threads", "images", None),
            ("rendered, default threads", "rendered", None),
            ("rendered, one thread", "rendered", "1"),
        ):
            env = dict(os.environ)
            env["OMP_THREAD_LIMIT"] = threads or str(os.cpu_count() or 1)  # default: every core
            out = subprocess.run(
                [sys.executable, "-c", _READ, str(path), how],
                env=env,
                capture_output=True,
                text=True,
                timeout=1200,
                check=True,
            )
            got = json.loads(out.stdout.strip().splitlines()[-1])
            order = _in_order(got["text"], lines)
            res[name] = {"s_a_page": round(got["s"] / PAGES, 2), "in_order": order}
        base = res["images, default threads"]["s_a_page"]
        for name in ("rendered, default threads", "rendered, one thread"):
            res[name]["ratio"] = round(res[name]["s_a_page"] / base, 2) if base else None
        return res
