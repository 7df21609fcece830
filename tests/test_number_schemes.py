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
