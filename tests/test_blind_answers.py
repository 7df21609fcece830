"""Answers to the blind Limerick questions (eval/limerick_c_questions.yaml, written outside
the team): each class of failure they showed, as a general mechanism, on the questions'
own words and short passages of the minutes they were asked of (the file named above
each)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from minutesqa.answer.abstain import abstain_reason
from minutesqa.answer.phrases import question_phrases, saying_chunks, says
from minutesqa.answer.retrieval import Retrieval
from minutesqa.committees import body_phrases, committees_named
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.indexing.terms import committee_words, tokenize
from minutesqa.models import Hit, ItemRef
from tests.conftest import FakeEmbedder

# committee names as the Limerick minutes spell them
BODIES = [
    "Municipal District of Newcastle West",
    "Municipal District of Newcastle West Joint Policing Sub Committee",
    "Limerick City and County Council, Home and Social Development Strategic Policy Committee",
    "Community, Leisure & Culture Strategic Policy Committee",
    "Limerick City & County Council’s Travel and Transportation Strategic Policy Committee",
    "Joint Policing Committee",
    "Limerick City and County Council",
]
GENERIC = frozenset("municipal district of committee sub limerick city and county council".split())
HOUSING_SPC = (
    "At the housing SPC in February 2023, how many affordable units in Newcastle West were "
    "in the Affordable Housing Fund application being prepared?"
)


def test_a_place_in_the_topic_is_not_the_body_a_question_names() -> None:
    # c19: the question names an SPC ("the housing SPC", no SPC of that name); Newcastle
    # West is where the units are. Before: the Newcastle West district was the body asked,
    # and the question was refused as covered by another body's minutes (other_body).
    assert body_phrases(HOUSING_SPC, BODIES, GENERIC) == [{"housing", "strategic", "policy"}]
    assert committees_named(HOUSING_SPC, BODIES, GENERIC) == ()
    # l042: the SPC named in full is the body; the district is not named beside it
    asked = (
        "How many affordable homes in Newcastle West were in the Affordable Homes Fund "
        "applications discussed at the Home and Social Development Strategic Policy "
        "Committee in February 2023?"
    )
    assert committees_named(asked, BODIES, GENERIC) == (BODIES[2],)
    # a body named by its place stays named, before or after its noun
    for asked in (
        "What did the Newcastle West district agree about footpaths in Abbeyfeale?",
        "What did the Municipal District of Newcastle West agree about footpaths?",
        "What did Newcastle West councillors ask about footpaths?",  # no body noun: as before
    ):
        assert committees_named(asked, BODIES, GENERIC) == (BODIES[0],), asked
    # the sub committee named by both its words and its district's
    assert committees_named(
        "What did the Joint Policing Committee for Newcastle West hear?", BODIES, GENERIC
    ) == (BODIES[1],)
    # "the council" names no body in particular: the district stays the body asked
    assert committees_named(
        "Did the council fund the Newcastle West district's library?", BODIES, GENERIC
    ) == (BODIES[0],)


def test_a_question_s_names_and_compounds_are_read_as_phrases() -> None:
    places = frozenset(w for c in BODIES for w in committee_words(c)) | {"adare", "rathkeale"}

    def read(question: str) -> list[tuple[str, ...] | str]:
        return [
            p.tokens if p.name else " ".join(p.tokens) for p in question_phrases(question, places)
        ]

    # c27, c14: a name, said as it is; "the Adare-Rathkeale Municipal District" is a body
    assert read(
        "What did the Adare-Rathkeale Municipal District agree about the Active Cities programme?"
    ) == [("active", "city")]
    assert read(
        "How much Dormant Accounts money was going into the Active Cities initiative, as "
        "presented to the community and culture SPC in July 2021?"
    ) == [("dormant", "account"), ("active", "city")]
    # c25: two topic words after a determiner are a compound (name False)
    assert read("What did the council decide about building a cable car in Limerick?") == [
        "cable car"
    ]
    # c19: the body and the place are no phrase; "the Affordable Housing Fund" is
    assert read(HOUSING_SPC) == [("affordable", "hous", "fund")]
    # b11: a hyphened compound is a name; "issuing body", "worn cameras" are not compounds
    assert read(
        "What did the Gardai tell the Joint Policing Committee in 2018 about issuing "
        "body-worn cameras to officers in Limerick?"
    ) == [("body", "worn")]
    # a verb after an auxiliary's subject, a month, a title before a name: no phrase
    assert read("In June 2014, how many votes did the winner receive at the Annual Meeting?") == [
        ("annual", "meet")
    ]
    assert read("What did Councillor Sheahan say in March 2019 about the five-year plan?") == []
    # a question in title case or capitals marks no name by them
    assert read("What Did The Council Decide About Street Parking?") == []
    assert read("WHAT DID THE COUNCIL DECIDE ABOUT THE ACTIVE CITIES PROGRAMME?") == []


# 2021/10/04-Meeting of the Community, Leisure and Culture Strategic Policy Committee/
# ... 8th July 2021.md, item 5
ACTIVE_CITIES = (
    "The members received a presentation on Active Cities from Sports Partnership. Active "
    "Cities is a National Initiative with 8 sites including Limerick, Cork, Galway, Waterford"
)
# 2022/03/08-Monthly Meeting of Municipal District of Adare-Rathkeale/... 8th February 2022.md
ACTIVE_TRAVEL = (
    "Councillor Keary asked if the funding approved under Active Travel could be put towards "
    "traffic and pedestrian safety measures at primary schools in the District. Motion "
    "proposing Limerick City and County Council support the HSE in the current"
)
# 2022/02/22 Travel and Transportation SPC item 6; a district's roads report
SHARED_CARS = (
    "Presentation: Regulating shared car service for Limerick City. He explained the workings "
    "of a shared car scheme: transport, walking, cycling and shared cars."
)
CABLE_FAULT = (
    "The public lighting was reported by the contractor as having an underground cable fault "
    "December 2022. The fault is located in the underground cable which requires excavation."
)
FILLER = [
    "The Council noted the report on housing, building and the roads programme in Limerick.",
    "Members discussed the car parking charges and the city centre works.",
    "The Director gave the District an update on the sports and recreation programme.",
]


# 2024/10/02-Monthly Meeting of the Municipal District of Newcastle West/... 11th September
# 2024.md, item 14; 2018/05/02-.../... 11th April 2018.md, item 5
LYONS_CROSS = (
    "I will ask at the next Meeting for an update on the proposed safety measures at Lyon’s "
    "Cross, Knocknasna, Abbeyfeale. REPLY: An application will be made to the Department of "
    "Transport for a Low Cost Safety Scheme under the 2025 programme."
)
WARDS_CROSS = (
    "The junction that they are referring to is the N21/L7091 Junction Wards Cross. They will "
    "be requesting Limerick City and County Council to design an appropriate scheme to deal "
    "with safety issues at Wards Cross"
)


def _archive() -> LexicalIndex:
    rows = [(f"c{i:05d}", FILLER[i % 3], {"date_int": 20220101}) for i in range(9990)]
    rows += [(f"a{i}", ACTIVE_CITIES, {"date_int": 20210708}) for i in range(2)]
    rows += [(f"t{i}", ACTIVE_TRAVEL, {"date_int": 20220208}) for i in range(2)]
    rows += [(f"s{i}", SHARED_CARS, {"date_int": 20220222}) for i in range(2)]
    rows += [(f"f{i}", CABLE_FAULT, {"date_int": 20221201}) for i in range(4)]
    # Wards Cross: named at ten meetings (2018-2022), not rare
    rows += [(f"w{i}", WARDS_CROSS, {"date_int": 20180411}) for i in range(10)]
    return LexicalIndex.build(rows)


ARCHIVE = _archive()


def _reason(question: str, *texts: str) -> str:
    ref = ItemRef("Limerick City and County Council", dt.date(2022, 2, 8), "2", "Reports")
    hits = [
        Hit(
            ref=replace(ref, item=str(i)),
            score=1.0,
            relevance=0.7,
            text=t,
            decisions=(),
            source="x",
        )
        for i, t in enumerate(texts, 2)
    ]
    vector = FakeEmbedder().embed([question])[0]
    found = Retrieval(hits, vector, question, None, None, None)
    return abstain_reason(question, found, ARCHIVE, FakeEmbedder())  # type: ignore[arg-type]


def test_a_name_or_a_rare_compound_is_covered_only_where_it_is_said() -> None:
    # c27: the items found hold "Active" (Travel) and "City" (Council) apart. Before: answered
    asked = "What did the district agree about the Active Cities programme?"
    assert _reason(asked, ACTIVE_TRAVEL, FILLER[2]) == "telling_words_missing"
    assert _reason(asked, ACTIVE_CITIES, FILLER[2]) == ""  # c14: said as it is, inflected
    # c25: "cable" (an underground cable fault), "car" (shared cars), never "cable car":
    # before, each word was in the items found and the question was answered
    asked = "What did the council decide about building a cable car in Limerick?"
    assert says(tokenize(CABLE_FAULT), ("cable", "car")) is False
    assert _reason(asked, SHARED_CARS, CABLE_FAULT) == "telling_words_missing"
    # a compound the items say is answered; so are its words apart where the archive says
    # the compound often (not rare: no phrase asked for)
    assert _reason("What did the council say about the cable fault?", CABLE_FAULT) == ""
    assert _reason("Were the car parking charges in Limerick discussed?", FILLER[1]) == ""
    assert says(tokenize("a cablecar"), ("cable", "car"))  # run together
    # the archive's chunks saying a phrase: inflected, with what tokenize drops between
    assert len(saying_chunks(ARCHIVE, ("active", "city"), None)) == 2
    assert len(saying_chunks(ARCHIVE, ("cable", "fault"), None)) == 4
    assert len(saying_chunks(ARCHIVE, ("cable", "car"), None)) == 0
    assert says(tokenize("the Ward’s Cross junction"), ("ward", "cross"))


# 2020/01/16-Monthly Meeting of the Municipal District of Cappamore-Kilmallock/... 12th
# December 2019.md, item 8; 2021: the minutes' other spelling
FANSTOWN = (
    "This project is seeking to identify the best approach to removing or upgrading seven "
    "level crossings located along the main Cork to Dublin line, including two located in "
    "Co. Limerick at Thomastown and Fanstown."
)
FANTSTOWN = "Councillor Carey raised the issue of the proposed Fantstown Railway Crossing closure"
# 2018/07/13-Joint Policing Committee Meeting/... 23rd March 2018.md; 2023/09/22-Joint
# Policing Committee Meeting/... 2nd June 2023.md
GARDA_CONTACT = (
    "She stated that her role was to engage with members of the public/key stakeholders, "
    "forward the relevant information to local Gardaí for action and revert with an update"
)
BODY_WORN = (
    "The Chief Superintendent stated that Minister Harris has asked that no presentations be "
    "given in relation to the new body worn cameras until such time as the Department of "
    "Justice signs off on the legislation."
)


def _dated(question: str, here: str, there: str, year: int) -> str:
    """The reason for a question of `year` whose best item then (`here`) is close on
    meaning (relevance 0.74) with few of its words (coverage 0.4), and whose best item at
    any date (`there`) holds them all: the other_date check refuses; is it waived?"""
    ref = ItemRef("Municipal District", dt.date(year, 9, 11), "14", "Question submitted")
    top = Hit(ref=ref, score=1.0, relevance=0.74, text=here, decisions=(), source="x")
    top = replace(top, coverage=0.4)
    other = replace(top, ref=replace(ref, date=dt.date(2018, 4, 11), item="5"), text=there)
    other = replace(other, coverage=1.0)
    vector = FakeEmbedder().embed([question])[0]
    since, until = dt.date(year, 1, 1), dt.date(year, 12, 31)
    found = Retrieval([top], vector, question, since, until, None, dated=True, elsewhere=other)
    return abstain_reason(question, found, ARCHIVE, FakeEmbedder())  # type: ignore[arg-type]


def test_a_name_said_only_at_another_date_is_not_answered_from_a_close_item() -> None:
    # c28: the 2024 items are on another cross's safety scheme, close on meaning; Wards
    # Cross is named only in 2018-2022 minutes. Before: the closeness waived other_date
    asked = "What was reported to the district about the Wards Cross scheme in 2024?"
    assert _dated(asked, LYONS_CROSS, WARDS_CROSS, 2024) == "other_date"
    # c26: no name of the question is said elsewhere only (a single word, misspelt by the
    # question): the close item at the date asked is still the answer
    asked = "What did the district agree about the Fantstown level crossing in 2019?"
    assert _dated(asked, FANSTOWN, FANTSTOWN, 2019) == ""
    # b11: the same for the question's telling words: "body-worn" (a name, never said in
    # 2018) is missing from the 2018 item close on meaning. Before: answered from it
    asked = "What did the Gardai tell the committee in 2018 about issuing body-worn cameras?"
    assert _dated(asked, GARDA_CONTACT, BODY_WORN, 2018) == "telling_words_missing"
    # the name said at the date asked too: answered
    asked = "What was reported about the Wards Cross scheme in 2020?"
    assert _dated(asked, WARDS_CROSS + " " + LYONS_CROSS, WARDS_CROSS, 2020) == ""
