"""Dates: TIMEX3 expressions of TempEval-3 (TimeBank and AQUAINT), normalized against the article date.

Each gold record is one article: ``date`` (its document creation time), ``text`` and ``timexes``
(``start``/``end`` character offsets, TIMEX3 ``type`` and ``value``). whodid codes the text with the
creation time as publication date; its ``dates`` are matched to gold by character overlap, and its
``timex`` (the TIMEX3 value) is compared with the gold value as a string.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from whodid.evaluate.base import (
    PRF,
    ErrorRow,
    EvalInput,
    EvalResult,
    Share,
    merge,
    overlap,
    publication,
    sentence_of,
    spans_overlap,
)

TYPES = ("DATE", "TIME", "DURATION", "SET")
NONE_ROW = "(none)"  # whodid dates that overlap no gold timex: false positives only

_DAY_VALUE = re.compile(r"(\d{4}-\d{2})-")
_WEEK_VALUE = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")

DEFINITIONS = [
    "exact value: over all gold timexes of type DATE, the share for which some whodid date overlaps the "
    "gold span (at least one shared character) and has timex == gold value (string equality).",
    "month precision: as exact value, with both values reduced to a month first: YYYY-MM-DD... -> "
    "YYYY-MM; YYYY-Www (or YYYY-Www-WE) -> the month of that ISO week's Thursday; anything else "
    "unchanged.",
    "span found (timex type DATE/TIME/DURATION/SET): tp = gold timexes of that type overlapped by some "
    "whodid date, fn = the rest; row (none): fp = whodid dates that overlap no gold timex of any type.",
    "date spans (headline): tp and fn summed over all timex types, fp = whodid dates that overlap no "
    "gold timex of any type.",
]


def month_of(value: str) -> str:
    """A TIMEX3 value reduced to its month (see ``DEFINITIONS``)."""
    day = _DAY_VALUE.match(value)
    if day:
        return day.group(1)
    week = _WEEK_VALUE.fullmatch(value)
    if week:
        try:
            thursday = dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 4)
        except ValueError:
            return value
        return f"{thursday.year:04d}-{thursday.month:02d}"
    return value


def _timex(d: dict[str, Any]) -> str | None:
    value = d.get("timex") or d.get("value")
    return value if isinstance(value, str) else None


def _span(d: dict[str, Any]) -> tuple[int, int]:
    return int(d["start"]), int(d["end"])


class TimebankScorer:
    """TempEval-3 TimeBank/AQUAINT: exact TIMEX3 value, month precision and spans per timex type."""

    kind = "dates"
    dataset = "timebank_aquaint"

    def accepts(self, record: dict[str, Any]) -> bool:
        return isinstance(record.get("timexes"), list) and isinstance(record.get("text"), str)

    def inputs(self, record: dict[str, Any]) -> EvalInput:
        return EvalInput(
            id=str(record.get("id", "")), text=record["text"], published=publication(record.get("date"))
        )

    def score(self, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> EvalResult:
        exact = Share("exact value", 0, 0, target=0.85, anchor="HeidelTime ~0.78 value F1 on TempEval-3")
        month = Share("month precision", 0, 0)
        by_type: dict[str, PRF] = {t: PRF() for t in TYPES}
        none_row = PRF()
        errors: list[ErrorRow] = []
        for record, pred in zip(gold, predicted, strict=True):
            item = str(record.get("id", ""))
            text: str = record.get("text", "")
            timexes = [t for t in record.get("timexes", []) if isinstance(t, dict)]
            dates = [d for d in pred.get("dates", []) if isinstance(d, dict)]
            for t in timexes:
                span = _span(t)
                over = [d for d in dates if spans_overlap(span, _span(d))]
                row = by_type.setdefault(str(t.get("type")), PRF())
                if over:
                    row.tp += 1
                else:
                    row.fn += 1
                if t.get("type") != "DATE":
                    continue
                value = str(t.get("value"))
                exact.total += 1
                month.total += 1
                hit = next((d for d in over if _timex(d) == value), None)
                if hit is not None:
                    exact.hits += 1
                if any(_timex(d) is not None and month_of(_timex(d) or "") == month_of(value) for d in over):
                    month.hits += 1
                if hit is None:
                    best = max(over, key=lambda d: overlap(span, _span(d)), default=None)
                    errors.append(
                        ErrorRow(
                            item=item,
                            error="wrong_value" if best is not None else "miss",
                            what=f"{t.get('text')} = {value}",
                            sentence=sentence_of(text, *span),
                            gold=t,
                            whodid=best,
                            rule=best.get("rule") if best is not None else None,
                        )
                    )
            for d in dates:
                span = _span(d)
                if any(spans_overlap(span, _span(t)) for t in timexes):
                    continue
                none_row.fp += 1
                errors.append(
                    ErrorRow(
                        item=item,
                        error="false_positive",
                        what=f"{d.get('text')} = {_timex(d)}",
                        sentence=sentence_of(text, *span),
                        gold=None,
                        whodid=d,
                        rule=d.get("rule"),
                    )
                )
        spans = merge(by_type.values())
        spans.fp = none_row.fp
        return EvalResult(
            kind=self.kind,
            dataset=self.dataset,
            items=len(gold),
            shares=[exact, month],
            prfs={"date spans": spans},
            categories={"timex type": {**by_type, NONE_ROW: none_row}},
            errors=errors,
            definitions=list(DEFINITIONS),
        )


SCORERS = [TimebankScorer()]
