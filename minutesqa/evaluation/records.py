"""The record file of shared/EVAL_FORMAT.md: asking every question of a system, writing,
reading and checking the records."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from minutesqa.errors import InputError
from minutesqa.evaluation.questions import Question
from minutesqa.models import Answer

AnswerFn = Callable[[str, list[str]], Answer]

RECORD_KEYS = ("id", "question", "answer", "abstained", "citations", "retrieved", "latency_ms")
ENTRY_KEYS = ("committee", "date", "item", "title")


def _key(entry: dict[str, Any]) -> tuple[str, str, str, str]:
    """One item's identity; unnumbered items (item null or '') of a meeting differ by title."""
    raw = entry.get("item")
    item = "" if raw is None else str(raw)
    title = "" if item.strip() else str(entry.get("title") or "")
    return (str(entry.get("committee", "")), str(entry.get("date", "")), item, title)


def validate_record(record: dict[str, Any]) -> list[str]:
    """Problems with one record against the format (empty when it conforms)."""
    rid = record.get("id", "?")
    problems = [f"{rid}: missing key {k!r}" for k in RECORD_KEYS if k not in record]
    if problems:
        return problems
    retrieved = record["retrieved"]
    citations = record["citations"]
    if not isinstance(retrieved, list) or not isinstance(citations, list):
        return [f"{rid}: 'retrieved' and 'citations' must be lists"]
    keys = []
    for entry in [*retrieved, *citations]:
        missing = [k for k in ENTRY_KEYS if k not in entry]
        if missing:
            problems.append(f"{rid}: an entry lacks {', '.join(missing)}")
    for entry in retrieved:
        if "score" not in entry:
            problems.append(f"{rid}: a retrieved entry lacks 'score'")
        keys.append(_key(entry))
    if len(keys) != len(set(keys)):
        problems.append(f"{rid}: 'retrieved' lists an item more than once")
    known = set(keys)
    for entry in citations:
        if _key(entry) not in known:
            problems.append(f"{rid}: cites {_key(entry)} which is not among 'retrieved'")
    if not isinstance(record["abstained"], bool):
        problems.append(f"{rid}: 'abstained' must be true or false")
    if not isinstance(record["latency_ms"], int | float):
        problems.append(f"{rid}: 'latency_ms' must be a number")
    return problems


def write_records(path: Path, records: Sequence[dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)


def load_records(path: Path | str) -> list[dict[str, Any]]:
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such records file")
    records = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise InputError(f"{path}: line {n} is not JSON") from None
        if not isinstance(record, dict):
            raise InputError(f"{path}: line {n} is not a JSON object")
        records.append(record)
    return records


def ask_all(
    questions: Sequence[Question],
    answer_fn: AnswerFn,
    out: Path | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> list[dict[str, Any]]:
    """Ask every question (with its history), in order; one record per question."""
    records = []
    for n, q in enumerate(questions, 1):
        answer = answer_fn(q.question, list(q.history))
        records.append(answer.to_record(q.id))
        if progress is not None:
            progress(n, len(questions))
    if out is not None:
        write_records(out, records)
    return records
