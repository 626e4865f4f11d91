"""``whodid ingest`` stores publication dates as feeds write them (issue 11, point 7), on SQLite and
PostgreSQL: the day each record's date names, day-first when asked, an unreadable one as no date (not
the default ``--published``), each doubt reported with its line and counted in the summary."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

from whodid.store.db import open_store

TEXT = "The coastal town council thanked the regional fishermen's union for clearing the harbour."
DATES = [
    "2012-10-09",
    "9 Oct 2012",
    "October 9, 2012",
    "2012-10-09T14:00Z",
    "Tue, 09 Oct 2012 14:00:00 GMT",
    "11/28/2016",
    "03/04/2016",  # line 7: either way
    "last Tuesday",  # line 8: no date
]


def test_ingest_stores_the_dates_and_warns(
    cli: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path, db_url: str
) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [json.dumps({"text": f"{TEXT} It was day {n}.", "published": d}) for n, d in enumerate(DATES)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = cli("ingest", str(path), "--db", db_url, "--date-order", "dmy", "--published", "2020-01-01")
    assert proc.returncode == 0, proc.stderr
    assert f"whodid: warning E123 {path}:7: the published date '03/04/2016' could be" in proc.stderr
    assert f"whodid: warning E122 {path}:8: cannot read the date 'last Tuesday'" in proc.stderr
    assert "stored 8 new articles (0 already stored, 0 skipped)" in proc.stdout
    assert f"read with warnings: E122 x1 (first: {path}:8), E123 x1 (first: {path}:7)" in proc.stdout
    with open_store(db_url) as store:
        stored = store.conn.execute("SELECT text, published FROM articles").fetchall()
    published = {text.rsplit(" ", 1)[1].rstrip("."): day for text, day in stored}
    assert published == {
        **{str(n): "2012-10-09" for n in range(5)},
        "5": "2016-11-28",  # 28 cannot be a month: one reading whatever the order
        "6": "2016-04-03",  # day first, as asked
        "7": None,  # no date, not --published's 2020-01-01 (which is for records that give none)
    }
