"""Store fixtures: ``db_url`` is a fresh, empty database for each test, on SQLite and on PostgreSQL;
``new_db_url`` makes as many as a test needs on one back-end; ``module_db_url`` is one for a module
whose tests only read what its fixture stored. Such a module defines ``fill_store(store)``, which
stores its records: ``stored`` is ``module_db_url`` filled by it once, and ``store`` a connection of
each test's own to it."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.store.postgres import server_bin, throwaway_server
from whodid.store.db import Store, open_store


@pytest.fixture(scope="session")
def postgresql_admin() -> Iterator[str]:
    """The admin URL of a PostgreSQL server for this session (see tests/store/postgres.py)."""
    given = os.environ.get("WHODID_TEST_POSTGRESQL")
    if given:
        yield given
        return
    bindir = server_bin()
    if bindir is None:
        why = "PostgreSQL's server is not installed (apt-get install postgresql): PostgreSQL tests skipped"
        if os.environ.get("CI"):
            pytest.fail(why.replace("skipped", "cannot run under CI"))
        pytest.skip(why)
    with throwaway_server(bindir) as url:
        yield url


@contextlib.contextmanager
def _new_database(request: pytest.FixtureRequest, folder: Path) -> Iterator[str]:
    """The URL of a new, empty database on ``request.param``'s back-end; a PostgreSQL one is dropped
    afterwards."""
    if request.param == "sqlite":
        yield f"sqlite:///{folder / 'store.db'}"
        return
    import psycopg

    admin = request.getfixturevalue("postgresql_admin")
    name = f"whodid_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    try:
        yield admin.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a new, empty database on each back-end; a PostgreSQL one is dropped afterwards."""
    with _new_database(request, tmp_path) as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def new_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[], str]]:
    """``new_db_url()`` is the URL of another new, empty database on each back-end; all are dropped
    afterwards (for a test that compares two stores)."""
    with contextlib.ExitStack() as made:

        def new() -> str:
            folder = tmp_path / f"db{len(made._exit_callbacks)}"
            folder.mkdir()
            return made.enter_context(_new_database(request, folder))

        yield new


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def module_db_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``db_url`` shared by a module's tests: for a store they fill once and only read."""
    with _new_database(request, tmp_path_factory.mktemp("store")) as url:
        yield url


@pytest.fixture(scope="module")
def stored(module_db_url: str, request: pytest.FixtureRequest) -> str:
    """``module_db_url`` filled once by the module's ``fill_store``: the tests that take it only read."""
    fill = getattr(request.module, "fill_store", None)
    if fill is None:
        raise AssertionError(
            f"{request.module.__name__} uses the stored records but has no fill_store(store)"
        )
    with open_store(module_db_url) as s:
        fill(s)
    return module_db_url


@pytest.fixture
def store(stored: str) -> Iterator[Store]:
    """A connection of the test's own to the module's ``stored`` database."""
    with open_store(stored) as s:
        yield s
