"""Evaluation: load a question file, run a system over it, score the records.

The formats and every score are defined in shared/EVAL_FORMAT.md; this module implements
them exactly. Scores are reported, never gated: `run_cli` exits 0 when the run completes.

Choices the contract leaves open, made here and kept consistent:
- A score whose denominator is empty (no unanswerable questions, nothing cited) is None
  and shows as "-".
- Answer accuracy is over the answerable questions that have `any` (without it only
  retrieval and citations are scored).
- Citation precision is pooled: expected cited items over all cited items, summed over the
  answerable questions.
- Latency percentiles interpolate linearly between the closest ranks (numpy's default).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

from minutesqa import lexical
from minutesqa.config import Settings
from minutesqa.errors import InputError
from minutesqa.models import Answer

AnswerFn = Callable[[str, list[str]], Answer]

TOP_FAILURE_K = 5  # an expected item outside the first 5 retrieved is a failure
MRR_K = 10
EXCERPT_CHARS = 400

SYSTEMS = ("ours", "bm25", "dense", "tutorial")

# --- the question file ---------------------------------------------------------------------


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


def _expected(path: Path, qid: str, raw: Any) -> tuple[Expected, ...]:
    if isinstance(raw, dict):
        raw = [raw]
    if not isinstance(raw, list) or not raw:
        raise _fail(path, qid, "'expect' must be a non-empty list of {date, item[, committee]}")
    out = []
    for n, entry in enumerate(raw):
        where = f"expect[{n}]"
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


def load_questions(path: Path | str) -> list[Question]:
    """Read and check a question file. Raises InputError, one line naming the question."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such question file")
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
        raise InputError(f"{path}: must be a YAML list of questions (got {kind})")
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
            expect = _expected(path, qid, raw["expect"])
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


# --- matching ------------------------------------------------------------------------------

COMMITTEE_STOPWORDS = frozenset({"of", "the", "meeting", "council", "and"})


def committee_words(name: str) -> list[str]:
    """The significant words of a committee's name, abbreviations spelled out."""
    return [w for w in lexical.committee_words(name) if w not in COMMITTEE_STOPWORDS]


def committee_matches(expected: str | None, actual: str | None) -> bool:
    """Every significant word of the expected name appears in the actual name."""
    if not expected:
        return True
    have = set(committee_words(actual or ""))
    return all(word in have for word in committee_words(expected))


def normalise_item(item: Any) -> str:
    """'7.' == '7', 'ssp/5/24' == 'SSP/5/24': trim, drop a trailing '.', ignore case.
    No number (None, '') is ''."""
    text = "" if item is None else str(item).strip()
    if text.endswith("."):
        text = text[:-1].strip()
    return text.casefold()


TITLE_STOPWORDS = frozenset({"the", "of", "and", "to", "a", "on", "for", "in"})
TITLE_OVERLAP = 0.6
_WORD = re.compile(r"[^\W_]+")
_APOSTROPHES = re.compile(r"['\u2019\u2018]")


def title_words(title: str) -> set[str]:
    """A title's distinct words: case and punctuation ignored ("Treasurer's" is
    "treasurers", "Co-Chair" is "co" and "chair"), the/of/and/to/a/on/for/in left out."""
    text = _APOSTROPHES.sub("", title.casefold())
    return {w for w in _WORD.findall(text) if w not in TITLE_STOPWORDS}


def titles_match(expected: str, actual: str) -> bool:
    """At least 60% of the shorter title's words are in the other one."""
    a, b = title_words(expected), title_words(actual)
    shorter = min(len(a), len(b))
    if shorter == 0:
        return False
    return len(a & b) >= TITLE_OVERLAP * shorter


def matches(expected: Expected, entry: dict[str, Any]) -> bool:
    """Whether a record's retrieved or cited entry is the expected item: same date and
    committee, and the same number, or, for an unnumbered expected item, a title like it."""
    if str(entry.get("date", "")).strip() != expected.date:
        return False
    if not committee_matches(expected.committee, str(entry.get("committee") or "")):
        return False
    if expected.item is None:
        return titles_match(expected.title or "", str(entry.get("title") or ""))
    return normalise_item(entry.get("item")) == normalise_item(expected.item)


def is_expected(question: Question, entry: dict[str, Any]) -> bool:
    return any(matches(e, entry) for e in question.expect)


def first_rank(question: Question, retrieved: Sequence[dict[str, Any]]) -> int | None:
    """1-based rank of the first expected item in `retrieved`, or None."""
    for rank, entry in enumerate(retrieved, 1):
        if is_expected(question, entry):
            return rank
    return None


def _collapse(text: str) -> str:
    return " ".join(text.split()).casefold()


