"""Issue 14, items 15 and 16: options the command line used to pass on unchecked.

* 15: ``--db sqlite:///:memory:`` keeps nothing past the command: ``ingest`` refuses it (E424) rather
  than report articles stored; a reader finds no database there (E411).
* 16: ``actors --code %`` (or ``_``) matches the codes holding that character, not every code (LIKE
  wildcards escaped); ``--source $'\\U0010FFFF'`` is E425 (a character no code or name has), not a
  ``ValueError``; ``--limit 99999999999999999999`` is E410, not an ``OverflowError``; ``--limit -1`` is
  E406 on both back-ends (SQLite read it as no limit, PostgreSQL failed with a misleading E418).

The commands run in this process, on SQLite and PostgreSQL (``db_url``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

Cli = Callable[..., CompletedProcess[str]]

TEXT = "Kenya accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said."
LARGE = "99999999999999999999"


def _one_error(proc: CompletedProcess[str], code: str) -> str:
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    assert proc.stderr.startswith(f"whodid: error {code}: ") and proc.stderr.count("\n") == 1
    assert "Traceback" not in proc.stderr
    return proc.stderr


def test_an_in_memory_database_is_refused_by_ingest(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    error = _one_error(cli("ingest", str(path), "--db", "sqlite:///:memory:"), "E424")
    assert "a SQLite database in memory, which ends with the command" in error
    _one_error(cli("events", "--db", "sqlite:///:memory:"), "E411")
    assert not (Path.cwd() / ":memory:").exists()


@pytest.fixture(scope="module")
def stored(cli: Cli, module_db_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """One stored article for the module: its tests only read (every command here fails before it
    would write)."""
    path = tmp_path_factory.mktemp("stored") / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    proc = cli("ingest", str(path), "--db", module_db_url, "--published", "2024-05-08")
    assert proc.returncode == 0, proc.stderr
    return module_db_url


@pytest.mark.parametrize("wildcard", ["%", "_", "K_N", "%EN"])
def test_like_wildcards_in_a_code_are_plain_characters(cli: Cli, stored: str, wildcard: str) -> None:
    proc = cli("actors", "--code", wildcard, "--db", stored)
    assert proc.returncode == 0 and proc.stdout == "(no rows)\n", proc.stderr
    proc = cli("actors", "--code", "KEN", "--db", stored, "--format", "csv")
    assert [line.split(",")[4] for line in proc.stdout.splitlines()[1:]] == ["KEN", "KENGOV"]


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (
            ("events", "--source", "\U0010ffff"),
            "E425",
            "--source '\\U0010ffff' holds U+10FFFF, an unassigned",
        ),
        (("dyad", "KEN", "\U0010ffff"), "E425", "B '\\U0010ffff' holds U+10FFFF"),
        (("actors", "--code", "KEN\x00"), "E425", "holds U+0000, a control character"),
        (("actors", "--limit", LARGE), "E410", f"--limit {LARGE} cannot be used: expected a whole number up"),
        (("events", "--limit", LARGE), "E410", "expected a whole number up to 9,223,372,036,854,775,807"),
        (("export", "--format", "csv", "--cluster", LARGE), "E410", f"--cluster {LARGE} cannot be used"),
        (("actors", "--limit", "-1"), "E406", "--limit must be a positive whole number, got -1"),
        (("events", "--limit", "-1"), "E406", "--limit must be a positive whole number, got -1"),
        (("quotes", "--limit", "0"), "E406", "--limit must be a positive whole number, got 0"),
        (("serve", "--port", LARGE), "E410", "expected a port number from 1 to 65535"),
    ],
    ids=[
        "source",
        "dyad",
        "nul",
        "actors-limit",
        "events-limit",
        "cluster",
        "negative",
        "events-neg",
        "zero",
        "port",
    ],
)
def test_numbers_and_characters_are_checked_before_the_database_is_read(
    cli: Cli, stored: str, args: tuple[str, ...], code: str, says: str
) -> None:
    assert says in _one_error(cli(*args, "--db", stored), code)


def test_ingest_checks_its_numbers_too(cli: Cli, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    _one_error(cli("ingest", str(tmp_path), "--db", f"sqlite:///{db}", "--batch-size", LARGE), "E410")
    _one_error(cli("ingest", str(tmp_path), "--db", f"sqlite:///{db}", "--max-bytes", "0"), "E401")
    assert not db.exists()  # checked before the database is made
