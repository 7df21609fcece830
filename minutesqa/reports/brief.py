"""Briefings: a topic's history across meetings (`minutes brief TOPIC`).

Every item of the archive that is about the topic, oldest first, each with its date,
committee, item number and title, its decisions and the one to three sentences (verbatim)
that say what happened; a head with how many meetings, the first and last time it was
discussed, and the decisions in one list.

Which items are "about" the topic is judged item by item against thresholds
(`Tuning.brief_*`), not by a fixed top-k: candidates come from the same hybrid search as
answers (a wide pool, `brief_pool`). A topic "A and B" (or "A or B", without commas: "flooding
in Foynes, Askeaton and Ballysteen" is one topic) is two facets, and an item about either is
about the topic. With an item's share of a facet's words (weighted by rarity), an item is
kept when

- its title holds at least `brief_title_share` of a facet's words (an item *on* it), or
- it holds `brief_words` of a facet's words and reads as a whole like the topic
  (similarity `brief_similarity`), or speaks of it in `brief_mentions` sentences, or in
  one sentence that reads like it (`brief_sentence_similarity`), or
- it holds `brief_close_words` of them and reads closely like it (`brief_close_similarity`).

Measured on eval/briefing_topics.yaml (22 topics, 153 items read by hand; see
`minutesqa.evaluation.briefing`). An item that holds a facet's words but passes none of
these names it in passing (one sentence of a long item about something else): it is not in
the timeline, but listed after it, by reference only, so that a briefing never says the
minutes are silent where they mention the topic.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

import numpy as np

from minutesqa.answer.extractive import ExtractiveWriter
from minutesqa.answer.query import topic_terms
from minutesqa.answer.retrieval import Retrieval
from minutesqa.answer.retrieve import Retriever
from minutesqa.answer.sentences import sentence_vectors
from minutesqa.decision import Decision
from minutesqa.indexing.terms import tokenize
from minutesqa.models import MEETING_ITEM, Hit, ItemRef, human_date, item_label, source_text
from minutesqa.sentence_split import split_sentences
from minutesqa.tuning import Tuning

FORMATS = ("md", "json", "docx")


@dataclass(frozen=True)
class BriefEntry:
    ref: ItemRef
    source: str
    decisions: tuple[Decision, ...]
    sentences: tuple[str, ...]  # verbatim, in the order of the minutes
    relevance: float  # the item's similarity to the topic
    why: str  # "title" or "discussed": which test kept it

    def record(self) -> dict[str, Any]:
        out = self.ref.to_record()
        out.update(
            source=self.source,
            decisions=[d.display() for d in self.decisions],
            sentences=list(self.sentences),
            relevance=round(self.relevance, 4),
            why=self.why,
        )
        return out


@dataclass
class Briefing:
    topic: str
    entries: list[BriefEntry] = field(default_factory=list)  # oldest first
    passing: list[ItemRef] = field(default_factory=list)  # mentioned in passing, oldest first
    since: dt.date | None = None
    until: dt.date | None = None
    committee: str | None = None

    @property
    def meetings(self) -> int:
        return len({(e.ref.committee, e.ref.date) for e in self.entries})

    @property
    def first(self) -> dt.date | None:
        return self.entries[0].ref.date if self.entries else None

    @property
    def last(self) -> dt.date | None:
        return self.entries[-1].ref.date if self.entries else None

    def decisions(self) -> list[tuple[ItemRef, Decision]]:
        return [(e.ref, d) for e in self.entries for d in e.decisions]

    def head(self) -> str:
        if not self.entries:
            scope = _scope(self)
            if self.passing:
                n = len(self.passing)
                return (
                    f"No item of the minutes{scope} is about {self.topic!r}; "
                    f"{n} item{'' if n == 1 else 's'} mention{'s' if n == 1 else ''} it in passing."
                )
            return f"The minutes{scope} do not mention {self.topic!r}."
        plural = "" if self.meetings == 1 else "s"
        items = len(self.entries)
        first, last = self.entries[0].ref.date, self.entries[-1].ref.date
        span = (
            f"on {human_date(first)}"
            if first == last
            else f"first on {human_date(first)}, last on {human_date(last)}"
        )
        return (
            f"{self.topic!r} was discussed at {self.meetings} meeting{plural}"
            f"{_scope(self)} ({items} item{'' if items == 1 else 's'}), {span}."
        )


def _scope(b: Briefing) -> str:
    parts = []
    if b.committee:
        parts.append(f" of {b.committee}")
    if b.since and b.until:
        parts.append(f" between {human_date(b.since)} and {human_date(b.until)}")
    elif b.since:
        parts.append(f" since {human_date(b.since)}")
    elif b.until:
        parts.append(f" until {human_date(b.until)}")
    return "".join(parts)


def brief(
    retriever: Retriever,
    writer: ExtractiveWriter,
    topic: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    committee: str | None = None,
) -> Briefing:
    tune = retriever.settings.tuning
    committees = retriever.resolve_committees(committee)
    out = Briefing(topic=topic, since=since, until=until, committee=committee)
    facets = topic_facets(topic)
    if not facets or (committee and not committees):
        return out
    vector = retriever.embedder.embed([topic])[0]
    hits = retriever.search_items(topic, vector, committees, since, until, tune.brief_pool)
    retrieval = Retrieval(hits, vector, topic, since, until, committee)
    weight = {t: retriever.lexical.idf(t) for f in facets for t in f}
    unit = vector / (np.linalg.norm(vector) or 1.0)
    kept: list[BriefEntry] = []
    passing: list[ItemRef] = []
    for hit in hits:
        reading = _Reading.of(hit, facets, weight)
        if not reading.touches:
            continue
        why = (
            ""  # a meeting's record (who attended) says nothing about a topic
            if hit.ref.item == MEETING_ITEM
            else _about(hit, reading, tune, partial(_best_sentence, retriever, hit, facets, unit))
        )
        if not why:
            if reading.words >= tune.brief_words:
                passing.append(hit.ref)
            continue
        kept.append(
            BriefEntry(
                ref=hit.ref,
                source=hit.source,
                decisions=hit.decisions,
                sentences=_what_happened(writer, topic, retrieval, hit, tune.brief_sentences),
                relevance=hit.relevance,
                why=why,
            )
        )
    kept.sort(key=lambda e: (e.ref.date, e.ref.committee, _item_order(e.ref.item)))
    out.entries = kept
    out.passing = sorted(passing, key=lambda r: (r.date, r.committee, _item_order(r.item)))
    return out


_FACET_SPLIT = re.compile(r"\b(?:and|or)\b|&|/", re.IGNORECASE)


def topic_facets(topic: str) -> list[frozenset[str]]:
    """The topic's facets as sets of words: "lifebuoys and water safety" is {lifebuoy} and
    {water, safety}; a topic with a comma is one facet (a list qualifying one subject)."""
    parts = [topic] if "," in topic else _FACET_SPLIT.split(topic)
    facets = [frozenset(topic_terms(p) or tokenize(p)) for p in parts]
    facets = [f for f in facets if f]
    whole = frozenset(topic_terms(topic) or tokenize(topic))
    return list(dict.fromkeys(facets)) if len(facets) > 1 else ([whole] if whole else [])


@dataclass(frozen=True)
class _Reading:
    """How much of the topic an item holds: the best facet's share of its words' weight in
    the title and in the text, and the sentences holding a whole facet."""

    title: float
    words: float
    mentions: int
    touches: bool  # holds any topic word at all

    @classmethod
    def of(cls, hit: Hit, facets: list[frozenset[str]], weight: dict[str, float]) -> _Reading:
        text = set(tokenize(hit.text))
        title = set(tokenize(hit.ref.title))

        def share(facet: frozenset[str], have: set[str]) -> float:
            total = sum(weight[t] for t in facet) or 1.0
            return sum(weight[t] for t in facet if t in have) / total

        sentences = [set(tokenize(s)) for s in split_sentences(hit.text) or [hit.text]]
        return cls(
            title=max(share(f, title) for f in facets),
            words=max(share(f, text) for f in facets),
            mentions=sum(1 for s in sentences if any(f <= s for f in facets)),
            touches=bool((text | title) & set(weight)),
        )


def _best_sentence(
    retriever: Retriever, hit: Hit, facets: list[frozenset[str]], unit: np.ndarray
) -> float:
    """The similarity to the topic of the item's sentence that reads most like it."""
    terms = set().union(*facets)
    _, vectors = sentence_vectors(
        retriever.embedder, hit, terms, retriever.settings.tuning, retriever.sentence_store
    )
    return float(np.max(vectors @ unit)) if len(vectors) else 0.0


