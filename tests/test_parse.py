"""One parser test per format, from fixtures the tests generate, each read and segmented;
and the one-line reasons for files that cannot be read."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest

from minutesqa.decision import Decision
from minutesqa.errors import InputError
from minutesqa.models import Meeting
from minutesqa.parse import read_document
from minutesqa.segment import segment

LIMIT = 50 * 1024**2

MINUTES = (
    "Safer Stockton Partnership\n\n"
    "A meeting of Safer Stockton Partnership was held on Tuesday, 5th July, 2011.\n\n"
    "1\n\nBudget\n\nThe \u2018budget\u2019 of \u00a38.8 million was \u201cnoted\u201d.\n\n"
    "AGREED that the budget be noted.\n\n"
    "2\n\nAny Other Business\n\nNone.\n"
)


def read(path: Path, timeout_s: float = 30) -> Meeting:
    return segment(read_document(path, max_bytes=LIMIT, timeout_s=timeout_s))


def assert_sample(meeting: Meeting) -> None:
    assert meeting.committee == "Safer Stockton Partnership"
    assert meeting.date == dt.date(2011, 7, 5)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Budget"),
        ("2", "Any Other Business"),
    ]
    assert meeting.items[0].decisions == (Decision("AGREED that the budget be noted."),)


# --- text ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "prefix"),
    [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("cp1252", b""), ("utf-16", b"")],
)
def test_txt_encodings(tmp_path: Path, encoding: str, prefix: bytes) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(prefix + MINUTES.encode(encoding))  # utf-16 writes its own BOM
    doc = read_document(path, max_bytes=LIMIT, timeout_s=30)
    assert doc.format == "txt"
    assert not doc.text.startswith("\ufeff")
    assert "The \u2018budget\u2019 of \u00a38.8 million was \u201cnoted\u201d." in doc.text
    assert_sample(segment(doc))


def test_txt_crlf_and_nbsp(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(MINUTES.replace("\n", "\r\n").replace("Any Other", "Any\u00a0Other").encode())
    assert_sample(read(path))


# Tintern (Wye Valley) Community Council's minutes of 28 March 2022 and 30 November 2020,
# saved as .txt with the line breaks as HTML (the whole file one line)
WYE_VALLEY_2022 = (
    "Minutes of a meeting of the above Council held on Monday 28th March 2022 at 7.00pm in "
    "Tintern Village Hall.<br /><br />Present:  Cllrs Hayward, Hillard, Evans, Ashman, Cobb, "
    "County Cllr Webb & the Clerk.  One member of the public present.<br /><br />3258.Police "
    "Report:  Attached.  No Police presence.<br /><br />3259.Apologies for absence: Cllrs "
    "Shewell & Morrison.<br /><br />3260.   Public Forum:  Mr Mark Holland present with "
    "queries regarding supposed illegal off-road biking in the area.<br /><br />"
)
WYE_VALLEY_2020 = (
    "Minutes of a meeting of the above Council held on Monday 30th November 2020 at 7.00pm by "
    "telephone conferencing.<br /><br />2982.Declarations of interest:  None.<br /><br />"
    "2983.Approval of minutes of previous meeting:  Approved & signed as correct. <br /><br />"
    "2984.Financial Report:  BMM A/C &pound;5,642.26, Community A/C &pound;6,699.20.<br />"
    "Amount spent to date on revenue &pound;13,812.72"
)


def test_txt_with_html_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "20220328.txt"
    path.write_text(WYE_VALLEY_2022)
    meeting = read(path)
    assert [(i.number, i.title, i.body) for i in meeting.items] == [
        ("3258", "Police Report", "Attached. No Police presence."),
        ("3259", "Apologies for absence", "Cllrs Shewell & Morrison."),
        (
            "3260",
            "Public Forum",
            "Mr Mark Holland present with queries regarding supposed illegal off-road biking "
            "in the area.",
        ),
    ]
    path = tmp_path / "20201130.txt"
    path.write_text(WYE_VALLEY_2020)
    doc = read_document(path, max_bytes=LIMIT, timeout_s=30)
    assert "<br" not in doc.text and "&pound;" not in doc.text
    assert [(i.number, i.title, i.body) for i in segment(doc).items] == [
        ("2982", "Declarations of interest", "None."),
        ("2983", "Approval of minutes of previous meeting", "Approved & signed as correct."),
        (
            "2984",
            "Financial Report",
            "BMM A/C £5,642.26, Community A/C £6,699.20.\nAmount spent to date on revenue "
            "£13,812.72",
        ),
    ]


# --- markdown --------------------------------------------------------------------------------


def test_md_bold_headings_links_and_page_breaks(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text(
        "[Original file](https://example.org/files/minutes_(final).pdf)\n\n---\n"
        "*<small>Scanned page, text may contain errors. See original file for clarity</small>*\n\n"
        "# Safer Stockton Partnership\n\n"
        "A meeting of Safer Stockton Partnership was held on Tuesday, 5th July, 2011.\n\n"
        "**1. Budget**\n\nThe budget is in [the annual report](https://example.org/report).\n\n"
        "AGREED that the budget be noted.\n\n---\n\n7\n\n"
        "**2. Any Other Business**\n\nNone \\_ at all.\n\n---\nPage 8 of 9\n\nThe end.\n",
        encoding="utf-8",
    )
    doc = read_document(path, max_bytes=LIMIT, timeout_s=30)
    # the first line names the original PDF: its address is kept, and its rules are pages
    assert doc.hints.url == "https://example.org/files/minutes_(final).pdf"
    assert [page.split("\n")[0] for page in doc.pages] == [
        "# Safer Stockton Partnership",
        "7",
        "Page 8 of 9",
    ]
    assert "Original file" not in doc.text and "example.org" not in doc.text
    assert "Scanned page" not in doc.text and "<small>" not in doc.text
    # structure is kept as the two marks segmentation reads (see models.Document)
    assert "\n# Safer Stockton Partnership\n" in "\n" + doc.text
    assert "\n**1. Budget**\n" in doc.text and "\n**2. Any Other Business**\n" in doc.text
    assert "The budget is in the annual report." in doc.text
    assert "\n7\n" not in doc.text and "Page 8" not in doc.text  # page numbers after breaks
    assert "None _ at all." in doc.text
    meeting = segment(doc)
    assert_sample(meeting)
    assert meeting.items[1].body == "None _ at all.\n\nThe end."
    assert [item.page for item in meeting.items] == [1, 2]
    assert meeting.url == doc.hints.url


def test_md_source_link_only_when_alone_on_the_first_line(tmp_path: Path) -> None:
    """A link on the first line, alone, names the original; rules are page breaks only when
    that original is a PDF. A link anywhere else is text, and no pages are made up."""
    body = "# Safer Stockton Partnership\n\n**1. Budget**\n\n---\n\n**2. Any Other Business**\n"
    cases = {
        "page.md": ("[Web page](https://example.org/minutes/42)\n" + body, 0),
        "inline.md": ("See [the PDF](https://example.org/m.pdf) for the original.\n" + body, 0),
        "plain.md": (body, 0),
        "export.md": ("[Original file](https://example.org/m.PDF?v=2)\n---\n" + body, 2),
    }
    found = {}
    for name, (text, _) in cases.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        doc = read_document(tmp_path / name, max_bytes=LIMIT, timeout_s=30)
        found[name] = (doc.hints.url, len(doc.pages))
    assert found == {
        "page.md": ("https://example.org/minutes/42", 0),
        "inline.md": ("", 0),
        "plain.md": ("", 0),
        "export.md": ("https://example.org/m.PDF?v=2", 2),
    }


# --- html ----------------------------------------------------------------------------------

MODGOV = """<!DOCTYPE html><html><head><title>Agenda and minutes</title>
<style>.x { color: red } body { font: SECRETSTYLE }</style>
<script>var tracking = "SECRETSCRIPT";</script></head>
<body><nav>Home &gt; Meetings NAVCHROME</nav>
<div id="modgov"><h1>Agenda and minutes</h1>
<h2>Safer Stockton Partnership - Thursday 30th May, 2024 9.00 am</h2>
<p>Venue: Jim Cooke Conference Suite, Stockton Central Libary</p>
<h2>Items</h2>
<table class="mgItemTable"><tr><th>No.</th><th>Item</th></tr>
<tr><td>SSP/1/24</td><td><p>Evacuation Procedure <a href="a.pdf">pdf icon PDF 9 KB</a></p>
<p>Minutes:</p><p>The Evacuation Procedure was noted.</p></td></tr>
<tr><td>SSP/2/24</td><td><p>Serious Violence Duty</p><p>Minutes:</p>
<p>Officers spoke about the Street Angels &amp; the night&#8209;time economy.</p>
<p>Members noted the report.</p></td></tr>
<tr><td>SSP/3/24</td><td><p>Restricted - iQuanta Report <a href="b.pdf">pdf icon PDF 313 KB</a></p>
<p>Minutes:</p><p>AGREED that the report be noted.</p></td></tr>
</table></div><footer>FOOTERCHROME</footer></body></html>"""


def test_html_modern_gov_page(tmp_path: Path) -> None:
    path = tmp_path / "minutes.html"
    path.write_text(MODGOV, encoding="utf-8")
    doc = read_document(path, max_bytes=LIMIT, timeout_s=30)
    for gone in ("SECRETSTYLE", "SECRETSCRIPT", "NAVCHROME", "FOOTERCHROME", "pdf icon", "KB"):
        assert gone not in doc.text
    assert "Minutes:" not in doc.text
    assert "Street Angels & the night\u2011time economy" in doc.text
    m = segment(doc)
    assert m.committee == "Safer Stockton Partnership"
    assert m.date == dt.date(2024, 5, 30)
    assert m.attendance.venue == "Jim Cooke Conference Suite, Stockton Central Libary"
    assert [(i.number, i.title) for i in m.items] == [
        ("SSP/1/24", "Evacuation Procedure"),
        ("SSP/2/24", "Serious Violence Duty"),
        ("SSP/3/24", "Restricted - iQuanta Report"),
    ]
    assert m.items[1].decisions == (Decision("Members noted the report."),)
    assert [i.restricted for i in m.items] == [False, False, True]


# --- pdf -----------------------------------------------------------------------------------


def make_pdf(pages: list[list[str]]) -> bytes:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for lines in pages:
        pdf.add_page()
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


PDF_PAGES = [
    [
        "Safer Stockton Partnership",
        "",
        "A meeting of Safer Stockton Partnership was held on Tuesday, 5th July, 2011.",
        "",
        "1",
        "",
        "Budget",
        "",
        "The budget was discussed.",
        "",
        "AGREED that the budget be noted.",
    ],
    ["2", "", "Any Other Business", "", "None."],
]


def test_pdf_two_pages(tmp_path: Path) -> None:
    path = tmp_path / "minutes.pdf"
    path.write_bytes(make_pdf(PDF_PAGES))
    doc = read_document(path, max_bytes=LIMIT, timeout_s=30)
    assert doc.format == "pdf"
    assert "The budget was discussed." in doc.text
    meeting = segment(doc)
    assert_sample(meeting)
    assert meeting.items[1].body == "None."


def word_by_word_pdf(lines: list[tuple[str, ...]]) -> bytes:
    """A one-page PDF drawn as Google Docs' Skia renderer draws it: each word its own text
    object, placed by its own matrix and a vertical move (which pypdf's plain reading takes
    for a line break at every word); a line's second string is a second column."""
    ops = ["1 0 0 -1 0 792 cm"]
    for row, columns in enumerate(lines):
        ops.append(f"q 1 0 0 1 40 {40 + 13 * row} cm")
        for column, text in enumerate(columns):
            x = 300 * column
            for word in text.split():
                word = word.replace("(", r"\(").replace(")", r"\)")
                ops.append(f"BT /F1 10 Tf 1 0 0 -1 {x} 0.5 Tm 0 -10 Td ({word}) Tj ET")
                x += 6 * len(word) + 4
        ops.append("Q")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R"
        b" >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO(b"%PDF-1.4\n")
    out.seek(0, io.SEEK_END)
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % offset for offset in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1))
    out.write(b"startxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


# the Licensing Board for the City of Boston's voting minutes of 4 May 2023 and 17 July
# 2025 (their first lines; the 2023 one's new licence under a later heading)
BOSTON_LETTERHEAD = [
    ("City of Boston", "Commissioners:"),
    ("Mayor Michelle Wu", "Kathleen M. Joyce, Chairman"),
    ("Licensing Board", "Keeana S. Saxon"),
]
BOSTON_2023 = [
    *BOSTON_LETTERHEAD,
    ("Voting Hearing Agenda",),
    ("May 4, 2023",),
    ("Licensed Premise Inspection Hearing on Tuesday, May 2, 2023",),
    ("1. M.Y.N. Corp.",),
    ("Doing business as: Dublin Pub",),
    ("Location: 7-9 Stoughton St Dorchester, MA 02125",),
    ("No Violation",),
    ("2. Cardona's, Inc.",),
    ("Doing business as: Barney's Grill",),
    ("Location: 299 Havre St East Boston, MA 02128",),
    ("No Violation - Correspondence from the Board",),
    ("3. Bred, LLC, d/b/a Bred Gourmet, 23 DryDock Avenue, Boston, MA 02210.",),
    ("Tambo Barrow as Manager of Record. Hours of operation",),
    ("11:00 AM - 3:00 PM Mon. - Fri.",),
    ("Granted",),
]
BOSTON_2025 = [
    *BOSTON_LETTERHEAD,
    ("Voting Hearing Agenda",),
    ("July 17, 2025",),
    ("(Chairwoman Joyce not present)",),
    ("Licensed Premise Inspection Hearing on Tuesday, July 15, 2025",),
    ("1. Rock Bottom Group LLC",),
    ("Doing business as: Rock Bottom Restaurant & Brewery",),
    ("Location: 115 Stuart St Boston, MA 02116",),
    ("No Violation",),
    ("2. Cm Diamond Importers LLC",),
    ("Location: 1 - 4 Winter Pl Boston, MA 02108",),
    ("No Violation",),
    ("3. The Great Escape Inc.",),
    ("Doing business as: Chubbs Taco & Tequila Bar",),
    ("No Violation",),
]


def test_pdf_drawn_one_word_at_a_time_is_read_in_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "voting_minutes_2023-05-04.pdf"
    path.write_bytes(word_by_word_pdf(BOSTON_2023))
    meeting = read(path)
    assert (meeting.committee, meeting.date) == ("Licensing Board", dt.date(2023, 5, 4))
    # the time of day opening a line is no item "11" titled "00 AM - 3:00 PM ..."
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "M.Y.N. Corp."),
        ("2", "Cardona's, Inc."),
        ("3", "Bred, LLC, d/b/a Bred Gourmet, 23 DryDock Avenue, Boston, MA 02210."),
    ]
    assert meeting.items[2].body.endswith("11:00 AM - 3:00 PM Mon. - Fri.\nGranted")
    path = tmp_path / "voting_minutes_2025-07-17.pdf"
    path.write_bytes(word_by_word_pdf(BOSTON_2025))
    meeting = read(path)
    assert (meeting.committee, meeting.date) == ("Licensing Board", dt.date(2025, 7, 17))
    assert [(i.number, i.title, i.body) for i in meeting.items] == [
        (
            "1",
            "Rock Bottom Group LLC",
            "Doing business as: Rock Bottom Restaurant & Brewery\n"
            "Location: 115 Stuart St Boston, MA 02116\nNo Violation",
        ),
        (
            "2",
            "Cm Diamond Importers LLC",
            "Location: 1 - 4 Winter Pl Boston, MA 02108\nNo Violation",
        ),
        (
            "3",
            "The Great Escape Inc.",
            "Doing business as: Chubbs Taco & Tequila Bar\nNo Violation",
        ),
    ]


