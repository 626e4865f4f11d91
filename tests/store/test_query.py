"""Queries over a real SQLite store filled with records we wrote: every filter, the dyad summary."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.inprocess import whodid
from whodid.errors import UsageError
from whodid.evaluate.base import empty_prediction
from whodid.record import ArticleRecord
from whodid.store.db import Store, open_store
from whodid.store.query import EventQuery, actors, dyad, dyad_undated, events, quotes

TEXT = "Ruritania attacked Osterlich. Osterlich praised Ruritania. Osterlich accused Zenda."


def _event(
    k: int, src: str, tgt: str, cameo: str, quad: int, gold: float, date: str | None, conf: float
) -> dict[str, Any]:
    start = TEXT.index(".") + 2 if k % 2 else 0
    return {
        "id": f"e{k}",
        "source": {"actor": "a1", "country": src[:3], "code": src, "text": "Ruritania"},
        "target": {"actor": "a2", "country": tgt[:3], "code": tgt, "text": "Osterlich"},
        "cameo": cameo,
        "plover": None,
        "quad_class": quad,
        "goldstein": gold,
        "date": date,
        "date_precision": {None: "unknown", 4: "year", 7: "month", 10: "day"}[len(date) if date else None],
        "date_source": "text",
        "location": None,
        "modality": "asserted",
        "background": False,
        "sentence": {"index": 0, "start": 0, "end": 28},
        "evidence": {"start": start, "end": start + 8, "text": TEXT[start : start + 8]},
        "rule": "test",
        "confidence": conf,
    }


def store_two_actor_article(
    s: Store,
    sha: str,
    names: tuple[str, str],
    evs: list[dict[str, Any]],
    *,
    published: str,
    url: str | None = None,
    given_id: str | None = None,
) -> None:
    """Store one article of ``TEXT`` whose events (made by ``_event``) run between a state (a1) and an
    organization (a2) of these ``names``."""
    rec = empty_prediction(sha)
    rec["article"].update({"published": published, **({"url": url} if url else {})})
    rec["actors"] = [
        {"id": "a1", "name": names[0], "kind": "state", "mentions": [{"start": 0, "end": 0}]},
        {"id": "a2", "name": names[1], "kind": "organization", "mentions": [{"start": 0, "end": 0}]},
    ]
    rec["events"] = evs
    s.add([(ArticleRecord.from_dict(rec), TEXT, "test", given_id)])


EVENTS = [
    _event(1, "RURMIL", "OSTGOV", "190", 4, -10.0, "2024-03-04", 0.9),
    _event(2, "OSTGOV", "RURGOV", "051", 1, 3.4, "2024-03-20", 0.7),
    _event(3, "RURGOV", "OST", "173", 4, -5.0, "2024-04-02", 0.5),
    _event(4, "OST", "ZEN", "112", 3, -2.0, "2024-04", 0.8),
    _event(5, "RUR", "OST", "036", 1, 4.0, None, 0.8),
]


def fill_store(s: Store) -> None:
    """The module's articles: one with the events and quotes, three of news volume."""
    rec = empty_prediction("sha256-0000000000000001")
    rec["article"].update({"published": "2024-04-05", "url": "https://example.org/a"})
    rec["actors"] = [
        {
            "id": "a1",
            "name": "Ruritanian army of the Élysée",
            "kind": "organization",
            "mentions": [{"start": 0, "end": 0}],
        },
        {"id": "a2", "name": "Osterlich", "kind": "state", "mentions": [{"start": 0, "end": 0}]},
    ]
    rec["events"] = EVENTS
    rec["quotes"] = [
        {
            "id": "q1",
            "text": "We will respond",
            "start": 0,
            "end": 15,
            "kind": "direct",
            "cue": "said",
            "speaker": {"actor": "a1", "country": None, "text": "the spokesman"},  # a1 has no country
            "rule": "quote:cue",
            "confidence": 0.8,
        }
    ]
    s.add([(ArticleRecord.from_dict(rec), TEXT, "test", "given-1")])
    for k, day in enumerate(("2024-03-01", "2024-03-02", "2024-04-09"), start=2):  # news volume
        other = empty_prediction(f"sha256-000000000000000{k}")
        other["article"]["published"] = day
        s.add([(ArticleRecord.from_dict(other), f"Filler article {k}.", "test", None)])


