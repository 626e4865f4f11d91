"""``GET /v1/dyads/{a}/{b}/series`` writes its JSON row by row (``serve/series.py``) from counts read
from the summary ``dyad_days`` where it can: the bytes answered are those ``JSONResponse`` gives of
the series counted event by event from the events table (``tests/store/dyad_oracle.py``), and of
the rows ``query.dyad`` makes where no oracle is written (event clusters, a code of two letters), on
SQLite and PostgreSQL through the real app."""

from __future__ import annotations

import urllib.parse

import pytest
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient

from tests.store.dyad_oracle import counted, fill_random
from whodid.serve import Settings, create_app
from whodid.store import query
from whodid.store.db import open_store

PAIRS = (("RUR", "OST"), ("RUR*", "IGO"), ("RURGOV", "OST"), ("ZEN", "OST"), ("OSTGOV", "ZEN"))
OPTIONS: tuple[dict[str, str], ...] = (
    {},
    {"modality": "all"},
    {"modality": "future,negated"},
    {"since": "2023-12-31", "until": "2024-02"},
    {"since": "2024-02", "until": "2024-04"},  # April: zero rows only
    {"until": "2023"},
    {"min_confidence": "0.8"},
)


@pytest.fixture(scope="module")
def series_url(module_db_url: str) -> str:
    with open_store(module_db_url) as store:
        fill_random(store)
    return module_db_url


@pytest.fixture(scope="module")
def client(series_url: str) -> TestClient:
    return TestClient(create_app(Settings(url=series_url)), raise_server_exceptions=False)


def _get(client: TestClient, a: str, b: str, params: dict[str, str]) -> bytes:
    path = f"/v1/dyads/{urllib.parse.quote(a)}/{urllib.parse.quote(b)}/series"
    response = client.get(path, params=params)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.content


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_the_answer_is_the_json_of_the_series_the_events_count(
    client: TestClient, series_url: str, by: str
) -> None:
    with open_store(series_url, create=False) as store:
        for a, b in PAIRS:
            for options in OPTIONS:
                confidence = options.get("min_confidence")
                rows, undated = counted(
                    store,
                    a,
                    b,
                    by=by,
                    since=options.get("since"),
                    until=options.get("until"),
                    modality=options.get("modality", "asserted"),
                    min_confidence=float(confidence) if confidence else None,
                )
                expected = {"a": a, "b": b, "by": by, "rows": rows, "undated": undated}
                assert _get(client, a, b, {"by": by, **options}) == JSONResponse(expected).body, (
                    a,
                    b,
                    options,
                )


@pytest.mark.parametrize("by", ["day", "week", "month", "year"])
def test_the_answer_is_the_json_of_the_rows_where_no_oracle_counts(
    client: TestClient, series_url: str, by: str
) -> None:
    with open_store(series_url, create=False) as store:
        for a, b, clusters, since in (
            ("RUR", "OST", True, None),  # each event cluster counted once
            ("RU", "ZEN", False, None),  # a code that is no whole segment matches only itself
            ("RU", "IGO", False, "2030"),  # nothing: no rows
        ):
            rows = query.dyad(store, a, b, by=by, clusters=clusters, since=since, fill=True)
            undated = query.dyad_undated(store, a, b, by=by, since=since)
            expected = {"a": a, "b": b, "by": by, "rows": rows, "undated": undated}
            params = {"by": by, "clusters": str(clusters).lower(), **({"since": since} if since else {})}
            assert _get(client, a, b, params) == JSONResponse(expected).body, (a, b, clusters, since)
