"""First contact: how the current code reads the minutes of bodies it was not built on.

    python eval/first_contact.py [--manifest eval/bodies_manifest.yaml] [--root /work/collected]
                                 --out OUT

The manifest names each body (slug = its folder under ROOT) and, per file, the date the
meeting was held and the body's name as read from the file's own header. Each file is read
and segmented as `minutesqa.reports.split_report.measure_file` does (the same reader, segmenter
and item count); per body the report gives: files, files read, files split into at least
`split_report.MIN_ITEMS` items, the share split, meeting dates right against the gold date
(files whose gold date is null are not scored), and committee names right against the gold
name (compared after `normalise_name`), and, for the files the manifest gives gold agenda
items (`items: [[number, title], ...]`, read from the file by a person), item recall: the
share of the gold items a found item matches (`match_items`: by number after
`normalise_number`, else by title after `normalise_name`, each found item matching at most
one gold item), per file and as the mean over a body's gold files and over all of them.
Only the files the manifest lists are measured;
files of the folder it does not list (other than the collection's SOURCE notes) and listed
files that are missing are named in the report.

The table goes to stdout and OUT/first_contact.md, everything to OUT/first_contact.json.
Exit 0 unless the manifest cannot be read (2)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from minutesqa.config import Settings  # noqa: E402
from minutesqa.errors import ConfigError, InputError  # noqa: E402
from minutesqa.ingest import discover  # noqa: E402
from minutesqa.parse import read_document  # noqa: E402
from minutesqa.reports.split_report import MIN_ITEMS, FileResult, measure_file  # noqa: E402
from minutesqa.segment import WHOLE_DOCUMENT, segment  # noqa: E402
from minutesqa.segment.bodies import UNKNOWN_BODY, settle_bodies, unsettled  # noqa: E402

MANIFEST = ROOT / "eval" / "bodies_manifest.yaml"
COLLECTED = Path("/work/collected")

Measure = Callable[[Path], FileResult]
# the agenda items segmentation finds in a file, (number as found, title), for item recall
FindItems = Callable[[Path], "list[tuple[str, str]]"]
# the name a file's meeting is indexed under once its folder is read (bodies.settle_bodies:
# a meeting whose text names no body takes its folder's), given the folder's names
Settle = Callable[[Path, "dict[str, Counter[str]]"], str]

# Provenance notes the collection keeps beside the minutes (SOURCE.txt); ingest skips
# them (ingest.is_doc_file); kept here by name for the folder listing check.
PROVENANCE = ("source.",)


# --- the manifest -------------------------------------------------------------------------


@dataclass(frozen=True)
class GoldFile:
    name: str  # path inside the body's folder
    date: dt.date | None  # the day the meeting was held; None: the text prints none
    bodies: tuple[str, ...]  # accepted names of the body (the first is the usual one)
    items: tuple[tuple[str, str], ...] | None = None  # gold (number, title); None: not given


@dataclass(frozen=True)
class Body:
    slug: str
    name: str
    country: str = ""
    kind: str = ""
    formats: tuple[str, ...] = ()
    source: str = ""
    licence: str = ""
    layout: str = ""
    files: tuple[GoldFile, ...] = ()


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise InputError(f"{where}: date {value!r} is not YYYY-MM-DD") from None


def _names(value: Any, where: str) -> tuple[str, ...]:
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
        raise InputError(f"{where}: body must be a name or a list of names")
    return tuple(names)


def _items(value: Any, where: str) -> tuple[tuple[str, str], ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(p, list) and len(p) == 2 for p in value):
        raise InputError(f"{where}: items must be a list of [number, title] pairs")
    return tuple(("" if n is None else str(n), str(title)) for n, title in value)


def _source(value: Any) -> str:
    if isinstance(value, dict):
        return " @ ".join(str(value[k]) for k in ("repo", "commit") if value.get(k)) + (
            f", {value['path']}" if value.get("path") else ""
        )
    return "" if value is None else str(value)


def load_manifest(path: Path) -> list[Body]:
    """The manifest's bodies; a malformed manifest is one InputError naming the place."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read the manifest ({exc})") from None
    if not isinstance(data, dict) or not isinstance(data.get("bodies"), list):
        raise InputError(f"{path}: no 'bodies' list")
    bodies: list[Body] = []
    for i, raw in enumerate(data["bodies"]):
        where = f"{path}: body {i + 1}"
        if not isinstance(raw, dict) or not raw.get("slug") or not raw.get("body"):
            raise InputError(f"{where}: needs slug and body")
        files: list[GoldFile] = []
        for j, f in enumerate(raw.get("files") or []):
            fw = f"{where} ({raw['slug']}), file {j + 1}"
            if not isinstance(f, dict) or not f.get("name"):
                raise InputError(f"{fw}: needs a name")
            files.append(
                GoldFile(
                    str(f["name"]),
                    _date(f.get("date"), fw),
                    _names(f.get("body", raw["body"]), fw),
                    _items(f.get("items"), fw),
                )
            )
        bodies.append(
            Body(
                slug=str(raw["slug"]),
                name=str(raw["body"]),
                country=str(raw.get("country") or ""),
                kind=str(raw.get("kind") or ""),
                formats=tuple(str(x) for x in raw.get("formats") or ()),
                source=_source(raw.get("source")),
                licence=str(raw.get("licence") or ""),
                layout=" ".join(str(raw.get("layout") or "").split()),
                files=tuple(files),
            )
        )
    return bodies


