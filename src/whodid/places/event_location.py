"""Where an event happened: the place of its clause, else of its sentence, else of the article's
dateline, else of the act's subject; with the precision of the answer and the rule that gave it.

Places the text puts events in count first: the object of a locative preposition ("in", "at",
"near", ...) attached to a verb, to a noun of a happening ("a rally in X"), to a venue of the act
("outside a restaurant in X") or to a visit ("a visit to X", "visited X"); ground taken by force
("invaded X", "the occupation of X"); a site a town owns or names ("in X's main square", "at an X
rally"); a part of a place ("on the outskirts of X", "in front of the parliament in X"). A place that
describes a person or a thing ("an expert at X", "who live in X", "the consulate in X") places
nothing there.
Failing those, the dateline, unless the sentence puts the act elsewhere (a place where something
happens, a subject of another place, a town in a phrase of the act). Failing that, the place the act's
subject names ("Fargo police arrested ...", "people in Germany protested ..."), when the sentence
names places of that one country only, or for a verb of saying whatever else it names: a speaker
speaks where the subject puts them. Nothing falls back to a capital or to an actor's country ("Syria
agreed", "Syrian police arrested" place nothing). Worked examples (places resolved by the place
stage):

- "Rebels shelled a convoy in eastern Syria." -> Syria, precision ``country``, rule
  ``clause:part-of`` (a compass word before a country names a part of it, not a same-named town).
- "Troops clashed with gunmen 30 km south of Baghdad." -> Baghdad's province, precision ``region``,
  rule ``clause:direction-of`` (a direction *of* a city is near it, not in it).
- "Speaking in Lagos, the minister condemned the attack." -> Lagos, ``city``, rule ``sentence``.
- "KABUL, Afghanistan (AP) -- Gunmen attacked a checkpoint." -> Kabul by rule ``dateline``; also
  "LONDON -- The minister said Russia must answer" (Russia is what was said, not where).
- "Officials in Riyadh said Iraqi troops crossed the border." -> Riyadh, ``city``, rule ``subject``;
  but not for "a Gaza researcher", "the Cairo embassy", "Havana exiles", "the former Ohio
  governor", "Sen. X of Vermont" (``away_roles.txt``, ``away_words.txt``).

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
from whodid.nlp.view import view
from whodid.places.gazetteer import Gazetteer
from whodid.places.tables import read_word_list
from whodid.quotes.finder import load_cues

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
# Verbs of saying (``data/quotes/cues.txt``): a speaker speaks where their subject puts them.
SPEECH_VERBS = load_cues()
# Words of going somewhere (``travel_words.txt``): "a visit to X" and "visited X" are in X.
TRAVEL_WORDS = read_word_list("travel_words.txt")
# Words of force over ground (``territory_words.txt``): "invaded Kuwait", "the occupation of the West
# Bank" happen in the place that is their object.
TERRITORY_WORDS = read_word_list("territory_words.txt")
# Nouns of a part of a place or its surroundings (``spatial_parts.txt``): "in front of the parliament
# in X", "on the outskirts of X" put the act where the parliament or X is.
SPATIAL_PARTS = read_word_list("spatial_parts.txt")
# Prepositions before such a part ("on the outskirts of X", "through the streets of X").
PART_PREPS = IN_PREPS | NEAR_PREPS | {"on", "through"}
# Nouns of a site (``site_nouns.txt``): a town that owns or names one says where it is ("in Kampala's
# main square", "outside the Nairobi courthouse"); so does a town that names an occasion after "at",
# "outside", ... ("at a Denver rally"), not after "in" ("charged in the Birmingham bombing").
SITE_NOUNS = read_word_list("site_nouns.txt")
# Features of a place that a possessive or a noun modifier locates: a town or region. "Israel's
# embassy" and "the Iraq talks" are not in Israel or Iraq, so a country (or a demonym) locates nothing
# that way.
MODIFIER_FEATURES = frozenset({"city", "landmark", "region"})
# Prepositions that put an act at a venue: "told reporters outside a restaurant in X" is in X ("in" is
# left out: "arrested in the killing of a man in X" is no arrest in X).
VENUE_PREPS = frozenset({"at", "outside", "inside", "near", "around"})
# People whose place is their topic or a country they represent abroad ("a Cuba adviser", "the
# Egyptian ambassador"), and words that put a nation's people abroad ("Cuban exiles"): neither places
# its subject's act (``away_roles.txt``, ``away_words.txt``).
AWAY_ROLES = read_word_list("away_roles.txt")
AWAY_WORDS = read_word_list("away_words.txt")
# Words that make a role a past one ("the former governor of Florida").
PAST_ROLE_WORDS = frozenset({"former", "ex", "ex-", "onetime", "erstwhile"})
# Prepositions of a topic or a goal, not of where someone is: "an adviser on Cuba", "hopes for Syria".
TOPIC_PREPS = frozenset({"on", "about", "over", "toward", "towards"})
# Prepositions whose object is the act's other side: "clashed with rebels in X", "fired at crowds in
# X" (not "pushed for a reunion in X").
TARGET_PREPS = frozenset({"with", "against", "at"})
# Dependencies that make a clause of their own, and those of a clause's subject.
CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "csubj", "parataxis", "conj"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
# Dependencies inside a prepositional phrase, up to the word it hangs on.
PHRASE_DEPS = frozenset({"prep", "pobj", "conj", "appos", "compound", "nmod", "poss"})
# Confidence of each rule (at most the place mention's own).
RULE_CONFIDENCE = {"clause": 0.8, "sentence": 0.6, "dateline": 0.4, "subject": 0.3}
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
        self._sents: list[Span] = list(view(doc).sents)
        self._starts = [s.start for s in self._sents]
        self._locatives: dict[int, list[_Locative]] = {}
        self._named: dict[int, list[PlaceMention]] = {}  # every toponym of a sentence
        self._dateline: PlaceMention | None = None
        self._cues = {q.cue_token for q in st.quotes if q.cue_token is not None}  # verbs of saying
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
            if given is not None:  # "in Dearborn, Mich.": the town, not its state
                given = min((loc for loc in here if _same_phrase(given, loc)), key=_coarseness)
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
            best = min(
                linked,
                key=lambda loc: (
                    _tree_distance(self._doc, loc.anchor, trigger.i),
                    loc.anchor,
                    _coarseness(loc),
                ),
            )
            same = best.anchor == trigger.i or _clause_of(self._doc[best.anchor]).i == own.i
            return self._location(best, "clause" if same else "sentence")
        clauses = acts | _saying_clauses(trigger)
        speech = trigger.i in self._cues or trigger.lemma_.lower() in SPEECH_VERBS
        return self._from_dateline(s, clauses) or self._from_subject(s, clauses, speech=speech)

    def _from_subject(self, s: int, clauses: set[int], *, speech: bool) -> EventLocation | None:
        """The place of the act's subject ("Syrian authorities will provide ...", "the Fargo mayor
        said ..."), for a sentence all of whose places lie in one country: an act that names no other
        country is done at home. A speaker speaks where the subject puts them, whatever else the
        sentence names ("Saudi officials said Kuwaiti jets ..."). The finest of the subject's places."""
        named = self._named.get(s, ())
        subjects = self._subject_tokens(clauses)
        among = [m for m in named if m.token_start in subjects] if speech else named
        if speech and any(_placed_in(self._doc, m) for m in among):
            # "Cuban exiles in Miami say": where the speakers are, not the nation they are of
            among = [m for m in among if m.rule != "demonym"]
        countries = {m.place.country if m.place is not None else None for m in among}
        if len(countries) != 1 or None in countries:
            return None
        own = [
            _Locative(m, m.token_start, "in")
            for m in named
            if m.token_start in subjects
            and m.place is not None
            and m.place.feature in _PRECISION
            and (m.place.feature != "country" or _placed_in(self._doc, m))
            and _home_of_subject(self._doc, m)
        ]
        if not own:
            return None
        finest = min(own, key=_coarseness)
        if any(
            loc.mention.place != finest.mention.place and _coarseness(loc)[0] == _coarseness(finest)[0]
            for loc in own
        ):
            return None  # two towns or two states in the subject: no one place
        return self._location(finest, "subject")

    def _from_dateline(self, s: int, clauses: set[int]) -> EventLocation | None:
        """The dateline's place, unless the sentence puts the act somewhere else; ``clauses`` are the
        verbs of the act and of the clauses it is said or done in, whose subjects are checked."""
        m = self._dateline
        if m is None or not self._agrees(s, m, clauses):  # "NAIROBI -- ... Kenyan police ..." agrees
            return None
        return self._location(_Locative(m, m.token_start, "in"), "dateline")

    def _agrees(self, s: int, m: PlaceMention, clauses: set[int]) -> bool:
        """Whether the sentence puts the act nowhere but at the dateline: every other place it names
        is the dateline's place or its country, or neither a place where something happens ("in X",
        even an unknown X), nor in the subject of the act or of a clause it is said in ("Iranian
        officials said", "police in X said they arrested"), nor a town or state in a phrase of the
        act ("said from her home in X"). A country or town the act is about ("imposed sanctions on
        Iran", "said Russia would ...") leaves the act where the story was filed."""
        place = m.place
        if place is None:
            return False
        subjects = self._subject_tokens(clauses)
        for other in self._named.get(s, ()):
            there = other.place
            if there is not None and there.name == place.name and there.country == place.country:
                continue
            if there is not None and there.feature == "country" and there.country == place.country:
                continue
            if other.token_start in subjects or _locative(self._doc, other) is not None:
                return False
            if (there is None or there.feature != "country") and _hangs_on(self._doc, other, clauses):
                return False  # "said from her home in X", "pushed for a reunion in X"
        return True

    def _subject_tokens(self, clauses: set[int]) -> set[int]:
        """The tokens of the subjects of ``clauses``."""
        out: set[int] = set()
        for i in clauses:
            for child in self._doc[i].children:
                if child.dep_ in SUBJECT_DEPS:
                    out.update(t.i for t in child.subtree)
        return out

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


