"""What an agenda item decided: "AGREED/RESOLVED that ...", "noted", and motions and votes
in their usual forms ("Motion by X, second by Y ... Motion carried", "moved ... seconded
... The motion carried, 4-0", "RESULT: PASSED [UNANIMOUS]", "Passed unanimously",
"Approved by General Consent", "BE IT RESOLVED", "proposed by Cllr X, seconded by Cllr Y
and agreed", "Seconded by ...; And Resolved: 'That ...'"), each with its outcome (carried,
passed, agreed, resolved, defeated, deferred ...) and the tally where the minutes print one."""

from __future__ import annotations

import re

from minutesqa.clip import clip_at_word
from minutesqa.decision import Decision
from minutesqa.lexicon import BODY_NOUNS, DECIDING_BODIES
from minutesqa.sentence_split import split_paragraph

_DECISION_START = re.compile(
    r"^(?:(?:AGREED|RESOLVED|DECIDED)\b|(?:And\s+)?Resolved\b|Agreed\s+that\b|"
    rf"(?:The\s+)?(?:{'|'.join(w.title() for w in DECIDING_BODIES)})\s+"
    r"(?i:agreed|noted|resolved|approved|endorsed|accepted)\b|"
    r"It\s+was\s+(?i:agreed|resolved|decided)\b|"
    r"The\s+[\w ]{1,60}\s+(?:was|were)\s+noted\.|"
    r"This\s+item\s+was\s+deferred\b|.{0,60}\bwas\s+deferred\b|"
    r"The\s+minutes\s+(?:of\s+the\s+meeting\s+)?were\s+(?:agreed|approved|adopted))"
)
_DECISION_INSIDE = re.compile(
    r"\b(?:it\s+was\s+agreed|it\s+was\s+resolved|agreed\s+this\s+request|"
    r"agreed\s+that\s+they\s+would)\b",
    re.IGNORECASE,
)
LIST_ITEM = re.compile(r"^(?:\d{1,2}[.)]|\([a-z0-9]{1,3}\)|[a-z][.)])\s")


def _sentences(paragraph: str) -> list[str]:
    """Not cut at "Cllr. J. Davies" or "Mr." (sentence_split: initials, titles)."""
    return split_paragraph(paragraph)


def _agreed(paragraphs: list[str]) -> list[str]:
    decisions: list[str] = []
    i = 0
    while i < len(paragraphs):
        para = paragraphs[i]
        if _DECISION_START.match(para):
            text = para
            # "AGREED that:-" / "And Resolved:" carry their substance in what follows
            if re.search(r"(?::-?|that:?-?)\s*$", para, re.IGNORECASE) or len(para) < 20:
                j = i + 1
                while j < len(paragraphs) and (
                    LIST_ITEM.match(paragraphs[j]) or (j == i + 1 and paragraphs[j][:1] in "\"“'‘")
                ):
                    text += " " + paragraphs[j]
                    j += 1
                if j == i + 1 and j < len(paragraphs) and len(paragraphs[j]) < 600:
                    text += " " + paragraphs[j]
                    j += 1
                i = j - 1
            decisions.append(text)
        else:
            sentences = _sentences(para)
            for k, sentence in enumerate(sentences):
                if _DECISION_INSIDE.search(sentence):
                    if k and re.search(r"\b(?:this|that|these|the)\s+request\b", sentence, re.I):
                        sentence = f"{sentences[k - 1]} {sentence}"  # what was agreed
                    decisions.append(sentence)
        i += 1
    return decisions


_RESTRICTED_BODY = re.compile(
    r"\b(?:(?:a|the)\s+restricted\s+report|item\s+(?:is|was)\s+restricted|"
    r"exempt\s+information|(?:is|was)\s+(?:a\s+)?restricted\s+item)\b",
    re.IGNORECASE,
)


def is_restricted(title: str, body: str) -> bool:
    return bool(re.search(r"\brestricted\b", title, re.IGNORECASE) or _RESTRICTED_BODY.search(body))


# --- motions and votes -----------------------------------------------------------------------

