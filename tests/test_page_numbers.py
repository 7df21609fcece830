"""Page numbers are no items (issue 25): a page's number alone on its line where the page
begins or ends ("**2**", counting up with the pages) is page furniture, never an item's
number, and the headings of the header (attendance labels, the meeting's own title) and
of the signature block below the minutes are no items either. Short real passages of
Limerick City and County Council's minutes (Markdown exports of the PDFs, each page after
a "---" rule, its number its first line), read whole through the parser."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import Meeting
from minutesqa.parse import read_document
from minutesqa.segment import segment

LINK = "[Original file](https://www.limerick.ie/sites/default/files/media/documents/m.pdf)\n"


def read(tmp_path: Path, text: str) -> Meeting:
    path = tmp_path / "Minutes - Special Meeting - 1st November 2024.md"
    path.write_text(LINK + text, encoding="utf-8")
    return segment(read_document(path, max_bytes=1 << 20, timeout_s=30))


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


# Special Meeting of Limerick City and County Council, 1 November 2024 (cut): the page
# number "**2**" a line above item "**2.**", "**3**" inside item 3's resolution
NOVEMBER_2024 = """---
MINUTES OF PROCEEDINGS AT SPECIAL MEETING OF LIMERICK CITY AND

COUNTY COUNCIL HELD IN THE COUNCIL CHAMBER, DOORADOYLE, AND ONLINE,

ON FRIDAY, 1ST NOVEMBER, 2024, AT 9.30 A.M.

**1.**

**Strategic Infrastructure Development at Knockshanvo, Co. Clare**

The Members made the following comments in relation to the proposed Strategic

Infrastructure Development :

 Lack of consultation with community groups in the area;

 Traffic safety
---
**2**

In reply to Members queries, the Senior Planner noted the Members' comments and

confirmed that they would be included in the Director General's Report.

**2.**

**Standing Orders**

The making of Standing Orders is a Reserved Function.

**3.**

**Foreign Travel**

Proposed by Councillor S. Kiely;

Seconded by Councillor J. Sheahan;

And Resolved:
---
**3**

"That, in accordance with Section 142 (5) of the Local Government Act, 2001, as

amended, the approval of the Council be and is hereby given to foreign travel."

**4.**

**Budget Meeting**

The proposed date of 29th November, 2024 for the Budget Meeting was confirmed.
---
"""


def test_page_numbers_between_numbered_items_are_no_items(tmp_path: Path) -> None:
    assert table(read(tmp_path, NOVEMBER_2024)) == [
        ("1", "Strategic Infrastructure Development at Knockshanvo, Co. Clare"),
        ("2", "Standing Orders"),
        ("3", "Foreign Travel"),
        ("4", "Budget Meeting"),
    ]


# Special Meeting of Limerick City and County Council, 7 April 2025 (cut): one matter, no
# item numbers; the page numbers were items 2, 3 and 4 titled with each page's first words
APRIL_2025 = """---
MINUTES OF PROCEEDINGS AT SPECIAL MEETING OF LIMERICK CITY AND

COUNTY COUNCIL HELD IN THE COUNCIL CHAMBER, DOORADOYLE, LIMERICK,

AND ONLINE ON MONDAY, 7TH APRIL, 2025, AT 12.30 P.M.

**PRESENT IN THE CHAIR:** Príomh Chomhairleoir, Councillor D. McSweeney

**MEMBERS PRESENT:**

Mayor Moran,

**OFFICIALS IN ATTENDANCE:**

Director General (Mr. P. Daly), Director, Housing (Mr. B. Kennedy).

The Director of Housing informed the Members that the average cost to refurbish a void was

approximately €48,000. He informed the Members that within Limerick City and
---
**2**

County Council housing stock of 6,192 of which 113 were awaiting minor repairs and 103 were

awaiting major refurbishment.
---
**3**

 Members queried how many tradespeople were employed by the Council and what type

of tradespeople.
---
**4**

returned in a reasonable condition but this Local Authority must meet minimal rental

standards before re letting them.

Signed:

\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_

**Príomh Chomhairleoir**

Date:

\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_
---
"""


def test_a_meeting_of_one_matter_is_not_cut_at_its_pages(tmp_path: Path) -> None:
    meeting = read(tmp_path, APRIL_2025)
    assert table(meeting) == [("document", "Minutes (no agenda items found)")]
    assert "€48,000" in meeting.items[0].body
    assert "6,192" in meeting.items[0].body


# Meeting of Limerick City and County Council, 26 August 2024 (cut): its one heading in
# capitals, the page numbers, a roll-call vote's bold labels and the signature block
AUGUST_2024 = """---
MINUTES OF PROCEEDINGS AT ORDINARY MEETING OF LIMERICK CITY

AND COUNTY COUNCIL HELD IN THE COUNCIL CHAMBER, DOORADOYLE,

AND ONLINE, ON MONDAY, 26th AUGUST, 2024, AT 3.00 P.M.

PRESENT IN THE CHAIR: Príomh-Chomhairleoir, Councillor D. McSweeney.

MEMBERS PRESENT:

Mayor Moran;

OFFICIALS IN ATTENDANCE:

Director General (Dr. P. Daly), A/Director, Support Services (Mr. J. Clune).

VOTE OF SYMPATHY

The Príomh Chomhairleoir welcomed everyone to the meeting, and at the outset, and with

the agreement of all the Members, a Vote of Sympathy was extended to the family of the late

Denis McCarthy, Corbally, who had passed away following a brief illness. He

represented the council with insight and
---
**2**

grace. One of Denis's significant contributions during his tenure was his focus on

regeneration areas. Members encouraged the Mayor to meet with the Members of the Districts to agree
---
**3**

priorities for each area. The Príomh Chomhairleoir asked that a vote take place on the

proposal and the result of the

voting was as follows:

**For**

Councillors Butler, Collins (B), Conway, Doyle, Foley, Galvin, Keary, Kiely, Kilcoyne. (21)

**Against**

Councillors Beasley, Benson, Carey, Daly, Donoghue, Gavan, Hartigan (S). (16)

**Abstentions**

There were no Abstentions.
---
**4**

This concluded the Meeting.

Signed:

\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_

**Príomh Chomhairleoir**

Date:

\\_\\_\\_\\_\\_\\_\\_\\_\\_\\_
---
"""


def test_a_votes_labels_and_the_signature_are_no_items(tmp_path: Path) -> None:
    meeting = read(tmp_path, AUGUST_2024)
    assert table(meeting) == [("", "VOTE OF SYMPATHY")]
    assert "There were no Abstentions." in meeting.items[0].body
