"""Split-share report: for each corpus (or each body's sub-folder of one), how many files
segmentation splits into agenda items, beside the figures measured before (a committed
baseline). Reading and segmentation only: no embedding, no index.

    python -m minutesqa.reports.split_report --out eval/out ROOT [NAME=ROOT ...]

A root whose immediate sub-folders hold files directly (../shared/corpora/layouts: one folder
per body) gives one group per sub-folder; any other root (../shared/corpora/limerick, dated
folders several levels deep; a flat folder) is one group, named after the folder or NAME.

Per group: files read, files split into at least 3 agenda items (an item is real when its
number is not `segment.WHOLE_DOCUMENT`; an unnumbered heading is an item), that share, files
with at least 1 item, files with a meeting date, distinct committee names, and the files
that could not be read (counted as not split, each with its reason). The table goes to
stdout and OUT/splits.md, everything to OUT/splits.json."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from minutesqa.config import Settings
from minutesqa.errors import ConfigError, InputError
from minutesqa.ingest import discover
from minutesqa.parse import SUPPORTED, read_document
from minutesqa.segment import WHOLE_DOCUMENT, segment

MIN_ITEMS = 3  # a file counts as split when segmentation finds at least this many items
BASELINE = Path(__file__).resolve().parents[2] / "eval" / "split_baseline.json"


@dataclass(frozen=True)
class FileResult:
    path: str
    items: int = 0  # real agenda items (number != WHOLE_DOCUMENT)
    date: str | None = None  # ISO, where segmentation found the meeting's date
    committee: str | None = None
    error: str | None = None  # why the file could not be read or segmented


@dataclass(frozen=True)
class Previous:
    """A group's figures before: `split` of `files` had at least `min_items` items."""

    files: int
    split: int
    min_items: int = MIN_ITEMS

    @property
    def share(self) -> float | None:
        return self.split / self.files if self.files else None


@dataclass
class Group:
    name: str
    root: str
    results: list[FileResult] = field(default_factory=list)
    unsupported: int = 0  # files of other types, not read
    previous: Previous | None = None

    @property
    def files(self) -> int:
        return len(self.results)

    def split_at(self, min_items: int) -> int:
        return sum(1 for r in self.results if r.error is None and r.items >= min_items)

    @property
    def split(self) -> int:
        return self.split_at(MIN_ITEMS)

    @property
    def share(self) -> float | None:
        return self.split / self.files if self.files else None

    @property
    def dated(self) -> int:
        return sum(1 for r in self.results if r.error is None and r.date)

    @property
    def committees(self) -> list[str]:
        return sorted({r.committee for r in self.results if r.error is None and r.committee})

    @property
    def failures(self) -> list[FileResult]:
        return [r for r in self.results if r.error is not None]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "root": self.root,
            "files": self.files,
            "split": self.split,
            "share": None if self.share is None else round(self.share, 4),
            "split_1": self.split_at(1),
            "dated": self.dated,
            "committees": len(self.committees),
            "committee_names": self.committees,
            "unsupported": self.unsupported,
            "failed": [{"path": r.path, "reason": r.error} for r in self.failures],
            "previous": None if self.previous is None else asdict(self.previous),
            "per_file": [asdict(r) for r in self.results],
        }


# --- measuring ------------------------------------------------------------------------------


def measure_file(path: Path, settings: Settings) -> FileResult:
    """Read and segment one file; a failure is a result with its one-line reason."""
    try:
        doc = read_document(
            path,
            max_bytes=int(settings.max_file_mb * 1024**2),
            timeout_s=settings.parse_timeout_s,
        )
        meeting = segment(doc)
    except InputError as exc:
        return FileResult(str(path), error=str(exc))
    except Exception as exc:  # a segmentation bug must not stop the report: it is a finding
        return FileResult(str(path), error=f"{type(exc).__name__}: {exc}")
    items = sum(1 for item in meeting.items if item.number != WHOLE_DOCUMENT)
    day = getattr(meeting, "date", None)
    return FileResult(
        str(path),
        items=items,
        date=day.isoformat() if isinstance(day, dt.date) else None,
        committee=meeting.committee or None,
    )


@dataclass
class Found:
    """One group's files before measuring."""

    name: str
    root: str
    files: list[Path] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)
    unsupported: int = 0


