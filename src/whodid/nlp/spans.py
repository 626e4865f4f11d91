"""Items with spans (quotations, actor mentions), found by position in logarithmic time.

A stage that asks, for every event or quotation, "which quotation holds this offset?" or "which
mention covers this token?" would otherwise scan the whole article each time: quadratic in its
length. Build a :class:`SpanIndex` once per article and ask it instead.

    >>> index = SpanIndex([(10, 20, "a"), (30, 40, "b")], start=lambda s: s[0], end=lambda s: s[1])
    >>> index.at(35)
    (30, 40, 'b')
    >>> index.at(25) is None
    True
    >>> [s[2] for s in index.starting_in(0, 31)]
    ['a', 'b']
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

__all__ = ["SpanIndex"]

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """Items with a half-open span ``[start, end)`` (character or token offsets), sorted by start."""

    def __init__(self, items: Iterable[T], *, start: Callable[[T], int], end: Callable[[T], int]) -> None:
        self._items = sorted(items, key=start)
        self._starts = [start(i) for i in self._items]
        self._end = end
        # the furthest end of any item up to each position: where a walk back may stop
        self._reach: list[int] = []
        furthest = -1
        for item in self._items:
            furthest = max(furthest, end(item))
            self._reach.append(furthest)

    def at(self, pos: int) -> T | None:
        """The item holding ``pos`` that starts last (the innermost of nested ones), or None."""
        k = bisect.bisect_right(self._starts, pos) - 1
        while k >= 0 and self._reach[k] > pos:
            if self._end(self._items[k]) > pos:
                return self._items[k]
            k -= 1
        return None

    def starting_in(self, lo: int, hi: int) -> list[T]:
        """The items that start in ``[lo, hi)``, in order."""
        return self._items[bisect.bisect_left(self._starts, lo) : bisect.bisect_left(self._starts, hi)]

    def overlapping(self, lo: int, hi: int) -> list[T]:
        """The items that overlap ``[lo, hi)``, in order of their start."""
        k = bisect.bisect_left(self._starts, hi)
        out = []
        j = k - 1
        while j >= 0 and self._reach[j] > lo:
            if self._end(self._items[j]) > lo:
                out.append(self._items[j])
            j -= 1
        return out[::-1]
