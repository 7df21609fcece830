"""What a body's name looks like: a header phrase cleaned of the meeting's words
(`clean_name`), the phrase a name can be (`valid_name`: an organisational noun heads it;
never a person, address, date, sentence or e-mail), and a name printed in capitals as a
title writes it (`_tidy_name`). `body_names` finds the phrase in the header."""

from __future__ import annotations

import re

from minutesqa.lexicon import ABBREVIATIONS, BODY_NOUNS, NOUN_FIRST_BODY_NOUNS
from minutesqa.segment.dates import MONTH_NAMES, WEEKDAY

_SMALL = {"of", "and", "the", "for", "in", "on", "at", "to", "a", "an"}


def _tidy_name(name: str) -> str:
    name = re.sub(r"\s+", " ", name).strip(" ,.-–:")
    name = re.sub(r"(?<=[A-Za-z])\s?-\s(?=[A-Za-z])|(?<=[A-Za-z])\s-\s?(?=[A-Za-z])", "-", name)
    if name.isupper():
        words = name.split()
        name = " ".join(_title_word(w, small=bool(i)) for i, w in enumerate(words))
    else:  # "LOS RIOS COMMUNITY COLLEGE DISTRICT Board of Trustees": capitals written out
        name = re.sub(
            r"\b[A-Z][A-Z'’-]+(?:\s+(?:OF|AND|THE|FOR|[A-Z][A-Z'’-]+))+\b(?<=[A-Z]{4})",
            lambda m: " ".join(_title_word(w, small=True) for w in m.group(0).split()),
            name,
        )
    return re.sub(r"-([a-z])", lambda m: "-" + m.group(1).upper(), name)


# An acronym keeps its capitals when a name printed in capitals is title-cased ("MUNICIPAL
# DISTRICT OF ADARE-RATHKEALE JPC SUBCOMMITTEE", "... POLICY COMMITTEE (SPC)", "SMFD
# BOARD"): a word of 2 to 5 letters and no vowel (nor y), which no English word is, unless
# it is a title or an abbreviation written in title case ("ST", "LTD", "MR":
# lexicon.ABBREVIATIONS).
_ACRONYM = re.compile(r"[B-DF-HJ-NP-TV-XZ]{2,5}")


def _title_word(word: str, small: bool) -> str:
    """A word of a name printed in capitals as a title writes it: an acronym as printed,
    a small word ("of", "and") in lower case where `small`, any other capitalised."""
    letters = re.sub(r"[^A-Za-z]", "", word)  # "(SPC)": its letters
    if _ACRONYM.fullmatch(letters) and letters.lower() not in ABBREVIATIONS:
        return word
    low = word.lower()
    return low if small and low in _SMALL else _cap(low)


def _cap(word: str) -> str:
    """Each hyphened part's first letter capitalised, after any bracket or quote ("(Rural")."""
    return "-".join(re.sub(r"^\W*\w", lambda m: m.group(0).upper(), p) for p in word.split("-"))


# --- the body's name -------------------------------------------------------------------------

ORG_NOUNS = "|".join(BODY_NOUNS)  # a pattern of the lexicon's body nouns
_ORG = re.compile(rf"\b(?:{ORG_NOUNS})\b", re.IGNORECASE)
# words of the meeting, not of the body: kept apart as its kind or dropped
_KIND_WORDS = re.compile(
    r"\b(?:(?:regular|special|annual(?:\s+general)?|extraordinary|ordinary|monthly|"
    r"quarterly|adjourned|emergency|joint|open|closed|public|virtual|remote|hybrid|"
    r"teleconference|in-person|blended|online)\s+)*(?:board\s+)?(?:meeting|session|retreat|workshop)s?\b"
    r"|\bminutes\b|\bagenda\b|\bsummary\s+of\b|\bAGM\b|\bunapproved\b|\bdraft\b|"
    r"\bapproved\b|\bfinal\b|^\W*(?:regular|special|monthly|annual|adjourned)\b",
    re.IGNORECASE,
)
_NOT_A_NAME = re.compile(
    r"@|<!--|^\W*(?:title|type|date|subject|to|from|re|cc)\s*:|\bpage\s+\d|\d|"
    r"\b(?:street|avenue|road|suite|floor|boulevard|blvd|drive|lane)\b|"
    r"\b(?:was|were|is|are|will|would|has|have|had|take|took|be|been|please|this|these)\b|"
    r"\b(?:attendees|attendance|present|absent|president|chair|chairman|chairperson|vice|clerk|"
    r"secretary|treasurer|manager|administrator|assistant|staff|apologies|members?|next|logo|regarding|re)\b|"
    r"\bcllrs?\b\.?|"  # a councillor's title: a person follows, not a body
    r"\b[A-Z][a-z'’-]+(?:\s+[A-Z][\w.'’-]*){1,2},\s+(?:District|Director|Member|Chair)|"
    r"\s[A-Z]$|"
    rf"\b{WEEKDAY}\b|"
    rf"\b(?:{MONTH_NAMES})\b",
    re.IGNORECASE,
)


