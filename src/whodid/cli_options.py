"""Options the command line checks before any work: numbers, characters and actor dictionary files.

argparse gives ``--limit`` any Python integer and ``--source`` any string, so these are checked here,
once for every command, and refused with a coded error (exit status 2) instead of reaching SQLite as an
``OverflowError``, or a database as a negative ``LIMIT`` the two back-ends read differently:

    whodid actors --limit -1                    error E406: --limit must be a positive whole number
    whodid events --limit 99999999999999999999  error E410: ... expected a whole number up to 9,223,...
    whodid events --source $'\\U0010FFFF'        error E425: ... an unassigned code point ...
    whodid code a.txt --actors /dev/zero        error E308: ... a character device, not a regular file

    >>> check_numbers(argparse.Namespace(limit=10, cluster=None))
    >>> check_text(argparse.Namespace(source="USA", actor="Élysée"))
"""

from __future__ import annotations

import argparse
import stat
import unicodedata
from collections.abc import Sequence
from pathlib import Path

from whodid.errors import Errors

# the largest integer SQLite and PostgreSQL (BIGINT) hold; a LIMIT or id above it cannot be sent
LARGEST = 2**63 - 1
# the whole-number options, by argparse dest: each is at least 1 and at most LARGEST
COUNTS = {
    "limit": "--limit",
    "cluster": "--cluster",
    "batch_size": "--batch-size",
    "max_bytes": "--max-bytes",
    "jobs": "--jobs",
    "workers": "--workers",
    "partition_size": "--partition-size",
}
# the options that hold codes, names or dates the store is searched for (not paths: a file's name may
# hold any character)
TEXTS = {
    "source": "--source",
    "target": "--target",
    "actor": "--actor",
    "cameo": "--cameo",
    "name": "--name",
    "code": "--code",
    "speaker": "--speaker",
    "country": "--country",
    "a": "A",
    "b": "B",
    "since": "--since",
    "until": "--until",
    "modality": "--modality",
    "published": "--published",
}
_CATEGORIES = {
    "Cc": "a control character",
    "Cs": "a lone surrogate",
    "Cn": "an unassigned code point",
    "Co": "a private-use character",
}
# an actor dictionary is read whole; PETRARCH's largest are a few megabytes
ACTOR_FILE_LIMIT = 100_000_000


def check_numbers(args: argparse.Namespace) -> None:
    """E401 for ``--max-bytes`` below 1, E406 for another count below 1, E410 for one over ``LARGEST``
    or a ``--port`` that is no TCP port."""
    for dest, option in COUNTS.items():
        value = getattr(args, dest, None)
        if value is None:
            continue
        if value < 1:
            if dest == "max_bytes":
                raise Errors.E401.error(value=value)
            raise Errors.E406.error(option=option, value=value)
        if value > LARGEST:
            raise Errors.E410.error(option=option, value=value, expected=f"a whole number up to {LARGEST:,}")
    port = getattr(args, "port", None)
    if port is not None and not 1 <= port <= 65535:
        raise Errors.E410.error(option="--port", value=port, expected="a port number from 1 to 65535")


def check_text(args: argparse.Namespace) -> None:
    """E425 for a searched-for option holding a character no code, name or date has: a control
    character, a lone surrogate (a byte argv could not decode), an unassigned or private-use one."""
    for dest, option in TEXTS.items():
        value = getattr(args, dest, None)
        if not isinstance(value, str):
            continue
        for char in value:
            kind = _CATEGORIES.get(unicodedata.category(char))
            if kind is not None:
                raise Errors.E425.error(option=option, value=value, char=f"U+{ord(char):04X}", kind=kind)


def check_actor_files(paths: Sequence[Path]) -> None:
    """E308 for an ``--actors`` file that is not a regular file (``/dev/zero``, a pipe: read whole,
    it would never end) or is over ``ACTOR_FILE_LIMIT`` bytes; before anything is read. A missing
    file is left to the dictionary reader (E105)."""
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue
        if not stat.S_ISREG(info.st_mode):
            what = _file_kind(info.st_mode) + ", not a regular file"
            raise Errors.E308.error(path=str(path), what=what, limit=f"{ACTOR_FILE_LIMIT:,}")
        if info.st_size > ACTOR_FILE_LIMIT:
            what = f"{info.st_size:,} bytes, over the limit"
            raise Errors.E308.error(path=str(path), what=what, limit=f"{ACTOR_FILE_LIMIT:,}")


def _file_kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"
