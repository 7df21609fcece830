"""The split-share report on a tiny generated corpus: grouping, exact counts, the baseline
beside them, unreadable files, and the CLI's outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from minutesqa.config import Settings
from minutesqa.reports.split_report import (
    FileResult,
    Previous,
    format_markdown,
    group_files,
    load_baseline,
    main,
    measure_file,
    parse_root,
    report,
)

SPLITS = """Minutes of the {body} meeting held on {day}

1. Apologies
Apologies were received from Councillor Ryan.

2. Minutes of the previous meeting
The minutes were agreed as a correct record.

3. Road safety
The council discussed road safety near the school and agreed to write to the roads office.
"""
WHOLE = """Minutes of the {body} meeting held on {day}

The members talked about the weather and the summer fete at some length, and agreed to
talk about it again when they next meet.
"""


def _corpus(root: Path) -> None:
    (root / "alpha").mkdir(parents=True)
    (root / "beta").mkdir()
    (root / "SOURCE.md").write_text("# About these folders\n\n1. One\n2. Two\n3. Three\n")
    (root / "alpha" / "2020-03-03.txt").write_text(
        SPLITS.format(body="Alpha Community Council", day="3 March 2020")
    )
    (root / "alpha" / "2020-04-07.txt").write_text(
        WHOLE.format(body="Alpha Community Council", day="7 April 2020")
    )
    (root / "beta" / "2021-05-04.md").write_text(
        SPLITS.format(body="Beta Water Board", day="4 May 2021")
    )
    (root / "beta" / "2021-06-01.txt").write_text("")  # unreadable: empty
    (root / "beta" / "notes.csv").write_text("a,b\n")  # not a supported type


@pytest.fixture
def settings() -> Settings:
    return Settings.load(env={})


def test_one_group_per_sub_folder(tmp_path: Path, settings: Settings) -> None:
    root = tmp_path / "layouts"
    _corpus(root)
    found = group_files(root)
    assert [(f.name, len(f.files), f.unsupported) for f in found] == [
        ("alpha", 2, 0),
        ("beta", 2, 1),
    ]
    assert found[0].root == str(root.resolve() / "alpha")
    baseline = {"alpha": Previous(2, 0), "gamma": Previous(9, 9)}
    alpha, beta = report([(None, root)], settings, baseline)
    assert (alpha.files, alpha.split, alpha.split_at(1), alpha.dated) == (2, 1, 1, 2)
    assert alpha.share == 0.5
    assert alpha.committees == ["Alpha Community Council"]
    assert alpha.failures == []
    assert alpha.previous == Previous(2, 0)
    assert (beta.files, beta.split, beta.dated, beta.unsupported) == (2, 1, 1, 1)
    assert beta.committees == ["Beta Water Board"]
    assert [(Path(r.path).name, r.error) for r in beta.failures] == [("2021-06-01.txt", "is empty")]
    assert beta.previous is None
    table = format_markdown([alpha, beta])
    assert "| alpha | 2 | 1 | 50.0% | 1 | 0/2 (0.0%) | 2 | 1 | 0 |" in table
    assert "| beta | 2 | 1 | 50.0% | 1 | - | 1 | 1 | 1 |" in table
    assert "- beta: " in table and "2021-06-01.txt: is empty" in table


def test_nested_dated_folders_are_one_group(tmp_path: Path, settings: Settings) -> None:
    root = tmp_path / "archive"
    for n, (month, day) in enumerate([("03", "3 March 2020"), ("04", "7 April 2020")]):
        folder = root / "2020" / month / f"0{n + 1}-Monthly Meeting"
        folder.mkdir(parents=True)
        text = (SPLITS if n == 0 else WHOLE).format(body="Alpha Community Council", day=day)
        (folder / "minutes.md").write_text(text)
    (group,) = report([parse_root(f"limerick={root}")], settings, {"limerick": Previous(2, 2, 1)})
    assert (group.name, group.root, group.files, group.split, group.split_at(1)) == (
        "limerick",
        str(root.resolve()),
        2,
        1,
        1,
    )
    assert "| limerick | 2 | 1 | 50.0% | 1 | 2/2 (100.0%, measured as ≥1 item) |" in (
        format_markdown([group])
    )
    # a flat folder is one group too, named after itself
    flat = tmp_path / "minutes"
    flat.mkdir()
    (flat / "a.txt").write_text(SPLITS.format(body="Beta Water Board", day="4 May 2021"))
    assert [(f.name, len(f.files)) for f in group_files(flat)] == [("minutes", 1)]


def test_a_file_that_fails_is_not_split(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "x.txt"
    path.write_text("")
    assert measure_file(path, settings) == FileResult(str(path), error="is empty")


def test_parse_root() -> None:
    assert parse_root("samples=../shared/minutes") == ("samples", Path("../shared/minutes"))
    assert parse_root("../shared/minutes") == (None, Path("../shared/minutes"))
    assert parse_root("/a/b=c") == (None, Path("/a/b=c"))


def test_cli_writes_markdown_and_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "layouts"
    _corpus(root)
    baseline = tmp_path / "baseline.json"
    baseline.write_text(json.dumps({"groups": {"beta": {"files": 2, "split": 2}}}))
    out = tmp_path / "out"
    assert main(["--out", str(out), "--baseline", str(baseline), str(root)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# Split share")
    assert (out / "splits.md").read_text() in printed
    data = json.loads((out / "splits.json").read_text())
    assert data["min_items"] == 3
    summary = [
        (g["name"], g["files"], g["split"], g["share"], g["dated"], g["committees"])
        for g in data["groups"]
    ]
    assert summary == [("alpha", 2, 1, 0.5, 2, 1), ("beta", 2, 1, 0.5, 1, 1)]
    beta = data["groups"][1]
    assert beta["previous"] == {"files": 2, "split": 2, "min_items": 3}
    assert [Path(f["path"]).name for f in beta["failed"]] == ["2021-06-01.txt"]
    assert main(["--out", str(out), str(tmp_path / "nowhere")]) == 2


def test_committed_baseline_reads() -> None:
    # the baseline the split report compares with: it loads, and each group's counts are
    # counts (an edit that breaks it fails here; its figures are the report's to compare)
    previous = load_baseline(Path(__file__).resolve().parents[1] / "eval/split_baseline.json")
    assert previous and all(0 <= p.split <= p.files and p.min_items >= 1 for p in previous.values())
