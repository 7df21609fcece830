"""Segmentation: the exact item tables of the three sample meetings (checked by hand against
the files), and synthetic layouts from the issue."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minutesqa.decision import Decision
from minutesqa.models import Document, Meeting
from minutesqa.parse import read_document
from minutesqa.parse.text import normalise
from minutesqa.segment import WHOLE_DOCUMENT, segment
from minutesqa.segment.candidates import Candidate, candidate_at
from tests.conftest import SAMPLES, need_corpus

F2011 = SAMPLES / "000_f16cb60d1222a485.txt"
F2021 = SAMPLES / "003_d3f6b6d0c3a0463e.txt"
F2024 = SAMPLES / "004_66eaa861b269fafb.txt"

TABLE_2011 = [
    ("1", "Minutes of Meeting held on 10th May 2011"),
    ("2", "Matters Arising"),
    ("3", "Any other Business"),
    ("4", "PCSOs"),
    ("5", "Key Priority 6: Emerging Issues"),
    ("6", "Cleveland Fire Brigade's Transformation"),
    ("7", "Community Safety Plan Performance Monitoring"),
    ("8", "Recorded Crime & Disorder"),
    ("9", "IOM Performance Report"),
    ("10", "Governance of Substance Misuse Funding"),
    ("11", "Police & Crime Commissioners and Police & Crime Update"),
    ("12", "Domestic Homicide Reviews - update"),
    ("13", "Impact of Social Norms Work"),
    ("14", "Counter Terrorism"),
    ("15", "Communications"),
    ("16", "Response to 'Consultation on a Code of Practice relating to Surveillance Cameras'"),
    ("17", "Breaking the Cycle: Government Response"),
    ("18", "Reports Back"),
    ("19", "Date of next meeting - Tuesday 16 August at 9.30 a.m."),
]
TABLE_2021 = [
    ("1", "Appointment of Chair"),
    ("2", "Introductions / Apologies"),
    ("3", "Declarations of Interest"),
    ("4", "Minutes"),
    ("5", "Matters Arising"),
    ("6", "OPCC Serious Violence Strategy - Presentation"),
    ("7", "Recorded Crime and Disorder"),
    ("8", "YOT Board Performance Reports, Q1 2020-21"),
    ("9", "Community Safety Plan"),
    ("10", "Community Safety Partnership Comparative Data \u2013 iQuanta - RESTRICTED"),
    ("11", "Any Other Business"),
    ("12", "Date and time of next meeting"),
]
TABLE_2024 = [
    ("SSP/1/24", "Evacuation Procedure"),
    ("SSP/2/24", "Declarations of Interest"),
    ("SSP/3/24", "Minutes"),
    ("SSP/4/24", "VCAS Update"),
    ("SSP/5/24", "Serious Violence Duty"),
    ("SSP/6/24", "Operation Harmony"),
    ("SSP/7/24", "Recorded Crime and Disorder Report"),
    ("SSP/8/24", "Any Other Business"),
    ("SSP/9/24", "Restricted - iQuanta Report"),
    ("SSP/10/24", "Prevent Update"),
    ("SSP/11/24", "Serious and Organised Crime Update"),
]


def load(path: Path) -> Meeting:
    return segment(read_document(path, max_bytes=50 * 1024**2, timeout_s=30))


@pytest.fixture(scope="module")
def m2011() -> Meeting:
    return load(F2011)


@pytest.fixture(scope="module")
def m2021() -> Meeting:
    return load(F2021)


@pytest.fixture(scope="module")
def m2024() -> Meeting:
    return load(F2024)


def item(meeting: Meeting, number: str):  # type: ignore[no-untyped-def]
    matches = [i for i in meeting.items if i.number == number]
    assert len(matches) == 1, f"item {number}: {[i.number for i in meeting.items]}"
    return matches[0]


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


def from_text(text: str, name: str = "minutes.txt") -> Meeting:
    doc = Document(
        path=Path("/minutes") / name, text=normalise(text), format="txt", content_hash="0" * 64
    )
    return segment(doc)


# --- the three samples ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "expected", "date"),
    [
        ("m2011", TABLE_2011, dt.date(2011, 7, 5)),
        ("m2021", TABLE_2021, dt.date(2021, 2, 2)),
        ("m2024", TABLE_2024, dt.date(2024, 5, 30)),
    ],
)
def test_sample_item_tables(request: pytest.FixtureRequest, fixture: str, expected, date) -> None:  # type: ignore[no-untyped-def]
    meeting: Meeting = request.getfixturevalue(fixture)
    assert meeting.committee == "Safer Stockton Partnership"
    assert meeting.date == date
    assert table(meeting) == expected
    assert meeting.source.endswith(".txt")


def test_sample_item_counts(m2011: Meeting, m2021: Meeting, m2024: Meeting) -> None:
    assert [len(m.items) for m in (m2011, m2021, m2024)] == [19, 12, 11]


def test_2011_decisions(m2011: Meeting) -> None:
    assert item(m2011, "10").decisions == (
        Decision(
            "AGREED that any issue of governance in relation to drugs and alcohol funding which "
            "cannot be resolved at the Adults Commissioning Group in future should be referred to "
            "both the Safer Stockton Partnership and to the Health & Wellbeing Board for their "
            "views. In the event of a continuing failure to agree, the issue should be referred to "
            "the Local Strategic Partnership."
        ),
    )
    assert item(m2011, "4").decisions == (
        Decision(
            "AGREED that the update be noted and that members be provided with some brief "
            "statistics as requested."
        ),
    )
    assert item(m2011, "13").decisions == (Decision("This item was deferred to the next meeting."),)
    assert item(m2011, "1").decisions == (
        Decision("The minutes of the meeting were agreed as a correct record."),
    )
    assert item(m2011, "2").decisions == ()  # a request, not a decision
    assert item(m2011, "3").body == "None"


def test_2011_body_numbers_and_sublists_stay_in_their_items(m2011: Meeting) -> None:
    assert "£8.8 million was required to be saved" in item(m2011, "6").body
    assert "identify 10-12 local prostitutes" in item(m2011, "5").body
    assert "constant at 2,858, a 0% change" in item(m2011, "8").body
    reports_back = item(m2011, "18").body
    assert reports_back.startswith("(a) Renaissance\n(b) DAAT Groups")
    assert "(d) Area Partnership Boards" in reports_back
    assert item(m2011, "19").body == ""


def test_2011_attendance(m2011: Meeting) -> None:
    att = m2011.attendance
    assert att.present.startswith("Geoff Lee (Chairman - Tristar Homes), Cllr Jim Beall,")
    assert att.present.endswith("Neville Cameron (Cleveland Police Authority).")
    assert att.chair == "Geoff Lee"
    assert att.officers == "Fiona McKie (LD)."
    assert att.in_attendance == ""
    assert att.apologies == "Jane Humphreys, Lucia Saiger, Joanne Hodgkinson, Marilyn Davies."


def test_2021_decisions(m2021: Meeting) -> None:
    assert item(m2021, "6").decisions == (
        Decision(
            "AGREED that:- 1. The discussion be noted. 2. The comments made from the "
            "Partnership be noted."
        ),
    )
    assert item(m2021, "1").decisions == (
        Decision("AGREED that Councillor Steve Nelson be appointed Chair for 2020/21."),
    )
    assert item(m2021, "11").decisions == (
        Decision(
            "The Partnership were informed that there had been a request from Safe at Homes "
            "Team for a £5k grant payment to support the scheme and its continuation. The "
            "Partnership agreed this request."
        ),
    )
    assert Decision("AGREED that the report be noted.") in item(m2021, "7").decisions
    assert item(m2021, "3").decisions == ()


def test_2021_numbered_list_inside_item_6_is_not_items(m2021: Meeting) -> None:
    body = item(m2021, "6").body
    assert "1. The discussion be noted." in body
    assert "2. The comments made from the Partnership be noted." in body
    assert "Cleveland \u2013 The Local Picture" in body  # tab-indented bullets kept
    assert "ECINS" in item(m2021, "5").body  # a sub-heading, not a title


def test_2021_restricted_flags(m2021: Meeting) -> None:
    assert [i.number for i in m2021.items if i.restricted] == ["10"]
    # item 7 mentions "a restricted document" (another report) but is not itself restricted
    assert "restricted document" in item(m2021, "7").body
    assert item(m2021, "7").restricted is False


def test_2021_attendance(m2021: Meeting) -> None:
    att = m2021.attendance
    assert att.chair == "Cllr Steve Nelson"
    assert att.present.startswith("Cllr Steve Nelson (Chair), Cllr Ann McCoy")
    assert att.in_attendance == ""  # "None."
    assert att.apologies.startswith("Ann Powell, Angela Connor")


def test_2024_decisions_and_artefacts(m2024: Meeting) -> None:
    assert item(m2024, "SSP/5/24").decisions == (Decision("Members noted the report."),)
    assert item(m2024, "SSP/7/24").decisions == (Decision("Members AGREED to note the report."),)
    assert item(m2024, "SSP/3/24").decisions == (Decision("Agreed that the minutes be approved."),)
    assert item(m2024, "SSP/2/24").decisions == ()
    for it in m2024.items:
        assert "pdf icon" not in it.title and "KB" not in it.title
        assert not it.body.startswith("Minutes:")
        assert "\nMinutes:\n" not in it.body
    assert item(m2024, "SSP/1/24").body == "The Evacuation Procedure was noted."
    assert "Street Angels programme" in item(m2024, "SSP/5/24").body


def test_2024_restricted_flags(m2024: Meeting) -> None:
    assert [i.number for i in m2024.items if i.restricted] == ["SSP/9/24", "SSP/10/24", "SSP/11/24"]


def test_2024_venue(m2024: Meeting) -> None:
    assert m2024.attendance.venue == (
        "Jim Cooke Conference Suite, Stockton Central Libary, Church Road, Stockton on Tees, "
        "TS18 1TU"
    )
    assert m2024.attendance.chair == ""


# --- synthetic layouts ---------------------------------------------------------------------

HEAD = (
    "Example Committee\n\nA meeting of Example Committee was held on Tuesday, 5th July, 2011.\n\n"
)


def test_number_alone_then_title_with_blank_lines() -> None:
    m = from_text(
        HEAD + "1\n\nApologies\n\nNone.\n\n2\n\nBudget\n\nAGREED that the budget be set.\n"
    )
    assert table(m) == [("1", "Apologies"), ("2", "Budget")]
    assert m.items[1].decisions == (Decision("AGREED that the budget be set."),)
    assert m.items[0].body == "None."


def test_number_alone_then_title_without_blank_lines() -> None:
    m = from_text(HEAD + "1\nApologies\nNone.\n\n2\nBudget\nThe budget was set.\n")
    assert table(m) == [("1", "Apologies"), ("2", "Budget")]
    assert m.items[1].body == "The budget was set."


@pytest.mark.parametrize(
    ("lines", "numbers"),
    [
        (["5. Parks", "6. Roads", "7. Libraries"], ["5", "6", "7"]),
        (["5 Parks", "6 Roads", "7 Libraries"], ["5", "6", "7"]),
        (["Item 5 Parks", "Item 6 Roads", "Item 7 Libraries"], ["5", "6", "7"]),
        (["Item 5: Parks", "Item 6: Roads", "Item 7: Libraries"], ["5", "6", "7"]),
        (
            ["SSP/5/24 Parks", "SSP/6/24 Roads", "SSP/7/24 Libraries"],
            ["SSP/5/24", "SSP/6/24", "SSP/7/24"],
        ),
        (["5. PARKS", "6. ROADS", "7. LIBRARIES"], ["5", "6", "7"]),
    ],
)
def test_number_and_title_on_one_line(lines: list[str], numbers: list[str]) -> None:
    text = HEAD + "".join(f"{line}\n\nThe report was noted.\n\n" for line in lines)
    m = from_text(text)
    assert [i.number for i in m.items] == numbers
    assert [i.title.lower() for i in m.items] == ["parks", "roads", "libraries"]
    assert all(i.body == "The report was noted." for i in m.items)


def test_bold_headings_in_markdown(tmp_path: Path) -> None:
    path = tmp_path / "minutes.md"
    path.write_text(
        "# Example Committee\n\nA meeting of Example Committee was held on 2 February 2021.\n\n"
        "**1. APOLOGIES**\n\nNone.\n\n**2. PLANNING APPLICATIONS**\n\nAGREED that the "
        "applications be approved.\n",
        encoding="utf-8",
    )
    m = load(path)
    assert table(m) == [("1", "APOLOGIES"), ("2", "PLANNING APPLICATIONS")]
    assert m.date == dt.date(2021, 2, 2)
    assert m.committee == "Example Committee"
    assert m.items[1].decisions == (Decision("AGREED that the applications be approved."),)


def test_title_broken_over_two_lines() -> None:
    m = from_text(
        HEAD + "1\n\nReport of the Director of Community Services and\nthe Head of Housing\n\n"
        "The report was noted.\n\n2\n\nANNUAL REVIEW OF THE\nCOMMUNITY SAFETY PLAN\n\nNoted.\n"
    )
    assert table(m) == [
        ("1", "Report of the Director of Community Services and the Head of Housing"),
        ("2", "ANNUAL REVIEW OF THE COMMUNITY SAFETY PLAN"),
    ]
    assert m.items[0].body == "The report was noted."


@pytest.mark.parametrize(
    ("header", "date"),
    [
        ("A meeting of X was held on Tuesday, 5th July, 2011.", dt.date(2011, 7, 5)),
        ("A meeting of X was held on 2 February 2021.", dt.date(2021, 2, 2)),
        ("Agenda and minutes\n\nX - Thursday 30th May, 2024 9.00 am", dt.date(2024, 5, 30)),
        ("MINUTES OF MEETING OF X HELD ON FRIDAY, 10TH MAY, 2019, AT 10AM.", dt.date(2019, 5, 10)),
        (
            "MEETING OF X HELD ON TUESDAY, 13\u2122 DECEMBER, 2016, AT 9.00 A.M.",
            dt.date(2016, 12, 13),
        ),
        ("MEETING OF X HELD ON FRIDAY, 15THNOVEMBER, 2019, AT 10.00 A.M.", dt.date(2019, 11, 15)),
    ],
)
def test_header_dates(header: str, date: dt.date) -> None:
    # the body mentions an earlier meeting's date: it must not be taken
    m = from_text(header + "\n\n1\n\nMinutes\n\nThe minutes of 3rd March 2009 were agreed.\n")
    assert m.date == date


def test_year_less_header_date_takes_the_year_from_the_file_name() -> None:
    text = (
        "MINUTES OF PROCEEDINGS OF MONTHLY MEETING OF THE MUNICIPAL DISTRICT OF X HELD IN "
        "THE HOTEL ON THURSDAY 20th APRIL AT 3.00PM.\n\n1. Adoption of Minutes\n\nMinutes of "
        "the meeting held on 23rd March, 2023 were adopted.\n"
    )
    assert from_text(text, "Minutes - X - 20th April 2023.md").date == dt.date(2023, 4, 20)
    # with no date in the name, the year comes from the earlier meeting the body mentions
    assert from_text(text, "minutes.md").date == dt.date(2023, 4, 20)


def test_no_date_anywhere_is_refused() -> None:
    from minutesqa.errors import InputError

    with pytest.raises(InputError, match="no recognisable meeting date"):
        from_text("Example Committee\n\n1\n\nApologies\n\nNone.\n")


def test_numbers_inside_body_text_are_not_items() -> None:
    m = from_text(
        HEAD + "1\n\nPolicing\n\nFigures rose to 2,858 incidents.\n\n"
        "3 Gardaí were assigned to the town centre in the summer months.\n\n"
        "Between 10-12 officers and £8.8 million were discussed.\n\n"
        "AGREED that:-\n\n1. The discussion be noted.\n\n2. The comments be noted.\n\n"
        "2\n\nAny Other Business\n\nNone.\n"
    )
    assert table(m) == [("1", "Policing"), ("2", "Any Other Business")]
    body = m.items[0].body
    assert "3 Gardaí were assigned" in body and "1. The discussion be noted." in body
    assert m.items[0].decisions == (
        Decision("AGREED that:- 1. The discussion be noted. 2. The comments be noted."),
    )


def test_sub_lists_belong_to_the_item_above() -> None:
    m = from_text(
        HEAD + "1\n\nReports Back\n(a) Renaissance\n(b) DAAT Groups\n\nNone\n\n2\n\nClose\n"
    )
    assert table(m) == [("1", "Reports Back"), ("2", "Close")]
    assert m.items[0].body.startswith("(a) Renaissance\n(b) DAAT Groups")


def test_limerick_style_header() -> None:
    text = (
        "MINUTES\n\nOF\n\nPROCEEDINGS\n\nAT\n\nMEETING\n\nOF\n\nTHE\n\n"
        "MUNICIPAL DISTRICT OF NEWCASTLE WEST JOINT\n\n"
        "POLICING SUB COMMITTEE HELD IN ÁRAS WILLIAM\n\n"
        "SMITH OBRIEN, NEWCASTLE WEST, CO. LIMERICK, ON\n\n"
        "WEDNESDAY, 5TH DECEMBER, 2018, AT 9.15AM.\n\n"
        "PRESENT IN THE CHAIR**:**\n\nCouncillor J. Sheahan, Cathaoirleach.\n\n"
        "MEMBERS PRESENT**:**\n\nCouncillors Browne, Collins, Foley, Galvin and Scanlan.\n\n"
        "1.\n\nAdoption of Minutes\n\n"
        "Circulated, copy of draft Minutes of Meeting held on 4th July, 2018.\n\n"
        "2.\n\nPolicing Plan\n\nThe plan was noted.\n"
    )
    m = from_text(text, "minutes.md")
    assert m.committee == "Municipal District of Newcastle West Joint Policing Sub Committee"
    assert m.date == dt.date(2018, 12, 5)
    assert m.attendance.chair == "Councillor J. Sheahan, Cathaoirleach"
    assert m.attendance.present == "Councillors Browne, Collins, Foley, Galvin and Scanlan."
    assert m.attendance.venue.startswith("ÁRAS WILLIAM SMITH OBRIEN, NEWCASTLE WEST")
    assert table(m) == [("1", "Adoption of Minutes"), ("2", "Policing Plan")]


def test_limerick_one_line_header_committee() -> None:
    text = (
        "Minutes of Rathkeale Area Committee Meeting\nheld in Áras Sean Finn,\n"
        "New Line Road, Rathkeale, Co. Limerick.\non Thursday 1st May 2014.\n\n"
        "1. Adoption of Minutes\n\nAdopted.\n\n2. Roads\n\nNoted.\n"
    )
    m = from_text(text)
    assert m.committee == "Rathkeale Area Committee"
    assert m.date == dt.date(2014, 5, 1)


def test_explicit_item_headings_beat_a_numbered_list_in_a_body() -> None:
    text = (
        HEAD
        + "Item 1: Presentation on transport\n\nThe themes were:\n\n"
        + "".join(f"{n}. Theme {n}\n" for n in range(1, 9))
        + "\nItem 2: Minutes\n\nAdopted.\n\nItem 3: Any Other Business\n\nNone.\n"
    )
    m = from_text(text)
    assert table(m) == [
        ("1", "Presentation on transport"),
        ("2", "Minutes"),
        ("3", "Any Other Business"),
    ]
    assert "8. Theme 8" in m.items[0].body


def test_unnumbered_minutes_become_one_document_item() -> None:
    m = from_text(HEAD + "The members discussed the parks and agreed to meet again.\n")
    assert [i.number for i in m.items] == [WHOLE_DOCUMENT]
    assert "parks" in m.items[0].body


LIMERICK_CASES = [
    # OCR ordinal "13™ DECEMBER"; the body's first date is the previous meeting's
    (
        "2017/01/12-Monthly Meeting of the Municipal District of Adare-Rathkeale/"
        "Minutes - Municipal District of Adare-Rathkeale - 13th December 2016.md",
        dt.date(2016, 12, 13),
        "Municipal District of Adare-Rathkeale",
    ),
    # the header says "THURSDAY 20th APRIL" with no year
    (
        "2023/05/18-Monthly Meeting of the Municipal District of Cappamore-Kilmallock/"
        "Minutes - Monthly Meeting of the Municipal District of Cappamore-Kilmallock - "
        "20th April 2023.md",
        dt.date(2023, 4, 20),
        "Municipal District of Cappamore Kilmallock",
    ),
]


@pytest.mark.parametrize(("relative", "date", "committee"), LIMERICK_CASES)
def test_limerick_headers(relative: str, date: dt.date, committee: str) -> None:
    from tests.conftest import LIMERICK

    path = LIMERICK / relative
    need_corpus(path)
    m = load(path)
    assert (m.date, m.committee) == (date, committee)
    assert m.items[0].number == "1"
    assert m.items[0].title == "Adoption of Minutes"


@pytest.mark.parametrize("joiner", ["AT", "OF"])
def test_a_district_sub_committee_header_names_the_sub_committee(joiner: str) -> None:
    """'PROCEEDINGS AT/OF JOINT POLICING SUB COMMITTEE MEETING OF THE MUNICIPAL DISTRICT OF
    X': the body is X's sub committee (19 Limerick files were filed under the district)."""
    text = (
        f"MINUTES OF PROCEEDINGS {joiner} JOINT POLICING SUB COMMITTEE\n\nMEETING\n\nOF\n\nTHE\n\n"
        "MUNICIPAL\n\nDISTRICT\n\nOF\n\nCAPPAMORE-\n\n"
        "KILMALLOCK HELD IN ÁRAS MAINCHÍN SEOIGHE, MILLMOUNT,\n\n"
        "KILMALLOCK, CO. LIMERICK, ON THURSDAY, 29TH MARCH, 2018, AT\n\n3.00 P.M.\n\n"
        "PRESENT IN THE CHAIR:\n\nCouncillor G. Mitchell, An Cathaoirleach.\n\n"
        "1.\n\nPolicing Issues in the District\n\n47 recorded burglaries.\n"
    )
    m = from_text(text, "minutes.md")
    assert m.committee == "Municipal District of Cappamore-Kilmallock Joint Policing Sub Committee"
    assert m.date == dt.date(2018, 3, 29)
    assert table(m) == [("1", "Policing Issues in the District")]


def test_roman_item_titled_with_a_label_word_is_still_an_item() -> None:
    """ "VII. DIRECTORS' REPORTS" is an item; "II. Present: ..." is a label, not a heading."""
    m = from_text(
        HEAD + "I. ROLL CALL\n\nAll present.\n\nII. Present: Smith, Jones\n\nNoted.\n\n"
        "III. DIRECTORS’ REPORTS\n\nNo report.\n\nIV. STAFF REPORTS\n\nNone.\n"
    )
    assert table(m) == [("I", "ROLL CALL"), ("III", "DIRECTORS’ REPORTS"), ("IV", "STAFF REPORTS")]


def test_sub_item_stands_for_an_item_printed_only_through_it() -> None:
    """Item 8 printed only as "8.A. ...": the sub-item's heading stands for item 8, and its
    other sub-items stay in it; item 7, with no text of its own, is cited by its sub-item
    (headings._open_numbered_parents)."""
    m = from_text(
        HEAD + "7. Reports\n\n7.1 Finance\n\nNoted.\n\n8.A. New Business - Consent Agenda\n\n"
        "Approved.\n\n8.B. New Business - Other\n\nNone.\n\n9. Adjournment\n\nClosed at 8pm.\n"
    )
    assert table(m) == [
        ("7.1", "Finance"),
        ("8", "New Business - Consent Agenda"),
        ("9", "Adjournment"),
    ]
    assert "8.B. New Business - Other" in m.items[1].body


def test_long_title_wrapped_over_three_lines() -> None:
    m = from_text(
        HEAD + "1. Apologies\n\nNone.\n\n"
        "2. New Business - Authorization to Submit Grant Applications/Service Contracts\n"
        "and Accept Funding if Awarded; and Approval of Contracts, Positions, and Other\n"
        "Expenditures Associated with the Grants as Outlined in the Proposed Budget\n\n"
        "Trustee Brown moved to approve.\n"
    )
    assert m.items[1].title.endswith(
        "and Other Expenditures Associated with the Grants as Outlined in the Proposed Budget"
    )
    assert m.items[1].body == "Trustee Brown moved to approve."


def _numbered(*items: tuple[str, str]) -> str:
    return "".join(f"{n}. {title}\n\nDiscussed and noted.\n\n" for n, title in items)


def test_items_taken_out_of_order_are_items_where_printed() -> None:
    """Motions brought forward ("9." printed between "3." and "4."): each is its own item,
    in the order of the minutes, not text inside the item before it."""
    m = from_text(
        HEAD
        + _numbered(("1", "Adoption of Minutes"), ("2", "Reports"), ("3", "Housing"))
        + _numbered(("9", "Notice of Motion submitted by Councillor A. Byrne"))
        + _numbered(("4", "Roads"), ("5", "Planning"), ("6", "Finance"))
        + _numbered(("7", "Question submitted by Councillor B. Ryan"), ("8", "Deputation"))
        + _numbered(("10", "Correspondence"))
    )
    assert [i.number for i in m.items] == ["1", "2", "3", "9", "4", "5", "6", "7", "8", "10"]
    assert item(m, "3").body == "Discussed and noted."
    assert item(m, "9").title == "Notice of Motion submitted by Councillor A. Byrne"


def test_a_list_restarting_at_one_inside_an_item_stays_in_it() -> None:
    """Item 7 was withdrawn; a list inside item 3 runs 1. to 7.: its "7." is not item 7,
    and a number two headings claim is nobody's."""
    estates = "".join(f"{n}. Estate {n}\n\n" for n in range(1, 8))
    m = from_text(
        HEAD
        + _numbered(
            ("1", "Adoption of Minutes"), ("2", "Reports"), ("3", "Estates Taken in Charge")
        )
        + estates
        + _numbered(
            ("4", "Roads"), ("5", "Planning"), ("6", "Finance"), ("8", "Any Other Business")
        )
        + _numbered(("10", "Thanks"))
        + _numbered(("9", "Deputation"))
        + _numbered(("9", "Correspondence"), ("11", "Close"))
    )
    assert [i.number for i in m.items] == ["1", "2", "3", "4", "5", "6", "8", "10", "11"]
    assert "7. Estate 7" in item(m, "3").body


