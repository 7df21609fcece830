"""Stage 7: write the answer. The default writer is extractive (no language model): for the
best items it gives the citation, what was decided, and the sentences of the item that
best answer the question. Other writers implement the same `AnswerWriter` interface."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from minutesqa.config import Settings
from minutesqa.embed import Embedder
from minutesqa.lexical import tokenize
from minutesqa.models import MEETING_ITEM, Answer, Hit, human_date
from minutesqa.prompts import render
from minutesqa.retrieve import Coverage, Query, Retrieval, Retriever

RELATIVE_MARGIN = 0.10  # further items must be nearly as relevant as the best one


@dataclass(frozen=True)
class Draft:
    text: str
    cited: list[Hit]
    abstained: bool


class AnswerWriter(Protocol):
    name: str

    def write(self, question: str, hits: list[Hit], retrieval: Retrieval) -> Draft: ...


def citation_label(n: int, hit: Hit) -> str:
    ref = hit.ref
    item = "meeting record" if ref.item == MEETING_ITEM else f"item {ref.item}"
    return render(
        "citation",
        n=n,
        committee=ref.committee,
        date=human_date(ref.date),
        item=item,
        title=ref.title,
        restricted=" (restricted)" if ref.restricted else "",
    )


def abstain_text(coverage: Coverage, retrieval: Retrieval | None = None) -> str:
    committees = list(coverage.committees)
    names = ", ".join(committees[:3]) + (f" and {len(committees) - 3} more" if len(committees) > 3 else "")
    base = {
        "meetings": coverage.meetings,
        "committees": names or "no committee",
        "first": human_date(coverage.first) if coverage.first else "-",
        "last": human_date(coverage.last) if coverage.last else "-",
    }
    if retrieval is not None and retrieval.out_of_range:
        since, until = retrieval.since, retrieval.until
        if since and until:
            span = f"between {human_date(since)} and {human_date(until)}"
        elif since:
            span = f"on or after {human_date(since)}"
        else:
            span = f"on or before {human_date(until)}" if until else "in that range"
        part = f" of {retrieval.committee}" if retrieval.committee else ""
        return render("out_of_range", committee_part=part, range=span, **base)
    return render("abstain", scope="", **base)


class ExtractiveWriter:
    """Citation, decisions, and the 1-3 sentences of each item that best answer."""

    name = "extractive"

    def __init__(self, embedder: Embedder, settings: Settings) -> None:
        self.embedder = embedder
        self.settings = settings

    def select(self, hits: list[Hit]) -> list[Hit]:
        relevant = [h for h in hits if h.relevance >= self.settings.threshold]
        if not relevant:
            return []
        top = hits[0] if hits[0] in relevant else max(relevant, key=lambda h: h.relevance)
        chosen = [top]
        best = max(h.relevance for h in relevant)
        for hit in relevant:
            if len(chosen) >= self.settings.answer_items:
                break
            if hit is not top and hit.relevance >= best - RELATIVE_MARGIN:
                chosen.append(hit)
        return chosen

    def write(self, question: str, hits: list[Hit], retrieval: Retrieval) -> Draft:
        chosen = self.select(hits)
        if not chosen:
            return Draft("", [], True)
        paragraphs = []
        for n, hit in enumerate(chosen, 1):
            lines = [f"**{citation_label(n, hit)}**"]
            decisions = [d for d in hit.decisions if d]
            if decisions:
                lines.append("Decided: " + " ".join(_clip(d, 400) for d in decisions[:3]))
            best = self.best_sentences(retrieval, hit, skip=decisions)
            if best:
                lines.append(" ".join(best))
            paragraphs.append("\n".join(lines))
        return Draft("\n\n".join(paragraphs), chosen, False)

    def best_sentences(self, retrieval: Retrieval, hit: Hit, skip: list[str]) -> list[str]:
        sentences = split_sentences(hit.text, meeting=hit.ref.item == MEETING_ITEM)
        skipped = {s.strip() for d in skip for s in split_sentences(d)}
        sentences = [s for s in sentences if s not in skipped and len(s) > 12]
        if not sentences:
            return []
        vectors = self.embedder.embed(sentences)
        semantic = vectors @ retrieval.query_vector
        q_terms = set(tokenize(retrieval.search_text))
        overlap = np.array(
            [len(q_terms & set(tokenize(s))) / (len(q_terms) or 1) for s in sentences]
        )
        score = semantic + 0.35 * overlap
        order = list(np.argsort(-score))
        keep = [order[0]]
        for i in order[1:3]:
            if score[i] >= score[order[0]] - 0.12:
                keep.append(i)
        return [_clip(sentences[i], 500) for i in sorted(keep)]


def split_sentences(text: str, meeting: bool = False) -> list[str]:
    if meeting:
        return [line.strip() for line in text.split("\n") if line.strip()]
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n(?=[-•·*]|\(?[a-z0-9]{1,2}[.)]\s)", text):
        para = re.sub(r"\s+", " ", para).strip(" -•·*")
        if not para:
            continue
        out.extend(
            s.strip() for s in re.split(r"(?<=[.!?])\s+(?=[A-Z“\"'(£0-9])", para) if s.strip()
        )
    return out


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class Pipeline:
    """Question in, `Answer` out: the one path used by the CLI, the app and evaluation."""

    def __init__(
        self, settings: Settings, retriever: Retriever | None = None, writer: AnswerWriter | None = None
    ) -> None:
        self.settings = settings
        self.retriever = retriever or Retriever(settings)
        self.writer = writer or ExtractiveWriter(self.retriever.embedder, settings)

    @property
    def coverage(self) -> Coverage:
        return self.retriever.coverage

    def ask(
        self,
        question: str,
        history: list[str] | tuple[str, ...] = (),
        *,
        committee: str | None = None,
        since: object = None,
        until: object = None,
        k: int | None = None,
    ) -> Answer:
        started = time.perf_counter()
        query = Query(
            question=question,
            history=tuple(history),
            committee=committee,
            since=since,  # type: ignore[arg-type]
            until=until,  # type: ignore[arg-type]
            k=k or self.settings.k,
        )
        retrieval = self.retriever.search(query)
        draft = (
            self.writer.write(question, retrieval.hits, retrieval)
            if retrieval.hits
            else Draft("", [], True)
        )
        text = draft.text if not draft.abstained else abstain_text(self.coverage, retrieval)
        cited = {h.ref.key() for h in draft.cited}
        assert all(h.ref.key() in {r.ref.key() for r in retrieval.hits} for h in draft.cited)
        return Answer(
            question=question,
            text=text,
            abstained=draft.abstained,
            citations=[h.ref for h in draft.cited if h.ref.key() in cited],
            retrieved=retrieval.hits,
            latency_ms=(time.perf_counter() - started) * 1000.0,
            history=list(history),
        )

    def stream(self, question: str, history: list[str] | tuple[str, ...] = (), **kw: object) -> Iterator[tuple[str, Answer | None]]:
        """Yield the answer text as it grows, then the finished Answer."""
        answer = self.ask(question, history, **kw)  # type: ignore[arg-type]
        words = re.split(r"(\s+)", answer.text)
        shown = ""
        for i in range(0, len(words), 12):
            shown += "".join(words[i : i + 12])
            yield shown, None
        yield answer.text, answer
