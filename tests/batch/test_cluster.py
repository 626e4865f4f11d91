"""``whodid batch`` on a real Dask ``LocalCluster`` of two worker processes, shared by this module.

The first tests code example articles with the real model on the cluster and compare with ``whodid
code`` and ``whodid ingest``; the others use a blank pipeline (tests/batch/blank.py) that loads at
once and kills its worker on an article holding KILL, to show what a dead worker and an interrupted
run leave behind.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from tests.batch.blank import BlankSettings, pretend_version
from tests.corpora import example_copies
from whodid.batch import shards
from whodid.batch.run import run_batch

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """Two worker processes, one thread each, one partition at a time, as ``whodid batch --workers 2``
    starts them. A task whose worker dies is run again once (Dask's default: 3 times), so that a
    partition that kills two workers is given up quickly."""
    import dask

    config = {"distributed.scheduler.allowed-failures": 1, "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(config):
        cluster = distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
        )
    with cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20 example articles (4 copies of 5, each copy a text of its own) and two bad lines."""
    return example_copies(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="module")
def coded(
    client: Any,
    corpus: Path,
    tmp_path_factory: pytest.TempPathFactory,
    cli: Callable[..., CompletedProcess[str]],
) -> tuple[Path, CompletedProcess[str]]:
    """The corpus coded with the real model by ``whodid batch --scheduler`` on the cluster, in
    partitions of 8 (3 partitions)."""
    out = tmp_path_factory.mktemp("batch") / "out"
    address = client.scheduler.address
    return out, cli("batch", str(corpus), "--out", str(out), "--scheduler", address, "--partition-size", "8")


def _records(out: Path) -> dict[str, dict[str, Any]]:
    """The batch's records by the id the input gave."""
    done = sorted((out / "articles").glob("part-*.parquet"))
    rows = [r for k in range(len(done)) for r in shards.read_rows(out, "articles", k)]
    return {r["source_id"]: json.loads(r["record"]) for r in rows}


def test_two_workers_give_the_events_of_whodid_code(
    coded: tuple[Path, CompletedProcess[str]], corpus: Path, cli: Callable[..., CompletedProcess[str]]
) -> None:
    out, batch = coded
    direct = cli("code", str(corpus), "--format", "jsonl")
    n_events = sum(len(json.loads(line)["events"]) for line in direct.stdout.splitlines())
    assert batch.returncode == direct.returncode == 1  # the two bad lines
    assert batch.stdout.startswith(
        f"coded 20 articles in 3 partitions (0 finished before, 0 failed) with {n_events} events"
    )
    assert f"2 lines or articles not coded: {out / 'errors.jsonl'}" in batch.stdout
    assert sorted(batch.stderr.splitlines()) == sorted(direct.stderr.splitlines())  # the same lines
    expected = {r["article"]["id"]: r for r in map(json.loads, direct.stdout.splitlines())}
    records = _records(out)
    assert sorted(records) == sorted(expected)
    for given, record in records.items():  # the same events; the batch's article id is the text's hash
        assert record["events"] == expected[given]["events"], given
        assert record["quotes"] == expected[given]["quotes"], given
    # both workers coded, and the events shards hold every event once
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert sorted(e["partition"] for e in manifest) == [0, 1, 2]
    assert len({e["worker"] for e in manifest}) == 2
    events = sum(len(list(shards.read_rows(out, "events", k))) for k in range(3))
    assert events == n_events
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["partition"], e["origin"], e["code"]) for e in errors] == [
        (1, f"{corpus}:11", "E113"),
        (1, f"{corpus}:12", "E110"),
    ]


