"""Holidays: "Thanksgiving", "last Christmas", "Easter Sunday", "Election Day", "Easter week".

The phrases and their calendar rules are in ``data/dates/holidays.tsv``; a holiday without a year
is the one nearest the publication date in the direction of the tense ("was found on Thanksgiving
Day" in January: the November before), or the one named by "last" / "next" / "this".
"""

from __future__ import annotations

import datetime as dt
import re

from spacy.tokens import Doc

from whodid.dates.context import prefix, skip_part_of_day
from whodid.dates.spec import Candidate, Spec, Unit
from whodid.dates.tables import HOLIDAYS, HolidayEntry

_YEAR_RE = re.compile(r"1[89]\d\d|2[01]\d\d")
_NOMINAL = frozenset({"NOUN", "PROPN"})


def holiday(doc: Doc, i: int, floor: int) -> Candidate | None:
    """A holiday name at ``i`` (capitalized), with "last"/"next"/"this" before and a year after."""
    if not doc[i].text[:1].isupper():
        return None
    entry = _match(doc, i)
    if entry is None:
        return None
    n = len(doc)
    end = i + len(entry.words)
    year: int | None = None
    if end < n and _YEAR_RE.fullmatch(doc[end].text):
        year, end = int(doc[end].text), end + 1
    elif end + 1 < n and doc[end].lower_ == "of" and _YEAR_RE.fullmatch(doc[end + 1].text):
        year, end = int(doc[end + 1].text), end + 2
    else:
        after = skip_part_of_day(doc, end)
        if after == end and end < n and doc[end].pos_ in _NOMINAL and doc[end].tag_ != "NNS":
            return None  # "Christmas shopping", "the Easter holiday": something named after the day
        end = after
    start, shift = prefix(doc, i, floor)
    unit: Unit = "week" if entry.unit == "week" else "day"
    return Candidate(
        start, end, Spec("holiday", "holiday", year=year, shift=shift, unit=unit, label=entry.rule)
    )


def _match(doc: Doc, i: int) -> HolidayEntry | None:
    n = len(doc)
    for entry in HOLIDAYS.get(doc[i].lower_, ()):
        end = i + len(entry.words)
        if end <= n and all(doc[i + k].lower_ == w for k, w in enumerate(entry.words)):
            return entry
    return None


def holiday_date(rule: str, year: int) -> dt.date | None:
    """The day of a holiday rule in ``year`` (see ``holidays.tsv``), None for an unknown rule."""
    kind, _, args = rule.partition(":")
    if kind == "fixed":
        month, day = (int(x) for x in args.split("-"))
        return dt.date(year, month, day)
    if kind == "nth":
        month, weekday, nth = (int(x) for x in args.split(":"))
        return _nth_weekday(year, month, weekday, nth)
    if kind == "easter":
        return _easter(year) + dt.timedelta(days=int(args or 0))
    if kind == "election":
        first_monday = _nth_weekday(year, 11, 0, 1)
        return first_monday + dt.timedelta(days=1)
    return None


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    if nth > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    la = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * la) // 451
    month, day = divmod(h + la - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)
