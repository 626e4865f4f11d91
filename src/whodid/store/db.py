"""The article store: coded articles and their events, actors, quotes and places in a database.

``open_store(url)`` connects and brings the schema up to date with the numbered migrations in
``store/migrations/`` (each applied in its own transaction and recorded in ``schema_migrations``).
The default database is a SQLite file, ``whodid.db`` in the working directory, in WAL mode so that
readers can query while an ingest writes. ``Store.add(records)`` writes a batch of coded articles in
one transaction: a crash loses at most the batch in progress, never what was committed before.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from whodid import __version__
from whodid.errors import Errors
from whodid.store.clusters import place_events

DEFAULT_URL = "sqlite:///whodid.db"
_MIGRATION = re.compile(r"(\d{4})_([a-z0-9_]+)\.sql")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


def migrations() -> list[Migration]:
    """The packaged migrations, in version order."""
    out = []
    for entry in resources.files("whodid.store").joinpath("migrations").iterdir():
        m = _MIGRATION.fullmatch(entry.name)
        if m:
            out.append(Migration(int(m.group(1)), m.group(2), entry.read_text(encoding="utf-8")))
    return sorted(out, key=lambda mig: mig.version)


def sqlite_path(url: str) -> Path:
    """The file of a ``sqlite:///path`` URL (a bare path is accepted too)."""
    if url.startswith("sqlite:///"):
        return Path(url[len("sqlite:///") :])
    if "://" in url:
        scheme = url.split("://", 1)[0]
        raise Errors.E407.error(url=url, scheme=scheme)
    return Path(url)


def _statements(sql: str) -> list[str]:
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    body = "\n".join(line.split("--", 1)[0] for line in lines)
    return [s.strip() for s in body.split(";") if s.strip()]


class Store:
    """A connection to one whodid database."""

    def __init__(self, conn: sqlite3.Connection, url: str) -> None:
        self.conn = conn
        self.url = url

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------------ schema
    def applied(self) -> list[tuple[int, str]]:
        rows = self.conn.execute("SELECT version, name FROM schema_migrations ORDER BY version").fetchall()
        return [(int(v), str(n)) for v, n in rows]

    def migrate(self) -> list[Migration]:
        """Apply every migration not applied yet, each in one transaction; returns those applied."""
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations "
            "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, whodid_version TEXT NOT NULL)"
        )
        done = {v for v, _ in self.applied()}
        applied = []
        for mig in migrations():
            if mig.version in done:
                continue
            self.conn.execute("BEGIN")
            try:
                for statement in _statements(mig.sql):
                    self.conn.execute(statement)
                self.conn.execute(
                    "INSERT INTO schema_migrations (version, name, whodid_version) VALUES (?, ?, ?)",
                    (mig.version, mig.name, __version__),
                )
            except Exception:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
            applied.append(mig)
        return applied

    # ------------------------------------------------------------------ writing
    def known(self, article_ids: Iterable[str]) -> set[str]:
        """Which of ``article_ids`` are stored already."""
        ids = list(article_ids)
        found: set[str] = set()
        for k in range(0, len(ids), 500):
            chunk = ids[k : k + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk)
            found.update(str(r[0]) for r in rows)
        return found

    def add(self, items: Sequence[tuple[dict[str, Any], str, str, str | None]]) -> int:
        """Store coded articles in one transaction: (record, text, origin, source id) each.

        An article already stored (same id) is left as it is. Returns how many were new."""
        self.conn.execute("BEGIN")
        try:
            new = 0
            for record, text, origin, source_id in items:
                new += self._add_one(record, text, origin, source_id)
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")
        return new

    def _add_one(self, record: dict[str, Any], text: str, origin: str, source_id: str | None) -> int:
        art = record["article"]
        aid = art["id"]
        cur = self.conn.execute(
            "INSERT OR IGNORE INTO articles (id, source_id, published, title, source, url, origin, text, "
            "record, whodid_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                aid,
                source_id,
                art.get("published"),
                art.get("title"),
                art.get("source"),
                art.get("url"),
                origin,
                text,
                json.dumps(record, ensure_ascii=False, sort_keys=True),
                __version__,
            ),
        )
        if cur.rowcount == 0:
            return 0
        ex = self.conn.executemany
        sentences = {
            e["sentence"]["index"]: (e["sentence"]["start"], e["sentence"]["end"]) for e in record["events"]
        }
        ex(
            "INSERT INTO sentences (article_id, idx, start_char, end_char, text) VALUES (?, ?, ?, ?, ?)",
            [(aid, i, s, e, text[s:e]) for i, (s, e) in sorted(sentences.items())],
        )
        ex(
            "INSERT INTO actors (article_id, actor_id, name, kind, country, sector, code, description, rule, "
            "mentions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    aid,
                    a["id"],
                    a["name"],
                    a["kind"],
                    a.get("country"),
                    a.get("sector"),
                    a.get("code"),
                    a.get("description"),
                    a.get("rule"),
                    len(a.get("mentions") or []),
                )
                for a in record["actors"]
            ],
        )
        ex(
            f"INSERT INTO events ({', '.join(EVENT_FIELDS)}) VALUES ({','.join('?' * len(EVENT_FIELDS))})",
            [_event_row(aid, e) for e in record["events"]],
        )
        ex(
            "INSERT INTO quotes VALUES (" + ",".join("?" * 12) + ")",
            [
                (
                    aid,
                    q["id"],
                    q["text"],
                    q["start"],
                    q["end"],
                    q["kind"],
                    q.get("cue"),
                    (q.get("speaker") or {}).get("actor"),
                    (q.get("speaker") or {}).get("country"),
                    (q.get("speaker") or {}).get("text"),
                    q.get("rule"),
                    q.get("confidence"),
                )
                for q in record["quotes"]
            ],
        )
        ex(
            "INSERT INTO places VALUES (" + ",".join("?" * 13) + ")",
            [
                (
                    aid,
                    k,
                    p["text"],
                    p["start"],
                    p["end"],
                    p.get("name"),
                    p.get("country"),
                    p.get("lat"),
                    p.get("lon"),
                    p.get("feature"),
                    p.get("geonameid"),
                    p.get("rule"),
                    p.get("confidence"),
                )
                for k, p in enumerate(record["places"])
            ],
        )
        place_events(self.conn, art, record["events"])
        return 1

    # ------------------------------------------------------------------ reading
    def counts(self) -> dict[str, int]:
        tables = ("articles", "sentences", "actors", "events", "event_clusters", "quotes", "places")
        return {t: int(self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]) for t in tables}


