"""Answers to questions written by people outside the team (#26): each class of failure seen
on `../shared/questions/limerick_a.yaml`, on the real minutes text it failed on. The
passages are quoted from the Limerick corpus (the file is named above each)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from minutesqa.answer.context import table_cells
from minutesqa.answer.date_preference import _date_preferred
from minutesqa.answer.dates import DateIntent, plan_year, question_dates
from minutesqa.answer.extractive import ExtractiveWriter
from minutesqa.answer.query import topic_terms
from minutesqa.answer.question import (
    Kind,
    asking_part,
    focus_clause,
    holds,
    holds_plainly,
    is_asking,
    parse_question,
    question_kind,
)
from minutesqa.answer.retrieval import Retrieval
from minutesqa.answer.sentence_terms import meeting_terms, topic_terms_for
from minutesqa.committees import committees_placed, with_sub_bodies
from minutesqa.config import Settings
from minutesqa.indexing.terms import tokenize
from minutesqa.models import Hit, ItemRef
from minutesqa.tuning import Tuning

# 2020/10/02-Joint Policing Committee Meeting/... 24th July 2020.md, item 11
DOMESTIC_VIOLENCE = (
    "“Has there been an increase in domestic violence in Limerick during Covid-19? Has the "
    "lack of appropriate accommodation hindered you in carrying out your duty, protecting "
    "those affected by domestic violence?”.\n\nIn reply, the Chief Superintendent stated that "
    "between the period January to June this year there has been an increase of 9% in the "
    "Division. From Week 13 to Week 29 of 2020 there has been an increase of 18% in the "
    "Division. These figures include breach of Interim Barring Order, breach of Protection "
    "Order, breach of Barring Order, breach of Safety Order, domestic dispute – no offence "
    "disclosed, breach of Emergency Barring Order and any incident with Domestic M.O. He added "
    "that the Gardai have not experienced any difficulties with regard to accommodation for "
    "domestic violence victims\n\n(Adapt House etc.)."
)

# 2017/04/26-Community Leisure and Emergency Services Strategic Policy Committee Meeting/
# ... SPC - 21st February 2017.md, item 5 (its first paragraphs and its last)
PARADE = (
    "Aoife Potter-Cogan, Arts Officer, delivered a presentation on St. Patrick’s day "
    "festivities which will take place from Friday 17th March to Sunday 19th March throughout "
    "Limerick City & County. Highlights of the weekend are the Limerick St. Patrick’s Day "
    "Parade on the 17th & the International Band Championship on the 19th provided by "
    "Limerick City & County, coordinated by the Arts Office with event production company, "
    "Grooveyard Event Management.\n\nThe parade will start at 12 noon at O’Connell Avenue "
    "(Wolfe Tone Street junction) and finish at Merchant’s Quay.\n\nSince being awarded "
    "National City of Culture 2014, Limerick City & County Arts Office has been working on "
    "the creative development of the St. Patrick’s Festival Programme.\n\nLed by The Irish "
    "Army Band, Ireland’s only international band championship will start at 12 noon, ending "
    "with a free concert for the public in Arthur’s Quay Park where the championship winners "
    "will be announced.\n\nThe parade is expected to attract 80,000 people into the city.\n\n"
    "Cllr. J. Loftus suggested that last year’s parade was too fragmented and said he hoped "
    "that this year’s parade could be arranged in such a way that sets the rhythm and pace "
    "for every group with minimal gaps between groups if possible."
)


def _write(
    embedder: Any, question: str, ref: ItemRef, text: str, places: frozenset[str] = frozenset()
) -> str:
    """The extractive answer from one item, the question read and embedded as retrieval
    reads it (its vector, and the vector of what it asks without where and when; `places`:
    the tokens of the bodies it points to)."""
    hit = Hit(ref=ref, score=1.0, relevance=0.6, text=text, decisions=(), source="x.md")
    parsed = parse_question(question)
    asking = asking_part(question, places, parsed.dates)
    focus = embedder.embed([asking])[0] if asking else None
    retrieval = Retrieval(
        [hit],
        embedder.embed([question])[0],
        question,
        None,
        None,
        None,
        parsed=parsed,
        focus_vector=focus,
    )
    return ExtractiveWriter(embedder, Settings.load(env={})).write(question, [hit], retrieval).text


JPC_JULY_2020 = ItemRef(
    "Joint Policing Committee",
    dt.date(2020, 7, 24),
    "11",
    "Question submitted by Councillor John Costelloe",
)


@pytest.mark.parametrize(
    "question",
    [
        "How much had domestic violence in Limerick increased during Covid-19?",
        "By how much did domestic violence increase during Covid-19?",
        "Did domestic violence increase in Limerick during Covid-19?",
    ],
)
def test_a_question_quoted_before_its_reply_brings_the_reply(embedder: Any, question: str) -> None:
    # the councillor's question, quoted and closed '?”.', restates the asker's words; the
    # figures are in the reply after it (before: the quoted question alone was shown)
    text = _write(embedder, question, JPC_JULY_2020, DOMESTIC_VIOLENCE)
    assert "there has been an increase of 9% in the Division." in text


def test_a_question_reported_in_the_minutes_asks() -> None:
    # real sentences: Travel and Transportation SPC 20 June 2023, JPC 24 July 2020
    assert is_asking(
        "She referenced the illegal parking on the cycle lane on Parnell Street and enquired "
        "what happens if people do not pay the fine."
    )
    assert is_asking(
        "Has the lack of appropriate accommodation hindered you in carrying out your duty, "
        "protecting those affected by domestic violence?”."
    )
    assert not is_asking(
        "Regarding non-payment, a fine is increased by 50% after 28 days and a summons to "
        "court is issued after 90 days."
    )


def test_a_how_many_question_is_not_answered_by_days_of_the_month(embedder: Any) -> None:
    # "Friday 17th March", "on the 17th", "12 noon" are no count of people; the sentence
    # with the figure is (before: the first two sentences were taken as holding a number)
    ref = ItemRef(
        "Community, Leisure & Emergency Services Strategic Policy Committee",
        dt.date(2017, 2, 21),
        "5",
        "Update on St. Patrick’s Day Festivities",
    )
    question = "How many people was Limerick's 2017 St. Patrick's Day parade expected to draw?"
    text = _write(embedder, question, ref, PARADE)
    assert "The parade is expected to attract 80,000 people into the city." in text


def test_the_words_naming_the_meeting_do_not_choose_its_sentences() -> None:
    ref = ItemRef(
        "Municipal District of Newcastle West Joint Policing Sub Committee",
        dt.date(2023, 9, 6),
        "2",
        "Policing Issues in the District",
    )
    hit = Hit(ref=ref, score=1.0, relevance=0.6, text="", decisions=(), source="x.md")
    assert meeting_terms(hit) == set(
        tokenize("municipal district newcastle west joint policing sub committee September 2023")
    )


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        (
            "At the September 2023 Newcastle West Joint Policing Sub-Committee, when was "
            "building work on the new District Garda Headquarters expected to begin?",
            "when was building work on the new District Garda Headquarters expected to begin?",
        ),
        (
            "What livestock was taken in the second phase of Operation Coronation, as "
            "described to the committee in December 2023?",
            "What livestock was taken in the second phase of Operation Coronation",
        ),
        (
            "How many Garda Reserves were there in Limerick city and county, according to "
            "Chief Superintendent Sheahan at the Joint Policing Committee in April 2016?",
            "How many Garda Reserves were there in Limerick city and county",
        ),
        # no clause only sets the scene: the whole question
        (
            "What new vehicle for community policing, part-funded by the Council, was "
            "announced at the Joint Policing Committee in February 2020?",
            "What new vehicle for community policing, part-funded by the Council, was "
            "announced at the Joint Policing Committee in February 2020?",
        ),
        ("Who chairs the partnership?", "Who chairs the partnership?"),
    ],
)
def test_the_clause_that_asks_without_the_scene(question: str, focus: str) -> None:
    assert focus_clause(question) == focus


@pytest.mark.parametrize(
    ("phrase", "since", "until"),
    [
        ("in early 2018", dt.date(2018, 1, 1), dt.date(2018, 4, 30)),
        ("by the spring of 2022", dt.date(2022, 3, 1), dt.date(2022, 5, 31)),
        ("in mid-2019", dt.date(2019, 5, 1), dt.date(2019, 8, 31)),
        ("in the second half of 2019", dt.date(2019, 7, 1), dt.date(2019, 12, 31)),
        ("the Q3 2021 figures", dt.date(2021, 7, 1), dt.date(2021, 9, 30)),
        ("in late 2022", dt.date(2022, 9, 1), dt.date(2022, 12, 31)),
        ("in the winter of 2018", dt.date(2018, 1, 1), dt.date(2018, 12, 31)),  # two years
        ("early March 2018", dt.date(2018, 3, 1), dt.date(2018, 3, 31)),  # the month
    ],
)
def test_a_part_of_a_year(phrase: str, since: dt.date, until: dt.date) -> None:
    intent = question_dates(f"What was reported {phrase}?")
    assert (intent.since, intent.until) == (since, until)


def test_a_part_of_a_year_widens_to_its_year() -> None:
    assert question_dates("in early 2018").whole_year() == DateIntent(
        dt.date(2018, 1, 1), dt.date(2018, 12, 31)
    )
    march = question_dates("in March 2018")
    assert march.whole_year() == march


def _hit(committee: str, day: dt.date, item: str, text: str, score: float) -> Hit:
    ref = ItemRef(committee, day, item, "Question")
    return Hit(ref=ref, score=score, relevance=0.5, text=text, decisions=(), source="x.md")


# 2021/03/05-Virtual Joint Policing Committee Meeting/... 4th December 2020.md
REPORT_2020 = (
    "However, stated that the statistics for the number of vehicles seized under Section 41 "
    "of the Road Traffic Act were as follows :\n\n2018 :\n\n1943\n\n2019 :"
)


def test_a_year_asked_is_also_the_year_reported_on() -> None:
    # "How many vehicles ... seized under Section 41 ... in 2018?": a 2018 meeting's item
    # on road traffic scores 1.00, the December 2020 reply with 2018's figure 1.12; the
    # meetings of 2018 are 0.3 ahead (date_boost), a later report of 2018 only 0.1
    in_2018 = _hit("Council", dt.date(2018, 3, 26), "7", "Traffic calming policy.", 1.00)
    reply = _hit("Joint Policing Committee", dt.date(2020, 12, 4), "7", REPORT_2020, 1.12)
    intent = question_dates("How many vehicles were seized under Section 41 in 2018?")
    tune = Tuning()
    ranked = _date_preferred([in_2018], [in_2018, reply], intent, 10, tune.date_boost, 0.0)
    assert [h.ref.date for h in ranked] == [dt.date(2018, 3, 26), dt.date(2020, 12, 4)]
    ranked = _date_preferred(
        [in_2018], [in_2018, reply], intent, 10, tune.date_boost, tune.reported_boost
    )
    assert [h.ref.date for h in ranked] == [dt.date(2020, 12, 4), dt.date(2018, 3, 26)]


def test_a_month_asked_is_the_meeting_not_a_later_report() -> None:
    # "the Treasurer ... in February 2014": a January 2015 report naming February 2014 keeps
    # the whole date boost against it
    feb = _hit("Board", dt.date(2014, 2, 19), "4", "Treasurer's report.", 1.20)
    later = _hit("Board", dt.date(2015, 1, 21), "4", "Balance in February 2014: $1m.", 1.12)
    intent = question_dates("What total bank balance did the Treasurer report in February 2014?")
    tune = Tuning()
    ranked = _date_preferred([feb], [feb, later], intent, 10, tune.date_boost, tune.reported_boost)
    assert [h.ref.date for h in ranked] == [dt.date(2014, 2, 19), dt.date(2015, 1, 21)]


# 2018/11/19-Metropolitan Joint Policing Sub Committee Meeting/... 21st May 2018.md, item 1
LAMAS = (
    "Horses being retained in back gardens in the city centre and this includes Lamas also.",
    "There is no legislation in relation to the keeping of Lamas so unfortunately this "
    "matter cannot be addressed by the Gardai.",
    "A number of cases have been taken against individuals for graffiti.",
)


def test_a_word_the_minutes_spell_another_way_is_found() -> None:
    from minutesqa.indexing.lexical import LexicalIndex
    from minutesqa.indexing.terms import spelling_variants

    assert {"lama", "fertilis", "behavior"} <= {
        *spelling_variants("llama"),
        *spelling_variants("fertiliz"),
        *spelling_variants("behaviour"),
    }
    lexical = LexicalIndex.build([(f"c{i}", text, {}) for i, text in enumerate(LAMAS)])
    asked = tokenize("Why couldn't the Gardai do anything about llamas in back gardens?")
    assert "llama" in asked
    assert "lama" in lexical.respell(asked) and "llama" not in lexical.respell(asked)
    # a word the minutes use stays; so does one with no variant they use
    assert lexical.respell(["graffiti", "taser"]) == ["graffiti", "taser"]
    assert [cid for cid, _ in lexical.search("llamas kept in gardens", 3)][:2] == ["c0", "c1"]


def _item(folder: str, pattern: str, number: str) -> tuple[ItemRef, str]:
    """An item of a real Limerick meeting, read and segmented as ingest does."""
    from minutesqa.parse import read_document
    from minutesqa.segment import segment
    from tests.conftest import LIMERICK, need_corpus

    need_corpus(LIMERICK / folder)
    path = next((LIMERICK / folder).glob(pattern))
    meeting = segment(read_document(path, max_bytes=2**22, timeout_s=30))
    item = next(i for i in meeting.items if i.number == number)
    return ItemRef(meeting.committee, meeting.date, item.number, item.title), item.body


def test_a_when_question_gets_the_time_named_beside_its_topic(embedder: Any) -> None:
    # the Newcastle West Joint Policing Sub Committee, 6 September 2023, item 2: a sentence
    # listing every matter raised ("... Halloween night in Newcastle West last year, ...
    # update on new District Garda Headquarters ...") is closest to the question; the time
    # asked is named two sentences after "an update ... on a new District Garda
    # Headquarters", not in "last year" nor in the rosters' "in November" far below
    ref, text = _item("2024/03", "*Newcastle West*/*6th September 2023*", "2")
    question = (
        "At the September 2023 Newcastle West Joint Policing Sub-Committee, when was building "
        "work on the new District Garda Headquarters expected to begin?"
    )
    answer = _write(embedder, question, ref, text)
    assert "It is also anticipated that a commencement of build will take place in Q2 2024." in (
        answer
    )


def test_the_reply_to_a_question_raised_is_the_sentence_on_it(embedder: Any) -> None:
    # Travel and Transportation SPC, 20 June 2023, item 3: a councillor's question in the
    # discussion, then the officer's replies, the one on fines second
    ref, text = _item("2023/10", "*Travel*Transportation*/*20th June 2023*", "3")
    question = (
        "When the council and the Gardai presented their joint campaign against obstructive "
        "parking in June 2023, what was said to happen if a parking fine goes unpaid?"
    )
    answer = _write(embedder, question, ref, text)
    assert "Regarding non-payment, a fine is increased by 50% after 28 days" in answer


def test_a_how_much_question_gets_the_table_read_a_cell_a_line(embedder: Any) -> None:
    # Full Council, 23 January 2023, item 9: the reply's table of amounts, one cell a line
    # ("Year" / "Amount" / "2018" / "€ 640,016" / ...) after the sentence that opens it
    ref, text = _item("2023/03", "*Full Meeting*/*23rd January 2023*", "9")
    question = (
        "How much did Limerick City and County Council spend on consultancy services in 2021?"
    )
    answer = _write(embedder, question, ref, text)
    assert "2021 € 1,293,094" in answer


# some of the Limerick index's 40 committee names, as its minutes spell them
LIMERICK_BODIES = [
    "Municipal District of Cappamore-Kilmallock",
    "Municipal District of Cappamore-Kilmallock Joint Policing Sub Committee",
    "Kilmallock Area Committee",
    "Municipal District of Adare-Rathkeale",
    "Municipal District of Adare-Rathkeale JPC Subcommittee",
    "Municipal District of Newcastle West",
    "Municipal District of Newcastle West Joint Policing Sub Committee",
    "Metropolitan Joint Policing Sub Committee",
    "Joint Policing Committee",
    "Limerick City and County Council",
]
GENERIC = frozenset(
    "municipal district of committee sub area limerick city and county council".split()
)


def test_a_town_named_prefers_the_bodies_named_after_it() -> None:
    # "around Kilmallock": the district of Cappamore-Kilmallock and its sub committees, a
    # preference in the search (before: the Metropolitan sub committee's item was first)
    asked = "What did the Gardai do about burglaries around Kilmallock?"
    assert committees_placed(asked, LIMERICK_BODIES, GENERIC) == (
        "Municipal District of Cappamore-Kilmallock",
        "Municipal District of Cappamore-Kilmallock Joint Policing Sub Committee",
        "Kilmallock Area Committee",
    )
    assert committees_placed(
        "Was Garda policing in Rathkeale funded?", LIMERICK_BODIES, GENERIC
    ) == (
        "Municipal District of Adare-Rathkeale",
        "Municipal District of Adare-Rathkeale JPC Subcommittee",
    )
    # "Gardai", "What": capitalised, but no body's name holds them
    assert committees_placed("What did the Gardai say?", LIMERICK_BODIES, GENERIC) == ()


def test_a_district_named_brings_its_sub_committees_not_the_district_above_one() -> None:
    district = ("Municipal District of Newcastle West",)
    assert with_sub_bodies(district, LIMERICK_BODIES, GENERIC) == (
        "Municipal District of Newcastle West",
        "Municipal District of Newcastle West Joint Policing Sub Committee",
    )
    sub = ("Municipal District of Newcastle West Joint Policing Sub Committee",)
    assert with_sub_bodies(sub, LIMERICK_BODIES, GENERIC) == sub


@pytest.mark.parametrize(
    ("question", "asking"),
    [
        (
            "What was the Garda operation against burglaries around Kilmallock in early 2018?",
            "What was the Garda operation against burglaries?",
        ),
        (
            "How many dog attacks did Gardai record between January 2021 and September 2023?",
            "How many dog attacks did Gardai record?",
        ),
        # a year that is not the time asked is part of what is asked
        (
            "At the September 2022 committee, how many people died on the roads in 2009?",
            "how many people died on the roads in 2009?",
        ),
        ("What was agreed on Street Angels?", ""),  # nothing to leave out
        ("What was decided about the 2020/21 budget?", ""),  # a financial year, not a time
    ],
)
def test_what_a_question_asks_without_where_and_when(question: str, asking: str) -> None:
    names = frozenset(tokenize("Cappamore Kilmallock"))
    assert asking_part(question, names, question_dates(question)) == asking


def test_a_part_of_a_year_is_no_topic_word() -> None:
    asked = "What was done about break-ins in early 2018 and the spring of 2019?"
    assert topic_terms(asked) == ["done", "break", "ins"]
    assert "early" in topic_terms("What early intervention was funded?")


def test_the_town_and_time_named_do_not_choose_the_sentences(embedder: Any) -> None:
    # the Cappamore-Kilmallock Joint Policing Sub Committee, 29 March 2018, item 1: the
    # sentences naming Kilmallock found the meeting; the one that answers names the
    # operation (before: "There was a query raised ... Community Garda to Kilmallock Town.")
    ref, text = _item("2018/07", "*Cappamore-Kilmallock Joint*/*29th March 2018*", "1")
    question = (
        "In early 2018, what was the Garda operation against rising break-ins in Kilmallock called?"
    )
    places = frozenset(tokenize("Cappamore Kilmallock"))
    first = _write(embedder, question, ref, text, places).split("\n")[1]
    assert first.startswith("Because of Operation Portable, the Gardaí had six separate")


def test_a_table_title_with_its_period_in_brackets_brings_the_cells() -> None:
    # the Joint Policing Committee, 22 September 2023, item 8, a table one cell a line under
    # its title (before: the bracketed line, longer than a cell, ended the table at its title
    # and "how many dog attacks" was answered without the 51)
    lines = [
        "Limerick Division - Incidents of dog attacks on people",
        "(1st January 2021 - 10th September 2023)",
        *["2021", "2022", "YTD 2023", "Total", "12", "22", "17", "51"],
        "AGS has had a number of successful detections and seizures around the use of scrambler",
    ]
    rows = [(line, 0.0, frozenset(tokenize(line))) for line in lines]
    assert [lines[j] for j in table_cells(rows, 1)] == lines[1:-1]
    # a bracketed line with no table after it brings nothing
    assert table_cells(rows[:2] + rows[-1:], 1) == []


def test_a_question_for_the_reason_gets_the_sentence_giving_it(embedder: Any) -> None:
    # Newcastle West Joint Policing Sub Committee, 10 February 2023, item 2: "what reason"
    # asks why, and "may be attributed to" gives a reason (before: a list of the cases dealt
    # with, and the patrols, were quoted)
    ref, text = _item("2023/09", "*Newcastle West*/*10th February 2023*", "2")
    question = "What reason did the Gardai give for the increase in assaults causing harm?"
    assert question_kind("What reason did the Sergeant give for more assaults?") is Kind.WHY
    assert question_kind("What caused the rise in assaults?") is Kind.WHY
    answer = _write(embedder, question, ref, text)
    assert "this increase may be attributed to increased socialising" in answer


def test_a_sentence_pointing_back_brings_the_one_it_points_to(embedder: Any) -> None:
    # Cappamore-Kilmallock Municipal District, 21 February 2024, item 10: "This makes the
    # location unsuitable ..." says why only with the sentence before it (before: quoted
    # alone, without the 80kph limit)
    ref, text = _item(
        "2024/03", "*Cappamore-Kilmallock*/Minutes - Meeting of*21st February 2024*", "10"
    )
    question = "Why was no pedestrian crossing put in at Holycross on the R512?"
    answer = _write(embedder, question, ref, text)
    assert "The current speed limit on the R512 at Holycross is 80kph. This makes the" in answer


@pytest.mark.parametrize(
    ("question", "focus"),
    [
        (
            "When Irish Water briefed the committee in 2018, did it say the scheme would change "
            "water levels in the Shannon?",
            "did it say the scheme would change water levels in the Shannon?",
        ),
        (
            "After the floods of 2015, what did the council agree to fund?",
            "what did the council agree to fund?",
        ),
        # a question about a time keeps it: no other clause asks
        ("When did the operation end, and what followed it?", ""),
    ],
)
def test_a_clause_of_time_before_the_question_sets_the_scene(question: str, focus: str) -> None:
    assert focus_clause(question) == (focus or question)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # a thing priced, named by a noun phrase of any length before "cost"
        (
            "What would a footpath linking Adare village to the GAA grounds cost, according "
            "to the district's operations manager in early 2016?",
            Kind.HOW_MUCH,
        ),
        ("What did the works at the pier cost the council in 2019?", Kind.HOW_MUCH),
        ("What was the contract worth?", Kind.HOW_MUCH),
        # "cost" the noun, after a verb of deciding or saying: not a price asked
        ("What did the council decide about the cost of the footpath?", Kind.DECIDED),
        ("What was discussed about the cost of the bridge?", Kind.OTHER),
        # a firm, a contractor asked for is a who-question
        (
            "Which firm got the contract to put smart CCTV into the county towns, and what "
            "was it worth?",
            Kind.WHO,
        ),
        ("Which contractor was appointed to build the bridge?", Kind.WHO),
    ],
)
def test_a_thing_priced_and_a_firm_asked_for(question: str, kind: Kind) -> None:
    assert question_kind(question) is kind


def test_a_price_is_plainly_money_not_a_bare_figure() -> None:
    priced = "approximate costings for the works were in the region of €400,000 to €500,000"
    measured = "the requirement of a 1.2m footpath would lead to the roadway being reduced"
    assert holds_plainly(Kind.HOW_MUCH, priced) and holds_plainly(Kind.HOW_MUCH, "41% of it")
    assert holds_plainly(Kind.HOW_MUCH, measured) is False
    assert holds(Kind.HOW_MUCH, measured)  # a figure still holds what "how much" asks


def test_a_thing_priced_gets_the_sentence_with_its_price(embedder: Any) -> None:
    # Adare-Rathkeale Municipal District, 9 February 2016, item 11 "Footpaths in Adare": the
    # agenda line and the Operations Manager's reply on the road's width come first; the
    # price is two sentences on (before: not quoted, the question read as "what")
    ref, text = _item("2016/03", "*Adare-Rathkeale*/Minutes - Meeting of*9th February 2016*", "11")
    question = (
        "What would a footpath linking Adare village to the GAA grounds cost, according to "
        "the district's operations manager in early 2016?"
    )
    answer = _write(embedder, question, ref, text)
    assert "approximate costings for the works were in the region of €400,000 to €500,000" in (
        answer
    )


def test_the_post_of_who_spoke_does_not_choose_the_sentences(embedder: Any) -> None:
    # Newcastle West Joint Policing Sub-Committee, 6 March 2019, item 2: every sentence of
    # the report names Superintendent Deasy or the Gardai; the one on fraud names neither
    # (before: the sentences naming him were quoted, not the rise in fraud)
    ref, text = _item("2019/10", "*Newcastle West Joint Policing*/Minutes*6th March 2019*", "2")
    question = (
        "What did the Garda superintendent tell the Newcastle West joint policing "
        "sub-committee about fraud in March 2019?"
    )
    hit = Hit(ref=ref, score=1.0, relevance=0.6, text=text, decisions=(), source="x.md")
    assert topic_terms_for(question, hit) == {"fraud"}
    answer = _write(embedder, question, ref, text)
    assert "He also noted the significant increase in fraud and economic crimes" in answer


@pytest.mark.parametrize(
    ("text", "year", "named"),
    [
        ("What share of the 2020 general municipal allocation went to the district?", 2020, True),
        ("their general municipal allocation for 2015, and who proposed", 2015, True),
        ("ADARE RATHKEALE MUNICIPAL DISTRICT DRAFT BUDGETARY PLAN 2015", 2015, True),
        ("the total provisional allocation for the GMA for 2020 was €1,403,000", 2020, True),
        ("What did the 2021 budget provide for roads?", 2021, True),
        # the year of something else, or of a plan of several years
        ("How many houses were built in 2019 under the programme?", 2019, False),
        ("Report of the Deputy Chief Executive dated 5th October, 2020", 2020, False),
        ("the proposed General Municipal Allocations 2020-2024", 2020, False),
        ("Draft Budgetary Plan 2016", 2015, False),
    ],
)
def test_a_year_named_as_a_plans(text: str, year: int, named: bool) -> None:
    assert plan_year(text, year) is named


# Adare-Rathkeale Municipal District, 9 October 2014, item 1 (the plan for 2015) and
# 4 November 2015, item 1 (the plan for 2016), as retrieved for the question below
PLAN_2015 = (
    "The Head of Finance informed Members that a total provisional allocation of €1,500,000 "
    "had been allocated to the GMA for 2015 with €275,000 of this assigned to the Municipal "
    "District of Adare-Rathkeale as follows:-\n\nADARE RATHKEALE MUNICIPAL DISTRICT DRAFT "
    "BUDGETARY PLAN 2015"
)
PLAN_2016 = (
    'Circulated, Report of the Acting Head of Finance dated 12" October, 2015 setting out the '
    "background to the General Municipal Allocation and proposals for same relating to the "
    "Municipal District of Adare-Rathkeale in the amount of €275,000."
)


def test_a_plans_year_prefers_the_meeting_that_adopted_it_the_year_before() -> None:
    question = (
        "How much did the Adare-Rathkeale councillors have to spend under their general "
        "municipal allocation for 2015, and who proposed adopting the plan?"
    )
    intent = question_dates(question)
    assert (intent.since, intent.until, intent.plan) == (
        dt.date(2015, 1, 1),
        dt.date(2015, 12, 31),
        True,
    )
    adopted = _hit("Adare-Rathkeale", dt.date(2014, 10, 9), "1", PLAN_2015, 1.514)
    next_plan = _hit("Adare-Rathkeale", dt.date(2015, 11, 4), "1", PLAN_2016, 1.550)
    tune = Tuning()
    ranked = _date_preferred(
        [next_plan], [next_plan, adopted], intent, 10, tune.date_boost, tune.reported_boost
    )
    assert [(h.ref.date, round(h.score, 3)) for h in ranked] == [
        (dt.date(2014, 10, 9), 1.814),
        (dt.date(2015, 11, 4), 1.550),
    ]
    # a year that is no plan's: the meeting of the year asked keeps its boost
    plain = question_dates("What was spent on consultancy in 2015?")
    assert not plain.plan
    ranked = _date_preferred(
        [next_plan], [next_plan, adopted], plain, 10, tune.date_boost, tune.reported_boost
    )
    assert [h.ref.date for h in ranked] == [dt.date(2015, 11, 4), dt.date(2014, 10, 9)]


def test_an_honorific_is_no_post_and_spares_the_words_it_spells() -> None:
    # "Whose crime figures were missing ...": 'missing' is tokenized 'miss', the honorific
    # 'Miss'; only posts and ranks are taken out of the topic (before: 'miss' was, and the
    # sentence 'Crime details for Darlington ... were not available' lost its place)
    ref = ItemRef("Safer Stockton Partnership", dt.date(2021, 2, 2), "7", "Recorded Crime")
    hit = Hit(ref=ref, score=1.0, relevance=0.6, text="", decisions=(), source="x.md")
    question = "Whose crime figures were missing from the 2021 crime report?"
    assert topic_terms_for(question, hit) == set(tokenize("whose crime figures missing report"))


def test_a_post_asked_about_is_a_topic_word() -> None:
    # no word of saying: the post is what is asked (samples q027, q037), not who spoke
    ref = ItemRef("Safer Stockton Partnership", dt.date(2011, 7, 5), "11", "Police Reform")
    hit = Hit(ref=ref, score=1.0, relevance=0.6, text="", decisions=(), source="x.md")
    question = (
        "How did the partnership plan to approach candidates for Police and Crime Commissioner?"
    )
    assert topic_terms_for(question, hit) == set(
        tokenize("plan approach candidates police crime commissioner")
    )
