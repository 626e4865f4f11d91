"""The quad5 scorer on small invented gold records and hand-written predictions."""

from __future__ import annotations

from typing import Any

import pytest

from whodid.evaluate.base import empty_prediction
from whodid.evaluate.events_quad5 import (
    NONE,
    SCORERS,
    Quad5Scorer,
    cameo_class,
    gold_spans,
    primary_event,
)

TEXT_A = "The ministers of Ruritania met their Freedonian colleagues."
TEXT_B = "Rebels shelled the town of Oakvale."
TEXT_C = "The mayor said the budget was fine."


def gold(
    item: str, text: str, label: str, src: list[str] | None = None, tgt: list[str] | None = None
) -> dict[str, Any]:
    event: dict[str, Any] = {"source": None, "target": None, "code": None, "pentaclass": label}
    if src is not None:
        event["source_text"] = src
    if tgt is not None:
        event["target_text"] = tgt
    return {"id": item, "text": text, "date": None, "events": [event]}


def side(text: str, start: int | None, end: int | None) -> dict[str, Any]:
    return {"actor": "a1", "country": None, "code": "XXX", "text": text, "start": start, "end": end}


def event(
    cameo: str,
    confidence: float,
    evidence: int,
    source: dict[str, Any] | None = None,
    target: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "cameo": cameo,
        "confidence": confidence,
        "evidence": {"start": evidence, "end": evidence + 3, "text": "xxx"},
        "source": source,
        "target": target,
        "rule": f"verb:test{cameo}",
    }


def record(item: str, *events: dict[str, Any]) -> dict[str, Any]:
    out = empty_prediction(item)
    out["events"] = list(events)
    return out


GOLD = [
    gold(
        "a", TEXT_A, "1 verbal cooperation", ["The ministers of Ruritania"], ["their Freedonian colleagues"]
    ),
    gold("b", TEXT_B, "4 material conflict", ["Rebels"], ["the town of Oakvale"]),
    gold("c", TEXT_C, "0 statement"),
]


def share(result: Any, name: str) -> Any:
    return next(s for s in result.shares if s.name == name)


def test_class_of_cameo_roots() -> None:
    assert [cameo_class(c) for c in ("010", "020", "036", "057", "061", "0874", "090", "112", "141")] == [
        "0 statement",
        "0 statement",
        "1 verbal cooperation",
        "1 verbal cooperation",
        "2 material cooperation",
        "2 material cooperation",
        "3 verbal conflict",
        "3 verbal conflict",
        "3 verbal conflict",
    ]
    assert cameo_class("150") == cameo_class("2042") == "4 material conflict"
    assert cameo_class(None) == cameo_class("") == NONE


def test_primary_event_highest_confidence_then_earliest() -> None:
    low, high_late, high_early = event("010", 0.6, 0), event("190", 0.85, 20), event("036", 0.85, 5)
    assert primary_event(record("x", low, high_late, high_early)) is high_early
    assert primary_event(record("x")) is None


def test_accepts_and_inputs() -> None:
    scorer = Quad5Scorer()
    assert SCORERS and isinstance(SCORERS[0], Quad5Scorer)
    assert scorer.accepts(GOLD[0])
    assert not scorer.accepts({"id": "x", "text": "t", "events": [{"code": "010"}]})
    got = scorer.inputs(GOLD[1])
    assert (got.id, got.text, got.published) == ("b", TEXT_B, None)


def perfect() -> list[dict[str, Any]]:
    return [
        record("a", event("036", 0.85, 31, side("ministers", 4, 13), side("colleagues", 48, 58))),
        record("b", event("195", 0.85, 7, side("Rebels", 0, 6), side("Oakvale", 27, 34))),
        record("c", event("010", 0.75, 10, side("mayor", 4, 9))),
    ]


def test_perfect_predictions_score_one() -> None:
    result = Quad5Scorer().score(GOLD, perfect())
    assert result.items == 3
    for name in ("agreement", "any event has the gold class", "source span overlap", "target span overlap"):
        assert share(result, name).value == 1.0, name
    assert share(result, "agreement").target == 0.65
    assert share(result, "source span overlap").total == 2  # the statement has no gold spans
    assert result.errors == []
    assert result.categories["class"]["3 verbal conflict"].tp == 0
    assert result.categories["class"]["4 material conflict"].f1 == 1.0
    assert result.definitions


def test_empty_predictions_score_zero() -> None:
    result = Quad5Scorer().score(GOLD, [empty_prediction(g["id"]) for g in GOLD])
    for name in ("agreement", "any event has the gold class", "source span overlap", "target span overlap"):
        assert share(result, name).value == 0.0, name
    assert [e.error for e in result.errors] == ["miss", "miss", "miss"]
    assert result.confusion is not None
    assert result.confusion.counts[("0 statement", NONE)] == 1
    assert result.categories["class"]["1 verbal cooperation"].fn == 1


def test_partial_predictions_hand_computed() -> None:
    predicted = [
        # primary is the 0.85 statement (wrong class), the cooperation is there too
        record(
            "a",
            event("036", 0.75, 31, side("ministers", 4, 13), side("colleagues", 48, 58)),
            event("010", 0.85, 40, side("ministers", 4, 13), None),
        ),
        # right class; source is an actor named outside the sentence (no offsets); target overlaps
        record("b", event("190", 0.85, 7, side("the rebel army", None, None), side("town", 19, 23))),
        # statement coded as verbal conflict
        record("c", event("112", 0.75, 10, side("mayor", 4, 9))),
    ]
    result = Quad5Scorer().score(GOLD, predicted)
    agree = share(result, "agreement")
    assert (agree.hits, agree.total) == (1, 3)
    assert share(result, "any event has the gold class").hits == 2
    src, tgt = share(result, "source span overlap"), share(result, "target span overlap")
    assert (src.hits, src.total) == (1, 2)  # a overlaps; b's source has no mention
    assert (tgt.hits, tgt.total) == (1, 2)  # a's primary has no target; b overlaps
    classes = result.categories["class"]
    assert (classes["0 statement"].tp, classes["0 statement"].fp, classes["0 statement"].fn) == (0, 1, 1)
    assert (classes["3 verbal conflict"].tp, classes["3 verbal conflict"].fp) == (0, 1)
    assert classes["4 material conflict"].precision == 1.0
    assert [(e.item, e.error) for e in result.errors] == [("a", "wrong_class"), ("c", "wrong_class")]
    assert result.errors[0].whodid["cameo"] == "010"
    assert result.errors[0].rule == "verb:test010"
    assert result.confusion is not None
    assert result.confusion.counts[("1 verbal cooperation", "0 statement")] == 1


def test_gold_strings_not_in_text_are_skipped() -> None:
    g = gold("d", TEXT_B, "4 material conflict", ["Nobody here"], ["Rebels", "the town"])
    assert gold_spans(g, "source") is None
    assert gold_spans(g, "target") == [(0, 6), (15, 23)]
    result = Quad5Scorer().score([g], [record("d", event("190", 0.8, 7, None, side("Rebels", 0, 6)))])
    assert share(result, "source span overlap").total == 0
    assert share(result, "target span overlap").value == 1.0


def test_mismatched_lengths_raise() -> None:
    with pytest.raises(ValueError):
        Quad5Scorer().score(GOLD, [])