def test_limerick_motions_taken_out_of_order() -> None:
    """A real case: items 16, 17, 18 and 12 were taken after item 7 (Metropolitan District
    of Limerick, 16 February 2015); before, all four were text inside item 7."""
    from tests.conftest import LIMERICK

    path = (
        LIMERICK
        / "2015/03/16-Monthly Meeting of Metropolitan District of Limerick"
        / "Minutes - Meeting of Metropolitan District of Limerick - 16th February 2015.md"
    )
    need_corpus(path)
    m = load(path)
    assert [i.number for i in m.items if i.number != WHOLE_DOCUMENT][:14] == [
        "1", "2", "3", "4", "5", "6", "7", "16", "17", "18", "12", "8", "9", "10",
    ]  # fmt: skip
    assert item(m, "16").title == "Notice of Motion submitted by Councillor John Gilligan"


def test_an_item_taken_first_is_printed_above_item_one() -> None:
    """ "It was agreed Item 2 on the Agenda would be taken first": "2." is printed above
    "1. Adoption of Minutes" and is an item there, not header text lost at ingest."""
    m = from_text(
        HEAD
        + "It was agreed Item 2 on the Agenda would be taken first.\n\n"
        + _numbered(("2", "Community Directorate"))
        + _numbered(("1", "Adoption of Minutes"), ("3", "Housing"), ("4", "Roads"))
    )
    assert [i.number for i in m.items] == ["2", "1", "3", "4"]
    assert item(m, "2").title == "Community Directorate"
    assert item(m, "2").body == "Discussed and noted."


