"""``whodid eval`` and ``--actors`` from the command line, on gold files and dictionaries we wrote."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from pathlib import Path

CLI = Callable[..., subprocess.CompletedProcess[str]]


GOLD = [
    {
        "id": "CAMEO-111-1",
        "text": "The Ruritanian foreign minister criticized Osterlich on Monday.",
        "cameo_name": "Criticize or denounce",
        "events": [{"code": "111"}],
    },
    {
        "id": "CAMEO-190-1",
        "text": "The weather was mild in the valley.",
        "cameo_name": "Use conventional military force",
        "events": [{"code": "190"}],
    },
]

DICTIONARY = (
    "name\tcode\tfrom\tuntil\taliases\tkind\nOsterlich\tOST\t\t\t\tstate\nRuritanian\tRUR\t\t\t\tstate\n"
)


def test_eval_prints_figures_and_writes_report_and_errors(tmp_path: Path, cli: CLI) -> None:
    gold = tmp_path / "mini_cameo.jsonl"
    gold.write_text("\n".join(json.dumps(g) for g in GOLD) + "\n", encoding="utf-8")
    actors = tmp_path / "mine.tsv"
    actors.write_text(DICTIONARY, encoding="utf-8")
    report, errors = tmp_path / "r.md", tmp_path / "e.jsonl"
    proc = cli(
        "eval", "events", str(gold), "--report", str(report), "--errors", str(errors), "--actors", str(actors)
    )
    assert proc.returncode == 0, proc.stderr
    assert "gold root found: 1/2 = 50.0%" in proc.stdout
    text = report.read_text(encoding="utf-8")
    assert "cameo_manual (2 gold records)" in text and "--actors" in text
    rows = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    missed = [r for r in rows if r["error"] == "miss"]
    assert [r["item"] for r in missed] == ["CAMEO-190-1"]
    assert missed[0]["sentence"] == GOLD[1]["text"]


def test_code_with_actors_uses_the_dictionary_and_reports_bad_lines(tmp_path: Path, cli: CLI) -> None:
    actors = tmp_path / "mine.tsv"
    actors.write_text(DICTIONARY + "Broken\tnot a code\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text(GOLD[0]["text"], encoding="utf-8")
    proc = cli("code", str(article), "--actors", str(actors), "--format", "json")
    assert proc.returncode == 0, proc.stderr
    assert f"{actors}:4:" in proc.stderr and "warning" in proc.stderr
    data = json.loads(proc.stdout)
    codes = {(e["source"]["code"], (e["target"] or {}).get("code")) for e in data["events"]}
    assert ("RURGOV", "OST") in codes


def test_eval_refuses_what_it_cannot_score(tmp_path: Path, cli: CLI) -> None:
    gold = tmp_path / "other.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": "hello"}) + "\n", encoding="utf-8")
    proc = cli("eval", "events", str(gold))
    assert proc.returncode == 2 and "E404" in proc.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"\n', encoding="utf-8")
    proc = cli("eval", "events", str(bad))
    assert proc.returncode == 2 and "E110" in proc.stderr and "bad.jsonl:1" in proc.stderr
    proc = cli("eval", "events", str(tmp_path / "missing.jsonl"))
    assert proc.returncode == 2 and "E105" in proc.stderr
    (tmp_path / "list.csv").write_text("a,b\n", encoding="utf-8")
    proc = cli("code", str(gold), "--actors", str(tmp_path / "list.csv"))
    assert proc.returncode == 2 and "E405" in proc.stderr
