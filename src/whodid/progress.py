"""Progress of a long run as log lines on standard error, for when it is no terminal.

On a terminal ``whodid ingest`` and ``whodid batch`` draw a progress bar (tqdm); in a log file, a pipe
or a job scheduler's capture a bar is noise. There a :class:`ProgressLog` writes one plain line at
most every ``every`` seconds of work (30 by default, counted from the first article done, so the
start-up of workers is not; ``WHODID_PROGRESS_EVERY`` to change it; ``0`` writes one after every
step), and a last line at the end when it wrote any::

    whodid code: 1,200 of 5,000 articles (24.0 %), 8.3 articles/s, about 7 min 38 s left
    whodid batch: 3 partitions, 75 of 300 articles (25.0 %), 7.9 articles/s, about 35 s left
    whodid code: done, 5,000 articles in 10 min 2 s, 8.3 articles/s

Standard output is never touched. The rate counts what this run did: work a resumed batch finished
before is in the totals, not in the rate.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO

EVERY_ENV = "WHODID_PROGRESS_EVERY"
DEFAULT_EVERY = 30.0  # seconds between two lines


def every_from_env(default: float = DEFAULT_EVERY) -> float:
    """Seconds between progress lines: ``WHODID_PROGRESS_EVERY`` when it is a number >= 0, else
    ``default``."""
    try:
        value = float(os.environ.get(EVERY_ENV, ""))
    except ValueError:
        return default
    return value if value >= 0 else default


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream is no terminal
        return False


def duration(seconds: float) -> str:
    """``7 min 38 s``, ``2 h 5 min``, ``12 s``."""
    s = max(0, round(seconds))
    if s < 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min {s % 60} s"
    return f"{s // 3600} h {s % 3600 // 60} min"


class ProgressLog:
    """Log lines of ``label``'s progress on ``err`` when ``err`` is no terminal (silent otherwise).

    ``update(done)`` gives the articles done so far (``total`` when known, 0 when not); ``parts`` and
    ``parts_total`` add a count of partitions. ``before(done)`` says how many of them an earlier run did."""

    def __init__(
        self,
        err: TextIO,
        label: str,
        *,
        total: int = 0,
        unit: str = "articles",
        every: float | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.err = err
        self.label = label
        self.total = total
        self.unit = unit
        self.every = every_from_env() if every is None else every
        self.enabled = not is_terminal(err)
        self._clock = clock
        self._started = clock()
        self._last: float | None = None
        self._before = 0  # done before this run (a resumed batch)
        self.done = 0
        self.parts = 0
        self.parts_total = 0
        self.lines = 0

    def before(self, done: int) -> None:
        """``done`` of the articles counted were done by an earlier run: not in the rate."""
        self._before = done

    def update(self, done: int, *, parts: int | None = None, parts_total: int | None = None) -> None:
        self.done = done
        if parts is not None:
            self.parts = parts
        if parts_total is not None:
            self.parts_total = parts_total
        now = self._clock()
        if self._last is None:  # the interval runs from the first step: a slow start writes nothing
            self._last = now
            if self.every > 0:
                return
        if self.enabled and now - self._last >= self.every:
            self._last = now
            self._write(self._line(now))

    def finish(self) -> None:
        """The last line (only when a line was written: a short run stays quiet)."""
        if not self.enabled or not self.lines:
            return
        elapsed = self._clock() - self._started
        line = f"{self.label}: done, {self.done:,} {self.unit} in {duration(elapsed)}"
        rate = self._rate(elapsed)
        if rate is not None:
            line += f", {rate:.1f} {self.unit}/s"
        self._write(line)

    def _rate(self, elapsed: float) -> float | None:
        here = self.done - self._before
        return here / elapsed if elapsed > 0 and here > 0 else None

    def _line(self, now: float) -> str:
        parts = []
        if self.parts_total:
            parts.append(f"{self.parts:,} of {self.parts_total:,} partitions")
        elif self.parts:
            parts.append(f"{self.parts:,} partitions")
        if self.total:
            share = 100 * self.done / self.total
            parts.append(f"{self.done:,} of {self.total:,} {self.unit} ({share:.1f} %)")
        else:
            parts.append(f"{self.done:,} {self.unit}")
        rate = self._rate(now - self._started)
        if rate is not None:
            parts.append(f"{rate:.1f} {self.unit}/s")
            if self.total and self.total > self.done:
                parts.append(f"about {duration((self.total - self.done) / rate)} left")
        return f"{self.label}: " + ", ".join(parts)

    def _write(self, line: str) -> None:
        self.err.write(line + "\n")
        self.err.flush()
        self.lines += 1
