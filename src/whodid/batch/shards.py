"""The Parquet shards of a batch: one file per table and partition, written whole or not at all.

A partition's coded articles become five tables, with the columns the store has (``store/schema.py``):
``articles`` (one row per article read, with its whole ``whodid.article/1`` record as JSON in
``record``: what ``whodid ingest DIR`` stores), ``events``, ``quotes``, ``actors`` and ``places``;
and ``errors``, one row per line or article that was not coded (its origin, id and error code). Each
shard is ``DIR/TABLE/part-NNNNN.parquet``, written to a hidden temporary name beside it and renamed,
so a shard is either absent or complete, and a partition coded again replaces its shards, never
adds to them.

    >>> coded = code_shards(articles, outcomes)  # doctest: +SKIP  (on a worker)
    >>> write_shard(Path("out"), "events", 3, coded.shards["events"])  # doctest: +SKIP
    PosixPath('out/events/part-00003.parquet')
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whodid.batch.partitions import Article
from whodid.errors import Errors, WhodidError
from whodid.ingest.model import BadInput
from whodid.record import ArticleRecord
from whodid.store import schema

CODED_TABLES = ("articles", "events", "quotes", "actors", "places")
TABLES = (*CODED_TABLES, "errors")

_ARTICLES = (
    ("article_id", "string"),
    ("source_id", "string"),
    ("origin", "string"),
    ("published", "string"),
    ("title", "string"),
    ("source", "string"),
    ("url", "string"),
    ("text", "string"),
    ("record", "string"),  # the whodid.article/1 record, JSON
)
_ERRORS = (
    ("origin", "string"),
    ("source_id", "string"),  # the id the input gave, when the article was read
    ("article_id", "string"),  # its content hash, when it was read
    ("code", "string"),
    ("message", "string"),
    ("params", "string"),  # the error's parameters, JSON: the error is rebuilt from code and these
)


def _columns(columns: Sequence[schema.Column[Any]]) -> tuple[tuple[str, str], ...]:
    return tuple((c.name, c.parquet) for c in schema.inserted(columns))


COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": _ARTICLES,
    "events": _columns(schema.EVENTS),
    "quotes": _columns(schema.QUOTES),
    "actors": _columns(schema.ACTORS),
    "places": _columns(schema.PLACES),
    "errors": _ERRORS,
}


@dataclass
class CodedPartition:
    """What a worker gives back for one partition: its shards as Parquet bytes, and what failed."""

    shards: dict[str, bytes]
    failed: list[tuple[Article, BadInput]] = field(default_factory=list)
    coded: int = 0
    events: int = 0
    quotes: int = 0
    worker: str = ""


def code_shards(articles: Sequence[Article], outcomes: Sequence[ArticleRecord | BadInput]) -> CodedPartition:
    """The five tables of a partition's outcomes (one per article, in order: ``parallel.code_batch``)."""
    rows: dict[str, list[tuple[Any, ...]]] = {t: [] for t in CODED_TABLES}
    result = CodedPartition(shards={})
    for article, outcome in zip(articles, outcomes, strict=True):
        if isinstance(outcome, BadInput):
            result.failed.append((article, outcome))
            continue
        data = outcome.to_dict()
        aid, item, art = outcome.article_id, article.item, data["article"]
        record = json.dumps(data, ensure_ascii=False, sort_keys=True)
        rows["articles"].append((aid, article.given_id, item.origin or "", *_fields(art), item.text, record))
        rows["actors"] += schema.rows(schema.ACTORS, outcome, schema.actor_items(outcome))
        rows["events"] += schema.rows(schema.EVENTS, outcome, outcome.events)
        rows["quotes"] += schema.rows(schema.QUOTES, outcome, outcome.quotes)
        rows["places"] += schema.rows(schema.PLACES, outcome, outcome.places)
        result.coded += 1
        result.events += len(outcome.events)
        result.quotes += len(outcome.quotes)
    result.shards = {t: parquet_bytes(t, rows[t]) for t in CODED_TABLES}
    return result


def _fields(article: dict[str, Any]) -> tuple[Any, ...]:
    """An article's published, title, source and url."""
    return tuple(article.get(k) for k in ("published", "title", "source", "url"))


def error_rows(bad: Sequence[BadInput], failed: Sequence[tuple[Article, BadInput]]) -> list[tuple[Any, ...]]:
    """The ``errors`` table's rows: lines that could not be read, then articles that failed to code."""
    rows: list[tuple[Any, ...]] = [
        (b.origin, None, None, b.error.code, b.error.message, _params(b.error)) for b in bad
    ]
    rows += [
        (b.origin, a.given_id, a.item.id, b.error.code, b.error.message, _params(b.error)) for a, b in failed
    ]
    return rows


def _params(error: WhodidError) -> str:
    return json.dumps(error.params, ensure_ascii=False, default=str)


def error_of(row: dict[str, Any]) -> BadInput:
    """The ``BadInput`` an ``errors`` row was made from (the same code and message)."""
    error = Errors[row["code"]].error(**json.loads(row["params"]))
    return BadInput(origin=row["origin"], error=error)


def parquet_bytes(table: str, rows: Sequence[tuple[Any, ...]]) -> bytes:
    """``rows`` as a Parquet file of ``table``'s columns."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    fields = COLUMNS[table]
    arrow_schema = pa.schema([(name, types[kind]) for name, kind in fields])
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in fields]
    arrays = [
        pa.array([None if v is None else bool(v) for v in col] if kind == "bool" else list(col), types[kind])
        for col, (_, kind) in zip(columns, fields, strict=True)
    ]
    sink = io.BytesIO()
    pq.write_table(pa.Table.from_arrays(arrays, schema=arrow_schema), sink)
    return sink.getvalue()


def shard_path(out: Path, table: str, index: int) -> Path:
    return out / table / f"part-{index:05d}.parquet"


def write_shard(out: Path, table: str, index: int, data: bytes) -> Path:
    """Write a shard to a temporary name beside it, then rename it: complete or absent, never half."""
    path = shard_path(out, table, index)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(temporary, path)
    return path


def remove_temporaries(out: Path) -> None:
    """The temporary files a crashed run left (a shard being written when it stopped)."""
    for table in TABLES:
        for leftover in (out / table).glob(".part-*.parquet.tmp"):
            leftover.unlink(missing_ok=True)


def read_rows(out: Path, table: str, index: int) -> Iterator[dict[str, Any]]:
    """The rows of one shard, in order, as dicts."""
    import pyarrow.parquet as pq

    yield from pq.read_table(shard_path(out, table, index)).to_pylist()
