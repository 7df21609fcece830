"""Item structures of small bodies' minutes met on first contact (collected minutes of
English parish councils and a US township): "N.0" numbering, unnumbered labels that open
each paragraph, upper-case labels. Each test is a short real passage."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import DocHints
from minutesqa.segment.body_names import body_name
from tests.test_segment import from_text

# Wereham Parish Council, 8 July 2014 and the annual meeting of 13 May 2014 (typed to a
# report template: each item "N.0", its points "N.1", "N.2" under it)
WEREHAM_JULY_2014 = """WEREHAM PARISH COUNCIL

Minutes of the Ordinary Parish Council Meeting

8th July 2014 at 7.30pm

2.0 Minutes of Previous Meeting

2.1 To confirm as a correct record the Minutes of the Annual Parish Meeting held on 13th May 2014.

3.0 Resignation of Cllr Phil Norris

3.1 This was formally noted and thanks were minuted for all the hard work and dedication from Phil

4.0 Formal Notification of a Council Vacancy

4.1 The formal 14 day period of notification of a Casual Council Vacancy will run until 28th July.

5.0 Declarations of Interest on Agenda Items and Dispensation Requirements

5.1

5.2 No interests were declared.
"""
WEREHAM_MAY_2014 = """WEREHAM PARISH COUNCIL

DRAFT Minutes of the Annual Meeting of the Parish Council

13th May 2014 at 7.20pm

2.0 Election of Vice Chair

2.1 DD put himself forward as Vice Chair. Prop. JB, 2nd GK, All in favour.

3.0 Appoint Staffing Committee Representatives

3.1 GK, DD, RL and KN appointed. Prop. JB, 2nd PN, All in favour.

4.0 Apologies for absence.

4.1 Cllr Karin Newell and Victoria Gray both noted that they would be arriving late.
"""


def test_items_numbered_n_point_zero_hold_their_points() -> None:
    m = from_text(WEREHAM_JULY_2014)
    assert [(i.number, i.title, i.body.split()[0]) for i in m.items] == [
        ("2.0", "Minutes of Previous Meeting", "2.1"),
        ("3.0", "Resignation of Cllr Phil Norris", "3.1"),
        ("4.0", "Formal Notification of a Council Vacancy", "4.1"),
        ("5.0", "Declarations of Interest on Agenda Items and Dispensation Requirements", "5.1"),
    ]
    m = from_text(WEREHAM_MAY_2014)
    assert [(i.number, i.title, i.body) for i in m.items] == [
        (
            "2.0",
            "Election of Vice Chair",
            "2.1 DD put himself forward as Vice Chair. Prop. JB, 2nd GK, All in favour.",
        ),
        (
            "3.0",
            "Appoint Staffing Committee Representatives",
            "3.1 GK, DD, RL and KN appointed. Prop. JB, 2nd PN, All in favour.",
        ),
        (
            "4.0",
            "Apologies for absence.",
            "4.1 Cllr Karin Newell and Victoria Gray both noted that they would be arriving late.",
        ),
    ]


# Wereham Parish Council, 13 July 2004, and West Dereham Parish Council, 10 February 2005:
# each paragraph opens with its item's label and a colon
WEREHAM_2004 = """Minutes of the Wereham Parish Council Meeting held on Tuesday 13th July 2004 \
in the

Village Hall at 7.30 p.m.

Present: R. Lankfer - Chairman, G. Clere, C. Humphries, T. Manley - Borough Councillor.

Apologies: Mrs. Willis, G. Gott, D. Pickston and P. Markwell.

Minutes: It was agreed that the Parish Meeting minutes be agreed as correct.

Matters Arising: The Memorial Garden is now satisfactory.

Planning: Mr. & Mrs. Fisher, Mulberry Cottage, Back Lane - extension to dwelling.

Any Other Business: No-Where Lane need cutting.

The meeting closed at 8.40 p.m.

Parish Clerk
"""
WEST_DEREHAM_2005 = """Minutes of the meeting of the West Dereham Parish Council held on \
Thursday 10th February 2005 in the Village Hall at 8.00 p.m.

Present: E. Drew - chairman, Mrs. Berry, Miss Richardson, M. Grief, Mrs. Cann, Mrs. Fisher.

Apologies: None

Minutes: Miss Richardson proposed and M. Grief seconded that the minutes of the meeting held \
on 13th January 2005 be signed as a correct record.

