"""Issue 14, item 20 (item 19, a folder that cannot be listed, is test_folders.py): two ingests of
overlapping inputs at once each reported articles and events the other had stored, and counted some
articles nowhere. An ingest's summary now counts what THIS run stored: an article another process
stored between this run's look-up (``Store.known``) and its commit is counted as already stored, its
events and quotations not at all.

The race is made certain rather than waited for: ``Store.known`` is made to miss what is stored, as it
does when the other ingest commits in between. In this process, on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from whodid.store.db import Store, open_store

Cli = Callable[..., CompletedProcess[str]]

TEXTS = [
    "Kenya accused Uganda of moving troops to the border on Wednesday, officials in Nairobi said.",
    "Peru and Bolivia signed a trade agreement in Lima on Friday, the two governments said.",
]


def test_a_summary_counts_only_what_this_run_stored(
    cli: Cli, db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first, both = tmp_path / "first", tmp_path / "both"
    first.mkdir()
    both.mkdir()
    (first / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    for k, text in enumerate(TEXTS):
        (both / f"{k}.txt").write_text(text, encoding="utf-8")
    proc = cli("ingest", str(first), "--db", db_url, "--published", "2024-05-08")
    assert proc.returncode == 0, proc.stderr
    with open_store(db_url) as store:
        before = store.counts()

    def known_misses(self: Store, article_ids: Iterable[str]) -> set[str]:
        list(article_ids)
        return set()  # the other ingest commits after this look-up

    monkeypatch.setattr(Store, "known", known_misses)
    proc = cli("ingest", str(both), "--db", db_url, "--published", "2024-05-08")
    assert proc.returncode == 0, proc.stderr
    with open_store(db_url) as store:
        after = store.counts()
    new_events = after["events"] - before["events"]
    new_quotes = after["quotes"] - before["quotes"]
    assert after["articles"] == 2
    assert proc.stdout.splitlines()[0] == (
        f"stored 1 new articles (1 already stored, 0 skipped) with {new_events} events and {new_quotes} "
        f"quotations into {db_url}"
    )
