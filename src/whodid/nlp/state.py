"""The typed state that each pipeline stage reads from and writes to a spaCy ``Doc``.

One ``ArticleState`` hangs on ``doc._.whodid``. Stages run in order (dates, actors, places, quotes,
events) and each fills its own list; later stages read what earlier ones wrote, never the reverse.
Token indices are ``Doc`` token indices; character offsets are into the exact input text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

from spacy.tokens import Doc

if TYPE_CHECKING:
    from whodid.nlp.view import DocView

Precision = Literal["day", "month", "year", "unknown"]
Feature = Literal["city", "region", "country", "water", "continent", "landmark"]
# asserted: happened; future: planned or announced; hypothetical: conditional, wished, possible;
# negated: reported as not done; cancelled: called off or postponed (never counted as the act)
Modality = Literal["asserted", "future", "hypothetical", "negated", "cancelled"]
QuoteKind = Literal["direct", "partial", "indirect"]
DateSource = Literal["text", "publication", "inferred"]


@dataclass
class DateMention:
    """A date expression normalized against the publication date."""

    start: int  # char offset
    end: int
    text: str
    value: str | None  # YYYY-MM-DD / YYYY-MM / YYYY; None when it cannot be resolved
    precision: Precision
    token_start: int
    token_end: int  # exclusive
    values: list[str] = field(default_factory=list)  # every day of a range ("Thursday and Friday")
    rule: str = ""
    # the TIMEX3 value (TimeML): like ``value`` but also weeks ("2021-W11"), quarters ("2021-Q1"),
    # seasons ("2021-SU"), decades ("199"), centuries ("19") and PRESENT_REF / PAST_REF / FUTURE_REF;
    # None means "same as value"
    timex: str | None = None


@dataclass
class Place:
    """A gazetteer entry."""

    name: str
    country: str | None  # ISO3
    lat: float
    lon: float
    feature: Feature
    geonameid: int | None = None
    population: int = 0


@dataclass
class PlaceMention:
    """A toponym in the text with its resolution (``place`` is None when unresolved)."""

    start: int
    end: int
    text: str
    token_start: int
    token_end: int
    place: Place | None
    rule: str = ""
    confidence: float = 0.0


@dataclass
class Actor:
    """A person, organization, state or group, resolved to country and CAMEO sector."""

    id: str
    name: str
    kind: Literal["person", "organization", "state", "group"]
    country: str | None
    sector: str | None
    description: str | None = None
    former: bool = False
    igo_code: str | None = None  # e.g. IGOUNO: used as the code when country is None
    ethnic: str | None = None  # a people that is no state's (KUR): its code leads when country is None
    rule: str = ""
    # how the country was found when the actor's own words do not say it ("country:region",
    # "country:focus"; see actors/context.py); empty when they do
    country_rule: str = ""

    @property
    def code(self) -> str | None:
        if self.igo_code:
            return self.igo_code
        if self.country is None and self.ethnic:
            return self.ethnic + (self.sector or "")  # "Kurdish fighters": KURMIL
        if self.country is None:
            return self.sector  # CAMEO codes an actor of unknown country by its sector alone ("REB")
        return self.country + (self.sector or "")


@dataclass
class ActorMention:
    """A span of tokens that refers to an actor."""

    actor_id: str
    token_start: int
    token_end: int  # exclusive
    start: int
    end: int
    text: str
    rule: str = ""


@dataclass
class Quote:
    start: int  # char offsets of the quoted content, without the quotation marks
    end: int
    text: str
    kind: QuoteKind
    cue: str | None
    cue_token: int | None
    speaker_actor: str | None  # Actor.id
    speaker_text: str | None
    rule: str = ""
    confidence: float = 0.0
    speaker_start: int | None = None  # char offsets of speaker_text
    speaker_end: int | None = None


@dataclass
class EventSide:
    actor_id: str | None
    country: str | None
    code: str | None
    text: str | None
    start: int | None = None  # char offsets of ``text`` in the sentence (None: the actor's name)
    end: int | None = None


@dataclass
class Event:
    source: EventSide
    target: EventSide | None
    cameo: str
    cameo_name: str
    plover: str | None
    quad_class: int
    goldstein: float
    date: str | None
    date_precision: Precision
    date_source: DateSource
    location: Place | None
    location_text: str | None
    modality: Modality
    background: bool
    sentence_index: int
    sentence_start: int
    sentence_end: int
    evidence_start: int
    evidence_end: int
    evidence_text: str
    rule: str  # rendered from the typed fields below: "<trigger_rule> src:<source_rule> <content_rule>"
    confidence: float
    trigger_rule: str = ""  # the lexicon row or pattern that fired ("verb:accuse", "noun:talks+verb:hold")
    source_rule: str = ""  # how the source was found ("explicit", "agent", "inherited", "quote-speaker", ...)
    content_rule: str = ""  # how a statement's content set its code ("content:criticism"); empty otherwise
    location_precision: str | None = None  # city | region | country, when the locator placed the event
    location_rule: str = ""  # clause | sentence | dateline (+ ":part-of", ":near", ":direction-of")


@dataclass
class ArticleState:
    """Everything whodid has found in one article so far."""

    article_id: str
    published: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    # the article as given, when the model read it with other spaces as plain ones (``model_text``):
    # the record's spans are taken from it, so ``text[start:end]`` gives each span back exactly
    given_text: str | None = None
    # the Doc's text, entities, sentences and tokens, built once for all stages (whodid.nlp.view);
    # dropped when the stages are done
    view: DocView | None = field(default=None, repr=False, compare=False)
    dates: list[DateMention] = field(default_factory=list)
    actors: dict[str, Actor] = field(default_factory=dict)
    actor_mentions: list[ActorMention] = field(default_factory=list)
    places: list[PlaceMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # token index -> ids of the actors that token refers to (several for "Chinese and Russian
    # officials"), filled by the actor stage for fast lookups by later stages
    token_actors: dict[int, list[str]] = field(default_factory=dict)
    # token indices claimed by people and organizations: never toponyms
    non_place_tokens: set[int] = field(default_factory=set)
    # sentence indices that are bylines or boilerplate: no actors, events or quotes there
    boilerplate_sentences: set[int] = field(default_factory=set)
    # tokens of a dateline ("KYIV, Ukraine (AP) —"): places, but no actors
    dateline_tokens: set[int] = field(default_factory=set)


def ensure_extension() -> None:
    """Register ``Doc._.whodid`` (idempotent)."""
    if not Doc.has_extension("whodid"):
        Doc.set_extension("whodid", default=None)


def state(doc: Doc) -> ArticleState:
    """The article state of ``doc``; raises if the doc was not made by a whodid pipeline."""
    st = doc._.whodid
    if not isinstance(st, ArticleState):
        raise TypeError("this Doc has no whodid state: make it with whodid.load().make_doc()")
    return st
