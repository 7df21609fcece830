"""Item numbers, run-in titles and bodies' names as councils new to the reader print them
(issue 25): short real passages of parish, town and community councils' and school
governors' minutes (Northwold, Wretton, Stoke Ferry and West Dereham parish councils in
Norfolk, from the public repository lovell/stokeferry.com; Tintern / Wye Valley Community
Council; Decoy Community Primary School's governors), each read as a whole meeting."""

from __future__ import annotations

from pathlib import Path

from minutesqa.models import DocHints, Document, Meeting
from minutesqa.parse.text import normalise
from minutesqa.segment import segment
from minutesqa.segment.candidates import candidate_at
from minutesqa.segment.chains import misprint_readings, one_keystroke
from minutesqa.segment.references import year_pair


def from_text(text: str, name: str = "minutes.txt", title: str = "") -> Meeting:
    doc = Document(
        path=Path("/minutes") / name,
        text=normalise(text),
        format="md" if name.endswith(".md") else "txt",
        content_hash="0" * 64,
        hints=DocHints(title=title),
    )
    return segment(doc)


def table(meeting: Meeting) -> list[tuple[str, str]]:
    return [(i.number, i.title) for i in meeting.items]


def body(meeting: Meeting, number: str) -> str:
    return next(i.body for i in meeting.items if i.number == number)


# --- numbering schemes ---------------------------------------------------------------------

# Tintern Community Council, 29 January 2018 (a PDF's text): minutes numbered on across
# meetings and years, each item's title and text on one line after a colon
TINTERN_2018 = "\n".join(
    [
        "TINTERN COMMUNITY COUNCIL",
        ("Minutes of a meeting of the above Council held in Tintern Village Hall on Monday 29th"),
        "January 2018 at 7.00pm.",
        ("Present: Cllrs Hayward (in the chair), Cobb, Richards, County Cllr Webb and the Clerk."),
        "Members of the Public – CSO Andrew Jones.",
        "2415. Police Report: Attached.",
        "2416. Public Forum: None.",
        "2417. Apologies for absence: Cllrs Evans, Pocock, Hillard, Hoskins & Shewell.",
        ("2418. Declarations of interest: 2426 re Pavilion lean-to – Cllrs Cobb & Richards."),
        ("2419. Approval of minutes of previous meeting: Approved and signed as correct, except"),
        "for minor alteration to 2409 re budget.",
        "",
    ]
)

# Wye Valley Community Council, 25 September 2023 (a web page's text): the same numbering
# five years on, paragraphs apart
WYE_VALLEY_2023 = "\n".join(
    [
        (
            "Minutes of a meeting of the above Council held on Monday 25th September 2023 at"
            " 7.00pm in Llandogo Village Hall."
        ),
        "",
        "Present: Cllrs Evans, Ashman, Morrison, Snell, County Cllr Webb & the Clerk.",
        "",
        "3573. Police Reports: Tintern attached. No incidents to report from Llandogo.",
        "",
        "3574. To receive apologies for absence: Cllrs Shewell, Parker & Mawdsley.",
        "",
        (
            "3575. Public Session: To receive & consider any matters raised by members of"
            " the public for future consideration: No one present."
        ),
        "",
        "3576. Declarations of interest for items on the agenda: None.",
        "",
    ]
)


def test_running_minute_numbers_with_the_title_before_a_colon() -> None:
    m = from_text(TINTERN_2018, "20180129.txt")
    assert table(m) == [
        ("2415", "Police Report"),
        ("2416", "Public Forum"),
        ("2417", "Apologies for absence"),
        ("2418", "Declarations of interest"),
        ("2419", "Approval of minutes of previous meeting"),
    ]
    assert body(m, "2417") == "Cllrs Evans, Pocock, Hillard, Hoskins & Shewell."
    assert body(m, "2419") == (
        "Approved and signed as correct, except for minor alteration to 2409 re budget."
    )
    w = from_text(WYE_VALLEY_2023, "20230925.txt")
    assert table(w) == [
        ("3573", "Police Reports"),
        ("3574", "To receive apologies for absence"),
        ("3575", "Public Session"),
        ("3576", "Declarations of interest for items on the agenda"),
    ]
    assert body(w, "3575").startswith("To receive & consider any matters raised")


# Northwold Parish Council, 1 September 2015: the meeting's year and month before each
# item's number, padded from item 3 on; long items run on after their titles
NORTHWOLD_2015 = "\n".join(
    [
        (
            "Councillors present: Cllr. R. Crisp – Chair (RC), Cllr. A. Collins (AC), Cllr."
            " Frank Eglington (FE), Cllr. Alison Muir (AM)"
        ),
        "",
        "Cllr. Crisp welcomed all to the meeting.",
        "",
        (
            "15/09/2 Local Authority Reports: i) Norfolk County Council No representative"
            " present and no apologies or report sent."
        ),
        "",
        ("ii) Borough Council of Kings Lynn & West Norfolk No report from Cllr. Mick Peake."),
        "",
        (
            "15/09/03 Accepted Apologies for absence - LGA 1972, Section 85(1) & (2): Cllr."
            " Adrian Jenkinson. Absent: None."
        ),
        "",
        (
            "15/09/04 Members Declaration of Interest ( items on the agenda) – LGA 2000 Part"
            " III: None."
        ),
        "",
        (
            "15/09/05 Minutes of the last meeting held on 7th July 2015- LGA 1972, Schedule"
            " 12, para 41(2): Resolved 15/09/5.01 The minutes of the last meeting held on"
            " 7th July 2015 were adopted as a true statement and signed by the Chairman (RC)."
        ),
        "",
        (
            "15/09/08 Cemetery: Cllr. Collins advised that locating the owners of some of"
            " the headstones was proving difficult. Cllr. Collins, Cllr. Crisp & Cllr. Muir"
            " are going to try and search back to find who they belong to. Action AC/RC/AM"
        ),
        "",
    ]
)

