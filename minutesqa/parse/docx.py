"""Word (.docx) files: paragraphs and tables in document order, heading styles and bold
paragraphs kept as structure, Word's automatic list numbers rebuilt; zip bombs refused.
The WordprocessingML element helpers and list-number formats are `docx_xml`'s."""

from __future__ import annotations

import re
import zipfile
from typing import Any

from minutesqa.errors import InputError
from minutesqa.parse.docx_xml import (
    _DOCX_FALSE,
    _DOCX_HEADING,
    _DOCX_SKIP,
    _W,
    _int,
    _list_number,
    _text_boxes,
    _unwrapped,
    _w,
    _wint,
    _wval,
)

DOCX_MAX_UNZIPPED = 200 * 1024**2
DOCX_MAX_RATIO = 200  # a compression ratio beyond this is a zip bomb, not a document


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
    for header in _first_page_headers(doc):
        reader.blocks(header, parts)
    reader.blocks(doc.element.body, parts)
    return "\n".join(parts)


def _first_page_headers(doc: Any) -> list[Any]:
    """The page header Word prints on the first page (header1.xml etc.), where minutes
    often keep the body's name and the meeting's date: the first section's first-page
    header where it has one ("Different first page"), else its default header. Footers
    are left out: a signature line or page number on every page is not the minutes'."""
    if not doc.sections:
        return []
    section = doc.sections[0]
    try:
        header = section.first_page_header if section.different_first_page_header_footer else None
        if header is None or header.is_linked_to_previous:
            header = section.header
        if header.is_linked_to_previous:
            return []
        return [header._element]
    except (KeyError, NotImplementedError, AttributeError):
        return []


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
                for box in _text_boxes(block):
                    self.blocks(box, out, gap)
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
        """One line per cell paragraph, a blank line after each row (rows and cells kept
        in content controls too)."""
        if out and out[-1]:
            out.append("")
        for row in _unwrapped(tbl, "tr"):
            for cell in _unwrapped(row, "tc"):
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
