"""eval/first_contact.py's scoring on a tiny manifest built in tmp_path: split, dates against
the header's date (null not scored), names after normalise_name, missing and unlisted files,
gold item recall (numbers normalised, titles, one found item per gold item), and the
CLI's outputs. No dependency on /work/collected."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from minutesqa.config import Settings
from minutesqa.reports.split_report import measure_file

SCRIPT = Path(__file__).resolve().parents[1] / "eval" / "first_contact.py"

SPLITS = """Minutes of the meeting of {body} held on {day}

1. Apologies
Apologies were received from Councillor Ryan.

2. Minutes of the previous meeting
The minutes of the meeting held on 4 February 2020 were agreed as a correct record.

3. Road safety
The council agreed to write to the roads office about the school crossing.
"""
WHOLE = """Minutes of the meeting of {body} held on {day}

The members talked about the summer fete at some length and agreed to meet again.
"""

MANIFEST = """bodies:
  - slug: alpha
    body: Alpha Parish Council
    country: UK
    kind: parish council
    formats: [txt]
    source: {repo: someone/site, commit: abc123, path: minutes/}
    layout: numbered items
    files:
      - name: 2020-03-03.txt
        date: 2020-03-03
        body: Alpha Parish Council
        items:
          - ["01", "Apologies for absence"]
          - ["", "Minutes of the previous meeting"]
          - ["4", "Road safety"]
          - ["5", "Any other business"]
      - name: 2020-04-07.txt
        date: 2020-04-08
        body: The Alpha Parish Council
        items: [["", "The summer fete"]]
      - {name: notes/undated.txt, date: null, body: [Alpha PC, Alpha Parish Council]}
      - {name: 2020-05-05.txt, date: 2020-05-05}
  - slug: beta
    body: Beta Water Board
    files:
      - {name: 2021-06-01.txt, date: 2021-06-01, body: Beta Water Board, items: [[1, Apologies]]}
