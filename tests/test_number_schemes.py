"""Item numbers misread on first contact (issue 25, session 14): minute numbers of a
constant first part and a climbing second ("22.17", "22.18", "22.19": the year, then the
minute's count; `references.constant_part_minutes`), and a roll call or minute reference
printed before the agenda number on the heading's line ("99-464 1. ROLL CALL", "C048/23
1. APOLOGIES FOR ABSENCE"; `candidates.REFERENCE_PREFIX`). Short real passages, each read
as a whole meeting."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import DocHints, Document, Meeting
from minutesqa.parse.text import normalise
from minutesqa.segment import segment


def from_text(text: str, name: str = "minutes.txt") -> Meeting:
    doc = Document(
        path=Path("/minutes") / name,
        text=normalise(text),
        format="txt",
        content_hash="0" * 64,
        hints=DocHints(),
    )
    return segment(doc)


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


def body(meeting: Meeting, number: str) -> str:
    return next(i.body for i in meeting.items if i.number == number)


# --- a constant first part, a climbing second ------------------------------------------------

# Melton Parish Council (Suffolk), full council of 30 March 2022 (the council's web page of
# its Word minutes): the year, then the minute's count through it; sub-minutes "22.23.01"
MELTON_2022_03 = """Minutes of the Meeting of Melton Parish Council held on
Wednesday 30th March 2022 commencing at 19:00 at 17 Riduna Park, Station Road, Melton IP12 1QT.

Item No              Item to be discussed

22.22                  To receive apologies for absence

Apologies were received from Cllrs Packard and James. Cllr Harvey-Smith attended by Zoom.

22.23                  Declarations of Interest

22.23.01                To receive Amendments to the Register

There were none

22.23.02      To receive Declarations of Pecuniary Interest in Respect of Items on the Agenda

There were none

22.24                 Public Participation Session

22.24.01               To receive a Report from the District Councillor

No report was received
"""

# Melton Parish Council, 18 January 2023: the count starts again with the year
MELTON_2023_01 = """Minutes of the Meeting of Melton Parish Council held on
Wednesday 18th January 2023 commencing at 19:00.

23.01                  To receive apologies for absence

Apologies were received from Cllrs Hilson and Holmes.

23.02                  Declarations of Interest

23.02.01                To receive Declarations of Interest in Respect of Items on the Agenda

There were none

23.03                  Public Participation Session

23.03.01                To receive a Report from the District Councillor
"""

# A parish council's minutes of 10 July 2023 (scribd.com/document/671639675/2307-minutes-
# draft): the year and month, then the minute's count
PARISH_2307 = """Minutes of the Parish Council Meeting
held in the Village Hall
on Monday 10th July 2023 at 7.30pm

2307.01 Present
Councillors: E. Simpson (ES)(Chairman), J Green (JG), J. Shields (JS), A.Wragg (AWr)
In Attendance : 2 members of public

2307.02 Disclosure of Interests None.

2307.03 Minutes of the Meeting of the Parish Council (PC) on 12th June 2023
It was resolved that the minutes of the meeting on 12th June 2023 are approved and
the Chairman duly signed them in order to verify approval.

2307.04 Chairman's Formal Announcements


2307.05 Co-option of Councillor

No applications for co-option had been received. Matter to be listed at next meeting.
"""


def test_year_dot_minute_numbers_are_one_flat_count() -> None:
    # before: sub-items of a "22" no line heads, and "22.23.01" item 22 titled "23.01 ...":
    # no items at all (the whole file one)
    meeting = from_text(MELTON_2022_03)
    assert table(meeting) == [
        ("22.22", "To receive apologies for absence"),
        ("22.23", "Declarations of Interest"),
        ("22.24", "Public Participation Session"),
    ]
    assert "22.23.01 To receive Amendments to the Register" in body(meeting, "22.23")
    assert "There were none" in body(meeting, "22.23")


def test_year_dot_minutes_from_01_over_points_that_read_as_dates() -> None:
    # before: "23.02.01" and "23.03.01" read as year, month and number ("dated"), the only
    # two items, the minutes above them lost
    assert table(from_text(MELTON_2023_01)) == [
        ("23.01", "To receive apologies for absence"),
        ("23.02", "Declarations of Interest"),
        ("23.03", "Public Participation Session"),
    ]


def test_year_and_month_before_the_minute_number() -> None:
    # before: no candidate at all (a four-digit first part), the whole file one item
    assert table(from_text(PARISH_2307)) == [
        ("2307.01", "Present"),
        ("2307.02", "Disclosure of Interests None."),
        ("2307.03", "Minutes of the Meeting of the Parish Council (PC) on 12th June 2023"),
        ("2307.04", "Chairman's Formal Announcements"),
        ("2307.05", "Co-option of Councillor"),
    ]


def test_an_outline_whose_first_part_climbs_is_no_flat_count() -> None:
    # points under items whose headings the text lost: the first part climbs (4, 5), so
    # the numbers are an outline's, not minutes of one count
    text = "\n\n".join(
        [
            "Minutes of the meeting of the Board held on 3 May 2021",
            "4.1 Social Committee",
            "The committee met twice.",
            "4.2 Grounds and Gardening",
            "The hedges were cut.",
            "5.1 Water leak in Building B",
            "The leak was repaired.",
        ]
    )
    assert [n for n, _ in table(from_text(text))] == ["document"]


# --- a reference before the agenda number -------------------------------------------------

# Des Moines City Council, 22 February 1999 (the clerk's "SUMMARY OF DES MOINES CITY COUNCIL
# MEETING", a PDF's text; adam-on-the-internet/dsm-pth): each action's roll call number,
# then its agenda number
DES_MOINES_1999 = """SUMMARY OF DES MOINES CITY COUNCIL MEETING
DES MOINES CITY COUNCIL MEETING
February 22, 1999 4:30 P.M.
INVOCATION:
Ward II Council Member
Mike McPherson
99-464 1. ROLL CALL: Present: Daniels, Coleman, Flagg, Hensley, McPherson, Belken and
Vlassis.
99-465 2. APPROVING AGENDA, AS PRESENTED AND/OR, AS AMENDED:
99-466 3. APPROVING CONSENT AGENDA - items 3 through 47:
Moved by
McPherson to adopt. Motion Carried 7-0.
LICENSES AND PERMITS:
Approving
99-467 4. Communication from Legal Department regarding February 22, 1999 License and
Permit Agenda. Moved by McPherson to receive and file. Motion Carried 7-0.
Class "C" Beer Licenses
99-468 5. Git N Go Convenience Stores, Inc., Dennis Flora, President dba Git N Go Store #10,
816 East Euclid; Renewal - Expires 3-30-99 (With Sunday Sales) - Application submitted 1-11-
99. Moved by McPherson to adopt. Motion Carried 7-0.
"""

# Des Moines City Council, special meeting of 14 January 2022: a numbered list inside item 3
DES_MOINES_2022 = """SUMMARY OF DES MOINES CITY COUNCIL MEETING
January 14, 2022
7:30 AM

