"""Publication dates as feeds write them, read from JSON Lines by ``whodid code`` and ``whodid ingest``
(issue 11, point 7): every common format read, ambiguous ones warned about in the order the user
chose, an unreadable one reported with its line and the record kept undated, never dropped silently."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from whodid.errors import UsageError
from whodid.pipeline import Pipeline

Cli = Callable[..., subprocess.CompletedProcess[str]]
# whodid ingest stores them: tests/store/test_ingest_dates.py, on SQLite and PostgreSQL

TEXT = "The coastal town council thanked the regional fishermen's union for clearing the harbour."
FEED = [
    ("iso", "2012-10-09"),
    ("day-month", "9 Oct 2012"),
    ("month-day", "October 9, 2012"),
    ("timestamp", "2012-10-09T14:00Z"),
    ("rfc822", "Tue, 09 Oct 2012 14:00:00 GMT"),
    ("us-slashes", "11/28/2016"),
    ("either-way", "03/04/2016"),
    ("words", "last Tuesday"),
]


def _feed(tmp_path: Path) -> Path:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"id": key, "text": TEXT, "published": value}) for key, value in FEED]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _published(stdout: str) -> dict[str, str | None]:
    return {r["article"]["id"]: r["article"]["published"] for r in map(json.loads, stdout.splitlines())}


def test_code_reads_the_dates_feeds_write(cli: Cli, tmp_path: Path) -> None:
    path = _feed(tmp_path)
    proc = cli("code", str(path))
    assert proc.returncode == 0, proc.stderr
    assert _published(proc.stdout) == {
        "iso": "2012-10-09",
        "day-month": "2012-10-09",
        "month-day": "2012-10-09",
        "timestamp": "2012-10-09",
        "rfc822": "2012-10-09",
        "us-slashes": "2016-11-28",
        "either-way": "2016-03-04",  # month first by default
        "words": None,  # kept, undated
    }
    warnings = proc.stderr.splitlines()
    assert len(warnings) == 2, proc.stderr
    assert warnings[0].startswith(f"whodid: warning E123 {path}:7: the published date '03/04/2016' could ")
    assert "read as 2016-03-04 (--date-order mdy)" in warnings[0] and "--date-order dmy" in warnings[0]
    assert warnings[1].startswith(f"whodid: warning E122 {path}:8: cannot read the date 'last Tuesday'")
    assert "published: null" in warnings[1]


def test_date_order_dmy_reads_day_first(cli: Cli, tmp_path: Path) -> None:
    proc = cli("code", str(_feed(tmp_path)), "--date-order", "dmy")
    dates = _published(proc.stdout)
    assert dates["either-way"] == "2016-04-03"
    assert dates["us-slashes"] == "2016-11-28"  # 28 cannot be a month: one reading only
    assert "read as 2016-04-03 (--date-order dmy)" in proc.stderr and "--date-order mdy if" in proc.stderr


def test_an_unknown_date_order_is_refused(cli: Cli, tmp_path: Path) -> None:
    proc = cli("code", str(_feed(tmp_path)), "--date-order", "ymd")
    assert proc.returncode == 2 and "--date-order" in proc.stderr and "mdy" in proc.stderr


@pytest.mark.parametrize("field", ["published", "date"])
def test_a_record_is_never_dropped_for_its_date(cli: Cli, tmp_path: Path, field: str) -> None:
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "x", "text": TEXT, field: "Oct. 2012?"}) + "\n", encoding="utf-8")
    proc = cli("code", str(path), "--published", "2024-05-07")
    assert proc.returncode == 0
    assert _published(proc.stdout) == {"x": None}
    assert f"E122 {path}:1: cannot read the date 'Oct. 2012?' (field '{field}')" in proc.stderr


def test_code_many_reads_in_the_date_order_it_is_given(pipeline: Pipeline) -> None:
    """The Python API's ``date_order``, as ``--date-order``: one record read both ways."""
    records = [{"id": "either-way", "text": TEXT, "published": "03/04/2016"}]

    def published(**options: Any) -> str:
        (record,) = pipeline.code_many(records, **options)
        return str(record.to_dict()["article"]["published"])

    assert published() == "2016-03-04"  # month first by default
    assert published(date_order="mdy") == "2016-03-04"
    assert published(date_order="dmy") == "2016-04-03"
    with pytest.raises(UsageError, match="E410") as info:
        list(pipeline.code_many(records, date_order="ymd"))  # type: ignore[arg-type]
    assert "mdy or dmy" in str(info.value)
