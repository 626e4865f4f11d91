"""Coding articles on several cores: worker processes, each with its own loaded pipeline.

``whodid code --jobs N`` reads the input in this process, cuts it into the same batches of 16 articles
:meth:`Pipeline.code_many` makes, and hands each batch to one of N worker processes (started with
``spawn``: a fresh interpreter, so no thread or open database of the parent is copied). Each worker
loads the model and the dictionaries once, then codes batch after batch. Results come back in any
order and are given out in input order, so the records are exactly those of one process, byte for
byte, and so are the lines on standard error (a bad line, a note, an article that failed to code).

A worker killed from outside (the OOM killer, ``kill -9``) is replaced by a fresh one, which codes
its batch again; when that one dies too, each article of the batch is reported (E504) and the run
goes on. At most ``2 * N`` batches are read ahead, so memory stays bounded on a corpus of any size:
about the model's size per worker (docs: README "Coding on several cores").

    >>> settings = PipelineSettings(min_confidence=0.0)
    >>> records = code_parallel(read_path(Path("corpus.jsonl")), settings, jobs=2)  # doctest: +SKIP
"""

from __future__ import annotations

import contextlib
import multiprocessing
import signal
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from whodid.errors import Errors, WhodidError
from whodid.ingest.model import ArticleInput, BadInput

if TYPE_CHECKING:
    from whodid.pipeline import Pipeline
    from whodid.record import ArticleRecord

T = TypeVar("T")
BATCH_SIZE = 16  # as Pipeline.code_many: the same batches give the same parses
_STARTS_PER_JOB = 3  # a worker that dies before it is ready this often per job: give up (E505)


@dataclass(frozen=True)
class PipelineSettings:
    """What a worker needs to load the pipeline the parent would have loaded (all of it picklable)."""

    actor_files: tuple[Path, ...] = ()
    lexicon_dirs: tuple[Path, ...] = ()
    min_confidence: float | None = None  # None: the pipeline's default

    def load(self) -> Pipeline:
        """The pipeline these settings describe; E201 when the model cannot be loaded."""
        from whodid.nlp.model import MODEL
        from whodid.pipeline import load

        try:
            if self.min_confidence is None:
                return load(actor_files=self.actor_files, lexicon_dirs=self.lexicon_dirs)
            return load(
                actor_files=self.actor_files,
                lexicon_dirs=self.lexicon_dirs,
                min_confidence=self.min_confidence,
            )
        except OSError as e:
            raise Errors.E201.error(model=MODEL, detail=str(e)) from None


def code_batch(pipeline: Pipeline, batch: list[ArticleInput]) -> list[ArticleRecord | BadInput]:
    """A batch's records and failures, in article order (as ``code_many`` yields and reports them)."""
    out: list[ArticleRecord | BadInput] = []
    for record in pipeline.code_many(batch, batch_size=max(1, len(batch)), on_error=out.append):
        out.append(record)
    return out