def group_files(root: Path, name: str | None = None) -> list[Found]:
    """The root's groups and their files.

    One group per immediate sub-folder when any of them holds files directly (files
    directly in the root then form a group of the root's own name); else the root is one
    group. Files are found as ingest finds them (recursively; README/SOURCE and hidden files
    left out); refused files (symlinks out of the folder) count as unreadable."""
    files, refused, _ = discover(root)
    base = root.resolve()
    label = name or base.name
    supported = [p for p in files if p.suffix.lower() in SUPPORTED]
    per_folder = any(len(p.relative_to(base).parts) == 2 for p in supported)
    groups: dict[str, Found] = {}

    def group(path: Path) -> Found:
        parts = path.relative_to(base).parts
        if per_folder and len(parts) > 1:
            key, where = parts[0], base / parts[0]
        else:
            key, where = label, base
        return groups.setdefault(key, Found(key, str(where)))

    for path in files:
        if path.suffix.lower() in SUPPORTED:
            group(path).files.append(path)
        else:
            group(path).unsupported += 1
    for path, why in refused:
        group(path).refused.append((path, why))
    return [groups[k] for k in sorted(groups)]


def measure(found: Found, settings: Settings) -> Group:
    results = [measure_file(path, settings) for path in sorted(found.files)]
    results += [FileResult(str(path), error=why) for path, why in found.refused]
    return Group(found.name, found.root, results, found.unsupported)


def load_baseline(path: Path | None) -> dict[str, Previous]:
    """{group: Previous} from the committed baseline; empty where there is none."""
    if path is None or not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return {
            name: Previous(int(v["files"]), int(v["split"]), int(v.get("min_items", MIN_ITEMS)))
            for name, v in data["groups"].items()
        }
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a split baseline ({exc})") from None


def report(
    roots: Sequence[tuple[str | None, Path]],
    settings: Settings,
    baseline: dict[str, Previous] | None = None,
) -> list[Group]:
    """Every group of every root, measured, with its previous figures where known."""
    out: list[Group] = []
    for name, root in roots:
        for found in group_files(root, name):
            group = measure(found, settings)
            group.previous = (baseline or {}).get(group.name)
            out.append(group)
    return out


# --- output -------------------------------------------------------------------------------


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.1f}%"


def _previous_cell(previous: Previous | None) -> str:
    if previous is None:
        return "-"
    n = previous.min_items
    how = "" if n == MIN_ITEMS else f", measured as ≥{n} item{'' if n == 1 else 's'}"
    return f"{previous.split}/{previous.files} ({_pct(previous.share)}{how})"


def format_markdown(groups: Sequence[Group]) -> str:
    head = [
        "group",
        "files",
        f"split (≥{MIN_ITEMS} items)",
        "share",
        "≥1 item",
        "previous",
        "with a date",
        "committees",
        "unreadable",
    ]
    rows = [
        [
            g.name,
            str(g.files),
            str(g.split),
            _pct(g.share),
            str(g.split_at(1)),
            _previous_cell(g.previous),
            str(g.dated),
            str(len(g.committees)),
            str(len(g.failures)),
        ]
        for g in groups
    ]
    lines = [
        "# Split share",
        "",
        f"Files segmentation splits into at least {MIN_ITEMS} agenda items, by group; "
        "*previous* is the committed baseline (before the segmentation rework).",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join("---" if i == 0 else "---:" for i in range(len(head))) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    failed = [(g.name, r) for g in groups for r in g.failures]
    if failed:
        lines += ["", "## Files that could not be read (counted as not split)", ""]
        lines += [f"- {name}: {r.path}: {r.error}" for name, r in failed]
    return "\n".join(lines) + "\n"


def write(groups: Sequence[Group], out: Path, baseline: Path | None) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    md, js = out / "splits.md", out / "splits.json"
    md.write_text(format_markdown(groups), encoding="utf-8")
    payload = {
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "min_items": MIN_ITEMS,
        "baseline": None if baseline is None else str(baseline),
        "groups": [g.to_dict() for g in groups],
    }
    js.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return md, js


def parse_root(text: str) -> tuple[str | None, Path]:
    """'ROOT' or 'NAME=ROOT'."""
    name, sep, path = text.partition("=")
    if sep and name and "/" not in name:
        return name, Path(path)
    return None, Path(text)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m minutesqa.reports.split_report",
        description="Share of files segmentation splits into agenda items, per corpus group.",
    )
    parser.add_argument("roots", nargs="+", metavar="[NAME=]ROOT", help="corpus folders")
    parser.add_argument("--out", type=Path, required=True, help="folder for splits.md/.json")
    parser.add_argument(
        "--baseline", type=Path, default=BASELINE, help=f"previous figures (default {BASELINE})"
    )
    args = parser.parse_args(argv)
    try:
        settings = Settings.load()
        baseline = load_baseline(args.baseline)
        groups = report([parse_root(r) for r in args.roots], settings, baseline)
    except (InputError, ConfigError) as exc:
        print(f"split_report: {exc}", file=sys.stderr)
        return 2
    md, js = write(groups, args.out, args.baseline)
    print(format_markdown(groups), end="")
    print(f"\nWritten: {md}, {js}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
