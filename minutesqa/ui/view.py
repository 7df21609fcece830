"""What the page shows of an answer and of the index, as text: escaped answers, the
coverage line, example questions and the cited-items table.

Everything that comes from the minutes (answers, titles, item texts) is treated as
untrusted text: HTML is escaped and Markdown syntax (links, images, emphasis) is
neutralised before it reaches a Markdown-rendering component, so a minute that says
`<script>` or `[click](http://…)` is shown literally and never becomes markup.
"""

from __future__ import annotations

import html
import logging
import re
from collections import Counter
from typing import Any
from urllib.parse import urlsplit

from minutesqa.clip import clip_at_word
from minutesqa.committees import COMMITTEE_FILLER, committees_phrase
from minutesqa.indexing.terms import committee_words
from minutesqa.lexicon import ORG_UNIT_NOUNS
from minutesqa.models import (
    MEETING_ITEM,
    Answer,
    Hit,
    ItemRef,
    date_int,
    human_date,
    page_part,
    source_text,
)

log = logging.getLogger(__name__)

TABLE_HEADERS = ["Committee", "Date", "Item", "Title", "Decisions", "Restricted"]
ROUTINE_TITLE_USES = 3  # an item title used at this many meetings is routine
EXAMPLE_TITLE_CHARS = 48  # longer titles are cut off in the app's example buttons
_PROCEDURAL = re.compile(
    r"^(?:minutes|declarations? of interests?|apologies|introductions|matters arising|"
    r"any other business|evacuation|appointment of (?:chair|vice)|date (?:and time )?of|"
    r"urgent items?|exclusion of|welcome|reports back)|"
    # who brought it, not what it is about: "Notice of Motion submitted by Cllr Stokes"
    r"\bsubmitted by\b|^notices? of motions?\b|^questions?\b",
    re.IGNORECASE,
)
# an agenda's verb before the subject: "To receive a Deputation from ...", "Update on the ..."
_AGENDA_VERB = re.compile(
    r"^(?:to (?:receive|consider|note|approve|discuss)|update on|report on|presentation on)"
    r"(?: (?:a|an|the))?\s+",
    re.IGNORECASE,
)
# a part of the organisation reporting ("Transportation & Mobility Directorate", "Property
# Management Services"), not a subject
_ORG_UNIT = re.compile(rf"\b(?:{'|'.join(ORG_UNIT_NOUNS)})$", re.I)


# --- showing untrusted text -------------------------------------------------------------
_MD_PUNCT = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:@$^=])")


def escape_text(text: str) -> str:
    """Untrusted text -> Markdown that renders as exactly that text: no HTML, no links,
    no images, no emphasis, no autolinked URLs or e-mail addresses."""
    return html.escape(_MD_PUNCT.sub(r"\\\1", text), quote=False)


_BOLD_LINE = re.compile(r"^\*\*(.*?)(\*\*)?$")


def render_answer(text: str) -> str:
    """An answer's text for the chat. The writer marks each citation line `**…**`; those
    keep their bold, and every character of every line is escaped."""
    lines = []
    for line in text.split("\n"):
        m = _BOLD_LINE.match(line.strip())
        if m and m.group(1).strip():
            lines.append(f"**{escape_text(m.group(1))}**")
        else:
            lines.append(escape_text(line))
    return "\n".join(lines)


def coverage_line(pipeline: Any) -> str:
    cov = pipeline.coverage
    shown = committees_phrase(cov.committees)
    span = f"{human_date(cov.first)} to {human_date(cov.last)}" if cov.first and cov.last else "-"
    plural = "" if cov.meetings == 1 else "s"
    return f"The index holds {cov.meetings} meeting{plural} of {shown}, from {span}."


def _title_key(title: str) -> str:
    """A title as the routine-title count compares them: case and spacing ignored."""
    return " ".join(title.casefold().split())


