"""Stage 3: one chunk per agenda item; items too long for the model are split, measured in
the model's own tokens, and every chunk starts with a context line."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from langchain_text_splitters import RecursiveCharacterTextSplitter

from minutesqa.models import MEETING_ITEM, AgendaItem, Chunk, Meeting, human_date

OVERLAP_TOKENS = 32
SEPARATORS = ["\n\n", "\n", ". ", "; ", ", ", " ", ""]


def context_line(meeting: Meeting, item: AgendaItem) -> str:
    """ "Board | 9 June 2022 | Item 4: Finances"; an item printed without a number is
    named by its title alone ("Board | 9 June 2022 | Finances")."""
    title = item.title if len(item.title) <= 160 else item.title[:157] + "..."
    if item.number == MEETING_ITEM:
        where = f"Meeting record: {title}"
    elif item.number:
        where = f"Item {item.number}: {title}"
    else:
        where = title or "Untitled item"
    return f"{meeting.committee} | {human_date(meeting.date)} | {where}"


def chunk_id(source: str, content_hash: str, item_index: int, chunk_index: int) -> str:
    src = hashlib.sha1(source.encode("utf-8")).hexdigest()[:16]
    return f"{src}-{content_hash[:12]}-{item_index:04d}-{chunk_index:03d}"


def chunk_meeting(
    meeting: Meeting, count_tokens: Callable[[str], int], max_tokens: int
) -> list[Chunk]:
    records = [meeting.meeting_record(), *meeting.items]
    pieces: list[tuple[int, AgendaItem, str, list[str]]] = []
    for index, item in enumerate(records):
        ctx = context_line(meeting, item)
        budget = max(48, max_tokens - count_tokens(ctx) - 2)
        body = item.body.strip() or item.title
        if count_tokens(body) <= budget:
            parts = [body]
        else:
            splitter = RecursiveCharacterTextSplitter(
                chunk_size=budget,
                chunk_overlap=min(OVERLAP_TOKENS, budget // 4),
                length_function=count_tokens,
                separators=SEPARATORS,
                keep_separator="end",
            )
            parts = [p.strip() for p in splitter.split_text(body) if p.strip()]
        pieces.append((index, item, ctx, parts))
    total = sum(len(parts) for *_, parts in pieces)
    chunks: list[Chunk] = []
    for index, item, ctx, parts in pieces:
        for k, part in enumerate(parts):
            chunks.append(
                Chunk(
                    id=chunk_id(meeting.source, meeting.content_hash, index, k),
                    text=f"{ctx}\n{part}",
                    committee=meeting.committee,
                    date=meeting.date,
                    item=item.number,
                    title=item.title,
                    decisions=item.decisions,
                    restricted=item.restricted,
                    source=meeting.source,
                    content_hash=meeting.content_hash,
                    item_index=index,
                    chunk_index=k,
                    chunk_count=len(parts),
                    file_chunk_count=total,
                    kind=meeting.kind,
                    page=item.page,
                    url=meeting.url,
                )
            )
    return chunks


def strip_context(text: str) -> str:
    """The chunk's text without its context line."""
    return text.split("\n", 1)[1] if "\n" in text else text
