"""Issues 12 and 14: a database the server cannot use is the operator's problem, not the client's.

Another program's database (E421), one an older whodid made (E422) and one locked by another process
past the wait (E423) answer 503 in the one error shape, on SQLite and PostgreSQL, through the real
app; a bad filter (E427, a CAMEO code that does not exist) stays the client's 400.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from fastapi.testclient import TestClient

from tests.serve.test_api import assert_error
from whodid.pipeline import Pipeline
from whodid.store import db as store_db
from whodid.store.db import backend, open_store, sqlite_path


def _execute(url: str, *statements: str) -> None:
    """Run ``statements`` on ``url`` with the driver alone, as another program would."""
    if backend(url) == "sqlite":
        with sqlite3.connect(sqlite_path(url), isolation_level=None) as conn:
            for statement in statements:
                conn.execute(statement)
        return
    import psycopg

    with psycopg.connect(url, autocommit=True) as pg:
        for statement in statements:
            pg.execute(statement)


@contextmanager
def _locked(url: str) -> Iterator[None]:
    """Another process's write lock on the articles, held until the block ends."""
    if backend(url) == "sqlite":
        conn = sqlite3.connect(sqlite_path(url), isolation_level=None)
        conn.execute("BEGIN EXCLUSIVE")
        try:
            yield
        finally:
            conn.rollback()
            conn.close()
        return
    import psycopg

    with psycopg.connect(url) as pg:  # a transaction, open until the block ends
        pg.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
        yield
        pg.rollback()


def test_another_programs_database_is_e421_a_503(db_url: str, make_client: Callable[..., TestClient]) -> None:
    _execute(db_url, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    client = make_client(db_url)
    error = assert_error(client.get("/v1/events"), "E421", 503)
    assert "notes" in error["problem"]
    page = client.get("/", headers={"accept": "text/html"})
    assert page.status_code == 503 and "E421" in page.text


def test_an_older_whodids_database_is_e422_a_503(db_url: str, make_client: Callable[..., TestClient]) -> None:
    open_store(db_url).close()
    last = "(SELECT MAX(version) FROM schema_migrations)"
    _execute(db_url, f"DELETE FROM schema_migrations WHERE version = {last}")
    response = make_client(db_url).get("/v1/actors")
    error = assert_error(response, "E422", 503)
    assert "whodid migrate" in error["fix"]
    assert "retry-after" not in response.headers  # waiting does not migrate a database


def test_a_database_locked_while_the_server_creates_it_is_e423_a_503(
    tmp_path: Any, make_client: Callable[..., TestClient], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_db, "LOCK_TIMEOUT", 0.5)
    url = f"sqlite:///{tmp_path / 'new.db'}"
    _execute(url, "VACUUM")  # an empty file, which the first POST makes a whodid database
    with _locked(url):
        response = make_client(url).post("/v1/articles", json={"text": "Iran warned Israel on Monday."})
    assert_error(response, "E423", 503)


def test_a_lock_held_while_an_article_is_stored_is_e423_a_503(
    db_url: str,
    make_client: Callable[..., TestClient],
    pipeline: Pipeline,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The driver's own lock error, raised by the store, is E423 (it was E418, "failed while read")."""
    open_store(db_url).close()
    monkeypatch.setattr(store_db, "LOCK_TIMEOUT", 0.5)
    client = make_client(db_url, pipeline=pipeline)
    with _locked(db_url):
        response = client.post("/v1/articles", json={"text": "Iran warned Israel on Monday."})
    error = assert_error(response, "E423", 503)
    assert "stored nothing" in error["problem"]
    assert response.headers["retry-after"] == "5"  # a lock frees by itself: the client may try again
    stored = client.post("/v1/articles", json={"text": "Iran warned Israel on Monday."})
    assert stored.status_code == 200, stored.text  # the lock freed: the same request succeeds


def test_an_unknown_cameo_code_is_the_clients_e427_a_400(
    db_url: str, make_client: Callable[..., TestClient]
) -> None:
    open_store(db_url).close()
    error = assert_error(make_client(db_url).get("/v1/events", params={"cameo": "999"}), "E427", 400)
    assert "999" in error["problem"]
