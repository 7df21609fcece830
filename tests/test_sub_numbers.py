"""Sub-numbers inside their parent item (issue 25, hold-out set 4): an outline's lower
levels ("4.2.1" under "4.2" under "4."), numbered paragraphs ("5.1 Water leak ... was" /
"reported on ...") and minutes' points ("338.1 The Minutes ... were APPROVED.") are the
parent's text, never items of their own nor the parent's number. Short real passages of a
strata council's minutes (Cypress Point, Strata Plan NW2050, British Columbia; public
repository CypressPointStrata/CypressPointStrata.github.io, PDF text) and a parish
council's (East Farleigh, Kent; its web page's text), each read as a whole meeting."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import Document, Meeting
from minutesqa.parse.text import normalise
from minutesqa.segment import segment
from minutesqa.segment.candidates import Candidate, candidate_at


def from_text(text: str, name: str = "minutes.txt") -> Meeting:
    doc = Document(
        path=Path("/minutes") / name, text=normalise(text), format="txt", content_hash="0" * 64
    )
    return segment(doc)


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


# Cypress Point strata council, 25 April 2018 (the PDF's text, cut): an outline three
# levels deep under "4. COMMITTEE REPORTS", numbered paragraphs under "5." and "6."
CYPRESS_2018 = """STRATA PLAN NW 2050
Strata Council Meeting
Wednesday, April 25, 2018
Minutes

1. PRESENT: Gordon Farrell Billy Leung
Lindsay Armstrong Carole Borthwick

2. CALL TO ORDER: 6:45 pm

3. ADOPTION OF MINUTES

March 26, 2018 Minutes approved by email.

4. COMMITTEE REPORTS

4.1 Social
No reports

4.2 Grounds and Gardening

4.2.1 Landscaping

Council approved beginning a new contract with Wally Taylor Ltd.
Landscaping Company.

4.4 Maintenance

4.4.1 Assured Pest Control is working in and around Building C 7651
setting more live trap s.

4.6 Bylaw Committee

No reports at the moment.

5. NEW BUSINESS

5.1 Water leak in the hallway on the second floor of Building B 7531 was
reported on Friday, April 24, 2018. The water came from suite 324 as a
consequence of heavy and constant rain.

5.2 Power Washing, Skylight Washing and Spring Window Cleaning : Gleam
Building Maintenance Ltd., will be o n-site Tuesday May 1st, until Friday
May 4 th, 2018 for the power washing of the pool area.

6. OLD BUSINESS

6.1 While waiting for the quote on the repair of the hole in the driveway
between the parking gate of Building A and the parking gat e Building D.

6.2 Kindly reminding all residents in Building A, B, and C to please flatten the
cardboard boxes.

7. CORRESPONDENCE

Several noise complaints were received during the late hours of the night.

8. MEETING ADJOURNED: 9 pm

