"""Event clusters: the reports of one real event, across stories, grouped into one cluster.

An event mention joins an existing cluster when all of these hold (else it starts a new one):
- both sides are known actors of a known country or international organization (a statement with no
  target, or an actor coded by sector alone such as ``GOV``, names no dyad and stays alone);
- the same directed dyad at country + sector level (``USAGOV`` -> ``CHNGOV``; codes cut to six
  letters) and the same CAMEO root;
- dates that can mean the same days: a day-precise date within ``DAY_WINDOW`` days of the cluster's
  days, with the cluster spanning at most ``MAX_SPAN`` days after it joins (so daily reports of a
  long campaign do not chain into one event); a month-precise date that overlaps the cluster's
  days (it does not widen them); events dated only by year, or not at all, are too vague to join
  anything and stay alone;
- compatible locations: when both the cluster and the mention have a location country, the same one.
Among several fitting clusters the one whose days are nearest wins. Clustering is incremental (each
ingested article's events are placed as they are stored) and every mention records why it joined
(``events.cluster_reason``).
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlparse

if TYPE_CHECKING:
    from whodid.nlp.state import EventSide
    from whodid.record import ArticleRecord
    from whodid.store.db import Connection

DAY_WINDOW = 2  # days a day-precise report may differ from the cluster's days ("Monday" vs "Tuesday")
MAX_SPAN = 7  # days from a cluster's first to its last day-precise report


@dataclass(frozen=True)
class Mention:
    article_id: str
    event_id: str
    source_key: str
    target_key: str
    root: str
    first: dt.date | None
    last: dt.date | None
    precision: str
    location: str | None
    goldstein: float
    quad: int
    dyad: bool  # both sides are actors of a known country or organization


def key(code: str | None) -> str:
    return (code or "")[:6]


def days(date: str | None, precision: str) -> tuple[dt.date | None, dt.date | None]:
    """The first and last day a date can mean (None for a year, an unknown date or a bad one)."""
    if not date or precision not in ("day", "month"):
        return None, None
    try:
        if precision == "day":
            d = dt.date.fromisoformat(date[:10])
            return d, d
        year, month = int(date[:4]), int(date[5:7])
        return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])
    except ValueError:
        return None, None


def publisher(source: str | None, url: str | None, article_id: str) -> str:
    if source:
        return source.strip().lower()
    if url:
        host = urlparse(url).netloc.lower()
        if host:
            return host.removeprefix("www.")
    return article_id


def place_events(conn: Connection, record: ArticleRecord) -> None:
    """Put each event of one newly stored article into a cluster (inside the caller's transaction)."""
    aid = record.article_id
    source = publisher(record.source, record.url, aid)
    for k, e in enumerate(record.events):
        first, last = days(e.date, e.date_precision)
        m = Mention(
            article_id=aid,
            event_id=f"e{k + 1}",  # the record's id of the event (store/schema.py)
            source_key=key(e.source.code if e.source else None),
            target_key=key(e.target.code if e.target else None),
            root=e.cameo[:2],
            first=first,
            last=last,
            precision=e.date_precision,
            location=e.location.country if e.location else None,
            goldstein=float(e.goldstein),
            quad=int(e.quad_class),
            dyad=_known(e.source) and _known(e.target),
        )
        cluster_id, reason = _join(conn, m)
        if cluster_id is None:
            cluster_id = _new(conn, m)
        conn.execute(
            "UPDATE events SET cluster_id = ?, cluster_reason = ? WHERE article_id = ? AND event_id = ?",
            (cluster_id, reason, aid, m.event_id),
        )
        _count(conn, cluster_id, m, source)


def _known(side: EventSide | None) -> bool:
    code = (side.code if side else None) or ""
    return bool(side and side.country) or code.startswith(("IGO", "NGO", "NGM", "IMG", "MNC"))


def _join(conn: Connection, m: Mention) -> tuple[int | None, str]:
    if not m.dyad:
        return None, "new: not a dyad of known actors (no target, or a side with no country)"
    if m.first is None or m.last is None:
        why = "no date" if m.precision == "unknown" else f"dated only to the {m.precision}"
        return None, f"new: {why}, too vague to join another report"
    window = dt.timedelta(days=DAY_WINDOW if m.precision == "day" else 0)
    lo, hi = (m.first - window).isoformat(), (m.last + window).isoformat()
    rows = conn.execute(
        "SELECT id, first_day, last_day, location_country FROM event_clusters WHERE source_key = ? AND "
        "target_key = ? AND cameo_root = ? AND first_day <= ? AND last_day >= ?",
        (m.source_key, m.target_key, m.root, hi, lo),
    ).fetchall()
    best: tuple[int, int, str, str, str | None] | None = None
    for cid, first, last, loc in rows:
        if m.location and loc and m.location != loc:
            continue
        c0, c1 = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        if m.precision == "day" and (max(c1, m.last) - min(c0, m.first)).days > MAX_SPAN:
            continue
        gap = _gap(m.first, m.last, c0, c1)
        if best is None or gap < best[1]:
            best = (int(cid), gap, first, last, loc)
    if best is None:
        return (
            None,
            f"new: first report of {m.source_key}->{m.target_key or '-'} root {m.root} around {m.first}",
        )
    cid, gap, first, last, loc = best
    where = f", location {loc}" if loc and m.location else ""
    return cid, (
        f"joined: same dyad {m.source_key}->{m.target_key or '-'} and root {m.root}; its "
        f"{m.precision}-precise date {m.first}..{m.last} is {gap} days from the cluster's "
        f"{first}..{last} (window {window.days} days){where}"
    )


def _gap(a0: dt.date, a1: dt.date, b0: dt.date, b1: dt.date) -> int:
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def _new(conn: Connection, m: Mention) -> int:
    # the next id after the largest, not a sequence: a write rolled back leaves no gap, so a resumed
    # ingest numbers its clusters exactly as one clean run does (writers hold the exclusive lock)
    cluster_id = int(conn.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM event_clusters").fetchone()[0])
    conn.execute(
        "INSERT INTO event_clusters (id, source_key, target_key, cameo_root, first_day, last_day, "
        "location_country, mentions, stories, sources, goldstein, quad_class, day_precise) "
        "VALUES (?, ?, ?, ?, NULL, NULL, NULL, 0, 0, 0, ?, ?, 0)",
        (cluster_id, m.source_key, m.target_key, m.root, m.goldstein, m.quad),
    )
    return cluster_id


def _count(conn: Connection, cluster_id: int, m: Mention, publisher: str) -> None:
    """Count one more report in its cluster, reading only the cluster's row (constant time).

    The cluster's days are those of its day-precise reports, else of its month-precise ones; its
    location country is the one its reports give (joining requires the same one)."""
    first, last, day_precise, location = conn.execute(
        "SELECT first_day, last_day, day_precise, location_country FROM event_clusters WHERE id = ?",
        (cluster_id,),
    ).fetchone()
    c0 = dt.date.fromisoformat(first) if first else None
    c1 = dt.date.fromisoformat(last) if last else None
    if m.first is not None and m.last is not None and (m.precision == "day" or not day_precise):
        if m.precision == "day" and not day_precise:  # the first day-dated report: its days replace
            c0, c1, day_precise = m.first, m.last, 1
        else:
            c0 = min(c0, m.first) if c0 else m.first
            c1 = max(c1, m.last) if c1 else m.last
    story = conn.execute(
        "SELECT COUNT(*) FROM events WHERE cluster_id = ? AND article_id = ? AND event_id <> ?",
        (cluster_id, m.article_id, m.event_id),
    ).fetchone()[0]
    source = conn.execute(
        "INSERT INTO cluster_sources (cluster_id, publisher) VALUES (?, ?) ON CONFLICT DO NOTHING",
        (cluster_id, publisher),
    ).rowcount
    conn.execute(
        "UPDATE event_clusters SET mentions = mentions + 1, stories = stories + ?, sources = sources + ?, "
        "first_day = ?, last_day = ?, day_precise = ?, location_country = ? WHERE id = ?",
        (
            0 if story else 1,
            1 if source == 1 else 0,
            c0.isoformat() if c0 else None,
            c1.isoformat() if c1 else None,
            day_precise,
            location or m.location,
            cluster_id,
        ),
    )


def backfill_cluster_sources(conn: Connection) -> None:
    """Fill ``cluster_sources`` for the clusters stored before migration 0004 (inside its transaction)."""
    rows = conn.execute(
        "SELECT DISTINCT e.cluster_id, a.source, a.url, a.id FROM events e JOIN articles a ON a.id = "
        "e.article_id WHERE e.cluster_id IS NOT NULL"
    ).fetchall()
    conn.executemany(
        "INSERT INTO cluster_sources (cluster_id, publisher) VALUES (?, ?) ON CONFLICT DO NOTHING",
        sorted({(int(cid), publisher(src, url, aid)) for cid, src, url, aid in rows}),
    )
