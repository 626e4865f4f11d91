"""``whodid ingest`` into SQLite: idempotent, batched, bad input reported, crash-safe."""

from __future__ import annotations

import gzip
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from whodid.pipeline import Pipeline
from whodid.store.db import migrations, open_store
from whodid.store.ingest import ingest

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


def test_ingest_stores_once_and_reports_bad_lines(tmp_path: Path, pipeline: Pipeline) -> None:
    root = _corpus(tmp_path)
    url = f"sqlite:///{tmp_path / 'w.db'}"
    with open_store(url) as store:
        first = ingest([root], store, pipeline, batch_size=2)
        counts = store.counts()
    assert (first.read, first.stored, first.already) == (6, 5, 1)
    assert [b.origin for b in first.skipped] == [f"{root / 'c.jsonl'}:2"]
    assert first.skipped[0].error.code == "E110"
    assert counts["articles"] == 5 and counts["events"] == first.events > 0
    with open_store(url) as store:
        again = ingest([root], store, pipeline, batch_size=2)
        assert store.counts() == counts  # nothing stored twice
    assert (again.stored, again.already) == (0, 6)
    db = sqlite3.connect(tmp_path / "w.db")
    rows = db.execute("SELECT id, source_id, published FROM articles ORDER BY source_id").fetchall()
    assert ("k1", "2024-03-06") in [(r[1], r[2]) for r in rows]
    assert all(r[0].startswith("sha256-") for r in rows)  # the id is the content hash
    event = db.execute(
        "SELECT e.evidence_start, e.evidence_end, e.evidence_text, a.text FROM events e "
        "JOIN articles a ON a.id = e.article_id"
    ).fetchall()
    assert all(text[s:e] == ev for s, e, ev, text in event)  # provenance back to the exact text


def test_migrations_are_numbered_and_applied_once(tmp_path: Path) -> None:
    names = [(m.version, m.name) for m in migrations()]
    assert names[0] == (1, "initial") and names == sorted(names)
    url = f"sqlite:///{tmp_path / 'm.db'}"
    with open_store(url) as store:
        assert store.applied() == names
        assert store.migrate() == []
    db = sqlite3.connect(tmp_path / "m.db")
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert tables >= {"articles", "sentences", "actors", "events", "quotes", "places", "schema_migrations"}
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    db = sqlite3.connect(path)
    tables = ("articles", "sentences", "actors", "events", "quotes", "places", "schema_migrations")
    return {t: sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}


@pytest.mark.slow
def test_a_killed_ingest_resumed_equals_a_clean_one(tmp_path: Path) -> None:
    texts = [
        f"{a} Officials in the region said talks would continue. ({k})" for k in range(25) for a in ARTICLES
    ]
    src = tmp_path / "many.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"n{k}", "text": t}) for k, t in enumerate(texts)) + "\n")
    cmd = [sys.executable, "-m", "whodid.cli", "ingest", str(src), "--batch-size", "2", "--db"]
    clean, crashed = tmp_path / "clean.db", tmp_path / "crashed.db"
    assert subprocess.run([*cmd, f"sqlite:///{clean}"], capture_output=True, timeout=600).returncode == 0
    proc = subprocess.Popen(
        [*cmd, f"sqlite:///{crashed}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.time() + 300
    while time.time() < deadline:
        time.sleep(0.2)
        if crashed.exists():
            try:
                n = sqlite3.connect(crashed, timeout=1).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
            except sqlite3.Error:
                continue
            if n >= 4:
                break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    partial = sqlite3.connect(crashed).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    assert 0 < partial < len(texts)  # killed mid-ingest
    assert subprocess.run([*cmd, f"sqlite:///{crashed}"], capture_output=True, timeout=600).returncode == 0
    assert _dump(crashed) == _dump(clean)


def test_unusable_database_urls_are_refused_with_a_fix(tmp_path: Path) -> None:
    from whodid.errors import UsageError

    for url, code in (
        ("postgresql://localhost/news", "E407"),
        (f"sqlite:///{tmp_path}/no/such/dir/w.db", "E408"),
    ):
        with pytest.raises(UsageError) as info:
            open_store(url)
        assert info.value.code == code


@pytest.mark.slow
def test_readers_query_while_an_ingest_writes(tmp_path: Path) -> None:
    from whodid.store.query import EventQuery, events

    texts = [f"{a} Diplomats said more talks were planned. ({k})" for k in range(20) for a in ARTICLES]
    src = tmp_path / "many.jsonl"
    src.write_text("\n".join(json.dumps({"id": f"n{k}", "text": t}) for k, t in enumerate(texts)) + "\n")
    db = tmp_path / "live.db"
    cmd = [
        sys.executable,
        "-m",
        "whodid.cli",
        "ingest",
        str(src),
        "--batch-size",
        "2",
        "--db",
        f"sqlite:///{db}",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen: list[int] = []
    try:
        while proc.poll() is None:
            time.sleep(0.1)
            if not db.exists():
                continue
            try:
                reader = open_store(f"sqlite:///{db}")
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


def test_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    import pty

    src = tmp_path / "two.jsonl"
    src.write_text("\n".join(json.dumps({"text": t}) for t in ARTICLES[:2]) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "whodid.cli", "ingest", str(src), "--db", f"sqlite:///{tmp_path / 'p.db'}"]
    piped = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and "articles stored" not in piped.stderr
    leader, follower = pty.openpty()
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
    assert proc.returncode == 0
    assert b"2 articles stored" in shown  # the progress line counted both articles on the terminal
