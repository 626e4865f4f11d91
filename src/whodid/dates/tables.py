"""Word lists read from ``data/dates/`` once, at import: TIMEX3 reference words and parts of a year."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Final

from whodid.data_files import data_text


@dataclass(frozen=True, slots=True)
class RefEntry:
    """One row of ``refs.tsv``: a phrase (as token texts), its TIMEX3 value ("-" = never a date)."""

    words: tuple[str, ...]
    timex: str
    tag: str  # fine-grained tag prefix the first word must have ("" = any)


def _rows(name: str) -> list[list[str]]:
    text = data_text("dates", name)
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


def _refs() -> Mapping[str, tuple[RefEntry, ...]]:
    by_first: dict[str, list[RefEntry]] = {}
    for row in _rows("refs.tsv"):
        words = tuple(row[0].split())
        entry = RefEntry(words, row[1].strip(), row[2].strip() if len(row) > 2 else "")
        by_first.setdefault(words[0], []).append(entry)
    # longest phrase first, so that "as soon as" blocks "soon" and "right now" wins over "now"
    return MappingProxyType({k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in by_first.items()})


@dataclass(frozen=True, slots=True)
class HolidayEntry:
    """One row of ``holidays.tsv``: a phrase (as token texts), its rule and its unit (day or week)."""

    words: tuple[str, ...]
    rule: str
    unit: str


def _holidays() -> Mapping[str, tuple[HolidayEntry, ...]]:
    by_first: dict[str, list[HolidayEntry]] = {}
    for row in _rows("holidays.tsv"):
        words = tuple(row[0].split())
        entry = HolidayEntry(words, row[1].strip(), row[2].strip() if len(row) > 2 else "day")
        by_first.setdefault(words[0], []).append(entry)
    return MappingProxyType({k: tuple(sorted(v, key=lambda e: -len(e.words))) for k, v in by_first.items()})


def _periods() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in _rows("periods.tsv"):
        out.setdefault(row[0], {})[row[1]] = row[2].strip()
    return out


REFS: Final = _refs()
# "thanksgiving" -> its rows ("thanksgiving day", "thanksgiving"), longest first
HOLIDAYS: Final = _holidays()
_PERIODS = _periods()
# "third" -> 3 (quarters and halves)
ORDINALS: Final = MappingProxyType({k: int(v) for k, v in _PERIODS["ordinal"].items()})
# "summer" -> "SU"
SEASONS: Final = MappingProxyType(dict(_PERIODS["season"]))
# number words of spelled-out years: "nineteen" -> 19, "ninety" -> 90, "six" -> 6
SPELLED: Final = MappingProxyType({k: int(v) for k, v in _PERIODS["spelled"].items()})
# "nineties" -> 9
SPELLED_DECADES: Final = MappingProxyType({k: int(v) for k, v in _PERIODS["decade"].items()})
# "twentieth" -> 20
CENTURY_WORDS: Final = MappingProxyType({k: int(v) for k, v in _PERIODS["century"].items()})
