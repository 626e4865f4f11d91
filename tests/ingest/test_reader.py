"""read_path on real files: plain text, HTML, stdin, and the single-file problems."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
from pathlib import Path

import pytest

from whodid.errors import UsageError
from whodid.ingest import ArticleInput, BadInput, article_id, read_path

DAY = dt.date(2024, 3, 15)


def _one(path: Path | str, **options: object) -> ArticleInput | BadInput:
    items = list(read_path(path, **options))  # type: ignore[arg-type]
    assert len(items) == 1
    return items[0]


def _bad(path: Path | str, **options: object) -> BadInput:
    item = _one(path, **options)
    assert isinstance(item, BadInput), item
    assert item.origin == str(path) or item.origin == "<stdin>"
    return item


def test_text_file(tmp_path: Path, english: str) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(english.encode("utf-8"))
    item = _one(path, published=DAY)
    assert item == ArticleInput(text=english, id=article_id(english), published=DAY, origin=str(path))


def test_extension_is_case_insensitive_and_optional(tmp_path: Path, english: str) -> None:
    for name in ("STORY.TXT", "story"):
        (tmp_path / name).write_text(english, encoding="utf-8")
        assert isinstance(_one(tmp_path / name), ArticleInput)


@pytest.mark.parametrize(("content", "code"), [(b"", "E100"), (b" \n\n\t  \n", "E100")])
def test_empty_and_whitespace_files(tmp_path: Path, content: bytes, code: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert _bad(path).error.code == code


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "picture.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert _bad(path).error.code == "E101"


def test_latin1_file(tmp_path: Path, english: str) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes(("Señor Peña said " + english).encode("latin-1"))
    bad = _bad(path)
    assert bad.error.code == "E102"
    assert "ISO-8859-1" in str(bad.error)
    item = _one(path, encoding="latin-1")
    assert isinstance(item, ArticleInput) and item.text.startswith("Señor Peña")


def test_utf16_file_with_bom(tmp_path: Path, english: str) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(english.encode("utf-16"))
    bad = _bad(path)
    assert bad.error.code == "E102"
    assert "UTF-16" in bad.error.message


def test_huge_file_is_refused_from_its_size(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(20_000_000)  # sparse: 20 MB of NUL bytes that take no disk space
    bad = _bad(path)
    # Read, the NULs would give E101 (binary): E104 shows the size was checked first, from stat.
    assert bad.error.code == "E104"
    assert bad.error.params["size"] == 20_000_000
    assert "5000000" in bad.error.problem and "--max-bytes" in bad.error.fix
    assert _bad(path, max_bytes=30_000_000).error.code == "E101"  # within a raised limit it is read


def test_missing_file_and_directory(tmp_path: Path) -> None:
    assert _bad(tmp_path / "nowhere.txt").error.code == "E105"
    assert _bad(tmp_path).error.code == "E106"


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    bad = _bad(path)
    assert bad.error.code == "E107"
    assert ".pdf" in bad.error.problem


def test_chinese_file_is_refused(tmp_path: Path, chinese: str) -> None:
    path = tmp_path / "zh.txt"
    path.write_text(chinese, encoding="utf-8")
    assert _bad(path).error.code == "E140"
    assert isinstance(_one(path, check_language=False), ArticleInput)


def test_bad_options_raise_before_reading(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        read_path(tmp_path / "nowhere.txt", max_bytes=0)
    with pytest.raises(UsageError):
        read_path(tmp_path / "nowhere.txt", encoding="no-such-codec")


PAGE = """<!DOCTYPE html>
<html><head>
<meta charset="{charset}">
<title>Talks to resume | The Example Courier</title>
<meta property="og:site_name" content="The Example Courier">
<link rel="canonical" href="https://courier.example/world/talks-resume">
{date_meta}
<script>window.trackingPixel = "TRACKER_SECRET_VALUE";</script>
<style>body {{ font-family: serif; }} .STYLE_MARKER {{ color: red; }}</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Talks to resume</h1>
<p>{body}</p>
<script>document.write("INLINE_SCRIPT_TEXT");</script>
<p>Both governments said the negotiations would take place in Nairobi and that observers from the
African Union had been invited to attend the first round.</p>
</article>
<footer>All rights reserved.</footer>
</body></html>
"""


def _page(body: str, *, charset: str = "utf-8", date: str | None = None) -> str:
    date_meta = f'<meta property="article:published_time" content="{date}">' if date else ""
    return PAGE.format(charset=charset, body=body, date_meta=date_meta)


def test_html_main_text_without_scripts(tmp_path: Path, english: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(_page(english, date="2024-03-12T09:30:00+00:00"), encoding="utf-8")
    item = _one(path, published=DAY)
    assert isinstance(item, ArticleInput)
    assert english in item.text
    for leaked in ("TRACKER_SECRET_VALUE", "INLINE_SCRIPT_TEXT", "STYLE_MARKER", "font-family"):
        assert leaked not in item.text
    assert item.title == "Talks to resume"
    assert item.url == "https://courier.example/world/talks-resume"
    assert item.source == "The Example Courier"
    assert item.published == DAY  # the date the user gave wins over the page's own
    assert item.id == article_id(item.text)
    undated = _one(path)
    assert isinstance(undated, ArticleInput) and undated.published == dt.date(2024, 3, 12)


def test_html_without_date_uses_the_default(tmp_path: Path, english: str) -> None:
    path = tmp_path / "page.htm"
    path.write_text(_page(english), encoding="utf-8")
    item = _one(path, published=DAY)
    assert isinstance(item, ArticleInput) and item.published == DAY


def test_html_in_a_declared_legacy_charset(tmp_path: Path, english: str) -> None:
    path = tmp_path / "old.html"
    path.write_bytes(_page("Señor Peña said " + english, charset="iso-8859-1").encode("latin-1"))
    item = _one(path)
    assert isinstance(item, ArticleInput) and "Señor Peña said" in item.text


def test_html_with_no_main_text(tmp_path: Path) -> None:
    path = tmp_path / "app.html"
    path.write_text("<html><head><script>boot()</script></head><body><div id=app></div></body></html>")
    assert _bad(path).error.code == "E130"


def test_stdin_via_a_replaced_stream(monkeypatch: pytest.MonkeyPatch, english: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(english.encode("utf-8"))))
    item = _one("-", published=DAY)
    assert item == ArticleInput(text=english, id=article_id(english), published=DAY, origin="<stdin>")


def test_stdin_too_large_is_refused(monkeypatch: pytest.MonkeyPatch, english: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(english.encode("utf-8") * 10)))
    bad = _bad("-", max_bytes=len(english))
    assert bad.error.code == "E104"
    assert f"more than {len(english)}" in bad.error.problem


@pytest.mark.slow
def test_stdin_in_a_real_process(english: str) -> None:
    script = (
        "from whodid.ingest import read_path\n"
        "for item in read_path('-'):\n"
        "    print(type(item).__name__, item.origin, getattr(item, 'id', ''))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=english.encode("utf-8"), capture_output=True, check=True
    )
    assert done.stdout.decode().split() == ["ArticleInput", "<stdin>", article_id(english)]