def test_an_item_taken_first_and_noted_again_in_its_place_keeps_its_text() -> None:
    """Item 4 was taken first and printed above item 1; "4." is printed again in its place
    with "It was noted that item 4 had already been dealt with" (Adare-Rathkeale, 12
    September 2017): the first printing is the item with its text, the second its note."""
    from tests.conftest import LIMERICK

    path = (
        LIMERICK
        / "2017/10/10-Monthly Meeting of the Municipal District of Adare-Rathkeale"
        / "Minutes - Meeting of Municipal District of Adare-Rathkeale - 12th September 2017.md"
    )
    need_corpus(path)
    m = load(path)
    assert [i.number for i in m.items][:6] == ["4", "1", "2", "3", "4", "5"]
    assert m.items[0].title == "Christmas in Rathkeale"
    assert "178,000" in m.items[0].body
    assert m.items[4].body == "It was noted that item 4 had already been dealt with."


def test_an_adjourned_meeting_s_one_item_keeps_its_agenda_number() -> None:
    """An adjourned meeting took only item 4 (Metropolitan District of Limerick, 20
    September 2018): "**4.**" over its directorate and plan is the meeting's one item, not
    the header's labels and the plan's sub-heading as four unnumbered items."""
    from tests.conftest import LIMERICK

    folder = LIMERICK / "2018/10/15-Monthly Meeting of Metropolitan District of Limerick"
    need_corpus(folder)
    (path,) = [p for p in folder.iterdir() if "Adjourned" in p.name]
    m = load(path)
    assert [(i.number, i.title) for i in m.items] == [("4", "Economic Development Directorate")]
    assert "Castletroy Local Area Plan" in m.items[0].body


