"""Issue 14, item 17 (after its first case, in test_options.py): reading and writing without limit or
traceback.

* ``--actors /dev/zero`` (or a pipe, or a file over 100 MB) is E308 before a byte is read, not a
  ``MemoryError`` after gigabytes;
* a closed pipe (``whodid events | head -1``) ends the command quietly with status 141, as SIGPIPE
  ends ``yes | head -1``; nothing on standard error;
* standard output on a full device (``> /dev/full``) is one E426 line, status 2, no traceback;
* ``export --output FILE`` on a full disk is one E413 line naming FILE, and leaves no partial file
  (the export is written under a temporary name and renamed when complete).

In this process where a stream can stand in for the device; the real pipe and /dev/full in
subprocesses (``slow``).
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest
from spacy.language import Language

from whodid.cli import main
from whodid.store import export as export_module

Cli = Callable[..., CompletedProcess[str]]

TEXT = "Kenya accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said."


@pytest.fixture(scope="module")
def text_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("out") / "a.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def stored(text_file: Path, nlp: Language) -> str:
    from tests.inprocess import whodid

    url = f"sqlite:///{text_file.parent / 'w.db'}"
    assert whodid("ingest", str(text_file), "--db", url, "--published", "2024-05-08", nlp=nlp).returncode == 0
    return url


@pytest.mark.parametrize("source", ["/dev/zero", "fifo", "folder"])
def test_an_actor_dictionary_that_never_ends_is_refused_unread(
    cli: Cli, text_file: Path, tmp_path: Path, source: str
) -> None:
    if source == "fifo":
        path = tmp_path / "actors.tsv"
        os.mkfifo(path)  # nobody writes to it: reading it would wait for ever
    elif source == "folder":
        path = tmp_path
    else:
        path = Path(source)
    proc = cli("code", str(text_file), "--actors", str(path))
    assert proc.returncode == 2 and proc.stdout == "", proc.stderr
    kind = {"/dev/zero": "a device", "fifo": "a pipe", "folder": "a directory"}[source]
    assert proc.stderr == (
        f"whodid: error E308: the actor dictionary '{path}' cannot be used: it is {kind}, not a regular "
        "file. Pass a regular file of at most 100,000,000 bytes (save a pipe's output to a file first; "
        "split a larger dictionary into several --actors files).\n"
    )


class _Failing(io.StringIO):
    """Standard output whose writes fail as a closed pipe or a full device does."""

    def __init__(self, error: OSError) -> None:
        super().__init__()
        self.error = error

    def write(self, text: str) -> int:
        raise self.error

    def flush(self) -> None:
        raise self.error


def _run(args: list[str], stdout: io.StringIO, nlp: Language | None = None) -> tuple[int, str]:
    err = io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(err):
        status = main(args, nlp=nlp)
    return status, err.getvalue()


@pytest.mark.parametrize("command", ["events", "actors", "code"])
def test_a_closed_pipe_ends_quietly_with_status_141(
    stored: str, text_file: Path, nlp: Language, command: str
) -> None:
    args = ["code", str(text_file)] if command == "code" else [command, "--db", stored]
    status, err = _run(args, _Failing(BrokenPipeError(errno.EPIPE, "Broken pipe")), nlp)
    assert (status, err) == (141, "")


@pytest.mark.parametrize("command", ["events", "code"])
def test_a_full_device_is_one_coded_error(stored: str, text_file: Path, nlp: Language, command: str) -> None:
    args = ["code", str(text_file)] if command == "code" else [command, "--db", stored]
    status, err = _run(args, _Failing(OSError(errno.ENOSPC, "No space left on device")), nlp)
    assert status == 2
    assert err == (
        "whodid: error E426: cannot write to standard output (No space left on device); what was "
        "written before may be incomplete. Check that the disk or device the output goes to has room "
        "and can be written, or send the output elsewhere (--output PATH where the command has it), "
        "then run the command again.\n"
    )


class _FullDisk(io.RawIOBase):
    """A file on a disk with ``room`` bytes left."""

    def __init__(self, path: Path, room: int) -> None:
        self.fh = open(path, "wb")  # noqa: SIM115 (closed by close())
        self.room = room

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if len(data) > self.room:
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.fh.write(data)

    def close(self) -> None:
        self.fh.close()
        super().close()


@pytest.mark.parametrize("fmt", ["csv", "gdelt", "plover"])
def test_export_on_a_full_disk_leaves_no_partial_file(
    cli: Cli, stored: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    def full_open(path: Any, mode: str = "r", **kwargs: Any) -> Any:
        assert mode == "w"
        return io.TextIOWrapper(io.BufferedWriter(_FullDisk(Path(path), 20)), **kwargs)

    monkeypatch.setattr(export_module, "open", full_open, raising=False)
    target = tmp_path / f"events.{fmt}"
    target.write_text("the previous export\n", encoding="utf-8")
    proc = cli("export", "--format", fmt, "--db", stored, "--output", str(target))
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == (
        f"whodid: error E413: cannot write the export to '{target}' (No space left on device). Check that "
        "the folder exists and is writable, or pass another --output PATH.\n"
    )
    assert target.read_text(encoding="utf-8") == "the previous export\n"  # not a partial export
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # no temporary file left
    monkeypatch.undo()
    proc = cli("export", "--format", "csv", "--db", stored, "--output", str(target))
    assert proc.returncode == 0 and proc.stderr == f"whodid: wrote 1 rows to {target}\n"
    assert target.read_text(encoding="utf-8").startswith("article_id,")


def _whodid(*args: str, stdout: Any) -> CompletedProcess[bytes]:
    cmd = [sys.executable, "-m", "whodid.cli", *args]
    return subprocess.run(cmd, stdout=stdout, stderr=subprocess.PIPE, timeout=120, check=False)


@pytest.mark.slow
def test_a_real_closed_pipe_and_a_real_full_device(stored: str) -> None:
    read, write = os.pipe()
    os.close(read)  # the reader is gone before whodid writes (as head -1 after its line)
    try:
        proc = _whodid("events", "--db", stored, stdout=write)
    finally:
        os.close(write)
    assert (proc.returncode, proc.stderr) == (141, b"")
    with open("/dev/full", "w") as full:
        proc = _whodid("events", "--db", stored, stdout=full)
    assert proc.returncode == 2
    assert proc.stderr.decode().startswith("whodid: error E426: cannot write to standard output (No space")
    assert proc.stderr.count(b"\n") == 1
