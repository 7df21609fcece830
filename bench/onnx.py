"""The ONNX Runtime backend for the embedding model, measured against torch on this machine.

sentence-transformers' own ONNX backend needs Optimum (`optimum-onnx`), which pins
transformers < 4.58 while this project runs transformers 5, so the model is exported here
with `torch.onnx.export` from the bundled all-MiniLM-L6-v2 weights (no network) and run
with onnxruntime (installed with chromadb), with the same tokenizer, mean pooling and
normalisation as sentence-transformers. Also its int8 form (onnxruntime's dynamic
quantisation). Reports texts/s for each beside torch in the same run, and how close the
vectors are to torch's (the lowest and the mean cosine), so a switch can be judged on
speed and on quality.

    python -m bench.onnx [--texts N] [--corpus DIR] [--out bench/out]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np

from bench.corpus import sample_evenly
from minutesqa.indexing.onnx_query import mean_pool

ROOT = Path(__file__).resolve().parents[1]


def export(model: Any, path: Path) -> Path:
    """The transformer of a SentenceTransformer as ONNX, as the app exports it."""
    from minutesqa.indexing.onnx_query import export as export_model

    if not path.exists():
        export_model(model, path)
    return path


def quantize(path: Path) -> Path:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    out = path.with_name(path.stem + "-int8.onnx")
    if not out.exists():
        quantize_dynamic(str(path), str(out), weight_type=QuantType.QInt8)
    return out


class OrtEmbedder:
    def __init__(self, path: Path, tokenizer: Any, max_tokens: int, batch_size: int = 64):
        import onnxruntime as ort

        options = ort.SessionOptions()
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens
        self.batch_size = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        order = np.argsort([-len(t) for t in texts])  # as sentence-transformers: by length
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for start in range(0, len(texts), self.batch_size):
            idx = order[start : start + self.batch_size]
            tok = self.tokenizer(
                [texts[i] for i in idx],
                padding=True,
                truncation=True,
                max_length=self.max_tokens,
                return_tensors="np",
            )
            feeds = {k: tok[k].astype(np.int64) for k in ("input_ids", "attention_mask")}
            feeds["token_type_ids"] = tok.get(
                "token_type_ids", np.zeros_like(tok["input_ids"])
            ).astype(np.int64)
            tokens = self.session.run(None, feeds)[0]
            out[idx] = mean_pool(tokens, feeds["attention_mask"])
        return out


def timed(embed: Any, texts: list[str]) -> tuple[np.ndarray, float]:
    embed(texts[:16])  # warm-up
    t0 = time.perf_counter()
    vectors = embed(texts)
    return vectors, time.perf_counter() - t0


QUERIES = [
    "What was agreed on Street Angels?",
    "How many speed detections were recorded in 2022 compared with 2021?",
    "Who was appointed to fill the vacancy on the Joint Policing Committee?",
    "What did the council spend on consultancy services in 2021?",
]


def one_query_ms(embed: Any, rounds: int = 25) -> float:
    """p50 milliseconds to embed one question: the answer path's only model call."""
    for q in QUERIES:
        embed([q])
    times = []
    for _ in range(rounds):
        for q in QUERIES:
            t0 = time.perf_counter()
            embed([q])
            times.append((time.perf_counter() - t0) * 1000.0)
    return round(float(np.percentile(times, 50)), 2)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--texts", type=int, default=1000, help="chunk texts to embed (1000)")
    p.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "limerick")
    p.add_argument("--out", type=Path, default=ROOT / "bench" / "out")
    a = p.parse_args(argv)

    from bench.corpus import collect_texts
    from minutesqa.config import Settings
    from minutesqa.indexing.embed import get_embedder, one_blas_thread

    settings = Settings.load(env={})
    one_blas_thread()  # as in the app: numpy's BLAS must not spin against the model
    torch_embedder = get_embedder(settings.model, settings.embed_batch_size, "torch")
    texts, _failed = collect_texts(a.corpus, settings, torch_embedder)
    texts = sample_evenly(texts, a.texts)
    model = torch_embedder.model
    onnx_path = export(model, a.out / "onnx" / "all-MiniLM-L6-v2.onnx")
    int8_path = quantize(onnx_path)
    max_tokens = torch_embedder.max_tokens
    base, base_s = timed(torch_embedder.embed, texts)
    report: dict[str, Any] = {
        "texts": len(texts),
        "torch": {
            "seconds": round(base_s, 3),
            "texts_per_s": round(len(texts) / base_s, 2),
            "one_query_p50_ms": one_query_ms(torch_embedder.embed),
        },
    }
    for name, path in (("onnx", onnx_path), ("onnx-int8", int8_path)):
        ort = OrtEmbedder(path, model.tokenizer, max_tokens, settings.embed_batch_size)
        vectors, seconds = timed(ort.embed, texts)
        cosine = np.sum(vectors * base, axis=1)
        report[name] = {
            "seconds": round(seconds, 3),
            "texts_per_s": round(len(texts) / seconds, 2),
            "speed_vs_torch": round(base_s / seconds, 2),
            "cosine_to_torch_min": round(float(cosine.min()), 4),
            "cosine_to_torch_mean": round(float(cosine.mean()), 5),
            "size_mb": round(path.stat().st_size / 1e6, 1),
            "one_query_p50_ms": one_query_ms(ort.embed),
        }
    a.out.mkdir(parents=True, exist_ok=True)
    (a.out / "onnx.json").write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(report, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
