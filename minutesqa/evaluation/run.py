"""`minutes eval` (and eval/run.py): ingest the corpus if given, run our pipeline and the
baselines over a question file, score every system, write records, scores, chart and
failures beside the records file. Scores are reported, never gated: `run_cli` exits 0
when the run completes."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from minutesqa.config import Settings
from minutesqa.evaluation.questions import half, load_questions
from minutesqa.evaluation.records import ask_all, validate_record
from minutesqa.evaluation.report import format_failures, format_table, write_chart
from minutesqa.evaluation.scores import format_refusals, refusals_by_reason, score
from minutesqa.models import Answer

SYSTEMS = ("ours", "bm25", "dense", "tutorial")


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
    sources = {os.path.normpath(c.source) for c in store.iter_all()}
    foreign = sorted(s for s in sources if not s.startswith(root))
    if foreign:
        print(
            f"  warning: the index also holds {len(foreign)} file(s) from outside {corpus} "
            f"(e.g. {foreign[0]}); their meetings count too, possibly twice. "
            "Delete the index folder and run again to score this corpus alone.",
            file=sys.stderr,
        )


@dataclass
class WriterQuality:
    """What the answers show as the minutes' own words, and how much of a generated
    answer the citation check refused."""

    answers: int = 0
    quotes: int = 0
    unfaithful: list[str] = field(default_factory=list)
    generated: int = 0  # answers the generative writer wrote (not fallen back)
    dropped: int = 0  # sentences the citation check refused
    fell_back: int = 0  # answers shown as extracts after the model failed or was refused

    def add(self, answer: Answer) -> None:
        from minutesqa.answer.faithful import unfaithful

        self.answers += 1
        self.quotes += len(answer.quotes)
        self.unfaithful += [f"{answer.question[:60]}: {q.text[:80]}" for q in unfaithful(answer)]
        self.dropped += answer.dropped
        if answer.writer == "generative" and not answer.abstained:
            if answer.quotes:
                self.fell_back += 1
            else:
                self.generated += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "quotes": self.quotes,
            "faithful_quotes": self.quotes - len(self.unfaithful),
            "unfaithful": self.unfaithful[:20],
            "generated_answers": self.generated,
            "fallback_answers": self.fell_back,
            "dropped_sentences": self.dropped,
        }

    def line(self, writer: str) -> str:
        text = (
            f"Writer {writer}: {self.quotes - len(self.unfaithful)} of {self.quotes} quotes "
            "are contiguous spans of their item"
        )
        if writer != "extractive":
            text += (
                f"; {self.generated} generated answers, {self.fell_back} fell back to the "
                f"extracts, {self.dropped} sentences dropped by the citation check"
            )
        return text + "."


def run_cli(args: argparse.Namespace, settings: Settings) -> int:
    """`minutes eval`: (ingest,) run our pipeline and the baselines, score, report."""
    from minutesqa.answer.pipeline import Pipeline

    questions = load_questions(args.questions)
    out = Path(args.out)
    paths = output_paths(out)
    corpus: Path | None = getattr(args, "corpus", None)
    if corpus is not None:
        # one spelling of the folder: the index keys meetings by their file's path, so
        # '../shared/x' and '/work/shared/x' would otherwise hold every meeting twice
        corpus = Path(corpus).resolve()
        _ingest_corpus(corpus, settings)
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
    quality = WriterQuality()

    def ask_ours(question: str, history: list[str]) -> Answer:
        answer = pipeline.ask(question, history)
        quality.add(answer)
        return answer

    records: dict[str, list[dict[str, Any]]] = {
        "ours": ask_all(questions, ask_ours, paths["ours"], progress=_progress("ours"))
    }
    if getattr(args, "baselines", False):
        for name, system in _baselines(pipeline, settings, corpus, paths).items():
            records[name] = ask_all(questions, system.ask, paths[name], progress=_progress(name))

    problems = [p for recs in records.values() for r in recs for p in validate_record(r)]
    for problem in problems[:20]:
        print(f"  format: {problem}", file=sys.stderr)
    scores = {name: score(questions, recs) for name, recs in records.items()}
    # the fixed halves (questions.half): rules are fitted on the first, checked on the second
    for part in ("tuning", "checking"):
        chosen = [q for q in questions if half(q.id) == part]
        if chosen:
            scores[f"ours·{part}"] = score(chosen, records["ours"])
    _report(args, settings, questions, records, scores, problems, pipeline, quality, paths)
    return 0


def _ingest_corpus(corpus: Path, settings: Settings) -> None:
    """Bring the index in step with the corpus before the questions are asked."""
    from minutesqa.ingest import ingest

    print(f"Checking the index at {settings.index_dir} against {corpus} ...", flush=True)
    summary = ingest(corpus, settings)
    for source, reason in summary.failures:
        print(f"  skipped {source}: {reason}", file=sys.stderr)
    print(f"  {summary.line()}", flush=True)


def _baselines(
    pipeline: Any, settings: Settings, corpus: Path | None, paths: dict[str, Path]
) -> dict[str, Any]:
    """The systems ours is compared with: BM25 alone, dense alone, and the tutorial's
    (which needs the raw files)."""
    from minutesqa.evaluation import baselines
    from minutesqa.evaluation.tutorial import TutorialBaseline

    store = pipeline.retriever.store
    lexical = pipeline.retriever.lexical
    embedder = pipeline.retriever.embedder
    systems: dict[str, baselines.Baseline] = {
        "bm25": baselines.BM25Baseline(store, lexical, k=settings.k),
        "dense": baselines.DenseBaseline(store, lexical, embedder, k=settings.k),
    }
    if corpus is None:
        print("  tutorial baseline skipped: it needs --corpus (the raw files)", file=sys.stderr)
    else:
        systems["tutorial"] = TutorialBaseline.build(
            corpus, settings, embedder, paths["tutorial_index"]
        )
    return systems


def _report(
    args: argparse.Namespace,
    settings: Settings,
    questions: list[Any],
    records: dict[str, list[dict[str, Any]]],
    scores: dict[str, Any],
    problems: list[str],
    pipeline: Any,
    quality: WriterQuality,
    paths: dict[str, Path],
) -> None:
    """The scores table and refusals on the screen; scores, chart and failures written."""
    n_answerable = sum(q.answerable for q in questions)
    out = Path(args.out)
    title = Path(args.questions).name
    print()
    print(f"Scores for {title} ({len(questions)} questions, {n_answerable} answerable):")
    print(format_table(scores))
    print()
    refusals = refusals_by_reason(questions, records["ours"])
    print("Refusals by reason (ours):")
    print(format_refusals(refusals))
    print()
    payload = {
        "questions": str(args.questions),
        "index": str(settings.index_dir),
        "model": settings.model,
        "created": dt.datetime.now().isoformat(timespec="seconds"),
        "format_problems": problems,
        "writer": {"name": pipeline.writer.name, **quality.to_dict()},
        "refusals": refusals,
        "systems": {
            name: {**s.to_dict(failures=name == "ours"), "records": str(paths.get(name, out))}
            for name, s in scores.items()
        },
    }
    paths["scores"].parent.mkdir(parents=True, exist_ok=True)
    paths["scores"].write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    charted = {name: s for name, s in scores.items() if "·" not in name}  # halves: table only
    write_chart(paths["chart"], charted, f"{title}: {len(questions)} questions")
    ours = scores["ours"]
    paths["failures"].write_text(format_failures(ours.failures, title), encoding="utf-8")
    print(quality.line(pipeline.writer.name))
    print(f"{len(ours.failures)} of {len(questions)} questions fail for our system.")
    print(f"Records:  {', '.join(str(paths[name]) for name in records)}")
    print(f"Scores:   {paths['scores']}")
    print(f"Chart:    {paths['chart']}")
    print(f"Failures: {paths['failures']}")
    if problems:
        print(f"{len(problems)} format problem(s) in the records (first ones above).")