def _coarseness(loc: _Locative) -> tuple[int, int]:
    """Finer places first (a city before its state), then text order."""
    place = loc.mention.place
    precision = _PRECISION.get(place.feature, "country") if place is not None else "country"
    return ("city", "region", "country").index(precision), loc.mention.token_start


def _same_phrase(a: _Locative, b: _Locative) -> bool:
    """Whether two places are one locative phrase ("Dearborn, Mich."): same anchor, a comma apart."""
    gap = max(a.mention.token_start, b.mention.token_start) - min(a.mention.token_end, b.mention.token_end)
    return a.anchor == b.anchor and a.how == b.how and gap <= 1


def _locative(doc: Doc, m: PlaceMention) -> _Locative | None:
    """The place as a locative phrase, or None when it is no such thing (an actor, a modifier)."""
    root = doc[m.token_start : m.token_end].root
    how = "in"
    if root.dep_ == "poss" and root.head.lower_ in COMPASS:  # "Syria's north-west"
        root, how = root.head, "part-of"
    elif any(
        c.dep_ in ("amod", "compound") and c.lower_ in COMPASS and not m.token_start <= c.i < m.token_end
        for c in root.children
    ) or (m.token_start > 0 and doc[m.token_start - 1].lower_ in COMPASS):
        # "eastern Syria": a part of the place named, never a town of that name; a compass word inside
        # the name is the name's own ("the West Bank", "North Korea")
        how = "part-of"
    # "in Oakport and Moorhead"; "in Dearborn, Mich." (the town hangs on its state)
    while root.head.i != root.i and (
        root.dep_ in ("conj", "appos") or (root.dep_ == "nmod" and root.head.pos_ == "PROPN")
    ):
        root = root.head
    if root.dep_ == "dobj" and root.head.lemma_.lower() in TRAVEL_WORDS | TERRITORY_WORDS:
        return _Locative(m, root.head.i, how)  # "visited Kurdistan", "invaded Kuwait"
    if (  # "the occupation of the West Bank": the occupation, not a verb that holds it
        root.dep_ == "pobj"
        and root.head.lower_ == "of"
        and root.head.head.pos_ == "NOUN"
        and root.head.head.lemma_.lower() in TERRITORY_WORDS
    ):
        return _Locative(m, root.head.head.i, how)
    if how == "in" and _names_a_site(root, m):
        root = root.head  # "in Kampala's main square", "at a Denver rally": where the square is
    if root.dep_ != "pobj":
        return None
    prep = root.head
    word = prep.lower_
    part = prep.head
    if (  # "in the heart of Nairobi", "on the outskirts of Kabul": where the part is
        word == "of"
        and part.lemma_.lower() in SPATIAL_PARTS
        and part.dep_ == "pobj"
        and part.head.lower_ in PART_PREPS
    ):
        prep, word = part.head, "in"
    if word == "of" and prep.head.lower_ in COMPASS:  # "30 km south of Baghdad"
        how, prep = "direction-of", prep.head
    elif word in NEAR_PREPS:
        how = "near" if how == "in" else how
    elif word == "to" and prep.head.lemma_.lower() in TRAVEL_WORDS:  # "on a visit to Mexico"
        pass
    elif word not in IN_PREPS:
        return None
    anchor = _anchor(prep.head)
    if anchor is None:
        return None
    return _Locative(m, anchor.i, how)


