"""Shortening a text for display, by one rule, so every clipped text reads the same."""

from __future__ import annotations

ELLIPSIS = "…"


def clip_at_word(text: str, limit: int) -> str:
    """`text` as it is where it has at most `limit` characters; else cut at its last space
    within the first `limit` - 1 characters (at `limit` - 1 where it has none there) and
    ended with "…": never longer than `limit`."""
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + ELLIPSIS
