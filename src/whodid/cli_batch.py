"""``whodid batch``: the command over ``whodid.batch`` (a corpus coded on a Dask cluster), and the
part of ``whodid ingest`` that stores a batch folder."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from whodid.batch.partitions import DEFAULT_PARTITION_SIZE
from whodid.errors import Errors, WhodidError
from whodid.ingest.model import BadInput

if TYPE_CHECKING:
    from whodid.parallel import PipelineSettings
    from whodid.store.db import Store
    from whodid.store.ingest import IngestOptions, IngestSummary

BATCH_EPILOG = """\
examples:
  whodid batch corpus.jsonl.gz --out coded/ --workers 2          (a Dask LocalCluster of 2 processes)
  whodid batch archive/ --out coded/ --scheduler tcp://10.0.0.5:8786   (an existing Dask cluster)
  whodid batch corpus.jsonl.gz --out coded/ --workers 2          (again after a crash: goes on)
  whodid ingest coded/ --db sqlite:///news.db                    (store what the batch coded)

DIR gets, per partition of --partition-size articles, one Parquet file in each of articles/, events/,
quotes/, actors/, places/ and errors/, a manifest.jsonl of finished partitions, batch.json and
errors.jsonl (every line and article not coded: partition, origin, id, error code, message).

exit status: 0 every partition coded, every article too; 1 done, but some lines or articles were bad
(in errors.jsonl), or some partitions failed (E510: run the same command again); 2 nothing could be
done (an option, the cluster, the model, or DIR holds another batch: E440).
"""


def add_batch_parser(sub: Any, common: dict[str, Any]) -> None:
    """The ``batch`` subcommand; ``common`` holds cli.py's option helpers (date order, actors...)."""
    ba = sub.add_parser(
        "batch",
        help="code a corpus on a Dask cluster (or N local worker processes) into Parquet shards",
        description="Code every article under the given paths (as whodid ingest reads them) on a Dask "
        "cluster: an existing one (--scheduler) or one started here (--workers N). The input is cut "
        "into partitions; each worker loads the pipeline once and codes partition after partition. "
        "Each finished partition is written to DIR as Parquet shards and entered in DIR's manifest, "
        "so the same command run again after a crash codes only the partitions not finished. Store "
        "the result with whodid ingest DIR. Progress: a bar on a terminal, else a line on standard "
        "error every 30 s of work (WHODID_PROGRESS_EVERY=SECONDS).",
        epilog=BATCH_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    ba.add_argument("paths", nargs="+", type=Path, help="files or directories to code")
    ba.add_argument("--out", type=Path, required=True, metavar="DIR", help="the batch folder (made if new)")
    where = ba.add_mutually_exclusive_group()
    where.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler of an existing cluster, e.g. tcp://10.0.0.5:8786; its workers need "
        "whodid installed (the same version) and should run one thread each (dask worker --nthreads 1)",
    )
    where.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="without --scheduler: start a Dask LocalCluster of N worker processes here, one thread "
        "each (default 1); each loads the model once: about 0.5-0.6 GB a worker",
    )
    ba.add_argument(
        "--memory-limit",
        default="auto",
        metavar="SIZE",
        help="with --workers: the memory a local worker may use before Dask restarts it, e.g. 2GB "
        "(default auto: the machine's memory shared among the workers); its partition is then coded "
        "again elsewhere",
    )
    ba.add_argument(
        "--partition-size",
        type=int,
        default=DEFAULT_PARTITION_SIZE,
        metavar="N",
        help=f"articles per partition (default {DEFAULT_PARTITION_SIZE}): the unit a worker codes, "
        "writes and a re-run skips",
    )
    ba.add_argument("--published", metavar="YYYY-MM-DD", help="publication date for files that give none")
    common["date_order"](ba)
    common["max_bytes"](ba)
    common["actors"](ba)
    common["lexicon"](ba)
    common["confidence"](ba, "keep no event less sure than X")


