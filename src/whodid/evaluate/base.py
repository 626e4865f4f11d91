"""The shapes every ``whodid eval`` scorer returns: shares, precision/recall, a confusion matrix, errors.

A scorer is pure: it takes the gold records of one dataset and whodid's ``whodid.article/1`` records
for them (same order, one each) and counts. Coding the texts is the runner's job (``run.py``), so
the metric code can be tested on small hand-written gold files and hand-written predictions.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol


@dataclass
class Share:
    """A headline figure: ``hits`` of ``total`` (e.g. gold roots found in 250 of 386 sentences)."""

    name: str
    hits: int
    total: int
    target: float | None = None  # the target for this figure, if it has one
    anchor: str | None = None  # the published reference the target beats

    @property
    def value(self) -> float:
        return self.hits / self.total if self.total else 0.0

    @property
    def met(self) -> bool | None:
        return None if self.target is None else self.value >= self.target


@dataclass
class PRF:
    """True positives, false positives and false negatives, with the usual ratios (0.0 when empty).

    Where one gold item may be matched by several predictions (a quotation whodid gives in two
    pieces), ``tp`` counts right predictions (precision) and ``found`` the gold items found (recall).
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    found: int | None = None  # gold items found, when not the same count as tp

    @property
    def hits(self) -> int:
        return self.tp if self.found is None else self.found

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.hits / (self.hits + self.fn) if self.hits + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        if other.found is not None:
            self.found = (self.found or 0) + other.found


@dataclass
class Confusion:
    """Counts of (gold label, whodid label); ``NONE`` stands for "nothing produced"."""

    counts: Counter[tuple[str, str]] = field(default_factory=Counter)

    def add(self, gold: str, predicted: str) -> None:
        self.counts[(gold, predicted)] += 1

    def labels(self) -> list[str]:
        """Every label, gold or predicted (the columns)."""
        return sorted({g for g, _ in self.counts} | {p for _, p in self.counts})

    def gold_labels(self) -> list[str]:
        """The labels that occur in the gold (the rows)."""
        return sorted({g for g, _ in self.counts})


@dataclass
class ErrorRow:
    """One miss or false positive, with what it takes to audit it."""

    item: str  # the gold record's id
    error: str  # "miss", "false_positive" or "wrong_<what>" (e.g. "wrong_speaker")
    what: str  # what was missed or wrong, e.g. "root 17" or "toponym Springfield"
    sentence: str  # the sentence or passage it is in
    gold: Any
    whodid: Any  # what whodid produced there (None when nothing)
    rule: str | None = None  # the rule that produced whodid's record

    def to_dict(self) -> dict[str, Any]:
        return {
            "item": self.item,
            "error": self.error,
            "what": self.what,
            "sentence": self.sentence,
            "gold": self.gold,
            "whodid": self.whodid,
            "rule": self.rule,
        }


@dataclass
class EvalResult:
    """Everything one evaluation measured."""

    kind: str  # events, quotes, dates, places
    dataset: str  # e.g. cameo_manual
    items: int  # gold records scored
    shares: list[Share] = field(default_factory=list)
    prfs: dict[str, PRF] = field(default_factory=dict)  # headline precision/recall/F1 figures
    # per category: title -> label -> counts, e.g. "CAMEO root" -> "17" -> PRF
    categories: dict[str, dict[str, PRF]] = field(default_factory=dict)
    confusion: Confusion | None = None
    confusion_title: str = ""
    errors: list[ErrorRow] = field(default_factory=list)
    definitions: list[str] = field(default_factory=list)  # each metric, exactly as computed
    targets: dict[str, tuple[float, str]] = field(default_factory=dict)  # PRF name -> (F1 target, anchor)
    figures: dict[str, str] = field(default_factory=dict)  # other figures, e.g. events per sentence


@dataclass(frozen=True)
class EvalInput:
    """What the runner codes for one gold record."""

    id: str
    text: str
    published: dt.date | None


class Scorer(Protocol):
    """One gold dataset: how to recognize it, what to code, how to count."""

    kind: str
    dataset: str

    def accepts(self, record: dict[str, Any]) -> bool:
        """Whether ``record`` (the file's first record) belongs to this dataset."""
        ...

    def inputs(self, record: dict[str, Any]) -> EvalInput:
        """The text and publication date to code for one gold record."""
        ...

    def score(self, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> EvalResult:
        """Count; ``predicted[i]`` is whodid's article record for ``gold[i]``."""
        ...


def empty_prediction(item_id: str) -> dict[str, Any]:
    """The record of an article whodid could not code: nothing found (every gold item a miss)."""
    return {
        "schema": "whodid.article/1",
        "article": {"id": item_id},
        "actors": [],
        "events": [],
        "quotes": [],
        "dates": [],
        "places": [],
    }


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Characters two half-open spans share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def spans_overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return overlap(a, b) > 0


def publication(value: object) -> dt.date | None:
    """A gold record's ``date`` as a date (None when missing or unreadable)."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def sentence_of(text: str, start: int, end: int, limit: int = 400) -> str:
    """The line or sentence-ish passage around ``[start, end)`` for an error row."""
    left = max(text.rfind("\n", 0, start), text.rfind(". ", 0, start) + 1, 0)
    right_nl = text.find("\n", end)
    right_dot = text.find(". ", end)
    rights = [r for r in (right_nl, right_dot + 1 if right_dot >= 0 else -1) if r >= 0]
    right = min(rights) if rights else len(text)
    passage = text[left:right].strip()
    return passage if len(passage) <= limit else passage[:limit] + "…"


def merge(results: Iterable[PRF]) -> PRF:
    out = PRF()
    for r in results:
        out.add(r)
    return out
