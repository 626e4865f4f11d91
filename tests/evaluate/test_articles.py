"""``whodid eval articles``: whole articles against gold events, with every error given its cause.

The small articles are invented here (short sentences, one a line, but for two side by side where a
test needs a neighbouring sentence); with ../shared present, the figures on the seed article and on
every gold article are checked against the workspace's reference scorer (tools/score_article.py)
applied to the same whodid output.
"""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from whodid.errors import WhodidError
from whodid.evaluate import articles
from whodid.evaluate.articles import (
    BACKGROUND_TODAY,
    COUNTERS,
    FALSE_POSITIVE,
    MISS,
    PAIRS,
    ArticlesResult,
    Coded,
    GoldArticle,
    code,
    half_of,
    read_folder,
    score_article,
)
from whodid.pipeline import Pipeline

CLI = Callable[..., subprocess.CompletedProcess[str]]

PUBLISHED = "2024-05-08"  # a Wednesday

# half A ("alpha"): a hit, a wrong root, nothing coded, a negative sentence, a background event,
# a sentence with no gold event, a wrong source key (countries on both sides: stable codes)
ALPHA = (
    "China criticized Japan on Tuesday.\n"
    "The Russian army shelled Ukraine on Monday.\n"
    "Ukraine's president spent the weekend at home.\n"
    "Brazil criticized Argentina.\n"
    "Egypt condemned Israel.\n"
    "Cuba denounced Spain.\n"
    "Vietnam condemned China.\n"
)


def _event(eid: str, anchor: str, source: list[Any], target: list[Any], cameo: list[str], **kw: Any) -> Any:
    return {
        "id": eid,
        "required": True,
        "anchor": anchor,
        "source": source,
        "target": target,
        "cameo": cameo,
        **kw,
    }


ALPHA_GOLD = {
    "events": [
        _event("E1", "criticized Japan", ["CHN"], ["JPN"], ["111"], date="2024-05-07"),
        _event("E2", "army shelled Ukraine", ["RUS"], ["UKR"], ["042", "043"], date="2024-05-06"),
        _event("E3", "spent the weekend", ["UKR"], [None], ["040"]),
        _event("E4", "Egypt condemned", ["EGY"], ["ISR"], ["111"], required=False, background=True),
        _event("E5", "Vietnam condemned", ["PHL"], ["CHN"], ["111"]),
    ],
    "negative": [{"anchor": "Brazil criticized", "note": "invented: taken as a negative sentence"}],
}
# half B ("gamma"): a wrong target key, an event whodid finds in the next sentence, wrong actors
GAMMA = (
    "Iran threatened Iraq on Friday.\n"
    "Syria's foreign minister spoke in Damascus on Thursday. He denounced Turkey.\n"
    "Saudi Arabia praised Qatar.\n"
)
GAMMA_GOLD = {
    "events": [
        _event("E1", "Iran threatened Iraq", ["IRN"], ["SAU"], ["138", "130"], date="2024-05-03"),
        _event("E2", "spoke in Damascus", ["SYR"], ["TUR"], ["111"]),
        _event("E3", "praised Qatar", ["ARE"], ["BHR"], ["051"]),
    ],
    "negative": [],
}


def _write(folder: Path, name: str, text: str, gold: dict[str, Any]) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    full = {"article": f"{name}.txt", "published": PUBLISHED, "quotes": [], "actors": [], "dates": []}
    full |= {"places": [], **gold}
    (folder / f"{name}.gold.json").write_text(json.dumps(full), encoding="utf-8")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("articles")
    _write(out, "alpha", ALPHA, ALPHA_GOLD)
    _write(out, "gamma", GAMMA, GAMMA_GOLD)
    return out


@pytest.fixture(scope="module")
def result(pipeline: Pipeline, folder: Path) -> ArticlesResult:
    return articles.evaluate(pipeline, read_folder(folder), directory=folder)


def _causes(result: ArticlesResult, kind: str) -> Counter[str]:
    return Counter(e.cause for e in result.errors if e.kind == kind)


def test_halves_are_stable_and_named() -> None:
    assert half_of("alpha") == "A" and half_of("gamma") == "B"
    assert {half_of(f"n{k}") for k in range(20)} == {"A", "B"}


def test_counts_per_article_and_per_half(result: ArticlesResult) -> None:
    alpha, gamma = result.scores
    assert (alpha.name, alpha.half, gamma.name, gamma.half) == ("alpha", "A", "gamma", "B")
    assert alpha.report == {
        "event_recall_root": (1, 4),
        "event_recall_code": (1, 4),
        "event_precision_root": (2, 6),
        "event_dates": (1, 2),
        "background_dated_today": 1,
        "events_in_negative_sentences": 1,
    }
    assert gamma.report["event_recall_root"] == (0, 3) and gamma.report["event_precision_root"] == (0, 3)
    every, half_a, half_b = result.totals(), result.totals("A"), result.totals("B")
    assert every.pairs["event_recall_root"] == [1, 7] and every.pairs["event_precision_root"] == [2, 9]
    assert half_a.pairs["event_recall_root"] == [1, 4] and half_b.pairs["event_recall_root"] == [0, 3]
    assert [name for name, _ in result.columns()] == ["all", "half A", "half B"]


