"""The small typed records that pass between pipeline stages."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from minutesqa.decision import Decision, decisions_to_metadata

MEETING_ITEM = "meeting"  # the item number of a meeting's own record (attendance, venue)
# Bump when parse, segment or chunk would turn the same file into different chunks: ingest
# then redoes the files stamped with an older version (re-embedding only the chunk texts
# that changed). `PIPELINE_CHANGES` says which formats a version changed, so that a bump for
# one format does not redo a whole archive of others; a version not listed changed them all.
PIPELINE_VERSION = 25
PIPELINE_CHANGES: dict[int, frozenset[str]] = {
    6: frozenset({"pdf"}),  # a PDF's items carry the page they start on
    7: frozenset({"md"}),  # a Markdown export of a PDF: its original's address and pages
    # 8, 9 (every format): items taken out of order are items (headings._taken_out_of_order),
    # 9 only where their title reads as one
    10: frozenset({"md"}),  # a date printed atop the minutes beats the front matter's posting date
    # 11 (every format): run-in headings ("1. APOLOGIES Apologies were ...", inline.py);
    # 12 (every format): a town, township, parish or village is a body (header.ORG_NOUNS);
    # a name ends before "Draft Minutes" and a "– Extraordinary" after it (header.clean_name)
    # 13 (every format): a part's heading over the items ("## Notes" over "### Plugfest")
    # gives its sub-headings as items (headings._open_containers), numbers stuck to their
    # titles inline and run-in titles in sentence case (inline.py), wiki headings, a
    # Markdown agenda table's rows (parse.text.agenda_tables), and a title line naming a
    # body without an organisational noun (header._name_in_title)
    # 14 (every format): underlined headings (parse.text.setext_headings), inline item
    # numbers after plain words and long numbered paragraphs (inline.py), sub-items of a
    # heading with no text of its own as the items (headings._open_numbered_parents), a
    # decision's label never a title's second line (segment._BLOCK_LABEL), a shire or
    # municipality is a body and a bare "Council" gives way to the header's name for it,
    # minute references with the year first ("2023/041", "C23/041"; headings.REFERENCES),
    # unmarked headings in plain text (headings.plain_headings), and topic bullets with
    # nested points (parse.text.nested_bullet_headings)
    # 15 (every format): a role is not a body's name ("Executive Manager to Board of
    # Directors"), nor an addressee list with staff (header._NOT_A_NAME); a motion proposing
    # adoption takes the outcome on the line after it (decisions._LONE_OUTCOME)
    # 16 (every format): decisions read by sentence_split (not cut at "Cllr." or "J."),
    # "proposed ..., seconded ... and agreed" / "it was agreed" / "And Resolved: 'That ...'"
    # close a motion, and a motion is never joined to the next one (decisions.py); a second
    # "Minutes of" heading starts the body's name afresh (header._committee)
    # 17 (every format): scored meeting dates (dates.py), year/month and running item
    # numbers, resolution-style minutes (resolutions.py), DOCX header parts and text boxes
    # 18 (every format): a time of day is never an item number (headings.CLOCK_TIME), N.0
    # numbering (headings.POINT_ZERO), paragraphs opening with their labels (reading
    # 'labels'), minute references run together in one line, <br> in plain text, PDFs
    # drawn word by word
    # 19 (every format): a number alone over a figure is a table's cell, never an item
    # (segment._table_cell)
    # 20 (every format): a meeting's kind inside a body's name ("Crete Township Special Board
    # of Trustees", "... Parish Council A.G.M") is the meeting's (header.KIND_INSIDE), and
    # "The Regular Meeting of the X was held" names the body as "A meeting of" does
    # 21 (every format): a misprint inside a climbing chain of minute references stands for
    # the number it misprints (headings.misprint_readings), and references with a year pair
    # are one count with the committee's letters or without (references.YEAR_PAIR), dotted
    # year.month.n minute numbers ("19.11.01", headings.DATED_NUMBER), a front matter date
    # the file name contradicts is the page's, a posted page dated by its opening lines and
    # a day and month before its posting (header.meeting_date), Welsh month names
    # (lexicon.WELSH_MONTHS) and "cyngor" (lexicon.BODY_NOUNS), a Markdown document's parts
    # ("## Links", "## Minutes") opened into their sections and items (headings.DOCUMENT_PART)
    # 22 (every format): numbered lists that start again at 1 under section headings or
    # hearings (headings.restarted_lists), an agenda part's list never chained with the
    # minutes' (headings._in_an_agenda_part), Markdown lists written "1." throughout
    # numbered as rendered (parse.text.rendered_list_numbers), a body named by its folder
    # (segment.folder_body), a file's item word ("TOP 1.": segment.item_word), timed Markdown
    # headings (headings.TIMED_HEADING), "1/" numbers, "## Proceedings" a document part, and
    # unnumbered headings beside the numbered items (headings._unnumbered_beside)
    # 23 (every format): decisions stored typed, as JSON (text, outcome, tally:
    # decisions_to_metadata), no longer as the lines shown ("... [carried, 4-0]"); a
    # list counted afresh finds its section above an opening paragraph (chains._section_over),
    # a web page's upload date is never the meeting's
    # 24 (every format): an item taken first and printed above item 1 is an item, also where
    # its number is printed again in its place (headings._taken_out_of_order); a number the
    # chain skips with a misread title is its item (headings._gaps_filled); body names: the
    # meeting's words between organisation and body go (names.MEETING_OF_INSIDE), a label
    # line is no name, a kind-only name takes the header's qualifier (body_names.qualified);
    # an adjourned meeting's one numbered item is its one item (headings._one_numbered_item);
    # sub-numbers "4.2.1" inside their item (candidates.SUB_NUMBER), a reference alone on
    # its line over its title ("CMD.14.20"), "4, Presentations" as item 4, a list counted
    # afresh inside an item (chains.lists_inside_items), and unmarked title-case headings
    # standing alone between paragraphs (segment/unmarked.py)
    # 25 (every format): scanned PDF pages rendered whole before OCR (parse/pdf.py);
    # year.sequence minute numbers as one chain, a reference before the agenda number
    # (segment/references.py); resolution-style minutes in OCR'd forms
    # (segment/resolution_forms.py); page numbers, header labels, vote labels and
    # signatures are no items (segment/page_numbers.py, items.py); a decision keeps its
    # mover's line (decisions._MOVER); kind-only body names settled from the folder
    # (bodies.unsettled)
}
# the last version that changed an item's text (and so its sentences): the sentence store
# is kept across later versions
SENTENCES_VERSION = 5


def is_pdf_url(url: str) -> bool:
    """An http(s) address whose path names a PDF."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.path.lower().endswith(".pdf")


