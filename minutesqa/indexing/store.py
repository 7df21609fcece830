"""Stage 5: the vector store, Chroma embedded (PersistentClient) or a Chroma server
(HttpClient), behind one small class. The only module that speaks Chroma: what it reads
comes back as `StoredChunk`s with typed fields (`ref`, `source`, `item_index`, ...), and
the filters callers need are its methods (`item_chunks`, `first_chunks`)."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from minutesqa.config import Settings
from minutesqa.decision import Decision, decisions_from_metadata
from minutesqa.errors import ConfigError, IndexMissingError
from minutesqa.models import Chunk, ItemRef

os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")
logging.getLogger("chromadb").setLevel(logging.ERROR)

STATE_KEY = "lexical_fingerprint"  # collection metadata: which chunk set the lexical index matches
DIRTY = "dirty"
PAGE = 5000


@dataclass(frozen=True)
class StoredChunk:
    id: str
    metadata: dict[str, Any]
    document: str = ""
    distance: float | None = None
    embedding: np.ndarray | None = None

    @property
    def ref(self) -> ItemRef:
        """The agenda item the chunk belongs to (committee, date, number, title)."""
        return ItemRef.from_metadata(self.metadata)

    @property
    def source(self) -> str:
        return str(self.metadata.get("source", ""))

    @property
    def item_index(self) -> int:
        """The item's place in its meeting (0: the meeting's own record)."""
        return int(self.metadata.get("item_index", 0))

    @property
    def chunk_index(self) -> int:
        return int(self.metadata.get("chunk_index", 0))

    @property
    def decisions(self) -> tuple[Decision, ...]:
        return decisions_from_metadata(self.metadata)


class VectorStore:
    def __init__(self, settings: Settings, *, create: bool) -> None:
        import chromadb

        self.settings = settings
        if settings.server_mode:
            try:
                self.client: Any = chromadb.HttpClient(
                    host=str(settings.chroma_host),
                    port=settings.chroma_port,
                    ssl=settings.chroma_ssl,
                    headers=settings.chroma_headers or None,
                )
                self.client.heartbeat()
            except Exception as exc:
                scheme = "https" if settings.chroma_ssl else "http"
                raise ConfigError(
                    f"cannot reach the Chroma server at {scheme}://{settings.chroma_host}:"
                    f"{settings.chroma_port} ({str(exc).splitlines()[0][:120]}); "
                    "start it with 'chroma run' or check MINUTES_CHROMA_HOST/PORT"
                ) from None
        else:
            path = settings.index_dir / "chroma"
            if not create and not path.exists():
                raise IndexMissingError(
                    f"no index at {settings.index_dir}: run 'minutes ingest DIR' first "
                    "(or 'make ingest MINUTES=DIR')"
                )
            path.mkdir(parents=True, exist_ok=True)
            self.client = chromadb.PersistentClient(path=str(path))
        self.max_batch = int(self.client.get_max_batch_size())
        if create:
            self.collection = self.client.get_or_create_collection(
                settings.collection,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={STATE_KEY: DIRTY},
                embedding_function=None,
            )
        else:
            try:
                self.collection = self.client.get_collection(
                    settings.collection, embedding_function=None
                )
            except Exception:
                raise IndexMissingError(
                    f"the index has no collection {settings.collection!r}: "
                    "run 'minutes ingest DIR' first"
                ) from None

    # --- reading -------------------------------------------------------------------------
    def count(self) -> int:
        return int(self.collection.count())

    def state(self) -> str:
        return str((self.collection.metadata or {}).get(STATE_KEY, DIRTY))

    def set_state(self, value: str) -> None:
        meta = dict(self.collection.metadata or {})
        meta[STATE_KEY] = value
        self.collection.modify(metadata=meta)

    def iter_all(
        self, *, documents: bool = False, embeddings: bool = False
    ) -> Iterator[StoredChunk]:
        include = ["metadatas", "documents"] if documents else ["metadatas"]
        if embeddings:
            include.append("embeddings")
        offset = 0
        while True:
            page = self.collection.get(include=include, limit=PAGE, offset=offset)
            ids = page["ids"]
            if not ids:
                return
            metas = page["metadatas"] or [{}] * len(ids)
            docs = page.get("documents") or [""] * len(ids)
            vectors = page.get("embeddings") if embeddings else None
            for i, cid in enumerate(ids):
                vector = np.asarray(vectors[i], dtype=np.float32) if vectors is not None else None
                yield StoredChunk(cid, dict(metas[i] or {}), docs[i] or "", embedding=vector)
            offset += len(ids)
            if len(ids) < PAGE:
                return

    def query(self, vector: np.ndarray, n: int, where: dict[str, Any] | None) -> list[StoredChunk]:
        n = min(n, max(1, self.count()))
        res = self.collection.query(
            query_embeddings=[vector.tolist()],
            n_results=n,
            where=where or None,
            include=["metadatas", "documents", "distances"],
        )
        out = []
        for i, cid in enumerate(res["ids"][0]):
            out.append(
                StoredChunk(
                    cid,
                    dict(res["metadatas"][0][i] or {}),
                    res["documents"][0][i] or "",
                    float(res["distances"][0][i]),
                )
            )
        return out

    def get(self, ids: Sequence[str], *, embeddings: bool = False) -> list[StoredChunk]:
        """The chunks with these ids that exist, in the store's order."""
        include = ["metadatas", "documents"] + (["embeddings"] if embeddings else [])
        res = self.collection.get(ids=list(ids), include=include)
        return self._chunks(res, embeddings)

    def get_where(self, where: dict[str, Any]) -> list[StoredChunk]:
        res = self.collection.get(where=where, include=["metadatas", "documents"])
        return self._chunks(res, False)

    def item_chunks(self, source: str, item_index: int) -> list[StoredChunk]:
        """One item's chunks, in order."""
        found = self.get_where({"$and": [{"source": source}, {"item_index": item_index}]})
        return sorted(found, key=lambda c: c.chunk_index)

    def first_chunks(self, where: dict[str, Any] | None = None) -> list[StoredChunk]:
        """The first chunk of every item (of those matching `where`): one per item."""
        first = {"chunk_index": 0}
        return self.get_where({"$and": [first, where]} if where else first)

    @staticmethod
    def _chunks(res: Any, embeddings: bool) -> list[StoredChunk]:
        metas = res.get("metadatas") or [{}] * len(res["ids"])
        docs = res.get("documents") or [""] * len(res["ids"])
        vectors = res.get("embeddings") if embeddings else None
        return [
            StoredChunk(
                cid,
                dict(metas[i] or {}),
                docs[i] or "",
                embedding=np.asarray(vectors[i], dtype=np.float32) if vectors is not None else None,
            )
            for i, cid in enumerate(res["ids"])
        ]

    # --- writing -------------------------------------------------------------------------
    def upsert(self, chunks: Sequence[Chunk], vectors: np.ndarray) -> None:
        for start in range(0, len(chunks), self.max_batch):
            part = chunks[start : start + self.max_batch]
            self.collection.upsert(
                ids=[c.id for c in part],
                embeddings=vectors[start : start + len(part)].tolist(),
                documents=[c.text for c in part],
                metadatas=[c.metadata() for c in part],
            )

    def delete(self, ids: Sequence[str]) -> None:
        ids = list(ids)
        for start in range(0, len(ids), self.max_batch):
            self.collection.delete(ids=ids[start : start + self.max_batch])


