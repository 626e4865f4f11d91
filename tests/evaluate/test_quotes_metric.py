"""The PolNeAR quotation scorer on small gold records written for these tests (no model needed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from whodid.evaluate.base import empty_prediction
from whodid.evaluate.quotes import SCORERS, PolnearScorer, assign, found, is_direct, ranges_of

TEXT = (
    "“We will build the bridge,” Mayor Lena Park said on Monday.\n"
    "The council said it would vote next week.\n"
    "“It is too expensive,” said Tom Reyes."
)
# offsets of the pieces above
Q1 = (TEXT.index("We will"), TEXT.index("bridge,") + len("bridge,"))
PARK = (TEXT.index("Mayor Lena Park"), TEXT.index("Mayor Lena Park") + len("Mayor Lena Park"))
IND = (TEXT.index("it would"), TEXT.index("next week") + len("next week"))
COUNCIL = (TEXT.index("The council"), TEXT.index("The council") + len("The council"))
Q2 = (TEXT.index("It is too"), TEXT.index("expensive,") + len("expensive,"))
REYES = (TEXT.index("Tom Reyes"), TEXT.index("Tom Reyes") + len("Tom Reyes"))


def span(a: int, b: int) -> dict[str, Any]:
    return {"ranges": [[a, b]], "text": TEXT[a:b]}


def attribution(content: tuple[int, int], source: tuple[int, int] | None) -> dict[str, Any]:
    out: dict[str, Any] = {"content": span(*content), "cue": {"ranges": [], "text": ""}}
    out["source"] = span(*source) if source else {"ranges": [], "text": ""}
    return out


GOLD = {
    "id": "g1",
    "date": "2024-05-06",
    "text": TEXT,
    "attributions": [attribution(Q1, PARK), attribution(IND, COUNCIL), attribution(Q2, REYES)],
}


def quote(
    start: int, end: int, kind: str, speaker: tuple[int, int] | None, actor: str | None = None
) -> dict[str, Any]:
    spk = None
    if speaker is not None or actor is not None:
        spk = {
            "actor": actor,
            "country": None,
            "text": TEXT[speaker[0] : speaker[1]] if speaker else None,
            "start": speaker[0] if speaker else None,
            "end": speaker[1] if speaker else None,
        }
    return {
        "id": "q",
        "text": TEXT[start:end],
        "start": start,
        "end": end,
        "kind": kind,
        "cue": "said",
        "speaker": spk,
        "rule": "quote:cue",
        "confidence": 0.8,
    }


def predicted(quotes: list[dict[str, Any]], actors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    rec = empty_prediction("g1")
    rec["quotes"] = quotes
    rec["actors"] = actors or []
    return rec


def test_accepts_and_inputs() -> None:
    scorer = SCORERS[0]
    assert scorer.accepts(GOLD)
    assert not scorer.accepts({"text": "x", "sentence": "x"})
    inp = scorer.inputs(GOLD)
    assert (inp.id, inp.text, inp.published) == ("g1", TEXT, dt.date(2024, 5, 6))


def test_direct_definition() -> None:
    assert is_direct(TEXT, [Q1])  # marks just outside the content
    assert is_direct(TEXT, [(Q1[0] - 1, Q1[1] + 1)])  # marks inside
    assert not is_direct(TEXT, [IND])
    text = "He said “we will win” and left. She called it a “farce”."
    a = text.index("“we")
    assert is_direct(text, [(a, text.index("” and") + 1)])
    b = text.index("called")
    assert not is_direct(text, [(b, len(text))])
    assert is_direct(text, [(text.index("a “farce") + 2, len(text))])  # trailing "." ignored


def test_ranges_are_merged_and_quotes_lie_in_contents() -> None:
    assert ranges_of({"ranges": [[5, 9], [0, 3], [2, 4]]}) == [(0, 4), (5, 9)]
    assert ranges_of(None) == []
    gold = [[(0, 10)], [(20, 30)]]
    quotes = [(1, 10), (0, 4), (18, 24), (0, 30), (40, 45)]
    lying = assign(gold, quotes)
    # (18, 24): 4 of 6 inside gold 1; (0, 30): only 20 of 30 inside the two, 10 in the larger share
    assert lying == {0: 0, 1: 0, 2: 1}
    hits = found(gold, quotes, lying)
    assert hits == {0: 0}  # gold 1 is covered 4/10: not found; gold 0 by the quote covering most


def test_perfect() -> None:
    pred = predicted(
        [
            quote(*Q1, "direct", PARK),
            quote(*IND, "indirect", COUNCIL),
            quote(*Q2, "direct", None, actor="a1"),  # right through the actor's mention
        ],
        actors=[{"id": "a1", "mentions": [{"start": REYES[0], "end": REYES[1]}]}],
    )
    res = PolnearScorer().score([GOLD], [pred])
    for name in (
        "direct-quote speaker",
        "direct-quote spans",
        "all-attribution speaker",
        "all-attribution spans",
    ):
        assert res.prfs[name].f1 == 1.0, name
    assert res.categories["attribution kind"]["direct"].f1 == 1.0
    assert res.categories["attribution kind"]["indirect"].f1 == 1.0
    assert not res.errors
    assert res.targets["direct-quote speaker"][0] == 0.80
    assert res.definitions


def test_empty() -> None:
    res = PolnearScorer().score([GOLD], [empty_prediction("g1")])
    assert all(p.f1 == 0.0 for p in res.prfs.values())
    assert res.prfs["direct-quote speaker"].fn == 2
    assert res.prfs["all-attribution spans"].fn == 3
    assert [e.error for e in res.errors] == ["miss", "miss"]


def test_partial_hand_computed() -> None:
    pred = predicted(
        [
            quote(*Q1, "partial", COUNCIL),  # lies in Q1, wrong speaker (partial: not a direct quote)
            quote(IND[0], IND[0] + 5, "indirect", COUNCIL),  # lies in IND, covers under half of it
            quote(Q2[0], Q2[1] - 3, "direct", REYES),  # 17 of 20 characters of Q2, right speaker
            quote(0, 1, "direct", None),  # a stray quote, in no content
        ]
    )
    res = PolnearScorer().score([GOLD], [pred])
    spans, speaker = res.prfs["direct-quote spans"], res.prfs["direct-quote speaker"]
    assert (spans.tp, spans.fp, spans.found, spans.fn) == (1, 1, 2, 0)
    assert (speaker.tp, speaker.fp, speaker.found, speaker.fn) == (1, 1, 1, 1)
    assert speaker.f1 == pytest.approx(0.5)
    every = res.prfs["all-attribution speaker"]
    assert (every.tp, every.fp, every.found, every.fn) == (2, 2, 1, 2)
    assert every.f1 == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))  # 0.4
    kinds = res.categories["attribution kind"]
    assert (kinds["direct"].tp, kinds["direct"].fp, kinds["direct"].found, kinds["direct"].fn) == (1, 1, 1, 1)
    assert (kinds["indirect"].tp, kinds["indirect"].found, kinds["indirect"].fn) == (1, 0, 1)
    assert kinds["(none)"].fp == 1
    assert sorted(e.error for e in res.errors) == ["false_positive", "wrong_speaker"]


def test_missing_source_is_never_a_right_speaker() -> None:
    gold = dict(GOLD, attributions=[attribution(Q1, None)])
    res = PolnearScorer().score([gold], [predicted([quote(*Q1, "direct", PARK)])])
    assert res.prfs["direct-quote spans"].tp == 1
    assert res.prfs["direct-quote speaker"].tp == 0


def test_several_content_ranges_form_one_content() -> None:
    text = "“We are ready,” she said, “and we will win.”"
    a, b = text.index("We are"), text.index("ready,") + len("ready,")
    c, d = text.index("and we"), text.index("win.") + len("win.")
    gold = {
        "id": "g2",
        "text": text,
        "attributions": [
            {"content": {"ranges": [[a - 1, b + 1], [c - 1, d + 1]]}, "source": {"ranges": [[16, 19]]}}
        ],
    }
    assert is_direct(text, ranges_of(gold["attributions"][0]["content"]))
    rec = empty_prediction("g2")
    assert text[16:19] == "she"
    she = {"start": 16, "end": 19}
    # two whodid quotes for the two pieces of one gold content: both right, the content found once
    rec["quotes"] = [
        {"start": a, "end": b, "kind": "direct", "speaker": she},
        {"start": c, "end": d, "kind": "direct", "speaker": she},
    ]
    res = PolnearScorer().score([gold], [rec])
    speaker = res.prfs["direct-quote speaker"]
    assert (speaker.tp, speaker.fp, speaker.found, speaker.fn) == (2, 0, 1, 0)
    # the union is 33 characters: the second piece alone (16) covers under half: right, not found
    rec["quotes"] = rec["quotes"][1:]
    res = PolnearScorer().score([gold], [rec])
    speaker = res.prfs["direct-quote speaker"]
    assert (speaker.tp, speaker.found, speaker.fn) == (1, 0, 1)
