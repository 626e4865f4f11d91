"""Issue 14, a case that was already handled, kept handled: SQL in the value of every filter of every
read command is a value, never SQL. Each is refused with its coded error, or matches nothing; the
database holds afterwards exactly what it held before, and a filter that should match still does.

The commands run in this process, on SQLite and PostgreSQL (``module_db_url``).
"""

from __future__ import annotations

from collections.abc import Callable
from subprocess import CompletedProcess

import pytest

from whodid.store.db import open_store

Cli = Callable[..., CompletedProcess[str]]

TEXT = "Kenya accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said."
PAYLOADS = [
    "x' OR '1'='1",
    "'; DROP TABLE events; --",
    'KEN" OR "1"="1',
    "KEN') OR 1=1 --",
]
TABLES = ("articles", "events", "quotes", "actors", "places")

# (the command and option the value is given to, what whodid answers: "none" = exit 0 and no row,
# or the coded error and its exit status)
FILTERS: list[tuple[tuple[str, ...], str]] = [
    (("events", "--source"), "E420"),
    (("events", "--target"), "E420"),
    (("events", "--actor"), "none"),
    (("events", "--cameo"), "E410"),
    (("events", "--since"), "E410"),
    (("events", "--until"), "E410"),
    (("events", "--modality"), "E410"),
    (("dyad", "KEN"), "E420"),
    (("actors", "--name"), "none"),
    (("actors", "--code"), "none"),
    (("quotes", "--speaker"), "none"),
    (("speakers", "--speaker"), "none"),
    (("speakers", "--country"), "none"),
    (("export", "--format", "csv", "--actor"), "none"),
    (("export", "--format", "csv", "--source"), "E420"),
]


def _counts(db_url: str) -> dict[str, int]:
    with open_store(db_url) as store:
        return {t: store.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}


@pytest.fixture(scope="module")
def stored(
    cli: Cli, module_db_url: str, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, int]]:
    """One stored article for the module, and what the database holds."""
    path = tmp_path_factory.mktemp("stored") / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    proc = cli("ingest", str(path), "--db", module_db_url, "--published", "2024-05-08")
    assert proc.returncode == 0, proc.stderr
    counts = _counts(module_db_url)
    assert counts["events"] >= 1 and counts["actors"] >= 2
    return module_db_url, counts


@pytest.mark.parametrize("payload", PAYLOADS, ids=range(len(PAYLOADS)))
@pytest.mark.parametrize(("args", "answer"), FILTERS, ids=["-".join(a).strip("-") for a, _ in FILTERS])
def test_sql_in_a_filter_is_a_value(
    cli: Cli, stored: tuple[str, dict[str, int]], args: tuple[str, ...], answer: str, payload: str
) -> None:
    db_url, before = stored
    proc = cli(*args, payload, "--db", db_url)
    assert "Traceback" not in proc.stderr
    if answer == "none":
        assert proc.returncode == 0 and proc.stderr == "", proc.stderr
        rows = proc.stdout.splitlines()
        assert rows == ["(no rows)"] or (args[0] == "export" and len(rows) == 1)  # csv: the header alone
    else:
        assert proc.returncode == (1 if answer == "E420" else 2), proc.stderr
        assert proc.stdout == "" and proc.stderr.startswith(f"whodid: error {answer}: ")
    assert _counts(db_url) == before


def test_the_same_filters_still_match_what_they_should(cli: Cli, stored: tuple[str, dict[str, int]]) -> None:
    db_url, _ = stored
    assert cli("events", "--actor", "Kenya", "--db", db_url, "--format", "csv").stdout.count("\n") == 2
    assert cli("events", "--source", "KEN", "--db", db_url, "--format", "csv").stdout.count("\n") == 2
    codes = cli("actors", "--code", "KEN", "--db", db_url, "--format", "csv").stdout
    assert "KEN" in codes and "UGA" not in codes
