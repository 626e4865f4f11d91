"""Issue 14, item 14 (and the lock half of item 18): another process holding the database's write lock.

whodid waits for it ``LOCK_TIMEOUT`` seconds (30; here a fraction of a second), on SQLite (SQLite's
busy timeout, and the journal-mode switch of a new file) and on PostgreSQL (``lock_timeout`` on the
writers' advisory lock). A lock freed in time costs nothing: the batch is committed. A lock held
longer is E423, which says it is a lock, how long whodid waited, what is kept and what was coded but
not stored, and to run the same command again; never a bare ``sqlite3.OperationalError``, never
advice about disk space.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from whodid.errors import UsageError
from whodid.store import db
from whodid.store.db import open_store

Cli = Callable[..., CompletedProcess[str]]

TEXTS = [
    "Kenya accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said.",
    "Peru and Bolivia signed a trade agreement in Lima on Friday, the two governments said.",
    "The European Union imposed sanctions on three Belarusian officials on Thursday.",
]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    for k, text in enumerate(TEXTS):
        (root / f"{k}.txt").write_text(text, encoding="utf-8")
    return root


@contextmanager
def write_lock(url: str) -> Iterator[Any]:
    """Another program's connection holding the write lock until the block ends (or ``release``)."""
    if url.startswith("sqlite:///"):
        raw = sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None, check_same_thread=False)
        raw.execute("BEGIN EXCLUSIVE")
        try:
            yield raw
        finally:
            if raw.in_transaction:
                raw.execute("ROLLBACK")
            raw.close()
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as raw:
        raw.execute("SELECT pg_advisory_lock(%s)", (db._WRITE_LOCK,))  # whodid's writers' lock
        yield raw


def _release(raw: Any) -> None:
    if isinstance(raw, sqlite3.Connection):
        raw.execute("ROLLBACK")
    else:
        raw.execute("SELECT pg_advisory_unlock(%s)", (db._WRITE_LOCK,))


def _articles(url: str) -> int:
    with open_store(url, create=False) as store:
        return store.counts()["articles"]


def test_a_new_database_locked_by_another_process_is_e423(
    cli: Cli, tmp_path: Path, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "LOCK_TIMEOUT", 0.3)
    path = tmp_path / "new.db"
    url = f"sqlite:///{path}"
    path.touch()  # another program has just made the file and holds it
    with write_lock(url):
        with pytest.raises(UsageError) as info:
            open_store(url)
        proc = cli("ingest", str(folder), "--db", url)
    assert info.value.code == "E423" and "nothing was changed" in info.value.message
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith(f"whodid: error E423: the database '{url}' stayed locked by another ")
    assert "for 0.3 seconds" in proc.stderr and "disk" not in proc.stderr
    assert proc.stderr.count("\n") == 1
    proc = cli("ingest", str(folder), "--db", url)  # the lock gone, the same command does it all
    assert proc.returncode == 0 and "stored 3 new articles" in proc.stdout, proc.stderr


def test_a_lock_held_too_long_keeps_the_batches_before_and_says_what_to_run(
    cli: Cli, db_url: str, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(db_url).close()
    first = cli("ingest", str(folder / "0.txt"), "--db", db_url)
    assert first.returncode == 0, first.stderr
    monkeypatch.setattr(db, "LOCK_TIMEOUT", 0.3)
    started = time.monotonic()
    with write_lock(db_url):
        proc = cli("ingest", str(folder), "--db", db_url, "--batch-size", "2")
    assert time.monotonic() - started < 20  # bounded: the lock was never going to be freed
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    error = proc.stderr
    assert error.count("\n") == 1 and error.startswith("whodid: error E423: ")
    assert "stayed locked by another process for 0.3 seconds" in error and "disk" not in error
    # the first batch (0.txt, stored before; 1.txt) waited for the lock: 1.txt was coded, not stored
    assert "the 0 articles of the batches committed before are kept" in error
    assert f"the 1 article coded since ({folder}/1.txt) is not stored" in error
    assert "run the same command again: articles already stored are skipped" in error
    assert _articles(db_url) == 1
    again = cli("ingest", str(folder), "--db", db_url, "--batch-size", "2")
    assert again.returncode == 0, again.stderr
    assert "stored 2 new articles (1 already stored, 0 skipped)" in again.stdout
    assert _articles(db_url) == 3


def test_a_lock_freed_in_time_costs_nothing(
    cli: Cli, db_url: str, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(db_url).close()
    monkeypatch.setattr(db, "LOCK_TIMEOUT", 60.0)
    with write_lock(db_url) as raw:
        timer = threading.Timer(1.0, _release, (raw,))
        timer.start()
        proc = cli("ingest", str(folder), "--db", db_url)
        timer.join()
    assert proc.returncode == 0, proc.stderr
    assert "stored 3 new articles (0 already stored, 0 skipped)" in proc.stdout
    assert _articles(db_url) == 3
