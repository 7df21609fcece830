"""The bench's report: bench.json's figures as Markdown tables, one function a section."""

from __future__ import annotations

from typing import Any

from bench.hnsw import RECALL_K, SELF_QUERIES
from bench.measure import mb
from minutesqa.ingest import FLUSH_CHUNKS


def _fmt(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def table(headers: list[str], rows: list[list[Any]]) -> str:
    cells = [[_fmt(c) for c in row] for row in rows]
    lines = ["| " + " | ".join(headers) + " |", "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in cells]
    return "\n".join(lines)


def render_markdown(report: dict[str, Any]) -> str:
    parts = _header(report)
    for section in (_ingest, _queries, _one_shot, _ocr, _profile, _scale, _load, _hnsw):
        parts += section(report)
    return "\n".join(parts)


def _one_shot(report: dict[str, Any]) -> list[str]:
    """A one-shot `minutes ask` in a fresh process (bench/oneshot.py)."""
    shots = report.get("one_shot")
    if not shots:
        return []
    rows = [[name, s["onnx_s"], s["torch_s"], s["ratio"], s["repeat"]] for name, s in shots.items()]
    return [
        "## One-shot `minutes ask` (a fresh process: start-up, index open, one answer)",
        "",
        table(["index", "default s", "torch questions s", "ratio", "runs (median)"], rows),
        "",
        "Default: questions through the cached ONNX export, torch never imported; torch "
        "questions: MINUTES_QUERY_BACKEND=torch (imports sentence-transformers and torch, "
        "loads the model), measured in the same run.",
        "",
    ]


def _ocr(report: dict[str, Any]) -> list[str]:
    """Scanned PDFs read by OCR (bench/ocr.py)."""
    ocr = report.get("ocr")
    if not ocr:
        return []
    if "skipped" in ocr:
        return ["## OCR of scanned PDFs", "", f"Skipped: {ocr['skipped']}.", ""]
    names = ("images, default threads", "rendered, default threads", "rendered, one thread")
    rows = [[n, ocr[n]["s_a_page"], ocr[n].get("ratio", 1.0), ocr[n]["in_order"]] for n in names]
    return [
        "## OCR of scanned PDFs (a generated scan, each block of text its own image)",
        "",
        table(["reading", "s a page", "ratio", "lines in page order"], rows),
        "",
        f"{ocr['pages']} pages of {ocr['blocks_a_page']} blocks, stored out of the page's order "
        "as scanners store them; each reading in a fresh process, in the same run. The "
        "product reads pages rendered whole, one Tesseract thread a run (parse/pdf.py).",
        "",
    ]


def _profile(report: dict[str, Any]) -> list[str]:
    """Where an answer's time goes (cProfile, cumulative share of the profiled time)."""
    prof = report.get("profile")
    if not prof:
        return []
    rows = " | ".join(f"{name} {share:.0%}" for name, share in prof["share"].items())
    lines = [
        "## Where an answer's time goes (Limerick)",
        "",
        f"{prof['questions']} questions, {prof['seconds']} s profiled: {rows}. "
        f"Top functions by cumulative time: `{prof['file']}`.",
        "",
    ]
    if "gc" in prof:  # reports before 2026-12 have no collection figures
        g = prof["gc"]
        lines += [
            f"A full garbage collection with the archive loaded ({g['objects']:,} objects): "
            f"{g['full_ms']} ms, every answer in flight waiting; after `gc.freeze()` (as "
            f"`minutes serve` does): {g['frozen_ms']} ms.",
            "",
        ]
    return lines


def _header(report: dict[str, Any]) -> list[str]:
    meta = report["meta"]
    return [
        "# minutesqa bench",
        "",
        f"{meta['started']} on {meta['machine']} ({meta['cpus']} CPUs, torch threads "
        f"{meta['torch_threads']}), model {meta['model']} (load {meta['model_load_s']} s), "
        f"chromadb {meta['chromadb']}, commit {meta.get('git_commit', '?')} "
        f"({len(meta.get('git_changed', []))} files differing in the working tree). "
        f"Total {report['total_s']:.0f} s. "
        f"Load average start/end: {meta['load_avg_start']} / {report.get('load_avg_end')}.",
        "",
    ]


def _ingest(report: dict[str, Any]) -> list[str]:
    """Ingest against the model alone, and re-ingest, per corpus."""
    parts: list[str] = []
    corpora = report.get("corpora", {})
    if corpora:
        rows = []
        for name, c in corpora.items():
            if "ingest" not in c:
                continue  # an index made earlier, measured for queries only
            ing, alone, re_ = c["ingest"], c["model_alone"], c["reingest"]
            rows.append(
                [
                    name,
                    ing["files"],
                    ing.get("meetings"),
                    ing.get("without_items"),
                    ing.get("failed"),
                    ing["chunks"],
                    ing["seconds"],
                    ing["chunks_per_s"],
                    f"{alone['chunks_per_s']:.1f}"
                    + (f" ({alone['texts']})" if alone["sampled"] else ""),
                    ing["model_alone_s_for_these_chunks"],
                    ing["overhead_ratio"],
                    ing["embed_inside_ingest_s"],
                    ing["overhead_ratio_vs_embed_inside"],
                    ing.get("overhead_ratio_cpu"),
                    round(ing["cpu_s"] / ing["seconds"], 2) if ing["seconds"] else None,
                    re_["seconds"],
                    re_["ratio_to_first"],
                ]
            )
        parts += [
            "## Ingest (fresh index, real model)",
            "",
            table(
                [
                    "corpus",
                    "files",
                    "meetings",
                    "no items found",
                    "failed",
                    "chunks",
                    "ingest s",
                    "ingest chunks/s",
                    "model alone chunks/s",
                    "model alone s (same chunks)",
                    "overhead (ingest / model)",
                    "embed s inside ingest",
                    "ingest / embed inside",
                    "overhead in CPU s",
                    "ingest CPU/wall",
                    "re-ingest s",
                    "re-ingest / first",
                ],
                rows,
            ),
            "",
            "Model alone: `embedder.embed` on the chunk texts from discover/load_meeting/"
            f"chunk_meeting, {FLUSH_CHUNKS} texts a call (ingest's flush size), the embedder's "
            "batch size within a call; where sampled, the count of texts embedded is in "
            "brackets and the seconds for all chunks are derived from that rate. "
            "'Embed s inside ingest': time spent in embed() during the ingest itself, so "
            "'ingest / embed inside' is the overhead measured under the same machine load; "
            "'overhead in CPU s': process CPU seconds of the ingest over the model's CPU "
            "seconds for as many chunks (robust to other work on the machine). "
            "CPU/wall: process CPU seconds per wall second (2 = both cores busy for us; "
            "less means other work shared the machine).",
            "",
        ]
    return parts


def _chunks(c: dict[str, Any]) -> Any:
    return c["ingest"]["chunks"] if "ingest" in c else c.get("chunks")


def _queries(report: dict[str, Any]) -> list[str]:
    """Query latency per corpus and for the synthetic archive."""
    parts: list[str] = []
    corpora = report.get("corpora", {})
    qrows = []
    for name, c in corpora.items():
        q = c["query"]
        qrows.append(_qrow(name, _chunks(c), q))
    scale = report.get("scale")
    if scale and "query" in scale:
        qrows.append(_qrow("synthetic", scale["chunks"], scale["query"]))
    if qrows:
        parts += [
            "## Query latency (model loaded, after warm-up)",
            "",
            table(
                [
                    "index",
                    "chunks",
                    "questions",
                    "search p50 ms",
                    "search p95 ms",
                    "ask p50 ms",
                    "ask p95 ms",
                    "abstained",
                    "ask CPU/wall",
                ],
                qrows,
            ),
            "",
        ]
    return parts


def _scale(report: dict[str, Any]) -> list[str]:
    """Chunks, build time, disk and memory per index."""
    parts: list[str] = []
    corpora = report.get("corpora", {})
    scale = report.get("scale")
    srows = []
    for name, c in corpora.items():
        ing = c.get("ingest", {})
        srows.append(
            [
                name,
                _chunks(c),
                ing.get("seconds", f"(reused {c.get('reused_index', '')})"),
                mb(c["disk"]["bytes"]),
                ing.get("peak_rss_mb", "-"),
                c["query"]["peak_rss_mb"],
            ]
        )
    if scale:
        srows.append(
            [
                f"synthetic ({scale['copies']} copies of {scale['source_chunks']})",
                scale["chunks"],
                f"{scale['build_s']:.1f} (upsert {scale['upsert_s']:.1f} + lexical "
                f"{scale['lexical_s']:.1f})",
                mb(scale["disk"]["bytes"]),
                scale["build_peak_rss_mb"],
                scale["query"]["peak_rss_mb"],
            ]
        )
    if srows:
        parts += [
            "## Scale",
            "",
            table(
                [
                    "index",
                    "chunks",
                    "build s",
                    "disk MB",
                    "peak RSS MB (build)",
                    "peak RSS MB (queries)",
                ],
                srows,
            ),
            "",
            f"Process RSS high-water mark (ru_maxrss) over the whole run: "
            f"{report['ru_maxrss_mb']} MB.",
        ]
        if scale:
            parts += ["", f"Synthetic archive: {scale['embeddings']}."]
        parts.append("")
    return parts


def _load(report: dict[str, Any]) -> list[str]:
    """The app under load against one client."""
    parts: list[str] = []
    load = report.get("load")
    if load:
        # reports written before there were two kinds of client hold gradio_client's only
        by_client = load.get("by_client") or {"gradio": load}
        lrows = []
        for kind, run in by_client.items():
            one, loaded = run["one_client"], run["loaded"]
            lrows += [
                [kind, "1, one at a time", one["n"], one["ok"], one["failed"], one["p50"],
                 one["p95"], one["max"], one["per_s"], "1.00", "1.00"],
                [kind, f"{loaded['clients']} at once", loaded["n"], loaded["ok"],
                 loaded["failed"], loaded["p50"], loaded["p95"], loaded["max"],
                 loaded["per_s"], run["p50_ratio"], run["p95_ratio"]],
            ]  # fmt: skip
        ratios = ", ".join(f"{k} {r['throughput_ratio']}" for k, r in by_client.items())
        parts += [
            f"## The app under load ({load.get('index', 'index-samples')}, "
            f"{load.get('questions', '?')} questions; `minutes serve` as its own process)",
            "",
            table(
                [
                    "client",
                    "clients",
                    "questions",
                    "answered",
                    "failed",
                    "p50 s",
                    "p95 s",
                    "max s",
                    "answers/s",
                    "p50 / 1 client",
                    "p95 / 1 client",
                ],
                lrows,
            ),
            "",
            f"Queue: concurrency {load['concurrency']}, max queue {load['max_queue']} "
            "(MINUTES_CONCURRENCY, MINUTES_MAX_QUEUE). Latency is per question from submit "
            "to the full answer, so under load it includes waiting in the queue. Clients: "
            "`gradio` is gradio_client (a Client a thread), `http` the REST API as curl uses "
            "it (POST /gradio_api/call/ask, then its event stream); both run on this machine "
            "beside the app, and gradio_client's own CPU per answer is about twice the app's, "
            f"so `http` is nearer the app's own latency. Throughput ratio {ratios}.",
            "",
        ]
    return parts


def _hnsw(report: dict[str, Any]) -> list[str]:
    """Chroma's HNSW recall against exact search."""
    parts: list[str] = []
    hrows = []
    for name, h in report.get("hnsw", {}).items():
        hrows.append(
            [
                name,
                h["chunks"],
                h["queries"],
                h["recall_mean"],
                h["recall_min"],
                h["perfect_share"],
                h.get("recall_with_ties_mean"),
                h.get("similarity_sum_ratio_min"),
                h.get("self_not_found_share"),
                h["hnsw"]["p50_ms"],
                h["hnsw"]["p95_ms"],
                h["brute_force"]["p50_ms"],
                h["brute_force"]["p95_ms"],
            ]
        )
    if hrows:
        parts += [
            f"## HNSW recall@{RECALL_K} against brute-force cosine",
            "",
            table(
                [
                    "index",
                    "chunks",
                    "queries",
                    "recall mean",
                    "recall min",
                    "share = 1",
                    "recall (ties)",
                    "sim ratio min",
                    "self not found",
                    "HNSW p50 ms",
                    "HNSW p95 ms",
                    "numpy p50 ms",
                    "numpy p95 ms",
                ],
                hrows,
            ),
            "",
            "Queries: the embedded benchmark questions, then random stored chunk embeddings "
            "up to the count. HNSW: Chroma `collection.query` (ids only); numpy: a matrix-vector "
            "product over all stored embeddings read back from Chroma. 'recall (ties)' counts "
            "an HNSW result as found when its exact cosine reaches the k-th exact one; 'sim "
            "ratio min': the worst query's sum of exact cosines of HNSW's 10 over the true 10's "
            f"(1 = no loss); 'self not found': share of {SELF_QUERIES} stored chunks that "
            f"Chroma does not return in its top {RECALL_K} for their own embedding. "
            f"Chroma HNSW settings: {_hnsw_settings(report)}.",
            "",
        ]
    return parts


def _hnsw_settings(report: dict[str, Any]) -> str:
    for h in report.get("hnsw", {}).values():
        if h.get("hnsw_config"):
            return ", ".join(f"{k}={v}" for k, v in h["hnsw_config"].items())
    return "defaults"


def _qrow(name: str, chunks: int, q: dict[str, Any]) -> list[Any]:
    return [
        name,
        chunks,
        q["questions"],
        q["search"]["p50_ms"],
        q["search"]["p95_ms"],
        q["ask"]["p50_ms"],
        q["ask"]["p95_ms"],
        q["abstained"],
        q.get("ask_cpu_share"),
    ]