def test_an_agenda_counted_from_one_above_the_items_lends_them_no_number() -> None:
    """The agenda printed above the minutes lists "5. Deputation", which the meeting did
    not take (the items run 1-4, 6): the agenda's "5." counts from a "1." of its own, so it
    is no item taken first."""
    agenda = "".join(
        f"{n}. {t}\n\n"
        for n, t in enumerate(["Minutes", "Housing", "Roads", "Planning", "Deputation"], 1)
    )
    m = from_text(
        HEAD
        + "Agenda:\n\n"
        + agenda
        + "Minutes:\n\n"
        + _numbered(("1", "Minutes"), ("2", "Housing"), ("3", "Roads"), ("4", "Planning"))
        + _numbered(("6", "Close"))
    )
    assert [i.number for i in m.items] == ["1", "2", "3", "4", "6"]


def test_limerick_item_taken_first() -> None:
    """A real case: item 2 (the Rathkeale Goods Shed) was taken before item 1 and printed
    above it (Municipal District of Adare-Rathkeale, 14 September 2021); before, its text
    was in no item."""
    from tests.conftest import LIMERICK

    path = (
        LIMERICK
        / "2021/10/12-Monthly Meeting of Municipal District of Adare - Rathkeale"
        / "Minutes - Monthly Meeting of Municipal District of Adare - Rathkeale"
        " - 14th September 2021.md"
    )
    need_corpus(path)
    m = load(path)
    assert [i.number for i in m.items] == [
        "2", "1", "4", "3", "9", "5", "6", "7", "8", "10", "11", "12", "13",
    ]  # fmt: skip
    assert "Rathkeale Goods Shed" in item(m, "2").body


def test_a_skipped_number_with_a_misread_title_is_the_item() -> None:
    """ "4. i mi ncillor J. Scanlan" (OCR's misreading of "Question submitted by Councillor")
    and "5. apologies" between their neighbours are items 4 and 5; a list counted from 1
    inside an item lends it none of its numbers."""
    m = from_text(
        HEAD
        + _numbered(("1", "Adoption of Minutes"), ("2", "Reports"), ("3", "Question by A"))
        + "4. i mi ncillor J. Scanlan\n\nGrave space charges are as follows.\n\n"
        + "5. apologies\n\nNone.\n\n"
        + _numbered(("6", "Roads"), ("7", "Estates"))
        + "1. Estate one\n\n2. Estate two\n\n3. Estate three\n\n"
        + "9. estate nine\n\n"
        + _numbered(("8", "Finance"))
        + _numbered(("10", "Close"))
    )
    assert [i.number for i in m.items] == ["1", "2", "3", "4", "5", "6", "7", "8", "10"]
    assert item(m, "4").title == "i mi ncillor J. Scanlan"
    assert item(m, "4").body == "Grave space charges are as follows."
    assert item(m, "5").title == "apologies"