def test_pdf_parses_when_the_parent_maps_gigabytes(tmp_path: Path) -> None:
    """The parse child is a fork: with torch, Chroma and the app loaded the parent maps
    several GB, and a fixed memory cap below that made every PDF "damaged" (a CI failure).
    Reserve 3 GB of address space (untouched, so it costs no RAM) and parse again."""
    import mmap

    path = tmp_path / "minutes.pdf"
    path.write_bytes(make_pdf(PDF_PAGES))
    reserved = mmap.mmap(-1, 3 * 1024**3, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS)
    try:
        doc = read_document(path, max_bytes=LIMIT, timeout_s=30)
    finally:
        reserved.close()
    assert_sample(segment(doc))


# --- docx ----------------------------------------------------------------------------------


def make_docx(path: Path) -> None:
    import docx

    d = docx.Document()
    d.add_heading("Safer Stockton Partnership", level=1)
    d.add_paragraph("A meeting of Safer Stockton Partnership was held on Tuesday, 5th July, 2011.")
    d.add_heading("1. Budget", level=2)
    d.add_paragraph("The budget was discussed.")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Service"
    table.cell(0, 1).text = "Cost"
    table.cell(1, 0).text = "CCTV"
    table.cell(1, 1).text = "\u00a312,000"
    d.add_paragraph("AGREED that the budget be noted.")
    d.add_heading("2. Any Other Business", level=2)
    d.add_paragraph("None.")
    d.save(str(path))


