"""Turn a coded ``Doc`` into the ``whodid.article/1`` record (docs/output.md describes every field),
and a record's JSON object back into the typed record (``ArticleRecord.from_dict``), for what has only
the JSON form: a ``whodid batch`` shard, a record read from a file. The store writes typed records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any, TypeVar, cast

from spacy.tokens import Doc

from whodid.errors import Errors
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

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, origin: str = "record") -> ArticleRecord:
        """The typed record of a ``whodid.article/1`` object, so that ``to_dict()`` gives it back.

        What the JSON form does not hold is left empty: token offsets are -1, a place's population
        0, an event's rule is kept whole (its parts empty). Keys whodid writes with a default may be
        absent (a rule, a confidence, a date's timex). What the typed record cannot say (event and
        quote ids other than e1, e2... and q1, q2... in order; a speaker's country other than its
        actor's) and what is missing or malformed is E429, naming ``origin``."""
        try:
            record = _from_dict(data)
        except (KeyError, TypeError, ValueError, AttributeError, IndexError) as e:
            detail = f"{type(e).__name__}: {e}" if not isinstance(e, KeyError) else f"no key {e}"
            raise Errors.E429.error(origin=origin, detail=detail) from None
        _check_ids(data, origin)
        return record


def build_record(doc: Doc) -> ArticleRecord:
    """The record of a doc that went through every stage. Its spans' texts are those of the article
    as given, also where the model read other spaces as plain ones (``ArticleState.given_text``)."""
    st = state(doc)
    given = st.given_text
    return ArticleRecord(
        article_id=st.article_id,
        published=st.published,
        title=st.title,
        source=st.source,
        url=st.url,
        actors=tuple(st.actors.values()),
        actor_mentions=tuple(_as_given(m, given) for m in st.actor_mentions),
        events=tuple(_event_as_given(ev, given) for ev in st.events),
        quotes=tuple(_quote_as_given(q, given) for q in st.quotes),
        dates=tuple(_as_given(d, given) for d in st.dates),
        places=tuple(_as_given(p, given) for p in st.places),
    )


_Span = TypeVar("_Span", ActorMention, DateMention, PlaceMention)


def _as_given(span: _Span, given: str | None) -> _Span:
    """``span`` with its text as the article gives it (unchanged when the model read the same text)."""
    return span if given is None else replace(span, text=given[span.start : span.end])


def _quote_as_given(q: Quote, given: str | None) -> Quote:
    if given is None:
        return q
    speaker = q.speaker_text
    if q.speaker_start is not None and q.speaker_end is not None:
        speaker = given[q.speaker_start : q.speaker_end]
    return replace(q, text=given[q.start : q.end], speaker_text=speaker)


def _event_as_given(ev: Event, given: str | None) -> Event:
    if given is None:
        return ev
    target = _side_as_given(ev.target, given) if ev.target is not None else None
    evidence = given[ev.evidence_start : ev.evidence_end]
    return replace(ev, source=_side_as_given(ev.source, given), target=target, evidence_text=evidence)


def _side_as_given(side: EventSide, given: str) -> EventSide:
    if side.start is None or side.end is None:
        return side  # no span of its own: the actor's name
    return replace(side, text=given[side.start : side.end])


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


# ---------------------------------------------------------------- the JSON object back to typed objects
NO_TOKEN = -1  # a record read from JSON has no Doc, so no token offsets


def _from_dict(data: dict[str, Any]) -> ArticleRecord:
    art = data["article"]
    published = art.get("published")
    actors, mentions = _actors_of(data["actors"])
    return ArticleRecord(
        article_id=str(art["id"]),
        published=dt.date.fromisoformat(published) if published else None,
        title=art.get("title"),
        source=art.get("source"),
        url=art.get("url"),
        actors=actors,
        actor_mentions=mentions,
        events=tuple(_event_of(e) for e in data["events"]),
        quotes=tuple(_quote_of(q) for q in data["quotes"]),
        dates=tuple(_date_of(d) for d in data["dates"]),
        places=tuple(_place_mention_of(p) for p in data["places"]),
    )


def _check_ids(data: dict[str, Any], origin: str) -> None:
    """E429 when an id or a speaker's country says what the typed record cannot (it numbers them)."""
    for key, prefix in (("events", "e"), ("quotes", "q")):
        for k, item in enumerate(data[key]):
            if item.get("id") != f"{prefix}{k + 1}":
                detail = f"{key}[{k}] has the id {item.get('id')!r}, not {prefix}{k + 1}"
                raise Errors.E429.error(origin=origin, detail=detail)
    countries = {a["id"]: a.get("country") for a in data["actors"]}
    for k, q in enumerate(data["quotes"]):
        speaker = q.get("speaker") or {}
        country = countries.get(speaker["actor"]) if speaker.get("actor") else None
        if speaker.get("country") != country:
            detail = (
                f"quotes[{k}]'s speaker has the country {speaker.get('country')!r}, its actor {country!r}"
            )
            raise Errors.E429.error(origin=origin, detail=detail)


def _actors_of(items: list[dict[str, Any]]) -> tuple[tuple[Actor, ...], tuple[ActorMention, ...]]:
    actors, mentions = [], []
    for a in items:
        country, sector, code = a.get("country"), a.get("sector"), a.get("code")
        actor = Actor(
            id=a["id"],
            name=a["name"],
            kind=a["kind"],
            country=country,
            sector=sector,
            description=a.get("description"),
            former=bool(a.get("former", False)),
            rule=a.get("rule", ""),
            country_rule=a.get("country_rule", ""),
        )
        if actor.code != code:  # a code country and sector do not make: a people's or an organization's
            if country is None and code and code != sector and code.endswith(sector or ""):
                actor.ethnic = code[: len(code) - len(sector or "")]  # "KURMIL": KUR with MIL
            else:
                actor.igo_code = code
        actors.append(actor)
        mentions += [
            ActorMention(
                a["id"], NO_TOKEN, NO_TOKEN, m["start"], m["end"], m.get("text", ""), m.get("rule", "")
            )
            for m in a.get("mentions") or []
        ]
    return tuple(actors), tuple(mentions)


def _side_of(side: dict[str, Any] | None) -> EventSide | None:
    if side is None:
        return None
    return EventSide(
        side.get("actor"),
        side.get("country"),
        side.get("code"),
        side.get("text"),
        side.get("start"),
        side.get("end"),
    )


def _place_of(p: dict[str, Any]) -> Place | None:
    if p.get("name") is None:
        return None
    return Place(p["name"], p.get("country"), p["lat"], p["lon"], p["feature"], p.get("geonameid"))


def _event_of(e: dict[str, Any]) -> Event:
    loc = e.get("location")
    place = _place_of(loc) if loc is not None else None
    sentence, evidence = e["sentence"], e["evidence"]
    return Event(
        source=cast(EventSide, _side_of(e["source"])),
        target=_side_of(e.get("target")),
        cameo=e["cameo"],
        cameo_name=e.get("cameo_name", ""),
        plover=e.get("plover"),
        quad_class=e["quad_class"],
        goldstein=e["goldstein"],
        date=e.get("date"),
        date_precision=e["date_precision"],
        date_source=e["date_source"],
        location=place,
        location_text=loc.get("text") if loc is not None else None,
        modality=e["modality"],
        background=e["background"],
        sentence_index=sentence["index"],
        sentence_start=sentence["start"],
        sentence_end=sentence["end"],
        evidence_start=evidence["start"],
        evidence_end=evidence["end"],
        evidence_text=evidence["text"],
        rule=e.get("rule", ""),
        confidence=e.get("confidence", 0.0),
        location_precision=loc.get("precision") if loc is not None else None,
        location_rule=loc.get("rule", "") if loc is not None else "",
    )


def _quote_of(q: dict[str, Any]) -> Quote:
    speaker = q.get("speaker") or {}
    return Quote(
        start=q["start"],
        end=q["end"],
        text=q["text"],
        kind=q["kind"],
        cue=q.get("cue"),
        cue_token=None,
        speaker_actor=speaker.get("actor"),
        speaker_text=speaker.get("text"),
        rule=q.get("rule", ""),
        confidence=q.get("confidence", 0.0),
        speaker_start=speaker.get("start"),
        speaker_end=speaker.get("end"),
    )


def _date_of(d: dict[str, Any]) -> DateMention:
    value = d.get("value")
    timex = d.get("timex")
    return DateMention(
        start=d["start"],
        end=d["end"],
        text=d["text"],
        value=value,
        precision=d["precision"],
        token_start=NO_TOKEN,
        token_end=NO_TOKEN,
        values=list(d.get("values") or []),
        rule=d.get("rule", ""),
        timex=timex if timex != value else None,
    )


def _place_mention_of(p: dict[str, Any]) -> PlaceMention:
    return PlaceMention(
        start=p["start"],
        end=p["end"],
        text=p["text"],
        token_start=NO_TOKEN,
        token_end=NO_TOKEN,
        place=_place_of(p),
        rule=p.get("rule", ""),
        confidence=p.get("confidence", 0.0),
    )
