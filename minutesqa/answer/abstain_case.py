"""What abstain's checks read (`Case`): the question, what retrieval found, the index, and
what is worked out from them once (the topic, the items' words, the question's names)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from minutesqa.answer.phrases import Phrase, question_phrases, saying_chunks, says
from minutesqa.answer.query import topic_terms
from minutesqa.answer.retrieval import Retrieval
from minutesqa.answer.said_otherwise import words_of
from minutesqa.answer.sentences import SentenceVectorSource
from minutesqa.indexing.embed import Embedder
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.indexing.terms import committee_words, tokenize
from minutesqa.tuning import Tuning


@dataclass(frozen=True)
class Case:
    """What every check reads: the question, what retrieval found, the index."""

    question: str
    retrieval: Retrieval
    lexical: LexicalIndex
    embedder: Embedder
    history: tuple[str, ...]
    tune: Tuning
    store: SentenceVectorSource | None

    @functools.cached_property
    def topic(self) -> list[str]:
        """The question's topic words as the minutes spell them (LexicalIndex.respell)."""
        return self.lexical.respell(topic_terms(self.retrieval.search_text))

    @functools.cached_property
    def found(self) -> set[str]:
        """The words of the first Tuning.found_items items found, titles included."""
        return set().union(*self.found_tokens)

    @functools.cached_property
    def found_tokens(self) -> list[list[str]]:
        """The tokens of the first Tuning.found_items items found, titles included, in order."""
        hits = self.retrieval.hits[: self.tune.found_items]
        return [tokenize(f"{h.ref.title} {h.text}") for h in hits]

    @functools.cached_property
    def found_words(self) -> list[list[str]]:
        """The words of the first Tuning.found_items items found as written, lowercased
        (said_otherwise.words_of), titles included, in order."""
        hits = self.retrieval.hits[: self.tune.found_items]
        return [words_of(f"{h.ref.title} {h.text}") for h in hits]

    @functools.cached_property
    def phrases(self) -> tuple[Phrase, ...]:
        """The question's names and compounds (phrases.question_phrases), none of them a
        body or a place of the archive's committee names."""
        places = frozenset(w for c in self.lexical.committee_names for w in committee_words(c))
        return question_phrases(self.retrieval.search_text, places)

    @functools.cached_property
    def names(self) -> tuple[Phrase, ...]:
        """The phrases to be said as they are: names, quoted and hyphened phrases, and the
        compounds ("a cable car") the archive says in at most Tuning.rare_share of its
        chunks: a thing it rarely names is not spoken of by items that hold its words apart
        ("cable" in "broadband cable", "car" in "shared car service")."""
        rare = int(self.tune.rare_share * len(self.lexical.ids))
        return tuple(p for p in self.phrases if p.name or len(self.saying(p, rare)) <= rare)

    def said(self, phrase: Phrase) -> bool:
        """Whether one of the items found says the phrase (`says`)."""
        return any(says(tokens, phrase.tokens) for tokens in self.found_tokens)

    def saying(self, phrase: Phrase, most: int | None = None) -> np.ndarray:
        """Positions of the archive's chunks that say the phrase (`says`); with `most`, at
        most most + 1 of them (enough to know it is more than `most`)."""
        known = self._sayings.get(phrase.tokens)
        if known is not None and (known[1] or (most is not None and len(known[0]) > most)):
            return known[0]
        found = saying_chunks(self.lexical, phrase.tokens, most)
        self._sayings[phrase.tokens] = (found, most is None or len(found) <= most)
        return found

    @functools.cached_property
    def _sayings(self) -> dict[tuple[str, ...], tuple[np.ndarray, bool]]:
        return {}  # `saying`'s answers: the positions, and whether they are all
