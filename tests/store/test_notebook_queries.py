"""Issue 11, problems 9 and 10, as an analyst in a notebook meets them: ``db.events()`` lacked the
actors' countries, the location, the publication date, background, modality and confidence; dyad
tables left empty periods out; there was no network export; ``whodid events`` promised the sentence
and rule but showed neither; event ids sorted e1, e10, e11. On both back-ends."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import whodid
from tests.inprocess import whodid as run
from tests.store.test_query import TEXT, _event
from whodid.evaluate.base import empty_prediction
from whodid.record import ArticleRecord
from whodid.store.db import Store
from whodid.store.export import MENTION_COLUMNS, export
from whodid.store.query import dyad

DAMASCUS = {"name": "Damascus", "country": "SYR", "lat": 33.51, "lon": 36.29, "feature": "city"}


def _numbered(k: int, date: str) -> dict[str, object]:
    event = _event(k, "USA", "SYR", "112", 3, -2.0, date, 0.9)
    event["location"] = DAMASCUS if k == 1 else None
    return event


def fill_store(s: Store) -> None:
    """The module's article, stored once (``stored`` in tests/store/conftest.py): its tests only read it."""
    rec = empty_prediction("sha256-00000000000000e1")
    rec["article"].update({"published": "2024-06-30", "url": "https://example.org/e", "source": "Wire"})
    rec["actors"] = [
        {
            "id": a,
            "name": name,
            "kind": "state",
            "country": code,
            "code": code,
            "mentions": [{"start": 0, "end": 0}],
        }
        for a, name, code in (("a1", "United States", "USA"), ("a2", "Syria", "SYR"))
    ]
    # eleven accusations on one March day (ids e1..e11), one in June, nothing in April and May; a
    # month-precise future one (e13) and one without a source code (e14: no edge)
    rec["events"] = [_numbered(k, "2024-03-05") for k in range(1, 12)]
    rec["events"] += [_numbered(12, "2024-06-02"), _numbered(13, "2024-06"), _numbered(14, "2024-06-03")]
    rec["events"][12]["modality"] = "future"
    rec["events"][13]["source"]["code"] = None
    s.add([(ArticleRecord.from_dict(rec), TEXT, "test", None)])


def test_db_events_has_every_csv_column_typed(store: Store) -> None:
    import pandas as pd

    url = store.url
    store.close()
    with whodid.open(url) as db:
        frame = db.events()
        everything = db.events(modality="all")
    assert set(MENTION_COLUMNS) <= set(frame.columns)
    for column in ("source_country", "target_country", "location_name", "lat", "lon", "published"):
        assert column in frame.columns
    assert {"background", "modality", "confidence", "sentence", "source_name", "day"} <= set(frame.columns)
    assert pd.api.types.is_datetime64_any_dtype(frame["published"]) and not frame["published"].isna().any()
    assert pd.api.types.is_datetime64_any_dtype(frame["day"])
    assert pd.api.types.is_bool_dtype(frame["background"]) and pd.api.types.is_float_dtype(
        frame["confidence"]
    )
    assert pd.api.types.is_integer_dtype(frame["quad_class"]) and pd.api.types.is_float_dtype(frame["lat"])
    first = frame[frame["event_id"] == "e1"].iloc[0]
    assert (first["location_name"], first["lat"], first["source_country"]) == ("Damascus", 33.51, "USA")
    assert first["published"] == pd.Timestamp("2024-06-30") and first["day"] == pd.Timestamp("2024-03-05")
    month = everything[everything["event_id"] == "e13"].iloc[0]
    assert month["date"] == "2024-06" and pd.isna(month["day"])  # month-precise: no day invented
    assert "e13" not in set(frame["event_id"]) and month["modality"] == "future"


def test_event_ids_sort_as_numbers(store: Store) -> None:
    url = store.url
    store.close()
    proc = run("events", "--db", url, "--format", "json", "--since", "2024-03", "--until", "2024-03")
    assert [r["event_id"] for r in json.loads(proc.stdout)] == [f"e{k}" for k in range(1, 12)]
    with whodid.open(url) as db:
        march = db.events(until="2024-03")
    assert march["event_id"].tolist() == [f"e{k}" for k in range(1, 12)]  # not e1, e10, e11, e2