def source_text(ref: ItemRef, path: str) -> str:
    """Where to check an item: the original's address at the item's page where the file
    names one (ItemRef.link), else the file and, for a PDF, the page (", p. 3")."""
    return ref.link() or path + page_part(ref.page)


def pipeline_current(version: int, fmt: str) -> bool:
    """Whether a file of format `fmt` indexed by pipeline `version` is as this one makes it:
    no later version changed its format."""
    if version > PIPELINE_VERSION:
        return False  # indexed by a newer release: redo it as this one reads it
    everything = frozenset({fmt})
    return all(
        fmt not in PIPELINE_CHANGES.get(v, everything)
        for v in range(version + 1, PIPELINE_VERSION + 1)
    )


@dataclass(frozen=True)
class DocHints:
    """What a file says about itself outside its text (Markdown front matter, an HTML
    <title>): hints for the header, never taken as the body's name."""

    title: str = ""
    date: dt.date | None = None
    # the address of the original the file was made from, where it names one (a Markdown
    # export whose first line links its source PDF: `source_link`); http(s) only
    url: str = ""


@dataclass(frozen=True)
class Document:
    """A file read into normalised plain text.

    Structure the format marks survives as two line forms, which segmentation reads and
    strips: a heading is `#`*level + " " + text (Markdown headings, HTML h1-h6, DOCX heading
    styles), and a paragraph that is bold as a whole is `**text**`."""

    path: Path
    text: str
    format: str  # txt, md, html, pdf, docx
    content_hash: str  # sha256 of the file's bytes
    hints: DocHints = DocHints()
    # the pages of a PDF, or of a Markdown export of one, each normalised like `text`: where
    # an item starts (page numbers)
    pages: tuple[str, ...] = ()