def test_docx_headings_paragraphs_and_table(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    make_docx(path)
    doc = read_document(path, max_bytes=LIMIT, timeout_s=30)
    assert doc.format == "docx"
    meeting = segment(doc)
    assert_sample(meeting)
    body = meeting.items[0].body
    assert "CCTV" in body and "\u00a312,000" in body  # the table's cells are in the item
    assert body.index("The budget was discussed.") < body.index("CCTV")


# --- files that cannot be read -------------------------------------------------------------


def refusal(path: Path, timeout_s: float = 30) -> str:
    with pytest.raises(InputError) as info:
        read(path, timeout_s)
    reason = str(info.value)
    assert "\n" not in reason and 0 < len(reason) < 200
    return reason


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    assert refusal(tmp_path / "a.txt") == "is empty"


def test_whitespace_only_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("  \n\n \t\n")
    assert refusal(tmp_path / "a.txt") == "has no text"


def test_unsupported_extension(tmp_path: Path) -> None:
    (tmp_path / "a.xlsx").write_bytes(b"PK\x03\x04 not really")
    reason = refusal(tmp_path / "a.xlsx")
    assert reason.startswith("unsupported file type .xlsx; supported: ")
    assert ".docx" in reason and ".pdf" in reason


def test_binary_junk_named_txt(tmp_path: Path) -> None:
    import random

    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(5000)) + b"\x00" * 50
    (tmp_path / "a.txt").write_bytes(data)
    assert "binary data" in refusal(tmp_path / "a.txt")


