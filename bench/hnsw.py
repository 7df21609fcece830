"""Chroma's HNSW against exact (brute-force) cosine: recall@k, latency of both, and the
share of stored chunks Chroma does not return for their own embedding."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from tqdm import tqdm

from bench.measure import SEED, latency_summary, timer
from bench.synthetic import read_store

RECALL_QUERIES = 100
RECALL_K = 10
SELF_QUERIES = 1000


def hnsw_recall(
    store: Any,
    embedder: Any,
    questions: list[str],
    n_queries: int = RECALL_QUERIES,
    k: int = RECALL_K,
    desc: str = "recall",
) -> dict[str, Any]:
    """recall@k of Chroma's HNSW answer against exact cosine over every stored embedding.
    Queries: the embedded questions, then random stored embeddings up to n_queries."""
    out: dict[str, Any] = {}
    with timer(out, "read_embeddings_s"):
        ids, _docs, _metas, matrix = read_store(store, f"  {desc}: reading embeddings")
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    unit = matrix / np.where(norms == 0, 1.0, norms)
    rng = np.random.default_rng(SEED + 1)
    qs = questions[:n_queries]
    q_vectors = [v for v in embedder.embed(qs)] if qs else []
    n_random = max(0, n_queries - len(q_vectors))
    if n_random:
        picks = rng.choice(len(ids), size=min(n_random, len(ids)), replace=False)
        q_vectors.extend(unit[i] for i in picks)
    res = recall_at_k(ids, unit, q_vectors, lambda v: chroma_top(store, v, k), k, desc=f"  {desc}")
    out.update(res)
    out.update({"chunks": len(ids), "question_queries": len(qs), "random_chunk_queries": n_random})
    # reachability: a stored chunk queried with its own embedding should come back in the
    # top k (or an exact duplicate of it should, at distance ~0)
    sample = rng.choice(len(ids), size=min(SELF_QUERIES, len(ids)), replace=False)
    lost = 0
    for i in tqdm(sample, desc=f"  {desc}: self-retrieval", unit="q", leave=False):
        got = store.collection.query(
            query_embeddings=[matrix[i].tolist()], n_results=k, include=["distances"]
        )
        if ids[i] not in got["ids"][0] and not (got["distances"][0] or [1.0])[0] < 1e-4:
            lost += 1
    out["self_queries"] = len(sample)
    out["self_not_found_share"] = round(lost / max(1, len(sample)), 4)
    out["hnsw_config"] = _hnsw_config(store)
    return out


def chroma_top(store: Any, vector: np.ndarray, k: int) -> list[str]:
    res = store.collection.query(query_embeddings=[vector.tolist()], n_results=k, include=[])
    return list(res["ids"][0])


def brute_scores(unit: np.ndarray, vector: np.ndarray) -> np.ndarray:
    return unit @ (vector / (np.linalg.norm(vector) or 1.0))


def brute_top(ids: list[str], unit: np.ndarray, vector: np.ndarray, k: int) -> list[str]:
    scores = brute_scores(unit, vector)
    k = min(k, len(ids))
    top = np.argpartition(-scores, k - 1)[:k]
    top = top[np.argsort(-scores[top])]
    return [ids[i] for i in top]


def recall_at_k(
    ids: list[str],
    unit: np.ndarray,
    queries: Sequence[np.ndarray],
    approx: Callable[[np.ndarray], list[str]],
    k: int,
    desc: str = "recall",
) -> dict[str, Any]:
    recalls: list[float] = []
    tie_recalls: list[float] = []
    sim_ratios: list[float] = []
    approx_ms: list[float] = []
    exact_ms: list[float] = []
    pos = {cid: i for i, cid in enumerate(ids)}
    for vector in tqdm(queries, desc=desc, unit="q", leave=False):
        t0 = time.perf_counter()
        got = approx(vector)
        approx_ms.append((time.perf_counter() - t0) * 1000.0)
        t0 = time.perf_counter()
        truth = brute_top(ids, unit, vector, k)
        exact_ms.append((time.perf_counter() - t0) * 1000.0)
        recalls.append(len(set(got) & set(truth)) / max(1, len(truth)))
        # misses among near-equal neighbours are no real loss: count a result as found
        # when its exact similarity reaches the k-th exact one, and compare the sums
        scores = brute_scores(unit, vector)
        kth = float(scores[pos[truth[-1]]]) - 1e-6
        got_scores = [float(scores[pos[c]]) for c in got if c in pos]
        tie_recalls.append(sum(sc >= kth for sc in got_scores) / max(1, len(truth)))
        best = sum(float(scores[pos[c]]) for c in truth)
        sim_ratios.append(sum(got_scores) / best if best else 1.0)
    return {
        "k": k,
        "queries": len(recalls),
        "recall_mean": round(float(np.mean(recalls)) if recalls else 0.0, 4),
        "recall_min": round(float(np.min(recalls)) if recalls else 0.0, 4),
        "perfect_share": round(float(np.mean([r == 1.0 for r in recalls])) if recalls else 0, 4),
        "recall_with_ties_mean": round(float(np.mean(tie_recalls)) if tie_recalls else 0.0, 4),
        "similarity_sum_ratio_mean": round(float(np.mean(sim_ratios)) if sim_ratios else 0.0, 4),
        "similarity_sum_ratio_min": round(float(np.min(sim_ratios)) if sim_ratios else 0.0, 4),
        "hnsw": latency_summary(approx_ms),
        "brute_force": latency_summary(exact_ms),
    }


def _hnsw_config(store: Any) -> dict[str, Any]:
    try:
        conf = store.collection.configuration or {}
        hnsw = conf.get("hnsw") or {}
        return {k: v for k, v in dict(hnsw).items() if v is not None}
    except Exception:
        return {}
