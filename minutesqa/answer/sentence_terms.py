"""Which of the question's words choose the answer's sentences inside an item
(`topic_terms_for`): not those naming the item's meeting (`meeting_terms`), nor, in a
question about what was said, the posts of those who said it (`SPEAKER_TERMS`)."""

from __future__ import annotations

import re

from minutesqa.indexing.terms import tokenize
from minutesqa.lexicon import POSTS
from minutesqa.models import Hit


def meeting_terms(hit: Hit) -> set[str]:
    """The words that say which meeting the item is from: its body's name, the month and
    the year it was held ("At the September 2023 Newcastle West Joint Policing
    Sub-Committee, when ..."). They found the meeting; inside it they tell no sentence
    from another, so sentence choice does not count them (a year that is not the
    meeting's, "deaths in 2009", still counts)."""
    when = hit.ref.date
    return set(tokenize(f"{hit.ref.committee} {when:%B} {when.year}"))


# the words of a post or rank (lexicon.POSTS: "the Garda superintendent", "the Operations
# Manager"): they name who spoke, and the item names the speaker in every sentence of his
# report, not only in the one that answers. Honorifics are left out: they name no one
# alone, and "Miss" is the stem of "missing"
SPEAKER_TERMS = frozenset(tokenize(" ".join(POSTS)))
# a question about what was said: there a post names the speaker ("what did the Garda
# superintendent tell ...", "according to the Chief Superintendent"); elsewhere it may be
# the topic ("who was elected chair", "candidates for Police and Crime Commissioner")
_SAID = re.compile(
    r"\b(?:say|said|says|tell|told|report|reported|present|presented|outline|outlined|"
    r"describe|described|explain|explained|advise|advised|inform|informed|state|stated|"
    r"brief|briefed|according to)\b",
    re.I,
)


def topic_terms_for(question: str, hit: Hit) -> set[str]:
    """The question's words less those naming the item's meeting and, in a question about
    what was said (_SAID), the posts of those who said it (SPEAKER_TERMS: "what did the
    Garda superintendent tell the committee about fraud" is about fraud); all of them when
    that leaves none."""
    terms = set(tokenize(question))
    speakers = SPEAKER_TERMS if _SAID.search(question) else frozenset()
    return (terms - meeting_terms(hit) - speakers) or terms
