"""The LGL / TR-News toponym scorer on small hand-written gold records and predictions."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from whodid.evaluate.base import empty_prediction
from whodid.evaluate.places import SCORERS, PlacesScorer, fcode_group, gold_span, haversine_km

TEXT = "Flooding closed roads in Springfield, Illinois, and in Canada on Monday."


def _gold() -> dict[str, Any]:
    return {
        "id": "LGL-1",
        "corpus": "LGL",
        "date": "2009-03-20",
        "text": TEXT,
        "toponyms": [
            {
                "start": 25,
                "end": 36,
                "text": "Springfield",
                "lat": 39.80,
                "lon": -89.64,
                "country": "United States",
                "fcode": "PPLA",
            },
            {
                "start": 38,
                "end": 46,
                "text": "Illinois",
                "lat": 40.0,
                "lon": -89.25,
                "country": "United States",
                "fcode": "ADM1",
            },
            {
                "start": 55,
                "end": 61,
                "text": "Canada",
                "lat": 60.1,
                "lon": -113.6,
                "country": "Canada",
                "fcode": "PCLI",
            },
        ],
    }


def _place(start: int, end: int, lat: float | None, lon: float | None, country: str | None) -> dict[str, Any]:
    return {
        "text": TEXT[start:end],
        "start": start,
        "end": end,
        "name": TEXT[start:end],
        "country": country,
        "lat": lat,
        "lon": lon,
        "feature": "city",
        "geonameid": None,
        "rule": "test",
        "confidence": 0.5,
    }


def _prediction(places: list[dict[str, Any]]) -> dict[str, Any]:
    record = empty_prediction("LGL-1")
    record["places"] = places
    return record


def _lgl() -> PlacesScorer:
    return next(s for s in SCORERS if s.dataset == "lgl")


def test_accepts_by_corpus_or_id_prefix() -> None:
    lgl, trnews = _lgl(), next(s for s in SCORERS if s.dataset == "trnews")
    assert lgl.accepts(_gold()) and not trnews.accepts(_gold())
    assert trnews.accepts({"id": "TR-News-7", "text": "", "toponyms": []})
    assert not lgl.accepts({"id": "LGL-1", "text": ""})  # no toponyms: another kind of file


def test_inputs_carry_the_record_date() -> None:
    got = _lgl().inputs(_gold())
    assert (got.id, got.text, got.published) == ("LGL-1", TEXT, dt.date(2009, 3, 20))


def test_perfect_prediction_scores_one() -> None:
    pred = _prediction(
        [
            _place(25, 36, 39.80, -89.64, "USA"),
            _place(38, 46, 40.0, -89.25, "USA"),
            _place(55, 61, 60.1, -113.6, "CAN"),
        ]
    )
    res = _lgl().score([_gold()], [pred])
    assert [s.value for s in res.shares] == [1.0, 1.0, 1.0]
    spans = res.prfs["toponym spans"]
    assert (spans.tp, spans.fp, spans.fn) == (3, 0, 0)
    assert res.errors == [] and len(res.definitions) >= 5


def test_empty_prediction_scores_zero() -> None:
    res = _lgl().score([_gold()], [empty_prediction("LGL-1")])
    assert [s.value for s in res.shares] == [0.0, 0.0, 0.0]
    assert res.prfs["toponym spans"].recall == 0.0
    assert [e.error for e in res.errors] == ["miss", "miss", "miss"]


def test_partial_prediction_hand_computed() -> None:
    pred = _prediction(
        [
            _place(25, 36, 39.80, -89.64, "USA"),  # right
            _place(38, 46, None, None, None),  # found but unresolved
            _place(55, 61, 46.0, 2.0, "FRA"),  # found, far and in the wrong country
            _place(0, 8, 10.0, 10.0, "NGA"),  # overlaps no gold toponym
        ]
    )
    res = _lgl().score([_gold()], [pred])
    within, country, of_found = res.shares
    assert (within.hits, within.total) == (1, 3)
    assert (country.hits, country.total) == (1, 3)
    assert (of_found.hits, of_found.total) == (1, 3)
    spans = res.prfs["toponym spans"]
    assert (spans.tp, spans.fp, spans.fn) == (3, 1, 0)
    types = res.categories["toponym type"]
    assert (types["city"].tp, types["admin"].fn, types["country"].fn) == (1, 1, 1)
    errors = sorted(e.error for e in res.errors)
    assert errors == ["false_positive", "wrong_place", "wrong_place"]
    far = next(e for e in res.errors if e.what == "toponym Canada")
    assert far.gold["distance_km"] > 5000 and far.rule == "test"


def test_toponym_without_coordinates_counts_for_spans_only() -> None:
    gold = _gold()
    gold["toponyms"] = [
        {
            "start": 25,
            "end": 36,
            "text": "Springfield",
            "lat": None,
            "lon": None,
            "country": None,
            "fcode": None,
        }
    ]
    res = _lgl().score([gold], [_prediction([_place(25, 36, 1.0, 1.0, "USA")])])
    assert res.shares[0].total == 0 and res.shares[1].total == 0
    assert res.prfs["toponym spans"].tp == 1


def test_shifted_gold_offsets_are_reanchored() -> None:
    toponym = {"start": 51, "end": 57, "text": "Canada", "offset_mismatch": True}
    assert gold_span(TEXT, toponym) == (55, 61)
    assert gold_span(TEXT, {"start": 55, "end": 61, "text": "Canada"}) == (55, 61)


def test_helpers() -> None:
    assert haversine_km(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.19, abs=0.01)
    assert [fcode_group(c) for c in ("PCLI", "ADM2", "PPLC", "STM", None)] == [
        "country",
        "admin",
        "city",
        "other",
        "other",
    ]
