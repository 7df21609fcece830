"""Word files that keep the first page's text outside the body's paragraphs: in a table
cell, the page header part (header1.xml), a text box (w:txbxContent), a content control
(w:sdt); and agenda items Word numbers itself (w:numPr). The texts are real parish
minutes' (Stoke Ferry, Wereham and Boughton Parish Councils, Norfolk), laid out as Word
keeps them; each meeting is dated and split as its minutes say."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from minutesqa.errors import InputError
from minutesqa.models import Meeting
from minutesqa.parse import read_document
from minutesqa.segment import segment

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
LIMIT = 50 * 1024**2

STOKE_FERRY_BODY = [
    "Present: Cllr Sue Lintern (Chair) Cllr Kit Hesketh-Harvey (Vice-Chair) Cllr Trudy Mann",
    "Public – Nil.",
    "99/20 To Approve the Minutes of the Ordinary Meeting held on 4 March 2020 and"
    " Extraordinary Meeting held on 21 March 2020",
    "There were no amendments.",
]


def meeting_of(tmp_path: Path, document: object) -> Meeting:
    buf = io.BytesIO()
    document.save(buf)  # type: ignore[attr-defined]
    path = tmp_path / "minutes.docx"
    path.write_bytes(buf.getvalue())
    return segment(read_document(path, max_bytes=LIMIT, timeout_s=30))


def test_the_date_in_a_table_cell(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("Boughton Parish Council.")
    d.add_paragraph("Final Minutes.")
    grid = d.add_table(rows=2, cols=4)
    for cell, text in zip(
        grid.rows[0].cells, ["Date held:", "3rd May 2013", "Venue:", "All Saints, Boughton"]
    ):
        cell.text = text
    for cell, text in zip(grid.rows[1].cells, ["Present:", "", "Apologies:", "Peter Agate (PAG)"]):
        cell.text = text
    d.add_paragraph("Date of next meeting 2nd May 2014 at All Saints Church, Boughton at 7pm")
    assert meeting_of(tmp_path, d).date == dt.date(2013, 5, 3)


def test_the_date_only_in_the_page_header(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    header = d.sections[0].header
    header.paragraphs[0].text = "STOKE FERRY PARISH COUNCIL"
    header.add_paragraph(
        "Minutes of the Ordinary Meeting held on Wednesday 3 June 2020 at 7.00 pm,"
        " Virtually online via Zoom"
    )
    for text in STOKE_FERRY_BODY:
        d.add_paragraph(text)
    meeting = meeting_of(tmp_path, d)
    assert (meeting.date, meeting.committee) == (dt.date(2020, 6, 3), "Stoke Ferry Parish Council")


def test_minutes_whose_only_date_is_the_minutes_they_approve_ask_for_it(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for text in STOKE_FERRY_BODY:
        d.add_paragraph(text)
    with pytest.raises(InputError):
        meeting_of(tmp_path, d)


TEXT_BOX = (
    f'<w:p {W_NS} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"'
    ' xmlns:v="urn:schemas-microsoft-com:vml"><w:r><mc:AlternateContent>'
    '<mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx><w:txbxContent>{paras}'
    "</w:txbxContent></wps:txbx></wps:wsp></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paras}</w:txbxContent>"
    "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
)


def _paras(lines: list[str]) -> str:
    return "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)


def test_the_heading_in_a_text_box_read_once(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    from minutesqa.parse.docx import docx_text

    d = docx.Document()
    heading = ["WEREHAM PARISH COUNCIL", "Minutes of the Ordinary Parish Council Meeting",
               "8th July 2014 at 7.30pm", "Wereham Village Hall"]  # fmt: skip
    d.element.body.insert(0, parse_xml(TEXT_BOX.format(paras=_paras(heading))))
    d.add_paragraph("Attendance: Cllr Jo Bruce JB Chair Cllr Dave Deighton DD Vice Chair")
    d.add_paragraph(
        "21.0 Date of Next Meeting – Tuesday 9th September 2014, 7.30pm Wereham Village Hall."
    )
    buf = io.BytesIO()
    d.save(buf)
    assert [line for line in docx_text(buf.getvalue()).split("\n") if line][:4] == heading
    meeting = meeting_of(tmp_path, d)
    assert (meeting.date, meeting.committee) == (dt.date(2014, 7, 8), "Wereham Parish Council")


def test_the_date_in_a_content_control_row(tmp_path: Path) -> None:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    d.add_paragraph("Boughton Parish Council.")
    grid = d.add_table(rows=1, cols=2)
    grid.rows[0].cells[0].text = "Venue:"
    grid.rows[0].cells[1].text = "All Saints, Boughton"
    row = parse_xml(
        f"<w:sdt {W_NS}><w:sdtPr/><w:sdtContent><w:tr>"
        "<w:tc><w:p><w:r><w:t>Date held:</w:t></w:r></w:p></w:tc>"
        "<w:tc><w:sdt><w:sdtContent><w:p><w:r><w:t>3rd May 2013</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt></w:tc></w:tr></w:sdtContent></w:sdt>"
    )
    grid._tbl.insert(grid._tbl.index(grid._tbl.tr_lst[0]), row)
    d.add_paragraph("Date of next meeting 2nd May 2014 at All Saints Church, Boughton at 7pm")
    assert meeting_of(tmp_path, d).date == dt.date(2013, 5, 3)


def test_items_word_numbers_itself_are_numbered_items(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_paragraph("STOKE FERRY PARISH COUNCIL")
    d.add_paragraph("Minutes of the Ordinary Meeting held on Wednesday 12 August 2020 at 7.00 pm")
    items = [
        ("To receive Apologies for Absence", "Apologies were received from Cllr Mandy Leamon."),
        ("To receive Declarations of Interest", "There were no declarations of interest."),
        ("To Approve the Minutes of the Ordinary Meeting held on 1 July 2020",
         "There were no amendments."),
        ("Public Participation", "There were no members of the public present."),
    ]  # fmt: skip
    for title, body in items:
        d.add_paragraph(title, style="List Number")  # Word prints 1., 2., ...: not in the text
        d.add_paragraph(body)
    meeting = meeting_of(tmp_path, d)
    assert meeting.date == dt.date(2020, 8, 12)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "To receive Apologies for Absence"),
        ("2", "To receive Declarations of Interest"),
        ("3", "To Approve the Minutes of the Ordinary Meeting held on 1 July 2020"),
        ("4", "Public Participation"),
    ]
