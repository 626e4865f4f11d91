"""Summary tables of the events, for the dashboard's overview and a dyad's series: counts kept as
articles are stored.

The overview shows events per month and quad class and the most active pairs of actor codes. Counted
from ``events`` on each visit, that read the whole table (2.6 s and 0.3 s on a million events).
Migration 0008 makes two tables that hold those counts, exact, and migration 0009 a third, for the
series of a dyad (``query.dyad``); ``add_article`` adds each stored article's events to them, in the
transaction that stores it:

- ``event_months``: events per ``month`` (``substr(date, 1, 7)``: ``2024-03``, or ``2024`` for an
  event dated by its year only; undated events are not counted), quad class and modality;
- ``event_pairs``: events and their Goldstein sum per source code, target code and modality (events
  with both codes only);
- ``dyad_days``: events, events per quad class and their Goldstein sum per source root, target root (the
  first three letters of each code: ``USA`` for ``USAGOV``), modality and ``date`` as stored (a day,
  a month, a year, or ``''`` for none), events with both codes only.

A modality stored as NULL is kept as ``asserted``, which is what it counts as. ``rebuild`` counts
them again from ``events``: migrations 0008 and 0009 fill theirs so, and so does a writer that
inserts events by other means than ``Store.add`` (the benchmarks' generator). Events are never
deleted, and what changes in a stored event (its cluster, its location's precision) is no column of
a summary.

    >>> SUMMARY_TABLES
    ('event_months', 'event_pairs', 'dyad_days')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whodid.store.db import Connection

SUMMARY_TABLES = ("event_months", "event_pairs", "dyad_days")
_MODALITY = "COALESCE(modality, 'asserted')"
_MONTHS = (
    "INSERT INTO event_months (month, quad_class, modality, events) "
    f"SELECT substr(date, 1, 7), quad_class, {_MODALITY}, COUNT(*) FROM events "
    "WHERE date IS NOT NULL{also} GROUP BY substr(date, 1, 7), quad_class, " + _MODALITY
)
_PAIRS = (
    "INSERT INTO event_pairs (source_code, target_code, modality, events, goldstein_sum) "
    f"SELECT source_code, target_code, {_MODALITY}, COUNT(*), SUM(goldstein) FROM events "
    "WHERE source_code IS NOT NULL AND target_code IS NOT NULL{also} "
    "GROUP BY source_code, target_code, " + _MODALITY
)
_QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
_DAYS = (
    "INSERT INTO dyad_days (source_root, target_root, modality, date, events, "
    f"{', '.join(_QUADS)}, goldstein_sum) SELECT substr(source_code, 1, 3), substr(target_code, 1, 3), "
    f"{_MODALITY}, COALESCE(date, ''), COUNT(*), "
    + ", ".join(f"COUNT(CASE WHEN quad_class = {q} THEN 1 END)" for q in (1, 2, 3, 4))
    + ", SUM(goldstein) FROM events WHERE source_code IS NOT NULL AND target_code IS NOT NULL{also} "
    f"GROUP BY substr(source_code, 1, 3), substr(target_code, 1, 3), {_MODALITY}, COALESCE(date, '')"
)
_FILL = {"event_months": _MONTHS, "event_pairs": _PAIRS, "dyad_days": _DAYS}
# an article's counts added to those already there
_ADD_MONTHS = (
    _MONTHS.format(also=" AND article_id = ?") + " ON CONFLICT (month, quad_class, modality) DO UPDATE SET "
    "events = event_months.events + excluded.events"
)
_ADD_PAIRS = (
    _PAIRS.format(also=" AND article_id = ?")
    + " ON CONFLICT (modality, source_code, target_code) DO UPDATE SET "
    "events = event_pairs.events + excluded.events, "
    "goldstein_sum = event_pairs.goldstein_sum + excluded.goldstein_sum"
)
_ADD_DAYS = (
    _DAYS.format(also=" AND article_id = ?")
    + " ON CONFLICT (source_root, target_root, modality, date) DO UPDATE SET "
    + ", ".join(f"{q} = dyad_days.{q} + excluded.{q}" for q in ("events", *_QUADS, "goldstein_sum"))
)


def add_article(conn: Connection, article_id: str) -> None:
    """Add the events of one stored article to the summaries (call once, after inserting them)."""
    for sql in (_ADD_MONTHS, _ADD_PAIRS, _ADD_DAYS):
        conn.execute(sql, [article_id])


def rebuild(conn: Connection, tables: Sequence[str] = SUMMARY_TABLES) -> None:
    """Count the summaries (``tables`` of them) again from every stored event, in the caller's
    transaction, if any."""
    for table in tables:
        conn.execute(f"DELETE FROM {table}")
        conn.execute(_FILL[table].format(also=""))