# "Northwold Parish Council – Extraordinary Meeting": the kind after a dash is not a name
_KIND_AFTER_DASH = re.compile(
    r"\s[–—-]\s*(?:regular|special|annual|extraordinary|ordinary|monthly|quarterly|emergency|"
    r"adjourned)(?:\s+meeting)?\s*$",
    re.IGNORECASE,
)


_KIND_ADJECTIVES = "regular|special|monthly|annual|adjourned|ordinary|extraordinary"  # of meeting


def clean_name(text: str) -> str:
    """A header phrase with the meeting's words (kind, "Minutes", dates) taken out."""
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", text)
    # "... held on Tuesday", "... which was held in ...": the name ends there
    text = re.split(r"\s+(?:which\s+was\s+)?held\b|\s+on\s+\w+day\b", text, flags=re.I)[0]
    # "... District of Cappamore-Kilmallock to Approve the ...", "... on Athenacey Graveyard":
    # what the meeting was for follows the body's name ("Committee on Finance" is a name)
    text = _purpose_cut(text)
    # "STOKE FERRY PARISH COUNCIL Draft Minutes Subject to the Approval ...": the name ends
    # where the document names itself
    m = re.search(r"\s(?:draft\s+|unapproved\s+)?(?:minutes|agenda)\b", text, re.IGNORECASE)
    if m and _ORG.search(text[: m.start()]):
        text = text[: m.start()]
    text = _KIND_AFTER_DASH.sub("", text)
    text = MEETING_OF_INSIDE.sub(lambda m: " " if _ORG.search(text[: m.start()]) else m[0], text)
    text = _KIND_WORDS.sub(" ", text)
    text = re.sub(r"\s+", " ", text).strip(" ,.-–—:;|/&")
    text = re.sub(r"^(?:of|for|the|and|a|an)\s+(?:the\s+)?", "", text, flags=re.I)
    text = re.sub(r"\s+(?:of|for|the|and|held|on|at|in)$", "", text, flags=re.I)
    # "Regular Board of Trustees", and "Board of Trustees Regular" (before "Meeting" on its
    # line): the kind, not the name
    text = re.sub(
        rf"^(?:{_KIND_ADJECTIVES})\s+|(?<=\w)\s+(?:{_KIND_ADJECTIVES})$", "", text, flags=re.I
    )
    # ... and inside it: "Crete Township Special Board of Trustees", "Stoke Ferry Annual
    # Parish Council", "Milburn Parish Council A.G.M" (`KIND_INSIDE`)
    text = KIND_INSIDE.sub(" ", text)
    # "Northwold Parish Council March (Meeting)", "... Council May 2015": the meeting's month
    text = MONTH_AFTER_NAME.sub(r"\1", text.strip())
    return re.sub(r"\s+", " ", text).strip(" ,.-–—:;|/&")


# the meeting's words between an organisation's name and its body's, a header's two lines
# read as one ("WARRENVILLE PUBLIC LIBRARY DISTRICT" over "Regular Meeting of the Board of
# Trustees", "Town of Amherst" over "Special Meeting of the Town Council"): both names
# stay, the words between them go; only after an organisation's name ("Blended Meeting of
# the Climate Action SPC" names one body)
MEETING_OF_INSIDE = re.compile(
    rf"(?<=\w)\s+(?:(?:{_KIND_ADJECTIVES})\s+)*meeting\s+(?:of|for)\s+(?:the\s+)?(?=[A-Z])",
    re.IGNORECASE,
)
# a month (and year) after a name's organisational noun: the meeting's, not the body's
MONTH_AFTER_NAME = re.compile(
    rf"(\b(?:{ORG_NOUNS}))[\s,:–—-]+(?:{MONTH_NAMES})(?:\s+(?:19|20)\d\d)?$", re.IGNORECASE
)
# a meeting's kind inside a body's name, just before an organisational noun, or an
# annual general meeting's letters anywhere: the meeting's words, not the body's
KIND_INSIDE = re.compile(
    rf"(?<=\w)\s+(?:{_KIND_ADJECTIVES})(?=\s+(?:{ORG_NOUNS})\b)"
    r"|\s*\bA\.G\.M\b\.?|\s*\bAGM\b",
    re.IGNORECASE,
)


