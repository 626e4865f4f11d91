"""The storage tests' databases (``db_url``: a fresh SQLite file, then a fresh PostgreSQL database on
the session's throwaway server), for ``whodid ingest DIR`` of a batch folder on both back-ends."""

from tests.store.conftest import db_url, postgresql_admin

__all__ = ["db_url", "postgresql_admin"]