# --- scoring ------------------------------------------------------------------------------


def normalise_name(name: str) -> str:
    """A body's name for comparison: case, '&' for 'and', punctuation, spacing and a
    leading 'the' do not count ('The Learning & Wellbeing Committee' = 'learning and
    wellbeing committee')."""
    text = name.casefold().replace("&", " and ")
    text = re.sub(r"[^\w\s]", " ", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"^the ", "", text)


def normalise_number(number: str) -> str:
    """An item number for comparison: spacing, case, a leading '#' (a number sign), a
    trailing '.' or ')' and the leading zeros of each dotted or slashed part do not count
    ('18.03.05' = '18.3.5', '01/1920' = '1/1920', '#001-01-15' = '1-01-15', '4)' = '4')."""
    text = re.sub(r"\s+", " ", number.casefold()).strip().lstrip("#").strip()
    text = text.rstrip(".)").strip()
    parts = re.split(r"\s*([./])\s*", text)
    return "".join(re.sub(r"^0+(?=\d)", "", part) for part in parts)


MIN_CONTAINED_WORDS = 3  # a title inside another matches when it has at least this many words


def titles_match(found: str, gold: str) -> bool:
    """Two item titles are the same item: equal after `normalise_name`, or one holds the
    other word for word where the shorter has at least MIN_CONTAINED_WORDS words ('Minutes
    of the last meeting' in 'To confirm the minutes of the last meeting')."""
    a, b = normalise_name(found), normalise_name(gold)
    if not a or not b:
        return False
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short.split()) >= MIN_CONTAINED_WORDS and f" {short} " in f" {long_} "


def numbers_match(found: str, gold: str) -> bool:
    """Equal after `normalise_number`; an empty number (none printed) never matches."""
    a, b = normalise_number(found), normalise_number(gold)
    return bool(a) and a == b


def match_items(
    found: Sequence[tuple[str, str]], gold: Sequence[tuple[str, str]]
) -> list[int | None]:
    """For each gold item, the index of the found item it is matched to (None: none). A
    found item matches a gold item by number (`numbers_match`) or by title
    (`titles_match`); each found item matches at most one gold item. Pairs agreeing on both
    are taken first, then on title, then on number (a title is the surer
    sign: '1.' printed three times for 1, 2, 3), each gold item in order taking the first
    found item still free (numbers repeat where a voting agenda restarts them per section)."""
    tests: list[Callable[[tuple[str, str], tuple[str, str]], bool]] = [
        lambda f, g: numbers_match(f[0], g[0]) and titles_match(f[1], g[1]),
        lambda f, g: titles_match(f[1], g[1]),
        lambda f, g: numbers_match(f[0], g[0]),
    ]
    matched: list[int | None] = [None] * len(gold)
    used: set[int] = set()
    for test in tests:
        for gi, g in enumerate(gold):
            if matched[gi] is not None:
                continue
            for fi, f in enumerate(found):
                if fi not in used and test(f, g):
                    matched[gi] = fi
                    used.add(fi)
                    break
    return matched


def item_recall(found: Sequence[tuple[str, str]], gold: Sequence[tuple[str, str]]) -> float:
    """The share of the gold items matched by a found item (`match_items`)."""
    if not gold:
        return 0.0
    return sum(1 for m in match_items(found, gold) if m is not None) / len(gold)


@dataclass(frozen=True)
class Scored:
    name: str
    read: bool
    items: int
    split: bool
    date: str | None  # found
    gold_date: str | None
    date_right: bool | None  # None: not scored (the gold date is null)
    committee: str | None  # found
    gold_body: str | None
    body_right: bool
    error: str | None = None
    indexed: str | None = None  # the name ingest stores, its folder read (settle_bodies)
    indexed_right: bool = False
    gold_items: int = 0  # gold agenda items given (0: none given, recall not scored)
    items_matched: int = 0
    recall: float | None = None  # items_matched / gold_items; None: no gold items
    unmatched: tuple[str, ...] = ()  # the gold items no found item matched, 'number title'


