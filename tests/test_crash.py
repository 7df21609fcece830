"""Crash safety: SIGKILL `minutes ingest` at random points (seeded) and check that the index
still opens, holds no duplicate chunk, that the lexical index is repaired to match the
store, and that a full re-run converges to exactly what an uninterrupted ingest writes.
Also: a second ingest on a locked index stops at once and touches nothing."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from minutesqa.config import Settings
from minutesqa.errors import IndexMissingError
from minutesqa.indexing.lock import LOCK_NAME, IndexLock
from minutesqa.indexing.store import VectorStore
from tests.conftest import LIMERICK, child_env
from tests.helpers_server import MINUTES, ROOT

pytestmark = pytest.mark.slow

YEAR = LIMERICK / "2014"  # 38 meetings, 722 chunks: three flushes of the ingest
SEED = 20240530
PHASES = ("start", "model", "embed", "write", "lexical")


def corpus(tmp: Path, n: int) -> Path:
    """The `n` smallest Limerick 2014 minutes in a temporary folder, hard-linked (not
    copied where the file system allows). Not symlinks: ingest refuses a symlink that
    points outside the folder it reads, by design."""
    if not YEAR.is_dir():
        pytest.skip(f"{YEAR} is not here")
    files = sorted(
        (p for p in YEAR.rglob("*") if p.is_file()), key=lambda p: (p.stat().st_size, str(p))
    )[:n]
    folder = tmp / "corpus"
    for src in files:
        dst = folder / src.relative_to(YEAR)
        dst.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)  # another file system: a copy in tmp, never in the repo
    return folder


def ingest_cmd(folder: Path, index: Path) -> list[str]:
    return [str(MINUTES), "ingest", str(folder), "--index", str(index)]


def settings_for(index: Path) -> Settings:
    return Settings.load(env={}, index_dir=index)


def release_chroma(index: Path) -> None:
    """Forget this process's embedded Chroma for `index`, so the next look reads what the
    subprocess wrote rather than a cached copy, and holds nothing open meanwhile."""
    from chromadb.api.shared_system_client import SharedSystemClient

    prefix = str(index)
    systems = SharedSystemClient._identifier_to_system
    for ident in [i for i in systems if i.startswith(prefix)]:
        try:
            systems[ident].stop()
        except Exception:
            pass
        systems.pop(ident, None)
        SharedSystemClient._identifier_to_refcount.pop(ident, None)


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    out: dict[str, tuple[int, int]] = {}
    if not root.exists():
        return out
    for dirpath, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(dirpath, name)
            try:
                st = os.stat(path)
            except OSError:
                continue
            out[os.path.relpath(path, root)] = (st.st_size, st.st_mtime_ns)
    return out


def lock_holder(index: Path) -> str:
    try:
        return (index / LOCK_NAME).read_text()
    except OSError:
        return ""


@dataclass
class Kill:
    planned: str
    seen: str
    at_s: float
    killed: bool


def model_loaded(pid: int) -> bool:
    """The embedding model's weights are mapped into the process (Linux /proc)."""
    try:
        return "model.safetensors" in Path(f"/proc/{pid}/maps").read_text()
    except OSError:
        return False


