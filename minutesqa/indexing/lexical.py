"""The index kept in memory beside the vector store: BM25 over the same chunks, their unit
embeddings for exact dense search, and the chunk table (each chunk's text and metadata, and
the chunks of each agenda item in order), so that a question is answered from arrays held
in memory with no round trip to Chroma. It is derived from the store, persisted beside it,
and rebuilt whenever the store's chunk set changed. The words it indexes and a question's are
`terms`'."""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from minutesqa.chunk import strip_context
from minutesqa.indexing.terms import spelling_variants, tokenize
from minutesqa.models import MEETING_ITEM

FORMAT_VERSION = 4  # bump when the saved layout changes: older copies are rebuilt


def fingerprint(ids: Iterable[str]) -> str:
    digest = hashlib.sha256()
    for cid in sorted(ids):
        digest.update(cid.encode())
        digest.update(b"\n")
    return digest.hexdigest()[:32]


MIN_RESPELL = 4  # shorter words have too many neighbours to respell


@dataclass
class LexicalIndex:
    ids: list[str]
    fingerprint: str
    retriever: Any  # bm25s.BM25, or None when there are no chunks
    date_int: np.ndarray
    committee: list[str]
    restricted: np.ndarray
    df: dict[str, int]  # chunks each term appears in, for term weights
    # unit-length embeddings in the order of `ids`, for exact dense search (0 rows: none)
    vectors: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.float32))
    documents: list[str] = field(default_factory=list)  # chunk texts, in the order of `ids`
    metadatas: list[dict[str, Any]] = field(default_factory=list)  # Chunk.metadata(), same order
    # derived on load (not saved): committee code per chunk, item per chunk, chunks per item
    committee_code: np.ndarray = field(init=False, repr=False)
    committee_names: list[str] = field(init=False, repr=False)
    item_of: np.ndarray = field(init=False, repr=False)
    item_keys: list[tuple[str, int]] = field(init=False, repr=False)
    item_rows: list[list[int]] = field(init=False, repr=False)
    position: dict[str, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.position = {cid: i for i, cid in enumerate(self.ids)}
        self.committee_names = sorted(set(self.committee))
        code = {name: i for i, name in enumerate(self.committee_names)}
        self.committee_code = np.array([code[c] for c in self.committee], dtype=np.int32)
        keys: dict[tuple[str, int], int] = {}
        rows: list[list[tuple[int, int]]] = []
        item_of = np.zeros(len(self.ids), dtype=np.int64)
        for pos, meta in enumerate(self.metadatas):
            key = (str(meta.get("source", "")), int(meta.get("item_index", 0)))
            n = keys.setdefault(key, len(keys))
            if n == len(rows):
                rows.append([])
            rows[n].append((int(meta.get("chunk_index", 0)), pos))
            item_of[pos] = n
        self.item_of = item_of
        self.item_keys = list(keys)
        self.item_rows = [[pos for _, pos in sorted(r)] for r in rows]

    def item_text(self, item: int) -> str:
        """The whole text of an item (a number of the chunk table), its chunks joined in
        order, overlaps removed."""
        return join_parts([strip_context(self.documents[pos]) for pos in self.item_rows[item]])

    def is_meeting_record(self, item: int) -> bool:
        """Whether the item is a meeting's own record (split into sentences by lines)."""
        return str(self.metadatas[self.item_rows[item][0]].get("item", "")) == MEETING_ITEM

    def items(self) -> Iterator[tuple[str, bool]]:
        """(text, is meeting record) of every item, in table order."""
        for item in range(len(self.item_rows)):
            yield self.item_text(item), self.is_meeting_record(item)

    def committee_mask(self, names: Iterable[str]) -> np.ndarray:
        """Chunks of any of these committees, as a boolean array in the order of `ids`."""
        wanted = [self.committee_names.index(n) for n in set(names) if n in self.committee_names]
        return np.isin(self.committee_code, np.array(wanted, dtype=np.int32))

    @classmethod
    def build(
        cls, rows: list[tuple[str, str, dict[str, Any]]], vectors: dict[str, Any] | None = None
    ) -> LexicalIndex:
        import bm25s

        rows = sorted(rows, key=lambda r: r[0])
        ids = [r[0] for r in rows]
        matrix = np.zeros((0, 0), dtype=np.float32)
        if vectors and ids:
            matrix = np.stack([np.asarray(vectors[i], dtype=np.float32) for i in ids])
            norms = np.linalg.norm(matrix, axis=1, keepdims=True)
            matrix /= np.where(norms == 0, 1.0, norms)
        retriever = None
        df: dict[str, int] = {}
        if rows:
            corpus = [tokenize(r[1]) or ["_empty_"] for r in rows]
            for tokens in corpus:
                for token in set(tokens):
                    df[token] = df.get(token, 0) + 1
            retriever = bm25s.BM25(k1=1.2, b=0.75)
            retriever.index(corpus, show_progress=False)
        return cls(
            ids=ids,
            fingerprint=fingerprint(ids),
            retriever=retriever,
            date_int=np.array([int(r[2].get("date_int", 0)) for r in rows], dtype=np.int64),
            committee=[str(r[2].get("committee", "")) for r in rows],
            restricted=np.array([bool(r[2].get("restricted", False)) for r in rows], dtype=bool),
            df=df,
            vectors=matrix,
            documents=[r[1] for r in rows],
            metadatas=[dict(r[2]) for r in rows],
        )

    def save(self, directory: Path) -> None:
        """Write to a temporary folder, then swap it in: a reader never sees half a file."""
        directory.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".lexical-", dir=directory.parent))
        if self.retriever is not None:
            self.retriever.save(str(tmp / "bm25"))
        np.save(tmp / "date_int.npy", self.date_int)
        np.save(tmp / "restricted.npy", self.restricted)
        np.save(tmp / "vectors.npy", self.vectors)
        (tmp / "meta.json").write_text(
            json.dumps(
                {
                    "fingerprint": self.fingerprint,
                    "ids": self.ids,
                    "committee": self.committee,
                    "df": self.df,
                    "version": FORMAT_VERSION,
                }
            )
        )
        (tmp / "chunks.json").write_text(
            json.dumps({"documents": self.documents, "metadatas": self.metadatas})
        )
        swap_in(tmp, directory)

    @classmethod
    def load(cls, directory: Path) -> LexicalIndex | None:
        import bm25s

        try:
            meta = json.loads((directory / "meta.json").read_text())
            if meta.get("version") != FORMAT_VERSION:
                return None
            retriever = None
            if meta["ids"]:
                retriever = bm25s.BM25.load(str(directory / "bm25"))
            table = json.loads((directory / "chunks.json").read_text())
            return cls(
                ids=list(meta["ids"]),
                fingerprint=str(meta["fingerprint"]),
                retriever=retriever,
                date_int=np.load(directory / "date_int.npy"),
                committee=list(meta["committee"]),
                restricted=np.load(directory / "restricted.npy"),
                df=dict(meta.get("df", {})),
                vectors=np.load(directory / "vectors.npy"),
                documents=list(table["documents"]),
                metadatas=list(table["metadatas"]),
            )
        except (OSError, ValueError, KeyError):
            return None

    def respell(self, terms: Iterable[str]) -> list[str]:
        """Each term as the minutes spell it: a term they never use, of MIN_RESPELL letters
        or more, becomes its spelling variant that they use most (spelling_variants);
        others stay as they are ("llama" -> "lama", where a council wrote "Lamas")."""
        out = []
        for term in terms:
            if len(term) >= MIN_RESPELL and self.df.get(term, 0) == 0 and term.isalpha():
                seen = [(self.df.get(v, 0), v) for v in set(spelling_variants(term))]
                best = max(seen, default=(0, term))
                term = best[1] if best[0] else term
            out.append(term)
        return out

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term the index has never seen weighs most."""
        return self.idf_of(self.df.get(term, 0))

    def idf_of(self, df: int) -> float:
        """The inverse document frequency of what `df` chunks hold (a term, a phrase)."""
        n = max(1, len(self.ids))
        return float(np.log(1.0 + (n + 0.5) / (df + 0.5)))

    def chunks_with(self, term: str) -> np.ndarray:
        """Positions of the chunks whose text holds the (tokenized) term: the term's postings
        in the BM25 index, whose corpus is exactly `tokenize` of each chunk."""
        if self.retriever is None:
            return np.zeros(0, dtype=np.int64)
        tid = self.retriever.vocab_dict.get(term)
        if tid is None:
            return np.zeros(0, dtype=np.int64)
        scores = self.retriever.scores
        return np.asarray(scores["indices"][scores["indptr"][tid] : scores["indptr"][tid + 1]])

    def coverage_of(self, query_terms: list[str], groups: list[list[int]]) -> list[float]:
        """Topic coverage of each group of chunk positions (an item's chunks): the share of
        the query's term weight (idf) that any chunk of the group holds, read from the
        BM25 postings instead of tokenizing the chunks' texts again."""
        terms = list(dict.fromkeys(self.respell(query_terms)))
        if not terms or not groups:
            return [0.0] * len(groups)
        weights = [self.idf(t) for t in terms]
        total = sum(weights)
        flat = np.array([pos for group in groups for pos in group], dtype=np.int64)
        owner = np.repeat(np.arange(len(groups)), [len(g) for g in groups])
        held = np.zeros((len(groups), len(terms)), dtype=bool)
        has = np.zeros(len(self.ids), dtype=bool)  # a lookup table, not np.isin's sort
        for j, term in enumerate(terms):
            postings = self.chunks_with(term)
            has[postings] = True
            held[owner[has[flat]], j] = True
            has[postings] = False
        # summed term by term in the query's order (as the records were before)
        return [sum(w for w, h in zip(weights, row, strict=True) if h) / total for row in held]

    def nearest(
        self, vector: np.ndarray, n: int, mask: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """Exact cosine search over every stored embedding: (id, similarity), best first.
        Chroma's HNSW graph can leave chunks unreachable (chroma-core/chroma#7758); at the
        sizes of a council's archive a matrix product is as fast and misses nothing."""
        if not len(self.vectors):
            return []
        unit = (vector / (np.linalg.norm(vector) or 1.0)).astype(np.float32)
        if mask is not None and mask.sum() * 2 < len(mask):
            # a narrow filter (a committee, a year): the product over its rows only, as the
            # full product is bound by reading every vector from memory
            rows = np.flatnonzero(mask)
            sims = self.vectors[rows] @ unit
        else:
            rows = None
            sims = self.vectors @ unit
            if mask is not None:
                sims = np.where(mask, sims, -np.inf)
        n = min(n, int(np.isfinite(sims).sum()))
        if n <= 0:
            return []
        top = np.argpartition(-sims, n - 1)[:n]
        at = top if rows is None else rows[top]
        order = np.lexsort((at, -sims[top]))  # best first; equal ones (copies) by position
        top, at = top[order], at[order]
        return [(self.ids[i], float(s)) for i, s in zip(at, sims[top], strict=True)]

    def search(self, query: str, n: int, mask: np.ndarray | None = None) -> list[tuple[str, float]]:
        if self.retriever is None or not self.ids:
            return []
        tokens = self.respell(tokenize(query))
        if not tokens:
            return []
        scores = np.asarray(self.retriever.get_scores(tokens), dtype=np.float64)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)
        n = min(n, len(scores))
        top = np.argpartition(-scores, n - 1)[:n]
        top = top[np.argsort(-scores[top])]
        return [(self.ids[i], float(scores[i])) for i in top if scores[i] > 0]


def swap_in(tmp: Path, directory: Path) -> None:
    """Put the finished folder `tmp` in the place of `directory`: the old copy is moved
    aside first, so a reader finds the old folder or the new one, never half of either."""
    old = directory.with_name(directory.name + ".old")
    shutil.rmtree(old, ignore_errors=True)
    if directory.exists():
        directory.rename(old)
    tmp.rename(directory)
    shutil.rmtree(old, ignore_errors=True)


def join_parts(parts: list[str]) -> str:
    """An item's chunk texts joined in order, the overlap the splitter repeats removed."""
    text = parts[0] if parts else ""
    for part in parts[1:]:
        overlap = _overlap(text, part)
        text = text + part[overlap:] if overlap else text + "\n" + part
    return text


def _overlap(text: str, part: str, most: int = 600, least: int = 11) -> int:
    """The longest n (least <= n <= most) with text ending in part[:n], else 0: the places
    in text's tail where part's first `least` characters occur are the only candidates."""
    limit = min(len(text), len(part), most)
    if limit < least:
        return 0
    tail = text[-limit:]
    key = part[:least]
    at = tail.find(key)
    while at != -1:
        if part.startswith(tail[at:]):
            return limit - at
        at = tail.find(key, at + 1)
    return 0
