"""Build ``src/whodid/data/ontology/cameo.tsv`` from the shared CAMEO reference files.

Usage::

    python scripts/build_cameo_table.py [--reference ../shared/reference] [--out src/whodid/data/ontology]

Reads ``cameo_codes.jsonl`` (code, name, Goldstein score), ``goldstein_gdelt.tsv`` (GDELT's
Goldstein score for each CAMEO code, columns ``CAMEOEVENTCODE`` and ``GOLDSTEINSCALE``) and
``CAMEO2PLOVER-2021.txt`` (CAMEO code -> PLOVER type, mode, context) and writes one row per code of
``cameo_codes.jsonl``: ``code  name  goldstein  quad_class  plover  plover_mode  plover_context``.

* ``goldstein``: GDELT's score wins: a code that ``goldstein_gdelt.tsv`` has gets exactly GDELT's
  score, whatever ``cameo_codes.jsonl`` says. A code GDELT's table lacks keeps its own score from
  ``cameo_codes.jsonl``; a code with neither takes its nearest scored ancestor's (``0253`` ->
  ``025`` -> ``020``), ancestors' scores being resolved the same way (GDELT first). A root code
  with no score from either source takes the mean of its scored three-digit children, rounded to one
  decimal. GDELT's two-digit root rows (``01`` ... ``20``) are not CAMEO event codes of the table
  and are ignored.
* ``quad_class``: from the two-digit root: 01-05 verbal cooperation (1), 06-08 material cooperation
  (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
* ``plover``: the table's type for the code, else its parent's (``0253`` -> ``025`` -> ``02``);
  empty when neither is mapped (the statement and appeal roots 01 and 02 have no PLOVER line).
* ``plover_mode``, ``plover_context``: the mode and the contexts (``;``-separated) of the same line
  that gave the type; empty when that line gives none.

The output is committed, so the package never needs the reference folder at run time. Only facts
(codes, names, scores, mappings) are carried over; descriptions and usage notes are not.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = ROOT.parent / "shared" / "reference"
DEFAULT_OUT = ROOT / "src" / "whodid" / "data" / "ontology"
GDELT_COLUMNS = ("CAMEOEVENTCODE", "GOLDSTEINSCALE")
HEADER = ("code", "name", "goldstein", "quad_class", "plover", "plover_mode", "plover_context")
_PLOVER_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z]+)\b([^#]*)")


@dataclass(frozen=True)
class PloverLine:
    """One line of CAMEO2PLOVER: the type, the mode and the contexts it gives a CAMEO code."""

    type: str
    mode: str
    context: str  # ";"-separated, as in the table


@dataclass(frozen=True)
class SourceCode:
    """One line of ``cameo_codes.jsonl``, reduced to the facts we keep."""

    code: str
    name: str
    goldstein: float | None


def quad_class(code: str) -> int:
    """The quad class of a CAMEO code, from its two-digit root."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        raise ValueError(f"CAMEO code {code!r} has no root between 01 and 20")
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 else 4


def ancestors(code: str) -> Iterator[str]:
    """The code's ancestors, nearest first: ``0253`` -> ``025``, ``020``, ``02``."""
    if len(code) == 4:
        yield code[:3]
    generic = code[:2] + "0"
    if len(code) >= 3 and code[:3] != generic:
        yield generic
    yield code[:2]


def read_codes(path: Path) -> list[SourceCode]:
    """Read the code table (one JSON object a line), keeping code, name and score only."""
    codes: list[SourceCode] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        record = json.loads(line)
        code, name, score = str(record["code"]), " ".join(str(record["name"]).split()), record["goldstein"]
        if not re.fullmatch(r"\d{3,4}", code):
            raise ValueError(f"{path}:{number}: bad CAMEO code {code!r}")
        codes.append(SourceCode(code, name, None if score is None else float(score)))
    return codes