def _names_a_site(root: Token, m: PlaceMention) -> bool:
    """Whether the place (a town or region) owns or names the object of a preposition that is a site
    ("in Kampala's main square", "in the Cleveland area") or, after "at", "outside", ..., an occasion
    ("at a Denver rally"); not a thing or a happening it names ("at Washington's failure", "his Miami
    relatives", "in the Birmingham bombing"), nor a site named by another place ("the Buffalo suburb of
    Amherst")."""
    head = root.head
    if root.dep_ not in ("poss", "compound") or head.pos_ != "NOUN" or head.dep_ != "pobj":
        return False
    if m.place is None or m.place.feature not in MODIFIER_FEATURES:
        return False
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children):
        return False
    lemma = head.lemma_.lower()
    return lemma in SITE_NOUNS or (lemma in OCCASION_NOUNS and head.head.lower_ in VENUE_PREPS)


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
    lemma = head.lemma_.lower()
    if head.pos_ == "NOUN" and (lemma in OCCASION_NOUNS or lemma in TRAVEL_WORDS):
        hosting = verb is not None and (head.dep_ == "pobj" or verb.lemma_.lower() in HOSTING_VERBS)
        return verb if hosting else head
    if verb is not None and (head.dep_ in ("dobj", "dative") or head.head.lower_ in TARGET_PREPS):
        return verb
    if verb is not None and head.dep_ == "pobj" and _venue_prep(head.head, verb):
        return verb  # "told reporters outside a restaurant in X": the venue is in X, so is the act
    part = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" else None
    if (  # "marched in front of the parliament in X"
        part is not None
        and part.lemma_.lower() in SPATIAL_PARTS
        and part.dep_ == "pobj"
        and part.head.lower_ in PART_PREPS
    ):
        return _anchor(part.head.head)
    return None