def run_and_kill(folder: Path, index: Path, phase: str, rng: random.Random) -> Kill:
    """Start an ingest and SIGKILL it in the planned phase, found by polling from outside:
    the lock file (taken), the model's weights mapped into the process (loaded), the
    Chroma files changing after that (written), and the lexical index's temporary folder
    (being saved)."""
    log = open(index.parent / f"ingest-{index.name}.log", "ab")  # noqa: SIM115
    t0 = time.monotonic()
    proc = subprocess.Popen(
        ingest_cmd(folder, index),
        cwd=ROOT,
        env=child_env(),
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    delays = {
        "start": rng.uniform(0.1, 2.5),  # imports, discovery, lock
        "model": rng.uniform(0.0, 4.0),  # store opened, model loading, parsing
        "embed": rng.uniform(0.2, 8.0),  # embedding (or the writes after it)
        "write": rng.uniform(0.0, 0.15),  # upserts and deletes under way
    }
    kill_at: float | None = t0 + delays["start"] if phase == "start" else None
    last = snapshot(index / "chroma")
    last_change = t0
    locked = loaded = writing = False
    seen = "start"
    while proc.poll() is None:
        now = time.monotonic()
        snap = snapshot(index / "chroma")
        if snap != last:
            last, last_change = snap, now
            if loaded and not writing:
                writing = True
                if phase == "write":
                    kill_at = now + delays["write"]
        if not locked and f"pid {proc.pid}:" in lock_holder(index):
            locked, seen = True, "model"
            if phase == "model":
                kill_at = now + delays["model"]
        if locked and not loaded and model_loaded(proc.pid):
            loaded, seen = True, "embed"
            if phase == "embed":
                kill_at = now + delays["embed"]
        if writing:
            seen = "write" if now - last_change < 0.3 else "embed"
        if index.exists() and any(
            n.startswith(".lexical-") or n.endswith(".old") for n in os.listdir(index)
        ):
            seen = "lexical"
            if phase == "lexical":
                kill_at = now
        if kill_at is not None and now >= kill_at:
            break
        time.sleep(0.01)
    killed = proc.poll() is None
    if killed:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait(30)
    log.close()
    return Kill(phase, seen if killed else "finished", time.monotonic() - t0, killed)


def check_invariants(index: Path) -> int:
    """The index opens, no chunk twice, the lexical index (repaired on open) matches the
    store exactly, and each file's chunks are all there or none. Returns the chunk count."""
    from minutesqa.indexing.lexical import LexicalIndex
    from minutesqa.indexing.lexical_sync import open_lexical

    settings = settings_for(index)
    try:
        store = VectorStore(settings, create=False)
    except IndexMissingError:
        # killed before the collection was written: nothing to open, which is fine
        assert not (index / "lexical").exists()
        return 0
    try:
        count = store.count()
        got = store.collection.get(include=["metadatas"])
        ids = got["ids"]
        assert len(ids) == len(set(ids)) == count, "a chunk id appears twice"
        on_disk = LexicalIndex.load(index / "lexical")
        if on_disk is not None:
            assert len(on_disk.ids) == len(set(on_disk.ids))
        lexical = open_lexical(store, settings)
        assert len(lexical.ids) == len(set(lexical.ids))
        assert set(lexical.ids) == set(ids)
        assert store.state() == lexical.fingerprint  # repaired and recorded
        per_file: dict[str, list[int]] = {}
        for meta in got["metadatas"] or []:
            per_file.setdefault(str(meta["source"]), []).append(int(meta["file_chunk_count"]))
        for source, counts in per_file.items():
            assert len(set(counts)) == 1 and counts[0] == len(counts), f"half-written {source}"
        return count
    finally:
        release_chroma(index)


def sentence_store(index: Path) -> Any:
    from minutesqa.indexing.sentence_store import SentenceStore
    from minutesqa.models import SENTENCES_VERSION

    return SentenceStore.load(index / "sentences", settings_for(index).model, SENTENCES_VERSION)


def full_state(index: Path) -> dict[str, Any]:
    from minutesqa.indexing.lexical import LexicalIndex

    store = VectorStore(settings_for(index), create=False)
    try:
        got = store.collection.get(include=["metadatas", "documents", "embeddings"])
        order = np.argsort(got["ids"])
        lexical = LexicalIndex.load(index / "lexical")
        assert lexical is not None
        return {
            "ids": [got["ids"][i] for i in order],
            "documents": [got["documents"][i] for i in order],  # type: ignore[index]
            "metadatas": [dict(got["metadatas"][i]) for i in order],  # type: ignore[index]
            "embeddings": np.asarray(got["embeddings"])[order],
            "state": store.state(),
            "lexical_ids": sorted(lexical.ids),
            "sentence_items": sorted(sentence_store(index).rows),
            "lexical_fingerprint": lexical.fingerprint,
        }
    finally:
        release_chroma(index)


def crash_and_converge(
    tmp_path: Path,
    embedder: Any,
    files: int,
    phases: list[str],
    restart_when_complete: bool = False,
) -> None:
    from minutesqa.ingest import ingest

    folder = corpus(tmp_path, files)
    reference = tmp_path / "reference"
    summary = ingest(folder, settings_for(reference), embedder=embedder, progress=False)
    assert summary.failed == 0 and summary.chunks > 0
    release_chroma(reference)
    expected = full_state(reference)

    index = tmp_path / "crashed"
    rng = random.Random(SEED)
    kills: list[Kill] = []
    for n, phase in enumerate(phases, 1):
        kill = run_and_kill(folder, index, phase, rng)
        count = check_invariants(index)
        kills.append(kill)
        print(
            f"kill {n}: planned {kill.planned:8} seen {kill.seen:8} "
            f"at {kill.at_s:5.1f} s -> {count} chunks, invariants hold"
        )
        if count == len(expected["ids"]) and n < len(phases) and restart_when_complete:
            shutil.rmtree(index)  # all written: start over, so later kills hit real work
            print("        index complete: starting over from an empty index")
    survived = sum(k.killed for k in kills)
    print(f"{survived} of {len(kills)} ingests killed mid-run; the index survived every one")

    # the re-run in this process, with the session's model: the same `ingest` the command
    # runs (the kills above are real processes; a third would only add a torch import)
    done = ingest(folder, settings_for(index), embedder=embedder, progress=False)
    assert done.failed == 0, done.failures
    release_chroma(index)
    check_invariants(index)
    got = full_state(index)
    assert got["ids"] == expected["ids"]
    assert got["documents"] == expected["documents"]
    assert got["metadatas"] == expected["metadatas"]
    np.testing.assert_allclose(got["embeddings"], expected["embeddings"], atol=1e-3)
    assert got["state"] == expected["state"] == expected["lexical_fingerprint"]
    assert got["lexical_ids"] == expected["lexical_ids"] == expected["ids"]
    assert got["sentence_items"] == expected["sentence_items"] != []
    assert sorted(os.listdir(index)) == ["chroma", "ingest.lock", "lexical", "sentences"]
    print(f"converged: {len(got['ids'])} chunks identical to the uninterrupted ingest")


def test_killed_ingest_recovers_short(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    """make test: two kills (model load, then mid-write) over six small meetings."""
    crash_and_converge(tmp_path, embedder, files=6, phases=["model", "write"])


@pytest.mark.heavy
def test_killed_ingest_recovers_many(tmp_path: Path, embedder) -> None:  # type: ignore[no-untyped-def]
    """make test-all: twelve kills spread over every phase, 38 meetings (three flushes)."""
    rng = random.Random(SEED + 1)
    phases = [PHASES[i % len(PHASES)] for i in range(12)]
    rng.shuffle(phases)
    crash_and_converge(tmp_path, embedder, files=38, phases=phases, restart_when_complete=True)


def test_second_ingest_stops_at_once_while_the_test_holds_the_lock(tmp_path: Path) -> None:
    from minutesqa.ingest import ingest

    folder = corpus(tmp_path, 2)
    index = tmp_path / "index"
    from tests.conftest import FakeEmbedder

    ingest(folder, settings_for(index), embedder=FakeEmbedder(), progress=False)
    release_chroma(index)
    before = snapshot(index)
    with IndexLock(index):
        proc = subprocess.run(
            ingest_cmd(folder, index),
            cwd=ROOT,
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        held = lock_holder(index)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    message = proc.stderr.strip()
    assert str(index / LOCK_NAME) in message
    assert f"pid {os.getpid()}" in message
    assert "Loading weights" not in proc.stderr  # it stopped before loading the model
    assert f"pid {os.getpid()}" in held
    after = snapshot(index)
    after.pop(LOCK_NAME, None)
    before.pop(LOCK_NAME, None)
    assert after == before  # the index is untouched


def test_second_ingest_stops_at_once_while_another_ingest_runs(tmp_path: Path) -> None:
    folder = corpus(tmp_path, 6)
    index = tmp_path / "index"
    first = subprocess.Popen(
        ingest_cmd(folder, index),
        cwd=ROOT,
        env=child_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 120
        while f"pid {first.pid}:" not in lock_holder(index):
            assert first.poll() is None, "the first ingest ended before taking the lock"
            assert time.monotonic() < deadline, "the first ingest never took the lock"
            time.sleep(0.05)
        second = subprocess.run(
            ingest_cmd(folder, index),
            cwd=ROOT,
            env=child_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        first_still_running = first.poll() is None
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
        first.wait(30)
    assert second.returncode == 2, second.stdout + second.stderr
    assert str(index / LOCK_NAME) in second.stderr
    assert f"pid {first.pid}" in second.stderr
    assert "Loading weights" not in second.stderr  # it stopped before loading the model
    assert first_still_running  # it stopped at once, while the first was still at work


def test_leftovers_of_a_killed_lexical_save_are_cleared(tmp_path: Path) -> None:
    """A save killed between writing its temporary folder and swapping it in leaves that
    folder (and perhaps `lexical.old`) behind; the next writer, holding the lock, clears
    them rather than letting them pile up."""
    from minutesqa.indexing.lexical_sync import open_lexical
    from minutesqa.ingest import ingest
    from tests.conftest import FakeEmbedder

    folder = corpus(tmp_path, 2)
    index = tmp_path / "index"
    settings = settings_for(index)
    ingest(folder, settings, embedder=FakeEmbedder(), progress=False)
    (index / ".lexical-killed1").mkdir()
    (index / ".lexical-killed1" / "meta.json").write_text("{")
    (index / "lexical.old").mkdir()
    store = VectorStore(settings, create=False)
    store.set_state("dirty")  # as a kill after the first write leaves it
    open_lexical(store, settings)  # the app repairs the lexical index under the lock
    release_chroma(index)
    assert sorted(os.listdir(index)) == ["chroma", "ingest.lock", "lexical", "sentences"]
    # a killed save of the sentence store: the next ingest clears its leftovers
    (index / ".sentences-killed1").mkdir()
    (index / "sentences.old").mkdir()
    before = sentence_store(index).rows
    ingest(folder, settings, embedder=FakeEmbedder(), progress=False)
    release_chroma(index)
    assert sorted(os.listdir(index)) == ["chroma", "ingest.lock", "lexical", "sentences"]
    assert sentence_store(index).rows == before
