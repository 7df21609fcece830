"""Resolution-style minutes in the forms scanned and typed minutes print besides the clean
header (segment/resolution_forms.py): the number after a word in running text with the
outcome before the words ("Resolution 85-155 was passed as follows:"), OCR noise in the label,
the number, "Moved by" and the outcome, a scanned page's margin labels and running headers,
minutes stored as one run-on line. Built on short real passages of two bodies: the Township
of Medonte (Ontario, 1985; hold-out set 4) and the Town of Newcastle (Ontario, now
Clarington; 1977, 1980, 1981: /work/collected/res-clarington/SOURCE.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from minutesqa.decision import Decision
from minutesqa.models import Document, Meeting
from minutesqa.parse.text import normalise
from minutesqa.segment import reading, segment
from minutesqa.segment.resolution_forms import follows_header, labelled_number, ocr_number


def _doc(text: str, name: str = "minutes.txt") -> Document:
    return Document(
        path=Path("/minutes") / name, text=normalise(text), format="txt", content_hash="0" * 64
    )


def units(meeting: Meeting) -> list[tuple[str, str, tuple[tuple[str, str], ...]]]:
    return [
        (i.number, i.title, tuple((d.text, d.outcome) for d in i.decisions)) for i in meeting.items
    ]


# Medonte, 13 August 1985: "Resolution N was passed as follows:" over the quoted words, the
# label and number misread by OCR, the typist's list marks before some ("2) ", "4:) ")
MEDONTE_1985 = """\
Minutes of a Regular Meeting of Council of the Township of Medonte held on Tuesday, August
13, 1985 at 7:00 P.M. in Council Chambers, Moonstone, Ontario
Reeve - I. Amos
Councillor - I. Beard
Reso]utioD 8~-122 ~Yii).s passed as follows:
" That the minutes of a Regular Meeting of Council of the TOwnship of Medonte held on
July 15, and the minutes of a special meeting of Council held on July 18, 1985 be adopted
as circulated".
.Council met with Mr. E. Robertson, Township Roads Superintendent. Mr. S. Attenborough met
with Council to discuss the Township Radio SYstem.
U Re:"Qhltion 85-155 was pa5sed as follows:
" That a By-Law to amend By-Law 82-25 as amended be considered read a firs.t and
second time, read a third time and passed this 13th day of August, 1985 and numbered
By-Law 85-10".
2) Resolution 8 5-1 56 was passed as follows:
" That a By-Law to amend By-Law 82-25 as amended b~ considered read a first and
second time, read a third time and passed this 13th day of August, 1985 and numbered
By-Law 85-11".
4:) ResohJtiQO 85:-: 158 was passed as follows:
" That a By-Law decreasing the speed of motor vehicles from statutory speed limits be
considered read a first and second time, read a third time and passed this 13th day of
August, 1985 and numbered By-Law 85-13"
"""

_BY_LAW = (
    '" That a By-Law to amend By-Law 82-25 as amended {be} considered read a {first} and second '
    'time, read a third time and passed this 13th day of August, 1985 and numbered By-Law {n}".'
)


def test_medonte_1985_resolutions_passed_as_follows() -> None:
    meeting = segment(_doc(MEDONTE_1985))
    assert meeting.date.isoformat() == "1985-08-13"
    assert units(meeting) == [
        (
            "",  # "8~-122": the OCR lost the number's digits
            "The minutes of a Regular Meeting of Council …",
            (
                (
                    '" That the minutes of a Regular Meeting of Council of the TOwnship of '
                    "Medonte held on July 15, and the minutes of a special meeting of Council "
                    'held on July 18, 1985 be adopted as circulated".',
                    "passed",
                ),
            ),
        ),
        ("", "Council met with Mr", ()),
        (
            "85-155",
            "A By-Law to amend By-Law 82-25 as amended …",
            (("85-155: " + _BY_LAW.format(be="be", first="firs.t", n="85-10"), "passed"),),
        ),
        (
            "85-156",
            "A By-Law to amend By-Law 82-25 as amended …",
            (("85-156: " + _BY_LAW.format(be="b~", first="first", n="85-11"), "passed"),),
        ),
        (
            "85-158",
            "A By-Law decreasing the speed of motor vehicles …",
            (
                (
                    '85-158: " That a By-Law decreasing the speed of motor vehicles from '
                    "statutory speed limits be considered read a first and second time, read "
                    "a third time and passed this 13th day of August, 1985 and numbered "
                    'By-Law 85-13"',
                    "passed",
                ),
            ),
        ),
    ]
    # "2) Resolution 8 5-1 56 ..." read as the numbered heading 2 no longer wins
    assert reading(_doc(MEDONTE_1985)).line() == (
        "reading: resolutions (4 numbered resolutions, not the 1 heading)"
    )


# Newcastle, 26 January 1981: "Resolution #C-77-8l" (OCR's l for 1) over "Moved by ...,
# seconded by ..." over "THAT ..." and '"CARRIED"'; a page's running header between
NEWCASTLE_1981 = """\
TOWN OF NEWCASTLE
January 26 1981
Minutes of a regular meeting of Council held
on January 26 1981 at 7 p.m. in Court Room #1
Present were:
Mayor Garnet B. Rickard
Councillor Diane Hamre
Resolution #C-77-8l
Moved by Councillor Hamre, seconded by Councillor Hubbard
THAT the minutes of the Council meeting held January 12 1981
be approved as read.
"CARRIED"
Resolution #C-78-8l
Moved by Councillor Hamre, seconded by Councillor Hubbard
THAT the minutes of the Special Council meeting held
January 19 1981 be approved as read.
"CARRIED"
Mr. Merrill Brown, Chairman of the Building Committee for the
Newcastle Fitness Centre appeared before Council to bring
them up-to-date on the progress of the building of the
Fitness Centre and also the status of the contingency allowance.
Council Minutes
-2- January 26 1981
Resolution #C-79-81
Moved by Councillor Hamre, seconded by Councillor Hubbard
THAT the Communications to be received for information
be approved except for items 1-1, 1-3, 1-8 and 1-9.
"CARRIED"
"""

_HAMRE = "Moved by Councillor Hamre, seconded by Councillor Hubbard: THAT the "


def test_newcastle_1981_ocr_numbers_and_quoted_outcomes() -> None:
    meeting = segment(_doc(NEWCASTLE_1981))
    assert meeting.committee == "Town of Newcastle"
    assert units(meeting) == [
        (
            "C-77-81",
            "The minutes of the Council meeting held January …",
            (
                (
                    f"C-77-81 {_HAMRE}minutes of the Council meeting held January 12 1981 be "
                    'approved as read. "CARRIED"',
                    "carried",
                ),
            ),
        ),
        (
            "C-78-81",
            "The minutes of the Special Council meeting held …",
            (
                (
                    f"C-78-81 {_HAMRE}minutes of the Special Council meeting held January 19 "
                    '1981 be approved as read. "CARRIED"',
                    "carried",
                ),
            ),
        ),
        ("", "Mr", ()),  # the delegation, its page header ("-2- January 26 1981") left out
        (
            "C-79-81",
            "The Communications to be received for information be …",
            (
                (
                    f"C-79-81 {_HAMRE}Communications to be received for information be "
                    'approved except for items 1-1, 1-3, 1-8 and 1-9. "CARRIED"',
                    "carried",
                ),
            ),
        ),
    ]
    assert [ln for ln in meeting.items[2].body.split("\n") if "-2-" in ln] == []


# Newcastle, 15 December 1980: the scanned page's margin labels read into the text before
# THAT ("Council THAT ...", "Delegations THAT ..."), no outcomes printed
NEWCASTLE_1980 = """\
TOWN OF NEWCAST11
Council Minutes December 15 1980
Minutes of a regular meeting of Council
held on December 15 1980 at 9:30 a.m. in
Court Room #2
Resolution #C-80-1478
Moved by Councillor Cowman, seconded by Councillor Prout
Council THAT the Council Minutes of the meeting held November 17 1980
Minutes be approved as read.
Resolution #C-80-1479
Moved by Councillor Hamre, seconded by Councillor Taylor
THAT the Minutes of the Inaugural Meeting of the 1980/82
Council be approved as read.
Resolution #C-80-1480
Moved by Councillor Cowman, seconded by Councillor Prout
Delegations THAT the Mayor inquire from the audience if there were an
other delegations wishing to be heard.
"""


def test_newcastle_1980_margin_labels_before_that() -> None:
    assert units(segment(_doc(NEWCASTLE_1980))) == [
        (
            "C-80-1478",
            "The Council Minutes of the meeting held November …",
            (
                (
                    "C-80-1478 Moved by Councillor Cowman, seconded by Councillor Prout: THAT "
                    "the Council Minutes of the meeting held November 17 1980 Minutes be "
                    "approved as read.",
                    "resolved",
                ),
            ),
        ),
        (
            "C-80-1479",
            "The Minutes of the Inaugural Meeting of the …",
            (
                (
                    "C-80-1479 Moved by Councillor Hamre, seconded by Councillor Taylor: THAT "
                    "the Minutes of the Inaugural Meeting of the 1980/82 Council be approved "
                    "as read.",
                    "resolved",
                ),
            ),
        ),
        (
            "C-80-1480",
            "The Mayor inquire from the audience if there …",
            (
                (
                    "C-80-1480 Moved by Councillor Cowman, seconded by Councillor Prout: THAT "
                    "the Mayor inquire from the audience if there were an other delegations "
                    "wishing to be heard.",
                    "resolved",
                ),
            ),
        ),
    ]


# Newcastle, 21 November 1977, stored as one run-on line; '"r.l)TION LOST"' (MOTION LOST)
NEWCASTLE_1977 = (
    "TOWN OF NEWCASTLE November 21st, 1977 Minutes of a regular meeting of Council held in "
    "Court Room No. at 1:15 p.m. on Monday, November 21st, 1977. Resolution #C-77-1580 Moved "
    "by Con. Allin, seconded by Con. Gray. THAT the minutes of the Council Meeting held on "
    'November 7th, 1977 be approved as read. "CARRIED" Resolution #C-77-l58l Moved by Con. '
    "Allin, seconded by Con. Woodyard. THAT the Report of the Technical Co-Ordinating "
    "Committee of meeting held on November 9th, 1977 be referred to the Public Works "
    'Committee. "r.l)TION LOST" Resolution #C-77-l582 Moved by Con. Woodyard, seconded by '
    "Con. Taylor. THAT the foregoing Report be referred to the Committee of the l~lole to be "
    'dealt with in Committee. "CARRIED"\n'
)


def test_newcastle_1977_run_on_line_and_a_motion_lost() -> None:
    meeting = segment(_doc(NEWCASTLE_1977))
    assert [(n, t, tuple(o for _, o in d)) for n, t, d in units(meeting)] == [
        ("C-77-1580", "The minutes of the Council Meeting held on …", ("carried",)),
        ("C-77-1581", "The Report of the Technical Co-Ordinating Committee of …", ("defeated",)),
        ("C-77-1582", "The foregoing Report be referred to the Committee …", ("carried",)),
    ]
    assert meeting.items[1].decisions[0] == Decision(
        "C-77-1581 Moved by Con. Allin, seconded by Con. Woodyard: THAT the Report of the "
        "Technical Co-Ordinating Committee of meeting held on November 9th, 1977 be referred "
        'to the Public Works Committee. "r.l)TION LOST"',
        "defeated",
        "",
    )


@pytest.mark.parametrize(
    ("printed", "number"),
    [
        ("8 5-1 56 ", "85-156"),
        ("85:-: 158 ", "85-158"),
        ('..8.6",294', "86-294"),
        ("86-292-w..", "86-292"),
        ("8~-122 ", ""),  # digits lost
        ("8..6-29~~", ""),
        ("86-Zti ", ""),
        ("No. 12 ", "12"),
    ],
)
def test_ocr_numbers(printed: str, number: str) -> None:
    assert ocr_number(printed) == number


@pytest.mark.parametrize(
    ("line", "parts"),
    [
        ("Resolution 86-80 was passed as follows:", ("86-80", "passed", "")),
        ("Resolution 2019-72 was carried as follows:", ("2019-72", "carried", "")),
        ("Resolution ~::ZJL...\\1i:5lS..d~feated as follows:", ("", "defeated", "")),
        ("Motion No. 12 was lost as follows:", ("12", "defeated", "")),
        ("- ,Resolution 86-29') was passed as follows: \" That", ("", "passed", '" That')),
        # no label and no number: an officer's report, a vote, a heading before a resolution
        ("The Clerk reported as follows:", None),
        ("The motion was carried as follows:", None),
        ("AOOPTION OF MINUTES . Resolution 91-192 was passed as follows:", None),
    ],
)
def test_follows_headers(line: str, parts: tuple[str, str, str] | None) -> None:
    assert follows_header(line) == parts


def test_labelled_numbers() -> None:
    assert labelled_number("Resolution tC-644-89") == ("C-644-89", "")
    assert labelled_number("MINUTES Resolution #C- 645 -86") == ("C-645-86", "")
    assert labelled_number("Resolved that the report be received") is None


# Bayham, 16 April 2009 (/work/collected/res-headers): numbered agenda items holding the
# resolutions; they stay the items, the resolutions their decisions
BAYHAM_2009 = """\
COUNCIL MINUTES
THE CORPORATION OF THE MUNICIPALITY OF BAYHAM
Thursday,April 16,2009
1. CALL TO ORDER
Mayor Acre called the meeting to order at 7:00 p.m.
2. DISCLOSURE OF PECUNIARY INTEREST&THE GENERAL NATURE THEREOF
None
3. APPROVAL OF MINUTES AND ADDITION OF AGENDA ITEMS
2009-193
Moved by Councillor M Taylor
Seconded by Councillor E Ketchabaw
"THAT the minutes of the regular meeting held March 26,2009 be approved as circulated."
CARRIED UNANIMOUSLY
2009-194
Moved by Councillor E Ketchabaw
Seconded by Councillor W Casier
"THAT the minutes of the regular meeting held April 2,2009 be approved as circulated."
CARRIED UNANIMOUSLY
2009-195
Moved by Councillor W Casier
Seconded by Councillor E Ketchabaw
"THAT in accordance with Section 21 of Procedural By-law 2002-93, a confidential property acquisition/disposition matter be added to the agenda as item 11."
CARRIED UNANIMOUSLY
4. DELEGATIONS
Wanda Hoshal regarding Estherville cemetery
"""  # noqa: E501


def test_agenda_items_keep_their_resolutions() -> None:
    meeting = segment(_doc(BAYHAM_2009, "2009-04-16-council.txt"))
    assert [(i.number, i.title) for i in meeting.items] == [
        ("1", "CALL TO ORDER"),
        ("2", "DISCLOSURE OF PECUNIARY INTEREST&THE GENERAL NATURE THEREOF"),
        ("3", "APPROVAL OF MINUTES AND ADDITION OF AGENDA ITEMS"),
        ("4", "DELEGATIONS"),
    ]
    assert reading(_doc(BAYHAM_2009, "2009-04-16-council.txt")).kind == "headings"
