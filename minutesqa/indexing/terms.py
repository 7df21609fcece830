"""Words as the index and a question read them: tokens and their stems (`tokenize`), a
committee's name as plain words with its abbreviations (`committee_words`), the words of
a topic (`content_terms`, `name_words`) and a word's one-edit respellings
(`spelling_variants`)."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator

from minutesqa.lexicon import BODY_NOUNS, BODY_REFERENCE_NOUNS, MEETING_WORDS

STOPWORDS = frozenset(
    """a about above after again against all am an and any are as at be because been before
    being below between both but by can could did do does doing down during each few for from
    further had has have having he her here hers herself him himself his how i if in into is it
    its itself just me more most my myself no nor not now of off on once only or other our ours
    out over own same she should so some such than that the their theirs them then there these
    they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yours also did said what whats tell me us any""".split()
)
# question words that name the meeting, its papers or the body, generic even inside a name
# ("the Safer Stockton Partnership"); the other GENERIC words are topic words when part of
# a name (`name_words`)
BODY_WORDS = frozenset((*MEETING_WORDS, *BODY_REFERENCE_NOUNS))
# question words that say nothing about the topic: never a reason to find or miss an item
GENERIC = BODY_WORDS | frozenset(
    """much many happen happened told tell say says said decide decided decision agree agreed
    discuss discussed mention mentioned talk talked anyone anything something give given get
    got go going ask asked know show shown update cut cuts fall fell rise rose drop dropped
    change changed need needed increase decrease go went come came make made take took work
    worked kind sort way ways able increased decreased changed discussing deciding agreeing
    raised raise""".split()
)


_TOKEN = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")


@functools.lru_cache(maxsize=65536)  # a council's vocabulary: each word is stemmed once
def _stem(word: str) -> str:
    # a light suffix stripper: enough for plurals and -ing/-ed forms of council English
    for suffix, keep in (
        ("ations", ""),
        ("ation", ""),
        ("isms", ""),
        ("ism", ""),
        ("ments", ""),
        ("ment", ""),
        ("ies", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            if suffix == "s" and word.endswith("ss"):
                return word
            return word[: -len(suffix)] + keep
    return word


def tokenize(text: str) -> list[str]:
    words = _TOKEN.findall(text.lower().replace("’", "'"))
    return [_stem(w.split("'")[0]) for w in words if w not in STOPWORDS and len(w) > 1]


# one word written two ways, a general spelling rule: "Subcommittee" is "Sub Committee"
COMMITTEE_SPELLINGS = {"subcommittee": "sub committee", "subcommittees": "sub committees"}
# the shortest abbreviation read: two letters spell too many ordinary words ("at", "in")
ABBREVIATION_LETTERS = 3


def committee_words(name: str, known: Iterable[str] = ()) -> list[str]:
    """A committee name (or a question, or a filter) as plain words: case, punctuation,
    '&' ('and'), possessives and "Subcommittee" do not matter, and an abbreviation of one
    of the `known` names is spelled out ("JPC": joint policing committee, where a known
    name holds those words; `name_abbreviations`)."""
    return list(_committee_words(name, tuple(known)))


@functools.lru_cache(maxsize=4096)  # an index's committee names, read at every question
def _committee_words(name: str, known: tuple[str, ...]) -> tuple[str, ...]:
    spelled = name_abbreviations(known) if known else {}
    words: list[str] = []
    for word in _plain_words(name):
        words.extend(spelled.get(word, (word,)))
    return tuple(words)


def _plain_words(name: str) -> list[str]:
    low = name.casefold().replace("&", " and ").replace("’", "'").replace("'s ", " ")
    words: list[str] = []
    for word in re.findall(r"[a-z0-9]+", low):
        words.extend(COMMITTEE_SPELLINGS.get(word, word).split())
    return words


@functools.lru_cache(maxsize=256)  # an index's names, and the pairs eval compares
def name_abbreviations(names: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The abbreviations committee names spell, each with the words it stands for.
    An abbreviation is the initials of three or more consecutive significant words of a
    name (not STOPWORDS: "of", "the", "and") that begin the name or end it, and end in a
    noun that names a body (lexicon.BODY_NOUNS): "Limerick Joint Policing Committee" gives
    JPC and LJPC, "Economic Development, Enterprise and Planning Strategic Policy
    Committee" SPC, "Limerick City and County Council" LCCC and CCC, "San Juan Unified
    School District Board of Education" SJUSD (not USD, inside the name). Where no such
    run spells it, one that leaves out the word before its noun does: "Newcastle West
    Joint Policing Sub Committee" gives JPC too (and JPSC). Other words spell nothing
    ("Climate Action, Biodiversity and Environment" is no CAB), nor does a word a name
    writes in small letters or a stopword. Runs of different words spelling one
    abbreviation: it stands for the words they share, if two or more."""
    exact: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    shortened: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    taken: set[str] = set()  # words the names write in small letters ("West", not "JPC")
    for name in names:
        taken.update(w.casefold() for w in re.findall(r"[A-Za-z0-9]+", name) if not w.isupper())
        words = [w for w in _plain_words(name) if w not in STOPWORDS and w[0].isalpha()]
        runs = {tuple(words[:end]) for end in range(ABBREVIATION_LETTERS, len(words) + 1)}
        runs |= {tuple(words[start:]) for start in range(len(words) - ABBREVIATION_LETTERS + 1)}
        for run in runs:
            if not any(run[-len(noun) :] == noun for noun in _BODY_NOUNS):
                continue
            exact["".join(w[0] for w in run)].add(run)
            if len(run) > ABBREVIATION_LETTERS:
                short = (*run[:-2], run[-1])  # Joint Policing [Sub] Committee
                shortened["".join(w[0] for w in short)].add(short)
    spelled: dict[str, tuple[str, ...]] = {}
    for abbreviation in {*exact, *shortened} - taken - STOPWORDS:
        spellings = sorted(exact.get(abbreviation) or shortened[abbreviation])
        shared = tuple(w for w in spellings[0] if all(w in run for run in spellings[1:]))
        if len(shared) >= 2:
            spelled[abbreviation] = shared
    return spelled


