"""Quotations against PolNeAR: every attribution of political news with source, cue and content spans.

Gold records: ``{"id", "date", "text", "attributions": [{"source", "cue", "content"}]}``, each span
``{"ranges": [[start, end], ...], "text"}`` (several ranges: their union; source or cue may be absent).
A gold attribution is *direct* when its content is wrapped in quotation marks. Each whodid quote is
judged by the gold content it lies in; each gold content by the whodid quotes covering it (DEFINITIONS).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from whodid.evaluate.base import PRF, ErrorRow, EvalInput, EvalResult, publication, sentence_of

OPENING = frozenset('"\u201c\u2018\u00ab')
CLOSING = frozenset('"\u201d\u2019\u00bb')
STRIP = frozenset(".,;:!?")
MARK_SLACK = 2  # quotation marks may lie this many characters outside the content span
MATCH_SHARE = 0.5  # overlap needed, as a share of the longer of the two spans

Ranges = list[tuple[int, int]]

DEFINITIONS = [
    "direct gold attribution: its content (union of its ranges), ignoring surrounding whitespace and "
    '`.,;:!?`, starts with an opening mark (`"“‘«`) and ends with a closing one (`"”’»`); the marks may '
    "lie up to 2 characters outside the content span.",
    "a whodid quote `[start,end)` lies in a gold content when at least 50% of its characters are inside "
    "the content's ranges (it is assigned to the content holding most of it); a gold content is found "
    "when the whodid quotes lying in it cover at least 50% of its characters (PolNeAR gives "
    "`“A,” she said. “B.”` as one content of two ranges where whodid gives two quotes).",
    "right speaker: the whodid quote's speaker span `[start,end)`, or any mention of its resolved actor "
    "(`speaker.actor` -> `actors[].mentions`), overlaps the gold source (a gold attribution without a "
    "source can never have a right speaker); for a found gold content, the speaker of the whodid quote "
    "covering most of it is the one judged.",
    "direct-quote spans: predicted = whodid quotes of kind `direct` (a full quoted sentence); precision = "
    "those lying in some gold content / all of them; recall = gold direct attributions found / all of "
    "them (`found` in the counts).",
    "direct-quote speaker: the same with the right speaker: precision = direct quotes lying in a gold "
    "content whose source their speaker matches / all direct quotes; recall = gold direct attributions "
    "found with the right speaker / all of them; F1 from these two.",
    "all-attribution spans / speaker: the same over every gold attribution and every whodid quote "
    "(direct, partial and indirect): a partial quote inside reported speech lies in the gold content of "
    "that reported speech.",
    "per attribution kind: the all-attribution speaker figures split by the gold kind (direct or "
    "indirect); predictions are counted under the kind of the content they lie in, and under "
    "`(none)` when they lie in no gold content.",
    "errors: gold direct attributions not found (miss), whodid direct quotes lying in no gold content "
    "(false_positive), and found direct attributions whose speaker is wrong or missing (wrong_speaker).",
]


def ranges_of(span: Any) -> Ranges:
    """The merged, sorted ranges of a gold span (empty when missing)."""
    if not isinstance(span, dict):
        return []
    raw = span.get("ranges") or []
    pieces = sorted((int(a), int(b)) for a, b in raw if int(b) > int(a))
    out: Ranges = []
    for a, b in pieces:
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def length(ranges: Ranges) -> int:
    return sum(b - a for a, b in ranges)


def overlap_ranges(ranges: Ranges, span: tuple[int, int]) -> int:
    """Characters of ``span`` (half-open) inside the union ``ranges``."""
    return sum(max(0, min(b, span[1]) - max(a, span[0])) for a, b in ranges)


def is_direct(text: str, ranges: Ranges) -> bool:
    """Whether a gold content is a quotation in marks (see DEFINITIONS)."""
    if not ranges:
        return False
    start, end = ranges[0][0], ranges[-1][1]
    s, e = start, end
    while s < e and (text[s].isspace() or text[s] in STRIP):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in STRIP):
        e -= 1
    if s >= e:
        return False
    return _mark_before(text, s, start) and _mark_after(text, e, end)


def _mark_before(text: str, s: int, start: int) -> bool:
    if text[s] in OPENING:
        return True
    k = start - 1
    while k >= max(0, start - MARK_SLACK):
        if text[k] in OPENING:
            return True
        if not (text[k].isspace() or text[k] in STRIP):
            return False
        k -= 1
    return False


def _mark_after(text: str, e: int, end: int) -> bool:
    if text[e - 1] in CLOSING:
        return True
    k = end
    while k < min(len(text), end + MARK_SLACK):
        if text[k] in CLOSING:
            return True
        if not (text[k].isspace() or text[k] in STRIP):
            return False
        k += 1
    return False


def assign(gold: list[Ranges], predicted: list[tuple[int, int]]) -> dict[int, int]:
    """Predicted index -> the gold content it lies in (>= 50% of its characters), if any."""
    out: dict[int, int] = {}
    for pi, p in enumerate(predicted):
        size = p[1] - p[0]
        best = max(((overlap_ranges(g, p), gi) for gi, g in enumerate(gold)), default=(0, -1))
        if size > 0 and best[0] >= MATCH_SHARE * size:
            out[pi] = best[1]
    return out


def found(gold: list[Ranges], predicted: list[tuple[int, int]], lying: dict[int, int]) -> dict[int, int]:
    """Gold index -> the predicted quote covering most of it, for gold contents covered >= 50% by the
    quotes lying in them."""
    by_gold: dict[int, list[int]] = {}
    for pi, gi in lying.items():
        by_gold.setdefault(gi, []).append(pi)
    out: dict[int, int] = {}
    for gi, pis in by_gold.items():
        covered = sum(overlap_ranges(gold[gi], predicted[pi]) for pi in pis)
        if covered >= MATCH_SHARE * length(gold[gi]):
            out[gi] = max(pis, key=lambda pi: (overlap_ranges(gold[gi], predicted[pi]), -pi))
    return out


def speaker_right(quote: dict[str, Any], source: Ranges, mentions: dict[str, list[tuple[int, int]]]) -> bool:
    """Whether whodid's speaker span, or a mention of its actor, overlaps the gold source."""
    if not source:
        return False
    speaker = quote.get("speaker") or {}
    spans: list[tuple[int, int]] = []
    if isinstance(speaker.get("start"), int) and isinstance(speaker.get("end"), int):
        spans.append((speaker["start"], speaker["end"]))
    actor = speaker.get("actor")
    if actor:
        spans.extend(mentions.get(actor, []))
    return any(overlap_ranges(source, s) > 0 for s in spans)


