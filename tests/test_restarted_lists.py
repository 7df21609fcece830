"""A plain numbered list that starts again at 1 (chains.restarted_lists, issue 25): the
points under section headings in capitals (Stoke Ferry Parish Council, 2001, from the public
repository lovell/stokeferry.com), the matters of a voting agenda counted afresh under each
hearing (City of Boston Licensing Board, 2023 and 2024, public PDFs), and a list inside a
numbered item, which is neither (Wretton Parish Council's layout); a Markdown list written
with every item "1." (parse.text.rendered_list_numbers)."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import DocHints, Document, Meeting
from minutesqa.parse import read_document
from minutesqa.parse.text import normalise, rendered_list_numbers
from minutesqa.segment import segment


def from_text(text: str, name: str = "minutes.md") -> Meeting:
    doc = Document(
        path=Path("/minutes") / name,
        text=normalise(text),
        format="md" if name.endswith(".md") else "txt",
        content_hash="0" * 64,
        hints=DocHints(),
    )
    return segment(doc)


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


# Stoke Ferry Parish Council, 13 September 2001 (a village website's Markdown post)
STOKE_FERRY_2001 = """Minutes of the meeting held on 13th September 2001 in the school

PRESENT: V.Chairman, Messrs Patterson, Bonnett, Ward, Mrs Leamon and five members of the public.

MINUTES of previous meeting read and signed as a true record.

MATTERS ARISING

1. Three quotes were being obtained for work on cemetery land

2. Bashams Quarry, to check with Planning dept re entrance.

3. The new sign and hitching posts had been installed.

PLANNING

1. Bennett. Micklefields. Five sun lounges to bungalows. Parish Council approved.

2. Fielder, Oxborough Rd. Existing building as garage. Parish Council approved.

3. Douglas, Thompsons Lane, Extension to dwelling. Parish Council approved.

4. TLM Developments. Adjacent the Bluebell, four dwellings instead of five. Parish Council approved.

PAYMENTS

Community Centre. £6.60. C.Grounds Maintenance, £500.59. Passed for payment.

CORRESPONDENCE

1. Request for donation from N.A.R.S. Agreed £25.

2. Quote from Holly Landscapes re cemetery land. £1,700 plus VAT.

3. Highways wrote that any works necessary to keep the highway safe would be ordered.

ANY OTHER BUSINESS

I. To purchase a wreath for the memorial this year.

2. To contact Mr. King re cleaning in village.
"""


def test_lists_under_capitals_headings_are_the_sections_points() -> None:
    meeting = from_text(STOKE_FERRY_2001)
    assert table(meeting) == [
        ("", "MATTERS ARISING"),
        ("", "PLANNING"),
        ("", "PAYMENTS"),
        ("", "CORRESPONDENCE"),
        ("", "ANY OTHER BUSINESS"),
    ]
    planning = meeting.items[1].body
    assert planning.startswith("1. Bennett. Micklefields.")
    assert "4. TLM Developments." in planning


# City of Boston Licensing Board, voting minutes of 4 May 2023 (a PDF's text, shortened)
BOSTON_2023 = """City of Boston
Licensing Board
Voting Hearing Agenda
May 4, 2023
Licensed Premise Inspection Hearing on Tuesday, May 2, 2023
1. M.Y.N. Corp.
Doing business as: Dublin Pub
Notice: Assault and battery patron on patron in violation of M.G.L. ch. 138 s. 64.
No Violation
2. Cardona's, Inc.
Doing business as: Barney's Grill
No Violation -Correspondence from the Board
Transactional Hearing on Wednesday, May 3, 2023
1. Pinoy Kabayan, LLC
Doing business as: Pinoy Kabayan Filipino Asian Cuisine
Has applied for a Common Victualler License.
Granted
2. Clover Ventures, LLC
Doing business as: Bostonia Public House
Holder of a Common Victualler 7 Day All-Alcoholic Beverages License has petitioned to change
the manager of the licensed business.
Granted
Non-Hearing Transactions
1. Bred, LLC, d/b/a Bred Gourmet, 23 DryDock Avenue, Boston, MA 02210.
Has applied for a Common Victualler License.
Granted
2. Stubby's Seaport, LLC d/b/a Stubby's, 43 Northern Avenue, Boston, MA 02210.
Has applied for a Common Victualler License.
Granted
"""


def test_matters_counted_afresh_under_each_hearing_are_all_items() -> None:
    meeting = from_text(BOSTON_2023, "voting_minutes_2023-05-04.txt")
    assert table(meeting) == [
        ("1", "M.Y.N. Corp."),
        ("2", "Cardona's, Inc."),
        ("1", "Pinoy Kabayan, LLC"),
        ("2", "Clover Ventures, LLC"),
        ("1", "Bred, LLC, d/b/a Bred Gourmet, 23 DryDock Avenue, Boston, MA 02210."),
        ("2", "Stubby's Seaport, LLC d/b/a Stubby's, 43 Northern Avenue, Boston, MA 02210."),
    ]
    assert meeting.items[2].body.startswith("Doing business as: Pinoy Kabayan")


# a list inside numbered items (the layout of Wretton Parish Council's minutes): the items
# stand, the lists are their text
NESTED = """MINUTES OF WRETTON PARISH COUNCIL MEETING HELD AT THE CHURCH MONDAY 13th MAY 2015

