"""Committee filters on a real Chroma index (FakeEmbedder: the filter is under test, not
the ranking): one committee spelled several ways across years of minutes is one filter,
and abbreviations such as JPC work."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from minutesqa.answer.query import Query
from minutesqa.answer.retrieve import Retriever
from minutesqa.committees import committee_choices
from minutesqa.config import Settings
from minutesqa.errors import ConfigError
from minutesqa.ingest import ingest
from tests.conftest import FakeEmbedder

MEETINGS = {
    "a.txt": ("Municipal District of Cappamore-Kilmallock", "Tuesday 5th May 2015"),
    "b.txt": ("Municipal District of Cappamore Kilmallock", "Tuesday 3rd May 2016"),
    "c.txt": ("Joint Policing Committee", "Monday 2nd May 2016"),
    "d.txt": ("Limerick Joint Policing Committee", "Monday 1st May 2017"),
    "e.txt": ("Metropolitan District of Limerick", "Friday 5th May 2017"),
}


@pytest.fixture(scope="module")
def retriever(tmp_path_factory: pytest.TempPathFactory) -> Retriever:
    folder = tmp_path_factory.mktemp("committees")
    for name, (committee, date) in MEETINGS.items():
        (folder / name).write_text(
            f"Minutes of the meeting of the {committee} held on {date}.\n\n"
            "1. Adoption of Minutes\n\nAdopted.\n\n"
            "2. Road Safety\n\nThe road safety report on speeding was noted.\n",
            encoding="utf-8",
        )
    settings = Settings.load(env={}, index_dir=folder.parent / f"{folder.name}-index")
    fake = FakeEmbedder()
    summary = ingest(folder, settings, embedder=fake, progress=False)
    assert summary.meetings == 5, summary.failures
    return Retriever(settings, embedder=fake)  # type: ignore[arg-type]


def committees_found(retriever: Retriever, committee: str) -> set[str]:
    result = retriever.search(Query("road safety speeding", committee=committee, k=20))
    return {h.ref.committee for h in result.hits}


def test_the_index_holds_each_spelling(retriever: Retriever) -> None:
    assert sorted(retriever.coverage.committees) == sorted(c for c, _ in MEETINGS.values())


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        # an exact name, with its other spellings, but not the longer names that hold it
        ("Municipal District of Cappamore-Kilmallock", {"a.txt", "b.txt"}),
        ("Joint Policing Committee", {"c.txt"}),
        ("Cappamore Kilmallock", {"a.txt", "b.txt"}),
        ("cappamore-kilmallock", {"a.txt", "b.txt"}),
        ("Joint Policing", {"c.txt", "d.txt"}),
        ("JPC", {"c.txt", "d.txt"}),
        ("the Joint Policing Committee meeting", {"c.txt", "d.txt"}),
        ("Limerick", {"d.txt", "e.txt"}),
    ],
)
def test_a_committee_filter_covers_every_spelling(
    retriever: Retriever, asked: str, expected: set[str]
) -> None:
    assert committees_found(retriever, asked) == {MEETINGS[f][0] for f in expected}


def test_latest_meeting_of_a_committee_spelled_two_ways(retriever: Retriever) -> None:
    result = retriever.search(Query("road safety at the latest meeting", committee="JPC"))
    assert result.since == result.until == dt.date(2017, 5, 1)
    # the latest meeting's items come first (a strong preference, not a hard filter)
    assert [(h.ref.committee, h.ref.date.isoformat()) for h in result.hits[:3]] == [
        ("Limerick Joint Policing Committee", "2017-05-01")
    ] * 3
    assert {h.ref.committee for h in result.hits} <= {c for c, _ in MEETINGS.values() if "Pol" in c}


def test_an_unknown_committee_is_one_line_naming_the_known_ones(retriever: Retriever) -> None:
    with pytest.raises(ConfigError, match=r"no committee in the index matches 'Planning'; known"):
        retriever.search(Query("road safety", committee="Planning"))


def test_no_filter_searches_every_committee(tmp_path: Path, retriever: Retriever) -> None:
    assert committees_found(retriever, "") == {c for c, _ in MEETINGS.values()}


TRAVEL = "Travel and Transportation Strategic Policy Committee"


def test_the_committee_picker_shows_each_body_once() -> None:
    counts = {
        "Municipal District of Cappamore-Kilmallock": 126,
        "Municipal District of Cappamore Kilmallock": 33,
        f"Limerick City & County Council’s {TRAVEL}": 10,
        f"Limerick City and County Council’s {TRAVEL}": 17,
        "Joint Policing Committee": 14,
        "Limerick Joint Policing Committee": 8,
    }
    assert committee_choices(counts) == [
        "Joint Policing Committee",
        f"Limerick City and County Council’s {TRAVEL}",
        "Limerick Joint Policing Committee",
        "Municipal District of Cappamore-Kilmallock",
    ]


def test_header_gives_the_fuller_name_of_a_repeated_board_name(tmp_path: Path) -> None:
    """ "Board of Education" three times under "San Juan Unified School District": the body
    is the district's board, not a "Board of Education" shared by every school district."""
    from minutesqa.models import DocHints
    from minutesqa.segment.body_names import body_name

    header = [
        "San Juan Unified School District",
        "Board of Education",
        "3738 Walnut Avenue, Carmichael, California 95608",
        "Board of Education Minutes",
        "February 11, 2020",
        "Regular Meeting",
        "Board of Education",
    ]
    name = body_name(header, tmp_path / "minutes.md", DocHints())
    assert name == "San Juan Unified School District Board of Education"