def _tables(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every table of a store, rows sorted (SQLite and PostgreSQL give them in their own orders)."""
    from whodid.store.db import open_store

    with open_store(url) as store:
        names = [*store.conn.table_names()]
        return {n: sorted(store.conn.execute(f"SELECT * FROM {n}").fetchall(), key=repr) for n in names}


def test_ingest_of_the_batch_folder_stores_what_direct_ingest_stores(
    coded: tuple[Path, CompletedProcess[str]],
    corpus: Path,
    tmp_path: Path,
    db_url: str,
    cli: Callable[..., CompletedProcess[str]],
) -> None:
    out, _ = coded
    direct_url = f"sqlite:///{tmp_path / 'direct.db'}"
    loaded = cli("ingest", str(out), "--db", db_url, "--batch-size", "6")
    direct = cli("ingest", str(corpus), "--db", direct_url, "--batch-size", "6")
    assert loaded.returncode == direct.returncode == 1  # the two bad lines, reported by both
    assert loaded.stdout.replace(db_url, "DB") == direct.stdout.replace(direct_url, "DB")
    assert sorted(loaded.stderr.splitlines()) == sorted(direct.stderr.splitlines())
    tables = _tables(db_url)
    assert tables == _tables(direct_url)
    assert len(tables["articles"]) == 20 and len(tables["event_clusters"]) > 0
    again = cli("ingest", str(out), "--db", db_url)
    assert "stored 0 new articles (20 already stored, 2 skipped)" in again.stdout
    assert _tables(db_url) == tables


def test_a_resumed_batch_logs_its_progress_without_the_partitions_done_before(
    coded: tuple[Path, CompletedProcess[str]],
    corpus: Path,
    client: Any,
    tmp_path: Path,
    cli: Callable[..., CompletedProcess[str]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import shutil

    from whodid.progress import EVERY_ENV

    out = tmp_path / "out"
    shutil.copytree(coded[0], out)
    manifest = (out / "manifest.jsonl").read_text().splitlines()
    (out / "manifest.jsonl").write_text(
        "".join(line + "\n" for line in manifest if '"partition": 2' not in line)
    )
    monkeypatch.setenv(EVERY_ENV, "0")  # a line after every partition (standard error is no terminal here)
    address = client.scheduler.address
    again = cli("batch", str(corpus), "--out", str(out), "--scheduler", address, "--partition-size", "8")
    assert again.stdout.startswith("coded 4 articles in 1 partitions (2 finished before, 0 failed)")
    progress = [line for line in again.stderr.splitlines() if line.startswith("whodid batch: ")]
    # partitions 0 and 1 were done before: counted, but no rate (nothing done by this run yet)
    assert progress[:2] == [
        "whodid batch: 1 partitions, 8 of 22 articles (36.4 %)",
        "whodid batch: 2 partitions, 18 of 22 articles (81.8 %)",
    ]
    assert re.fullmatch(
        r"whodid batch: 3 partitions, 22 of 22 articles \(100\.0 %\), [\d.]+ articles/s", progress[2]
    )
    assert re.fullmatch(r"whodid batch: done, 22 articles in \d+ s, [\d.]+ articles/s", progress[3])
    assert len(progress) == 4


def test_a_worker_with_another_whodid_stops_the_batch_before_anything_is_coded(
    corpus: Path, client: Any, tmp_path: Path, cli: Callable[..., CompletedProcess[str]]
) -> None:
    from whodid import __version__

    workers = sorted(client.scheduler_info()["workers"])
    client.run(pretend_version, "0.0.1-other", workers=workers[-1:])  # one worker of two
    try:
        out = tmp_path / "out"
        result = cli("batch", str(corpus), "--out", str(out), "--scheduler", client.scheduler.address)
    finally:
        client.run(pretend_version, __version__, workers=workers[-1:])
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(
        f"whodid: error E444: the Dask worker {workers[-1]} runs whodid 0.0.1-other, "
        f"and this command whodid {__version__}."
    )
    assert f"pip install whodid=={__version__}" in result.stderr
    manifest = out / "manifest.jsonl"
    assert not list(out.rglob("*part-*")) and (not manifest.exists() or not manifest.read_text().strip())


TEXTS = [f"Article {k} says little." for k in range(40)]


def _write(path: Path, texts: list[str]) -> Path:
    path.write_text("".join(json.dumps({"id": f"a{k}", "text": t}) + "\n" for k, t in enumerate(texts)))
    return path


def _part_files(out: Path) -> dict[str, list[str]]:
    return {t: sorted(p.name for p in (out / t).iterdir()) for t in shards.TABLES}


def test_a_killed_workers_partition_is_coded_again(client: Any, tmp_path: Path) -> None:
    flags = tmp_path / "flags"
    flags.mkdir()
    corpus = _write(tmp_path / "in.jsonl", [*TEXTS[:20], "KILL here.", *TEXTS[20:]])
    out = tmp_path / "out"
    summary = run_batch([corpus], out, client, BlankSettings(flag_dir=flags, kills=1), size=8)
    assert len(list(flags.iterdir())) == 1  # a worker was killed, once, coding partition 2
    assert (summary.partitions, summary.coded, summary.articles, summary.errors) == (6, 6, 41, 0)
    assert summary.complete and not summary.failed
    ids = [r["source_id"] for k in range(6) for r in shards.read_rows(out, "articles", k)]
    assert ids == [f"a{k}" for k in range(41)]  # nothing lost, nothing twice
    assert all(len(names) == 6 for names in _part_files(out).values())


class _Stop(Exception):
    pass


def test_an_interrupted_batch_resumes_without_duplicate_shards(
    client: Any, tmp_path: Path, cli: Callable[..., CompletedProcess[str]]
) -> None:
    corpus = _write(tmp_path / "in.jsonl", TEXTS)
    out = tmp_path / "out"
    settings = BlankSettings(flag_dir=tmp_path, warnings=("mine.tsv:3: no code",))

    def stop_after_two(entry: dict[str, Any]) -> None:
        if len((out / "manifest.jsonl").read_text().splitlines()) == 2:
            raise _Stop

    with pytest.raises(_Stop):
        run_batch([corpus], out, client, settings, size=8, on_partition=stop_after_two)
    first = {int(p.stem[5:]): p.stat().st_ino for p in (out / "events").glob("part-*.parquet")}
    assert len(first) == 2
    unfinished = cli("ingest", str(out), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert unfinished.returncode == 2 and "E441" in unfinished.stderr
    # a crash while a shard was written (its temporary file left), and after another shard was renamed
    # into place but before the manifest took note of it: both written again, once
    todo = next(k for k in range(5) if k not in first)
    (out / "events" / f".part-{todo:05d}.parquet.tmp").write_bytes(b"half a shard")
    (out / "events" / f"part-{todo:05d}.parquet").write_bytes(b"not in the manifest")
    # a line cut short at the end of the manifest
    with open(out / "manifest.jsonl", "a") as f:
        f.write('{"partition": ')

    progress: list[int] = []
    ready: list[list[str]] = []
    summary = run_batch(
        [corpus], out, client, settings, size=8, on_progress=progress.append, on_ready=ready.append
    )
    assert ready == [["mine.tsv:3: no code"]]  # the workers' pipeline's warnings, once
    assert (summary.partitions, summary.before, summary.coded, summary.articles) == (5, 2, 3, 24)
    assert sum(progress) == 40  # the lines of the partitions finished before count as done
    assert summary.complete
    for k, inode in first.items():  # the finished partitions were not written again
        assert (out / "events" / f"part-{k:05d}.parquet").stat().st_ino == inode
    assert _part_files(out) == {t: [f"part-{k:05d}.parquet" for k in range(5)] for t in shards.TABLES}
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
    assert sorted(e["partition"] for e in manifest) == [0, 1, 2, 3, 4]
    ids = [r["source_id"] for k in range(5) for r in shards.read_rows(out, "articles", k)]
    assert ids == [f"a{k}" for k in range(40)]
    assert len(list(shards.read_rows(out, "events", todo))) == 0  # a blank model finds no event

    again = run_batch([corpus], out, client, settings, size=8)
    assert (again.before, again.coded) == (5, 0)
    assert len((out / "manifest.jsonl").read_text().splitlines()) == 5


def test_a_partition_that_keeps_killing_workers_is_left_for_the_next_run(
    client: Any, tmp_path: Path, cli: Callable[..., CompletedProcess[str]]
) -> None:
    flags = tmp_path / "flags"
    flags.mkdir()
    corpus = _write(tmp_path / "in.jsonl", [*TEXTS[:20], "KILL here.", *TEXTS[20:]])
    out = tmp_path / "out"
    settings = BlankSettings(flag_dir=flags, kills=2)
    summary = run_batch([corpus], out, client, settings, size=8)
    assert len(list(flags.iterdir())) == 2  # the partition killed its worker, and the next one
    assert [(e.code, e.params["partition"]) for e in summary.failed] == [("E510", 2)]
    assert (summary.partitions, summary.coded, summary.articles) == (6, 5, 33)
    assert not summary.complete and not json.loads((out / "batch.json").read_text())["complete"]
    (line,) = [json.loads(x) for x in (out / "errors.jsonl").read_text().splitlines()]
    assert (line["partition"], line["code"], line["origin"]) == (2, "E510", f"{corpus}:17 to {corpus}:24")
    assert not (out / "articles" / "part-00002.parquet").exists()
    unfinished = cli("ingest", str(out), "--db", f"sqlite:///{tmp_path / 'x.db'}")
    assert unfinished.returncode == 2 and "E441" in unfinished.stderr
    # the next run codes that partition alone (its articles no longer kill anything)
    again = run_batch([corpus], out, client, settings, size=8)
    assert (again.before, again.coded, again.articles, again.failed) == (5, 1, 8, [])
    assert again.complete and (out / "errors.jsonl").read_text() == ""


def test_a_worker_over_its_memory_limit_is_restarted_and_its_partition_coded_again(tmp_path: Path) -> None:
    """whodid batch --workers 1 --memory-limit 700MB: an article that takes 1 GB gets its worker
    restarted by the nanny; the partition is coded again by the new worker, once."""
    from whodid.batch.cluster import cluster_client

    flags = tmp_path / "flags"
    flags.mkdir()
    corpus = _write(tmp_path / "in.jsonl", [*TEXTS[:20], "HOG here.", *TEXTS[20:]])
    out = tmp_path / "out"
    settings = BlankSettings(flag_dir=flags, kills=1, hog_mb=1024)
    with cluster_client(workers=1, memory_limit="700MB") as own:
        summary = run_batch([corpus], out, own, settings, size=8)
    assert len(list(flags.iterdir())) == 1  # the article took its memory once
    assert (summary.partitions, summary.coded, summary.articles, summary.errors) == (6, 6, 41, 0)
    assert summary.complete and not summary.failed
    manifest = {
        e["partition"]: e["worker"]
        for e in map(json.loads, (out / "manifest.jsonl").read_text().splitlines())
    }
    # the one worker before the article (partitions 0, 1) is not the one after it (2 and on): restarted
    assert manifest[0] == manifest[1] != manifest[2] == manifest[5]
    ids = [r["source_id"] for k in range(6) for r in shards.read_rows(out, "articles", k)]
    assert ids == [f"a{k}" for k in range(41)]  # nothing lost, nothing twice
    assert all(len(names) == 6 for names in _part_files(out).values())
