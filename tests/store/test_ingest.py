"""``whodid ingest`` into SQLite and PostgreSQL: idempotent, batched, bad input reported, crash-safe."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from whodid.pipeline import Pipeline
from whodid.store.db import TABLES, migrations, open_store
from whodid.store.ingest import IngestOptions, ingest

Cli = Callable[..., subprocess.CompletedProcess[str]]

ARTICLES = [
    "Norway's foreign minister met her Chilean counterpart in Oslo on Monday to discuss fishing rights.",
    "Rebels attacked an army base in northern Mali on Tuesday, the defence ministry said.",
    "Kenya accused Uganda of moving troops to the border on Wednesday.",
    "The European Union imposed sanctions on three Belarusian officials on Thursday.",
    "Peru and Bolivia signed a trade agreement in Lima on Friday.",
    "Protesters gathered outside parliament in Nairobi on Saturday to demand lower taxes.",
]


def _corpus(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    (root / "sub").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLES[0], encoding="utf-8")
    (root / "sub" / "b.txt").write_text(ARTICLES[1], encoding="utf-8")
    lines = [
        json.dumps({"id": "k1", "text": ARTICLES[2], "published": "2024-03-06"}),
        "{not json",
        json.dumps({"id": "dup", "text": ARTICLES[0]}),  # the same text as a.txt
        json.dumps({"id": "k3", "text": ARTICLES[3], "published": "2024-03-07"}),
    ]
    (root / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with gzip.open(root / "d.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g1", "text": ARTICLES[4], "published": "2024-03-08"}) + "\n")
    (root / "notes.csv").write_text("not an article", encoding="utf-8")  # not read from a directory
    return root


def test_ingest_stores_once_and_reports_bad_lines(tmp_path: Path, pipeline: Pipeline, db_url: str) -> None:
    root = _corpus(tmp_path)
    url = db_url
    with open_store(url) as store:
        first = ingest([root], store, pipeline, IngestOptions(batch_size=2))
        counts = store.counts()
    assert (first.read, first.stored, first.already) == (6, 5, 1)
    assert [b.origin for b in first.skipped] == [f"{root / 'c.jsonl'}:2"]
    assert first.skipped[0].error.code == "E110"
    assert counts["articles"] == 5 and counts["events"] == first.events > 0
    with open_store(url) as store:
        again = ingest([root], store, pipeline, IngestOptions(batch_size=2))
        assert store.counts() == counts  # nothing stored twice
        assert (again.stored, again.already) == (0, 6)
        db = store.conn
        rows = db.execute("SELECT id, source_id, published FROM articles ORDER BY source_id").fetchall()
        event = db.execute(
            "SELECT e.evidence_start, e.evidence_end, e.evidence_text, a.text FROM events e "
            "JOIN articles a ON a.id = e.article_id"
        ).fetchall()
    assert ("k1", "2024-03-06") in [(r[1], r[2]) for r in rows]
    assert all(r[0].startswith("sha256-") for r in rows)  # the id is the content hash
    assert event and all(text[s:e] == ev for s, e, ev, text in event)  # provenance to the exact text


def test_migrations_are_numbered_and_applied_once(db_url: str) -> None:
    names = [(m.version, m.name) for m in migrations()]
    assert names[0] == (1, "initial") and names == sorted(names)
    with open_store(db_url) as store:
        assert store.applied() == names
        assert store.migrate() == []
        if store.conn.dialect == "sqlite":
            catalog = "SELECT name FROM sqlite_master WHERE type = 'table'"
            assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        else:
            catalog = "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
            real = "SELECT data_type FROM information_schema.columns WHERE column_name = 'goldstein'"
            assert {r[0] for r in store.conn.execute(real)} == {"double precision"}  # not 4-byte REAL
        tables = {r[0] for r in store.conn.execute(catalog)}
    assert tables >= {*TABLES, "schema_migrations"}


@pytest.mark.slow
def test_migrations_from_two_processes_at_once_apply_once(db_url: str) -> None:
    code = "import sys; from whodid.store.db import open_store; open_store(sys.argv[1]).close()"
    procs = [subprocess.Popen([sys.executable, "-c", code, db_url], stderr=subprocess.PIPE) for _ in range(3)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    with open_store(db_url) as store:
        assert store.applied() == [(m.version, m.name) for m in migrations()]


def _dump(url: str) -> dict[str, list[tuple[object, ...]]]:
    with open_store(url) as store:
        dump = {t: sorted(store.conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in TABLES}
        dump["schema_migrations"] = [(v, n) for v, n in store.applied()]
    return dump


def _articles(url: str) -> int:
    with open_store(url) as store:
        return store.counts()["articles"]


@pytest.mark.slow
def test_a_killed_ingest_resumed_equals_a_clean_one(tmp_path: Path, db_url: str, nlp: Language) -> None:
    from whodid.pipeline import load

    texts = [
        f"{a} Officials in the region said talks would continue. ({k})" for k in range(10) for a in ARTICLES
    ]
    src = tmp_path / "many.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"n{k}", "text": t}) for k, t in enumerate(texts)) + "\n")
    if db_url.startswith("sqlite"):
        clean, crashed = f"sqlite:///{tmp_path / 'clean.db'}", db_url
    else:  # a second database on the same server
        clean, crashed = db_url, _sibling(db_url)
    # the command's own pipeline (its default floor), around the session's model
    pipe = load(nlp=nlp)
    with open_store(clean) as store:
        ingest([src], store, pipe, IngestOptions(batch_size=2))
    # a real process, killed from outside mid-ingest
    cmd = [sys.executable, "-m", "whodid.cli", "ingest", str(src), "--batch-size", "2", "--db", crashed]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 300
    while time.time() < deadline:
        time.sleep(0.2)
        try:
            if _articles(crashed) >= 4:
                break
        except Exception:  # the writer is still creating the schema, or holds the lock
            continue
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = _articles(crashed)
    assert 0 < partial < len(texts)  # killed mid-ingest
    with open_store(crashed) as store:
        resumed = ingest([src], store, pipe, IngestOptions(batch_size=2))
    assert resumed.already == partial and resumed.stored == len(texts) - partial
    assert _dump(crashed) == _dump(clean)


def _sibling(url: str) -> str:
    """A new empty database beside ``url``'s, on the same PostgreSQL server (dropped with the server)."""
    import psycopg

    name = url.rsplit("/", 1)[1] + "_b"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    return url.rsplit("/", 1)[0] + "/" + name


