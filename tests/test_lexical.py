"""The in-memory index's fast paths agree exactly with their plain definitions: topic
coverage read from the BM25 postings equals tokenizing the chunks' texts, and joining an
item's chunks finds the same overlap as trying every length. FakeEmbedder where vectors
do not matter. Which question words are the topic."""

from __future__ import annotations

import random

from minutesqa.lexical import LexicalIndex, content_terms, join_parts, name_words, tokenize


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