def _worker_main(conn: Connection, settings: PipelineSettings) -> None:
    """A worker process: load once, say so (with the dictionary warnings), then code what comes."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it ends us
    try:
        pipeline = settings.load()
    except WhodidError as e:
        conn.send(("failed", e))
        return
    except Exception as e:  # reported to the parent, which stops the run
        conn.send(("failed", Errors.E505.error(detail=f"{type(e).__name__}: {e}")))
        return
    conn.send(("ready", pipeline.warnings))
    while True:
        try:
            task = conn.recv()
        except EOFError:  # the parent is gone
            return
        if task is None:
            return
        key, batch = task
        conn.send(("done", (key, code_batch(pipeline, batch))))


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    ready: bool = False
    task: int | None = None  # the key of the batch it codes


@dataclass
class _Run:
    settings: PipelineSettings
    jobs: int
    workers: list[_Worker] = field(default_factory=list)
    batches: dict[int, list[ArticleInput]] = field(default_factory=dict)  # read, not yet given out
    tries: dict[int, int] = field(default_factory=dict)
    todo: deque[int] = field(default_factory=deque)  # batches waiting for a worker
    results: dict[int, list[ArticleRecord | BadInput]] = field(default_factory=dict)
    warnings: list[str] | None = None  # set when the first worker is ready
    starts: int = 0

    def start_worker(self) -> None:
        self.starts += 1
        if self.starts > self.jobs * _STARTS_PER_JOB:
            raise Errors.E505.error(detail=f"{self.starts - 1} worker processes started, none stayed up")
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        process = ctx.Process(target=_worker_main, args=(child, self.settings), daemon=True)
        process.start()
        child.close()
        self.workers.append(_Worker(process, parent))

    def dispatch(self) -> None:
        for worker in self.workers:
            if not self.todo:
                return
            if worker.ready and worker.task is None:
                key = self.todo.popleft()
                worker.task = key
                self.tries[key] = self.tries.get(key, 0) + 1
                worker.conn.send((key, self.batches[key]))

    def wait_once(self) -> None:
        """Block until a worker answers or dies, and take note of it."""
        by_handle: dict[Any, _Worker] = {}  # connections and process sentinels
        for w in self.workers:
            by_handle[w.conn] = w
            by_handle[w.process.sentinel] = w
        woken = {id(by_handle[h]): by_handle[h] for h in wait(list(by_handle))}
        for worker in woken.values():
            while worker.conn.poll():
                try:
                    message = worker.conn.recv()
                except (EOFError, OSError):  # it died; what it sent before is taken
                    break
                self.receive(worker, message)
            if not worker.process.is_alive():
                self.bury(worker)

    def receive(self, worker: _Worker, message: tuple[str, Any]) -> None:
        kind, body = message
        if kind == "failed":
            raise body
        if kind == "ready":
            worker.ready = True
            if self.warnings is None:
                self.warnings = list(body)
            return
        key, outcomes = body
        self.results[key] = outcomes
        worker.task = None

    def bury(self, worker: _Worker) -> None:
        """A worker died: its batch is coded again by a fresh worker once, then its articles reported."""
        self.workers.remove(worker)
        worker.conn.close()
        worker.process.join()
        key = worker.task
        if key is not None:
            if self.tries[key] < 2:
                self.todo.appendleft(key)
            else:
                status = worker.process.exitcode
                self.results[key] = [
                    BadInput(art.origin, Errors.E504.error(origin=art.origin, status=status))
                    for art in self.batches[key]
                ]
        self.start_worker()

    def stop(self) -> None:
        for w in self.workers:
            if w.process.is_alive():
                with contextlib.suppress(OSError):
                    w.conn.send(None)
        for w in self.workers:
            w.process.join(timeout=5)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers.clear()


def code_units(
    units: Iterable[tuple[T, list[ArticleInput]]],
    settings: PipelineSettings,
    *,
    jobs: int,
    on_ready: Callable[[list[str]], None] | None = None,
) -> Iterator[tuple[T, list[ArticleRecord | BadInput]]]:
    """Code each unit's articles on ``jobs`` workers, in batches of ``BATCH_SIZE`` (as ``code_many``
    cuts them); give each unit's tag back with its records and failures, in article order, units in
    input order. Units are read lazily: at most ``2 * jobs`` batches (and ``4 * jobs`` units) ahead.

    ``on_ready`` gets the pipeline's warnings once the first worker has loaded it, before any unit is
    given back. A worker that cannot load the pipeline raises its error (E201, E105...) here."""
    run = _Run(settings, jobs)
    source = iter(units)
    order: deque[tuple[T, list[int]]] = deque()  # each unit read, with the keys of its batches
    keys = iter(range(1 << 62))
    exhausted = False

    def read_ahead() -> None:
        nonlocal exhausted
        while not exhausted and len(run.batches) < 2 * jobs and len(order) < 4 * jobs:
            try:
                tag, articles = next(source)
            except StopIteration:
                exhausted = True
                return
            batch_keys = []
            for start in range(0, len(articles), BATCH_SIZE):
                key = next(keys)
                run.batches[key] = articles[start : start + BATCH_SIZE]
                run.todo.append(key)
                batch_keys.append(key)
            order.append((tag, batch_keys))

    try:
        for _ in range(jobs):
            run.start_worker()
        while True:
            read_ahead()
            run.dispatch()
            if run.warnings is not None:
                if on_ready is not None:
                    on_ready(run.warnings)
                    on_ready = None
                while order and all(key in run.results for key in order[0][1]):
                    tag, batch_keys = order.popleft()
                    outcomes: list[ArticleRecord | BadInput] = []
                    for key in batch_keys:
                        outcomes += run.results.pop(key)
                        del run.batches[key]
                    yield tag, outcomes
                    read_ahead()
                    run.dispatch()
                if exhausted and not order:
                    return
            run.wait_once()
    finally:
        run.stop()


def code_parallel(
    items: Iterable[ArticleInput | BadInput],
    settings: PipelineSettings,
    *,
    jobs: int,
    on_error: Callable[[BadInput], None] | None = None,
    on_note: Callable[[WhodidError], None] | None = None,
    on_ready: Callable[[list[str]], None] | None = None,
) -> Iterator[ArticleRecord]:
    """Code ``items`` on ``jobs`` worker processes; the records of ``Pipeline.code_many``, in order.

    ``on_error`` gets each input refused and each article that failed, ``on_note`` each note of an
    article read (its ``notes``), both at the point one process would have met them. ``on_ready``
    gets the pipeline's warnings once the first worker has loaded it, before anything else. A
    worker that cannot load the pipeline raises its error (E201, E105...) here, before any output."""
    for met, outcomes in code_units(_batches(items), settings, jobs=jobs, on_ready=on_ready):
        for thing in [*met, *outcomes]:
            if isinstance(thing, WhodidError):
                if on_note is not None:
                    on_note(thing)
            elif isinstance(thing, BadInput):
                if on_error is not None:
                    on_error(thing)
            else:
                yield thing


def _batches(
    items: Iterable[ArticleInput | BadInput],
) -> Iterator[tuple[list[WhodidError | BadInput], list[ArticleInput]]]:
    """``code_many``'s batches, each with the notes and refused inputs met while it was read."""
    met: list[WhodidError | BadInput] = []
    batch: list[ArticleInput] = []
    for item in items:
        if isinstance(item, BadInput):
            met.append(item)
            continue
        met.extend(item.notes)
        batch.append(item)
        if len(batch) >= BATCH_SIZE:
            yield met, batch
            met, batch = [], []
    if met or batch:
        yield met, batch
