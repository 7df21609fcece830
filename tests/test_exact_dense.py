"""Dense search is exact: every stored embedding is scored (numpy, aligned with the lexical
index and its filters), because Chroma 1.5's HNSW graph can leave chunks unreachable by any
query (chroma-core/chroma#7758; `make bench` measures it). Real Chroma, FakeEmbedder."""

from __future__ import annotations

import shutil

import numpy as np
import pytest

from minutesqa.answer.query import Query
from minutesqa.answer.retrieve import Retriever
from minutesqa.config import Settings
from minutesqa.indexing.lexical import FORMAT_VERSION, LexicalIndex
from minutesqa.indexing.lexical_sync import open_lexical
from minutesqa.indexing.store import VectorStore
from minutesqa.ingest import ingest
from tests.conftest import SAMPLES, FakeEmbedder


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    root = tmp_path_factory.mktemp("exact")
    settings = Settings.load(env={}, index_dir=root / "index")
    assert ingest(SAMPLES, settings, embedder=FakeEmbedder(), progress=False).failed == 0
    return settings


def stored_vectors(settings: Settings) -> dict[str, np.ndarray]:
    store = VectorStore(settings, create=False)
    return {c.id: c.embedding for c in store.iter_all(embeddings=True)}  # type: ignore[misc]


def test_the_saved_index_holds_every_embedding_in_id_order(settings: Settings) -> None:
    lexical = LexicalIndex.load(settings.index_dir / "lexical")
    assert lexical is not None
    vectors = stored_vectors(settings)
    assert lexical.vectors.shape == (len(vectors), FakeEmbedder.dimension)
    for i, cid in enumerate(lexical.ids):
        expected = vectors[cid] / np.linalg.norm(vectors[cid])
        assert np.allclose(lexical.vectors[i], expected, atol=1e-6)


def test_nearest_is_brute_force_cosine_with_the_filter(settings: Settings) -> None:
    lexical = LexicalIndex.load(settings.index_dir / "lexical")
    assert lexical is not None
    query = FakeEmbedder().embed(["recorded crime and anti social behaviour"])[0]
    sims = lexical.vectors @ (query / np.linalg.norm(query))
    expected = [lexical.ids[i] for i in np.argsort(-sims, kind="stable")[:10]]
    assert [cid for cid, _ in lexical.nearest(query, 10)] == expected
    mask = lexical.date_int == 20210202
    got = lexical.nearest(query, 500, mask)
    assert len(got) == int(mask.sum())  # never more than the filter lets through
    assert {cid for cid, _ in got} == {cid for cid, m in zip(lexical.ids, mask, strict=True) if m}
    assert [s for _, s in got] == sorted((s for _, s in got), reverse=True)


def test_nearest_narrow_and_wide_filters_give_the_brute_force_order(settings: Settings) -> None:
    """A narrow filter scores only its rows, a wide one masks the full product: both give
    exactly the brute-force order (best first, equal scores by position)."""
    lexical = LexicalIndex.load(settings.index_dir / "lexical")
    assert lexical is not None
    query = FakeEmbedder().embed(["street angels and the night-time economy"])[0]
    sims = lexical.vectors @ (query / np.linalg.norm(query))
    for mask in (lexical.date_int == 20240530, lexical.date_int != 20240530):
        assert 0 < mask.sum() < len(mask)
        rows = np.flatnonzero(mask)
        order = rows[np.lexsort((rows, -sims[rows]))][:15]
        got = lexical.nearest(query, 15, mask)
        assert [cid for cid, _ in got] == [lexical.ids[i] for i in order]
        assert np.allclose([s for _, s in got], sims[order], atol=1e-6)


def test_retrieval_never_asks_chromas_hnsw(settings: Settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    retriever = Retriever(settings, embedder=FakeEmbedder())  # type: ignore[arg-type]

    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("dense search went to Chroma's HNSW")

    monkeypatch.setattr(retriever.store, "query", refuse)
    hits = retriever.search(Query("Street Angels volunteers")).hits
    assert hits[0].ref.item == "SSP/5/24"


def test_an_index_saved_before_vectors_is_rebuilt_with_them(settings: Settings) -> None:
    lexical_dir = settings.index_dir / "lexical"
    meta = lexical_dir / "meta.json"
    backup = settings.index_dir.parent / "lexical-backup"
    shutil.copytree(lexical_dir, backup)
    try:
        older = f'"version": {FORMAT_VERSION - 1}'
        meta.write_text(meta.read_text().replace(f'"version": {FORMAT_VERSION}', older))
        assert LexicalIndex.load(lexical_dir) is None  # an older layout is not used
        store = VectorStore(settings, create=False)
        rebuilt = open_lexical(store, settings)
        assert len(rebuilt.vectors) == len(rebuilt.ids) == store.count()
    finally:
        shutil.rmtree(lexical_dir, ignore_errors=True)
        shutil.copytree(backup, lexical_dir)


def test_empty_results_for_a_filter_that_lets_nothing_through(settings: Settings) -> None:
    lexical = LexicalIndex.load(settings.index_dir / "lexical")
    assert lexical is not None
    none = np.zeros(len(lexical.ids), dtype=bool)
    assert lexical.nearest(np.ones(FakeEmbedder.dimension, dtype=np.float32), 10, none) == []