"""


@pytest.fixture(scope="module")
def fc() -> ModuleType:
    spec = importlib.util.spec_from_file_location("first_contact", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["first_contact"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def _collection(root: Path) -> Path:
    (root / "alpha" / "notes").mkdir(parents=True)
    (root / "beta").mkdir()
    alpha = "Alpha Parish Council"
    (root / "alpha" / "2020-03-03.txt").write_text(SPLITS.format(body=alpha, day="3 March 2020"))
    # the header says 7 April; the gold says 8 April: a wrong date by the manifest's gold
    (root / "alpha" / "2020-04-07.txt").write_text(WHOLE.format(body=alpha, day="7 April 2020"))
    (root / "alpha" / "notes" / "undated.txt").write_text(
        SPLITS.format(body="Alpha Parish Council", day="the first Tuesday of June 2020")
        .replace("4 February 2020", "the last meeting")
        .replace("June 2020", "June")
    )
    (root / "alpha" / "extra.txt").write_text(WHOLE.format(body=alpha, day="2 June 2020"))
    (root / "alpha" / "SOURCE.txt").write_text("Repository: someone/site\n")
    (root / "beta" / "2021-06-01.txt").write_text("")  # unreadable: empty
    manifest = root / "manifest.yaml"
    manifest.write_text(MANIFEST)
    return manifest


def test_scores_split_dates_and_names(fc: ModuleType, tmp_path: Path) -> None:
    manifest = _collection(tmp_path / "c")
    settings = Settings.load()
    reports = fc.run(
        fc.load_manifest(manifest), tmp_path / "c", lambda p: measure_file(p, settings)
    )
    alpha, beta = reports
    got = [(f.name, f.items, f.split, f.date, f.date_right, f.body_right) for f in alpha.files]
    assert got == [
        ("2020-03-03.txt", 3, True, "2020-03-03", True, True),
        ("2020-04-07.txt", 0, False, "2020-04-07", False, True),  # 'The' does not count
        ("notes/undated.txt", 0, False, None, None, False),  # no date: refused, not scored
    ]
    assert alpha.files[2].error is not None and not alpha.files[2].read
    assert alpha.missing == ["2020-05-05.txt"]
    assert alpha.unlisted == ["extra.txt"]  # SOURCE.txt is provenance, not minutes
    assert (alpha.read, alpha.split, alpha.dates_right, alpha.dates_scored) == (2, 1, 1, 2)
    assert (alpha.bodies_right, alpha.bodies_scored) == (2, 3)
    assert [(f.read, f.split, f.date_right, f.body_right) for f in beta.files] == [
        (False, False, False, False)
    ]
    assert fc.totals(reports) == {
        "read": 2,
        "split": 1,
        "dates_right": 1,
        "dates_scored": 3,
        "bodies_right": 2,
        "bodies_scored": 4,
        "indexed_right": 2,  # no `settle`: the names found
        "files": 4,
        "bodies": 2,
        "bodies_half_split": 0,
    }


def test_item_recall_per_file_body_and_total(fc: ModuleType, tmp_path: Path) -> None:
    manifest = _collection(tmp_path / "c")
    settings = Settings.load()
    reports = fc.run(
        fc.load_manifest(manifest),
        tmp_path / "c",
        lambda p: measure_file(p, settings),
        None,
        lambda p: fc.segmented_items(p, settings),
    )
    alpha, beta = reports
    got = [(f.name, f.gold_items, f.items_matched, f.recall, f.unmatched) for f in alpha.files]
    assert got == [
        # '01' = '1' by number; 'Minutes of the previous meeting' by title (no number printed);
        # 'Road safety' by title where the numbers differ (found 3); no item 5 found
        ("2020-03-03.txt", 4, 3, 0.75, ("5 Any other business",)),
        ("2020-04-07.txt", 1, 0, 0.0, ("The summer fete",)),  # read whole: no item found
        ("notes/undated.txt", 0, 0, None, ()),  # no gold items: not scored
    ]
    assert alpha.recall == 0.375
    assert [(f.recall, f.unmatched) for f in beta.files] == [(0.0, ("1 Apologies",))]  # unread
    assert fc.recall_total(reports) == (3, 0.25)
    assert alpha.to_dict()["recall"] == 0.375 and alpha.to_dict()["recall_files"] == 2


def test_recall_not_scored_without_found_items(fc: ModuleType, tmp_path: Path) -> None:
    manifest = _collection(tmp_path / "c")
    settings = Settings.load()
    alpha, beta = fc.run(
        fc.load_manifest(manifest), tmp_path / "c", lambda p: measure_file(p, settings)
    )
    assert [f.recall for f in alpha.files] == [None, None, None]
    assert alpha.recall is None
    assert [f.recall for f in beta.files] == [0.0]  # the file could not be read


def test_normalise_number(fc: ModuleType) -> None:
    assert fc.normalise_number("18.03.05") == "18.3.5"
    assert fc.normalise_number("01/1920") == "1/1920"
    assert fc.normalise_number("LW 48/2122") == "lw 48/2122"
    assert fc.normalise_number("4)") == "4"
    assert fc.normalise_number("7.") == "7"
    assert fc.normalise_number("#001-01-15") == "1-01-15"
    assert fc.normalise_number("16/07/26 /5") == "16/7/26/5"
    assert fc.normalise_number("1.0") == "1.0"
    assert fc.numbers_match("2415.", "2415")
    assert not fc.numbers_match("", "")  # no number printed: never a match by number


def test_titles_match(fc: ModuleType) -> None:
    assert fc.titles_match("MATTERS ARISING:", "Matters Arising")
    assert fc.titles_match("Planning &  Licensing", "planning and licensing")
    # one holds the other word for word, the shorter with at least three words
    assert fc.titles_match(
        "TO CONFIRM THE MINUTES OF THE LAST MEETING", "Minutes of the last meeting"
    )
    assert not fc.titles_match("Planning", "Planning Applications")  # one word
    assert not fc.titles_match("Road safety", "Road safety scheme")  # two words
    assert not fc.titles_match("the minutes of", "minutes of the last meeting")  # not words
    assert not fc.titles_match("", "Apologies")


def test_match_items_one_found_item_per_gold_item(fc: ModuleType) -> None:
    # one found 'Apologies' matches one gold item only, the first by number and title
    assert fc.match_items([("1", "Apologies")], [("", "Apologies"), ("1", "Apologies")]) == [
        None,
        0,
    ]
    # numbers restarting per section (a voting agenda): number and title together first
    found = [("1", "Fair Nutrition"), ("2", "Fire & Ice"), ("1", "OLKA Corporation")]
    gold = [("1", "OLKA Corporation"), ("1", "Fair Nutrition"), ("2", "Fire and Ice")]
    assert fc.match_items(found, gold) == [2, 0, 1]
    # the number, where the titles differ; the title, where the numbers do
    assert fc.match_items(
        [("3", "Roads"), ("9", "Finance")], [("3.", "Highways"), ("4", "Finance")]
    ) == [0, 1]
    # a title is taken before a bare number: '1.' printed for items 1, 2 and 3 (West Dereham)
    found = [("1", "Minutes of the Parish Council Meeting held 6 March 2014")]
    gold = [("1", "Apologies for Absence"), ("3", "Minutes of the Parish Council Meeting")]
    assert fc.match_items(found, gold) == [None, 0]
    assert fc.item_recall([("", "Reports")], [("", "Correspondence"), ("", "Reports")]) == 0.5


def test_normalise_name(fc: ModuleType) -> None:
    assert fc.normalise_name("The Learning & Wellbeing Committee") == (
        "learning and wellbeing committee"
    )
    assert fc.normalise_name("Town of North Star.") == "town of north star"
    assert fc.normalise_name("Theatre Board") == "theatre board"


def test_bad_manifest_is_one_line(fc: ModuleType, tmp_path: Path) -> None:
    bad = tmp_path / "m.yaml"
    bad.write_text("bodies:\n  - slug: a\n    body: A\n    files:\n      - {name: x, date: 3/3}\n")
    with pytest.raises(fc.InputError, match=r"body 1 \(a\), file 1: date '3/3' is not"):
        fc.load_manifest(bad)
    assert fc.main(["--manifest", str(bad), "--out", str(tmp_path / "o")]) == 2


def test_cli_writes_table_and_json(
    fc: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = _collection(tmp_path / "c")
    out = tmp_path / "out"
    args = ["--manifest", str(manifest), "--root", str(tmp_path / "c"), "--out", str(out)]
    assert fc.main(args) == 0
    table = capsys.readouterr().out
    assert "| alpha | UK | parish council | txt | 3 | 2 | 1 | 33% | 1/2 | 2/3 |" in table
    assert "| **all 2 bodies** | | | | 4 | 2 | 1 | 25% | 1/3 | 2/4 | 2/4 | 0.25 (3) |" in table
    assert (
        "| alpha | UK | parish council | txt | 3 | 2 | 1 | 33% | 1/2 | 2/3 | 2/3 | 0.38 (2) |"
        in (table)
    )
    assert "| 2020-03-03.txt | 3 | 2020-03-03 ✓ | 2020-03-03 | Alpha Parish Council ✓ | " in table
    assert "| Alpha Parish Council | 3/4 |" in table
    data = json.loads((out / "first_contact.json").read_text())
    assert data["totals"]["files"] == 4
    assert data["recall"] == {"files": 3, "mean": 0.25}
    assert data["bodies"][0]["per_file"][0]["recall"] == 0.75
    assert data["bodies"][0]["source"] == "someone/site @ abc123, minutes/"
    assert (out / "first_contact.md").read_text().startswith("# First contact")


def _gamma(fc: ModuleType, tmp_path: Path, second: str) -> Any:
    """Two meetings of Gamma Town Council in one folder, the second's text `second`, run
    through the report with names indexed as ingest stores them (first_contact.settled_name)."""
    root = tmp_path / "c"
    (root / "gamma").mkdir(parents=True)
    (root / "gamma" / "2020-01-07.txt").write_text(
        SPLITS.format(body="Gamma Town Council", day="7 January 2020")
    )
    (root / "gamma" / "2020-02-04.txt").write_text(second)
    manifest = tmp_path / "m.yaml"
    manifest.write_text(
        "bodies:\n  - slug: gamma\n    body: Gamma Town Council\n    files:\n"
        "      - {name: 2020-01-07.txt, date: 2020-01-07, body: Gamma Town Council}\n"
        "      - {name: 2020-02-04.txt, date: 2020-02-04, body: Gamma Town Council}\n"
    )
    settings = Settings.load()
    (gamma,) = fc.run(
        fc.load_manifest(manifest),
        root,
        lambda p: measure_file(p, settings),
        lambda p, names: fc.settled_name(p, names, settings),
    )
    return gamma


def test_names_as_indexed_take_the_folders_name(fc: ModuleType, tmp_path: Path) -> None:
    # ingest names a meeting whose text names no body by its folder's other meetings
    # (bodies.settle_bodies); the report scores that name beside the file's own
    unnamed = SPLITS.replace("of the meeting of {body} ", "of the meeting ")
    gamma = _gamma(fc, tmp_path, unnamed.format(day="4 February 2020"))
    assert [(f.committee, f.indexed) for f in gamma.files] == [
        ("Gamma Town Council", "Gamma Town Council"),
        ("Unknown committee", "Gamma Town Council"),
    ]
    assert (gamma.bodies_right, gamma.indexed_right) == (1, 2)


def test_names_as_indexed_take_a_folders_fuller_spelling(fc: ModuleType, tmp_path: Path) -> None:
    # a meeting that names its body by kind only ("Town Council") is indexed under the
    # folder's fuller name of it (bodies.settle_bodies' aliases), not only a nameless one
    second = SPLITS.format(body="the Town Council", day="4 February 2020")
    gamma = _gamma(fc, tmp_path, second)
    assert [(f.committee, f.indexed) for f in gamma.files] == [
        ("Gamma Town Council", "Gamma Town Council"),
        ("Town Council", "Gamma Town Council"),
    ]


def test_a_nameless_meeting_takes_the_kind_its_folder_gives(fc: ModuleType, tmp_path: Path) -> None:
    # ingest holds back every meeting naming no body or only its kind and settles them
    # together (Ingestor.settle): the nameless one is named from the kind its folder-mate
    # gives, never from a body its own text happens to mention ("the Roads Office")
    root = tmp_path / "c"
    (root / "delta").mkdir(parents=True)
    (root / "delta" / "2020-01-07.txt").write_text(
        SPLITS.format(body="the Town Council", day="7 January 2020")
    )
    unnamed = SPLITS.replace("of the meeting of {body} ", "of the meeting ").replace(
        "the roads office", "the Roads Office of Kerry County Council"
    )
    (root / "delta" / "2020-02-04.txt").write_text(unnamed.format(day="4 February 2020"))
    manifest = tmp_path / "m.yaml"
    manifest.write_text(
        "bodies:\n  - slug: delta\n    body: Town Council\n    files:\n"
        "      - {name: 2020-01-07.txt, date: 2020-01-07, body: Town Council}\n"
        "      - {name: 2020-02-04.txt, date: 2020-02-04, body: Town Council}\n"
    )
    settings = Settings.load()
    (delta,) = fc.run(
        fc.load_manifest(manifest),
        root,
        lambda p: measure_file(p, settings),
        lambda p, names: fc.settled_name(p, names, settings),
    )
    assert [(f.committee, f.indexed) for f in delta.files] == [
        ("Town Council", "Town Council"),
        ("Unknown committee", "Town Council"),
    ]
