"""The CAMEO-manual, PLOVER-GSR and PETRARCH unit-test scorers on small invented gold files."""

from __future__ import annotations

from typing import Any

import pytest

from whodid.evaluate import select
from whodid.evaluate.base import EvalResult, empty_prediction
from whodid.evaluate.events_cameo import CameoManual
from whodid.evaluate.events_petrarch import Petrarch2UnitTests
from whodid.evaluate.events_plover import PloverGsr


def _event(
    cameo: str,
    source: str | None,
    target: str | None = None,
    *,
    plover: str | None = None,
    country: str | None = None,
    tcountry: str | None = None,
    confidence: float = 0.8,
    start: int = 0,
) -> dict[str, Any]:
    return {
        "cameo": cameo,
        "plover": plover,
        "source": {"code": source, "country": country, "text": "x"} if source else None,
        "target": {"code": target, "country": tcountry, "text": "y"} if target else None,
        "evidence": {"start": start, "end": start + 1, "text": "v"},
        "rule": "test",
        "confidence": confidence,
        "modality": "asserted",
    }


def _pred(item: str, *events: dict[str, Any]) -> dict[str, Any]:
    out = empty_prediction(item)
    out["events"] = list(events)
    return out


def _share(result: EvalResult, name: str) -> tuple[int, int]:
    s = next(s for s in result.shares if s.name == name)
    return s.hits, s.total


CAMEO_GOLD = [
    {
        "id": "CAMEO-111-1",
        "text": "Ruritania criticized Osterlich.",
        "cameo_name": "x",
        "events": [{"code": "111"}],
    },
    {"id": "CAMEO-042-1", "text": "The envoy visited Zenda.", "cameo_name": "x", "events": [{"code": "042"}]},
    {"id": "CAMEO-190-1", "text": "Troops fought rebels.", "cameo_name": "x", "events": [{"code": "190"}]},
    {"id": "CAMEO-036-1", "text": "The two met.", "cameo_name": "x", "events": [{"code": "036"}]},
]


def test_cameo_manual_perfect_empty_and_partial() -> None:
    scorer = CameoManual()
    assert select("events", CAMEO_GOLD[0]) is not None
    assert isinstance(select("events", CAMEO_GOLD[0]), CameoManual)
    perfect = [_pred(g["id"], _event(g["events"][0]["code"], "AAA")) for g in CAMEO_GOLD]
    r = scorer.score(CAMEO_GOLD, perfect)
    assert _share(r, "gold root found") == (4, 4) and r.shares[0].value == 1.0
    assert _share(r, "gold full code found") == (4, 4)
    assert r.figures["events per sentence"] == "1.00"
    r = scorer.score(CAMEO_GOLD, [empty_prediction(g["id"]) for g in CAMEO_GOLD])
    assert r.shares[0].value == 0.0 and r.shares[1].value == 0.0
    assert r.confusion is not None and r.confusion.counts[("11", "NONE")] == 1
    # by hand: sentence 1 right root wrong code; 2 right code plus an extra 19 event; 3 wrong root; 4 none
    partial = [
        _pred("1", _event("112", "AAA")),
        _pred("2", _event("042", "AAA", start=0), _event("190", "AAA", confidence=0.9, start=5)),
        _pred("3", _event("173", "AAA")),
        empty_prediction("4"),
    ]
    r = scorer.score(CAMEO_GOLD, partial)
    assert _share(r, "gold root found") == (2, 4)
    assert _share(r, "gold full code found") == (1, 4)
    assert r.figures["events per sentence"] == "1.00"
    roots = r.categories["CAMEO root"]
    assert (roots["04"].tp, roots["19"].fp, roots["19"].fn, roots["17"].fp) == (1, 1, 1, 1)
    assert r.confusion is not None
    assert r.confusion.counts[("04", "19")] == 1  # the primary event is the most confident one
    kinds = sorted((e.error, e.what) for e in r.errors)
    assert kinds == [
        ("false_positive", "root 17"),
        ("false_positive", "root 19"),
        ("miss", "root 03"),
        ("miss", "root 19"),
    ]


PLOVER_GOLD = [
    {
        "id": "P1",
        "text": "Ruritanian officials threatened Osterlich.",
        "events": [
            {
                "source": "RUR",
                "target": "OST",
                "code": "THREATEN",
                "ontology": "PLOVER",
                "source_sector": "GOV",
            }
        ],
    },
    {
        "id": "P2",
        "text": "The UN and Zenda agreed.",
        "events": [
            {"source": "IGO", "target": None, "code": "AGREE", "ontology": "PLOVER", "source_sector": None},
            {"source": "ZEN", "target": None, "code": "AGREE", "ontology": "PLOVER", "source_sector": "***"},
        ],
    },
]


