"""Run-in headings: the item's number and title open the paragraph that is its text ("1.
ACCEPTANCE OF APOLOGIES Apologies were received ...", "68/18 Apologies and Welcome There
were ..."): the title told from the text that follows it (`run_in_heading`), split from it
where that finds more items (`split_run_in`), and a numbered paragraph too long to be a
heading titled by its opening phrase (`lead_title`)."""

from __future__ import annotations

import re

from minutesqa.segment.candidates import DATED_NUMBER, MAX_HEADING, RUNNING_NUMBER

# --- run-in headings --------------------------------------------------------------------
# "1. ACCEPTANCE OF APOLOGIES Apologies were received ..." and "68/18 Apologies and Welcome
# There were apologies ...": the item's number and title open the paragraph that is its
# text (common in parish and town council minutes saved from a word processor).
# (also the dated and running numbers of headings: "15/09/05 Minutes of ...", "2780. Public
# Forum ...")
_RUN_IN = re.compile(
    r"^((?:\d{1,3}[.)]\s+|\d{1,4}/\d{2,4}\s+"
    rf"|(?:Item\s+)?(?:{DATED_NUMBER}|{RUNNING_NUMBER}\.)\s+(?=[A-Z]))"
    r"|\d{1,3}\.(?=[A-Z][A-Za-z]))(\S.*)$"
)
_CONNECTORS = frozenset("of and the for on to in at with or a an & – - by from".split())
# words that open a sentence's subject rather than end a title: "... Welcome There were",
# "... Planning Attending The Chair introduced", "... Report Cllr Jim Smith said"
_SUBJECT_OPENERS = frozenset(
    "the a an this that these those it there he she they we its their our".split()
)
_HONORIFICS = frozenset("cllr cllrs councillor councillors mr mrs ms miss dr prof rev".split())
# the offices a meeting elects or appoints: a title that ends in one may be followed at once
# by the name of who took it ("Election of Chairman David Llewellyn was nominated ...",
# "Election of Vice-Chairman Mick Peake was ...")
_OFFICE = re.compile(
    r"^(?:vice[-\s]?)?(?:chair(?:man|person|woman)?|mayor|deputy|clerk|secretary|treasurer|"
    r"president|governor|trustee|auditor|officer)s?$",
    re.IGNORECASE,
)
_DASHES = frozenset("– - —".split())
_INITIALS = re.compile(r"^[A-Z]{2,4}$")  # "PK", "CC": a councillor named by initials
MAX_SUBJECT_WORDS = 4  # capitalised words of the first sentence's subject after a title


def _opener(word: str) -> bool:
    """A determiner or pronoun ("The Parish Council wished", "There were") or an honorific
    ("Cllr Jim Smith said"): the first sentence of the item's text opens with it."""
    return word.lower().rstrip(".,") in _SUBJECT_OPENERS | _HONORIFICS


def _repeats(words: list[str], k: int) -> bool:
    """words[k] says a word of the title again as the sentence's subject ("Apologies for
    Absence | Apologies were received", "To consider accepting apologies for absence |
    Apologies were ..."); never a list's word ("... Rights of Way Maintenance, if any")."""
    word = words[k].lower().rstrip(".")
    if words[k].endswith((",", ";", ":")) or len(word) < 4:
        return False
    # the word said before inside the title, not at a sentence's end ("6. Finance. 6.1
    # Accounts. Accounts for approval ...": a sub-item's heading run in)
    return word in {w.lower().rstrip(",:") for w in words[:k]}


def _capitalised(word: str) -> bool:
    return bool(re.match(r"^[\"'“‘(]?[A-Z0-9]", word))


