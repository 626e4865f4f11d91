"""Ingest: read articles from files and directories, code them, store them, in committed batches.

An article's id in the store is the hash of its text (``article_id``), so the same text is coded
and stored once however often it is ingested; the id the input gave is kept as ``source_id``.
Articles already stored are skipped before coding. Each batch is one transaction, so a killed ingest
loses at most the batch in progress, and running the same command again completes it. The summary
counts what this run stored: an article another ingest stored meanwhile is counted as already stored.
``IngestOptions`` carries the options and callbacks of both ``ingest`` (one process) and
``ingest_on_workers`` (``--jobs N``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from whodid.dates.publication import Order
from whodid.errors import WhodidError
from whodid.ingest.reader import ArticleInput, BadInput, article_id, expand_paths, read_path
from whodid.ingest.text import DEFAULT_MAX_BYTES
from whodid.pipeline import Pipeline
from whodid.record import ArticleRecord
from whodid.store.db import Coded, Store

if TYPE_CHECKING:
    from whodid.parallel import PipelineSettings


@dataclass
class IngestSummary:
    """What one ingest did."""

    read: int = 0  # articles read (good ones)
    stored: int = 0  # newly stored
    already: int = 0  # stored before (or twice in this input): not coded again
    events: int = 0  # events of the newly stored articles
    quotes: int = 0
    skipped: list[BadInput] = field(default_factory=list)
    notes: list[WhodidError] = field(default_factory=list)  # read with a doubt and kept (E122, E123)
    # the origins of the coded articles being stored (while ``Store.add`` runs; empty after it)
    pending: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class IngestOptions:
    """How ``ingest`` and ``ingest_on_workers`` read and store (``whodid ingest``'s options), and
    whom they tell as they go.

    ``published`` is the date of articles that give none; ``date_order`` reads numeric dates of JSON
    Lines records (``"mdy"`` or ``"dmy"``); ``max_bytes`` is the largest article, as for
    ``read_path``; ``batch_size`` articles are stored per transaction. A bad input is passed to
    ``on_skip``, what was read with a doubt (an unreadable date: the article is stored undated) to
    ``on_note``, and the summary to ``on_batch`` after each stored batch.

        >>> IngestOptions(published=dt.date(2024, 5, 7), batch_size=16).date_order
        'mdy'
    """

    published: dt.date | None = None
    date_order: Order = "mdy"
    max_bytes: int = DEFAULT_MAX_BYTES
    batch_size: int = 64
    on_skip: Callable[[BadInput], None] | None = None
    on_note: Callable[[WhodidError], None] | None = None
    on_batch: Callable[[IngestSummary], None] | None = None


def ingest(
    paths: Iterable[Path | str],
    store: Store,
    pipeline: Pipeline,
    options: IngestOptions | None = None,
    *,
    summary: IngestSummary | None = None,
) -> IngestSummary:
    """Read, code and store every article under ``paths``; bad ones are reported and skipped.
    A caller that passes its own ``summary`` still has what was done when the database fails part
    way (the CLI's E417, E423).

        >>> ingest(["news/"], store, whodid.load(), IngestOptions(batch_size=16))  # doctest: +SKIP
    """
    options = options or IngestOptions()
    summary = summary if summary is not None else IngestSummary()
    skip = _skipper(summary, options)
    batch: list[tuple[str, ArticleInput, str | None]] = []  # (content hash, article, its given id)

    def flush() -> None:
        if not batch:
            return
        known = store.known(aid for aid, _, _ in batch)
        todo: dict[str, ArticleInput] = {}
        given: dict[str, str | None] = {}
        for aid, item, source_id in batch:
            if aid in known or aid in todo:
                summary.already += 1
            else:
                todo[aid], given[aid] = item, source_id
        batch.clear()
        if not todo:
            return
        records = pipeline.code_many(list(todo.values()), batch_size=16, on_error=skip)
        _store_coded(store, summary, todo, given, records)
        if options.on_batch:
            options.on_batch(summary)

    for item in read_articles(paths, summary, skip, options):
        batch.append(item)
        if len(batch) >= options.batch_size:
            flush()
    flush()
    return summary


def ingest_on_workers(
    paths: Iterable[Path | str],
    store: Store,
    settings: PipelineSettings,
    options: IngestOptions | None = None,
    *,
    jobs: int,
    summary: IngestSummary | None = None,
    on_ready: Callable[[list[str]], None] | None = None,
) -> IngestSummary:
    """``ingest`` on ``jobs`` worker processes (``whodid ingest --jobs N``): this process reads, looks
    up what is stored and stores, one batch after the other in input order; the workers code. So the
    database holds what one process would have stored: the same ids, rows and clusters. An article
    whose text is already in a batch being coded is counted as already stored, as one process would
    have found it stored. Bad inputs and notes are reported as they are read; ``on_ready`` gets the
    dictionary lines the workers' pipeline could not use."""
    from whodid.parallel import code_units

    options = options or IngestOptions()
    summary = summary if summary is not None else IngestSummary()
    skip = _skipper(summary, options)
    coding: set[str] = set()  # the ids of the batches read and not yet stored

    def units() -> Iterator[tuple[tuple[dict[str, ArticleInput], dict[str, str | None]], list[ArticleInput]]]:
        batch: list[tuple[str, ArticleInput, str | None]] = []
        for item in read_articles(paths, summary, skip, options):
            batch.append(item)
            if len(batch) >= options.batch_size:
                yield unit(batch)
                batch = []
        if batch:
            yield unit(batch)

    def unit(
        batch: list[tuple[str, ArticleInput, str | None]],
    ) -> tuple[tuple[dict[str, ArticleInput], dict[str, str | None]], list[ArticleInput]]:
        known = store.known(aid for aid, _, _ in batch)
        todo: dict[str, ArticleInput] = {}
        given: dict[str, str | None] = {}
        for aid, item, source_id in batch:
            if aid in known or aid in todo or aid in coding:
                summary.already += 1
            else:
                todo[aid], given[aid] = item, source_id
        coding.update(todo)
        return (todo, given), list(todo.values())

    for (todo, given), outcomes in code_units(units(), settings, jobs=jobs, on_ready=on_ready):
        if not todo:
            continue
        records = []
        for outcome in outcomes:
            if isinstance(outcome, BadInput):
                skip(outcome)
            else:
                records.append(outcome)
        _store_coded(store, summary, todo, given, records)
        coding.difference_update(todo)
        if options.on_batch:
            options.on_batch(summary)
    return summary


def _skipper(summary: IngestSummary, options: IngestOptions) -> Callable[[BadInput], None]:
    """Count a bad input in ``summary`` and pass it to ``options.on_skip``."""

    def skip(bad: BadInput) -> None:
        summary.skipped.append(bad)
        if options.on_skip:
            options.on_skip(bad)

    return skip


def read_articles(
    paths: Iterable[Path | str],
    summary: IngestSummary,
    skip: Callable[[BadInput], None],
    options: IngestOptions,
) -> Iterator[tuple[str, ArticleInput, str | None]]:
    """Each good article under ``paths`` as (content hash, the article with that id, its given id);
    bad inputs to ``skip``, notes to ``options.on_note``, both counted in ``summary``."""
    for path in expand_paths(paths):
        for item in read_path(
            path,
            published=options.published,
            stdin_jsonl=True,
            date_order=options.date_order,
            max_bytes=options.max_bytes,
        ):
            if isinstance(item, BadInput):
                skip(item)
                continue
            for note in item.notes:
                summary.notes.append(note)
                if options.on_note:
                    options.on_note(note)
            summary.read += 1
            aid = article_id(item.text)
            # the store's id is the content hash; the given id is kept as source_id
            yield aid, replace(item, id=aid), item.id


def _store_coded(
    store: Store,
    summary: IngestSummary,
    todo: dict[str, ArticleInput],
    given: dict[str, str | None],
    records: Iterable[ArticleRecord],
) -> None:
    """Store one batch's coded articles in one transaction and count what this run stored."""
    rows = []
    for record in records:
        item = todo[record.article_id]
        rows.append((record, item.text, item.origin or "", given[record.article_id]))
    store_rows(store, summary, rows)


def store_rows(store: Store, summary: IngestSummary, rows: list[Coded]) -> None:
    """Store coded articles (typed record, text, origin, given id) in one transaction; count what this
    run stored in ``summary`` (also for ``whodid ingest`` of a batch folder: whodid/batch/load.py)."""
    summary.pending = [origin for _, _, origin, _ in rows]
    new = set(store.add_new(rows))
    summary.pending = []
    # only what this run stored: another ingest may have stored some since ``known``
    for record, _, _, _ in rows:
        if record.article_id in new:
            summary.stored += 1
            summary.events += len(record.events)
            summary.quotes += len(record.quotes)
        else:
            summary.already += 1
