"""Robustness fixtures: ``db_url`` (a fresh database for each test) and ``module_db_url`` (one for a
module), on SQLite and on PostgreSQL: the store tests' own."""

from tests.store.conftest import db_url, module_db_url, postgresql_admin

__all__ = ["db_url", "module_db_url", "postgresql_admin"]
