"""``--jobs N``: worker processes give exactly the records and messages of one process.

The command-line test codes real articles with the real model in two workers. The others run workers
with a blank spaCy model and a stage that misbehaves on a marked article (a bug, a worker killed by
a signal), so they show what the parent does about it without parsing anything.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest
import spacy

from tests.batch.blank import BlankSettings
from tests.corpora import EXAMPLES, example_copies
from whodid.ingest.model import ArticleInput, BadInput
from whodid.parallel import code_parallel
from whodid.pipeline import Pipeline


def _corpus(tmp_path: Path) -> Path:
    """20 example articles (two batches of 16 and more) with a bad record and a line of no JSON."""
    return example_copies(tmp_path)


@pytest.mark.slow
def test_two_jobs_print_what_one_process_prints(
    tmp_path: Path, cli: Callable[..., CompletedProcess[str]]
) -> None:
    corpus = str(_corpus(tmp_path))
    one = cli("code", corpus, "--format", "jsonl")
    two = cli("code", corpus, "--format", "jsonl", "--jobs", "2")
    assert one.returncode == two.returncode == 1  # two lines were bad
    assert len(one.stdout.splitlines()) == 20
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    assert "corpus.jsonl:11: E113" in two.stderr and "corpus.jsonl:12: E110" in two.stderr


def test_jobs_below_one_is_refused(cli: Callable[..., CompletedProcess[str]]) -> None:
    result = cli("code", str(EXAMPLES / "harbour-talks.txt"), "--jobs", "0")
    assert result.returncode == 2 and "E406" in result.stderr


def _articles(texts: list[str]) -> list[ArticleInput | BadInput]:
    return [ArticleInput(text=t, id=f"a{k}", origin=f"in.jsonl:{k + 1}") for k, t in enumerate(texts)]


def _run(tmp_path: Path, texts: list[str], kills: int) -> tuple[list[str], list[tuple[str, str]]]:
    bad: list[BadInput] = []
    settings = BlankSettings(flag_dir=tmp_path, kills=kills)
    records = code_parallel(_articles(texts), settings, jobs=2, on_error=bad.append)
    return [r.article_id for r in records], [(b.origin, b.error.code) for b in bad]


TEXTS = [f"Article {k} says little." for k in range(40)]


@pytest.mark.slow
def test_a_bug_in_a_worker_is_reported_in_order_and_the_run_goes_on(tmp_path: Path) -> None:
    texts = [*TEXTS[:20], "BUG here.", *TEXTS[20:]]
    ids, bad = _run(tmp_path, texts, kills=0)
    assert ids == [f"a{k}" for k in range(41) if k != 20]
    assert bad == [("in.jsonl:21", "E501")]


@pytest.mark.slow
def test_a_killed_worker_is_replaced_and_its_batch_coded_again(tmp_path: Path) -> None:
    texts = [*TEXTS[:20], "KILL here.", *TEXTS[20:]]
    ids, bad = _run(tmp_path, texts, kills=1)
    assert ids == [f"a{k}" for k in range(41)]  # nothing lost, nothing twice
    assert bad == []


@pytest.mark.slow
def test_a_batch_that_kills_two_workers_is_reported(tmp_path: Path) -> None:
    texts = [*TEXTS[:20], "KILL here.", *TEXTS[20:]]
    ids, bad = _run(tmp_path, texts, kills=2)
    # the second batch (articles 16-31) is lost and reported article by article; the rest is coded
    assert ids == [f"a{k}" for k in range(41) if not 16 <= k < 32]
    assert bad == [(f"in.jsonl:{k + 1}", "E504") for k in range(16, 32)]


@pytest.mark.slow
def test_a_pipeline_the_workers_cannot_load_stops_the_run_before_any_output(
    tmp_path: Path, cli: Callable[..., CompletedProcess[str]]
) -> None:
    corpus = str(_corpus(tmp_path))
    result = cli("code", corpus, "--jobs", "2", "--lexicon", str(tmp_path / "no-such-folder"))
    one = cli("code", corpus, "--lexicon", str(tmp_path / "no-such-folder"))
    assert result.returncode == one.returncode == 2
    assert result.stdout == ""
    assert result.stderr == one.stderr


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every table of a SQLite store, rows in storage order (a table stored in its primary key,
    ``WITHOUT ROWID``, in the key's order)."""
    import sqlite3

    with contextlib.closing(sqlite3.connect(db)) as conn:
        found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
        out = {}
        for name, sql in found:
            order = "rowid"
            if "WITHOUT ROWID" in sql.upper():
                key = sorted((r[5], r[1]) for r in conn.execute(f'PRAGMA table_info("{name}")') if r[5])
                order = ", ".join(f'"{column}"' for _, column in key)
            out[name] = conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}').fetchall()
        return out


@pytest.mark.slow
def test_ingest_on_two_jobs_stores_what_one_process_stores(
    tmp_path: Path, cli: Callable[..., CompletedProcess[str]]
) -> None:
    corpus = _corpus(tmp_path)
    # the same texts again (some under other ids): each stored once, then counted as already stored
    again = tmp_path / "again.jsonl"
    again.write_text(corpus.read_text(encoding="utf-8").replace('-1"', '-1b"'), encoding="utf-8")
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    args = [str(corpus), str(again), str(EXAMPLES / "harbour-talks.txt"), "--batch-size", "8"]
    first = cli("ingest", *args, "--db", f"sqlite:///{one}")
    second = cli("ingest", *args, "--db", f"sqlite:///{two}", "--jobs", "2")
    assert first.returncode == second.returncode == 1  # the two bad lines, twice
    assert second.stdout.replace(str(two), "DB") == first.stdout.replace(str(one), "DB")
    assert "stored 21 new articles (20 already stored, 4 skipped)" in second.stdout
    assert _tables(two) == _tables(one)
    # run again: nothing is coded, everything is already there
    rerun = cli("ingest", *args, "--db", f"sqlite:///{two}", "--jobs", "2")
    assert "stored 0 new articles (41 already stored, 4 skipped)" in rerun.stdout
    assert _tables(two) == _tables(one)


@pytest.mark.slow
def test_a_worker_killed_mid_ingest_loses_and_duplicates_nothing(tmp_path: Path) -> None:
    from whodid.store.db import open_store
    from whodid.store.ingest import IngestOptions, ingest, ingest_on_workers

    flags = tmp_path / "flags"
    flags.mkdir()
    corpus = tmp_path / "in.jsonl"
    texts = [*TEXTS[:20], "KILL here.", *TEXTS[20:]]
    corpus.write_text("".join(json.dumps({"id": f"a{k}", "text": t}) + "\n" for k, t in enumerate(texts)))
    settings = BlankSettings(flag_dir=flags, kills=1)
    with open_store(f"sqlite:///{tmp_path / 'one.db'}") as store:
        ingest([corpus], store, Pipeline(spacy.blank("en"), []), IngestOptions(batch_size=8))
    with open_store(f"sqlite:///{tmp_path / 'two.db'}") as store:
        summary = ingest_on_workers([corpus], store, settings, IngestOptions(batch_size=8), jobs=2)
    assert len(list(flags.iterdir())) == 1  # a worker was killed, once
    assert (summary.stored, summary.already, summary.skipped) == (41, 0, [])
    assert _tables(tmp_path / "two.db") == _tables(tmp_path / "one.db")
