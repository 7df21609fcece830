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
from minutesqa.lexical import LexicalIndex, content_terms, tokenize
from minutesqa.models import MEETING_ITEM, Answer, Hit, human_date, item_label
from minutesqa.prompts import render
from minutesqa.retrieve import (
    Coverage,
    Query,
    Retrieval,
    Retriever,
    is_follow_up,
    topic_terms,
)

RELATIVE_MARGIN = 0.10  # further items must be nearly as relevant as the best one
WEAK = 0.20  # below this similarity and term coverage nothing is on topic
CLOSE = 0.40  # a sentence this similar to the question reads like an answer
CLOSE_UNSEEN = 0.45  # ... when most of the question's topic is words the minutes never use
CLOSE_ITEM = 0.45  # an item this similar is on topic whatever its words
ELSEWHERE_COVERAGE = 0.6  # an item at another date that holds most of the question's words
ELSEWHERE_GAP = 0.25  # ... and clearly more of them than the best item at the date asked
# A question whose telling words (in at most RARE_SHARE of the chunks, or, in an archive of
# UNSEEN_TELLS chunks or more, in none) carry MISSING_SHARE of its term weight and appear in
# none of the top items is not covered. Measured on eval/limerick_questions.yaml: abstention
# recall 0.500 -> 1.000, false abstention unchanged at 0.022; the samples are too small for
# it to apply (RARE_SHARE of 56 chunks is under one).
MISSING_SHARE = 0.25
RARE_SHARE = 0.0003
UNSEEN_TELLS = 2000


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
    return render(
        "citation",
        n=n,
        committee=ref.committee,
        date=human_date(ref.date),
        item=item_label(ref.item, ref.title),  # "item 4: Finances", unnumbered "Finances"
        title=ref.title,
        restricted=" (restricted)" if ref.restricted else "",
    )


def abstain_text(coverage: Coverage, retrieval: Retrieval | None = None) -> str:
    committees = list(coverage.committees)
    more = f" and {len(committees) - 3} more" if len(committees) > 3 else ""
    names = ", ".join(committees[:3]) + more
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

    def write(self, question: str, hits: list[Hit], retrieval: Retrieval) -> Draft:
        if not hits:
            return Draft("", [], True)
        scored = [(hit, self.score_sentences(question, retrieval, hit)) for hit in hits[:5]]
        strength = [max((row[1] for row in rows), default=0.0) for _, rows in scored]
        # a bare first item ("Any other business: None") sets no standard for the others
        bar = strength[0] if _has_content(scored[0][0], scored[0][1]) else max(strength)
        asked = set(tokenize(question))
        chosen = [scored[0]]
        for (hit, rows), best in list(zip(scored, strength))[1:]:
            if len(chosen) >= self.settings.answer_items:
                break
            close = hit.relevance >= self.settings.threshold and best >= bar - RELATIVE_MARGIN
            if close or (_names_item(asked, hit) and _has_content(hit, rows)):
                chosen.append((hit, rows))
        paragraphs = []
        for n, (hit, rows) in enumerate(chosen, 1):
            lines = [f"**{citation_label(n, hit)}**"]
            decisions = [d for d in hit.decisions if d]
            if decisions:
                lines.append("Decided: " + " ".join(_clip(d, 400) for d in decisions[:3]))
            if hit.ref.item == MEETING_ITEM:
                lines.extend(_clip(row[0], 700) for row in rows[1:])  # the record is the answer
            else:
                limit, margin = (3, PRIMARY_MARGIN) if n == 1 else (2, SECONDARY_MARGIN)
                best_rows = _pick(rows, decisions, set(tokenize(question)), limit, margin)
                if best_rows:
                    lines.append(" ".join(_clip(s, 500) for s in best_rows))
                elif not decisions and rows:
                    # a bare item ("None", a list of sub-headings): what it says is the answer
                    lines.append(_clip(" ".join(row[0] for row in rows), 300))
            paragraphs.append("\n".join(lines))
        return Draft("\n\n".join(paragraphs), [hit for hit, _ in chosen], False)

    def score_sentences(
        self, question: str, retrieval: Retrieval, hit: Hit
    ) -> list[tuple[str, float, frozenset[str]]]:
        """Each sentence of the item with how well it answers the question: meaning (the
        question itself and, for a follow-up, the conversation), shared words, and whether
        it holds the kind of thing asked for (a date for 'when', a figure for 'how many')."""
        q_terms = set(tokenize(question)) or set(tokenize(retrieval.search_text))
        sentences, vectors = sentence_vectors(self.embedder, hit, q_terms)
        semantic = vectors @ retrieval.query_vector
        if retrieval.question_vector is not None:
            semantic = 0.3 * semantic + 0.7 * (vectors @ retrieval.question_vector)
        wanted = _answer_type(question)
        rows = []
        for i, sentence in enumerate(sentences):
            words = frozenset(tokenize(sentence))
            overlap = len(q_terms & words) / (len(q_terms) or 1)
            bonus = ANSWER_TYPE_BONUS if wanted and wanted.search(sentence) else 0.0
            rows.append((sentence, float(semantic[i]) + 0.35 * overlap + bonus, words))
        return rows


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*"
_ANSWER_TYPES: list[tuple[re.Pattern[str], re.Pattern[str]]] = [
    (
        re.compile(r"^\s*when\b|\bwhat (?:date|time|day)\b", re.I),
        re.compile(
            rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}|\b(?:19|20)\d{{2}}\b|\d[.:]\d\d\s*[ap]\.?m",
            re.I,
        ),
    ),
    (
        re.compile(r"\bhow (?:many|much|long|often)\b|\bwhat (?:percentage|number)\b", re.I),
        re.compile(
            r"£\s?\d|\d+(?:[.,]\d+)?\s*(?:%|per ?cent|million|k\b)|\b\d+\b|"
            r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve)\b",
            re.I,
        ),
    ),
    (
        re.compile(r"^\s*who\b|\bwhich (?:officer|member|councillor|person)\b", re.I),
        re.compile(
            r"\b(?:Cllr|Councillor|Mr|Mrs|Ms|Dr|Superintendent)\b|\b[A-Z][a-z]+ [A-Z][a-z]+"
        ),
    ),
]
ANSWER_TYPE_BONUS = 0.1
NOVELTY = 0.3  # weight of each question word a further sentence adds
PRIMARY_MARGIN = 0.2  # the main item's further sentences: this close to its best one
SECONDARY_MARGIN = 0.08


