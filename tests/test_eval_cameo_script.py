"""The CAMEO-manual metric, on small gold records written for this test."""

from __future__ import annotations

from scripts.eval_cameo_manual import score

GOLD = [
    {"id": "a", "text": "x", "events": [{"code": "0253"}]},
    {"id": "b", "text": "y", "events": [{"code": "190"}]},
    {"id": "c", "text": "z", "events": [{"code": "112"}, {"code": "111"}]},
]


def test_perfect_output_scores_one() -> None:
    s = score(GOLD, [["0253"], ["190"], ["111"]])
    assert s.root_share == 1.0 and s.code_share == 1.0 and s.events_per_sentence == 1.0


def test_empty_output_scores_zero() -> None:
    s = score(GOLD, [[], [], []])
    assert s.root_share == 0.0 and s.code_share == 0.0 and s.events_per_sentence == 0.0


def test_partial_output_matches_hand_count() -> None:
    # a: right root, wrong sub-code; b: wrong root; c: right full code plus an extra event
    s = score(GOLD, [["025"], ["180"], ["112", "010"]])
    assert (s.root_hits, s.code_hits, s.events) == (2, 1, 4)
    assert s.root_total["02"] == 1 and s.root_hit["19"] == 0