_MOTION = re.compile(
    r"\b(?:moved|motion\s+(?:by|to|made|was)|(?:made|offered)\s+(?:a|the)\s+motion|"
    r"seconded|second(?:ed)?\s+by|MOVED|SECONDED|BE\s+IT\s+(?:FURTHER\s+)?RESOLVED|"
    r"resolution\s+(?:no\.?\s*)?[\w-]*\d|^RESOLVED\b|^Vote\b)",
    re.IGNORECASE,
)
# the line that names who moved a motion, printed before the seconder (Irish, British and
# American minutes): "Proposed by Councillor Crowley;", "Proposed by: Cllr. J. Coonan",
# "Proposed: Cllr Joe Leddin", "On the PROPOSAL of Cllr. Sean McGowan", "It was proposed by
# Mrs. Newell", "Moved by Vlassis to adopt", "Proposer: ...", "MOVER: ..."; OCR's "Proposed bv"
_MOVER = re.compile(
    r"^\W{0,3}(?:it\s+was\s+)?(?:prop[o0c]s(?:ed|er)\s*(?:b[vy]\b|[:.;-]|\s(?=(?:Cllr|"
    r"Councillor|Mr|Mrs|Ms|Miss|Dr|Member|Director|Alderman)\b))|on\s+the\s+proposal\s+of\b|"
    r"moved\s+(?:by\b|:)|mover\s*:)",
    re.IGNORECASE,
)
# the seconder's line, which goes on with the motion its mover's line opened: "Seconded by
# Councillor Ryan;", "SECONDED by Cllr. Paddy Farrell", "Seconder: ..."
_SECONDER = re.compile(r"^\W{0,3}(?:and\s+)?(?:second(?:ed|er)?\b|seconder)", re.IGNORECASE)
_OUTCOME = re.compile(
    r"\b(?:(?:the\s+)?motion\s+)?(carried|passed|failed|defeated|adopted|withdrawn|tabled|"
    r"approved\s+by\s+general\s+consent|approved|deferred|postponed|lost|denied|rejected|"
    # the British parish and community council form: "proposed by Cllr X, seconded by Cllr
    # Y and agreed", "... it was agreed to", "Unanimously Agreed", "agreed by all"
    r"(?:and|all|unanimously|was)\s+agreed|agreed\s+(?:by\s+all|unanimously)|"
    # "Seconded by Councillor Ryan; And Resolved: 'That ...'" (Irish councils)
    r"and\s+resolved)\b"
    rf"(?!\s+(?:by|to)\s+(?:the\s+)?(?:{'|'.join(BODY_NOUNS)})\s+(?:at|on|in)\b)",
    re.IGNORECASE,
)
_UNANIMOUS = re.compile(r"\bunanimous(?:ly)?\b|\bwithout\s+objection\b|\bgeneral\s+consent\b", re.I)
_TALLY = re.compile(
    r"(?<![\d/.-])(\d{1,2})\s*(?:-|–|:|to|TO)\s*(\d{1,2})(?:\s*(?:-|–|:|to|TO)\s*(\d{1,2}))?"
    r"(?![\d/.:-]|\s*(?:p\.?m|a\.?m)\b)"
)
# "CARRIED 4/0" (Australian and New Zealand minutes): a slash only right after the outcome,
# where it cannot be a date or a reference
_SLASH_TALLY = re.compile(r"\s*(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")
# a vote table as pdftotext prints it: "RESULT: PASSED [UNANIMOUS]", "RESULT: ADOPTED [6 TO 0]"
_RESULT_LINE = re.compile(r"\bRESULT:\s*([A-Z][A-Z ]+?)\s*(?:\[([^\]]*)\])?(?:\s|$)")

OUTCOMES = {
    "carried": "carried", "passed": "passed", "adopted": "adopted", "approved": "approved",
    "approved by general consent": "approved", "failed": "failed", "defeated": "defeated",
    "lost": "defeated", "rejected": "defeated", "denied": "defeated", "withdrawn": "withdrawn",
    "tabled": "deferred", "deferred": "deferred", "postponed": "deferred",
}  # fmt: skip


def _outcome(text: str) -> tuple[str, str] | None:
    """(outcome, tally) of a vote stated in the text, or None."""
    m = _RESULT_LINE.search(text)
    if m:
        word = m.group(1).strip().lower()
        outcome = next((v for k, v in OUTCOMES.items() if word.startswith(k)), word)
        bracket = m.group(2) or ""
        tally = _tally(bracket) or ("unanimous" if _UNANIMOUS.search(bracket) else "")
        return outcome, tally
    m = _OUTCOME.search(text)
    if not m:
        return None
    word = re.sub(r"\s+", " ", m.group(1).lower())
    outcome = next((w for w in ("agreed", "resolved") if w in word), "") or OUTCOMES[word]
    tail = text[m.start() : m.end() + 80]
    slash = _SLASH_TALLY.match(text, m.end())
    tally = (
        _tally(tail)
        or (f"{slash.group(1)}-{slash.group(2)}" if slash else "")
        or ("unanimous" if _UNANIMOUS.search(text) else "")
    )
    return outcome, tally