@dataclass(frozen=True)
class AgendaItem:
    number: str  # exactly as printed: "7", "SSP/5/24", "XIII"; "" where none is printed
    title: str
    body: str
    decisions: tuple[Decision, ...] = ()
    restricted: bool = False
    page: int = 0  # the PDF page its heading is on (1-based); 0 where not known or no PDF


VENUE_LABEL = "Venue"  # how the meeting record states where the meeting was held


@dataclass(frozen=True)
class Attendance:
    present: str = ""
    officers: str = ""
    in_attendance: str = ""
    apologies: str = ""
    chair: str = ""
    venue: str = ""

    def lines(self) -> list[str]:
        pairs = [
            ("Chair", self.chair),
            (VENUE_LABEL, self.venue),
            ("Present", self.present),
            ("Officers", self.officers),
            ("In attendance", self.in_attendance),
            ("Apologies", self.apologies),
        ]
        return [f"{label}: {value}" for label, value in pairs if value]


@dataclass(frozen=True)
class Meeting:
    committee: str  # the body's name, the same for all its meetings
    date: dt.date
    source: str  # absolute path of the file it came from
    content_hash: str
    attendance: Attendance
    items: tuple[AgendaItem, ...]
    kind: str = "ordinary"  # ordinary, special, annual or extraordinary
    url: str = ""  # DocHints.url: the original's address, where the file names one

    def meeting_record(self) -> AgendaItem:
        """The meeting-level record (item `meeting`), itself searchable."""
        what = "Meeting" if self.kind in ("", "ordinary") else f"{self.kind.capitalize()} meeting"
        body = "\n".join(
            [f"{what} of {self.committee} held on {human_date(self.date)}."]
            + self.attendance.lines()
        )
        return AgendaItem(number=MEETING_ITEM, title="Attendance and venue", body=body)


@dataclass(frozen=True)
class Chunk:
    id: str
    text: str  # context line + body part, what is embedded and indexed
    committee: str
    date: dt.date
    item: str
    title: str
    decisions: tuple[Decision, ...]
    restricted: bool
    source: str
    content_hash: str
    item_index: int  # position of the item in the meeting (0 = meeting record)
    chunk_index: int
    chunk_count: int  # chunks of this item
    file_chunk_count: int  # chunks of the whole file, to spot a half-written file
    kind: str = "ordinary"  # the meeting's kind (Meeting.kind)
    page: int = 0  # AgendaItem.page
    url: str = ""  # Meeting.url

    def metadata(self) -> dict[str, str | int | bool]:
        return {
            "committee": self.committee,
            "date": self.date.isoformat(),
            "date_int": date_int(self.date),
            "item": self.item,  # "" where the minutes print no number
            "title": self.title,
            "kind": self.kind,
            "decisions": decisions_to_metadata(self.decisions),
            "restricted": self.restricted,
            "source": self.source,
            "content_hash": self.content_hash,
            "item_index": self.item_index,
            "chunk_index": self.chunk_index,
            "chunk_count": self.chunk_count,
            "file_chunk_count": self.file_chunk_count,
            "page": self.page,
            "url": self.url,
            "pipeline": PIPELINE_VERSION,
        }


