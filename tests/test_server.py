"""Scale-out: the index on a real Chroma server (`chroma run`), the lexical index and the
ingest lock in the local index folder. Ingest, ask, re-ingest (API and CLI), and a server
that is not there."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from minutesqa.config import Settings
from minutesqa.errors import ConfigError
from minutesqa.indexing.store import VectorStore
from minutesqa.ingest import ingest
from tests.conftest import SAMPLES, child_env
from tests.helpers_server import MINUTES, ROOT, chroma_server, free_port

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, int]]:
    with chroma_server(tmp_path_factory.mktemp("chroma") / "db") as address:
        yield address


@pytest.fixture(scope="module")
def server_settings(
    server: tuple[str, int], tmp_path_factory: pytest.TempPathFactory, embedder
) -> Settings:  # type: ignore[no-untyped-def]
    host, port = server
    settings = Settings.load(
        env={},
        index_dir=tmp_path_factory.mktemp("server-local") / "index",
        chroma_host=host,
        chroma_port=port,
    )
    summary = ingest(SAMPLES, settings, embedder=embedder, progress=False)
    assert summary.failed == 0, summary.failures
    assert summary.meetings == 3 and summary.chunks > 0
    return settings


def test_ingest_writes_to_the_server_not_to_a_local_chroma(server_settings: Settings) -> None:
    store = VectorStore(server_settings, create=False)
    assert store.count() > 0
    assert store.state() != "dirty"  # the lexical index was matched at the end
    # local folder: the lexical index and the lock, but no embedded Chroma database
    assert (server_settings.index_dir / "lexical" / "meta.json").is_file()
    assert (server_settings.index_dir / "ingest.lock").exists()
    assert not (server_settings.index_dir / "chroma").exists()


def test_ask_through_the_server_cites_the_item(server_settings: Settings) -> None:
    from minutesqa.answer.pipeline import Pipeline

    answer = Pipeline(server_settings).ask("what was agreed on Street Angels?")
    assert not answer.abstained, answer.text
    assert "SSP/5/24" in {ref.item for ref in answer.citations}, answer.text


def test_reingest_writes_nothing(server_settings: Settings, embedder) -> None:  # type: ignore[no-untyped-def]
    before = VectorStore(server_settings, create=False)
    ids_before = set(before.collection.get(include=[])["ids"])
    state_before = before.state()
    summary = ingest(SAMPLES, server_settings, embedder=embedder, progress=False)
    assert (summary.chunks, summary.meetings, summary.unchanged) == (0, 0, 3)
    after = VectorStore(server_settings, create=False)
    assert set(after.collection.get(include=[])["ids"]) == ids_before
    assert after.state() == state_before


def test_cli_reingest_from_a_second_host(server_settings: Settings, tmp_path: Path) -> None:
    """Another machine (its own local index folder) ingests into the same server: nothing
    is written to Chroma, and its local lexical index is built from the server's chunks."""
    local = tmp_path / "second-host"
    proc = subprocess.run(
        [
            str(MINUTES),
            "ingest",
            str(SAMPLES),
            "--index",
            str(local),
            "--chroma-host",
            str(server_settings.chroma_host),
            "--chroma-port",
            str(server_settings.chroma_port),
        ],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Chroma server 127.0.0.1:" in proc.stdout
    assert "0 chunks written; 3 unchanged, 0 failed" in proc.stdout, proc.stdout
    from minutesqa.indexing.lexical import LexicalIndex
    from minutesqa.indexing.sentence_store import SentenceStore
    from minutesqa.models import SENTENCES_VERSION

    lexical = LexicalIndex.load(local / "lexical")
    assert lexical is not None
    store = VectorStore(server_settings, create=False)
    assert set(lexical.ids) == set(store.collection.get(include=[])["ids"])
    assert not (local / "chroma").exists()
    # the sentence vectors came from the server: no model loaded, nothing embedded
    first = SentenceStore.load(
        server_settings.index_dir / "sentences", server_settings.model, SENTENCES_VERSION
    )
    second = SentenceStore.load(local / "sentences", server_settings.model, SENTENCES_VERSION)
    assert f"{len(first)} sentence vectors fetched from the server" in proc.stdout, proc.stdout
    assert "sentences embedded" not in proc.stdout
    assert "Loading weights" not in proc.stderr
    assert second.rows == first.rows and len(first) > 200
    # float32 through the server, each value within 1e-7 of the embedded one
    np.testing.assert_allclose(np.asarray(second.vectors), np.asarray(first.vectors), atol=1e-6)


def test_unreachable_server_is_one_line_naming_host_and_port(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    settings = Settings.load(
        env={}, index_dir=tmp_path / "index", chroma_host="127.0.0.1", chroma_port=port
    )
    with pytest.raises(ConfigError) as info:
        VectorStore(settings, create=False)
    message = str(info.value)
    assert f"127.0.0.1:{port}" in message
    assert "\n" not in message


def test_cli_unreachable_server_exits_2_with_one_line(tmp_path: Path) -> None:
    port = free_port()
    proc = subprocess.run(
        [
            str(MINUTES),
            "ingest",
            str(SAMPLES),
            "--index",
            str(tmp_path / "index"),
            "--chroma-host",
            "127.0.0.1",
            "--chroma-port",
            str(port),
        ],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 2
    lines = [line for line in proc.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, proc.stderr
    assert f"127.0.0.1:{port}" in lines[0]


def test_the_chroma_server_itself_checks_no_token(server_settings: Settings) -> None:
    """Why the README says: private network or a token-checking proxy in front. A client
    with a wrong token (or none) is served all the same."""
    wrong = server_settings.with_(chroma_headers={"Authorization": "Bearer wrong-token"})
    assert VectorStore(wrong, create=False).count() > 0


def test_server_sentences_follow_the_index_and_the_model(
    server: tuple[str, int], tmp_path: Path
) -> None:
    """The server's sentence collection holds exactly the items of the last ingest, a host
    takes what it holds and embeds only the rest, and another model empties it."""
    from minutesqa.indexing.sentence_store import item_digest, update_sentence_store
    from minutesqa.indexing.store import ServerSentences
    from tests.conftest import FakeEmbedder

    host, port = server
    settings = Settings.load(
        env={},
        index_dir=tmp_path / "index",
        chroma_host=host,
        chroma_port=port,
        collection="sentence_check",
    )
    shared = ServerSentences(VectorStore(settings, create=True), "fake", 1)
    one = ("The swings were broken. A quote was read.", False)
    two = ("The balance is 4,200 pounds. The audit is done.", False)
    asked: list[list[str]] = []

    class Counting(FakeEmbedder):
        def embed(self, texts: list[str]) -> np.ndarray:
            asked.append(list(texts))
            return super().embed(texts)

    def update(local: str, items: list[tuple[str, bool]]) -> int:
        return update_sentence_store(
            tmp_path / local, items, Counting, "fake", 1, shared=shared
        ).fetched

    assert update("a", [one, two]) == 0 and len(asked) == 1  # embedded here, then put
    assert shared.digests() == {item_digest(*one), item_digest(*two)}
    assert update("b", [one]) == 2 and len(asked) == 1  # fetched: nothing embedded
    assert shared.digests() == {item_digest(*one)}  # the other item left the index
    other = ServerSentences(VectorStore(settings, create=True), "another-model", 1)
    assert other.digests() == set()