def _run_in_title(rest: str) -> int:
    """How many words of `rest` (a paragraph after its item number) are the item's title:
    a run of words in capitals ("ACCEPTANCE OF APOLOGIES"), or a run in title case that
    ends where the first sentence's subject begins ("Apologies and Welcome | There were"),
    or one in sentence case ending the same way (`_sentence_case_title`); 0 where the
    paragraph does not open with a title."""
    words = rest.split()
    n = 0
    while n < len(words) and not re.search(r"[a-z]", words[n]):
        n += 1
    if n and len(words[n - 1]) == 1:
        n -= 1  # "... ON PURCHASE A selection of bins": "A" opens the sentence
    shouting = [w for w in words[:n] if re.search(r"[A-Z]{2}", w)]
    # the text after the capitals is a sentence (a word in lower case: "ACCEPTANCE OF
    # APOLOGIES Apologies were received"); where all of it is capitalised the title goes on
    # in title case ("EDC – BT Telephone Box Consultation"), read as such below
    if len(shouting) >= 2 and n < len(words) and any(w[:1].islower() for w in words[n:]):
        return n
    n = 0
    while n < len(words) and (_capitalised(words[n]) or words[n].lower() in _CONNECTORS):
        n += 1
    if n >= len(words) or not words[n][:1].islower():
        return 0  # no verb after the run: a title alone, or not a run-in title at all
    return _title_case_title(words, n) or _sentence_case_title(words)


def _title_case_title(words: list[str], n: int) -> int:
    """The title-case run words[:n] (a lower-case word after it) cut where the first
    sentence's subject opens; 0 where no subject opens in it."""
    last = n - 1  # the first sentence's subject ends at the last capitalised word ...
    while last >= 0 and not _capitalised(words[last]):
        last -= 1
    # ... and opens, a few words before, with a determiner or pronoun ("The Parish Council
    # wished", "There were") or an honorific ("Cllr Jim Smith said")
    # ... or, where none does, after a dash ("Police Report – PK reported"), after the
    # office a title names ("Election of Chairman | David Llewellyn was nominated"), or at
    # a word of the title said again ("... for Absence | Apologies were received")
    window: list[int] = []
    for back in range(last, max(-1, last - MAX_SUBJECT_WORDS), -1):
        if words[back] in _DASHES and back + 1 == last and _INITIALS.match(words[last]):
            window.append(back)  # "Police Report – PK reported ...": a councillor's initials
            break
        if not _capitalised(words[back]):
            break  # "Litter Bin on the Common Land was ...": a title's "the" opens nothing
        window.append(back)
    cut = max((k for k in window if _opener(words[k])), default=-1)
    while cut - 1 in window and words[cut - 1].lower().rstrip(".") in _HONORIFICS:
        cut -= 1  # "... Last Meeting: | Cllr Mrs Mendoza proposed"
    if cut == -1:
        cut = next(
            (
                k
                for k in window
                if words[k] in _DASHES
                or (k > 1 and k < last and _OFFICE.match(words[k - 1]))
                or _repeats(words, k)
            ),
            -1,
        )
    if cut <= 0:
        return 0  # "Urgent Items as agreed": no subject opens a sentence, the run is the title
    while cut > 0 and words[cut - 1].lower() in _CONNECTORS:
        cut -= 1
    title = words[:cut]
    if sum(_capitalised(w) for w in title) < 1 or len(title) > 14:
        return 0
    return cut


MAX_SENTENCE_TITLE = 10  # words of a run-in title in sentence case


def _sentence_case_title(words: list[str]) -> int:
    """A run-in title in sentence case ("Minutes from previous meeting and matters arising
    We have ...", "Complaints received since the last meeting There were ..."): it ends
    where a capitalised determiner or pronoun opens the first sentence, or at a bullet or
    a list ("Matters arising • It was ...", "Action points 1. Terms ..."); 0 where none
    comes within MAX_SENTENCE_TITLE words or a capital that opens nothing comes first (a
    name in a sentence: "Urgent Items as agreed ...")."""
    for k in range(1, min(len(words) - 1, MAX_SENTENCE_TITLE + 1)):
        word = words[k]
        if word in ("•", "·", "▪") or word in ("1.", "1)"):
            return k  # a bullet or a list opens the text: "Action points 1. Terms ..."
        if _capitalised(word):
            opener = word.lower() in _SUBJECT_OPENERS or _repeats(words, k)
            opens = opener and words[k + 1][:1].islower()
            return k if opens else 0
    return 0