def score_file(
    result: FileResult,
    name: str,
    gold: GoldFile,
    indexed: str | None = None,
    found_items: Sequence[tuple[str, str]] | None = None,
) -> Scored:
    read = result.error is None
    date_right = None if gold.date is None else read and result.date == gold.date.isoformat()
    accepted = {normalise_name(b) for b in gold.bodies}
    body_right = read and normalise_name(result.committee or "") in accepted
    indexed = result.committee if indexed is None else indexed
    recall_fields: dict[str, Any] = {}
    if gold.items and (found_items is not None or not read):  # unread: nothing found
        found = list(found_items or []) if read else []
        matched = match_items(found, gold.items)
        hits = sum(1 for m in matched if m is not None)
        recall_fields = {
            "gold_items": len(gold.items),
            "items_matched": hits,
            "recall": hits / len(gold.items),
            "unmatched": tuple(
                f"{n} {title}".strip()
                for (n, title), m in zip(gold.items, matched, strict=True)
                if m is None
            ),
        }
    return Scored(
        name=name,
        read=read,
        items=result.items,
        split=read and result.items >= MIN_ITEMS,
        date=result.date,
        gold_date=None if gold.date is None else gold.date.isoformat(),
        date_right=date_right,
        committee=result.committee,
        gold_body=gold.bodies[0],
        body_right=body_right,
        error=result.error,
        indexed=indexed,
        indexed_right=read and normalise_name(indexed or "") in accepted,
        **recall_fields,
    )


@dataclass
class BodyReport:
    body: Body
    files: list[Scored] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)  # listed in the manifest, not on disk
    unlisted: list[str] = field(default_factory=list)  # on disk, not in the manifest

    def count(self, key: Callable[[Scored], bool | None]) -> int:
        return sum(1 for f in self.files if key(f))

    @property
    def read(self) -> int:
        return self.count(lambda f: f.read)

    @property
    def split(self) -> int:
        return self.count(lambda f: f.split)

    @property
    def share(self) -> float | None:
        return self.split / len(self.files) if self.files else None

    @property
    def dates_scored(self) -> int:
        return self.count(lambda f: f.date_right is not None)

    @property
    def dates_right(self) -> int:
        return self.count(lambda f: f.date_right)

    @property
    def bodies_scored(self) -> int:
        return self.count(lambda f: True)

    @property
    def bodies_right(self) -> int:
        return self.count(lambda f: f.body_right)

    @property
    def indexed_right(self) -> int:
        return self.count(lambda f: f.indexed_right)

    @property
    def recalls(self) -> list[float]:
        return [f.recall for f in self.files if f.recall is not None]

    @property
    def recall(self) -> float | None:
        """Mean item recall over the body's files with gold items."""
        return sum(self.recalls) / len(self.recalls) if self.recalls else None

    def to_dict(self) -> dict[str, Any]:
        return {
            **asdict(self.body),
            "n_files": len(self.files),
            "read": self.read,
            "split": self.split,
            "share": None if self.share is None else round(self.share, 4),
            "dates_right": self.dates_right,
            "dates_scored": self.dates_scored,
            "bodies_right": self.bodies_right,
            "bodies_scored": self.bodies_scored,
            "indexed_right": self.indexed_right,
            "recall_files": len(self.recalls),
            "recall": None if self.recall is None else round(self.recall, 4),
            "missing": self.missing,
            "unlisted": self.unlisted,
            "per_file": [asdict(f) for f in self.files],
        }


