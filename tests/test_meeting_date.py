"""Which of the dates minutes print is the meeting's (held_date.meeting_date): the named
contexts that make a date another day's (held_date.NOT_HELD), a day and month with no year,
dates in file names. Passages are quoted from real parish, community and council minutes
(Norfolk parish councils, Ayton Community Council, Limerick City and County Council)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from minutesqa.errors import InputError
from minutesqa.models import DocHints
from minutesqa.segment.dates import day_months, find_dates, name_dates, name_readings, year_of
from minutesqa.segment.held_date import meeting_date, not_held

D = dt.date


def held(text: str, name: str = "minutes.md", hints: DocHints | None = None) -> dt.date:
    """The meeting's date of minutes whose header is all of `text`."""
    return meeting_date(text, text, Path(name), hints or DocHints())[0]


# --- the named contexts: each on real passages from three or more bodies or meetings ------

NAMED_CONTEXTS = [
    # next meeting
    ("21.0 Date of Next Meeting – Tuesday 9th September 2014, 7.30pm", "next meeting"),
    ("The next meeting will be on Wednesday 26 November 2008 commencing at", "next meeting"),
    ("The next Ayton Community Council Meeting will take place on 10th December 2024.",
     "next meeting"),
    ("11 Date of next meeting: Tuesday 12 July 2005.", "next meeting"),
    # an action's or task's date
    ("adoption to be carried out by 31 December 2008", "due"),
    ("any comments must be received by 21 December 2018", "due"),
    ("the amount applied for was £5972 to be spent by 31 March 2021", "due"),
    ("the submission date would be on or before 9 November 2008", "due"),
    # signatures and documents' dates
    ("There being no further business ... Signed & Dated: 1st July 2014", "signed or dated"),
    ("The meeting closed at 21:15pm Signed: Rosemary Crisp Chair Date: 1 December 2015",
     "signed or dated"),
    ("71/18 Minutes of the Meeting dated 7 March 2018", "signed or dated"),
    # earlier meetings, and minutes approved
    ("2 To Approve the Minutes of the last Council Meeting on 14 May 2014", "previous meeting"),
    ("The minutes of the previous meeting held on Tuesday 5th September 2024 were",
     "previous meeting"),
    ("Minutes of the Meeting 5th August 2025: AW proposed, and PI Seconded", "previous meeting"),
    ("that the minutes of the meeting held on 13 January 2004 be signed as a correct record",
     "previous meeting"),
    ("99/20 To Approve the Minutes of the Ordinary Meeting held on 4 March 2020",
     "previous meeting"),
    ("**Item 1: Confirm minutes from meeting held on 21 April 2021**", "previous meeting"),
    ("Apologies 1. Minutes extraordinary meeting 22 June 2012", "previous meeting"),
    ("Apologies 1. Minutes meeting 3 May 2013 2. Matters Arising", "previous meeting"),
    ("73/17 Minutes of the Parish Council meeting held on 3 May 2017", "previous meeting"),
    # balances
    ("Statement of Account as at 6 September 2008 (Bank Statement)", "as at"),
    ("7. Finance As at 4 May 2005", "as at"),
    ("Treasurer account balance was confirmed as £51,197.24 as of 23 October 2015", "as at"),
    # the end of a period
    ("the C 33 Hilgay Road will be closed from 14th to 18 March 2005", "period"),
    ("Wereham By pass will be CLOSED FROM 15 NOVEMBER TO 10 DECEMBER 2004", "period"),
    ("The Payments and receipts from 7 October 2015 to 3 November 2015 were", "period"),
    # the meeting's own: a draft notice names the next meeting, the date is this one's
    ("Ordinary Meeting DRAFT FOR CONSIDERATION AT THE NEXT MEETING Tuesday 3rd July 2018,", ""),
    ("(Draft until approved at the next Council meeting) Minutes of the Ordinary Meeting held"
     " on Wednesday 3 June 2020 at", ""),
    ("Minutes of the Ordinary Parish Council Meeting 8th July 2014 at 7.30pm", ""),
]  # fmt: skip


