"""The briefing evaluation: `minutes brief` against a hand-checked list of the items a
person would include, beside the answer pipeline's top-k as the baseline.

    python -m minutesqa.evaluation.briefing --topics eval/briefing_topics.yaml \
        --index samples=eval/out/index-samples --index limerick=eval/out/index-limerick \
        --out eval/out

The topic file (eval/briefing_topics.yaml) is a YAML list; each entry names its `corpus`
(which `--index` answers it), the `topic` as a user types it, optional `committee`,
`since`, `until` (the same filters as the command), `items`: every item a briefing must
list, matched like an expected item of a question file (shared/EVAL_FORMAT.md: date,
number or title, committee), and optional `maybe`: borderline items, neither required
nor counted against a system that lists them.

Scores, over all topics (micro), per corpus and per fixed half of the topics (`half`: the
"tuning" half the `Tuning.brief_*` numbers were fitted on, the "checking" half they were not):
- recall: expected items listed / expected items;
- precision: listed items that are expected / listed items that are not `maybe`.
The baseline lists the first `k` items the answer pipeline retrieves for the topic as a
question (the same filters), which is what a user gets without the briefing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutesqa.errors import InputError, MinutesError
from minutesqa.evaluation.match import matches
from minutesqa.evaluation.questions import Expected, expected_items, half, read_yaml_list
from minutesqa.evaluation.scores import percentile
from minutesqa.models import ItemRef

BASELINE_K = 10  # the answer pipeline's retrieved items (Query.k)


@dataclass(frozen=True)
class Topic:
    id: str
    corpus: str
    topic: str
    items: tuple[Expected, ...]
    maybe: tuple[Expected, ...] = ()
    committee: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def load_topics(path: Path | str) -> list[Topic]:
    """Read and check a topic file. Raises InputError, one line naming the topic."""
    path = Path(path)
    raw = read_yaml_list(path, "topics")
    if not raw:
        raise InputError(f"{path}: has no topics")
    topics, seen = [], set()
    for n, entry in enumerate(raw):
        if not isinstance(entry, dict):
            raise InputError(f"{path}: entry {n + 1} is not a mapping")
        tid = str(entry.get("id") or f"entry {n + 1}")
        if tid in seen:
            raise InputError(f"{path}: {tid}: the id is used twice")
        seen.add(tid)
        for key in ("corpus", "topic"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                raise InputError(f"{path}: {tid}: {key!r} must be a non-empty text")
        dates: dict[str, dt.date | None] = {}
        for key in ("since", "until"):
            value = entry.get(key)
            if value is None:
                dates[key] = None
            else:
                try:
                    dates[key] = dt.date.fromisoformat(str(value).strip())
                except ValueError:
                    raise InputError(
                        f"{path}: {tid}: {key} {str(value)[:30]!r} is not YYYY-MM-DD"
                    ) from None
        committee = entry.get("committee")
        if committee is not None and (not isinstance(committee, str) or not committee.strip()):
            raise InputError(f"{path}: {tid}: 'committee' must be a name or null")
        items = expected_items(path, tid, entry.get("items"), "items")
        maybe = expected_items(path, tid, entry["maybe"], "maybe") if entry.get("maybe") else ()
        topics.append(
            Topic(
                id=tid,
                corpus=entry["corpus"].strip(),
                topic=entry["topic"].strip(),
                items=items,
                maybe=maybe,
                committee=committee.strip() if committee else None,
                since=dates["since"],
                until=dates["until"],
            )
        )
    return topics


@dataclass
class Tally:
    """Micro counts over topics: expected items found, items listed, listed and right."""

    expected: int = 0
    found: int = 0
    listed: int = 0
    right: int = 0
    topics: int = 0
    seconds: list[float] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.expected += other.expected
        self.found += other.found
        self.listed += other.listed
        self.right += other.right
        self.topics += other.topics
        self.seconds.extend(other.seconds)

    @property
    def recall(self) -> float:
        return self.found / self.expected if self.expected else 0.0

    @property
    def precision(self) -> float:
        return self.right / self.listed if self.listed else 0.0


def judge(topic: Topic, listed: Sequence[ItemRef], seconds: float) -> tuple[Tally, dict[str, Any]]:
    """How one system's list for a topic compares with the expected items."""
    entries = [ref.to_record() for ref in listed]

    def is_in(expected: Sequence[Expected], entry: dict[str, Any]) -> bool:
        return any(matches(e, entry) for e in expected)

    found = [e for e in topic.items if any(matches(e, entry) for entry in entries)]
    scored = [entry for entry in entries if not is_in(topic.maybe, entry)]
    right = [entry for entry in scored if is_in(topic.items, entry)]
    wrong = [entry for entry in scored if not is_in(topic.items, entry)]
    tally = Tally(len(topic.items), len(found), len(scored), len(right), 1, [seconds])
    detail = {
        "listed": entries,
        "missed": [e.label() for e in topic.items if e not in found],
        "extra": [f"{x['committee']}, {x['date']}, item {x['item']}: {x['title']}" for x in wrong],
        "recall": round(tally.recall, 4),
        "precision": round(tally.precision, 4) if scored else None,
        "seconds": round(seconds, 3),
    }
    return tally, detail


