"""Committee names: which committees a user's filter stands for, which a question names,
the words that name no committee in particular, and one name per body for a picker."""

from __future__ import annotations

import re
from collections import defaultdict

from minutesqa.errors import ConfigError
from minutesqa.indexing.lexical import LexicalIndex
from minutesqa.indexing.terms import STOPWORDS, committee_words, tokenize
from minutesqa.lexicon import BODY_NOUNS, GENERIC_NAME_WORDS

COMMITTEE_FILLER = frozenset({"the", "of", "a", "an", "meeting", "meetings"})
# words that name no body in particular, so a question using them names no committee: the
# commonest organisational nouns, levels of government, kinds of meeting, and (found in the
# index, `common_name_words`) words of committee names that most of the archive's text
# uses, such as the council's own name ("Limerick": 75% of its chunks) or "Board" and
# "Directors" in a folder of boards (71%, 63%)
COMMITTEE_GENERIC = COMMITTEE_FILLER | frozenset(
    (*GENERIC_NAME_WORDS, "and", "in", "to", "on", "for", "at")
)


def common_name_words(
    names: list[str], lexical: LexicalIndex, share: float = 0.5
) -> frozenset[str]:
    """Words of the committee names that at least `share` of the chunks use
    (Tuning.common_name_share)."""
    n = len(lexical.ids) or 1
    words = {w for name in names for w in committee_words(name, names)}
    return frozenset(
        w for w in words if (t := tokenize(w)) and lexical.df.get(t[0], 0) >= share * n
    )


def resolve_committees(name: str | None, known: list[str]) -> tuple[str, ...]:
    """The committees a user's name stands for: the exact one, else every committee
    whose name holds all its words ('joint policing', or 'JPC', which a known name's
    initials spell: the Joint Policing Committee however each set of minutes spells it).
    Empty: no filter."""
    if not name or not name.strip():
        return ()
    if name in known:  # and its other spellings: '&' for 'and', a hyphen for a space
        same = committee_words(name, known)
        return tuple(c for c in known if c == name or committee_words(c, known) == same)
    words = set(committee_words(name, known)) - COMMITTEE_FILLER
    matches = [c for c in known if words and words <= set(committee_words(c, known))]
    if not matches:
        low = name.lower().strip()
        matches = [c for c in known if low in c.lower()]
    if not matches:
        shown = ", ".join(known[:8]) + (" …" if len(known) > 8 else "")
        raise ConfigError(f"no committee in the index matches {name!r}; known: {shown}")
    return tuple(matches)


# the last word of a noun phrase that names a body ("the housing SPC": committee)
_BODY_HEADS = frozenset(n for n in BODY_NOUNS if " " not in n and "-" not in n)
# words inside a body's name that do not end its phrase ("Home and Social Development SPC")
_NAME_JOINERS = frozenset({"and"})
# the words that put a name after its body noun ("Municipal District of Newcastle West")
_NAME_AFTER = frozenset({"of", "for"})


def body_phrases(question: str, known: list[str], generic: frozenset[str]) -> list[set[str]]:
    """The distinctive words of each noun phrase by which the question names a body of the
    archive: the words before a body noun, back to the first stopword ("At the housing SPC
    in ...": housing, strategic, policy; the abbreviation spelled out), and those after it
    by "of" or "for" ("the Municipal District of Newcastle West"), kept where they hold
    a distinctive word of a known committee's name (strategic, policy: the SPCs'). "the
    council", "the committee" name no body in particular: no phrase."""
    words = committee_words(question, known)
    vocabulary = set().union(*(set(committee_words(c, known)) - generic for c in known))
    phrases = []
    for end, word in enumerate(words):
        if word not in _BODY_HEADS:
            continue
        start = end
        while start > 0 and not words[start - 1].isdigit():
            before = words[start - 1]
            if before in STOPWORDS and before not in _NAME_JOINERS:
                break
            start -= 1
        stop = end + 1  # a name after its noun: "the District of Newcastle West"
        if stop < len(words) and words[stop] in _NAME_AFTER:
            stop += 2 if words[stop + 1 : stop + 2] == ["the"] else 1
            while stop < len(words) and words[stop] not in STOPWORDS:
                stop += 1
        distinctive = set(words[start:stop]) - generic - _NAME_JOINERS - _NAME_AFTER
        if distinctive & vocabulary:
            phrases.append(distinctive)
    return phrases