def test_limerick_item_with_an_ocr_misread_title() -> None:
    """A real case: a scanned page misread "4. Question submitted by Councillor J. Scanlan"
    (Municipal District of Newcastle West, 10 February 2016); before, the grave charges
    answered in it were text of item 3."""
    from tests.conftest import LIMERICK

    path = (
        LIMERICK
        / "2016/03/02-Meeting of Municipal District of Newcastle West"
        / "Minutes - Meeting of Municipal District of Newcastle West - 10th February 2016.md"
    )
    need_corpus(path)
    m = load(path)
    assert [i.number for i in m.items] == ["2", "1", "3", "4", "5"]
    assert "Single Grave €750 at time of need." in item(m, "4").body
    assert "Single Grave" not in item(m, "3").body


def test_a_bare_number_over_a_sentence_is_not_an_item_taken_out_of_order() -> None:
    """ "7" alone on a line before "the Department of ..." (a wrapped figure, a page number)
    is not item 7 taken out of order, though the chain lacks a 7; "9" over a title is."""
    m = from_text(
        HEAD
        + _numbered(("1", "Adoption of Minutes"), ("2", "Reports"), ("3", "Grants"))
        + "Funding was approved by\n\n7\n\nthe Department of Rural and Community Development.\n\n"
        + "9\n\nDeputation from the Rivers Trust\n\nHeard.\n\n"
        + _numbered(("4", "Roads"), ("5", "Planning"), ("6", "Finance"), ("8", "Housing"))
        + _numbered(("10", "Close"))
    )
    assert [i.number for i in m.items] == ["1", "2", "3", "9", "4", "5", "6", "8", "10"]
    assert item(m, "9").title == "Deputation from the Rivers Trust"
    assert "the Department of Rural and Community Development." in item(m, "3").body


# --- run-in headings: the number and title open the paragraph that is the item's text ------

RUN_IN_CAPS = "\n\n".join(
    [
        ("Northwold Parish Council - Extraordinary Meeting Wednesday 19th July 2017, 7.30pm"),
        ("PRESENT: Cllr R. Crisp (Chairman), Cllr C. Anderson and Mrs N. Cooper, Clerk."),
        (
            "1. ACCEPTANCE OF APOLOGIES FOR ABSENCE Apologies were provided for Cllr A Muir "
            "and Cllr S Leet. These were accepted by all and the Clerk will write to both of "
            "them about the vacancy that follows."
        ),
        (
            "2. MEMBERS' DECLARATION OF INTERESTS (for items on the Agenda) Cllr Crisp "
            "declared an interest in the planning application for the yard and took no part "
            "in that item."
        ),
        (
            "3. TO DISCUSS COSTS AND OPTIONS FOR BIN HOUSING AT THE RECREATION GROUND A "
            "selection of bin housing options were discussed, the costs ranging from 377 to "
            "492 pounds. It was resolved that two bin liners be requested from the Borough "
            "Council."
        ),
    ]
)

RUN_IN_MINUTES = "\n\n".join(
    [
        (
            "STOKE FERRY PARISH COUNCIL Ordinary Meeting of the Parish Council Wednesday 4 "
            "April 2018 at 7.00 pm Village Hall"
        ),
        ("Attendance: Cllr Sue Lintern (Chair), Cllr Daphne Clements, Cllr Mandy Leamon"),
        (
            "68/18 Apologies and Welcome There were apologies received and accepted for "
            "absence from Cllr Jim McNeill (Vice Chair) through illness and from one other "
            "councillor."
        ),
        (
            "69/18 Community Emergency Plan Attending The Chair introduced the Emergency "
            "Planning Officer, who had attended to advise the Parish Council on the review of"
            " the Community Emergency Plan."
        ),
        ("70/18 Urgent Items as agreed by the Chairman There was none."),
        (
            "71/18 Litter Bin on the Common Land Cllr Mandy Leamon reported that the bin had "
            "been ordered and would be fitted by the Borough Council before the summer, at no"
            " cost to the parish."
        ),
    ]
)


def test_run_in_headings_in_capitals_are_items() -> None:
    meeting = from_text(RUN_IN_CAPS)
    assert table(meeting) == [
        ("1", "ACCEPTANCE OF APOLOGIES FOR ABSENCE"),
        ("2", "MEMBERS' DECLARATION OF INTERESTS"),
        ("3", "TO DISCUSS COSTS AND OPTIONS FOR BIN HOUSING AT THE RECREATION GROUND"),
    ]
    # the text after the title is the item's, verbatim ("A selection" keeps its "A")
    assert meeting.items[2].body.startswith("A selection of bin housing options were discussed")
    assert meeting.items[1].body.startswith("(for items on the Agenda) Cllr Crisp declared")


def test_run_in_headings_in_title_case_end_where_the_sentence_begins() -> None:
    meeting = from_text(RUN_IN_MINUTES)
    assert table(meeting) == [
        ("68/18", "Apologies and Welcome"),
        ("69/18", "Community Emergency Plan Attending"),
        # no sentence opens after the capitalised words: the line is the title, as printed
        ("70/18", "Urgent Items as agreed by the Chairman There was none."),
        ("71/18", "Litter Bin on the Common Land"),
    ]
    assert meeting.items[0].body.startswith("There were apologies received")
    assert meeting.items[1].body.startswith("The Chair introduced the Emergency Planning Officer")
    assert meeting.items[3].body.startswith("Cllr Mandy Leamon reported that the bin")


def test_a_numbered_list_inside_items_is_not_read_as_run_in_headings() -> None:
    text = (
        "Example Town Council\n\nMeeting held on 3 March 2020\n\n"
        "1. Apologies\n\nNone were received.\n\n"
        "2. Planning\n\nThe following applications were considered:\n\n"
        "1. The Old Mill Extension The applicant proposed a two storey extension to the rear.\n"
        "2. The Barn Conversion The Council agreed to support the conversion of the barn.\n\n"
        "3. Any Other Business\n\nNone.\n"
    )
    assert table(from_text(text)) == [
        ("1", "Apologies"),
        ("2", "Planning"),
        ("3", "Any Other Business"),
    ]


# a liaison group's minutes saved as two paragraphs: numbers stuck to their titles, titles
# in sentence case, a numbered list inside the last item
STUCK_INLINE = (
    "Village Liaison Group\n\nWednesday 9th of May 2018 Present: Mrs S. Lintern (Parish "
    "Council), Mr R. Thompson 1.Apologies Tony Leggett working at the other mill "
    "2.Minutes from previous meeting and matters arising We have briefly discussed the "
    "minutes from the last meeting and the new dust monitors that the Borough Council will "
    "install at three sites around the village this summer. 3.KLWNBC We have discussed the "
    "answers the residents are seeking from the Borough Council and agreed to write to it."
    "\n\n4.Complaints received since the last meeting There were 2 complaints received "
    "since the last meeting, see points 5 and 6. 5.Noise We had one noise complaint "
    "from a resident about a belt close to the intake, which was fixed at once. "
    "6.Odour, dust and particulates. We have had a dust complaint from a resident which we "
    "reacted to very rapidly. 7.Action points 1. Terms of reference to be agreed. "
    "2. Samples to be sent to the laboratory by the quality manager.\n"
)


def test_numbers_stuck_to_sentence_case_titles_inline_are_items() -> None:
    meeting = from_text(STUCK_INLINE)
    assert table(meeting) == [
        ("1", "Apologies Tony Leggett working at the other mill"),
        ("2", "Minutes from previous meeting and matters arising"),
        ("3", "KLWNBC"),
        ("4", "Complaints received since the last meeting"),
        ("5", "Noise"),
        ("6", "Odour, dust and particulates."),
        ("7", "Action points"),
    ]
    assert meeting.items[1].body.startswith("We have briefly discussed the minutes")
    assert meeting.items[3].body.startswith("There were 2 complaints received")
    # the list inside the last item stays in it
    assert meeting.items[6].body == (
        "1. Terms of reference to be agreed. "
        "2. Samples to be sent to the laboratory by the quality manager."
    )