def test_pdf_without_text_layer(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 100, 60)
    (tmp_path / "scan.pdf").write_bytes(bytes(pdf.output()))
    reason = refusal(tmp_path / "scan.pdf")
    assert reason == "is a PDF with no text layer (a scan?); run OCR on it first"


def test_encrypted_pdf(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf(PDF_PAGES))).pages:
        writer.add_page(page)
    writer.encrypt(user_password="secret", owner_password="owner")
    with (tmp_path / "locked.pdf").open("wb") as fh:
        writer.write(fh)
    assert refusal(tmp_path / "locked.pdf") == "is an encrypted PDF; save an unencrypted copy"


def test_truncated_pdf(tmp_path: Path) -> None:
    data = make_pdf(PDF_PAGES)
    (tmp_path / "cut.pdf").write_bytes(data[: len(data) // 2])
    reason = refusal(tmp_path / "cut.pdf")
    assert "damaged" in reason or "no text layer" in reason, reason


def test_document_without_a_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Some Committee\n\n1\n\nApologies\n\nNone.\n")
    assert refusal(tmp_path / "a.txt") == (
        "has no recognisable meeting date in its first lines: put the date in its file name"
        " (e.g. 2023-03-14 minutes.pdf)"
    )
    # as it says: the same file named with its date is read
    (tmp_path / "2023-03-14 a.txt").write_text("Some Committee\n\n1\n\nApologies\n\nNone.\n")
    assert segment(
        read_document(tmp_path / "2023-03-14 a.txt", max_bytes=2**20, timeout_s=30)
    ).date == dt.date(2023, 3, 14)


POSTED = (
    '---\ntitle: "Parish Council April Meeting Minutes"\ndate: "2018-07-28"\n---\n\n'
    "STOKE FERRY PARISH COUNCIL Draft Minutes Ordinary Meeting of the Parish Council "
    "{when} at 7.00 pm Village Hall\n\n"
    "1. Apologies\n\nNone.\n\n2. Declarations of Interest\n\nNone were made.\n\n"
    "3. Footpaths\n\nThe warden reported on 3 July 2017 work that was done.\n"
)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        # a web page's front matter dates its posting, the minutes' opening line the meeting
        ("Wednesday 4 April 2018", dt.date(2018, 4, 4)),
        ("Wednesday 4th of April 2018", dt.date(2018, 4, 4)),
        # the same date printed, or none printed at the top: the front matter's
        ("Saturday 28 July 2018", dt.date(2018, 7, 28)),
        ("this evening", dt.date(2018, 7, 28)),
    ],
)
def test_the_date_the_minutes_print_beats_a_posting_date(
    tmp_path: Path, when: str, expected: dt.date
) -> None:
    (tmp_path / "april-minutes.md").write_text(POSTED.format(when=when))
    assert read(tmp_path / "april-minutes.md").date == expected