def read_gdelt_goldstein(path: Path) -> dict[str, float]:
    """Read GDELT's Goldstein table (tab-separated, header ``CAMEOEVENTCODE  GOLDSTEINSCALE``)."""
    scores: dict[str, float] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t")
        header = tuple(f.strip() for f in next(reader, []))
        if header != GDELT_COLUMNS:
            raise ValueError(f"{path}:1: expected the header {' '.join(GDELT_COLUMNS)!r}, found {header!r}")
        for number, fields in enumerate(reader, start=2):
            if not any(f.strip() for f in fields):
                continue
            if len(fields) != len(GDELT_COLUMNS):
                raise ValueError(f"{path}:{number}: expected 2 tab-separated fields, found {len(fields)}")
            code, text = (f.strip() for f in fields)
            if not re.fullmatch(r"\d{2,4}", code):
                raise ValueError(f"{path}:{number}: bad CAMEO code {code!r}")
            if code in scores:
                raise ValueError(f"{path}:{number}: duplicate CAMEO code {code!r}")
            try:
                score = float(text)
            except ValueError:
                raise ValueError(f"{path}:{number}: bad Goldstein score {text!r}") from None
            if not -10.0 <= score <= 10.0:
                raise ValueError(f"{path}:{number}: Goldstein score {score} out of range")
            scores[code] = score
    return scores


def prefer_gdelt(codes: list[SourceCode], gdelt: dict[str, float]) -> list[SourceCode]:
    """The codes with GDELT's score in place of their own wherever GDELT's table has the code."""
    return [replace(c, goldstein=gdelt[c.code]) if c.code in gdelt else c for c in codes]


def read_plover(path: Path) -> dict[str, PloverLine]:
    """Read ``CODE: TYPE, mode, context # comment`` lines; the first line for a code wins."""
    mapping: dict[str, PloverLine] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = _PLOVER_LINE.match(line)
        if match:
            rest = [f.strip() for f in match.group(3).split(",")[1:]] + ["", ""]
            contexts = "; ".join(c.strip() for c in rest[1].split(";") if c.strip())
            mapping.setdefault(match.group(1), PloverLine(match.group(2), rest[0], contexts))
    return mapping


def resolve_goldstein(codes: list[SourceCode]) -> dict[str, float]:
    """Each code's score: its own, else its nearest scored ancestor's, else its children's mean."""
    own = {c.code: c.goldstein for c in codes if c.goldstein is not None}
    roots: dict[str, float] = {}
    for generic in {c.code[:2] + "0" for c in codes}:
        if generic not in own:
            children = [s for code, s in own.items() if len(code) == 3 and code[:2] == generic[:2]]
            if not children:
                raise ValueError(f"root {generic} has no score and no scored children")
            roots[generic] = round(sum(children) / len(children), 1)
    known = {**roots, **own}
    resolved: dict[str, float] = {}
    for c in codes:
        chain = [c.code, *ancestors(c.code)]
        resolved[c.code] = next(known[a] for a in chain if a in known)
    return resolved


def resolve_plover(code: str, mapping: dict[str, PloverLine]) -> PloverLine:
    """The PLOVER line of the code or of its nearest mapped ancestor; empty when none is mapped."""
    return next((mapping[a] for a in (code, *ancestors(code)) if a in mapping), PloverLine("", "", ""))


def build_rows(reference: Path) -> list[tuple[str, ...]]:
    """All output rows (without the header), in code order."""
    gdelt = read_gdelt_goldstein(reference / "goldstein_gdelt.tsv")
    codes = prefer_gdelt(read_codes(reference / "cameo_codes.jsonl"), gdelt)
    plover = read_plover(reference / "CAMEO2PLOVER-2021.txt")
    scores = resolve_goldstein(codes)
    rows: list[tuple[str, ...]] = []
    for c in sorted(codes, key=lambda c: c.code):
        q = str(quad_class(c.code))
        line = resolve_plover(c.code, plover)
        rows.append((c.code, c.name, f"{scores[c.code]:.1f}", q, line.type, line.mode, line.context))
    return rows


def main(argv: list[str] | None = None) -> int:
    """Write ``cameo.tsv``; returns the process exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE, help="shared/reference folder")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="folder to write cameo.tsv into")
    args = parser.parse_args(argv)
    rows = build_rows(args.reference)
    lines = [
        "# CAMEO event codes: name, Goldstein score, quad class, PLOVER type, mode and contexts.",
        "# Generated by scripts/build_cameo_table.py from the CAMEO code table, GDELT's Goldstein",
        "# table (its scores win) and the CAMEO2PLOVER-2021 mapping; do not edit by hand, re-run the script.",
        "\t".join(HEADER),
        *("\t".join(row) for row in rows),
    ]
    args.out.mkdir(parents=True, exist_ok=True)
    target = args.out / "cameo.tsv"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    sys.stderr.write(f"wrote {len(rows)} codes to {target}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
