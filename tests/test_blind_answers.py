"""Answers to the blind Limerick questions (eval/limerick_c_questions.yaml, written outside
the team): each class of failure they showed, as a general mechanism, on the questions'
own words and short passages of the minutes they were asked of (the file named above
each)."""

from __future__ import annotations

from minutesqa.committees import body_phrases, committees_named

# committee names as the Limerick minutes spell them
BODIES = [
    "Municipal District of Newcastle West",
    "Municipal District of Newcastle West Joint Policing Sub Committee",
    "Limerick City and County Council, Home and Social Development Strategic Policy Committee",
    "Community, Leisure & Culture Strategic Policy Committee",
    "Limerick City & County Council’s Travel and Transportation Strategic Policy Committee",
    "Joint Policing Committee",
    "Limerick City and County Council",
]
GENERIC = frozenset("municipal district of committee sub limerick city and county council".split())
HOUSING_SPC = (
    "At the housing SPC in February 2023, how many affordable units in Newcastle West were "
    "in the Affordable Housing Fund application being prepared?"
)


def test_a_place_in_the_topic_is_not_the_body_a_question_names() -> None:
    # c19: the question names an SPC ("the housing SPC", no SPC of that name); Newcastle
    # West is where the units are. Before: the Newcastle West district was the body asked,
    # and the question was refused as covered by another body's minutes (other_body).
    assert body_phrases(HOUSING_SPC, BODIES, GENERIC) == [{"housing", "strategic", "policy"}]
    assert committees_named(HOUSING_SPC, BODIES, GENERIC) == ()
    # l042: the SPC named in full is the body; the district is not named beside it
    asked = (
        "How many affordable homes in Newcastle West were in the Affordable Homes Fund "
        "applications discussed at the Home and Social Development Strategic Policy "
        "Committee in February 2023?"
    )
    assert committees_named(asked, BODIES, GENERIC) == (BODIES[2],)
    # a body named by its place stays named, before or after its noun
    for asked in (
        "What did the Newcastle West district agree about footpaths in Abbeyfeale?",
        "What did the Municipal District of Newcastle West agree about footpaths?",
        "What did Newcastle West councillors ask about footpaths?",  # no body noun: as before
    ):
        assert committees_named(asked, BODIES, GENERIC) == (BODIES[0],), asked
    # the sub committee named by both its words and its district's
    assert committees_named(
        "What did the Joint Policing Committee for Newcastle West hear?", BODIES, GENERIC
    ) == (BODIES[1],)
    # "the council" names no body in particular: the district stays the body asked
    assert committees_named(
        "Did the council fund the Newcastle West district's library?", BODIES, GENERIC
    ) == (BODIES[0],)
