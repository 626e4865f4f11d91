"""JSON Lines input: one article per line, read as a stream so files of any size work.

Each line is a JSON object ``{"id", "text", "published", "title", "url", "source"}`` (``date`` is read
when ``published`` is absent); only ``text`` is required. ``published`` overrides the caller's default
date and may be written as feeds write dates (:mod:`whodid.dates.publication`: ``2012-10-09``,
``2012-10-09T14:00Z``, ``9 Oct 2012``, ``October 9, 2012``, ``11/28/2016``, RFC 822); a numeric date
that could be month-first or day-first is read in ``date_order`` (``mdy`` by default, or ``dmy``) and
noted (E123). A date that cannot be read is never dropped silently: the record is kept with no date
(``published: null``) and a note E122 names its line (see :attr:`ArticleInput.notes`). ``id``
defaults to :func:`~whodid.ingest.model.article_id` of the text (a number is accepted and turned into a
string). Blank lines are skipped. A bad line becomes a :class:`BadInput` named ``"path:LINE"`` (lines
count from 1, blank ones included) and reading goes on with the next line, wherever the bad line is: a
line of NUL bytes or control characters is E116, one that is not UTF-8 E103, not JSON E110. Only what
makes the whole stream unreadable is judged from its first bytes, as a :class:`BadInput` named
``path``: nothing in it (E100), UTF-16/32 (E103), another format's signature (E101: a PDF, a zip).

Text: lone surrogates (``"\\ud800"``) in ``text`` become U+FFFD, offsets unchanged; in ``title``,
``url``, ``source`` and ``id`` NUL does too (see :mod:`whodid.ingest.text`). A ``published`` date
outside the years whodid codes is E121.

Limits: each record's text obeys ``max_bytes`` (E104); a line may be at most
:data:`LINE_FACTOR` ``* max_bytes`` bytes (E115), which bounds memory without refusing texts whose
JSON escapes (``\\u00e9``) make the line longer than the text.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from typing import Any, BinaryIO

from whodid.dates.publication import Order, read_publication_date
from whodid.errors import Errors, InputError, WhodidError
from whodid.ingest.model import ArticleInput, BadInput, article_id, check_date
from whodid.ingest.sniff import SNIFF_BYTES, binary_reason, guess_encoding, signature_reason, utf16_guess
from whodid.ingest.text import DEFAULT_MAX_BYTES, check_size, clean_field, validate_text

__all__ = ["DATE_FORMATS", "LINE_FACTOR", "from_record", "parse_record", "read_jsonl_stream"]

LINE_FACTOR = 6
_SKIP_CHUNK = 1 << 16
_OPTIONAL_FIELDS = ("title", "url", "source")
DATE_FORMATS = (
    "a date such as 2012-10-09, 2012-10-09T14:00Z, 9 Oct 2012, October 9, 2012, 10/09/2012 or "
    "Tue, 09 Oct 2012 14:00:00 GMT"
)


def _json_type(value: Any) -> str:
    """The JSON name of a decoded value's type, for messages."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else type(value).__name__


