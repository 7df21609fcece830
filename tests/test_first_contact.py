"""eval/first_contact.py's scoring on a tiny manifest built in tmp_path: split, dates against
the header's date (null not scored), names after normalise_name, missing and unlisted files,
and the CLI's outputs. No dependency on /work/collected."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from minutesqa.config import Settings
from minutesqa.split_report import measure_file

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
      - {name: 2020-03-03.txt, date: 2020-03-03, body: Alpha Parish Council}
      - {name: 2020-04-07.txt, date: 2020-04-08, body: The Alpha Parish Council}
      - {name: notes/undated.txt, date: null, body: [Alpha PC, Alpha Parish Council]}
      - {name: 2020-05-05.txt, date: 2020-05-05}
  - slug: beta
    body: Beta Water Board
    files:
      - {name: 2021-06-01.txt, date: 2021-06-01, body: Beta Water Board}
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
    assert "| **all 2 bodies** | | | | 4 | 2 | 1 | 25% | 1/3 | 2/4 |" in table
    data = json.loads((out / "first_contact.json").read_text())
    assert data["totals"]["files"] == 4
    assert data["bodies"][0]["source"] == "someone/site @ abc123, minutes/"
    assert (out / "first_contact.md").read_text().startswith("# First contact")


def test_names_as_indexed_take_the_folders_name(fc: ModuleType, tmp_path: Path) -> None:
    # ingest names a meeting whose text names no body by its folder's other meetings
    # (segment.settle_bodies); the report scores that name beside the file's own
    root = tmp_path / "c"
    (root / "gamma").mkdir(parents=True)
    (root / "gamma" / "2020-01-07.txt").write_text(
        SPLITS.format(body="Gamma Town Council", day="7 January 2020")
    )
    (root / "gamma" / "2020-02-04.txt").write_text(
        SPLITS.replace("of the meeting of {body} ", "of the meeting ").format(day="4 February 2020")
    )
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
    assert [(f.committee, f.indexed) for f in gamma.files] == [
        ("Gamma Town Council", "Gamma Town Council"),
        ("Unknown committee", "Gamma Town Council"),
    ]
    assert (gamma.bodies_right, gamma.indexed_right) == (1, 2)
