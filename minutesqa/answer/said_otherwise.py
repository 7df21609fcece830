"""Two ways a telling word of the question (abstain's telling_words_missing) is not missing
though no item found holds it: the items say its meaning in another word, or it is no topic
word at all.

- Said otherwise (`said_alike`, `compound_said_alike`): a morphological variant, a compound's
  part or a near synonym ("motorbike" where the minutes say "motorcycle" and "bike",
  "extend" for "extension", "the house extension" where they say "a two bedroom
  extension"). Decided by the product's embedding model: the cosine of the two words'
  vectors (`ALIKE`), among the item's words that share a character n-gram with the
  question's word (`GRAM`: cheap, and a variant or compound part shares one), or, for a
  compound, the two-word phrases of the item ending in its head word.
- Furniture (`is_furniture`): a hedge or a frame of the question ("Roughly how many ...",
  "approximately", "exactly", "currently") that carries almost none of its meaning: the
  question's vector without the word is this close to the question's own (`FURNITURE`).

Names ("Active Cities", "body-worn") are not paraphrased: callers ask this of topic words
and of compounds that are not names only."""

from __future__ import annotations

import re

import numpy as np

from minutesqa.indexing.embed import QUERY_TEXTS, Embedder
from minutesqa.indexing.terms import STOPWORDS, tokenize

# The cosine at which two words say the same thing. Chosen on the missing telling words of
# all eight question sets (Limerick a-e and own, samples, layouts; survey at s14abst):
# answerable questions' words and their items' nearest words 0.70-0.94 (couldn't/could
# 0.70, announce/announced 0.71, motorbike/bike 0.71 and /motorcycle 0.81, fertilizer/
# fertiliser 0.73, equines/equine 0.94); the refused questions' words at most 0.39
# (fluoridation/disinfection 0.39, nitrous/dangerously 0.27).
ALIKE = 0.7
# The same for two compounds with the same head, whose vectors the shared head brings
# together: house extension/bedroom extension 0.75, police commissioner's/crime
# commissioners 0.78; the refused questions' compounds at most 0.70 (public ice/permanent
# ice 0.699, new football/school football 0.69, office building/historic building 0.60,
# cable car/one car 0.52). A narrow gap: each of those questions has other telling words
# missing too (rink, stadium).
COMPOUND_ALIKE = 0.72
# The cosine between a question and the question without one word at or above which the
# word is furniture: "Roughly how many ..." 0.993, 0.995, 0.998 (set E e10, a l08, b b02);
# the refused questions' telling words at most 0.982 (laughing in "laughing gas", with
# nitrous 0.967 and canisters 0.974), most 0.79-0.97.
FURNITURE = 0.988
# the character n-gram length a word and its variant or compound part share
GRAM = 4
_WORD = re.compile(r"[a-zà-ÿ][a-zà-ÿ'’-]*[a-zà-ÿ]")
_CACHE_SIZE = 20_000
_vectors: dict[tuple[str, str], np.ndarray] = {}


def words_of(text: str) -> list[str]:
    """A text's words as written, lowercased, in order ("motorcycle", "bedroom")."""
    return _WORD.findall(text.lower())


def surface(text: str, token: str) -> str:
    """The word of `text` that `tokenize` reads as `token` ("motorbike"; "demonstrated" for
    "demonstrat"), or the token itself."""
    return next((w for w in words_of(text) if tokenize(w) == [token]), token)


def vectors(embedder: Embedder, texts: list[str]) -> np.ndarray:
    """The texts' vectors, one row each, kept across questions (a word's vector is the
    same in every one). Embedded QUERY_TEXTS at a time, as questions are."""
    new = list(dict.fromkeys(t for t in texts if (embedder.name, t) not in _vectors))
    if new:
        if len(_vectors) + len(new) > _CACHE_SIZE:
            _vectors.clear()
        # a few texts at a time: the query model's calls, which never load torch
        rows = [embedder.embed(new[i : i + QUERY_TEXTS]) for i in range(0, len(new), QUERY_TEXTS)]
        for text, vector in zip(new, np.concatenate(rows), strict=True):
            _vectors[(embedder.name, text)] = vector
    return np.array([_vectors[(embedder.name, t)] for t in texts])


def _grams(word: str) -> set[str]:
    return {word[i : i + GRAM] for i in range(len(word) - GRAM + 1)}


def said_alike(embedder: Embedder, word: str, item_words: set[str]) -> bool:
    """Whether an item word sharing a character n-gram with `word` means it (`ALIKE`):
    "motorcycle" or "bike" for "motorbike", "extend" for "extension"."""
    grams = _grams(word)
    near = sorted(w for w in item_words if w != word and _grams(w) & grams)
    if not near:
        return False
    return bool(np.max(vectors(embedder, near) @ vectors(embedder, [word])[0]) >= ALIKE)


def compound_said_alike(embedder: Embedder, compound: list[str], items: list[list[str]]) -> bool:
    """Whether an item says the compound's head after a word that makes the two mean the
    compound (`COMPOUND_ALIKE`): "two bedroom extension" for "the house extension"; not "shared car"
    for "a cable car", nor "an ambulance" for "an air ambulance" (a stopword before the
    head is no modifier)."""
    head = tokenize(compound[-1])
    pairs = {
        f"{words[i - 1]} {words[i]}"
        for words in items
        for i in range(1, len(words))
        if tokenize(words[i]) == head and words[i - 1] not in STOPWORDS and tokenize(words[i - 1])
    }
    pairs.discard(" ".join(compound))
    if not pairs:
        return False
    near = sorted(pairs)
    asked = vectors(embedder, [" ".join(compound)])[0]
    return bool(np.max(vectors(embedder, near) @ asked) >= COMPOUND_ALIKE)


def is_furniture(embedder: Embedder, question: str, word: str) -> bool:
    """Whether the question means nearly the same without the word (`FURNITURE`): a hedge
    or a frame ("roughly", "approximately"), not the thing asked."""
    without = re.sub(rf"(?i)(?<![\w-]){re.escape(word)}(?![\w-])", " ", question)
    without = " ".join(without.split())
    if without == " ".join(question.split()):
        return False
    full, rest = vectors(embedder, [question, without])
    return bool(full @ rest >= FURNITURE)
