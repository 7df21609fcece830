"""Questions embedded by onnxruntime: the same vectors as the torch model, about four times
faster for one short text (bench/onnx.py: 4.6 ms against 20.4 ms on 2 cores), and an answer
embeds exactly one text. Ingest (batches of chunks and sentences) stays on torch, where
onnxruntime is no faster (0.99x).

The model is exported once from the bundled all-MiniLM-L6-v2 weights with `torch.onnx`
(no network) into the user's cache folder, named by the weights' SHA-256, written to a
temporary file and renamed, so concurrent first starts cannot read half a file. Tokenizer,
mean pooling and normalisation are sentence-transformers' own. Where the export or
onnxruntime fails, a warning is logged and torch embeds the questions as before.

Once the export is in the cache, later starts need neither torch nor transformers for a
question (`ready_query_model`: the model folder's tokenizer.json through `tokenizers`, the
same ids), so a one-shot `minutes ask` takes ~1.4-2 s instead of ~6-7 s (bench/oneshot.py).
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
from pathlib import Path
from typing import Any

import numpy as np

log = logging.getLogger(__name__)


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "minutesqa" / "onnx"


class FileTokenizer:
    """The model's own tokenizer.json read by `tokenizers` (the library under transformers'
    fast tokenizers): the same ids, without importing transformers and torch. The file's
    stored truncation (128) and padding are replaced by the model's: truncate at
    max_tokens, no padding."""

    def __init__(self, path: Path, max_tokens: int) -> None:
        from tokenizers import Tokenizer

        self.truncating = Tokenizer.from_file(str(path))
        self.truncating.no_padding()
        self.truncating.enable_truncation(max_tokens)
        self.whole = Tokenizer.from_file(str(path))
        self.whole.no_padding()
        self.whole.no_truncation()

    def ids(self, text: str) -> tuple[list[int], list[int]]:
        """Token ids and token type ids of one text, cut at max_tokens."""
        encoding = self.truncating.encode(text)
        return encoding.ids, encoding.type_ids

    def count(self, text: str) -> int:
        """Tokens in the whole text, special tokens included (no cut)."""
        return len(self.whole.encode(text).ids)


class ModelTokenizer:
    """The loaded model's transformers tokenizer, behind FileTokenizer's `ids`."""

    def __init__(self, tokenizer: Any, max_tokens: int) -> None:
        self.tokenizer = tokenizer
        self.max_tokens = max_tokens

    def ids(self, text: str) -> tuple[list[int], list[int]]:
        tok = self.tokenizer([text], truncation=True, max_length=self.max_tokens)
        ids = list(tok["input_ids"][0])
        return ids, list(tok.get("token_type_ids", [[0] * len(ids)])[0])

    def count(self, text: str) -> int:
        return len(self.tokenizer.encode(text, add_special_tokens=True, truncation=False))


class OnnxQueryModel:
    """One text in, its unit vector out (shape (1, dim))."""

    def __init__(self, path: Path, tokenizer: Any, max_tokens: int, dimension: int) -> None:
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.log_severity_level = 3  # errors only
        # idle threads must not spin: the search that follows needs the cores
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self.tokenizer = tokenizer  # FileTokenizer or ModelTokenizer
        self.max_tokens = max_tokens
        self.dimension = dimension
        self._lock = threading.Lock()  # the tokenizer is shared by the app's worker threads

    def embed(self, text: str) -> np.ndarray:
        with self._lock:
            token_ids, type_ids = self.tokenizer.ids(text)
        ids = np.asarray([token_ids], dtype=np.int64)
        mask = np.ones_like(ids)
        types = np.asarray([type_ids], dtype=np.int64)
        tokens = self.session.run(
            None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types}
        )[0]
        return mean_pool(tokens, mask)


def mean_pool(tokens: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """sentence-transformers' pooling: the mean of the real tokens' embeddings, unit length."""
    weights = mask[..., None].astype(np.float32)
    pooled = (tokens * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norm = np.linalg.norm(pooled, axis=1, keepdims=True)
    return np.asarray(pooled / np.where(norm == 0, 1.0, norm), dtype=np.float32)


def export_path(digest: str) -> Path:
    return cache_dir() / f"minilm-{digest[:16]}.onnx"


def ready_query_model(model_dir: Path, digest: str) -> OnnxQueryModel | None:
    """The query model without loading torch, where the export for these weights is
    already in the cache (every start after the first); None where it is not or cannot be
    read (the caller then loads the model and `load_query_model` exports it)."""
    path = export_path(digest)
    if not path.is_file():
        return None
    try:
        config = json.loads((model_dir / "sentence_bert_config.json").read_text("utf-8"))
        pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text("utf-8"))
        max_tokens = int(config["max_seq_length"])
        tokenizer = FileTokenizer(model_dir / "tokenizer.json", max_tokens)
        return OnnxQueryModel(path, tokenizer, max_tokens, int(pooling["word_embedding_dimension"]))
    except Exception as exc:  # a damaged export or model folder: the slow start instead
        log.warning(
            "the exported question model could not be read (%s); loading torch",
            str(exc).splitlines()[0][:160] if str(exc) else exc.__class__.__name__,
        )
        return None


def load_query_model(model: Any, max_tokens: int, digest: str) -> OnnxQueryModel | None:
    """The exported model for these weights (exported now if this is the first start), or
    None (with a warning) where that cannot be done."""
    path = export_path(digest)
    try:
        if not path.is_file():
            export(model, path)
        dimension = int(model.get_sentence_embedding_dimension() or 384)
        return OnnxQueryModel(
            path, ModelTokenizer(model.tokenizer, max_tokens), max_tokens, dimension
        )
    except Exception as exc:  # any failure: questions are embedded by torch instead
        log.warning(
            "questions are embedded by torch: the onnxruntime model could not be made (%s)",
            str(exc).splitlines()[0][:160] if str(exc) else exc.__class__.__name__,
        )
        return None


def export(model: Any, path: Path) -> None:
    """The SentenceTransformer's transformer (token embeddings out) as ONNX at `path`."""
    import warnings

    import torch

    transformer = model[0].auto_model.eval()
    sample = model.tokenizer(["the committee noted the report"], return_tensors="pt")

    class TokenEmbeddings(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.inner = transformer

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.inner(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            )[0]

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".export-", suffix=".onnx", dir=path.parent)
    os.close(fd)
    axes = {0: "batch", 1: "tokens"}
    try:
        with warnings.catch_warnings(), torch.no_grad():
            warnings.simplefilter("ignore")  # the exporter's notes on tracing a fixed model
            torch.onnx.export(
                TokenEmbeddings(),
                (sample["input_ids"], sample["attention_mask"], sample["token_type_ids"]),
                tmp,
                input_names=["input_ids", "attention_mask", "token_type_ids"],
                output_names=["token_embeddings"],
                dynamic_axes={
                    "input_ids": axes,
                    "attention_mask": axes,
                    "token_type_ids": axes,
                    "token_embeddings": axes,
                },
                opset_version=17,
                dynamo=False,
            )
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
