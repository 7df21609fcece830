"""Prompt and message templates live in prompts/, never in code. A template with a missing
variable fails loudly instead of sending half a prompt."""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path

from minutesqa.errors import ConfigError

PROMPTS_DIR = Path(__file__).resolve().parent.parent / "prompts"


@lru_cache(maxsize=32)
def _load(name: str) -> str:
    path = PROMPTS_DIR / f"{name}.txt"
    if not path.is_file():
        raise ConfigError(f"prompt template {path} is missing; restore it from the repository")
    return path.read_text(encoding="utf-8").strip()


def variables(name: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(_load(name)) if field}


def render(name: str, **values: object) -> str:
    missing = variables(name) - set(values)
    if missing:
        raise ConfigError(f"prompt {name!r} needs {', '.join(sorted(missing))}")
    return _load(name).format(**values)
