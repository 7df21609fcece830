"""The briefing evaluation: the topic file's checks, and recall and precision counted
exactly (maybe items neither required nor wrong). Listers are fakes (fixed lists); the
real briefing runs in `make eval`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from minutesqa.errors import InputError
from minutesqa.evaluation import briefing
from minutesqa.evaluation.briefing import Topic, evaluate, judge, load_topics
from minutesqa.models import ItemRef

ROOT = Path(__file__).resolve().parents[1]
TOPICS = """
- id: t1
  corpus: samples
  topic: Street Angels
  committee: Safer Stockton Partnership
  since: 2024-01-01
  items:
    - {date: 2024-05-30, item: SSP/5/24, title: Serious Violence Duty}
    - {date: 2024-05-30, item: null, title: Street Angels in Redcar}
  maybe:
    - {date: 2024-05-30, item: SSP/8/24}
"""


def ref(day: str, item: str, title: str = "x") -> ItemRef:
    return ItemRef("Safer Stockton Partnership", dt.date.fromisoformat(day), item, title)


def test_topics_load(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text(TOPICS)
    (t,) = load_topics(path)
    assert (t.id, t.corpus, t.topic, t.committee) == (
        "t1",
        "samples",
        "Street Angels",
        "Safer Stockton Partnership",
    )
    assert (t.since, t.until) == (dt.date(2024, 1, 1), None)
    assert [e.item for e in t.items] == ["SSP/5/24", None] and len(t.maybe) == 1


def test_the_projects_topic_file_loads() -> None:
    topics = load_topics(ROOT / "eval/briefing_topics.yaml")
    assert len(topics) >= 20 and {t.corpus for t in topics} == {"samples", "limerick"}


@pytest.mark.parametrize(
    ("change", "needle"),
    [
        (("corpus: samples", "corpus: ''"), "t1: 'corpus' must be a non-empty text"),
        (("since: 2024-01-01", "since: 2024-13-01"), "t1: since '2024-13-01' is not YYYY-MM-DD"),
        (("  items:", "  stuff:"), "t1: 'items' must be a non-empty list"),
        (("item: SSP/5/24, ", ""), "t1: items[0] is missing 'item'"),
        (("- id: t1", TOPICS.strip() + "\n- id: t1"), "t1: the id is used twice"),
    ],
)
def test_topic_file_errors(tmp_path: Path, change: tuple[str, str], needle: str) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text(TOPICS.replace(*change))
    with pytest.raises(InputError) as info:
        load_topics(path)
    assert needle in str(info.value) and "\n" not in str(info.value)


def test_recall_and_precision_exactly(tmp_path: Path) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text(TOPICS)
    (t,) = load_topics(path)
    listed = [
        ref("2024-05-30", "SSP/5/24"),  # expected
        ref("2024-05-30", "", "Street Angels in Redcar town"),  # expected, by its title
        ref("2024-05-30", "SSP/8/24"),  # maybe: not counted
        ref("2024-05-30", "SSP/9/24", "iQuanta"),  # wrong
    ]
    tally, detail = judge(t, listed, 0.5)
    assert (tally.expected, tally.found, tally.listed, tally.right) == (2, 2, 3, 2)
    assert (tally.recall, detail["precision"]) == (1.0, 0.6667)
    assert detail["extra"] == ["Safer Stockton Partnership, 2024-05-30, item SSP/9/24: iQuanta"]
    tally, detail = judge(t, listed[2:3], 0.1)
    assert (tally.recall, detail["precision"], detail["missed"]) == (0.0, None, [
        "2024-05-30, item SSP/5/24",
        "2024-05-30, unnumbered item 'Street Angels in Redcar'",
    ])  # fmt: skip


def test_evaluate_tallies_per_corpus_half_and_all(tmp_path: Path) -> None:
    topics = [
        Topic("a1", "samples", "x", items=load_topics_items("2024-05-30", "SSP/5/24")),
        Topic("a2", "limerick", "y", items=load_topics_items("2020-01-01", "4")),
    ]
    listers = {
        "samples": {"brief": lambda t: [ref("2024-05-30", "SSP/5/24")]},
        "limerick": {"brief": lambda t: [ref("2020-01-01", "5")]},
    }
    tallies, records = evaluate(topics, listers)
    by = tallies["brief"]
    assert (by["samples"].recall, by["limerick"].recall, by["all"].recall) == (1.0, 0.0, 0.5)
    assert (by["all"].precision, by["all"].topics) == (0.5, 2)
    assert by[briefing.half("a1")].topics + by[briefing.half("a2")].topics == 2
    assert [r["id"] for r in records] == ["a1", "a2"]
    json.dumps(records)  # the record file is JSON


def load_topics_items(day: str, item: str) -> tuple[briefing.Expected, ...]:
    return (briefing.Expected(day, item),)


def test_cli_needs_an_index_per_corpus(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "topics.yaml"
    path.write_text(TOPICS)
    code = briefing.main(["--topics", str(path), "--out", str(tmp_path / "out")])
    assert code == 2
    assert capsys.readouterr().err == (
        "error: no --index for corpus samples: add --index samples=DIR\n"
    )
