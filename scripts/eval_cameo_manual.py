"""Code the CAMEO manual's example sentences and report how often whodid finds the gold CAMEO root.

usage: python scripts/eval_cameo_manual.py [--gold ../shared/gold/events/cameo_manual.jsonl] [--errors F]

Metric (also in docs/ACCURACY.md): a sentence counts as a hit when at least one event whodid codes in
it has the same CAMEO root (first two digits) as one of the sentence's gold codes; the same for the
full code; and events per sentence (over-coding shows there). Sentences are coded without a
publication date, one record each. Exits 0 with a message when the gold file is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_GOLD = Path(__file__).resolve().parents[1].parent / "shared/gold/events/cameo_manual.jsonl"


@dataclass
class CameoScore:
    """Counts behind the CAMEO-manual figures."""

    sentences: int = 0
    root_hits: int = 0
    code_hits: int = 0
    events: int = 0
    root_total: Counter[str] = field(default_factory=Counter)
    root_hit: Counter[str] = field(default_factory=Counter)

    @property
    def root_share(self) -> float:
        return self.root_hits / self.sentences if self.sentences else 0.0

    @property
    def code_share(self) -> float:
        return self.code_hits / self.sentences if self.sentences else 0.0

    @property
    def events_per_sentence(self) -> float:
        return self.events / self.sentences if self.sentences else 0.0


def score(gold: Iterable[dict[str, Any]], coded: Iterable[Sequence[str]]) -> CameoScore:
    """Score pairs of (gold record, the CAMEO codes whodid produced for its sentence)."""
    out = CameoScore()
    for record, codes in zip(gold, coded, strict=True):
        gold_codes = {e["code"] for e in record["events"] if e.get("code")}
        roots = {c[:2] for c in gold_codes}
        got_roots = {c[:2] for c in codes}
        out.sentences += 1
        out.events += len(codes)
        root_ok = bool(roots & got_roots)
        out.root_hits += root_ok
        out.code_hits += bool(gold_codes & set(codes))
        for r in roots:
            out.root_total[r] += 1
            out.root_hit[r] += root_ok
    return out


def report(s: CameoScore) -> str:
    lines = [
        f"sentences: {s.sentences}",
        f"gold root found: {s.root_hits}/{s.sentences} = {s.root_share:.1%}",
        f"gold full code found: {s.code_hits}/{s.sentences} = {s.code_share:.1%}",
        f"events per sentence: {s.events_per_sentence:.2f}",
        "per gold root: " + " ".join(f"{r}:{s.root_hit[r]}/{s.root_total[r]}" for r in sorted(s.root_total)),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--errors", type=Path, help="write every missed sentence with whodid's output as JSONL")
    a = ap.parse_args(argv)
    if not a.gold.is_file():
        print(f"skipped: {a.gold} not found (the gold data lives in ../shared)")
        return 0
    from whodid.pipeline import load

    gold = [json.loads(line) for line in a.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    pipeline = load()
    records = list(pipeline.code_many([{"id": g["id"], "text": g["text"]} for g in gold]))
    coded = [[e.cameo for e in r.events] for r in records]
    print(report(score(gold, coded)))
    if a.errors:
        with a.errors.open("w", encoding="utf-8") as f:
            for g, r, codes in zip(gold, records, coded, strict=True):
                roots = {e["code"][:2] for e in g["events"] if e.get("code")}
                if not roots & {c[:2] for c in codes}:
                    f.write(
                        json.dumps(
                            {
                                "id": g["id"],
                                "text": g["text"],
                                "gold": sorted(roots),
                                "whodid": [(e.cameo, e.rule) for e in r.events],
                            }
                        )
                        + "\n"
                    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