def test_not_a_zip_docx(tmp_path: Path) -> None:
    (tmp_path / "a.docx").write_text("hello")
    assert refusal(tmp_path / "a.docx") == "is not a valid .docx (not a zip package)"


def test_over_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text(MINUTES)
    with pytest.raises(InputError, match=r"over the 0 MB limit \(raise MINUTES_MAX_FILE_MB"):
        read_document(path, max_bytes=100, timeout_s=30)


# --- docx structure: headings, bold paragraphs, Word's automatic numbering ---------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _abstract_num(abstract_id: int, levels: list[tuple[str, str, int]]) -> str:
    """numbering.xml's list definition: (numFmt, lvlText, start) per level."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text, start) in enumerate(levels)
    )
    return f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{lvls}</w:abstractNum>'


def _num(num_id: int, abstract_id: int, start_override: int | None = None) -> str:
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
        if start_override
        else ""
    )
    return (
        f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>'
        f"{override}</w:num>"
    )


def make_structured_docx() -> bytes:
    import docx
    from docx.oxml import parse_xml

    d = docx.Document()
    numbering = d.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    abstracts = [
        _abstract_num(
            90,
            [
                ("decimal", "%1.", 1),
                ("decimal", "%1.%2", 1),
                ("lowerLetter", "(%3)", 1),
            ],
        ),
        _abstract_num(91, [("upperRoman", "%1.", 4)]),
        _abstract_num(92, [("upperLetter", "%1)", 1), ("lowerRoman", "%2.", 1)]),
    ]
    for xml in abstracts:
        first_num.addprevious(parse_xml(xml))
    for xml in [_num(90, 90), _num(91, 91), _num(92, 92), _num(93, 92, start_override=1)]:
        numbering.append(parse_xml(xml))

    def numbered(text: str, num_id: int, level: int = 0, style: str | None = None) -> None:
        p = d.add_paragraph(text, style=style)
        p._p.get_or_add_pPr().append(
            parse_xml(
                f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'
            )
        )

    d.add_paragraph("Safer Stockton Partnership", style="Title")
    d.add_paragraph("A meeting of Safer Stockton Partnership was held on Tuesday, 5th July, 2011.")
    p = d.add_paragraph()
    p.add_run("Present: ").bold = True
    p.add_run(" ")  # an unbolded space does not stop the paragraph being bold as a whole
    p.add_run("Councillor Smith (Chair)").bold = True
    p = d.add_paragraph("Officers: ")
    p.add_run("J Bloggs").bold = True  # partly bold: plain text
    numbered("Apologies", 90)
    d.add_paragraph("None.")
    numbered("Budget", 90, style="Heading 2")
    numbered("Capital", 90, 1)
    numbered("CCTV", 90, 2)
    numbered("Parks", 90, 2)
    numbered("Revenue", 90, 1)
    numbered("", 90, 2)  # an empty numbered paragraph: counted, not written
    numbered("Grants", 90, 2)
    numbered("Any Other Business", 90)
    numbered("Street Angels", 90, 1)  # 3.1: the lower level restarts
    numbered("Exempt items", 91)
    numbered("Confidential report", 91)
    numbered("Noted", 92)
    numbered("Agreed", 92)
    numbered("Detail", 92, 1)
    numbered("Restarted", 93)  # a w:num with startOverride: "Restart numbering"
    d.add_paragraph("Reviewed", style="List Number")  # numbering inherited from the style
    d.add_paragraph("Closed", style="List Number")
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Service"
    table.cell(0, 1).text = "Cost"
    table.cell(1, 0).text = "CCTV"
    table.cell(1, 1).text = "\u00a312,000"
    d.add_heading("Date of next meeting", level=3)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


STRUCTURED_DOCX_TEXT = """\
# Safer Stockton Partnership

A meeting of Safer Stockton Partnership was held on Tuesday, 5th July, 2011.

**Present: Councillor Smith (Chair)**

Officers: J Bloggs

1. Apologies

None.

## 2. Budget

2.1 Capital

(a) CCTV

(b) Parks

2.2 Revenue

(b) Grants

3. Any Other Business

3.1 Street Angels

IV. Exempt items

V. Confidential report

A) Noted

B) Agreed

i. Detail

A) Restarted

1. Reviewed

2. Closed

Service
Cost

CCTV
\u00a312,000