@pytest.mark.parametrize(("passage", "rule"), NAMED_CONTEXTS)
def test_the_context_of_a_date_names_the_rule_that_makes_it_another_days(
    passage: str, rule: str
) -> None:
    flat = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", passage)
    last = list(re.finditer(r"\b\d{1,2} [A-Za-z]+,? \d{4}\b", flat))[-1]
    assert not_held(flat, last.start(), last.end()) == rule


# --- the meeting's date among others' -------------------------------------------------

WEREHAM_2014 = """WEREHAM PARISH COUNCIL

Minutes of the Ordinary Parish Council Meeting

8th July 2014 at 7.30pm

Wereham Village Hall

Attendance: Cllr Jo Bruce JB Chair Cllr Dave Deighton DD Vice Chair

21.0 Date of Next Meeting – Tuesday 9th September 2014, 7.30pm Wereham Village Hall.
"""


def test_the_next_meetings_date_is_never_the_meetings() -> None:
    # it was: the only date with its weekday written out won over '8th July 2014'
    assert held(WEREHAM_2014) == D(2014, 7, 8)


SFRA_2005 = """Minutes of the SFRA Committee Meeting

Present: Brian Harrison (Chairman), Ray Thompson (Deputy Chairman), Helaine Wyett (Secretary)

2 Minutes of the previous meeting (12/4/05): RT proposed acceptance as a correct record.

11 Date of next meeting: Tuesday 12 July 2005.
"""


def test_minutes_dated_only_by_the_next_meeting_ask_for_the_date() -> None:
    with pytest.raises(InputError) as info:
        held(SFRA_2005)
    assert str(info.value) == (
        "has no recognisable meeting date in its first lines: put the date in its file name"
        " (e.g. 2023-03-14 minutes.pdf)"
    )
    assert held(SFRA_2005, "2005-06-14 SFRA minutes.md") == D(2005, 6, 14)


NORTHWOOD_2015 = """Councillors present: Cllr. R. Crisp – Chair (RC), Cllr. A. Collins (AC)

Items for next meeting to be held on Tuesday 1 December 2015 at 7:30pm, in the Village Hall.

There being no further business the meeting closed at 21:15pm

Signed: Rosemary Crisp Chair Date: 1 December 2015
"""


def test_a_signature_footers_date_is_not_the_meetings() -> None:
    # the minutes print no date of their own: the file name's, never the signing's
    assert held(NORTHWOOD_2015, "2015-11-03 minutes.md") == D(2015, 11, 3)


WEST_DEREHAM_2005 = """Minutes of the West Dereham PC

Minutes of the meeting of the West Dereham Parish Council held on Thursday l0th February
2005 in the Village Hall at 8.00 p.m.

Minutes: Miss Richardson proposed and M. Grief seconded that the minutes of the meeting
held on 13 January 2005 be signed as a correct record.

The C 33 Hilgay Road will be closed from l4th to 18 March 2005.
"""


def test_an_ocr_day_and_a_period_and_approved_minutes() -> None:
    # OCR's 'l0th' is the 10th; 13 January is the minutes approved, 18 March a closure's end
    assert held(WEST_DEREHAM_2005) == D(2005, 2, 10)


AYTON_2025 = """_Held in Ayton Community Hall at 7:00pm._

## Present

- Trevor Smith — *Secretary*

Minutes of the Meeting 5th August 2025: AW proposed, and PI Seconded, and
minutes were unanimously approved.
"""


def test_front_matter_and_file_name_that_agree_outweigh_an_approved_minutes_date() -> None:
    hints = DocHints(title="Minutes for meeting held Tuesday 2 September 2025", date=D(2025, 9, 2))
    assert held(AYTON_2025, "2025-09-02.md", hints) == D(2025, 9, 2)


