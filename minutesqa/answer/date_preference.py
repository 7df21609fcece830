"""A date in a question as a strong preference, not a wall (`_date_preferred`): items of
other dates that name the period compete, starting behind. A plan's or budget's year
(`_plan_preferred`) prefers the items that name that plan, at meetings of its year and the
year before."""

from __future__ import annotations

from dataclasses import replace

from minutesqa.answer.dates import DateIntent, plan_year
from minutesqa.answer.query import mentions_period
from minutesqa.models import Hit


def _one_month(intent: DateIntent) -> bool:
    since, until = intent.since, intent.until
    if since is None or until is None:
        return False
    return (since.year, since.month) == (until.year, until.month)


def _date_preferred(
    in_range: list[Hit],
    wide: list[Hit],
    intent: DateIntent,
    k: int,
    boost: float,
    reported: float = 0.0,
) -> list[Hit]:
    """A date in the question is a strong preference, not a wall: "what was spent on
    consultancy in 2021" is answered at a 2023 meeting. Items of other dates (from `wide`,
    the search at every date) compete only when they name the period themselves, and start
    `boost` (Tuning.date_boost) behind; an item of a later meeting that names the period
    reports on it ("the figures for 2020", given in March 2021) and starts only
    `boost - reported` behind (Tuning.reported_boost)."""
    if intent.plan:
        planned = _plan_preferred(in_range, wide, intent, k, boost)
        if planned is not None:
            return planned
    seen = {h.ref.key() for h in in_range}
    extra = [
        h for h in wide if h.ref.key() not in seen and mentions_period(h.text, intent, h.ref.date)
    ]
    if not extra:
        return in_range
    boosted = [
        replace(h, score=h.score + boost, parts=(*h.parts, ("date", boost))) for h in in_range
    ]
    if reported and intent.until and not _one_month(intent):
        # a month named is mostly the meeting's ("the treasurer's report in February
        # 2014"); a year or part of one, the events' ("seized in 2018")
        end = intent.until
        extra = [
            replace(h, score=h.score + reported, parts=(*h.parts, ("reported", reported)))
            if h.ref.date > end
            else h
            for h in extra
        ]
    return sorted(boosted + extra, key=lambda h: -h.score)[:k]


def _plan_preferred(
    in_range: list[Hit], wide: list[Hit], intent: DateIntent, k: int, boost: float
) -> list[Hit] | None:
    """A year that is a plan's or a budget's (`intent.plan`: "the 2020 general municipal
    allocation", "the budgetary plan for 2021") is not the meeting's alone: the plan for Y
    is drawn up and adopted in the autumn of Y-1 (the 2015 allocation on 9 October 2014),
    while the autumn meeting of Y adopts the plan for Y+1. So the items that name the plan of
    Y (dates.plan_year: "Draft Budgetary Plan 2020", "the GMA for 2020"), at meetings of Y-1
    or Y, start `boost` (Tuning.date_boost) ahead; the other items of those years, and
    those of other dates that name the year, compete unboosted. None where no item names
    the plan: the year is then preferred as any other (`_date_preferred`)."""
    if intent.until is None:
        return None
    year = intent.until.year
    seen = {h.ref.key() for h in in_range}
    pool = list(in_range)
    for h in wide:
        key = h.ref.key()
        if key not in seen and (
            h.ref.date.year in (year - 1, year) or mentions_period(h.text, intent, h.ref.date)
        ):
            seen.add(key)
            pool.append(h)
    named = {
        h.ref.key() for h in pool if h.ref.date.year in (year - 1, year) and plan_year(h.text, year)
    }
    if not named:
        return None
    ranked = [
        replace(h, score=h.score + boost, parts=(*h.parts, ("plan", boost)))
        if h.ref.key() in named
        else h
        for h in pool
    ]
    return sorted(ranked, key=lambda h: -h.score)[:k]
