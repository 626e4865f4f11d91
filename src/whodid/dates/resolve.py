"""Turn a parsed :class:`Spec` into ISO values, given the publication date and the tense.

Conventions (documented once here, relied on by the tests):

* past tense: the latest matching date on or before publication ("said Wednesday" in a Wednesday
  article is that same day); future: the earliest on or after it; present without a future cue is
  read like the past for weekdays ("just past or today") and as "nearest" for month-days/months.
* "last X" is strictly before publication, "next X" strictly after.
* weeks ("this week", "last week") have no precision of their own: value is the week's Monday,
  precision ``unknown``, values the seven days Monday-Sunday.
* "N weeks ago" is a day (publication - 7N); "N months ago" a month; "N years ago" a year.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from whodid.dates.spec import Spec
from whodid.dates.tense import Direction
from whodid.nlp.state import Precision

_DAY = dt.timedelta(days=1)
_MAX_RANGE_DAYS = 62  # a longer "range" is a misreading; keep its ends only


@dataclass(frozen=True, slots=True)
class Resolution:
    """The resolved value of one expression (``value`` None when it cannot be resolved)."""

    value: str | None
    precision: Precision
    values: list[str] = field(default_factory=list)


UNRESOLVED = Resolution(None, "unknown", [])


def resolve(spec: Spec, pub: dt.date | None, way: Direction, anchor: dt.date | None) -> Resolution:
    """Resolve ``spec``; ``anchor`` is the last day-precision date seen before it in the text."""
    if spec.kind == "date":
        return _date(spec, pub, way)
    if spec.kind == "month":
        return _month(spec, pub, way)
    if spec.kind == "year" and spec.year is not None:
        return Resolution(str(spec.year), "year", [str(spec.year)])
    if spec.kind == "anaphor":
        base = anchor or pub
        return _days([base + dt.timedelta(days=spec.amount)]) if base else UNRESOLVED
    if pub is None:
        return UNRESOLVED  # everything below is relative to publication: never guess
    if spec.kind == "weekday":
        return _days(_weekdays(spec, pub, way), fill=spec.fill)
    if spec.kind == "deictic":
        return _days([pub + dt.timedelta(days=spec.amount)])
    if spec.kind in ("relunit", "ago"):
        return _relative(spec, pub)
    return UNRESOLVED


def _days(days: list[dt.date], fill: bool = False) -> Resolution:
    if fill and len(days) > 1 and 0 < (days[-1] - days[0]).days <= _MAX_RANGE_DAYS:
        span = (days[-1] - days[0]).days
        days = [days[0] + dt.timedelta(days=k) for k in range(span + 1)]
    values = [d.isoformat() for d in days]
    return Resolution(values[0], "day", values)


def _pick(options: list[dt.date], pub: dt.date, way: Direction) -> dt.date:
    """The option nearest ``pub`` in the direction ``way`` (nearest overall as a fallback)."""
    if way == "past":
        before = [d for d in options if d <= pub]
        if before:
            return max(before)
    elif way == "future":
        after = [d for d in options if d >= pub]
        if after:
            return min(after)
    return min(options, key=lambda d: (abs((d - pub).days), d))


def _date(spec: Spec, pub: dt.date | None, way: Direction) -> Resolution:
    """Month + day(s): "March 11, 2020", "March 11" (year from tense), "3-5 March"."""
    if spec.month is None or not spec.days:
        return UNRESOLVED
    year = spec.year
    if year is None:
        year = _infer_day_year(spec, pub, way)
    if year is None:
        return UNRESOLVED
    try:
        days = [dt.date(year, spec.month, d) for d in spec.days]
    except ValueError:
        return UNRESOLVED  # "February 30"
    return _days(days, fill=spec.fill)


def _infer_day_year(spec: Spec, pub: dt.date | None, way: Direction) -> int | None:
    if pub is None or spec.month is None:
        return None
    options: list[dt.date] = []
    for year in (pub.year - 1, pub.year, pub.year + 1):
        try:
            options.append(dt.date(year, spec.month, spec.days[0]))
        except ValueError:
            continue  # February 29 outside a leap year
    if spec.weekdays:
        # "Friday, March 19": prefer the year in which March 19 is a Friday
        matching = [d for d in options if d.weekday() == spec.weekdays[0]]
        options = matching or options
    if not options:
        return None
    if spec.shift in ("last", "next"):
        way = "past" if spec.shift == "last" else "future"
    return _pick(options, pub, way).year


def _month(spec: Spec, pub: dt.date | None, way: Direction) -> Resolution:
    """ "December 2018", "in March" (year from tense or "last"/"next"/"this")."""
    if spec.month is None:
        return UNRESOLVED
    year = spec.year
    if year is None:
        if pub is None:
            return UNRESOLVED
        year = _infer_month_year(spec.month, spec.shift, pub, way)
    value = f"{year:04d}-{spec.month:02d}"
    return Resolution(value, "month", [value])


def _infer_month_year(month: int, shift: str, pub: dt.date, way: Direction) -> int:
    if shift == "this":
        return pub.year
    this_month = pub.replace(day=1)
    options = [dt.date(y, month, 1) for y in (pub.year - 1, pub.year, pub.year + 1)]
    if shift == "last":
        return max(d for d in options if d < this_month).year
    if shift == "next":
        return min(d for d in options if d > this_month).year
    return _pick(options, this_month, way).year


def _weekdays(spec: Spec, pub: dt.date, way: Direction) -> list[dt.date]:
    """Dates of the weekday(s); a list is resolved as one block so its days stay in order."""
    if spec.week is not None:
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=spec.week)
        return [monday + dt.timedelta(days=wd) for wd in spec.weekdays]
    backward = spec.shift == "last" or (spec.shift != "next" and way != "future")
    if backward:
        ref = pub - _DAY if spec.shift == "last" else pub
        dates = [_on_or_before(ref, spec.weekdays[-1])]
        for wd in reversed(spec.weekdays[:-1]):
            dates.insert(0, _on_or_before(dates[0] - _DAY, wd))
        return dates
    ref = pub + _DAY if spec.shift == "next" else pub
    dates = [_on_or_after(ref, spec.weekdays[0])]
    for wd in spec.weekdays[1:]:
        dates.append(_on_or_after(dates[-1] + _DAY, wd))
    return dates


def _on_or_before(ref: dt.date, weekday: int) -> dt.date:
    return ref - dt.timedelta(days=(ref.weekday() - weekday) % 7)


def _on_or_after(ref: dt.date, weekday: int) -> dt.date:
    return ref + dt.timedelta(days=(weekday - ref.weekday()) % 7)


def _relative(spec: Spec, pub: dt.date) -> Resolution:
    """ "this week", "last month", "next year", "three days ago", "two months ago"."""
    if spec.unit == "day":
        return _days([pub + dt.timedelta(days=spec.amount)])
    if spec.unit == "week":
        if spec.kind == "ago":
            return _days([pub + dt.timedelta(weeks=spec.amount)])
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=spec.amount)
        values = [(monday + dt.timedelta(days=k)).isoformat() for k in range(7)]
        return Resolution(values[0], "unknown", values)
    if spec.unit == "month":
        index = pub.year * 12 + pub.month - 1 + spec.amount
        value = f"{index // 12:04d}-{index % 12 + 1:02d}"
        return Resolution(value, "month", [value])
    if spec.unit == "year":
        value = f"{pub.year + spec.amount:04d}"
        return Resolution(value, "year", [value])
    return UNRESOLVED