_PURPOSE = re.compile(r"\s+(?:to|on|re|regarding|concerning)\s+(?=\w)", re.IGNORECASE)
# "... to Discuss the Active Travel/National Transport Association": a meeting called to do
# something, whatever the words after
_PURPOSE_VERB = re.compile(
    r"\s+to\s+(?:discuss|approve|consider|review|adopt|receive|agree|note|elect|appoint|"
    r"hear|set|fix|examine|strike|make)\b",
    re.IGNORECASE,
)


def _purpose_cut(text: str) -> str:
    verb = _PURPOSE_VERB.search(text)
    if verb and _ORG.search(text[: verb.start()]):
        return text[: verb.start()]
    for m in _PURPOSE.finditer(text):
        before, after = text[: m.start()], text[m.end() :]
        if _ORG.search(before) and not _ORG.search(after):
            if not re.search(rf"\b(?:{ORG_NOUNS})$", before, re.IGNORECASE):
                return before
    return text


# a name ending in a post is an officer ("Administrator, Senior Executive Engineer"), not
# a body
_POST = re.compile(
    r"\b(?:engineer|officer|administrator|manager|clerk|secretary|treasurer|director|"
    r"planner|accountant|solicitor|superintendent|inspector|sergeant|chair(?:man|person)?)$",
    re.IGNORECASE,
)


MAX_NAME_WORDS = 12


NOUN_FIRST = frozenset(NOUN_FIRST_BODY_NOUNS)
_AFTER_HEAD = frozenset({"of", "for", "and", "&", "on", "to", "in", "at", "the"})


def _headed(name: str) -> bool:
    """An organisational noun heads the name: its last one ends it or is followed by a
    connector ("Board of Trustees", "Committee for ...") or an abbreviation in capitals
    ("... Council Climate Action SPC"); a noun-first one opens it (NOUN_FIRST). Not a topic
    or a place that holds such a noun ("Village Halls", "Council Chamber")."""
    words = re.findall(r"[\w'’&-]+", name)
    heads = [i for i, w in enumerate(words) if _ORG.fullmatch(w)]
    if not heads:
        return False
    last = heads[-1]
    if last == len(words) - 1 or words[last + 1].lower() in _AFTER_HEAD:
        return True
    if words[0].lower() in NOUN_FIRST:
        return True
    return bool(re.fullmatch(r"[A-Z]{2,5}", words[-1]))


def valid_name(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= MAX_NAME_WORDS
        and bool(_ORG.search(name))
        and _headed(name)
        and not _NOT_A_NAME.search(name)
        and not _POST.search(name)
        and not name.endswith(".")
        and not name[:1].islower()  # "a of the Cabinet": a phrase's leftovers
    )


# words that say which meeting of a body, before its bare noun ("Full Council")
_MEETING_ADJECTIVES = re.compile(
    r"^(?:(?:full|ordinary|extraordinary|annual|special|regular|monthly|whole)\s+)+", re.I
)


_PARENT_AND_BODY = re.compile(rf"^(?:.*?\b(?:{ORG_NOUNS}))\s+(\S.*\b(?:{ORG_NOUNS}))$", re.I)


def _without_parent(name: str) -> str:
    """A name too long to be one ("Limerick City & County Council Climate Action,
    Biodiversity and Environment Strategic Policy Committee"): the body after its parent's
    name, where the parent's ends in an organisational noun and the rest ends in another;
    "" where it does not split so."""
    m = _PARENT_AND_BODY.match(name)
    return m.group(1) if m and len(m.group(1).split()) >= 2 else ""


def _bare(name: str) -> bool:
    """An organisational noun alone, perhaps with the meeting's adjective ("Council",
    "Full Council", "Board"): it names no one."""
    return bool(_ORG.fullmatch(_MEETING_ADJECTIVES.sub("", name.strip())))