# a body noun's significant words: "committee", "task force", "office education"
_BODY_NOUNS = frozenset(
    tuple(w for w in _plain_words(noun) if w not in STOPWORDS) for noun in BODY_NOUNS
)


def name_words(text: str) -> set[str]:
    """Words of the names a question uses: runs of two or more capitalised words after its
    first word ("the 2025 Ayton Show", "the Climate Change Action Plan"), as tokens."""
    words = re.findall(r"[A-Za-z][\w'’-]*", text)
    found: set[str] = set()
    run: list[str] = []
    for word in [*words[1:], ""]:
        if word[:1].isupper():
            run.append(word)
            continue
        if len(run) >= 2:
            found.update(t for w in run for t in tokenize(w))
        run = []
    return found


def content_terms(text: str) -> list[str]:
    """The question's topic words: tokens less the generic question words, except those
    that are part of a name it uses ("when is the Ayton Show": 'show' is the topic)."""
    named = name_words(text) - {_stem(w) for w in BODY_WORDS}
    generic = {_stem(w) for w in GENERIC} - named
    return [t for t in dict.fromkeys(tokenize(text)) if t not in generic]


def spelling_variants(term: str) -> Iterator[str]:
    """Other spellings of a (stemmed) term, the common ways one word is written two ways:
    a letter doubled or not ("llamas" / "Lamas", "traveller" / "traveler"), s for z
    ("fertilizer" / "fertiliser", "organize" / "organise"), -our for -or ("behaviour" /
    "behavior") and two letters swapped (a typing slip, words of 6 letters or more)."""
    for i in range(len(term)):
        if i and term[i] == term[i - 1]:
            yield term[:i] + term[i + 1 :]  # llama -> lama
        elif term[i].isalpha():
            yield term[:i] + term[i] + term[i:]  # lama -> llama
    for a, b in (("s", "z"), ("z", "s"), ("our", "or"), ("or", "our")):
        start = term.find(a)
        while start >= 0:
            yield term[:start] + b + term[start + len(a) :]
            start = term.find(a, start + 1)
    if len(term) >= 6:
        for i in range(len(term) - 1):
            if term[i] != term[i + 1]:
                yield term[:i] + term[i + 1] + term[i] + term[i + 2 :]