# Northwold and Whittington Parish Council, October 2016: year, month and day, then the
# number
NORTHWOLD_2016 = "\n".join(
    [
        "**Item 16/10/6/1 Public Forum**",
        "",
        "A resident referred to an item in recently published Minutes.",
        "",
        "**Item 16/10/6/2 Local Authority Reports**",
        "",
        "Norfolk County Council CCllr Storey reported.",
        "",
        "**Item 16/10/6/3 Accepted Apologies for Absence**",
        "",
        "R Crisp (ill-health).",
        "",
    ]
)


def test_year_and_month_before_the_item_number() -> None:
    m = from_text(NORTHWOLD_2015, "2015-09-01 northwold.txt")
    numbers = ["15/09/2", "15/09/03", "15/09/04", "15/09/05", "15/09/08"]
    assert [i.number for i in m.items] == numbers
    assert m.items[0].title.startswith("Local Authority Reports")
    assert "Borough Council of Kings Lynn" in m.items[0].body
    assert "headstones was proving difficult" in m.items[-1].body
    n = from_text(NORTHWOLD_2016, "2016-10-04 northwold.md")
    assert table(n) == [
        ("16/10/6/1", "Public Forum"),
        ("16/10/6/2", "Local Authority Reports"),
        ("16/10/6/3", "Accepted Apologies for Absence"),
    ]


# --- number, title and text on one line, no separator ---------------------------------------

# Wretton Parish Council, annual meeting of 13 May 2019: an election's title, then the name
# of who was elected (the Markdown's escaped "1\\." as it reads: "1.")
WRETTON_2019 = "\n".join(
    [
        "MINUTES OF WRETTON PARISH COUNCIL MEETING HELD AT ALL SAINTS CHURCH WRETTON MONDAY"
        " 13TH MAY 2019",
        "",
        "Present: Cllr David Llewellyn – Chairman, Cllr Mick Peake, Cllr Mandy Peake.",
        "",
        "1. Election of Chairman David Llewellyn was nominated and seconded as Chairman and"
        " with no further nominations duly accepted the role.",
        "",
        "2. Chairman signed Declaration of Acceptance of Office",
        "",
        "5. Election of Vice-Chairman Mick Peake was nominated and seconded as Vice-Chairman"
        " and with no further nominations duly accepted the role.",
        "",
        "6. Approval of Minutes The minutes of the meeting held on 04.03.19 were confirmed as a"
        " true record.",
    ]
)

# Stoke Ferry Parish Council, 6 February 2019: the title's word said again as the text's
# subject
STOKE_FERRY_2019 = "\n".join(
    [
        "DRAFT STOKE FERRY PARISH COUNCIL Minutes of the Ordinary Meeting held on Wednesday 6"
        " February 2019 at 7.00pm in Stoke Ferry Village Hall",
        "",
        "21/19 To Receive and Accept Apologies for Absence Apologies were received and accepted"
        " from Cllr Kit Hesketh-Harvey (personal) and Cllr Grant Tomkins (work commitments).",
        "",
        "22/19 Declarations of Interest on Agenda Items and Dispensation Requests There were none.",
        "",
        "23/19 Minutes of the Ordinary Meeting on 9 January 2019 The minutes of the Ordinary"
        " meeting held on 9 January 2019 were proposed as a true record by Cllr Jim McNeill.",
    ]
)

# West Dereham Parish Council, 1 June 2017: a dash, then the councillor's initials
WEST_DEREHAM_2017 = "\n".join(
    [
        "DRAFT MINUTES OF THE WEST DEREHAM PARISH COUNCIL MEETING HELD AT WEST DEREHAM VILLAGE"
        " HALL AT 7.00 pm ON THURSDAY 1 JUNE 2017",
        "",
        "76/17 Clerk’s Report",
        "",
        "a) Locum Clerk, Helen Richardson – the Parish Clerk recorded his thanks.",
        "",
        "78/17 Police Report – PK reported that an incident had occurred during the last"
        " evening (31st May).",
        "",
        "79/17 Village Hall Report – PK reported that a funding application had been submitted.",
        "",
        "80/17 Broadband Report - PW commented that there had been no recent broadband comments.",
    ]
)


def test_run_in_title_then_the_name_of_who_was_elected() -> None:
    m = from_text(WRETTON_2019, "2019-05-13 wretton.md")
    assert table(m) == [
        ("1", "Election of Chairman"),
        ("2", "Chairman signed Declaration of Acceptance of Office"),
        ("5", "Election of Vice-Chairman"),
        ("6", "Approval of Minutes"),
    ]
    assert body(m, "1").startswith("David Llewellyn was nominated and seconded as Chairman")
    assert body(m, "5").startswith("Mick Peake was nominated")