def answer_contains(answer: str, wanted: Iterable[str]) -> bool:
    text = _collapse(answer)
    return any(_collapse(w) in text for w in wanted if w.strip())


# --- the record file -----------------------------------------------------------------------

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


def run(
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


# --- scores --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Failure:
    """One question our system got wrong, and how."""

    id: str
    question: str
    history: tuple[str, ...]
    expected: tuple[str, ...]  # labels; empty for an unanswerable question
    any: tuple[str, ...]
    problems: tuple[str, ...]
    top: tuple[str, ...]  # the first 3 retrieved, as labels
    cited: tuple[str, ...]
    answer: str  # excerpt
    rank: int | None = None  # of the first expected item, in all retrieved


@dataclass
class Scores:
    questions: int
    answerable: int
    unanswerable: int
    hit_at_1: float | None
    hit_at_3: float | None
    hit_at_5: float | None
    hit_at_10: float | None
    mrr_at_10: float | None
    citation_hit: float | None
    citation_precision: float | None
    answer_accuracy: float | None
    abstention_recall: float | None
    false_abstention: float | None
    p50_latency_ms: float | None
    p95_latency_ms: float | None
    failures: list[Failure] = field(default_factory=list)

    def metrics(self) -> dict[str, float | None]:
        return {name: getattr(self, name) for name, _ in COLUMNS}

    def to_dict(self, *, failures: bool = False) -> dict[str, Any]:
        out: dict[str, Any] = {
            "questions": self.questions,
            "answerable": self.answerable,
            "unanswerable": self.unanswerable,
            **{k: (None if v is None else round(v, 6)) for k, v in self.metrics().items()},
            "failures": len(self.failures),
        }
        if failures:
            out["failed"] = [asdict(f) for f in self.failures]
        return out


# (attribute, column heading)
COLUMNS: tuple[tuple[str, str], ...] = (
    ("hit_at_1", "Hit@1"),
    ("hit_at_3", "Hit@3"),
    ("hit_at_5", "Hit@5"),
    ("hit_at_10", "Hit@10"),
    ("mrr_at_10", "MRR@10"),
    ("citation_hit", "CitHit"),
    ("citation_precision", "CitPrec"),
    ("answer_accuracy", "AnsAcc"),
    ("abstention_recall", "AbstRec"),
    ("false_abstention", "FalseAbst"),
    ("p50_latency_ms", "p50 ms"),
    ("p95_latency_ms", "p95 ms"),
)


def _share(numerator: float, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """Linear interpolation between closest ranks (numpy's default method)."""
    if not values:
        return None
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100.0
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def _label(entry: dict[str, Any]) -> str:
    score = entry.get("score")
    tail = f" [{score:.3f}]" if isinstance(score, int | float) else ""
    return (
        f"{entry.get('committee', '?')}, {entry.get('date', '?')}, item {entry.get('item', '?')}:"
        f" {entry.get('title', '')}{tail}"
    )


def _excerpt(text: str, limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def score(questions: Sequence[Question], records: Sequence[dict[str, Any]]) -> Scores:
    """Every score of EVAL_FORMAT.md, and the failing questions. Records are matched to
    questions by id; a question without a record counts as an empty, unabstained answer."""
    by_id = {str(r.get("id")): r for r in records}
    answerable = [q for q in questions if q.answerable]
    unanswerable = [q for q in questions if q.unanswerable]
    hits = {1: 0, 3: 0, 5: 0, 10: 0}
    reciprocal = 0.0
    cited_hit = 0
    cited_total = 0
    cited_expected = 0
    with_any = 0
    accurate = 0
    false_abstained = 0
    abstained_right = 0
    latencies: list[float] = []
    failures: list[Failure] = []
    for q in questions:
        record = by_id.get(q.id)
        problems: list[str] = []
        if record is None:
            record = {"answer": "", "abstained": False, "citations": [], "retrieved": []}
            problems.append("no record for this question")
        retrieved = list(record.get("retrieved") or [])
        citations = list(record.get("citations") or [])
        abstained = bool(record.get("abstained", False))
        answer = str(record.get("answer", ""))
        if isinstance(record.get("latency_ms"), int | float):
            latencies.append(float(record["latency_ms"]))
        rank = first_rank(q, retrieved)
        if q.answerable:
            for k in hits:
                if rank is not None and rank <= k:
                    hits[k] += 1
            if rank is not None and rank <= MRR_K:
                reciprocal += 1.0 / rank
            good = [c for c in citations if is_expected(q, c)]
            cited_total += len(citations)
            cited_expected += len(good)
            if good:
                cited_hit += 1
            if abstained:
                false_abstained += 1
                problems.append("abstained on an answerable question")
            if rank is None or rank > TOP_FAILURE_K:
                where = "not retrieved" if rank is None else f"at rank {rank}"
                problems.append(f"expected item not in top {TOP_FAILURE_K} ({where})")
            if not citations:
                if not abstained:
                    problems.append("cites nothing")
            elif not good:
                problems.append("cites no expected item")
            if q.any:
                with_any += 1
                if not abstained and answer_contains(answer, q.any):
                    accurate += 1
                elif not abstained:
                    problems.append("answer lacks every `any` phrase")
        else:
            if abstained:
                abstained_right += 1
            else:
                problems.append("answered an unanswerable question (did not abstain)")
        if problems:
            failures.append(
                Failure(
                    id=q.id,
                    question=q.question,
                    history=q.history,
                    expected=tuple(e.label() for e in q.expect),
                    any=q.any,
                    problems=tuple(problems),
                    top=tuple(_label(e) for e in retrieved[:3]),
                    cited=tuple(_label(c) for c in citations),
                    answer=_excerpt(answer),
                    rank=rank,
                )
            )
    n = len(answerable)
    return Scores(
        questions=len(questions),
        answerable=n,
        unanswerable=len(unanswerable),
        hit_at_1=_share(hits[1], n),
        hit_at_3=_share(hits[3], n),
        hit_at_5=_share(hits[5], n),
        hit_at_10=_share(hits[10], n),
        mrr_at_10=_share(reciprocal, n),
        citation_hit=_share(cited_hit, n),
        citation_precision=_share(cited_expected, cited_total),
        answer_accuracy=_share(accurate, with_any),
        abstention_recall=_share(abstained_right, len(unanswerable)),
        false_abstention=_share(false_abstained, n),
        p50_latency_ms=percentile(latencies, 50),
        p95_latency_ms=percentile(latencies, 95),
        failures=failures,
    )


# --- reports -------------------------------------------------------------------------------


def _cell(name: str, value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if name.endswith("_ms") else f"{value:.3f}"


def format_table(scores: dict[str, Scores]) -> str:
    names = ["system", *(heading for _, heading in COLUMNS)]
    rows = [
        [system, *(_cell(attr, getattr(s, attr)) for attr, _ in COLUMNS)]
        for system, s in scores.items()
    ]
    widths = [max(len(r[i]) for r in [names, *rows]) for i in range(len(names))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [names, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write_chart(path: Path, scores: dict[str, Scores], title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = [
        ("hit_at_1", "Hit@1"),
        ("hit_at_5", "Hit@5"),
        ("mrr_at_10", "MRR@10"),
        ("answer_accuracy", "Answer accuracy"),
    ]
    systems = list(scores)
    width = 0.8 / max(1, len(systems))
    fig, ax = plt.subplots(figsize=(9, 4.5))
    for i, system in enumerate(systems):
        values = [getattr(scores[system], attr) or 0.0 for attr, _ in metrics]
        xs = [m + (i - (len(systems) - 1) / 2) * width for m in range(len(metrics))]
        bars = ax.bar(xs, values, width, label=system)
        ax.bar_label(bars, labels=[f"{v:.2f}" for v in values], fontsize=7, padding=1)
    ax.set_xticks(range(len(metrics)), [label for _, label in metrics])
    ax.set_ylim(0, 1.08)
    ax.set_ylabel("share of answerable questions")
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=len(systems), fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def format_failures(failures: Sequence[Failure], title: str) -> str:
    lines = [f"# Failures: {title}", "", f"{len(failures)} failing question(s).", ""]
    for f in failures:
        lines.append(f"## {f.id}: {f.question}")
        lines.append("")
        if f.history:
            lines.append("- history: " + " / ".join(f.history))
        lines.append("- problems: " + "; ".join(f.problems))
        lines.append("- expected: " + ("; ".join(f.expected) or "an abstention (unanswerable)"))
        if f.any:
            lines.append("- any: " + ", ".join(repr(a) for a in f.any))
        if f.rank is not None:
            lines.append(f"- first expected item at rank {f.rank}")
        lines.append("- retrieved (top 3):")
        lines.extend(f"  {n}. {t}" for n, t in enumerate(f.top, 1))
        if not f.top:
            lines.append("  (nothing)")
        lines.append("- cited: " + ("; ".join(f.cited) or "(nothing)"))
        lines.append("- answer: " + (f.answer or "(empty)"))
        lines.append("")
    return "\n".join(lines)


def output_paths(out: Path) -> dict[str, Path]:
    """The files written beside the records file `out` (e.g. eval/out/samples.jsonl)."""
    stem = out.with_suffix("") if out.suffix else out
    paths = {
        "ours": out,
        "scores": stem.with_name(stem.name + ".scores.json"),
        "chart": stem.with_name(stem.name + ".png"),
        "failures": stem.with_name(stem.name + ".failures.md"),
        "tutorial_index": stem.with_name(stem.name + ".tutorial-index"),
    }
    for system in SYSTEMS[1:]:
        paths[system] = stem.with_name(f"{stem.name}.{system}{out.suffix or '.jsonl'}")
    return paths


def _progress(label: str) -> Callable[[int, int], None]:
    def show(n: int, total: int) -> None:
        if n == total or n % 25 == 0:
            print(f"  {label}: {n}/{total} questions", file=sys.stderr, flush=True)

    return show


def _warn_foreign_sources(store: Any, corpus: Path) -> None:
    """Say so when the index also holds files from outside the corpus being scored."""
    root = str(corpus) + "/"
    sources = {os.path.normpath(str(c.metadata.get("source", ""))) for c in store.iter_all()}
    foreign = sorted(s for s in sources if not s.startswith(root))
    if foreign:
        print(
            f"  warning: the index also holds {len(foreign)} file(s) from outside {corpus} "
            f"(e.g. {foreign[0]}); their meetings count too, possibly twice. "
            "Delete the index folder and run again to score this corpus alone.",
            file=sys.stderr,
        )


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    """`minutes eval`: (ingest,) run our pipeline and the baselines, score, report."""
    from minutesqa.answer import Pipeline

    questions = load_questions(args.questions)
    out = Path(args.out)
    paths = output_paths(out)
    corpus: Path | None = getattr(args, "corpus", None)
    if corpus is not None:
        from minutesqa.ingest import ingest

        # one spelling of the folder: the index keys meetings by their file's path, so
        # '../shared/x' and '/work/shared/x' would otherwise hold every meeting twice
        corpus = Path(corpus).resolve()
        print(f"Checking the index at {settings.index_dir} against {corpus} ...", flush=True)
        summary = ingest(corpus, settings)
        for source, reason in summary.failures:
            print(f"  skipped {source}: {reason}", file=sys.stderr)
        print(f"  {summary.line()}", flush=True)
    n_answerable = sum(q.answerable for q in questions)
    print(
        f"{len(questions)} questions ({n_answerable} answerable, "
        f"{len(questions) - n_answerable} unanswerable) from {args.questions}",
        flush=True,
    )

    pipeline = Pipeline(settings)
    if corpus is not None:
        _warn_foreign_sources(pipeline.retriever.store, corpus)
    pipeline.retriever.embedder.embed(["warm-up"])  # latency is measured with the model loaded
    records: dict[str, list[dict[str, Any]]] = {
        "ours": run(
            questions, lambda q, h: pipeline.ask(q, h), paths["ours"], progress=_progress("ours")
        )
    }
    if getattr(args, "baselines", False):
        from minutesqa import baselines

        store = pipeline.retriever.store
        lexical = pipeline.retriever.lexical
        embedder = pipeline.retriever.embedder
        systems: dict[str, baselines.Baseline] = {
            "bm25": baselines.BM25Baseline(store, lexical, k=settings.k),
            "dense": baselines.DenseBaseline(store, embedder, k=settings.k),
        }
        if corpus is None:
            print("  tutorial baseline skipped: it needs --corpus (the raw files)", file=sys.stderr)
        else:
            systems["tutorial"] = baselines.TutorialBaseline.build(
                corpus, settings, embedder, paths["tutorial_index"]
            )
        for name, system in systems.items():
            records[name] = run(questions, system.ask, paths[name], progress=_progress(name))

    problems = [p for recs in records.values() for r in recs for p in validate_record(r)]
    for problem in problems[:20]:
        print(f"  format: {problem}", file=sys.stderr)
    scores = {name: score(questions, recs) for name, recs in records.items()}
    title = Path(args.questions).name
    print()
    print(f"Scores for {title} ({len(questions)} questions, {n_answerable} answerable):")
    print(format_table(scores))
    print()
    payload = {
        "questions": str(args.questions),
        "index": str(settings.index_dir),
        "model": settings.model,
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "format_problems": problems,
        "systems": {
            name: {**s.to_dict(failures=name == "ours"), "records": str(paths[name])}
            for name, s in scores.items()
        },
    }
    paths["scores"].parent.mkdir(parents=True, exist_ok=True)
    paths["scores"].write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    write_chart(paths["chart"], scores, f"{title}: {len(questions)} questions")
    ours = scores["ours"]
    paths["failures"].write_text(format_failures(ours.failures, title), encoding="utf-8")
    print(f"{len(ours.failures)} of {len(questions)} questions fail for our system.")
    print(f"Records:  {', '.join(str(paths[name]) for name in records)}")
    print(f"Scores:   {paths['scores']}")
    print(f"Chart:    {paths['chart']}")
    print(f"Failures: {paths['failures']}")
    if problems:
        print(f"{len(problems)} format problem(s) in the records (first ones above).")
    return 0
