"""Five-class agreement on real news sentences (ConfliBERT's quad5 training set).

Each gold record is one news sentence with one label: ``0 statement``, ``1 verbal cooperation``,
``2 material cooperation``, ``3 verbal conflict`` or ``4 material conflict``, and for most sentences
the source and target spans. whodid codes the sentence alone (no publication date); its *primary
event* (highest confidence, ties to the earliest evidence) gives the sentence's class.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whodid.evaluate.base import PRF, Confusion, ErrorRow, EvalInput, EvalResult, Share, spans_overlap

NONE = "none"
STATEMENT = "0 statement"
VERBAL_COOPERATION = "1 verbal cooperation"
MATERIAL_COOPERATION = "2 material cooperation"
VERBAL_CONFLICT = "3 verbal conflict"
MATERIAL_CONFLICT = "4 material conflict"
CLASSES = (STATEMENT, VERBAL_COOPERATION, MATERIAL_COOPERATION, VERBAL_CONFLICT, MATERIAL_CONFLICT)
AGREEMENT_TARGET = 0.65
AGREEMENT_ANCHOR = (
    "trained human coders agree with their colleagues' majority about 62% of the time on root codes"
)


def cameo_class(cameo: object) -> str:
    """The quad5 class of a CAMEO code: roots 01-02 statement, 03-05 verbal cooperation, 06-08
    material cooperation, 09-14 verbal conflict, 15-20 material conflict; ``none`` when unreadable."""
    if not isinstance(cameo, str) or len(cameo) < 2 or not cameo[:2].isdigit():
        return NONE
    root = int(cameo[:2])
    if 1 <= root <= 2:
        return STATEMENT
    if 3 <= root <= 5:
        return VERBAL_COOPERATION
    if 6 <= root <= 8:
        return MATERIAL_COOPERATION
    if 9 <= root <= 14:
        return VERBAL_CONFLICT
    if 15 <= root <= 20:
        return MATERIAL_CONFLICT
    return NONE


def primary_event(record: dict[str, Any]) -> dict[str, Any] | None:
    """The event with the highest confidence, ties broken by the earliest evidence; None when none."""
    events = [e for e in record.get("events") or [] if isinstance(e, dict)]
    if not events:
        return None

    def key(e: dict[str, Any]) -> tuple[float, int]:
        evidence = e.get("evidence") or {}
        start = evidence.get("start")
        return (-float(e.get("confidence") or 0.0), start if isinstance(start, int) else 1 << 62)

    return min(events, key=key)


def gold_label(record: dict[str, Any]) -> str:
    """The sentence's gold class: the first gold event's ``pentaclass``."""
    events = record.get("events") or []
    return str(events[0].get("pentaclass")) if events else NONE


def gold_spans(record: dict[str, Any], side: str) -> list[tuple[int, int]] | None:
    """Where the gold ``source_text``/``target_text`` strings are (first occurrence of each in the
    text); None when the record has no such strings or none of them is found."""
    text = record.get("text") or ""
    strings = [s for e in record.get("events") or [] for s in e.get(f"{side}_text") or [] if s]
    spans = []
    for s in strings:
        at = text.find(s)
        if at >= 0:
            spans.append((at, at + len(s)))
    return spans or None


def side_span(event: dict[str, Any] | None, side: str) -> tuple[int, int] | None:
    """The ``[start, end)`` of an event's source or target mention; None when it has none."""
    part = (event or {}).get(side)
    if not isinstance(part, dict):
        return None
    start, end = part.get("start"), part.get("end")
    if isinstance(start, int) and isinstance(end, int) and end > start:
        return (start, end)
    return None


def _summary(event: dict[str, Any] | None) -> dict[str, Any] | None:
    if event is None:
        return None
    return {
        "cameo": event.get("cameo"),
        "class": cameo_class(event.get("cameo")),
        "evidence": (event.get("evidence") or {}).get("text"),
        "source": (event.get("source") or {}).get("text"),
        "target": (event.get("target") or {}).get("text"),
        "modality": event.get("modality"),
    }


