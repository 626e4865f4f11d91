"""Turn a parsed :class:`Spec` into ISO values, given the publication date and the tense.

Conventions (documented once here, relied on by the tests):

* past tense: the latest matching date on or before publication ("said Wednesday" in a Wednesday
  article is that same day), except a month-day in the two months ahead ("set Nov. 10 as the
  deadline"); future: the earliest on or after it; present without a future cue is
  read like the past for weekdays ("just past or today") and as "nearest" for month-days/months.
* "last X" is strictly before publication, "next X" strictly after.
* weeks ("this week", "last week") have no precision of their own: value is the week's Monday,
  precision ``unknown``, values the seven days Monday-Sunday.
* "N weeks ago" is a day (publication - 7N); "N months ago" a month; "N years ago" a year.
* ``timex`` is the TIMEX3 value when it differs from ``value``: weeks ("1998-W08", "-WE" for a
  weekend), quarters and halves ("1989-Q3", "1990-H1", value: the year), seasons ("1998-SU", value:
  the year), decades ("199") and centuries ("19") with no value, and PRESENT_REF (value: the
  publication day), PAST_REF / FUTURE_REF (no value).
* a quarter with no number ("the quarter", "the year-ago period") is the last quarter named before
  it in the text, else the last one completed before publication ("the latest quarter": always that
  one; "the current quarter": the publication's); "a year ago" / "year-earlier" is that quarter a
  year before, else the previous year; after "for the nine months" / "for the year" it is the
  previous year.
* holidays ("last Thanksgiving", "Christmas") follow the tense like month-days; "that year", "the
  following month" move from the last calendar date in the text; "the week" alone is "1989-WXX".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from whodid.dates.holidays import holiday_date
from whodid.dates.spec import Spec
from whodid.dates.tense import Direction
from whodid.nlp.state import Precision

_DAY = dt.timedelta(days=1)
_MAX_RANGE_DAYS = 62  # a longer "range" is a misreading; keep its ends only
_NEAR_FUTURE = dt.timedelta(days=62)  # a past verb's month-day this close ahead is a coming date


@dataclass(frozen=True, slots=True)
class Resolution:
    """The resolved value of one expression (``value`` None when it cannot be resolved)."""

    value: str | None
    precision: Precision
    values: list[str] = field(default_factory=list)
    timex: str | None = None  # the TIMEX3 value when it is not ``value``


UNRESOLVED = Resolution(None, "unknown", [])
Quarter = tuple[int, int]  # (year, quarter 1-4)


@dataclass(frozen=True, slots=True)
class Focus:
    """What the text has said before an expression, for the expressions that refer back to it."""

    anchor: dt.date | None = None  # the last day-precision date ("the same day", "two days later")
    quarter: Quarter | None = None  # the last quarter ("the quarter", "a year earlier")
    # the text last spoke of a stretch longer than a quarter ("for the nine months"): "a year earlier"
    # and "the 1988 period" are then years
    year_focus: bool = False
    last: str | None = None  # the value of the last calendar date ("that year", "the following month")


def resolve(spec: Spec, pub: dt.date | None, way: Direction, focus: Focus | None = None) -> Resolution:
    """Resolve ``spec`` against the publication date, the tense and what the text said before it."""
    focus = focus or Focus()
    anchor, quarter = focus.anchor, focus.quarter
    if focus.year_focus and spec.kind == "yearback":
        return _year_back(spec, pub, way, None)
    if focus.year_focus and spec.kind == "quarter" and spec.part == 0 and spec.rule == "quarter:period":
        if spec.year is not None:
            return _year_of(spec.year)
        if spec.label == "back" and pub is not None:
            return _year_of(pub.year - 1)
    if spec.kind in _PERIOD_KINDS:
        return _PERIOD_KINDS[spec.kind](spec, pub, way, quarter)
    if spec.kind == "date":
        return _date(spec, pub, way)
    if spec.kind == "month":
        return _month(spec, pub, way)
    if spec.kind == "year" and spec.year is not None:
        return Resolution(str(spec.year), "year", [str(spec.year)])
    if spec.kind == "holiday":
        return _holiday(spec, pub, way)
    if spec.kind == "anaphor" and spec.unit in ("month", "year"):
        return _same_unit(spec, focus.last)
    if spec.kind == "anaphor":
        base = anchor or pub
        return _days([base + dt.timedelta(days=spec.amount)]) if base else UNRESOLVED
    if pub is None:
        return UNRESOLVED  # everything below is relative to publication: never guess
    if spec.kind == "weekday":
        res = _days(_weekdays(spec, pub, way), fill=spec.fill)
        if spec.rule == "weekend":
            res = replace(res, timex=_iso_week(dt.date.fromisoformat(res.values[0])) + "-WE")
        return res
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
    if spec.unit == "week":  # "the week of March 6"
        return _week_of(days[0])
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
    elif way == "past":
        # "set Nov. 10 as the deadline", "payable Dec. 7": a past verb can set a date in the coming
        # weeks; that is nearer than the same day almost a year ago
        soon = [d for d in options if pub < d <= pub + _NEAR_FUTURE]
        if soon:
            return soon[0].year
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
    if list(spec.weekdays) != sorted(spec.weekdays) and not spec.fill:
        # "statements made Friday and Thursday": not one block of days; each is its own day
        return [_weekdays(replace(spec, weekdays=(wd,)), pub, way)[0] for wd in spec.weekdays]
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
        if spec.label == "XX":
            return Resolution(None, "unknown", [], timex=f"{pub.year:04d}-WXX")
        if spec.kind == "ago":
            return _days([pub + dt.timedelta(weeks=spec.amount)])
        monday = pub - dt.timedelta(days=pub.weekday()) + dt.timedelta(weeks=spec.amount)
        values = [(monday + dt.timedelta(days=k)).isoformat() for k in range(7)]
        return Resolution(values[0], "unknown", values, timex=_iso_week(monday))
    if spec.unit == "month":
        index = pub.year * 12 + pub.month - 1 + spec.amount
        value = f"{index // 12:04d}-{index % 12 + 1:02d}"
        return Resolution(value, "month", [value])
    if spec.unit == "year":
        value = f"{pub.year + spec.amount:04d}"
        return Resolution(value, "year", [value])
    return UNRESOLVED


def _same_unit(spec: Spec, last: str | None) -> Resolution:
    """ "that year" / "the following month": the year or month of ``last`` moved by ``spec.amount``."""
    if last is None or (spec.unit == "month" and len(last) < 7):
        return UNRESOLVED
    if spec.unit == "year":
        return _year_of(int(last[:4]) + spec.amount)
    index = int(last[:4]) * 12 + int(last[5:7]) - 1 + spec.amount
    value = f"{index // 12:04d}-{index % 12 + 1:02d}"
    return Resolution(value, "month", [value])


def _holiday(spec: Spec, pub: dt.date | None, way: Direction) -> Resolution:
    """A holiday in its stated year, else the one "last"/"next"/"this" or the tense points to."""
    if spec.year is not None:
        day = holiday_date(spec.label, spec.year)
    elif pub is None:
        return UNRESOLVED
    else:
        options = [d for y in (pub.year - 1, pub.year, pub.year + 1) if (d := holiday_date(spec.label, y))]
        if spec.unit == "week":  # a week has begun once its Monday has come
            options = [d - dt.timedelta(days=d.weekday()) for d in options]
        if not options:
            return UNRESOLVED
        if spec.shift == "last":
            day = max((d for d in options if d < pub), default=None)
        elif spec.shift == "next":
            day = min((d for d in options if d > pub), default=None)
        elif spec.shift == "this":
            day = holiday_date(spec.label, pub.year)
        else:
            day = _pick(options, pub, way)
    if day is None:
        return UNRESOLVED
    return _week_of(day) if spec.unit == "week" else _days([day])


def _week_of(day: dt.date) -> Resolution:
    """The week that holds ``day``: value its Monday, precision unknown, values its seven days."""
    monday = day - dt.timedelta(days=day.weekday())
    values = [(monday + dt.timedelta(days=k)).isoformat() for k in range(7)]
    return Resolution(values[0], "unknown", values, timex=_iso_week(monday))


def _iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _year_of(value: int) -> Resolution:
    return Resolution(f"{value:04d}", "year", [f"{value:04d}"])


def _ref(spec: Spec, pub: dt.date | None, way: Direction, quarter: Quarter | None) -> Resolution:
    """PRESENT_REF is the publication day (for event dating); the past and the future have no value."""
    if spec.label == "PRESENT_REF" and pub is not None:
        return Resolution(pub.isoformat(), "day", [pub.isoformat()], timex=spec.label)
    return Resolution(None, "unknown", [], timex=spec.label)


def _pub_quarter(pub: dt.date) -> Quarter:
    return pub.year, (pub.month - 1) // 3 + 1


def _quarter(spec: Spec, pub: dt.date | None, way: Direction, quarter: Quarter | None) -> Resolution:
    """ "the third quarter" (of the publication year, the previous one if it has not begun and the
    verb is not in the future), "the latest quarter", "the year-ago quarter", "the 1988 period"."""
    part = spec.part
    year = spec.year
    if spec.shift == "year" and year is None:
        if pub is None:
            return UNRESOLVED
        year = pub.year + spec.amount
    if part == 0:
        if spec.label == "current":
            base = _pub_quarter(pub) if pub is not None else None
        elif quarter is not None and spec.label != "latest":
            base = quarter
        elif pub is not None:
            y, q = _pub_quarter(pub)
            base = (y, q - 1) if q > 1 else (y - 1, 4)
        else:
            base = None
        if base is None:
            return UNRESOLVED if year is None else _year_of(year)
        part = base[1]
        if year is None:
            year = base[0] - 1 if spec.label == "back" else base[0]
    if year is None:
        if pub is None:
            return UNRESOLVED
        year = pub.year
        if spec.label == "back":
            year = (quarter[0] if quarter else pub.year) - 1
        elif way != "future" and dt.date(year, _first_month(spec.kind, part), 1) > pub:
            year -= 1  # "fourth-quarter profit rose" in January: last year's
    code = "Q" if spec.kind == "quarter" else "H"
    return replace(_year_of(year), timex=f"{year:04d}-{code}{part}")


def _first_month(kind: str, part: int) -> int:
    return 3 * part - 2 if kind == "quarter" else 6 * part - 5


def _season(spec: Spec, pub: dt.date | None, way: Direction, quarter: Quarter | None) -> Resolution:
    """ "this summer" (the publication year's), "last fall" (the latest one that has ended), "next
    spring" (the first one that has not begun), "the summer of 1998"."""
    year = spec.year
    if year is None:
        if pub is None:
            return UNRESOLVED
        start_month, end_month = _SEASON_MONTHS.get(spec.label, (1, 12))
        year = pub.year
        if spec.shift == "last" and end_month >= pub.month:
            year -= 1
        elif spec.shift == "next" and start_month <= pub.month:
            year += 1
        elif spec.shift == "" and way == "past" and start_month > pub.month:
            year -= 1
    return replace(_year_of(year), timex=f"{year:04d}-{spec.label}")


# first and last month of a season in the year it is named after (winter: December to February)
_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}


def _decade(spec: Spec, pub: dt.date | None, way: Direction, quarter: Quarter | None) -> Resolution:
    return Resolution(None, "unknown", [], timex=f"{(spec.year or 0) // 10:03d}")


def _century(spec: Spec, pub: dt.date | None, way: Direction, quarter: Quarter | None) -> Resolution:
    return Resolution(None, "unknown", [], timex=f"{spec.amount - 1:02d}")


def _year_back(spec: Spec, pub: dt.date | None, way: Direction, quarter: Quarter | None) -> Resolution:
    """ "a year ago", "year-earlier": the quarter in focus a year before, else the previous year."""
    if quarter is not None:
        year, part = quarter
        return replace(_year_of(year - 1), timex=f"{year - 1:04d}-Q{part}")
    if pub is None:
        return UNRESOLVED
    return _year_of(pub.year - 1)


_PERIOD_KINDS: dict[str, Callable[[Spec, dt.date | None, Direction, Quarter | None], Resolution]] = {
    "ref": _ref,
    "quarter": _quarter,
    "half": _quarter,
    "season": _season,
    "decade": _decade,
    "century": _century,
    "yearback": _year_back,
}