def _about(hit: Hit, reading: _Reading, tune: Tuning, best_sentence: Callable[[], float]) -> str:
    """'title', 'discussed' or '' (a passing mention, or not about the topic at all)."""
    if reading.title >= tune.brief_title_share:
        return "title"
    if reading.words >= tune.brief_words and (
        hit.relevance >= tune.brief_similarity
        or reading.mentions >= tune.brief_mentions
        or (reading.mentions >= 1 and best_sentence() >= tune.brief_sentence_similarity)
    ):
        return "discussed"
    if reading.words >= tune.brief_close_words and hit.relevance >= tune.brief_close_similarity:
        return "discussed"
    return ""


def _what_happened(
    writer: ExtractiveWriter, topic: str, retrieval: Retrieval, hit: Hit, n: int
) -> tuple[str, ...]:
    rows = writer.score_sentences(topic, retrieval, hit)
    best = sorted(range(len(rows)), key=lambda i: -rows[i][1])[:n]
    return tuple(rows[i][0] for i in sorted(best))


def _item_order(item: str) -> tuple[int, str]:
    digits = "".join(ch if ch.isdigit() else " " for ch in item).split()
    return (int(digits[0]) if digits else 0, item)


# --- rendering ------------------------------------------------------------------------------
def render(b: Briefing, fmt: str) -> str | bytes:
    if fmt == "json":
        return render_json(b)
    if fmt == "docx":
        return render_docx(b)
    return render_markdown(b)


