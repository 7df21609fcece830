"""The rules register (minutesqa/reports/rules.py) on a tiny fake package written to tmp_path:
a commented constant, an uncommented one, a documented function, a Tuning field, and a test
file naming some of them; the exact rows, counts and file written."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from minutesqa.reports.rules import Rule, collect, kind_of, main, render, row, summary

FAKE_MODULE = '''"""A fake rule module."""

import re

# a dotted number opening a line ("5. Apologies").
# The rest is detail.
_FAKE_NUMBERED = re.compile(r"^\\d+\\.\\s")
FAKE_LIMIT = 3
_FAKE_LABELS = frozenset({"apologies", "minutes"})  # the labels of the first items


def fake_heading(line: str) -> bool:
    """A line that heads an item: a number, then a title. More detail."""
    return bool(_FAKE_NUMBERED.match(line)) and len(line) > FAKE_LIMIT


def _helper() -> None:
    return None
'''

FAKE_TUNING = """from dataclasses import dataclass


@dataclass(frozen=True)
class Tuning:
    # how close a sentence must be to answer
    fake_close: float = 0.4
"""

FAKE_TESTS = """from minutesqa.segment.fake import FAKE_LIMIT, fake_heading
from minutesqa.tuning import Tuning


def test_fake_heading():
    assert fake_heading("5. Apologies")


def test_fake_close():
    assert Tuning(fake_close=0.5).fake_close == 0.5


def helper():
    return FAKE_LIMIT
"""

SEGMENT = "minutesqa/segment/fake.py"
TUNING = "minutesqa/tuning.py"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "minutesqa" / "segment").mkdir(parents=True)
    (tmp_path / "tests").mkdir()
    (tmp_path / SEGMENT).write_text(FAKE_MODULE, encoding="utf-8")
    (tmp_path / TUNING).write_text(FAKE_TUNING, encoding="utf-8")
    (tmp_path / "tests" / "test_fake.py").write_text(FAKE_TESTS, encoding="utf-8")
    return tmp_path


EXPECTED = [
    Rule(
        SEGMENT, "_FAKE_NUMBERED", "pattern", 'a dotted number opening a line ("5. Apologies").', 7
    ),
    Rule(SEGMENT, "FAKE_LIMIT", "number", "", 8, ("test_fake.py::helper",)),
    Rule(SEGMENT, "_FAKE_LABELS", "words", "the labels of the first items", 9),
    Rule(
        SEGMENT,
        "fake_heading",
        "function",
        "A line that heads an item: a number, then a title.",
        12,
        ("test_fake.py::test_fake_heading",),
    ),
    Rule(
        TUNING,
        "Tuning.fake_close",
        "number",
        "how close a sentence must be to answer",
        7,
        ("test_fake.py::test_fake_close",),
    ),
]


def test_every_rule_with_its_description_and_tests(root: Path) -> None:
    assert collect(root) == EXPECTED


def test_rows_counts_and_undocumented(root: Path) -> None:
    rules = collect(root)
    assert [row(rule) for rule in rules] == [
        f"| {SEGMENT} | `_FAKE_NUMBERED` | pattern | a dotted number opening a line "
        f'("5. Apologies"). | [L7]({SEGMENT}#L7) | none |',
        f"| {SEGMENT} | `FAKE_LIMIT` | number | — | [L8]({SEGMENT}#L8) | test_fake.py::helper |",
        f"| {SEGMENT} | `_FAKE_LABELS` | words | the labels of the first items "
        f"| [L9]({SEGMENT}#L9) | none |",
        f"| {SEGMENT} | `fake_heading` | function | A line that heads an item: a number, then a "
        f"title. | [L12]({SEGMENT}#L12) | test_fake.py::test_fake_heading |",
        f"| {TUNING} | `Tuning.fake_close` | number | how close a sentence must be to answer "
        f"| [L7]({TUNING}#L7) | test_fake.py::test_fake_close |",
    ]
    assert summary(rules)[2:] == [
        f"| {SEGMENT} | 4 | 1 | 2 |",
        f"| {TUNING} | 1 | 0 | 0 |",
        "| all | 5 | 1 | 2 |",
    ]
    assert f"## Undocumented rules\n\n- `FAKE_LIMIT` ([L8]({SEGMENT}#L8))\n" in render(rules)


def test_more_than_three_tests_are_counted() -> None:
    tests = tuple(f"test_a.py::test_{n}" for n in range(5))
    rule = Rule("m.py", "X", "number", "x", 1, tests)
    assert row(rule).endswith("| test_a.py::test_0, test_a.py::test_1, test_a.py::test_2 (+2) |")


@pytest.mark.parametrize(
    ("value", "kind"),
    [
        ('re.compile(r"\\d+")', "pattern"),
        ('r"(?:X{0,3})"', "pattern"),
        ('"|".join(MONTHS)', "pattern"),
        ('_KINDS.replace("|", " ")', "words"),
        ('"document"', "words"),
        ("-1", "number"),
        ("(0.5, 2)", "number"),
        ('("caps", "line")', "words"),
    ],
)
def test_kind_of_a_value(value: str, kind: str) -> None:
    assert kind_of(ast.parse(value, mode="eval").body) == kind


def test_main_writes_rules_md_and_prints_counts(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--root", str(root)]) == 0
    written = (root / "RULES.md").read_text(encoding="utf-8")
    assert written.startswith("# Rules\n")
    assert written == render(EXPECTED)
    assert "| all | 5 | 1 | 2 |" in capsys.readouterr().out