def committees_named(question: str, known: list[str], generic: frozenset[str]) -> tuple[str, ...]:
    """The committees a question names ("at the Newcastle West Joint Policing Sub
    Committee"): those whose distinctive words all appear in it, keeping only the most
    specific (the sub committee, not also the district it belongs to). Where the question
    names a body by a noun phrase (`body_phrases`), a committee none of whose distinctive
    words is in such a phrase is not the body asked: its words are a place or a subject of
    the question ("At the housing SPC ..., how many affordable units in Newcastle West ...":
    the SPC is asked, Newcastle West is where the units are, not its district's minutes)."""
    asked = set(committee_words(question, known))
    phrases = body_phrases(question, known, generic)
    named = {
        c: words
        for c in known
        if (words := set(committee_words(c, known)) - generic)
        and words <= asked
        and (not phrases or any(words & phrase for phrase in phrases))
    }
    return tuple(
        c for c, words in named.items() if not any(words < other for other in named.values())
    )


def with_sub_bodies(
    named: tuple[str, ...], known: list[str], generic: frozenset[str]
) -> tuple[str, ...]:
    """The bodies named and those whose name holds all of a named one's distinctive words:
    its sub committees ("the Newcastle West district": also the Municipal District of
    Newcastle West Joint Policing Sub Committee), never the body above a sub committee."""
    wanted = [set(committee_words(c, known)) - generic for c in named]
    subs = [c for c in known if any(w and w <= set(committee_words(c, known)) for w in wanted)]
    return tuple(dict.fromkeys([*named, *subs]))


def committees_placed(question: str, known: list[str], generic: frozenset[str]) -> tuple[str, ...]:
    """The committees a question names in part, by a capitalised distinctive word of their
    name ("break-ins around Kilmallock": the bodies of the Cappamore-Kilmallock district;
    "policing in Rathkeale": those of Adare-Rathkeale), a town or subject the names share.
    Searched with a preference only (retrieve: `prefer`), never as the body named."""
    capitalised = re.findall(r"(?<=\s)[A-Z][\w'’-]*", question)
    asked = {w for word in capitalised for w in committee_words(word, known)} - generic
    return tuple(c for c in known if asked & set(committee_words(c, known)))


def committee_family(
    named: tuple[str, ...], known: list[str], generic: frozenset[str]
) -> tuple[str, ...]:
    """The bodies sharing a distinctive word with one of `named`: a district and its sub
    committees ("Municipal District of Newcastle West" and "Municipal District of Newcastle
    West Joint Policing Sub Committee"), one body's spellings. A question that names one
    ("the Newcastle West district") may be answered from the minutes of any of them."""
    words = set().union(*(set(committee_words(c, known)) - generic for c in named))
    return tuple(c for c in known if words & (set(committee_words(c, known)) - generic))


def committee_choices(committees: dict[str, int]) -> list[str]:
    """One name per committee for a picker: spellings that differ only in '&'/'and',
    hyphens or apostrophes are one body, shown as its most used spelling."""
    groups: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name in committees:
        groups[tuple(committee_words(name, committees))].append(name)
    return sorted(min(names, key=lambda c: (-committees[c], c)) for names in groups.values())


def committees_phrase(committees: dict[str, int], named: int = 3) -> str:
    """How a sentence names the index's bodies: up to `named` by name ("Safer Stockton
    Partnership"), else their number ("42 committees"; the picker carries the names).
    Spellings of one body count once."""
    names = committee_choices(committees)
    if not names:
        return "no committee"
    if len(names) <= named:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{len(names)} committees"
