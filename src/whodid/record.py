"""Turn a coded ``Doc`` into the ``whodid.article/1`` record of ../shared/CONTRACT.md."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from whodid.nlp.state import ArticleState, Event, EventSide, Place, state

SCHEMA = "whodid.article/1"


@dataclass(frozen=True)
class ArticleRecord:
    """One coded article. ``to_dict()`` gives the contract's JSON object."""

    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data

    @property
    def events(self) -> list[dict[str, Any]]:
        return list(self.data["events"])

    @property
    def actors(self) -> list[dict[str, Any]]:
        return list(self.data["actors"])

    @property
    def quotes(self) -> list[dict[str, Any]]:
        return list(self.data["quotes"])


def build_record(doc: Doc) -> ArticleRecord:
    """The contract record of a doc that went through every stage."""
    st = state(doc)
    return ArticleRecord(
        {
            "schema": SCHEMA,
            "article": {
                "id": st.article_id,
                "published": st.published.isoformat() if st.published else None,
                "title": st.title,
                "source": st.source,
                "url": st.url,
            },
            "actors": _actors(st),
            "events": [_event(f"e{k + 1}", ev) for k, ev in enumerate(st.events)],
            "quotes": _quotes(st),
            "dates": [
                {
                    "text": d.text,
                    "start": d.start,
                    "end": d.end,
                    "value": d.value,
                    "precision": d.precision,
                    **({"values": d.values} if len(d.values) > 1 else {}),
                    "rule": d.rule,
                }
                for d in st.dates
            ],
            "places": [
                {
                    "text": p.text,
                    "start": p.start,
                    "end": p.end,
                    **_place(p.place),
                    "rule": p.rule,
                    "confidence": p.confidence,
                }
                for p in st.places
            ],
        }
    )


def _actors(st: ArticleState) -> list[dict[str, Any]]:
    out = []
    for actor in st.actors.values():
        mentions = [
            {"start": m.start, "end": m.end, "text": m.text, "rule": m.rule}
            for m in st.actor_mentions
            if m.actor_id == actor.id
        ]
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
                "mentions": mentions,
            }
        )
    return out


def _side(side: EventSide | None) -> dict[str, Any] | None:
    if side is None:
        return None
    return {"actor": side.actor_id, "country": side.country, "code": side.code, "text": side.text}


def _place(place: Place | None) -> dict[str, Any]:
    if place is None:
        return {"name": None, "country": None, "lat": None, "lon": None, "feature": None, "geonameid": None}
    return {
        "name": place.name,
        "country": place.country,
        "lat": place.lat,
        "lon": place.lon,
        "feature": place.feature,
        "geonameid": place.geonameid,
    }


def _event(event_id: str, ev: Event) -> dict[str, Any]:
    location = None
    if ev.location is not None:
        location = {
            "name": ev.location.name,
            "country": ev.location.country,
            "lat": ev.location.lat,
            "lon": ev.location.lon,
            "feature": ev.location.feature,
            "text": ev.location_text,
        }
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


def _quotes(st: ArticleState) -> list[dict[str, Any]]:
    out = []
    for k, q in enumerate(st.quotes):
        actor = st.actors.get(q.speaker_actor) if q.speaker_actor else None
        speaker = None
        if q.speaker_actor or q.speaker_text:
            speaker = {
                "actor": q.speaker_actor,
                "country": actor.country if actor else None,
                "text": q.speaker_text,
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
