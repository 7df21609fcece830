"""Every ranking, abstention and answer-writing number, in one frozen object.

Each field says which class of questions it serves and what was measured when it was set
(eval/questions.yaml is "samples", eval/limerick_questions.yaml "Limerick"). Nothing in
retrieval or answering reads a number that is not here. `Settings.tuning` holds the one in
use; `MINUTES_TUNING="close=0.42,w_lex=0.25"` (or `Tuning.parse`) changes fields for an
evaluation sweep without editing code."""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

from minutesqa.errors import ConfigError


@dataclass(frozen=True)
class Tuning:
    # --- candidates -----------------------------------------------------------------------
    # chunks taken from each retriever (dense, BM25) before items are merged: at least
    # `candidates`, and `candidates_per_k` per item asked for
    candidates: int = 60
    candidates_per_k: int = 6
    rrf_k: int = 60  # reciprocal-rank constant: which chunks become candidates

    # --- an item's score: w_rel * similarity + w_lex * BM25/best + w_cov * topic coverage ---
    # Measured on the samples: these beat reciprocal rank fusion alone (Hit@1 0.93 v 0.85).
    w_rel: float = 1.0
    w_lex: float = 0.3
    w_cov: float = 0.3
    # attendance/venue questions ("who attended", "where was it held", "who chaired"):
    # the meeting's own record first
    meeting_boost: float = 0.5
    # an item of the committee the question names (look-alike policing committees in
    # Limerick: Hit@1 0.733 -> 0.800 with 0.15; 0.3 lost)
    named_boost: float = 0.15
    # a word of committee names used by this share of the chunks names no committee (the
    # council's own name, "Board" among boards). Layouts: Hit@1 0.833 -> 0.917, MRR 0.879 ->
    # 0.921 ("the board's February 2015 discussion" no longer names a body called "Board");
    # Limerick and samples unchanged
    common_name_share: float = 0.5
    # a question naming a period: items of that period lead those of other dates that
    # only mention it (Limerick, same measurement as named_boost)
    date_boost: float = 0.3
    # ... but an item of a later meeting that names the period reports on it ("the cost of
    # impounding horses in 2020", given in March 2021): it gets this much of the boost
    reported_boost: float = 0.2  # 0.1-0.3 score the same on every set
    # "children arrested in August 2023" where no meeting was held then: items of other
    # dates that name the period and hold at least this share of the topic words
    event_coverage: float = 0.5

    # --- abstention (abstain.py) ----------------------------------------------------------
    weak: float = 0.20  # best item below this similarity and coverage: nothing on topic
    close: float = 0.40  # a sentence this similar to the question reads like an answer
    close_unseen: float = 0.45  # ... when most of the topic is words the minutes never use
    unseen_share: float = 0.5  # "most of the topic": this share of its term weight
    close_item: float = 0.45  # an item this similar is on topic whatever its words
    elsewhere_coverage: float = 0.6  # an item at another date holding most of the words
    elsewhere_gap: float = 0.25  # ... and clearly more of them than the best dated item
    # The question's telling words (in at most rare_share of the chunks) carry
    # missing_share of its term weight and are in none of the top `found_items` items: not
    # covered. A word in no chunk at all counts in proportion to the archive's size, fully
    # from unseen_tells chunks (in a small archive it says little). Limerick: abstention
    # recall 0.500 -> 1.000, false abstention unchanged at 0.022.
    missing_share: float = 0.25
    rare_share: float = 0.0003
    unseen_tells: int = 2000
    found_items: int = 3
    # a question naming a body or date whose best item is of that body, within those dates
    # and holds this share of the topic (or is close_item on meaning) is not refused for
    # its words or for other bodies' or dates' items (abstain.clear_match; above 1: off)
    clear_coverage: float = 0.5
    # a short question ("and the cost?") or one with a pronoun is a follow-up, read with the
    # turn before it; its own topic words (when it has this many) must be in the item
    follow_up_words: int = 6
    follow_up_terms: int = 2

    # --- the extractive writer (answer/extractive.py) -----------------------------------------
    writer_items: int = 5  # items whose sentences are scored for the answer
    primary_sentences: int = 3  # sentences shown of the first item ...
    secondary_sentences: int = 2  # ... and of each further one
    decisions_shown: int = 3  # decisions shown per item
    relative_margin: float = 0.10  # a further item: its best sentence this close to the first
    question_weight: float = 0.7  # a follow-up: its own words against the conversation's
    focus_weight: float = 0.5  # a sentence's likeness to the question less its scene
    overlap_weight: float = 0.35  # a sentence's share of the question's words
    answer_type_bonus: float = 0.1  # a date for "when", a figure for "how many", a name for "who"
    # a sentence that asks, or holds restated_overlap of the question's words but not the
    # kind asked: the question put to the meeting, not its reply (extractive._kind_part)
    restated_penalty: float = 0.15
    restated_overlap: float = 0.5
    # none of the sentences chosen holds the kind asked: add the best that does, when it
    # scores within this of the best sentence (extractive._pick; 0: off)
    kind_margin: float = 0.5
    novelty: float = 0.3  # each question word a further sentence adds
    primary_margin: float = 0.2  # the main item's further sentences: this close to its best
    secondary_margin: float = 0.08
    sentence_cap: int = 32  # sentences of one long item embedded per question
    lead_sentences: int = 3  # ... the first few always
    clip_decision: int = 400  # characters shown of a decision, a sentence, a record line
    clip_sentence: int = 500
    clip_record: int = 700
    clip_bare: int = 300  # an item with no sentence to pick: its text, this long

    # --- the generative writer (generate.py) -------------------------------------------------
    llm_excerpts: int = 4  # items given to the model as numbered excerpts
    llm_excerpt_chars: int = 1800  # of each: its best sentences, in the order of the minutes
    llm_terms_share: float = 0.5  # the question's topic words the excerpts must hold first
    llm_max_tokens: int = 300  # the longest answer asked of the model

    # --- briefings (brief.py): which items of a wide pool are about the topic ----------------
    # Measured on eval/briefing_topics.yaml (22 topics, 153 items read by hand); before,
    # (every topic word, similarity 0.45 or 2 sentences): recall 0.712, precision 0.865;
    # with these: recall 0.902, precision 0.847 (checking half 0.921 / 0.854)
    brief_pool: int = 200  # items the hybrid search offers a briefing
    brief_title_share: float = 0.5  # the title holds this share of a facet's words: on it
    brief_words: float = 0.75  # the item holds this share of a facet's words, and ...
    brief_similarity: float = 0.35  # ... reads like the topic, or
    brief_mentions: int = 2  # ... holds a whole facet in this many sentences, or
    brief_sentence_similarity: float = 0.40  # ... in one sentence this like the topic
    brief_close_words: float = 0.5  # fewer of its words, in an item that reads ...
    brief_close_similarity: float = 0.5  # ... this closely like the topic
    brief_sentences: int = 3  # sentences shown of each item

    @classmethod
    def parse(cls, spec: str, base: Tuning | None = None) -> Tuning:
        """'name=value,name=value' over `base` (the defaults)."""
        base = base or cls()
        types = {f.name: f.type for f in fields(cls)}
        changes: dict[str, int | float] = {}
        for part in (p.strip() for p in spec.split(",")):
            if not part:
                continue
            name, eq, raw = part.partition("=")
            name = name.strip()
            if not eq or name not in types:
                known = ", ".join(sorted(types))
                raise ConfigError(
                    f"MINUTES_TUNING: {part[:60]!r} is not name=value; names: {known}"
                )
            try:
                changes[name] = int(raw) if str(types[name]) == "int" else float(raw)
            except ValueError:
                raise ConfigError(f"MINUTES_TUNING: {name}={raw[:30]!r} is not a number") from None
        return replace(base, **changes)  # type: ignore[arg-type]
