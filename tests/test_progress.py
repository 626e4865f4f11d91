"""Progress on standard error when it is no terminal: log lines, never a bar, never on standard output.

The commands run in this process, where standard error is a ``StringIO`` (no terminal), with
``WHODID_PROGRESS_EVERY=0`` (a line after every step) against a run with lines an hour apart (none).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from subprocess import CompletedProcess

import pytest

from tests.corpora import example_copies
from whodid.progress import EVERY_ENV, ProgressLog

LINES = 22  # example_copies: 20 articles and two bad lines


def _split(stderr: str, label: str) -> tuple[list[str], list[str]]:
    """(progress lines of ``label``, every other line)."""
    mine = [line for line in stderr.splitlines() if line.startswith(f"{label}: ")]
    return mine, [line for line in stderr.splitlines() if not line.startswith(f"{label}: ")]


def _counts(lines: list[str], label: str) -> list[int]:
    found = [re.match(rf"{label}: (\d+) of {LINES} articles \(", line) for line in lines]
    assert all(found), lines
    return [int(m.group(1)) for m in found if m]


def _quiet_and_logged(
    monkeypatch: pytest.MonkeyPatch, run: Callable[[], CompletedProcess[str]]
) -> tuple[CompletedProcess[str], CompletedProcess[str]]:
    monkeypatch.setenv(EVERY_ENV, "3600")
    quiet = run()
    monkeypatch.setenv(EVERY_ENV, "0")
    return quiet, run()


def test_code_logs_its_progress_on_standard_error_only(
    tmp_path: Path, cli: Callable[..., CompletedProcess[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = str(example_copies(tmp_path))
    quiet, logged = _quiet_and_logged(monkeypatch, lambda: cli("code", corpus, "--format", "jsonl"))
    assert logged.stdout == quiet.stdout and logged.returncode == quiet.returncode == 1
    progress, other = _split(logged.stderr, "whodid code")
    assert other == quiet.stderr.splitlines()  # the skipped lines, as without progress
    assert not _split(quiet.stderr, "whodid code")[0]
    counts = _counts(progress[:-1], "whodid code")
    assert counts == sorted(counts) and counts[-1] == LINES and len(counts) == 20  # one per article
    assert re.fullmatch(r"whodid code: 22 of 22 articles \(100\.0 %\), [\d.]+ articles/s", progress[-2])
    assert re.fullmatch(r"whodid code: done, 22 articles in \d+ s, [\d.]+ articles/s", progress[-1])


@pytest.mark.slow
def test_code_on_two_jobs_logs_its_progress(
    tmp_path: Path, cli: Callable[..., CompletedProcess[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = str(example_copies(tmp_path))
    monkeypatch.setenv(EVERY_ENV, "0")
    one = cli("code", corpus, "--format", "jsonl")
    two = cli("code", corpus, "--format", "jsonl", "--jobs", "2")
    assert two.stdout == one.stdout
    progress, other = _split(two.stderr, "whodid code")
    assert other == _split(one.stderr, "whodid code")[1]
    counts = _counts(progress[:-1], "whodid code")
    assert counts == sorted(counts) and counts[-1] == LINES
    assert progress[-1].startswith("whodid code: done, 22 articles in ")


def test_ingest_logs_its_progress_on_standard_error_only(
    tmp_path: Path, cli: Callable[..., CompletedProcess[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = str(example_copies(tmp_path))
    dbs = iter(["quiet.db", "logged.db"])

    def run() -> CompletedProcess[str]:
        return cli("ingest", corpus, "--db", f"sqlite:///{tmp_path / next(dbs)}", "--batch-size", "8")

    quiet, logged = _quiet_and_logged(monkeypatch, run)
    assert logged.stdout == quiet.stdout.replace("quiet.db", "logged.db")
    progress, other = _split(logged.stderr, "whodid ingest")
    assert other == quiet.stderr.splitlines()
    assert not _split(quiet.stderr, "whodid ingest")[0]
    counts = _counts(progress[:-1], "whodid ingest")
    assert counts == sorted(counts) and counts[-1] == LINES and len(counts) >= 3  # batches of 8
    assert progress[-1].startswith("whodid ingest: done, 22 articles in ")


def test_lines_come_every_interval_with_the_time_left() -> None:
    import io

    now = [100.0]
    err = io.StringIO()
    log = ProgressLog(err, "whodid x", total=100, every=30, clock=lambda: now[0])
    for done, t in [(10, 110.0), (20, 130.0), (30, 140.0), (40, 150.0)]:
        now[0] = t
        log.update(done)
    # the first step starts the interval (a slow start-up writes nothing); 30 s later, one line
    assert err.getvalue() == "whodid x: 30 of 100 articles (30.0 %), 0.8 articles/s, about 1 min 33 s left\n"
    now[0] = 151.0
    log.update(41)
    log.finish()
    assert err.getvalue().splitlines()[1:] == ["whodid x: done, 41 articles in 51 s, 0.8 articles/s"]


def test_nothing_is_written_to_a_terminal_or_by_a_short_run() -> None:
    import io

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Terminal()
    log = ProgressLog(tty, "whodid x", every=0)
    log.update(5)
    log.finish()
    assert tty.getvalue() == ""
    short = io.StringIO()
    log = ProgressLog(short, "whodid x", every=30)
    log.update(5)
    log.finish()  # no line was due: no last line either
    assert short.getvalue() == ""
