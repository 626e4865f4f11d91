"""Event clusters: reports of one event across stories join one cluster, each join explained."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from whodid.evaluate.base import empty_prediction
from whodid.record import ArticleRecord
from whodid.store.clusters import days, publisher
from whodid.store.db import Store, open_store
from whodid.store.query import EventQuery, dyad, events

TEXT = "Ruritanian troops shelled Osterlich border posts."


def _event(
    k: int, src: str, tgt: str, cameo: str, date: str | None, precision: str, loc: str | None = None
) -> dict[str, Any]:
    return {
        "id": f"e{k}",
        "source": {"actor": "a1", "country": src[:3], "code": src, "text": "troops"},
        "target": {"actor": "a2", "country": tgt[:3], "code": tgt, "text": "Osterlich"},
        "cameo": cameo,
        "plover": "ASSAULT",
        "quad_class": 4,
        "goldstein": -10.0,
        "date": date,
        "date_precision": precision,
        "date_source": "text",
        "location": {"name": "x", "country": loc, "lat": 0.0, "lon": 0.0, "feature": "country"}
        if loc
        else None,
        "modality": "asserted",
        "background": False,
        "sentence": {"index": 0, "start": 0, "end": len(TEXT)},
        "evidence": {"start": 18, "end": 25, "text": "shelled"},
        "rule": "test",
        "confidence": 0.8,
    }


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with open_store(db_url) as s:
        yield s


def _story(store: Store, n: int, source: str, *evs: dict[str, Any]) -> None:
    rec = empty_prediction(f"sha256-{n:016d}")
    rec["article"].update({"source": source, "url": f"https://{source}/story{n}"})
    rec["events"] = list(evs)
    store.add([(ArticleRecord.from_dict(rec), TEXT + f" ({n})", "test", None)])


def test_reports_of_one_event_join_one_cluster(store: Store) -> None:
    _story(store, 1, "paper-a.example", _event(1, "RURMIL", "OSTMIL", "190", "2024-03-04", "day", "OST"))
    _story(store, 2, "paper-b.example", _event(1, "RURMILXYZ", "OSTMIL", "193", "2024-03-05", "day"))
    _story(store, 3, "paper-a.example", _event(1, "RURMIL", "OSTMIL", "195", "2024-03", "month"))
    # not the same event: other dyad direction, other root, too far in time, other location
    _story(store, 4, "paper-c.example", _event(1, "OSTMIL", "RURMIL", "190", "2024-03-04", "day"))
    _story(store, 5, "paper-c.example", _event(1, "RURMIL", "OSTMIL", "173", "2024-03-04", "day"))
    _story(store, 6, "paper-c.example", _event(1, "RURMIL", "OSTMIL", "190", "2024-05-20", "day"))
    _story(store, 7, "paper-c.example", _event(1, "RURMIL", "OSTMIL", "190", "2024-03-04", "day", "ZEN"))
    _story(store, 8, "paper-c.example", _event(1, "RURMIL", "OSTMIL", "190", "2024", "year"))
    rows = {r["cluster_id"]: r for r in events(store, EventQuery(clusters=True))}
    assert len(rows) == 6
    big = max(rows.values(), key=lambda r: r["mentions"])
    assert (big["mentions"], big["stories"], big["sources"]) == (3, 3, 2)
    assert (big["source"], big["target"], big["cameo_root"]) == ("RURMIL", "OSTMIL", "19")
    assert (big["first_day"], big["last_day"]) == ("2024-03-04", "2024-03-05")  # a month does not widen it
    reasons = dict(store.conn.execute("SELECT article_id, cluster_reason FROM events").fetchall())
    assert reasons["sha256-0000000000000002"].startswith("joined: same dyad RURMIL->OSTMIL and root 19")
    assert "1 days from" in reasons["sha256-0000000000000002"]
    assert reasons["sha256-0000000000000001"].startswith("new: first report")
    assert "too vague" in reasons["sha256-0000000000000008"]
    # an analyst drills into one cluster: its mentions, each with why it joined
    members = events(store, EventQuery(cluster=big["cluster_id"]))
    assert sorted(r["article_id"][-1] for r in members) == ["1", "2", "3"]
    assert {r["cluster_id"] for r in members} == {big["cluster_id"]}
    assert sum(r["cluster_reason"].startswith("joined: same dyad") for r in members) == 2
    # filters apply to the mentions: a cluster shows when any of its mentions matches
    assert len(events(store, EventQuery(clusters=True, cameo="195"))) == 1
    assert len(events(store, EventQuery(cameo="19*"))) == 7
    # a dyad summary counts reports, or with clusters=True each event once
    mentions = {(r["period"], r["direction"]): r["events"] for r in dyad(store, "RURMIL", "OSTMIL")}
    once = {(r["period"], r["direction"]): r for r in dyad(store, "RURMIL", "OSTMIL", clusters=True)}
    assert mentions[("2024-03", "RURMIL->OSTMIL")] == 5  # stories 1, 2, 3, 5 and 7
    assert once[("2024-03", "RURMIL->OSTMIL")]["events"] == 3  # {1, 2, 3}, {5} and {7}
    assert once[("2024-03", "RURMIL->OSTMIL")]["goldstein_sum"] == -30.0  # three events of -10
    assert (
        once[("2024-03", "OSTMIL->RURMIL")]["events"] == 1
        and once[("2024-05", "RURMIL->OSTMIL")]["events"] == 1
    )


def test_no_chaining_and_no_dyad_no_join(store: Store) -> None:
    for k, day in enumerate(
        ("2024-03-01", "2024-03-03", "2024-03-05", "2024-03-07", "2024-03-09", "2024-03-11")
    ):
        _story(store, k + 1, f"p{k}.example", _event(1, "RURMIL", "OSTMIL", "190", day, "day"))
    spans = [(r["first_day"], r["last_day"]) for r in events(store, EventQuery(clusters=True))]
    assert len(spans) == 2  # daily reports two days apart: a week at most per cluster, no endless chain
    assert all((dt.date.fromisoformat(b) - dt.date.fromisoformat(a)).days <= 7 for a, b in spans)
    for k in (20, 21):  # a statement with no target names no dyad: each stays alone
        no_target = _event(1, "RURGOV", "OSTGOV", "010", "2024-06-01", "day")
        no_target["target"] = None
        _story(store, k, "q.example", no_target)
    lonely = store.conn.execute("SELECT COUNT(*) FROM events WHERE cluster_reason LIKE 'new: not a dyad%'")
    assert lonely.fetchone()[0] == 2


def test_clustering_is_incremental_across_ingests(db_url: str) -> None:
    url = db_url
    with open_store(url) as store:
        _story(store, 1, "a.example", _event(1, "RURMIL", "OSTMIL", "190", "2024-03-04", "day"))
    with open_store(url) as store:  # a later ingest: new reports join the stored cluster
        _story(store, 2, "b.example", _event(1, "RURMIL", "OSTMIL", "190", "2024-03-06", "day"))
        (cluster,) = events(store, EventQuery(clusters=True))
        assert (cluster["mentions"], cluster["sources"]) == (2, 2)


def test_days_a_date_can_mean() -> None:
    assert days("2024-02", "month") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert days("2024-02-03", "day") == (dt.date(2024, 2, 3), dt.date(2024, 2, 3))
    assert days("2024", "year") == (None, None) and days(None, "unknown") == (None, None)


def _many_stories(store: Store) -> None:
    for n in range(1, 13):  # reports of a few events over two weeks, some dated to the month only
        day = f"2024-03-{1 + (n * 5) % 14:02d}"
        precise = ("2024-03", "month") if n % 4 == 0 else (day, "day")
        first = _event(1, "RURMIL", "OSTMIL", "190", *precise, "OST" if n % 3 == 0 else None)
        second = _event(2, "RURMIL", "OSTMIL", "193", day, "day")  # the same event twice in one story
        _story(store, n, f"paper-{n % 4}.example", first, second)


def test_counts_kept_as_reports_join_equal_a_count_from_scratch(store: Store) -> None:
    _many_stories(store)
    rows = store.conn.execute(
        "SELECT e.cluster_id, e.article_id, e.date, e.date_precision, e.location_country, a.source, a.url "
        "FROM events e JOIN articles a ON a.id = e.article_id"
    ).fetchall()
    expected: dict[int, dict[str, Any]] = {}
    for cid, aid, date, precision, loc, src, url in rows:
        c = expected.setdefault(
            cid, {"mentions": 0, "stories": set(), "sources": set(), "spans": [], "locs": set()}
        )
        c["mentions"] += 1
        c["stories"].add(aid)
        c["sources"].add(publisher(src, url, aid))
        c["spans"].append((precision, days(date, precision)))
        c["locs"] |= {loc} if loc else set()
    stored = store.conn.execute(
        "SELECT id, mentions, stories, sources, first_day, last_day, location_country FROM event_clusters"
    ).fetchall()
    assert len(stored) == len(expected) and any(m > 2 for _, m, *_ in stored)
    for cid, mentions, stories, sources, first, last, loc in stored:
        c = expected[cid]
        spans = [s for p, s in c["spans"] if p == "day"] or [s for _, s in c["spans"]]
        firsts, lasts = [a for a, _ in spans if a], [b for _, b in spans if b]
        assert (mentions, stories, sources) == (c["mentions"], len(c["stories"]), len(c["sources"]))
        assert first == (min(firsts).isoformat() if firsts else None)
        assert last == (max(lasts).isoformat() if lasts else None)
        assert loc == (next(iter(c["locs"])) if len(c["locs"]) == 1 else None)


def test_migration_4_fills_the_sources_of_clusters_stored_before_it(store: Store) -> None:
    _many_stories(store)
    before = sorted(store.conn.execute("SELECT * FROM cluster_sources").fetchall())
    flags = sorted(store.conn.execute("SELECT id, day_precise FROM event_clusters").fetchall())
    assert before and any(f for _, f in flags)
    for undo in (  # the database as migration 3 left it
        "DROP TABLE cluster_sources",
        "ALTER TABLE event_clusters DROP COLUMN day_precise",
        "DROP INDEX events_cluster_article",
        "CREATE INDEX events_cluster ON events (cluster_id)",
        "DELETE FROM schema_migrations WHERE version = 4",
    ):
        store.conn.execute(undo)
    assert [m.version for m in store.migrate()] == [4]
    assert sorted(store.conn.execute("SELECT * FROM cluster_sources").fetchall()) == before
    assert sorted(store.conn.execute("SELECT id, day_precise FROM event_clusters").fetchall()) == flags
