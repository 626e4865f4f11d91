"""Issue 14, item 18: what whodid says is true of the command it is said to.

* E104 (an article too large) and E115 (a JSON Lines line too long) tell the user to raise
  ``--max-bytes``: ``ingest`` now has that option, as ``code`` has, and it does what they say;
* a file name holding a newline is printed escaped in ``ingest``'s skipped line and summary, so it
  cannot forge a line (``code``'s is in test_file_names.py);
* a lock held by another process is reported as a lock (E423, test_lock.py), not with advice about
  disk space.

and ``whodid code x.jsonl.gz`` writes one record a line, JSON Lines, as for ``.jsonl`` (it printed
indented objects back to back).
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

Cli = Callable[..., CompletedProcess[str]]

TEXT = "Kenya accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said."


def _origins(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(Path(r[0]).name for r in conn.execute("SELECT origin FROM articles"))


def test_ingest_takes_the_max_bytes_that_e104_advises(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "long.txt").write_text(TEXT * 3, encoding="utf-8")
    (folder / "short.txt").write_text(TEXT, encoding="utf-8")
    db = tmp_path / "w.db"
    url = f"sqlite:///{db}"
    size = len(TEXT * 3)
    proc = cli("ingest", str(folder), "--db", url, "--max-bytes", "200")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.startswith(
        f"whodid: skipped {folder}/long.txt: E104 {folder}/long.txt: the input is {size} bytes, over the "
        "limit of 200 bytes. Split it into smaller articles, or raise the limit with --max-bytes "
        "(e.g. --max-bytes "
    )
    advised = proc.stderr.rsplit("--max-bytes ", 1)[1].split(")")[0]
    assert "memory grows with the article (about 0.8 GB for 5 MB" in proc.stderr  # item 3: what raising costs
    assert "stored 1 new articles (0 already stored, 1 skipped)" in proc.stdout
    proc = cli("ingest", str(folder), "--db", url, "--max-bytes", advised)  # as advised
    assert proc.returncode == 0, proc.stderr
    assert "stored 1 new articles (1 already stored, 0 skipped)" in proc.stdout
    assert _origins(db) == ["long.txt", "short.txt"]


def test_ingest_takes_the_max_bytes_that_e115_advises(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": "a", "text": TEXT * 8}), json.dumps({"id": "b", "text": TEXT})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'w.db'}"
    proc = cli("ingest", str(path), "--db", url, "--max-bytes", "100")  # a line may be 600 bytes
    assert proc.returncode == 1, proc.stderr
    assert f"whodid: skipped {path}:1: E115 " in proc.stderr
    assert "raise the limit with --max-bytes" in proc.stderr
    proc = cli("ingest", str(path), "--db", url, "--max-bytes", "1000")
    assert proc.returncode == 0, proc.stderr
    assert "stored 1 new articles (1 already stored, 0 skipped)" in proc.stdout


def test_a_file_name_cannot_forge_a_line_of_ingests_output(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a\nwhodid: skipped b.txt").write_bytes(b"")
    (folder / "c.txt").write_text(TEXT, encoding="utf-8")
    proc = cli("ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'w.db'}")
    assert proc.returncode == 1
    escaped = f"{folder}/a\\nwhodid: skipped b.txt"
    assert proc.stderr.count("\n") == 1 and proc.stderr.startswith(f"whodid: skipped {escaped}: E100 ")
    assert f"skipped by reason: E100 x1 (first: {escaped})" in proc.stdout


def test_code_writes_a_gzipped_feed_as_json_lines(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    records = [{"id": "a", "text": TEXT}, {"id": "b", "text": TEXT.replace("Kenya", "Tanzania")}]
    path.write_bytes(gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode()))
    proc = cli("code", str(path))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert [json.loads(line)["article"]["id"] for line in lines] == ["a", "b"]  # one object a line