def test_unusable_database_urls_are_refused_with_a_fix(tmp_path: Path) -> None:
    from whodid.errors import UsageError

    for url, code in (
        ("mysql://localhost/news", "E407"),
        (f"sqlite:///{tmp_path}/no/such/dir/w.db", "E408"),
        ("postgresql://whodid:secret@127.0.0.1:1/news", "E415"),  # nothing listens on port 1
    ):
        with pytest.raises(UsageError) as info:
            open_store(url)
        assert info.value.code == code
        assert "secret" not in str(info.value)  # a password never reaches the message


@pytest.mark.slow
def test_readers_query_while_an_ingest_writes(tmp_path: Path, db_url: str) -> None:
    from whodid.store.query import EventQuery, events

    texts = [f"{a} Diplomats said more talks were planned. ({k})" for k in range(20) for a in ARTICLES]
    src = tmp_path / "many.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"n{k}", "text": t}) for k, t in enumerate(texts)) + "\n")
    cmd = [
        sys.executable,
        "-m",
        "whodid.cli",
        "ingest",
        str(src),
        "--batch-size",
        "2",
        "--db",
        db_url,
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: list[int] = []
    try:
        while proc.poll() is None:
            time.sleep(0.1)
            if db_url.startswith("sqlite") and not Path(db_url.removeprefix("sqlite:///")).exists():
                continue
            try:
                reader = open_store(db_url)
            except sqlite3.OperationalError:
                continue  # the writer is still creating the schema
            with reader:
                seen.append(reader.counts()["articles"])
                events(reader, EventQuery(limit=5))  # a query while the writer commits batches
    finally:
        proc.wait(timeout=600)
    assert proc.returncode == 0
    during = [n for n in seen if 0 < n < len(texts)]
    assert during, seen  # some reads happened mid-ingest
    assert seen == sorted(seen)  # the store only grows under the reader
    assert all(n % 2 == 0 for n in seen)  # and it sees whole committed batches of two, never half of one


@pytest.mark.slow
def test_a_progress_bar_on_a_terminal_only(tmp_path: Path, cli: Cli) -> None:
    import fcntl
    import pty
    import struct
    import termios

    src = tmp_path / "two.jsonl"
    lines = [json.dumps({"text": t}) for t in ARTICLES[:2]] + ["{broken"]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "whodid.cli", "ingest", str(src), "--db", f"sqlite:///{tmp_path / 'p.db'}"]
    piped = cli(*cmd[3:])  # in this process: standard error is no terminal, as when piped
    assert piped.returncode == 1 and "whodid ingest" not in piped.stderr and "%" not in piped.stderr
    assert "skipped" in piped.stderr  # the bad line is reported either way
    assert f"skipped by reason: E110 x1 (first: {src}:3)" in piped.stdout  # and tallied in the summary
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a 120-column terminal
    proc = subprocess.run(
        [*cmd[:-1], f"sqlite:///{tmp_path / 't.db'}"], stderr=follower, stdout=subprocess.PIPE, timeout=300
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert proc.returncode == 1
    screen = shown.decode("utf-8", "replace")
    assert "whodid ingest: 100%" in screen and "3/3" in screen  # the bar reached the end of the file
    assert "stored=2" in screen and "skipped=1" in screen
    assert "skipped " + str(src) + ":3" in screen  # the bad line, reported on the terminal as well


def test_the_progress_bar_counts_the_articles_the_inputs_hold(tmp_path: Path) -> None:
    from whodid.ingest.reader import count_articles

    root = _corpus(tmp_path)
    (root / "broken.jsonl.gz").write_bytes(b"not gzip at all")  # unreadable: one skipped input
    # a.txt, sub/b.txt, the four lines of c.jsonl, the line of d.jsonl.gz and broken.jsonl.gz
    assert count_articles([root]) == 8
    assert count_articles([root / "c.jsonl"]) == 4


def test_a_database_with_foreign_tables_is_refused_and_left_as_it_was(db_url: str) -> None:
    from whodid.errors import UsageError

    with open_store(db_url) as store:  # make the database, then play another program's part
        for table in ("cluster_sources", "places", "quotes", "events", "event_clusters", "actors"):
            store.conn.execute(f"DROP TABLE {table}")
        for table in ("sentences", "articles", "schema_migrations"):
            store.conn.execute(f"DROP TABLE {table}")
        store.conn.execute("CREATE TABLE events (id INTEGER, what TEXT)")
        store.conn.execute("INSERT INTO events VALUES (1, 'theirs')")
    with pytest.raises(UsageError) as info:
        open_store(db_url)
    assert info.value.code == "E428" and "events" in str(info.value)  # refused, nothing changed
    with pytest.raises(UsageError) as info:
        open_store(db_url, force=True)  # told to add its tables: the clash stops the migration
    assert info.value.code == "E416" and "0001_initial" in str(info.value)
    raw = _raw(db_url)  # the other program's table is as it was, and whodid added nothing
    assert [tuple(r) for r in raw.execute("SELECT what FROM events").fetchall()] == [("theirs",)]
    assert [tuple(r) for r in raw.execute("SELECT COUNT(*) FROM schema_migrations").fetchall()] == [(0,)]
    raw.close()


def _raw(url: str) -> Any:
    """A plain driver connection, without whodid's migrations."""
    if url.startswith("sqlite:///"):
        return sqlite3.connect(url.removeprefix("sqlite:///"))
    import psycopg

    return psycopg.connect(url, autocommit=True)


@pytest.mark.slow
def test_two_ingests_at_once_take_turns_and_store_each_article_once(
    tmp_path: Path, db_url: str, cli: Cli
) -> None:
    texts = [f"{a} Talks are expected to resume on Monday. ({k})" for k in range(8) for a in ARTICLES[:5]]
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("\n".join(json.dumps({"text": t, "published": "2024-03-06"}) for t in texts[:28]) + "\n")
    second.write_text(
        "\n".join(json.dumps({"text": t, "published": "2024-03-06"}) for t in texts[12:]) + "\n"
    )
    cmd = [sys.executable, "-m", "whodid.cli", "ingest", "--batch-size", "3", "--db", db_url]
    with open_store(db_url):
        pass  # the schema first, so that both writers start on the same database
    procs = [
        subprocess.Popen([*cmd, str(f)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for f in (first, second)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err.decode()
    with open_store(db_url) as store:
        counts = store.counts()
        clusters = store.conn.execute(
            "SELECT COUNT(*), SUM(mentions), COUNT(DISTINCT id) FROM event_clusters"
        ).fetchone()
        orphans = store.conn.execute("SELECT COUNT(*) FROM events WHERE cluster_id IS NULL").fetchone()[0]
    assert counts["articles"] == len(texts)  # the 16 articles both files hold are stored once
    assert clusters[1] == counts["events"] and orphans == 0  # every mention counted in one cluster
    single = f"sqlite:///{tmp_path / 'single.db'}"
    whole = tmp_path / "all.jsonl"
    whole.write_text("\n".join(json.dumps({"text": t, "published": "2024-03-06"}) for t in texts) + "\n")
    # the reference, one writer alone, runs in this process (the writers at once are the subject)
    alone = cli("ingest", "--batch-size", "3", "--db", single, str(whole))
    assert alone.returncode == 0, alone.stderr
    with open_store(single) as store:
        # every report is dated the same Monday, so the grouping cannot depend on the writers' order
        assert store.counts() == counts


@pytest.mark.slow
def test_a_database_lost_mid_ingest_is_reported_and_a_rerun_completes(
    tmp_path: Path, postgresql_admin: str, cli: Cli
) -> None:
    import uuid

    import psycopg

    name = f"whodid_cut_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgresql_admin, autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {name}")
    url = postgresql_admin.rsplit("/", 1)[0] + "/" + name
    texts = [f"{a} Envoys said the talks would go on. ({k})" for k in range(10) for a in ARTICLES]
    src = tmp_path / "many.jsonl"
    src.write_text("\n".join(json.dumps({"text": t}) for t in texts) + "\n")
    cmd = [sys.executable, "-m", "whodid.cli", "ingest", str(src), "--batch-size", "2", "--db", url]
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 300
        while time.time() < deadline and proc.poll() is None:
            time.sleep(0.2)
            try:
                if _articles(url) >= 4:
                    break
            except Exception:
                continue  # the schema is still being made
        with psycopg.connect(postgresql_admin, autocommit=True) as conn:  # the server drops the writer
            conn.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,))
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 2 and "E417" in err and "Traceback" not in err, err
        assert "run the same command again" in err
        assert 0 < _articles(url) < len(texts)  # what was committed is kept
        rerun = cli(*cmd[3:])  # the same command again, in this process (the killed one is the subject)
        assert rerun.returncode == 0, rerun.stderr
        assert _articles(url) == len(texts)
    finally:
        with psycopg.connect(postgresql_admin, autocommit=True) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.mark.slow
def test_ingest_reads_json_lines_or_plain_text_from_standard_input(
    tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = f"sqlite:///{tmp_path / 'stdin.db'}"
    cmd = [sys.executable, "-m", "whodid.cli", "ingest", "-", "--db", url]
    lines = [json.dumps({"id": "s1", "text": ARTICLES[2]}), "{broken", json.dumps({"text": ARTICLES[3]})]
    proc = subprocess.run(cmd, input="\n".join(lines) + "\n", capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "skipped <stdin>:2: E110" in proc.stderr
    assert "stored 2 new articles" in proc.stdout
    # plain text on standard input: the same command in this process, its stdin replaced (one real
    # process reading a real pipe is enough; this one shows how plain text is told from JSON Lines)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLES[4].encode())))
    proc = cli(*cmd[3:])
    assert proc.returncode == 0 and "stored 1 new articles" in proc.stdout
    with open_store(url) as store:
        texts = sorted(r[0] for r in store.conn.execute("SELECT text FROM articles"))
    assert texts == sorted(ARTICLES[2:5])  # the records' texts, and the plain text as it was
