"""A worker that joins the Dask cluster while ``whodid batch`` runs, with another whodid than the
command's, codes nothing for the batch: it leaves the cluster (E449 in its log) and the workers that
were checked at the start code every partition. The cluster is a real ``LocalCluster`` of one worker
process; the late worker is a ``dask worker`` process of its own, made to report another version by a
preload (tests/batch/other_whodid.py); both run the blank pipeline of tests/batch/blank.py."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from tests.batch.blank import BlankSettings
from whodid.batch.run import run_batch

distributed = pytest.importorskip("distributed")

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[2]
PRELOAD = Path(__file__).with_name("other_whodid.py")
ARTICLES = 30  # 15 partitions of 2 slow articles: about 6 s of coding on one worker


def _wait_for(what: str, log: Path, seconds: float = 60) -> None:
    """Until the late worker's log holds ``what`` (it starts in a few seconds)."""
    deadline = time.monotonic() + seconds
    while what not in log.read_text():
        if time.monotonic() > deadline:
            pytest.fail(f"the late worker never logged {what!r}:\n{log.read_text()}")
        time.sleep(0.1)


def test_a_worker_that_joins_later_with_another_whodid_codes_nothing(tmp_path: Path) -> None:
    import dask

    corpus = tmp_path / "in.jsonl"
    lines = (json.dumps({"id": f"a{k}", "text": f"Article {k} is SLOW."}) for k in range(ARTICLES))
    corpus.write_text("".join(line + "\n" for line in lines))
    out, log = tmp_path / "out", tmp_path / "late.log"
    settings = BlankSettings(flag_dir=tmp_path)
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")])),
    }
    late: subprocess.Popen[bytes] | None = None
    with dask.config.set({"distributed.scheduler.worker-saturation": 1.0}):
        cluster = distributed.LocalCluster(
            n_workers=1, threads_per_worker=1, processes=True, dashboard_address="127.0.0.1:0"
        )
    with cluster, distributed.Client(cluster) as client:
        (first,) = client.scheduler_info()["workers"]

        def join_late(entry: dict[str, Any]) -> None:
            """After the first partition: a worker with another whodid joins, and the batch goes on
            once it has registered (its plugin set up)."""
            nonlocal late
            if late is None:
                command = [str(Path(sys.executable).with_name("dask")), "worker", client.scheduler.address]
                command += ["--nthreads", "1", "--no-dashboard", "--preload", str(PRELOAD)]
                with log.open("wb") as sink:
                    late = subprocess.Popen(command, env=env, stdout=sink, stderr=subprocess.STDOUT)
                _wait_for("Registered to", log)

        try:
            summary = run_batch([corpus], out, client, settings, size=2, on_partition=join_late)
            entries = [json.loads(line) for line in (out / "manifest.jsonl").read_text().splitlines()]
            assert summary.partitions == ARTICLES // 2 and not summary.failed
            assert sorted(e["partition"] for e in entries) == list(range(ARTICLES // 2))
            assert {e["worker"] for e in entries} == {first}  # nothing the late worker coded was kept
            assert sum(e["articles"] for e in entries) == ARTICLES
            assert late is not None
            late.wait(timeout=60)  # it left the cluster: the process ends
        finally:
            if late is not None and late.poll() is None:
                late.kill()
                late.wait()
        assert list(client.scheduler_info()["workers"]) == [first]
    text = log.read_text()
    assert "whodid: error E449: the Dask worker tcp://" in text
    assert "runs whodid 0.0.1-other with the model " in text and "it codes nothing for this batch" in text