def test_a_date_deep_in_a_header_that_runs_into_the_body_is_some_matters() -> None:
    # minutes with no items found: their header is all of them
    text = (
        "Minutes of the december meeting of Stoke Ferry parish Council\n\n"
        "Those Attending: Cllr Mrs T Mann (Chairman)\n\n"
        + "The Clerk reported on the correspondence received. " * 40
        + "\n\nWash Estuary - Renewable at Work Demonstration Event - 20 January 2010\n"
    )
    with pytest.raises(InputError):
        held(text)


# --- a day and month with no year -----------------------------------------------------

CAPPAMORE_2023 = """MINUTES OF PROCEEDINGS OF MONTHLY MEETING OF THE

MUNICIPAL DISTRICT OF CAPPAMORE KILMALLOCK HELD IN

LOUGH GUR VISITOR CENTRE ON THURSDAY 19th JANUARY AT

3.00PM.

PRESENT IN THE CHAIR:

Councillor J Egan, An Cathaoirleach

An email circulated by the Director of Services, Community Tourism and Culture, to the

Elected Members outlining the recent move of the operation of Lough Gur Heritage Centre

to be managed by Discover Limerick DAC (Designated Activity Company) from 1st March

2023.
"""


def test_a_heading_with_no_year_takes_it_from_the_file_name_and_its_weekday() -> None:
    # it was 1 March 2023, the only full date (a period's start); the file name misspells
    # the month, so only its year is read
    name = (
        "Minutes - Monthly Meeting of the Municipal District of Cappamore-Kilmallock"
        " - 19th Januay 2023.md"
    )
    assert meeting_date(CAPPAMORE_2023, CAPPAMORE_2023, Path(name), DocHints()) == (
        D(2023, 1, 19),
        "text, year inferred",
    )


LIMERICK_HSD_2021 = """**MINUTES OF MEETING OF LIMERICK CITY AND COUNTY COUNCIL HOME AND SOCIAL**

**DEVELOPMENT SPC**

A meeting of Limerick City and County Council, Home and Social Development Strategic Policy

Committee was held on **the 16th** **June** by Cisco WebEx.
"""


def test_an_ordinal_day_with_no_year_agrees_with_the_file_name() -> None:
    name = (
        "Minutes - Meeting of the Home & Social Development Strategic Policy Committee"
        " - 16th June 2021.md"
    )
    header = LIMERICK_HSD_2021.replace("**", "")
    text = header + (
        "\nThe Chair thanked everyone who contributed to the Housing Workshop, which was"
        " held on the 11th June 2021.\n"
    )
    assert meeting_date(header + text, text, Path(name), DocHints()) == (
        D(2021, 6, 16),
        "text and file name",
    )


WEREHAM_2005 = """Minutes of the September meeting

Minutes of Wereham Parish Council meeting held on Tuesday 13th September

at 7.30 p.m.in The Village Hall.

3. Minutes: It was agreed that the minutes of the meeting held on it July 2005 be signed
as correct record

8. Correspondence: N.C.C. Norwich Bus Station - opened 30th August 2005: all noted.
"""


def test_a_heading_with_no_year_takes_the_year_its_weekday_fits() -> None:
    # 13 September was a Tuesday in 2005; the year of the text's dates
    assert meeting_date(WEREHAM_2005, WEREHAM_2005, Path("m.md"), DocHints()) == (
        D(2005, 9, 13),
        "text, year inferred",
    )


def test_day_months_reads_days_and_months_printed_with_no_year() -> None:
    found = day_months(
        "held on Monday 31st October at 7pm; the 23rd of November; Thursday, November 23rd;"
        " 5 May 2020; 7th June, 2021"
    )
    assert [(d.month, d.day, d.weekday) for d in found] == [
        (10, 31, 0),
        (11, 23, None),
        (11, 23, 3),
    ]


def test_year_of_a_day_and_month() -> None:
    [monday] = day_months("Monday 31st October")
    assert year_of(monday, [2017], None) == D(2016, 10, 31)  # the Monday nearest 2017
    [plain] = day_months("9th January")
    assert year_of(plain, [2016], D(2016, 12, 12)) == D(2017, 1, 9)  # after the minutes it approves
    assert year_of(plain, [], None) is None


