"""``whodid eval``: measure whodid on annotated gold data (see docs/ACCURACY.md for every metric)."""

from __future__ import annotations

import importlib
from typing import Any

from whodid.evaluate.base import EvalInput, EvalResult, Scorer

# kind -> modules that define ``SCORERS``; the first scorer that accepts a file's first record wins
MODULES: dict[str, tuple[str, ...]] = {
    "events": (
        "whodid.evaluate.events_cameo",
        "whodid.evaluate.events_plover",
        "whodid.evaluate.events_quad5",
        "whodid.evaluate.events_petrarch",
    ),
    "quotes": ("whodid.evaluate.quotes",),
    "dates": ("whodid.evaluate.dates",),
    "places": ("whodid.evaluate.places",),
}
# kinds scored on a folder rather than one gold file: ``whodid eval articles DIR`` (``articles.py``)
FOLDER_KINDS = ("articles",)
KINDS = (*FOLDER_KINDS, *MODULES)


def scorers(kind: str) -> list[Scorer]:
    out: list[Scorer] = []
    for name in MODULES[kind]:
        out.extend(importlib.import_module(name).SCORERS)
    return out


def select(kind: str, first: dict[str, Any]) -> Scorer | None:
    """The scorer of ``kind`` whose dataset ``first`` (a gold file's first record) belongs to."""
    return next((s for s in scorers(kind) if s.accepts(first)), None)


__all__ = ["FOLDER_KINDS", "KINDS", "EvalInput", "EvalResult", "Scorer", "scorers", "select"]
