"""Reads for browsing the store page by page: the HTTP API and the dashboard of ``whodid serve``.

Nothing here changes what ``query.py`` returns; it adds what a server needs besides:

- ``event_page``: the mentions (or clusters) of ``query.events`` one page at a time, by keyset: the
  page after a row starts right after that row's sort key, so page 1,000 costs what page 1 does and
  a row stored between two requests never shows twice;
- ``volume``: events per period and quad class (the overview's chart); ``top_dyads``: the most active
  directed pairs of actor codes; ``locations``: where events took place, with the precision of the
  place (a country's centroid or a city), from the places table;
- ``article``: one stored article with its text and record; ``event``: one mention with its
  sentence, its cluster and the other reports of that cluster.

    page = event_page(store, EventQuery(source="USA"), limit=50)
    next_page = event_page(store, EventQuery(source="USA"), limit=50, after=page.next_key)

Every value is a parameter of the statement; only column names chosen here are pasted.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from whodid.store.db import Store
from whodid.store.periods import PERIODS, period
from whodid.store.query import (
    _EVENT_SELECT,
    CLUSTER_COLUMNS,
    CLUSTERS_OF_EVENTS,
    EVENT_COLUMNS,
    MENTION_ORDER,
    EventQuery,
    _code_prefix,
    _modality_sql,
    _prefix_args,
    _where,
    modalities,
    resolved,
)

SortKey = tuple[Any, ...]  # a mention's (date, article_id, event_id); a cluster's (first_day, id)


@dataclass(frozen=True)
class Page:
    """One page of rows; ``next_key`` is the sort key to pass as ``after`` for the next (None: last)."""

    rows: list[dict[str, Any]]
    next_key: SortKey | None


def event_page(store: Store, q: EventQuery, *, limit: int, after: SortKey | None = None) -> Page:
    """The rows of ``query.events(store, q)`` that sort after ``after``, at most ``limit`` of them."""
    q = resolved(store, q)
    where, args = _where(q)
    if q.clusters:
        return _cluster_page(store, where, args, limit, after)
    if after is not None:
        cond, cond_args = _after_mention(after)
        where, args = [*where, cond], [*args, *cond_args]
    events = "events e INDEXED BY events_newest" if _newest_first(store, q) else "events e"
    sql = _MENTIONS.format(events=events) + " AND ".join(where) + _NEWEST_FIRST
    rows = [dict(zip(EVENT_COLUMNS, r, strict=True)) for r in store.conn.execute(sql, [*args, limit + 1])]
    more = len(rows) > limit
    rows = rows[:limit]
    last = rows[-1] if rows else None
    key = (last["date"], last["article_id"], last["event_id"]) if more and last else None
    return Page(rows, key)


# the mentions of a page and their sentence and URL, from ``events`` (or the rows standing for it)
_MENTIONS = (
    "SELECT "
    + ", ".join(_EVENT_SELECT[c] for c in EVENT_COLUMNS)
    + " FROM {events} JOIN articles a ON a.id = e.article_id "
    "LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx WHERE "
)
_NEWEST_FIRST = " ORDER BY " + MENTION_ORDER + " LIMIT ?"
# a code filter matching fewer events than this is read through its index and sorted (see _newest_first)
FEW_MATCHES = 5_000


def _newest_first(store: Store, q: EventQuery) -> bool:
    """Whether a page of ``q`` is read along the index ``events_newest`` (migration 0007: the mention
    order, holding every column a filter other than ``actor`` reads), stopping at the page's end.

    SQLite's planner, which knows nothing of how many events a filter matches, prefers the index of
    an actor code filter (``source=USA``: every USA event, a quarter of a million of a million) and
    sorts all its matches for a page of 100. So a page is read newest first along events_newest,
    unless a code filter matches fewer than ``FEW_MATCHES`` events (counted in the code's own index,
    up to that number): those few are found through that index and sorted (``source=ESP&target=ITA``),
    where reading newest first would go through the whole table to fill the page. PostgreSQL's planner
    weighs the LIMIT against its statistics itself."""
    if store.conn.dialect != "sqlite":
        return False
    codes: list[str] = []
    args: list[object] = []
    for column, value in (("e.source_code", q.source), ("e.target_code", q.target)):
        if value:
            codes.append(_code_prefix(column))
            args += _prefix_args(value)
    if q.cluster is not None:
        codes.append("e.cluster_id = ?")
        args.append(q.cluster)
    if not codes:
        return True
    sql = f"SELECT COUNT(*) FROM (SELECT 1 FROM events e WHERE {' AND '.join(codes)} LIMIT ?) AS m"
    return int(store.conn.execute(sql, [*args, FEW_MATCHES]).fetchone()[0]) >= FEW_MATCHES


def _after_mention(key: SortKey) -> tuple[str, list[object]]:
    """The condition "sorts after ``key``" in ``MENTION_ORDER`` (dated newest first, then undated;
    within a date by article, then by event number: length of the id, then the id)."""
    date, article_id, event_id = str(key[0]) if key[0] is not None else None, str(key[1]), str(key[2])
    same_article = (
        "(e.article_id > ? OR (e.article_id = ? AND (length(e.event_id) > ? OR "
        "(length(e.event_id) = ? AND e.event_id > ?))))"
    )
    tail = [article_id, article_id, len(event_id), len(event_id), event_id]
    if date is None:
        return f"(e.date IS NULL AND {same_article})", tail
    return f"(e.date IS NULL OR e.date < ? OR (e.date = ? AND {same_article}))", [date, date, *tail]


def _cluster_page(
    store: Store, where: list[str], args: list[object], limit: int, after: SortKey | None
) -> Page:
    cond, cond_args = "1 = 1", list[object]()
    if after is not None:
        if after[0] is None:
            cond, cond_args = "(c.first_day IS NULL AND c.id > ?)", [int(after[1])]
        else:
            cond = "(c.first_day IS NULL OR c.first_day < ? OR (c.first_day = ? AND c.id > ?))"
            cond_args = [str(after[0]), str(after[0]), int(after[1])]
    sql = (
        CLUSTERS_OF_EVENTS
        + " AND ".join(where)
        + f") AND {cond} ORDER BY c.first_day IS NULL, c.first_day DESC, c.id LIMIT ?"
    )
    found = store.conn.execute(sql, [*args, *cond_args, limit + 1]).fetchall()
    rows = [dict(zip(CLUSTER_COLUMNS, r, strict=True)) for r in found]
    more = len(rows) > limit
    rows = rows[:limit]
    key = (rows[-1]["first_day"], rows[-1]["cluster_id"]) if more and rows else None
    return Page(rows, key)


QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


def volume(store: Store, *, by: str = "month", modality: str = "asserted") -> list[dict[str, Any]]:
    """Events per period (``year``, ``month`` or ``day``) and quad class, oldest first: one row per
    period with a count per quad class. Events dated less precisely than the period are left out.

    By month or year the counts are read from the summary ``event_months`` (``store/summaries.py``),
    a few thousand rows, not the million events; by day from ``events``."""
    width = PERIODS[by]
    if by == "day":
        kept, args = _modality_sql("modality", modality)
        sql = (
            f"SELECT substr(date, 1, {width}), quad_class, COUNT(*) FROM events "
            f"WHERE date IS NOT NULL AND length(date) >= {width}"
            + (f" AND {kept}" if kept else "")
            + " GROUP BY 1, 2"
        )
    else:
        kept, args = _summary_modality(modality)
        sql = (
            f"SELECT substr(month, 1, {width}), quad_class, SUM(events) FROM event_months "
            f"WHERE length(month) >= {width}" + kept + f" GROUP BY substr(month, 1, {width}), quad_class"
        )
    bins: dict[str, dict[str, Any]] = {}
    for day, quad, n in store.conn.execute(sql, args):
        label = period(str(day), by)
        row = bins.setdefault(label, {"period": label, **dict.fromkeys(QUADS, 0), "events": 0})
        if 1 <= int(quad) <= 4:
            row[QUADS[int(quad) - 1]] += int(n)
            row["events"] += int(n)
    return [bins[k] for k in sorted(bins)]


def _summary_modality(value: str) -> tuple[str, list[object]]:
    """The condition (to append after AND-ed ones) on the ``modality`` of a summary table, where a
    modality stored as NULL is already ``asserted``."""
    kept = modalities(value)
    if kept is None:
        return "", []
    return f" AND modality IN ({', '.join('?' * len(kept))})", list(kept)


def top_dyads(store: Store, *, limit: int = 10, modality: str = "asserted") -> list[dict[str, Any]]:
    """The directed pairs of actor codes with the most event mentions, with their Goldstein mean
    (of the sum rounded to 3 decimals), from the summary ``event_pairs``: for one modality read in
    the order of its index ``event_pairs_most``, for several added up per pair first."""
    kept = modalities(modality)
    if kept is not None and len(kept) == 1:
        sql = (
            "SELECT source_code, target_code, events, goldstein_sum FROM event_pairs WHERE modality = ? "
            "ORDER BY events DESC, source_code, target_code LIMIT ?"
        )
        args: list[object] = [kept[0], limit]
    else:
        cond, args = _summary_modality(modality)
        sql = (
            "SELECT source_code, target_code, SUM(events), SUM(goldstein_sum) FROM event_pairs WHERE 1 = 1"
            + cond
            + " GROUP BY source_code, target_code ORDER BY SUM(events) DESC, source_code, target_code LIMIT ?"
        )
        args.append(limit)
    return [
        {"source": s, "target": t, "events": int(n), "goldstein_mean": round(round(float(g), 3) / int(n), 3)}
        for s, t, n, g in store.conn.execute(sql, args)
    ]


def locations(store: Store, *, limit: int = 500, modality: str = "asserted") -> list[dict[str, Any]]:
    """Where events took place, most events first: name, country, coordinates, the place's
    ``feature`` as the places table holds it (``country`` for a country's centroid, ``city``, ...;
    None when unknown) and the number of events.

    The located events are read from their partial index ``events_located`` (migration 0008), and
    the feature is looked up for the places shown only (index ``places_position``)."""
    kept, args = _modality_sql("e.modality", modality)
    sql = (
        "SELECT l.name, l.country, l.lat, l.lon, (SELECT MIN(p.feature) FROM places p WHERE "
        "p.name = l.name AND p.lat = l.lat AND p.lon = l.lon), l.events FROM ("
        "SELECT e.location_name AS name, e.location_country AS country, e.lat AS lat, e.lon AS lon, "
        "COUNT(*) AS events FROM events e "
        "WHERE e.lat IS NOT NULL AND e.lon IS NOT NULL"
        + (f" AND {kept}" if kept else "")
        + " GROUP BY e.location_name, e.location_country, e.lat, e.lon "
        "ORDER BY COUNT(*) DESC, e.location_name LIMIT ?) l ORDER BY l.events DESC, l.name"
    )
    cols = ("name", "country", "lat", "lon", "feature", "events")
    return [dict(zip(cols, r, strict=True)) for r in store.conn.execute(sql, [*args, limit])]


ARTICLE_COLUMNS = ("id", "source_id", "published", "title", "source", "url", "origin", "text", "record")


def article(store: Store, article_id: str) -> dict[str, Any] | None:
    """One stored article: its fields, its text and its ``whodid.article/1`` record (a dict)."""
    row = store.conn.execute(
        f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id = ?", [article_id]
    ).fetchone()
    if row is None:
        return None
    out = dict(zip(ARTICLE_COLUMNS, row, strict=True))
    out["record"] = json.loads(out["record"])
    return out


def articles(store: Store, *, limit: int = 50) -> list[dict[str, Any]]:
    """The stored articles, newest first: id, published, title, source, url and events counted."""
    sql = (
        "SELECT a.id, a.published, a.title, a.source, a.url, "
        "(SELECT COUNT(*) FROM events e WHERE e.article_id = a.id) FROM articles a "
        "ORDER BY a.published IS NULL, a.published DESC, a.id LIMIT ?"
    )
    cols = ("id", "published", "title", "source", "url", "events")
    return [dict(zip(cols, r, strict=True)) for r in store.conn.execute(sql, [limit])]


def event(store: Store, article_id: str, event_id: str) -> dict[str, Any] | None:
    """One mention: its record (as the article's record holds it), its sentence, the article's
    fields, its cluster and the cluster's other reports (``siblings``: article, event, date, text)."""
    row = store.conn.execute(
        "SELECT e.cluster_id, e.cluster_reason, s.text, a.published, a.title, a.url, a.source, a.record "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx "
        "WHERE e.article_id = ? AND e.event_id = ?",
        [article_id, event_id],
    ).fetchone()
    if row is None:
        return None
    cluster_id, reason, sentence, published, title, url, source, record = row
    found = [e for e in json.loads(record)["events"] if e["id"] == event_id]
    out: dict[str, Any] = {
        "id": f"{article_id}:{event_id}",
        "article": {"id": article_id, "published": published, "title": title, "url": url, "source": source},
        "record": found[0] if found else None,
        "sentence": sentence,
        "cluster": None,
        "siblings": [],
    }
    if cluster_id is None:
        return out
    crow = store.conn.execute(
        f"SELECT {', '.join(_CLUSTER_SELECT)} FROM event_clusters c WHERE c.id = ?", [cluster_id]
    ).fetchone()
    if crow is not None:
        out["cluster"] = {**dict(zip(CLUSTER_COLUMNS[:-1], crow, strict=True)), "reason": reason}
    sibs = store.conn.execute(
        "SELECT e.article_id, e.event_id, e.date, e.evidence_text, a.source, a.url FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id = ? AND NOT (e.article_id = ? AND "
        "e.event_id = ?) ORDER BY e.date, e.article_id, length(e.event_id), e.event_id LIMIT 100",
        [cluster_id, article_id, event_id],
    )
    cols = ("article_id", "event_id", "date", "evidence_text", "source", "url")
    out["siblings"] = [dict(zip(cols, r, strict=True)) for r in sibs]
    return out


_CLUSTER_SELECT = (
    "c.id",
    "c.first_day",
    "c.last_day",
    "c.source_key",
    "c.cameo_root",
    "c.target_key",
    "c.mentions",
    "c.stories",
    "c.sources",
    "c.goldstein",
    "c.quad_class",
    "c.location_country",
)
