"""read_text_bytes: the byte- and text-level validation every article goes through."""

from __future__ import annotations

import pytest

from whodid.errors import InputError, UsageError
from whodid.ingest import read_text_bytes


def _code(data: bytes, **options: object) -> str:
    with pytest.raises(InputError) as info:
        read_text_bytes(data, origin="in.txt", **options)  # type: ignore[arg-type]
    return info.value.code


def test_plain_english_is_returned_exactly(english: str) -> None:
    text = english.replace(". ", ".\r\n")
    assert read_text_bytes(text.encode("utf-8"), origin="in.txt") == text


def test_utf8_bom_is_dropped_and_nothing_else(english: str) -> None:
    assert read_text_bytes(b"\xef\xbb\xbf" + english.encode("utf-8"), origin="x") == english


def test_short_english_is_accepted() -> None:
    assert read_text_bytes(b"Rebels shelled the town.", origin="x") == "Rebels shelled the town."


@pytest.mark.parametrize(("data", "code"), [(b"", "E100"), (b"  \n\t \r\n ", "E100")])
def test_empty_and_whitespace_only(data: bytes, code: str) -> None:
    assert _code(data) == code


def test_nul_bytes_are_binary(english: str) -> None:
    assert _code(english.encode("utf-8")[:50] + b"\x00\x00\x01\x02" + b"more") == "E101"


def test_png_header_is_binary() -> None:
    with pytest.raises(InputError) as info:
        read_text_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)), origin="photo.txt")
    assert info.value.code == "E101"
    assert "PNG" in info.value.problem


def test_latin1_is_refused_with_a_guess(english: str) -> None:
    data = ("Café owners in Zürich said " + english).encode("latin-1")
    with pytest.raises(InputError) as info:
        read_text_bytes(data, origin="cafe.txt")
    error = info.value
    assert error.code == "E102"
    assert "ISO-8859-1" in error.problem
    assert "iconv -f ISO-8859-1 -t UTF-8" in error.fix
    assert "offset 3" in error.problem  # the first bad byte is located


def test_windows_1252_quotes_are_guessed(english: str) -> None:
    with pytest.raises(InputError) as info:
        read_text_bytes(("“Enough,” she said. " + english).encode("cp1252"), origin="x")
    assert info.value.code == "E102"
    assert "WINDOWS-1252" in info.value.fix


def test_explicit_encoding_decodes(english: str) -> None:
    text = "Café owners in Zürich said " + english
    assert read_text_bytes(text.encode("latin-1"), origin="x", encoding="latin-1") == text


def test_utf16_with_bom_is_refused_then_read_with_encoding(english: str) -> None:
    data = english.encode("utf-16")
    with pytest.raises(InputError) as info:
        read_text_bytes(data, origin="x")
    assert info.value.code == "E102"
    assert "UTF-16" in info.value.problem and "byte-order mark" in info.value.problem
    assert read_text_bytes(data, origin="x", encoding="utf-16") == english


def test_utf16_without_bom_is_recognised(english: str) -> None:
    with pytest.raises(InputError) as info:
        read_text_bytes(english.encode("utf-16-le"), origin="x")
    assert info.value.code == "E102"
    assert info.value.params["encoding"] == "UTF-16LE"


def test_control_characters_are_binary() -> None:
    assert _code(bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"text") == "E101"


def test_too_large_names_the_limit_and_the_option(english: str) -> None:
    data = english.encode("utf-8")
    with pytest.raises(InputError) as info:
        read_text_bytes(data, origin="x", max_bytes=100)
    assert info.value.code == "E104"
    assert "100 bytes" in info.value.problem
    assert "--max-bytes" in info.value.fix
    assert read_text_bytes(data, origin="x", max_bytes=len(data)) == english


@pytest.mark.parametrize("limit", [0, -1])
def test_bad_limit_is_a_usage_error(limit: int) -> None:
    with pytest.raises(UsageError) as info:
        read_text_bytes(b"Text.", origin="x", max_bytes=limit)
    assert info.value.code == "E401"
    assert isinstance(info.value, ValueError)


def test_unknown_encoding_is_a_usage_error() -> None:
    with pytest.raises(UsageError) as info:
        read_text_bytes(b"Text.", origin="x", encoding="klingon-8")
    assert info.value.code == "E402"


def test_chinese_is_refused_saying_what_was_measured(chinese: str) -> None:
    with pytest.raises(InputError) as info:
        read_text_bytes(chinese.encode("utf-8"), origin="zh.txt")
    assert info.value.code == "E140"
    assert "letters" in info.value.problem and "%" in info.value.problem


def test_french_is_refused(french: str) -> None:
    with pytest.raises(InputError) as info:
        read_text_bytes(french.encode("utf-8"), origin="fr.txt")
    assert info.value.code == "E140"
    assert "function words" in info.value.problem


def test_english_full_of_names_is_accepted(english_names: str) -> None:
    assert read_text_bytes(english_names.encode("utf-8"), origin="x") == english_names


def test_language_check_can_be_skipped(chinese: str) -> None:
    assert read_text_bytes(chinese.encode("utf-8"), origin="x", check_language=False) == chinese