1. Apologies

Cllr Smith.

2. Planning

1. 15/00123/F Extension at 4 Church Road. No objection.

2. 15/00145/F Garage at The Old Forge. No objection.

3. Finance

1. Clerk's salary £150 approved.

2. Grass cutting £80 approved.

4. Any Other Business

None.
"""


def test_a_list_inside_numbered_items_is_their_text() -> None:
    meeting = from_text(NESTED)
    assert table(meeting) == [
        ("1", "Apologies"),
        ("2", "Planning"),
        ("3", "Finance"),
        ("4", "Any Other Business"),
    ]


# Perth Artifactory committee, 14 September 2016 (a wiki's Markdown, shortened): the agenda
# part's numbered lists never chain with the list inside one of the minutes' sections
PERTH_2016 = """# Committee Meeting 2016.09.14

## Agenda

1.  Acceptance of Minutes of the previous meeting
2.  URGENT business
    1.  Correspondence
    2.  Chairman's report

1.  Area hosts and other tsars
2.  Other business

## Minutes

### Minutes of previous meeting (3/9/2016)

See: 2016-09-03 minutes

### Correspondence

Deferred?

### Chairman's report

Deferred?

### Area hosts and other Tsars

1.  Area hosts
2.  Fundraising - SM, JMM, Russell
3.  Treasurer functions - SM, Nick
4.  Quartermasters - SM, Russell, Hugh, Tim

### Subcommittee Terms of reference

See start

### Subcommittee membership

See start

### Other Business

Discussion about other premises.
"""


def test_an_agenda_parts_lists_never_chain_with_the_minutes_lists() -> None:
    meeting = from_text(PERTH_2016, "2016-09-14.md")
    assert table(meeting) == [
        ("", "Agenda"),
        ("", "Minutes of previous meeting (3/9/2016)"),
        ("", "Correspondence"),
        ("", "Chairman's report"),
        ("", "Area hosts and other Tsars"),
        ("", "Subcommittee Terms of reference"),
        ("", "Subcommittee membership"),
        ("", "Other Business"),
    ]
    assert meeting.items[4].body.startswith("1. Area hosts\n2. Fundraising")


# West Dereham Parish Council, 3 April 2014 (a Word export to Markdown): every item written
# "1.", lines of no-break spaces between them; a renderer numbers them 1 to 4
WEST_DEREHAM_2014_MD = (
    "**DRAFT MINUTES OF WEST DEREHAM PARISH COUNCIL MEETING**\n\n"
    "**THURSDAY 3 APRIL 2014**\n\n"
    "The Chairman welcomed everyone present and opened the meeting.\n\n"
    "1. **Apologies for Absence.**\xa0 None\n\n\xa0\n\n"
    "1. **Declarations of Interest.** No declarations were made.\n\n\xa0\n\n"
    "1. **Minutes of the Parish Council Meeting held** **6 March 2014****.** These were"
    " agreed as a true record and signed by the Chairman.\n\n\xa0\n\n"
    "4.\xa0\xa0\xa0\xa0 **Reports.**\n\n"
    "4.1\xa0\xa0 **Chairman’s Report.** The Chairman had nothing to report.\n\n"
    "5.\xa0\xa0\xa0 **Finance.**\n\n"
    "The accounts were approved.\n"
)


def test_a_markdown_list_written_all_ones_is_numbered_as_rendered(tmp_path: Path) -> None:
    path = tmp_path / "2014_05_west-dereham-parish-council-april-3.md"
    path.write_text(WEST_DEREHAM_2014_MD, encoding="utf-8")
    meeting = segment(read_document(path, max_bytes=2**20, timeout_s=30))
    # (item 4 has no text of its own: its sub-item 4.1 is the item, `_open_numbered_parents`)
    assert [i.number for i in meeting.items] == ["1", "2", "3", "4.1", "5"]
    assert meeting.items[1].title.startswith("Declarations of Interest")
    assert rendered_list_numbers("2018.\n\n10.\n\nNotice of Motion") == (
        "2018.\n\n10.\n\nNotice of Motion"
    )
    years = "2024.  The last non-compliance was recorded.\n2024.  All results since are compliant."
    assert rendered_list_numbers(years) == years
    # a list printed climbing, the item number after it, stays as printed
    climbing = "1. Caisleann na hAbhann\n2. Castlecourt\n\n3.\n\nHome and Social Development"
    assert rendered_list_numbers(climbing) == climbing


# Rivergrove City Council (Oregon), 12 June 2017 (public repository
# wifelette/city_of_rivergrove, a retyped Markdown file): "##" business sections, the matters
# under them "### 1." counted afresh, one section opening with a paragraph before its list,
# a list inside a matter ("1) ... 2) ...") the format does not mark
RIVERGROVE_2017 = """# Rivergrove City Council Meeting Minutes
## June 12, 2017

