"""Sentence scoring of long items: only the first sentences and the SENTENCE_CAP that share
most words with the question are embedded, each sentence once (cached across questions).
FakeEmbedder counting its calls; what is embedded is under test, not the model."""

from __future__ import annotations

import datetime as dt

import numpy as np

import minutesqa.answer.sentences as answer
from minutesqa.models import Hit, ItemRef
from minutesqa.tuning import Tuning
from tests.conftest import CountingEmbedder, FakeEmbedder


def long_hit(n: int) -> Hit:
    body = " ".join(
        f"Sentence {i} mentions burglaries in Kilmallock."
        if i % 10 == 7
        else f"Sentence {i} on roads."
        for i in range(n)
    )
    ref = ItemRef("Joint Policing Committee", dt.date(2020, 1, 1), "2", "Policing Issues")
    return Hit(ref=ref, score=1.0, relevance=0.7, text=body, decisions=(), source="x")


def test_a_long_item_embeds_its_lead_and_its_best_matching_sentences() -> None:
    answer._SENTENCE_CACHE.clear()
    embedder = CountingEmbedder()
    hit = long_hit(200)
    sentences, vectors = answer.sentence_vectors(embedder, hit, {"burglari", "kilmallock"})  # type: ignore[arg-type]
    assert len(sentences) == 200 and vectors.shape == (200, FakeEmbedder.dimension)
    matching = {f"Sentence {i} mentions burglaries in Kilmallock." for i in range(7, 200, 10)}
    # 20 sentences share the words; the other 12 places go to the earliest sentences
    earliest = {f"Sentence {i} on roads." for i in (0, 1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)}
    assert Tuning().sentence_cap == 32
    assert sorted(embedder.texts) == sorted(matching | earliest)
    embedded = {s for s in sentences if np.any(vectors[sentences.index(s)])}
    assert embedded == set(embedder.texts)
    # asked again: every sentence it needs is cached
    answer.sentence_vectors(embedder, hit, {"burglari", "kilmallock"})  # type: ignore[arg-type]
    assert len(embedder.texts) == Tuning().sentence_cap


def test_a_short_item_embeds_every_sentence() -> None:
    answer._SENTENCE_CACHE.clear()
    embedder = CountingEmbedder()
    sentences, vectors = answer.sentence_vectors(embedder, long_hit(10), set())  # type: ignore[arg-type]
    assert embedder.texts == sentences and len(sentences) == 10
    assert all(np.any(row) for row in vectors)


def test_the_cache_stays_bounded_and_answers_past_its_bound() -> None:
    """A long session: more sentences than the cache holds, asked in calls that mix cached
    and new sentences, still gets a vector for every sentence (the old cache cleared itself
    mid-call and failed with KeyError)."""
    cache = answer.SentenceCache(capacity=25)
    embedder = FakeEmbedder()
    for start in range(0, 200, 7):
        batch = [f"Sentence {i} on roads." for i in range(start, start + 20)]
        found = cache.vectors(embedder, batch)  # type: ignore[arg-type]
        assert set(found) == set(batch)
        assert np.allclose(found[batch[3]], embedder.embed([batch[3]])[0])
        assert len(cache) <= 25


def test_two_threads_share_the_cache() -> None:
    import threading

    cache = answer.SentenceCache(capacity=30)
    embedder = FakeEmbedder()
    errors: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for start in range(0, 300, 5):
                batch = [
                    f"Sentence {(i + offset) % 120} on roads." for i in range(start, start + 12)
                ]
                assert set(cache.vectors(embedder, batch)) == set(batch)  # type: ignore[arg-type]
        except BaseException as exc:  # reported below: a thread's failure fails the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(n * 37,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and len(cache) <= 30
