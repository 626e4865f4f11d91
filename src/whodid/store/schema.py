"""The stored columns of events, quotes and places, written once.

Each :class:`Column` has its name, its SQL type (as the migrations create it), its Parquet type and how
its value is read from an item of a ``whodid.article/1`` record (an event, quote or place object, with
the article's id). The INSERT statements of ``db.py``, the csv and Parquet columns of ``export.py`` and
the rows of ``query.py`` are built from these lists, so a column is added in one place (and a
migration)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

Item = dict[str, Any]


@dataclass(frozen=True)
class Column:
    """One stored column; ``get`` is None for a column filled after the insert (an event's cluster)."""

    name: str
    sql: str  # TEXT, INTEGER or REAL
    parquet: str  # string, int64, float64 or bool
    get: Callable[[str, int, Item], Any] | None


def _key(key: str, parquet: str = "string", sql: str = "TEXT") -> Column:
    return Column(key, sql, parquet, lambda _aid, _k, item: item.get(key))


def _side(side: str, key: str) -> Column:
    return Column(f"{side}_{key}", "TEXT", "string", lambda _aid, _k, e: (e.get(side) or {}).get(key))


def _location(key: str, name: str, parquet: str, sql: str) -> Column:
    return Column(name, sql, parquet, lambda _aid, _k, e: (e.get("location") or {}).get(key))


ARTICLE_ID = Column("article_id", "TEXT", "string", lambda aid, _k, _item: aid)

EVENTS: tuple[Column, ...] = (
    ARTICLE_ID,
    Column("event_id", "TEXT", "string", lambda _aid, _k, e: e["id"]),
    _side("source", "actor"),
    _side("source", "country"),
    _side("source", "code"),
    _side("source", "text"),
    _side("target", "actor"),
    _side("target", "country"),
    _side("target", "code"),
    _side("target", "text"),
    _key("cameo"),
    Column("cameo_root", "TEXT", "string", lambda _aid, _k, e: e["cameo"][:2]),
    _key("plover"),
    _key("quad_class", "int64", "INTEGER"),
    _key("goldstein", "float64", "REAL"),
    _key("date"),
    _key("date_precision"),
    _key("date_source"),
    _location("name", "location_name", "string", "TEXT"),
    _location("country", "location_country", "string", "TEXT"),
    _location("lat", "lat", "float64", "REAL"),
    _location("lon", "lon", "float64", "REAL"),
    _key("modality"),
    Column("background", "INTEGER", "bool", lambda _aid, _k, e: int(bool(e["background"]))),
    Column("sentence_idx", "INTEGER", "int64", lambda _aid, _k, e: e["sentence"]["index"]),
    Column("evidence_start", "INTEGER", "int64", lambda _aid, _k, e: e["evidence"]["start"]),
    Column("evidence_end", "INTEGER", "int64", lambda _aid, _k, e: e["evidence"]["end"]),
    Column("evidence_text", "TEXT", "string", lambda _aid, _k, e: e["evidence"]["text"]),
    _key("rule"),
    _key("confidence", "float64", "REAL"),
    Column("cluster_id", "INTEGER", "int64", None),  # set by store/clusters.py after the insert
    Column("cluster_reason", "TEXT", "string", None),
    # added by migration 0006, so after the cluster's columns (the order of the table's columns)
    _location("precision", "location_precision", "string", "TEXT"),  # city, region or country
    _location("rule", "location_rule", "string", "TEXT"),  # clause, sentence, dateline (:part-of...)
)


def _speaker(key: str, name: str) -> Column:
    return Column(name, "TEXT", "string", lambda _aid, _k, q: (q.get("speaker") or {}).get(key))


QUOTES: tuple[Column, ...] = (
    ARTICLE_ID,
    Column("quote_id", "TEXT", "string", lambda _aid, _k, q: q["id"]),
    _key("text"),
    Column("start_char", "INTEGER", "int64", lambda _aid, _k, q: q["start"]),
    Column("end_char", "INTEGER", "int64", lambda _aid, _k, q: q["end"]),
    _key("kind"),
    _key("cue"),
    _speaker("actor", "speaker_actor"),
    _speaker("country", "speaker_country"),
    _speaker("text", "speaker_text"),
    _key("rule"),
    _key("confidence", "float64", "REAL"),
)

PLACES: tuple[Column, ...] = (
    ARTICLE_ID,
    Column("idx", "INTEGER", "int64", lambda _aid, k, _p: k),
    _key("text"),
    Column("start_char", "INTEGER", "int64", lambda _aid, _k, p: p["start"]),
    Column("end_char", "INTEGER", "int64", lambda _aid, _k, p: p["end"]),
    _key("name"),
    _key("country"),
    _key("lat", "float64", "REAL"),
    _key("lon", "float64", "REAL"),
    _key("feature"),
    _key("geonameid", "int64", "INTEGER"),
    _key("rule"),
    _key("confidence", "float64", "REAL"),
)


def names(columns: Sequence[Column]) -> tuple[str, ...]:
    return tuple(c.name for c in columns)


def inserted(columns: Sequence[Column]) -> tuple[Column, ...]:
    """The columns an INSERT fills (those read from the record)."""
    return tuple(c for c in columns if c.get is not None)


def insert_sql(table: str, columns: Sequence[Column]) -> str:
    """``INSERT INTO table (every column read from the record) VALUES (?, ...)``."""
    cols = inserted(columns)
    return f"INSERT INTO {table} ({', '.join(c.name for c in cols)}) VALUES ({', '.join('?' * len(cols))})"


def rows(columns: Sequence[Column], article_id: str, items: Iterable[Item]) -> list[tuple[Any, ...]]:
    """The INSERT rows of ``items`` (the record's events, quotes or places, in order)."""
    getters = [c.get for c in columns if c.get is not None]
    return [tuple(get(article_id, k, item) for get in getters) for k, item in enumerate(items)]