def test_run_in_title_whose_word_the_text_repeats() -> None:
    m = from_text(STOKE_FERRY_2019, "2019-02-06 stoke ferry.txt")
    assert table(m) == [
        ("21/19", "To Receive and Accept Apologies for Absence"),
        ("22/19", "Declarations of Interest on Agenda Items and Dispensation Requests"),
        ("23/19", "Minutes of the Ordinary Meeting on 9 January 2019"),
    ]
    assert body(m, "21/19").startswith("Apologies were received and accepted from Cllr Kit")
    assert body(m, "22/19") == "There were none."


def test_run_in_title_then_a_dash_and_initials() -> None:
    m = from_text(WEST_DEREHAM_2017, "2017-06-01 west dereham.txt")
    assert table(m) == [
        ("76/17", "Clerk’s Report"),
        ("78/17", "Police Report"),
        ("79/17", "Village Hall Report"),
        ("80/17", "Broadband Report"),
    ]
    assert body(m, "78/17") == (
        "PK reported that an incident had occurred during the last evening (31st May)."
    )


# Stoke Ferry Parish Council, January 2008: a colon, then an honorific and a name
STOKE_FERRY_2008 = "\n".join(
    [
        "Minutes of Stoke Ferry Parish Council Meeting held on Wednesday 9 January 2008",
        "",
        "2. Apologies: Were received from Borough Councillor C Sampson, County Councillor T"
        " White, Cllr M Precey, Cllr J Nicholas-Letch and PCSO Bunting.",
        "",
        "3. Minutes of Last Meeting: Cllr Mrs Mendoza proposed that the Minutes be accepted"
        " seconded by Cllr Mrs Mann.",
        "",
        "4. Matters Arising:",
        "",
        "a) The Common - the Fido Dog Waste Bin was now in place, the Borough Council have been"
        " notified.",
    ]
)


def test_run_in_title_before_an_honorific_and_a_name() -> None:
    m = from_text(STOKE_FERRY_2008, "2008-01-09 stoke ferry.txt")
    assert table(m)[1:] == [("3", "Minutes of Last Meeting"), ("4", "Matters Arising")]
    assert body(m, "3").startswith("Cllr Mrs Mendoza proposed that the Minutes be accepted")


# --- a numbered list inside one of a Markdown file's sections ------------------------------

# Town of North Star (Minnesota), township board, 19 April 2021 (mjsiers/northstar-township-web):
# the clerk's numbered points inside one "##" section among many
NORTH_STAR_2021 = "\n".join(
    [
        "# Town of North Star",
        "Monthly Meeting  ",
        "April 19, 2021",
        "",
        "## CALL TO ORDER",
        "Supervisor Gary Mantay called the meeting to order . In attendance were Supervisors"
        " Gary Mantay, Dick Dillon, Janet Keough",
        "",
        "## MINUTES APPROVAL ",
        "March minutes Dick motion, Gary second, Vote Dick aye, Gary aye, Jan aye, March"
        " minutes approved with changes",
        "",
        "## COMMENTS FROM CLERK OR TREASURER",
        "1.  Clerk Q1 reports due in April are completed  ",
        "    a.  941 2021 Q1 federal tax",
        "    b.  2021 Q1 MN Unemployment filing",
        "",
        "2.  Confirmed Deputy Clerk position with Sue Forbragd",
        "3.  Return to in-person monthly meeting posting -- attached",
        "4.  MATIT: American Rescue Plan Act Information  ",
        "",
        "## FIRE DEPARTMENT",
        "Rory reported a mutual aid and medical call (standby).",
        "",
        "## MAINTENANCE",
        "Dick has nothing new to report",
        "",
        "## RECYCLING",
        "Jan reports everything is going well.",
    ]
)

# Perth Artifactory (Western Australia), AGM of 14 September 2024 (Perth-Artifactory/wiki):
# the agenda's numbered list at the top, then the meeting's sections
PERTH_AGM_2024 = "\n".join(
    [
        "# AGM Minutes 2024-09-14",
        "",
        "## Online attendance details",
        "",
        "Online attendance will be facilitated by Google Meet.",
        "",
        "## Agenda",
        "",
        "1. To confirm the minutes of the previous AGM and of any special general meeting held"
        " since then if unconfirmed.",
        "2. To receive and consider",
        "3. Elect the committee members",
        "5. To Confirm or vary the entrance fees, subscriptions and other amounts (if any) to be"
        " paid by members",
        "6. Other business of which notice has been given as per the rules",
        "",
        "## Setup",
        "",
        "Attendees (ordinary Members):",
        "",
        "## Minutes",
        "",
        "The Treasurer reports that 69 members are eligible to vote at this AGM.",
        "",
        "## Other business",
        "",
        "None.",
        "",
        "## End of meeting",
        "",
        "Meeting concluded at 13:31 hrs.",
    ]
)


def test_a_numbered_list_in_one_markdown_section_is_its_text() -> None:
    m = from_text(NORTH_STAR_2021, "2021-04-minutes.md")
    assert table(m) == [
        ("", "CALL TO ORDER"),
        ("", "MINUTES APPROVAL"),
        ("", "COMMENTS FROM CLERK OR TREASURER"),
        ("", "FIRE DEPARTMENT"),
        ("", "MAINTENANCE"),
        ("", "RECYCLING"),
    ]
    assert "2. Confirmed Deputy Clerk position with Sue Forbragd" in m.items[2].body