22-0073 1. ROLL CALL: Present: Cownie, Boesen, Mandelbaum, Voss and Westergaard. Absent:
Gatto. Sheumaker arrived at 7:32 a.m.

22-0074 2. APPROVING AGENDA, AS PRESENTED AND/OR, AS AMENDED: Moved by Boesen.

22-0075 3. Council Discussion on Cold Weather Events and Direction to Staff to Prepare
Policies Related Thereto. Moved by Mandelbaum to address cold weather conditions as follows:

1. Direct city staff to continue working with shelters and Polk County to implement
weather amnesty during cold weather events.

2. Direct staff to city staff to implement an operational policy for weather amnesty for
encroachment clean-ups 48 hours prior to the wind chill reaching 10° F – consistent
with the current Polk County Comprehensive Emergency Plan.

3. Request that the Homeless Coordinating Council in collaboration with city staff, Polk
County Emergency Management and partners review this winter's cold weather events
and develop recommendations for changes, if any, to the approach for cold weather.
"""

# Choppington Parish Council (Northumberland), 22 November 2023 (the council's web page):
# the minute's reference, then the agenda number
CHOPPINGTON_2023 = """Minutes of Parish Council 22 November 2023

AGENDA PART 1

C048/23      1.         APOLOGIES FOR ABSENCE.

Cllr L Watson and Cllr J Foster (family commitment), Cllr A Hart (work commitment)
and Cllr H Allsopp (leave).

C049/23      2.         DECLARATIONS OF DISCLOSABLE PECUNIARY AND OTHER REGISTERABLE INTEREST(s)

No declarations

C050/23      3.         PUBLIC QUESTIONS.

No questions had been received

C051/23      4.         PLANNING MATTERS FOR CONSIDERATION.

The Parish Clerk reported that there were no planning matters requiring consideration.
"""


def test_a_roll_call_number_before_the_agenda_number() -> None:
    # before: no heading opens "99-464 1.", the chain none; the file read otherwise
    meeting = from_text(DES_MOINES_1999, "1999-02-22_meeting_minutes.txt")
    assert table(meeting) == [
        ("1", "ROLL CALL"),
        ("2", "APPROVING AGENDA, AS PRESENTED AND/OR, AS AMENDED"),
        ("3", "APPROVING CONSENT AGENDA"),
        (
            "4",
            "Communication from Legal Department regarding February 22, 1999 License and "
            "Permit Agenda. Moved by McPherson to receive and file. Motion Carried 7-0.",
        ),
        (
            "5",
            "Git N Go Convenience Stores, Inc., Dennis Flora, President dba Git N Go Store "
            "#10, 816 East Euclid; Renewal - Expires 3-30-99 (With Sunday Sales) - Application "
            "submitted 1-11-",
        ),
    ]
    # the roll call's number opens the item's text, where a question finds it
    assert body(meeting, "1").startswith("99-464")
    assert "Present: Daniels, Coleman" in body(meeting, "1")


def test_the_roll_call_numbered_items_over_a_list_inside_one() -> None:
    # before: no items but the list inside item 3 ("1. Direct city staff ..."); an item
    # whose text is on its heading's line ("Moved by Boesen.") is no contents line
    meeting = from_text(DES_MOINES_2022, "2022-01-14_special-meeting.txt")
    assert [n for n, _ in table(meeting)] == ["1", "2", "3"]
    assert table(meeting)[2][1].startswith("Council Discussion on Cold Weather Events")
    assert "3. Request that the Homeless Coordinating Council" in body(meeting, "3")


def test_a_minute_reference_before_the_agenda_number() -> None:
    # before: "C048/23" no reference scheme reads, the whole file one item
    meeting = from_text(CHOPPINGTON_2023)
    assert table(meeting) == [
        ("1", "APOLOGIES FOR ABSENCE."),
        ("2", "DECLARATIONS OF DISCLOSABLE PECUNIARY AND OTHER REGISTERABLE INTEREST(s)"),
        ("3", "PUBLIC QUESTIONS."),
        ("4", "PLANNING MATTERS FOR CONSIDERATION."),
    ]
    assert body(meeting, "2").startswith("C049/23")
