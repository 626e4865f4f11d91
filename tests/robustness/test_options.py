"""Issue 14, item 17 (its first case): ``--encoding`` naming a codec that is no text encoding (base64,
rot13, hex, zlib, bz2, uu) is E402 with exit status 2, as an unknown name is, not a ``LookupError``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

Cli = Callable[..., CompletedProcess[str]]


@pytest.mark.parametrize("codec", ["base64", "rot13", "hex", "zlib", "bz2", "uu", "no-such-codec"])
def test_an_encoding_that_is_no_text_encoding(cli: Cli, tmp_path: Path, codec: str) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Kenya accused Uganda of moving troops to the border on Wednesday.", encoding="utf-8")
    proc = cli("code", str(path), "--encoding", codec)
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == (
        f"whodid: error E402: unknown text encoding {codec!r}. Pass --encoding with a codec name Python "
        "knows, e.g. utf-8, latin-1, cp1252 or utf-16.\n"
    )


def test_a_text_encoding_is_still_read(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(
        "Señor Peña accused Uganda of moving troops to the border on Wednesday.".encode("latin-1")
    )
    proc = cli("code", str(path), "--encoding", "latin-1", "--format", "json")
    assert proc.returncode == 0, proc.stderr
