"""Issue 14, item 13: the read commands (events, dyad, actors, quotes, speakers, export, serve) never
write. A database another program made is refused (E421), not given whodid's tables; an empty one is
E411; an older whodid's is E422 until ``whodid migrate`` (or an ingest) brings it up to date; a SQLite
file is opened read-only, so its journal mode stays as it was and a file nobody may write is readable.

The commands run in this process, on SQLite and PostgreSQL (``db_url``) where both apply.
"""

from __future__ import annotations

import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from whodid.store import db
from whodid.store.db import migrations, open_store

Cli = Callable[..., CompletedProcess[str]]

READERS = [
    ("events",),
    ("dyad", "USA", "CHN"),
    ("actors",),
    ("quotes",),
    ("speakers",),
    ("export", "--format", "csv"),
]


def _raw(url: str) -> Any:
    """A plain driver connection, without whodid."""
    if url.startswith("sqlite:///"):
        return sqlite3.connect(url.removeprefix("sqlite:///"), isolation_level=None)
    import psycopg

    return psycopg.connect(url, autocommit=True)


def _tables(url: str) -> list[str]:
    raw = _raw(url)
    if url.startswith("sqlite:///"):
        sql = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
    else:
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    names = [str(r[0]) for r in raw.execute(sql).fetchall()]
    raw.close()
    return names


def _one_error(proc: CompletedProcess[str], code: str) -> None:
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    assert proc.stderr.startswith(f"whodid: error {code}: ") and proc.stderr.count("\n") == 1


@pytest.mark.parametrize("command", READERS, ids=[c[0] for c in READERS])
def test_another_programs_database_is_refused_and_left_as_it_was(
    cli: Cli, db_url: str, command: tuple[str, ...]
) -> None:
    raw = _raw(db_url)
    raw.execute("CREATE TABLE notes (id INTEGER, body TEXT)")
    raw.execute("INSERT INTO notes VALUES (1, 'theirs')")
    raw.close()
    before = Path(db_url.removeprefix("sqlite:///")).read_bytes() if db_url.startswith("sqlite") else b""
    proc = cli(*command, "--db", db_url)
    _one_error(proc, "E421")
    assert "was not made by whodid: it holds tables (notes) but no schema_migrations" in proc.stderr
    assert _tables(db_url) == ["notes"]  # no whodid table added
    if db_url.startswith("sqlite"):
        path = Path(db_url.removeprefix("sqlite:///"))
        assert path.read_bytes() == before  # not a byte written, the journal mode as it was
        assert not path.with_name(path.name + "-wal").exists()


def test_an_empty_database_is_e411_and_stays_empty(cli: Cli, db_url: str) -> None:
    if db_url.startswith("sqlite"):
        Path(db_url.removeprefix("sqlite:///")).touch()
    _one_error(cli("events", "--db", db_url), "E411")
    assert _tables(db_url) == []


@pytest.fixture
def older(db_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A database made by a whodid without the last migration."""
    every = migrations()
    with monkeypatch.context() as m:
        m.setattr(db, "migrations", lambda: every[:-1])
        open_store(db_url).close()
    yield db_url


def test_an_older_whodids_database_is_not_migrated_by_a_reader(cli: Cli, older: str) -> None:
    last = migrations()[-1]
    proc = cli("actors", "--db", older)
    _one_error(proc, "E422")
    assert f"migrations {last.version:04d}_{last.name} are not applied" in proc.stderr
    assert f"Run whodid migrate --db {older} once" in proc.stderr
    raw = _raw(older)
    applied = [int(r[0]) for r in raw.execute("SELECT version FROM schema_migrations").fetchall()]
    raw.close()
    assert last.version not in applied  # the reader wrote nothing
    proc = cli("migrate", "--db", older)
    assert proc.returncode == 0, proc.stderr
    assert f"applied {last.version:04d}_{last.name}" in proc.stdout
    proc = cli("actors", "--db", older)
    assert proc.returncode == 0 and proc.stdout == "(no rows)\n", proc.stderr


def _stored(cli: Cli, path: Path) -> str:
    url = f"sqlite:///{path}"
    text = path.parent / "a.txt"
    text.write_text("Kenya accused Uganda of moving troops to the border on Wednesday.", encoding="utf-8")
    assert cli("ingest", str(text), "--db", url).returncode == 0
    return url


def test_a_reader_leaves_the_journal_mode_as_it_was(cli: Cli, tmp_path: Path) -> None:
    url = _stored(cli, tmp_path / "w.db")
    raw = sqlite3.connect(tmp_path / "w.db", isolation_level=None)
    raw.execute("PRAGMA journal_mode=DELETE")  # as a copy made with the sqlite3 shell may be
    raw.close()
    before = (tmp_path / "w.db").read_bytes()
    for command in READERS:
        proc = cli(*command, "--db", url)
        assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "w.db").read_bytes() == before
    raw = sqlite3.connect(tmp_path / "w.db")
    assert raw.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    raw.close()


def _immutable(*paths: Path, on: bool) -> None:
    """``chattr +i``: a file nobody may write, root included (tests may run as root, who ignores
    permission bits). Skips where the file system has no such flag."""
    for path in paths:
        done = subprocess.run(["chattr", "+i" if on else "-i", str(path)], capture_output=True, check=False)
        if done.returncode != 0:
            pytest.skip(f"chattr is not available here: {done.stderr.decode().strip()}")


@pytest.mark.parametrize("folder_too", [False, True], ids=["file", "file-and-folder"])
def test_a_database_nobody_may_write_is_readable(cli: Cli, tmp_path: Path, folder_too: bool) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    url = _stored(cli, folder / "w.db")
    open_store(url).close()  # the last writer checkpoints: no -wal or -shm left beside the file
    locked = [folder / "w.db", folder] if folder_too else [folder / "w.db"]
    _immutable(*locked, on=True)
    try:
        proc = cli("actors", "--code", "KEN", "--db", url, "--format", "csv")
        events = cli("events", "--db", url, "--format", "csv")
    finally:
        _immutable(*locked, on=False)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.splitlines()[1].startswith("Kenya,state,KEN")
    assert events.returncode == 0 and "KEN" in events.stdout, events.stderr
