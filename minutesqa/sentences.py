"""Sentences of an item: splitting its text, and their embeddings for the answer writer
and the abstention check."""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import Protocol

import numpy as np

from minutesqa.embed import Embedder
from minutesqa.lexical import tokenize
from minutesqa.models import MEETING_ITEM, Hit
from minutesqa.tuning import Tuning

# Words that end in a full stop without ending the sentence: titles and ranks before a name
# ("Councillor J. O'Donoghue", "Supt. Kelly", "Cllr. M. Collins"), and abbreviations
# minutes use mid-sentence ("Co. Limerick", "No. 5", "approx. 30", "Dept. of Justice").
ABBREVIATIONS = frozenset(
    "mr mrs ms mx dr prof rev fr sr jr st cllr clr cllrs hon rt supt insp sgt gda det "
    "lt col capt cpt gen maj cmdr comdt sen rep gov pres treas sec asst assoc "
    "co no nos vol vols ref para paras pp fig approx est incl excl dept govt ltd inc "
    "corp bros mt ave rd jan feb mar apr jun jul aug sep sept oct nov dec vs viz cf al "
    "ca min max tel ext".split()
)
_BREAK = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9£€$])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)[.]$")


def split_sentences(text: str, meeting: bool = False) -> list[str]:
    """The item's sentences, each a span of its text with runs of whitespace made single
    (so a quoted sentence can be found in the minutes). A full stop after an initial
    ("J."), a dotted abbreviation ("J.P.", "i.e.") or a word of ABBREVIATIONS does not end a
    sentence; nor does one before a lower-case word. Lines of a list are sentences of their
    own. The meeting record is split by lines."""
    if meeting:
        return [line.strip() for line in text.split("\n") if line.strip()]
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n(?=[-•·*]|\(?[a-z0-9]{1,2}[.)]\s)", text):
        # a list line's bullet is layout, not words; everything else is kept verbatim
        para = re.sub(r"^[-•·*]+\s*", "", re.sub(r"\s+", " ", para).strip())
        if para:
            out.extend(_sentences_of(para))
    return out


def _sentences_of(para: str) -> list[str]:
    out: list[str] = []
    start = 0
    for m in _BREAK.finditer(para):
        end = m.start() + 1  # just after the mark
        if para[m.start()] == "." and not _ends_sentence(para[start:end]):
            continue
        piece = para[start : m.end()].strip()
        if piece:
            out.append(piece)
        start = m.end()
    tail = para[start:].strip()
    if tail:
        out.append(tail)
    return out


def _ends_sentence(before: str) -> bool:
    """Whether the full stop that ends `before` ends a sentence."""
    m = _WORD_BEFORE.search(before)
    if not m:
        return True  # "... 2023." or "(approved)."
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Councillor J. O'Donoghue"
    if "." in word:  # "J.P.", "i.e.", "p.m.": a dotted abbreviation
        return word.lower().replace(".", "") in ("am", "pm")  # "at 8 p.m. The ..." ends
    return word.lower() not in ABBREVIATIONS


class SentenceCache:
    """Sentence vectors by (embedder, sentence), bounded (least recently used go first) and
    safe to share between the app's worker threads. A call reads back only what it stored
    or found, so eviction in the middle of a call cannot lose a vector it needs."""

    def __init__(self, capacity: int = 50_000) -> None:
        self.capacity = capacity
        self._data: OrderedDict[tuple[int, str], np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._data)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()

    def vectors(self, embedder: Embedder, sentences: list[str]) -> dict[str, np.ndarray]:
        key = id(embedder)
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for s in sentences:
                v = self._data.get((key, s))
                if v is not None:
                    self._data.move_to_end((key, s))
                    found[s] = v
        todo = list(dict.fromkeys(s for s in sentences if s not in found))
        if todo:
            made = dict(zip(todo, embedder.embed(todo), strict=True))
            found.update(made)
            with self._lock:
                for s, v in made.items():
                    self._data[(key, s)] = v
                while len(self._data) > self.capacity:
                    self._data.popitem(last=False)
        return found


_SENTENCE_CACHE = SentenceCache()


def sentence_vectors(
    embedder: Embedder,
    hit: Hit,
    terms: set[str] | frozenset[str] = frozenset(),
    tuning: Tuning | None = None,
    store: SentenceVectorSource | None = None,
) -> tuple[list[str], np.ndarray]:
    """The item's sentences and their embeddings: from the sentence store made at ingest
    when it holds the item (`store`), else embedded now and cached by sentence (items and
    their sentences recur across questions). A long item (a district's policing report
    runs to hundreds of sentences) uses only its first `lead_sentences` and the
    `sentence_cap` sharing most of `terms`; the rest get a zero vector and can still be
    chosen by their words."""
    tune = tuning or Tuning()
    meeting = hit.ref.item == MEETING_ITEM
    sentences = split_sentences(hit.text, meeting=meeting) or [hit.text]
    wanted = list(range(len(sentences)))
    if len(sentences) > tune.sentence_cap:
        shared = [len(terms & set(tokenize(s))) for s in sentences]
        ranked = sorted(wanted, key=lambda i: (-shared[i], i))[: tune.sentence_cap]
        wanted = sorted(set(ranked) | set(range(tune.lead_sentences)))
    stored = store.get(hit.text, meeting) if store is not None else None
    if stored is not None and len(stored) == len(sentences):
        vectors = np.zeros((len(sentences), stored.shape[1]), dtype=np.float32)
        vectors[wanted] = stored[wanted]
        return sentences, vectors
    found = _SENTENCE_CACHE.vectors(embedder, [sentences[i] for i in wanted])
    first = found[sentences[wanted[0]]]
    vectors = np.zeros((len(sentences), first.shape[0]), dtype=np.float32)
    for i in wanted:
        vectors[i] = found[sentences[i]]
    return sentences, vectors


class SentenceVectorSource(Protocol):
    """What `sentence_vectors` reads stored vectors from (minutesqa.sentence_store)."""

    def get(self, text: str, meeting: bool) -> np.ndarray | None: ...
