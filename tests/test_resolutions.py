"""Resolution-style minutes (no agenda headings, the meeting a run of numbered resolutions
with matter paragraphs between them): each resolution a unit cited by its number, with its
mover, seconder and outcome as its decision; each matter paragraph a unit of its own.
Built on reduced but real excerpts of two bodies' minutes (Township of Assiginack and
Township of Billings, Manitoulin Island, Ontario; /work/collected/res-*/SOURCE.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutesqa.cli import main
from minutesqa.decision import Decision
from minutesqa.models import Document, Meeting
from minutesqa.parse.text import normalise
from minutesqa.segment import WHOLE_DOCUMENT, reading, segment
from minutesqa.segment.resolutions import header_at


def _doc(text: str, name: str) -> Document:
    return Document(
        path=Path("/minutes") / name, text=normalise(text), format="txt", content_hash="0" * 64
    )


def from_text(text: str, name: str = "minutes.txt") -> Meeting:
    return segment(_doc(text, name))


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


# Assiginack, 6 January 2015: '#NNN-MM-YY – mover – seconder', 'THAT ... CARRIED.' on the
# next line, no blank lines, a matter paragraph between two resolutions
ASSIGINACK_2015 = """\
The Regular Meeting of the Council of the Corporation of the Township of Assiginack was held in the Council Chambers on Tuesday, January 6, 2015 at 7:00 P.M.
Present were Reeve Paul Moffatt, Members Robert Case, Leslie Fields, Hugh Moggy, and Brenda Reid
#001-01-15 – L. Fields – B. Case
THAT the Regular Meeting of the Council of the Corporation of the Township of Assiginack be opened for business with a quorum of members present at 7:00 p.m., with Reeve Moffatt presiding in the Chair. CARRIED.
#002-01-15 – B. Reid – H. Moggy
THAT the agenda for the Meeting be accepted. CARRIED.
Councillor Reid disclosed a direct pecuniary interest in Agenda Item 6A Payroll as her husband is an employee of the Township. She did not take part in any discussion, attempt to influence the vote or vote on the matter.
#003-01-15 – R. Case – L. Fields
THAT the Minutes of the December 16, 2014 Regular Meeting of Council be accepted. CARRIED.
#004-01-15 – B. Reid – H. Moggy
THAT the Minutes of the Assiginack Public Library Board Meeting of November 17, 2014 be accepted. CARRIED.
"""  # noqa: E501

# Assiginack, 5 March 2019: no dash after the number, blank lines, three matter paragraphs
ASSIGINACK_2019 = """\
The Regular Meeting of the Council of the Corporation of the Township of Assiginack was held in the Council Chambers on Tuesday, March 5, 2019 at 7:00 p.m.

Present: Mayor Dave Ham
Councillor Hugh Moggy

#56-05-19 H. Moggy – D. McDowell
THAT the Regular Meeting of the Council of the Corporation of the Township of Assiginack be opened for business with a quorum of members present at 7:00 p.m., with Mayor Ham presiding in the Chair.  CARRIED



#57-05-19 D. McDowell – H. Moggy
THAT the agenda for this meeting be accepted as presented.  CARRIED



Mayor Ham again thanked all staff and the fire fighters for the Family Day Evening Festivities. The fireworks were particularly popular and the efforts of all were appreciated.

Councillor Jones attended the Smart Green Communities Symposium sponsored by Smart Green Communities and was impressed by their program. After answering a few questions, it was agreed that Barbara Erskine, the Manitoulin Energy Coordinator should be invited to a future Council meeting.

Councillor Jones also mentioned that she would soon be participating in her first Great Lakes Island Alliance Conference and that she was looking forward to it.



#58-05-19 H. Moggy – D. McDowell
THAT the Minutes of the Regular Council Meeting of February 20, 2019 be accepted. CARRIED
"""  # noqa: E501

# Billings, 16 June 2014: 'YYYY-NNN Mover – Seconder', 'BE IT RESOLVED THAT ...' and
# 'Carried' on lines of their own, no blank lines
BILLINGS_2014 = """\
Council of the Corporation of
The Township of Billings
Regular Meeting
June 16, 2014
PRESENT: Mayor Austin Hunt, Councillors Sandi Hurcomb, Tom Imrie, Brian Parker, Gerry Mack
2014-144 Imrie – Parker
BE IT RESOLVED THAT this regular meeting of the Council of the Corporation of the Township of Billings be opened with a quorum present at 7:30 p.m. with Mayor Austin Hunt presiding in the Chair.
Carried
2014-145 Imrie – Parker
BE IT RESOLVED THAT Council accepts the minutes of the June 3, 2014 regular meeting as presented.
Carried
Councillor Tom Imrie reported on the Billings Waterfront Improvement Committee meeting held last week.
2014-147 Imrie – Parker
BE IT RESOLVED THAT Council directs the Clerk Treasurer to send the draft Automatic Aid Agreement as recommended by the Ontario Fire Marshal’s office to Central Manitoulin Township for their review and approval.
Carried
"""  # noqa: E501

# Billings, 16 January 2017: no outcome printed, blank lines, matter paragraphs
BILLINGS_2017 = """\
Council of the Corporation of
The Township of Billings
Regular Meeting
January 16, 2017

