"""Cheap byte-level checks: binary signatures, byte-order marks, and a guess at a non-UTF-8 encoding.

Everything here looks at a bounded prefix of the data (:data:`SNIFF_BYTES`), so it costs the same for a
1 KB article and a 5 MB one. Guessed encodings are given by names ``iconv`` understands, because the
error messages tell the user to run ``iconv -f <name> -t UTF-8``.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = [
    "SNIFF_BYTES",
    "EncodingGuess",
    "binary_reason",
    "bom_encoding",
    "guess_encoding",
    "html_charset",
    "signature_reason",
    "utf16_guess",
]

SNIFF_BYTES = 8192

# Leading bytes of common non-text formats, and what to call them in a message.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "it starts with a PNG image signature"),
    (b"\xff\xd8\xff", "it starts with a JPEG image signature"),
    (b"GIF87a", "it starts with a GIF image signature"),
    (b"GIF89a", "it starts with a GIF image signature"),
    (b"%PDF-", "it is a PDF document"),
    (b"PK\x03\x04", "it is a ZIP archive (or a .docx/.xlsx/.odt/.epub document, which are ZIP files)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "it is an old Microsoft Office document"),
    (b"\x1f\x8b", "it is gzip-compressed"),
    (b"BZh91AY&SY", "it is bzip2-compressed"),
    (b"\xfd7zXZ\x00", "it is xz-compressed"),
    (b"(\xb5/\xfd", "it is zstd-compressed"),
    (b"7z\xbc\xaf\x27\x1c", "it is a 7-Zip archive"),
    (b"\x7fELF", "it is an executable program"),
    (b"SQLite format 3\x00", "it is an SQLite database"),
)

# Byte-order marks, longest first (a UTF-32-LE BOM starts with the UTF-16-LE one).
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "UTF-32", "little-endian UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32", "big-endian UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16", "little-endian UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16", "big-endian UTF-16"),
)

_CONTROL = frozenset(range(32)) - {9, 10, 11, 12, 13, 27}
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.I)


@dataclass(frozen=True)
class EncodingGuess:
    """A guess at the encoding of bytes that are not UTF-8: an ``iconv`` name and the evidence."""

    encoding: str
    evidence: str


def bom_encoding(data: bytes) -> EncodingGuess | None:
    """The UTF-16/UTF-32 encoding announced by a byte-order mark at the start of ``data``, if any."""
    for bom, name, description in _BOMS:
        if data.startswith(bom):
            return EncodingGuess(name, f"it starts with a {description} byte-order mark")
    return None


def _utf16_without_bom(sample: bytes) -> EncodingGuess | None:
    """Spot BOM-less UTF-16 text: NUL bytes nearly all on odd (LE) or even (BE) positions."""
    if len(sample) < 16:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.7 * len(odd) and even.count(0) < 0.1 * len(even):
        return EncodingGuess("UTF-16LE", "every other byte is NUL, as in little-endian UTF-16 without a BOM")
    if even.count(0) > 0.7 * len(even) and odd.count(0) < 0.1 * len(odd):
        return EncodingGuess("UTF-16BE", "every other byte is NUL, as in big-endian UTF-16 without a BOM")
    return None


def utf16_guess(data: bytes) -> EncodingGuess | None:
    """UTF-16/32 announced by a byte-order mark, or BOM-less UTF-16 spotted from its NUL bytes."""
    return bom_encoding(data) or _utf16_without_bom(data[:SNIFF_BYTES])


def signature_reason(data: bytes) -> str | None:
    """The non-text format ``data`` starts with (a phrase for a message: "it is a PDF document"), if any."""
    for signature, reason in _SIGNATURES:
        if data.startswith(signature):
            return reason
    return None


def binary_reason(data: bytes) -> str | None:
    """Why ``data`` looks binary (a phrase for a message), or None when it may be text: a format
    signature, a NUL byte or more than 10 % control characters in its first :data:`SNIFF_BYTES`.

    UTF-16 text also contains NUL bytes: check :func:`utf16_guess` first for that case.
    """
    signature = signature_reason(data)
    if signature is not None:
        return signature
    sample = data[:SNIFF_BYTES]
    if b"\x00" in sample:
        return f"it contains NUL bytes (first at byte {sample.index(0)})"
    controls = sum(1 for byte in sample if byte in _CONTROL)
    if sample and controls > 0.1 * len(sample):
        return f"{controls} of its first {len(sample)} bytes are control characters"
    return None


def guess_encoding(data: bytes, error: UnicodeDecodeError | None = None) -> EncodingGuess:
    """Guess the encoding of bytes that are not valid UTF-8 (or carry a UTF-16/32 BOM).

    A UTF-16/32 byte-order mark or BOM-less UTF-16 is recognised; otherwise text with few high bytes is
    taken for Windows-1252 (when it uses bytes 0x80-0x9F, the curly quotes and dashes) or ISO-8859-1.
    ``error`` (from the failed UTF-8 decode) locates the first bad byte for the message.
    """
    found = utf16_guess(data)
    if found is not None:
        return found
    where = ""
    if error is not None:
        where = f"byte 0x{data[error.start]:02X} at offset {error.start} is not valid UTF-8; "
    sample = data[:SNIFF_BYTES]
    high = sum(1 for byte in sample if byte >= 0x80)
    if high <= 0.3 * len(sample):
        if any(0x80 <= byte <= 0x9F for byte in sample):
            return EncodingGuess("WINDOWS-1252", where + "it looks like Windows-1252, also called cp1252")
        return EncodingGuess("ISO-8859-1", where + "it looks like ISO-8859-1, also called latin-1")
    return EncodingGuess(
        "SOURCE-ENCODING",
        where + "the encoding could not be guessed: find it with 'file -i FILE' and use it in place of "
        "SOURCE-ENCODING",
    )


def html_charset(data: bytes) -> str | None:
    """The Python codec named by an HTML ``<meta charset>`` near the start of ``data``, if known."""
    match = _META_CHARSET.search(data[:SNIFF_BYTES])
    if match is None:
        return None
    name = match.group(1).decode("ascii")
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None