def test_meeting_with_no_name_takes_the_folder_name_its_text_uses() -> None:
    """A folder of several bodies: a meeting whose header names none takes the name whose
    own words its text uses ("Fair Oaks"), not the folder's commonest name."""
    from collections import Counter

    from minutesqa.segment.bodies import _folder_name_for

    seen = Counter(
        {"San Juan Unified School District Board of Education": 6, "Fair Oaks Water District": 2}
    )
    text = "The Fair Oaks board discussed water rates for the district."
    assert _folder_name_for(text, seen) == "Fair Oaks Water District"
    assert _folder_name_for("Nothing named here.", seen) == (
        "San Juan Unified School District Board of Education"
    )


def test_committee_name_words_most_of_the_archive_uses_name_no_committee() -> None:
    """In one council's archive its own name is in most chunks: "Limerick" in a question
    names none of its committees; "Kilmallock", in few chunks, names one."""
    from minutesqa.committees import common_name_words
    from minutesqa.indexing.lexical import LexicalIndex

    texts = ["Limerick roads report"] * 6 + ["Limerick housing in Kilmallock", "Parks"] * 2
    rows = [(f"c{i}", text, {}) for i, text in enumerate(texts)]
    lexical = LexicalIndex.build(rows)
    names = ["Limerick City Council", "Kilmallock Municipal District"]
    assert common_name_words(names, lexical) == frozenset({"limerick"})


@pytest.mark.parametrize(
    ("header", "name"),
    [
        (
            "Special Meeting of the Municipal District of Cappamore-Kilmallock to Approve "
            "the General Municipal Allocation",
            "Municipal District of Cappamore-Kilmallock",
        ),
        (
            "Municipal District of Cappamore-Kilmallock to Discuss the Active Travel/National "
            "Transport Association",
            "Municipal District of Cappamore-Kilmallock",
        ),
        (
            "Special Meeting of the Municipal District of Kilmallock on Athenacey Graveyard",
            "Municipal District of Kilmallock",
        ),
        ("Committee on Finance", "Committee on Finance"),
        (
            "Blended Meeting of the Climate Action Strategic Policy Committee",
            "Climate Action Strategic Policy Committee",
        ),
        # the document naming itself ends the name; so does the meeting's kind after a dash
        (
            "STOKE FERRY PARISH COUNCIL Draft Minutes Subject to the Approval at the next Meeting",
            "STOKE FERRY PARISH COUNCIL",
        ),
        (
            "Northwold and Whittington Parish Council – Extraordinary Meeting",
            "Northwold and Whittington Parish Council",
        ),
        ("Northwold Parish Council - Annual", "Northwold Parish Council"),
    ],
)
def test_a_meetings_purpose_is_not_part_of_the_bodys_name(header: str, name: str) -> None:
    from minutesqa.segment.names import clean_name, valid_name

    assert clean_name(header) == name and valid_name(name)


