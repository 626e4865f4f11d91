"""Scorer for PETRARCH2's unit tests (``events/petrarch2_unittest.jsonl``) with their fictional actors.

The actors exist only in ``petrarch2_validation_dictionaries/PETR.Validate.actors.txt``: load it with
``--actors`` (``make eval`` does), or no triple can match.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whodid.evaluate.base import PRF, Confusion, ErrorRow, EvalInput, EvalResult, Share, publication
from whodid.evaluate.events_common import false_positive, primary, rules, views

DEFINITIONS = [
    "Each test sentence is coded on its own with its record's date as publication date (date-bounded "
    "dictionary codes depend on it), with the validation actor dictionary loaded through `--actors`.",
    "**triples**: share of gold (source, target, CAMEO code) triples for which whodid produced an event "
    "in that sentence with source code, target code and CAMEO code all equal (a gold null side "
    "matches a missing side).",
    "**triples, CAMEO root**: the same, comparing only the first two digits of the code.",
    "**dyads**: the same, comparing only source and target codes.",
    "**event precision**: whodid events equal to some gold triple of their sentence, divided by all "
    "whodid events (sentences whose gold has no event make every event a false positive).",
    "**gold sources / targets among whodid's actors**: share of gold triples whose source (target) "
    "code is the code of some actor whodid found in the sentence, event or not: the actor dictionary "
    "alone, apart from event coding.",
    "Per gold CAMEO root: tp/fn = gold triples found/not found; fp = whodid events of that root "
    "matching no gold triple.",
    "Confusion: each gold triple's root against the root of whodid's primary event.",
]


def _code(side: dict[str, Any] | None) -> str | None:
    return (side or {}).get("code")


class Petrarch2UnitTests:
    kind = "events"
    dataset = "petrarch2_unittest"

    def accepts(self, record: dict[str, Any]) -> bool:
        return "petrarch2" in str(record.get("origin", "")) or "actor_dictionary" in record

    def inputs(self, record: dict[str, Any]) -> EvalInput:
        return EvalInput(
            id=str(record["id"]), text=str(record["text"]), published=publication(record.get("date"))
        )

    def score(self, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> EvalResult:
        full = root = dyad = total = src_actor = tgt_actor = tgt_total = 0
        matched_events = all_events = 0
        per_root: dict[str, PRF] = {}
        confusion = Confusion()
        errors: list[ErrorRow] = []
        for record, pred in zip(gold, predicted, strict=True):
            events = list(pred.get("events", []))
            text, item = str(record["text"]), str(record["id"])
            got = [(_code(e.get("source")), _code(e.get("target")), str(e["cameo"])) for e in events]
            top = primary(events)
            triples = [(g.get("source"), g.get("target"), str(g["code"])) for g in record["events"]]
            actor_codes = {a.get("code") for a in pred.get("actors", [])}
            for s, t, c in triples:
                total += 1
                src_actor += s in actor_codes
                if t is not None:
                    tgt_total += 1
                    tgt_actor += t in actor_codes
                same_dyad = [x for x in got if x[0] == s and x[1] == t]
                dyad += bool(same_dyad)
                root += any(x[2][:2] == c[:2] for x in same_dyad)
                ok = any(x[2] == c for x in same_dyad)
                full += ok
                cell = per_root.setdefault(c[:2], PRF())
                cell.tp += ok
                cell.fn += not ok
                confusion.add(c[:2], str(top["cameo"])[:2] if top else "NONE")
                if not ok:
                    errors.append(
                        ErrorRow(item, "miss", f"{s} {t} {c}", text, triples, views(events), rules(events))
                    )
            for e, x in zip(events, got, strict=True):
                all_events += 1
                if x in triples:
                    matched_events += 1
                    continue
                per_root.setdefault(x[2][:2], PRF()).fp += 1
                errors.append(false_positive(item, " ".join(map(str, x)), text, triples, e))
        return EvalResult(
            kind=self.kind,
            dataset=self.dataset,
            items=len(gold),
            shares=[
                Share("triples", full, total, target=0.70, anchor="target of issue 3"),
                Share("triples, CAMEO root", root, total),
                Share("dyads", dyad, total),
                Share("event precision", matched_events, all_events),
                Share("gold sources among whodid's actors", src_actor, total),
                Share("gold targets among whodid's actors", tgt_actor, tgt_total),
            ],
            categories={"gold CAMEO root": per_root},
            confusion=confusion,
            confusion_title="Gold root against whodid's primary event root",
            errors=errors,
            definitions=DEFINITIONS,
        )


SCORERS = [Petrarch2UnitTests()]