Planning: Mrs. R. Hepworth - Conversion and extension of barn to form residential annex, The \
Row, West Dereham - recommend approval.

LS. Reeks - Retention of car part and pergola 6 Church Road - recommend approval.

Payments: Audit Commission £58.75: Thomas B. Bonnett £179.35 - Proposed Mrs. Cairn and \
seconded M. Grief pass for payment -agreed.
"""


def test_paragraphs_opening_with_labels_are_the_items() -> None:
    m = from_text(WEREHAM_2004)
    assert [(i.title, i.body) for i in m.items] == [
        ("Minutes", "It was agreed that the Parish Meeting minutes be agreed as correct."),
        ("Matters Arising", "The Memorial Garden is now satisfactory."),
        ("Planning", "Mr. & Mrs. Fisher, Mulberry Cottage, Back Lane - extension to dwelling."),
        (
            "Any Other Business",
            "No-Where Lane need cutting.\n\nThe meeting closed at 8.40 p.m.\n\nParish Clerk",
        ),
    ]
    # "Present:" and "Apologies:" stay the header's
    assert (m.attendance.present[:11], m.attendance.apologies[:10]) == ("R. Lankfer ", "Mrs. Willi")
    m = from_text(WEST_DEREHAM_2005)
    assert [(i.number, i.title, i.body.split(" - ")[0]) for i in m.items] == [
        ("", "Minutes", m.items[0].body),
        ("", "Planning", "Mrs. R. Hepworth"),
        ("", "Payments", "Audit Commission £58.75: Thomas B. Bonnett £179.35"),
    ]
    assert m.items[1].body.endswith(
        "LS. Reeks - Retention of car part and pergola 6 Church Road - recommend approval."
    )


# Stoke Ferry Parish Council, 15 December 2010: two labels, then topics each a heading
# alone in its paragraph
STOKE_FERRY_2010 = """Minutes of Stoke Ferry Parish Council Meeting held in The Community Centre

At 7.30pm on Wednesday 15 December 2010

Those Attending: Cllr Mrs T Mann (Chairman), Cllr Mrs M Leamon, Cllr D Summers.

Apologies: Apologies were received from Cllr Mrs Lansdell-Williams and PCSO Sara Green

Minutes of the last Meeting: Cllr Mrs Leamon proposed acceptance, seconded by Cllr Summers.

Matters Arising:

a) Fence/Footpath near The Moorings/The Old Bull - nothing further to report

Remembrance Sunday - Update

The Chairman reported a very good turnout - it seemed to be OK

Stoke Ferry Youth Club

An email had been received from NALC advising that the Youth Club were not happy.
"""


def test_headings_alone_in_their_paragraphs_among_labelled_ones_are_items() -> None:
    m = from_text(STOKE_FERRY_2010)
    assert [(i.title, i.body) for i in m.items] == [
        (
            "Minutes of the last Meeting",
            "Cllr Mrs Leamon proposed acceptance, seconded by Cllr Summers.",
        ),
        (
            "Matters Arising",
            "a) Fence/Footpath near The Moorings/The Old Bull - nothing further to report",
        ),
        (
            "Remembrance Sunday - Update",
            "The Chairman reported a very good turnout - it seemed to be OK",
        ),
        (
            "Stoke Ferry Youth Club",
            "An email had been received from NALC advising that the Youth Club were not happy.",
        ),
    ]


# Crete Township Board of Trustees, 31 March 2025 (a PDF: no blank lines), and the Township
# of Assiginack's special meeting of 26 September 2023: labels in capitals, a colon or a
# dash after them, the text on the same line or the next, or none
CRETE_2025 = """State of Illinois
County of Will
Town of Crete
CRETE TOWNSHIP SPECIAL BOARD OF TRUSTEES MEETING
March 31, 2025
The regular board meeting of the Crete Township Board of Trustees was called to order by Supervisor
Liccar at 4:00 PM.
A Pledge of Allegiance was given.
REPORTS:
Supervisor Liccar mentioned that this meeting was to discuss the grant for community development
area.
Clerk: See written report.
OLD BUSINESS –
NEW BUSINESS –
CITIZENS TO ADDRESS THE BOARD
CORRESPONDENCE –
EXECUTIVE SESSION –
A Motion to adjourn was made by Trustee Elton, seconded by Trustee Albrecht. All were in favor.
"""
ASSIGINACK_2023 = """THE CORPORATION OF THE TOWNSHIP OF ASSIGINACK
MINUTES OF THE SPECIAL COUNCIL MEETING

