"""The in-memory index's fast paths agree exactly with their plain definitions: topic
coverage read from the BM25 postings equals tokenizing the chunks' texts, and joining an
item's chunks finds the same overlap as trying every length. FakeEmbedder where vectors
do not matter. Which question words are the topic."""

from __future__ import annotations

import random

import pytest

from minutesqa.indexing.lexical import LexicalIndex, join_parts
from minutesqa.indexing.terms import content_terms, name_words, tokenize


def naive_join(parts: list[str]) -> str:
    text = parts[0] if parts else ""
    for part in parts[1:]:
        overlap = 0
        for size in range(min(len(text), len(part), 600), 10, -1):
            if text.endswith(part[:size]):
                overlap = size
                break
        text = text + part[overlap:] if overlap else text + "\n" + part
    return text


def test_join_parts_finds_the_longest_overlap_as_trying_every_length() -> None:
    rng = random.Random(7)
    words = "the council noted report agreed street angels budget 2024 item cllr".split()
    for _ in range(300):
        body = " ".join(rng.choice(words) for _ in range(rng.randint(5, 200)))
        cut = sorted(rng.sample(range(len(body)), k=min(3, len(body) - 1)))
        parts, start = [], 0
        for end in cut + [len(body)]:
            back = rng.choice([0, 5, 11, 12, 40, 300, 700])  # the splitter's overlap, or none
            parts.append(body[max(0, start - back) : end])
            start = end
        parts = [p for p in parts if p]
        assert join_parts(parts) == naive_join(parts)
    # a repeated phrase: the longest overlap wins, not the first found
    a = "Members agreed. Members agreed. Members agreed the budget"
    b = "Members agreed. Members agreed the budget and the plan"
    assert join_parts([a, b]) == naive_join([a, b]) == a + " and the plan"


def test_coverage_from_postings_equals_tokenizing_the_texts() -> None:
    docs = [
        "Street Angels volunteers patrol the town centre on Friday nights.",
        "Anti-social behaviour fell; the Street Angels programme was discussed.",
        "The budget for CCTV was agreed.",
        "Councillors' questions about the library's opening hours.",
    ]
    rows = [(f"c{i}", d, {"committee": "X", "date_int": 20240101}) for i, d in enumerate(docs)]
    index = LexicalIndex.build(rows)
    groups = [[0], [1], [0, 2], [3], [1, 2, 3]]
    for question in ("street angels budget", "anti-social behaviour", "library opening", "x"):
        terms = tokenize(question)
        got = index.coverage_of(terms, groups)
        for group, value in zip(groups, got, strict=True):
            present = set(tokenize(" ".join(docs[i] for i in group)))
            unique = list(dict.fromkeys(terms))
            total = sum(index.idf(t) for t in unique)
            want = sum(index.idf(t) for t in unique if t in present) / total if total else 0.0
            assert value == want
    assert index.coverage_of([], groups) == [0.0] * len(groups)


def test_a_common_word_inside_a_name_is_the_topic() -> None:
    # "show" and "way" are question words ("show me", "in what way") except in a name
    assert content_terms("When is the 2025 Ayton Show taking place?") == [
        "2025",
        "ayton",
        "show",
        "tak",
        "place",
    ]
    assert "way" in content_terms("Where were surveys carried out for Make Way Day?")
    assert content_terms("Show me what was agreed on CCTV") == ["cctv"]
    # the body's own words stay generic inside its name
    assert content_terms("Who chaired the Safer Stockton Partnership meeting?") == [
        "chair",
        "safer",
        "stockton",
    ]
    assert name_words("What did the Joint Policing Committee say?") == {
        "joint",
        "polic",
        "committee",
    }


# --- committee abbreviations, derived from the names an index holds ------------------------

