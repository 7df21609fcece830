"""The question's names and compounds (`question_phrases`), and whether a text says them
as phrases (`says`, `saying_chunks`): "a cable car" is not "a shared car scheme", "the
Active Cities programme" not "the cities' active travel plans". Used by abstain's
telling-words and body checks."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

import numpy as np

from minutesqa.answer.query import topic_terms
from minutesqa.answer.question import AUXILIARY
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.indexing.terms import STOPWORDS, committee_words, tokenize
from minutesqa.lexicon import NUMBER_WORDS, PERSON_TITLES, QUARTER_WORDS
from minutesqa.segment.dates import MONTH_NAMES, WEEKDAY


@dataclass(frozen=True)
class Phrase:
    """Words of the question that go together, as tokens (`tokenize`: stems, so "Cities"
    is "city"), in order."""

    tokens: tuple[str, ...]
    # a name ("Active Cities"), a quoted phrase or a hyphened compound ("body-worn"): said as
    # it is or not at all; else two topic words side by side ("cable car"), which the
    # minutes may put otherwise ("the transition of staff")
    name: bool


_WORD = re.compile(r"[A-Za-z0-9À-ÿ][\w'’À-ÿ]*")
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,80})[\"”]")
# inside a name, between two of its capitalised words ("Department of Justice",
# "Home and Social Development")
_JOINERS = frozenset({"of", "and", "for"})
_NAME_JOINER = re.compile(r"\s*&\s*")
# words that begin a sentence, a date or a title: capitalised, but of no name
# the words that open a noun phrase: the two topic words after one are a compound ("a cable
# car", "the staff transition"), not a verb and its object ("did the winner receive")
_DETERMINERS = frozenset("a an the its their this that these those our his her".split())
_NUMBER_WORDS = frozenset(NUMBER_WORDS)
_NOT_NAMES = frozenset(
    (*(w.casefold() for w in MONTH_NAMES.split("|")), *PERSON_TITLES, *QUARTER_WORDS)
)


def _compound(words: list[re.Match[str]], i: int) -> bool:
    """Whether the words i-1 and i are a compound: they follow a determiner not put after an
    auxiliary ("did the winner receive": a verb), and neither is an adverb or a verb's form
    in -ed ("the newly appointed", "the library opened")."""
    if i < 2 or words[i - 2].group().casefold() not in _DETERMINERS:
        return False
    if i >= 3 and re.fullmatch(AUXILIARY, words[i - 3].group(), re.I):
        return False
    return not any(re.search(r"(?:ly|ed)$", w.group()) for w in words[i - 1 : i + 1])


def question_phrases(text: str, places: frozenset[str] = frozenset()) -> tuple[Phrase, ...]:
    """The question's names and compounds, whose words the minutes must say together to
    speak of the thing asked (abstain: "a cable car" is not "a shared car scheme", "the
    Active Cities programme" not "the cities' active travel plans"): runs of two or more
    capitalised words after a sentence's first word (joined by space, hyphen, "of", "and",
    "&"; none where its stopwords are capitalised: title case, capitals), split at
    `places` (the words of the archive's committee names, casefolded: a
    body or a place says where to look, not what is asked), month and weekday names and
    titles; phrases in double quotes; lowercase words joined by a hyphen ("body-worn"); and
    (name False) two topic words side by side in lowercase after a determiner ("a cable
    car"). Neither pair holds a word of `places` or a number word ("five-year")."""
    phrases: list[Phrase] = []
    for quoted in _QUOTED.findall(text):
        if len(tokens := tuple(tokenize(quoted))) >= 2:
            phrases.append(Phrase(tokens, True))
    phrases += _names_and_compounds(text, places)
    return tuple(dict.fromkeys(phrases))


def _names_and_compounds(text: str, places: frozenset[str]) -> list[Phrase]:
    """`question_phrases`' runs of capitalised words, hyphened words and compounds."""
    phrases: list[Phrase] = []
    words = list(_WORD.finditer(text))
    topic = set(topic_terms(text))
    # a question written in capitals or title case ("What Did The Council ...") marks no
    # name by them: two or more of its stopwords after the first word are capitalised
    titled = (
        sum(w.group()[0].isupper() and w.group().casefold() in STOPWORDS for w in words[1:]) >= 2
    )
    run: list[str] = []

    def close() -> None:
        if len(run) >= 2 and len(tokens := tuple(tokenize(" ".join(run)))) >= 2:
            phrases.append(Phrase(tokens, True))
        run.clear()

    for i, word in enumerate(words):
        gap = text[words[i - 1].end() : word.start()] if i else ""
        first = not i or bool(re.search(r"[.?!:;]", gap))
        value = word.group()
        following = words[i + 1].group() if i + 1 < len(words) else ""
        if run and value.casefold() in _JOINERS and gap == " " and following[:1].isupper():
            continue  # "Department of Justice": the name goes on
        named = (
            value[0].isupper()
            and not first
            and not titled
            and not set(committee_words(value)) & (places | _NOT_NAMES)
            and not re.fullmatch(WEEKDAY + "s?", value, re.I)
        )
        joined = gap == " " or gap == "-" or bool(_NAME_JOINER.fullmatch(gap))
        if not (named and joined and run):
            close()
        if named:
            run.append(value)
        before = words[i - 1].group() if i else ""
        if not (gap in ("-", " ") and value.islower() and before.islower()):
            continue
        pair = (*tokenize(before), *tokenize(value))
        if (
            len(pair) != 2
            or not topic.issuperset(pair)
            or {before, value} & (places | _NUMBER_WORDS)
        ):
            continue
        if gap == "-":
            phrases.append(Phrase(pair, True))
        elif _compound(words, i):
            phrases.append(Phrase(pair, False))
    close()
    return phrases


def says(tokens: list[str], phrase: tuple[str, ...]) -> bool:
    """Whether a text (its `tokenize` tokens) says a phrase: its tokens in a row (inflected
    as the tokens' stems allow: "Active City" in "Active Cities"), or run together as one
    word ("cablecar" for "cable car")."""
    if "".join(phrase) in tokens:
        return True
    n, first = len(phrase), phrase[0]
    return any(tokens[i : i + n] == list(phrase) for i, t in enumerate(tokens) if t == first)


# between two tokens of a phrase: what `tokenize` leaves out (other characters, and words:
# stopwords, single letters), a few words at most ("Ward's Cross", "cable for the car")
_BETWEEN = r"[^a-z0-9']+(?:[a-z0-9]+(?:'[a-z]+)?[^a-z0-9']+){0,6}?"


# the endings `tokenize`'s stemmer takes off ("-ations" ... "-s")
_ENDINGS = "(?:ations|ation|isms|ism|ments|ment|ing|ed|es|s)?"


@functools.lru_cache(maxsize=256)
def _phrase_pattern(phrase: tuple[str, ...]) -> re.Pattern[str]:
    """A pattern for the phrase in a text (lowercased, ’ as '): each token's stem with an
    ending the stemmer takes off ("cities" for "city"), with what `tokenize` drops
    between. A sieve: what it finds, `says` reads as tokens."""

    def word(stem: str) -> str:
        forms = [re.escape(stem) + _ENDINGS]
        if stem.endswith("y"):
            forms.append(re.escape(stem[:-1]) + "ies")
        return r"(?:" + "|".join(forms) + r")(?:'[a-z]+)?(?![a-z0-9])"

    return re.compile(r"(?<![a-z0-9])" + _BETWEEN.join(word(t) for t in phrase))


def saying_chunks(lexical: LexicalIndex, phrase: tuple[str, ...], most: int | None) -> np.ndarray:
    """Positions of the chunks that say the phrase (`says`), the first most + 1 with `most`."""
    joined = lexical.chunks_with("".join(phrase))
    candidates = functools.reduce(np.intersect1d, [lexical.chunks_with(t) for t in phrase])
    found = [int(p) for p in joined]
    pattern = _phrase_pattern(phrase)
    for pos in candidates:
        if most is not None and len(found) > most:
            break
        if int(pos) in found:
            continue
        text = lexical.documents[pos].lower().replace("’", "'")
        if any(says(tokenize(m.group()), phrase) for m in pattern.finditer(text)):
            found.append(int(pos))
    return np.array(found, dtype=np.int64)
