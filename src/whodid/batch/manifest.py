"""A batch folder's own account of itself: what it is a batch of, and which partitions are done.

``DIR/batch.json`` says what made the batch: whodid's version, the partition size, the coding options
and the inputs (absolute paths), and, once a run reached the end of its input, how many partitions
there are and whether all of them are coded (``complete``). It is rewritten whole (a temporary file
renamed). ``DIR/manifest.jsonl`` has one line per finished partition (its index, the digest of what
it holds, its counts), appended and flushed to disk *after* the partition's shards were renamed into
place: a partition is in the manifest only when all its shards are there. A line cut short by a
crash is dropped when the folder is opened again.

    >>> m = Manifest.open(Path("out"), {"whodid": "0.1.0", "partition_size": 256, ...})  # doctest: +SKIP
    >>> m.finished(3, digest)  # doctest: +SKIP
    True
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from whodid.errors import Errors

FORMAT = "whodid.batch/1"
HEADER = "batch.json"
MANIFEST = "manifest.jsonl"


@dataclass
class Manifest:
    """The batch folder ``out``: its header and its finished partitions (by index)."""

    out: Path
    header: dict[str, Any]
    done: dict[int, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def open(cls, out: Path, header: dict[str, Any]) -> Manifest:
        """The batch in ``out`` (made if new); E440 when it is a batch of other inputs or options."""
        out.mkdir(parents=True, exist_ok=True)
        wanted = {"format": FORMAT, **header}
        if not (out / HEADER).exists():
            manifest = cls(out, wanted)
            manifest.save_header(partitions=None, complete=False)
            return manifest
        found = read_header(out)  # what the last run to reach the end found stays until this one does
        differ = [k for k in wanted if found.get(k) != wanted[k]]
        if differ:
            detail = "; ".join(f"{k}: {found.get(k)!r} there, {wanted[k]!r} here" for k in differ)
            raise Errors.E440.error(path=out, detail=detail)
        return cls(out, wanted, read_done(out))

    def finished(self, index: int, digest: str) -> bool:
        """Whether partition ``index`` is done; E440 when it was done on other articles."""
        entry = self.done.get(index)
        if entry is None:
            return False
        if entry["digest"] != digest:
            raise Errors.E440.error(
                path=self.out, detail=f"partition {index} held other articles then (the inputs changed)"
            )
        return True

    def add(self, entry: dict[str, Any]) -> None:
        """Record a finished partition (after its shards are in place)."""
        with open(self.out / MANIFEST, "a", encoding="utf-8") as f:
            f.write(json.dumps(entry, ensure_ascii=False) + "\n")
            f.flush()
            os.fsync(f.fileno())
        self.done[entry["partition"]] = entry

    def save_header(self, *, partitions: int | None, complete: bool) -> None:
        data = {**self.header, "partitions": partitions, "complete": complete}
        temporary = self.out / f".{HEADER}.tmp"
        temporary.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        os.replace(temporary, self.out / HEADER)


def read_header(out: Path) -> dict[str, Any]:
    """``batch.json``; E445 when it cannot be read."""
    try:
        data = json.loads((out / HEADER).read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        raise Errors.E445.error(path=out, detail=f"{HEADER}: {e}") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise Errors.E445.error(path=out, detail=f"{HEADER} is not a {FORMAT} header")
    return data


def read_done(out: Path) -> dict[int, dict[str, Any]]:
    """The finished partitions of ``manifest.jsonl``, by index. A last line without its newline (the
    write was cut) is dropped from the file, so the next line appended starts on a line of its own."""
    path = out / MANIFEST
    if not path.exists():
        return {}
    raw = path.read_bytes()
    if raw and not raw.endswith(b"\n"):
        raw = raw[: raw.rfind(b"\n") + 1]
        temporary = out / f".{MANIFEST}.tmp"
        temporary.write_bytes(raw)
        os.replace(temporary, path)
    done: dict[int, dict[str, Any]] = {}
    for line in raw.decode("utf-8").splitlines():
        entry = json.loads(line)
        done[entry["partition"]] = entry
    return done


def is_batch(path: Path) -> bool:
    """Whether ``path`` is a batch folder (``whodid ingest DIR`` loads it rather than reading it)."""
    return path.is_dir() and (path / HEADER).is_file()
