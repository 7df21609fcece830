"""Prompt and message templates live in prompts/, never in code. A template with a missing
variable fails loudly instead of sending half a prompt.

prompts/ sits at the top of the repository and is installed as the package data
`minutesqa.templates` (pyproject.toml maps one to the other), so the templates are read
through importlib.resources: from the checkout in an editable install, from inside the
package in a wheel."""

from __future__ import annotations

import string
from functools import lru_cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from minutesqa.errors import ConfigError

TEMPLATES_PACKAGE = "minutesqa.templates"


def templates_dir() -> Traversable:
    """Where the templates are: prompts/ in a checkout, minutesqa/templates in a wheel."""
    try:
        return resources.files(TEMPLATES_PACKAGE)
    except ModuleNotFoundError:
        # the package imported straight from a checkout that is not installed (or shadows
        # an installed wheel from the current directory): its prompts/ is beside it
        checkout = Path(__file__).resolve().parent.parent / "prompts"
        if checkout.is_dir():
            return checkout
        raise ConfigError(
            f"the prompt templates ({TEMPLATES_PACKAGE}) are not installed; "
            "reinstall minutesqa (pip install .)"
        ) from None


def names() -> list[str]:
    """Every template installed, by name (the file name without .txt)."""
    return sorted(
        p.name.removesuffix(".txt")
        for p in templates_dir().iterdir()
        if p.name.endswith(".txt") and p.is_file()
    )


@lru_cache(maxsize=32)
def _load(name: str) -> str:
    path = templates_dir() / f"{name}.txt"
    if not path.is_file():
        raise ConfigError(
            f"prompt template {name}.txt is missing from {TEMPLATES_PACKAGE}; "
            "restore prompts/ from the repository and reinstall"
        )
    return path.read_text(encoding="utf-8").strip()


def variables(name: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(_load(name)) if field}


def render(name: str, **values: object) -> str:
    missing = variables(name) - set(values)
    if missing:
        raise ConfigError(f"prompt {name!r} needs {', '.join(sorted(missing))}")
    return _load(name).format(**values)
