"""An item's number with a comma for its stop ("4, Presentations"; issue 25, hold-out set
4): OCR's misreading of a stop in a library board's scanned minutes, and a clerk's typo in
Limerick's municipal districts' minutes; the item where its title reads as one, never a
sentence opening with a number ("2, 3 and 4 were ..."). Short real passages of Warrenville
Public Library District's minutes (Illinois; public repository jenemoore/cleanup, OCR'd
PDF text) and Limerick's councils' (../shared Limerick corpus)."""

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


def numbers(meeting: Meeting) -> list[str]:
    return [i.number for i in meeting.items]


# Adare-Rathkeale, 9 March 2016 (a scanned page's text, cut)
ADARE_2016 = """MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF ADARE-
RATHKEALE HELD AT ARAS SEAN FINN, NEW LINE ROAD, RATHKEALE, CO.
LIMERICK ON TUESDAY, 9™ MARCH, 2016, AT 9.00 A.M.

PRESENT IN THE CHAIR: Councillor R. O'Donoghue, An Cathaoirleach.

1. Adoption of Minutes

Circulated, copy of draft Minutes of Meeting of the Municipal District of Adare-Rathkeale held on
9" February, 2016.

2, Deputation from Rathkeale Community Council

The Cathaoirleach welcomed representatives from Rathkeale Community Council which consisted
of Pat Neville, Damien O'Grady, Peter Donovan and Richard Naughton.

3. Regional Directorate (Mid West National Road Design Office)
Proposed N21 Adare Western Approach Improvement Scheme

Mr. Dermot Donovan, Roadplan Consulting presented and circulated an update on the Proposed
N21 Adare Western Approach Improvement Scheme.
"""


def test_a_typed_comma_for_the_stop_keeps_the_item() -> None:
    meeting = from_text(ADARE_2016)
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "Adoption of Minutes"),
        ("2", "Deputation from Rathkeale Community Council"),
        ("3", "Regional Directorate (Mid West National Road Design Office)"),
    ]


# Warrenville Public Library District, 22 May 2019 (the OCR'd PDF's text, cut)
WARRENVILLE_2019 = """WARRENVILLE PUBLIC LIBRARY DISTRICT
Regular Meeting of the Board of Trustees
Wednesday, May 22, 2019
1. Call to order Trustee Picha called the meeting to order at 7:04 p.m.

2. Roll Cali
ATTENDING: Trustees DuRocher, Lezon, Picha, Richardson, Ruzicka, Stull and Warren
3. Approval of the Agenda
Trustee Warren removed Item #22 Closed Session and #23 — Action on Closed Session.
Motion carried

4, Presentations
a. Employee Recognition Ly Tran 10 years
Director Whitmer gave a brief history of Ly’s 10 years at the Library.
5. Public comments — None
6. Correspondence

Director Whitmer shared thank you card from the two students who attended
"""


def test_an_ocr_comma_for_the_stop_keeps_the_item() -> None:
    meeting = from_text(WARRENVILLE_2019, "Minutes_2019_05_22_reg_mtg.txt")
    assert numbers(meeting) == ["1", "2", "3", "4", "5", "6"]
    assert meeting.items[3].title.startswith("Presentations")
    assert candidate_at("2, 3 and 4 were approved by the Board", 0) is None
    assert candidate_at("4, The Board agreed that the minutes be adopted as read.", 0) is None


def test_an_address_in_a_resolution_is_no_item() -> None:
    # Limerick City and County Council, 24 November 2014 and 28 January 2019, and its
    # Metropolitan District, 20 March 2017: the houses
    # a resolution disposes of, a number and a comma opening each line
    for line in (
        "33, Kilmurry Court (Cuirt Cill Mhuire), Garryowen, Limerick, for the sum of",
        "13, North Claughaun Road, Garryowen, Limerick, to Anthony and Geraldine McMahon,",
        "7, Pennywell Road in the City of Limerick.",
    ):
        assert candidate_at(line, 0) is None
