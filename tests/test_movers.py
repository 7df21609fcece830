"""A decision keeps the lines that name its mover and seconder, however the minutes print
them before the resolution ("Proposed by Councillor Crowley;" over "Seconded by Councillor
Ryan;" over "And Resolved: 'That ...'", "X moved to approve ... Seconded by Y. The motion
carried 3-0."), so that "Who proposed ...?" can be answered from the decision."""

from __future__ import annotations

from minutesqa.decision import Decision
from minutesqa.segment.decisions import extract_decisions

# Limerick City and County Council, 27 November 2017, item 3 (d) "Provision of EUR 85m Loan
# by the European Investment Bank" (shortened after the first words of the resolution)
LIMERICK = [
    "Circulated, report from the A/Head of Finance dated 20th November, 2017, seeking the "
    "approval of the Council, subject to the sanction of the Minister for Housing, Planning "
    "and Local Government, to (i) the entry by the Council into the finance contract for €85m "
    "with the European Investment Bank",
    "Proposed by Councillor Crowley;",
    "Seconded by Councillor Ryan;",
    "And Resolved:",
    "“That, the approval of the Council be and is hereby given to (i) the entry by Limerick "
    "City and County Council into the finance contract for €85m with the European Investment "
    "Bank.”",
]


def test_a_resolution_keeps_its_proposer_printed_on_the_line_before_the_seconder() -> None:
    assert extract_decisions(LIMERICK) == (
        Decision(
            "Proposed by Councillor Crowley; Seconded by Councillor Ryan; And Resolved: “That, "
            "the approval of the Council be and is hereby given to (i) the entry by Limerick "
            "City and County Council into the finance contract for €85m with the European "
            "Investment Bank.”",
            "resolved",
        ),
    )


def test_a_proposer_line_split_over_two_lines_is_kept_whole() -> None:
    split = [*LIMERICK[:1], "Proposed by", "Councillor Crowley;", *LIMERICK[2:]]
    assert extract_decisions(split)[0].text.startswith(
        "Proposed by Councillor Crowley; Seconded by Councillor Ryan; And Resolved:"
    )


# San Francisco Open Source Voting Technical Advisory Committee, 10 January 2019: the mover
# at the end of a discussion paragraph, the seconder and the outcome after it
OSVTAC = [
    "Member Wasserman said there should be mention of CLA's (contributor license agreements) "
    'and questioned the phrase "began discussing" as opposed simply to "discussing." Chair '
    "Jerdonek said he felt it was an ongoing activity, so he wanted to indicate it as such. "
    "With the amendments, Member Hage moved to approve the written report to the Commission. "
    "Seconded by Member Wasserman. The motion carried 3-0."
]


def test_a_motion_moved_in_prose_keeps_its_mover_before_the_seconder() -> None:
    (decision,) = extract_decisions(OSVTAC)
    assert (decision.text, decision.outcome) == (
        "With the amendments, Member Hage moved to approve the written report to the "
        "Commission. Seconded by Member Wasserman. The motion carried 3-0.",
        "carried",
    )  # the tally "3-0." before a full stop is not read (_TALLY): another matter


# Limerick's Home & Social Development SPC, 21 April 2021, item 3 "Voids Update": a proposal
# with its proposer and seconder, and no outcome printed
VOIDS = [
    "Ms. Duke gave a presentation to the members of the SPC in relation to voids.",
    "**Proposal to hold a Special Meeting on Voids/Vacant Properties:**",
    "**Proposed:** Cllr. Joe Leddin",
    "Seconded: Cllr. Sharon Benson",
]


def test_a_proposal_seconded_with_no_outcome_printed_is_a_decision_with_both_names() -> None:
    assert extract_decisions(VOIDS) == (
        Decision(
            "**Proposal to hold a Special Meeting on Voids/Vacant Properties:** **Proposed:** "
            "Cllr. Joe Leddin Seconded: Cllr. Sharon Benson"
        ),
    )


# Limerick City and County Council, 27 November 2017, item 3: an appointment moved and
# seconded, its words quoted, no "And Resolved" printed
APPOINTED = [
    "Proposed by Councillor Browne;",
    "Seconded by Cmhlr. Ó Ceallaigh;",
    "“That, Councillor Costelloe be appointed to the Joint Policing Committee to fill the "
    "vacancy consequent on the resignation of Councillor McMahon from the Committee.”",
    "Proposed by Councillor Teefy;",
    "Seconded by Councillor Loftus;",
]


def test_a_seconded_motion_keeps_its_quoted_words_and_the_next_motion_stands_apart() -> None:
    assert extract_decisions(APPOINTED) == (
        Decision(
            "Proposed by Councillor Browne; Seconded by Cmhlr. Ó Ceallaigh; “That, Councillor "
            "Costelloe be appointed to the Joint Policing Committee to fill the vacancy "
            "consequent on the resignation of Councillor McMahon from the Committee.”"
        ),
        Decision("Proposed by Councillor Teefy; Seconded by Councillor Loftus;"),
    )


def test_an_answer_quotes_the_decisions_that_share_the_questions_words() -> None:
    """Item 3 of Limerick's 27 November 2017 meeting holds a deferral, two appointments and
    the loan, in that order: "Who proposed ... the European Investment Bank loan?" quotes
    the loan's decision, proposer first, among the three shown."""
    from minutesqa.answer.extractive import relevant_first
    from minutesqa.indexing.terms import tokenize

    deferred = Decision(
        "It was agreed to defer discussion on this item until such time as a "
        "full report was prepared and submitted to Council for consideration."
    )
    browne, teefy = extract_decisions(APPOINTED)
    (loan,) = extract_decisions(LIMERICK)
    question = "Who proposed approving the 85 million euro European Investment Bank loan?"
    quoted = relevant_first([deferred, browne, teefy, loan], set(tokenize(question)), 3)
    assert quoted[-1] == loan and len(quoted) == 3
    assert quoted[-1].clipped(400)[1].startswith("Proposed by Councillor Crowley;")


# Cappamore-Kilmallock Municipal District, 19 February 2015, item 1: the proposer's line runs
# on from the line before with no blank line between
RUN_ON = [
    "Circulated, copy of draft Minutes of the following Meetings:",
    "(a) Special Meeting of the Municipal District held on 8 January, 2015.\n"
    "Proposed by Councillor Teefy;",
    "Seconded by Councillor Sheehy;\nAnd Resolved:",
    '“That, the draft Minutes, as circulated, by taken as read and adopted and signed".',
]


def test_a_proposer_clause_ending_the_line_before_is_taken_without_that_line() -> None:
    (decision,) = extract_decisions(RUN_ON)
    assert decision == Decision(
        "Proposed by Councillor Teefy; Seconded by Councillor Sheehy; And Resolved: “That, the "
        'draft Minutes, as circulated, by taken as read and adopted and signed".',
        "resolved",
    )
