"""Issue 14: a writer (``ingest``, ``migrate``) given a database another program made (tables, none of
whodid's) refuses it with E428 and leaves it as it was, byte for byte on SQLite (no whodid table, no
switch to WAL), instead of adding its tables beside the others. ``--force`` adds them, the other
program's rows untouched. A new file, or one that is empty, is still simply made a whodid database.

The commands run in this process, on SQLite and PostgreSQL (``db_url``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from tests.robustness.test_readers import _raw, _tables
from whodid.errors import Errors
from whodid.store.db import TABLES, connect

Cli = Callable[..., CompletedProcess[str]]
ARTICLE = "Chile condemned the attack on the embassy in Lima on Monday."


def _another_programs(url: str) -> bytes:
    """Give ``url`` a table of another program's, with a row; the SQLite file's bytes (or b"")."""
    raw = _raw(url)
    raw.execute("CREATE TABLE notes (id INTEGER, body TEXT)")
    raw.execute("INSERT INTO notes VALUES (1, 'theirs')")
    raw.close()
    return Path(url.removeprefix("sqlite:///")).read_bytes() if url.startswith("sqlite") else b""


def _notes(url: str) -> list[tuple[int, str]]:
    raw = _raw(url)
    rows = [(int(r[0]), str(r[1])) for r in raw.execute("SELECT id, body FROM notes").fetchall()]
    raw.close()
    return rows


@pytest.mark.parametrize("command", ["ingest", "migrate"])
def test_a_writer_refuses_another_programs_database_and_leaves_it_as_it_was(
    cli: Cli, db_url: str, tmp_path: Path, command: str
) -> None:
    before = _another_programs(db_url)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    args = ("ingest", str(article)) if command == "ingest" else ("migrate",)
    proc = cli(*args, "--db", db_url)
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    assert proc.stderr.startswith("whodid: error E428: ") and proc.stderr.count("\n") == 1
    assert "holds another program's tables (notes) and none of whodid's" in proc.stderr
    assert "a new SQLite file" in proc.stderr and "with --force" in proc.stderr
    assert _tables(db_url) == ["notes"]  # no whodid table added
    if db_url.startswith("sqlite"):
        path = Path(db_url.removeprefix("sqlite:///"))
        assert path.read_bytes() == before  # not a byte written: the journal mode as it was
        assert not path.with_name(path.name + "-wal").exists()


def test_force_adds_whodids_tables_beside_the_other_programs(cli: Cli, db_url: str, tmp_path: Path) -> None:
    _another_programs(db_url)
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    proc = cli("ingest", str(article), "--db", db_url, "--force", "--published", "2024-05-07")
    assert proc.returncode == 0, proc.stderr
    assert set(TABLES) | {"notes", "schema_migrations"} <= set(_tables(db_url))
    assert _notes(db_url) == [(1, "theirs")]
    again = cli("ingest", str(article), "--db", db_url)  # whodid's now: no --force needed
    assert again.returncode == 0, again.stderr
    assert cli("events", "--db", db_url).returncode == 0


def test_a_new_or_empty_sqlite_file_is_still_made_a_whodid_database(cli: Cli, tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.touch()
    without_tables = tmp_path / "no-tables.db"
    sqlite3.connect(without_tables).execute("PRAGMA user_version = 1").connection.close()
    for path in (tmp_path / "new.db", empty, without_tables):
        proc = cli("migrate", "--db", f"sqlite:///{path}")
        assert proc.returncode == 0, proc.stderr
        assert "schema_migrations" in _tables(f"sqlite:///{path}")


def test_a_database_another_whodid_process_began_to_migrate_is_not_foreign(db_url: str) -> None:
    # two writers open a new database at once: the second looks (no schema_migrations), the first
    # makes schema_migrations, the second then lists the tables to refuse another program's: it must
    # find whodid's own table there and go on, not stop with E428 (the race, made deterministic)
    raw = _raw(db_url)
    raw.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT, whodid_version TEXT)"
    )
    raw.close()
    store = connect(db_url)
    try:
        store._refuse_foreign(Errors.E428)  # the check migrate() makes when it saw no schema_migrations
        assert store.migrate()  # and the migrations then apply
    finally:
        store.close()
    assert set(TABLES) <= set(_tables(db_url))
