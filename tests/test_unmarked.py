"""Headings printed with no number and no mark, read from the text's shape (segment/
unmarked.py): short title-shaped lines standing alone between paragraphs, in a council's
web pages stored as text (Coffs Harbour City Council, every paragraph one line between
blank lines), a commission's Word minutes exported to PDF (Louisa County Commission on
Aging, wrapped lines and no blank lines) and a hackspace board's Markdown (Hackspace
Manchester). Each test is a short real passage."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import Document
from minutesqa.parse.text import normalise
from minutesqa.segment import WHOLE_DOCUMENT, reading, segment
from tests.test_segment import from_text

# Coffs Harbour City Council, Ordinary Council Meeting, 11 November 2021 (the council's
# InfoCouncil page as text; the Acknowledgement of Country shortened)
COFFS_2021_11_11 = """Ordinary Council Meeting Minutes                                               11 November 2021

  Crestclr

MINUTES

coffs harbour CITY cOUNCIL
Ordinary Council Meeting
Council Administration Building

Cnr Coff and Castle Streets, Coffs Harbour
ON Thursday, 11 November 2021 AT 5.00pm

PRESENT:              Cr Denise Knight, Cr Michael Adendorff, Cr Paul Amos, Cr John Arkan, Cr George Cecato, Cr Keith Rhoades, Cr Tegan Swan, Cr Sally Townley

STAFF:                    Acting General Manager, Director Sustainable Infrastructure, Director Sustainable Communities and Executive Assistant

Leave of Absence       Nil

Opening of Ordinary Meeting

The meeting commenced at 5.00pm with the Mayor, Cr D Knight in the chair.

Acknowledgement of Country

We respectfully acknowledge the traditional custodians of the land on which we meet, the Gumbaynggirr people, who have cared for this land since time immemorial.

Statement in relation to Recording of Meetings

The Mayor reminded the Chamber that the meeting was to be recorded and live audio streamed, and that no other recordings of the meeting would be permitted.

Disclosure of Interest

No disclosures of interest.

Apologies

No apologies

Leave of Absence

No requests for leave of absence.

Confirmation of Minutes

2021/278

Resolved (Cr John Arkan / Cr George Cecato)

That the minutes and the confidential minutes of the Ordinary Meeting held on 28 October 2021 be confirmed.

The Motion on being put to the meeting was carried unanimously.

Carried

General Manager's Reports

GM21/24         2020-2021 Audit and Risk Committee Annual Report to Council

Executive Summary
"""  # noqa: E501

# the same council, 6 December 2018: a disclosure table and a public addresses table read
# one cell a line (the Acknowledgement and Statement left out)
COFFS_2018_12_06_TABLES = """Ordinary Council Meeting Minutes                           6 December 2018

Opening of Ordinary Meeting

The meeting commenced at 5.00pm with the Mayor, Cr D Knight in the chair.

Disclosure of Interest

Councillor

Items

Type of Interest

Cr John Arkan

SC18/04 Alterations and Additions to an Approved Development

Non-Pecuniary - Less Than Significant Conflict as he owns real estate in Woolgoolga.

Apologies

2018/266

Resolved (Cr George Cecato / Cr Sally Townley)

That an apology received from Councillor Rhoades for unavoidable absence be received and accepted.

The Motion on being put to the meeting was carried unanimously.

Carried

Public Addresses

Time

Speaker

Item

5.00pm

John Lawler

Chairman Coffs Harbour Regional Boat Ramp Precinct Enhancement Committee

(Geoff Parker – Technical)

For BS18/73 Coffs Harbour Regional Boat Ramp Precinct Enhancement Committee – Final Report – Enhancements for the Coffs Harbour Regional Boat Ramp Precinct

5.05pm

Peter Wardman

Against BS18/74 Coffs Harbour Regional Airport Governance and Management Options – Stage 2 Evaluation Report
"""  # noqa: E501

# Louisa County Commission on Aging, 4 October 2023 (a Word file exported to PDF, as the
# PDF's text layer reads: lines wrapped at the page width, no blank line between
# paragraphs; the luncheon's logistics shortened)
LOUISA_2023_10_04 = """Louisa County Commission on Aging
Meeting Minutes – October 4, 2023

The meeting was called to order by Chair Jo Griffith at 10:14 a.m. In attendance
were Jo Griffith, Jon Tustin, Jody McEwen, Lillian Morris, Willie Gentry, Florence
Reece, Kathy Swarthout, James Smith, Barbara Hollins and Lily Bramble.
A motion to approve the minutes - Jo recapped the minutes - of the September 6,
2023 meeting was made and was approved unanimously.

