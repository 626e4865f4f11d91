"""Scorer for the PLOVER gold-standard records (``events/plover_gsr.jsonl``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whodid.evaluate.base import PRF, Confusion, ErrorRow, EvalInput, EvalResult, Share
from whodid.evaluate.events_common import false_positive, primary, rules, side_country, side_sector, views

DEFINITIONS = [
    "Each record's sentence is coded on its own without a publication date (the records' dates are "
    "placeholders).",
    "The gold records use four PLOVER type names older than the 2021 ontology whodid emits; they are "
    "renamed by the CAMEO roots CAMEO2PLOVER-2021 gives them: DEMAND (root 10) -> REQUEST, "
    "DISAPPROVE (11) and INVESTIGATE (09) -> ACCUSE, FIGHT (19) -> ASSAULT.",
    "**PLOVER type**: share of gold events for which whodid produced, in the same sentence, an event "
    "with the gold PLOVER type.",
    "**source country** / **target country**: share of gold events with a source (target) for which "
    "some whodid event in the sentence has that source (target) country; an IGO/NGO side counts by "
    "its code's first three letters (gold `IGO`).",
    "**source sector**: share of gold events with a source sector (other than `***`) for which some "
    "whodid event has the gold source country and the gold sector (first three letters, upper case).",
    "**precision**: whodid events whose PLOVER type is among the sentence's gold types, divided by "
    "all whodid events (the complement is the share of events not in the gold).",
    "Per PLOVER type: tp/fn = gold events of that type found/not found; fp = whodid events of that "
    "type in sentences whose gold has no such type. Events with no PLOVER type count as `(none)`.",
    "Confusion: each gold event's type against the type of whodid's primary event in its sentence.",
]


# gold type names of the pre-2021 PLOVER drafts -> the 2021 type of the same CAMEO roots
OLD_TYPES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def gold_type(value: object) -> str:
    name = str(value)
    return OLD_TYPES.get(name, name)


def _norm_sector(value: object) -> str | None:
    if not isinstance(value, str) or not value or value.startswith("*"):
        return None
    return value[:3].upper()


class PloverGsr:
    kind = "events"
    dataset = "plover_gsr"

    def accepts(self, record: dict[str, Any]) -> bool:
        events = record.get("events") or []
        return bool(events) and all(e.get("ontology") == "PLOVER" for e in events)

    def inputs(self, record: dict[str, Any]) -> EvalInput:
        return EvalInput(id=str(record["id"]), text=str(record["text"]), published=None)

    def score(self, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> EvalResult:
        counts = {k: [0, 0] for k in ("type", "source", "target", "sector")}
        tp_events = all_events = 0
        per_type: dict[str, PRF] = {}
        confusion = Confusion()
        errors: list[ErrorRow] = []
        for record, pred in zip(gold, predicted, strict=True):
            events = list(pred.get("events", []))
            gold_events = list(record["events"])
            gold_types = {gold_type(g["code"]) for g in gold_events}
            text, item = str(record["text"]), str(record["id"])
            got_types = {e.get("plover") for e in events}
            sources = {side_country(e.get("source")) for e in events}
            targets = {side_country(e.get("target")) for e in events}
            sectors = {(side_country(e.get("source")), side_sector(e.get("source"))) for e in events}
            top = primary(events)
            for g in gold_events:
                gtype = gold_type(g["code"])
                cell = per_type.setdefault(gtype, PRF())
                ok = gtype in got_types
                counts["type"][0] += ok
                counts["type"][1] += 1
                cell.tp += ok
                cell.fn += not ok
                confusion.add(gtype, str((top or {}).get("plover") or "NONE") if top else "NONE")
                if not ok:
                    errors.append(
                        ErrorRow(item, "miss", f"type {gtype}", text, g, views(events), rules(events))
                    )
                for key, gold_value, got in (
                    ("source", g.get("source"), sources),
                    ("target", g.get("target"), targets),
                ):
                    if not gold_value:
                        continue
                    hit = gold_value in got
                    counts[key][0] += hit
                    counts[key][1] += 1
                    if not hit:
                        errors.append(
                            ErrorRow(
                                item,
                                f"wrong_{key}",
                                f"{key} {gold_value}",
                                text,
                                g,
                                views(events),
                                rules(events),
                            )
                        )
                sector = _norm_sector(g.get("source_sector"))
                if sector and g.get("source"):
                    counts["sector"][1] += 1
                    counts["sector"][0] += (g["source"], sector) in sectors
            for e in events:
                all_events += 1
                label = str(e.get("plover") or "(none)")
                if label in gold_types:
                    tp_events += 1
                else:
                    per_type.setdefault(label, PRF()).fp += 1
                    errors.append(false_positive(item, f"type {label}", text, gold_events, e))
        return EvalResult(
            kind=self.kind,
            dataset=self.dataset,
            items=len(gold),
            shares=[
                Share(
                    "PLOVER type",
                    counts["type"][0],
                    counts["type"][1],
                    target=0.70,
                    anchor="target of issue 3",
                ),
                Share(
                    "source country",
                    counts["source"][0],
                    counts["source"][1],
                    target=0.80,
                    anchor="target of issue 3",
                ),
                Share("target country", counts["target"][0], counts["target"][1]),
                Share("source sector", counts["sector"][0], counts["sector"][1]),
                Share("precision (events of a gold type)", tp_events, all_events),
            ],
            categories={"PLOVER type": per_type},
            confusion=confusion,
            confusion_title="Gold PLOVER type against whodid's primary event type",
            errors=errors,
            definitions=DEFINITIONS,
        )


SCORERS = [PloverGsr()]
