"""Reports of a scored run: the table printed, the bar chart, the failures in Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from minutesqa.evaluation.scores import COLUMNS, Failure, Scores


def _cell(name: str, value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.0f}" if name.endswith("_ms") else f"{value:.3f}"


def format_table(scores: dict[str, Scores]) -> str:
    names = ["system", *(heading for _, heading in COLUMNS)]
    rows = [
        [system, *(_cell(attr, getattr(s, attr)) for attr, _ in COLUMNS)]
        for system, s in scores.items()
    ]
    widths = [max(len(r[i]) for r in [names, *rows]) for i in range(len(names))]
    lines = [
        "  ".join(
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )
        for row in [names, *rows]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def write_chart(path: Path, scores: dict[str, Scores], title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = [
        ("hit_at_1", "Hit@1"),
        ("hit_at_5", "Hit@5"),
        ("mrr_at_10", "MRR@10"),
        ("answer_accuracy", "Answer accuracy"),
    ]
    systems = list(scores)
    width = 0.8 / max(1, len(systems))
    fig, ax = plt.subplots(figsize=(9, 4.5))
    for i, system in enumerate(systems):
        values = [getattr(scores[system], attr) or 0.0 for attr, _ in metrics]
        xs = [m + (i - (len(systems) - 1) / 2) * width for m in range(len(metrics))]
        bars = ax.bar(xs, values, width, label=system)
        ax.bar_label(bars, labels=[f"{v:.2f}" for v in values], fontsize=7, padding=1)
    ax.set_xticks(range(len(metrics)), [label for _, label in metrics])
    ax.set_ylim(0, 1.08)
    ax.set_ylabel("share of answerable questions")
    ax.set_title(title)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.08), ncol=len(systems), fontsize=8)
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110)
    plt.close(fig)


def format_failures(failures: Sequence[Failure], title: str) -> str:
    lines = [f"# Failures: {title}", "", f"{len(failures)} failing question(s).", ""]
    for f in failures:
        lines.append(f"## {f.id}: {f.question}")
        lines.append("")
        if f.history:
            lines.append("- history: " + " / ".join(f.history))
        lines.append("- problems: " + "; ".join(f.problems))
        lines.append("- expected: " + ("; ".join(f.expected) or "an abstention (unanswerable)"))
        if f.any:
            lines.append("- any: " + ", ".join(repr(a) for a in f.any))
        if f.rank is not None:
            lines.append(f"- first expected item at rank {f.rank}")
        lines.append("- retrieved (top 3):")
        lines.extend(f"  {n}. {t}" for n, t in enumerate(f.top, 1))
        if not f.top:
            lines.append("  (nothing)")
        lines.append("- cited: " + ("; ".join(f.cited) or "(nothing)"))
        lines.append("- answer: " + (f.answer or "(empty)"))
        lines.append("")
    return "\n".join(lines)