Lister = Callable[[Topic], list[ItemRef]]


def systems(index: Path) -> dict[str, Lister]:
    """The briefing and the baseline over one index (model and index loaded once)."""
    from minutesqa.answer.pipeline import Pipeline
    from minutesqa.answer.query import Query
    from minutesqa.config import Settings
    from minutesqa.reports.brief import brief

    pipeline = Pipeline(Settings.load(index_dir=index))

    def ours(t: Topic) -> list[ItemRef]:
        found = brief(
            pipeline.retriever,
            pipeline.extractive,
            t.topic,
            since=t.since,
            until=t.until,
            committee=t.committee,
        )
        return [e.ref for e in found.entries]

    def top_k(t: Topic) -> list[ItemRef]:
        query = Query(t.topic, (), t.committee, t.since, t.until, BASELINE_K)
        return [h.ref for h in pipeline.retriever.search(query).hits[:BASELINE_K]]

    return {"brief": ours, f"top-{BASELINE_K}": top_k}


def evaluate(
    topics: list[Topic], listers: dict[str, dict[str, Lister]]
) -> tuple[dict[str, dict[str, Tally]], list[dict[str, Any]]]:
    """Every topic through every system of its corpus: tallies per system and corpus (and
    'all'), and one record per topic."""
    tallies: dict[str, dict[str, Tally]] = {}
    records = []
    for t in topics:
        record: dict[str, Any] = {
            "id": t.id,
            "corpus": t.corpus,
            "topic": t.topic,
            "committee": t.committee,
            "since": t.since.isoformat() if t.since else None,
            "until": t.until.isoformat() if t.until else None,
            "expected": len(t.items),
        }
        for name, lister in listers[t.corpus].items():
            start = time.perf_counter()
            listed = lister(t)
            tally, detail = judge(t, listed, time.perf_counter() - start)
            record[name] = detail
            for corpus in (t.corpus, half(t.id), "all"):
                tallies.setdefault(name, {}).setdefault(corpus, Tally()).add(tally)
        records.append(record)
    return tallies, records


def table(tallies: dict[str, dict[str, Tally]]) -> str:
    head = (
        f"{'system':<8} {'corpus':<9} {'topics':>6} {'items':>5} {'recall':>6} "
        f"{'precision':>9} {'listed':>6} {'p50 s':>6}"
    )
    lines = [head, "-" * len(head)]
    for name, by_corpus in tallies.items():
        order = {"tuning": 1, "checking": 2, "all": 3}
        for corpus in sorted(by_corpus, key=lambda c: (order.get(c, 0), c)):
            t = by_corpus[corpus]
            lines.append(
                f"{name:<8} {corpus:<9} {t.topics:>6} {t.expected:>5} {t.recall:>6.3f} "
                f"{t.precision:>9.3f} {t.listed:>6} {percentile(t.seconds, 50) or 0.0:>6.2f}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m minutesqa.evaluation.briefing",
        description="score `minutes brief` on a topic file, beside the answer pipeline's top-k",
    )
    parser.add_argument("--topics", type=Path, required=True, help="the topic file (YAML)")
    parser.add_argument(
        "--index",
        action="append",
        default=[],
        metavar="CORPUS=DIR",
        help="the index that answers a corpus's topics (repeat per corpus)",
    )
    parser.add_argument("--out", type=Path, required=True, help="folder for the results")
    args = parser.parse_args(argv)
    try:
        topics = load_topics(args.topics)
        indices: dict[str, Path] = {}
        for spec in args.index:
            corpus, eq, folder = spec.partition("=")
            if not eq or not corpus.strip() or not folder.strip():
                raise InputError(f"--index {spec[:60]!r}: write CORPUS=DIR")
            indices[corpus.strip()] = Path(folder.strip())
        wanted = sorted({t.corpus for t in topics})
        missing = [c for c in wanted if c not in indices]
        if missing:
            raise InputError(
                f"no --index for corpus {', '.join(missing)}: add --index {missing[0]}=DIR"
            )
        listers = {corpus: systems(indices[corpus]) for corpus in wanted}
        tallies, records = evaluate(topics, listers)
    except MinutesError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with (args.out / "briefing.jsonl").open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
    scores = {
        name: {
            corpus: {
                "topics": t.topics,
                "items": t.expected,
                "recall": round(t.recall, 4),
                "precision": round(t.precision, 4),
                "listed": t.listed,
                "p50_s": round(percentile(t.seconds, 50) or 0.0, 3),
            }
            for corpus, t in by_corpus.items()
        }
        for name, by_corpus in tallies.items()
    }
    (args.out / "briefing.scores.json").write_text(json.dumps(scores, indent=2) + "\n")
    print(table(tallies))
    print(f"records: {args.out / 'briefing.jsonl'} (missed and extra items per topic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
