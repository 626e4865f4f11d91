"""Issue 12: POST /v1/articles codes and stores one article (the session's pipeline), with a bounded
body, coded errors and, when the server has one, the bearer token; on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.serve.test_api import assert_error
from whodid.pipeline import Pipeline
from whodid.store.db import migrations, open_store

TEXT = "Egypt accused Ethiopia of filling the dam on Tuesday. Ethiopia rejected the claim."


def test_post_codes_and_stores_an_article(
    db_url: str, make_client: Callable[..., TestClient], pipeline: Pipeline
) -> None:
    open_store(db_url).close()  # the server reads an existing store (E411 otherwise), as readers do
    client = make_client(db_url, pipeline=pipeline)
    body = {"text": TEXT, "published": "2024-05-07", "title": "Dam", "url": "https://example.org/a"}
    response = client.post("/v1/articles", json=body)
    assert response.status_code == 200, response.text
    record = response.json()
    assert record["schema"] == "whodid.article/1" and record["article"]["published"] == "2024-05-07"
    assert record["events"] and record["article"]["title"] == "Dam"
    stored = client.get(f"/v1/articles/{record['article']['id']}").json()
    assert stored["text"] == TEXT and stored["record"] == record
    assert client.post("/v1/articles", json=body).json() == record  # stored once, same record
    assert client.get("/v1/events", params={"source": "EGY"}).json()["events"]


def test_post_to_a_fresh_database_creates_it(
    db_url: str, make_client: Callable[..., TestClient], pipeline: Pipeline
) -> None:
    client = make_client(db_url, pipeline=pipeline)  # no file yet on SQLite, no tables on PostgreSQL
    if db_url.startswith("sqlite:"):
        assert_error(client.get("/v1/events"), "E411", 503)  # reads still need a database
    response = client.post("/v1/articles", json={"text": TEXT, "published": "2024-05-07"})
    assert response.status_code == 200, response.text
    with open_store(db_url, create=False) as store:
        assert [v for v, _ in store.applied()] == [m.version for m in migrations()]
        assert store.counts()["articles"] == 1
    assert client.get("/v1/events", params={"source": "EGY"}).json()["events"]


def test_post_errors_are_coded(tmp_path: object, make_client: Callable[..., TestClient]) -> None:
    url = f"sqlite:///{tmp_path}/w.db"
    open_store(url).close()

    def no_pipeline() -> Pipeline:
        raise AssertionError("nothing here should be coded")

    client = make_client(url, load_pipeline=no_pipeline, max_bytes=2000)
    assert_error(client.post("/v1/articles", json={"text": ""}), "E100", 422)
    assert_error(client.post("/v1/articles", json={"title": "no text"}), "E112", 422)
    assert_error(client.post("/v1/articles", json={"text": 5}), "E113", 422)
    assert_error(client.post("/v1/articles", json={"text": TEXT, "published": "soon"}), "E120", 422)
    assert_error(client.post("/v1/articles", content=b"{not json"), "E601", 400)
    assert_error(client.post("/v1/articles", json=["a list"]), "E601", 400)
    assert_error(client.post("/v1/articles", json={"text": "x" * 5000}), "E604", 413)

    def chunks() -> object:
        yield b'{"text": "'
        for _ in range(10):
            yield b"y" * 500  # no Content-Length: the body is counted as it comes
        yield b'"}'

    assert_error(client.post("/v1/articles", content=chunks()), "E604", 413)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("header", "status"),
    [(None, 401), ("Bearer wrong", 401), ("Basic s3cret-token", 401), ("Bearer s3cret-token", 200)],
)
def test_a_server_with_a_token_needs_it_to_write(
    tmp_path: object,
    make_client: Callable[..., TestClient],
    pipeline: Pipeline,
    header: str | None,
    status: int,
) -> None:
    url = f"sqlite:///{tmp_path}/t.db"
    open_store(url).close()
    client = make_client(url, pipeline=pipeline, token="s3cret-token")
    headers = {"Authorization": header} if header else {}
    response = client.post("/v1/articles", json={"text": TEXT}, headers=headers)
    if status == 401:
        assert_error(response, "E605", 401)
    else:
        assert response.status_code == 200
    assert client.get("/v1/events").status_code == 200  # reads need no token