### Date of next meeting
"""


def test_docx_headings_bold_and_automatic_numbering() -> None:
    from minutesqa.parse.docx import docx_text

    assert docx_text(make_structured_docx()) == STRUCTURED_DOCX_TEXT


def test_docx_structure_survives_normalise(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_bytes(make_structured_docx())
    doc = read_document(path, max_bytes=LIMIT, timeout_s=30)
    lines = doc.text.splitlines()
    assert lines[0] == "# Safer Stockton Partnership"
    for line in ("**Present: Councillor Smith (Chair)**", "## 2. Budget", "2.1 Capital"):
        assert line in lines


def test_docx_tracked_changes_hidden_text_links_and_merged_cells() -> None:
    import docx
    from docx.oxml import parse_xml

    from minutesqa.parse.docx import docx_text

    d = docx.Document()
    d.element.body.insert(
        0,
        parse_xml(
            f"<w:p {W_NS}><w:r><w:t xml:space='preserve'>The budget was </w:t></w:r>"
            "<w:del><w:r><w:delText>rejected</w:delText></w:r></w:del>"
            "<w:ins><w:r><w:t>approved</w:t></w:r></w:ins>"
            "<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>"
            "<w:r><w:t xml:space='preserve'> (see </w:t></w:r>"
            "<w:hyperlink><w:r><w:t>the report</w:t></w:r></w:hyperlink>"
            "<w:r><w:t>).</w:t></w:r></w:p>"
        ),
    )
    table = d.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Item 4"
    table.cell(0, 1).text = "Budget"
    table.cell(1, 1).text = "Noted."
    buf = io.BytesIO()
    d.save(buf)
    assert docx_text(buf.getvalue()) == (
        "The budget was approved (see the report).\n\nItem 4\nBudget\n\nNoted.\n"
    )


# --- html: the minutes without the site around them ----------------------------------------

BLOG_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Minutes, 3 March 2023 \u2013 Ayton Parish Council</title><script>var x = 1;</script></head>
<body class="post-template-default single">
<div id="cookie-notice" class="cookie-banner"><p>We use cookies to improve your experience.
COOKIECHROME</p><button>Accept all cookies</button></div>
<a class="skip-link" href="#content">Skip to content SKIPCHROME</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Ayton Parish Council
HEADERCHROME</a></p><nav id="site-navigation"><ul><li><a href="/">Home</a></li>
<li><a href="/minutes">Minutes NAVCHROME</a></li></ul></nav></header>
<div id="page" class="site"><div id="content" class="site-content">
<div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-123" class="post-123 post type-post">
<header class="entry-header"><h1 class="entry-title">Ayton Parish Council</h1>
<div class="entry-meta">Posted on <a href="#">10 March 2023</a> by <a href="#">Clerk</a>
METACHROME</div></header>
<div class="entry-content">
<p>Minutes of the meeting of Ayton Parish Council held on Friday 3rd March 2023 at 7.30 pm
in the Village Hall.</p>
<p><strong>Present: Cllr A Smith (Chair), </strong> <b>Cllr B Jones</b></p>
<h2>1. Apologies for absence</h2>
<p>Apologies were received from <a href="/cllr/white">Cllr D White</a>.</p>
<h2>2. Planning</h2>
<h3>2.1 Application 22/01234/FUL, Land at Mill Lane</h3>
<p>The council <b>resolved</b> to object to the application.</p>
<ul><li>Access is unsafe.</li><li>Flood risk.</li></ul>
<p>Payments:<br>Clerk salary \u00a3450.00<br>Hall hire \u00a325.00</p>
<p><b>RESOLVED that the payments be approved.</b></p>
</div>
<footer class="entry-footer">Posted in <a href="#">Minutes</a> ENTRYFOOTERCHROME</footer>
</article>
<nav class="navigation post-navigation"><a href="#">Previous post POSTNAVCHROME</a></nav>
<div id="comments" class="comments-area"><h2>Leave a Reply COMMENTCHROME</h2></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget"><h2 class="widget-title">Recent
Posts SIDEBARCHROME</h2><ul><li><a href="#">Agenda for April</a></li></ul></section></aside>
</div></div>
<footer id="colophon" class="site-footer"><div class="site-info">\u00a9 2023 Ayton Parish
Council. FOOTERCHROME</div></footer>
</body></html>"""

BLOG_TEXT = """\
# Ayton Parish Council

Minutes of the meeting of Ayton Parish Council held on Friday 3rd March 2023 at 7.30 pm in the \
Village Hall.

**Present: Cllr A Smith (Chair), Cllr B Jones**

## 1. Apologies for absence

Apologies were received from Cllr D White.

## 2. Planning

### 2.1 Application 22/01234/FUL, Land at Mill Lane

The council resolved to object to the application.

Access is unsafe.

Flood risk.

Payments:
Clerk salary \u00a3450.00
Hall hire \u00a325.00

**RESOLVED that the payments be approved.**
"""


def test_html_blog_page_without_its_chrome(tmp_path: Path) -> None:
    from minutesqa.parse.html import html_text

    assert html_text(BLOG_PAGE.encode()) == BLOG_TEXT
    path = tmp_path / "minutes.html"
    path.write_text(BLOG_PAGE, encoding="utf-8")
    doc = read_document(path, max_bytes=LIMIT, timeout_s=30)
    assert "CHROME" not in doc.text and "cookies" not in doc.text
    assert doc.text == BLOG_TEXT


PLAIN_PAGE = """<html><head><title>Planning Committee minutes</title></head><body>
<div class="top"><a href="/">Home</a> | <a href="/about">About the council</a> |
<a href="/meetings">Meetings</a> | <a href="/contact">Contact us</a></div>
<div class="col1"><p><a href="/c">Council</a></p><p><a href="/cl">Councillors</a></p>
<p><a href="/am">Agendas and minutes</a></p><p><a href="/pa">Planning applications</a></p></div>
<div class="col2"><h1>Planning Committee</h1>
<p>Minutes of the meeting of the Planning Committee held on Monday 7 March 2022 at 7pm in the
Council Chamber.</p>
<p><b>Present:</b> Cllr A Smith (Chair), Cllr B Jones, Cllr C Brown.</p>
<h2>1. Apologies for absence</h2>
<p>Apologies were received from Cllr D White, who was on holiday.</p>
<h2>2. Application 22/00123/FUL: Mill Lane</h2>
<p>The committee considered the application for six houses on land at Mill Lane, and the
objections of the highway authority.</p>
<p><strong>RESOLVED that the application be refused.</strong></p></div>
<div class="bottom"><p>&copy; Ayton Town Council 2022. <a href="/privacy">Privacy notice</a>
<a href="/a11y">Accessibility statement</a> <a href="/map">Site map</a></p></div>
</body></html>"""