def run_batch_command(args: argparse.Namespace, out: TextIO, err: TextIO, settings: PipelineSettings) -> int:
    """``whodid batch``: code on the cluster into ``args.out``; a summary at the end."""
    from whodid.ingest.reader import parse_date

    try:
        if args.published:
            parse_date(args.published)
        import distributed  # noqa: F401
    except WhodidError as e:
        return _fail(err, e)
    except ImportError:
        return _fail(err, Errors.E443.error(missing="Dask distributed (the dask and distributed packages)"))
    from whodid.batch.cluster import cluster_client
    from whodid.batch.run import ReadOptions, check_folder, run_batch

    read = ReadOptions(args.published, args.date_order, args.max_bytes)
    try:
        check_folder(args.paths, args.out, settings, args.partition_size, read)
    except WhodidError as e:
        return _fail(err, e)

    progress = _Progress(err, args.paths)
    try:
        with (
            progress,
            cluster_client(
                scheduler=args.scheduler, workers=args.workers, memory_limit=args.memory_limit
            ) as client,
        ):
            summary = run_batch(
                args.paths,
                args.out,
                client,
                settings,
                size=args.partition_size,
                read=read,
                on_skip=progress.skipped,
                on_note=progress.note,
                on_partition=progress.partition,
                on_progress=progress.advance,
                on_ready=progress.warnings,
            )
    except WhodidError as e:
        return _fail(err, e)
    for failure in summary.failed:
        err.write(f"whodid: error {failure.code}: {failure.message}\n")
    out.write(
        f"coded {summary.articles} articles in {summary.coded} partitions ({summary.before} finished "
        f"before, {len(summary.failed)} failed) with {summary.events} events and {summary.quotes} "
        f"quotations into {args.out}\n"
    )
    if summary.errors:
        out.write(f"{summary.errors} lines or articles not coded: {args.out / 'errors.jsonl'}\n")
    if not summary.complete:
        out.write("the batch is not complete: run the same command again to code the partitions left\n")
    if summary.partitions and summary.articles == 0 and summary.before == 0:
        return 2
    return 0 if summary.complete and not summary.errors else 1


class _Progress:
    """A progress bar of the input lines done (tqdm) on a terminal, elsewhere a log line every 30
    seconds (whodid.progress: partitions, lines, lines/s of this run, time left), and the lines for
    what was skipped or read with a doubt, written below it."""

    def __init__(self, err: TextIO, paths: list[Path]) -> None:
        from tqdm import tqdm

        from whodid.ingest.reader import count_articles
        from whodid.progress import ProgressLog

        self.err = err
        total = count_articles(paths)
        self.bar = tqdm(total=total, unit="article", desc="whodid batch", file=err, disable=not err.isatty())
        self.log = ProgressLog(err, "whodid batch", total=total)
        self.coding: int | None = None  # lines of the partition this run just finished
        self.before = 0  # lines of partitions finished by an earlier run
        self.done = self.parts = 0

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.close()
        self.log.finish()

    def partition(self, entry: dict[str, Any]) -> None:
        """A partition this run coded (its lines come next, through ``advance``)."""
        self.coding = int(entry["articles"]) + int(entry["unread"])

    def advance(self, lines: int) -> None:
        """A partition's lines done: by this run (after ``partition``) or by an earlier one."""
        if self.coding is None:
            self.before += lines
            self.log.before(self.before)
        self.coding = None
        self.done += lines
        self.parts += 1
        self.bar.update(lines)
        self.log.update(self.done, parts=self.parts)

    def skipped(self, b: BadInput) -> None:
        self.bar.clear()
        self.err.write(f"whodid: skipped {b.origin}: {b.error.code} {b.error.message}\n")
        self.bar.refresh()

    def warnings(self, lines: list[str]) -> None:
        """The pipeline's warnings, in the words of the other commands (cli.py's ``_warn_lines``)."""
        self.bar.clear()
        for w in lines:
            self.err.write(f"whodid: warning: skipped dictionary line {w}\n")
        self.bar.refresh()

    def note(self, n: WhodidError) -> None:
        self.bar.clear()
        self.err.write(f"whodid: warning {n.code} {n.message}\n")
        self.bar.refresh()


def batch_folders(paths: list[Path]) -> list[Path] | None:
    """The batch folders among ``whodid ingest``'s paths: all of them, or None when there are none
    (E447 when some are batch folders and some not; E441, E445 when one is unfinished or damaged)."""
    from whodid.batch.load import finished_partitions
    from whodid.batch.manifest import is_batch

    folders = [p for p in paths if is_batch(p)]
    if not folders:
        return None
    if len(folders) < len(paths):
        other = next(p for p in paths if not is_batch(p))
        raise Errors.E447.error(path=folders[0], other=other)
    for folder in folders:
        finished_partitions(folder)
    return folders


def check_no_coding_options(args: argparse.Namespace, folder: Path, default_confidence: float) -> None:
    """E446 for an option of ``ingest`` that codes, given with batch folders (coded already)."""
    given = {
        "--actors": bool(args.actors),
        "--lexicon": bool(args.lexicon),
        "--published": bool(args.published),
        "--jobs": args.jobs != 1,
        "--min-confidence": args.min_confidence != default_confidence,
    }
    for option, is_given in given.items():
        if is_given:
            raise Errors.E446.error(option=option, path=folder)


def ingest_batches(folders: list[Path], store: Store, options: IngestOptions, summary: IngestSummary) -> None:
    """``whodid ingest DIR`` of batch folders (``options``: ingest's batch size and callbacks)."""
    from whodid.batch.load import load_batches

    load_batches(
        folders,
        store,
        batch_size=options.batch_size,
        on_skip=options.on_skip,
        on_batch=options.on_batch,
        summary=summary,
    )


def _fail(err: TextIO, e: WhodidError) -> int:
    err.write(f"whodid: error {e.code}: {e.message}\n")
    return 2