The Special Meeting of the Council of the Corporation of the Township of Assiginack was held \
at the Waste Management Depot on Tuesday, September 26, 2023, at 6:00 p.m.

Present: Mayor Brenda Reid

OPENING:

The Land Acknowledgement was read.

DISCLOSURE OF PECUNIARY INTEREST:
NONE

ANNOUNCEMENTS:
The Mayor shared that she received an email from a citizen.

ADOPTION OF MINUTES:
NONE
"""


def test_labels_in_capitals_are_the_items_and_the_title_is_the_headers() -> None:
    m = from_text(CRETE_2025)
    assert [(i.title, i.body) for i in m.items] == [
        (
            "REPORTS",
            "Supervisor Liccar mentioned that this meeting was to discuss the grant for "
            "community development area.\nClerk: See written report.",
        ),
        ("OLD BUSINESS", ""),
        ("NEW BUSINESS", ""),
        ("CITIZENS TO ADDRESS THE BOARD", ""),
        ("CORRESPONDENCE", ""),
        (
            "EXECUTIVE SESSION",
            "A Motion to adjourn was made by Trustee Elton, seconded by Trustee Albrecht. All "
            "were in favor.",
        ),
    ]
    assert m.committee == "Crete Township Board of Trustees"  # "Special": the meeting's kind
    m = from_text(ASSIGINACK_2023)
    assert [(i.title, i.body) for i in m.items] == [
        ("OPENING", "The Land Acknowledgement was read."),
        ("DISCLOSURE OF PECUNIARY INTEREST", "NONE"),
        ("ANNOUNCEMENTS", "The Mayor shared that she received an email from a citizen."),
        ("ADOPTION OF MINUTES", "NONE"),
    ]


def test_a_name_said_again_in_full_on_the_next_line_is_not_joined_to_it() -> None:
    # San Juan Water District's financing corporation, 11 December 2019; Crete Township, 9
    # October 2024: the second line names the body in full, it does not continue the first
    sjwd = [
        "SAN JUAN WATER DISTRICT",
        "San Juan Suburban Water District Financing Corporation",
        "Annual Meeting Minutes",
        "December 11, 2019 – 6:00 p.m.",
    ]
    crete = [
        "State of Illinois",
        "County of Will",
        "Town of Crete",
        "CRETE TOWNSHIP BOARD OF TRUSTEES MEETING",
        "March 9, 2022",
    ]
    names = [body_name(lines, Path("minutes.md"), DocHints()) for lines in (sjwd, crete)]
    assert names == [
        "San Juan Suburban Water District Financing Corporation",
        "Crete Township Board of Trustees",
    ]


# Stoke Ferry Parish Council, 9 September 2020 (a PDF's text saved as one paragraph), and
# West Dereham Parish Council, 1 June 2017: minute references run together in one line
STOKE_FERRY_2020 = (
    "Minutes of the Ordinary Meeting held on Wednesday 9 September 2020 at 7.00 pm, Virtually "
    "online via Zoom Present: Cllr Sue Lintern (Chair) Cllr Kit Hesketh-Harvey (Vice-Chair) "
    "(From 133/20 to end) Cllr Stuart Collins 150/20 Openness and Transparency Notice The "
    "Chair read the notice. 151/20 Aggressive and Abusive Behaviour The Chair read the notice. "
    "152/20 To Receive and Consider Acceptance for Apologies of Absence Apologies were "
    "received and accepted from Cllr Donna Stocking. 153/20 To Receive Declarations of "
    "Interest from Members Cllr Sue Lintern declared an interest regarding Planning "
    "Application for tree maintenance detailed within the Clerks report at item 155/20.\n"
)
WEST_DEREHAM_2017 = (
    "DRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING HELD AT WEST DEREHAM VILLAGE "
    "HALL AT 7.00 pm ON THURSDAY 1 JUNE 2017\n\n"
    "70/17 Apologies for absence Apologies had been received from Tom Foy (TF) who was "
    "unavoidably detained at work. 71/17 Declaration of Interest on agenda items No "
    "declarations were made. 72/17 Use of social media, audio recording of meeting and "
    "invitation for public contributions CC asked “Will anyone present be filming, recording, "
    "blogging, or tweeting during this meeting?” There was no response from the members of "
    "the public present.\n"
)


def test_minute_references_run_together_in_one_line_are_the_items() -> None:
    m = from_text(STOKE_FERRY_2020)
    assert [(i.number, i.title, i.body[:24]) for i in m.items] == [
        ("150/20", "Openness and Transparency Notice", "The Chair read the notic"),
        ("151/20", "Aggressive and Abusive Behaviour", "The Chair read the notic"),
        (
            "152/20",
            "To Receive and Consider Acceptance for Apologies of Absence",
            "Apologies were received ",
        ),
        ("153/20", "To Receive Declarations of Interest from Members", "Cllr Sue Lintern declare"),
    ]
    m = from_text(WEST_DEREHAM_2017)
    # (71/17's title runs into "No declarations were made.": no subject opens there)
    assert [i.number for i in m.items] == ["70/17", "71/17", "72/17"]
    assert (m.items[0].title, m.items[0].body) == (
        "Apologies for absence",
        "Apologies had been received from Tom Foy (TF) who was unavoidably detained at work.",
    )


def test_the_meeting_words_between_an_organisation_and_its_board_go() -> None:
    """The organisation on one line and "Regular Meeting of the Board of Trustees" on the
    next are one name without the meeting's words (Warrenville Public Library District, 22
    May 2019, a scanned PDF's text; Town of Amherst, 16 December 2019)."""
    warrenville = [
        "WARRENVILLE PUBLIC LIBRARY DISTRICT",
        "Regular Meeting of the Board of Trustees",
        "Wednesday, May 22, 2019",
    ]
    amherst = ["Town of Amherst", "Special Meeting of the Town Council", "December 16, 2019"]
    names = [body_name(lines, Path("minutes.md"), DocHints()) for lines in (warrenville, amherst)]
    assert names == [
        "Warrenville Public Library District Board of Trustees",
        "Town of Amherst Town Council",
    ]