def test_plover_old_type_names_are_renamed() -> None:
    gold = [{**PLOVER_GOLD[0], "events": [{**PLOVER_GOLD[0]["events"][0], "code": "DEMAND"}]}]
    r = PloverGsr().score(
        gold, [_pred("P1", _event("100", "RURGOV", "OST", plover="REQUEST", country="RUR"))]
    )
    assert _share(r, "PLOVER type") == (1, 1)


def test_plover_perfect_empty_and_partial() -> None:
    scorer = PloverGsr()
    assert isinstance(select("events", PLOVER_GOLD[0]), PloverGsr)
    perfect = [
        _pred("P1", _event("138", "RURGOV", "OST", plover="THREATEN", country="RUR", tcountry="OST")),
        _pred(
            "P2",
            _event("030", "IGOUNO", plover="AGREE"),
            _event("030", "ZEN", plover="AGREE", country="ZEN"),
        ),
    ]
    r = scorer.score(PLOVER_GOLD, perfect)
    for name in ("PLOVER type", "source country", "target country", "source sector"):
        s = next(s for s in r.shares if s.name == name)
        assert s.value == 1.0, name
    assert _share(r, "precision (events of a gold type)") == (3, 3)
    r = scorer.score(PLOVER_GOLD, [empty_prediction("P1"), empty_prediction("P2")])
    assert all(s.value == 0.0 for s in r.shares)
    # by hand: P1 right type and source, wrong target, sector MIL; P2 only a wrong-type event by the UN
    partial = [
        _pred("P1", _event("138", "RURMIL", "AAA", plover="THREATEN", country="RUR", tcountry="AAA")),
        _pred("P2", _event("111", "IGOUNO", plover="DISAPPROVE")),
    ]
    r = scorer.score(PLOVER_GOLD, partial)
    assert _share(r, "PLOVER type") == (1, 3)
    assert _share(r, "source country") == (2, 3)
    assert _share(r, "target country") == (0, 1)
    assert _share(r, "source sector") == (0, 1)  # only P1 has a usable gold sector
    assert _share(r, "precision (events of a gold type)") == (1, 2)
    assert r.categories["PLOVER type"]["DISAPPROVE"].fp == 1


PETR_GOLD = [
    {
        "id": "T1",
        "text": "Arnor attacked Gondor.",
        "date": "1995-01-01",
        "origin": "x/petrarch2",
        "events": [{"source": "ARN", "target": "GON", "code": "190"}],
    },
    {
        "id": "T2",
        "text": "Bree met Dol.",
        "date": "1995-01-02",
        "origin": "x/petrarch2",
        "events": [
            {"source": "BRE", "target": "DOL", "code": "036"},
            {"source": "DOL", "target": "BRE", "code": "036"},
        ],
    },
    {"id": "T3", "text": "Nothing happened.", "date": "1995-01-03", "origin": "x/petrarch2", "events": []},
]


def test_petrarch_triples_perfect_empty_and_partial() -> None:
    scorer = Petrarch2UnitTests()
    assert isinstance(select("events", PETR_GOLD[0]), Petrarch2UnitTests)
    assert str(scorer.inputs(PETR_GOLD[0]).published) == "1995-01-01"
    perfect = [
        _pred("T1", _event("190", "ARN", "GON")),
        _pred("T2", _event("036", "BRE", "DOL"), _event("036", "DOL", "BRE")),
        empty_prediction("T3"),
    ]
    r = scorer.score(PETR_GOLD, perfect)
    assert _share(r, "triples") == (3, 3) and _share(r, "event precision") == (3, 3)
    r = scorer.score(PETR_GOLD, [empty_prediction(g["id"]) for g in PETR_GOLD])
    assert _share(r, "triples") == (0, 3) and _share(r, "dyads") == (0, 3)
    # by hand: T1 right dyad, code 193 (same root); T2 one of two; T3 one false event
    partial = [
        _pred("T1", _event("193", "ARN", "GON")),
        _pred("T2", _event("036", "BRE", "DOL")),
        _pred("T3", _event("010", "ARN")),
    ]
    partial[1]["actors"] = [{"id": "a1", "code": "BRE"}, {"id": "a2", "code": "XXX"}]
    r = scorer.score(PETR_GOLD, partial)
    assert _share(r, "triples") == (1, 3)
    assert _share(r, "gold sources among whodid's actors") == (1, 3)  # BRE in T2; T1 lists no actors
    assert _share(r, "gold targets among whodid's actors") == (1, 3)
    assert _share(r, "triples, CAMEO root") == (2, 3)
    assert _share(r, "dyads") == (2, 3)
    assert _share(r, "event precision") == (1, 3)


@pytest.mark.parametrize("kind", ["quotes", "dates", "places"])
def test_event_records_belong_to_no_other_kind(kind: str) -> None:
    assert select(kind, CAMEO_GOLD[0]) is None