def test_a_numbered_agenda_at_the_top_gives_way_to_the_sections() -> None:
    m = from_text(PERTH_AGM_2024, "2024-09-14.md")
    assert table(m) == [
        ("", "Online attendance details"),
        ("", "Agenda"),
        ("", "Setup"),
        ("", "Minutes"),
        ("", "Other business"),
        ("", "End of meeting"),
    ]
    assert m.items[1].body.startswith("1. To confirm the minutes of the previous AGM")


# --- a table read line by line ---------------------------------------------------------------

# Limerick Joint Policing Committee, 23 September 2022 (../shared/corpora/limerick): item 5's
# road deaths table, one cell a line; its counts "5" (2012) and "6" (2013) stand over the
# next year like item numbers over their titles
ROAD_DEATHS = "\n\n".join(
    [
        "**4.UPDATE ON GARDA OPERATING FUNCTIONAL MODEL**",
        "The Chief Superintendent outlined details of changes to the Limerick Garda Division.",
        "**5.UPDATE ON TOTAL ROAD TRAFFIC ACCIDENTS WITHIN THE LIMERICK DIVISION AND**",
        "**PLANS BEING PUT IN PLACE TO PREVENT THESE**",
        "Road Deaths Limerick Division 2022",
        "there has been a marked downward trend of road deaths in Limerick where there were 23",
        "deaths in Limerick in 2009 with 18 losing their lives the following year.",
        *"Limerick Year Road Deaths 2009 23 2010 18 2011 15 2012 5 2013 6 2014 10".split(),
        "**6.UPDATE ON BURGLARY AND TRAFFIC STRATEGY BEING PUT IN PLACE COMING INTO THE**",
        "**CHRISTMAS PERIOD**",
        "The Chief Superintendent set out the following:",
        "**7.UPDATE ON GARDA CENTENARY CELEBRATIONS**",
        "The Chief Superintendent outlined details of events taking place.",
    ]
)


def test_a_table_read_a_cell_a_line_holds_no_items() -> None:
    meeting = from_text(
        "LIMERICK JOINT POLICING COMMITTEE\n\nMinutes of Meeting held on 23rd September 2022\n\n"
        + ROAD_DEATHS,
        "minutes.md",
    )
    assert [i.number for i in meeting.items] == ["4", "5", "6", "7"]
    assert body(meeting, "5").split()[-6:] == ["2012", "5", "2013", "6", "2014", "10"]


def test_the_real_road_deaths_minutes() -> None:
    from minutesqa.parse import read_document
    from tests.conftest import LIMERICK, need_corpus

    folder = LIMERICK / "2022" / "12" / "16-Joint Policing Committee Meeting"
    need_corpus(folder)
    path = next(folder.glob("*23rd September 2022.md"))
    meeting = segment(read_document(path, max_bytes=2**22, timeout_s=30))
    assert [i.number for i in meeting.items] == [str(n) for n in range(1, 16)]
    assert meeting.items[4].title.startswith("UPDATE ON TOTAL ROAD TRAFFIC ACCIDENTS")
    assert meeting.items[5].title.startswith("UPDATE ON BURGLARY AND TRAFFIC STRATEGY")


# --- the meeting's kind inside a body's name ---------------------------------------------------


def test_the_meetings_kind_is_not_part_of_the_bodys_name() -> None:
    from minutesqa.segment.names import clean_name

    # the header phrases of Crete Township (Illinois) 2024-2026, Stoke Ferry PC 2011 and
    # Milburn PC's AGMs 2017 and 2019, as the header reader takes them
    assert clean_name("CRETE TOWNSHIP SPECIAL BOARD OF TRUSTEES MEETING") == (
        "CRETE TOWNSHIP BOARD OF TRUSTEES"
    )
    assert clean_name("Crete Township Regular Board of Trustees") == (
        "Crete Township Board of Trustees"
    )
    assert clean_name("Stoke Ferry Annual Parish Council") == "Stoke Ferry Parish Council"
    assert clean_name("Milburn Parish Council A.G.M") == "Milburn Parish Council"
    assert clean_name("MINUTES OF NORTHWOLD PARISH COUNCIL AGM MEETING HELD AT THE HALL") == (
        "NORTHWOLD PARISH COUNCIL"
    )
    # a kind word that is not just before an organisational noun stays
    assert clean_name("Audit and Annual Report Group") == "Audit and Annual Report Group"


def test_the_body_of_the_meeting_was_held_sentence() -> None:
    # Township of Assiginack (Ontario), 6 January 2015: the body in "The Regular Meeting of
    # the Council of ... was held", not the bare "Council" of the lines below
    meeting = from_text(
        "The Regular Meeting of the Council of the Corporation of the Township of Assiginack "
        "was held in the Council Chambers on Tuesday, January 6, 2015 at 7:00 P.M.\n"
        "Present were Reeve Paul Moffatt, Members Robert Case, Leslie Fields, Hugh Moggy, and "
        "Brenda Reid\n"
        "#001-01-15 – L. Fields – B. Case\n"
        "THAT the Regular Meeting of the Council of the Corporation of the Township of "
        "Assiginack be opened for business with a quorum of members present at 7:00 p.m.\n"
        "Carried.\n",
        "2015-01-06-council.txt",
    )
    assert meeting.committee == "Council of the Corporation of the Township of Assiginack"


