"""Issue 14, item 9 (and the file-name half of item 18): a file name that is not UTF-8 is stored and
printed losslessly, each byte that is not UTF-8 written ``\\xNN``; a name holding a newline is printed
escaped, on one line, so it cannot forge a line of whodid's output.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

from whodid.ingest.reader import origin_of
from whodid.store.db import open_store

Cli = Callable[..., CompletedProcess[str]]

TEXTS = [
    "Kenya accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said.",
    "Peru and Bolivia signed a trade agreement in Lima on Friday, the two governments said.",
]


def _named(folder: Path, name: bytes) -> Path:
    """A path whose last part is the raw bytes ``name`` (os.fsdecode keeps bad bytes as surrogates)."""
    return folder / os.fsdecode(name)


def test_a_file_name_that_is_not_utf8_is_stored_losslessly(cli: Cli, tmp_path: Path, db_url: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    latin1 = _named(folder, b"caf\xe9-talks.txt")  # Latin-1 e-acute: not UTF-8
    latin1.write_text(TEXTS[0], encoding="utf-8")
    (folder / "plain.txt").write_text(TEXTS[1], encoding="utf-8")
    proc = cli("ingest", str(folder), "--db", db_url)
    assert proc.returncode == 0, proc.stderr
    assert "stored 2 new articles (0 already stored, 0 skipped)" in proc.stdout
    with open_store(db_url) as store:
        origins = sorted(r[0] for r in store.conn.execute("SELECT origin FROM articles").fetchall())
    stored = f"{folder}/caf\\xe9-talks.txt"
    assert origins == [stored, f"{folder}/plain.txt"]
    # lossless: the escapes give back the bytes of the name
    assert stored.encode("utf-8").decode("unicode_escape").encode("latin-1") == os.fsencode(latin1)


def test_a_file_name_cannot_forge_a_line_of_output(cli: Cli, tmp_path: Path) -> None:
    forged = tmp_path / "a\nwhodid: skipped b.txt"
    forged.write_bytes(b"")
    proc = cli("code", str(forged))
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1  # one line, the name escaped in it
    assert proc.stderr.startswith(
        f"whodid: error E100: {tmp_path}/a\\nwhodid: skipped b.txt: the input is empty"
    )


def test_origin_of_escapes_only_what_it_must() -> None:
    assert origin_of("news/2024/cairo.txt") == "news/2024/cairo.txt"
    assert origin_of("news/Zürich.txt") == "news/Zürich.txt"  # UTF-8 is kept as it is
    assert origin_of(os.fsdecode(b"\xff\\\t.txt")) == "\\xff\\\\\\t.txt"
