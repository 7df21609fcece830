"""WordprocessingML as `docx._DocxReader` reads it: the element helpers (`_w`, `_wval`,
`_wint`), what a run holds that is not its paragraph's text (`_DOCX_SKIP`), text boxes
and content controls (`_text_boxes`, `_unwrapped`), and Word's list-number formats
(`_list_number`)."""

from __future__ import annotations

import re
from typing import Any

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


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(p: Any) -> list[Any]:
    """The text boxes anchored in a paragraph (w:txbxContent of a drawing or VML shape),
    each once: Word writes a shape twice, as mc:Choice and as an mc:Fallback copy. A
    letterhead or a 'Minutes of the meeting held on ...' panel is often one."""
    boxes: list[Any] = []
    for box in p.iter(f"{_W}txbxContent"):
        up, inner = box.getparent(), False
        while up is not None and up is not p:
            if up.tag == _MC_FALLBACK or up.tag == f"{_W}txbxContent":
                inner = True  # the fallback copy, or a box inside a box (read with it)
                break
            up = up.getparent()
        if not inner:
            boxes.append(box)
    return boxes


def _unwrapped(parent: Any, name: str) -> list[Any]:
    """The parent's w:<name> children, with those inside content controls (w:sdt) and
    custom XML (rows or cells a template fills in) in their place."""
    found: list[Any] = []
    for child in parent.iterchildren():
        if child.tag == f"{_W}{name}":
            found.append(child)
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = _w(child, "sdtContent")
            found.extend(_unwrapped(child if content is None else content, name))
    return found


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
