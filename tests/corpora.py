"""Small corpora made from the repository's own example articles (``examples/``)."""

from __future__ import annotations

import json
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def example_copies(directory: Path) -> Path:
    """``directory/corpus.jsonl``: 20 example articles (4 copies of the 5 of nile-dispatches.jsonl,
    each copy a text of its own, so another article in a store) and, after the second copy, a bad
    record (line 11) and a line of no JSON (line 12)."""
    lines = (EXAMPLES / "nile-dispatches.jsonl").read_text(encoding="utf-8").splitlines()
    out: list[str] = []
    for copy in range(4):
        for line in lines:
            record = json.loads(line)
            record["id"] = f"{record['id']}-{copy}"
            record["text"] += f"\n\nThis is copy {copy}."
            out.append(json.dumps(record))
        if copy == 1:
            out += ['{"id": "broken", "text": 12}', "not json"]
    path = directory / "corpus.jsonl"
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    return path
