"""examples/analysis.py run on the demo data (what ``make demo`` stores), as a reader of the example
would run it: it answers its four questions and writes its two figures (issue 11)."""

from __future__ import annotations

import runpy
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "examples" / "analysis.py"
PNG = b"\x89PNG\r\n\x1a\n"


def test_the_analysis_example_answers_on_the_demo_data(
    cli: Callable[..., subprocess.CompletedProcess[str]], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    stored = cli("ingest", str(ROOT / "examples"), "--published", "2024-05-07", "--db", url)
    assert stored.returncode == 0, stored.stderr
    example = runpy.run_path(str(SCRIPT), run_name="analysis")  # its functions, not its __main__ block
    out = tmp_path / "figures"
    assert example["main"](["--db", url, "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    # 1. the most active dyad of the demo articles, Egypt and Ethiopia, with its quad classes
    dyads = printed.split("Most active dyads\n", 1)[1]
    assert dyads.splitlines()[2].startswith("EGY - ETH")
    # 2. that dyad per month, both directions, and its plot
    assert "EGY and ETH per month" in printed and "EGY->ETH" in printed and "ETH->EGY" in printed
    # 3. speakers by resolved actor: a name and its code, never a pronoun
    speakers = printed.split("Speakers quoted most\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert speakers[0].split()[:2] == ["speaker", "code"] and len(speakers) > 1
    assert not any(line.split()[0].lower() in {"he", "she", "they"} for line in speakers[1:])
    # 4. the places of events, and the map
    assert "Places of events" in printed and "Addis Ababa" in printed
    for figure in ("dyad.png", "map.png"):
        assert (out / figure).read_bytes()[:8] == PNG, figure
