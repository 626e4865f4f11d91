"""Issue 14, item 19: a directory inside an ingested folder that cannot be listed is one skipped input
(E108, in the summary and the exit status), not left out silently.

The tests run as any user, root included (who may list any directory), so listing is refused by a
stand-in for ``os.scandir`` rather than by ``chmod``.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from whodid.ingest.reader import expand_paths

Cli = Callable[..., CompletedProcess[str]]


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = tmp_path / "in"
    (root / "locked").mkdir(parents=True)
    (root / "open").mkdir()
    (root / "a.txt").write_text("Kenya accused Uganda of moving troops to the border on Wednesday.")
    (root / "locked" / "b.txt").write_text("Peru and Bolivia signed a trade agreement in Lima on Friday.")
    (root / "open" / "c.txt").write_text("The European Union imposed sanctions on Belarusian officials.")
    real = os.scandir

    def scandir(path: Any = ".") -> Any:
        if Path(path) == root / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    yield root


def test_a_folder_that_cannot_be_listed_is_listed_among_the_inputs(folder: Path) -> None:
    assert list(expand_paths([folder])) == [folder / "a.txt", folder / "locked", folder / "open" / "c.txt"]


def test_ingest_reports_it_and_stores_the_rest(cli: Cli, folder: Path, tmp_path: Path) -> None:
    db = tmp_path / "w.db"
    proc = cli("ingest", str(folder), "--db", f"sqlite:///{db}")
    assert proc.returncode == 1, proc.stderr
    locked = folder / "locked"
    assert f"whodid: skipped {locked}: E108 {locked}: cannot read the file (Permission denied)" in proc.stderr
    assert "stored 2 new articles (0 already stored, 1 skipped)" in proc.stdout
    assert "skipped by reason: E108 x1" in proc.stdout
    with sqlite3.connect(db) as conn:
        assert sorted(Path(r[0]).name for r in conn.execute("SELECT origin FROM articles")) == [
            "a.txt",
            "c.txt",
        ]


def test_a_folder_given_to_code_is_still_e106(cli: Cli, tmp_path: Path) -> None:
    proc = cli("code", str(tmp_path))
    assert proc.returncode == 2 and "E106" in proc.stderr