def _answer_type(question: str) -> re.Pattern[str] | None:
    for asks, holds in _ANSWER_TYPES:
        if asks.search(question):
            return holds
    return None


def _pick(
    rows: list[tuple[str, float, frozenset[str]]],
    skip: list[str],
    q_terms: set[str],
    limit: int,
    margin: float,
) -> list[str]:
    """The best sentence, then (for the main item) its successor and the sentence that
    best covers what the first ones left unanswered, in the order of the minutes."""
    skipped = {s.strip() for d in skip for s in split_sentences(d)}
    usable = [i for i, (s, _, _) in enumerate(rows) if s not in skipped and len(s) > 12]
    if not usable:
        return []
    ranked = sorted(usable, key=lambda i: -rows[i][1])
    best = ranked[0]
    keep = {i for i in ranked[:limit] if rows[i][1] >= rows[best][1] - margin}
    if limit >= 3 and len(keep) < limit and best + 1 < len(rows):
        keep.add(best + 1)  # the best sentence's successor often holds the answer
    if limit >= 3 and len(keep) < limit:
        left = q_terms - set().union(*(rows[i][2] for i in keep))
        rest = [i for i in usable if i not in keep]
        if rest and left:
            novel = max(rest, key=lambda i: rows[i][1] + NOVELTY * len(left & rows[i][2]))
            if left & rows[novel][2]:
                keep.add(novel)
    for i in sorted(keep):
        # a sentence that introduces ("as follows:") or asks brings the one after it
        if re.search(r"(?::-?|\?)$", rows[i][0]) and i + 1 < len(rows):
            keep.add(i + 1)
    return [rows[i][0] for i in sorted(keep)]


_SENTENCE_CACHE: dict[tuple[int, str], np.ndarray] = {}  # (embedder, sentence) -> vector
SENTENCE_CAP = 32  # sentences of one item embedded per question; the first few always are
LEAD_SENTENCES = 3


def sentence_vectors(
    embedder: Embedder, hit: Hit, terms: set[str] | frozenset[str] = frozenset()
) -> tuple[list[str], np.ndarray]:
    """The item's sentences and their embeddings, cached by sentence (items and their
    sentences recur across questions). A long item (a district's policing report runs to
    hundreds of sentences) has only its first sentences and the SENTENCE_CAP sharing most
    of `terms` embedded; the rest get a zero vector and can still be chosen by their words."""
    sentences = split_sentences(hit.text, meeting=hit.ref.item == MEETING_ITEM) or [hit.text]
    wanted = list(range(len(sentences)))
    if len(sentences) > SENTENCE_CAP:
        shared = [len(terms & set(tokenize(s))) for s in sentences]
        ranked = sorted(wanted, key=lambda i: (-shared[i], i))[:SENTENCE_CAP]
        wanted = sorted(set(ranked) | set(range(LEAD_SENTENCES)))
    key = id(embedder)
    todo = list(dict.fromkeys(s for i in wanted if (key, s := sentences[i]) not in _SENTENCE_CACHE))
    if todo:
        if len(_SENTENCE_CACHE) > 50_000:
            _SENTENCE_CACHE.clear()
        for sentence, vector in zip(todo, embedder.embed(todo), strict=True):
            _SENTENCE_CACHE[(key, sentence)] = vector
    first = _SENTENCE_CACHE[(key, sentences[wanted[0]])]
    vectors = np.zeros((len(sentences), first.shape[0]), dtype=np.float32)
    for i in wanted:
        vectors[i] = _SENTENCE_CACHE[(key, sentences[i])]
    return sentences, vectors


