"""Issue 12: a page of events is read along the index of the mention order (migration 0007) or through
a filter's own index and sorted (``browse._newest_first``); both give the same rows in the same order,
page after page, undated events last; and a list without filters is not sorted whole on SQLite."""

from __future__ import annotations

from typing import Any

import pytest

from tests.serve.conftest import fill, usa_chn_record
from whodid.record import ArticleRecord
from whodid.store import browse, query
from whodid.store.db import open_store
from whodid.store.query import EventQuery

QUERIES = [
    EventQuery(),
    EventQuery(modality="all"),
    EventQuery(source="USA"),
    EventQuery(target="USA", modality="all"),
    EventQuery(source="CHN", target="USA", cameo="05*"),
    EventQuery(quad=3, since="2024-04"),
    EventQuery(actor="beijing", until="2024-04"),
]


def walk(store: Any, q: EventQuery, limit: int) -> list[tuple[str, str]]:
    """Every row of ``q``, page by page."""
    seen: list[tuple[str, str]] = []
    after = None
    for _ in range(50):
        page = browse.event_page(store, q, limit=limit, after=after)
        seen += [(r["article_id"], r["event_id"]) for r in page.rows]
        if (after := page.next_key) is None:
            return seen
    raise AssertionError("more than 50 pages")


@pytest.fixture
def store_url(db_url: str) -> str:
    fill(db_url)
    undated = usa_chn_record("sha256-00000000000000b0", "2024-06-01")
    for event in undated["events"]:
        event["date"], event["date_precision"] = None, "unknown"
    with open_store(db_url) as store:
        store.add([(ArticleRecord.from_dict(undated), "Undated " + "x" * 80, "test", None)])
    return db_url


def test_both_ways_give_the_same_pages(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(store_url, create=False) as store:
        for q in QUERIES:
            expected = [(r["article_id"], r["event_id"]) for r in query.events(store, q)]
            assert expected, q
            for few in (0, 10**9):  # every code filter counts as many (newest first), or as few (its index)
                monkeypatch.setattr(browse, "FEW_MATCHES", few)
                for limit in (1, 2, 100):
                    assert walk(store, q, limit) == expected, (q, few, limit)


def test_a_page_without_filters_is_not_sorted_whole(store_url: str) -> None:
    if not store_url.startswith("sqlite:"):
        pytest.skip("PostgreSQL's planner chooses its own way")
    with open_store(store_url, create=False) as store:
        seen: list[str] = []
        store.conn.raw.set_trace_callback(seen.append)
        browse.event_page(store, EventQuery(), limit=100)
        store.conn.raw.set_trace_callback(None)
        sql = next(s for s in seen if "JOIN articles" in s)
        plan = " / ".join(str(r[-1]) for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql))
    assert "events_newest" in plan and "TEMP B-TREE" not in plan, plan
