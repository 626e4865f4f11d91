"""The store writes typed records (``whodid.record.ArticleRecord``), one way in. What exists only as
JSON (a ``whodid batch`` shard, a record file) is read back with ``ArticleRecord.from_dict``: the record
read back gives the same JSON object and the same stored rows, table by table, on SQLite and
PostgreSQL; a record the typed form cannot hold is E429, and nothing of its batch is stored."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from whodid.errors import UsageError
from whodid.pipeline import Pipeline
from whodid.record import ArticleRecord
from whodid.store.db import open_store

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture(scope="module")
def coded(pipeline: Pipeline) -> list[tuple[ArticleRecord, str]]:
    """The example articles coded, with their texts (records with events, quotes, places, dates)."""
    lines = (EXAMPLES / "nile-dispatches.jsonl").read_text(encoding="utf-8").splitlines()
    items: list[dict[str, object]] = [json.loads(line) for line in lines if line.strip()]
    items.append({"id": "harbour", "text": (EXAMPLES / "harbour-talks.txt").read_text(encoding="utf-8")})
    items[-1]["published"] = "2024-05-07"
    texts = {str(i["id"]): str(i["text"]) for i in items}
    return [(rec, texts[rec.article_id]) for rec in pipeline.code_many(items)]


def _read_back(record: ArticleRecord) -> ArticleRecord:
    return ArticleRecord.from_dict(json.loads(json.dumps(record.to_dict())))


def _tables(url: str) -> dict[str, list[tuple[object, ...]]]:
    with open_store(url) as store:
        return {
            t: sorted(store.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
            for t in store.conn.table_names()
        }


def test_a_record_read_back_from_its_json_gives_the_same_json(coded: list[tuple[ArticleRecord, str]]) -> None:
    assert sum(len(r.events) for r, _ in coded) > 10 and sum(len(r.quotes) for r, _ in coded) > 5
    assert any(r.places for r, _ in coded) and any(r.dates for r, _ in coded)
    for record, _ in coded:
        assert _read_back(record).to_dict() == record.to_dict()


def test_a_record_read_back_stores_the_same_rows(
    coded: list[tuple[ArticleRecord, str]], new_db_url: Callable[[], str]
) -> None:
    typed, read_back = new_db_url(), new_db_url()
    with open_store(typed) as store:
        store.add([(rec, text, "test", f"given-{k}") for k, (rec, text) in enumerate(coded)])
    with open_store(read_back) as store:
        store.add([(_read_back(rec), text, "test", f"given-{k}") for k, (rec, text) in enumerate(coded)])
    first, second = _tables(typed), _tables(read_back)
    assert {t: len(rows) for t, rows in first.items() if rows}.keys() >= {
        "articles", "sentences", "actors", "events", "event_clusters", "quotes", "places"
    }  # fmt: skip
    for table, rows in first.items():
        assert second[table] == rows, table


def test_what_the_typed_record_cannot_hold_is_refused(
    coded: list[tuple[ArticleRecord, str]], db_url: str
) -> None:
    record = next(rec for rec, _ in coded if len(rec.events) > 1 and rec.quotes).to_dict()
    renumbered = {**record, "events": [{**e, "id": f"e{k}"} for k, e in enumerate(record["events"])]}
    other_country = json.loads(json.dumps(record))
    other_country["quotes"][0]["speaker"] = {
        **(other_country["quotes"][0]["speaker"] or {}),
        "country": "ZZZ",
    }
    cut = {k: v for k, v in record.items() if k != "events"}
    for bad, says in (
        (renumbered, "has the id 'e0', not e1"),
        (other_country, "'ZZZ'"),
        (cut, "no key 'events'"),
    ):
        with pytest.raises(UsageError, match=says) as caught:
            ArticleRecord.from_dict(bad, origin="shard 3")
        assert caught.value.code == "E429" and "shard 3" in caught.value.message
    with open_store(db_url) as store:
        assert store.counts()["articles"] == 0


def _from_json(record: dict[str, object]) -> dict[str, list[tuple[object, ...]]]:
    """The rows of events, quotes, places and actors as the record's JSON object says them: an oracle
    apart from store/schema.py, which reads the typed record (the columns of 0001 and 0006)."""
    rec: dict[str, Any] = dict(record)
    aid = rec["article"]["id"]

    def side(e: dict[str, Any], which: str) -> tuple[object, ...]:
        s = e.get(which) or {}
        return (s.get("actor"), s.get("country"), s.get("code"), s.get("text"))

    events = []
    for e in rec["events"]:
        loc = e.get("location") or {}
        events.append(
            (aid, e["id"], *side(e, "source"), *side(e, "target"), e["cameo"], e["cameo"][:2], e["plover"],
             e["quad_class"], e["goldstein"], e["date"], e["date_precision"], e["date_source"],
             loc.get("name"), loc.get("country"), loc.get("lat"), loc.get("lon"), e["modality"],
             int(e["background"]), e["sentence"]["index"], e["evidence"]["start"], e["evidence"]["end"],
             e["evidence"]["text"], e["rule"], e["confidence"], loc.get("precision"), loc.get("rule"))
        )  # fmt: skip
    quotes = []
    for q in rec["quotes"]:
        sp = q.get("speaker") or {}
        quotes.append(
            (aid, q["id"], q["text"], q["start"], q["end"], q["kind"], q["cue"], sp.get("actor"),
             sp.get("country"), sp.get("text"), q["rule"], q["confidence"])
        )  # fmt: skip
    places = [
        (aid, k, p["text"], p["start"], p["end"], p["name"], p["country"], p["lat"], p["lon"], p["feature"],
         p["geonameid"], p["rule"], p["confidence"])
        for k, p in enumerate(rec["places"])
    ]  # fmt: skip
    actors = [
        (aid, a["id"], a["name"], a["kind"], a["country"], a["sector"], a["code"], a["description"],
         a["rule"], len(a["mentions"]))
        for a in rec["actors"]
    ]  # fmt: skip
    return {"events": events, "quotes": quotes, "places": places, "actors": actors}


_COLUMNS = {
    "events": "article_id, event_id, source_actor, source_country, source_code, source_text, target_actor, "
    "target_country, target_code, target_text, cameo, cameo_root, plover, quad_class, goldstein, date, "
    "date_precision, date_source, location_name, location_country, lat, lon, modality, background, "
    "sentence_idx, evidence_start, evidence_end, evidence_text, rule, confidence, location_precision, "
    "location_rule",
    "quotes": "*",
    "places": "*",
    "actors": "*",
}


def test_the_stored_columns_say_what_the_json_object_says(
    coded: list[tuple[ArticleRecord, str]], db_url: str
) -> None:
    with open_store(db_url) as store:
        store.add([(rec, text, "test", None) for rec, text in coded])
        for rec, _ in coded:
            want = _from_json(rec.to_dict())
            for table, columns in _COLUMNS.items():
                sql = f"SELECT {columns} FROM {table} WHERE article_id = ?"
                got = [tuple(r) for r in store.conn.execute(sql, (rec.article_id,)).fetchall()]
                assert sorted(got, key=repr) == sorted(want[table], key=repr), table