def _lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | None]]:
    """Yield ``(line number, bytes)``; an over-long line yields ``None`` and is skipped unread."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while line and not line.endswith(b"\n"):
                line = stream.readline(_SKIP_CHUNK)
            yield number, None
        else:
            yield number, line


def _decode_line(line: bytes, origin: str) -> dict[str, Any]:
    """Decode one line into a JSON object (E116, E103, E110, E111)."""
    reason = binary_reason(line)
    if reason is not None:
        raise Errors.E116.error(origin=origin, detail=reason)
    try:
        raw = line.decode("utf-8")
    except UnicodeDecodeError as exc:
        guess = guess_encoding(line, exc)
        raise Errors.E103.error(origin=origin, detail=guess.evidence, encoding=guess.encoding) from exc
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise Errors.E110.error(origin=origin, detail=f"{exc.msg} at column {exc.colno}") from exc
    if not isinstance(record, dict):
        raise Errors.E111.error(origin=origin, json_type=_json_type(record))
    return record


def _optional(record: Mapping[str, Any], field: str, origin: str) -> str | None:
    """A string field that may be absent, null or empty (all three give None); E114 otherwise."""
    value = record.get(field)
    if value is None or value == "":
        return None
    if field == "id" and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not isinstance(value, str):
        raise Errors.E114.error(origin=origin, field=field, json_type=_json_type(value))
    return clean_field(value)


def parse_record(
    line: bytes,
    *,
    origin: str,
    published: dt.date | None,
    max_bytes: int,
    check_language: bool = True,
    date_order: Order = "mdy",
) -> ArticleInput:
    """Turn one JSON Lines line into an :class:`ArticleInput`; raise ``InputError`` when it is bad. A
    date that cannot be read leaves the record undated, with a note (E122) naming the line."""
    return from_record(
        _decode_line(line, origin),
        origin=origin,
        published=published,
        max_bytes=max_bytes,
        check_language=check_language,
        date_order=date_order,
        keep_unreadable_date=True,
    )


def from_record(
    record: Mapping[str, Any],
    *,
    origin: str,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    check_language: bool = True,
    date_order: Order = "mdy",
    keep_unreadable_date: bool = False,
) -> ArticleInput:
    """The one reading of an article record, for JSON Lines and the Python API alike
    (:meth:`ArticleInput.from_record`): ``text`` (required, checked as any article's text), ``id``
    (a string or an integer), ``published`` (or, failing that, ``date``), ``title``, ``url``,
    ``source``. ``published`` is the date to use when the record has none; the record's own date is
    read by :func:`~whodid.dates.publication.read_publication_date` in ``date_order``. An unreadable
    date is E120, or with ``keep_unreadable_date`` (files, where a line number tells the user where to
    look) a note E122 on a record kept undated. Raises ``InputError``."""
    if "text" not in record:
        raise Errors.E112.error(origin=origin, fields=", ".join(sorted(map(str, record))) or "none")
    text = record["text"]
    if not isinstance(text, str):
        raise Errors.E113.error(origin=origin, json_type=_json_type(text))
    check_size(len(text.encode("utf-8", errors="surrogatepass")), origin=origin, max_bytes=max_bytes)
    text = validate_text(text, origin=origin, check_language=check_language)
    published, notes = _record_date(
        record, origin=origin, default=published, order=date_order, keep_unreadable=keep_unreadable_date
    )
    title, url, source = (_optional(record, field, origin) for field in _OPTIONAL_FIELDS)
    return ArticleInput(
        text=text,
        id=_optional(record, "id", origin) or article_id(text),
        published=published,
        title=title,
        url=url,
        source=source,
        origin=origin,
        notes=notes,
    )


def _record_date(
    record: Mapping[str, Any], *, origin: str, default: dt.date | None, order: Order, keep_unreadable: bool
) -> tuple[dt.date | None, tuple[WhodidError, ...]]:
    """The record's publication date (``published``, else ``date``), or ``default`` when it has none,
    and the notes on reading it: E123 when day and month could be swapped, E122 when it cannot be read
    and ``keep_unreadable`` keeps the record undated. Without ``keep_unreadable`` an unreadable
    ``published`` is E120 and an unreadable ``date`` (a looser name: "December 7") is no date."""
    field = "published" if record.get("published") is not None else "date"  # "date" is a common name too
    value = record.get(field)
    if isinstance(value, dt.date):  # a Python caller's date object
        return check_date(value, origin=origin), ()
    if value is not None and not isinstance(value, str):
        raise Errors.E114.error(origin=origin, field=field, json_type=_json_type(value))
    if not value:
        return default, ()
    read = read_publication_date(value, order=order)
    if read is None:
        if keep_unreadable:
            return None, (Errors.E122.error(origin=origin, value=value, field=field),)
        if field == "published":
            raise Errors.E120.error(origin=origin, value=value, expected=DATE_FORMATS)
        return default, ()
    day = check_date(read.day, origin=origin, value=value)
    if not read.ambiguous:
        return day, ()
    other: Order = "dmy" if order == "mdy" else "mdy"
    return day, (Errors.E123.error(origin=origin, value=value, day=day, order=order, other=other),)


def _check_head(stream: BinaryIO, origin: str) -> None:
    """Whole-stream checks on the first bytes (E100, E103, E101 for a format signature), then rewind.
    NUL bytes or control characters there are the first line's problem (E116), not the stream's.
    Read a line at a time, so that damaged gzip data just after the first lines (E118) is reported
    after them, not instead of them."""
    head = b""
    try:
        while len(head) < SNIFF_BYTES and (line := stream.readline(SNIFF_BYTES - len(head))):
            head += line
    except InputError:
        if not head:
            raise
    stream.seek(0)
    if not head:
        raise Errors.E100.error(origin=origin, detail="0 bytes")
    guess = utf16_guess(head)
    if guess is not None:
        raise Errors.E103.error(origin=origin, detail=guess.evidence, encoding=guess.encoding)
    reason = signature_reason(head)
    if reason is not None:
        raise Errors.E101.error(origin=origin, detail=reason)


def read_jsonl_stream(
    stream: BinaryIO,
    *,
    origin: str,
    published: dt.date | None = None,
    max_bytes: int,
    check_language: bool = True,
    date_order: Order = "mdy",
) -> Iterator[ArticleInput | BadInput]:
    """Yield one item per non-blank line of a seekable binary JSON Lines stream. An ``InputError`` the
    stream itself raises while it is read (a damaged or over-inflating gzip stream: E117, E118) ends
    the stream as one last :class:`BadInput` named ``origin``, after the lines read before it."""
    try:
        _check_head(stream, origin)
    except InputError as exc:
        yield BadInput(origin, exc)
        return
    limit = LINE_FACTOR * max_bytes
    records = 0
    lines = _lines(stream, limit)
    while True:
        try:
            number, line = next(lines)
        except StopIteration:
            break
        except InputError as exc:
            yield BadInput(origin, exc)
            return
        where = f"{origin}:{number}"
        if line is None:
            records += 1
            yield BadInput(where, Errors.E115.error(origin=where, limit=limit, factor=LINE_FACTOR))
            continue
        if number == 1:
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        records += 1
        try:
            yield parse_record(
                line,
                origin=where,
                published=published,
                max_bytes=max_bytes,
                check_language=check_language,
                date_order=date_order,
            )
        except InputError as exc:
            yield BadInput(where, exc)
    if records == 0:
        yield BadInput(origin, Errors.E100.error(origin=origin, detail="no records, only blank lines"))
