"""One body, one name across a folder (bodies.settle_bodies' aliases; issue 25, body names as
stored): a name the folder also writes out in full takes the fuller name ("Board of
Directors" beside "Regional Transportation District Board of Directors"); distinct
committees sharing a head noun, and a heading's words around a name, stay apart whichever
is commoner (bodies.written_out). The names are those segmentation gives the real files
named (rtd-denver of the layouts corpus, Limerick's 2014 and 2017 folders)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from minutesqa.models import Attendance, Meeting
from minutesqa.segment.bodies import UNKNOWN_BODY, settle_bodies, written_out
from tests.test_folder_names import meeting_in

# the head of rtd-denver's 2012-04-10 Financial Administration and Audit Committee minutes
RTD_2012 = """\
Minutes of the Financial Administration and Audit Committee Meeting held on April 10, 2012
Page 1 of 5
Regional Transportation District
Memorandum
To:
Board Members/Staff
Date:
April 10, 2012
Subject:
Corrected -Summary of the Financial Administration and Audit Committee held
April 10, 2012 in Rooms R, T & D

I. CALL TO ORDER
The meeting was called to order at 5:30 p.m.
"""

# the head of Adare-Rathkeale's monthly meeting of 11 July 2017 (Limerick)
ADARE_2017 = """**MINUTES OF PROCEEDINGS AT MEETING OF THE MUNICIPAL DISTRICT OF ADARE-**
**RATHKEALE HELD IN ÁRAS SEÁN FINN, NEW LINE ROAD, RATHKEALE, CO. LIMERICK ON**
**TUESDAY, 11TH** **JULY, 2017 AT 9.00 A.M.**

**PRESENT IN THE CHAIR:**

Councillor R. O’Donoghue, An Cathaoirleach.

**1. Adoption of Minutes**