# --- Markdown minutes whose top headings are the document's parts ------------------------
PARTS_MD = """# Technical Team Meeting, June 8, 2021

## Attendees

Gary, Sebastian, Alexios

## Agenda

* Plugfest
* Template next steps

## Notes

### Plugfest

* Everyone is encouraged to join.

### Template Next Steps

* Agreed to separate model and profiles into directories.

### Future Topics

* Licensing of the templates.
"""

AGENDA_MD = """Annual Meeting of the Members, 15 February 2012

# Officer Reports

## President's Report

The president thanked the members.

## Treasurer's Report

The balance is 4,200 dollars.

# Member Reports

Brad reported on the laser cutter.

# New Business

The bylaws were amended.

# Adjournment

The meeting adjourned at 9 pm.
"""


def md_meeting(tmp_path: Path, text: str, name: str = "minutes.md") -> Meeting:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return segment(read_document(path, max_bytes=2**20, timeout_s=30))


def test_a_part_heading_over_the_items_gives_its_sub_headings_as_items(tmp_path: Path) -> None:
    meeting = md_meeting(tmp_path, PARTS_MD)
    # "## Notes" has no text of its own: it only ends the agenda's item
    assert table(meeting) == [
        ("", "Agenda"),
        ("", "Plugfest"),
        ("", "Template Next Steps"),
        ("", "Future Topics"),
    ]
    assert meeting.items[0].body == "* Plugfest\n* Template next steps"
    assert meeting.items[2].body == "* Agreed to separate model and profiles into directories."


def test_a_part_with_text_of_its_own_stays_an_item_before_its_sub_headings(
    tmp_path: Path,
) -> None:
    text = PARTS_MD.replace("## Notes\n", "## Notes\n\nNotes taken by Kate.\n")
    assert table(md_meeting(tmp_path, text)) == [
        ("", "Agenda"),
        ("", "Notes"),
        ("", "Plugfest"),
        ("", "Template Next Steps"),
        ("", "Future Topics"),
    ]


def test_enough_top_headings_are_the_items_with_their_sub_headings_inside(
    tmp_path: Path,
) -> None:
    meeting = md_meeting(tmp_path, AGENDA_MD)
    assert table(meeting) == [
        ("", "Officer Reports"),
        ("", "Member Reports"),
        ("", "New Business"),
        ("", "Adjournment"),
    ]
    assert "The balance is 4,200 dollars." in meeting.items[0].body


def test_wiki_headings_are_marked_headings() -> None:
    text = (
        "HTTP Working Group\nMeeting of 22 March 2010\n\n"
        "== Agenda bash ==\n\nJeff might take a few minutes to present.\n\n"
        "==Open issues (link above)\n\nAge calculation: a new algorithm, please check it.\n\n"
        "=== Ticket 73 ===\n\nDeflate without zlib wrappers is sent by implementations.\n\n"
        "==Closing Discussion\n\nThe drafts go to last call in May.\n"
    )
    meeting = from_text(text)
    assert table(meeting) == [
        ("", "Agenda bash"),
        ("", "Open issues (link above)"),
        ("", "Closing Discussion"),
    ]
    assert meeting.items[1].body.endswith(
        "Deflate without zlib wrappers is sent by implementations."
    )


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("# Homebrew Annual General Meeting 2021", "Homebrew"),
        ("# SPDX Technical Team Meeting, June 8, 2021", "SPDX Technical Team"),
        ("# Minutes of WLUG AGM 2022 - 27 February 2023", "WLUG"),
        ("# Minutes of the 4th meeting of the Scala Center, Q1 2017", "Scala Center"),
        # not names: the document's parts, a phrase
        ("# Approved Minutes", "Unknown committee"),
        ("# PROCEEDINGS AT MEETING", "Unknown committee"),
    ],
)
def test_a_title_names_a_body_without_an_organisational_noun(title: str, body: str) -> None:
    text = f"{title}\n\nHeld on 8 June 2021.\n\n## Agenda\n\nPlugfest.\n\n## Notes\n\nAgreed.\n"
    assert from_text(text, "minutes.md").committee == body


AGENDA_TABLE_MD = """## September 2011 - Board Meeting Minutes

In attendance: Michael, Matt, Seba

| Subject | Initials | Notes |
| -- | -- | -- |
| Current Finances | SB | <ul><li>Financials posted for July. <li>The podcast is in deficit.</ul> |
| Webex vs. GotoMeeting | SB | <li>GotoMeeting is the cheaper one. <li>Vote: Yes GoToMeeting. |
| Next meeting | MC | The next meeting will be held on 4 October 2011 by phone. |

| Item | 2011 | 2010 |
|------|------|------|
| Members | 2,366 | 3,007 |
| Chapters | 25 | 31 |
"""


def test_a_markdown_agenda_table_gives_one_item_a_row(tmp_path: Path) -> None:
    # its only full date is the next meeting's: the date comes from the file's name
    meeting = md_meeting(tmp_path, AGENDA_TABLE_MD, "2011-09-13 minutes.md")
    assert meeting.date == dt.date(2011, 9, 13)
    assert table(meeting) == [
        ("", "Current Finances"),
        ("", "Webex vs. GotoMeeting"),
        ("", "Next meeting"),
    ]
    assert meeting.items[1].body == (
        "SB\n\n- GotoMeeting is the cheaper one.\n- Vote: Yes GoToMeeting."
    )
    # a table of figures whose rows are labelled "Item" stays a table, in the item before it
    assert "| Members | 2,366 | 3,007 |" in meeting.items[2].body


SETEXT = """Readium Foundation
==================

Board Meeting, 14 April 2021

Attendees
---------

Laurent, Hadrien, Daniel.

Treasury report
---------------

The balance stands at 52,000 euros.
Two members have not paid their dues.
-------------------------------------

Membership
----------

Three new members joined: EDRLab, Bibliotheca and Dilicom.

Next meeting
------------

The next board meeting is on 12 May 2021.
"""