def test_a_front_matter_title_with_the_meetings_month_gives_the_body() -> None:
    # Northwold Parish Council's posts (lovell/stokeferry.com), March and October 2015: no
    # line of the text names the body; the title does, with the meeting's month after it
    for title in (
        "Northwold Parish Council March Meeting",
        "Northwold Parish Council -October meeting",
    ):
        meeting = from_text(
            "Councillors present: Cllr. R. Crisp – Chair (RC), Cllr. A. Collins (AC)\n\n"
            "Cllr. Crisp welcomed all to the meeting.\n\n"
            "15/09/1 Public Forum – LGA 1972, Section 100(1): None.\n\n"
            "15/09/2 Local Authority Reports: No report.\n\n"
            "15/09/3 Minutes: Approved.\n",
            "2015-10-14.md",
            title=title,
        )
        assert meeting.committee == "Northwold Parish Council"
    from minutesqa.segment.names import clean_name

    assert clean_name("March Town Council") == "March Town Council"  # a town, not a month


def test_a_forms_committee_field_names_the_body() -> None:
    # Decoy Community Primary School governors' committees (Devon), January 2021 and
    # September 2020: the school's letterhead, then the template's fields on one line
    for field, name in (
        (
            "COMMITTEE; Business Management Committee DATE; 25/01/2021",
            "Business Management Committee",
        ),
        (
            "COMMITTEE Learning & Wellbeing Committee DATE 21/09/2020",
            "Learning & Wellbeing Committee",
        ),
    ):
        meeting = from_text(
            f"BM 210125\n\nDECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS\n\n{field}\n\n"
            "GOVERNOR ATTENDANCE\nKeith Moore P P P\nHeather Poustie P P P\n\n"
            "1. Apologies\nNone.\n\n2. Minutes of the last meeting\nAgreed.\n\n"
            "3. Finance\nThe budget was noted.\n",
            "bm-committee-minutes-25-january-2021.txt",
        )
        assert meeting.committee == name


def test_a_councillor_in_attendance_is_no_body() -> None:
    # Stoke Ferry Parish Council, 9 September 2020 (its post's text is one paragraph): the
    # attendance names a borough councillor beside his council; the title names the body
    meeting = from_text(
        "Page 1 of 7 STOKE FERRY PARISH COUNCIL Draft (until approved at the next meeting) "
        "Minutes of the Ordinary Meeting held on Wednesday 9 September 2020 at 7.00 pm, "
        "Virtually online via Zoom Present: Cllr Sue Lintern (Chair) Cllr Kit Hesketh-Harvey "
        "(Vice-Chair) (From 133/20 to end) Cllr Stuart Collins Cllr Andrew Hayward Cllr Trudy "
        "Mann Cllr Janet Taylor Helen Richardson (Parish Clerk and Financial Responsible Person) "
        "Also, in Attendance Public – 1 Cllr Colin Sampson, Borough Council of Kings Lynn and "
        "West Norfolk Cllr Martin Storey, Norfolk County Council Stephen Ward and Alan Lury "
        "Representatives from the Bluebell Pub Campaign 150/20 Openness and Transparency "
        "Notice The Chair read the notice. 151/20 Aggressive and Abusive Behaviour The Chair "
        "read the notice. 152/20 To Receive and Consider Acceptance for Apologies of Absence "
        "Apologies were received.\n",
        "index.md",
        title="Stoke Ferry Parish Council Meeting September",
    )
    assert meeting.committee == "Stoke Ferry Parish Council"


# --- Decoy Community Primary School governors (decoy-school/school-site @d6bca75,
# src/static/uploads/): the full governing body (FGB), the Business Management (BM) and
# Learning & Wellbeing (LW) committees, references counted through the academic year
# ("BM 69/2122") -------------------------------------------------------------------------

GOVERNORS_HEADER = """DECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS

COMMITTEE; Business Management Committee DATE; 25/01/2021

In attendance: None
"""

# --- misprints inside a climbing chain ---------------------------------------------------

# bm-committee-minutes-25-january-2021.pdf: "BM 503/2021" between 49 and 51
BM_2021_01 = (
    GOVERNORS_HEADER
    + """
BM 47/2021 Health & Safety a. Update on health and safety matters in relation to Covid-19.
Heather Poustie explained the current position.
BM 48/2021 Policies The following were considered, and action taken as shown:
a. Asset Management Plan – deferred to next meeting
BM 49/2021 Information provided
by the Clerk
The training programme is in circulation. Let the clerk know of any
requirement.

BM 503/2021 Matters for the next
agenda
The following matters were agreed for the next agenda:
Finance:
BM 51/2021 Date of next meeting Monday 15 March 2021 at 1830 Online

The meeting closed at 1955
"""
)


def test_a_digit_too_many_neither_ends_the_chain_nor_hides_in_the_item_before() -> None:
    assert table(from_text(BM_2021_01)) == [
        (
            "BM 47/2021",
            "Health & Safety a. Update on health and safety matters in relation to Covid-19.",
        ),
        ("BM 48/2021", "Policies The following were considered, and action taken as shown"),
        ("BM 49/2021", "Information provided by the Clerk"),
        ("BM 503/2021", "Matters for the next agenda"),
        ("BM 51/2021", "Date of next meeting Monday 15 March 2021 at 1830 Online"),
    ]


