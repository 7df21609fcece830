"""What an agenda item decided, as a typed record: made by segmentation (segment/decisions.py,
segment/resolutions.py), carried on items, chunks and hits, stored in the chunk metadata as
JSON (`decisions_to_metadata`, `decisions_from_metadata`) and rendered only for display
(`Decision.display`: "Motion to approve the budget [carried, 4-0]")."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from typing import Any

from minutesqa.clip import ELLIPSIS, clip_at_word


@dataclass(frozen=True)
class Decision:
    """One decision of an agenda item: its words as the minutes print them, and the
    outcome (carried, passed, agreed, resolved, defeated, deferred ...) and the tally
    ("4-0", "unanimous") where the minutes state a vote; "" where they do not ("AGREED
    that the report be noted"). Stored typed (`decisions_to_metadata`); `display` is the
    one way it is shown."""

    text: str
    outcome: str = ""
    tally: str = ""

    def display(self) -> str:
        """ "Motion to approve the budget [carried, 4-0]"; the words alone where the
        minutes state no vote."""
        if not (self.outcome or self.tally):
            return self.text
        label = self.outcome + (f", {self.tally}" if self.tally else "")
        return f"{self.text} [{label}]"

    def clipped(self, limit: int) -> tuple[str, str]:
        """The decision as an answer shows it (`display`, clipped to `limit`) and the
        minutes' own words in that: its text as far as shown, without the outcome we add."""
        whole = self.display()
        shown = clip_at_word(whole, limit)
        cut = shown[: -len(ELLIPSIS)] if shown != whole else whole
        return shown, shown if len(cut) < len(self.text) else self.text


def decisions_to_metadata(decisions: Iterable[Decision]) -> str:
    """An item's decisions as the chunk metadata holds them (a JSON list of objects: a
    store's metadata values are scalars)."""
    return json.dumps([asdict(d) for d in decisions], ensure_ascii=False)


def decisions_from_metadata(meta: Mapping[str, Any]) -> tuple[Decision, ...]:
    """The decisions a stored chunk's metadata (Chunk.metadata) holds. An index written
    before PIPELINE_VERSION 23 holds the lines shown, one a line: each is read as words
    with no vote, so it is shown as before until the next ingest stores it typed."""
    value = str(meta.get("decisions") or "")
    try:
        rows = json.loads(value) if value.startswith("[") else None
    except ValueError:
        rows = None
    if isinstance(rows, list) and all(isinstance(r, dict) for r in rows):
        return tuple(
            Decision(str(r.get("text", "")), str(r.get("outcome", "")), str(r.get("tally", "")))
            for r in rows
        )
    return tuple(Decision(line) for line in value.split("\n") if line)
