"""JSON Lines input: one article per line, bad lines reported by line number, reading goes on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from whodid.ingest import ArticleInput, BadInput, article_id, read_path

DAY = dt.date(2024, 3, 15)


def _write(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def _record(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_a_malformed_line_among_good_ones(tmp_path: Path, english: str) -> None:
    path = _write(
        tmp_path / "batch.jsonl",
        _record(id="a1", text=english),
        '{"id": "a2", "text": "unterminated',
        _record(id="a3", text=english.upper().lower()),
    )
    items = list(read_path(path, published=DAY))
    assert [type(item) for item in items] == [ArticleInput, BadInput, ArticleInput]
    good_1, bad, good_3 = items
    assert isinstance(good_1, ArticleInput) and isinstance(good_3, ArticleInput)
    assert (good_1.id, good_1.origin, good_1.published) == ("a1", f"{path}:1", DAY)
    assert (good_3.id, good_3.origin) == ("a3", f"{path}:3")
    assert isinstance(bad, BadInput)
    assert bad.origin == f"{path}:2"
    assert bad.error.code == "E110"
    assert f"{path}:2" in str(bad.error) and "column" in bad.error.problem


def test_fields_and_defaults(tmp_path: Path, english: str) -> None:
    path = _write(
        tmp_path / "meta.jsonl",
        _record(
            text=english, published="2024-01-02", title="Talks", url="https://x.example/1", source="Wire"
        ),
        _record(id=17, text=english + " More.", published=None),
    )
    first, second = read_path(path, published=DAY)
    assert first == ArticleInput(
        text=english,
        id=article_id(english),
        published=dt.date(2024, 1, 2),
        title="Talks",
        url="https://x.example/1",
        source="Wire",
        origin=f"{path}:1",
    )
    assert isinstance(second, ArticleInput)
    assert (second.id, second.published) == ("17", DAY)


def test_blank_lines_are_skipped_but_counted(tmp_path: Path, english: str) -> None:
    path = _write(tmp_path / "gaps.jsonl", "", _record(text=english), "   ", "", _record(title="no text"))
    items = list(read_path(path))
    assert [item.origin for item in items] == [f"{path}:2", f"{path}:5"]


def test_record_problems(tmp_path: Path, english: str) -> None:
    path = _write(
        tmp_path / "bad.jsonl",
        _record(title="no text here", id="x"),
        _record(text=["not", "a", "string"]),
        _record(text=english, url=42),
        "[1, 2, 3]",
        _record(text="   "),
        _record(text=english, published=20240315),
    )
    items = list(read_path(path))
    assert all(isinstance(item, BadInput) for item in items)
    codes = [item.error.code for item in items if isinstance(item, BadInput)]
    assert codes == ["E112", "E113", "E114", "E111", "E100", "E114"]
    first = items[0]
    assert isinstance(first, BadInput) and "id, title" in first.error.problem


def test_per_record_size_limit(tmp_path: Path, english: str) -> None:
    path = _write(tmp_path / "sizes.jsonl", _record(text=english), _record(text=english * 3))
    small, large = read_path(path, max_bytes=len(english) + 10)
    assert isinstance(small, ArticleInput)
    assert isinstance(large, BadInput) and large.error.code == "E104"
    assert large.origin == f"{path}:2"


def test_over_long_line_is_skipped_without_stopping(tmp_path: Path, english: str) -> None:
    path = _write(tmp_path / "long.jsonl", _record(text="x" * 5000), _record(text=english))
    long_line, good = read_path(path, max_bytes=500)
    assert isinstance(long_line, BadInput) and long_line.error.code == "E115"
    assert long_line.origin == f"{path}:1"
    assert isinstance(good, ArticleInput) and good.origin == f"{path}:2"


def test_huge_file_is_streamed(tmp_path: Path, english: str) -> None:
    path = tmp_path / "huge.jsonl"
    first = _record(text=" ".join([english] * 40))  # longer than the sniffed head, so no NUL is seen
    with path.open("wb") as handle:
        handle.write(first.encode("utf-8") + b"\n")
        handle.truncate(20_000_000)  # a sparse 20 MB tail of NUL bytes with no line end
    items = read_path(path, max_bytes=100_000)
    head = next(items)
    assert isinstance(head, ArticleInput) and head.origin == f"{path}:1"
    tail = next(items)
    assert isinstance(tail, BadInput) and tail.error.code == "E115" and tail.origin == f"{path}:2"
    assert list(items) == []


def test_whole_file_problems(tmp_path: Path, english: str) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    blank = _write(tmp_path / "blank.jsonl", "", "  ")
    wide = tmp_path / "wide.jsonl"
    wide.write_bytes(_record(text=english).encode("utf-16"))
    binary = tmp_path / "binary.jsonl"
    binary.write_bytes(b"\x1f\x8b\x08\x00" + bytes(100))
    for path, code in ((empty, "E100"), (blank, "E100"), (wide, "E103"), (binary, "E101")):
        items = list(read_path(path))
        assert len(items) == 1
        assert isinstance(items[0], BadInput) and items[0].origin == str(path)
        assert items[0].error.code == code


def test_a_line_that_is_not_utf8(tmp_path: Path, english: str) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(
        _record(text=english).encode("utf-8")
        + b"\n"
        + _record(text="Señor " + english).encode("latin-1")
        + b"\n"
    )
    good, bad = read_path(path)
    assert isinstance(good, ArticleInput)
    assert isinstance(bad, BadInput) and bad.error.code == "E103" and bad.origin == f"{path}:2"
    assert "iconv" in bad.error.fix


def test_utf8_bom_on_the_first_line(tmp_path: Path, english: str) -> None:
    path = tmp_path / "bom.jsonl"
    path.write_bytes(b"\xef\xbb\xbf" + _record(text=english).encode("utf-8") + b"\n")
    (item,) = read_path(path)
    assert isinstance(item, ArticleInput) and item.text == english


def test_non_english_record(tmp_path: Path, english: str, chinese: str) -> None:
    path = _write(tmp_path / "lang.jsonl", _record(text=chinese), _record(text=english))
    bad, good = read_path(path)
    assert isinstance(bad, BadInput) and bad.error.code == "E140"
    assert isinstance(good, ArticleInput)


def test_a_date_field_stands_for_published(tmp_path: Path, english: str) -> None:
    path = tmp_path / "d.jsonl"
    lines = [
        {"text": english, "date": "2020-02-03"},
        {"text": english + " More.", "date": "2020-02-03", "published": "2021-01-01"},
        {"text": english + " Again.", "date": "December 7"},  # not ISO: no date, the article is kept
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    items = list(read_path(path))
    assert [i.published for i in items if isinstance(i, ArticleInput)] == [
        dt.date(2020, 2, 3),
        dt.date(2021, 1, 1),
        None,
    ]


def test_gzip_jsonl_is_read(tmp_path: Path, english: str) -> None:
    import gzip

    path = tmp_path / "d.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "z", "text": english}) + "\n")
    (item,) = list(read_path(path))
    assert isinstance(item, ArticleInput) and item.id == "z"
    broken = tmp_path / "broken.jsonl.gz"
    broken.write_bytes(path.read_bytes()[:20])
    bad = list(read_path(broken))
    # damaged gzip data (issue 14, item 8)
    assert bad and isinstance(bad[-1], BadInput) and bad[-1].error.code == "E118"