# bm-committee-minutes-21-march-2022-final.pdf: two misprints in a row, "BM 592" and "BM 603"
BM_2022_03 = (
    GOVERNORS_HEADER
    + """
BM 57/2122 Urgent business
brought forward at
the discretion of the
Chair

BM 58/2122 Finance Ruth Shoare arrived at this point.

a. Monitor budget. The monitor had been provided and Kay advised
that since there is still two weeks to the end of the financial year

BM 592/2122 Personnel a. Monitor staff well-being and absence to identify any trends. Various
papers had been provided prior to the meeting including the results
of the staff survey.

BM 603/2122 Premises The following is an update on premises:

Work outstanding:
• New Velux windows in the junior block – DCC are looking at
BM 61/2122 Governance There were no governance matters to report
BM 62/2122 Data Protection There were no DP matters to report
"""
)


def test_two_misprints_in_a_row_are_items() -> None:
    assert [n for n, _ in table(from_text(BM_2022_03))] == [
        "BM 57/2122",
        "BM 58/2122",
        "BM 592/2122",
        "BM 603/2122",
        "BM 61/2122",
        "BM 62/2122",
    ]
    titles = [t for _, t in table(from_text(BM_2022_03))]
    assert titles[2].startswith("Personnel a. Monitor staff well-being")
    assert titles[3] == "Premises The following is an update on premises"


# lw-committee-minutes-21-september-2020.pdf: "LW 11" printed twice, the count going on
# from the repeat ("LW 12 Information", the agenda's 13)
LW_2020_09 = (
    GOVERNORS_HEADER
    + """
LW 10/2021 Safeguarding a. Safeguarding training for staff – online refresher training
completed but no face to face training.
LW 11/2021 Workplan Consider destinations of July leavers and the quality of transition
arrangements.
LW 11/2021 Policies and Other
Documents
The following were approved.
LW 12/2021 Information
provided by the Clerk
There are training opportunities being provided by Babcock.
LW 13/2021 Matters for the
next agenda
The following matters were agreed for the next agenda.
"""
)


def test_a_number_printed_twice_is_the_next_item() -> None:
    assert table(from_text(LW_2020_09)) == [
        (
            "LW 10/2021",
            "Safeguarding a. Safeguarding training for staff – online refresher training"
            " completed but no face to face training.",
        ),
        (
            "LW 11/2021",
            "Workplan Consider destinations of July leavers and the quality of transition"
            " arrangements.",
        ),
        ("LW 11/2021", "Policies and Other"),
        ("LW 12/2021", "Information provided by the Clerk"),
        ("LW 13/2021", "Matters for the next agenda"),
    ]


# bm-committee-minutes-16-may-2022-final.pdf: "BM 89" for 80 after "BM 79", the count
# going on from 89 (90 ... 94), and the agenda listing 69 ... 85 above the minutes
BM_2022_05 = (
    GOVERNORS_HEADER
    + """
Agenda:

BM 77/2122 Premises
BM 78/2122 Governance
BM 79/2122 Data Protection
BM 80/2122 Safeguarding
BM 81/2122 Health & Safety to include Covid19 matters
BM 82/2122 Policies/Documents

Item Notes Action
BM 77/2122 Premises Work outstanding:
• New Velux windows in the junior block – DCC are looking at
replacing these under the condition survey – awaiting outcome.
BM 78/2122 Governance a. Review extended school provision (breakfast club/after school club /
holiday club) and consider the structure.
BM 79/2122 Data Protection There were no DP matters to report
BM 89/2122 Safeguarding Dave Lee (DSL) had provided a report and the outline of it is below:
● Staff training - The Single Central Record has been checked.
BM 90/2122 Health & Safety Heather said that the Outdoor Education policy has been updated.
DCC have provided updated advice on COVID arrangements.
BM 91/2122 Policies The following policy/document was approved and is recommended to
the FGB if required.
"""
)


def test_a_mistyped_digit_and_the_count_going_on_from_it() -> None:
    assert table(from_text(BM_2022_05)) == [
        ("BM 77/2122", "Premises Work outstanding"),
        (
            "BM 78/2122",
            "Governance a. Review extended school provision (breakfast club/after school club /"
            " holiday club) and consider the structure.",
        ),
        ("BM 79/2122", "Data Protection There were no DP matters to report"),
        (
            "BM 89/2122",
            "Safeguarding Dave Lee (DSL) had provided a report and the outline of it is below",
        ),
        (
            "BM 90/2122",
            "Health & Safety Heather said that the Outdoor Education policy has been updated.",
        ),
        (
            "BM 91/2122",
            "Policies The following policy/document was approved and is recommended to the FGB"
            " if required.",
        ),
    ]


def test_one_keystroke() -> None:
    assert one_keystroke(503, 50) and one_keystroke(592, 59) and one_keystroke(133, 33)
    assert one_keystroke(89, 80) and one_keystroke(11, 12) and one_keystroke(119, 19)
    assert not one_keystroke(17, 8) and not one_keystroke(90, 81) and not one_keystroke(69, 86)


