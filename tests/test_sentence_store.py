"""The sentence store made at ingest: answers embed only the question, unchanged items keep
their sentence vectors across ingests, and answers are the same with the store, without it
(embedded at question time, through a cache far smaller than the session needs), and from
two threads at once. The real model and the sample minutes, except where a test counts
what ingest embeds (FakeEmbedder, named so)."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import minutesqa.answer.sentences as sentences_module
from minutesqa.answer.pipeline import Pipeline
from minutesqa.answer.retrieve import Retriever
from minutesqa.config import Settings
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.indexing.sentence_store import SentenceStore, item_digest, item_sentences
from minutesqa.ingest import ingest
from minutesqa.models import SENTENCES_VERSION
from tests.conftest import SAMPLES, CountingEmbedder

QUESTIONS = (
    "What was agreed on Street Angels?",
    "Who chaired the Safer Stockton Partnership meeting in July 2011?",
    "What was said about anti-social behaviour?",
    "What did the partnership decide about CCTV?",
    "What was reported about domestic abuse?",
    "What was agreed about the Community Safety Plan?",
)


class Counting:
    """The real embedder, keeping the texts it is asked to embed."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def embed(self, texts: list[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.embed(texts)


def answers(pipeline: Pipeline) -> list[str]:
    return [pipeline.ask(q).text for q in QUESTIONS]


def test_ingest_stores_the_sentences_of_every_item(sample_settings: Settings) -> None:
    lexical = LexicalIndex.load(sample_settings.index_dir / "lexical")
    assert lexical is not None
    store = SentenceStore.load(
        sample_settings.index_dir / "sentences", sample_settings.model, SENTENCES_VERSION
    )
    items = list(lexical.items())
    assert len(items) == len(lexical.item_rows) == 42 + 3  # 42 items, 3 meeting records
    for text, meeting in items:
        vectors = store.get(text, meeting)
        assert vectors is not None and len(vectors) == len(item_sentences(text, meeting))
    assert len(store) == sum(len(item_sentences(t, m)) for t, m in items)
    # another model's or another pipeline version's store is not used
    other = SentenceStore.load(sample_settings.index_dir / "sentences", "other-model", 5)
    assert len(other) == 0 and other.get(*items[0]) is None


def test_an_answer_embeds_only_the_question(sample_settings: Settings, embedder: Any) -> None:
    counting = Counting(embedder)
    pipeline = Pipeline(sample_settings, Retriever(sample_settings, embedder=counting))
    answer = pipeline.ask("What was agreed on Street Angels?")
    assert "SSP/5/24" in answer.text
    assert counting.texts == ["What was agreed on Street Angels?"]


def test_answers_are_the_same_without_the_store_and_past_the_cache_bound(
    sample_settings: Settings, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long session on an index without a sentence store: every sentence is embedded at
    question time through a cache of 20 sentences (far fewer than the session needs), and
    each answer is the one the store gives."""
    expected = answers(pipeline)
    monkeypatch.setattr(sentences_module, "_SENTENCE_CACHE", sentences_module.SentenceCache(20))
    bare = Pipeline(
        sample_settings, Retriever(sample_settings, embedder=pipeline.retriever.embedder)
    )
    bare.retriever.sentence_store = SentenceStore(sample_settings.model, SENTENCES_VERSION)
    bare.writer.store = bare.retriever.sentence_store  # type: ignore[attr-defined]
    for _ in range(2):  # the second round finds the cache full of other sentences
        assert answers(bare) == expected
    assert len(sentences_module._SENTENCE_CACHE) == 20


def test_two_threads_answering_at_once_get_the_answers_one_thread_gets(
    pipeline: Pipeline,
) -> None:
    expected = dict(zip(QUESTIONS, answers(pipeline), strict=True))
    got: list[tuple[str, str]] = []
    errors: list[BaseException] = []

    def work(order: tuple[str, ...]) -> None:
        try:
            for _ in range(2):
                for q in order:
                    got.append((q, pipeline.ask(q).text))
        except BaseException as exc:  # reported below: a thread's failure fails the test
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=(QUESTIONS,)),
        threading.Thread(target=work, args=(QUESTIONS[::-1],)),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(got) == 2 * 2 * len(QUESTIONS)
    assert all(text == expected[q] for q, text in got)


def test_a_second_ingest_embeds_only_the_sentences_of_new_items(tmp_path: Path) -> None:
    """FakeEmbedder (counting): what is embedded is under test, not the model."""
    folder = tmp_path / "minutes"
    folder.mkdir()
    files = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html", ".pdf"))
    for path in files[:2]:
        shutil.copy(path, folder / path.name)
    settings = Settings.load(env={}, index_dir=tmp_path / "index")
    first = ingest(folder, settings, embedder=CountingEmbedder(), progress=False)
    store_dir = settings.index_dir / "sentences"
    before = SentenceStore.load(store_dir, settings.model, SENTENCES_VERSION)
    kept = {d: np.array(before.vectors[s : s + n]) for d, (s, n) in before.rows.items()}
    assert first.sentences_embedded == len(
        {s for t, m in _items(settings) for s in item_sentences(t, m)}
    )

    unchanged = CountingEmbedder()
    again = ingest(folder, settings, embedder=unchanged, progress=False)
    assert again.unchanged == 2 and again.sentences_embedded == 0 and unchanged.texts == []

    shutil.copy(files[2], folder / files[2].name)
    third = CountingEmbedder()
    added = ingest(folder, settings, embedder=third, progress=False)
    after = SentenceStore.load(store_dir, settings.model, SENTENCES_VERSION)
    new_items = [(t, m) for t, m in _items(settings) if item_digest(t, m) not in before.rows]
    new_sentences = list(dict.fromkeys(s for t, m in new_items for s in item_sentences(t, m)))
    assert new_items and added.sentences_embedded == len(new_sentences)
    assert set(new_sentences) <= set(third.texts)
    for digest, vectors in kept.items():  # the first two meetings' vectors, kept as they were
        start, n = after.rows[digest]
        assert np.array_equal(after.vectors[start : start + n], vectors)


def _items(settings: Settings) -> list[tuple[str, bool]]:
    lexical = LexicalIndex.load(settings.index_dir / "lexical")
    assert lexical is not None
    return list(lexical.items())
