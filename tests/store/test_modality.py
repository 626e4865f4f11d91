"""Issue 11, problem 1: events that did not happen are not counted. Every count and export row holds
asserted events unless ``--modality`` (``modality=``) opts in; background events count at their own
date unless ``--no-include-background`` leaves them out. On both back-ends, CLI and Python API."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

import whodid
from tests.inprocess import whodid as run
from tests.store.test_query import _event, store_two_actor_article
from whodid.errors import UsageError
from whodid.store.db import Store
from whodid.store.query import MODALITIES, EventQuery, dyad, dyad_undated, events


def _with(ev: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**ev, **fields}


# "The United States attacked / did not attack / will attack / may attack / called off an attack on
# Russian forces", and an attack of 2015 the story recalls
EVENTS = [
    _event(1, "USA", "RUSMIL", "190", 4, -10.0, "2024-03-04", 0.9),
    _with(_event(2, "USA", "RUSMIL", "190", 4, -10.0, "2024-03-05", 0.9), modality="negated"),
    _with(_event(3, "USA", "RUSMIL", "190", 4, -10.0, "2024-03-06", 0.9), modality="future"),
    _with(_event(4, "USA", "RUSMIL", "190", 4, -10.0, "2024-03-07", 0.9), modality="hypothetical"),
    _with(_event(5, "USA", "RUSMIL", "190", 4, -10.0, "2024-03-08", 0.9), modality="cancelled"),
    _with(_event(6, "USA", "RUSMIL", "190", 4, -10.0, "2015-06", 0.9), background=True),
]


def fill_store(s: Store) -> None:
    """The module's article, stored once (``stored`` in tests/store/conftest.py): its tests only read it."""
    store_two_actor_article(
        s,
        "sha256-00000000000000d1",
        ("United States", "Russian forces"),
        EVENTS,
        published="2024-03-09",
        url="https://example.org/d",
        given_id="given-d1",
    )


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(r["event_id"] for r in rows)


def test_the_record_modalities_are_all_filterable() -> None:
    assert set(MODALITIES) == {"asserted", "future", "hypothetical", "negated", "cancelled"}


def test_only_asserted_events_are_counted_by_default(store: Store) -> None:
    month = dyad(store, "USA", "RUS", by="month")
    assert [(r["period"], r["material_conflict"]) for r in month] == [("2015-06", 1), ("2024-03", 1)]
    assert dyad_undated(store, "USA", "RUS", by="month") == 0
    assert ids(events(store, EventQuery())) == ["e1", "e6"]  # e6: background, at its own date (2015)
    by_year = {r["period"]: r["events"] for r in dyad(store, "USA", "RUS", by="year")}
    assert by_year == {"2015": 1, "2024": 1}


def test_modality_opts_in(store: Store) -> None:
    assert ids(events(store, EventQuery(modality="all"))) == [f"e{k}" for k in range(1, 7)]
    assert ids(events(store, EventQuery(modality="negated,cancelled"))) == ["e2", "e5"]
    assert ids(events(store, EventQuery(modality=["future", "hypothetical"]))) == ["e3", "e4"]
    rows = dyad(store, "USA", "RUS", by="month", modality="all")
    assert {r["period"]: r["events"] for r in rows} == {"2015-06": 1, "2024-03": 5}
    assert sum(r["events"] for r in dyad(store, "USA", "RUS", by="month", modality="asserted,future")) == 3
    with pytest.raises(UsageError, match="asserted, future, hypothetical, negated, cancelled"):
        events(store, EventQuery(modality="denied"))
    with pytest.raises(UsageError):
        dyad(store, "USA", "RUS", modality="maybe")


def test_background_can_be_left_out(store: Store) -> None:
    assert ids(events(store, EventQuery(include_background=False))) == ["e1"]
    rows = dyad(store, "USA", "RUS", by="year", include_background=False)
    assert [r["period"] for r in rows] == ["2024"]
    all_but_background = EventQuery(modality="all", include_background=False)
    assert ids(events(store, all_but_background)) == ["e1", "e2", "e3", "e4", "e5"]


def test_the_command_line(store: Store, tmp_path: Path) -> None:
    url = store.url
    store.close()
    proc = run("dyad", "USA", "RUS", "--db", url, "--format", "json", "--no-fill")
    assert [(r["period"], r["events"]) for r in json.loads(proc.stdout)] == [("2015-06", 1), ("2024-03", 1)]
    proc = run("dyad", "USA", "RUS", "--db", url, "--format", "json", "--modality", "all", "--no-fill")
    assert [r["events"] for r in json.loads(proc.stdout)] == [1, 5]
    proc = run("dyad", "USA", "RUS", "--db", url, "--format", "json", "--no-include-background")
    assert [(r["direction"], r["events"]) for r in json.loads(proc.stdout)] == [
        ("RUS->USA", 0),
        ("USA->RUS", 1),
    ]
    proc = run("events", "--db", url, "--format", "json", "--modality", "negated")
    assert [r["event_id"] for r in json.loads(proc.stdout)] == ["e2"]
    proc = run("export", "--format", "csv", "--db", url)
    assert sorted(r["event_id"] for r in csv.DictReader(io.StringIO(proc.stdout))) == ["e1", "e6"]
    proc = run("export", "--format", "csv", "--db", url, "--modality", "all", "--no-include-background")
    assert sorted(r["modality"] for r in csv.DictReader(io.StringIO(proc.stdout))) == sorted(
        ["asserted", "negated", "future", "hypothetical", "cancelled"]
    )
    proc = run("events", "--db", url, "--modality", "denied")
    assert proc.returncode == 2 and "E410" in proc.stderr and "hypothetical" in proc.stderr
    proc = run(
        "export", "--format", "csv", "--db", url, "--modality", "nope", "--output", str(tmp_path / "x")
    )
    assert proc.returncode == 2 and not (tmp_path / "x").exists()
    assert (
        "--modality" in run("events", "--help").stdout
        and "--include-background" in run("dyad", "--help").stdout
    )


def test_the_python_api(store: Store, tmp_path: Path) -> None:
    url = store.url
    store.close()
    with whodid.open(url) as db:
        assert sorted(db.events()["event_id"]) == ["e1", "e6"]
        assert sorted(db.events(modality="negated")["event_id"]) == ["e2"]
        assert len(db.events(modality="all")) == 6
        assert db.dyad("USA", "RUS", by="year")["events"].sum() == 2
        assert db.dyad("USA", "RUS", by="year", modality="all", include_background=False)["events"].sum() == 5
        assert db.export("csv", tmp_path / "a.csv", header=False).rows == 2
        assert db.export("csv", tmp_path / "b.csv", modality="all").rows == 6
