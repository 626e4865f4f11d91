"""Gzip-compressed JSON Lines, inflated within bounds.

A ``.jsonl.gz`` file is read through :class:`BoundedGzip`: once the inflated bytes pass
:data:`FREE_BYTES` plus :data:`MAX_RATIO` times the compressed bytes read so far, reading stops with
E117. News text compresses about 4:1 and JSON Lines of news about 5:1; ten megabytes of zeros inflate
to ten gigabytes (1000:1), so a bomb is stopped after about 70 MB while any real file is read whole.
Damaged compressed data (a bad deflate block, a bad CRC, a cut-off end, data that is not gzip at all)
becomes E118 with the number of the last whole line handed out; the lines before it have been read by
then (all but those inflated in the same block as the damage).

>>> import gzip, io
>>> bomb = gzip.compress(bytes(200_000_000))  # 200 MB of zeros in about 200 KB
>>> stream = BoundedGzip(io.BytesIO(bomb), origin="bomb.jsonl.gz")
>>> while stream.read(1 << 20):  # doctest: +ELLIPSIS
...     pass
Traceback (most recent call last):
...
whodid.errors.InputError: E117 bomb.jsonl.gz: the compressed data inflates to over ...
>>> cut = gzip.compress(b'{"text": "one"}\\n{"text": "two"}\\n')[:-6]
>>> BoundedGzip(io.BytesIO(cut), origin="cut.jsonl.gz").read()  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
whodid.errors.InputError: E118 cut.jsonl.gz: the compressed data is damaged after line 0 ...
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable
from typing import BinaryIO, TypeVar

from whodid.errors import Errors

__all__ = ["BLOCK_BYTES", "FREE_BYTES", "MAX_RATIO", "BoundedGzip"]

_T = TypeVar("_T")

MAX_RATIO = 100  # inflated bytes per compressed byte, beyond FREE_BYTES
FREE_BYTES = 64 << 20  # what any file may inflate to, whatever its ratio
BLOCK_BYTES = 1 << 20  # read(-1) inflates this much at a time, checking between blocks

# What the gzip module raises on damaged data: BadGzipFile (an OSError) for a bad header or CRC,
# EOFError for a cut-off stream, zlib.error for a bad deflate block.
_DAMAGE = (OSError, EOFError, zlib.error)


class BoundedGzip:
    """A read-only binary stream over gzip data that refuses to inflate past its bound (E117) and turns
    damaged data into E118 (both ``InputError``).

    Offers what whodid's readers use: ``read``, ``readline``, ``seek`` (to rewind) and ``tell``.
    """

    def __init__(
        self, raw: BinaryIO, *, origin: str, ratio: int = MAX_RATIO, free_bytes: int = FREE_BYTES
    ) -> None:
        self._raw = raw
        self._gz = gzip.GzipFile(fileobj=raw, mode="rb")
        self._origin = origin
        self._ratio = ratio
        self._free = free_bytes
        self._lines = 0  # line ends handed out so far, for E118

    def read(self, size: int | None = -1) -> bytes:
        """Up to ``size`` inflated bytes (all of them, block by block, for a negative size)."""
        if size is not None and size >= 0:
            return self._checked(lambda: self._gz.read(size))
        blocks = []
        while block := self.read(BLOCK_BYTES):
            blocks.append(block)
        return b"".join(blocks)

    def readline(self, size: int | None = -1) -> bytes:
        """One line, or its first ``size`` bytes."""
        return self._checked(lambda: self._gz.readline(-1 if size is None else size))

    def seek(self, offset: int, whence: int = 0) -> int:
        """Move in the inflated data (``seek(0)`` rewinds; the line count starts again)."""
        position = self._guarded(lambda: self._gz.seek(offset, whence))
        if position == 0:
            self._lines = 0
        return position

    def tell(self) -> int:
        """The position in the inflated data."""
        return self._gz.tell()

    def close(self) -> None:
        """Close the gzip reader (not the raw file, which its opener closes)."""
        self._gz.close()

    def _checked(self, read: Callable[[], bytes]) -> bytes:
        data = self._guarded(read)
        self._lines += data.count(b"\n")
        inflated, compressed = self._gz.tell(), self._raw.tell()
        if inflated > self._free + self._ratio * compressed:
            raise Errors.E117.error(
                origin=self._origin, inflated=inflated, compressed=compressed, ratio=self._ratio
            )
        return data

    def _guarded(self, call: Callable[[], _T]) -> _T:
        try:
            return call()
        except _DAMAGE as exc:
            detail = str(exc) or type(exc).__name__
            raise Errors.E118.error(origin=self._origin, line=self._lines, detail=detail) from exc