def test_a_label_line_under_the_name_is_the_label_s_field() -> None:
    """ "Location: Betty J Queen Center" under "Commission on Aging" (Louisa County, 5 June
    2019, a Word file's bold header lines) is where the meeting was, not the rest of the
    body's name, nor a name of its own."""
    louisa = ["Commission on Aging", "Location: Betty J Queen Center", "Minutes", "June 5, 2019"]
    assert body_name(louisa, Path("6-5-19.docx"), DocHints()) == "Commission on Aging"


def test_a_kind_of_body_takes_the_name_the_header_writes_it_with() -> None:
    """ "the Parish Council" where the header also writes "KINGS CAPLE PARISH COUNCIL" (a PDF's
    text as one run-on paragraph, Kings Caple, 16 July 2020): the body is the one the kind
    belongs to. The meeting's kind ("Annual") is no one's name, and a name with words of its
    own ("Licensing Board" under the mayor's name, City of Boston, 30 April 2020) is kept."""
    kings_caple = [
        "1/ 2020/21 KINGS CAPLE PARISH COUNCIL Regular Meeting of the Parish Council held via"
        " Zoom at 7.30pm on Thursday 16th July 2020 Present Parish Cllrs: Adrian Harvey"
    ]
    annual = ["Minutes of the Annual Meeting of the Parish Council", "18th May 2017"]
    boston = ["City of Boston", "Mayor Martin J. Walsh", "Licensing Board", "Commissioners:"]
    names = [
        body_name(lines, Path("minutes.txt"), DocHints()) for lines in (kings_caple, annual, boston)
    ]
    assert names == ["Kings Caple Parish Council", "Parish Council", "Licensing Board"]


def test_a_name_printed_twice_over_two_lines_is_one_name() -> None:
    """ "SUMMARY OF DES MOINES CITY COUNCIL MEETING" over "DES MOINES CITY COUNCIL MEETING"
    (Des Moines, 22 February 1999): the two lines read as one give the name twice, which
    is no fuller name for it."""
    header = [
        "SUMMARY OF DES MOINES CITY COUNCIL MEETING",
        "DES MOINES CITY COUNCIL MEETING",
        "February 22, 1999 4:30 P.M.",
    ]
    assert body_name(header, Path("minutes.pdf"), DocHints()) == "Des Moines City Council"