def example_questions(pipeline: Any, limit: int = 4, per_meeting: int = 2) -> list[str]:
    """'What was agreed about <title>?' for substantive items of the latest meetings: not
    procedural ones, nor routine ones (a title the archive uses at three meetings or more:
    "Adoption of Minutes", "Deputation"), nor a part of the organisation reporting (a title
    ending "Directorate" or "Services", or mostly words of the committees' names), nor who
    brought it ("submitted by"), so the examples show what the archive is about."""
    try:
        firsts = pipeline.retriever.store.first_chunks()
        uses = Counter(_title_key(c.ref.title) for c in firsts)
        cov = pipeline.coverage
        names = list(cov.dates_by_committee)
        body_words = {w for name in names for w in committee_words(name, names)}
        meetings = sorted(
            ((day, name) for name, days in cov.dates_by_committee.items() for day in days),
            reverse=True,
        )
        questions: list[str] = []
        for day, name in meetings:
            where = {"$and": [{"committee": name}, {"date_int": date_int(day)}]}
            chunks = pipeline.retriever.store.first_chunks(where)
            taken = 0
            for c in sorted(chunks, key=lambda c: c.item_index):
                title = _AGENDA_VERB.sub("", " ".join(c.ref.title.split()))
                words = [w for w in committee_words(title, names) if w not in COMMITTEE_FILLER]
                if (
                    c.item_index == 0
                    or c.ref.restricted
                    or not c.decisions
                    or _PROCEDURAL.search(title)
                    or _ORG_UNIT.search(title)
                    or sum(w in body_words for w in words) * 2 > len(words)
                    or uses[_title_key(c.ref.title)] >= ROUTINE_TITLE_USES
                    or not re.fullmatch(rf"[\w ,'’&/-]{{4,{EXAMPLE_TITLE_CHARS}}}", title)
                    or "restricted" in title.lower()
                ):
                    continue
                question = f"What was agreed about {title}?"
                if question not in questions:
                    questions.append(question)
                    taken += 1
                if taken >= per_meeting or len(questions) >= limit:
                    break
            if len(questions) >= limit:
                break
        return questions
    except Exception:  # examples are a nicety; never let them stop the app
        log.exception("could not build example questions")
        return []


def cited_hits(answer: Answer) -> list[tuple[ItemRef, Hit | None]]:
    by_key = {h.ref.key(): h for h in answer.retrieved}
    return [(ref, by_key.get(ref.key())) for ref in answer.citations]


def citation_rows(answer: Answer) -> list[list[str]]:
    rows = []
    for ref, hit in cited_hits(answer):
        decisions = " ".join(d.display() for d in (hit.decisions if hit else ()) if d.text)
        rows.append(
            [
                ref.committee,
                ref.date.isoformat(),
                "meeting record" if ref.item == MEETING_ITEM else ref.item or "—",  # unnumbered
                ref.title,
                clip_at_word(decisions, 300),
                "restricted" if ref.restricted else "",
            ]
        )
    return rows


def citation_records(answer: Answer) -> list[dict[str, Any]]:
    out = []
    for ref, hit in cited_hits(answer):
        record = ref.to_record()
        record["restricted"] = ref.restricted
        record["decisions"] = [d.display() for d in hit.decisions] if hit else []
        out.append(record)
    return out


def sources_text(answer: Answer) -> str:
    """'Sources:' and, for each cited item, where to check it (models.source_text): printed
    under a command-line answer. "" when nothing is cited."""
    lines = [
        f"[{n}] {source_text(ref, hit.source if hit else '')}"
        for n, (ref, hit) in enumerate(cited_hits(answer), 1)
    ]
    return "\n".join(["Sources:", *lines]) if lines else ""


_SAFE_URL = re.compile(r"https?://[^\s<>\[\]`\\\"']+")


def source_markdown(ref: ItemRef, hit: Hit | None) -> str:
    """The app's 'Source:' line: a link to the original (at the item's page) where the file
    names one, shown as its site and page ("the original at www.limerick.ie, p. 5"), else
    the file's name and page; never the server's folders."""
    link = ref.link()
    if link and _SAFE_URL.fullmatch(link):
        target = link.replace("(", "%28").replace(")", "%29")
        shown = f"the original at {urlsplit(link).hostname}{page_part(ref.page)}"
        return f"Source: [{escape_text(shown)}]({target})"
    name = (hit.source if hit else "").replace("\\", "/").rsplit("/", 1)[-1]
    return f"Source: {escape_text(name + page_part(ref.page))}" if name else ""


def full_text_markdown(answer: Answer) -> str:
    parts = []
    for n, (ref, hit) in enumerate(cited_hits(answer), 1):
        parts.append(f"#### {escape_text(f'[{n}] {ref.label()}')}")
        if line := source_markdown(ref, hit):
            parts.append(f"_{line}_")
        if hit is not None:
            decisions = [d.display() for d in hit.decisions if d.text]
            if decisions:
                parts.append("**Decided:** " + escape_text(" ".join(decisions)))
            parts.append(escape_text(hit.text))
    return "\n\n".join(parts) if parts else "_No items cited._"