9. NEXT MEETING: Wednesday May 30, 2018
"""


def test_an_outline_three_levels_deep_keeps_its_top_level_as_the_items() -> None:
    meeting = from_text(CYPRESS_2018, "2018_04._April_25_2018.txt")
    assert table(meeting) == [
        ("1", "PRESENT: Gordon Farrell Billy Leung"),
        ("2", "CALL TO ORDER: 6:45 pm"),
        ("3", "ADOPTION OF MINUTES"),
        ("4", "COMMITTEE REPORTS"),  # not "4 | 2.1 Landscaping", nor 4.1 ... 4.6
        ("5", "NEW BUSINESS"),  # not "5.1 Water leak in the hallway ..."
        ("6", "OLD BUSINESS"),
        ("7", "CORRESPONDENCE"),
        ("8", "MEETING ADJOURNED: 9 pm"),
        ("9", "NEXT MEETING: Wednesday May 30, 2018"),
    ]
    assert "4.2.1 Landscaping" in meeting.items[3].body
    assert meeting.items[4].body.startswith("5.1 Water leak in the hallway")


def test_a_sub_number_two_levels_down_is_a_sub_item() -> None:
    c = candidate_at("4.2.1 Landscaping", 0)
    assert c is not None and (c.scheme, c.number, c.title) == ("sub", "4.2.1", "Landscaping")


# East Farleigh Parish Council, 7 April 2020 (the web page's text, cut): running minute
# numbers, and the planning minute's points numbered under it (its last minute)
EAST_FARLEIGH_2020 = """Minutes of the Joint Planning Committee and Full Parish Council Meeting held
on Tuesday 7th April at 7.00pm
In attendance: Desiree Home (Clerk)
334 APOLOGIES FOR ABSENCE
Cllr Paulina Stockell
335 RECORDING OF PROCEEDINGS
The Clerk was recording the meeting for the Parish Council
336 DECLARATIONS OF INTEREST AND LOBBYING
Cllr AW declared an interest in JBLC/Allotments
337 EXCLUSION OF THE PRESS AND PUBLIC
Members AGREED that no items required this and is not relevant
338 PLANNING COMMITTEE (For Planning Committee consideration only)
338.1 The Minutes of the Planning Meeting held on 3rd March 2020 were APPROVED.
No matters arising.
338.2 To consider the following planning applications:
- 20/501261/FULL PROPOSAL: 5 River Close East Farleigh
Unanimously AGREED to recommend APPROVAL
"""


def test_a_minutes_points_stay_inside_their_parent_minute() -> None:
    meeting = from_text(EAST_FARLEIGH_2020, "efpc-meeting-minutes-april-2020.txt")
    assert table(meeting) == [
        ("334", "APOLOGIES FOR ABSENCE"),
        ("335", "RECORDING OF PROCEEDINGS"),
        ("336", "DECLARATIONS OF INTEREST AND LOBBYING"),
        ("337", "EXCLUSION OF THE PRESS AND PUBLIC"),
        ("338", "PLANNING COMMITTEE (For Planning Committee consideration only)"),
    ]
    assert meeting.items[4].body.startswith("338.1 The Minutes of the Planning Meeting")


# Kaipātiki Local Board, 15 February 2017, and Waitematā Local Board, 20 March 2018 (Auckland
# Council's InfoCouncil minutes, the stored pages' text, cut): a sub-item's number alone
# on its line, its title on the next ("6.1" / "Diane Marguerite Vivian"), was item 6
# titled "1" in place of "6 Acknowledgements" (`candidates.SUB_ALONE`)
KAIPATIKI_2017 = """4          Confirmation of Minutes

Resolution number KT/2017/1

CARRIED

5          Leave of Absence

There were no leaves of absence.

6          Acknowledgements

6.1

Diane Marguerite Vivian

Mrs Diane Marguerite Vivian was appointed as a companion of the Queen's Service Order for
services to seniors and youth in the New Year Honours 2017.

Resolution number KT/2017/2
"""

WAITEMATA_2018 = """1          Welcome

Chair Pippa Coom opened the meeting and welcomed the members of the public in
attendance.

1.1

Statutory Declaration - Denise Roche

Denise Roche made an oral declaration and signed a written declaration, which was attested
by Chair Pippa Coom.

2          Apologies

Resolution number WTM/2018/21

3          Declaration of Interest

There were no declarations of interest.
"""


def test_a_sub_number_alone_on_its_line_stays_in_its_item() -> None:
    assert table(from_text(KAIPATIKI_2017, "KT_20170215_MIN_7050.txt")) == [
        ("4", "Confirmation of Minutes"),
        ("5", "Leave of Absence"),
        ("6", "Acknowledgements"),
    ]
    assert table(from_text(WAITEMATA_2018, "WTM_20180320_MIN_7225.txt")) == [
        ("1", "Welcome"),
        ("2", "Apologies"),
        ("3", "Declaration of Interest"),
    ]
    assert candidate_at("1.1", 0) == Candidate(0, "sub", 0, "1.1", None, 0.0)