# --- dates in file names --------------------------------------------------------------

WERHAM_SEPTEMBER_2007 = """Minutes of the September meeting of Wereham Parish Council

1. Present: R. Lankfer - Chairman, Mrs. Willis, G. Gott, C. Humphries

3. Minutes: It was proposed by C. Humphries and seconded by P. Markwell that the minutes of
the meeting held on 10 July 2007 be signed as a correct record.
"""


@pytest.mark.parametrize(
    "name",
    ["20070911.txt", "2007-09-11.txt", "2007_09_11 minutes.txt", "11-09-2007.txt", "11.09.2007.txt",
     "minutes-held-on-tuesday-11th-september-2007.txt"],
)  # fmt: skip
def test_the_date_the_file_name_gives(name: str) -> None:
    # it was 10 July 2007, the minutes approved (or refused, for the compact names)
    assert held(WERHAM_SEPTEMBER_2007, name) == D(2007, 9, 11)


def test_six_figures_in_a_file_name_only_confirm_a_date_the_text_prints() -> None:
    assert name_dates("070911") == []
    assert name_readings("18-03-14") == [D(2018, 3, 14), D(2014, 3, 18)]
    with pytest.raises(InputError):
        held(WERHAM_SEPTEMBER_2007, "070911.txt")
    heading = "Minutes of the meeting held on Wednesday 14th March at 7pm\n\nPresent: ...\n"
    assert held(heading, "18-03-14.pdf") == D(2018, 3, 14)


# --- a run of dates: a table's row or column of other meetings' dates -------------------

SAMPLING_2023 = """MINUTES OF PROCEEDINGS AT MONTHLY MEETING OF THE METROPOLITAN DISTRICT OF

LIMERICK HELD IN THE COUNCIL CHAMBER, DOORADOYLE, LIMERICK AND ONLINE ON MONDAY, 18TH SEPTEMBER

The 2023 sampling programme commenced in March with sample dates in 07/03/2023,

09/05/2023, 13/06/2023, 04/07/2023 and the 08/08/2023.
"""


def test_a_run_of_dates_is_a_list_of_other_days() -> None:
    # the heading's year is cut off; the run of sampling dates is no meeting's: the
    # weekday (a Monday) and the year of the text's dates give 18 September 2023
    assert held(SAMPLING_2023) == D(2023, 9, 18)


DECOY_FGB_2020 = """FGB 200323
DECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS

COMMITTEE Full Governing Body DATE 23/03/2020

GOVERNOR ATTENDANCE

Type

End of
Term
14/10/2019
09/12/2019
03/02/2019
23/03/2019
18/05/2019
13/07/2019
Date
Resigned
HEATHER POUSTIE Headteacher Ex-officio P P P P
PAUL EVEMY LA 10/2022 P P P P

FGB 73/1920 Date of next meeting

ACTIONS TO BE TAKEN
ITEM BY WHOM BY WHEN
56/1920 Minutes to website Clerk asap
57/1920 Resource suitable training on GDPR for the lead governor Clerk 01/03/2020
62/1920 Produce agenda for the EFGB on 20 April 2020 Clerk 01/04/2020
"""


def test_an_attendance_grid_and_an_actions_table_are_other_days() -> None:
    # school governors' minutes (pdftotext): a column of the year's meeting dates, and
    # actions due by when; it was 20 April 2020, an action's meeting
    assert held(DECOY_FGB_2020) == D(2020, 3, 23)
    assert held(DECOY_FGB_2020, "fgb-minutes-200323-final.pdf") == D(2020, 3, 23)


BOUGHTON_2012 = """**Boughton Parish Council. Meeting 10.8.2012. Councillors are summoned to a
meeting for the purposes of transacting the following business.**

Apologies

1. Minutes extraordinary meeting 22 June 2012
"""


