"""A dyad's series read from the summary ``dyad_days`` (migration 0009, kept by ``Store.add``) says
what the events say: compared with the series counted event by event (``dyad_oracle.counted``) on
both back-ends, for every period, modalities, windows and the filters the summary does not serve;
the summary is what the series is read from (a changed summary shows), is the same whether kept
article by article or counted by the migration, and is left as it is by an article stored again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.store.dyad_oracle import counted, fill_random, records
from whodid.store.db import Store, open_store
from whodid.store.query import dyad, dyad_undated
from whodid.store.summaries import rebuild

# (a, b): three-letter codes (the summary), a star, a code of two segments (the events)
PAIRS = (("RUR", "OST"), ("OST", "ZEN"), ("RUR*", "IGO"), ("RURGOV", "OST"), ("IGOUNO", "RUR"))
OPTIONS: tuple[dict[str, Any], ...] = (
    {},
    {"modality": "all"},
    {"modality": "asserted,future"},
    {"modality": "negated"},
    {"since": "2024"},
    {"since": "2023-12-31", "until": "2024-02"},
    {"until": "2023"},
    {"min_confidence": 0.8},  # not in the summary: read from the events
    {"include_background": False},  # the same
)


def fill_store(s: Store) -> None:
    fill_random(s)


@pytest.fixture
def own_store(db_url: str) -> Iterator[Store]:
    """The same articles in a database of its own, for a test that changes it."""
    with open_store(db_url) as s:
        fill_store(s)
        yield s


def _series(store: Store, a: str, b: str, by: str, **options: Any) -> tuple[list[dict[str, Any]], int]:
    rows = dyad(store, a, b, by=by, fill=True, **options)
    return rows, dyad_undated(store, a, b, by=by, **options)


def _summary(store: Store) -> list[tuple[Any, ...]]:
    """The summary's rows, the Goldstein sum to the decimals a row shows."""
    rows = store.conn.execute("SELECT * FROM dyad_days ORDER BY 1, 2, 3, 4").fetchall()
    return [(*r[:-1], round(r[-1], 3) + 0.0) for r in rows]


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_the_series_is_what_the_events_count(store: Store, by: str) -> None:
    assert store.conn.execute("SELECT COUNT(*) FROM dyad_days").fetchone()[0] > 0
    for a, b in PAIRS:
        for options in OPTIONS:
            rows, undated = _series(store, a, b, by, **options)
            expected, expected_undated = counted(store, a, b, by=by, **options)
            assert (rows, undated) == (expected, expected_undated), (a, b, options)
            assert json.dumps(rows) == json.dumps(expected)  # 0.0 is not -0.0 there
            assert any(r["events"] for r in rows), (a, b, options)  # the store has events of each


def test_the_series_is_read_from_the_summary(own_store: Store) -> None:
    """What the summary holds shows in the series: were it stale, the comparison with the events
    above would fail. A rebuild from the events (what the migration fills) puts it right again."""
    store = own_store
    day = store.conn.execute(
        "SELECT date FROM dyad_days WHERE source_root = 'RUR' AND target_root = 'OST' "
        "AND modality = 'asserted' AND length(date) = 10 ORDER BY date LIMIT 1"
    ).fetchone()[0]
    with store.conn.transaction():
        store.conn.execute(
            "UPDATE dyad_days SET material_conflict = material_conflict + 1, "
            "goldstein_sum = goldstein_sum - 10 WHERE source_root = 'RUR' AND target_root = 'OST' "
            "AND modality = 'asserted' AND date = ?",
            [day],
        )
    rows, _ = _series(store, "RUR", "OST", "day")
    expected, _ = counted(store, "RUR", "OST", by="day")
    changed = [(r, e) for r, e in zip(rows, expected, strict=True) if r != e]
    assert [(r["period"], r["direction"], r["events"] - e["events"]) for r, e in changed] == [
        (day, "RUR->OST", 1)
    ]
    assert _series(store, "RURGOV", "OST", "day")[0] == counted(store, "RURGOV", "OST", by="day")[0]
    with store.conn.transaction():
        rebuild(store.conn, ["dyad_days"])
    assert _series(store, "RUR", "OST", "day")[0] == expected


def test_the_migration_counts_the_events_stored_before_it(own_store: Store, db_url: str) -> None:
    """A database whose events were stored before migration 0009 gets the summary Store.add keeps."""
    kept = _summary(own_store)
    with own_store.conn.transaction():
        own_store.conn.execute("DROP TABLE dyad_days")
        own_store.conn.execute("DELETE FROM schema_migrations WHERE version = 9")
    own_store.close()
    with open_store(db_url) as store:
        assert (9, "dyad_days") in store.applied()
        assert _summary(store) == kept
        for by in ("day", "month"):
            assert _series(store, "RUR", "OST", by) == counted(store, "RUR", "OST", by=by)


def test_an_article_stored_again_changes_no_count(own_store: Store) -> None:
    kept = _summary(own_store)
    assert own_store.add(records(7)) == 0  # every article is stored already
    assert _summary(own_store) == kept
    more = records(8, articles=2)
    assert own_store.add(more) == 2
    assert _summary(own_store) != kept
    assert _series(own_store, "RUR", "OST", "day") == counted(own_store, "RUR", "OST", by="day")