def test_an_intruder_is_no_misprint_where_the_expected_number_follows() -> None:
    """ "4", "15 ..." (a figure opening a line), "5": the next heading is the number the
    chain expects, so "15" is not read as it."""
    lines = ["4. Planning", "15 Church Lane, a new porch", "5. Finance", "6. Highways"]
    cands = [c for i, line in enumerate(lines) if (c := candidate_at(line, i))]
    assert [c.order for c in cands] == [4, 15, 5, 6]
    assert misprint_readings(cands) == {}


# --- committee-prefixed references with a year pair ---------------------------------------

# fgb-minutes-191014.pdf: the agenda prints "FGB01/1920", the minutes "01/1920"
FGB_2019_10 = """DECOY COMMUNITY PRIMARY SCHOOL BOARD OF GOVERNORS

COMMITTEE
;
Board of Governors DATE; 14/10/2019

Agenda:

FGB01/1920 To record those Present, accept any apologies and welcome any visitors
FGB02/1920 To agree the Minutes of the last meeting
FGB03/1920 To discuss any matters arising from the minutes and not on this agenda
FGB04/1920 Urgent business brought forward at the discretion of the Chair

Item Notes Action
01/1920 To record those who
were present, accept
apologies and
sanction absences
The meeting commenced at 1906

Apologies: Alex Kirkbride and sanctioned

02/1920 To agree the Minutes
of the last meeting
held 15 July 2019
Agreed and signed. Copy to Headteacher and to be placed on website Clerk to place
on website
03/1920 To discuss any
matters arising from
the minutes and not
on this agenda
The following were outstanding actions from the minutes:
04/1920 Urgent business
brought forward at
the discretion of the
Chair
None
"""


def test_the_agenda_prints_the_committee_letters_the_minutes_do_not() -> None:
    meeting = from_text(FGB_2019_10)
    assert table(meeting) == [
        ("01/1920", "To record those who were present, accept apologies and sanction absences"),
        ("02/1920", "To agree the Minutes of the last meeting held 15 July 2019"),
        ("03/1920", "To discuss any matters arising from the minutes and not on this agenda"),
        ("04/1920", "Urgent business brought forward at the discretion of the Chair"),
    ]
    assert meeting.items[0].body.startswith("The meeting commenced at 1906")


def test_year_pair() -> None:
    assert year_pair("FGB01/1920") == "1920" and year_pair("BM 592/2122") == "2122"
    assert year_pair("FC 23/2324") == "2324" and year_pair("01/1920") == "1920"
    assert year_pair("45/23") is None and year_pair("2014/2016") is None


# Stoke Ferry Parish Council, 1 November 2017 (lovell/stokeferry.com @867787f,
# src/2018/01/stoke-ferry-parish-council-meeting-minutes-november/index.md): "122/17"
# printed twice, the count going on from the repeat
STOKE_FERRY_2017_11 = """Minutes of Stoke Ferry Parish Council Meeting \
held on Wednesday 1 November 2017

120/17 EU Quotas on Sugar Beet - Cllr Jim McNeil agreed to contact British Sugar to find out \
if there were implications.

121/17 Urgent Items as agreed by the Chairman - There were none.

122/17 Forward Agenda List - This was noted.

122/17 Public Participation and Councillors Items

• Cllr Jim McNeil proposed for new owners of the pub to attend a meeting to introduce \
themselves.

123/17 Date and Time of Next Meeting

Wednesday 6 December 2017 at 7.00 pm.
"""


def test_a_parish_councils_minute_number_printed_twice() -> None:
    assert [n for n, _ in table(from_text(STOKE_FERRY_2017_11))] == [
        "120/17",
        "121/17",
        "122/17",
        "122/17",
        "123/17",
    ]
    assert (
        table(from_text(STOKE_FERRY_2017_11))[3][1] == "Public Participation and Councillors Items"
    )


# Milburn Parish Council (Cumbria), 12 November 2019 (a PDF's text, shortened): each
# minute numbered by the meeting's year and month, then its own number, padded
MILBURN_2019 = """Milburn Parish Council - 12th November 2019

Present
Councillors D Richardson (Chair) N Cresswell, M Armstrong, R Healey and
P Moran Clerk J Connelly Two members of the Public

19.11.01 Apologies
A Armstrong, EDC

19.11.02 Register of Interests None

19.11.03 Minutes
The minutes of the meeting held on the 3rd September 2019 had been
circulated prior to this meeting. All agreed this was a true record and were
signed and approved.

19.11.04 Matters Arising
Highway problems are still on-going, Councillor Armstrong to forward
photographs to A Armstrong, EDC

19.11.05 EDC – BT Telephone Box Consultation
The email sent by EDC had been circulated to Councillors prior to this
meeting. It was therefore resolved not to adopt the telephone box and the
Clerk to inform EDC accordingly.

19.11.06 Finance
Invoice from G & AM Johnston £ 1033.00 Village Green Grass Cutting
Councillors resolved to pay these invoices

19.11.09 Any Other Business
Two Planning Applications were received and circulated to the Councillors,
19/0612 received 10.9.19 Cobble Courtyard retrospective application
"""

# Milburn Parish Council, 8 September 2015: the same scheme, its numbers unpadded but one
MILBURN_2015 = """Milburn Parish Council - 8th September 2015

15.09.4 Matters Arising
No matters arising, items covered on agenda

15.09.05 Village Hall Constitution
Chairman Richardson welcomed Mr A Wood from the Village Hall Committee.

15.09.6 Big Lottery Update
Councillor Linsley reported :- The apple press day is to be held.
"""


