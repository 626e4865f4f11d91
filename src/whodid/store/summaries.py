"""Summary tables of the events, for the dashboard's overview: counts kept as articles are stored.

The overview shows events per month and quad class and the most active pairs of actor codes. Counted
from ``events`` on each visit, that read the whole table (2.6 s and 0.3 s on a million events).
Migration 0008 makes two tables that hold those counts, exact, and ``add_article`` adds each stored
article's events to them, in the transaction that stores it:

- ``event_months``: events per ``month`` (``substr(date, 1, 7)``: ``2024-03``, or ``2024`` for an
  event dated by its year only; undated events are not counted), quad class and modality;
- ``event_pairs``: events and their Goldstein sum per source code, target code and modality (events
  with both codes only).

A modality stored as NULL is kept as ``asserted``, which is what it counts as. ``rebuild`` counts
them again from ``events``: migration 0008 fills them so, and so does a writer that inserts events
by other means than ``Store.add`` (the benchmarks' generator).

    >>> sorted(SUMMARY_TABLES)
    ['event_months', 'event_pairs']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whodid.store.db import Connection

SUMMARY_TABLES = ("event_months", "event_pairs")
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


def add_article(conn: Connection, article_id: str) -> None:
    """Add the events of one stored article to the summaries (call once, after inserting them)."""
    conn.execute(_ADD_MONTHS, [article_id])
    conn.execute(_ADD_PAIRS, [article_id])


def rebuild(conn: Connection) -> None:
    """Count the summaries again from every stored event (in the caller's transaction, if any)."""
    for table in SUMMARY_TABLES:
        conn.execute(f"DELETE FROM {table}")
    conn.execute(_MONTHS.format(also=""))
    conn.execute(_PAIRS.format(also=""))