# real committee names: Limerick's (../shared/corpora/limerick) and the layouts corpus's
# Denver, Sacramento and Apache boards (../shared/corpora/layouts/SOURCE.md)
LIMERICK_NAMES = (
    "Joint Policing Committee",
    "Municipal District of Newcastle West Joint Policing Sub Committee",
    "Economic Development, Enterprise and Planning Strategic Policy Committee",
    "Climate Action, Biodiversity and Environment Strategic Policy Committee",
    "Limerick City and County Council",
    "Municipal District of Adare-Rathkeale JPC Subcommittee",
)
LAYOUTS_NAMES = (
    "Regional Transportation District Board of Directors",
    "San Juan Unified School District Board of Education",
    "Sacramento Metropolitan Fire District",
    "Apache Software Foundation Board of Directors",
    "DBE Committee",
)


def test_abbreviations_are_the_initials_of_the_names_an_index_holds() -> None:
    from minutesqa.indexing.terms import name_abbreviations

    limerick = name_abbreviations(LIMERICK_NAMES)
    assert limerick["jpc"] == ("joint", "policing", "committee")
    assert limerick["spc"] == ("strategic", "policy", "committee")
    assert limerick["lccc"] == ("limerick", "city", "county", "council")
    assert limerick["jpsc"] == ("joint", "policing", "sub", "committee")
    # words that end in no body's noun spell nothing ("Climate Action, Biodiversity")
    assert "cab" not in limerick and "mdnw" not in limerick
    layouts = name_abbreviations(LAYOUTS_NAMES)
    assert layouts["rtd"] == ("regional", "transportation", "district")
    assert layouts["sjusd"] == ("san", "juan", "unified", "school", "district")
    assert layouts["smfd"] == ("sacramento", "metropolitan", "fire", "district")
    assert layouts["asf"] == ("apache", "software", "foundation")
    # a run inside a name is none ("Unified School District"), nor is "District Board of
    # Education", which ends in no body's noun (the body is the Board)
    assert "usd" not in layouts and "dbe" not in layouts


def test_a_question_or_name_spells_out_the_abbreviations_of_the_known_names() -> None:
    from minutesqa.indexing.terms import committee_words

    assert committee_words("the RTD board", LAYOUTS_NAMES) == [
        "the",
        *("regional", "transportation", "district"),
        "board",
    ]
    # "JPC" where the index holds only sub committees: the words before "Sub Committee"
    subs = ("Municipal District of Newcastle West Joint Policing Sub Committee",)
    assert committee_words("Newcastle West JPC", subs) == [
        *("newcastle", "west"),
        *("joint", "policing", "committee"),
    ]
    # an abbreviation no known name spells stays a word; so does every word with no names
    assert committee_words("the HSE", LIMERICK_NAMES) == ["the", "hse"]
    assert committee_words("the JPC", ()) == ["the", "jpc"]
    # an acronym a name prints keeps the other names' spelling of it
    assert committee_words(LIMERICK_NAMES[-1], LIMERICK_NAMES) == [
        *("municipal", "district", "of", "adare", "rathkeale"),
        *("joint", "policing", "committee", "sub", "committee"),
    ]
    assert committee_words("DBE Committee", LAYOUTS_NAMES) == ["dbe", "committee"]


def test_a_filter_by_abbreviation_finds_the_bodies_it_spells() -> None:
    from minutesqa.committees import resolve_committees
    from minutesqa.errors import ConfigError

    assert resolve_committees("RTD", list(LAYOUTS_NAMES)) == (LAYOUTS_NAMES[0],)
    assert resolve_committees("the ASF", list(LAYOUTS_NAMES)) == (LAYOUTS_NAMES[3],)
    assert resolve_committees("JPC", list(LIMERICK_NAMES)) == (
        "Joint Policing Committee",
        "Municipal District of Newcastle West Joint Policing Sub Committee",
        "Municipal District of Adare-Rathkeale JPC Subcommittee",
    )
    with pytest.raises(ConfigError, match="no committee in the index matches 'HSE'"):
        resolve_committees("HSE", list(LIMERICK_NAMES))
