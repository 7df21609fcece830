"""An item's reference alone on its line, its title on the next (issue 25, hold-out set 4):
a council's prefixed minute numbers on ModernGov's 'Agenda and minutes' pages ("CMD.14.20"
/ "Minutes of Meeting of ..."; lettered parts "CMD.90.21a" inside their item), read the way
a number alone on its line already is ("**2.**" over "**Title**", "041/23" over its cell):
the candidate has no title and the item's title is the next line. Short real passages of
Carrick on Shannon Municipal District's minutes (Leitrim County Council, Ireland; the
stored pages' text), each read as a whole meeting."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import Document, Meeting
from minutesqa.parse.text import normalise
from minutesqa.segment import segment
from minutesqa.segment.candidates import candidate_at


def from_text(text: str, name: str = "minutes.txt") -> Meeting:
    doc = Document(
        path=Path("/minutes") / name, text=normalise(text), format="txt", content_hash="0" * 64
    )
    return segment(doc)


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


# Carrick on Shannon Municipal District, 12 July 2021 (cut): three items, the first with
# two lettered parts
CARRICK_2021 = """Agenda and minutes

Carrick on Shannon Municipal District - Monday, 12th July, 2021 10.00 am

Venue: Via Ms Teams

Items
No. Item

CMD.90.21

Adoption of minutes.

CMD.90.21a

Minutes of Annual Meeting 14th June 2021

Minutes:

On the PROPOSAL of Cllr. Sean McGowan

             SECONDED by Cllr. Paddy Farrell

It was AGREED to adopt the minutes of Annual Meeting of 14th June 2021.

CMD.90.21b

Minutes of Meeting 14th June 2021

Minutes:

 It was AGREED to adopt the minutes of Meeting of 14th June 2021.

CMD.91.21

Meeting Correspondence

Minutes:

The Meetings Administrator said there was no meeting correspondence.

CMD.92.21

Motion from Councillor Des Guckian - Jet Skis and Speed Boats on the River Shannon

"""


def test_a_reference_alone_on_its_line_heads_the_item_titled_below() -> None:
    meeting = from_text(CARRICK_2021, "2021-07-12-MId384.txt")
    assert table(meeting) == [
        ("CMD.90.21", "Adoption of minutes."),
        ("CMD.91.21", "Meeting Correspondence"),
        (
            "CMD.92.21",
            "Motion from Councillor Des Guckian - Jet Skis and Speed Boats on the River Shannon",
        ),
    ]
    # the lettered parts are the item's text
    assert meeting.items[0].body.startswith("CMD.90.21a\n\nMinutes of Annual Meeting 14th June")


# Carrick on Shannon Municipal District, 10 February 2020 (cut): a minute's title as long
# as a sentence
CARRICK_2020 = """Carrick on Shannon Municipal District - Monday, 10th February, 2020 11.00 am

Items
No. Item

CMD.14.20

Minutes of Meeting of Carrick on Shannon Municipal District held on Monday 13th January 2020

Minutes:

Proposed by Councillor Enda Stenson, Seconded by Councillor Sean McGowan AND UNANIMOUSLY RESOLVED;

Mr Gilhooly responded that there was no problem at this location.

CMD.15.20

To consider the Schedule of Municipal District Works, to include the Area Programme, 2020
"""


def test_references_alone_climb_by_their_minute_number() -> None:
    meeting = from_text(CARRICK_2020, "2020-02-10-MId313.txt")
    assert table(meeting) == [
        (
            "CMD.14.20",
            "Minutes of Meeting of Carrick on Shannon Municipal District held on Monday 13th"
            " January 2020",
        ),
        (
            "CMD.15.20",
            "To consider the Schedule of Municipal District Works, to include the Area"
            " Programme, 2020",
        ),
    ]
    for line in ("CMD.1.20", "CMD.101.23", "CMD.90.21a"):
        c = candidate_at(line, 0)
        assert c is not None and (c.scheme, c.number, c.title) == ("ref", line, None)
    assert candidate_at("PM2.5", 0) is None  # a figure alone, never a reference
