"""Issue 14, items 7, 10, 11 and 12: text the tokenizer, a UTF-8 writer or a database cannot take, and
dates whodid cannot count with, are dealt with when the line is read.

* a lone surrogate (``"\\ud800"`` in JSON) in ``text`` becomes U+FFFD, one character for one, so every
  offset still points at the same words; in a title, URL or source too;
* NUL in a title (PostgreSQL cannot store it) becomes U+FFFD; NUL in ``text`` is refused (E101);
* a published date outside 1600-2399 (``9999-12-31``, ``0001-01-01``) is E121 on its line.

The command runs in this process; ``ingest`` stores into SQLite and PostgreSQL (``db_url``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from whodid.store.db import open_store

Cli = Callable[..., CompletedProcess[str]]

TEXT = "Kenya accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said."
# A lone surrogate inside a word, before the evidence: offsets after it must still be exact.
BROKEN = "Kenya\ud800 accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said."
OTHERS = [
    "The European Union imposed sanctions on three Belarusian officials on Thursday.",
    "Peru and Bolivia signed a trade agreement in Lima on Friday, the two governments said.",
]


def _jsonl(path: Path, *records: dict[str, Any]) -> Path:
    # json.dumps writes a lone surrogate as the escape "\ud800", as a feed would send it
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="ascii")
    return path


def _records(stdout: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def _spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    spans = [(m["start"], m["end"], m["text"]) for a in record["actors"] for m in a["mentions"]]
    spans += [(e["evidence"]["start"], e["evidence"]["end"], e["evidence"]["text"]) for e in record["events"]]
    return spans


def test_a_lone_surrogate_in_the_text_is_replaced_and_offsets_stay_exact(cli: Cli, tmp_path: Path) -> None:
    path = _jsonl(tmp_path / "s.jsonl", {"id": "s1", "text": BROKEN}, {"id": "s2", "text": OTHERS[0]})
    proc = cli("code", str(path), "--published", "2024-03-06")
    assert proc.returncode == 0, proc.stderr
    proc.stdout.encode("utf-8")  # a UTF-8 terminal or file can take every byte of it
    first, second = _records(proc.stdout)
    assert [first["article"]["id"], second["article"]["id"]] == ["s1", "s2"]
    cleaned = BROKEN.replace("\ud800", "\ufffd")
    assert len(cleaned) == len(BROKEN)
    spans = _spans(first)
    assert any(text == "Uganda" for _, _, text in spans) and first["events"]
    assert all(cleaned[start:end] == text for start, end, text in spans)
    assert all(BROKEN[start:end].replace("\ud800", "\ufffd") == text for start, end, text in spans)


def test_ingest_stores_a_record_with_a_lone_surrogate(cli: Cli, tmp_path: Path, db_url: str) -> None:
    path = _jsonl(
        tmp_path / "s.jsonl",
        {"id": "s1", "text": OTHERS[0]},
        {"id": "s2", "text": BROKEN, "title": "Troops \udc80at the border"},  # item 11: the title too
        {"id": "s3", "text": OTHERS[1]},
    )
    proc = cli("ingest", str(path), "--db", db_url)
    assert proc.returncode == 0, proc.stderr
    assert "stored 3 new articles (0 already stored, 0 skipped)" in proc.stdout
    with open_store(db_url) as store:
        rows = store.conn.execute("SELECT source_id, title, text FROM articles ORDER BY source_id").fetchall()
    assert [r[0] for r in rows] == ["s1", "s2", "s3"]
    assert rows[1][1] == "Troops \ufffdat the border" and rows[1][2] == BROKEN.replace("\ud800", "\ufffd")


def test_a_title_with_a_lone_surrogate_is_written_out(cli: Cli, tmp_path: Path) -> None:
    records = [{"id": f"t{i}", "text": t, "title": "Border \ud800row"} for i, t in enumerate([TEXT, *OTHERS])]
    proc = cli("code", str(_jsonl(tmp_path / "t.jsonl", *records)))
    assert proc.returncode == 0, proc.stderr
    proc.stdout.encode("utf-8")
    assert [r["article"]["title"] for r in _records(proc.stdout)] == ["Border \ufffdrow"] * 3


def test_nul_in_a_title_is_stored_on_every_back_end(cli: Cli, tmp_path: Path, db_url: str) -> None:
    path = _jsonl(
        tmp_path / "n.jsonl",
        {"id": "n1", "text": TEXT, "title": "Border\u0000 row", "source": "wire\u0000"},
        {"id": "n2", "text": OTHERS[0]},
        {"id": "n3", "text": OTHERS[1] + "\u0000"},  # NUL in the text itself: that line is refused
    )
    proc = cli("ingest", str(path), "--db", db_url)
    assert proc.returncode == 1, proc.stderr
    assert f"whodid: skipped {path}:3: E101 " in proc.stderr and "E417" not in proc.stderr
    assert "stored 2 new articles (0 already stored, 1 skipped)" in proc.stdout
    with open_store(db_url) as store:
        rows = store.conn.execute(
            "SELECT source_id, title, source FROM articles ORDER BY source_id"
        ).fetchall()
    assert [tuple(r) for r in rows] == [("n1", "Border\ufffd row", "wire\ufffd"), ("n2", None, None)]


@pytest.mark.parametrize("date", ["9999-12-31", "0001-01-01", "9999-12-31T23:59:59Z"])
def test_an_out_of_range_published_date_is_refused_at_read_time(cli: Cli, tmp_path: Path, date: str) -> None:
    path = _jsonl(
        tmp_path / "d.jsonl",
        {"id": "d1", "text": TEXT, "published": "2024-03-06"},
        {"id": "d2", "text": OTHERS[0], "published": date},
        {"id": "d3", "text": OTHERS[1], "published": "2024-03-08"},
    )
    proc = cli("code", str(path))
    assert proc.returncode == 1, proc.stderr
    assert [r["article"]["id"] for r in _records(proc.stdout)] == ["d1", "d3"]
    assert f"whodid: skipped {path}:2: E121 {path}:2: the published date {date!r} lies outside" in proc.stderr
    assert "E501" not in proc.stderr


def test_ingest_keeps_the_batch_around_an_out_of_range_date(cli: Cli, tmp_path: Path, db_url: str) -> None:
    path = _jsonl(
        tmp_path / "d.jsonl",
        {"id": "d1", "text": TEXT, "published": "2024-03-06"},
        {"id": "d2", "text": OTHERS[0], "published": "9999-12-31"},
        {"id": "d3", "text": OTHERS[1], "published": "0001-01-01"},
    )
    for _ in range(2):  # and again: the re-run does not die where the first one did
        proc = cli("ingest", str(path), "--db", db_url)
        assert proc.returncode == 1, proc.stderr
        assert "skipped by reason: E121 x2" in proc.stdout
    with open_store(db_url) as store:
        assert [r[0] for r in store.conn.execute("SELECT source_id FROM articles").fetchall()] == ["d1"]


def test_an_out_of_range_published_option(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    proc = cli("code", str(path), "--published", "9999-12-31")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr.startswith("whodid: error E121: published: the published date '9999-12-31'")
