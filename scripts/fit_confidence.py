"""Fit the calibrated confidence model (src/whodid/events/confidence.py) on whole-article gold.

usage: python scripts/fit_confidence.py [--gold ../shared/gold/articles] [--write] [--report FILE.md]

Codes every gold article in-process, labels each whodid event right (its sentence, source and target
keys and CAMEO root match a gold event, required or optional: the precision of
``whodid eval articles``) or wrong, and fits a logistic model with an L2 penalty over the events'
features (``event_features``). It prints the reliability table of a cross-fit (the weights fitted on
half A predict half B and the other way round, so every event is predicted by weights that never saw
its article) and, with ``--write``, stores the weights fitted on all articles in
``src/whodid/data/events/confidence.tsv``. Without ../shared it says so and exits 0.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT.parent / "shared" / "gold" / "articles"
OUT = ROOT / "src" / "whodid" / "data" / "events" / "confidence.tsv"
PENALTY = 3.0  # L2 on every weight but the bias; chosen so the cross-fit bands stay calibrated
MIN_COUNT = 3  # features seen on fewer events are left out of the model
BANDS = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01)


Row = tuple[str, list[str], int, frozenset[str]]


def labelled_events(gold_dir: Path) -> tuple[list[Row], int]:
    """(half, features, right, required gold events it finds) for every event whodid codes in the gold
    articles, and the number of required gold events."""
    from whodid.evaluate.articles import event_matches, read_folder
    from whodid.events.confidence import event_features
    from whodid.nlp.state import state
    from whodid.pipeline import load
    from whodid.record import build_record

    pipeline = load(min_confidence=0.0)  # every event the coder finds: the model decides which to keep
    out: list[Row] = []
    required = 0
    for art in read_folder(gold_dir):
        doc = pipeline.make_doc(art.text, published=_date(art.published), id=art.name)
        pipeline.run_stages(doc)
        st = state(doc)
        events = build_record(doc).to_dict()["events"]
        golds = [(g, art.text.find(g["anchor"])) for g in art.gold.get("events", [])]
        required += sum(1 for g, _ in golds if g.get("required"))
        for ev, rec in zip(st.events, events, strict=True):
            right = any(event_matches(rec, g, pos, "root") for g, pos in golds)
            found = frozenset(
                f"{art.name}/{g['id']}"
                for g, pos in golds
                if g.get("required") and event_matches(rec, g, pos, "root")
            )
            out.append((art.half, event_features(ev, st), int(right), found))
    return out, required


def _date(value: str | None):  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date.fromisoformat(value) if value else None


def fit(rows: list[tuple[list[str], int]], names: list[str]) -> np.ndarray:
    """Weights (one per name) of an L2-penalized logistic regression, by Newton's method."""
    index = {n: k for k, n in enumerate(names)}
    x = np.zeros((len(rows), len(names)))
    y = np.array([r for _, r in rows], dtype=float)
    for i, (feats, _) in enumerate(rows):
        for f in feats:
            if f in index:
                x[i, index[f]] = 1.0
    penalty = np.full(len(names), PENALTY)
    penalty[index["bias"]] = 0.0
    w = np.zeros(len(names))
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x.T * (p * (1 - p))) @ x + np.diag(penalty + 1e-6)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def predict(w: np.ndarray, names: list[str], feats: list[str]) -> float:
    index = {n: k for k, n in enumerate(names)}
    z = sum(w[index[f]] for f in feats if f in index)
    return float(1.0 / (1.0 + np.exp(-z)))


def reliability(pairs: list[tuple[float, int]]) -> list[tuple[str, int, float, float]]:
    """(band, events, mean predicted, observed precision) for each band of predicted confidence."""
    out = []
    for lo, hi in itertools.pairwise(BANDS):
        inside = [(p, r) for p, r in pairs if lo <= p < hi]
        if inside:
            mean = sum(p for p, _ in inside) / len(inside)
            observed = sum(r for _, r in inside) / len(inside)
            out.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", len(inside), mean, observed))
    return out


THRESHOLDS = (0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)


def threshold_table(
    scored: list[tuple[float, int, frozenset[str]]], required: int
) -> list[tuple[float, int, int, float, float]]:
    """(threshold, events kept, right among them, precision, required-event recall) per threshold."""
    out = []
    for t in THRESHOLDS:
        kept = [(r, found) for p, r, found in scored if p >= t]
        right = sum(r for r, _ in kept)
        recall = len(frozenset().union(*(f for _, f in kept))) / required if required else 0.0
        out.append((t, len(kept), right, right / len(kept) if kept else 0.0, recall))
    return out


