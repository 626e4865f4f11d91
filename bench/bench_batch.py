"""``whodid batch --workers 2`` against ``--workers 1`` on a slice of the corpus, with each worker's peak RSS.

Usage (from the repository root)::

    .venv/bin/python bench/bench_batch.py [--articles 400] [--partition-size 25] [--workers 1,2]
                                          [--corpus PATH]

``make bench-batch`` runs it with the defaults. The first ``--articles`` records of
``../shared/corpus/news.jsonl`` (read at run time; nothing is copied into the repository) are written
to a temporary ``.jsonl`` file; then, for each worker count in turn, a fresh ``whodid batch TMP.jsonl
--out TMP/wN --workers N --partition-size P`` process runs to the end, while this script samples every
0.25 s the resident set size of that process and of each of its child processes (the Dask worker
processes: the LocalCluster's nannies run inside the command's own process). Printed per run: wall
time, split into start-up (the cluster and each worker's model, until the pipeline plugin is loaded
everywhere) and coding (until the last partition is in the manifest), the command's and each worker's
peak RSS, the CPU time (user and system) of the command and its workers, the load average before and
after (the machine may be shared), and the ratio of the ``--workers 1`` wall time to each other run's.
Both runs' records are compared (every article's record, order aside) and must be identical. Exits 0
with "skipped: ..." when the corpus is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = "../shared/corpus/news.jsonl"  # relative to the repository root


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=400, help="corpus records to code (default 400)")
    ap.add_argument("--partition-size", type=int, default=25, help="articles per partition (default 25)")
    ap.add_argument("--workers", default="1,2", help="worker counts to run, in order (default 1,2)")
    ap.add_argument("--corpus", default=None, help=f"JSONL corpus (default {DEFAULT_CORPUS} from the repo)")
    return ap.parse_args(argv)


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def run_batch(corpus: Path, out: Path, workers: int, size: int) -> dict[str, Any]:
    """One ``whodid batch`` run: wall time, peak RSS of the command and of each worker process (MB)."""
    import psutil  # installed with distributed

    cmd = [sys.executable, "-m", "whodid.cli", "batch", str(corpus), "--out", str(out)]
    cmd += ["--workers", str(workers), "--partition-size", str(size)]
    load_before = _load()
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    parent = psutil.Process(proc.pid)
    peaks: dict[int, float] = {}
    while proc.poll() is None:
        try:
            processes = [parent, *parent.children(recursive=True)]
        except psutil.NoSuchProcess:
            break
        for p in processes:
            try:
                peaks[p.pid] = max(peaks.get(p.pid, 0.0), p.memory_info().rss / 2**20)
            except psutil.NoSuchProcess:
                continue
        time.sleep(0.25)
    stdout, stderr = proc.communicate()
    wall = time.monotonic() - start
    # the command and, once it has waited for them, its worker processes
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(getattr(cpu_after, f) - getattr(cpu_before, f) for f in ("ru_utime", "ru_stime"))
    if proc.returncode not in (0, 1):
        raise SystemExit(f"bench_batch: whodid batch --workers {workers} failed:\n{stderr}")
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    command_peak = peaks.pop(proc.pid, 0.0)
    # the workers: the child processes that loaded a model (a resource tracker stays small)
    worker_peaks = sorted((mb for mb in peaks.values() if mb > 200), reverse=True)
    return {
        "workers": workers,
        "wall": wall,
        "cpu": cpu,
        # manifest "seconds" count from when every worker had loaded the pipeline
        "coding": max(e["seconds"] for e in manifest),
        "partitions": len(manifest),
        "by_worker": len({e["worker"] for e in manifest}),
        "command_mb": command_peak,
        "worker_mb": worker_peaks,
        "load": f"{load_before} -> {_load()}",
        "summary": stdout.strip().splitlines()[0],
    }


def records(out: Path) -> list[str]:
    """Every record of a batch folder, as sorted JSON text."""
    import pyarrow.parquet as pq

    rows = pq.read_table(out / "articles").to_pylist()
    return sorted(r["record"] for r in rows)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    corpus = Path(args.corpus) if args.corpus else (REPO / DEFAULT_CORPUS).resolve()
    if not corpus.is_file():
        print(f"skipped: {corpus} not found")
        return 0
    counts = [int(n) for n in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="whodid-bench-batch-") as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with open(corpus, encoding="utf-8") as src:
            lines = [line for line in src if line.strip()][: args.articles]
        sample.write_text("".join(lines), encoding="utf-8")
        print(
            f"{len(lines)} articles of {corpus.name}, partitions of {args.partition_size}; "
            f"{os.cpu_count()} CPUs"
        )
        results = []
        for n in counts:
            r = run_batch(sample, Path(tmp) / f"w{n}", n, args.partition_size)
            results.append(r)
            workers = ", ".join(f"{mb:,.0f}" for mb in r["worker_mb"])
            print(
                f"--workers {n}: wall {r['wall']:6.1f} s  (start-up {r['wall'] - r['coding']:4.1f} s, "
                f"coding {r['coding']:5.1f} s)  CPU {r['cpu']:5.1f} s  "
                f"{r['partitions']} partitions on {r['by_worker']} workers  "
                f"command {r['command_mb']:,.0f} MB  "
                f"worker peak RSS {workers} MB  load {r['load']}"
            )
            print(f"  {r['summary']}")
        base = results[0]
        for r in results[1:]:
            print(
                f"ratio wall(--workers {base['workers']}) / wall(--workers {r['workers']}) = "
                f"{base['wall'] / r['wall']:.2f}x"
            )
        same = len({tuple(records(Path(tmp) / f"w{n}")) for n in counts}) == 1
        print("records identical across runs" if same else "RECORDS DIFFER between runs")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
