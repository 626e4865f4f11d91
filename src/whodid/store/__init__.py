"""Store coded articles in a database and query them (see docs/store.md)."""
