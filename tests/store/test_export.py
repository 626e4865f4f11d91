"""``whodid export``: GDELT and ICEWS column sets, PLOVER JSONL, csv and Parquet from a real store."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import whodid
from whodid import open as whodid_open
from whodid.errors import UsageError
from whodid.evaluate.base import empty_prediction
from whodid.ontology import Ontology
from whodid.pipeline import Pipeline
from whodid.record import ArticleRecord
from whodid.store.db import Coded, Store, open_store
from whodid.store.export import event_number, export
from whodid.store.ingest import ingest
from whodid.store.query import EventQuery

# The GDELT 2.0 Event table, in the codebook's order (names as in GDELT's header file and BigQuery).
GDELT_CODEBOOK = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
]  # fmt: skip
ICEWS_DOCUMENTED = [
    "Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text", "CAMEO Code",
    "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID", "Sentence Number",
    "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude",
]  # fmt: skip

TEXT_A = "Norwegian soldiers shelled a German base near Hamburg. Oslo praised Berlin later."
TEXT_B = "Norwegian troops fought German units. Norway accused Germany."


def _event(
    eid: str, src: tuple[str, str], tgt: tuple[str, str], cameo: str, date: str | None, **kw: Any
) -> dict:
    code = Ontology.load().get(cameo)
    sentence = kw.get("sentence", (0, 0, 40))
    return {
        "id": eid,
        "source": {
            "actor": src[0],
            "country": src[1][:3],
            "code": src[1],
            "text": kw.get("stext", "Norwegian"),
        },
        "target": {"actor": tgt[0], "country": tgt[1][:3], "code": tgt[1], "text": "German"},
        "cameo": cameo,
        "plover": code.plover,
        "quad_class": code.quad_class,
        "goldstein": code.goldstein,
        "date": date,
        "date_precision": {None: "unknown", 4: "year", 7: "month", 10: "day"}[len(date) if date else None],
        "date_source": "text",
        "location": kw.get("location"),
        "modality": "asserted",
        "background": False,
        "sentence": {"index": sentence[0], "start": sentence[1], "end": sentence[2]},
        "evidence": {"start": 19, "end": 26, "text": "shelled"},
        "rule": "test",
        "confidence": kw.get("confidence", 0.8),
    }


HAMBURG = {"name": "Hamburg", "country": "DEU", "lat": 53.55, "lon": 10.0, "feature": "city"}
GERMANY = {"name": "Germany", "country": "DEU", "lat": 51.5, "lon": 10.5, "feature": "country"}


def _records() -> list[tuple[dict[str, Any], str, str, str | None]]:
    a = empty_prediction("sha256-00000000000000a1")
    a["article"].update({"published": "2024-03-05", "url": "https://news.example/a", "source": "Fjord Post"})
    a["actors"] = [
        {"id": "a1", "name": "Norwegian army", "kind": "organization", "country": "NOR", "sector": "MIL",
         "code": "NORMIL", "mentions": [{"start": 0, "end": 0}]},
        {"id": "a2", "name": "German army", "kind": "organization", "country": "DEU", "sector": "MIL",
         "code": "DEUMIL", "mentions": [{"start": 0, "end": 0}]},
        {"id": "a3", "name": "Norway", "kind": "state", "country": "NOR", "code": "NOR",
         "mentions": [{"start": 0, "end": 0}]},
        {"id": "a4", "name": "Germany", "kind": "state", "country": "DEU", "code": "DEU",
         "mentions": [{"start": 0, "end": 0}]},
    ]  # fmt: skip
    a["places"] = [{"text": "Hamburg", "start": 46, "end": 53, **HAMBURG, "geonameid": 2911298}]
    a["events"] = [
        _event(
            "e1", ("a1", "NORMIL"), ("a2", "DEUMIL"), "190", "2024-03-04", location=HAMBURG, confidence=0.9
        ),
        _event("e2", ("a3", "NOR"), ("a4", "DEU"), "0331", "2024-03", sentence=(1, 55, 81), stext="Oslo"),
    ]
    b = empty_prediction("sha256-00000000000000b2")
    b["article"].update({"published": "2024-03-06", "url": "https://other.example/b", "source": "Elbe Daily"})
    b["actors"] = a["actors"]
    b["events"] = [
        _event(
            "e1", ("a1", "NORMIL"), ("a2", "DEUMIL"), "193", "2024-03-05", location=HAMBURG, confidence=0.7
        ),
        _event("e2", ("a3", "NOR"), ("a4", "DEU"), "112", None, sentence=(1, 38, 62), location=GERMANY),
    ]
    b["places"] = [{"text": "Germany", "start": 53, "end": 60, **GERMANY, "geonameid": 2921044}]
    return [(a, TEXT_A, "test", "given-a"), (b, TEXT_B, "test", None)]


def _typed(rows: list[tuple[dict[str, Any], str, str, str | None]]) -> list[Coded]:
    return [(ArticleRecord.from_dict(record), text, origin, given) for record, text, origin, given in rows]


def fill_store(s: Store) -> None:
    """The records stored once for the module (``stored`` in tests/store/conftest.py)."""
    s.add(_typed(_records()))


def _tsv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def _export(store: Store, fmt: str, q: EventQuery | None = None, **kw: Any) -> str:
    out = io.StringIO()
    export(store, fmt, q, out=out, **kw)
    return out.getvalue()


def test_gdelt_header_is_the_codebook_list(store: Store) -> None:
    text = _export(store, "gdelt", header=True)
    lines = text.splitlines()
    assert lines[0].split("\t") == GDELT_CODEBOOK and len(GDELT_CODEBOOK) == 61
    assert len(lines) == 5 and all(len(line.split("\t")) == 61 for line in lines)
    bare = _export(store, "gdelt").splitlines()
    assert bare == lines[1:]  # by default none: GDELT's own files have no header line
    assert _export(store, "icews").startswith("Event ID\t")  # ICEWS's files and csv have one
    assert _export(store, "csv").startswith("article_id,")


def test_gdelt_values_land_in_their_columns(store: Store) -> None:
    rows = {r["GLOBALEVENTID"]: r for r in _tsv(_export(store, "gdelt", header=True))}
    shell = rows[str(event_number("sha256-00000000000000a1", "e1"))]
    assert (shell["SQLDATE"], shell["MonthYear"], shell["Year"]) == ("20240304", "202403", "2024")
    assert shell["FractionDate"] == str(round(2024 + (3 * 30 + 4) / 365, 4))
    assert (shell["EventCode"], shell["EventBaseCode"], shell["EventRootCode"]) == ("190", "190", "19")
    assert (shell["QuadClass"], float(shell["GoldsteinScale"])) == ("4", -10.0)
    assert (shell["Actor1Code"], shell["Actor1Name"], shell["Actor1CountryCode"]) == (
        "NORMIL",
        "NORWEGIAN ARMY",
        "NOR",
    )
    assert (shell["Actor1Type1Code"], shell["Actor2Code"], shell["Actor2Type1Code"]) == (
        "MIL",
        "DEUMIL",
        "MIL",
    )
    assert shell["SOURCEURL"] == "https://news.example/a" and shell["IsRootEvent"] == "1"
    # the two shelling reports are one cluster: two mentions, two stories, two publishers
    assert (shell["NumMentions"], shell["NumArticles"], shell["NumSources"]) == ("2", "2", "2")
    # ActionGeo: a city outside the US (type 4), its country in FIPS 10-4 (Germany is GM, not ISO's DE)
    assert (shell["ActionGeo_Type"], shell["ActionGeo_CountryCode"]) == ("4", "GM")
    assert shell["ActionGeo_FullName"] == "Hamburg, Germany" and float(shell["ActionGeo_Lat"]) == 53.55
    assert shell["ActionGeo_FeatureID"] == "2911298"
    assert shell["AvgTone"] == "" and shell["DATEADDED"] == ""
    # Actor1Geo: the Norwegian army's country (the event lies outside it); Actor2Geo: the German army's
    # own country holds the event, so its place
    assert [shell[f"Actor1Geo_{c}"] for c in ("Type", "FullName", "CountryCode")] == ["1", "Norway", "NO"]
    assert [shell[f"Actor2Geo_{c}"] for c in ("Type", "FullName", "FeatureID")] == [
        "4",
        "Hamburg, Germany",
        "2911298",
    ]
    aid = rows[str(event_number("sha256-00000000000000a1", "e2"))]
    # month-precise: GDELT's day is the publication day
    assert (aid["SQLDATE"], aid["MonthYear"], aid["Year"]) == ("20240305", "202403", "2024")
    assert (aid["EventCode"], aid["EventBaseCode"], aid["EventRootCode"]) == ("0331", "033", "03")
    assert aid["NumMentions"] == "1" and aid["IsRootEvent"] == "0" and aid["ActionGeo_Type"] == "0"
    undated = rows[str(event_number("sha256-00000000000000b2", "e2"))]
    assert (undated["SQLDATE"], undated["Year"], undated["SOURCEURL"]) == (
        "20240306",
        "2024",
        "https://other.example/b",
    )
    # a country-level location: type 1, the FIPS code as country, ADM1 and feature id (GDELT's convention)
    geo = [undated[f"ActionGeo_{c}"] for c in ("Type", "FullName", "CountryCode", "ADM1Code", "FeatureID")]
    assert geo == ["1", "Germany", "GM", "GM", "GM"]
    assert len({int(k) for k in rows}) == 4 and all(0 < int(k) < 2**63 for k in rows)


def test_icews_header_and_values(store: Store) -> None:
    text = _export(store, "icews")
    assert text.splitlines()[0].split("\t") == ICEWS_DOCUMENTED
    rows = {r["Event ID"]: r for r in _tsv(text)}
    shell = rows[str(event_number("sha256-00000000000000a1", "e1"))]
    assert (shell["Event Date"], shell["CAMEO Code"], float(shell["Intensity"])) == (
        "2024-03-04",
        "190",
        -10.0,
    )
    assert shell["Event Text"] == Ontology.load().get("190").name
    assert (shell["Source Name"], shell["Source Sectors"], shell["Source Country"]) == (
        "Norwegian army",
        "Military,Government",  # ICEWS's sector names
        "Norway",
    )
    assert (shell["Target Name"], shell["Target Country"]) == ("German army", "Germany")
    assert (shell["Story ID"], shell["Sentence Number"], shell["Publisher"]) == (
        "sha256-00000000000000a1",
        "1",
        "Fjord Post",
    )
    assert (shell["City"], shell["Province"], shell["Country"]) == ("Hamburg", "", "Germany")
    assert float(shell["Latitude"]) == 53.55 and float(shell["Longitude"]) == 10.0


def test_plover_lines_parse_and_carry_the_type(store: Store) -> None:
    lines = _export(store, "plover").splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    assert len(lines) == len(records) == 4
    shell = records["sha256-00000000000000a1/e1"]
    assert (shell["code"], shell["ontology"], shell["cameo"]) == ("ASSAULT", "PLOVER", "190")
    assert (shell["source"], shell["source_sector"], shell["target"], shell["target_sector"]) == (
        "NOR",
        "MIL",
        "DEU",
        "MIL",
    )
    assert shell["text"] == TEXT_A[:40] and shell["eventText"] == "shelled"
    assert shell["eventLoc"]["country"] == "DEU" and shell["eventLoc"]["feature"] == "city"
    assert shell["url"] == "https://news.example/a" and shell["publisher"] == "Fjord Post"
    assert records["sha256-00000000000000b2/e2"]["code"] == "ACCUSE"
    assert (shell["mode"], shell["context"]) == (None, ["military"])  # CAMEO2PLOVER's line for 190
    fight = records["sha256-00000000000000b2/e1"]
    assert (fight["cameo"], fight["mode"], fight["context"]) == ("193", "firearms", ["military"])
    assert records["sha256-00000000000000a1/e2"]["source_name"] == "Norway"


def test_plover_holds_plover_events_only(db_url: str, tmp_path: Path) -> None:
    record, text, origin, given = _records()[0]
    statement = _event("e3", ("a3", "NOR"), ("a4", "DEU"), "010", "2024-03-04", sentence=(1, 55, 81))
    appeal = _event("e4", ("a3", "NOR"), ("a4", "DEU"), "020", "2024-03-04", sentence=(1, 55, 81))
    record["events"] = [*record["events"], statement, appeal]
    with open_store(db_url) as store:
        store.add(_typed([(record, text, origin, given)]))
        out = io.StringIO()
        done = export(store, "plover", out=out)
        assert (done.rows, done.left_out) == (2, 2) and "no PLOVER event type" in done.reason
        records = [json.loads(line) for line in out.getvalue().splitlines()]
        assert [r["code"] for r in records] == ["ASSAULT", "AGREE"] and all(r["code"] for r in records)
        assert export(store, "csv", out=io.StringIO()).rows == 4  # the csv keeps every mention
    proc = whodid("export", "--format", "plover", "--db", db_url)
    assert proc.returncode == 0 and len(proc.stdout.splitlines()) == 2
    assert "left out 2 matching event mentions: their CAMEO code has no PLOVER event type" in proc.stderr
    path = tmp_path / "p.jsonl"
    with whodid_open(db_url) as db:
        done = db.export("plover", path)
    assert (done.rows, done.left_out) == (2, 2) and len(path.read_text().splitlines()) == 2


def test_parquet_reads_back_typed(store: Store, tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    assert export(store, "parquet", path=path).rows == 4
    table = pq.read_table(path)
    assert table.num_rows == 4
    types = {f.name: f.type for f in table.schema}
    assert types["quad_class"] == pa.int64() and types["goldstein"] == pa.float64()
    assert (
        types["lat"] == pa.float64() and types["cameo"] == pa.string() and types["background"] == pa.bool_()
    )
    assert types["cluster_id"] == pa.int64() and types["url"] == pa.string()
    rows = {(r["article_id"], r["event_id"]): r for r in table.to_pylist()}
    shell = rows[("sha256-00000000000000a1", "e1")]
    assert (shell["cameo"], shell["goldstein"], shell["lat"], shell["published"]) == (
        "190",
        -10.0,
        53.55,
        "2024-03-05",
    )
    assert rows[("sha256-00000000000000b2", "e2")]["date"] is None
    empty = tmp_path / "none.parquet"
    assert export(store, "parquet", EventQuery(cameo="2042"), path=empty).rows == 0
    assert pq.read_table(empty).num_rows == 0 and pq.read_table(empty).schema == table.schema
    with pytest.raises(UsageError, match="--output"):
        export(store, "parquet", out=io.StringIO())  # binary: a file only
    with pytest.raises(UsageError, match="gdelt, icews"):
        export(store, "xlsx", out=io.StringIO())


def test_csv_round_trips_the_stored_columns(store: Store) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(store, "csv"))))
    assert len(rows) == 4
    columns = [d[0] for d in store.conn.execute("SELECT * FROM events LIMIT 1").description]
    assert set(columns) | {"url", "published", "source"} == set(rows[0])
    stored = store.conn.execute(
        "SELECT e.*, a.url, a.published, a.source FROM events e JOIN articles a ON a.id = e.article_id"
    )
    names = [*columns, "url", "published", "source"]
    for values in stored:
        want = dict(zip(names, values, strict=True))
        got = next(
            r for r in rows if (r["article_id"], r["event_id"]) == (want["article_id"], want["event_id"])
        )
        for name, value in want.items():
            assert got[name] == ("" if value is None else str(value)), name


def test_filters_apply_to_the_export(store: Store) -> None:
    def keys(q: EventQuery) -> list[str]:
        return sorted(r["id"] for r in map(json.loads, _export(store, "plover", q).splitlines()))

    assert keys(EventQuery(cameo="19*")) == ["sha256-00000000000000a1/e1", "sha256-00000000000000b2/e1"]
    assert keys(EventQuery(quad=1)) == ["sha256-00000000000000a1/e2"]
    assert keys(EventQuery(source="NORMIL", since="2024-03-05")) == ["sha256-00000000000000b2/e1"]
    assert keys(EventQuery(actor="German army", min_confidence=0.8)) == ["sha256-00000000000000a1/e1"]
    assert len(keys(EventQuery(limit=3))) == 3
    # one row per cluster: the two shelling reports give their most confident mention only
    assert keys(EventQuery(cameo="19*", clusters=True)) == ["sha256-00000000000000a1/e1"]
    assert keys(EventQuery(cameo="193", clusters=True)) == ["sha256-00000000000000a1/e1"]
    assert len(keys(EventQuery(clusters=True))) == 3
    with pytest.raises(UsageError):
        _export(store, "gdelt", EventQuery(cameo="war"))


def test_the_command_line(store: Store, tmp_path: Path) -> None:
    url = store.url
    store.close()
    proc = whodid("export", "--format", "parquet", "--db", url)
    assert proc.returncode == 2 and "E412" in proc.stderr and "--output" in proc.stderr
    proc = whodid("export", "--format", "csv", "--output", str(tmp_path / "no" / "x.csv"), "--db", url)
    assert proc.returncode == 2 and "E413" in proc.stderr
    proc = whodid("export", "--format", "gdelt", "--db", url, "--quad", "4")
    assert proc.returncode == 0, proc.stderr
    assert sorted(line.split("\t")[26] for line in proc.stdout.splitlines()) == ["190", "193"]
    out = tmp_path / "e.parquet"
    proc = whodid(
        "export", "--format", "parquet", "--output", str(out), "--db", url, "--cameo", "19*", "--clusters"
    )
    assert proc.returncode == 0 and "wrote 1 rows" in proc.stderr
    import pyarrow.parquet as pq

    assert pq.read_table(out).column("cameo").to_pylist() == ["190"]
    bad = tmp_path / "bad.parquet"
    proc = whodid("export", "--format", "parquet", "--output", str(bad), "--db", url, "--cameo", "war")
    assert proc.returncode == 2 and "E410" in proc.stderr and not bad.exists()  # checked before writing


ARTICLES = [
    {
        "id": "x1",
        "published": "2024-06-11",
        "url": "https://news.example/ghana-nigeria",
        "source": "Harmattan Herald",
        "text": "Ghana accused Nigeria of closing the border on Monday. The Nigerian president rejected "
        "the claim.",
    },
    {
        "id": "x2",
        "published": "2024-06-12",
        "text": "Kenyan police arrested twelve protesters in Nairobi on Tuesday, officials said.",
    },
]


def test_export_of_articles_coded_by_the_real_pipeline(
    db_url: str, tmp_path: Path, pipeline: Pipeline
) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with open_store(db_url) as store:
        summary = ingest([path], store, pipeline)
        assert summary.stored == 2 and summary.events > 0
        stored = store.conn.execute(
            "SELECT e.article_id, e.event_id, e.cameo, e.quad_class, e.date, a.url, a.published "
            "FROM events e JOIN articles a ON a.id = e.article_id"
        ).fetchall()
        gdelt = {r["GLOBALEVENTID"]: r for r in _tsv(_export(store, "gdelt", header=True))}
        plover = [json.loads(line) for line in _export(store, "plover").splitlines()]
    assert len(gdelt) == len(stored) == summary.events
    assert len(plover) == sum(1 for row in stored if Ontology.load().get(row[2]).plover)  # PLOVER types only
    for aid, eid, cameo, quad, date, url, published in stored:
        row = gdelt[str(event_number(aid, eid))]
        assert (row["EventCode"], row["EventRootCode"], row["QuadClass"]) == (cameo, cameo[:2], str(quad))
        assert row["SOURCEURL"] == (url or "")
        day = date if date and len(date) == 10 else published  # else the publication day, as GDELT
        assert row["SQLDATE"] == day.replace("-", "")
    accuse = [r for r in gdelt.values() if r["EventRootCode"] == "11"]
    assert accuse and accuse[0]["Actor1CountryCode"] == "GHA" and accuse[0]["Actor2CountryCode"] == "NGA"
    assert {p["code"] for p in plover if p["cameo"].startswith("11")} == {"ACCUSE"}


def test_stored_csv_and_parquet_event_columns_are_the_schema_list(store: Store, tmp_path: Path) -> None:
    import pyarrow.parquet as pq

    from whodid.store import schema

    events = list(schema.names(schema.EVENTS))
    for table, columns in (("events", schema.EVENTS), ("quotes", schema.QUOTES), ("places", schema.PLACES)):
        stored = [d[0] for d in store.conn.execute(f"SELECT * FROM {table} LIMIT 1").description]
        assert stored == list(schema.names(columns)), table
    header = next(csv.reader(io.StringIO(_export(store, "csv"))))
    path = tmp_path / "e.parquet"
    export(store, "parquet", path=path)
    parquet = pq.read_table(path).schema.names
    assert header[: len(events)] == events == parquet[: len(events)]
    assert header == parquet  # the same columns after the events' own (the article's url, date, source)
    # every INSERT names its columns: the statement lists exactly the columns read from the record
    sql = schema.insert_sql("places", schema.PLACES)
    assert sql.startswith("INSERT INTO places (article_id, idx, text,") and sql.count("?") == len(
        schema.PLACES
    )