def render_json(b: Briefing) -> str:
    record = {
        "topic": b.topic,
        "since": b.since.isoformat() if b.since else None,
        "until": b.until.isoformat() if b.until else None,
        "committee": b.committee,
        "meetings": b.meetings,
        "first": b.first.isoformat() if b.first else None,
        "last": b.last.isoformat() if b.last else None,
        "items": [e.record() for e in b.entries],
        "mentioned_in_passing": [r.to_record() for r in b.passing],
    }
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def render_markdown(b: Briefing) -> str:
    lines = [f"# Briefing: {b.topic}", "", b.head()]
    decided = b.decisions()
    if decided:
        lines += ["", "## Decisions", ""]
        lines += [f"- {human_date(ref.date)}, {ref.committee}: {d.display()}" for ref, d in decided]
    if b.entries:
        lines += ["", "## Timeline"]
    for e in b.entries:
        lines += ["", f"### {human_date(e.ref.date)} — {e.ref.committee}, "
                  f"{item_label(e.ref.item, e.ref.title)}"]  # fmt: skip
        for d in e.decisions:
            lines.append(f"- **Decided:** {d.display()}")
        for s in e.sentences:
            lines.append(f"> {s}")
        lines.append(f"\n_Source: {source_text(e.ref, e.source)}_")
    if b.passing:
        lines += ["", "## Mentioned in passing", ""]
        lines += [f"- {r.label()}" for r in b.passing]
    return "\n".join(lines) + "\n"


def render_docx(b: Briefing) -> bytes:
    from docx import Document

    doc = Document()
    doc.add_heading(f"Briefing: {b.topic}", level=0)
    doc.add_paragraph(b.head())
    decided = b.decisions()
    if decided:
        doc.add_heading("Decisions", level=1)
        for ref, d in decided:
            line = f"{human_date(ref.date)}, {ref.committee}: {d.display()}"
            doc.add_paragraph(line, "List Bullet")
    if b.entries:
        doc.add_heading("Timeline", level=1)
    for e in b.entries:
        doc.add_heading(
            f"{human_date(e.ref.date)} — {e.ref.committee}, {item_label(e.ref.item, e.ref.title)}",
            level=2,
        )
        for d in e.decisions:
            p = doc.add_paragraph()
            p.add_run("Decided: ").bold = True
            p.add_run(d.display())
        for s in e.sentences:
            doc.add_paragraph(s, "Quote")
        p = doc.add_paragraph()
        p.add_run(f"Source: {source_text(e.ref, e.source)}").italic = True
    if b.passing:
        doc.add_heading("Mentioned in passing", level=1)
        for r in b.passing:
            doc.add_paragraph(r.label(), "List Bullet")
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def items_listed(b: Briefing) -> Iterable[tuple[str, str, str]]:
    """The items a briefing lists, as ItemRef keys (for the briefing evaluation)."""
    return [e.ref.key() for e in b.entries]
