"""Where events happened, as the store keeps it (issue 11): each located event's precision and rule
stored (migration 0006, filled for events stored before it), given by ``db.events()`` and the csv
export, and GDELT's geo types taken from that precision; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from whodid.api import Database
from whodid.evaluate.base import empty_prediction
from whodid.record import ArticleRecord
from whodid.store.db import Store, open_store
from whodid.store.export import event_number, export
from whodid.store.gdelt import GDELT_COLUMNS

AID = "sha256-00000000000000c1"


def _place(name: str, country: str | None, lat: float, lon: float, feature: str) -> dict[str, Any]:
    return {"name": name, "country": country, "lat": lat, "lon": lon, "feature": feature}


# (event id, actor country, location, precision, rule); the places are real, the events invented
LOCATED: list[tuple[str, str, dict[str, Any] | None, str | None, str | None]] = [
    ("e1", "SYR", _place("Syria", "SYR", 35.0, 38.0, "country"), "country", "clause:part-of"),
    ("e2", "USA", _place("Texas", "USA", 31.25, -99.25, "region"), "region", "sentence"),
    ("e3", "USA", _place("Boston", "USA", 42.36, -71.06, "city"), "city", "clause"),
    ("e4", "NGA", _place("Lagos", "NGA", 6.45, 3.39, "city"), "city", "dateline"),
    ("e5", "NGA", _place("Kano", "NGA", 11.5, 8.5, "region"), "region", "clause:near"),
    ("e6", "KEN", None, None, None),  # the text does not place it
    ("e7", "IRQ", _place("Basra", "IRQ", 30.5, 47.8, "city"), None, None),  # coded before precision
    ("e8", "EGY", _place("Red Sea", None, 20.0, 38.0, "water"), "region", "clause"),
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
    s.add([(ArticleRecord.from_dict(_record()), "Officials visited residents.", "test", None)])
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


def test_gdelt_geo_types_come_from_the_stored_precision(store: Store, tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "20240305.export.CSV"
    export(store, "gdelt", path=path)
    gdelt = pd.read_csv(path, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype={"EventCode": str})
    for column in ("ActionGeo_Type", "Actor1Geo_Type", "Actor2Geo_Type"):
        assert pd.api.types.is_integer_dtype(gdelt[column]), column
    rows = gdelt.set_index("GLOBALEVENTID")

    def geo(eid: str, prefix: str) -> tuple[Any, ...]:
        row = rows.loc[event_number(AID, eid)]
        return tuple(row[f"{prefix}_{c}"] for c in ("Type", "FullName", "CountryCode"))

    # 1 country, 2 US state, 3 US city, 4 world city, 5 world state; 0 no location, or a sea
    assert geo("e1", "ActionGeo") == (1, "Syria", "SY")
    assert geo("e2", "ActionGeo") == (2, "Texas, United States", "US")
    assert geo("e3", "ActionGeo") == (3, "Boston, United States", "US")
    assert geo("e4", "ActionGeo") == (4, "Lagos, Nigeria", "NI")
    assert geo("e5", "ActionGeo") == (5, "Kano, Nigeria", "NI")
    assert geo("e6", "ActionGeo")[0] == 0
    assert geo("e7", "ActionGeo") == (4, "Basra, Iraq", "IZ")  # no stored precision: the place's feature
    assert geo("e8", "ActionGeo")[0] == 0
    # an actor acting in a city or region of its own country is placed there, else at its country
    assert geo("e2", "Actor1Geo") == geo("e2", "Actor2Geo") == (2, "Texas, United States", "US")
    assert geo("e5", "Actor1Geo") == (5, "Kano, Nigeria", "NI")
    assert geo("e1", "Actor1Geo") == (1, "Syria", "SY")
    assert geo("e6", "Actor1Geo") == (1, "Kenya", "KE")
