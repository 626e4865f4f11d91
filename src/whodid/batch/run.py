"""``whodid batch``: code a corpus on a Dask cluster into a folder of Parquet shards, resumably.

This process reads the inputs and cuts them into partitions (``partitions.py``); a partition the
manifest lists as finished is skipped, the others are sent to the cluster, a few per worker thread
at a time, so memory here stays bounded on a corpus of any size. Each worker codes a partition with
the pipeline its plugin loaded (``cluster.py``) and sends back the partition's tables as Parquet;
this process writes them (``shards.py``), then adds the partition to the manifest
(``manifest.py``). A worker that dies (killed, out of memory) loses nothing: Dask runs its partition
again on another worker; a partition whose workers keep dying is reported (E510) and left for the
next run. At the end ``DIR/errors.jsonl`` lists every line and article not coded, with its origin,
id and error code, and ``batch.json`` says whether the batch is complete.

    >>> with cluster_client(workers=2) as client:  # doctest: +SKIP
    ...     summary = run_batch([Path("corpus.jsonl")], Path("out"), client, PipelineSettings())
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from distributed import Client, Future, as_completed

from whodid import __version__
from whodid.batch import shards
from whodid.batch.cluster import code_partition, install_pipeline, pipeline_warnings, threads
from whodid.batch.manifest import Manifest
from whodid.batch.partitions import DEFAULT_PARTITION_SIZE, Partition, partitions
from whodid.dates.publication import Order
from whodid.errors import Errors, WhodidError
from whodid.ingest.model import BadInput
from whodid.ingest.text import DEFAULT_MAX_BYTES
from whodid.parallel import PipelineSettings

ERRORS_FILE = "errors.jsonl"


@dataclass(frozen=True)
class ReadOptions:
    """How the inputs are read (as ``whodid ingest`` reads them); part of what a batch is."""

    published: str | None = None  # ISO date for articles that give none
    date_order: Order = "mdy"
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class BatchSummary:
    """What one run of a batch did."""

    partitions: int = 0  # in the input
    before: int = 0  # finished by an earlier run: skipped
    coded: int = 0  # partitions finished by this run
    articles: int = 0  # articles coded by this run
    events: int = 0
    quotes: int = 0
    errors: int = 0  # lines and articles not coded, in the partitions this run finished
    failed: list[WhodidError] = field(default_factory=list)  # E510: partitions left for the next run

    @property
    def complete(self) -> bool:
        return self.before + self.coded == self.partitions


def batch_header(
    paths: Sequence[Path], settings: PipelineSettings, size: int, read: ReadOptions
) -> dict[str, Any]:
    """What a batch folder is a batch of: a re-run must match it to go on with the batch (E440)."""
    return {
        "whodid": __version__,
        "inputs": [str(Path(p).absolute()) for p in paths],
        "partition_size": size,
        "min_confidence": settings.min_confidence,
        "actors": [str(Path(p).absolute()) for p in settings.actor_files],
        "lexicon": [str(Path(p).absolute()) for p in settings.lexicon_dirs],
        "published": read.published,
        "date_order": read.date_order,
        "max_bytes": read.max_bytes,
    }


def run_batch(
    paths: Sequence[Path],
    out: Path,
    client: Client,
    settings: PipelineSettings,
    *,
    size: int = DEFAULT_PARTITION_SIZE,
    read: ReadOptions | None = None,
    on_skip: Callable[[BadInput], None] | None = None,
    on_note: Callable[[WhodidError], None] | None = None,
    on_partition: Callable[[dict[str, Any]], None] | None = None,
    on_progress: Callable[[int], None] | None = None,
    on_ready: Callable[[list[str]], None] | None = None,
) -> BatchSummary:
    """Code ``paths`` on ``client``'s cluster into the batch folder ``out``; go on with the batch
    there if there is one. ``on_skip`` gets each line or article not coded, ``on_note`` each note
    (a date read with a doubt), both for the partitions this run codes; ``on_partition`` each
    manifest entry as it is written; ``on_progress`` the number of input lines (articles and bad
    lines) of each partition done, by this run or before (for a progress bar); ``on_ready`` the
    pipeline's warnings once the workers have loaded it. Raises E440 (``out``
    is another batch), E448 (it cannot be written), E444 (a worker runs another whodid), E201 (the
    model cannot be loaded)..."""
    read = read or ReadOptions()
    try:
        callbacks = (on_skip, on_note, on_partition, on_progress, on_ready)
        return _run(paths, out, client, settings, size, read, *callbacks)
    except OSError as e:  # the folder: not a directory, not writable, a full disk
        raise Errors.E448.error(path=out, detail=e.strerror or str(e)) from None


def check_folder(
    paths: Sequence[Path], out: Path, settings: PipelineSettings, size: int, read: ReadOptions
) -> None:
    """E440 or E448 now, before a cluster is started, when ``run_batch`` would stop with it."""
    try:
        Manifest.open(out, batch_header(paths, settings, size, read))
    except OSError as e:
        raise Errors.E448.error(path=out, detail=e.strerror or str(e)) from None


def _run(
    paths: Sequence[Path],
    out: Path,
    client: Client,
    settings: PipelineSettings,
    size: int,
    read: ReadOptions,
    on_skip: Callable[[BadInput], None] | None,
    on_note: Callable[[WhodidError], None] | None,
    on_partition: Callable[[dict[str, Any]], None] | None,
    on_progress: Callable[[int], None] | None,
    on_ready: Callable[[list[str]], None] | None,
) -> BatchSummary:
    from whodid.ingest.reader import parse_date

    manifest = Manifest.open(out, batch_header(paths, settings, size, read))
    shards.remove_temporaries(out)
    name = install_pipeline(client, settings)
    if on_ready is not None:
        on_ready(pipeline_warnings(client, name))
    summary = BatchSummary()
    published = parse_date(read.published) if read.published else None
    source = partitions(
        paths, size=size, published=published, date_order=read.date_order, max_bytes=read.max_bytes
    )
    running: dict[Future[shards.CodedPartition], Partition] = {}
    finished = as_completed()
    started = time.monotonic()

    def collect(future: Future[shards.CodedPartition]) -> None:
        part = running.pop(future)
        if future.status == "error":
            e = future.exception()
            detail = f"{type(e).__name__}: {e}"
            summary.failed.append(Errors.E510.error(partition=part.index, origins=part.span, detail=detail))
        else:
            entry = _finish(manifest, part, future.result(), summary, on_skip, started)
            if on_partition is not None:
                on_partition(entry)
            if on_progress is not None:
                on_progress(entry["articles"] + entry["unread"])
        future.release()

    for part in _unfinished(source, manifest, summary, on_progress):
        for note in part.notes:
            if on_note is not None:
                on_note(note)
        future = client.submit(code_partition, name, part.articles, key=_key(part))
        running[future] = part
        finished.add(future)
        while len(running) >= 2 * threads(client):
            collect(next(finished))
    for future in finished:
        collect(future)
    manifest.save_header(partitions=summary.partitions, complete=summary.complete)
    _write_errors(out, manifest, summary.failed)
    return summary


def _unfinished(
    source: Iterable[Partition],
    manifest: Manifest,
    summary: BatchSummary,
    on_progress: Callable[[int], None] | None,
) -> Iterator[Partition]:
    """The partitions the manifest does not list as finished, counted in ``summary``."""
    for part in source:
        summary.partitions += 1
        if not manifest.finished(part.index, part.digest):
            yield part
            continue
        summary.before += 1
        if on_progress is not None:
            on_progress(len(part.articles) + len(part.bad))


def _key(part: Partition) -> str:
    """The task's key: the partition and what it holds (Dask runs a key once at a time)."""
    return f"whodid-partition-{part.index:05d}-{part.digest[:16]}"