def outcome_of(text: str) -> tuple[str, str] | None:
    """(outcome, tally) of the vote a text states ("CARRIED", "Carried (9 to 0)",
    "RESULT: ADOPTED [6 TO 0]"), or None: for readers that found the vote themselves."""
    return _outcome(text)


def _tally(text: str) -> str:
    m = _TALLY.search(text)
    if not m:
        return ""
    return "-".join(g for g in m.groups() if g is not None)


# a line that is only the meeting's outcome ("Carried", "MOTION CARRIED UNANIMOUSLY", "Lost")
_LONE_OUTCOME = re.compile(
    r"^\W*(?:the\s+)?(?:motion\s+)?(?:carried|passed|defeated|failed|lost)\b[^.]{0,60}\.?\W*$",
    re.IGNORECASE,
)


# an outcome that ends its sentence and leaves what was decided to the next one
_SUBSTANCE_NEXT = re.compile(r"\b(?:resolved|agreed)\s*[:.-]*\s*$", re.IGNORECASE)


def _motion(
    sentences: list[str], i: int, result: tuple[str, str] | None
) -> tuple[str, int, tuple[str, str] | None]:
    """The motion opening at sentence `i`: its text, the sentence it ends at and its
    (outcome, tally), the first outcome within the next few sentences; None where another
    motion opens first or none closes it."""
    text = sentences[i]
    j = i
    while result is None and j + 1 < len(sentences) and j - i < 4:
        j += 1
        nxt = sentences[j]
        # a seconder's line goes on with a motion not yet seconded; a mover's line opens one
        seconds = _SECONDER.match(nxt) and not re.search(r"\bsecond", text, re.IGNORECASE)
        opens = None if seconds else _MOVER.match(nxt) or _MOTION.search(nxt)
        closes = [m.start() for m in (_RESULT_LINE.search(nxt), _OUTCOME.search(nxt)) if m]
        if opens and (not closes or opens.start() < min(closes)):
            # another motion begins before any outcome: this one is not closed
            j -= 1
            break
        text = f"{text} {nxt}"
        result = _outcome(nxt)
    if result is not None and j + 1 < len(sentences) and _LONE_OUTCOME.match(sentences[j + 1]):
        # "That the agenda be adopted as presented." over a line "Carried": the motion's own
        # words proposed; the line after says what the meeting did
        j += 1
        text = f"{text} {sentences[j]}"
        result = _outcome(sentences[j])
    if (
        result is not None
        and j + 1 < len(sentences)
        and _SUBSTANCE_NEXT.search(text)
        and re.match(r"^\W{0,2}(?:[“\"'‘]|that\b)", sentences[j + 1], re.IGNORECASE)
    ):
        # "Seconded by Councillor Teefy; And Resolved." over "“That the Part 8 ...”"
        j += 1
        text = f"{text} {sentences[j]}"
    return text, j, result


# a mover's clause that ends the line before the seconder's, with no break of its own
# ("... held on 8 January, 2015. Proposed by Councillor Teefy;", "... under the Derelict
# Site Legalisation Proposed by Councillor O'Donnell;", "... was proposed by Councillor
# Collins (M)" over "and seconded by Councillor O'Dea")
_MOVER_TAIL = re.compile(
    r"\b(?:(?-i:Proposed)\s*(?:by\b|:)|(?:was\s+)?proposed\s+by\b|on\s+the\s+proposal\s+of\b|"
    r"(?-i:Moved)\s+by\b)[^.;:]{2,80}[;,]?\s*$",
    re.IGNORECASE,
)


def _mover_tail(sentences: list[str], i: int, start: int) -> str:
    """The mover's clause (`_MOVER_TAIL`) that ends sentence i - 1, where no motion holds
    it and the motion at `i` opens at its seconder; "" where there is none."""
    if i - 1 < start or not _SECONDER.match(sentences[i]):
        return ""
    m = _MOVER_TAIL.search(sentences[i - 1])
    return m.group(0).strip() if m and not _outcome(m.group(0)) else ""