def measure_body(
    body: Body,
    root: Path,
    measure: Measure,
    settle: Settle | None = None,
    find_items: FindItems | None = None,
) -> BodyReport:
    """The manifest's files of the body's folder, found as ingest finds them, measured and
    scored in the manifest's order; with `settle`, each also under the name ingest stores
    once the folder's other files are read; with `find_items`, the files with gold items
    scored for item recall against the items it finds."""
    report = BodyReport(body)
    folder = root / body.slug
    if not folder.is_dir():
        report.missing = [g.name for g in body.files]
        return report
    found, refused, _ = discover(folder)
    on_disk = {p.relative_to(folder).as_posix(): p for p in found}
    why_refused = {p.relative_to(folder).as_posix(): why for p, why in refused}
    results: dict[str, FileResult] = {}
    for gold in body.files:
        if gold.name in on_disk:
            results[gold.name] = measure(on_disk[gold.name])
        elif gold.name in why_refused:
            results[gold.name] = FileResult(str(folder / gold.name), error=why_refused[gold.name])
        else:
            report.missing.append(gold.name)
    indexed: dict[str, str] = {}
    if settle is not None:
        # ingest reads the whole folder: the names its other files give, by sub-folder
        for name, path in on_disk.items():
            if name not in results:
                results[name] = measure(path)
        # as ingest does (Ingestor.read): a meeting whose text names its body is stored
        # under that name, and only the others (`unsettled`: no name, one word, initials,
        # the kind only) are held back and named by settle_bodies from every name the
        # folder's meetings give, the held-back ones' own included (ingest settles them
        # together)
        names: dict[str, Counter[str]] = defaultdict(Counter)
        for name, result in results.items():
            if result.committee and result.committee != UNKNOWN_BODY:
                names[str(on_disk[name].parent)][result.committee] += 1
        for name, result in results.items():
            if result.error is None and result.committee and not unsettled(result.committee):
                indexed[name] = result.committee
            elif result.error is None:
                try:
                    indexed[name] = settle(on_disk[name], names)
                except InputError:  # read once, then over the time limit (a loaded machine)
                    indexed[name] = result.committee or UNKNOWN_BODY
    for gold in body.files:
        if gold.name in results:
            found_items = None
            if gold.items and find_items is not None and gold.name in on_disk:
                if results[gold.name].error is None:
                    found_items = find_items(on_disk[gold.name])
            report.files.append(
                score_file(results[gold.name], gold.name, gold, indexed.get(gold.name), found_items)
            )
    listed = {g.name for g in body.files}
    report.unlisted = sorted(
        n
        for n in set(on_disk) | set(why_refused)
        if n not in listed and not Path(n).name.lower().startswith(PROVENANCE)
    )
    return report


def settled_name(path: Path, names: dict[str, Counter[str]], settings: Settings) -> str:
    """The name ingest stores for the file's meeting (`bodies.settle_bodies`), its folder's
    other meetings' names known."""
    doc = read_document(
        path, max_bytes=int(settings.max_file_mb * 1024**2), timeout_s=settings.parse_timeout_s
    )
    return settle_bodies([segment(doc)], names)[0].committee


def segmented_items(path: Path, settings: Settings) -> list[tuple[str, str]]:
    """The agenda items segmentation finds in the file, (number, title), as ingest reads
    them (`segment.WHOLE_DOCUMENT`, no item found, left out); none where it cannot be read."""
    try:
        doc = read_document(
            path, max_bytes=int(settings.max_file_mb * 1024**2), timeout_s=settings.parse_timeout_s
        )
        meeting = segment(doc)
    except Exception:  # measure_file reports the failure; here it finds no items
        return []
    return [(i.number, i.title) for i in meeting.items if i.number != WHOLE_DOCUMENT]


def run(
    bodies: Sequence[Body],
    root: Path,
    measure: Measure,
    settle: Settle | None = None,
    find_items: FindItems | None = None,
) -> list[BodyReport]:
    return [measure_body(b, root, measure, settle, find_items) for b in bodies]


# --- output -------------------------------------------------------------------------------


def _frac(num: int, den: int) -> str:
    return "-" if den == 0 else f"{num}/{den}"


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def totals(reports: Sequence[BodyReport]) -> dict[str, int]:
    keys = (
        "read",
        "split",
        "dates_right",
        "dates_scored",
        "bodies_right",
        "bodies_scored",
        "indexed_right",
    )
    out = {k: sum(getattr(r, k) for r in reports) for k in keys}
    out["files"] = sum(len(r.files) for r in reports)
    out["bodies"] = len(reports)
    out["bodies_half_split"] = sum(1 for r in reports if (r.share or 0) >= 0.5)
    return out


def recall_total(reports: Sequence[BodyReport]) -> tuple[int, float | None]:
    """Files with gold items over all bodies, and their mean item recall."""
    recalls = [x for r in reports for x in r.recalls]
    return len(recalls), (sum(recalls) / len(recalls) if recalls else None)