Treasurer’s Report
Lillian reported that the balance in the COA budget was $4,998.46. A check in the
amount of $50.00 to cover registration for the Fall Festival was the only expense.
A motion was made to accept the treasurer’s report and was approved
unanimously.

Lillian will deliver annual Financial Report to Wanda Colvin/Deputy County
Administrator.
Chair
Jo indicated Tammy Rogers/Green Springs has stepped down.
Old Business
Jo reported that she gave a presentation before the Louisa BOS on September 18.
It went well, no questions. Joanne, Jon and Lily attended.
Little Yellow Book
Jo disseminated pages to each Commission member via email, from the Little
Yellow Book to be responsible for verifying specific phone numbers. The Book will
be reprinted for 2014-15 calendar year, and will be available for the annual
Holiday Luncheon.
Holiday Luncheon

Logistics for the December Holiday Luncheon were discussed. Jon handed out
“Planning for the Holiday Event” check sheet – see attached.
COA members will meet at BJQ at 9am the day of the event to setup.
Louisa County Fall Festival
The Louisa County Fall Festival will be held Oct. 7th at Walton Park. Several
members volunteered to staff the COA tent at the festival:
Jo, Jody, Jon, Kathy, and Lillian have signed up to set-up and staff the table.

The meeting was adjourned at approximately 11:25 a.m.
Respectfully submitted by Lily Bramble.
"""  # noqa: E501

# Louisa County Commission on Aging, 6 April 2022 (PDF text layer; the speaker's bullets
# shortened): an attendance line wrapped onto a second line, then the headings
LOUISA_2022_04_06 = """Louisa County Commission on Aging
Meeting Minutes April 6, 2022

Members Present: Jon Tustin, Ginger Dillard, Joanne Hoyle, Kathy Swarthout, Nancy Purgason, Lily Bramble
Lillian Morris, Barbara Hollins, James Smith
Moment of Silence
Minutes: March minutes approved
Treasurer’s Report: No expenditures. Balance $3179.23 as of March 31,2022
Introduction of Speaker
Louisa Community Emergency Committee:
• Centralized fund to assist people who have had a recent crisis
• Assist Louisa residents with basic needs of daily living during a crisis and providing referrals to support
self-sufficiency.
• Lin Kogle, Chair; Joyce Osbourne, speaker
Old Business
Nominations for Office
o Jo Griffith has resigned as Vice Chair.
o Jo Griffith nominated and elected as Chairperson.
o Jon Tustin nominated and elected as vice chairperson.
New Business
Yellow Book:
Motion approved to accept bid for Narrow Passage for printing pending acceptable proof.
"""  # noqa: E501

# Hackspace Manchester board, 15 October 2019 (Markdown; long paragraphs shortened): run-in
# items on one line, then topics alone on their lines
HACMAN_2019_10_15 = """# 2019-10-15

## Hackspace Manchester Board Meeting Minutes

15 October 2019 / 18:30 / Hackspace Manchester

Meeting started 18:38

Appointment of Chair - Board unanimously voted to appoint Mike Bratt as the Chair of the Board

Finance / Governance

The board agreed unanimously to create a new subcommittee for Finance issues. The Finance Sub Committee (FSC) will have 5 members including 2 board members and 3 others.

Action Point: - Members to be recruited for this Sub Committee

Board voted unanimously to appoint Grayson and Ellen to the FSC

Action: Ross to arrange session
PPE & Fire Review was carried out by Ross assisted by 2 members prior to the members meeting and a list of PPE and fire equipment was put together

Action: Ben to discuss with Adam and put plan together

Membership
Board agreed to the deletion of old members Membership Data over a year old.
Action: Mike to investigate ICO registration requirements
Discussion on inductions took place and the advancement of moodle.

AORB

Fridge - Chiller Fridge to have sign put on it saying no personal items and white fridge plugged in for Members items to be stored

