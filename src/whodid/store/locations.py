"""Event locations stored before migration 0006 get the precision and rule their records hold.

The coder writes ``events[].location.precision`` (``city``, ``region``, ``country``) and ``.rule``;
migration 0006 adds the ``events`` columns that keep them. The rows stored before it are filled here,
inside the migration's transaction, from each article's stored ``whodid.article/1`` record. A record
coded before whodid wrote a precision has none to give: its events keep NULL, and the exports fall back
on the place's feature where they need a precision (``store/gdelt.py``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from whodid.store.db import Connection

_CHUNK = 200  # articles read at a time: their records are the largest values the store holds


def backfill_location_precision(conn: Connection) -> None:
    """Fill ``location_precision`` and ``location_rule`` of stored located events from the records."""
    ids = [
        str(row[0])
        for row in conn.execute(
            "SELECT DISTINCT article_id FROM events WHERE location_name IS NOT NULL "
            "AND location_precision IS NULL ORDER BY article_id"
        ).fetchall()
    ]
    for k in range(0, len(ids), _CHUNK):
        chunk = ids[k : k + _CHUNK]
        marks = ",".join("?" * len(chunk))
        records = conn.execute(f"SELECT id, record FROM articles WHERE id IN ({marks})", chunk).fetchall()
        updates = []
        for article_id, record in records:
            for event in json.loads(record).get("events", []):
                location = event.get("location") or {}
                if location.get("precision") is not None or location.get("rule") is not None:
                    updates.append((location.get("precision"), location.get("rule"), article_id, event["id"]))
        conn.executemany(
            "UPDATE events SET location_precision = ?, location_rule = ? "
            "WHERE article_id = ? AND event_id = ?",
            updates,
        )
