"""``store/schema.py`` is the one description of the stored events, quotes and places: the tables the
migrations make have its columns, in its order, with its SQL types, on SQLite and on PostgreSQL; its
INSERTs name every column they fill. (That csv and Parquet exports carry the same event columns is
tested in test_export.py.)"""

from __future__ import annotations

import re

from whodid.store import schema
from whodid.store.db import open_store

TABLES = {"events": schema.EVENTS, "quotes": schema.QUOTES, "places": schema.PLACES, "actors": schema.ACTORS}
# a schema type as each back-end reports it (the migrations turn REAL into DOUBLE PRECISION on PostgreSQL)
POSTGRESQL_TYPES = {"TEXT": "text", "INTEGER": "integer", "REAL": "double precision"}


def _declared(url: str, table: str) -> list[tuple[str, str]]:
    """(name, type) of each column of ``table``, in the table's order, as the database declares them."""
    with open_store(url) as store:
        if url.startswith("sqlite"):
            rows = store.conn.execute(f"PRAGMA table_info({table})").fetchall()
            return [(r[1], r[2].upper()) for r in rows]
        rows = store.conn.execute(
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = 'public' AND table_name = ? ORDER BY ordinal_position",
            [table],
        ).fetchall()
        return [(r[0], r[1]) for r in rows]


def test_the_tables_have_the_schemas_columns_and_types(db_url: str) -> None:
    for table, columns in TABLES.items():
        if db_url.startswith("sqlite"):
            expected = [(c.name, c.sql) for c in columns]
        else:
            expected = [(c.name, POSTGRESQL_TYPES[c.sql]) for c in columns]
        assert _declared(db_url, table) == expected, table


def test_every_insert_names_the_columns_it_fills() -> None:
    for table, columns in TABLES.items():
        sql = schema.insert_sql(table, columns)
        match = re.fullmatch(rf"INSERT INTO {table} \(([a-z_, ]+)\) VALUES \(([?, ]+)\)", sql)
        assert match, sql
        named = match.group(1).split(", ")
        assert named == [c.name for c in columns if c.get is not None]
        assert match.group(2).count("?") == len(named)
    # only an event's cluster is filled after the insert (store/clusters.py)
    assert [c.name for c in schema.EVENTS if c.get is None] == ["cluster_id", "cluster_reason"]


def test_every_column_has_a_known_sql_and_parquet_type() -> None:
    pairs = {(c.sql, c.parquet) for columns in TABLES.values() for c in columns}
    assert pairs <= {("TEXT", "string"), ("INTEGER", "int64"), ("INTEGER", "bool"), ("REAL", "float64")}
