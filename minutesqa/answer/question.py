"""The question, read once: what kind of answer it asks for, the dates it names, whether it
follows on from the turn before, and its topic words. Retrieval, abstention and the writers
all read this `ParsedQuestion` instead of each reading the text again.

The kind of answer decides what a sentence must hold to answer it (`holds`): a number for
"how many", an amount for "how much", a date or time for "when", a person for "who", a
decision for "what was agreed", a reason for "why". Both sides are general English
question and sentence forms, not phrases of any one archive."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from minutesqa.answer.dates import PARTS_OF_YEAR, DateIntent, question_dates
from minutesqa.answer.query import MEETING_INTENT, is_follow_up, search_text, topic_terms
from minutesqa.indexing.terms import tokenize
from minutesqa.lexicon import (
    AMOUNT_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DECISION_WORDS,
    NUMBER_WORDS,
    PERSON_TITLES,
    QUARTER_WORDS,
    REASON_PHRASES,
)
from minutesqa.segment.dates import ANY_MONTH, MONTH_NAMES, WEEKDAY


class Kind(StrEnum):
    """What a question asks for."""

    HOW_MANY = "how many"  # a count
    HOW_MUCH = "how much"  # an amount of money, a share, a rate
    WHEN = "when"  # a date, month, quarter, year or time
    WHO = "who"  # a person or a body
    DECIDED = "what was decided"  # a decision
    WHY = "why"  # a reason
    YES_NO = "yes-no"  # did / was / will ...
    OTHER = "what"  # anything else: what, how, which


# between "what" and the noun asked about: a verb, an article, one word ("what was the
# total cost", "what separate budget"), never a clause ("what happens if a fine ...")
_W = r"(?:(?:was|is|were|are|did|does|will|would)\s+)?(?:(?:the|a|an|its|their)\s+)?(?:\w+\s+)?"
# "what would a footpath linking Adare village to the GAA grounds cost", "what was the
# contract worth": a thing priced, named by a noun phrase of any length between the
# auxiliary and the verb "cost" or the word "worth". The phrase holds no verb of saying or
# deciding ("what did the council decide about the cost" asks what was decided) and "cost"
# follows no article or preposition (there it is the noun, "about the cost")
_PRICED = (
    r"\bwhat (?:would|will|did|does|do|could|might|should|was|is|were|are)\s+"
    r"(?:(?!(?:agree|decide|resolve|approve|adopt|say|said|tell|told|ask|discuss|note|"
    r"propos|report|state|explain)\w*\b)[\w'’-]+\s+){1,12}?"
    r"(?:(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\bits )(?<!\btheir )(?<!\bof )(?<!\babout )"
    r"(?<!\bon )(?<!\bfor )cost|worth)\b"
)
# a question word opens the question or a clause ("At the May meeting, who ..."), never
# inside one ("the councillor who proposed it")
_LEAD = r"(?:^|[,;:])\s*(?:and\s+|but\s+|so\s+)?"
AUXILIARY = (
    r"(?:did|does|do|was|were|is|are|will|would|has|have|had|can|could|should|must|may|might)"
)
_ASKS: tuple[tuple[Kind, re.Pattern[str]], ...] = (
    (
        Kind.HOW_MUCH,
        re.compile(
            rf"\bhow much\b|\bwhat {_W}(?:cost|costs|budget|amount|sum|price|fee|fine|"
            r"share|proportion|percentage|rate|funding|value|spend|reduction|increase|decrease|"
            r"rise|fall|drop)\b|"
            r"\bwhat did (?:it|this|that) cost\b|\bhow (?:costly|expensive)\b|"
            rf"{_PRICED}",
            re.I,
        ),
    ),
    (
        Kind.HOW_MANY,
        re.compile(
            r"\bhow many\b|\bwhat (?:was |is )?(?:the )?(?:number|total|count)\b|"
            r"\bwhat (?:\w+\s+)?(?:figures|statistics|numbers)\b",
            re.I,
        ),
    ),
    (
        Kind.WHEN,
        re.compile(
            rf"{_LEAD}when\s+{AUXILIARY}\b|\bwhat (?:date|time|day|month|year)\b|"
            r"\bby when\b|\bhow long\b|\bhow often\b",
            re.I,
        ),
    ),
    (
        Kind.WHO,
        re.compile(
            rf"{_LEAD}(?:who|whom|whose)\b|\bwhich (?:\w+\s+)?(?:councillor|member|"
            r"officer|person|people|company|companies|firm|firms|contractor|contractors|supplier|"
            r"suppliers|consultant|consultants|operator|organisation|organization|body|group|"
            r"agency)\b",
            re.I,
        ),
    ),
    (
        Kind.WHY,
        re.compile(
            rf"{_LEAD}why\b|\bwhat (?:was |were )?the reasons?\b|\bwhat reasons?\b|"
            r"\bwhat (?:was |were )?the causes?\b|\bwhat (?:caused|led to)\b|"
            r"\bon what grounds\b|\bhow come\b",
            re.I,
        ),
    ),
    (
        Kind.DECIDED,
        re.compile(
            r"\bwhat (?:was|were|did|has|have)\b(?:\s+\w+){0,8}?\s+(?:agree|agreed|decide|"
            r"decided|resolve|resolved|approve|approved|adopt|adopted)\b|\bwhat decisions?\b",
            re.I,
        ),
    ),
    (
        Kind.YES_NO,
        re.compile(
            r"^\s*(?:did|do|does|was|were|is|are|has|have|had|will|would|can|could|should)\b",
            re.I,
        ),
    ),
)


def question_kind(question: str) -> Kind:
    """The kind of answer the question asks for; the first clause decides ("When did X
    end, and what was set up after?" asks when)."""
    first = re.split(r",\s*and\b|\?\s|;", question, maxsplit=1)[0]
    for text in (first, question):
        for kind, asks in _ASKS:
            if asks.search(text):
                return kind
    return Kind.OTHER


# a figure, not a year ("29 New Build Houses ... in 2019": 29 is the count), nor part of a
# name ("Covid-19", "COM-2"), a day of the month ("the 17th", "17 March") or a time of day
# ("12 noon", "7.30pm")
_MONTHS_RE = rf"{ANY_MONTH}\b"
_NUMBER = (
    rf"(?<![^\W\d]-)\b(?!(?:19|20)\d\d\b)(?!\d{{1,2}}(?:st|nd|rd|th)\b|\d{{1,2}}\s+{_MONTHS_RE}|"
    r"\d{1,2}(?:[.:]\d\d)?\s*(?:noon|midday|[ap]\.?m\b|o'clock))\d[\d,.]*|"
    rf"\b(?:{'|'.join(NUMBER_WORDS)})\b|\b(?:a|an)\s+(?:dozen|hundred|thousand|third|quarter|half)\b"
)
_AMOUNT = (
    rf"[{re.escape(CURRENCY_SYMBOLS)}]\s?\d|\d\s*%|\b\d[\d,.]*\s*(?:{'|'.join(AMOUNT_WORDS)})\b|"
    rf"\b(?:{'|'.join(CURRENCY_WORDS)})\b|\b(?:one|\d+)\s+in\s+(?:every\s+)?\w+\b"
)
_WHEN_NAMED = (
    rf"\b{_MONTHS_RE}|\b(?:19|20)\d\d\b|\b\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}\b|"
    rf"\b\d{{1,2}}[.:]\d\d\s*(?:[ap]\.?m)|\b(?:{'|'.join(QUARTER_WORDS)})\b|"
    rf"\b{WEEKDAY}s?\b"
)
# a time said only against the meeting's ("last year", "this month"): it answers "when"
# less plainly than a time named
_WHEN_RELATIVE = r"\b(?:next|last|this)\s+(?:week|month|year)\b"
# a length of time ("within 26 weeks from date of adoption", "over the next 12 years"):
# it answers "how long", and "when" only against another time, so less plainly than a
# time named (limb b13: "commence within 26 weeks" kept, "commence in April 2020" not)
_DURATION = r"\b\d+\s+(?:days?|weeks?|months?|years?)\b"
_WHEN = rf"{_WHEN_NAMED}|{_DURATION}|{_WHEN_RELATIVE}"
_PERSON = (
    rf"\b(?i:{'|'.join(PERSON_TITLES)})\b\.?\s+[A-Z]|\b[A-Z]\.\s?[A-Z][a-z]+|"
    r"\b[A-Z][a-z]+\s+\([A-Z]\)|\b[A-Z][a-z]+ [A-Z][a-z]+"
)
_DECISION = rf"\b(?:{'|'.join(DECISION_WORDS)})\b"
_REASON = rf"\b(?:{'|'.join(re.escape(p) for p in REASON_PHRASES)})\b|\bno\s+\w+\s+(?:to|for)\b"

# what a sentence must hold to answer each kind; OTHER and YES_NO ask for no one thing
HOLDS: dict[Kind, re.Pattern[str]] = {
    Kind.HOW_MANY: re.compile(_NUMBER, re.I),
    Kind.HOW_MUCH: re.compile(rf"{_AMOUNT}|{_NUMBER}", re.I),
    Kind.WHEN: re.compile(_WHEN, re.I),
    Kind.WHO: re.compile(_PERSON),  # case matters: a name is capitalised
    Kind.DECIDED: re.compile(_DECISION, re.I),
    Kind.WHY: re.compile(_REASON, re.I),
}


# an amount plainly of money or a share: a currency, a percentage, millions ("€400,000",
# "41%", "2.5 million"); not a bare figure, nor "1.2m" (metres as often as millions)
_MONEY_OR_SHARE = (
    rf"[{re.escape(CURRENCY_SYMBOLS)}]\s?\d|\d\s*%|\b\d[\d,.]*\s*(?:million|billion|percent|"
    rf"per cent)\b|\b(?:{'|'.join(CURRENCY_WORDS)})\b"
)

# what a sentence must hold to answer each kind plainly, where that is narrower
PLAINLY: dict[Kind, re.Pattern[str]] = {
    Kind.WHEN: re.compile(_WHEN_NAMED, re.I),
    Kind.HOW_MUCH: re.compile(_MONEY_OR_SHARE, re.I),
}


def holds_plainly(kind: Kind, sentence: str) -> bool | None:
    """`holds`, with a time named for "when" ("in Q2 2024", not "last year") and money or
    a share for "how much" ("€400,000", not "a 1.2m footpath")."""
    pattern = PLAINLY.get(kind)
    return holds(kind, sentence) if pattern is None else bool(pattern.search(sentence))


def holds(kind: Kind, sentence: str) -> bool | None:
    """Whether the sentence holds what the question asks for; None where the kind asks for
    no one thing (yes-no, what)."""
    pattern = HOLDS.get(kind)
    return None if pattern is None else bool(pattern.search(sentence))


# a sentence that asks rather than tells: a question put to the meeting ("Question
# submitted by Councillor X: I will ask ... how many ...?"), not its reply
_ASKING = re.compile(
    r"\?\s*[\"”’']?\s*\.?\s*$|\b(?:I|we) (?:will|would|wish to|want to) ask\b|"
    r"^\s*(?:to ask|question (?:submitted|asked|put|received|raised)(?: by)?)\b|"
    # a question reported ("She ... enquired what happens if people do not pay the fine.")
    r"\b(?:asked|enquired|inquired|queried|wondered)\s+(?:if|whether|what|how|when|why|"
    r"who|where|which)\b",
    re.I,
)


def is_asking(sentence: str) -> bool:
    """The sentence puts a question (it ends in '?', or opens "I will ask ...", "Question
    submitted by ...") or reports one ("Cllr X asked whether ...", "enquired what ...")."""
    return bool(_ASKING.search(sentence))


# a clause that only sets the scene: where, when or by whom it was said ("At the March
# 2021 Joint Policing Committee, ...", "..., as reported to the committee in July 2020?",
# "According to Inspector Lacey, ...", "In March 2022, ...")
_SCENE = re.compile(
    r"^\s*(?:at|in|during|under|from|according to|as (?:\w+ed|said|told|shown|set out)\b"
    r"|as (?:\w+ )?(?:reported|described|presented|mentioned|discussed|noted|stated|explained)\b)"
    r"\b",
    re.I,
)


# a clause of time that sets the scene before the question itself ("When Irish Water
# briefed the committee in 2018, | did it say ...?"): scene only where another clause asks
_TIME_CLAUSE = re.compile(r"^\s*(?:when|while|after|before|once)\b", re.I)
_ASKS_HERE = re.compile(
    r"^\s*(?:what|who|whom|whose|which|when|where|why|how|did|do|does|was|were|is|are|has|"
    r"have|had|will|would|can|could|should)\b",
    re.I,
)


def focus_clause(question: str) -> str:
    """The question without the clauses that only set the scene ("At the September 2023
    Newcastle West Joint Policing Sub-Committee, | when was building work on the new District
    Garda Headquarters expected to begin?"; "What livestock was taken in the second phase of
    Operation Coronation, | as described to the committee in December 2023?"). Those
    clauses find the item; inside it, the sentence that answers is the one like the rest.
    The whole question where no clause, or every clause, sets the scene."""
    parts = [p.strip() for p in re.split(r"[,;]|\s[-–—]\s", question) if p.strip()]
    asks = [p for p in parts if _ASKS_HERE.search(p) and not _TIME_CLAUSE.search(p)]
    kept = [p for p in parts if not (_SCENE.search(p) or (asks and _TIME_CLAUSE.search(p)))]
    if not kept or len(kept) == len(parts):
        return question.strip()
    return ", ".join(kept)


# a time the question names, with the word that puts it there: "in early 2018", "during
# 2020", "in December 2023", "on 5 March 2021", "between 2019 and 2021"
_DATE = r"(?:\b\d{1,2}(?:st|nd|rd|th)?\s+)?(?:\b(?:" + MONTH_NAMES + r"),?\s+)?\b(?:19|20)\d\d\b"
_TIME = re.compile(
    r"(?:\b(?:in|during|at|on|for|by|from|since|over|of|before|after|until|between)\s+)?"
    r"(?:\bthe\s+)?(?:\b(?:"
    + "|".join(p.removeprefix("the ") for p in PARTS_OF_YEAR)
    + r")(?:\s+of\s+|-|\s+))?"
    + _DATE
    + r"(?:\s+(?:and|to|until|-)\s+"
    + _DATE
    + r")?(?![/-]?\d)",
    re.I,
)
_PLACED = r"(?:\b(?:in|at|around|near|across|of|for|from|within)\s+)?(?:\bthe\s+)?"


def asking_part(
    question: str, names: frozenset[str] = frozenset(), dates: DateIntent | None = None
) -> str:
    """What the question asks, without where and when: its scene-setting clauses
    (focus_clause), the times it names that are the time asked (`dates`: "in early 2018";
    not "deaths in 2009" asked of a 2022 meeting) and the capitalised names holding
    a word of the bodies it points to (`names`, tokens: "around Kilmallock" for the
    Cappamore-Kilmallock district). Those find the meeting; inside it they would choose the
    sentences that name the town or the month, not the one that answers. "" where nothing
    is left out (or nothing would be left)."""
    text = focus_clause(question)
    if dates is not None and dates.since and dates.until:
        asked = range(dates.since.year, dates.until.year + 1)

        def _asked(m: re.Match[str]) -> str:
            years = [int(y) for y in re.findall(r"(?:19|20)\d\d", m.group())]
            return "" if all(y in asked for y in years) else m.group()

        text = _TIME.sub(_asked, text)
    if names:
        for run in re.findall(r"[A-Z][\w'’]*(?:[ -][A-Z][\w'’]*)*", text):
            if set(tokenize(run)) & names:
                text = re.sub(_PLACED + re.escape(run) + r"\b", "", text)
    text = re.sub(r"\s+([,;?.!])", r"\1", re.sub(r"\s{2,}", " ", text)).strip(" ,;")
    return "" if not tokenize(text) or text == question.strip() else text


@dataclass(frozen=True)
class ParsedQuestion:
    text: str  # as asked
    history: tuple[str, ...]
    search_text: str  # what is searched: a follow-up with the turn before it
    follow_up: bool
    kind: Kind
    dates: DateIntent  # from the question, else (a follow-up) the latest earlier turn
    topic: tuple[str, ...]  # the topic words of `search_text` (no dates, numbers)
    meeting_fact: bool  # attendance, chair, venue: the meeting record answers it


def parse_question(
    question: str,
    history: tuple[str, ...] = (),
    follow_up_words: int = 6,
    today: dt.date | None = None,
) -> ParsedQuestion:
    """Read the question once (`follow_up_words`: Tuning.follow_up_words)."""
    question = question.strip()
    dates = question_dates(question, today)
    if dates.empty:
        for turn in reversed(history):  # a follow-up keeps the earlier turn's dates
            dates = question_dates(turn, today)
            if not dates.empty:
                break
    text = search_text(question, history, follow_up_words)
    return ParsedQuestion(
        text=question,
        history=history,
        search_text=text,
        follow_up=bool(history) and is_follow_up(question, follow_up_words),
        kind=question_kind(question),
        dates=dates,
        topic=tuple(topic_terms(text)),
        meeting_fact=bool(MEETING_INTENT.search(text)),
    )