def _recall(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_markdown(reports: Sequence[BodyReport], root: Path) -> str:
    head = ["body", "country", "kind", "formats", "files", "read", f"split (≥{MIN_ITEMS})"]
    head += ["share", "dates right", "body names right", "names as indexed", "item recall"]
    lines = [
        "# First contact: bodies the code was not built on",
        "",
        f"Root: `{root}`. *split*: files segmented into at least {MIN_ITEMS} agenda items "
        "(`split_report`'s count); *dates right*: the meeting date found equals the date read "
        "from the file's header (files printing no date not scored); *body names right*: the "
        "committee found equals the manifest's name after `normalise_name`; *names as "
        "indexed*: the same for the name ingest stores, the folder read (a file whose text "
        "names no body takes its folder's: `bodies.settle_bodies`); *item recall*: the share "
        "of the manifest's gold agenda items a found item matches (by number, else title: "
        "`match_items`), the mean over the body's files with gold items (their count in "
        "brackets).",
        "",
        "| " + " | ".join(head) + " |",
        "|" + "|".join("---" if i < 4 else "---:" for i in range(len(head))) + "|",
    ]
    for r in reports:
        row = [r.body.slug, r.body.country, r.body.kind, ", ".join(r.body.formats)]
        row += [str(len(r.files)), str(r.read), str(r.split), _pct(r.share)]
        row += [_frac(r.dates_right, r.dates_scored), _frac(r.bodies_right, r.bodies_scored)]
        row += [_frac(r.indexed_right, r.bodies_scored)]
        row += [f"{_recall(r.recall)} ({len(r.recalls)})" if r.recalls else "-"]
        lines.append("| " + " | ".join(row) + " |")
    t = totals(reports)
    share = t["split"] / t["files"] if t["files"] else None
    n_recall, mean_recall = recall_total(reports)
    total_recall = f"{_recall(mean_recall)} ({n_recall})" if n_recall else "-"
    lines.append(
        f"| **all {t['bodies']} bodies** | | | | {t['files']} | {t['read']} | {t['split']} | "
        f"{_pct(share)} | {_frac(t['dates_right'], t['dates_scored'])} | "
        f"{_frac(t['bodies_right'], t['bodies_scored'])} | "
        f"{_frac(t['indexed_right'], t['bodies_scored'])} | {total_recall} |"
    )
    half = f"Bodies with at least half their files split: {t['bodies_half_split']}"
    half += f" of {t['bodies']}."
    lines += ["", half, "", "## Per file", ""]
    for r in reports:
        lines += [f"### {r.body.slug} — {r.body.name}", "", f"Layout: {r.body.layout}", ""]
        lines += [
            "| file | items | date found | gold date | committee found | gold body | recall |"
        ]
        lines += ["|---|---:|---|---|---|---|---:|"]
        for f in r.files:
            mark_d = "" if f.date_right is None else (" ✓" if f.date_right else " ✗")
            mark_b = " ✓" if f.body_right else " ✗"
            found = f.error if f.error else (f.committee or "—")
            lines.append(
                f"| {f.name} | {f.items} | {f.date or '—'}{mark_d} | {f.gold_date or '—'} | "
                f"{found}{mark_b} | {f.gold_body} | "
                + ("-" if f.recall is None else f"{f.items_matched}/{f.gold_items}")
                + " |"
            )
        if r.missing:
            lines.append(f"\nListed but missing: {', '.join(r.missing)}")
        if r.unlisted:
            names = ", ".join(r.unlisted)
            lines.append(f"\nIn the folder, not in the manifest (not measured): {names}")
        lines.append("")
    return "\n".join(lines)


def write(reports: Sequence[BodyReport], root: Path, out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    md, js = out / "first_contact.md", out / "first_contact.json"
    md.write_text(format_markdown(reports, root), encoding="utf-8")
    payload = {
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "root": str(root),
        "min_items": MIN_ITEMS,
        "totals": totals(reports),
        "recall": dict(zip(("files", "mean"), recall_total(reports), strict=True)),
        "bodies": [r.to_dict() for r in reports],
    }
    js.write_text(
        json.dumps(payload, indent=2, ensure_ascii=False, default=str) + "\n", encoding="utf-8"
    )
    return md, js


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python eval/first_contact.py",
        description="Split share, dates and body names on bodies the code was not built on.",
    )
    parser.add_argument("--manifest", type=Path, default=MANIFEST, help=f"default {MANIFEST}")
    parser.add_argument("--root", type=Path, default=COLLECTED, help=f"default {COLLECTED}")
    parser.add_argument("--out", type=Path, required=True, help="folder for the .md and .json")
    args = parser.parse_args(argv)
    try:
        bodies = load_manifest(args.manifest)
        settings = Settings.load()
    except (InputError, ConfigError) as exc:
        print(f"first_contact: {exc}", file=sys.stderr)
        return 2
    reports = run(
        bodies,
        args.root,
        lambda path: measure_file(path, settings),
        lambda path, names: settled_name(path, names, settings),
        lambda path: segmented_items(path, settings),
    )
    md, js = write(reports, args.root, args.out)
    print(format_markdown(reports, args.root))
    print(f"Written: {md}, {js}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