@dataclass(frozen=True)
class ItemRef:
    """Enough to cite an agenda item. `item` is the number as printed, "" where the
    minutes print none: such an item is known, and cited, by its title."""

    committee: str
    date: dt.date
    item: str
    title: str
    restricted: bool = False
    page: int = 0  # the PDF page the item starts on; 0 where not known. Not part of key()
    url: str = ""  # the original's address, where the file names one. Not part of key()

    @classmethod
    def from_metadata(cls, meta: Mapping[str, Any]) -> ItemRef:
        """The reference a stored chunk's metadata (Chunk.metadata) names."""
        return cls(
            committee=str(meta.get("committee", "")),
            date=dt.date.fromisoformat(str(meta["date"])),
            item=str(meta.get("item") or ""),
            title=str(meta.get("title", "")),
            restricted=bool(meta.get("restricted", False)),
            page=int(meta.get("page", 0) or 0),
            url=str(meta.get("url") or ""),
        )

    def key(self) -> tuple[str, str, str]:
        """One agenda item, whichever file of the meeting it came from. Unnumbered items
        are told apart by their title (case and spacing ignored)."""
        which = self.item or "title:" + " ".join(self.title.casefold().split())
        return (self.committee, self.date.isoformat(), which)

    def label(self) -> str:
        """'DSF Board, 9 June 2022, item 4: Finances'; unnumbered 'DSF Board, 9 June 2022,
        Finances'."""
        text = f"{self.committee}, {human_date(self.date)}, {item_label(self.item, self.title)}"
        return text + page_part(self.page) + (" (restricted)" if self.restricted else "")

    def link(self) -> str:
        """The original's address, at the item's page where it is a PDF
        ("https://.../minutes.pdf#page=3", the PDF open parameter browsers follow); "" where
        the file names no original."""
        if self.url and self.page and is_pdf_url(self.url):
            return f"{self.url}#page={self.page}"
        return self.url

    def to_record(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "committee": self.committee,
            "date": self.date.isoformat(),
            "item": self.item or None,  # EVAL_FORMAT: no printed number is null plus title
            "title": self.title,
        }
        if self.restricted:
            out["restricted"] = True
        if self.page:
            out["page"] = self.page
        if self.url:
            out["url"] = self.link()
        return out


@dataclass(frozen=True)
class Hit:
    """One retrieved agenda item, its chunks merged."""

    ref: ItemRef
    score: float  # fused rank score, higher is better
    relevance: float  # best cosine similarity of the item's chunks to the query
    text: str  # the item's text (chunks joined, context lines removed)
    decisions: tuple[Decision, ...]
    source: str
    chunk_ids: tuple[str, ...] = ()
    coverage: float = 0.0  # share of the question's term weight found in the item
    # how `score` was made: (part, weighted value) in the order added, e.g. similarity,
    # bm25, coverage, meeting, named, date (see Tuning); shown by `minutes ask --explain`
    parts: tuple[tuple[str, float], ...] = ()


@dataclass(frozen=True)
class Quote:
    """Words an answer shows as the minutes' own: a run of adjacent sentences of the cited
    item (or a decision), verbatim up to whitespace; a clipped one ends in "…"."""

    ref: ItemRef
    text: str


@dataclass
class Answer:
    question: str
    text: str
    abstained: bool
    citations: list[ItemRef]
    retrieved: list[Hit]
    latency_ms: float = 0.0
    quotes: list[Quote] = field(default_factory=list)
    writer: str = "extractive"  # which writer wrote it: extractive or generative
    note: str = ""  # why the writer fell back to the extracts or abstained
    dropped: int = 0  # generated sentences the citation check refused
    # which check refused the question (abstain.CHECKS: "telling_words_missing", ...);
    # "" when answered
    abstain_reason: str = ""

    def to_record(self, qid: str | None = None) -> dict[str, Any]:
        record: dict[str, Any] = {}
        if qid is not None:
            record["id"] = qid
        record.update(
            {
                "question": self.question,
                "answer": self.text,
                "abstained": self.abstained,
                "citations": [c.to_record() for c in self.citations],
                "retrieved": [
                    {
                        **h.ref.to_record(),
                        "score": round(h.score, 6),
                        "parts": {name: round(v, 6) for name, v in h.parts},
                    }
                    for h in self.retrieved
                ],
                "latency_ms": round(self.latency_ms, 1),
            }
        )
        if self.abstained:
            record["abstain_reason"] = self.abstain_reason
        return record


def item_label(item: str, title: str) -> str:
    """How a citation names an item: "item 4: Finances", "meeting record: Attendance and
    venue", or just "Finances" where the minutes print no number."""
    if item == MEETING_ITEM:
        return f"meeting record: {title}"
    if not item:
        return title or "untitled item"
    return f"item {item}: {title}" if title else f"item {item}"


def page_part(page: int) -> str:
    """How a citation gives the page an item starts on: ", p. 3"; nothing where unknown."""
    return f", p. {page}" if page else ""


def date_int(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def human_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def as_dict(obj: Any) -> dict[str, Any]:
    return asdict(obj)
