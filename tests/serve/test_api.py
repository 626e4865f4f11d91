"""Issue 12: the /v1 JSON API of ``whodid serve``, in process (TestClient), on SQLite and PostgreSQL:
every endpoint and filter, cursor pagination, csv, and one error shape for every failure."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.serve.conftest import ARTICLES, XSS_ID
from whodid.errors import Errors
from whodid.store import query

ERROR_KEYS = {"code", "status", "problem", "fix", "message"}


def ids(client: TestClient, **params: Any) -> list[str]:
    response = client.get("/v1/events", params={"limit": 1000, **params})
    assert response.status_code == 200, response.text
    return [e["id"] for e in response.json()["events"]]


def assert_error(response: Any, code: str, status: int) -> dict[str, Any]:
    """The one error shape: {"error": {code, status, problem, fix, message}}, from the catalogue."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == ERROR_KEYS
    error = body["error"]
    assert error["code"] == code and error["status"] == status
    assert error["message"] == f"{error['problem']} {error['fix']}"
    assert Errors[code].value.fix.split("{")[0][:20] in error["fix"]
    assert "Traceback" not in response.text
    return dict(error)


def test_events_every_filter(client: TestClient) -> None:
    a1, a2, a3 = ARTICLES
    assert ids(client) == [f"{XSS_ID}:e1", *(f"{a}:{e}" for a in (a3, a2, a1) for e in ("e1", "e2"))]
    assert ids(client, source="USA") == [f"{a}:e1" for a in (a3, a2, a1)]
    assert ids(client, source="USA", target="CHN") == ids(client, source="USAGOV")
    assert ids(client, target="United States") == [f"{a}:e2" for a in (a3, a2, a1)]
    assert ids(client, actor="beijing") == [f"{a}:e1" for a in (a3, a2, a1)]
    assert ids(client, cameo="11*") == ids(client, cameo="112") == ids(client, cameo="11")
    assert ids(client, quad=1) == [f"{a}:e2" for a in (a3, a2, a1)]
    assert ids(client, since="2024-04", until="2024-04") == [f"{a2}:e1", f"{a2}:e2"]
    assert ids(client, min_confidence=0.6, source="CHN") == []
    assert len(ids(client, modality="all")) == 10  # the hypothetical e3 of each USA-CHN article too
    assert ids(client, modality="hypothetical") == [f"{a}:e3" for a in (a3, a2, a1)]
    assert ids(client, include_background="false") == ids(client)
    clusters = client.get("/v1/events", params={"clusters": "true"}).json()["events"]
    assert clusters and set(clusters[0]) == set(query.CLUSTER_COLUMNS)
    cluster = clusters[0]["cluster_id"]
    assert ids(client, cluster=cluster)


def test_events_rows_carry_their_sentence_and_record_fields(client: TestClient) -> None:
    row = client.get("/v1/events", params={"source": "USA", "limit": 1}).json()["events"][0]
    assert set(query.EVENT_COLUMNS) <= set(row)
    assert row["sentence"] == "Washington accused Beijing on Tuesday."
    assert (row["rule"], row["confidence"], row["evidence_text"]) == ("verb:test", 0.8, "accused")