@pytest.mark.parametrize("name", ["minutes.txt", "minutes.md"])
def test_underlined_headings_are_headings(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(SETEXT, encoding="utf-8")
    meeting = segment(read_document(path, max_bytes=2**20, timeout_s=30))
    # the title underlined with "=" is the minutes' own heading (the header), "Attendees"
    # the header's too; a rule under a two-line paragraph stays in its item
    assert table(meeting) == [
        ("", "Treasury report"),
        ("", "Membership"),
        ("", "Next meeting"),
    ]
    assert meeting.committee == "Readium Foundation"
    assert meeting.items[0].body.startswith("The balance stands at 52,000 euros.")
    assert "Two members have not paid their dues." in meeting.items[0].body


def test_a_label_line_in_the_title_is_not_a_name() -> None:
    text = "Title: Board Meeting 2014-01-23\n\nHeld on 23 January 2014.\n\n## Agenda\n\nA.\n"
    text += "\n## Notes\n\nAgreed.\n"
    assert from_text(text, "minutes.md").committee == "Unknown committee"  # not "Title"


# a parish council's minutes flattened into one paragraph (saved from a web page): item
# numbers after plain words ("... of the public 1. Apologies", "... Sampson 2. No ..."),
# a number skipped where only sub-items were printed, and long items with no run-in title
FLAT_PARISH = (
    "MINUTES OF HILGAY PARISH COUNCIL MEETING HELD AT THE CHURCH MONDAY MARCH 6TH 2017 "
    "Present: Cllr David Long (Chairman), Cllr Martin Cann, Cllr Mandy Peake and 3 members "
    "of the public 1. Apologies for Absence received; Cllr Ian Mack and Borough Councillor "
    "Colin Sampson 2. No Declarations of Interest made 3. The Minutes of the meeting held on "
    "23.01.17 were agreed as a true record. 4. The SAM2 speed sign purchased with 50% "
    "funding from the County Council Parish Partnership Scheme is to be positioned as soon "
    "as possible, and the HGV signs for Wretton Row have been paid for and are to be "
    "erected by the County Council in April. 6. Accounts were presented and accepted for "
    "payment. Cheques for approval: Clerk's salary 118.44 pounds, K & M Lighting 35.04 "
    "pounds, HMRC PAYE 44.40 pounds. The balance stands at 13,832 pounds under section 3. "
    "The audit is due in June.\n"
)


def test_items_run_together_after_plain_words_climb_one_by_one() -> None:
    meeting = from_text(FLAT_PARISH)
    assert table(meeting) == [
        # a short item is a heading as printed, its title all its text
        ("1", "Apologies for Absence received; Cllr Ian Mack and Borough Councillor Colin Sampson"),
        ("2", "No Declarations of Interest made"),
        ("3", "The Minutes of the meeting held on 23.01.17 were agreed as a true record."),
        # too long for a heading, no phrase ends soon enough: a clipped label ...
        ("4", "The SAM2 speed sign purchased with 50% funding …"),
        # ... or its first sentence; "section 3. The" does not climb: it stays text
        ("6", "Accounts were presented and accepted for payment"),
    ]
    # every word stays in the item's text
    assert meeting.items[3].body.startswith("The SAM2 speed sign purchased with 50% funding")
    assert meeting.items[4].body.endswith("under section 3. The audit is due in June.")
    assert meeting.committee == "Hilgay Parish Council"


# report items in the layout of Australian and New Zealand council minutes: a heading with
# no text of its own over its numbered sub-items, decision blocks labelled in capitals
SHIRE = """                         SHIRE OF EXAMPLE
   MINUTES OF THE ORDINARY MEETING OF COUNCIL
   HELD ON TUESDAY 14 MARCH 2023 AT 6.00PM

PRESENT:      Mayor Cr J Smith, Cr A Brown, Cr L Green, Cr P Black

1     OPENING
The Mayor declared the meeting open at 6.00pm.

2     APOLOGIES
RESOLUTION 2023/45
Moved: Cr A Brown
Seconded: Cr L Green
That the apologies from Cr K White be accepted.
                                                                          CARRIED

3     REPORTS
3.1   DRAFT OPERATIONAL PLAN 2023/24
File Number: 12/3/4
RESOLUTION 2023/47
That Council endorse the Draft Operational Plan 2023/24 for public exhibition for 28 days.
                                                                          CARRIED 4/0

3.2   TENDER T2023-04 ROAD RESEALING PROGRAM
RESOLUTION 2023/48
That Council accept the tender from Roadworks Pty Ltd for $1,245,000 (GST exclusive).
                                                                          CARRIED 3/1

4     LATE REPORTS
The Chief Executive Officer tabled one late report.
4.1   FOOTPATH PROGRAM
The report was received.
4.2   LIBRARY HOURS
The report was received.

5     CONFIDENTIAL MATTERS
5.1   WASTE COLLECTION CONTRACT
RESOLUTION 2023/49
That Council extend the waste collection contract by twelve months.
                                                                          CARRIED

6     CLOSE OF MEETING
The meeting closed at 7.15pm.
"""


def test_sub_items_of_a_heading_with_no_text_of_its_own_are_the_items() -> None:
    meeting = from_text(SHIRE)
    assert table(meeting) == [
        ("1", "OPENING"),
        ("2", "APOLOGIES"),  # not "APOLOGIES RESOLUTION 2023/45"
        ("3.1", "DRAFT OPERATIONAL PLAN 2023/24"),
        ("3.2", "TENDER T2023-04 ROAD RESEALING PROGRAM"),
        # text of its own before its sub-items: they stay inside it
        ("4", "LATE REPORTS"),
        ("5.1", "WASTE COLLECTION CONTRACT"),  # one sub-item is enough
        ("6", "CLOSE OF MEETING"),
    ]
    assert meeting.items[3].body.startswith("RESOLUTION 2023/48\nThat Council accept the tender")
    # "CARRIED 3/1": the tally after the outcome
    last = meeting.items[3].decisions[-1]
    assert last.text.endswith("(GST exclusive). CARRIED 3/1")
    assert (last.outcome, last.tally) == ("carried", "3-1")
    assert "4.2 LIBRARY HOURS" in meeting.items[4].body
    # "MEETING OF COUNCIL" names no one: the header's own name for the body
    assert meeting.committee == "Shire of Example"


def test_a_kind_of_meeting_under_the_name_is_not_part_of_it() -> None:
    text = (
        "THE CORPORATION OF THE TOWN OF EXAMPLEVILLE\nREGULAR COUNCIL MEETING MINUTES\n"
        "Monday, April 3, 2023 - 7:00 p.m.\n\n1. CALL TO ORDER\n\nAt 7:00 p.m.\n\n"
        "2. ADOPTION OF AGENDA\n\nAdopted.\n\n3. ADJOURNMENT\n\nAt 8:12 p.m.\n"
    )
    assert from_text(text).committee == "Corporation of the Town of Exampleville"


TOWN_TITLES = [
    "Apologies for absence",
    "Declarations of interest",
    "Minutes of the previous meeting",
    "Allotments rent review",
    "Date of next meeting",
]


@pytest.mark.parametrize(
    "reference",
    ["{n}/23", "2023/{n}", "FC/23/{n}", "C23/{n}", "PC23.{n}", "Minute {n}/23"],
)
def test_minute_references_with_the_year_before_or_after_the_number(reference: str) -> None:
    text = (
        "EXAMPLE TOWN COUNCIL\n"
        "Minutes of the Full Council meeting held on Monday 6 March 2023 at 7pm\n\n"
        "Present: Cllrs A Smith (Chair), B Jones, C Patel\n\n"
    )
    for n, title in enumerate(TOWN_TITLES, start=41):
        text += f"{reference.format(n=f'0{n}')} {title}\n"
        text += f"It was RESOLVED that item {n} be noted and the Clerk write to the tenants.\n\n"
    meeting = from_text(text)
    numbers = [reference.format(n=f"0{n}").removeprefix("Minute ") for n in range(41, 46)]
    assert table(meeting) == list(zip(numbers, TOWN_TITLES, strict=True))
    # "the Full Council meeting" names no body: the header's own name
    assert meeting.committee == "Example Town Council"


@pytest.mark.parametrize("reference", ["{n}/23", "{n}", "FC/23/{n}"])
def test_items_kept_in_a_word_table_number_cell_then_title_and_text(
    tmp_path: Path, reference: str
) -> None:
    """Parish minutes kept as a Word table: the minute's number in the first cell, the
    title (bold) and the text in the second, the action in the third."""
    import docx

    document = docx.Document()
    document.add_paragraph("EXAMPLE PARISH COUNCIL").runs[0].bold = True
    document.add_paragraph("Minutes of the meeting held on Tuesday 7 March 2023 at 7.30pm")
    document.add_paragraph("Present: Cllrs A Smith (Chair), B Jones, C Patel.")
    table_ = document.add_table(rows=0, cols=3)
    for n, title in enumerate(TOWN_TITLES, start=41):
        cells = table_.add_row().cells
        cells[0].text = reference.format(n=f"0{n}" if "/" in reference else n)
        cells[1].paragraphs[0].add_run(title).bold = True
        cells[1].add_paragraph(f"It was resolved that item {n} be noted. The budget is 2023/24.")
        cells[2].text = "Clerk"
    path = tmp_path / "minutes.docx"
    document.save(str(path))
    meeting = segment(read_document(path, max_bytes=2**20, timeout_s=30))
    numbers = [reference.format(n=f"0{n}" if "/" in reference else n) for n in range(41, 46)]
    assert table(meeting) == list(zip(numbers, TOWN_TITLES, strict=True))
    assert meeting.items[3].body.startswith("It was resolved that item 44 be noted.")
    assert meeting.committee == "Example Parish Council"


PLAIN_HEADINGS = """Example Community Council
Minutes of meeting held on 5 June 2023 in the Church Hall

Present: J Brown (Chair), K White, L Green, M Black

Apologies
Apologies were received from N Grey and O Blue.

Police report
PC Adams reported five incidents since the last meeting, two of them thefts from sheds.

Planning
No new applications had been received.
The appeal on the wind farm is still awaiting a decision.

Any other business
The Christmas lights switch-on will be on 2 December.
"""


def test_unmarked_headings_opening_paragraphs_are_the_items() -> None:
    meeting = from_text(PLAIN_HEADINGS)
    # "Apologies" at the top is the header's, as a marked one would be
    assert table(meeting) == [
        ("", "Police report"),
        ("", "Planning"),
        ("", "Any other business"),
    ]
    assert meeting.items[1].body == (
        "No new applications had been received.\n"
        "The appeal on the wind farm is still awaiting a decision."
    )
    assert meeting.committee == "Example Community Council"


def test_too_few_unmarked_headings_leave_the_document_whole() -> None:
    text = PLAIN_HEADINGS.split("\nPlanning\n")[0]  # two short lines opening paragraphs
    assert table(from_text(text)) == [(WHOLE_DOCUMENT, "Minutes (no agenda items found)")]


BULLET_MINUTES = """# Leadership Council Meeting 2024-03-15

Attendees: Alice, Bob, Carol, Dan

- Project director elections
  - The election process for the Foundation board is due to start in April.
  - Carol will draft the call for nominations by the end of the month.
- Budget for the all-hands event:
  - The council agreed to a budget of $50,000 for travel grants.
- Moderation team staffing
  - Two new moderators were approved: Eve and Frank.
- Thanks to the outgoing chair.
"""


def test_topics_as_top_level_bullets_with_nested_points_are_the_items(tmp_path: Path) -> None:
    meeting = md_meeting(tmp_path, BULLET_MINUTES)
    # the last bullet has nothing nested: a point of the item before it
    assert table(meeting) == [
        ("", "Project director elections"),
        ("", "Budget for the all-hands event"),
        ("", "Moderation team staffing"),
    ]
    assert meeting.items[1].body == "- The council agreed to a budget of $50,000 for travel grants."


def test_nested_bullets_inside_marked_items_stay_bullets(tmp_path: Path) -> None:
    text = BULLET_MINUTES.replace("- Project", "## Elections\n\n- Project").replace(
        "- Moderation", "## Staffing\n\n- Moderation"
    )
    meeting = md_meeting(tmp_path, text)
    assert table(meeting) == [("", "Elections"), ("", "Staffing")]
    assert meeting.items[0].body.startswith("- Project director elections\n- The election")


@pytest.mark.parametrize(
    ("header", "body"),
    [
        ("Board of Trustees Regular Meeting\nMarch 7, 2023", "Board of Trustees"),
        (
            "CITY OF SPRINGFIELD\nCITY COUNCIL REGULAR MEETING\nMINUTES\nMarch 7, 2023",
            "City Council",
        ),  # noqa: E501
        ("Cabinet\n\nMinutes of a meeting of the Cabinet held on Tuesday 7 March 2023", "Cabinet"),
        (
            "Memorandum\nTo:\n\nBoard of Directors/RTD Staff\n\nFrom:\n\nPaula Perdue, "
            "Executive Manager to Board of Directors\n\nSubject:\n\nMinutes of the Regular "
            "Board of Directors meeting held on Tuesday, May 17, 2011 at 5:30 p.m.",
            "Board of Directors",  # not a role ("Executive Manager to ...") nor "... Staff"
        ),
        (
            "Minutes of the Meeting of Limerick City & County Council Climate Action, "
            "Biodiversity and Environment\n\nStrategic Policy Committee held on Tuesday 11th "
            "March 2025 at 2.30pm.",
            "Climate Action, Biodiversity and Environment Strategic Policy Committee",
        ),
    ],
)
def test_a_body_named_without_its_meeting_kind_or_parent(header: str, body: str) -> None:
    text = header + "\n\n1. Apologies\n\nNone.\n\n2. Minutes\n\nApproved.\n\n3. Finance\n\nNoted.\n"
    assert from_text(text).committee == body


def test_a_motion_that_proposes_adoption_takes_the_outcome_on_the_line_after() -> None:
    text = (
        "Town of Exampleville\nRegular Council Meeting Minutes\nDate: March 14, 2023\n\n"
        "1. Call to Order\n\nAt 7:00 p.m.\n\n2. Adoption of the Agenda\n\n"
        "Moved by: Councillor Tran\nSeconded by: Councillor Doyle\n\n"
        "That the agenda be adopted as presented.\n\nCarried\n\n"
        "3. Adjournment\n\nAt 8:45 p.m.\n"
    )
    # one decision, the meeting's outcome ("Carried"), not the motion's word ("adopted")
    assert from_text(text).items[1].decisions == (
        Decision(
            "Moved by: Councillor Tran Seconded by: Councillor Doyle That the agenda be adopted "
            "as presented. Carried",
            "carried",
        ),
    )


PARISH = (
    "Minutes of the Meeting of Exampleton Parish Council held on Wednesday 6th February "
    "2019\n\n"
    "1. Minutes\n\nCllr. J. Davies proposed acceptance of the minutes, seconded by Cllr. M. "
    "Peake and unanimously agreed.\n\n"
    "2. Grants\n\nOn the proposal of Councillor Ruddle, seconded by Councillor Scanlan, it was "
    "agreed to allocate €600 to public lighting at Belville.\n\n"
    "On the proposal of Councillor Foley, seconded by Councillor Scanlan, it was agreed to "
    "allocate €1,000 to Monagea Community Graveyard.\n\n"
    "3. Disposals\n\nProposed by Councillor Keary;\n\nSeconded by Councillor Teskey;\n\n"
    "And Resolved:\n\n“That the disposal of property at Main Street, Bruff, be approved.”\n\n"
    "And Resolved: “That the disposal of property at Knockfinisk, Carrigkerry, be approved.”\n\n"
    "4. Close\n\nThe meeting closed at 9 p.m.\n"
)


def test_parish_council_decisions_whole_and_apart() -> None:
    """'proposed ..., seconded ... and agreed' and 'it was agreed' close a motion; a title
    or an initial does not end its sentence; each motion and each resolution is its own
    decision, even where resolutions share their opening words."""
    items = {i.number: i.decisions for i in from_text(PARISH).items}
    assert items["1"] == (
        Decision(
            "Cllr. J. Davies proposed acceptance of the minutes, seconded by Cllr. M. Peake and "
            "unanimously agreed.",
            "agreed",
            "unanimous",
        ),
    )
    assert items["2"] == (
        Decision(
            "On the proposal of Councillor Ruddle, seconded by Councillor Scanlan, it was agreed "
            "to allocate €600 to public lighting at Belville.",
            "agreed",
        ),
        Decision(
            "On the proposal of Councillor Foley, seconded by Councillor Scanlan, it was agreed "
            "to allocate €1,000 to Monagea Community Graveyard.",
            "agreed",
        ),
    )
    assert items["3"] == (
        Decision(
            "And Resolved: “That the disposal of property at Knockfinisk, Carrigkerry, be "
            "approved.”"
        ),
        Decision(
            "Proposed by Councillor Keary; Seconded by Councillor Teskey; And Resolved: “That the "
            "disposal of property at Main Street, Bruff, be approved.”",
            "resolved",
        ),
    )


def test_a_second_minutes_heading_starts_the_bodys_name_afresh() -> None:
    text = (
        "Minutes of the July meeting of the PC\n\nMINUTES OF WRETTON PARISH COUNCIL MEETING\n\n"
        "HELD AT WRETTON CHURCH\n\nWEDNESDAY 13th JULY 2005\n\n"
        "1. Apologies for Absence\n\nNone.\n\n2. Minutes\n\nApproved.\n\n3. Finance\n\nNoted.\n"
    )
    meeting = from_text(text)
    assert (meeting.committee, meeting.date) == ("Wretton Parish Council", dt.date(2005, 7, 13))


def test_a_time_of_day_opening_a_line_is_no_item_number() -> None:
    # the Boston Licensing Board's hours of a licence (4 May 2023) and SF's Open Source
    # Voting advisory committee's roll call wrapped at the time a member arrived (6 December
    # 2018): the hour is not item 11 or item 6; a sub-item's "7.1" stays one
    lines = [
        "11:00 AM - 3:00 PM Mon. - Fri.",
        "6:05 p.m. Member Philips was absent (excused). Also present: Secretary Chan.",
    ]
    assert [candidate_at(line, 0) for line in lines] == [None, None]
    assert candidate_at("7.1 Budget", 0) == Candidate(0, "sub", 0, "7.1", "Budget", 0.0)