def _mover_before(sentences: list[str], i: int, start: int) -> int:
    """Where the motion that opens at sentence `i` begins when its mover's line stands just
    before it and did not open it ("Proposed by Councillor Crowley;" over "Seconded by
    Councillor Ryan; And Resolved", a mover's line split as "Proposed by" over "Councillor
    Crowley"): that line's index, else `i`; `start` is the first sentence no motion holds."""
    for k in (i - 1, i - 2):
        run = " ".join(sentences[k:i])
        if k < start or len(run) > 200 or _outcome(run):
            break
        if _MOVER.match(sentences[k]):
            return k
    return i


def _seconded_unstated(sentences: list[str], i: int, start: int) -> tuple[str, int]:
    """A motion its minutes print as a mover's line over a seconder's line and no outcome
    (Limerick's committees: "Proposal to hold a Special Meeting on Voids/Vacant Properties:"
    over "Proposed: Cllr. Joe Leddin" over "Seconded: Cllr. Sharon Benson"): those lines,
    with the line before where it ends in a colon and introduces them and the motion's words
    after where they are quoted, and the index after them; ("", i) where sentence `i` is
    no mover's line or no seconder's line follows it."""
    if not (
        _MOVER.match(sentences[i])
        and i + 1 < len(sentences)
        and _SECONDER.match(sentences[i + 1])
        and len(sentences[i]) + len(sentences[i + 1]) < 200
    ):
        return "", i
    end = i + 2
    if end < len(sentences) and re.match(r"^\W{0,2}[“\"'‘]\s*that\b", sentences[end], re.I):
        end += 1  # the motion's words: "“That, Councillor Costelloe be appointed ...”"
    lines = sentences[i:end]
    before = sentences[i - 1] if i - 1 >= start else ""
    if re.search(r":\W{0,3}$", before) and len(before) < 200:
        lines.insert(0, before)
    return " ".join(lines), end


def _votes(paragraphs: list[str]) -> list[Decision]:
    """Motions with their outcome: a motion opens, and the first outcome within the next
    few sentences closes it (`_motion`); a sentence that states a vote alone ("The motion
    carried", "Passed unanimously") is one too."""
    sentences: list[str] = []
    for para in paragraphs:
        sentences.extend(_sentences(para) if len(para) > 300 else [para])
    found: list[Decision] = []
    i = start = 0
    while i < len(sentences):
        sentence = sentences[i]
        result = _outcome(sentence)
        if (
            _MOTION.search(sentence)
            or _MOVER.match(sentence)
            or (result and re.match(r"^\W*(?:RESULT|Vote)\b", sentence))
        ):
            text, j, result = _motion(sentences, i, result)
            if result is not None:
                k = _mover_before(sentences, i, start)
                lead = sentences[k:i] if k < i else [_mover_tail(sentences, i, start)]
                found.append(Decision(_clip(" ".join([*lead, text])), *result))
                i = start = j + 1
                continue
            seconded, after = _seconded_unstated(sentences, i, start)
            if seconded:
                found.append(Decision(_clip(seconded)))
                i = start = after
                continue
        elif (
            result
            and result[0] != "agreed"
            and re.match(  # "It was agreed": _agreed
                r"^\W*(?:the\s+)?(?:motion|item|it|resolution|vote)\b|"
                r"^\W*(?:passed|carried|approved|adopted)\b",
                sentence,
                re.I,
            )
        ):
            found.append(Decision(_clip(sentence), *result))
        i += 1
    return found


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _clip(text: str, limit: int = 600) -> str:
    return clip_at_word(re.sub(r"\s+", " ", text).strip(), limit)


def extract_decisions(paragraphs: list[str]) -> tuple[Decision, ...]:
    """Every decision of one item, in the order the minutes give them: those "AGREED" or
    "noted" with no vote stated, then the motions with their outcome and tally."""
    votes = _votes(paragraphs)
    # an "AGREED"/"And Resolved" the vote already holds; the test is on the first 300
    # characters, as a council's resolutions often share their first 60 ("And Resolved:
    # 'That, in accordance with the provisions of Section 183 ...'") and differ after
    agreed = [
        Decision(d)
        for d in _agreed(paragraphs)
        if not any(_flat(d)[:300] in _flat(v.text) for v in votes)
    ]
    return tuple(dict.fromkeys(agreed + votes))
