"""Stage 7: write the answer. The default writer is extractive (no language model): for the
best items it gives the citation, what was decided, and the sentences of the item that
best answer the question. Other writers implement the same `AnswerWriter` interface."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from minutesqa.answer.context import NEAR as _NEAR
from minutesqa.answer.context import NEAR_BONUS as _NEAR_BONUS
from minutesqa.answer.context import table_cells, with_context
from minutesqa.answer.question import Kind, holds, holds_plainly, is_asking
from minutesqa.answer.retrieval import Retrieval
from minutesqa.answer.sentence_terms import topic_terms_for
from minutesqa.answer.sentences import SentenceVectorSource, sentence_vectors
from minutesqa.clip import clip_at_word
from minutesqa.config import Settings
from minutesqa.decision import Decision
from minutesqa.indexing.embed import Embedder
from minutesqa.indexing.terms import content_terms, tokenize
from minutesqa.models import MEETING_ITEM, Hit, Quote, human_date, item_label, page_part
from minutesqa.prompts import render
from minutesqa.sentence_split import split_sentences
from minutesqa.tuning import Tuning


@dataclass(frozen=True)
class Draft:
    text: str
    cited: list[Hit]
    abstained: bool
    quotes: tuple[Quote, ...] = ()  # every run of the minutes' own words the text shows
    note: str = ""  # why a writer fell back or abstained, for the record
    dropped: int = 0  # generated sentences the citation check refused


class AnswerWriter(Protocol):
    name: str

    def write(
        self,
        question: str,
        hits: list[Hit],
        retrieval: Retrieval,
        on_text: Callable[[str], None] | None = None,
    ) -> Draft: ...


def relevant_first(decisions: list[Decision], terms: set[str], shown: int) -> list[Decision]:
    """The `shown` decisions an item's answer quotes: those that share most of the question's
    words, in the minutes' order (all in order where they fit or none shares one). An item
    with many motions (a council directorate's appointments, loan and grants under one
    heading; a run of disposals) otherwise quotes its first three, whatever was asked."""
    scores = [len(terms & set(tokenize(d.text))) for d in decisions]
    if len(decisions) <= shown or not any(scores):
        return decisions[:shown]
    keep = sorted(range(len(decisions)), key=lambda k: -scores[k])[:shown]
    return [decisions[k] for k in sorted(keep)]


def citation_label(n: int, hit: Hit) -> str:
    ref = hit.ref
    return render(
        "citation",
        n=n,
        committee=ref.committee,
        date=human_date(ref.date),
        # "item 4: Finances", unnumbered "Finances"; ", p. 3" where a PDF gives the page
        item=item_label(ref.item, ref.title) + page_part(ref.page),
        title=ref.title,
        restricted=" (restricted)" if ref.restricted else "",
    )


class ExtractiveWriter:
    """Citation, decisions, and the 1-3 sentences of each item that best answer."""

    name = "extractive"

    def __init__(
        self, embedder: Embedder, settings: Settings, store: SentenceVectorSource | None = None
    ) -> None:
        self.embedder = embedder
        self.settings = settings
        self.store = store  # sentence vectors made at ingest

    def write(
        self,
        question: str,
        hits: list[Hit],
        retrieval: Retrieval,
        on_text: Callable[[str], None] | None = None,  # nothing streams: written at once
    ) -> Draft:
        if not hits:
            return Draft("", [], True)
        chosen = self._chosen(question, hits, retrieval)
        paragraphs = []
        quotes: list[Quote] = []
        for n, (hit, rows) in enumerate(chosen, 1):
            paragraphs.append(self._paragraph(n, hit, rows, question, retrieval, quotes))
        return Draft("\n\n".join(paragraphs), [hit for hit, _ in chosen], False, tuple(quotes))

    def _chosen(
        self, question: str, hits: list[Hit], retrieval: Retrieval
    ) -> list[tuple[Hit, list[tuple[str, float, frozenset[str]]]]]:
        """The items the answer shows, with their scored sentences: the first, and those
        as relevant and as well answered as it (or named by the question)."""
        tune = self.settings.tuning
        scored = [
            (hit, self.score_sentences(question, retrieval, hit))
            for hit in hits[: tune.writer_items]
        ]
        # a meeting record that states nothing beyond the meeting itself (no chair, venue or
        # attendance in the minutes) has nothing to show: not cited
        scored = [(h, r) for h, r in scored if not _empty_record(h, r)] or scored
        strength = [max((row[1] for row in rows), default=0.0) for _, rows in scored]
        # a bare first item ("Any other business: None") sets no standard for the others
        bar = strength[0] if _has_content(scored[0][0], scored[0][1]) else max(strength)
        asked = set(tokenize(question))
        chosen = [scored[0]]
        for (hit, rows), best in list(zip(scored, strength))[1:]:
            if len(chosen) >= self.settings.answer_items:
                break
            close = hit.relevance >= self.settings.threshold and best >= bar - tune.relative_margin
            if close or (_names_item(asked, hit) and _has_content(hit, rows)):
                chosen.append((hit, rows))
        return chosen

    def _paragraph(
        self,
        n: int,
        hit: Hit,
        rows: list[tuple[str, float, frozenset[str]]],
        question: str,
        retrieval: Retrieval,
        quotes: list[Quote],
    ) -> str:
        """The `n`th item's paragraph: its citation, its decisions, and the sentences that
        answer (the record's lines for a meeting's own record); what it quotes is added
        to `quotes`."""
        tune = self.settings.tuning
        lines = [f"**{citation_label(n, hit)}**"]
        decided = [d for d in hit.decisions if d.text]
        # as shown ("… [carried, 4-0]"): the item's sentences these hold are not shown again
        decisions = [d.display() for d in decided]
        if decided:
            terms = topic_terms_for(question, hit)
            first = relevant_first(decided, terms, tune.decisions_shown)
            shown = [d.clipped(tune.clip_decision) for d in first]
            quotes.extend(Quote(hit.ref, words) for _, words in shown)
            # separate decisions are separate places in the minutes: "…" between them
            lines.append("Decided: " + f" {GAP} ".join(text for text, _ in shown))
        if hit.ref.item == MEETING_ITEM:
            # the record is the answer
            lines.extend(clip_at_word(row[0], tune.clip_record) for row in rows[1:])
            return "\n".join(lines)
        limit, margin = (
            (tune.primary_sentences, tune.primary_margin)
            if n == 1
            else (tune.secondary_sentences, tune.secondary_margin)
        )
        picked = _pick(
            rows,
            decisions,
            topic_terms_for(question, hit),
            limit,
            margin,
            tune.novelty,
            (retrieval.question.kind, tune.kind_margin),
        )
        if picked:
            runs = [
                " ".join(clip_at_word(rows[i][0], tune.clip_sentence) for i in run)
                for run in _runs(picked)
            ]
            quotes.extend(Quote(hit.ref, run) for run in runs)
            lines.append(f" {GAP} ".join(runs))
        elif not decisions and any(row[0].strip() for row in rows):
            # a bare item ("None", a list of sub-headings): what it says is the answer
            bare = clip_at_word(" ".join(row[0] for row in rows), tune.clip_bare)
            quotes.append(Quote(hit.ref, bare))
            lines.append(bare)
        return "\n".join(lines)

    def score_sentences(
        self, question: str, retrieval: Retrieval, hit: Hit
    ) -> list[tuple[str, float, frozenset[str]]]:
        """Each sentence of the item with how well it answers the question: meaning (the
        question itself and, for a follow-up, the conversation), shared words, and whether
        it holds the kind of thing asked for (a date for 'when', a figure for 'how many')."""
        tune = self.settings.tuning
        q_terms = topic_terms_for(question, hit) or set(tokenize(retrieval.search_text))
        sentences, vectors = sentence_vectors(self.embedder, hit, q_terms, tune, self.store)
        semantic = vectors @ retrieval.query_vector
        if retrieval.question_vector is not None:
            own = tune.question_weight
            semantic = (1 - own) * semantic + own * (vectors @ retrieval.question_vector)
        if retrieval.focus_vector is not None:
            # the clause that asks, without where and when it was said
            focus = tune.focus_weight
            semantic = (1 - focus) * semantic + focus * (vectors @ retrieval.focus_vector)
        kind = retrieval.question.kind
        weight = _term_weights(q_terms, retrieval.idf)
        total = sum(weight.values()) or 1.0
        rows = []
        for i, sentence in enumerate(sentences):
            words = frozenset(tokenize(sentence))
            overlap = sum(weight[t] for t in q_terms & words) / total
            score = float(semantic[i]) + tune.overlap_weight * overlap
            score += _kind_part(kind, sentence, overlap, tune)
            rows.append((sentence, score, words))
        return rows


def _term_weights(
    terms: set[str] | frozenset[str], idf: Callable[[str], float] | None
) -> dict[str, float]:
    """Each question word's weight in a sentence's share of them: its IDF in the index
    searched (`Retrieval.idf`). Serves the sentence that holds the question's telling word
    against one holding only words every item of the body uses: the Apache treasurer's
    "Total $ 1,302,460.10" (for "What total bank balance did the ASF Treasurer report")
    against "I am yet to make significant progress on reporting budget vs actuals"
    ("report" is in every board report). The words weigh alike without an index (a
    briefing's topic, a test's retrieval)."""
    return {t: (idf(t) if idf is not None else 1.0) for t in terms}


def _kind_part(kind: Kind, sentence: str, overlap: float, tune: Tuning) -> float:
    """What the sentence's kind of content adds: Tuning.answer_type_bonus when it holds what
    the question asks for (a figure for "how many", a date for "when", a person for "who",
    a decision for "what was agreed", a reason for "why"); Tuning.restated_penalty off a
    sentence that puts a question, or repeats Tuning.restated_overlap of the question's
    words without holding the kind asked: it is the question restated, not its reply."""
    has = holds(kind, sentence)
    part = tune.answer_type_bonus if has else 0.0
    if is_asking(sentence) or (has is False and overlap >= tune.restated_overlap):
        part -= tune.restated_penalty
    return part


def _pick(
    rows: list[tuple[str, float, frozenset[str]]],
    skip: list[str],
    q_terms: set[str],
    limit: int,
    margin: float,
    novelty: float,
    wanted: tuple[Kind, float] = (Kind.OTHER, 0.0),
) -> list[int]:
    """The best sentence, then (for the main item) its successor and the sentence that
    best covers what the first ones left unanswered, in the order of the minutes. Where
    none of them holds the kind of thing asked (`wanted`: the question's kind and
    Tuning.kind_margin), the best sentence that does, when it scores within the margin of
    the best: "when was work expected to begin" shows the sentence with the date."""
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
            novel = max(rest, key=lambda i: rows[i][1] + novelty * len(left & rows[i][2]))
            if left & rows[novel][2]:
                keep.add(novel)
    kind, kind_margin = wanted
    if kind_margin and not any(holds_plainly(kind, rows[i][0]) is not False for i in keep):
        found = _of_the_kind(rows, ranked, keep, kind)
        if found is not None and rows[found][1] + _near(found, keep) >= rows[best][1] - kind_margin:
            keep.add(found)
    if kind in (Kind.HOW_MANY, Kind.HOW_MUCH):
        for i in sorted(keep):
            keep.update(table_cells(rows, i + 1))
    with_context(rows, keep)
    return sorted(keep)


def _near(i: int, keep: set[int]) -> float:
    """The bonus of a sentence close after one kept: the reply sits by the sentence on the
    topic ("an update on the new headquarters" ... "commencement of build in Q2 2024")."""
    return _NEAR_BONUS if any(0 < i - k <= _NEAR for k in keep) else 0.0


def _of_the_kind(
    rows: list[tuple[str, float, frozenset[str]]], ranked: list[int], keep: set[int], kind: Kind
) -> int | None:
    """The best sentence that holds the kind of thing asked (a date, a number, a name),
    not itself a question; None where none does."""
    having = [i for i in ranked if holds_plainly(kind, rows[i][0]) and not is_asking(rows[i][0])]
    if not having:
        return None
    return max(having, key=lambda i: rows[i][1] + _near(i, keep))


GAP = "…"  # between sentences that are not next to each other in the minutes


def _runs(indices: list[int]) -> list[list[int]]:
    """[2, 3, 7] -> [[2, 3], [7]]: sentences next to each other in the minutes."""
    runs: list[list[int]] = []
    for i in indices:
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _names_item(asked: set[str], hit: Hit) -> bool:
    """The question names this item by its title ("what was raised under any other
    business?"): every topic word of the title is in the question."""
    if hit.ref.item == MEETING_ITEM:
        return False
    title = content_terms(hit.ref.title)
    return bool(title) and set(title) <= asked


def _empty_record(hit: Hit, rows: list[tuple[str, float, frozenset[str]]]) -> bool:
    return hit.ref.item == MEETING_ITEM and len(rows) <= 1


def _has_content(hit: Hit, rows: list[tuple[str, float, frozenset[str]]]) -> bool:
    return bool(hit.decisions) or any(len(row[0]) > 12 for row in rows)
