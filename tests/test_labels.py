"""Item structures of small bodies' minutes met on first contact (collected minutes of
English parish councils and a US township): "N.0" numbering, unnumbered labels that open
each paragraph, upper-case labels. Each test is a short real passage."""

from __future__ import annotations

from tests.test_segment import from_text

# Wereham Parish Council, 8 July 2014 and the annual meeting of 13 May 2014 (typed to a
# report template: each item "N.0", its points "N.1", "N.2" under it)
WEREHAM_JULY_2014 = """WEREHAM PARISH COUNCIL

Minutes of the Ordinary Parish Council Meeting

8th July 2014 at 7.30pm

2.0 Minutes of Previous Meeting

2.1 To confirm as a correct record the Minutes of the Annual Parish Meeting held on 13th May 2014.

3.0 Resignation of Cllr Phil Norris

3.1 This was formally noted and thanks were minuted for all the hard work and dedication from Phil

4.0 Formal Notification of a Council Vacancy

4.1 The formal 14 day period of notification of a Casual Council Vacancy will run until 28th July.

5.0 Declarations of Interest on Agenda Items and Dispensation Requirements

5.1

5.2 No interests were declared.
"""
WEREHAM_MAY_2014 = """WEREHAM PARISH COUNCIL

DRAFT Minutes of the Annual Meeting of the Parish Council

13th May 2014 at 7.20pm

2.0 Election of Vice Chair

2.1 DD put himself forward as Vice Chair. Prop. JB, 2nd GK, All in favour.

3.0 Appoint Staffing Committee Representatives

3.1 GK, DD, RL and KN appointed. Prop. JB, 2nd PN, All in favour.

4.0 Apologies for absence.

4.1 Cllr Karin Newell and Victoria Gray both noted that they would be arriving late.
"""


def test_items_numbered_n_point_zero_hold_their_points() -> None:
    m = from_text(WEREHAM_JULY_2014)
    assert [(i.number, i.title, i.body.split()[0]) for i in m.items] == [
        ("2.0", "Minutes of Previous Meeting", "2.1"),
        ("3.0", "Resignation of Cllr Phil Norris", "3.1"),
        ("4.0", "Formal Notification of a Council Vacancy", "4.1"),
        ("5.0", "Declarations of Interest on Agenda Items and Dispensation Requirements", "5.1"),
    ]
    m = from_text(WEREHAM_MAY_2014)
    assert [(i.number, i.title, i.body) for i in m.items] == [
        (
            "2.0",
            "Election of Vice Chair",
            "2.1 DD put himself forward as Vice Chair. Prop. JB, 2nd GK, All in favour.",
        ),
        (
            "3.0",
            "Appoint Staffing Committee Representatives",
            "3.1 GK, DD, RL and KN appointed. Prop. JB, 2nd PN, All in favour.",
        ),
        (
            "4.0",
            "Apologies for absence.",
            "4.1 Cllr Karin Newell and Victoria Gray both noted that they would be arriving late.",
        ),
    ]