def test_html_page_without_main_markup() -> None:
    """No <main>, <article> or telling class names: trafilatura finds where the minutes are."""
    from minutesqa.parse.html import html_text

    assert html_text(PLAIN_PAGE.encode("utf-8")) == (
        "# Planning Committee\n\n"
        "Minutes of the meeting of the Planning Committee held on Monday 7 March 2022 at 7pm "
        "in the Council Chamber.\n\n"
        "Present: Cllr A Smith (Chair), Cllr B Jones, Cllr C Brown.\n\n"
        "## 1. Apologies for absence\n\n"
        "Apologies were received from Cllr D White, who was on holiday.\n\n"
        "## 2. Application 22/00123/FUL: Mill Lane\n\n"
        "The committee considered the application for six houses on land at Mill Lane, and "
        "the objections of the highway authority.\n\n"
        "**RESOLVED that the application be refused.**\n"
    )


def test_html_exported_document_is_kept_whole() -> None:
    """A word processor's "save as web page": no site around it, so nothing is dropped
    (short lines like a lone item number included); UTF-8 without a charset declaration."""
    from minutesqa.parse.html import html_text

    page = (
        "<html><body><div class=WordSection1><p class=MsoTitle><b><span>Finance Committee"
        "</span></b></p><p class=MsoNormal>Held on 12 January 2022 at the Town Hall.</p>"
        "<table><tr><td><p>1.</p></td><td><p><b>Apologies</b></p></td></tr>"
        "<tr><td></td><td><p>None.</p></td></tr></table>"
        "<p class=MsoNormal><span style='font-weight:bold'>2. Budget \u00a3120,000</span></p>"
        "</div></body></html>"
    )
    assert html_text(page.encode("utf-8")) == (
        "**Finance Committee**\n\nHeld on 12 January 2022 at the Town Hall.\n\n"
        "1.\n\n**Apologies**\n\nNone.\n\n**2. Budget \u00a3120,000**\n"
    )


def test_html_modern_gov_page_inside_an_aspnet_form(tmp_path: Path) -> None:
    """modern.gov pages are ASP.NET: the whole body may sit in one <form>."""
    path = tmp_path / "minutes.html"
    path.write_text(
        MODGOV.replace("<body>", "<body><form id='aspnetForm'>").replace(
            "</body>", "</form></body>"
        ),
        encoding="utf-8",
    )
    m = segment(read_document(path, max_bytes=LIMIT, timeout_s=30))
    assert m.committee == "Safer Stockton Partnership"
    assert [i.number for i in m.items] == ["SSP/1/24", "SSP/2/24", "SSP/3/24"]


# --- pdf: page furniture, scans -------------------------------------------------------------

FURNISHED_PAGES = [
    [
        "Safer Stockton Partnership",
        "A meeting of Safer Stockton Partnership was held on Tuesday, 5th July, 2011.",
        "1",
        "Budget",
        "The budget was discussed",
    ],
    ["at length.", "AGREED that the budget be noted."],
    ["2", "Any Other Business", "None."],
    ["3", "Date of next meeting", "To be confirmed."],
]