def test_every_false_positive_and_miss_has_one_cause(result: ArticlesResult) -> None:
    assert _causes(result, FALSE_POSITIVE) == {
        "negative sentence": 1,  # Brazil criticized Argentina: a negative anchor's sentence
        "not an event": 2,  # Cuba denounced Spain; He denounced Turkey (no gold event there)
        "wrong root": 1,  # RUS -> UKR shelling where the gold says 04
        "wrong source key": 1,  # Vietnam where the gold says PHL
        "wrong target key": 1,  # Iran -> Iraq where the gold says SAU
        "wrong actors": 1,  # SAU -> QAT where the gold says ARE -> BHR
    }
    assert _causes(result, MISS) == {
        "wrong root": 1,
        "no event in sentence": 1,  # "spent the weekend": whodid coded nothing there
        "wrong source key": 1,
        "wrong target key": 1,
        "wrong actors": 1,
        "wrong sentence": 1,  # SYR -> TUR 111 is in the next sentence
    }
    every = result.totals()
    fp = sum(n for (kind, _), n in every.causes.items() if kind == FALSE_POSITIVE)
    misses = sum(n for (kind, _), n in every.causes.items() if kind == MISS)
    assert fp == 9 - 2 and misses == 7 - 1


def test_error_rows_carry_sentence_gold_and_cli(result: ArticlesResult, tmp_path: Path, cli: CLI) -> None:
    rows = {(e.kind, e.cause): e.to_dict() for e in result.errors}
    nothing = rows[(MISS, "no event in sentence")]
    assert nothing["article"] == "alpha" and nothing["whodid"] is None
    assert nothing["sentence"] == "Ukraine's president spent the weekend at home."
    assert nothing["gold"]["id"] == "E3" and nothing["gold"]["anchor"] == "spent the weekend"
    root = rows[(FALSE_POSITIVE, "wrong root")]
    assert root["gold"]["id"] == "E2" and root["whodid"]["source_country"] == "RUS"
    assert root["whodid"]["cameo"].startswith("19") and root["whodid"]["rule"]
    assert {
        "source_code",
        "target_code",
        "target_country",
        "confidence",
        "evidence_text",
        "modality",
        "date",
    } <= set(root["whodid"])
    background = rows[(BACKGROUND_TODAY, "background dated today")]
    assert background["gold"]["id"] == "E4" and background["whodid"]["date"] == PUBLISHED
    negative = rows[(FALSE_POSITIVE, "negative sentence")]
    assert negative["sentence"] == "Brazil criticized Argentina."
    assert negative["gold"] == {"anchor": "Brazil criticized", "negative": True}
    moved = rows[(MISS, "wrong sentence")]
    assert moved["whodid"]["target_key"] == "TUR" and moved["gold"]["id"] == "E2"
    out = tmp_path / "errors.jsonl"
    n = articles.write_errors(result, out)
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n == len(lines) == len(result.errors) == 7 + 6 + 1


def test_half_and_limit_select_articles(folder: Path) -> None:
    assert [a.name for a in read_folder(folder, half="B")] == ["gamma"]
    assert [a.name for a in read_folder(folder, limit=1)] == ["alpha"]


def test_unreadable_folders_are_refused(tmp_path: Path) -> None:
    with pytest.raises(WhodidError) as missing:
        read_folder(tmp_path / "nowhere")
    assert missing.value.code == "E105"
    with pytest.raises(WhodidError) as empty:
        read_folder(tmp_path)
    assert empty.value.code == "E410"
    (tmp_path / "bad.gold.json").write_text("{", encoding="utf-8")
    with pytest.raises(WhodidError) as bad:
        read_folder(tmp_path)
    assert bad.value.code == "E110"
    (tmp_path / "bad.gold.json").write_text(json.dumps({"published": PUBLISHED, "events": []}))
    with pytest.raises(WhodidError) as no_text:
        read_folder(tmp_path)
    assert no_text.value.code == "E105" and "bad.txt" in no_text.value.message


def test_without_sentences_the_figures_are_the_same(
    result: ArticlesResult, folder: Path, pipeline: Pipeline
) -> None:
    arts = read_folder(folder)
    for art, coded in zip(arts, code(pipeline, arts), strict=True):
        rough = score_article(art.name, art.text, art.gold, coded.record)
        exact = score_article(art.name, art.text, art.gold, coded.record, coded.sentences)
        assert rough.report == exact.report
        assert Counter((e.kind, e.cause) for e in rough.errors) == Counter(
            (e.kind, e.cause) for e in exact.errors
        )


