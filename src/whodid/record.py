"""Turn a coded ``Doc`` into the ``whodid.article/1`` record (docs/output.md describes every field)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from whodid.nlp.state import (
    Actor,
    ActorMention,
    DateMention,
    Event,
    EventSide,
    Place,
    PlaceMention,
    Quote,
    state,
)

SCHEMA = "whodid.article/1"


@dataclass(frozen=True)
class ArticleRecord:
    """One coded article as typed objects; ``to_dict()`` gives the contract's JSON object.

    ``events``, ``actors``, ``quotes``, ``dates`` and ``places`` are the stages' own dataclasses
    (``whodid.nlp.state``), in text order; ``actor_mentions`` links every mention to its actor.
    """

    article_id: str
    published: dt.date | None
    title: str | None
    source: str | None
    url: str | None
    actors: tuple[Actor, ...]
    actor_mentions: tuple[ActorMention, ...]
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    dates: tuple[DateMention, ...]
    places: tuple[PlaceMention, ...]

    def to_dict(self) -> dict[str, Any]:
        """The ``whodid.article/1`` object (see docs/output.md)."""
        return {
            "schema": SCHEMA,
            "article": {
                "id": self.article_id,
                "published": self.published.isoformat() if self.published else None,
                "title": self.title,
                "source": self.source,
                "url": self.url,
            },
            "actors": _actors(self),
            "events": [_event(f"e{k + 1}", ev) for k, ev in enumerate(self.events)],
            "quotes": _quotes(self),
            "dates": [_date(d) for d in self.dates],
            "places": [_place_mention(p) for p in self.places],
        }


def build_record(doc: Doc) -> ArticleRecord:
    """The record of a doc that went through every stage."""
    st = state(doc)
    return ArticleRecord(
        article_id=st.article_id,
        published=st.published,
        title=st.title,
        source=st.source,
        url=st.url,
        actors=tuple(st.actors.values()),
        actor_mentions=tuple(st.actor_mentions),
        events=tuple(st.events),
        quotes=tuple(st.quotes),
        dates=tuple(st.dates),
        places=tuple(st.places),
    )


def _date(d: DateMention) -> dict[str, Any]:
    out: dict[str, Any] = {
        "text": d.text,
        "start": d.start,
        "end": d.end,
        "value": d.value,
        "precision": d.precision,
        "timex": d.timex or d.value,
    }
    if len(d.values) > 1:
        out["values"] = d.values
    out["rule"] = d.rule
    return out


def _place_mention(p: PlaceMention) -> dict[str, Any]:
    return {
        "text": p.text,
        "start": p.start,
        "end": p.end,
        **_place(p.place),
        "rule": p.rule,
        "confidence": p.confidence,
    }


def _actors(rec: ArticleRecord) -> list[dict[str, Any]]:
    by_actor: dict[str, list[dict[str, Any]]] = {}  # one pass over the mentions, not one per actor
    for m in rec.actor_mentions:
        by_actor.setdefault(m.actor_id, []).append(
            {"start": m.start, "end": m.end, "text": m.text, "rule": m.rule}
        )
    out = []
    for actor in rec.actors:
        mentions = by_actor.get(actor.id, [])
        out.append(
            {
                "id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "country": actor.country,
                "sector": actor.sector,
                "code": actor.code,
                "description": actor.description,
                "former": actor.former,
                "rule": actor.rule,
                **({"country_rule": actor.country_rule} if actor.country_rule else {}),
                "mentions": mentions,
            }
        )
    return out


def _side(side: EventSide | None) -> dict[str, Any] | None:
    if side is None:
        return None
    return {
        "actor": side.actor_id,
        "country": side.country,
        "code": side.code,
        "text": side.text,
        "start": side.start,
        "end": side.end,
    }


def place_fields(
    name: str | None,
    country: str | None,
    lat: float | None,
    lon: float | None,
    feature: str | None,
    geonameid: int | str | None,
) -> dict[str, Any]:
    """A place as every output writes it (a record's places, an event's location, a PLOVER export)."""
    return {
        "name": name,
        "country": country,
        "lat": lat,
        "lon": lon,
        "feature": feature,
        "geonameid": geonameid,
    }


def _place(place: Place | None) -> dict[str, Any]:
    if place is None:
        return place_fields(None, None, None, None, None, None)
    return place_fields(place.name, place.country, place.lat, place.lon, place.feature, place.geonameid)


def _event(event_id: str, ev: Event) -> dict[str, Any]:
    location = None
    if ev.location is not None:
        location = _place(ev.location)
        del location["geonameid"]  # an event's location names its place; the record's places list ids
        location["text"] = ev.location_text
        if ev.location_precision is not None:
            location["precision"] = ev.location_precision
            location["rule"] = ev.location_rule
    return {
        "id": event_id,
        "source": _side(ev.source),
        "target": _side(ev.target),
        "cameo": ev.cameo,
        "cameo_name": ev.cameo_name,
        "plover": ev.plover,
        "quad_class": ev.quad_class,
        "goldstein": ev.goldstein,
        "date": ev.date,
        "date_precision": ev.date_precision,
        "date_source": ev.date_source,
        "location": location,
        "modality": ev.modality,
        "background": ev.background,
        "sentence": {"index": ev.sentence_index, "start": ev.sentence_start, "end": ev.sentence_end},
        "evidence": {"start": ev.evidence_start, "end": ev.evidence_end, "text": ev.evidence_text},
        "rule": ev.rule,
        "confidence": ev.confidence,
    }


def _quotes(rec: ArticleRecord) -> list[dict[str, Any]]:
    out = []
    actors = {a.id: a for a in rec.actors}
    for k, q in enumerate(rec.quotes):
        actor = actors.get(q.speaker_actor) if q.speaker_actor else None
        speaker = None
        if q.speaker_actor or q.speaker_text:
            speaker = {
                "actor": q.speaker_actor,
                "country": actor.country if actor else None,
                "text": q.speaker_text,
                "start": q.speaker_start,
                "end": q.speaker_end,
            }
        out.append(
            {
                "id": f"q{k + 1}",
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "kind": q.kind,
                "cue": q.cue,
                "speaker": speaker,
                "rule": q.rule,
                "confidence": q.confidence,
            }
        )
    return out
