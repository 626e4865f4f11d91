"""Render an ``EvalResult``: a plain summary for the terminal, Markdown for reports, JSONL errors."""

from __future__ import annotations

import json
from pathlib import Path

from whodid.evaluate.base import PRF, Confusion, EvalResult, Share


def _pct(value: float) -> str:
    return f"{value:.1%}"


def _share_line(s: Share) -> str:
    line = f"{s.name}: {s.hits}/{s.total} = {_pct(s.value)}"
    if s.target is not None:
        line += f"  (target {_pct(s.target)}: {'met' if s.met else 'NOT met'})"
    return line


def _prf_line(name: str, p: PRF, target: tuple[float, str] | None = None) -> str:
    line = f"{name}: P {p.precision:.3f} R {p.recall:.3f} F1 {p.f1:.3f}  ({_counts(p)})"
    if target is not None:
        line += f"  (target F1 {target[0]:.2f}: {'met' if p.f1 >= target[0] else 'NOT met'})"
    return line


def _counts(p: PRF) -> str:
    found = "" if p.found is None else f", gold found {p.found}"
    return f"tp {p.tp}, fp {p.fp}, fn {p.fn}{found}"


def summary(result: EvalResult) -> str:
    """A short plain-text summary: headline figures, then per-category figures."""
    lines = [f"{result.kind} / {result.dataset}: {result.items} gold records"]
    lines += ["  " + _share_line(s) for s in result.shares]
    lines += ["  " + _prf_line(n, p, result.targets.get(n)) for n, p in result.prfs.items()]
    lines += [f"  {name}: {value}" for name, value in result.figures.items()]
    for title, cats in result.categories.items():
        lines.append(f"  per {title} (P/R/F1, tp/fp/fn):")
        for label, p in sorted(cats.items()):
            lines.append(
                f"    {label:<24} {p.precision:5.2f} {p.recall:5.2f} {p.f1:5.2f}   {p.tp}/{p.fp}/{p.fn}"
            )
    if result.confusion is not None and result.confusion.counts:
        lines.append(confusion_text(result.confusion, result.confusion_title))
    if result.errors:
        lines.append(f"  {len(result.errors)} error rows (write them with --errors FILE.jsonl)")
    return "\n".join(lines)


def confusion_text(conf: Confusion, title: str) -> str:
    """The confusion matrix as fixed-width text: rows gold, columns whodid, '.' for zero."""
    labels = conf.labels()
    width = max(4, *(len(x) + 1 for x in labels))
    corner = "gold/whodid"
    head = f"  {corner:<14}" + "".join(f"{x:>{width}}" for x in labels)
    rows = [f"  {title or 'confusion'} (rows: gold, columns: whodid):", head]
    for g in conf.gold_labels():
        cells = "".join(f"{conf.counts.get((g, x), 0) or '.':>{width}}" for x in labels)
        rows.append(f"  {g:<14}{cells}")
    return "\n".join(rows)


def markdown(result: EvalResult, *, command: str | None = None, heading_level: int = 2) -> str:
    """The Markdown section of one evaluation: definitions, figures and targets, categories, confusion."""
    h = "#" * heading_level
    out = [f"{h} {result.kind}: {result.dataset} ({result.items} gold records)", ""]
    if command:
        out += ["```sh", command, "```", ""]
    if result.definitions:
        out += ["Metrics, exactly as computed:"]
        out += [f"- {d}" for d in result.definitions]
        out.append("")
    out += ["| figure | value | target | anchor |", "|---|---|---|---|"]
    for s in result.shares:
        target = "" if s.target is None else f"{_pct(s.target)} ({'met' if s.met else '**not met**'})"
        out.append(f"| {s.name} | {s.hits}/{s.total} = **{_pct(s.value)}** | {target} | {s.anchor or ''} |")
    for name, p in result.prfs.items():
        t = result.targets.get(name)
        target = "" if t is None else f"F1 {t[0]:.2f} ({'met' if p.f1 >= t[0] else '**not met**'})"
        anchor = "" if t is None else t[1]
        value = f"P {p.precision:.3f} · R {p.recall:.3f} · **F1 {p.f1:.3f}** ({_counts(p)})"
        out.append(f"| {name} | {value} | {target} | {anchor} |")
    for name, fig in result.figures.items():
        out.append(f"| {name} | {fig} | | |")
    out.append("")
    for title, cats in result.categories.items():
        out += [
            f"Per {title}:",
            "",
            "| label | precision | recall | F1 | tp | fp | fn |",
            "|---|---|---|---|---|---|---|",
        ]
        for label, p in sorted(cats.items()):
            out.append(
                f"| {label} | {p.precision:.2f} | {p.recall:.2f} | {p.f1:.2f} | {p.tp} | {p.fp} | {p.fn} |"
            )
        out.append("")
    if result.confusion is not None and result.confusion.counts:
        out += [confusion_markdown(result.confusion, result.confusion_title), ""]
    return "\n".join(out)


def confusion_markdown(conf: Confusion, title: str) -> str:
    labels = conf.labels()
    rows = [
        f"{title or 'Confusion'} (rows: gold, columns: whodid):",
        "",
        "| gold \\ whodid | " + " | ".join(labels) + " |",
        "|---" * (len(labels) + 1) + "|",
    ]
    for g in conf.gold_labels():
        cells = [str(conf.counts.get((g, p), 0) or "·") for p in labels]
        rows.append(f"| **{g}** | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def write_errors(result: EvalResult, path: Path) -> int:
    """Write every error row as one JSON object a line; returns how many."""
    with path.open("w", encoding="utf-8") as fh:
        for row in result.errors:
            fh.write(json.dumps({"dataset": result.dataset, **row.to_dict()}, ensure_ascii=False) + "\n")
    return len(result.errors)
