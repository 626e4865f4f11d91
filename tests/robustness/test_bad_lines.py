"""Issue 14, items 4, 5, 6 and 8: one bad line is reported with its number and skipped, wherever it is,
in a ``.jsonl`` file, a ``.jsonl.gz`` file and on standard input; decompression is bounded (E117) and
damaged gzip data is one coded error (E118) after the records before it.

Every test runs the ``whodid`` command in this process (the session's model) and checks the coded
error, the exit status and what was printed or stored.
"""

from __future__ import annotations

import gzip
import io
import json
import sqlite3
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from whodid.errors import InputError
from whodid.ingest.gzipped import BLOCK_BYTES, FREE_BYTES, BoundedGzip
from whodid.ingest.reader import article_id, count_articles

Cli = Callable[..., CompletedProcess[str]]

TEXTS = [
    "Kenya accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said.",
    "The European Union imposed sanctions on three Belarusian officials on Thursday.",
    "Peru and Bolivia signed a trade agreement in Lima on Friday, the two governments said.",
]


def _line(n: int) -> bytes:
    return (
        json.dumps({"id": f"r{n}", "text": TEXTS[n % len(TEXTS)], "published": "2024-03-06"}).encode() + b"\n"
    )


def _coded_ids(stdout: str) -> list[str]:
    return [json.loads(line)["article"]["id"] for line in stdout.splitlines() if line.strip()]


def _skipped(stderr: str) -> list[tuple[str, str]]:
    """(origin, code) of each 'whodid: skipped ORIGIN: CODE ...' line."""
    found = []
    for line in stderr.splitlines():
        if line.startswith("whodid: skipped "):
            origin, _, rest = line.removeprefix("whodid: skipped ").rpartition(": E")
            found.append((origin, "E" + rest.split()[0]))
    return found


def _stored(db: Path) -> list[str]:
    with sqlite3.connect(db) as conn:
        return sorted(row[0] for row in conn.execute("SELECT source_id FROM articles"))