# -- the command line ---------------------------------------------------------------------------


def test_cli_prints_totals_halves_causes_and_writes_files(folder: Path, tmp_path: Path, cli: CLI) -> None:
    errors, report = tmp_path / "e.jsonl", tmp_path / "r.md"
    proc = cli("eval", "articles", str(folder), "--errors", str(errors), "--report", str(report))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.splitlines()
    assert any(line.startswith("alpha") and "recall  1/4" in line for line in lines)
    recall = next(line for line in lines if line.strip().startswith("recall (root)"))
    assert recall.split()[2:] == ["1/7", "=", "14.3%", "1/4", "=", "25.0%", "0/3", "=", "0.0%"]
    assert "misses by cause:" in proc.stdout and "wrong sentence" in proc.stdout
    assert len(errors.read_text(encoding="utf-8").splitlines()) == 14
    text = report.read_text(encoding="utf-8")
    assert "Whole articles" in text and f"whodid eval articles {folder}" in text and "| half B |" in text


def test_cli_one_half_as_json_and_refusals(folder: Path, cli: CLI) -> None:
    proc = cli("eval", "articles", str(folder), "--half", "B", "--json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["half"] == "B" and list(data["articles"]) == ["gamma"] and list(data["totals"]) == ["all"]
    assert data["totals"]["all"]["event_recall_root"] == [0, 3]
    assert data["totals"]["all"]["causes"]["miss"]["wrong sentence"] == 1
    proc = cli("eval", "articles", str(folder / "missing"))
    assert proc.returncode == 2 and "E105" in proc.stderr
    proc = cli("eval", "events", str(folder / "alpha.gold.json"), "--half", "A")
    assert proc.returncode == 2 and "E410" in proc.stderr


# -- the same figures as the reference scorer -------------------------------------------------------


@pytest.fixture(scope="module")
def gold_articles(pipeline: Pipeline, shared_dir: Path) -> tuple[list[GoldArticle], list[Coded]]:
    """Every gold article of ../shared/gold/articles, coded once."""
    arts = read_folder(shared_dir / "gold" / "articles")
    return arts, code(pipeline, arts)


def _compare(reference: ModuleType, arts: list[GoldArticle], coded: list[Coded]) -> dict[str, Any]:
    """Score each article with both scorers on the same output; return the summed reference figures."""
    mine = ArticlesResult(Path("."), [])
    totals: dict[str, Any] = {k: [0, 0] for k in PAIRS} | dict.fromkeys(COUNTERS, 0)
    for art, c in zip(arts, coded, strict=True):
        out = json.loads(json.dumps(c.record))  # what `whodid code --format jsonl` prints
        ref, _detail = reference.score(art.text, art.gold, out)
        score = score_article(art.name, art.text, art.gold, out, c.sentences)
        assert score.report == {k: ref[k] for k in (*PAIRS, *COUNTERS)}, art.name
        mine.scores.append(score)
        for k in PAIRS:
            totals[k] = [totals[k][0] + ref[k][0], totals[k][1] + ref[k][1]]
        for k in COUNTERS:
            totals[k] += ref[k]
    every = mine.totals()
    assert {**every.pairs, **every.counters} == totals
    # every error has exactly one cause
    fp = sum(n for (kind, _), n in every.causes.items() if kind == FALSE_POSITIVE)
    misses = sum(n for (kind, _), n in every.causes.items() if kind == MISS)
    background = sum(n for (kind, _), n in every.causes.items() if kind == BACKGROUND_TODAY)
    assert fp == totals["event_precision_root"][1] - totals["event_precision_root"][0]
    assert misses == totals["event_recall_root"][1] - totals["event_recall_root"][0]
    assert background == totals["background_dated_today"]
    for half in ("A", "B"):
        part = mine.totals(half)
        assert part.articles == sum(1 for a in arts if a.half == half)
    return totals


def test_seed_figures_equal_the_reference(
    pipeline: Pipeline, shared_dir: Path, reference_scorer: ModuleType
) -> None:
    arts = read_folder(shared_dir / "seed")
    assert [a.name for a in arts] == ["anchorage-2021-03-17"]
    totals = _compare(reference_scorer, arts, code(pipeline, arts))
    assert totals["event_recall_root"][1] > 0


@pytest.mark.slow  # codes the 44 gold articles: about 10 s, the longest test of the fast suite
def test_gold_folder_figures_equal_the_reference(
    reference_scorer: ModuleType, gold_articles: tuple[list[GoldArticle], list[Coded]]
) -> None:
    arts, coded = gold_articles
    assert len(arts) == 44
    totals = _compare(reference_scorer, arts, coded)
    assert totals["event_recall_root"][1] == 382  # required gold events (../shared/gold/README.md)
    a, b = (sum(1 for x in arts if x.half == h) for h in ("A", "B"))
    assert a + b == 44 and a > 0 and b > 0
