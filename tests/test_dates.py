"""Dates in minutes (find_dates), dates a user types (parse_date) and what a question says
about time (question_dates): the forms dates.py documents, with exact results."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minutesqa.answer.dates import DateIntent, question_dates
from minutesqa.answer.query import mentions_period
from minutesqa.models import DocHints
from minutesqa.segment.dates import find_dates, month_first, parse_date
from minutesqa.segment.held_date import meeting_date

D = dt.date
TODAY = D(2024, 6, 15)


# --- find_dates: dates as minutes print them ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tuesday, 5th July, 2011", D(2011, 7, 5)),
        ("FRIDAY, 10TH MAY, 2019", D(2019, 5, 10)),
        ("held on 3 March 2021 at 7pm", D(2021, 3, 3)),
        ("the 3rd day of March 2021", D(2021, 3, 3)),
        ("21* January 2020", D(2020, 1, 21)),  # OCR's "21st"
        ('26" June 2018', D(2018, 6, 26)),
        ("1 Sept. 2019", D(2019, 9, 1)),
        ("12 Feb 2022", D(2022, 2, 12)),
        ("May 30, 2024", D(2024, 5, 30)),
        ("Wednesday, March 4th, 2020", D(2020, 3, 4)),
        ("2024-05-30", D(2024, 5, 30)),
        ("05/06/2024", D(2024, 6, 5)),  # day first, as UK minutes write it
        ("5.6.2024", D(2024, 6, 5)),
    ],
)
def test_find_dates_reads_each_printed_form(text: str, expected: dt.date) -> None:
    assert [day for _, day in find_dates(text)] == [expected]


def test_find_dates_gives_every_date_with_its_position_in_order() -> None:
    text = "Minutes of 2024-05-30, confirming 1 May 2024; next meeting June 27, 2024."
    assert find_dates(text) == [
        (text.index("2024-05-30"), D(2024, 5, 30)),
        (text.index("1 May"), D(2024, 5, 1)),
        (text.index("June"), D(2024, 6, 27)),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2020",  # no such day
        "1 January 1850",  # outside 1900-2100: a reference, not a meeting
        "13/13/2020",
        "May 2024",  # no day: not a full date
        "item 5 of 2024",
        "",
    ],
)
def test_find_dates_skips_what_is_not_a_full_date(text: str) -> None:
    assert find_dates(text) == []


# --- parse_date: a date a user gives ----------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-30", D(2024, 5, 30)),
        ("  5 July 2011 ", D(2011, 7, 5)),
        ("Tuesday, 5th July, 2011", D(2011, 7, 5)),
        ("2021", D(2021, 1, 1)),  # a year: its first day
        ("2021-05", D(2021, 5, 1)),  # a month: its first day
        ("2021-5", D(2021, 5, 1)),
    ],
)
def test_parse_date(value: str, expected: dt.date) -> None:
    assert parse_date(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "May 2024", " 30th ", ""])
def test_parse_date_refuses_with_the_form_to_use(value: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_date(value)
    assert str(info.value) == f"{value.strip()!r} is not a date: use YYYY-MM-DD, e.g. 2024-05-30"


def test_parse_date_refuses_a_month_out_of_range() -> None:
    with pytest.raises(ValueError):
        parse_date("2021-13")


# --- question_dates: what a question says about time ----------------------------------


def span(question: str) -> tuple[dt.date | None, dt.date | None, bool, bool]:
    intent = question_dates(question, today=TODAY)
    return intent.since, intent.until, intent.latest, intent.earliest


@pytest.mark.parametrize(
    ("question", "since", "until"),
    [
        ("What was decided in 2021?", D(2021, 1, 1), D(2021, 12, 31)),
        ("What did the board agree in May 2024?", D(2024, 5, 1), D(2024, 5, 31)),
        ("Budget in February, 2024", D(2024, 2, 1), D(2024, 2, 29)),  # a leap year
        ("Parking in sept 2019", D(2019, 9, 1), D(2019, 9, 30)),
        ("What happened on 5 July 2011?", D(2011, 7, 5), D(2011, 7, 5)),
        ("Who was present at the 2024-05-30 meeting?", D(2024, 5, 30), D(2024, 5, 30)),
        ("Grants between 2019 and 2021", D(2019, 1, 1), D(2021, 12, 31)),
        ("Grants between 2021 and 2019", D(2019, 1, 1), D(2021, 12, 31)),  # either order
        ("The 2020/21 budget", D(2020, 1, 1), D(2021, 12, 31)),  # a financial year
        ("The 2020-21 budget", D(2020, 1, 1), D(2021, 12, 31)),
        ("What was agreed this year?", D(2024, 1, 1), D(2024, 12, 31)),
        ("What was agreed last year?", D(2023, 1, 1), D(2023, 12, 31)),
        # a span: the start takes the end's year, a month alone its first or last day
        ("Burglaries between 1 January and 29 March 2018", D(2018, 1, 1), D(2018, 3, 29)),
        ("Offences between April and September 2020", D(2020, 4, 1), D(2020, 9, 30)),
        ("Offences from April to September 2020", D(2020, 4, 1), D(2020, 9, 30)),
        ("Grants between March 2019 and June 2020", D(2019, 3, 1), D(2020, 6, 30)),
        ("Between November and February 2020", D(2019, 11, 1), D(2020, 2, 29)),
        ("From 3rd of May 2019 to 30th June 2019", D(2019, 5, 3), D(2019, 6, 30)),
    ],
)
def test_question_dates_ranges(question: str, since: dt.date, until: dt.date) -> None:
    assert span(question) == (since, until, False, False)


@pytest.mark.parametrize(
    ("question", "since", "until"),
    [
        ("Complaints since 2019", D(2019, 1, 1), None),
        ("Complaints from March 2020", D(2020, 3, 1), None),
        ("Complaints after 2020", D(2021, 1, 1), None),
        ("Complaints after March 2020", D(2020, 4, 1), None),
        ("Complaints after December 2020", D(2021, 1, 1), None),
        ("Complaints before 2020", None, D(2019, 12, 31)),
        ("Complaints until May 2020", None, D(2020, 4, 30)),
        ("Complaints prior to 2015", None, D(2014, 12, 31)),
    ],
)
def test_question_dates_open_ranges(
    question: str, since: dt.date | None, until: dt.date | None
) -> None:
    assert span(question) == (since, until, False, False)


@pytest.mark.parametrize(
    "question",
    [
        "What was decided at the last meeting?",
        "the latest minutes",
        "What happened most recently?",
        "What was discussed recently about parking?",
        "the previous meeting",
    ],
)
def test_question_dates_latest(question: str) -> None:
    assert span(question) == (None, None, True, False)


@pytest.mark.parametrize("question", ["Who chaired the first meeting?", "the earliest minutes"])
def test_question_dates_earliest(question: str) -> None:
    assert span(question) == (None, None, False, True)


def test_a_date_in_the_question_comes_before_latest() -> None:
    assert span("What was the latest on parking in 2021?") == (
        D(2021, 1, 1),
        D(2021, 12, 31),
        False,
        False,
    )


def test_a_question_without_time_is_empty() -> None:
    intent = question_dates("Who chairs the audit committee?", today=TODAY)
    assert intent.empty
    assert (intent.since, intent.until, intent.latest, intent.earliest) == (
        None,
        None,
        False,
        False,
    )


def test_date_intent_empty() -> None:
    assert DateIntent().empty
    assert not DateIntent(since=D(2020, 1, 1)).empty
    assert not DateIntent(until=D(2020, 1, 1)).empty
    assert not DateIntent(latest=True).empty
    assert not DateIntent(earliest=True).empty


def test_numeric_dates_month_first_where_only_that_reads_as_a_date() -> None:
    assert [d for _, d in find_dates("Date: 03/14/2023")] == [dt.date(2023, 3, 14)]
    # day first unless told otherwise
    assert [d for _, d in find_dates("03/04/2023")] == [dt.date(2023, 4, 3)]
    assert [d for _, d in find_dates("03/04/2023", us_order=True)] == [dt.date(2023, 3, 4)]


def test_a_text_writing_dates_month_first_reads_its_ambiguous_ones_so() -> None:
    assert month_first("Held 03/04/2023. Approved 03/21/2023 by the board.")
    assert not month_first("Held 03/04/2023. Approved 21/03/2023 by the board.")
    assert not month_first("Held 03/04/2023.")  # nothing tells: day first
    header = "Board of Education\nRegular Meeting 03/04/2023"
    text = header + "\n\n1. Minutes of 02/21/2023 approved."
    assert meeting_date(header, text, Path("m.txt"), DocHints())[0] == dt.date(2023, 3, 4)


MAY_2022 = DateIntent(D(2022, 5, 1), D(2022, 5, 31))


@pytest.mark.parametrize(
    ("text", "held", "expected"),
    [
        ("Lisa Walker was the employee of the month for May.", D(2022, 4, 19), True),
        ("Lisa Walker was the employee of the month for May.", D(2021, 4, 20), False),
        ("Figures for May 2022 were lower.", D(2023, 1, 10), True),
        ("Figures for 2022 were lower.", D(2023, 1, 10), False),  # the year, not the month
        ("Members may raise it in 2022.", D(2022, 4, 19), False),  # the verb, not the month
    ],
)
def test_an_item_of_another_date_speaks_of_the_month_asked(
    text: str, held: dt.date, expected: bool
) -> None:
    assert mentions_period(text, MAY_2022, held) is expected


def test_an_item_speaks_of_a_longer_period_by_its_years() -> None:
    spring = DateIntent(D(2020, 4, 1), D(2020, 9, 30))
    assert mentions_period("From April - Sept 2020, 156 offences", spring, D(2021, 2, 2))
    assert not mentions_period("In 2021, 156 offences", spring, D(2021, 2, 2))
    assert mentions_period("Sept 2020 figures", DateIntent(D(2020, 9, 1), D(2020, 9, 30)))
