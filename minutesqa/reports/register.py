"""The decisions register: every decision the index holds — date, committee, item, title,
the decision as the minutes word it, its outcome and tally where the minutes give them, and
the file it came from — filtered by date, committee and words, oldest first, as CSV, JSON
lines or a Markdown table (`minutes decisions`)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass

from minutesqa.committees import resolve_committees
from minutesqa.indexing.store import VectorStore
from minutesqa.models import item_label

FORMATS = ("csv", "json", "md")


@dataclass(frozen=True)
class Entry:
    """One row of the register: a decision (minutesqa.decision.Decision) with its item."""

    date: dt.date
    committee: str
    item: str  # as printed; "" where the minutes print no number
    title: str
    decision: str  # as the minutes word it
    outcome: str  # carried, passed, adopted, failed ... where the minutes say; else ""
    tally: str  # "4-0", "unanimous" ... where the minutes give it; else ""
    source: str  # the file it came from
    restricted: bool = False

    def row(self) -> dict[str, str]:
        out = {k: str(v) for k, v in asdict(self).items() if k != "restricted"}
        out["date"] = self.date.isoformat()
        return out


def decisions(
    store: VectorStore,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    committee: str | None = None,
    contains: str = "",
    exclude_restricted: bool = False,
) -> list[Entry]:
    """Every recorded decision matching the filters, oldest first. `committee` is a name or
    words of one (as for questions); `contains` keeps decisions holding all its words (in
    the decision or the item's title)."""
    firsts = store.first_chunks()
    known = sorted({c.ref.committee for c in firsts})
    wanted = set(resolve_committees(committee, known)) if committee else None
    words = [w for w in re.findall(r"\w+", contains.casefold()) if w]
    out: list[Entry] = []
    seen: set[tuple[tuple[str, str, str], str]] = set()
    for chunk in firsts:
        ref = chunk.ref
        if wanted is not None and ref.committee not in wanted:
            continue
        if (since and ref.date < since) or (until and ref.date > until):
            continue
        if exclude_restricted and ref.restricted:
            continue
        for decided in chunk.decisions:
            text = decided.text.strip()
            if not text:
                continue
            haystack = f"{text} {ref.title}".casefold()
            if words and not all(w in haystack for w in words):
                continue
            key = (ref.key(), text)
            if key in seen:  # the same minutes saved twice (a PDF beside its web page)
                continue
            seen.add(key)
            out.append(
                Entry(
                    date=ref.date,
                    committee=ref.committee,
                    item=ref.item,
                    title=ref.title,
                    decision=text,
                    outcome=decided.outcome,
                    tally=decided.tally,
                    source=chunk.source,
                    restricted=ref.restricted,
                )
            )
    out.sort(key=lambda d: (d.date, d.committee, _item_order(d.item), d.title))
    return out


def _item_order(item: str) -> tuple[int, str]:
    m = re.search(r"\d+", item)
    return (int(m.group(0)) if m else 10**6, item)


def render_register(rows: Iterable[Entry], fmt: str) -> str:
    rows = list(rows)
    if fmt == "json":
        return "".join(json.dumps(d.row(), ensure_ascii=False) + "\n" for d in rows)
    if fmt == "csv":
        buf = io.StringIO()
        names = list(Entry.__dataclass_fields__)[:-1]  # all but `restricted`
        writer = csv.DictWriter(buf, fieldnames=names, lineterminator="\n")
        writer.writeheader()
        writer.writerows(d.row() for d in rows)
        return buf.getvalue()
    head = "| date | committee | item | decision | outcome |\n| --- | --- | --- | --- | --- |\n"
    body = "".join(
        f"| {d.date.isoformat()} | {_cell(d.committee)} | {_cell(item_label(d.item, d.title))} "
        f"| {_cell(d.decision)} | {_cell(', '.join(p for p in (d.outcome, d.tally) if p))} |\n"
        for d in rows
    )
    return head + body


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")
