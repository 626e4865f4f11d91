"""Where events happened, as the store keeps it (issue 11): each located event's precision and rule
stored (migration 0006, filled for events stored before it), given by ``db.events()`` and the csv
export, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

import pytest

from whodid.api import Database
from whodid.evaluate.base import empty_prediction
from whodid.store.db import Store, open_store
from whodid.store.export import export

AID = "sha256-00000000000000c1"


def _place(name: str, country: str, lat: float, lon: float, feature: str) -> dict[str, Any]:
    return {"name": name, "country": country, "lat": lat, "lon": lon, "feature": feature}


# (event id, actor country, location, precision, rule); the places are real, the events invented
LOCATED: list[tuple[str, str, dict[str, Any] | None, str | None, str | None]] = [
    ("e1", "SYR", _place("Syria", "SYR", 35.0, 38.0, "country"), "country", "clause:part-of"),
    ("e2", "USA", _place("Texas", "USA", 31.25, -99.25, "region"), "region", "sentence"),
    ("e3", "USA", _place("Boston", "USA", 42.36, -71.06, "city"), "city", "clause"),
    ("e4", "NGA", _place("Lagos", "NGA", 6.45, 3.39, "city"), "city", "dateline"),
    ("e5", "NGA", _place("Kano", "NGA", 11.5, 8.5, "region"), "region", "clause:near"),
    ("e6", "KEN", None, None, None),  # the text does not place it
]


def _event(
    eid: str, country: str, location: dict[str, Any] | None, precision: str | None, rule: str | None
) -> dict[str, Any]:
    place = (
        None
        if location is None
        else {**location, "text": location["name"], "precision": precision, "rule": rule}
    )
    side = {"actor": "a1", "country": country, "code": f"{country}GOV", "text": "officials"}
    return {
        "id": eid,
        "source": side,
        "target": {**side, "code": f"{country}CVL", "actor": "a2", "text": "residents"},
        "cameo": "042",
        "plover": "CONSULT",
        "quad_class": 1,
        "goldstein": 1.9,
        "date": "2024-03-04",
        "date_precision": "day",
        "date_source": "text",
        "location": place,
        "modality": "asserted",
        "background": False,
        "sentence": {"index": 0, "start": 0, "end": 10},
        "evidence": {"start": 0, "end": 5, "text": "visit"},
        "rule": "verb:visit",
        "confidence": 0.9,
    }


def _record() -> dict[str, Any]:
    record = empty_prediction(AID)
    record["article"]["published"] = "2024-03-05"
    record["events"] = [_event(*row) for row in LOCATED]
    record["places"] = [
        {"text": loc["name"], "start": 0, "end": 5, **loc, "geonameid": None}
        for _, _, loc, _, _ in LOCATED
        if loc is not None
    ]
    return record


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    s.add([(_record(), "Officials visited residents.", "test", None)])
    with s:
        yield s


EXPECTED = {eid: (precision, rule) for eid, _, _, precision, rule in LOCATED}


def test_precision_and_rule_are_stored_and_given_back(store: Store) -> None:
    frame = Database(store).events()
    frame = frame.astype(object).where(frame.notna(), None)  # no location: NaN in pandas, None here
    got = {r.event_id: (r.location_precision, r.location_rule) for r in frame.itertuples()}
    assert got == EXPECTED
    out = io.StringIO()
    export(store, "csv", out=out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert {r["event_id"]: (r["location_precision"] or None, r["location_rule"] or None) for r in rows} == (
        EXPECTED
    )


def test_migration_6_fills_events_stored_before_it(store: Store) -> None:
    conn = store.conn
    with conn.transaction(exclusive=True):  # the database as whodid left it before migration 0006
        conn.execute("ALTER TABLE events DROP COLUMN location_precision")
        conn.execute("ALTER TABLE events DROP COLUMN location_rule")
        conn.execute("DELETE FROM schema_migrations WHERE version = 6")
    assert [m.version for m in store.migrate()] == [6]
    stored = conn.execute("SELECT event_id, location_precision, location_rule FROM events").fetchall()
    assert {str(eid): (p, r) for eid, p, r in stored} == EXPECTED
