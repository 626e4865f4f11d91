"""Turn bytes into validated article text, or raise an :class:`~whodid.errors.InputError` saying why not.

Checks, in order: size limit (E104), empty (E100), UTF-16/32 (E102), binary (E101), UTF-8 (E102),
control characters (E101), whitespace only (E100), English (E140).

Byte-order mark: a leading UTF-8 BOM (U+FEFF) is dropped, so the returned text -- and every character
offset the pipeline reports -- starts after it. Nothing else is changed: line ends (``\\r\\n``) and all
other characters are kept exactly, so offsets index the text as read.

Unencodable characters: a string from JSON (``"\\ud800"``) or from Python may hold lone surrogates,
which no UTF-8 writer, tokenizer or database accepts. :func:`validate_text` replaces each with U+FFFD
(one character for one, so every offset still indexes the text as given); :func:`clean_field` does the
same for a title, URL, source or id, and also replaces NUL, which PostgreSQL cannot store.

>>> validate_text("Talks \\ud800resumed in Oslo.", origin="x", check_language=False)
'Talks \\ufffdresumed in Oslo.'
"""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from whodid.errors import Errors
from whodid.ingest.language import check_english
from whodid.ingest.sniff import SNIFF_BYTES, binary_reason, guess_encoding, utf16_guess

__all__ = [
    "DEFAULT_MAX_BYTES",
    "check_max_bytes",
    "check_size",
    "clean_field",
    "codec_name",
    "decode_bytes",
    "read_limited",
    "read_text_bytes",
    "validate_text",
]

DEFAULT_MAX_BYTES = 5_000_000

_UTF8 = frozenset({"utf-8", "utf-8-sig"})
_WIDE = ("utf-16", "utf-32")
_ALLOWED_CONTROLS = frozenset("\t\n\v\f\r\x1b")
_SURROGATES = re.compile("[\ud800-\udfff]")
_FIELD_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def check_max_bytes(max_bytes: int) -> None:
    """Refuse a size limit that is not a positive integer (``UsageError`` E401)."""
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise Errors.E401.error(value=max_bytes)


def check_size(size: int, *, origin: str, max_bytes: int) -> None:
    """Raise E104 when ``size`` bytes exceed ``max_bytes``."""
    if size > max_bytes:
        suggested = (size // 1_000_000 + 1) * 1_000_000
        raise Errors.E104.error(origin=origin, size=size, limit=max_bytes, suggested=suggested)


def codec_name(encoding: str) -> str:
    """Python's canonical name for the text encoding ``encoding`` (``UsageError`` E402 when unknown,
    or when it names a codec that is no text encoding: base64, rot13, hex, zlib, bz2, uu)."""
    try:
        "".encode(encoding)  # LookupError for a bytes-to-bytes or str-to-str codec, as for an unknown one
        return codecs.lookup(encoding).name
    except (LookupError, TypeError) as exc:
        raise Errors.E402.error(value=encoding) from exc


def read_limited(stream: BinaryIO, *, origin: str, max_bytes: int) -> bytes:
    """Read a stream (stdin, a pipe) but never more than ``max_bytes + 1`` bytes (E104 beyond)."""
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise Errors.E104.error(
            origin=origin, size=f"more than {max_bytes}", limit=max_bytes, suggested=max_bytes * 4
        )
    return data


def decode_bytes(data: bytes, *, origin: str, encoding: str = "utf-8") -> str:
    """Decode ``data`` after the byte-level checks (E100, E101, E102); a leading BOM is dropped."""
    codec = codec_name(encoding)
    if not data:
        raise Errors.E100.error(origin=origin, detail="0 bytes")
    if codec in _UTF8:
        guess = utf16_guess(data)
        if guess is not None:
            raise Errors.E102.error(origin=origin, detail=guess.evidence, encoding=guess.encoding)
    if not codec.startswith(_WIDE):
        reason = binary_reason(data)
        if reason is not None:
            raise Errors.E101.error(origin=origin, detail=reason)
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as exc:
        if codec in _UTF8:
            guess = guess_encoding(data, exc)
            raise Errors.E102.error(origin=origin, detail=guess.evidence, encoding=guess.encoding) from exc
        detail = f"it cannot be decoded as {encoding}: {exc.reason} at byte {exc.start}"
        raise Errors.E102.error(origin=origin, detail=detail, encoding="SOURCE-ENCODING") from exc
    return text.removeprefix("\ufeff")


def clean_field(value: str) -> str:
    """A title, URL, source or id with each lone surrogate and NUL replaced by U+FFFD."""
    return _FIELD_UNSTORABLE.sub(REPLACEMENT, value)


def validate_text(text: str, *, origin: str, check_language: bool = True) -> str:
    """Check decoded text (E101 control characters, E100 whitespace only, E140 not English); return it,
    each lone surrogate replaced by U+FFFD (offsets unchanged: see the module docstring)."""
    text = _SURROGATES.sub(REPLACEMENT, text)
    if "\x00" in text:
        raise Errors.E101.error(
            origin=origin, detail=f"it contains NUL characters (first at {text.index(chr(0))})"
        )
    sample = text[:SNIFF_BYTES]
    controls = sum(1 for ch in sample if ch < " " and ch not in _ALLOWED_CONTROLS)
    if controls > 0.1 * len(sample):
        raise Errors.E101.error(
            origin=origin, detail=f"{controls} of its first {len(sample)} characters are control characters"
        )
    if not text.strip():
        detail = "0 characters" if not text else f"only whitespace ({len(text)} characters)"
        raise Errors.E100.error(origin=origin, detail=detail)
    if check_language:
        verdict = check_english(text)
        if not verdict.is_english:
            raise Errors.E140.error(origin=origin, detail=verdict.reason)
    return text


def read_text_bytes(
    data: bytes,
    *,
    origin: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    encoding: str = "utf-8",
    check_language: bool = True,
) -> str:
    """Validate and decode one article's bytes; raise ``InputError`` with the right code otherwise.

    ``encoding`` is UTF-8 unless the user says otherwise; a leading BOM is dropped and nothing else is
    changed (see the module docstring). ``check_language=False`` skips the English check (E140).
    """
    check_max_bytes(max_bytes)
    check_size(len(data), origin=origin, max_bytes=max_bytes)
    text = decode_bytes(data, origin=origin, encoding=encoding)
    return validate_text(text, origin=origin, check_language=check_language)
