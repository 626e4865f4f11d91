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
import threading
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

import dask
from distributed import Client, LocalCluster, WorkerPlugin, get_worker

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


class PipelinePlugin(WorkerPlugin):
    """Loads whodid's pipeline once on each worker, when the worker joins (and on a restarted one)."""

    idempotent = True  # registered again by a later batch with the same settings: kept, not reloaded

    def __init__(self, settings: PipelineSettings) -> None:
        self.settings = settings
        self.pipeline: Pipeline | None = None
        self.lock: threading.Lock | None = None

    def setup(self, worker: Worker) -> None:
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
    """Check every worker's whodid (E444), load the pipeline on each (E201... when it cannot be
    loaded) and on workers that join later; the plugin's name, for ``code_partition``."""
    versions: dict[str, str] = client.run(_whodid_version)
    for worker, theirs in sorted(versions.items()):
        if theirs != __version__:
            raise Errors.E444.error(worker=worker, theirs=theirs, ours=__version__)
    name = plugin_name(settings)
    client.register_plugin(PipelinePlugin(settings), name=name)
    return name


def _whodid_version() -> str:
    return __version__


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