class Quad5Scorer:
    """``events`` on ``quad5_news_train.jsonl``: primary-event class against the gold label."""

    kind = "events"
    dataset = "quad5_news"

    def accepts(self, record: dict[str, Any]) -> bool:
        events = record.get("events")
        return (
            isinstance(events, list)
            and bool(events)
            and isinstance(events[0], dict)
            and "pentaclass" in events[0]
            and "text" in record
        )

    def inputs(self, record: dict[str, Any]) -> EvalInput:
        return EvalInput(id=str(record.get("id", "")), text=str(record.get("text") or ""), published=None)

    def score(self, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> EvalResult:
        if len(gold) != len(predicted):
            raise ValueError(f"{len(gold)} gold records but {len(predicted)} predictions")
        agree = Share("agreement", 0, len(gold), AGREEMENT_TARGET, AGREEMENT_ANCHOR)
        anywhere = Share("any event has the gold class", 0, len(gold))
        src = Share("source span overlap", 0, 0)
        tgt = Share("target span overlap", 0, 0)
        coded = Share("sentences with an event", 0, len(gold))
        confusion = Confusion()
        per_class = {label: PRF() for label in CLASSES}
        errors: list[ErrorRow] = []
        for g, p in zip(gold, predicted, strict=True):
            label = gold_label(g)
            primary = primary_event(p)
            got = cameo_class(primary.get("cameo")) if primary else NONE
            classes = {cameo_class(e.get("cameo")) for e in p.get("events") or [] if isinstance(e, dict)}
            confusion.add(label, got)
            coded.hits += primary is not None
            agree.hits += got == label
            anywhere.hits += label in classes
            if got == label:
                per_class.setdefault(label, PRF()).tp += 1
            else:
                per_class.setdefault(label, PRF()).fn += 1
                if got != NONE:
                    per_class.setdefault(got, PRF()).fp += 1
            for share, side in ((src, "source"), (tgt, "target")):
                spans = gold_spans(g, side)
                if spans is None:
                    continue
                share.total += 1
                mine = side_span(primary, side)
                share.hits += mine is not None and any(spans_overlap(mine, s) for s in spans)
            if got != label:
                errors.append(
                    ErrorRow(
                        item=str(g.get("id", "")),
                        error="wrong_class" if primary is not None else "miss",
                        what=f"class {label}",
                        sentence=str(g.get("text") or ""),
                        gold={
                            "class": label,
                            "source_text": [
                                s for e in g.get("events") or [] for s in e.get("source_text") or []
                            ],
                            "target_text": [
                                s for e in g.get("events") or [] for s in e.get("target_text") or []
                            ],
                        },
                        whodid=_summary(primary),
                        rule=primary.get("rule") if primary else None,
                    )
                )
        return EvalResult(
            kind=self.kind,
            dataset=self.dataset,
            items=len(gold),
            shares=[agree, anywhere, src, tgt, coded],
            categories={"class": per_class},
            confusion=confusion,
            confusion_title="gold class x whodid's primary-event class",
            errors=errors,
            definitions=[
                "primary event: the event whodid codes in the sentence with the highest confidence, ties "
                "broken by the earliest evidence start; its class from the CAMEO root: 01-02 statement, "
                "03-05 verbal cooperation, 06-08 material cooperation, 09-14 verbal conflict, 15-20 "
                "material conflict; none when whodid codes no event",
                "agreement: sentences whose primary-event class equals the gold class / all sentences",
                "any event has the gold class: sentences where at least one coded event has the gold "
                "class / all sentences",
                "source span overlap: among sentences whose gold has source_text found in the text (first "
                "occurrence of each string; strings not found are skipped), those where the primary "
                "event's source [start, end) overlaps one of them (no primary event, or a source without "
                "a mention in the sentence, is no overlap)",
                "target span overlap: the same for target_text and the primary event's target",
                "sentences with an event: sentences where whodid codes at least one event / all sentences",
                "class (per class): tp primary == gold; fp primary is this class, gold differs; fn gold "
                "is this class, primary differs",
            ],
        )


SCORERS = [Quad5Scorer()]
