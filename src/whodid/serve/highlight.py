"""An article's text cut into segments for the article page, each with what covers it.

The record's spans (actor mentions, event triggers and sentences, quotations, dates, places) may
nest and overlap (a quotation holds actors; a sentence holds its trigger). Cutting the text at every
span's start and end gives flat segments, each with the kinds of span that cover it, the events
whose sentence it is in and the event whose trigger it is: the template writes one element per
segment, and the text is escaped there like any other value.

    >>> [s.text for s in segments("Iran warned Israel.", {"actors": [{"name": "Iran", "code": "IRN",
    ...     "mentions": [{"start": 0, "end": 4}]}], "events": [], "quotes": [], "dates": [], "places": []})]
    ['Iran', ' warned Israel.']
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Segment:
    """A run of text with the same spans over it."""

    text: str
    start: int
    kinds: set[str] = field(default_factory=set)  # actor, trigger, quote, date, place, sentence
    sentence_of: list[str] = field(default_factory=list)  # ids of the events of this sentence
    trigger_of: str | None = None  # id of the event this is the trigger of
    anchors: list[str] = field(default_factory=list)  # events whose sentence starts here
    notes: list[str] = field(default_factory=list)  # what the spans are, for a tooltip

    @property
    def css(self) -> str:
        return " ".join(sorted(self.kinds))


def _spans(record: dict[str, Any]) -> list[tuple[int, int, str, str, str]]:
    """(start, end, kind, event id or "", note) of every span of the record."""
    out: list[tuple[int, int, str, str, str]] = []
    for actor in record.get("actors", []):
        note = f"actor: {actor.get('name')} {actor.get('code') or ''}".strip()
        for m in actor.get("mentions") or []:
            if "start" in m and "end" in m:
                out.append((m["start"], m["end"], "actor", "", note))
    for event in record.get("events", []):
        ev = event["id"]
        sentence, evidence = event.get("sentence") or {}, event.get("evidence") or {}
        if "start" in sentence:
            out.append((sentence["start"], sentence["end"], "sentence", ev, ""))
        if "start" in evidence:
            out.append(
                (evidence["start"], evidence["end"], "trigger", ev, f"event {ev}: CAMEO {event.get('cameo')}")
            )
    for quote in record.get("quotes", []):
        out.append((quote["start"], quote["end"], "quote", "", f"quotation {quote['id']}"))
    for date in record.get("dates", []):
        out.append((date["start"], date["end"], "date", "", f"date: {date.get('value')}"))
    for place in record.get("places", []):
        note = f"place: {place.get('name')} ({place.get('country')}, {place.get('feature')})"
        out.append((place["start"], place["end"], "place", "", note))
    return out


def segments(text: str, record: dict[str, Any]) -> list[Segment]:
    """The text cut at every span boundary, each segment with the spans over it."""
    spans = [(max(0, s), min(len(text), e), k, ev, n) for s, e, k, ev, n in _spans(record) if s < e]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    segs = [Segment(text[a:b], a) for a, b in itertools.pairwise(cuts)]
    for start, end, kind, ev, note in spans:
        first = bisect.bisect_left(cuts, start)
        last = bisect.bisect_left(cuts, end)
        for seg in segs[first:last]:
            seg.kinds.add(kind)
            if kind == "sentence":
                seg.sentence_of.append(ev)
            elif kind == "trigger" and seg.trigger_of is None:
                seg.trigger_of = ev
            if note and note not in seg.notes:
                seg.notes.append(note)
        if kind == "sentence" and first < len(segs):
            segs[first].anchors.append(ev)
    return segs