def test_front_matter_gives_way_to_a_date_after_meeting_not_to_the_minutes_approved() -> None:
    # the page's front matter dates its posting (2 October 2012)
    hints = DocHints(title="Boughton Parish Council Agenda & Minutes August Meeting",
                     date=D(2012, 10, 2))  # fmt: skip
    assert held(BOUGHTON_2012, "index.md", hints) == D(2012, 8, 10)


# --- a year misprinted: the printed weekday falls a year on ---------------------------

WRETTON_2016 = """MINUTES OF WRETTON PARISH COUNCIL MEETING HELD AT THE CHURCH
MONDAY JANUARY 4th 2015

Present– Cllr David Llewellyn - Chairman, Cllr Mandy Peake, Cllr John Wyett

3. The Minutes of the meeting held on 2nd November 2015 were agreed as a true record.
"""

ADARE_2018 = """MINUTES OF PROCEEDINGS AT ANNUAL MEETING OF THE MUNICIPAL DISTRICT OF

ADARE-RATHKEALE HELD AT ÁRAS SEÁN FINN, NEW LINE ROAD, RATHKEALE, CO.

LIMERICK ON TUESDAY, 26TH JUNE, 2017 AT 1.30 P.M.
"""


def test_a_weekday_that_falls_a_year_on_mends_the_year_with_a_second_witness() -> None:
    # Monday was 4 January 2016, after the November 2015 minutes it approves (the
    # minutes print '02/11/15', here written out); 26 June was a Tuesday in 2018, the
    # year of the file's name
    assert held(WRETTON_2016) == D(2016, 1, 4)
    name = (
        "Minutes - Annual Meeting of the Municipal District of Adare-Rathkeale - 26th June 2018.md"
    )
    assert meeting_date(ADARE_2018, ADARE_2018, Path(f"{name}.md"), DocHints()) == (
        D(2018, 6, 26),
        "text, its year mended by its weekday",
    )
    # with no second witness the printed year stands
    assert held(ADARE_2018) == D(2017, 6, 26)


WEST_DEREHAM_2006 = """Minutes of the 14 September meeting

Minutes of the Wrest Dereham parish Council meeting held on Thursday 14 September 2007 in
The Village Hall at 8.00 p.m.
"""


def test_a_heading_with_no_year_over_a_misprinted_one() -> None:
    # Thursday was 14 September 2006, the year the file is named by (posted October 2006)
    assert held(WEST_DEREHAM_2006, "2006-10 west-dereham-parish-council-minutes-4.md") == D(
        2006, 9, 14
    )
    assert held(WEST_DEREHAM_2006) == D(2007, 9, 14)  # no second witness: as printed


# Perth Artifactory's committee minutes, kept in a wiki (Wiki.js): the front matter's date
# is the page's last edit, years after the meeting its file name and text give
PERTH_2013 = """---
title: "2013-04-20"
description:
published: true
date: 2023-01-04T02:54:24.719Z
tags:
editor: markdown
dateCreated: 2022-10-19T08:20:02.794Z
---

### Committee meeting for Perth Artifactory 20/04/2013

-   Date: 20 April 2013
-   Location: Perth Artifactory
-   Meeting Opened: 1318
-   Next meeting: 11 may 2013 1pm, the weekend after the deadline for city of Stirling

#### Previous minutes

Accept? (proposed Daniel, Brendan seconds, passed)

### AGENDA

-   Reports
-   Correspondence
"""


def test_a_front_matter_date_the_file_name_contradicts_is_the_pages(tmp_path: Path) -> None:
    from minutesqa.parse import read_document
    from minutesqa.segment import segment

    for name, day in (("2013-04-20.md", D(2013, 4, 20)), ("20130420.md", D(2013, 4, 20))):
        path = tmp_path / name
        path.write_text(PERTH_2013, encoding="utf-8")
        # before: 4 January 2023, the wiki's last edit
        assert segment(read_document(path, max_bytes=2**20, timeout_s=30)).date == day
    # with no date in its name, a page's front matter still dates it where the text does
    # not contradict it
    path = tmp_path / "minutes.md"
    path.write_text(PERTH_2013.replace("2023-01-04T02:54:24.719Z", "2013-04-20"), encoding="utf-8")
    assert segment(read_document(path, max_bytes=2**20, timeout_s=30)).date == D(2013, 4, 20)


