"""Every score of shared/EVAL_FORMAT.md over a question file's records, the failing
questions, and `percentile`, the one percentile of the project (evaluation, bench and load
test alike).

Choices the contract leaves open, made here and kept consistent:
- A score whose denominator is empty (no unanswerable questions, nothing cited) is None
  and shows as "-".
- Answer accuracy is over the answerable questions that have `any` (without it only
  retrieval and citations are scored).
- Citation precision is pooled: expected cited items over all cited items, summed over the
  answerable questions.
- Latency percentiles interpolate linearly between the closest ranks (numpy's default);
  the percentile of no values is None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from minutesqa.evaluation.match import answer_contains, first_rank, is_expected
from minutesqa.evaluation.questions import Question

TOP_FAILURE_K = 5  # an expected item outside the first 5 retrieved is a failure
MRR_K = 10
EXCERPT_CHARS = 400


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


@dataclass
class _Tally:
    """The counts `score` adds up over the questions."""

    hits: dict[int, int] = field(default_factory=lambda: {1: 0, 3: 0, 5: 0, 10: 0})
    reciprocal: float = 0.0
    cited_hit: int = 0
    cited_total: int = 0
    cited_expected: int = 0
    with_any: int = 0
    accurate: int = 0
    false_abstained: int = 0
    abstained_right: int = 0
    latencies: list[float] = field(default_factory=list)


_NO_RECORD: dict[str, Any] = {"answer": "", "abstained": False, "citations": [], "retrieved": []}


def score(questions: Sequence[Question], records: Sequence[dict[str, Any]]) -> Scores:
    """Every score of EVAL_FORMAT.md, and the failing questions. Records are matched to
    questions by id; a question without a record counts as an empty, unabstained answer."""
    by_id = {str(r.get("id")): r for r in records}
    answerable = [q for q in questions if q.answerable]
    unanswerable = [q for q in questions if q.unanswerable]
    tally = _Tally()
    failures: list[Failure] = []
    for q in questions:
        record = by_id.get(q.id)
        problems: list[str] = []
        if record is None:
            record = _NO_RECORD
            problems.append("no record for this question")
        if isinstance(record.get("latency_ms"), int | float):
            tally.latencies.append(float(record["latency_ms"]))
        rank = first_rank(q, list(record.get("retrieved") or []))
        if q.answerable:
            problems += _answerable(tally, q, record, rank)
        elif record.get("abstained", False):
            tally.abstained_right += 1
        else:
            problems.append("answered an unanswerable question (did not abstain)")
        if problems:
            failures.append(_failure(q, record, problems, rank))
    n = len(answerable)
    return Scores(
        questions=len(questions),
        answerable=n,
        unanswerable=len(unanswerable),
        hit_at_1=_share(tally.hits[1], n),
        hit_at_3=_share(tally.hits[3], n),
        hit_at_5=_share(tally.hits[5], n),
        hit_at_10=_share(tally.hits[10], n),
        mrr_at_10=_share(tally.reciprocal, n),
        citation_hit=_share(tally.cited_hit, n),
        citation_precision=_share(tally.cited_expected, tally.cited_total),
        answer_accuracy=_share(tally.accurate, tally.with_any),
        abstention_recall=_share(tally.abstained_right, len(unanswerable)),
        false_abstention=_share(tally.false_abstained, n),
        p50_latency_ms=percentile(tally.latencies, 50),
        p95_latency_ms=percentile(tally.latencies, 95),
        failures=failures,
    )


def _answerable(tally: _Tally, q: Question, record: dict[str, Any], rank: int | None) -> list[str]:
    """An answerable question's record counted into `tally`; what is wrong with it."""
    problems: list[str] = []
    citations = list(record.get("citations") or [])
    abstained = bool(record.get("abstained", False))
    for k in tally.hits:
        if rank is not None and rank <= k:
            tally.hits[k] += 1
    if rank is not None and rank <= MRR_K:
        tally.reciprocal += 1.0 / rank
    good = [c for c in citations if is_expected(q, c)]
    tally.cited_total += len(citations)
    tally.cited_expected += len(good)
    if good:
        tally.cited_hit += 1
    if abstained:
        tally.false_abstained += 1
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
        tally.with_any += 1
        if not abstained and answer_contains(str(record.get("answer", "")), q.any):
            tally.accurate += 1
        elif not abstained:
            problems.append("answer lacks every `any` phrase")
    return problems


def _failure(q: Question, record: dict[str, Any], problems: list[str], rank: int | None) -> Failure:
    return Failure(
        id=q.id,
        question=q.question,
        history=q.history,
        expected=tuple(e.label() for e in q.expect),
        any=q.any,
        problems=tuple(problems),
        top=tuple(_label(e) for e in list(record.get("retrieved") or [])[:3]),
        cited=tuple(_label(c) for c in list(record.get("citations") or [])),
        answer=_excerpt(str(record.get("answer", ""))),
        rank=rank,
    )


def refusals_by_reason(
    questions: Sequence[Question], records: Sequence[dict[str, Any]]
) -> dict[str, dict[str, int]]:
    """For each abstention reason in the records (`abstain_reason`), how many answerable
    and how many unanswerable questions it refused: a check that refuses more answerable
    questions than unanswerable ones costs more than it saves."""
    out: dict[str, dict[str, int]] = {}
    for q, record in zip(questions, records, strict=True):
        if not record.get("abstained"):
            continue
        reason = str(record.get("abstain_reason") or "unrecorded")
        row = out.setdefault(reason, {"answerable": 0, "unanswerable": 0})
        row["answerable" if q.answerable else "unanswerable"] += 1
    return dict(sorted(out.items()))


def format_refusals(refusals: dict[str, dict[str, int]]) -> str:
    """The refusals by reason as a Markdown table."""
    if not refusals:
        return "No question was refused."
    lines = ["| refused by | answerable | unanswerable |", "|---|---|---|"]
    for reason, row in refusals.items():
        lines.append(f"| {reason} | {row['answerable']} | {row['unanswerable']} |")
    return "\n".join(lines)