EVENT_FIELDS = (
    "article_id",
    "event_id",
    "source_actor",
    "source_country",
    "source_code",
    "source_text",
    "target_actor",
    "target_country",
    "target_code",
    "target_text",
    "cameo",
    "cameo_root",
    "plover",
    "quad_class",
    "goldstein",
    "date",
    "date_precision",
    "date_source",
    "location_name",
    "location_country",
    "lat",
    "lon",
    "modality",
    "background",
    "sentence_idx",
    "evidence_start",
    "evidence_end",
    "evidence_text",
    "rule",
    "confidence",
)


def _event_row(aid: str, e: dict[str, Any]) -> tuple[Any, ...]:
    src, tgt, loc = e.get("source") or {}, e.get("target") or {}, e.get("location") or {}
    return (
        aid,
        e["id"],
        src.get("actor"),
        src.get("country"),
        src.get("code"),
        src.get("text"),
        tgt.get("actor"),
        tgt.get("country"),
        tgt.get("code"),
        tgt.get("text"),
        e["cameo"],
        e["cameo"][:2],
        e.get("plover"),
        e["quad_class"],
        e["goldstein"],
        e.get("date"),
        e["date_precision"],
        e["date_source"],
        loc.get("name"),
        loc.get("country"),
        loc.get("lat"),
        loc.get("lon"),
        e["modality"],
        int(bool(e["background"])),
        e["sentence"]["index"],
        e["evidence"]["start"],
        e["evidence"]["end"],
        e["evidence"]["text"],
        e["rule"],
        e["confidence"],
    )


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Connect to ``url`` (default ``sqlite:///whodid.db``) and apply pending migrations.

    ``create=False`` is for readers: a database that does not exist yet is an error (E411)."""
    url = url or DEFAULT_URL
    path = sqlite_path(url)
    if not create and not path.exists():
        raise Errors.E411.error(url=url)
    if path.parent and not path.parent.exists():
        raise Errors.E408.error(url=url, directory=str(path.parent))
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA foreign_keys=ON")
        conn.execute("PRAGMA synchronous=NORMAL")
    except sqlite3.Error as e:
        raise Errors.E409.error(url=url, detail=str(e)) from None
    store = Store(conn, url)
    store.migrate()
    return store