def _posted(tmp_path: Path, front_date: str, text: str) -> dt.date:
    """The meeting date of a village website's post (its front matter's date is the
    posting's), read and segmented as ingest does."""
    from minutesqa.parse import read_document
    from minutesqa.segment import segment

    path = tmp_path / "index.md"
    path.write_text(f'---\ntitle: "Minutes"\ndate: "{front_date}"\n---\n\n{text}', "utf-8")
    return segment(read_document(path, max_bytes=2**20, timeout_s=30)).date


def test_a_posted_page_with_no_date_in_its_header_is_dated_by_its_opening(
    tmp_path: Path,
) -> None:
    # West Dereham Parish Council, posted 26 March 2020: a page number "1" is read as the
    # first item, so the header holds no date; the text's opening line does (before: the
    # posting date, 26 March 2020)
    text = (
        "1\n\nDRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING ON THURSDAY 5th MARCH "
        "2020 HELD AT WEST DEREHAM VILLAGE HALL AT 7.30 pm PRESENT (Six Councillors):- Tom "
        "Foy (TF), Stuart Glover (SB)\n\n5.3 Repairs to Bridge at Watering Cottages – The "
        "Parish Clerk reported that the bridge repairs work had been completed. 5.4 Meeting "
        "with new NCC Highways Area Manager – The Parish Clerk reported that he had held a "
        "meeting on 13th February 2020.\n\n6.4 Police Report The Parish Clerk noted he had "
        "received information.\n"
    )
    assert _posted(tmp_path, "2020-03-26", text) == D(2020, 3, 5)


@pytest.mark.parametrize(
    ("front_date", "text", "day"),
    [
        # Stoke Ferry Parish Council, posted 1 December 2001 (before: 1 December 2001)
        (
            "2001-12-01",
            "Minutes of the meeting held on 13th September in the school\n\nPRESENT: "
            "V.Chairman, Messrs Patterson, Bonnett, Ward\n\nMATTERS ARISING\n\n1\\. Three "
            "quotes were being obtained for work on cemetery land\n\n2\\. Bashams Quarry, to "
            "check with Planning dept re entrance.\n\n3\\. Bus shelter repaired.\n",
            D(2001, 9, 13),
        ),
        # Boughton Parish Council, posted 24 March 2014: a time after the day and month,
        # not a year (before: 24 March 2014)
        (
            "2014-03-24",
            "**Boughton Parish Council.  Meeting** **17th January** **19:00** **Councillors "
            "are summoned to a meeting for the purposes of transacting the following "
            "business.**\n\n Apologies\n\n1. Minutes meeting 1st November 2013\n2. Matters "
            "Arising\n3. Finance\n",
            D(2014, 1, 17),
        ),
        # Boughton Parish Council, posted 19 December 2013: the agenda's "AGM Minutes May
        # 3rd 2013" is a minutes' date (before: 3 May 2013)
        (
            "2013-12-19",
            "**Boughton  Parish Council.  Meeting** **1st November** **19:00** **Councillors "
            "are summoned to a meeting for the purposes of transacting the following "
            "business.**\n\n1. Apologies\n2. Minutes meeting 2nd August 2103\n\n          i."
            "      AGM Minutes May 3rd 2013\n\n1. Matters Arising\n2. Finance\n",
            D(2013, 11, 1),
        ),
    ],
)
def test_a_day_and_month_opening_a_posted_page_is_of_the_year_before_its_posting(
    tmp_path: Path, front_date: str, text: str, day: dt.date
) -> None:
    assert _posted(tmp_path, front_date, text) == day