def test_minutes_numbered_by_year_and_month_with_dots() -> None:
    # before: "19.11.01" read as item 19 titled "11.01 Apologies", every line item 19, no
    # chain: the whole file one item
    meeting = from_text(MILBURN_2019, "Minutes_for_Meeting_of_2019-11-12.txt")
    assert table(meeting) == [
        ("19.11.01", "Apologies"),
        ("19.11.02", "Register of Interests None"),
        ("19.11.03", "Minutes"),
        ("19.11.04", "Matters Arising"),
        ("19.11.05", "EDC – BT Telephone Box Consultation"),
        ("19.11.06", "Finance"),
        ("19.11.09", "Any Other Business"),
    ]
    assert body(meeting, "19.11.09").endswith("retrospective application")
    assert table(from_text(MILBURN_2015, "Minutes_for_Meeting_of_2015-09-08.txt")) == [
        ("15.09.4", "Matters Arising"),
        ("15.09.05", "Village Hall Constitution"),
        ("15.09.6", "Big Lottery Update"),
    ]


def test_an_organisational_noun_heads_a_bodys_name() -> None:
    from minutesqa.segment.names import valid_name

    # real names: the noun ends the name, comes before "of"/"for", opens a Welsh name, or
    # stands before a committee's abbreviation (Limerick's SPCs)
    for name in (
        "Crete Township Regular Board of Trustees",
        "Town of Crete",
        "Cyngor Cymuned Manordeilo a Salem",
        "Limerick City and County Council Climate Action, Biodiversity, Environment and "
        "Transportation SPC",
        "Milburn Parish Council",
    ):
        assert valid_name(name), name
    # a topic, a venue and a list of members hold such a noun but are no body (before: the
    # first line "Village Halls" named the body, the Rust Leadership Council's
    # "Council: Mara, Eric Huss, ..." attendance line too)
    for line in ("Village Halls", "Council Chamber", "Council: Mara, Eric Huss, Jack Huey"):
        assert not valid_name(line), line


# Node.js TSC, 10 June 2015 (Markdown, shortened): the document's parts ("## Links",
# "## Agenda", "## Minutes") over the minutes' sections, and under "### Today’s agenda" (no
# text of its own) the items
NODE_TSC_2015 = """# Node Foundation TSC Meeting 2015-06-10

## Links

* **Audio Recording**: <https://soundcloud.com/node-foundation/tsc-meeting-2015-06-10>

## Agenda

Extracted from **tsc-agenda** labelled issues and pull requests prior to meeting.

### nodejs/io.js

* Add working group state per Project Lifecycle. #1880
* Chrome 43 released; time for V8 4.3! #1735

### joyent/node

* Nominating new collaborators to this repository #25481

## Minutes

### Present

* Shigeki Ohtsu (TSC)
* Colin Ihrig (TSC)

### Quick review of the previous meeting

* **Bert**: Discussed adding WG for project life cycle.

### Standup

* **Shigeki**: preparing for the next OpenSSL update.

### Today’s agenda

#### Add working group state per Project Lifecycle

* **Mikeal**: pretty much resolved, we just need to close the PR.

#### Chrome 43 released; time for V8 4.3

* **Domenic**: not sure if there’s much progress on that.

#### Nominating new collaborators to this repository

See https://github.com/joyent/node/issues/25481

## Next meeting

Will be held on June 17th, 1pm PST.
"""


def test_the_documents_parts_open_into_their_sections_and_items() -> None:
    # before: Links, Agenda, Minutes and Next meeting were the four items (the parts counted
    # as topics, so no section was opened)
    meeting = from_text(NODE_TSC_2015, "2015-06-10.md")
    assert [t for _, t in table(meeting)] == [
        "Links",
        "Agenda",  # its headings are the agenda list: the minutes' come after
        "Present",
        "Quick review of the previous meeting",
        "Standup",
        "Add working group state per Project Lifecycle",
        "Chrome 43 released; time for V8 4.3",
        "Nominating new collaborators to this repository",
        "Next meeting",
    ]


# Perth Artifactory committee, 20 April 2013 (a wiki page, shortened): the agenda part
# holds the minutes' items, there being no minutes part
PERTH_2013 = """### Committee meeting for Perth Artifactory 20/04/2013

-   Date: 20 April 2013

#### Previous minutes

Accept? (proposed Daniel, Brendan seconds, passed)

### AGENDA

-   Reports
-   Correspondence
-   Events

#### Treasurer Report

-   In good stead - \\$4377, have paid April rent.

#### Correspondence

-   Antony Jessop - popped up hassling Jason, SKoT contacted

#### Events

-   NoizeMaschin happening on Tuesday, last one pulled in 450

### GENERAL

-   Daniel has dropped off his key, requests info@ emails be redirected to someone else.

### ACTION SUMMARY

-   agenda mail out a week in advance again
"""


def test_an_agenda_part_with_no_minutes_part_gives_its_items() -> None:
    # before: AGENDA, GENERAL and ACTION SUMMARY beside the title, the reports inside AGENDA
    meeting = from_text(PERTH_2013, "2013-04-20.md")
    titles = [t for _, t in table(meeting)]
    assert titles[-6:] == [
        "AGENDA",
        "Treasurer Report",
        "Correspondence",
        "Events",
        "GENERAL",
        "ACTION SUMMARY",
    ]
