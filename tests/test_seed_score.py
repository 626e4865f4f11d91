"""The seed article against its gold annotation, scored by ../shared/tools/score_article.py.

Skipped when ../shared is absent. The floors are those of the core issue; the article text and its
annotation are read from ../shared at test time and never copied into the repository.
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from whodid.pipeline import Pipeline

SEED = "seed/anchorage-2021-03-17"
FLOORS = {  # name: minimum hits (for counts) or maximum (for the error counters)
    "event_recall_root": 10,
    "event_dates": 5,
    "quotes": 11,
    "speakers": 10,
    "actors": 12,
    "dates": 7,
    "places": 9,
}
MUST_BE_ZERO = ("actors_taken_for_places", "events_in_negative_sentences", "background_dated_today")


@pytest.fixture(scope="module")
def seed_report(pipeline: Pipeline, shared_dir: Path, reference_scorer: ModuleType) -> dict[str, Any]:
    text = (shared_dir / f"{SEED}.txt").read_text(encoding="utf-8")
    gold = json.loads((shared_dir / f"{SEED}.gold.json").read_text(encoding="utf-8"))
    out = pipeline.code(text, published=gold["published"]).to_dict()
    report, _detail = reference_scorer.score(text, gold, json.loads(json.dumps(out)))
    return dict(report)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_seed_floor(seed_report: dict[str, Any], name: str) -> None:
    hit, total = seed_report[name]
    assert hit >= FLOORS[name], f"{name} = {hit}/{total}, floor {FLOORS[name]}"


def test_seed_event_precision(seed_report: dict[str, Any]) -> None:
    good, total = seed_report["event_precision_root"]
    assert total > 0 and good / total >= 0.8, f"event_precision_root = {good}/{total}"


@pytest.mark.parametrize("name", MUST_BE_ZERO)
def test_seed_zero_errors(seed_report: dict[str, Any], name: str) -> None:
    assert seed_report[name] == 0