# Cyngor Cymuned Manordeilo a Salem (Carmarthenshire), 8 July 2015: the Welsh copy of
# bilingual minutes (a PDF's text)
MANORDEILO_CY = """CYNGOR CYMUNED MANORDEILO A SALEM
CYFARFOD 8fed GORFFENNAF 2015

Cynhaliwyd cyfarfod o Gyngor Cymuned Manordeilo a Salem am 7.30pm ar yr 8fed Gorffennaf 2015
yn yr Ystafell Ddarllen, Cwmifor.

PRESENNOL
Cynghorwyr Alun Davies, Jill Davies, Hubert Gwynne, Peter Harries, Dorian Jenkins, Doris Jones.

1. CROESO AC YMDDIHEURIADAU
Cymerwyd y Gadair gan y Cyng. P. Harries a chroesawodd bawb i’r cyfarfod.

2. CADARNHAU COFNODION Y CYFARFOD DIWETHAF
Cynigiwyd gan y Cynghorydd Sir J. Davies bod cofnodion y cyfarfod diwethaf a gynhaliwyd ar y
10fed Mehefin 2015, fel y maent wedi’u teipio a’u dosbarthu, yn gofnod cywir.

3. DATGANIADAU O DDIDDORDEB
Doedd yna ddim datganiadau o ddiddordeb.
"""


def test_welsh_minutes_are_dated_and_named() -> None:
    # before: refused, "has no recognisable meeting date in its first lines"
    from minutesqa.models import Document
    from minutesqa.parse.text import normalise
    from minutesqa.segment import segment

    doc = Document(Path("/minutes/7-15_cy.txt"), normalise(MANORDEILO_CY), "txt", "0" * 64)
    meeting = segment(doc)
    assert meeting.date == D(2015, 7, 8)
    assert meeting.committee == "Cyngor Cymuned Manordeilo a Salem"
    assert [i.number for i in meeting.items] == ["1", "2", "3"]
    assert [d for _, d in find_dates("ar y 10fed Mehefin 2015, 21ain Mawrth 2016, 1af Mai")] == [
        D(2015, 6, 10),
        D(2016, 3, 21),
    ]


# Hyndland Primary Parent Council, October 2025 (a PDF's header): the day and month with no
# year; the file name "202510-hppc-minutes.pdf" gives the year with its month run on
HYNDLAND_2025 = """Hyndland Primary Parent Council Meeting
Wednesday 22nd October | 19:00 - 20:30 | Hyndland Primary School Staff Room
1. Present: Helen Brown (Head Teacher), Julie Wynn (Depute Head), Dorian Grieve (Chair)
"""


def test_a_year_and_month_run_together_in_the_file_name_give_the_year() -> None:
    assert meeting_date(
        HYNDLAND_2025, HYNDLAND_2025, Path("202510-hppc-minutes.pdf"), DocHints()
    ) == (D(2025, 10, 22), "text, year inferred")
    # an eight-figure date is no year and month ("20251022" names the day itself)
    assert held(HYNDLAND_2025, "20251022.pdf") == D(2025, 10, 22)
    # six figures that are no year and month are no year
    with pytest.raises(InputError):
        held(HYNDLAND_2025.replace("Wednesday 22nd October", "Wednesday"), "202513.pdf")


# East Farleigh Parish Council (Kent), its website's minutes pages: the page's upload date
# printed above the minutes' own "held on" line (held_date.NOT_HELD "approved or posted")
EAST_FARLEIGH_2021 = """March 2021 Monthly Council Meeting Minutes

Minutes Uploaded on April 8, 2021

The Pump House Riverside Park, East Farleigh,

Minutes of the Parish Council Meeting held on Tuesday 2nd March 2021 @ 7.00pm by Zoom
"""


def test_a_web_page_upload_date_is_never_the_meeting_date() -> None:
    assert held(EAST_FARLEIGH_2021, "march-2021-monthly-council-meeting-minutes.txt") == D(
        2021, 3, 2
    )
