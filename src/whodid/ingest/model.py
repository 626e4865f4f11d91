"""What the reader hands to the pipeline: one :class:`ArticleInput` per article, or a :class:`BadInput`."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from whodid.dates.publication import Order
from whodid.errors import Errors, WhodidError

__all__ = ["FIRST_DATE", "LAST_DATE", "ArticleInput", "BadInput", "article_id", "check_date", "parse_date"]

_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_ISO_EXPECTED = "an ISO date YYYY-MM-DD"
# Publication dates whodid codes: any news archive's, with room on both sides for "200 years ago" or
# "in 50 years" without reaching Python's year 1 or 9999 (where date arithmetic overflows).
FIRST_DATE = dt.date(1600, 1, 1)
LAST_DATE = dt.date(2399, 12, 31)


@dataclass(frozen=True)
class ArticleInput:
    """One article to analyse.

    ``text`` is the exact article text (a leading byte-order mark removed; line ends untouched): all
    character offsets the pipeline reports are into this string. ``origin`` says where it came from:
    the path, ``"path:LINE"`` for a JSON Lines record, or ``"<stdin>"``.
    """

    text: str
    id: str | None = None
    published: dt.date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""
    # what was read with a doubt and kept (an unreadable date: E122, an ambiguous one: E123)
    notes: tuple[WhodidError, ...] = ()

    @classmethod
    def from_record(
        cls,
        record: Mapping[str, Any],
        *,
        origin: str,
        published: dt.date | None = None,
        max_bytes: int | None = None,
        check_language: bool = True,
        date_order: Order = "mdy",
        keep_unreadable_date: bool = False,
    ) -> ArticleInput:
        """An article from a record (a JSON Lines line's object, or a dict given to the Python API):
        the one reading both use (``ingest/jsonl.py``'s ``from_record``). Raises ``InputError``."""
        from whodid.ingest.jsonl import from_record
        from whodid.ingest.text import DEFAULT_MAX_BYTES

        return from_record(
            record,
            origin=origin,
            published=published,
            max_bytes=DEFAULT_MAX_BYTES if max_bytes is None else max_bytes,
            check_language=check_language,
            date_order=date_order,
            keep_unreadable_date=keep_unreadable_date,
        )


@dataclass(frozen=True)
class BadInput:
    """An input that could not be read; ``error.code`` and ``str(error)`` say why and how to fix it."""

    origin: str
    error: WhodidError


def article_id(text: str) -> str:
    """A content-based id: ``"sha256-"`` and the first 16 hex digits of the SHA-256 of the UTF-8 text."""
    digest = hashlib.sha256(text.encode("utf-8", errors="surrogatepass")).hexdigest()
    return "sha256-" + digest[:16]


def parse_date(value: str, *, origin: str = "published") -> dt.date:
    """Read an ISO date ``YYYY-MM-DD``; a full ISO timestamp is accepted and its date kept as written.

    The date part of a timestamp is taken as written, without converting between time zones
    (``2024-03-15T23:30:00-05:00`` is 2024-03-15). Anything else raises ``InputError`` E120, and a
    date outside :data:`FIRST_DATE` - :data:`LAST_DATE` E121 (``9999-12-31``, ``0001-01-01``).
    """
    cleaned = value.strip() if isinstance(value, str) else ""
    match = _ISO_DATE.match(cleaned)
    if match is None:
        raise Errors.E120.error(origin=origin, value=value, expected=_ISO_EXPECTED)
    try:
        date = dt.date(int(match[1]), int(match[2]), int(match[3]))
        rest = cleaned[match.end() :]
        if rest:
            dt.datetime.fromisoformat(cleaned)  # validates the time part; the date is kept as written
    except ValueError as exc:
        raise Errors.E120.error(origin=origin, value=value, expected=_ISO_EXPECTED) from exc
    return check_date(date, origin=origin, value=value)


def check_date(date: dt.date, *, origin: str = "published", value: object = None) -> dt.date:
    """``date`` when whodid can code it (:data:`FIRST_DATE` to :data:`LAST_DATE`), else E121."""
    if not FIRST_DATE <= date <= LAST_DATE:
        raise Errors.E121.error(
            origin=origin,
            value=date.isoformat() if value is None else value,
            first=FIRST_DATE,
            last=LAST_DATE,
        )
    return date
