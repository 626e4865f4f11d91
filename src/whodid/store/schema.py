"""The stored columns of events, quotes, places and actors, written once.

Each :class:`Column` has its name, its SQL type (as the migrations create it), its Parquet type and how
its value is read from an item of a typed record (``whodid.record.ArticleRecord``): an event, a quote,
a place mention or an actor, with the record it belongs to and its position. The INSERT statements of
``db.py``, the Parquet shards of ``batch/shards.py``, the csv and Parquet columns of ``export.py`` and
the rows of ``query.py`` are built from these lists, so a column is added in one place (and a
migration). A column holds what the record's JSON object (``ArticleRecord.to_dict``) says: an event's
id is ``e1``, ``e2``... by position, a location's precision is there only when the event is located."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

if TYPE_CHECKING:
    from whodid.nlp.state import Actor, Event, EventSide, PlaceMention, Quote
    from whodid.record import ArticleRecord

T = TypeVar("T")


@dataclass(frozen=True)
class Column(Generic[T]):
    """One stored column; ``get`` is None for a column filled after the insert (an event's cluster)."""

    name: str
    sql: str  # TEXT, INTEGER or REAL
    parquet: str  # string, int64, float64 or bool
    get: Callable[[ArticleRecord, int, T], Any] | None


def _article_id(rec: ArticleRecord, _k: int, _item: object) -> str:
    return rec.article_id


def _ev(name: str, get: Callable[[Event], Any], parquet: str = "string", sql: str = "TEXT") -> Column[Event]:
    return Column(name, sql, parquet, lambda _rec, _k, e: get(e))


def _side(which: str, key: str) -> Column[Event]:
    def get(e: Event) -> Any:
        side: EventSide | None = getattr(e, which)
        return None if side is None else getattr(side, key)

    return _ev(f"{which}_{'actor' if key == 'actor_id' else key}", get)


def _location(key: str, name: str, parquet: str = "string", sql: str = "TEXT") -> Column[Event]:
    return _ev(name, lambda e: None if e.location is None else getattr(e.location, key), parquet, sql)


def _location_precision(e: Event) -> str | None:
    return e.location_precision if e.location is not None else None


def _location_rule(e: Event) -> str | None:
    # the record writes a location's rule only beside its precision
    return e.location_rule if e.location is not None and e.location_precision is not None else None


EVENTS: tuple[Column[Event], ...] = (
    Column("article_id", "TEXT", "string", _article_id),
    Column("event_id", "TEXT", "string", lambda _rec, k, _e: f"e{k + 1}"),
    _side("source", "actor_id"),
    _side("source", "country"),
    _side("source", "code"),
    _side("source", "text"),
    _side("target", "actor_id"),
    _side("target", "country"),
    _side("target", "code"),
    _side("target", "text"),
    _ev("cameo", lambda e: e.cameo),
    _ev("cameo_root", lambda e: e.cameo[:2]),
    _ev("plover", lambda e: e.plover),
    _ev("quad_class", lambda e: e.quad_class, "int64", "INTEGER"),
    _ev("goldstein", lambda e: e.goldstein, "float64", "REAL"),
    _ev("date", lambda e: e.date),
    _ev("date_precision", lambda e: e.date_precision),
    _ev("date_source", lambda e: e.date_source),
    _location("name", "location_name"),
    _location("country", "location_country"),
    _location("lat", "lat", "float64", "REAL"),
    _location("lon", "lon", "float64", "REAL"),
    _ev("modality", lambda e: e.modality),
    _ev("background", lambda e: int(bool(e.background)), "bool", "INTEGER"),
    _ev("sentence_idx", lambda e: e.sentence_index, "int64", "INTEGER"),
    _ev("evidence_start", lambda e: e.evidence_start, "int64", "INTEGER"),
    _ev("evidence_end", lambda e: e.evidence_end, "int64", "INTEGER"),
    _ev("evidence_text", lambda e: e.evidence_text),
    _ev("rule", lambda e: e.rule),
    _ev("confidence", lambda e: e.confidence, "float64", "REAL"),
    Column("cluster_id", "INTEGER", "int64", None),  # set by store/clusters.py after the insert
    Column("cluster_reason", "TEXT", "string", None),
    # added by migration 0006, so after the cluster's columns (the order of the table's columns)
    _ev("location_precision", _location_precision),  # city, region or country
    _ev("location_rule", _location_rule),  # clause, sentence, dateline (:part-of...)
)


def _speaker(get: Callable[[ArticleRecord, Quote], Any], name: str) -> Column[Quote]:
    # the record has a speaker when the quote has a speaking actor or a speaker's words
    return Column(
        name, "TEXT", "string", lambda rec, _k, q: get(rec, q) if q.speaker_actor or q.speaker_text else None
    )


def speaker_country(rec: ArticleRecord, q: Quote) -> str | None:
    """The country of a quote's speaking actor (None without one)."""
    if not q.speaker_actor:
        return None
    return next((a.country for a in rec.actors if a.id == q.speaker_actor), None)


def _q(name: str, get: Callable[[Quote], Any], parquet: str = "string", sql: str = "TEXT") -> Column[Quote]:
    return Column(name, sql, parquet, lambda _rec, _k, q: get(q))


QUOTES: tuple[Column[Quote], ...] = (
    Column("article_id", "TEXT", "string", _article_id),
    Column("quote_id", "TEXT", "string", lambda _rec, k, _q: f"q{k + 1}"),
    _q("text", lambda q: q.text),
    _q("start_char", lambda q: q.start, "int64", "INTEGER"),
    _q("end_char", lambda q: q.end, "int64", "INTEGER"),
    _q("kind", lambda q: q.kind),
    _q("cue", lambda q: q.cue),
    _speaker(lambda _rec, q: q.speaker_actor, "speaker_actor"),
    _speaker(speaker_country, "speaker_country"),
    _speaker(lambda _rec, q: q.speaker_text, "speaker_text"),
    _q("rule", lambda q: q.rule),
    _q("confidence", lambda q: q.confidence, "float64", "REAL"),
)


def _p(
    name: str, get: Callable[[PlaceMention], Any], parquet: str = "string", sql: str = "TEXT"
) -> Column[PlaceMention]:
    return Column(name, sql, parquet, lambda _rec, _k, p: get(p))


def _resolved(key: str, parquet: str = "string", sql: str = "TEXT") -> Column[PlaceMention]:
    return _p(key, lambda p: None if p.place is None else getattr(p.place, key), parquet, sql)


PLACES: tuple[Column[PlaceMention], ...] = (
    Column("article_id", "TEXT", "string", _article_id),
    Column("idx", "INTEGER", "int64", lambda _rec, k, _p: k),
    _p("text", lambda p: p.text),
    _p("start_char", lambda p: p.start, "int64", "INTEGER"),
    _p("end_char", lambda p: p.end, "int64", "INTEGER"),
    _resolved("name"),
    _resolved("country"),
    _resolved("lat", "float64", "REAL"),
    _resolved("lon", "float64", "REAL"),
    _resolved("feature"),
    _resolved("geonameid", "int64", "INTEGER"),
    _p("rule", lambda p: p.rule),
    _p("confidence", lambda p: p.confidence, "float64", "REAL"),
)

# an actor with the number of its mentions (``actor_items``)
ActorItem = tuple["Actor", int]


def _a(
    name: str, get: Callable[[Actor], Any], parquet: str = "string", sql: str = "TEXT"
) -> Column[ActorItem]:
    return Column(name, sql, parquet, lambda _rec, _k, item: get(item[0]))


ACTORS: tuple[Column[ActorItem], ...] = (
    Column("article_id", "TEXT", "string", _article_id),
    _a("actor_id", lambda a: a.id),
    _a("name", lambda a: a.name),
    _a("kind", lambda a: a.kind),
    _a("country", lambda a: a.country),
    _a("sector", lambda a: a.sector),
    _a("code", lambda a: a.code),
    _a("description", lambda a: a.description),
    _a("rule", lambda a: a.rule),
    Column("mentions", "INTEGER", "int64", lambda _rec, _k, item: item[1]),
)


def actor_items(rec: ArticleRecord) -> list[ActorItem]:
    """The record's actors, each with how often it is mentioned (the rows of ``ACTORS``)."""
    counts = Counter(m.actor_id for m in rec.actor_mentions)
    return [(a, counts[a.id]) for a in rec.actors]


def names(columns: Sequence[Column[Any]]) -> tuple[str, ...]:
    return tuple(c.name for c in columns)


def inserted(columns: Sequence[Column[T]]) -> tuple[Column[T], ...]:
    """The columns an INSERT fills (those read from the record)."""
    return tuple(c for c in columns if c.get is not None)


def insert_sql(table: str, columns: Sequence[Column[Any]]) -> str:
    """``INSERT INTO table (every column read from the record) VALUES (?, ...)``."""
    cols = inserted(columns)
    return f"INSERT INTO {table} ({', '.join(c.name for c in cols)}) VALUES ({', '.join('?' * len(cols))})"


def rows(columns: Sequence[Column[T]], record: ArticleRecord, items: Iterable[T]) -> list[tuple[Any, ...]]:
    """The INSERT rows of ``items`` (the record's events, quotes or places, or ``actor_items``), in order."""
    getters = [c.get for c in columns if c.get is not None]
    return [tuple(get(record, k, item) for get in getters) for k, item in enumerate(items)]