def _mentions(record: dict[str, Any]) -> dict[str, list[tuple[int, int]]]:
    return {
        a["id"]: [(m["start"], m["end"]) for m in a.get("mentions") or [] if "start" in m and "end" in m]
        for a in record.get("actors") or []
        if "id" in a
    }


def _span(quote: dict[str, Any]) -> tuple[int, int]:
    return int(quote["start"]), int(quote["end"])


def _whodid(quote: dict[str, Any]) -> dict[str, Any]:
    speaker = quote.get("speaker") or {}
    return {
        "text": quote.get("text"),
        "kind": quote.get("kind"),
        "cue": quote.get("cue"),
        "speaker": speaker.get("text"),
        "actor": speaker.get("actor"),
    }


def _gold(att: dict[str, Any]) -> dict[str, Any]:
    return {
        "content": (att.get("content") or {}).get("text"),
        "source": (att.get("source") or {}).get("text"),
        "cue": (att.get("cue") or {}).get("text"),
    }


class PolnearScorer:
    """PolNeAR attributions: direct-quote spans and speakers (headline), then every attribution."""

    kind = "quotes"
    dataset = "polnear"

    def accepts(self, record: dict[str, Any]) -> bool:
        return isinstance(record.get("attributions"), list) and isinstance(record.get("text"), str)

    def inputs(self, record: dict[str, Any]) -> EvalInput:
        return EvalInput(str(record.get("id", "")), str(record["text"]), publication(record.get("date")))

    def score(self, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> EvalResult:
        direct_spans, direct_speaker = PRF(found=0), PRF(found=0)
        all_spans, all_speaker = PRF(found=0), PRF(found=0)
        kinds: dict[str, PRF] = {k: PRF(found=0) for k in ("direct", "indirect", "(none)")}
        errors: list[ErrorRow] = []
        for g, p in zip(gold, predicted, strict=True):
            text = str(g.get("text", ""))
            item = str(g.get("id", ""))
            atts = [a for a in g.get("attributions") or [] if ranges_of(a.get("content"))]
            contents = [ranges_of(a.get("content")) for a in atts]
            sources = [ranges_of(a.get("source")) for a in atts]
            direct = [is_direct(text, c) for c in contents]
            quotes = [q for q in p.get("quotes") or [] if "start" in q and "end" in q]
            spans = [_span(q) for q in quotes]
            mentions = _mentions(p)
            lying = assign(contents, spans)
            hits = found(contents, spans, lying)

            def right(pi: int, gi: int) -> bool:
                return speaker_right(quotes[pi], sources[gi], mentions)  # noqa: B023 (used in-loop)

            # predictions
            for pi, q in enumerate(quotes):
                gi = lying.get(pi)
                ok_span = gi is not None
                ok_speaker = gi is not None and right(pi, gi)
                for prf, ok in ((all_spans, ok_span), (all_speaker, ok_speaker)):
                    prf.tp += ok
                    prf.fp += not ok
                label = "(none)" if gi is None else ("direct" if direct[gi] else "indirect")
                kinds[label].tp += ok_speaker
                kinds[label].fp += not ok_speaker
                if q.get("kind") != "direct":
                    continue
                for prf, ok in ((direct_spans, ok_span), (direct_speaker, ok_speaker)):
                    prf.tp += ok
                    prf.fp += not ok
                if gi is None:
                    s0, e0 = spans[pi]
                    errors.append(
                        ErrorRow(
                            item,
                            "false_positive",
                            "direct quote",
                            sentence_of(text, s0, e0),
                            None,
                            _whodid(q),
                            q.get("rule"),
                        )
                    )
            # gold attributions
            for gi, a in enumerate(atts):
                best = hits.get(gi)
                ok_speaker = best is not None and right(best, gi)
                label = "direct" if direct[gi] else "indirect"
                targets = [
                    (all_spans, best is not None),
                    (all_speaker, ok_speaker),
                    (kinds[label], ok_speaker),
                ]
                if direct[gi]:
                    targets += [(direct_spans, best is not None), (direct_speaker, ok_speaker)]
                for prf, ok in targets:
                    prf.found = (prf.found or 0) + ok
                    prf.fn += not ok
                if not direct[gi]:
                    continue
                c = contents[gi]
                where = sentence_of(text, c[0][0], c[-1][1])
                if best is None:
                    errors.append(ErrorRow(item, "miss", "direct quote", where, _gold(a), None))
                elif not ok_speaker:
                    errors.append(
                        ErrorRow(
                            item,
                            "wrong_speaker",
                            "direct quote speaker",
                            where,
                            _gold(a),
                            _whodid(quotes[best]),
                            quotes[best].get("rule"),
                        )
                    )
        return EvalResult(
            kind=self.kind,
            dataset=self.dataset,
            items=len(gold),
            prfs={
                "direct-quote speaker": direct_speaker,
                "direct-quote spans": direct_spans,
                "all-attribution speaker": all_speaker,
                "all-attribution spans": all_spans,
            },
            categories={"attribution kind": kinds},
            errors=errors,
            definitions=list(DEFINITIONS),
            targets={"direct-quote speaker": (0.80, "target of issue 3 (no published anchor on PolNeAR)")},
        )


SCORERS = [PolnearScorer()]