def test_cursor_pagination_walks_every_row_once(client: TestClient) -> None:
    everything = ids(client, modality="all")
    seen: list[str] = []
    cursor = None
    for _ in range(20):
        params = {"modality": "all", "limit": 3, **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/events", params=params).json()
        assert len(page["events"]) <= 3 and page["limit"] == 3
        seen += [e["id"] for e in page["events"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == everything
    clusters: list[int] = []
    cursor = None
    for _ in range(20):
        params = {"clusters": "true", "limit": 1, **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/events", params=params).json()
        clusters += [c["cluster_id"] for c in page["events"]]
        if (cursor := page["next_cursor"]) is None:
            break
    assert clusters == [c["cluster_id"] for c in client.get("/v1/events?clusters=true").json()["events"]]


@pytest.mark.parametrize("limit", ["0", "1001", "x"])
def test_page_size_is_bounded(client: TestClient, limit: str) -> None:
    error = assert_error(client.get("/v1/events", params={"limit": limit}), "E601", 400)
    assert "'limit'" in error["problem"]


def test_bad_cursor_and_filters_are_e601_or_the_stores_own(client: TestClient) -> None:
    assert_error(client.get("/v1/events?cursor=bm9wZQ"), "E601", 400)
    assert_error(client.get("/v1/events?quad=9"), "E410", 400)
    assert_error(client.get("/v1/events?cameo=abc"), "E410", 400)
    assert_error(client.get("/v1/events?source=XYZQ"), "E419", 404)
    assert_error(client.get("/v1/events?modality=maybe"), "E410", 400)
    assert_error(client.get("/v1/events?format=xml"), "E601", 400)


def test_csv_is_exactly_the_page(client: TestClient) -> None:
    params = {"source": "USA", "limit": 2}
    page = client.get("/v1/events", params=params).json()
    response = client.get("/v1/events", params={**params, "format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(query.EVENT_COLUMNS)
    assert [(r["article_id"], r["event_id"]) for r in rows] == [
        (e["article_id"], e["event_id"]) for e in page["events"]
    ]
    cursor = page["next_cursor"]
    rest = client.get("/v1/events", params={**params, "format": "csv", "cursor": cursor}).text
    assert len(list(csv.DictReader(io.StringIO(rest)))) == 1


def test_one_event_with_sentence_cluster_and_siblings(client: TestClient) -> None:
    eid = f"{ARTICLES[1]}:e1"
    body = client.get(f"/v1/events/{eid}").json()
    assert body["id"] == eid and body["record"]["cameo"] == "112" and body["record"]["rule"] == "verb:test"
    assert body["sentence"] == "Washington accused Beijing on Tuesday."
    assert body["article"]["link"] == f"/articles/{ARTICLES[1]}#event-e1"
    assert body["article"]["title"] == "Talks"
    assert body["cluster"] is None or body["cluster"]["cluster_id"] is not None
    assert all({"article_id", "event_id", "date"} <= set(s) for s in body["siblings"])
    assert_error(client.get(f"/v1/events/{ARTICLES[1]}:e99"), "E602", 404)
    assert_error(client.get("/v1/events/no-colon"), "E602", 404)


def test_dyad_series_both_directions_zero_filled(client: TestClient) -> None:
    body = client.get("/v1/dyads/USA/China/series", params={"by": "month"}).json()
    assert (body["a"], body["b"], body["by"], body["undated"]) == ("USA", "CHN", "month", 0)
    rows = body["rows"]
    assert [(r["period"], r["direction"]) for r in rows] == [
        (p, d) for p in ("2024-03", "2024-04", "2024-05") for d in ("CHN->USA", "USA->CHN")
    ]
    usa = next(r for r in rows if r["direction"] == "USA->CHN")
    assert (usa["events"], usa["verbal_conflict"], usa["goldstein_sum"], usa["net_cooperation"]) == (
        1,
        1,
        -2.0,
        -1,
    )
    chn = next(r for r in rows if r["direction"] == "CHN->USA")
    assert (chn["verbal_coop"], chn["goldstein_mean"], chn["net_cooperation"]) == (1, 3.4, 1)
    weeks = client.get("/v1/dyads/USA/CHN/series?by=week&since=2024-03&until=2024-03").json()["rows"]
    assert len(weeks) == 2 * 5 and sum(r["events"] for r in weeks) == 2  # every week, zeros included
    years = client.get("/v1/dyads/USA/CHN/series?by=year&format=csv").text.splitlines()
    assert years[0].split(",") == list(query.DYAD_COLUMNS) and len(years) == 3
    assert_error(client.get("/v1/dyads/USA/CHN/series?by=hour"), "E601", 400)
    assert_error(client.get("/v1/dyads/USA/Atlantis/series"), "E420", 404)


def test_actors_quotes_speakers_articles(client: TestClient) -> None:
    actors = client.get("/v1/actors", params={"name": "china"}).json()["actors"]
    assert [(a["code"], a["articles"]) for a in actors] == [("CHNGOV", 3)]
    assert client.get("/v1/actors?code=USA&format=csv").text.startswith("name,kind,country")
    by_code = client.get("/v1/quotes", params={"speaker": "CHNGOV"}).json()["quotes"]
    assert len(by_code) == 3 and {q["speaker"] for q in by_code} == {"China"}
    assert client.get("/v1/quotes", params={"speaker": "nobody"}).json()["quotes"] == []
    speakers = client.get("/v1/speakers").json()
    assert speakers["speakers"][0]["speaker"] == "China" and speakers["unresolved"] == 0
    listed = client.get("/v1/articles").json()["articles"]
    assert [a["id"] for a in listed][:1] == [XSS_ID] and len(listed) == 4
    one = client.get(f"/v1/articles/{ARTICLES[0]}").json()
    assert one["record"]["schema"] == "whodid.article/1" and one["text"].startswith("Washington accused")
    assert_error(client.get("/v1/articles/sha256-nothing"), "E602", 404)


def test_error_shape_for_routing_and_unexpected_failures(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_error(client.get("/v1/no/such/thing"), "E603", 404)
    error = assert_error(client.delete("/v1/events"), "E608", 405)
    assert "DELETE" in error["problem"]
    from whodid.store import browse

    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(browse, "articles", broken)
    response = client.get("/v1/articles")
    error = assert_error(response, "E607", 500)
    assert "secret" not in response.text and "RuntimeError" in error["problem"]


def test_missing_database_is_e411(make_client: Callable[..., TestClient], tmp_path: Any) -> None:
    client = make_client(f"sqlite:///{tmp_path / 'none.db'}")
    assert_error(client.get("/v1/events"), "E411", 503)


def test_openapi_describes_every_endpoint(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/v1/events",
        "/v1/events/{event_id}",
        "/v1/dyads/{a}/{b}/series",
        "/v1/actors",
        "/v1/quotes",
        "/v1/speakers",
        "/v1/articles",
        "/v1/articles/{article_id}",
    } <= set(paths)
    assert "post" in paths["/v1/articles"]