def _zeros_gz(total: int, member: int = 10_000_000) -> bytes:
    """gzip members of zeros inflating to ``total`` bytes (a bomb: about 1,000 to 1)."""
    one = gzip.compress(bytes(member))
    return one * (total // member)


# -- item 5: a bad line anywhere in a plain .jsonl file ---------------------------------------------


@pytest.mark.parametrize("position", ["first", "middle", "last"])
def test_a_line_of_nul_bytes_or_control_characters_is_skipped_alone(
    cli: Cli, tmp_path: Path, position: str
) -> None:
    nul, controls = bytes(9000) + b"\n", b"\x01\x02\x03" * 3000 + b"\n"
    lines = {
        "first": [nul, _line(1), _line(2)],
        "middle": [_line(1), nul, controls, _line(2)],
        "last": [_line(1), _line(2), controls],
    }[position]
    path = tmp_path / "feed.jsonl"
    path.write_bytes(b"".join(lines))
    bad = [f"{path}:{i}" for i, line in enumerate(lines, 1) if line in (nul, controls)]
    proc = cli("code", str(path))
    assert proc.returncode == 1, proc.stderr
    assert _coded_ids(proc.stdout) == ["r1", "r2"]
    assert _skipped(proc.stderr) == [(origin, "E116") for origin in bad]
    assert "binary data, not JSON text" in proc.stderr and "Traceback" not in proc.stderr


def test_a_file_of_another_format_is_still_refused_whole(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "report.jsonl"
    path.write_bytes(b"%PDF-1.7\n" + _line(1))
    proc = cli("code", str(path))
    assert proc.returncode == 2 and proc.stdout == ""
    assert _skipped(proc.stderr) == [(str(path), "E101")]
    assert "(it is a PDF document)" in proc.stderr


def test_ingest_stores_every_good_line_around_bad_ones(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(bytes(5000) + b"\n" + _line(1) + b"\x7f\x01" * 4000 + b"\n" + _line(2))
    db = tmp_path / "w.db"
    proc = cli("ingest", str(path), "--db", f"sqlite:///{db}")
    assert proc.returncode == 1, proc.stderr
    assert _skipped(proc.stderr) == [(f"{path}:1", "E116"), (f"{path}:3", "E116")]
    assert "stored 2 new articles (0 already stored, 2 skipped)" in proc.stdout
    assert "skipped by reason: E116 x2" in proc.stdout
    assert _stored(db) == ["r1", "r2"]


# -- item 5 and 4: .jsonl.gz with one valid record followed by zeros; a gzip bomb ---------------------


def test_gzip_with_one_record_then_zeros(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress(_line(1) + bytes(1_000_000)))
    proc = cli("code", str(path))
    assert proc.returncode == 1, proc.stderr
    assert _coded_ids(proc.stdout) == ["r1"]
    assert _skipped(proc.stderr) == [(f"{path}:2", "E116")]


def test_a_gzip_bomb_is_stopped_after_the_records_before_it(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "bomb.jsonl.gz"
    path.write_bytes(gzip.compress(_line(1) + _line(2)) + _zeros_gz(2_000_000_000))  # 2 GB in 2 MB
    db = tmp_path / "w.db"
    proc = cli("ingest", str(path), "--db", f"sqlite:///{db}")
    assert proc.returncode == 1, proc.stderr
    assert _skipped(proc.stderr) == [(str(path), "E117")]
    assert "decompression bomb" in proc.stderr and "MemoryError" not in proc.stderr
    assert "stored 2 new articles (0 already stored, 1 skipped)" in proc.stdout
    assert _stored(db) == ["r1", "r2"]


def test_counting_a_bomb_for_the_progress_bar_is_bounded(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(_line(1)) + _zeros_gz(10_000_000_000, member=100_000_000))  # 10 GB
    plain = tmp_path / "long.jsonl"
    with plain.open("wb") as fh:  # a 200 MB line of zeros, sparse on disk
        fh.write(_line(1))
        fh.truncate(200_000_000)
    tracemalloc.start()
    try:
        assert count_articles([bomb]) == 2  # the record and the E117 that will be reported
        assert count_articles([plain]) == 2
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16_000_000, peak  # blocks of 1 MB, never a whole line
    with bomb.open("rb") as raw, pytest.raises(InputError) as stopped:
        inflated = BoundedGzip(raw, origin=str(bomb))
        while inflated.read(BLOCK_BYTES):
            pass
    assert stopped.value.code == "E117"
    assert FREE_BYTES < stopped.value.params["inflated"] < FREE_BYTES + 100 * 200_000  # not 10 GB


# -- item 8: damaged deflate data -------------------------------------------------------------------


def _damaged_gz(records: bytes) -> bytes:
    """``records`` in a sound gzip member, then a member whose deflate data is damaged."""
    broken = bytearray(gzip.compress(_line(0)))
    broken[10] = 0xFF  # the first deflate block header: block type 3 does not exist
    return gzip.compress(records) + bytes(broken)


def test_damaged_deflate_data_keeps_the_records_before_and_the_next_input(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl.gz").write_bytes(_damaged_gz(_line(1) + _line(2)))
    (folder / "b.jsonl").write_bytes(_line(3))
    db = tmp_path / "w.db"
    proc = cli("ingest", str(folder), "--db", f"sqlite:///{db}")
    assert proc.returncode == 1, proc.stderr
    assert _skipped(proc.stderr) == [(str(folder / "a.jsonl.gz"), "E118")]
    assert "damaged after line 2 (Error -3 while decompressing data: invalid block type)" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert _stored(db) == ["r1", "r2", "r3"]
    code = cli("code", str(folder / "a.jsonl.gz"))
    assert code.returncode == 1 and _coded_ids(code.stdout) == ["r1", "r2"]
    assert _skipped(code.stderr) == [(str(folder / "a.jsonl.gz"), "E118")]


def test_a_cut_off_gzip_file(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(_line(1)) + gzip.compress(_line(2) * 5)[:-8])  # no CRC, no size
    proc = cli("code", str(path))
    assert proc.returncode == 1
    assert _coded_ids(proc.stdout) == ["r1"] + ["r2"] * 5  # every whole line inflated before the end
    assert _skipped(proc.stderr) == [(str(path), "E118")]
    assert "damaged after line 6" in proc.stderr


def test_a_gzip_member_with_a_wrong_crc(cli: Cli, tmp_path: Path) -> None:
    """Already handled before issue 14, kept so: a checksum that does not match is E118 after the
    lines the member inflated, and the next input is read."""
    member = bytearray(gzip.compress(_line(2)))
    member[-8] ^= 0xFF  # the CRC-32 of the member's data
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "a.jsonl.gz"
    path.write_bytes(gzip.compress(_line(1)) + bytes(member))
    (folder / "b.jsonl").write_bytes(_line(3))
    proc = cli("code", str(path))
    assert proc.returncode == 1, proc.stderr
    assert _coded_ids(proc.stdout) == ["r1", "r2"]
    assert _skipped(proc.stderr) == [(str(path), "E118")]
    assert "damaged after line 2 (CRC check failed" in proc.stderr and "Traceback" not in proc.stderr
    db = tmp_path / "w.db"
    proc = cli("ingest", str(folder), "--db", f"sqlite:///{db}")
    assert proc.returncode == 1 and _skipped(proc.stderr) == [(str(path), "E118")], proc.stderr
    assert _stored(db) == ["r1", "r2", "r3"]


# -- item 6: standard input -------------------------------------------------------------------------


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


@pytest.mark.parametrize(
    ("first", "code"),
    [
        (b'{"id": "r0", "text": "unterminated\n', "E110"),  # malformed JSON
        (b"not json at all, just words\n", "E110"),
        (bytes(9000) + b"\n", "E116"),  # NUL bytes
    ],
    ids=["malformed", "words", "nul"],
)
def test_stdin_json_lines_with_a_bad_first_line(
    cli: Cli, monkeypatch: pytest.MonkeyPatch, first: bytes, code: str
) -> None:
    _stdin(monkeypatch, first + _line(1) + _line(2))
    proc = cli("code", "-")
    assert proc.returncode == 1, proc.stderr
    assert _coded_ids(proc.stdout) == ["r1", "r2"]  # not one plain-text article made of raw JSON
    assert _skipped(proc.stderr) == [("<stdin>:1", code)]


def test_stdin_with_an_over_long_first_record(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    huge = json.dumps({"id": "big", "text": TEXTS[0] * 80_000}).encode() + b"\n"  # 7 MB
    _stdin(monkeypatch, huge + _line(1) + _line(2))
    proc = cli("code", "-", "--max-bytes", "1000000")  # a line may be 6 MB
    assert proc.returncode == 1, proc.stderr
    assert _coded_ids(proc.stdout) == ["r1", "r2"]
    assert _skipped(proc.stderr) == [("<stdin>:1", "E115")]


def test_stdin_plain_text_is_still_one_article(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    text = TEXTS[0] + "\n\n" + TEXTS[1] + "\n"
    _stdin(monkeypatch, text.encode())
    proc = cli("code", "-", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["article"]["id"] == article_id(text)
