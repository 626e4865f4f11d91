"""The GDELT and ICEWS exports read as their users read GDELT's and ICEWS's files, with pandas.

Issue 11, point 2: known-group and religion columns from the segments of three-part codes (not by
position), SQLDATE always a day (the publication day for a month-precise event), no header line by
default, Actor1Geo/Actor2Geo filled from the actor's place or country. Point 3: ICEWS's Event Date
always a day, its sectors ICEWS's sector names.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import whodid
from whodid.errors import DataError
from whodid.evaluate.base import empty_prediction
from whodid.ontology import Ontology
from whodid.record import ArticleRecord
from whodid.store.actor_codes import SegmentTable
from whodid.store.db import Store, open_store
from whodid.store.export import event_number, export
from whodid.store.gdelt import GDELT_COLUMNS, gdelt_date

BOSTON = {"name": "Boston", "country": "USA", "lat": 42.36, "lon": -71.06, "feature": "city"}
ACTORS = {
    "a1": ("Amnesty International", None, "NGOHRIAMN"),
    "a2": ("Islamic State", None, "IMGMOSISI"),
    "a3": ("NATO", None, "IGOWSTNAT"),
    "a4": ("United States", "USA", "USA"),
    "a5": ("Boston police", "USA", "USACOP"),
    "a6": ("Shia militia", "IRQ", "IRQMOSSHIREB"),
}
SECTORS = {"a1": "HRI", "a5": "COP", "a6": "REB"}


def _event(eid: str, source: str, target: str, cameo: str, date: str | None, **kw: Any) -> dict[str, Any]:
    code = Ontology.load().get(cameo)
    side = {
        k: {"actor": a, "country": ACTORS[a][1], "code": ACTORS[a][2], "text": ACTORS[a][0]}
        for k, a in (("source", source), ("target", target))
    }
    return {
        "id": eid,
        **side,
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
        "sentence": {"index": 0, "start": 0, "end": 20},
        "evidence": {"start": 0, "end": 5, "text": "words"},
        "rule": "test",
        "confidence": 0.9,
    }


def _article(aid: str, published: str | None, events: list[dict[str, Any]]) -> dict[str, Any]:
    record = empty_prediction(aid)
    record["article"]["published"] = published
    record["actors"] = [
        {
            "id": a,
            "name": n,
            "kind": "organization",
            "country": c,
            "code": code,
            "sector": SECTORS.get(a),
            "mentions": [{"start": 0, "end": 0}],
        }
        for a, (n, c, code) in ACTORS.items()
    ]
    record["events"] = events
    record["places"] = [{"text": "Boston", "start": 0, "end": 6, **BOSTON, "geonameid": 4930956}]
    return record


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    dated = _article(
        "sha256-0000000000000001",
        "2024-03-05",
        [
            _event("e1", "a1", "a2", "112", "2024-03-04"),  # Amnesty accuses the Islamic State
            _event("e2", "a3", "a4", "0331", "2024-03"),  # month-precise: the publication day
            _event("e3", "a5", "a6", "173", "2024-03-01", location=BOSTON),
        ],
    )
    undated = _article("sha256-0000000000000002", None, [_event("e1", "a4", "a3", "040", "2024-02")])
    s = open_store(db_url)
    s.add(
        [
            (ArticleRecord.from_dict(dated), "text", "test", None),
            (ArticleRecord.from_dict(undated), "text", "test", None),
        ]
    )
    with s:
        yield s


def test_pandas_reads_the_file_as_gdelt_users_do(store: Store, tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "events.export.CSV"
    done = export(store, "gdelt", path=path)
    assert (done.rows, done.left_out) == (3, 1) and "dated to a day" in done.reason
    frame = pd.read_csv(path, sep="\t", header=None, names=list(GDELT_COLUMNS), dtype={"EventCode": str})
    assert len(frame) == 3 and len(frame.columns) == 61  # no header line taken for a row
    for column in ("SQLDATE", "MonthYear", "Year", "GLOBALEVENTID", "QuadClass", "IsRootEvent"):
        assert pd.api.types.is_integer_dtype(frame[column]), column
    assert pd.api.types.is_float_dtype(frame["FractionDate"]) and not frame["FractionDate"].isna().any()
    rows = frame.set_index("GLOBALEVENTID")
    accuse = rows.loc[event_number("sha256-0000000000000001", "e1")]
    assert (accuse["SQLDATE"], accuse["EventCode"]) == (20240304, "112")
    # NGOHRIAMN: types NGO, HRI and the known group AMN (not HRI, the second segment)
    assert (accuse["Actor1KnownGroupCode"], accuse["Actor1Type1Code"], accuse["Actor1Type2Code"]) == (
        "AMN",
        "NGO",
        "HRI",
    )
    # IMGMOSISI: religion MOS, known group ISI
    assert (accuse["Actor2KnownGroupCode"], accuse["Actor2Religion1Code"], accuse["Actor2Type1Code"]) == (
        "ISI",
        "MOS",
        "IMG",
    )
    nato = rows.loc[event_number("sha256-0000000000000001", "e2")]
    assert (nato["Actor1KnownGroupCode"], nato["Actor1CountryCode"]) == ("NAT", "WST")
    assert (nato["SQLDATE"], nato["MonthYear"]) == (20240305, 202403)  # month-precise: published day
    militia = rows.loc[event_number("sha256-0000000000000001", "e3")]
    religions = (militia["Actor2Religion1Code"], militia["Actor2Religion2Code"], militia["Actor2Type1Code"])
    assert religions == ("MOS", "SHI", "REB")


def test_actor_geography(store: Store) -> None:
    out = io.StringIO()
    export(store, "gdelt", out=out, header=True)
    import csv

    rows = {r["GLOBALEVENTID"]: r for r in csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t")}
    police = rows[str(event_number("sha256-0000000000000001", "e3"))]
    # the Boston police act in Boston: their place (a US city, type 3); the Iraqi militia its country
    assert [police[f"Actor1Geo_{c}"] for c in ("Type", "FullName", "CountryCode", "FeatureID")] == [
        "3",
        "Boston, United States",
        "US",
        "4930956",
    ]
    assert [police[f"Actor2Geo_{c}"] for c in ("Type", "FullName", "CountryCode")] == ["1", "Iraq", "IZ"]
    assert police["ActionGeo_Type"] == "3"
    nato = rows[str(event_number("sha256-0000000000000001", "e2"))]
    assert nato["Actor1Geo_Type"] == "0" and nato["Actor2Geo_Type"] == "1"  # an IGO has no country


def test_the_command_line_writes_no_header_and_reports_what_it_left_out(store: Store) -> None:
    url = store.url
    store.close()
    proc = whodid("export", "--format", "gdelt", "--db", url)
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert len(lines) == 3 and not lines[0].startswith("GLOBALEVENTID")
    assert "left out 1 matching event mention:" in proc.stderr and "dated to a day" in proc.stderr
    proc = whodid("export", "--format", "gdelt", "--header", "--db", url)
    assert proc.stdout.splitlines()[0].split("\t") == list(GDELT_COLUMNS)


def test_segments_are_told_apart_by_kind_not_position() -> None:
    table = SegmentTable.load()
    assert table.parse("NGOHRIAMN", None).known_group == "AMN"
    assert table.parse("IMGMOSISI", None).religions == ("MOS",)
    assert table.parse("IGOWSTNAT", None).known_group == "NAT"
    assert table.parse("IGOUNO", None).types == ("IGO",)
    assert table.parse("USAGOVMIL", "USA").types == ("GOV", "MIL")
    assert table.parse("NGOUSA", None).country == "USA"
    # the stored country comes off the front first: Saint Helena's SHN is no Shinto there
    assert table.parse("SHNGOV", "SHN").religions == ()
    assert table.parse(None, None).types == ()


def test_a_bad_segment_table_is_a_data_error() -> None:
    head = "segment\tkind\tname\n"
    with pytest.raises(DataError, match="E302"):
        SegmentTable.parse_table(head + "AMNX\tknown_group\tAmnesty\n", "t.tsv")
    with pytest.raises(DataError, match="E303"):
        SegmentTable.parse_table(head + "AMN\tknown_group\tA\nAMN\ttype\tB\n", "t.tsv")


def test_gdelt_dates() -> None:
    assert gdelt_date("2024-03-04", "2024-05-01") == [20240304, 202403, 2024, round(2024 + 94 / 365, 4)]
    assert gdelt_date("2024", "2024-05-01T10:00:00Z")[:3] == [20240501, 202405, 2024]  # type: ignore[index]
    assert gdelt_date(None, None) is None and gdelt_date("2024-03", None) is None


def test_icews_dates_every_row_to_a_day_and_names_its_sectors(store: Store, tmp_path: Path) -> None:
    import pandas as pd

    path = tmp_path / "events.tab"
    done = export(store, "icews", path=path)
    assert (done.rows, done.left_out) == (3, 1) and "ICEWS" in done.reason
    frame = pd.read_csv(path, sep="\t", parse_dates=["Event Date"])
    assert pd.api.types.is_datetime64_any_dtype(frame["Event Date"]) and not frame["Event Date"].isna().any()
    rows = frame.set_index("Event ID")
    nato = rows.loc[event_number("sha256-0000000000000001", "e2")]
    assert nato["Event Date"] == pd.Timestamp("2024-03-05")  # month-precise: the publication day
    police = rows.loc[event_number("sha256-0000000000000001", "e3")]
    assert (police["Event Date"], police["Source Sectors"], police["Target Sectors"]) == (
        pd.Timestamp("2024-03-01"),
        "Police,Government",
        "Rebel",
    )
    assert (police["Source Country"], police["Target Country"], police["City"]) == (
        "United States",
        "Iraq",
        "Boston",
    )
    amnesty = rows.loc[event_number("sha256-0000000000000001", "e1")]
    assert amnesty["Source Sectors"] == "Human Rights" and pd.isna(amnesty["Target Sectors"])


def test_every_sector_has_an_icews_name() -> None:
    from importlib import resources

    from whodid.store.lookups import icews_sectors

    text = resources.files("whodid").joinpath("data/actors/sectors.tsv").read_text(encoding="utf-8")
    codes = [line.split("\t")[0] for line in text.splitlines() if line and line[0] != "#"][1:]
    assert codes and all(icews_sectors(code) != code for code in codes)
    assert icews_sectors(None) == ""


def test_icews_sector_names_not_checked_are_said_never_silent(store: Store, tmp_path: Path) -> None:
    import pandas as pd

    # a sector from a user's actor dictionary that ICEWS has no name for
    with store.conn.transaction():
        store.conn.execute("UPDATE actors SET sector = 'XYZ' WHERE actor_id = 'a6'")
    path = tmp_path / "events.tab"
    done = export(store, "icews", path=path)
    rows = pd.read_csv(path, sep="\t").set_index("Event ID")
    militia = rows.loc[event_number("sha256-0000000000000001", "e3")]
    assert pd.isna(militia["Target Sectors"])  # empty, not the CAMEO code XYZ
    assert "XYZ" not in path.read_text(encoding="utf-8")
    # Amnesty's HRI is written as 'Human Rights', a name not checked against ICEWS's files: said so
    unchecked, unmapped = done.notes
    assert unchecked.startswith("1 Source/Target Sectors cells name sectors not checked against ICEWS")
    assert "HRI 'Human Rights' x1" in unchecked and "seen=no" in unchecked
    assert unmapped.startswith("1 Source/Target Sectors cells are empty") and "XYZ x1" in unmapped
    url = store.url
    store.close()
    proc = whodid("export", "--format", "icews", "--db", url)
    assert proc.returncode == 0
    notes = [line for line in proc.stderr.splitlines() if line.startswith("whodid: note: ")]
    assert [n.removeprefix("whodid: note: ") for n in notes] == list(done.notes)


def test_only_checked_sectors_give_no_note(store: Store) -> None:
    with store.conn.transaction():
        store.conn.execute("UPDATE actors SET sector = 'GOV' WHERE sector IS NOT NULL")
    done = export(store, "icews", out=io.StringIO())
    assert done.notes == () and done.rows == 3
    assert export(store, "gdelt", out=io.StringIO()).notes == ()
