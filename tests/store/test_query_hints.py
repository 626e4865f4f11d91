"""Issue 11, problem 6: queries that failed quietly. ``dyad USA SYRR`` matched SYRREB by prefix;
``--source UAS``, ``dyad "United States" Syria`` and ``--cameo 19`` printed ``(no rows)`` and exited 0.
Now a code matches itself and its whole-segment extensions, a country name is read as its code (and
said so), an unknown code or name is an error with the nearest (exit status 1), and a bare root is
the root. On both back-ends, CLI and Python API."""

from __future__ import annotations

import json

import pytest

import whodid
from tests.inprocess import whodid as run
from tests.store.test_query import _event, store_two_actor_article
from whodid.errors import UsageError
from whodid.store.db import Store
from whodid.store.query import EventQuery, dyad, events

EVENTS = [
    _event(1, "USA", "SYRREB", "190", 4, -10.0, "2024-03-04", 0.9),  # the US strikes Syrian rebels
    _event(2, "USA", "SYR", "112", 3, -2.0, "2024-03-05", 0.9),
    _event(3, "SYRREB", "USAMIL", "1951", 4, -10.0, "2024-03-06", 0.9),
    _event(4, "USAGOV", "SYR", "036", 1, 4.0, "2024-04-01", 0.9),
]


def fill_store(s: Store) -> None:
    """The module's article, stored once (``stored`` in tests/store/conftest.py): its tests only read it."""
    store_two_actor_article(
        s, "sha256-00000000000000c1", ("United States", "Syrian rebels"), EVENTS, published="2024-04-02"
    )


def _ids(rows: list[dict[str, object]]) -> list[object]:
    return sorted(r["event_id"] for r in rows)


def test_a_code_matches_whole_segments_only(store: Store) -> None:
    assert _ids(events(store, EventQuery(target="SYR"))) == ["e1", "e2", "e4"]  # SYR, SYRREB
    assert _ids(events(store, EventQuery(target="SYRREB"))) == ["e1"]
    assert _ids(events(store, EventQuery(target="SYRR*"))) == ["e1"]  # an explicit prefix
    with pytest.raises(UsageError, match=r"E419.*'SYRR'.*did you mean SYR or SYRREB\?"):
        events(store, EventQuery(target="SYRR"))
    with pytest.raises(UsageError, match=r"E419.*did you mean USA"):
        dyad(store, "UAS", "SYR")


def test_country_names_are_read_as_codes(store: Store) -> None:
    by_name = dyad(store, "United States", "Syria", by="month")
    assert by_name == dyad(store, "USA", "SYR", by="month")
    assert {r["direction"] for r in by_name} == {"USA->SYR", "SYR->USA"}
    assert _ids(events(store, EventQuery(source="syria"))) == ["e3"]
    with pytest.raises(UsageError, match=r"E420.*'Ruritania' is no country name"):
        events(store, EventQuery(source="Ruritania"))
    with pytest.raises(UsageError, match=r"did you mean Syria \(SYR\)\?"):
        events(store, EventQuery(source="Syira"))


def test_a_bare_root_is_the_root(store: Store) -> None:
    assert _ids(events(store, EventQuery(cameo="19"))) == ["e1", "e3"]  # 190 and 1951
    assert _ids(events(store, EventQuery(cameo="19*"))) == ["e1", "e3"]
    assert _ids(events(store, EventQuery(cameo="190"))) == ["e1"]


def test_the_command_line_says_what_it_did_not_find(store: Store) -> None:
    url = store.url
    store.close()
    proc = run("dyad", "USA", "SYRR", "--db", url)
    assert proc.returncode == 1 and proc.stdout == ""
    assert "E419" in proc.stderr and "did you mean SYR or SYRREB?" in proc.stderr
    proc = run("events", "--source", "UAS", "--db", url)
    assert proc.returncode == 1 and "did you mean USA" in proc.stderr
    proc = run("export", "--format", "csv", "--target", "SYRR", "--db", url)
    assert proc.returncode == 1 and "E419" in proc.stderr and proc.stdout == ""
    proc = run("dyad", "United States", "Syria", "--db", url, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert "United States is USA" in proc.stderr and "Syria is SYR" in proc.stderr
    assert {r["direction"] for r in json.loads(proc.stdout)} == {"USA->SYR", "SYR->USA"}
    proc = run("events", "--cameo", "19", "--db", url, "--format", "json")
    assert proc.returncode == 0 and sorted(r["event_id"] for r in json.loads(proc.stdout)) == ["e1", "e3"]
    proc = run("events", "--source", "Ruritania", "--db", url)
    assert proc.returncode == 1 and "E420" in proc.stderr and "--actor" in proc.stderr


def test_an_unknown_cameo_code_is_said_with_the_nearest(store: Store) -> None:
    for value, hint in (
        ("199", "did you mean 190, 191 or 192?"),
        ("0835", "did you mean 083, 0831 or 0832?"),
        ("999", "CAMEO's roots are 01 to 20"),
        ("21", "CAMEO's roots are 01 to 20"),
        ("99*", "CAMEO's roots are 01 to 20"),
    ):
        with pytest.raises(UsageError, match="E427") as info:
            events(store, EventQuery(cameo=value))
        assert f"no CAMEO event code is {value!r} ({hint}" in info.value.problem
    assert events(store, EventQuery(cameo="2042")) == []  # a code no stored event has: no rows, no error
    url = store.url
    store.close()
    for command in (["events"], ["export", "--format", "gdelt"]):
        proc = run(*command, "--cameo", "999", "--db", url)
        assert (proc.returncode, proc.stdout) == (1, "")
        assert proc.stderr.startswith("whodid: error E427: no CAMEO event code is '999' (CAMEO's roots")
    proc = run("events", "--cameo", "2042", "--db", url)
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, "(no rows)\n", "")
    with whodid.open(url) as db, pytest.raises(UsageError, match="E427"):
        db.events(cameo="1999")


def test_the_python_api_reads_names_too(store: Store) -> None:
    url = store.url
    store.close()
    with whodid.open(url) as db:
        assert sorted(db.events(source="United States")["event_id"]) == ["e1", "e2", "e4"]
        assert db.dyad("USA", "Syria")["events"].sum() == 4
        with pytest.raises(UsageError, match="E419"):
            db.dyad("USA", "SYRR")
