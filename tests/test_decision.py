"""A decision as a typed record: shown as "text [outcome, tally]" (Decision.display), stored
in the chunk metadata as JSON and read back as it was written."""

from __future__ import annotations

import pytest

from minutesqa.decision import Decision, decisions_from_metadata, decisions_to_metadata

# the Parish Council's motion (test_segment.PARISH) and a Denver-style vote with its tally
VOTED = Decision(
    "Cllr. J. Davies proposed acceptance of the minutes, seconded by Cllr. M. Peake and "
    "unanimously agreed.",
    "agreed",
    "unanimous",
)
TALLIED = Decision("Member Hage so moved. The motion carried.", "carried", "4-0")
NOTED = Decision("AGREED that the report be noted.")


@pytest.mark.parametrize(
    ("decision", "shown"),
    [
        (VOTED, VOTED.text + " [agreed, unanimous]"),
        (TALLIED, "Member Hage so moved. The motion carried. [carried, 4-0]"),
        (Decision("Moved to adopt.", "adopted"), "Moved to adopt. [adopted]"),
        (NOTED, "AGREED that the report be noted."),  # no vote stated: the words alone
    ],
)
def test_a_decision_is_shown_with_its_outcome_and_tally(decision: Decision, shown: str) -> None:
    assert decision.display() == shown


def test_stored_decisions_read_back_as_written() -> None:
    stored = decisions_to_metadata([VOTED, TALLIED, NOTED])
    assert stored.startswith('[{"text": "Cllr. J. Davies proposed')
    assert decisions_from_metadata({"decisions": stored}) == (VOTED, TALLIED, NOTED)
    assert decisions_from_metadata({"decisions": decisions_to_metadata([])}) == ()
    assert decisions_from_metadata({}) == ()


def test_an_older_index_holds_the_lines_shown() -> None:
    """Written before PIPELINE_VERSION 23: one shown line a decision, read as words with no
    vote (shown as they were) until the next ingest stores them typed."""
    lines = "Member Hage so moved. The motion carried. [carried, 4-0]\n[Item withdrawn] Noted."
    found = decisions_from_metadata({"decisions": lines})
    assert found == (
        Decision("Member Hage so moved. The motion carried. [carried, 4-0]"),
        Decision("[Item withdrawn] Noted."),
    )
    assert "\n".join(d.display() for d in found) == lines