def _placed_in(doc: Doc, m: PlaceMention) -> bool:
    """Whether the text puts someone in the place ("people in Germany"), rather than naming an
    actor by its country ("Syria said", "Syrian police", "Russia's minister"): an actor's country is
    no location."""
    root = doc[m.token_start : m.token_end].root
    return root.dep_ == "pobj" and root.head.lower_ in IN_PREPS


def _home_of_subject(doc: Doc, m: PlaceMention) -> bool:
    """Whether a place in a subject says where its people are ("Syrian authorities", "police in X",
    "the Fargo mayor"), not what they know about ("a Cuba adviser", "an expert on Iran"), a home
    they left ("Cuban exiles", "Cuban-Americans") or a district they stand for ("DFL-Minneapolis")."""
    before = doc[m.token_start - 1] if m.token_start > 0 else None
    after = [t.lower_ for t in doc[m.token_end : m.token_end + 2]]
    if before is not None and before.text == "-" and not before.whitespace_:  # "DFL-Minneapolis"
        return False
    if after[:1] == ["-"] and after[1:] != ["based"]:  # "Cuban-Americans", not "Kalamazoo-based"
        return False
    if after[:1] and after[0] in AWAY_WORDS:
        return False
    tok = doc[m.token_start : m.token_end].root
    while tok.dep_ not in SUBJECT_DEPS and tok.head.i != tok.i:
        if tok.dep_ in CLAUSE_DEPS or tok.dep_ in ("dobj", "dative"):
            return False  # "Gonzalez, who left Cuba": a clause inside the subject tells something else
        if tok.dep_ == "prep" and tok.lower_ in TOPIC_PREPS:
            return False
        tok = tok.head
        titles = [tok, *(c for c in tok.children if c.dep_ == "compound")]  # "Sen. Maria Cantwell"
        if any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in AWAY_ROLES for t in titles):
            return False
        if any(c.lower_ in PAST_ROLE_WORDS for c in tok.children):
            return False  # "former Florida governor Jeb Bush": a place he no longer acts from
    return True


def _saying_clauses(trigger: Token) -> set[int]:
    """The verbs of the clauses the trigger's clause is said or done in ("police said they had
    arrested"), up to a speech tag set apart ("..., she said" is no part of what she said)."""
    out: set[int] = set()
    tok = trigger
    while tok.head.i != tok.i and tok.dep_ != "parataxis":
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX"):
            out.add(tok.i)
    return out


def _hangs_on(doc: Doc, m: PlaceMention, verbs: set[int]) -> bool:
    """Whether the place is in a prepositional phrase of one of ``verbs`` (through prepositions and
    their objects only, not through a subject or an object)."""
    tok = doc[m.token_start : m.token_end].root
    through_prep = False
    while tok.head.i != tok.i and tok.dep_ in PHRASE_DEPS:
        through_prep = through_prep or tok.dep_ == "prep"
        tok = tok.head
    return through_prep and tok.i in verbs


def _venue_prep(prep: Token, verb: Token) -> bool:
    """Whether ``prep`` puts the act at its object: "at", "outside", ...; and "from" for a speaker
    ("said from his office in X"; not "imported goods from factories in X")."""
    word = prep.lower_
    return word in VENUE_PREPS or (word == "from" and verb.lemma_.lower() in SPEECH_VERBS)


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
        # "Clinton, campaigning in X, said": a participle on the subject is the subject's own act
        of_subject = clause.dep_ == "acl" and clause.tag_ == "VBG" and clause.head.dep_ in SUBJECT_DEPS
        if of_subject:
            clause = _clause_of(clause.head.head)
            chain.append(clause)
        elif clause.dep_ == "conj" or participle or (purpose and infinitive):
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
