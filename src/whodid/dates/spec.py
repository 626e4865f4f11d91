"""What the scanner found: a token span plus a parsed, not yet resolved, description of it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal[
    "date",  # month + day(s), maybe a year: "March 11, 2020", "3-5 March"
    "month",  # month, maybe a year: "December 2018", "in March"
    "year",  # "in 2019"
    "weekday",  # "last Friday", "Thursday and Friday", "the weekend"
    "deictic",  # "today", "yesterday", "last night"
    "relunit",  # "this week", "last month", "next year"
    "ago",  # "three days ago"
    "anaphor",  # "the same day", "two days later": relative to the previous date in the text
    "ref",  # "now", "recently", "in the future": TIMEX3 PRESENT_REF / PAST_REF / FUTURE_REF (``label``)
    "quarter",  # "the third quarter", "the latest quarter", "the 1988 period" (``part`` 1-4, 0 = anaphoric)
    "half",  # "the first half of 1990" (``part`` 1-2)
    "season",  # "this summer", "last fall" (``label`` SP/SU/FA/WI)
    "decade",  # "the 1990s", "the late '80s" (``year`` = first year of the decade)
    "century",  # "the 20th century" (``amount`` = the century's number)
    "holiday",  # "Thanksgiving", "last Christmas", "Easter week" (``label`` = the rule of holidays.tsv)
    "yearback",  # "a year ago", "a year earlier", "year-ago": a year before the period in focus
    "duration",  # "the past week", "three years": not a point in time
    "unresolved",  # a DATE entity none of the rules understands ("the 1990s")
]
Unit = Literal["day", "week", "fortnight", "month", "year"]


@dataclass(frozen=True, slots=True)
class Spec:
    """A parsed date expression, still relative to whatever it needs to be resolved against."""

    kind: Kind
    rule: str
    year: int | None = None
    month: int | None = None
    days: tuple[int, ...] = ()  # days of the month
    weekdays: tuple[int, ...] = ()  # 0 = Monday
    fill: bool = False  # days/weekdays are the two ends of a range, not a list
    shift: str = ""  # explicit "last" / "next" / "this"
    unit: Unit = "day"
    amount: int = 0  # signed offset in ``unit`` (relunit, ago, deictic, anaphor)
    week: int | None = None  # weekday pinned to a week: "Friday last week" -> -1
    part: int = 0  # quarter (1-4) or half (1-2) of a year; 0 = the one the text is about
    label: str = ""  # a TIMEX3 code: PRESENT_REF / PAST_REF / FUTURE_REF, a season, "current" (quarter)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A token span ``[start, end)`` with its parsed description."""

    start: int
    end: int
    spec: Spec