Board approved the purchase of more white paint for the space
Action: Grayson to sort
"""  # noqa: E501


def _md(text: str) -> Document:
    return Document(
        path=Path("/minutes/2019-10-15.md"),
        text=normalise(text),
        format="md",
        content_hash="0" * 64,
    )


def test_unmarked_headings_of_a_council_page_stored_as_text_are_its_items() -> None:
    m = from_text(COFFS_2021_11_11, "CO_20211111_MIN_2250.txt")
    assert [(i.number, i.title) for i in m.items] == [
        ("", "Opening of Ordinary Meeting"),
        ("", "Acknowledgement of Country"),
        ("", "Statement in relation to Recording of Meetings"),
        ("", "Disclosure of Interest"),
        ("", "Apologies"),
        ("", "Leave of Absence"),
        ("", "Confirmation of Minutes"),
        # the container heading over a numbered report gives way to the report
        ("GM21/24", "2020-2021 Audit and Risk Committee Annual Report to Council"),
    ]
    # the header's lines (title, address, attendance, 'Leave of Absence  Nil') are no items
    opening = "The meeting commenced at 5.00pm with the Mayor, Cr D Knight in the chair."
    assert m.items[0].body == opening
    assert m.items[4].body == "No apologies"
    assert m.items[6].decisions[0].outcome == "carried"


def test_a_table_read_one_cell_a_line_is_its_headings_text() -> None:
    m = from_text(COFFS_2018_12_06_TABLES, "CO_20181206_MIN_2189.txt")
    assert [i.title for i in m.items] == [
        "Opening of Ordinary Meeting",
        "Disclosure of Interest",
        "Apologies",
        "Public Addresses",
    ]
    # the speakers' names are cells of the table, not items
    assert m.items[1].body.startswith("Councillor\n\nItems\n\nType of Interest\n\nCr John Arkan")
    assert m.items[3].body.startswith("Time\n\nSpeaker\n\nItem\n\n5.00pm\n\nJohn Lawler")


def test_unmarked_headings_between_wrapped_pdf_lines_are_the_items() -> None:
    m = from_text(LOUISA_2023_10_04, "Oct-4-23.txt")
    assert [i.title for i in m.items] == [
        "Treasurer’s Report",
        "Chair",
        "Old Business",
        "Little Yellow Book",
        "Holiday Luncheon",
        "Louisa County Fall Festival",
    ]
    assert m.items[1].body == "Jo indicated Tammy Rogers/Green Springs has stepped down."
    # the closing lines stay the last item's text, the signature no heading
    assert m.items[-1].body.endswith("Respectfully submitted by Lily Bramble.")
    m = from_text(LOUISA_2022_04_06, "Apr-6-22.txt")
    assert [(i.title, i.body[:40]) for i in m.items] == [
        ("Moment of Silence", ""),
        # paragraphs opening with their label right below a heading are items of their own
        ("Minutes", "March minutes approved"),
        ("Treasurer’s Report", "No expenditures. Balance $3179.23 as of "),
        ("Introduction of Speaker", "Louisa Community Emergency Committee:\n• "),
        ("Old Business", "Nominations for Office o Jo Griffith has"),
        ("New Business", "Yellow Book:\nMotion approved to accept b"),
    ]


def test_unmarked_topics_of_markdown_minutes_are_items() -> None:
    m = segment(_md(HACMAN_2019_10_15))
    assert [i.title for i in m.items] == ["Finance / Governance", "Membership", "AORB"]
    assert reading(_md(HACMAN_2019_10_15)).line() == (
        "reading: unmarked (3 unmarked headings: short lines standing alone between paragraphs)"
    )


# Marblehead Board of Selectmen, 2 September 2020 (a clerk's PDF as text): run-in items in
# capitals inside paragraphs, a list of members and a signature on short lines
MARBLEHEAD_2020_09_02 = """BOARD OF SELECTMEN

MINUTES

September 2, 2020

Board met in session at 10:00 a.m. via ZOOM Conferencing:

Meeting ID: 965 7154 2787 Passcode: 314739

Jackie Belf-Becker, Chair
David Depew
James E. Nye

Jason Silva, Town Administrator

The Chair called the meeting of Wednesday, September 2, 2020 to order. The following
roll call was taken: Mr. Depew, present; Mr. Grader, present; Mrs. Belf-Becker, present.

Mr. Nye joined the meeting.

CONDOLENCE. Motion made and seconded to send a letter of condolence to the
family of Bob Ross, former Assistant Director, Accounting. Moved by Mr. Nye,
seconded by Mr. Grader. On a polled vote the Board voted as follows: Mr. Depew, in
favor; Mr. Grader, in favor; Mr. Nye, in favor: Mrs. Belf-Becker, in favor.

Kyle A. Wiley
Administrative Aide

September 2, 2020 112
"""  # noqa: E501


def test_a_title_a_member_list_and_a_signature_are_no_unmarked_headings() -> None:
    m = from_text(MARBLEHEAD_2020_09_02)
    assert [i.number for i in m.items] == [WHOLE_DOCUMENT]
