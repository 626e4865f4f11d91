"""Read articles from files and stdin: plain text, HTML and JSON Lines.

:func:`read_path` is the one entry point for callers: it yields an :class:`ArticleInput` per article
and a :class:`BadInput` for every input that cannot be read, so a bad file (missing, empty, binary,
too large, not English...) or a bad JSON Lines record never stops a run. Only a wrong *option*
(``max_bytes`` not positive, unknown ``encoding``) raises, as ``UsageError``, before anything is read.

File types are chosen by extension (case-insensitive):

* ``.txt``, ``.text``, ``.md`` and no extension: plain text, one article;
* ``.html``, ``.htm``, ``.xhtml``: the main text extracted by trafilatura, one article;
* ``.jsonl``, ``.ndjson``: one article per line (see :mod:`whodid.ingest.jsonl`);
* ``-``: standard input, read as plain text, or (``stdin_jsonl``, as ``whodid code -`` and ``whodid
  ingest -`` ask) as JSON Lines when its first non-blank line starts with ``{`` or a later line of its
  first ``max_bytes`` is a JSON object with a ``"text"`` string; then line by line, as a file is;
* anything else: ``BadInput`` E107.

Size: a plain-text or HTML file larger than ``max_bytes`` is refused from its size on disk, before
reading; pipes and stdin are read up to ``max_bytes + 1`` bytes only. JSON Lines files may be any size
(they are streamed); the limit applies to each record's text. A ``.jsonl.gz`` file is inflated within
the bounds of :mod:`whodid.ingest.gzipped` (E117), and damaged gzip data is E118 after the lines read.

Dates: ``published`` is the default publication date. A JSON Lines record's own ``published`` and a
date an HTML page declares in its metadata take precedence over it. A record's date is read as feeds
write it, numeric dates in ``date_order``; one that cannot be read leaves the record undated, with a
note (:attr:`ArticleInput.notes`) the commands print as a warning naming the line.

Text: see :mod:`whodid.ingest.text` (a leading UTF-8 BOM is dropped; offsets index the text after it).
Articles without an id get :func:`article_id` of their text.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import closing, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from whodid.dates.publication import ORDERS, Order
from whodid.errors import Errors, InputError
from whodid.ingest.gzipped import BLOCK_BYTES, BoundedGzip
from whodid.ingest.html import decode_html, extract_html
from whodid.ingest.jsonl import read_jsonl_stream
from whodid.ingest.model import ArticleInput, BadInput, article_id, parse_date
from whodid.ingest.text import (
    DEFAULT_MAX_BYTES,
    check_max_bytes,
    check_size,
    codec_name,
    read_limited,
    read_text_bytes,
    validate_text,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "EXTENSIONS",
    "STDIN",
    "ArticleInput",
    "BadInput",
    "article_id",
    "check_date_order",
    "input_kind",
    "origin_of",
    "parse_date",
    "read_path",
    "read_text_bytes",
]

STDIN = "-"
STDIN_ORIGIN = "<stdin>"
EXTENSIONS: dict[str, str] = {
    "": "text",
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
_NEEDS_ESCAPE = re.compile("[\\\\\x00-\x1f\x7f\udc80-\udcff]")
_ESCAPES = {"\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SUPPORTED = ".txt, .text, .md, .html, .htm, .xhtml, .jsonl, .ndjson and files without an extension"
_GZIP_JSONL = (".jsonl.gz", ".ndjson.gz")


def input_kind(path: Path | str) -> str | None:
    """How a file is read, from its name alone: ``"jsonl.gz"``, ``"jsonl"``, ``"html"`` or ``"text"``;
    None for a name whodid does not read (and ``"stdin"`` for ``-``). Every command asks this."""
    if str(path) == STDIN:
        return "stdin"
    path = Path(path)
    if path.name.lower().endswith(_GZIP_JSONL):
        return "jsonl.gz"
    return EXTENSIONS.get(path.suffix.lower())


def origin_of(path: Path | str) -> str:
    """How a file is named in messages and in the store (``origin``): its path as text, losslessly.

    A path that is UTF-8 without control characters or backslashes is itself. Otherwise each byte that
    is not UTF-8 is written ``\\xNN`` (Python's ``surrogateescape`` made explicit), each control
    character ``\\n``, ``\\r``, ``\\t`` or ``\\xNN`` and each backslash ``\\\\``: the bytes of the name
    can be recovered, any database can store it and no name can forge a line of output.

    >>> origin_of(os.fsdecode(b"news/caf\\xe9.txt"))
    'news/caf\\\\xe9.txt'
    >>> print(origin_of("a\\nwhodid: skipped b.txt"))
    a\\nwhodid: skipped b.txt
    """
    text = os.fsdecode(path)
    if not _NEEDS_ESCAPE.search(text):
        return text
    out = []
    for ch in text:
        if "\udc80" <= ch <= "\udcff":  # a byte that is not UTF-8, as os.fsdecode keeps it
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch < " " or ch == "\x7f":
            out.append(f"\\x{ord(ch):02x}")
        else:
            out.append(ch)
    return "".join(out)


def read_path(
    path: Path | str,
    *,
    published: dt.date | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str = "utf-8",
    check_language: bool = True,
    stdin_jsonl: bool = False,
    date_order: Order = "mdy",
) -> Iterator[ArticleInput | BadInput]:
    """Yield the articles in ``path`` (``"-"`` for stdin), or ``BadInput`` for what cannot be read.

    ``encoding`` applies to plain-text and HTML files (JSON Lines is always UTF-8);
    ``check_language=False`` skips the English check. ``stdin_jsonl`` reads standard input as JSON
    Lines when its first line is a JSON object with a ``"text"`` string (``whodid code -``, ``ingest -``).
    ``date_order`` (``"mdy"`` or ``"dmy"``) reads JSON Lines dates such as ``03/04/2016``. See the module
    docstring for the rules.
    """
    check_max_bytes(max_bytes)
    codec_name(encoding)
    check_date_order(date_order)
    options = _Options(published, max_bytes, encoding, check_language, date_order)
    if str(path) == STDIN:
        return _read_stdin(options, sniff_jsonl=stdin_jsonl)
    return _read_file(Path(path), options)


@dataclass(frozen=True)
class _Options:
    """The reading options, passed along together."""

    published: dt.date | None
    max_bytes: int
    encoding: str
    check_language: bool
    date_order: Order = "mdy"


def check_date_order(date_order: str) -> Order:
    """``date_order`` when it is ``"mdy"`` or ``"dmy"``; E410 otherwise (before anything is read)."""
    for order in ORDERS:
        if date_order == order:
            return order
    raise Errors.E410.error(option="--date-order", value=date_order, expected=" or ".join(ORDERS))


def _read_file(path: Path, options: _Options) -> Iterator[ArticleInput | BadInput]:
    """Dispatch one path on its extension, after checking that it exists and is not a directory."""
    origin = origin_of(path)
    try:
        info = _stat(path, origin)
        kind = input_kind(path)
        if kind == "jsonl.gz":
            yield from _read_jsonl(path, options, compressed=True)
            return
        if kind is None:
            raise Errors.E107.error(origin=origin, extension=path.suffix, supported=_SUPPORTED)
        if kind == "jsonl":
            yield from _read_jsonl(path, options)
            return
        data = _read_bytes(path, info, origin, options.max_bytes)
        if kind == "html":
            yield _html_article(data, origin, options)
        else:
            yield _text_article(data, origin, options)
    except InputError as exc:
        yield BadInput(origin, exc)


def _stat(path: Path, origin: str) -> os.stat_result:
    """``os.stat`` with the not-found (E105), directory (E106) and unreadable (E108) cases named."""
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise Errors.E105.error(origin=origin) from exc
    except OSError as exc:
        raise Errors.E108.error(origin=origin, detail=exc.strerror or str(exc)) from exc
    if stat.S_ISDIR(info.st_mode):
        try:
            os.scandir(path).close()
        except OSError as exc:  # a directory inside an ingested one that cannot be listed
            raise Errors.E108.error(origin=origin, detail=exc.strerror or str(exc)) from exc
        raise Errors.E106.error(origin=origin)
    return info


def _read_bytes(path: Path, info: os.stat_result, origin: str, max_bytes: int) -> bytes:
    """Read a whole file, refusing one over ``max_bytes`` from its size before reading (E104)."""
    if stat.S_ISREG(info.st_mode):
        check_size(info.st_size, origin=origin, max_bytes=max_bytes)
    try:
        with path.open("rb") as stream:
            return read_limited(stream, origin=origin, max_bytes=max_bytes)
    except OSError as exc:
        raise Errors.E108.error(origin=origin, detail=exc.strerror or str(exc)) from exc


def _read_jsonl(
    path: Path, options: _Options, *, compressed: bool = False
) -> Iterator[ArticleInput | BadInput]:
    """Stream a JSON Lines file (gzip-compressed when ``compressed``)."""
    origin = origin_of(path)
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise Errors.E108.error(origin=origin, detail=exc.strerror or str(exc)) from exc
    with raw, closing(BoundedGzip(raw, origin=origin)) if compressed else nullcontext(raw) as opened:
        stream = cast(BinaryIO, opened)
        try:
            yield from read_jsonl_stream(
                stream,
                origin=origin,
                published=options.published,
                max_bytes=options.max_bytes,
                check_language=options.check_language,
                date_order=options.date_order,
            )
        except OSError as exc:  # the disk failed (damaged gzip data is E118, from BoundedGzip)
            raise Errors.E108.error(origin=origin, detail=exc.strerror or str(exc)) from exc


def expand_paths(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files to read: each path, with directories walked (sorted) for the readable extensions. A
    directory inside that cannot be listed is yielded itself, so that reading it reports E108 (an
    input skipped, in the summary and the exit status) instead of leaving its files out silently."""
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path
            continue
        yield from sorted(_walk(path))


def _walk(folder: Path) -> list[Path]:
    """The readable files under ``folder`` and the directories there that cannot be listed."""
    found: list[Path] = []
    for root, _, files in os.walk(folder, onerror=lambda exc: found.append(Path(exc.filename))):
        for name in files:  # symbolic links to files are read, to directories not walked (as rglob)
            child = Path(root, name)
            if not name.startswith(".") and input_kind(child) is not None and child.is_file():
                found.append(child)
    return found


def count_articles(paths: Iterable[Path | str]) -> int:
    """How many articles ``paths`` hold, for a progress bar: the non-blank lines of each JSON Lines
    file (plain or gzip), one for any other file. A file that cannot be read counts one (it will be
    reported as one skipped input); so does the end of a gzip file past its inflation bound (E117).
    Memory stays within a block of :data:`~whodid.ingest.gzipped.BLOCK_BYTES`, however long a line."""
    total = 0
    for path in expand_paths(paths):
        kind = input_kind(path)
        if kind not in ("jsonl", "jsonl.gz"):
            total += 1
            continue
        try:
            with path.open("rb") as raw:
                if kind == "jsonl.gz":
                    with closing(BoundedGzip(raw, origin=str(path))) as inflated:
                        total += _count_lines(cast(BinaryIO, inflated))
                else:
                    total += _count_lines(raw)
        except (OSError, InputError):
            total += 1
    return total


def _count_lines(stream: BinaryIO) -> int:
    """The non-blank lines of ``stream``, read a block at a time (never a whole line at once); one more
    when the stream stops with an ``InputError`` (E117, E118: reported as one skipped input)."""
    count, pending = 0, False  # pending: the current, unfinished line has a non-blank byte
    try:
        while block := stream.read(BLOCK_BYTES):
            *ended, rest = block.split(b"\n")
            for line in ended:
                count += pending or bool(line.strip())
                pending = False
            pending = pending or bool(rest.strip())
    except InputError:
        return count + 1
    return count + pending


def _text_article(data: bytes, origin: str, options: _Options) -> ArticleInput:
    """One plain-text article."""
    text = read_text_bytes(
        data,
        origin=origin,
        max_bytes=options.max_bytes,
        encoding=options.encoding,
        check_language=options.check_language,
    )
    return ArticleInput(text=text, id=article_id(text), published=options.published, origin=origin)


def _html_article(data: bytes, origin: str, options: _Options) -> ArticleInput:
    """One HTML article: its main text and declared metadata."""
    page = extract_html(decode_html(data, origin=origin, encoding=options.encoding), origin=origin)
    check_size(len(page.text.encode("utf-8")), origin=origin, max_bytes=options.max_bytes)
    text = validate_text(page.text, origin=origin, check_language=options.check_language)
    return ArticleInput(
        text=text,
        id=article_id(text),
        published=options.published or page.published,  # the user's --published wins over the page's
        title=page.title,
        url=page.url,
        source=page.source,
        origin=origin,
    )


def _read_stdin(options: _Options, *, sniff_jsonl: bool = False) -> Iterator[ArticleInput | BadInput]:
    """Standard input as one plain-text article, read (when iterated) up to ``max_bytes + 1`` bytes;
    with ``sniff_jsonl``, as JSON Lines when those first bytes look like it (:func:`_looks_like_jsonl`),
    spooled to a temporary file (in memory up to 16 MB) so that a stream of any length is read line by
    line, each bad line reported alone, as in a ``.jsonl`` file."""
    try:
        stream = getattr(sys.stdin, "buffer", None)
        if stream is None:  # a text stream without a buffer (e.g. replaced in tests or embedding code)
            stream = io.BytesIO(sys.stdin.read(options.max_bytes + 1).encode("utf-8"))
        head = stream.read(options.max_bytes + 1)
        if sniff_jsonl and _looks_like_jsonl(head):
            with tempfile.SpooledTemporaryFile(max_size=16 << 20) as spool:
                spool.write(head)
                del head
                shutil.copyfileobj(stream, spool)
                spool.seek(0)
                yield from read_jsonl_stream(
                    cast(BinaryIO, spool),
                    origin=STDIN_ORIGIN,
                    published=options.published,
                    max_bytes=options.max_bytes,
                    check_language=options.check_language,
                    date_order=options.date_order,
                )
            return
        yield _text_article(
            read_limited(io.BytesIO(head), origin=STDIN_ORIGIN, max_bytes=options.max_bytes),
            STDIN_ORIGIN,
            options,
        )
    except InputError as exc:
        yield BadInput(STDIN_ORIGIN, exc)


def _looks_like_jsonl(head: bytes) -> bool:
    """Whether the first bytes of standard input are JSON Lines: the first non-blank line starts with
    ``{`` (however long or malformed that line is), or a later line of ``head`` is a JSON object with a
    ``"text"`` string (a first line of NUL bytes or noise does not turn a JSON Lines feed into text)."""
    lines = head.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    first = next((line.lstrip() for line in lines if line.strip()), b"")
    return first.startswith(b"{") or any(_is_jsonl_record(line) for line in lines if b'"text"' in line)


def _is_jsonl_record(line: bytes) -> bool:
    """A JSON Lines record whodid reads: a JSON object with a "text" string."""
    try:
        value = json.loads(line.removeprefix(b"\xef\xbb\xbf"))
    except ValueError:
        return False
    return isinstance(value, dict) and isinstance(value.get("text"), str)