def _finish(
    manifest: Manifest,
    part: Partition,
    coded: shards.CodedPartition,
    summary: BatchSummary,
    on_skip: Callable[[BadInput], None] | None,
    started: float,
) -> dict[str, Any]:
    """Write a coded partition's shards, then enter it in the manifest; the manifest entry."""
    errors = shards.error_rows(part.bad, coded.failed)
    for table in shards.CODED_TABLES:
        shards.write_shard(manifest.out, table, part.index, coded.shards[table])
    shards.write_shard(manifest.out, "errors", part.index, shards.parquet_bytes("errors", errors))
    entry = {
        "partition": part.index,
        "digest": part.digest,
        "articles": len(part.articles),
        "unread": len(part.bad),  # lines that could not be read
        "coded": coded.coded,
        "events": coded.events,
        "quotes": coded.quotes,
        "errors": len(errors),
        "worker": coded.worker,
        "seconds": round(time.monotonic() - started, 1),  # since this run started
    }
    manifest.add(entry)
    if on_skip is not None:
        for bad in [*part.bad, *(b for _, b in coded.failed)]:
            on_skip(bad)
    summary.coded += 1
    summary.articles += coded.coded
    summary.events += coded.events
    summary.quotes += coded.quotes
    summary.errors += len(errors)
    return entry


def _write_errors(out: Path, manifest: Manifest, failed: Sequence[WhodidError]) -> None:
    """``DIR/errors.jsonl``, rewritten whole: what the finished partitions could not code, then the
    partitions this run could not finish. One JSON object a line: partition, origin, id, code, message."""
    temporary = out / f".{ERRORS_FILE}.tmp"
    with open(temporary, "w", encoding="utf-8") as f:
        for index in sorted(manifest.done):
            if not manifest.done[index].get("errors"):
                continue
            for row in shards.read_rows(out, "errors", index):
                line = {"partition": index, "origin": row["origin"], "id": row["source_id"]}
                line |= {"article_id": row["article_id"], "code": row["code"], "message": row["message"]}
                f.write(json.dumps(line, ensure_ascii=False) + "\n")
        for e in sorted(failed, key=lambda e: int(e.params["partition"])):
            line = {"partition": e.params["partition"], "origin": e.params["origins"], "id": None}
            line |= {"article_id": None, "code": e.code, "message": e.message}
            f.write(json.dumps(line, ensure_ascii=False) + "\n")
    os.replace(temporary, out / ERRORS_FILE)
