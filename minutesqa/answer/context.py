"""The sentences a chosen sentence of an answer brings with it to be read (the extractive
writer's context, `extractive._pick`): the sentence it points back to, what it leads on to,
the reply to a question it asks, and a table read one cell a line after it."""

from __future__ import annotations

import re

from minutesqa.answer.question import is_asking

NEAR, NEAR_BONUS = 2, 0.2  # a sentence this few after a chosen one, and what that adds


def with_context(rows: list[tuple[str, float, frozenset[str]]], keep: set[int]) -> None:
    """Add to `keep` the sentences the kept ones need to be read: the one a sentence
    points back to, the one after a sentence that introduces or asks, a question's reply."""
    for i in sorted(keep):
        # a sentence that points back ("This makes the location unsuitable ...") brings
        # the one it points to
        if i > 0 and _POINTS_BACK.match(rows[i][0]):
            keep.add(i - 1)
    for i in sorted(keep):
        # a sentence that introduces ("as follows:") or asks brings the one after it, and
        # a question of several sentences its reply
        asked: set[str] = set()
        for j in range(i, min(i + _LEADS_ON, len(rows) - 1)):
            if not _leads_on(rows[j][0]):
                break
            keep.add(j + 1)
            if is_asking(rows[j][0]):
                asked |= rows[j][2]
                reply = _reply(rows, j + 1, asked)
                if reply is not None:
                    keep.add(reply)


_CELL, _MIN_CELLS, _MAX_CELLS = 12, 3, 24  # a table's cell: this short; a run of them
_BRACKETED = re.compile(r"\([^()]*\)")


def table_cells(rows: list[tuple[str, float, frozenset[str]]], start: int) -> list[int]:
    """A table read one cell a line right after a chosen sentence ("Incidents of dog
    attacks on people (1st January 2021 - 10th September 2023)" / "2021" / "2022" /
    "Total" / "12" / "22" / "17" / "51"): its cells, up to _MAX_CELLS, where there are at
    least _MIN_CELLS; a count asked for is in them, not in a sentence. A line in brackets
    under the title (its period, its unit: "(1st January 2021 - 10th September 2023)",
    "(€000)") is the title's and comes with the cells."""
    lead = []
    if start < len(rows) and _BRACKETED.fullmatch(rows[start][0].strip()):
        lead, start = [start], start + 1
    cells = []
    for j in range(start, min(start + _MAX_CELLS, len(rows))):
        text = rows[j][0].strip()
        if not text or len(text) > _CELL:
            break
        cells.append(j)
    figures = sum(bool(re.search(r"\d", rows[j][0])) for j in cells)
    return lead + cells if len(cells) >= _MIN_CELLS and figures >= _MIN_CELLS else []


def _reply(
    rows: list[tuple[str, float, frozenset[str]]], after: int, asked: set[str]
) -> int | None:
    """Where the sentence after a question raised in the minutes shares none of its words
    ("... enquired what happens if people do not pay the fine." / "In response to
    questions, Mr. X confirmed ... stickers ..."), the first of the next NEAR that does
    ("Regarding non-payment, a fine is increased by 50% ..."): the reply to that question."""
    if not asked or rows[after][2] & asked:
        return None
    for k in range(after + 1, min(after + 1 + NEAR, len(rows))):
        if rows[k][2] & asked and not is_asking(rows[k][0]):
            return k
    return None


_LEADS_ON = 3  # a question of up to this many sentences brings its reply
# a sentence whose subject is the one before it: a demonstrative and a verb ("This makes
# the location unsuitable", "This was due to ...", "These were ...")
_POINTS_BACK = re.compile(
    r"^\W*(?:This|That|These|Those)\s+(?:is|was|are|were|will|would|has|had|have|means|"
    r"meant|makes|made|may|might|could|should|can|led|leads|resulted|results|follows|"
    r"followed|includes|included|also)\b"
)


def _leads_on(sentence: str) -> bool:
    """The sentence introduces what follows ("as follows:") or asks (the reply follows)."""
    return sentence.rstrip().endswith((":", ":-")) or is_asking(sentence)
