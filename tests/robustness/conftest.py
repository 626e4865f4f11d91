"""Robustness fixtures: ``db_url``, a fresh database on SQLite and on PostgreSQL (the store tests' own)."""

from tests.store.conftest import db_url, postgresql_admin

__all__ = ["db_url", "postgresql_admin"]