_VENUE_QUESTION = re.compile(
    r"\bwhere\b.*\bmeeting\b.*\b(?:held|take place)\b|\bwhere\s+was\b.*\bheld\b|\bvenue\b",
    re.IGNORECASE,
)


def answerable(
    question: str,
    retrieval: Retrieval,
    lexical: LexicalIndex,
    embedder: Embedder,
    history: tuple[str, ...] | list[str] = (),
) -> bool:
    """Whether the retrieved items can answer the question at all. Three signals, each a
    way minutes fail to cover a question: the topic's words are unknown to the index and
    nothing reads like an answer; the topic exists, but only at other dates than asked;
    or the question asks for a meeting fact the record does not state."""
    hits = retrieval.hits
    if not hits:
        return False
    top = hits[0]
    if top.relevance < WEAK and top.coverage < WEAK:
        return False
    topic = topic_terms(retrieval.search_text)
    unseen = [t for t in topic if lexical.df.get(t, 0) == 0]
    if unseen and top.relevance < CLOSE_ITEM:
        # words the minutes never use: answer only if a sentence reads like an answer
        share = sum(lexical.idf(t) for t in unseen) / sum(lexical.idf(t) for t in topic)
        _, vectors = sentence_vectors(embedder, top, set(tokenize(retrieval.search_text)))
        best = float(np.max(vectors @ retrieval.query_vector))
        if best < CLOSE or (share >= 0.5 and best < CLOSE_UNSEEN):
            return False
    if topic:
        # the question's most telling words are in none of the items found: the minutes
        # speak of the neighbourhood (policing, CCTV) but not of the thing asked (tasers)
        found = set().union(*(tokenize(f"{h.ref.title} {h.text}") for h in hits[:3]))
        total = sum(lexical.idf(t) for t in topic)
        n = len(lexical.ids)
        # in a large archive a word it never uses is telling; in a small one it is not
        least = 0 if n >= UNSEEN_TELLS else 1
        rare = [
            t for t in topic if least <= lexical.df.get(t, 0) <= RARE_SHARE * n and t not in found
        ]
        if rare and sum(lexical.idf(t) for t in rare) / total >= MISSING_SHARE:
            return False
    other = retrieval.elsewhere
    if other is not None and other.ref.key() not in {h.ref.key() for h in hits}:
        # the topic is plainly covered at another date, and not at the date asked
        if other.coverage >= ELSEWHERE_COVERAGE and other.coverage - top.coverage >= ELSEWHERE_GAP:
            return False
    if history and is_follow_up(question):
        # a follow-up's own topic words must be in the item it is answered from
        own = topic_terms(question)
        present = set(tokenize(f"{top.ref.title} {top.text}"))
        if len(own) >= 2 and not any(t in present for t in own):
            return False
    if _VENUE_QUESTION.search(question):
        records = [h for h in hits[:3] if h.ref.item == MEETING_ITEM]
        return bool(records) and "Venue:" in records[0].text
    return True


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


def _names_item(asked: set[str], hit: Hit) -> bool:
    """The question names this item by its title ("what was raised under any other
    business?"): every topic word of the title is in the question."""
    if hit.ref.item == MEETING_ITEM:
        return False
    title = content_terms(hit.ref.title)
    return bool(title) and set(title) <= asked


def _has_content(hit: Hit, rows: list[tuple[str, float, frozenset[str]]]) -> bool:
    return bool(hit.decisions) or any(len(row[0]) > 12 for row in rows)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


class Pipeline:
    """Question in, `Answer` out: the one path used by the CLI, the app and evaluation."""

    def __init__(
        self,
        settings: Settings,
        retriever: Retriever | None = None,
        writer: AnswerWriter | None = None,
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
        ok = answerable(
            question, retrieval, self.retriever.lexical, self.retriever.embedder, history
        )
        draft = (
            self.writer.write(question, retrieval.hits, retrieval) if ok else Draft("", [], True)
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

    def stream(
        self, question: str, history: list[str] | tuple[str, ...] = (), **kw: object
    ) -> Iterator[tuple[str, Answer | None]]:
        """Yield the answer text as it grows, then the finished Answer."""
        answer = self.ask(question, history, **kw)  # type: ignore[arg-type]
        words = re.split(r"(\s+)", answer.text)
        shown = ""
        for i in range(0, len(words), 12):
            shown += "".join(words[i : i + 12])
            yield shown, None
        yield answer.text, answer
