"""A date in a question as a strong preference, not a wall (`_date_preferred`): items of
other dates that name the period compete, starting behind."""

from __future__ import annotations

from dataclasses import replace

from minutesqa.answer.dates import DateIntent
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