The minutes were adopted.
"""


def named(folder: str, name: str, committee: str) -> Meeting:
    """A meeting of the folder's file `name`, its body named `committee` (as segmentation
    names the whole file)."""
    return Meeting(
        committee=committee,
        date=dt.date(2020, 1, 1),
        source=str(Path("/minutes") / folder / name),
        content_hash="0" * 64,
        attendance=Attendance(),
        items=(),
    )


def settled(meetings: list[Meeting]) -> list[tuple[str, str]]:
    return [(Path(m.source).name, m.committee) for m in settle_bodies(meetings)]


def test_rtd_committees_stay_apart_and_the_board_takes_its_full_name() -> None:
    folder = "rtd-denver"
    faa = meeting_in(folder, "2012-04-10_financial-administration-audit-committee.txt", RTD_2012)
    assert faa.committee == "Financial Administration and Audit Committee"
    meetings = [
        named(folder, f"{year}_executive-committee.txt", "Executive Committee")
        for year in (2010, 2014, 2021, 2023)
    ] + [
        named(folder, "2020_gm-executive-search.txt", "GM Executive Search/GM Oversight & "
              "Performance Management Committee"),
        named(folder, "2021_gm-oversight.txt", "GM Oversight & Performance Management Committee"),
        faa,
        named(folder, "2019_financial-administration-audit.txt",
              "Financial Administration & Audit Committee"),
        named(folder, "2024_audit-committee.txt", "Audit Committee"),
        named(folder, "2014_government-relations.txt", "Government Relations Committee"),
        named(folder, "2020_communications-government-relations.txt",
              "Communications & Government Relations Committee"),
        named(folder, "2011_board-of-directors.txt", "Board of Directors"),
        named(folder, "2013_board-of-directors.txt",
              "Regional Transportation District Board of Directors"),
        named(folder, "2025_board-of-directors.txt", "Regional Transportation District"),
    ]  # fmt: skip
    rtd_board = "Regional Transportation District Board of Directors"
    assert settled(meetings) == [
        ("2010_executive-committee.txt", "Executive Committee"),
        ("2014_executive-committee.txt", "Executive Committee"),
        ("2021_executive-committee.txt", "Executive Committee"),
        ("2023_executive-committee.txt", "Executive Committee"),
        (
            "2020_gm-executive-search.txt",
            "GM Executive Search/GM Oversight & Performance Management Committee",
        ),
        ("2021_gm-oversight.txt", "GM Oversight & Performance Management Committee"),
        (
            "2012-04-10_financial-administration-audit-committee.txt",
            "Financial Administration and Audit Committee",
        ),
        ("2019_financial-administration-audit.txt", "Financial Administration and Audit Committee"),
        ("2024_audit-committee.txt", "Audit Committee"),
        ("2014_government-relations.txt", "Government Relations Committee"),
        (
            "2020_communications-government-relations.txt",
            "Communications & Government Relations Committee",
        ),
        ("2011_board-of-directors.txt", rtd_board),
        ("2013_board-of-directors.txt", rtd_board),
        ("2025_board-of-directors.txt", rtd_board),
    ]


def test_limerick_bodies_keep_their_names_beside_a_heading_and_a_successor() -> None:
    adare = "2017/09/12-Monthly Meeting of the Municipal District of Adare-Rathkeale"
    july = meeting_in(adare, "Monthly Meeting - 11th July 2017.md", ADARE_2017)
    assert july.committee == "Municipal District of Adare-Rathkeale"
    md = "Municipal District of Adare-Rathkeale"
    in_committee = "In Committee of the Municipal District of Adare-Rathkeale"
    full = "2014/09/22-Full Meeting of Limerick City and County Council"
    metro = "2014/11/17-Monthly Meeting of Metropolitan District of Limerick"
    cc = "Limerick City and County Council"
    meetings = [
        july,
        named(adare, "Special Meeting - 15th August 2017.md", md),
        named(adare, "Special Meeting In Committee - 5th September 2017.md", in_committee),
        named(full, "Limerick City Council - 28th April 2014.md", "Limerick City Council"),
        named(full, "Limerick County Council - 14th May 2014.md", "Limerick County Council"),
        named(full, "City and County Council - 6th June 2014.md", cc),
        named(full, "City and County Council - 20th June 2014.md", cc),
        named(metro, "Draft Budgetary Plan - 10th October 2014.md", "Metropolitan District"),
        named(metro, "Meeting - 20th October 2014.md", "Metropolitan District of Limerick"),
    ]  # fmt: skip
    assert settled(meetings) == [
        ("Monthly Meeting - 11th July 2017.md", md),
        ("Special Meeting - 15th August 2017.md", md),
        ("Special Meeting In Committee - 5th September 2017.md", in_committee),
        ("Limerick City Council - 28th April 2014.md", "Limerick City Council"),
        ("Limerick County Council - 14th May 2014.md", "Limerick County Council"),
        ("City and County Council - 6th June 2014.md", cc),
        ("City and County Council - 20th June 2014.md", cc),
        ("Draft Budgetary Plan - 10th October 2014.md", "Metropolitan District of Limerick"),
        ("Meeting - 20th October 2014.md", "Metropolitan District of Limerick"),
    ]


def test_a_nameless_meeting_still_takes_the_folders_name() -> None:
    folder = "2014/09/22-Full Meeting of Limerick City and County Council"
    county = named(folder, "County Council - 22nd April 2014.md", "Limerick County Council")
    nameless = replace(county, committee=UNKNOWN_BODY, source=county.source.replace("22nd", "16th"))
    assert [m.committee for m in settle_bodies([county, nameless])] == [
        "Limerick County Council",
        "Limerick County Council",
    ]


@pytest.mark.parametrize(
    ("short", "full", "same"),
    [
        # an organisation's or place's name before, a governing body after, initials
        ("Board of Directors", "Regional Transportation District Board of Directors", True),
        ("RTD Board of Directors", "Regional Transportation District Board of Directors", True),
        (
            "Los Rios Community College District",
            "Los Rios Community College District Board of Trustees",
            True,
        ),  # noqa: E501
        ("Milburn Parish", "Milburn Parish Council", True),
        ("Metropolitan District", "Metropolitan District of Limerick", True),
        (
            "Corporation of the Township of Assiginack",
            "Council of the Corporation of the Township of Assiginack",
            True,
        ),  # noqa: E501
        # a list of subjects, a sub-body, a heading's words, a successor body
        ("Audit Committee", "Financial Administration and Audit Committee", False),
        (
            "Financial/Administration Committee",
            "Financial Administration and Audit Committee",
            False,
        ),  # noqa: E501
        ("Operations and Safety Committee", "Operations, Safety, and Security Committee", False),
        (
            "Municipal District of Adare-Rathkeale",
            "Municipal District of Adare-Rathkeale JPC Subcommittee",
            False,
        ),  # noqa: E501
        (
            "Municipal District of Adare-Rathkeale",
            "In Committee of the Municipal District of Adare-Rathkeale",
            False,
        ),  # noqa: E501
        ("Parish Council", "Joint Planning Committee and Full Parish Council", False),
        ("Limerick County Council", "Limerick City and County Council", False),
    ],
)
def test_written_out(short: str, full: str, same: bool) -> None:
    assert written_out(short, full) is same