def markdown(scored: list[tuple[float, int, frozenset[str]]], names: list[str], required: int) -> str:
    cross = [(p, r) for p, r, _ in scored]
    lines = [
        "| predicted confidence | events | mean predicted | observed precision | gap |",
        "|---|---|---|---|---|",
    ]
    for band, n, mean, obs in reliability(cross):
        lines.append(f"| {band} | {n} | {mean:.3f} | {obs:.3f} | {abs(mean - obs):.3f} |")
    lines += [
        "",
        "| --min-confidence | events kept | right | precision | required-event recall |",
        "|---|---|---|---|---|",
    ]
    for t, n, right, prec, rec in threshold_table(scored, required):
        lines.append(f"| {t:.2f} | {n} | {right} | {prec:.3f} | {rec:.3f} |")
    lines.append("")
    lines.append(f"{len(scored)} events of the gold articles; {len(names)} features in the model.")
    return "\n".join(lines)


SECTION_BEGIN = "<!-- calibration: generated by scripts/fit_confidence.py -->"
SECTION_END = "<!-- end of calibration -->"
SECTION_INTRO = f"""## Calibrated confidence (the reliability of `confidence`)

```sh
python scripts/fit_confidence.py --accuracy docs/ACCURACY.md   # these tables (make eval runs it)
python scripts/fit_confidence.py --write                       # refit the shipped weights
```

An event's `confidence` is the probability, from a logistic model over the record's typed features
(`src/whodid/events/confidence.py`), that it matches a gold event (the precision of the table above).
The tables below are a cross-fit: the weights fitted on the articles of half A predict the events of
half B and the other way round, so no event is predicted by weights that saw its article. Every event
whodid codes is counted here (`--min-confidence 0`). The shipped weights
(`src/whodid/data/events/confidence.tsv`) are fitted on all the articles with the same penalty
({PENALTY}). The default `--min-confidence` ({{default}}) is the threshold of the second table where
precision rises most for the least recall.
"""


def write_section(path: Path, report: str) -> None:
    """Replace (or add, after the whole-article section) the calibration section of ``path``."""
    from whodid.events.confidence import DEFAULT_MIN_CONFIDENCE

    intro = SECTION_INTRO.format(default=DEFAULT_MIN_CONFIDENCE)
    section = f"{SECTION_BEGIN}\n{intro}\n{report}\n{SECTION_END}"
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if SECTION_BEGIN in text and SECTION_END in text:
        head, rest = text.split(SECTION_BEGIN, 1)
        tail = rest.split(SECTION_END, 1)[1]
        text = head + section + tail
    elif "<!-- end of whole articles -->" in text:
        head, tail = text.split("<!-- end of whole articles -->", 1)
        text = head + "<!-- end of whole articles -->\n\n" + section + tail
    else:
        text = text + "\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    ap.add_argument("--write", action="store_true", help="store the weights fitted on all articles")
    ap.add_argument("--report", type=Path, help="write the reliability tables as Markdown")
    ap.add_argument(
        "--accuracy",
        type=Path,
        help="put the tables into this file's calibration section (docs/ACCURACY.md), between its markers",
    )
    a = ap.parse_args(argv)
    if not a.gold.is_dir():
        print(f"fit_confidence: {a.gold} is not there; nothing fitted", file=sys.stderr)
        return 0
    data, required = labelled_events(a.gold)
    counts = Counter(f for _, feats, _, _ in data for f in feats)
    names = sorted(f for f, n in counts.items() if n >= MIN_COUNT or f == "bias")
    scored: list[tuple[float, int, frozenset[str]]] = []
    for held in ("A", "B"):
        w = fit([(f, r) for h, f, r, _ in data if h != held], names)
        scored += [(predict(w, names, f), r, found) for h, f, r, found in data if h == held]
    report = markdown(scored, names, required)
    print(report)
    if a.report:
        a.report.write_text(report + "\n", encoding="utf-8")
    if a.accuracy:
        write_section(a.accuracy, report)
    if a.write:
        w = fit([(f, r) for _, f, r, _ in data], names)
        lines = [
            "# Weights of the calibrated confidence model (src/whodid/events/confidence.py): the",
            "# log-odds each feature adds. Written by scripts/fit_confidence.py --write from the",
            "# whole-article gold; do not edit by hand. note: on how many gold-article events it was seen.",
            "feature\tweight\tnote",
        ]
        lines += [f"{n}\t{w[k]:.4f}\t{counts[n]} events" for k, n in enumerate(names)]
        OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"wrote {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
