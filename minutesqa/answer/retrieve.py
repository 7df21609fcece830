"""Stage 6: hybrid retrieval. What to search for a question: the committees and dates of
its filters and of the question itself, the bodies it names, a meeting that did not take
place; the search itself (dense and BM25 over the same chunks, fused by reciprocal rank,
merged into agenda items) is `ranking`'s. What it returns is `retrieval`'s; a date in the
question weighs as `date_preference` says."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from minutesqa.answer.date_preference import _date_preferred
from minutesqa.answer.dates import DateIntent
from minutesqa.answer.query import (
    Query,
    intersect,
    mentions_period,
    topic_terms,
)
from minutesqa.answer.question import ParsedQuestion, asking_part, parse_question
from minutesqa.answer.ranking import ItemRanker
from minutesqa.answer.retrieval import BodyScope, Coverage, Retrieval
from minutesqa.committees import (
    COMMITTEE_GENERIC,
    committee_family,
    committees_named,
    committees_placed,
    common_name_words,
    resolve_committees,
    with_sub_bodies,
)
from minutesqa.config import Settings
from minutesqa.errors import IndexMissingError
from minutesqa.indexing.embed import Embedder, get_embedder
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.indexing.lexical_sync import open_lexical
from minutesqa.indexing.sentence_store import SentenceStore
from minutesqa.indexing.store import VectorStore
from minutesqa.indexing.terms import committee_words, tokenize
from minutesqa.models import SENTENCES_VERSION, Hit


@dataclass(frozen=True)
class _Scope:
    """The bodies one question searches (`Retriever._scope`)."""

    committees: tuple[str, ...]  # the filter's
    committee: str | None  # how the answer names the filter
    named: tuple[str, ...]  # the bodies the question names (with no filter)
    prefer: tuple[str, ...]  # the bodies ranked first
    places: frozenset[str]  # the words that place the question (not its topic)


class Retriever:
    def __init__(
        self,
        settings: Settings,
        *,
        store: VectorStore | None = None,
        embedder: Embedder | None = None,
        lexical: LexicalIndex | None = None,
    ) -> None:
        self.settings = settings
        self.store = store or VectorStore(settings, create=False)
        if self.store.count() == 0:
            raise IndexMissingError(
                f"the index at {settings.index_dir} is empty: run 'minutes ingest DIR' first"
            )
        self.embedder = embedder or get_embedder(
            settings.model, settings.embed_batch_size, settings.query_backend
        )
        self.lexical = lexical or open_lexical(self.store, settings)
        self.ranker = ItemRanker(self.lexical, settings)
        # every item's sentence vectors, made at ingest (empty for an index made before)
        self.sentence_store = SentenceStore.load(
            settings.index_dir / "sentences", settings.model, SENTENCES_VERSION
        )
        self.coverage = self._coverage()
        self._generic = COMMITTEE_GENERIC | common_name_words(
            list(self.coverage.committees), self.lexical, settings.tuning.common_name_share
        )

    # --- what the index covers ------------------------------------------------------------
    def _coverage(self) -> Coverage:
        dates: dict[str, set[dt.date]] = defaultdict(set)
        for meta in self.lexical.metadatas:
            if int(meta.get("item_index", -1)) != 0:
                continue
            if self.settings.exclude_restricted and meta.get("restricted"):
                continue
            dates[str(meta["committee"])].add(dt.date.fromisoformat(str(meta["date"])))
        all_dates = [d for ds in dates.values() for d in ds]
        return Coverage(
            meetings=len(all_dates),
            committees={k: len(v) for k, v in sorted(dates.items())},
            first=min(all_dates) if all_dates else None,
            last=max(all_dates) if all_dates else None,
            first_by_committee={k: min(v) for k, v in dates.items()},
            dates_by_committee={k: sorted(v) for k, v in dates.items()},
        )

    def resolve_committees(self, name: str | None) -> tuple[str, ...]:
        return resolve_committees(name, list(self.coverage.committees))

    def committees_named(self, question: str) -> tuple[str, ...]:
        return committees_named(question, list(self.coverage.committees), self._generic)

    def committee_family(self, named: tuple[str, ...]) -> tuple[str, ...]:
        return committee_family(named, list(self.coverage.committees), self._generic)

    def _body_scope(
        self,
        text: str,
        vector: np.ndarray,
        named: tuple[str, ...],
        since: dt.date | None,
        until: dt.date | None,
    ) -> BodyScope:
        family = self.committee_family(named) or named
        others = tuple(c for c in self.coverage.committees if c not in family)
        own = self.ranker.search(text, vector, family, since, until, 1)
        other = self.ranker.search(text, vector, others, since, until, 1) if others else []
        name = set().union(*(tokenize(c) for c in named))
        terms = [t for t in topic_terms(text) if t not in name]
        lex = self.lexical
        own_cov, other_cov = (
            lex.coverage_of(terms, [[lex.position[c] for c in found[0].chunk_ids]])[0]
            if found
            else 0.0
            for found in (own, other)
        )
        return BodyScope(
            own[0] if own else None, other[0] if other else None, own_cov, other_cov, family
        )

    def _events(
        self,
        text: str,
        vector: np.ndarray,
        committees: tuple[str, ...],
        intent: DateIntent,
        k: int,
        prefer: tuple[str, ...] = (),
    ) -> list[Hit]:
        """ "children arrested in August 2023", "employee of the month for May 2022": the date
        is of the events, not of a meeting (none was held then). Items of any date that
        mention that time themselves and hold Tuning.event_coverage of the topic."""
        found = self.ranker.search(text, vector, committees, None, None, k, prefer)
        least = self.settings.tuning.event_coverage
        return [
            h for h in found if mentions_period(h.text, intent, h.ref.date) and h.coverage >= least
        ]

    # --- search ---------------------------------------------------------------------------
    def search(self, query: Query) -> Retrieval:
        tune = self.settings.tuning
        parsed = parse_question(query.question, query.history, tune.follow_up_words)
        question, intent, text = parsed.text, parsed.dates, parsed.search_text
        scope = self._scope(query, text)
        committees, named, prefer = scope.committees, scope.named, scope.prefer
        committee = scope.committee
        asking = asking_part(question, scope.places, parsed.dates) if not parsed.follow_up else ""
        wants_focus = bool(asking and tune.focus_weight)
        # what it asks, without where and when, is embedded with the question, in one call
        vectors = self.embedder.embed([text, asking] if wants_focus else [text])
        vector = vectors[0]
        focus = vectors[1] if wants_focus else None
        if intent.year is not None and self._empty_range(
            committees or named, *intersect(query.since, query.until, intent)
        ):
            intent = intent.whole_year()  # "spring 2011": no meeting then, its year's
        since, until = intersect(query.since, query.until, intent)
        dated = bool(intent.since or intent.until)
        empty = self._none_met(query, scope, text, vector, intent, since, until, parsed)
        if empty is not None:
            return empty
        hits = self.ranker.search(text, vector, committees, since, until, query.k, prefer)
        wide: list[Hit] | None = None  # the same search at every date
        if dated and not (query.since or query.until or intent.latest or intent.earliest):
            wide = self.ranker.search(text, vector, committees, None, None, query.k, prefer)
            hits = _date_preferred(
                hits, wide, intent, query.k, tune.date_boost, tune.reported_boost
            )
        if (intent.latest or intent.earliest) and hits and not (query.since or query.until):
            hits, since, until = self._pinned(
                query, scope, text, vector, intent, hits, since, until
            )
        elsewhere = None
        if dated and hits and not (intent.latest or intent.earliest):
            if wide is None:
                wide = self.ranker.search(
                    text, vector, committees, query.since, query.until, 1, prefer
                )
            elsewhere = wide[0] if wide else None
        own = self.embedder.embed([question])[0] if text != question else None
        body = self._body_scope(text, vector, named, since, until) if named and hits else None
        return Retrieval(
            hits,
            vector,
            text,
            since,
            until,
            committee,
            dated=dated,
            elsewhere=elsewhere,
            question_vector=own,
            focus_vector=focus,
            named=named,
            body=body,
            parsed=parsed,
            idf=self.lexical.idf,
        )

    def _scope(self, query: Query, text: str) -> _Scope:
        """The bodies a question searches: those its filter gives, those it names, those
        it prefers (the named and their sub committees, else those a capitalised word of
        their name points to), and the words that place it."""
        committees = self.resolve_committees(query.committee)
        committee = (
            committees[0] if len(committees) == 1 else (query.committee if committees else None)
        )  # how the answer names the filter
        named = () if committees else self.committees_named(text)
        known = list(self.coverage.committees)
        prefer = (
            with_sub_bodies(named, known, self._generic)
            if named
            else (() if committees else committees_placed(text, known, self._generic))
        )
        places = frozenset(
            t
            for c in prefer
            for w in set(committee_words(c, known)) - self._generic
            for t in tokenize(w)
        )
        return _Scope(committees, committee, named, prefer, places)

    def _none_met(
        self,
        query: Query,
        scope: _Scope,
        text: str,
        vector: np.ndarray,
        intent: DateIntent,
        since: dt.date | None,
        until: dt.date | None,
        parsed: ParsedQuestion,
    ) -> Retrieval | None:
        """The retrieval where no meeting of the bodies searched falls in the dates asked:
        the items of other meetings that speak of that time, else none; None where some
        meeting does."""
        committees, named, committee = scope.committees, scope.named, scope.committee
        dated = bool(intent.since or intent.until)
        prefer: tuple[str, ...]
        label: str | None
        if dated and named and not committees and self._empty_range(named, since, until):
            # "the Newcastle West JPC in October 2020": that body did not meet then, unless
            # an item of its other meetings speaks of that time (as below)
            bodies, prefer, label = named, (), " or ".join(named)
        elif (since and until and since > until) or self._empty_range(committees, since, until):
            bodies, prefer, label = committees, named, committee
        else:
            return None
        lex = self.lexical
        by_events = dated and not (query.since or query.until)
        hits = self._events(text, vector, bodies, intent, query.k, prefer) if by_events else []
        if hits:
            return Retrieval(
                hits, vector, text, None, None, committee, dated=True, parsed=parsed, idf=lex.idf
            )
        return Retrieval([], vector, text, since, until, label, True, parsed=parsed, idf=lex.idf)

    def _pinned(
        self,
        query: Query,
        scope: _Scope,
        text: str,
        vector: np.ndarray,
        intent: DateIntent,
        hits: list[Hit],
        since: dt.date | None,
        until: dt.date | None,
    ) -> tuple[list[Hit], dt.date | None, dt.date | None]:
        """ "The latest" / "the first": the items of that meeting first, and its day as the
        dates searched."""
        bodies = scope.committees or scope.named or (hits[0].ref.committee,)
        dates = sorted({d for c in bodies for d in self.coverage.dates_by_committee.get(c, [])})
        if dates:
            day = dates[-1] if intent.latest else dates[0]
            pinned = self.ranker.search(text, vector, bodies, day, day, query.k, scope.prefer)
            if pinned:
                seen = {h.ref.key() for h in pinned}
                hits = pinned + [h for h in hits if h.ref.key() not in seen]
                hits = hits[: query.k]
                since = until = day
        return hits, since, until

    def search_items(
        self,
        text: str,
        vector: np.ndarray,
        committees: tuple[str, ...],
        since: dt.date | None,
        until: dt.date | None,
        k: int,
    ) -> list[Hit]:
        """The k best items for a text, within the filters, with no reading of dates or
        committees from the text itself (briefings: the topic is all there is)."""
        if self._empty_range(committees, since, until):
            return []
        return self.ranker.search(text, vector, committees, since, until, k)

    def _empty_range(
        self, committees: tuple[str, ...], since: dt.date | None, until: dt.date | None
    ) -> bool:
        if not (since or until):
            return False
        scopes = list(committees) or list(self.coverage.dates_by_committee)
        for scope in scopes:
            for day in self.coverage.dates_by_committee.get(scope, []):
                if (since is None or day >= since) and (until is None or day <= until):
                    return False
        return True