PRESENT: Mayor Austin Hunt, Councillors Sharon Alkenbrack, Nora Bath-Haring, Barbara Erskine and Brian Parker.

2017-09 Alkenbrack – Erskine
BE IT RESOLVED THAT this regular meeting of Council be opened with a quorum present at 7:30 p.m. with Mayor Austin Hunt presiding.

2017-10 Erskine – Alkenbrack
BE IT RESOLVED THAT the agenda for the January 16, 2017 regular meeting of Council be accepted as amended.

Councillor Parker declared a conflict of interest regarding the delegation.

2017-11 Alkenbrack – Erskine
BE IT RESOLVED THAT Council accepts the minutes of the January 3, 2017 regular meeting as presented.

Councillor Erskine reported on Winterfest, which is being held on February 10, 11.
Councillor Alkenbrack reported on the January 12, 2017 Economic Development Committee meeting.
"""  # noqa: E501


def test_assiginack_2015_resolutions_and_a_matter() -> None:
    meeting = from_text(ASSIGINACK_2015, "2015-01-06-council.txt")
    assert table(meeting) == [
        ("001-01-15", "The Regular Meeting of the Council of the …"),
        ("002-01-15", "The agenda for the Meeting be accepted"),
        ("", "Councillor Reid disclosed a direct pecuniary interest in …"),
        ("003-01-15", "The Minutes of the December 16, 2014 Regular …"),
        ("004-01-15", "The Minutes of the Assiginack Public Library Board …"),
    ]
    assert meeting.items[1].decisions == (
        Decision(
            "002-01-15 Moved by B. Reid, seconded by H. Moggy: THAT the agenda for the Meeting be"
            " accepted. CARRIED.",
            "carried",
        ),
    )
    assert meeting.items[2].decisions == ()  # a matter: no decision of its own
    assert meeting.committee == "Council of the Corporation of the Township of Assiginack"


def test_assiginack_2019_blank_lines_and_three_matters() -> None:
    meeting = from_text(ASSIGINACK_2019, "2019-03-05-council.txt")
    assert table(meeting) == [
        ("56-05-19", "The Regular Meeting of the Council of the …"),
        ("57-05-19", "The agenda for this meeting be accepted as presented"),
        ("", "Mayor Ham again thanked all staff and the …"),
        ("", "Councillor Jones attended the Smart Green Communities Symposium …"),
        ("", "Councillor Jones also mentioned that she would soon …"),
        ("58-05-19", "The Minutes of the Regular Council Meeting of …"),
    ]
    assert [i.decisions for i in meeting.items[3:5]] == [
        (
            Decision(
                "After answering a few questions, it was agreed that Barbara Erskine, the "
                "Manitoulin Energy Coordinator should be invited to a future Council meeting."
            ),
        ),
        (),
    ]
    assert meeting.items[5].decisions == (
        Decision(
            "58-05-19 Moved by H. Moggy, seconded by D. McDowell: THAT the Minutes of the Regular"
            " Council Meeting of February 20, 2019 be accepted. CARRIED",
            "carried",
        ),
    )


def test_billings_2014_outcome_on_its_own_line() -> None:
    meeting = from_text(BILLINGS_2014, "2014-06-16-council.txt")
    assert table(meeting) == [
        ("2014-144", "This regular meeting of the Council of the …"),
        ("2014-145", "Council accepts the minutes of the June 3, …"),
        ("", "Councillor Tom Imrie reported on the Billings Waterfront …"),
        ("2014-147", "Council directs the Clerk Treasurer to send the …"),
    ]
    assert meeting.items[1].decisions == (
        Decision(
            "2014-145 Moved by Imrie, seconded by Parker: BE IT RESOLVED THAT Council accepts the"
            " minutes of the June 3, 2014 regular meeting as presented. Carried",
            "carried",
        ),
    )
    assert meeting.items[2].body == (
        "Councillor Tom Imrie reported on the Billings Waterfront Improvement Committee "
        "meeting held last week."
    )


def test_billings_2017_no_outcome_printed() -> None:
    meeting = from_text(BILLINGS_2017, "2017-01-16-council.txt")
    assert table(meeting) == [
        ("2017-09", "This regular meeting of Council be opened with …"),
        ("2017-10", "The agenda for the January 16, 2017 regular …"),
        ("", "Councillor Parker declared a conflict of interest regarding the delegation"),
        ("2017-11", "Council accepts the minutes of the January 3, …"),
        ("", "Councillor Erskine reported on Winterfest, which is being …"),
    ]
    assert meeting.items[3].decisions == (
        Decision(
            "2017-11 Moved by Alkenbrack, seconded by Erskine: BE IT RESOLVED THAT Council "
            "accepts the minutes of the January 3, 2017 regular meeting as presented.",
            "resolved",
        ),
    )
    assert meeting.committee == "Council of the Corporation of The Township of Billings"


def test_two_resolutions_are_not_a_structure() -> None:
    two = BILLINGS_2017.split("2017-11")[0]
    meeting = from_text(two, "2017-01-16-council.txt")
    assert [i.number for i in meeting.items] == [WHOLE_DOCUMENT]


# Township of Oro-Medonte, 27 June 2012 (docs.oro-medonte.ca): numbered agenda items, each
# motion ("Motion No. C120627 -2" over "Moved by Evans, Seconded by Crawford") inside one
ORO_MEDONTE_2012 = """\
THE TOWNSHIP OF ORO- MEDONTE
REGULAR COUNCIL MEETING MINUTES
Wednesday, June 27, 2012
1. CALL TO ORDER - PRIVATE PRAYER/MOMENT OF REFLECTION:
Mayor H.S. Hughes assumed the Chair and called the meeting to order followed by a
private prayer /moment of reflection.
2. ADOPTION OF AGENDA:
a) Motion to Adopt the Agenda.
Motion No. 0120627 -1
Moved by Evans, Seconded by Crawford
Be it resolved that the agenda for the Council meeting of Wednesday, June 27, 2012 be
received and adopted.
Carried.
3. DISCLOSURE OF PECUNIARY INTEREST:
None declared.
4. CLOSED SESSION ITEMS:
a) Motion to go In Closed Session.
Motion No. C120627 -2
Moved by Evans, Seconded by Crawford
Be it resolved that we do now go in Closed Session at 6:05 p.m. to discuss
• acquisition /disposition of land;
• litigation affecting the municipality.
Carried.
b) Motion to Rise and Report.
Motion No. C120627 -3
Moved by Evans, Seconded by Crawford
Be it resolved that we do now Rise at 6:22 p.m. and recess until 7:00 p.m. at which time
"""


def test_minutes_with_agenda_items_keep_resolutions_as_decisions() -> None:
    meeting = from_text(ORO_MEDONTE_2012, "2012-06-27.txt")
    assert table(meeting) == [
        ("1", "CALL TO ORDER - PRIVATE PRAYER/MOMENT OF REFLECTION"),
        ("2", "ADOPTION OF AGENDA"),
        ("3", "DISCLOSURE OF PECUNIARY INTEREST"),
        ("4", "CLOSED SESSION ITEMS"),
    ]
    assert [len(i.decisions) for i in meeting.items] == [0, 1, 0, 1]
    assert reading(_doc(ORO_MEDONTE_2012, "2012-06-27.txt")).line() == (
        "reading: headings (4 numbered headings)"
    )


def test_the_same_motions_without_headings_are_the_structure() -> None:
    # the agenda's headings taken out: the three motions, numbered with the meeting's date
    # ("0120627 -1", "C120627 -2"), and the paragraphs between them are the units
    text = "\n".join(line for line in ORO_MEDONTE_2012.splitlines() if not line[:1].isdigit())
    meeting = from_text(text, "2012-06-27.txt")
    assert table(meeting) == [
        ("0120627-1", "The agenda for the Council meeting of Wednesday, …"),
        ("", "None declared"),  # with "a) Motion to go In Closed Session.": no blank line
        ("C120627-2", "We do now go in Closed Session at 6:05 p.m"),
        ("", "b) Motion to Rise and Report"),
        ("C120627-3", "We do now Rise at 6:22 p.m"),
    ]
    assert meeting.items[0].decisions == (
        Decision(
            "0120627-1 Moved by Evans, Seconded by Crawford: Be it resolved that the agenda for "
            "the Council meeting of Wednesday, June 27, 2012 be received and adopted. Carried.",
            "carried",
        ),
    )


def test_reading_says_which_reading_and_why(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    assert reading(_doc(BILLINGS_2017, "2017-01-16.txt")).line() == (
        "reading: resolutions (3 numbered resolutions, no agenda headings)"
    )
    two = BILLINGS_2017.split("2017-11")[0]
    assert reading(_doc(two, "2017-01-16.txt")).line() == (
        "reading: none (no agenda headings, no numbered resolutions)"
    )
    path = tmp_path / "2015-01-06-council.txt"
    path.write_text(ASSIGINACK_2015, encoding="utf-8")
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[2] == "reading: resolutions (4 numbered resolutions, no agenda headings)"
    assert "date: 2015-01-06 (6 January 2015, from the text and file name)" in out
    assert "5 items, 4 decisions" in out


@pytest.mark.parametrize(
    ("lines", "number", "mover", "seconder"),
    [
        # the forms of eight bodies' published minutes: the issue's township
        (["R2023-169 D. Yemm, T. Butler:", "That the minutes … be adopted as published.  Carried."],
         "R2023-169", "D. Yemm", "T. Butler"),
        # Assiginack, Billings
        (["#001-01-15 – L. Fields – B. Case", "THAT the agenda for the Meeting be accepted."],
         "001-01-15", "L. Fields", "B. Case"),
        (["2017-060 Alkenbrack – Erskine", "BE IT RESOLVED that this regular meeting of Council"],
         "2017-060", "Alkenbrack", "Erskine"),
        # Oro-Medonte: the number alone over its mover and seconder
        (["Motion No. C120627 -2", "Moved by Evans, Seconded by Crawford",
          "Be it resolved that we do now go in Closed Session at 6:05 p.m. to discuss"],
         "C120627-2", "Evans", "Crawford"),
        # County of Peterborough
        (["25-2019 Moved by: Councillor Windover Seconded by: Councillor Vanderhorst", "",
          "Be it resolved that County Council adopts the agenda as circulated. Carried"],
         "25-2019", "Councillor Windover", "Councillor Vanderhorst"),
        # City of Kawartha Lakes (eSCRIBE): mover and seconder on lines of their own
        (["CR2019-138", "Moved ByDeputy Mayor Elmslie", "Seconded ByCouncillor Seymour-Fagan", "",
          "That the Closed Session agenda be adopted as circulated."],
         "CR2019-138", "Deputy Mayor Elmslie", "Councillor Seymour-Fagan"),
        # Municipality of Bayham: the resolution's words on the header's line
        (['2009-193 Moved by Councillor M Taylor Seconded by Councillor E Ketchabaw "THAT the '
          'minutes of the regular meeting held March 26,2009 be approved as circulated." CARRIED '
          "UNANIMOUSLY"],
         "2009-193", "Councillor M Taylor", "Councillor E Ketchabaw"),
        # County of Newell: no seconder, a lower-case "that"
        (["C-140/23 MOVED BY COUNCILLOR LYNETTE KOPP that the April 6, 2023 Council Meeting "
          "minutes be adopted as presented. MOTION CARRIED"],
         "C-140/23", "COUNCILLOR LYNETTE KOPP", ""),
    ],
)  # fmt: skip
def test_resolution_headers_of_eight_bodies(
    lines: list[str], number: str, mover: str, seconder: str
) -> None:
    header = header_at(lines, 0)
    assert header is not None
    assert (header.number, header.mover, header.seconder) == (number, mover, seconder)


@pytest.mark.parametrize(
    "lines",
    [
        ["2. ADOPTION OF AGENDA:", "a) Motion to Adopt the Agenda."],  # an agenda item
        ["2010 - 2014 COUNCIL", "Present: Mayor H.S. Hughes"],  # a council's term
        # a header over a matter paragraph, not over a resolution's words
        [
            "2014-146 Imrie – Parker",
            "Councillor Tom Imrie reported on the Billings Waterfront Improvement Committee "
            "meeting held last week.",
        ],
    ],
)
def test_not_resolution_headers(lines: list[str]) -> None:
    assert header_at(lines, 0) is None


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Motion carried (9 to 0).", ("carried", "9-0")),
        # another body's approval reported, not the meeting's vote (real Limerick
        # sentences, Metropolitan District 10 March 2025, Newcastle West 3 December 2014)
        (
            "Stage 2 submission was subsequently made and approved by the Department in July 2022.",
            None,
        ),
        ("extra funding was approved by the Department on 28 October, 2014", None),
        ("The item was deferred to the committee at its next meeting.", None),
    ],
)
def test_an_approval_by_another_body_is_no_outcome(
    text: str, outcome: tuple[str, str] | None
) -> None:
    from minutesqa.segment.decisions import outcome_of

    assert outcome_of(text) == outcome
