"""The TimeBank/AQUAINT dates scorer on small invented gold articles."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from whodid.evaluate.base import empty_prediction
from whodid.evaluate.dates import SCORERS, TimebankScorer, month_of

FIRST = "The council met on Monday. It now plans a vote in the third quarter. Talks lasted two days."
SECOND = "Exports fell last week. The board meets every Friday. Prices rose in the 1990s."


def _timex(text: str, phrase: str, kind: str, value: str) -> dict[str, Any]:
    start = text.index(phrase)
    return {"start": start, "end": start + len(phrase), "type": kind, "value": value, "text": phrase}


GOLD: list[dict[str, Any]] = [
    {
        "id": "a1",
        "date": "2021-03-17",
        "text": FIRST,
        "timexes": [
            _timex(FIRST, "Monday", "DATE", "2021-03-15"),
            _timex(FIRST, "now", "DATE", "PRESENT_REF"),
            _timex(FIRST, "the third quarter", "DATE", "2021-Q3"),
            _timex(FIRST, "two days", "DURATION", "P2D"),
        ],
    },
    {
        "id": "a2",
        "date": "2020-02-10",
        "text": SECOND,
        "timexes": [
            _timex(SECOND, "last week", "DATE", "2020-W06"),
            _timex(SECOND, "every Friday", "SET", "XXXX-WXX-5"),
            _timex(SECOND, "the 1990s", "DATE", "199"),
        ],
    },
]


def _date(text: str, phrase: str, value: str | None, timex: str | None = None) -> dict[str, Any]:
    start = text.index(phrase)
    return {
        "text": phrase,
        "start": start,
        "end": start + len(phrase),
        "value": value,
        "precision": "day",
        "timex": timex or value,
        "rule": "test",
    }


def _prediction(item: str, dates: list[dict[str, Any]]) -> dict[str, Any]:
    record = empty_prediction(item)
    record["dates"] = dates
    return record


def _perfect() -> list[dict[str, Any]]:
    out = []
    for g in GOLD:
        dates = [_date(g["text"], t["text"], t["value"]) for t in g["timexes"]]
        out.append(_prediction(g["id"], dates))
    return out


def _shares(result: Any) -> dict[str, float]:
    return {s.name: s.value for s in result.shares}


def test_registered_and_accepts_its_records() -> None:
    scorer = SCORERS[0]
    assert isinstance(scorer, TimebankScorer)
    assert scorer.accepts(GOLD[0])
    assert not scorer.accepts({"id": "x", "text": "no timexes here"})
    inp = scorer.inputs(GOLD[0])
    assert (inp.id, inp.text, inp.published) == ("a1", FIRST, dt.date(2021, 3, 17))


def test_perfect_prediction_scores_one() -> None:
    result = TimebankScorer().score(GOLD, _perfect())
    assert _shares(result) == {"exact value": 1.0, "month precision": 1.0}
    spans = result.prfs["date spans"]
    assert (spans.tp, spans.fp, spans.fn) == (7, 0, 0)
    assert result.errors == []
    assert len(result.definitions) >= 3


def test_empty_prediction_scores_zero() -> None:
    result = TimebankScorer().score(GOLD, [empty_prediction(g["id"]) for g in GOLD])
    assert _shares(result) == {"exact value": 0.0, "month precision": 0.0}
    assert [e.error for e in result.errors] == ["miss"] * 5
    assert result.categories["timex type"]["DATE"].fn == 5


def test_partial_prediction() -> None:
    first = [
        _date(FIRST, "Monday", "2021-03-15"),  # exact
        _date(FIRST, "third quarter", "2021"),  # overlaps, wrong value, other month
        _date(FIRST, "two days", None),  # a DURATION span found
    ]
    second = [
        _date(SECOND, "Exports", "2020-02-10"),  # overlaps no gold timex
        _date(SECOND, "last week", "2020-02-05", timex=None),  # wrong value, right month (W06 = Feb)
        _date(SECOND, "1990s", None, timex="199"),  # exact
    ]
    result = TimebankScorer().score(GOLD, [_prediction("a1", first), _prediction("a2", second)])
    # DATE gold: Monday, now, third quarter, last week, 1990s
    assert _shares(result) == {"exact value": pytest.approx(2 / 5), "month precision": pytest.approx(3 / 5)}
    types = result.categories["timex type"]
    assert (types["DATE"].tp, types["DATE"].fn) == (4, 1)
    assert (types["DURATION"].tp, types["SET"].fn, types["(none)"].fp) == (1, 1, 1)
    spans = result.prfs["date spans"]
    assert (spans.tp, spans.fp, spans.fn) == (5, 1, 2)
    errors = {(e.error, e.what) for e in result.errors}
    assert errors == {
        ("miss", "now = PRESENT_REF"),
        ("wrong_value", "the third quarter = 2021-Q3"),
        ("wrong_value", "last week = 2020-W06"),
        ("false_positive", "Exports = 2020-02-10"),
    }
    wrong = next(e for e in result.errors if e.error == "wrong_value" and "quarter" in e.what)
    assert wrong.whodid is not None and wrong.rule == "test"
    assert "third quarter" in wrong.sentence


@pytest.mark.parametrize(
    ("value", "month"),
    [
        ("2021-03-15", "2021-03"),
        ("2021-03-15T10:00", "2021-03"),
        ("2021-03", "2021-03"),
        ("2020-W01", "2020-01"),  # its Thursday is January 2
        ("2020-W05", "2020-01"),  # Thursday January 30
        ("2020-W06", "2020-02"),
        ("2021-Q3", "2021-Q3"),
        ("PRESENT_REF", "PRESENT_REF"),
        ("199", "199"),
    ],
)
def test_month_of(value: str, month: str) -> None:
    assert month_of(value) == month
