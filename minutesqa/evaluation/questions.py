"""The question file of shared/EVAL_FORMAT.md: its types and its one loader.

`load_questions` is the only reader of question files: evaluation, the bench and the load
test all take their questions from it, so a file that one accepts the others accept too.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from minutesqa.errors import InputError
from minutesqa.evaluation.titles import title_words


@dataclass(frozen=True)
class Expected:
    """An agenda item that answers a question; `committee` None matches any committee.

    `item` None is an item the minutes print no number for: it is matched by `title`
    (see `titles_match`). With a number, `title` is informative only."""

    date: str  # ISO YYYY-MM-DD
    item: str | None
    committee: str | None = None
    title: str | None = None

    def label(self) -> str:
        who = f"{self.committee}, " if self.committee else ""
        if self.item is None:
            return f"{who}{self.date}, unnumbered item {self.title!r}"
        return f"{who}{self.date}, item {self.item}"


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    expect: tuple[Expected, ...] = ()
    any: tuple[str, ...] = ()
    history: tuple[str, ...] = ()
    unanswerable: bool = False

    @property
    def answerable(self) -> bool:
        return not self.unanswerable


def _fail(path: Path, where: str, problem: str) -> InputError:
    return InputError(f"{path}: {where}: {problem}")


class _Loader(yaml.SafeLoader):
    """Safe YAML that leaves dates as text: a bad unquoted date (2020-13-45) is then
    reported against its question instead of failing the whole file in the parser."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _iso_date(value: Any) -> str | None:
    """An ISO date string from YAML's date (unquoted) or a string; None if it is not one."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, str) and _ISO_DATE.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            return None
    return None


def _item_text(value: Any) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float | str):
        text = str(value).strip()
        return text or None
    return None


def _string_list(value: Any) -> list[str] | None:
    """A list of strings (numbers allowed, read as text); a bare string is a list of one."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(
        isinstance(v, str | int | float) and not isinstance(v, bool) for v in value
    ):
        return [str(v) for v in value]
    return None


def expected_items(path: Path, qid: str, raw: Any, key: str = "expect") -> tuple[Expected, ...]:
    """The items under `key` of one entry (a question's 'expect', a briefing topic's
    'items'); InputError naming the entry and what is wrong."""
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        raise _fail(path, qid, f"{key!r} must be a non-empty list of {{date, item[, committee]}}")
    out = []
    for n, entry in enumerate(raw):
        where = f"{key}[{n}]"
        if not isinstance(entry, dict):
            raise _fail(path, qid, f"{where} must be a mapping with 'date' and 'item'")
        if "date" not in entry:
            raise _fail(path, qid, f"{where} is missing 'date'")
        if "item" not in entry:
            raise _fail(
                path,
                qid,
                f"{where} is missing 'item' (use item: meeting for the record, "
                "item: null with title for an unnumbered item)",
            )
        day = _iso_date(entry["date"])
        if day is None:
            raise _fail(path, qid, f"{where} has a bad date {entry['date']!r}: write YYYY-MM-DD")
        title_raw = entry.get("title")
        if title_raw is not None and (not isinstance(title_raw, str) or not title_raw.strip()):
            raise _fail(path, qid, f"{where} 'title' must be a non-empty text")
        title = title_raw.strip() if title_raw else None
        raw_item = entry["item"]
        if raw_item is None or (isinstance(raw_item, str) and not raw_item.strip()):
            if title is None or not title_words(title):
                raise _fail(
                    path, qid, f"{where} has item: null but no 'title' (an unnumbered item)"
                )
            item = None
        else:
            item = _item_text(raw_item)
            if item is None:
                raise _fail(path, qid, f"{where} has an invalid 'item' {raw_item!r}")
        committee = entry.get("committee")
        if committee is not None and (not isinstance(committee, str) or not committee.strip()):
            raise _fail(path, qid, f"{where} 'committee' must be a non-empty name")
        out.append(Expected(day, item, committee.strip() if committee else None, title))
    return tuple(out)


def read_yaml_list(path: Path, what: str) -> list[Any]:
    """A YAML file holding a list (dates left as text); InputError in one line."""
    if not path.is_file():
        raise InputError(f"{path}: no such {what.rstrip('s')} file")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None)
        why = f" ({problem})" if problem else ""
        raise InputError(f"{path}: not valid YAML{at}{why}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc})") from None
    if not isinstance(data, list):
        kind = "empty" if data is None else type(data).__name__
        raise InputError(f"{path}: must be a YAML list of {what} (got {kind})")
    return data


def load_questions(path: Path | str) -> list[Question]:
    """Read and check a question file. Raises InputError, one line naming the question."""
    path = Path(path)
    data = read_yaml_list(path, "questions")
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for n, raw in enumerate(data, 1):
        if not isinstance(raw, dict):
            raise _fail(path, f"entry {n}", "each question must be a mapping with id and question")
        qid_raw = raw.get("id")
        if qid_raw is None or str(qid_raw).strip() == "":
            hint = f" ({str(raw.get('question'))[:40]!r})" if raw.get("question") else ""
            raise _fail(path, f"entry {n}{hint}", "missing 'id'")
        qid = str(qid_raw).strip()
        if qid in seen:
            raise _fail(path, qid, f"duplicate id (entries {seen[qid]} and {n})")
        seen[qid] = n
        text = raw.get("question")
        if not isinstance(text, str) or not text.strip():
            raise _fail(path, qid, "missing 'question'")
        unanswerable = raw.get("unanswerable", False)
        if not isinstance(unanswerable, bool):
            raise _fail(path, qid, "'unanswerable' must be true or false")
        history_raw = raw.get("history", [])
        if history_raw is None:
            history_raw = []
        if not isinstance(history_raw, list) or not all(isinstance(h, str) for h in history_raw):
            raise _fail(path, qid, "'history' must be a list of earlier questions (strings)")
        expect: tuple[Expected, ...] = ()
        if raw.get("expect") is not None:
            expect = expected_items(path, qid, raw["expect"])
        elif not unanswerable:
            raise _fail(
                path, qid, "answerable question without 'expect' (or mark it unanswerable: true)"
            )
        any_raw = raw.get("any")
        any_list: list[str] = []
        if any_raw is not None:
            parsed = _string_list(any_raw)
            if parsed is None or not [a for a in parsed if a.strip()]:
                raise _fail(path, qid, "'any' must be a list of strings")
            any_list = [a for a in parsed if a.strip()]
        questions.append(
            Question(
                id=qid,
                question=text.strip(),
                expect=expect,
                any=tuple(any_list),
                history=tuple(history_raw),
                unanswerable=unanswerable,
            )
        )
    if not questions:
        raise InputError(f"{path}: has no questions")
    return questions


def half(question_id: str) -> str:
    """Which fixed half of a question set a question is in: "tuning" (rules and numbers may
    be fitted to it) or "checking" (scores there show whether they hold on questions they
    were not fitted to). Decided by the SHA-256 of the question's id, so it never changes
    when questions are added, reordered or reworded, and any question set splits the same
    way."""
    digest = hashlib.sha256(question_id.encode("utf-8")).digest()
    return "tuning" if digest[0] % 2 == 0 else "checking"
