"""One reading of an article record: the Python API (dicts given to ``code_many``) and JSON Lines agree,
and every command asks ``input_kind`` how a file is read."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from whodid.ingest.model import ArticleInput, BadInput
from whodid.ingest.reader import input_kind, read_path
from whodid.pipeline import _as_input

TEXT = "Kenya accused Uganda of moving troops to the border on Wednesday."
RECORDS: list[dict[str, Any]] = [
    {"id": 7, "text": TEXT, "published": "2024-03-06"},  # an integer id
    {"id": "d", "text": TEXT, "date": "2024-03-07"},  # "date" stands in for "published"
    {"id": "n", "text": TEXT, "date": "March 7"},  # a loose "date" is no date
    {"id": "t", "text": 12},  # text of the wrong type: E113
    {"id": "x", "title": "no text"},  # no text: E112
    {"id": "p", "text": TEXT, "published": "next week"},  # an unreadable publication date: E120
    {"id": "z", "text": "\x00\x00 binary"},  # control characters: E101
]


def _view(item: ArticleInput | BadInput) -> tuple[Any, ...]:
    if isinstance(item, BadInput):
        return ("bad", item.error.code)
    return (item.id, item.published, item.text)


def test_the_api_and_json_lines_read_a_record_alike(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS) + "\n", encoding="utf-8")
    from_file = [_view(i) for i in read_path(path)]
    from_api = [_view(_as_input(dict(r))) for r in RECORDS]
    assert from_api[:3] == [
        ("7", dt.date(2024, 3, 6), TEXT),
        ("d", dt.date(2024, 3, 7), TEXT),
        ("n", None, TEXT),
    ]
    assert [v[1] for v in from_api[3:]] == ["E113", "E112", "E120", "E101"]
    # but for one thing: a file keeps a record whose date it cannot read, undated, and names its line
    # (a caller of the API gets the error for the one record it passed)
    assert from_file == [*from_api[:5], ("p", None, TEXT), from_api[6]]


def test_a_loose_date_field_is_noted_in_a_file(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in RECORDS[:3]) + "\n", encoding="utf-8")
    items = list(read_path(path, published=dt.date(2024, 1, 1)))
    assert [[n.code for n in i.notes] for i in items if isinstance(i, ArticleInput)] == [[], [], ["E122"]]
    assert [i.published for i in items if isinstance(i, ArticleInput)][2] is None


def test_a_python_date_object_is_accepted_by_the_api() -> None:
    item = ArticleInput.from_record({"text": TEXT, "published": dt.date(2024, 3, 6)}, origin="api")
    assert item.published == dt.date(2024, 3, 6)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.jsonl", "jsonl"),
        ("a.NDJSON", "jsonl"),
        ("a.jsonl.gz", "jsonl.gz"),
        ("a.ndjson.gz", "jsonl.gz"),
        ("a.html", "html"),
        ("a.txt", "text"),
        ("README", "text"),
        ("a.pdf", None),
        ("-", "stdin"),
    ],
)
def test_input_kind(name: str, kind: str | None) -> None:
    assert input_kind(name) == kind
