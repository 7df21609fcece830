"""The hybrid search under every retrieval: dense similarity (the exact product over the
chunk table's vectors) and BM25 over the same chunks, within a mask of committees, dates and
restriction, fused by reciprocal rank, merged into agenda items, scored by their parts
(Tuning: similarity, BM25, coverage of the topic words, the meeting's own record, a body
named) and kept one per item. `retrieve.Retriever` decides what to search; this ranks."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import numpy as np

from minutesqa.answer.query import MEETING_INTENT, topic_terms
from minutesqa.config import Settings
from minutesqa.decision import decisions_from_metadata
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.models import Hit, ItemRef, date_int

# one item's score, similarity, coverage, its row, its chunks and the parts of its score
_Scored = tuple[float, float, float, int, list[str], tuple[tuple[str, float], ...]]


class ItemRanker:
    """The best items for a text and its vector, over one lexical index (`search`)."""

    def __init__(self, lexical: LexicalIndex, settings: Settings) -> None:
        self.lexical = lexical
        self.settings = settings

    def _mask(
        self, committees: tuple[str, ...], since: dt.date | None, until: dt.date | None
    ) -> np.ndarray | None:
        lex = self.lexical
        if not (committees or since or until or self.settings.exclude_restricted):
            return None
        mask = np.ones(len(lex.ids), dtype=bool)
        if committees:
            mask &= lex.committee_mask(committees)
        if since:
            mask &= lex.date_int >= date_int(since)
        if until:
            mask &= lex.date_int <= date_int(until)
        if self.settings.exclude_restricted:
            mask &= ~lex.restricted
        return mask

    def search(
        self,
        text: str,
        vector: np.ndarray,
        committees: tuple[str, ...],
        since: dt.date | None,
        until: dt.date | None,
        k: int,
        prefer: tuple[str, ...] = (),
    ) -> list[Hit]:
        """Items best first; those of a committee in `prefer` (named in the question)
        score Tuning.named_boost more."""
        tune = self.settings.tuning
        n = max(tune.candidates, tune.candidates_per_k * k)
        mask = self._mask(committees, since, until)
        # exact: every chunk scored, nothing lost to an unreachable HNSW node
        dense = self.lexical.nearest(vector, n, mask)
        lexical = self.lexical.search(text, n, mask)
        fused: dict[str, float] = defaultdict(float)
        for rank, (cid, _sim) in enumerate(dense):
            fused[cid] += 1.0 / (tune.rrf_k + rank + 1)
        for rank, (cid, _score) in enumerate(lexical):
            fused[cid] += 1.0 / (tune.rrf_k + rank + 1)
        similarity = self._similarities(vector, dense, fused)
        # chunks of one agenda item merge into one hit
        lex_index = self.lexical
        items: dict[int, list[str]] = defaultdict(list)
        for cid in sorted(fused, key=lambda c: -fused[c]):
            items[int(lex_index.item_of[lex_index.position[cid]])].append(cid)
        scored = self._scored(text, items, similarity, dict(lexical), prefer)
        return [self._hit(*row) for row in self._one_per_item(scored, k)]

    def _similarities(
        self, vector: np.ndarray, dense: list[tuple[str, float]], fused: dict[str, float]
    ) -> dict[str, float]:
        """Each fused chunk's cosine to the question: the dense search's, and for those
        BM25 alone found, one product."""
        similarity = dict(dense)
        lex_index = self.lexical
        unit = vector / (np.linalg.norm(vector) or 1.0)
        bm25_only = [cid for cid in fused if cid not in similarity]
        if bm25_only:
            rows = np.array([lex_index.position[c] for c in bm25_only], dtype=np.int64)
            sims = lex_index.vectors[rows] @ unit.astype(np.float32)
            similarity.update(zip(bm25_only, map(float, sims), strict=True))
        return similarity

    def _scored(
        self,
        text: str,
        items: dict[int, list[str]],
        similarity: dict[str, float],
        bm25: dict[str, float],
        prefer: tuple[str, ...],
    ) -> list[_Scored]:
        """Each item's score and its parts (similarity, BM25, coverage of the topic words,
        the meeting's own record asked for, a body named), best first."""
        tune, lex_index = self.settings.tuning, self.lexical
        top_bm25 = max(bm25.values(), default=0.0) or 1.0
        terms = topic_terms(text)
        wants_meeting = bool(MEETING_INTENT.search(text))
        scored = []
        coverages = lex_index.coverage_of(
            terms, [[lex_index.position[c] for c in cids] for cids in items.values()]
        )
        for (item, cids), cov in zip(items.items(), coverages, strict=True):
            first = lex_index.metadatas[lex_index.position[cids[0]]]
            rel = max(similarity.get(c, 0.0) for c in cids)
            lex = max(bm25.get(c, 0.0) for c in cids) / top_bm25
            parts = [
                ("similarity", tune.w_rel * rel),
                ("bm25", tune.w_lex * lex),
                ("coverage", tune.w_cov * cov),
            ]
            if wants_meeting and lex_index.item_keys[item][1] == 0:
                parts.append(("meeting", tune.meeting_boost))
            if str(first["committee"]) in prefer:
                parts.append(("named", tune.named_boost))
            score = sum(v for _, v in parts)
            scored.append((score, rel, cov, item, cids, tuple(parts)))
        scored.sort(key=lambda row: -row[0])
        return scored

    def _one_per_item(
        self,
        scored: list[_Scored],
        k: int,
    ) -> list[_Scored]:
        """The best `k`, one per agenda item: the same minutes saved twice (a copy in
        another folder, the PDF beside the HTML page) would otherwise fill the list."""
        lex_index = self.lexical
        ranked, seen = [], set()
        for row in scored:
            ref_key = ItemRef.from_metadata(lex_index.metadatas[lex_index.item_rows[row[3]][0]])
            if ref_key.key() not in seen:
                seen.add(ref_key.key())
                ranked.append(row)
                if len(ranked) == k:
                    break
        return ranked

    def _hit(
        self,
        score: float,
        rel: float,
        cov: float,
        item: int,
        cids: list[str],
        made: tuple[tuple[str, float], ...],
    ) -> Hit:
        meta = self.lexical.metadatas[self.lexical.position[cids[0]]]
        return Hit(
            ref=ItemRef.from_metadata(meta),
            score=score,
            relevance=rel,
            text=self.lexical.item_text(item),
            decisions=decisions_from_metadata(meta),
            source=str(meta["source"]),
            chunk_ids=tuple(cids),
            coverage=cov,
            parts=tuple(made),
        )