def test_the_events_table_shows_the_rule_and_the_sentence(store: Store) -> None:
    url = store.url
    store.close()
    proc = run("events", "--db", url, "--limit", "1")
    header = proc.stdout.splitlines()[0].split()
    assert header[-2:] == ["rule", "sentence"] and "test" in proc.stdout.splitlines()[1]


def test_dyad_periods_without_events_are_zero(store: Store) -> None:
    rows = dyad(store, "USA", "SYR", by="month", fill=True)
    assert [(r["period"], r["direction"], r["events"]) for r in rows] == [
        ("2024-03", "SYR->USA", 0),
        ("2024-03", "USA->SYR", 11),
        ("2024-04", "SYR->USA", 0),
        ("2024-04", "USA->SYR", 0),
        ("2024-05", "SYR->USA", 0),
        ("2024-05", "USA->SYR", 0),
        ("2024-06", "SYR->USA", 0),
        ("2024-06", "USA->SYR", 1),
    ]
    assert rows[2]["goldstein_mean"] is None and rows[2]["net_cooperation"] == 0
    assert [r["period"] for r in dyad(store, "USA", "SYR", by="month")] == [
        "2024-03",
        "2024-06",
    ]  # fill=False
    window = dyad(store, "USA", "SYR", by="month", fill=True, since="2024-02", until="2024-07")
    assert sorted({r["period"] for r in window}) == [f"2024-0{m}" for m in range(2, 8)]
    weeks = dyad(store, "USA", "SYR", by="week", fill=True)
    assert len({r["period"] for r in weeks}) == 13  # 2024-W10 .. 2024-W22
    volume = dyad(store, "USA", "SYR", by="month", fill=True, normalize=True)
    assert [r["articles"] for r in volume][:4] == [0, 0, 0, 0]


def test_dyad_command_fills_by_default(store: Store) -> None:
    url = store.url
    store.close()
    proc = run("dyad", "USA", "SYR", "--db", url, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["period"] for r in rows if r["direction"] == "USA->SYR"] == [
        "2024-03",
        "2024-04",
        "2024-05",
        "2024-06",
    ]
    proc = run("dyad", "USA", "SYR", "--db", url, "--format", "json", "--no-fill")
    assert len(json.loads(proc.stdout)) == 2
    with whodid.open(url) as db:
        assert len(db.dyad("USA", "SYR")) == 8 and len(db.dyad("USA", "SYR", fill=False)) == 2


def test_network_export(store: Store, tmp_path: Path) -> None:
    import pandas as pd

    out = io.StringIO()
    done = export(store, "edges", out=out)
    assert (done.rows, done.left_out) == (1, 1)  # one edge; e14 has no source code
    edges = pd.read_csv(io.StringIO(out.getvalue()))
    assert edges.to_dict("records") == [
        {
            "source": "USA",
            "target": "SYR",
            "events": 12,
            "verbal_coop": 0,
            "material_coop": 0,
            "verbal_conflict": 12,
            "material_conflict": 0,
            "goldstein_sum": -24.0,
            "goldstein_mean": -2.0,
        }
    ]
    url = store.url
    store.close()
    path = tmp_path / "net.graphml"
    proc = run("export", "--format", "graphml", "--output", str(path), "--db", url, "--modality", "all")
    assert proc.returncode == 0, proc.stderr
    assert "left out 1 matching event mention: they have no source or no target actor code" in proc.stderr
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    graph = ET.parse(path).getroot().find("g:graph", ns)
    assert graph is not None and graph.get("edgedefault") == "directed"
    nodes = {n.get("id"): {d.get("key"): d.text for d in n} for n in graph.findall("g:node", ns)}
    assert nodes == {
        "SYR": {"name": "Syria", "country": "SYR"},
        "USA": {"name": "United States", "country": "USA"},
    }
    (edge,) = graph.findall("g:edge", ns)
    data = {d.get("key"): d.text for d in edge}
    assert (edge.get("source"), edge.get("target"), data["events"], data["verbal_conflict"]) == (
        "USA",
        "SYR",
        "13",  # with --modality all, the future e13 too
        "13",
    )
