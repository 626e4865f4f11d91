"""Where an event happened: the place of its clause, else of its sentence, else of the article's
dateline; with the precision of the answer and the rule that gave it.

Only places the text puts events in count: the object of a locative preposition ("in", "at", "near",
...) attached to a verb or to a noun of a happening ("a rally in X"). A place that describes a person or
a thing ("an expert at X", "who live in X", "the consulate in X") places nothing, and neither does a
country that is an actor ("Syria agreed"). Nothing falls back to a capital or to an actor's country: no
location is better than a made-up one. Worked examples (places resolved by the place stage):

- "Rebels shelled a convoy in eastern Syria." -> Syria, precision ``country``, rule
  ``clause:part-of`` (a compass word before a country names a part of it, not a same-named town).
- "Troops clashed with gunmen 30 km south of Baghdad." -> Baghdad's province, precision ``region``,
  rule ``clause:direction-of`` (a direction *of* a city is near it, not in it).
- "Speaking in Lagos, the minister condemned the attack." -> Lagos, ``city``, rule ``sentence``.
- "KABUL, Afghanistan (AP) -- Gunmen attacked a checkpoint." -> Kabul by rule ``dateline``, for a
  sentence that names no other place than the dateline's place or its country.

An earlier sentence of the paragraph is not used: on a hand-checked sample, the place it names was the
place of the next sentence's event in none of nine cases (what a speaker said somewhere else, a
debate ahead of which something happened, ...).
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from spacy.tokens import Doc, Span, Token

from whodid.nlp.state import Place, PlaceMention, state
from whodid.places.gazetteer import Gazetteer
from whodid.places.tables import read_word_list

LocationPrecision = Literal["city", "region", "country"]

# Prepositions that put what their clause tells in a place; "near"-like ones put it close to it.
# ("on" and "over" are left out: "addressed the Council on Syria", "a dispute over Kashmir" are topics)
IN_PREPS = frozenset({"in", "at", "inside", "within", "throughout", "across"})
NEAR_PREPS = frozenset({"near", "outside", "around", "off"})
COMPASS = frozenset(
    {"north", "south", "east", "west", "northern", "southern", "eastern", "western", "central"}
    | {"northeast", "northwest", "southeast", "southwest", "northeastern", "northwestern"}
    | {"southeastern", "southwestern", "north-east", "north-west", "south-east", "south-west"}
    | {"north-eastern", "north-western", "south-eastern", "south-western"}
)
# Nouns of happenings (``data/places/occasion_nouns.txt``): "a rally in X" places the rally, and
# the act of a verb that holds it (``occasion_verbs.txt``: "held a rally in X"), not "condemned the
# violence in X".
OCCASION_NOUNS = read_word_list("occasion_nouns.txt")
HOSTING_VERBS = read_word_list("occasion_verbs.txt")
# Prepositions whose object is the act's other side: "clashed with rebels in X", "fired at crowds in
# X" (not "pushed for a reunion in X").
TARGET_PREPS = frozenset({"with", "against", "at"})
# Dependencies that make a clause of their own, and those of a clause's subject.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
# Confidence of each rule (at most the place mention's own).
RULE_CONFIDENCE = {"clause": 0.8, "sentence": 0.6, "dateline": 0.4}
_PRECISION: dict[str, LocationPrecision] = {
    "city": "city",
    "landmark": "city",
    "region": "region",
    "water": "region",
    "country": "country",
}


@dataclass(frozen=True)
class EventLocation:
    """The location of one event: the place, the toponym it comes from, how precise it is and why."""

    place: Place
    text: str  # the toponym as written
    start: int  # char offsets of ``text``
    end: int
    precision: LocationPrecision
    rule: str  # clause | sentence | dateline, with ":part-of", ":near", ":direction-of"
    confidence: float


@dataclass(frozen=True)
class _Locative:
    """A place the text puts something in: the token it belongs to and how it relates to it."""

    mention: PlaceMention
    anchor: int  # the verb or occasion noun the place belongs to
    how: str  # in, part-of, near, direction-of


class EventLocator:
    """The locations of one article's events; built once per ``Doc`` after the place stage.

    >>> locator = EventLocator(doc, gazetteer=Gazetteer.shared())  # doctest: +SKIP
    >>> locator.locate(doc[3])  # the event's trigger token  # doctest: +SKIP
    """

    def __init__(self, doc: Doc, *, gazetteer: Gazetteer) -> None:
        st = state(doc)
        self._doc = doc
        self._gazetteer = gazetteer
        self._sents: list[Span] = list(doc.sents)
        self._starts = [s.start for s in self._sents]
        self._locatives: dict[int, list[_Locative]] = {}
        self._named: dict[int, list[PlaceMention]] = {}  # every toponym of a sentence
        self._dateline: PlaceMention | None = None
        for m in st.places:
            if m.token_end <= m.token_start:
                continue
            s = self._sentence_of(m.token_start)
            if m.token_start not in st.dateline_tokens:
                self._named.setdefault(s, []).append(m)
            if m.place is None:
                continue
            if m.token_start in st.dateline_tokens:
                if self._dateline is None and m.place.feature in _PRECISION:
                    self._dateline = m
                continue
            if m.rule == "demonym" or m.place.feature not in _PRECISION:
                continue
            loc = _locative(doc, m)
            if loc is not None:
                self._locatives.setdefault(s, []).append(loc)

    def locate(self, trigger: Token, *, clause: PlaceMention | None = None) -> EventLocation | None:
        """Where the event of ``trigger`` happened, or None when the text does not say.

        ``clause`` is the place the event coder already attached to the trigger's clause, if any.
        """
        s = self._sentence_of(trigger.i)
        here = self._locatives.get(s, [])
        if clause is not None:
            given = next((loc for loc in here if loc.mention.start == clause.start), None)
            return self._location(given or _Locative(clause, trigger.i, "in"), "clause")
        own = _clause_of(trigger)
        acts = {clause.i for clause in _act_chain(own, purpose=True)}
        linked = [
            loc
            for loc in here
            if loc.anchor == trigger.i
            or (
                self._doc[loc.anchor].pos_ != "NOUN"
                and _act_chain(_clause_of(self._doc[loc.anchor]), purpose=False)[-1].i in acts
            )
        ]
        if linked:
            best = min(linked, key=lambda loc: (_tree_distance(self._doc, loc.anchor, trigger.i), loc.anchor))
            same = best.anchor == trigger.i or _clause_of(self._doc[best.anchor]).i == own.i
            return self._location(best, "clause" if same else "sentence")
        return self._from_dateline(s)

    def _from_dateline(self, s: int) -> EventLocation | None:
        m = self._dateline
        if m is None or not self._agrees(s, m):  # "NAIROBI -- ... Kenyan police ..." agrees
            return None
        return self._location(_Locative(m, m.token_start, "in"), "dateline")

    def _agrees(self, s: int, m: PlaceMention) -> bool:
        """Whether the sentence names no place but ``m`` itself and its country: a sentence that
        names another place (even an unknown one) may well be about somewhere else."""
        place = m.place
        if place is None:
            return False
        for other in self._named.get(s, ()):
            there = other.place
            if there is None:
                return False
            same = there.name == place.name and there.country == place.country
            if not same and not (there.feature == "country" and there.country == place.country):
                return False
        return True

    def _location(self, loc: _Locative, rule: str) -> EventLocation | None:
        m = loc.mention
        place = m.place
        if place is None:
            return None
        precision = _PRECISION.get(place.feature)
        if precision is None:
            return None
        if loc.how == "direction-of" and precision == "city":
            place, precision = self._around(place)
        full_rule = rule if loc.how == "in" else f"{rule}:{loc.how}"
        confidence = min(RULE_CONFIDENCE[rule], m.confidence or RULE_CONFIDENCE[rule])
        return EventLocation(place, m.text, m.start, m.end, precision, full_rule, round(confidence, 3))

    def _around(self, city: Place) -> tuple[Place, LocationPrecision]:
        """The area around a city ("south of X"): its state or province, else its country."""
        code = self._gazetteer.city_area(city)
        area = self._gazetteer.area(code) if code else None
        if area is not None:
            return area, "region"
        country = self._gazetteer.country(city.country) if city.country else None
        return (country, "country") if country is not None else (city, "city")

    def _sentence_of(self, token: int) -> int:
        return bisect_right(self._starts, token) - 1


def _locative(doc: Doc, m: PlaceMention) -> _Locative | None:
    """The place as a locative phrase, or None when it is no such thing (an actor, a modifier)."""
    root = doc[m.token_start : m.token_end].root
    how = "in"
    if root.dep_ == "poss" and root.head.lower_ in COMPASS:  # "Syria's north-west"
        root, how = root.head, "part-of"
    elif any(c.dep_ in ("amod", "compound") and c.lower_ in COMPASS for c in root.children) or (
        m.token_start > 0 and doc[m.token_start - 1].lower_ in COMPASS
    ):
        how = "part-of"  # "eastern Syria": a part of the place named, never a town of that name
    while root.dep_ in ("conj", "appos") and root.head.i != root.i:  # "in Oakport and Moorhead"
        root = root.head
    if root.dep_ != "pobj":
        return None
    prep = root.head
    word = prep.lower_
    if word == "of" and prep.head.lower_ in COMPASS:  # "30 km south of Baghdad"
        how, prep = "direction-of", prep.head
    elif word in NEAR_PREPS:
        how = "near" if how == "in" else how
    elif word not in IN_PREPS:
        return None
    anchor = _anchor(prep.head)
    if anchor is None:
        return None
    return _Locative(m, anchor.i, how)


def _anchor(head: Token) -> Token | None:
    """What a locative phrase attached to ``head`` places: a verb; the verb of an occasion that is its
    object or adjunct ("held a rally in X", "said during an interview in X"); the occasion itself
    deeper down ("resisted the staging of a parade in X" places the parade, not the resisting); or the
    verb of an object that is the act's target ("shelled positions in X", "clashed with rebels in X":
    where those are, the act is). A place of a subject or of any other noun describes it."""
    if head.pos_ in ("VERB", "AUX"):
        return head
    if head.pos_ not in ("NOUN", "PROPN"):
        return None
    verb = _verb_of_object(head)
    if head.pos_ == "NOUN" and head.lemma_.lower() in OCCASION_NOUNS:
        hosting = verb is not None and (head.dep_ == "pobj" or verb.lemma_.lower() in HOSTING_VERBS)
        return verb if hosting else head
    if verb is not None and (head.dep_ in ("dobj", "dative") or head.head.lower_ in TARGET_PREPS):
        return verb
    return None


def _verb_of_object(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through one preposition, else None."""
    if noun.dep_ in ("dobj", "dative") and noun.head.pos_ == "VERB":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def _clause_of(tok: Token) -> Token:
    """The verb of the clause ``tok`` belongs to, through its nouns and prepositions."""
    head = tok
    while head.pos_ not in ("VERB", "AUX") and head.dep_ not in CLAUSE_DEPS and head.head.i != head.i:
        head = head.head
    return head


