"""Writing a command's output safely: a closed pipe, a full disk, and files never left half written.

* ``whodid events | head -1``: when the reader closes the pipe, the command stops quietly with the
  status a process killed by SIGPIPE has (141, as ``yes | head -1``), not a ``BrokenPipeError``.
* ``whodid events > /dev/full``: one coded error (E426), exit status 2, no traceback.
* ``whodid export --output FILE``: the file is written under a temporary name beside it and renamed
  when complete, so a full disk or an interrupted export never leaves a partial ``FILE`` (E413).

``Stdout`` wraps standard output so that its write errors are told apart from any other ``OSError``
(an input that cannot be read is reported elsewhere, as a skipped input).
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

EXIT_BROKEN_PIPE = 128 + signal.SIGPIPE  # 141, as the shell reports a process that SIGPIPE ended


class OutputFailed(Exception):
    """Standard output could not be written (not a closed pipe: a full disk, an I/O error)."""

    def __init__(self, error: OSError) -> None:
        self.error = error
        super().__init__(error.strerror or str(error))


class Stdout:
    """A text stream that passes everything to ``stream`` and raises ``OutputFailed`` when a write or
    flush fails (``BrokenPipeError`` is left as it is: the reader stopped, which is no failure)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputFailed(e) from None

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as e:
            raise OutputFailed(e) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def discard_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's own flush at exit finds nothing
    to fail on (the closed pipe or the full disk is reported once, by the caller)."""
    with contextlib.suppress(OSError, ValueError):
        sys.stdout.flush()
    with contextlib.suppress(OSError, ValueError, AttributeError):  # no file (a StringIO): nothing to do
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


@contextlib.contextmanager
def written_whole(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` to write to; renamed to ``path`` when the block ends, removed
    when it raises, so ``path`` is either the complete output or what it was before. A path that is
    no regular file (``/dev/stdout``, a pipe) is written as it is: it cannot be renamed over."""
    if path.exists() and not path.is_file():
        yield path
        return
    part = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        yield part
        os.replace(part, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            part.unlink()
