"""Issue 14: the bad inputs that were already handled, kept handled. Each is refused with its coded
error and exit status 2, or read with every offset into the exact text.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

Cli = Callable[..., CompletedProcess[str]]

TEXT = "Kenya accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said."


def _error_code(proc: CompletedProcess[str]) -> str:
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr
    return proc.stderr.split()[2].rstrip(":")


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.txt", b"", "E100"),
        ("blank.txt", b"  \n\n\t ", "E100"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "E101"),
        ("nul.txt", TEXT.encode() + bytes(100), "E101"),
        ("latin1.txt", ("Se\u00f1or " + TEXT).encode("latin-1"), "E102"),
        ("utf16.txt", TEXT.encode("utf-16"), "E102"),
        ("page.html", b"<html><body><script>app()</script></body></html>", "E130"),
        ("report.pdf", b"%PDF-1.7", "E107"),
    ],
)
def test_a_bad_file_is_refused_with_its_code(
    cli: Cli, tmp_path: Path, name: str, data: bytes, code: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert _error_code(cli("code", str(path))) == code


def test_missing_unreadable_and_endless_inputs(cli: Cli, tmp_path: Path) -> None:
    assert _error_code(cli("code", str(tmp_path / "absent.txt"))) == "E105"
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "other.txt")
    (tmp_path / "other.txt").symlink_to(loop)
    assert _error_code(cli("code", str(loop))) == "E108"  # a symbolic link loop
    assert _error_code(cli("code", "/dev/zero")) == "E104"  # read up to --max-bytes + 1, no further


def _spans_exact(record: dict[str, Any], text: str) -> None:
    spans = [(m["start"], m["end"], m["text"]) for a in record["actors"] for m in a["mentions"]]
    spans += [(e["evidence"]["start"], e["evidence"]["end"], e["evidence"]["text"]) for e in record["events"]]
    assert spans and all(text[s:e] == t for s, e, t in spans)


def test_bom_and_crlf_keep_offsets_exact(cli: Cli, tmp_path: Path) -> None:
    crlf = TEXT.replace(", officials", ",\r\nofficials") + "\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + crlf.encode())
    proc = cli("code", str(path), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    _spans_exact(json.loads(proc.stdout), crlf)  # offsets index the text after the byte-order mark


def test_a_fifo_is_read(cli: Cli, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)

    def write() -> None:
        with fifo.open("wb") as fh:
            fh.write(TEXT.encode())

    writer = threading.Thread(target=write)
    writer.start()
    proc = cli("code", str(fifo), "--format", "json")
    writer.join(timeout=30)
    assert proc.returncode == 0, proc.stderr
    _spans_exact(json.loads(proc.stdout), TEXT)