def test_an_officers_post_is_not_a_body() -> None:
    from minutesqa.segment.names import valid_name

    assert not valid_name("Administrator , Senior Executive Engineer")
    assert valid_name("Executive Committee")


def test_a_sentence_names_a_few_bodies_and_counts_many() -> None:
    from minutesqa.committees import committees_phrase

    assert committees_phrase({"Safer Stockton Partnership": 3}) == "Safer Stockton Partnership"
    assert committees_phrase({"Audit Committee": 1, "Board": 4}) == "Audit Committee and Board"
    many = {f"Committee {n}": 1 for n in "ABCDEFG"}
    many["Committee  A"] = 1  # another spelling of one body counts once
    assert committees_phrase(many) == "7 committees"


@pytest.mark.parametrize(
    ("header", "name"),
    [
        (["Town of North Star", "Monthly Meeting", "August 17, 2020"], "Town of North Star"),
        (["WRETTON PARISH MEETING", "Held at the Church 13th May 2015"], "Wretton Parish"),
        (["Minutes", "Hilltop Village Meeting", "7 March 2019"], "Hilltop Village"),
    ],
)
def test_local_bodies_are_bodies(tmp_path: Path, header: list[str], name: str) -> None:
    """A town, township, parish or village (the body in local government below a council)."""
    from minutesqa.models import DocHints
    from minutesqa.segment.body_names import body_name

    assert body_name(header, tmp_path / "minutes.md", DocHints()) == name


@pytest.mark.parametrize(
    ("printed", "name"),
    [
        # real Limerick headers printed in capitals: the acronyms keep theirs, "St." is a
        # title-case abbreviation, not an acronym
        (
            "ECONOMIC DEVELOPMENT, ENTERPRISE AND PLANNING STRATEGIC POLICY COMMITTEE (SPC) AND "
            "THE CLIMATE ACTION, BIODIVERSITY & ENVIRONMENT SPC",
            "Economic Development, Enterprise and Planning Strategic Policy Committee (SPC) and "
            "the Climate Action, Biodiversity & Environment SPC",
        ),
        (
            "BOARD OF RCCN (RURAL COMMUNITY CARE NETWORK) WEST LIMERICK LIMITED",
            "Board of RCCN (Rural Community Care Network) West Limerick Limited",
        ),
        ("BOARD OF GOVERNORS OF ST. JOHN’S HOSPITAL", "Board of Governors of St. John’s Hospital"),
        (
            "MUNICIPAL DISTRICT OF ADARE- RATHKEALE JPC SUBCOMMITTEE",
            "Municipal District of Adare-Rathkeale JPC Subcommittee",
        ),
        # a name half in capitals (Sacramento boards): the capitals are title-cased alike
        (
            "LOS RIOS COMMUNITY COLLEGE DISTRICT Board of Trustees",
            "Los Rios Community College District Board of Trustees",
        ),
    ],
)
def test_a_name_printed_in_capitals_keeps_its_acronyms(printed: str, name: str) -> None:
    """Title-casing a name printed in capitals keeps an acronym's capitals (2 to 5 letters,
    no vowel) and writes a title's abbreviation in title case."""
    from minutesqa.segment.names import _tidy_name

    assert _tidy_name(printed) == name