def _act_chain(clause: Token, *, purpose: bool) -> list[Token]:
    """The clause and those it is one act with, up to the first: through verbs coordinated under one
    subject ("arrived in X and married"), participles without a subject ("Speaking in X, he said")
    and, with ``purpose``, infinitives of purpose ("arrived in X to investigate": the investigating
    is in X, but "called for troops to fight in X" is not a call in X). Never through reported
    speech ("said that ... in X") or relative clauses ("who live in X")."""
    chain = [clause]
    for _ in range(8):
        if clause.head.i == clause.i or any(c.dep_ in SUBJECT_DEPS for c in clause.children):
            break
        participle = clause.dep_ == "advcl" and clause.tag_ in PARTICIPLE_TAGS
        infinitive = clause.dep_ in ("advcl", "xcomp") and any(c.tag_ == "TO" for c in clause.children)
        if clause.dep_ == "conj" or participle or (purpose and infinitive):
            clause = _clause_of(clause.head)
            chain.append(clause)
        else:
            break
    return chain


def _tree_distance(doc: Doc, a: int, b: int) -> int:
    """Edges between two tokens of one sentence in the dependency tree."""
    up_a = [a, *(t.i for t in doc[a].ancestors)]
    depth = {i: d for d, i in enumerate(up_a)}
    for d, i in enumerate([b, *(t.i for t in doc[b].ancestors)]):
        if i in depth:
            return depth[i] + d
    return len(up_a) + 64  # different trees: farther than anything in the same one
