"""Scorer for the CAMEO manual's example sentences (``events/cameo_manual.jsonl``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whodid.evaluate.base import PRF, Confusion, ErrorRow, EvalInput, EvalResult, Share
from whodid.evaluate.events_common import false_positive, primary, rules, views

DEFINITIONS = [
    "Each example sentence is coded on its own, without a publication date.",
    "**gold root found**: share of sentences where at least one event whodid produced has the CAMEO "
    "root (first two digits) of one of the sentence's gold codes.",
    "**gold full code found**: the same with the full CAMEO code.",
    "**events per sentence**: all events whodid produced divided by the number of sentences "
    "(over-coding shows here).",
    "Per CAMEO root: tp = sentences of that gold root where it was found; fn = those where it was not; "
    "fp = whodid events of that root in sentences whose gold has no such root.",
    "Confusion: gold root against the root of whodid's primary event (highest confidence, then "
    "earliest trigger; NONE when whodid codes nothing).",
]


class CameoManual:
    kind = "events"
    dataset = "cameo_manual"

    def accepts(self, record: dict[str, Any]) -> bool:
        return str(record.get("id", "")).startswith("CAMEO-") and "cameo_name" in record

    def inputs(self, record: dict[str, Any]) -> EvalInput:
        return EvalInput(id=str(record["id"]), text=str(record["text"]), published=None)

    def score(self, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> EvalResult:
        root_hits = code_hits = n_events = 0
        per_root: dict[str, PRF] = {}
        confusion = Confusion()
        errors: list[ErrorRow] = []
        for record, pred in zip(gold, predicted, strict=True):
            codes = {str(e["code"]) for e in record["events"] if e.get("code")}
            roots = {c[:2] for c in codes}
            events = list(pred.get("events", []))
            n_events += len(events)
            got_roots = {str(e["cameo"])[:2] for e in events}
            found = bool(roots & got_roots)
            root_hits += found
            code_hits += bool(codes & {str(e["cameo"]) for e in events})
            top = primary(events)
            for r in sorted(roots):
                cell = per_root.setdefault(r, PRF())
                if found:
                    cell.tp += 1
                else:
                    cell.fn += 1
                confusion.add(r, str(top["cameo"])[:2] if top else "NONE")
            text = str(record["text"])
            if not found:
                errors.append(
                    ErrorRow(
                        str(record["id"]),
                        "miss",
                        "root " + "/".join(sorted(roots)),
                        text,
                        sorted(codes),
                        views(events),
                        rules(events),
                    )
                )
            for e in events:
                r = str(e["cameo"])[:2]
                if r not in roots:
                    per_root.setdefault(r, PRF()).fp += 1
                    errors.append(false_positive(str(record["id"]), f"root {r}", text, sorted(codes), e))
        n = len(gold)
        return EvalResult(
            kind=self.kind,
            dataset=self.dataset,
            items=n,
            shares=[
                Share("gold root found", root_hits, n, target=0.75, anchor="target of issue 3"),
                Share("gold full code found", code_hits, n),
            ],
            figures={"events per sentence": f"{n_events / n:.2f}" if n else "0"},
            categories={"CAMEO root": per_root},
            confusion=confusion,
            confusion_title="Gold root against whodid's primary event root",
            errors=errors,
            definitions=DEFINITIONS,
        )


SCORERS = [CameoManual()]
