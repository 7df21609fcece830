"""The forms of resolution headers that typed and scanned minutes print besides the clean
'R2023-169 D. Yemm, T. Butler:' (resolutions.header_at reads those), as a class:

- the number after a word in running text, with the outcome before the words: "Resolution
  86-80 was passed as follows:" over the quoted '" That Council petitions ..."' (Township of
  Medonte, 1985-1991), "Resolution 86-77 was defeated as follows:";
- OCR noise in scanned typewritten minutes: the word misread ("Reso]utioD", "ResohJtiQO",
  "R~solu.tiOJl"), the number broken apart or misread ("8 5-1 56", "85:-: 158", "#C-77-8l" for
  81, "tC-644-89" for #C-644-89, "#C- 645 -86"), the page's list marks before it ("2) ",
  "4:) ", "U "), "M:>ved by" and "~~ved by" for "Moved by", outcomes with noise about them
  ('IlCARRIED"', '"r.l)TION LOST"'), a scanned page's margin label read into the text
  ("Council THAT the Council Minutes ...", "Delegations THAT the Mayor ...") (Town of
  Newcastle, now Clarington, 1977-1991; /work/collected/res-clarington);
- minutes stored as one run-on line, resolution after resolution (Newcastle 1977, Medonte
  1986-12-09): `split_run_on` puts each header on a line of its own.

Each reader here is anchored on the header's structure (a number, then "was passed as
follows:" or a "Moved by" line, then the resolution's words): a word only like "Resolution"
("Restoration", "Regulation") is read as one only inside that structure."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

MIN_LABEL_LIKENESS = 0.6  # letters of an OCR'd label word alike "resolution" or "motion"
LABEL_WORDS = ("resolution", "motion")
MAX_LABEL_NOISE = 5  # characters of list marks and noise before the label word
MAX_FOLLOWS_HEADER = 70  # characters of a "Resolution N was passed as follows:" header
MIN_RUN_ON = 300  # characters of a line that may hold several resolutions run together

# "as follows:" closing a header, with its verb: "was passed", "~Yii).s passed",
# "was pa5sed", "-w..as passed", "\1i:5lS..d~feated", "was passeg", "~~jtVas passeQ"
_AS_FOLLOWS = re.compile(r"\s*(?i:as\s+follows)\s*:?\s*")
_VERB = re.compile(
    r"(?P<verb>(?:[^\s\d~]{0,8}?(?:as|s)\W{0,2}\s*|[^\s\d~]{0,6}\W)"
    r"(?P<word>pa\w?s\w{1,3}|d\S?feated|carried|lost|adopted))$",
    re.IGNORECASE,
)
# a number's OCR'd parts: digits, the letters OCR reads for them, separators and noise
_DIGITISH = str.maketrans({"l": "1", "I": "1", "O": "0", "o": "0"})
_SEPARATOR = re.compile(r"[-:~,–/]")
# marks OCR leaves where it lost a number's last digits ("8..6-29~~", "86-29')")
_LOST_DIGITS = re.compile(r"\d[~'’)\]}|!\\]")


def label_likeness(word: str) -> float:
    """How alike the letters of a word are to a label word (`LABEL_WORDS`), 0 to 1."""
    letters = re.sub(r"[^a-z]", "", word.lower())
    if not letters:
        return 0.0
    return max(SequenceMatcher(None, letters, w).ratio() for w in LABEL_WORDS)


def _label_end(text: str) -> int | None:
    """Where the label word at the start of a header ends ("2) Resolution", "U Re:"Qhltion",
    "-.21 Resolution", "..R.e.s.Qlu.ti.oo", "~ResolQtion"): the first word starting within
    MAX_LABEL_NOISE characters whose letters are `label_likeness` MIN_LABEL_LIKENESS or
    more, after list marks and noise only; None where the text opens with none."""
    for m in re.finditer(r"[^\s\d]+", text[: MAX_LABEL_NOISE + 1]):
        word = re.match(r"[^\s\d]+", text[m.start() :])
        if word and re.match(r"\W{0,2}[A-Za-z]", word.group(0)):
            if label_likeness(word.group(0)) >= MIN_LABEL_LIKENESS:
                return m.start() + word.end()
            if len(re.sub(r"[^A-Za-z]", "", word.group(0))) > 2:
                return None  # a word of its own: "Council approved ..."
    return None


def _after_words(text: str) -> str:
    """The text after its last word of three letters or more (the label or what OCR made
    of it): where a number misread around it still is ("86-77" of ".:;Besa!JJ:tioo 86-77")."""
    words = list(re.finditer(r"[^\s\d]*[A-Za-z][^\s\d]*[A-Za-z][^\s\d]*[A-Za-z][^\s\d]*", text))
    return text[words[-1].end() :] if words else text


def ocr_number(text: str) -> str:
    """A year-and-sequence resolution number as printed, from its OCR'd characters: the
    digits before the first separator, then those after it ("8 5-1 56" -> "85-156",
    "85:-: 158" -> "85-158", '8.6",294' -> "86-294", "86-292-w.." -> "86-292"); "" where
    either part has fewer than two digits or marks where digits were (the OCR lost them:
    "8~-122", "86-Zti", "~6-g 1", "8..6-29~~", "86-29')");
    a plain number as it is ("No. 12" -> "12")."""
    sep = _SEPARATOR.search(text)
    if not sep:  # a plain sequence number: "Motion No. 12", "Resolution #7"
        plain = re.match(r"^\W*(?:No\.?\s*)?(\d{1,4})\W*$", text)
        return plain.group(1) if plain else ""
    left = "".join(re.findall(r"\d", text[: sep.start()]))
    right_text = re.split(r"[A-Za-z]{2}", text[sep.end() :])[0]
    right = "".join(re.findall(r"\d", right_text))
    if len(left) < 2 or len(right) < 2 or _LOST_DIGITS.search(right_text):
        return ""
    return f"{left}-{right}"


def follows_header(line: str) -> tuple[str, str, str] | None:
    """A header of the "Resolution 85-155 was passed as follows:" form (its number,
    `ocr_number`, "" where illegible; its verb's outcome, "passed", "carried", "adopted" or
    "defeated" (OCR'd: "pa5sed", "d~feated"); the
    words after "as follows:" on the same line), or None. The label word may be lost to
    OCR ("~~ was passed as follows:") where the verb is there."""
    m = _AS_FOLLOWS.search(line)
    if not m or m.start() > MAX_FOLLOWS_HEADER:
        return None
    head = line[: m.start()].rstrip()
    verb = _VERB.search(head)
    if not verb:
        return None
    before = head[: verb.start()]
    number = ocr_number(_after_words(before))
    end = _label_end(before)
    if end is not None and re.search(r"\b(?:[A-Z]?[a-z]{3,}|[A-Z]{4,})\b", before[end:]):
        return None  # words after the label: "AOOPTION OF MINUTES . Resolution 91-192 ..."
    if end is None and not number and re.search(r"[A-Za-z]{3}", before):
        return None  # neither a label nor a number: "The Clerk reported as follows:"
    word = verb.group("word").lower()
    outcome = next((o for o in ("defeated", "carried", "adopted") if o[2:6] in word), "passed")
    return number, "defeated" if word == "lost" else outcome, line[m.end() :]


# a resolution's number after its OCR'd label: "#C-77-8l", "tC-644-89", "#C- 645 -86"
_LABELLED_NUMBER = re.compile(
    r"^\s*(?:No\.?\s*)?[^\w\s]?[a-z]?(?P<number>[A-Z]{1,3}-\s?[\dlIO]{1,4}(?:\s?-\s?[\dlIO]{1,4}){1,2}"
    r"|\d{2,4}\s?-\s?\d{1,4})(?![\w-])"
)


def labelled_number(line: str) -> tuple[str, str] | None:
    """An OCR'd label word then a resolution number, as "Resolution tC-644-89" or
    "Resolution #C-77-8l": (the number with its misread digits and spacing mended,
    "C-644-89", "C-77-81"; the rest of the line), or None."""
    margin = re.match(r"(?:[A-Z]{3,}\s+){0,2}", line)  # "MINUTES Resolution #C- 645 -86"
    start = margin.end() if margin else 0
    end = _label_end(line[start:])
    if end is None:
        return None
    end += start
    m = _LABELLED_NUMBER.match(line[end:])
    if not m:
        return None
    number = re.sub(r"\s", "", m.group("number")).translate(_DIGITISH)
    return number, line[end + m.end() :]


# "Moved by", and "M:>ved by", "~~ved by" where OCR lost its "o" or "Mo"
MOVED_BY = r"(?i:m(?:o|[^\w\s]{1,2})ved|[^\w\s]{1,2}ved|moved)\s+(?i:by)"

# a scanned page's margin label read into the resolution's first line: "Council THAT ...",
# "Delegations THAT the Mayor ...", "Communications THAT ..." (words, then THAT in capitals)
# (title-case words, never the formula's own: "BE IT RESOLVED THAT", "Now Therefore ...")
_MARGIN = re.compile(
    r"^(?:(?!(?:Be|Now|Resolved|Therefore|And|Further|Whereas)\b)[A-Z][a-z][A-Za-z.'’]*\s+){1,3}"
    r"(?=THAT\s)"
)


def without_margin(text: str) -> str:
    """The resolution's words without a margin label before its capital THAT."""
    return _MARGIN.sub("", text, count=1)


# an outcome with OCR noise about it ending a line: 'IlCARRIED"', 'nCARRIED"', '"CARRIED\'',
# '... the Public Works Committee. "r.l)TION LOST"' (the outcome word in capitals)
_NOISY_OUTCOME = re.compile(
    r"(?:^|(?<=\s))\W{0,2}[A-Za-z]{0,2}\W{0,2}(?:\S{0,4}TION\s+)?"
    r"(?P<word>CARRIED|LOST|DEFEATED|PASSED)\W{0,3}$"
)


def noisy_outcome(line: str) -> tuple[int, str] | None:
    """Where an outcome printed with noise about it starts at the end of a line, and its
    word ("CARRIED", "LOST"); None where the line ends with none."""
    m = _NOISY_OUTCOME.search(line.rstrip())
    return (m.start(), m.group("word")) if m else None


def split_run_on(lines: list[str]) -> list[str]:
    """Long lines (MIN_RUN_ON or more characters) holding two or more resolution headers
    ('... approved as read. "CARRIED" Resolution #C-77-l58l Moved by Con. Allin, ...',
    '... circulated". . Resolution 86-292-w..as passed as follows: " That ...'), split
    before each header's label word and after each closing quote (`_quote_ends`); other
    lines as they are."""
    out: list[str] = []
    for line in lines:
        cuts = _header_cuts(line) if len(line) >= MIN_RUN_ON else []
        if len(cuts) < 2:
            out.append(line)
            continue
        cuts = sorted({*cuts, *_quote_ends(line)})
        for a, b in zip([0, *cuts], [*cuts, len(line)], strict=False):
            if piece := line[a:b].strip():
                out.append(piece)
    return out


def _quote_ends(line: str) -> list[int]:
    """The offsets after each closing quote that ends a sentence in a line ('... adopted as
    circulated". . 1) It was decided ...', '... approved as read. "CARRIED" Resolution'):
    where a quoted resolution, or its quoted outcome, ends."""
    return [m.end() for m in re.finditer(r"(?<=\S)[\"”](?:\s?\.)?(?=\s)", line)]


def _header_cuts(line: str) -> list[int]:
    """The offsets in a line where a resolution header starts: a word whose text opens
    with a label word, then a number and "Moved by", or "... was passed as follows:"."""
    cuts: list[int] = []
    after = 0  # a header's label word is never cut again
    for m in re.finditer(r"(?<=\s)\S", line):
        at = m.start()
        rest = line[at : at + 200]
        if at < after or (end := _label_end(rest)) is None:
            continue
        labelled = labelled_number(rest)
        if labelled and re.search(MOVED_BY, labelled[1][:40]) or follows_header(rest):
            cuts.append(at)
            after = at + end
    return cuts


MAX_PAGE_MARK = 60  # characters of a page's running header or footer line
# a page number between dashes or "Page N of M", with the running header's words about it:
# "Council Minutes -2- December 15 1980", "Council Minutes - 2 - July 28, 1986", "- 2 -",
# "Page 1 of 16"; or a scan's stray marks alone on a line (". . .", ".")
_PAGE_MARK = re.compile(r"(?:^|\s)-\s?\d{1,3}\s?-(?:\s|$)|\b[Pp]age\s+\d{1,3}\s+of\s+\d{1,3}\b")


def page_mark(line: str) -> bool:
    """A page's running header or footer, or stray marks, between a meeting's lines."""
    text = line.strip()
    if not re.search(r"\w", text):
        return True
    return len(text) <= MAX_PAGE_MARK and bool(_PAGE_MARK.search(text))
