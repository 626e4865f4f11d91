"""Rendering of evaluation results: terminal summary, Markdown report, error lines."""

from __future__ import annotations

import json
from pathlib import Path

from whodid.evaluate.base import PRF, Confusion, ErrorRow, EvalResult, Share
from whodid.evaluate.report import markdown, summary, write_errors


def _result() -> EvalResult:
    conf = Confusion()
    conf.add("17", "17")
    conf.add("17", "NONE")
    conf.add("04", "17")
    return EvalResult(
        kind="events",
        dataset="mini",
        items=3,
        shares=[Share("gold root found", 2, 3, target=0.75, anchor="an anchor")],
        prfs={"speaker": PRF(tp=3, fp=1, fn=2, found=2)},
        targets={"speaker": (0.8, "another anchor")},
        categories={"CAMEO root": {"17": PRF(1, 1, 1)}},
        confusion=conf,
        confusion_title="Gold against whodid",
        errors=[ErrorRow("r1", "miss", "root 04", "A sentence.", ["04"], [], None)],
        definitions=["how it is counted"],
        figures={"events per sentence": "1.33"},
    )


def test_summary_has_figures_targets_categories_and_confusion() -> None:
    text = summary(_result())
    assert "gold root found: 2/3 = 66.7%  (target 75.0%: NOT met)" in text
    assert "speaker: P 0.750 R 0.500 F1 0.600" in text and "gold found 2" in text
    assert "events per sentence: 1.33" in text
    rows = [line.split() for line in text.splitlines() if line.strip().startswith(("04", "17"))]
    assert ["04", ".", "1", "."] in rows and ["17", ".", "1", "1"] in rows


def test_markdown_report(tmp_path: Path) -> None:
    md = markdown(_result(), command="whodid eval events mini.jsonl")
    assert "## events: mini (3 gold records)" in md
    assert "- how it is counted" in md and "whodid eval events mini.jsonl" in md
    assert "| gold root found | 2/3 = **66.7%** | 75.0% (**not met**) | an anchor |" in md
    assert "| **17** | · | 1 | 1 |" in md
    path = tmp_path / "errors.jsonl"
    assert write_errors(_result(), path) == 1
    row = json.loads(path.read_text(encoding="utf-8"))
    assert row["dataset"] == "mini" and row["error"] == "miss" and row["sentence"] == "A sentence."
