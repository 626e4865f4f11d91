"""Calibrated confidence: an event's ``confidence`` is the share of events like it that are right.

"Like it" is said by a few typed features of the record (what kind of code, how sure its source and
target are, how the source was found, its modality). A logistic model turns them into a probability;
its weights live in ``data/events/confidence.tsv`` and are fitted by ``scripts/fit_confidence.py`` on
whole articles whose every event an expert coded (``../shared/gold/articles``): an event is right when
its sentence, source and target keys and CAMEO root match a gold event. The reliability table in
``docs/ACCURACY.md`` compares predicted and observed precision per band.

>>> model = ConfidenceModel({"bias": 0.0, "src:none": -2.0})
>>> round(model.probability(["bias"]), 2), round(model.probability(["bias", "src:none"]), 2)
(0.5, 0.12)
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from pathlib import Path

from whodid.events.lexicon import LexiconFolders, read_weights
from whodid.nlp.spans import SpanIndex
from whodid.nlp.state import Actor, ArticleState, Event, Quote

CONFIDENCE_FILE = "confidence.tsv"
# events below this confidence are left out by default (whodid code, ingest, events, dyad, export):
# chosen from the cross-fitted threshold table in docs/ACCURACY.md, where it keeps nine in ten of the
# required events found and leaves out the bands whose observed precision is about one in four
DEFAULT_MIN_CONFIDENCE = 0.35
STATEMENT = "010"
# sectors of private people (citizens, refugees, clergy, teachers, doctors, media)
PRIVATE_SECTORS = frozenset({"CVL", "REF", "REL", "EDU", "HLH", "MED"})
POLITICAL_SECTORS = frozenset(
    {"GOV", "MIL", "COP", "JUD", "LEG", "PTY", "OPP", "REB", "INS", "SEP", "SPY", "UAF", "IGO", "IMG", "NGO"}
    | {"HRI", "ELI", "RAD", "MOD", "NGM"}
)


def quote_index(st: ArticleState) -> SpanIndex[Quote]:
    """The article's quotations by character offset (build once per article, not once per event)."""
    return SpanIndex(st.quotes, start=lambda q: q.start, end=lambda q: q.end)


def event_features(ev: Event, st: ArticleState, quotes: SpanIndex[Quote] | None = None) -> list[str]:
    """The features of one event the confidence model weighs (always including ``bias``); ``quotes``
    is :func:`quote_index` of the article (built here when not given)."""
    out = ["bias", f"root:{ev.cameo[:2]}"]
    if ev.cameo == STATEMENT:
        out.append("code:plain-statement")
    if ev.content_rule:
        out.append(ev.content_rule)
    if ev.trigger_rule.startswith("noun:"):
        out.append("trigger:noun")
    source = st.actors.get(ev.source.actor_id or "")
    target = st.actors.get(ev.target.actor_id or "") if ev.target is not None else None
    out.append("src:" + _quality(source))
    if source is not None and source.sector in PRIVATE_SECTORS:
        out.append("src:private")  # a grandmother, a pastor, residents: they speak more than they act
    out.append("tgt:" + (_quality(target) if ev.target is not None else "none"))
    if source is not None and target is not None and source.country and source.country == target.country:
        out.append("same-country")
    out.append("how:" + (ev.source_rule.split(" ", 1)[0] or "none"))
    if "reciprocal" in ev.source_rule.split():
        out.append("how:reciprocal")
    quote = (quotes or quote_index(st)).at(ev.evidence_start)
    if quote is not None:
        # inside a quotation a verb is the speaker's words: an act of the speaker's own side is its
        # report, a third party's act only what the speaker says of it
        own = quote.speaker_actor is not None and (
            quote.speaker_actor == ev.source.actor_id
            or (
                source is not None
                and source.country is not None
                and _country(st, quote.speaker_actor) == source.country
            )
        )
        out.append("quoted:own" if own else "quoted:other")
    if not (_political(source) or _political(target)):
        out.append("no-political-side")  # a doctor and market analysts: no political event
    out.append(f"modality:{ev.modality}")
    if ev.background:
        out.append("background")
    return out


def _country(st: ArticleState, actor_id: str) -> str | None:
    actor = st.actors.get(actor_id)
    return actor.country if actor is not None else None


def _political(actor: Actor | None) -> bool:
    """A state, its government, forces, courts, legislators and parties, the opposition, armed groups,
    international and non-governmental organizations: the actors a political event needs on one side
    (GUIDELINES: businesses, media or citizens count when they act toward these)."""
    if actor is None:
        return False
    return actor.kind == "state" or bool(actor.igo_code) or actor.sector in POLITICAL_SECTORS


def _quality(actor: Actor | None) -> str:
    """How an actor keys: its country from its own words, a country inferred from the article, an
    international organization, a sector alone, or nothing codable."""
    if actor is None:
        return "none"
    if actor.igo_code:
        return "igo"
    if actor.country:
        return "inferred" if actor.country_rule else "country"
    return "sector" if actor.sector else "nothing"


class ConfidenceModel:
    """Feature weights of a logistic model; unknown features weigh nothing."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.weights = dict(weights)

    @classmethod
    def load(cls, data_dir: Path | LexiconFolders | None = None) -> ConfidenceModel:
        """The packaged weights (``data/events/confidence.tsv``), or those of ``data_dir``: one folder,
        or a :class:`~whodid.events.lexicon.LexiconFolders` stack whose user rows replace features'
        weights or add features."""
        return cls(LexiconFolders.of(data_dir).table(CONFIDENCE_FILE, read_weights))

    def probability(self, features: Iterable[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def confidence(self, ev: Event, st: ArticleState, quotes: SpanIndex[Quote] | None = None) -> float:
        """The calibrated confidence of ``ev``, rounded to two decimals."""
        return round(self.probability(event_features(ev, st, quotes)), 2)
