"""A numbered list inside an item that would run on as the meeting's numbering (issue 25,
hold-out set 4): a list started again at 1 inside item 4 climbs past 4 ("1." ... "18."),
and the item after the list prints one of its numbers again, going on from the item before
the list ("5.0 NEW BUSINESS" after "4.0 COMMITTEE REPORTS"): the whole list is item 4's
text (chains.lists_inside_items). Short real passages of a strata council's minutes
(Cypress Point, Strata Plan NW2050, British Columbia; public repository
CypressPointStrata/CypressPointStrata.github.io, PDF text), each read as a whole meeting."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import Document, Meeting
from minutesqa.parse.text import normalise
from minutesqa.segment import segment
from minutesqa.segment.candidates import candidate_at
from minutesqa.segment.chains import lists_inside_items


def from_text(text: str, name: str = "minutes.txt") -> Meeting:
    doc = Document(
        path=Path("/minutes") / name, text=normalise(text), format="txt", content_hash="0" * 64
    )
    return segment(doc)


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


# Cypress Point, 28 May 2025 (cut): the pool rules, numbered 1 to 18, inside item 4.0
CYPRESS_2025 = """Strata Plan NW2050
Strata Council Meeting Minutes
Wednesday, May 28, 2025

1.0 ATTENDEES

Present
 Gordon Farrell
 Carole Borthwick

2.0 CALL TO ORDER: 6:37 pm

3.0 ADOPTION OF MINUTES
Thursday, May 1, 2025 Strata Council Meeting Minutes were approved by email.

4.0 COMMITTEE REPORTS

4.1 Social
No report at the moment.

4.5.4 Pool Maintenance
The pool has been opened since May 10, 2025
CYPRESS POINT POOL RULES AND REGULATIONS
NO PERSON SHALL ENTER THIS POOL WHO:
1. Has not had a cleansing shower
2. Is obviously ill
3. Has open wounds or sores
4. Is wearing a bandage
5. Has sore or infected eyes
6. Has discharging ears or nose
7. Is not wearing clean or proper bathing attire (cut-off is not permitted)
8. Is intoxicated
9. Has no visible swimming tag attached to swimwear
10. Is under 14 years of age unless accompanied by an adult (19 or older)

NO PERSON SHALL ENTER THE POOL AREA:
11. Eat or drink
12. Carry glass containers of any kind
13. Push or run in the pool area
14. Wear swim fins or any other like equipment
15. Swim alone
CHILDREN
Huggies or Pampers are not acceptable swimwear.
5.0 NEW BUSINESS

5.1 Insurance for 2025-2026
Strata Council is currently in the process of reviewing options for the building's insurance

6.0 OLD BUSINESS
6.1 Electric Cars
Any volunteers to work on the electric cars committee?

7.0 CORRESPONDENCE
7.1 Incoming:
In response to the repeated openings being made in the fence, Strata Council is exploring the
possibility of establishing a permanent opening.

8.0 COMPLAINTS:
8.1 From Strata Lot Number 27 (Complaint No. 2)
8.2.6 Date Request for Hearing or Response Received: As yet, no request or response received

9.0 Fund review for March and April 2025.

March April
Contingency Fund 659,026.31 664,812.06

10.0 MEETING ADJOURNED: 7:56 pm
11.0 Next Strata Council Meeting Wednesday, June 25, 2025.
"""


def test_a_list_inside_an_item_never_runs_on_as_the_items() -> None:
    meeting = from_text(CYPRESS_2025, "2025-05-28-Minutes.txt")
    assert table(meeting) == [
        ("1.0", "ATTENDEES"),
        ("2.0", "CALL TO ORDER: 6:37 pm"),
        ("3.0", "ADOPTION OF MINUTES"),
        ("4.0", "COMMITTEE REPORTS"),
        ("5.0", "NEW BUSINESS"),
        ("6.0", "OLD BUSINESS"),
        ("7.0", "CORRESPONDENCE"),
        ("8.0", "COMPLAINTS"),
        ("9.0", "Fund review for March and April 2025."),
        ("10.0", "MEETING ADJOURNED: 7:56 pm"),
        ("11.0", "Next Strata Council Meeting Wednesday, June 25, 2025."),
    ]
    assert "15. Swim alone" in meeting.items[3].body


def _family(lines: list[str]) -> list:
    return [c for k, line in enumerate(lines) if (c := candidate_at(line, k)) is not None]


def test_only_a_list_whose_numbers_the_next_item_prints_again_is_taken_away() -> None:
    # Cypress Point, 25 April 2012 (cut): matters "1." ... "5." under item 4, then "5. NEW
    # BUSINESS": the list is item 4's text
    cypress_2012 = [
        "3. ADOPTION OF MINUTES",
        "4. COMMITTEE REPORTS",
        "1. Imperial Paddock Pool have been on site repairing missing tile in the",
        "2. A contractor will be on site to view the deteriorated cedar seating",
        "3. It is being reported that empty pizza boxes and empty bottles of",
        "4. Gord was to hold a shared facility meeting to ask for volunteers to",
        "5. Lounge renovation – council confirmed details of new blind",
        "5. NEW BUSINESS",
    ]
    assert lists_inside_items(_family(cypress_2012)) == frozenset({2, 3, 4, 5, 6})
    # a list no later heading prints again goes on as the chain may read it
    assert lists_inside_items(_family(cypress_2012[:7])) == frozenset()