LEAD_WORDS = 8  # words of a clipped title where no phrase ends soon enough
MAX_LEAD_TITLE = 12  # words of a long numbered paragraph's opening phrase used as its title
_PHRASE_END = re.compile(r"(?<=\w)(?:[.;:]\s+|\s{2,})|\s+[•·▪]\s")


def lead_title(rest: str) -> str:
    """The title of a numbered paragraph that has no run-in title and is too long to be a
    heading ("6. Accounts were presented and accepted for payment. Cheques ...", "4. Matters
    Arising from previous meetings  SAM2 signs ..."): its opening phrase, up to a sentence's
    end, a semicolon or colon, a bullet, or a run of spaces (a line break lost when the
    minutes were flattened), at most MAX_LEAD_TITLE words; else its first LEAD_WORDS words
    and "…" (a label: the item's text keeps every word)."""
    m = _PHRASE_END.search(rest)
    phrase = rest[: m.start()] if m else ""
    if phrase and len(phrase.split()) <= MAX_LEAD_TITLE:
        return phrase
    return " ".join(rest.split()[:LEAD_WORDS]) + " …"


def run_in_heading(line: str) -> tuple[str, str] | None:
    """A numbered line's run-in title and the text after it ("21/19 To Receive and Accept
    Apologies for Absence Apologies were received ..." -> "To Receive and Accept Apologies
    for Absence", "Apologies were received ..."; "78/17 Police Report – PK reported ..." ->
    "Police Report", "PK reported ..."), or None where the line opens with no run-in title."""
    m = _RUN_IN.match(line)
    n = _run_in_title(m.group(2)) if m else 0
    if not m or not n:
        return None
    words = m.group(2).split()
    rest = words[n:]
    while rest and rest[0] in _DASHES:
        rest = rest[1:]  # "Police Report – PK reported": the dash only parts them
    title = " ".join(words[:n])
    return (title, " ".join(rest)) if rest else None


MIN_RUN_IN_TEXT = 3  # words of text after a heading line's run-in title


def run_in_text(line: str) -> tuple[str, str] | None:
    """`run_in_heading` where the line holds the item's text after its title (a sentence of
    MIN_RUN_IN_TEXT words or more, not opening with a connector: "GRNA RK of MA LLC"), not
    only a title with a tail ("11.QUESTION SUBMITTED BY ... T.D. :", "... COUNCILLOR
    SÉIGHÍN Ó CEALLAIGH")."""
    parts = run_in_heading(line)
    if not parts or len(parts[1].split()) < MIN_RUN_IN_TEXT or not re.search(r"[a-z]", parts[1]):
        return None
    if parts[1].split()[0].lower() in _CONNECTORS:
        return None  # "GRNA RK | of MA LLC": the title goes on
    return parts[0].rstrip(",;:").strip(), parts[1]


def split_run_in(lines: list[str]) -> list[str]:
    """Each paragraph that opens with an item number and a run-in title, as two lines:
    the heading ("1. ACCEPTANCE OF APOLOGIES") and the text after it, verbatim. A paragraph
    too long for a heading without a run-in title gets its opening phrase as its heading
    and keeps all its text (`lead_title`)."""
    out: list[str] = []
    for line in lines:
        m = _RUN_IN.match(line)
        parts = run_in_heading(line)
        if m and parts:
            out.extend([m.group(1) + parts[0], parts[1]])
        elif m and len(line) > MAX_HEADING:
            out.extend([m.group(1) + lead_title(m.group(2)), m.group(2)])
        else:
            out.append(line)
    return out