def make_furnished_pdf(pages: list[list[str]]) -> bytes:
    """Every page with a running title at its top and "Page N of 4" at its foot."""
    from fpdf import FPDF

    class Minutes(FPDF):
        def header(self) -> None:
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, "Safer Stockton Partnership - minutes of 5 July 2011")
            self.ln(8)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("Helvetica", size=9)
            self.cell(0, 6, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Minutes()
    for lines in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        for line in lines:
            pdf.cell(0, 8, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def test_pdf_running_title_and_page_numbers_dropped(tmp_path: Path) -> None:
    from minutesqa.parse.pdf import pdf_text

    assert pdf_text(make_furnished_pdf(FURNISHED_PAGES)) == (
        # the first page keeps the running title: it often is the only title
        "Safer Stockton Partnership - minutes of 5 July 2011\n"
        "Safer Stockton Partnership\n"
        "A meeting of Safer Stockton Partnership was held on Tuesday, 5th July, 2011.\n"
        "1\nBudget\nThe budget was discussed\f"  # pages apart by a form feed
        "at length.\nAGREED that the budget be noted.\f"
        "2\nAny Other Business\nNone.\f"
        "3\nDate of next meeting\nTo be confirmed."
    )
    path = tmp_path / "minutes.pdf"
    path.write_bytes(make_furnished_pdf(FURNISHED_PAGES))
    meeting = read(path)
    assert [(i.number, i.title, i.page) for i in meeting.items] == [
        ("1", "Budget", 1),
        ("2", "Any Other Business", 3),
        ("3", "Date of next meeting", 4),
    ]
    assert meeting.date == dt.date(2011, 7, 5)


def test_drop_page_furniture_on_form_feed_pages() -> None:
    """pdftotext's pages (split at form feeds): a browser's print header, the page's URL
    with "N/4", "N | Page" footers go; an item number that opens two pages, a "Motion:"
    that ends two, and the first page's title stay."""
    from minutesqa.parse.pdf import drop_page_furniture

    stamp = "11/29/21, 1:32 PM            BoardDocs\u00ae Plus"
    url = "https://go.boarddocs.com/ca/scoe/Board.nsf/Private?open&login#      {}/4"
    pages = [
        f"{stamp}\n\nCounty Board of Education\nMinutes of 19 October 2021\n1. Call to order\n"
        f"Motion:\n{url.format(1)}\n1 | Page",
        f"{stamp}\n2. Public comment\nNone.\nMotion:\n{url.format(2)}\n2 | Page",
        f"{stamp}\n3. Reports\nReceived.\nCarried.\n{url.format(3)}\n3 | Page",
        f"{stamp}\n4. Adjournment\nAt 9 pm.\nThe end.\n{url.format(4)}\n4 | Page",
    ]
    assert drop_page_furniture(pages) == [
        "\nCounty Board of Education\nMinutes of 19 October 2021\n1. Call to order\nMotion:",
        "2. Public comment\nNone.\nMotion:",
        "3. Reports\nReceived.\nCarried.",
        "4. Adjournment\nAt 9 pm.\nThe end.",
    ]
    assert drop_page_furniture(["one page\nPage 1 of 1"]) == ["one page\nPage 1 of 1"]


def make_scanned_pdf() -> bytes:
    """An image-only PDF: a page of text drawn by Pillow, saved as one image a page."""
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (1240, 1754), 255)  # A4 at 150 dpi
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=44)
    lines = ["Parks Committee", "Held on 14 March 2023", "1. Apologies", "None received."]
    for n, line in enumerate(lines):
        draw.text((120, 150 + 90 * n), line, fill=0, font=font)
    buf = io.BytesIO()
    page.save(buf, "PDF", resolution=150)
    return buf.getvalue()


@pytest.mark.skipif(
    __import__("shutil").which("tesseract") is None,
    reason="Tesseract is not installed (apt-get install tesseract-ocr)",
)
def test_scanned_pdf_read_by_ocr(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_scanned_pdf())
    doc = read_document(path, max_bytes=LIMIT, timeout_s=120)
    assert "Parks Committee" in doc.text
    assert "14 March 2023" in doc.text
    assert "1. Apologies" in doc.text
    assert "None received." in doc.text


def make_strip_scanned_pdf() -> bytes:
    """An image-only page made the way a scanner's compressed PDF is: each block of text
    its own image placed on the page, stored in another order than the page's (the item
    below the heading is stored first, as mixed-raster-content scans store their masks)."""
    from fpdf import FPDF
    from PIL import Image, ImageDraw, ImageFont

    def strip(text: str) -> Image.Image:
        image = Image.new("L", (900, 70), 255)
        ImageDraw.Draw(image).text((10, 10), text, fill=0, font=ImageFont.load_default(size=44))
        return image

    pdf = FPDF(unit="pt", format="A4")
    pdf.add_page()
    pdf.image(strip("1. Apologies were received"), x=60, y=300, w=450)
    pdf.image(strip("Parks Committee"), x=60, y=80, w=450)
    pdf.image(strip("Held on 14 March 2023"), x=60, y=160, w=450)
    return bytes(pdf.output())


@pytest.mark.skipif(
    __import__("shutil").which("tesseract") is None,
    reason="Tesseract is not installed (apt-get install tesseract-ocr)",
)
def test_scanned_page_of_strips_read_in_page_order(tmp_path: Path) -> None:
    """The page is rendered whole before OCR, so its text comes in the page's order."""
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_strip_scanned_pdf())
    text = read_document(path, max_bytes=LIMIT, timeout_s=120).text
    lines = [line for line in text.splitlines() if line.strip()]
    assert lines == ["Parks Committee", "Held on 14 March 2023", "1. Apologies were received"]


def _slow_reader(data: bytes) -> str:
    from minutesqa.parse.guard import allow_more

    if data == b"ask":
        allow_more(5)
    __import__("time").sleep(1.5)
    return "read"


def test_reader_may_ask_for_more_time() -> None:
    """A reader that learns the size of its work once the file is open (OCR of N scanned
    pages) asks for more time than MINUTES_PARSE_TIMEOUT; one that does not is stopped."""
    from minutesqa.parse.guard import in_child

    assert in_child("PDF", _slow_reader, b"ask", timeout_s=0.5) == "read"
    with pytest.raises(InputError, match=r"^took longer than 0 s to parse"):
        in_child("PDF", _slow_reader, b"no", timeout_s=0.5)


def test_scanned_pdf_without_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from minutesqa.parse import pdf

    monkeypatch.setattr(pdf, "_tesseract", lambda: None)  # the forked child inherits it
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_scanned_pdf())
    assert refusal(path) == (
        "is a PDF with no text layer (a scan?); install Debian's tesseract-ocr to read it by OCR"
    )


@pytest.mark.timeout(60)  # a quadratic walk would not finish
def test_html_nested_thousands_deep() -> None:
    """A hostile page nesting 20,000 tags: no recursion limit, no quadratic walk."""

    from minutesqa.parse.html import html_text

    depth = 20000
    page = "<div class='x'><header>" * depth + "<h1>Parks Committee</h1><p>Held.</p>"
    assert html_text(page.encode()) == "# Parks Committee\n\nHeld.\n"