## CALL TO ORDER AND ROLL CALL

The meeting was called to order at River Grove Elementary school at 7:03 p.m.

## CONSENT AGENDA

### 1. Minutes from May 8, 2017 Meeting

**Motion:** Councilor Bahrman moved to accept the May 8, 2017 minutes as submitted. It passed 3-0.

### 2. May Financials

**Motion:** Councilor Nyberg moved to accept the May financials as submitted. It passed 4-0.

## NEW BUSINESS

Councilor Nyberg suggested that the City of Rivergrove could contract out City police services.

### 1. Adoption of Resolution 254-2017 to declaring the City's election to receive state revenues

**Motion:** Mayor Kibbey moved to declare the City's election to receive state funds. It passed 4-0.

### 2. Adoption of Resolution 253-2017 Budget FY 2017-2018

**Motion:** Councilor Nyberg moved to adopt Resolution 253-2017. It passed 4-0.

### 3. Information Request Fees

The City Manager will research the records retention costs of local municipalities.

## COMMITTEE REPORTS

### 1. Transportation

The County suggested the following alternatives:

1) Permanent radar speed feedback signs on Childs, facing both ways.

2) Speed cushions, which may be approved for Secondary Response Routes.

### 2. Parks

Councilor Nyberg reported that Dave Skoglund has decided to retire.

## ADJOURNMENT

**Motion:** Councilor Nyberg moved to adjourn the meeting. Motion passed 4-0.

**Respectfully submitted,**
"""


def test_markdown_sections_over_lists_counted_afresh_are_the_items() -> None:
    meeting = from_text(RIVERGROVE_2017)
    assert table(meeting) == [
        ("", "CALL TO ORDER AND ROLL CALL"),
        ("", "CONSENT AGENDA"),
        ("", "NEW BUSINESS"),
        ("", "COMMITTEE REPORTS"),
        ("", "ADJOURNMENT"),
    ]
    assert "1) Permanent radar speed" in meeting.items[3].body


# Rivergrove City Council, 10 December 2018 (the same repository, a Word export PDF's text):
# capitals sections, a lone "1." note inside the consent agenda's first matter
RIVERGROVE_2018 = """Rivergrove City Council Meeting Minutes
December 10, 2018

CALL TO ORDER AND ROLL CALL
The meeting was called to order at River Grove Elementary School at 7:01 p.m.

UNFINISHED BUSINESS
1. Review of Notice of Decision for a development permit application for a duplex
City Attorney Bill Kabeiseman presented the findings of fact and notice of decision for the duplex.

2. Continuation of the Type IV Hearing for a proposed ordinance regulating tree cutting
City Attorney Bill Kabeiseman explained that the hearing was continued from the November meeting.

NEW BUSINESS
None.

CONSENT AGENDA
1. Minutes from the November 14, 2018 City Council Meeting
Motion: Councilor Nyberg moved to accept the November 14, 2018 minutes with the following
amendment. Councilor Tuttle seconded the motion. It passed 4-0.

1. Note that there was an inconsistency in the duplex plans presented to Council.

2. Financials – November 2018
Motion: Mayor Kibbey moved to accept the November 2018 financials as presented. It passed 5-0.

COMMITTEE REPORTS
1. Transportation
Councilor Bahrman clarified that she will no longer continue to be the transportation lead.

2. Parks
Mr. Nyberg noted that the water was shut off in all the City parks.

ADJOURNMENT
Motion: Councilor Nyberg moved to adjourn the meeting. The motion passed 5-0.
"""


def test_capitals_sections_over_lists_counted_afresh_are_the_items() -> None:
    meeting = from_text(RIVERGROVE_2018, "2018-12-10-Minutes.txt")
    assert table(meeting) == [
        ("", "CALL TO ORDER AND ROLL CALL"),
        ("", "UNFINISHED BUSINESS"),
        ("", "NEW BUSINESS"),
        ("", "CONSENT AGENDA"),
        ("", "COMMITTEE REPORTS"),
        ("", "ADJOURNMENT"),
    ]
    assert "1. Note that there was an inconsistency" in meeting.items[3].body
