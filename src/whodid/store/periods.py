"""The periods of a dyad table: a date's period, and the zero rows of periods without events.

A dyad table is a time series: a month without events between A and B is a month of zero events,
not a missing month (pandas' ``rolling`` and a plot would otherwise join March to June). ``fill``
adds a zero row for each direction and each period from the first to the last in the table (or
from ``since`` to ``until`` when given).

    >>> period("2024-03-06", "week"), period("2024-03-06", "month")
    ('2024-W10', '2024-03')
    >>> between("2024-11", "2025-02", "month")
    ['2024-11', '2024-12', '2025-01', '2025-02']
"""

from __future__ import annotations

import datetime as dt
from typing import Any

PERIODS = {"day": 10, "month": 7, "year": 4}


def period(date: str, by: str) -> str:
    """The period (``by``: day, week, month, year) of an ISO date at least that precise."""
    if by == "week":
        y, w, _ = dt.date.fromisoformat(date[:10]).isocalendar()
        return f"{y}-W{w:02d}"
    return date[: PERIODS[by]]


def between(first: str, last: str, by: str) -> list[str]:
    """Every period from ``first`` to ``last`` (both periods of ``by``), in order."""
    out: list[str] = []
    if by == "year":
        return [str(y) for y in range(int(first), int(last) + 1)]
    if by == "month":
        y, m = int(first[:4]), int(first[5:7])
        while f"{y:04d}-{m:02d}" <= last:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    if by == "day":  # a ten-year daily series has 3,653 periods: counted, not compared one by one
        start, days = dt.date.fromisoformat(first), dt.date.fromisoformat(last).toordinal()
        return [dt.date.fromordinal(k).isoformat() for k in range(start.toordinal(), days + 1)]
    day = dt.date.fromisocalendar(int(first[:4]), int(first[6:]), 1)
    step = dt.timedelta(days=7)
    while (label := period(day.isoformat(), by)) <= last:
        out.append(label)
        day += step
    return out


def bounds(since: str | None, until: str | None, by: str) -> tuple[str | None, str | None]:
    """The first and last periods of a ``since``/``until`` window (YYYY[-MM[-DD]]; None where not
    given, and the table's own first or last period is used instead).

    >>> bounds("2024", "2024-02", "day")
    ('2024-01-01', '2024-02-29')
    """
    first = period(since + "-01-01"[len(since) - 4 :], by) if since else None
    if not until:
        return first, None
    if len(until) == 4:
        end = f"{until}-12-31"
    elif len(until) == 7:
        y, m = int(until[:4]), int(until[5:7])
        end = (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)).isoformat()
    else:
        end = until
    return first, period(end, by)


def fill(
    rows: list[dict[str, Any]],
    directions: list[str],
    by: str,
    *,
    first: str | None = None,
    last: str | None = None,
    volume: dict[str, int] | None = None,
) -> list[dict[str, Any]]:
    """``rows`` with a zero row for every direction and period without one, from ``first`` (else
    the earliest period of ``rows``) to ``last`` (else the latest); ``volume`` fills the news
    volume columns of the added rows (``normalize``). Sorted by period, then direction."""
    have = {(r["period"], r["direction"]) for r in rows}
    periods = sorted({r["period"] for r in rows})
    first = first or (periods[0] if periods else None)
    last = last or (periods[-1] if periods else None)
    if first is None or last is None or first > last:
        return rows
    added = []
    for label in between(first, last, by):
        for direction in directions:
            if (label, direction) in have:
                continue
            row: dict[str, Any] = {
                "period": label,
                "direction": direction,
                "events": 0,
                "verbal_coop": 0,
                "material_coop": 0,
                "verbal_conflict": 0,
                "material_conflict": 0,
                "goldstein_sum": 0.0,
                "goldstein_mean": None,
                "net_cooperation": 0,
            }
            if volume is not None:
                articles = volume.get(label, 0)
                row["articles"] = articles
                row["events_per_1k_articles"] = 0.0 if articles else None
            added.append(row)
    return sorted(rows + added, key=lambda r: (r["period"], r["direction"]))
