"""The dyad series is pivoted in SQL (a row per period, a count per quad class) and zero-filled
cheaply; these tests pin it against the fold it replaced (a row per period and quad class, folded
and zero-filled in Python), on a small made-up store, on both back-ends, and pin the overview's
summary tables against the events they count."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest

from whodid.evaluate.base import empty_prediction
from whodid.record import ArticleRecord
from whodid.store import browse, periods
from whodid.store.db import Store, open_store
from whodid.store.periods import PERIODS, period
from whodid.store.query import _article_volume, _code_prefix, _prefix_args, _source_codes, _window, dyad
from whodid.store.summaries import rebuild

TEXT = "Ruritania attacked Osterlich."
CODES = ("RUR", "RURGOV", "RURMIL", "OST", "OSTGOV", "ZEN")
DATES = (
    "2023-12-30",
    "2023-12-31",
    "2024-01-01",
    "2024-01-08",
    "2024-02-29",
    "2024-03-02",
    "2024-03",
    "2024",
)


def _events(rng: random.Random, n: int) -> list[dict[str, Any]]:
    out = []
    for k in range(n):
        src, tgt = rng.sample(CODES, 2)
        date = rng.choice([*DATES, None])
        quad = rng.randint(1, 4)
        out.append(
            {
                "id": f"e{k + 1}",
                "source": {"actor": "a1", "country": src[:3], "code": src, "text": "Ruritania"},
                "target": {"actor": "a2", "country": tgt[:3], "code": tgt, "text": "Osterlich"},
                "cameo": "190" if quad == 4 else "051",
                "plover": None,
                "quad_class": quad,
                "goldstein": rng.choice([-10.0, -5.0, -2.2, 1.9, 3.4, 7.0]),
                "date": date,
                "date_precision": {None: "unknown", 4: "year", 7: "month", 10: "day"}[
                    len(date) if date else None
                ],
                "date_source": "text",
                "location": None,
                "modality": rng.choice(["asserted", "asserted", "asserted", "negated"]),
                "background": False,
                "sentence": {"index": 0, "start": 0, "end": len(TEXT)},
                "evidence": {"start": 0, "end": 9, "text": TEXT[:9]},
                "rule": "test",
                "confidence": rng.choice([0.5, 0.8, 0.9]),
            }
        )
    return out


def fill_store(s: Store) -> None:
    """Six articles of 30 random events each, stored one per add: the summaries grow by upserts."""
    rng = random.Random(12)
    for k in range(6):
        rec = empty_prediction(f"sha256-{k:016x}")
        rec["article"]["published"] = rng.choice(DATES[:6])
        rec["actors"] = [
            {"id": "a1", "name": "Ruritania", "kind": "state", "mentions": [{"start": 0, "end": 0}]},
            {"id": "a2", "name": "Osterlich", "kind": "state", "mentions": [{"start": 0, "end": 0}]},
        ]
        rec["events"] = _events(rng, 30)
        s.add([(ArticleRecord.from_dict(rec), TEXT + f" {k}", "test", None)])


@pytest.fixture
def own_store(db_url: str) -> Iterator[Store]:
    """The same articles in a database of its own, for a test that rewrites the summaries."""
    with open_store(db_url) as s:
        fill_store(s)
        yield s


def folded_in_python(store: Store, a: str, b: str, *, by: str, **kw: Any) -> list[dict[str, Any]]:
    """``query.dyad`` as it was before the pivot: (period, quad class) groups from SQL, folded into
    rows and zero-filled by ``periods.fill`` in Python."""
    clusters, normalize, fill = kw.pop("clusters", False), kw.pop("normalize", False), kw.pop("fill", False)
    since, until = kw.get("since"), kw.get("until")
    window, window_args = _window(since, until, kw.get("min_confidence"), kw.get("modality", "asserted"))
    width = PERIODS.get(by, 10)
    volume = _article_volume(store, by) if normalize else {}
    out: list[dict[str, Any]] = []
    for src, tgt in ((a, b), (b, a)):
        sources, source_args = _source_codes(store, src)
        if not source_args:
            continue
        match = (
            f"{sources} AND {_code_prefix('target_code')} AND date IS NOT NULL AND length(date) >= {width}"
        )
        match += window
        if clusters:
            sql = (
                "SELECT period, quad_class, COUNT(*), SUM(goldstein) FROM (SELECT substr(date, 1, "
                f"{width}) AS period, MIN(quad_class) AS quad_class, AVG(goldstein) AS goldstein FROM "
                f"events WHERE {match} GROUP BY substr(date, 1, {width}), COALESCE(cluster_id, -1), "
                "CASE WHEN cluster_id IS NULL THEN article_id || ' ' || event_id END) AS per_cluster "
                "GROUP BY period, quad_class"
            )
        else:
            sql = f"SELECT substr(date, 1, {width}), quad_class, COUNT(*), SUM(goldstein) FROM events "
            sql += f"WHERE {match} GROUP BY 1, 2"
        bins: dict[str, list[float]] = {}
        for day, quad, n, gsum in store.conn.execute(sql, [*source_args, *_prefix_args(tgt), *window_args]):
            acc = bins.setdefault(period(str(day), by), [0, 0, 0, 0, 0.0])
            acc[int(quad) - 1] += int(n)
            acc[4] += float(gsum)
        for label, (q1, q2, q3, q4, gsum) in bins.items():
            n = int(q1 + q2 + q3 + q4)
            row: dict[str, Any] = {
                "period": label,
                "direction": f"{src}->{tgt}",
                "events": n,
                "verbal_coop": int(q1),
                "material_coop": int(q2),
                "verbal_conflict": int(q3),
                "material_conflict": int(q4),
                "goldstein_sum": round(gsum, 3),
                "goldstein_mean": round(gsum / n, 3),
                "net_cooperation": int((q1 + q2) - (q3 + q4)),
            }
            if normalize:
                articles = volume.get(label, 0)
                row["articles"] = articles
                row["events_per_1k_articles"] = round(1000 * n / articles, 3) if articles else None
            out.append(row)
    if fill:
        first, last = periods.bounds(since, until, by)
        directions = [f"{a}->{b}", f"{b}->{a}"]
        return periods.fill(out, directions, by, first=first, last=last, volume=volume if normalize else None)
    return sorted(out, key=lambda r: (r["period"], r["direction"]))


def same(pivoted: list[dict[str, Any]], folded: list[dict[str, Any]]) -> None:
    """Equal rows; a Goldstein mean may differ by the last digit where the sums, added in another
    order, fall on either side of a half (the pivot's mean is of the sum as shown)."""
    assert len(pivoted) == len(folded)
    for p, f in zip(pivoted, folded, strict=True):
        pm, fm = p.pop("goldstein_mean"), f.pop("goldstein_mean")
        assert p == f
        assert (pm is None and fm is None) or abs(pm - fm) <= 0.0010001, (p, pm, fm)


CASES: list[dict[str, Any]] = [
    {},
    {"fill": True},
    {"fill": True, "normalize": True},
    {"normalize": True},
    {"clusters": True, "fill": True},
    {"fill": True, "since": "2023-12-31", "until": "2024-02"},
    {"fill": True, "since": "2024", "modality": "all", "min_confidence": 0.8},
]


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_the_pivot_in_sql_answers_as_the_python_fold(store: Store, by: str) -> None:
    assert len(dyad(store, "RUR", "OST", by=by)) >= 2  # the store has events of this dyad
    for kw in CASES:
        for a, b in (("RUR", "OST"), ("RURGOV", "OST"), ("ZEN", "RUR")):
            same(dyad(store, a, b, by=by, **kw), folded_in_python(store, a, b, by=by, **dict(kw)))


def test_a_filled_series_has_every_period_and_direction(store: Store) -> None:
    rows = dyad(store, "RUR", "OST", by="day", fill=True, since="2023-12-30", until="2024-01")
    assert [r["period"] for r in rows[::2]] == periods.between("2023-12-30", "2024-01-31", "day")
    assert {r["direction"] for r in rows} == {"OST->RUR", "RUR->OST"}
    empty = [r for r in rows if r["events"] == 0]
    assert empty and all(r["goldstein_mean"] is None and r["goldstein_sum"] == 0.0 for r in empty)


def _volume_from_events(store: Store, modality: str) -> dict[str, list[int]]:
    kept = "" if modality == "all" else " AND (modality = 'asserted' OR modality IS NULL)"
    sql = (
        "SELECT substr(date, 1, 7), quad_class, COUNT(*) FROM events WHERE date IS NOT NULL "
        f"AND length(date) >= 7{kept} GROUP BY 1, 2"
    )
    out: dict[str, list[int]] = {}
    for month, quad, n in store.conn.execute(sql):
        out.setdefault(month, [0, 0, 0, 0])[int(quad) - 1] += int(n)
    return out


def test_the_overview_summaries_count_what_the_events_hold(own_store: Store) -> None:
    store = own_store  # it rebuilds the summaries
    for modality in ("asserted", "all"):
        shown = {
            r["period"]: [r[q] for q in browse.QUADS]
            for r in browse.volume(store, by="month", modality=modality)
        }
        assert shown == _volume_from_events(store, modality)
    kept = "(modality = 'asserted' OR modality IS NULL) AND "
    pairs = store.conn.execute(
        f"SELECT source_code, target_code, COUNT(*), AVG(goldstein) FROM events WHERE {kept}"
        "source_code IS NOT NULL AND target_code IS NOT NULL GROUP BY source_code, target_code "
        "ORDER BY COUNT(*) DESC, source_code, target_code LIMIT 5"
    ).fetchall()
    top = browse.top_dyads(store, limit=5)
    assert [(r["source"], r["target"], r["events"]) for r in top] == [(s, t, int(n)) for s, t, n, _ in pairs]
    assert all(
        abs(r["goldstein_mean"] - float(g)) <= 0.0010001 for r, (*_, g) in zip(top, pairs, strict=True)
    )
    assert sum(r["events"] for r in browse.top_dyads(store, limit=100, modality="all")) == 6 * 30
    before = {
        t: store.conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2, 3").fetchall()
        for t in ("event_months", "event_pairs")
    }
    with store.conn.transaction():
        rebuild(store.conn)  # what migration 0008 fills from stored events: the same as kept by Store.add
    for table, rows in before.items():
        again = store.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3").fetchall()
        assert [r[:4] for r in again] == [r[:4] for r in rows]
