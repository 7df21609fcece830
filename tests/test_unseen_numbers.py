"""Item numbers, run-in titles and bodies' names as councils new to the reader print them
(issue 25): short real passages of parish, town and community councils' and school
governors' minutes (Northwold, Wretton, Stoke Ferry and West Dereham parish councils in
Norfolk, from the public repository lovell/stokeferry.com; Tintern / Wye Valley Community
Council; Decoy Community Primary School's governors), each read as a whole meeting."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import DocHints, Document, Meeting
from minutesqa.parse import normalise
from minutesqa.segment import segment


def from_text(text: str, name: str = "minutes.txt", title: str = "") -> Meeting:
    doc = Document(
        path=Path("/minutes") / name,
        text=normalise(text),
        format="md" if name.endswith(".md") else "txt",
        content_hash="0" * 64,
        hints=DocHints(title=title),
    )
    return segment(doc)


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


def body(meeting: Meeting, number: str) -> str:
    return next(i.body for i in meeting.items if i.number == number)


# --- numbering schemes ---------------------------------------------------------------------

# Tintern Community Council, 29 January 2018 (a PDF's text): minutes numbered on across
# meetings and years, each item's title and text on one line after a colon
TINTERN_2018 = "\n".join(
    [
        "TINTERN COMMUNITY COUNCIL",
        ("Minutes of a meeting of the above Council held in Tintern Village Hall on Monday 29th"),
        "January 2018 at 7.00pm.",
        ("Present: Cllrs Hayward (in the chair), Cobb, Richards, County Cllr Webb and the Clerk."),
        "Members of the Public – CSO Andrew Jones.",
        "2415. Police Report: Attached.",
        "2416. Public Forum: None.",
        "2417. Apologies for absence: Cllrs Evans, Pocock, Hillard, Hoskins & Shewell.",
        ("2418. Declarations of interest: 2426 re Pavilion lean-to – Cllrs Cobb & Richards."),
        ("2419. Approval of minutes of previous meeting: Approved and signed as correct, except"),
        "for minor alteration to 2409 re budget.",
        "",
    ]
)

# Wye Valley Community Council, 25 September 2023 (a web page's text): the same numbering
# five years on, paragraphs apart
WYE_VALLEY_2023 = "\n".join(
    [
        (
            "Minutes of a meeting of the above Council held on Monday 25th September 2023 at"
            " 7.00pm in Llandogo Village Hall."
        ),
        "",
        "Present: Cllrs Evans, Ashman, Morrison, Snell, County Cllr Webb & the Clerk.",
        "",
        "3573. Police Reports: Tintern attached. No incidents to report from Llandogo.",
        "",
        "3574. To receive apologies for absence: Cllrs Shewell, Parker & Mawdsley.",
        "",
        (
            "3575. Public Session: To receive & consider any matters raised by members of"
            " the public for future consideration: No one present."
        ),
        "",
        "3576. Declarations of interest for items on the agenda: None.",
        "",
    ]
)


def test_running_minute_numbers_with_the_title_before_a_colon() -> None:
    m = from_text(TINTERN_2018, "20180129.txt")
    assert table(m) == [
        ("2415", "Police Report"),
        ("2416", "Public Forum"),
        ("2417", "Apologies for absence"),
        ("2418", "Declarations of interest"),
        ("2419", "Approval of minutes of previous meeting"),
    ]
    assert body(m, "2417") == "Cllrs Evans, Pocock, Hillard, Hoskins & Shewell."
    assert body(m, "2419") == (
        "Approved and signed as correct, except for minor alteration to 2409 re budget."
    )
    w = from_text(WYE_VALLEY_2023, "20230925.txt")
    assert table(w) == [
        ("3573", "Police Reports"),
        ("3574", "To receive apologies for absence"),
        ("3575", "Public Session"),
        ("3576", "Declarations of interest for items on the agenda"),
    ]
    assert body(w, "3575").startswith("To receive & consider any matters raised")


# Northwold Parish Council, 1 September 2015: the meeting's year and month before each
# item's number, padded from item 3 on; long items run on after their titles
NORTHWOLD_2015 = "\n".join(
    [
        (
            "Councillors present: Cllr. R. Crisp – Chair (RC), Cllr. A. Collins (AC), Cllr."
            " Frank Eglington (FE), Cllr. Alison Muir (AM)"
        ),
        "",
        "Cllr. Crisp welcomed all to the meeting.",
        "",
        (
            "15/09/2 Local Authority Reports: i) Norfolk County Council No representative"
            " present and no apologies or report sent."
        ),
        "",
        ("ii) Borough Council of Kings Lynn & West Norfolk No report from Cllr. Mick Peake."),
        "",
        (
            "15/09/03 Accepted Apologies for absence - LGA 1972, Section 85(1) & (2): Cllr."
            " Adrian Jenkinson. Absent: None."
        ),
        "",
        (
            "15/09/04 Members Declaration of Interest ( items on the agenda) – LGA 2000 Part"
            " III: None."
        ),
        "",
        (
            "15/09/05 Minutes of the last meeting held on 7th July 2015- LGA 1972, Schedule"
            " 12, para 41(2): Resolved 15/09/5.01 The minutes of the last meeting held on"
            " 7th July 2015 were adopted as a true statement and signed by the Chairman (RC)."
        ),
        "",
        (
            "15/09/08 Cemetery: Cllr. Collins advised that locating the owners of some of"
            " the headstones was proving difficult. Cllr. Collins, Cllr. Crisp & Cllr. Muir"
            " are going to try and search back to find who they belong to. Action AC/RC/AM"
        ),
        "",
    ]
)

# Northwold and Whittington Parish Council, October 2016: year, month and day, then the
# number
NORTHWOLD_2016 = "\n".join(
    [
        "**Item 16/10/6/1 Public Forum**",
        "",
        "A resident referred to an item in recently published Minutes.",
        "",
        "**Item 16/10/6/2 Local Authority Reports**",
        "",
        "Norfolk County Council CCllr Storey reported.",
        "",
        "**Item 16/10/6/3 Accepted Apologies for Absence**",
        "",
        "R Crisp (ill-health).",
        "",
    ]
)


def test_year_and_month_before_the_item_number() -> None:
    m = from_text(NORTHWOLD_2015, "2015-09-01 northwold.txt")
    numbers = ["15/09/2", "15/09/03", "15/09/04", "15/09/05", "15/09/08"]
    assert [i.number for i in m.items] == numbers
    assert m.items[0].title.startswith("Local Authority Reports")
    assert "Borough Council of Kings Lynn" in m.items[0].body
    assert "headstones was proving difficult" in m.items[-1].body
    n = from_text(NORTHWOLD_2016, "2016-10-04 northwold.md")
    assert table(n) == [
        ("16/10/6/1", "Public Forum"),
        ("16/10/6/2", "Local Authority Reports"),
        ("16/10/6/3", "Accepted Apologies for Absence"),
    ]