class ServerSentences:
    """Every item's sentence vectors in a second collection of the Chroma server
    (`<collection>_sentences`, one record per sentence: id `<item digest>:<n>`), so that a
    second host's first ingest fetches them instead of embedding the whole archive again
    (the local sentence store stays the one answers read: `sentence_store`). Made with
    another model or sentence version, the collection is emptied and filled again."""

    def __init__(self, store: VectorStore, model: str, version: int) -> None:
        self.max_batch = store.max_batch
        name = f"{store.settings.collection}_sentences"
        wanted = {"model": model, "sentences": version}
        client = store.client
        collection = client.get_or_create_collection(
            name,
            configuration={"hnsw": {"space": "cosine"}},
            metadata=wanted,
            embedding_function=None,
        )
        meta = collection.metadata or {}
        if {k: meta.get(k) for k in wanted} != wanted:
            client.delete_collection(name)
            collection = client.create_collection(
                name,
                configuration={"hnsw": {"space": "cosine"}},
                metadata=wanted,
                embedding_function=None,
            )
        self.collection = collection

    def _rows(self) -> Iterator[tuple[str, str, int]]:
        """(id, item digest, the item's sentence count) of every record, page by page."""
        offset = 0
        while True:
            page = self.collection.get(include=["metadatas"], limit=PAGE, offset=offset)
            for cid, meta in zip(page["ids"], page["metadatas"] or [], strict=True):
                yield cid, str(meta.get("digest", "")), int(meta.get("of", -1))
            offset += len(page["ids"])
            if len(page["ids"]) < PAGE:
                return

    def digests(self) -> set[str]:
        """The items whose sentences are all on the server."""
        rows: dict[str, list[int]] = {}
        for _cid, digest, of in self._rows():
            rows.setdefault(digest, [0, of])[0] += 1
        return {d for d, (n, of) in rows.items() if n == of}

    def fetch(self, digests: Sequence[str]) -> dict[str, np.ndarray]:
        """The sentence vectors of these items (rows in sentence order), where complete."""
        out: dict[str, np.ndarray] = {}
        step = 200  # items per request
        for start in range(0, len(digests), step):
            part = list(digests[start : start + step])
            got = self.collection.get(
                where={"digest": {"$in": part}}, include=["embeddings", "metadatas"]
            )
            found: dict[str, dict[int, np.ndarray]] = {}
            sizes: dict[str, int] = {}
            vectors = got["embeddings"] if got["embeddings"] is not None else []
            for meta, vector in zip(got["metadatas"] or [], vectors, strict=True):
                digest = str(meta["digest"])
                found.setdefault(digest, {})[int(meta["n"])] = np.asarray(vector, np.float32)
                sizes[digest] = int(meta["of"])
            for digest, rows in found.items():
                if len(rows) == sizes[digest]:
                    out[digest] = np.stack([rows[k] for k in range(len(rows))])
        return out

    def put(self, vectors: dict[str, np.ndarray]) -> None:
        ids: list[str] = []
        rows: list[np.ndarray] = []
        metas: list[dict[str, Any]] = []
        for digest, block in vectors.items():
            for n, row in enumerate(block):
                ids.append(f"{digest}:{n}")
                rows.append(row)
                metas.append({"digest": digest, "n": n, "of": len(block)})
        for start in range(0, len(ids), self.max_batch):
            end = start + self.max_batch
            self.collection.upsert(
                ids=ids[start:end],
                embeddings=np.asarray(rows[start:end], dtype=np.float32),
                metadatas=metas[start:end],
            )

    def remove(self, digests: set[str]) -> None:
        """Drop these items' sentences (items no longer in the index)."""
        ids = [cid for cid, digest, _of in self._rows() if digest in digests]
        for start in range(0, len(ids), self.max_batch):
            self.collection.delete(ids=ids[start : start + self.max_batch])
