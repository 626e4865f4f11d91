"""``whodid ingest DIR`` of a batch folder: store what ``whodid batch`` coded, as a direct ingest would.

The articles shards hold every article read, in input order (partition after partition), each with
its whole record; they are stored in batches of ``batch_size`` exactly as ``whodid ingest`` stores
what it codes (``store.ingest.store_rows``: one transaction a batch, an article already stored or
met twice counted as such). So the database holds what ``whodid ingest`` of the batch's inputs
would have stored: the same ids, rows and clusters. The lines and articles the batch could not code
are reported as a direct ingest reports them. Only a complete batch is loaded (E441).

    >>> with open_store("sqlite:///news.db") as store:  # doctest: +SKIP
    ...     summary = load_batches([Path("out")], store)
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from whodid.batch import shards
from whodid.batch.manifest import read_done, read_header
from whodid.errors import Errors
from whodid.ingest.model import BadInput
from whodid.record import ArticleRecord
from whodid.store.db import Coded, Store
from whodid.store.ingest import IngestSummary, store_rows

Row = Coded


def load_batches(
    folders: Sequence[Path],
    store: Store,
    *,
    batch_size: int = 64,
    on_skip: Callable[[BadInput], None] | None = None,
    on_batch: Callable[[IngestSummary], None] | None = None,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Store the batch folders' articles, in order; what was not coded goes to ``on_skip``."""
    summary = summary if summary is not None else IngestSummary()
    indexes = [finished_partitions(folder) for folder in folders]  # E441, E445 before any storing
    batch: list[Row] = []

    def flush() -> None:
        known = store.known(record.article_id for record, _, _, _ in batch)
        todo: dict[str, Row] = {}
        for row in batch:
            aid = row[0].article_id
            if aid in known or aid in todo:
                summary.already += 1
            else:
                todo[aid] = row
        batch.clear()
        if todo:
            store_rows(store, summary, list(todo.values()))
            if on_batch:
                on_batch(summary)

    for folder, partitions in zip(folders, indexes, strict=True):
        for index in partitions:
            for bad in _errors(folder, index):
                summary.skipped.append(bad)
                if on_skip:
                    on_skip(bad)
            for row in _articles(folder, index):
                summary.read += 1
                batch.append(row)
                if len(batch) >= batch_size:
                    flush()
    if batch:
        flush()
    return summary


def finished_partitions(folder: Path) -> list[int]:
    """The partitions of a complete batch, in order; E441 when it is not complete, E445 when its
    manifest or a shard is missing."""
    header = read_header(folder)
    try:
        done = read_done(folder)
    except (OSError, ValueError, KeyError) as e:
        raise Errors.E445.error(path=folder, detail=f"manifest.jsonl: {e}") from None
    total = header.get("partitions")
    if not header.get("complete") or total is None:
        how = "the last run did not reach the end" if total is None else f"of {total}"
        raise Errors.E441.error(path=folder, done=len(done), detail=how)
    indexes = list(range(total))
    for index in indexes:
        for table in ("articles", "errors"):
            if index not in done or not shards.shard_path(folder, table, index).is_file():
                detail = f"partition {index}'s {table} shard is missing"
                raise Errors.E445.error(path=folder, detail=detail)
    return indexes


def _articles(folder: Path, index: int) -> Iterator[Row]:
    """A shard's articles, their records typed again (E429 for a record this whodid cannot store)."""
    for r in _rows(folder, "articles", index):
        origin = f"{shards.shard_path(folder, 'articles', index)}: {r['article_id']}"
        record = ArticleRecord.from_dict(json.loads(r["record"]), origin=origin)
        yield record, r["text"], r["origin"], r["source_id"]


def _errors(folder: Path, index: int) -> Iterator[BadInput]:
    for r in _rows(folder, "errors", index):
        yield shards.error_of(r)


def _rows(folder: Path, table: str, index: int) -> list[dict[str, Any]]:
    """A shard's rows; E445 when it cannot be read (changed or cut short since the batch wrote it)."""
    import pyarrow as pa

    try:
        return list(shards.read_rows(folder, table, index))
    except (OSError, pa.ArrowException) as e:
        path = shards.shard_path(folder, table, index)
        raise Errors.E445.error(path=folder, detail=f"{path.name} of {table}: {e}") from None