def ids(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(r["event_id"] for r in rows)


def test_every_filter(store: Store) -> None:
    assert ids(events(store, EventQuery())) == ["e1", "e2", "e3", "e4", "e5"]
    assert ids(events(store, EventQuery(source="RUR"))) == ["e1", "e3", "e5"]
    assert ids(events(store, EventQuery(source="rurgov"))) == ["e3"]
    assert ids(events(store, EventQuery(target="OST"))) == ["e1", "e3", "e5"]
    assert ids(events(store, EventQuery(actor="ARMY"))) == ["e1", "e2", "e3", "e4", "e5"]  # a1 is in all
    assert ids(events(store, EventQuery(actor="Zenda"))) == []
    assert ids(events(store, EventQuery(cameo="17*"))) == ["e3"]
    assert ids(events(store, EventQuery(cameo="190"))) == ["e1"]
    assert ids(events(store, EventQuery(quad=4))) == ["e1", "e3"]
    assert ids(events(store, EventQuery(since="2024-03-15"))) == ["e2", "e3", "e4"]
    assert ids(events(store, EventQuery(until="2024-03"))) == ["e1", "e2"]
    assert ids(events(store, EventQuery(min_confidence=0.8))) == ["e1", "e4", "e5"]
    assert ids(events(store, EventQuery(source="RUR", quad=4, since="2024-04"))) == ["e3"]
    rows = events(store, EventQuery(limit=2))
    assert [r["event_id"] for r in rows] == ["e3", "e4"]  # newest first
    assert rows[0]["sentence"] == TEXT[:28] and rows[0]["url"] == "https://example.org/a"


def test_bad_filters_are_refused(store: Store) -> None:
    for q in (EventQuery(cameo="war"), EventQuery(since="March"), EventQuery(quad=7)):
        with pytest.raises(UsageError):
            events(store, q)


def test_dyad_by_month_both_directions(store: Store) -> None:
    rows = dyad(store, "RUR", "OST", by="month")
    assert [(r["period"], r["direction"], r["events"]) for r in rows] == [
        ("2024-03", "OST->RUR", 1),
        ("2024-03", "RUR->OST", 1),
        ("2024-04", "RUR->OST", 1),
    ]
    march = rows[1]
    assert (march["material_conflict"], march["goldstein_sum"], march["net_cooperation"]) == (1, -10.0, -1)
    assert dyad_undated(store, "RUR", "OST", by="month") == 1  # e5 has no date
    weeks = dyad(store, "RUR", "OST", by="week")
    assert [r["period"] for r in weeks] == ["2024-W10", "2024-W12", "2024-W14"]
    assert sum(r["events"] for r in dyad(store, "RUR", "OST", by="year")) == 3


def test_dyad_within_a_window(store: Store) -> None:
    rows = dyad(store, "RUR", "OST", by="month", since="2024-03-10", until="2024-03")
    assert [(r["period"], r["direction"]) for r in rows] == [("2024-03", "OST->RUR")]  # e2 alone
    assert [r["period"] for r in dyad(store, "RUR", "OST", by="month", since="2024-04")] == ["2024-04"]
    assert dyad_undated(store, "RUR", "OST", by="month", until="2024-12") == 0  # e5 has no date
    with pytest.raises(UsageError):
        dyad(store, "RUR", "OST", since="March")


def test_dyad_normalized_by_article_volume(store: Store) -> None:
    rows = {(r["period"], r["direction"]): r for r in dyad(store, "RUR", "OST", by="month", normalize=True)}
    march, april = rows[("2024-03", "RUR->OST")], rows[("2024-04", "RUR->OST")]
    assert (march["articles"], march["events_per_1k_articles"]) == (2, 500.0)  # 1 event, 2 articles
    assert (april["articles"], april["events_per_1k_articles"]) == (2, 500.0)
    weekly = dyad(store, "RUR", "OST", by="week", normalize=True)
    assert [(r["period"], r["articles"]) for r in weekly] == [
        ("2024-W10", 0),
        ("2024-W12", 0),
        ("2024-W14", 1),
    ]
    assert weekly[0]["events_per_1k_articles"] is None  # no article published that week
    assert "articles" not in dyad(store, "RUR", "OST", by="month")[0]


def test_events_and_dyad_from_the_command_line(store: Store, tmp_path: Path) -> None:
    db = store.url
    store.close()
    proc = whodid("events", "--db", db, "--quad", "4", "--format", "csv")
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert sorted(r["event_id"] for r in rows) == ["e1", "e3"]
    everything = json.loads(whodid("events", "--db", db, "--format", "json").stdout)
    e1 = next(r for r in everything if r["event_id"] == "e1")
    assert e1["cluster_reason"].startswith("new: ")  # every mention says why it has its cluster
    proc = whodid("events", "--db", db, "--cluster", str(e1["cluster_id"]), "--format", "json")
    assert [r["event_id"] for r in json.loads(proc.stdout)] == ["e1"]
    proc = whodid("dyad", "RUR", "OST", "--db", db, "--format", "json", "--no-fill")
    assert [r["direction"] for r in json.loads(proc.stdout)] == ["OST->RUR", "RUR->OST", "RUR->OST"]
    proc = whodid("dyad", "RUR", "OST", "--db", db, "--normalize", "--format", "json")  # zero-filled
    assert [(r["direction"], r["articles"]) for r in json.loads(proc.stdout)] == [
        ("OST->RUR", 2),
        ("RUR->OST", 2),
        ("OST->RUR", 2),
        ("RUR->OST", 2),
    ]
    proc = whodid("dyad", "RUR", "OST", "--db", db, "--since", "2024-04", "--format", "json")
    assert [(r["period"], r["events"]) for r in json.loads(proc.stdout)] == [("2024-04", 0), ("2024-04", 1)]
    proc = whodid("dyad", "RUR", "OST", "--db", db)
    assert "net_cooperation" in proc.stdout and "(1 event of this dyad is dated" in proc.stdout
    proc = whodid("events", "--db", f"sqlite:///{tmp_path / 'none.db'}")
    assert proc.returncode == 2 and "E411" in proc.stderr


def test_actors_and_quotes(store: Store) -> None:
    rows = actors(store)
    assert [r["name"] for r in rows] == ["Osterlich", "Ruritanian army of the Élysée"]
    assert actors(store, name="Army")[0]["articles"] == 1
    assert actors(store, name="élysée")[0]["name"] == "Ruritanian army of the Élysée"  # not ASCII only
    assert quotes(store, speaker="SPOKES")[0]["text"] == "We will respond"
    quote = quotes(store, speaker="army")[0]  # through the speaker's resolved actor
    assert (quote["speaker"], quote["speaker_words"]) == ("Ruritanian army of the Élysée", "the spokesman")
    assert quotes(store, speaker="Zenda") == []


def test_the_python_api_returns_dataframes(store: Store, tmp_path: Path) -> None:
    import pandas as pd

    import whodid

    url = store.url
    store.close()
    with whodid.open(url) as db:
        frame = db.events(source="RUR", quad=4)
        assert isinstance(frame, pd.DataFrame)
        assert sorted(frame["event_id"]) == ["e1", "e3"]
        assert list(db.events(clusters=True).columns)[:3] == ["cluster_id", "first_day", "last_day"]
        monthly = db.dyad("RUR", "OST", by="month")
        assert monthly["events"].sum() == 3 and set(monthly["direction"]) == {"RUR->OST", "OST->RUR"}
        rates = db.dyad("RUR", "OST", normalize=True)["events_per_1k_articles"].tolist()
        assert rates == [500.0, 500.0, 0.0, 500.0]  # OST->RUR had no event in April: zero, not left out
        assert db.dyad("RUR", "OST", since="2024-04")["events"].tolist() == [0, 1]  # OST->RUR, RUR->OST
        written = db.export("csv", tmp_path / "rur.csv", source="RUR")
        assert written.rows == 3 and len((tmp_path / "rur.csv").read_text().splitlines()) == 4  # with header
        assert db.actors(name="army")["mentions"].tolist() == [1]
        assert db.quotes(speaker="spokes")["text"].tolist() == ["We will respond"]
        empty = db.events(cameo="2042")  # a CAMEO code no stored event has
        assert empty.empty and "article_id" in empty.columns
    with pytest.raises(UsageError):
        whodid.open(f"sqlite:///{tmp_path / 'missing.db'}")


def test_dyad_finds_the_stored_codes_of_a_prefix_by_index_seeks(store: Store) -> None:
    from whodid.store.query import _source_codes

    condition, codes = _source_codes(store, "rur")
    assert condition.startswith("source_code IN") and codes == ["RUR", "RURGOV", "RURMIL"]
    assert _source_codes(store, "ZEN") == ("", [])  # no event has that source
    condition, args = _source_codes(store, "RUR", most=1)  # too many codes: a range instead
    assert condition.startswith("(source_code >=") and args == ["RUR", "RUS", "RUR%"]


def test_large_results_stream_in_pieces(store: Store) -> None:
    sql = "SELECT event_id FROM events WHERE quad_class >= ? ORDER BY event_id"
    assert [r[0] for r in store.conn.stream(sql, [1], size=2)] == ["e1", "e2", "e3", "e4", "e5"]
    assert [r[0] for r in store.conn.stream("SELECT event_id FROM events WHERE rule LIKE 'te%'")] != []
    assert store.counts()["events"] == 5  # the connection is usable after a stream


def test_a_damaged_store_is_reported_not_a_traceback(db_url: str) -> None:
    store = open_store(db_url)  # a database of its own: this test damages it
    fill_store(store)
    store.conn.execute("DROP TABLE sentences")  # changed by hand: the events query joins it
    url = store.url
    store.close()
    for command in (("events",), ("export", "--format", "csv")):
        proc = whodid(*command, "--db", url)
        assert proc.returncode == 2 and "E418" in proc.stderr and "Traceback" not in proc.stderr
