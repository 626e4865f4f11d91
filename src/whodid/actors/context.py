"""The country of an actor the text does not name one for, from what the article says around it.

A careful coder keys "the Ohio senator", "Sen. X, D-Ore." and "the California Secretary of State"
to the United States: a state or province names its country. In a story about one country's politics,
"the president", "Republicans" or "the attorney general" with no other mark belong to that country
too: the article's *focus* country, the one its dateline, places and actors point at most. This stage
runs after actors and places and gives such actors a country, with ``country_rule`` saying why:

* ``country:region`` -- a subnational place inside or beside the mention ("the Ohio senator",
  "the Punjab police", "Sen. X, D-Ore.", "the mayor of Chicago");
* ``country:affiliation`` -- an organization or state in front of the title ("NCAA director X");
* ``country:place`` -- a place the mention puts its people in ("relatives in Lyon", "farmers from
  Bavaria"); never for envoys and correspondents, who serve abroad;
* ``country:apposition`` -- an apposition naming whom or where a person works for ("X, an attorney
  for the family in Chicago", "Y, a former State Department adviser");
* ``country:focus`` -- an actor of a state-bound sector (government, legislature, parties, police,
  judiciary, military, opposition, elites) in an article with one clear focus country;
* ``country:places`` -- such an actor in a lower-case text (whose names the NER misses) whose actors
  and dateline name no country, when the places it names point at one country ("the police" of a
  story whose towns the gazetteer knows).

A named person of whom the article says nothing else (no title, no affiliation) is taken to be of the
story's country too, as a coder keys a quoted resident or lawyer; so are the people of the story's
place, alone or in groups ("residents", "a pastor", "the boy's grandmother", "a union leader",
"students"); international bodies never are.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection

from spacy.tokens import Doc, Span, Token

from whodid.actors.describe import topic_position
from whodid.actors.knowledge import Memo, clean, read_words
from whodid.nlp.state import Actor, ActorMention, ArticleState, PlaceMention, state
from whodid.nlp.view import view

# sectors whose actors belong to one state: a countryless one in a one-country story is of that country
STATE_BOUND_SECTORS = frozenset({"GOV", "LEG", "JUD", "PTY", "COP", "MIL", "OPP", "ELI", "SPY", "MOD"})
# the focus country needs this many weighted mentions and this share of all weighted mentions
FOCUS_MIN_WEIGHT = 3.0
FOCUS_MIN_SHARE = 0.4
DATELINE_WEIGHT = 3.0
# a place counts for the focus country (when no actor names one) from this resolution confidence
PLACE_FOCUS_CONFIDENCE = 0.5
# a text is lower-case when fewer than this share of the letters of its first tokens are capitals
LOWER_CASE_SHARE = 0.01
LOWER_CASE_SAMPLE = 400
# "Sen. Dana Whitlock, D-Ore.": party and state after a legislator's name
PARTY_STATE = re.compile(r"\A,?\s*\(?\s*[RDI]\s*[-\u2013]\s*([A-Z][A-Za-z.]*(?:\s?[A-Z][A-Za-z.]*)?)")
# people of the place a story is about: "protesters", "residents", "students", "workers", and one
# such person ("a pastor", "the boy's grandmother", "a union leader")
LOCAL_GROUP_SECTORS = frozenset({"OPP", "CVL", "LAB", "EDU", "HLH", "AGR", "REL", "CRM"})
# sectors a spokesman or officer gets by default; a company's name beside them makes them BUS
OFFICIAL_SECTORS = frozenset({"GOV", "COP", "MIL"})
# roles that name the other side of a relation: never of the focus country by default
OTHER_SIDE = frozenset(
    {"counterpart", "counterparts", "opponent", "opponents", "rival", "rivals", "adversary"}
)
# "an attorney for the family in Chicago", "a professor of law at Leeds": where a person works
APPOSITIVE_PLACE_PREPS = frozenset({"in", "of", "from", "at"})
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# "relatives in Lyon", "farmers from Bavaria": where the people of a mention are
LOCATED_PREPS = frozenset({"in", "from", "at"})
# "forces loyal to X", "militias allied with Y": whom a group serves
ALLEGIANCE_ADJECTIVES = frozenset(
    {"loyal", "allied", "ally", "linked", "link", "affiliated", "affiliate", "aligned", "align"}
)
# people whose post is in another country than their own
POSTED_ABROAD = frozenset(
    {"ambassador", "envoy", "diplomat", "embassy", "consul", "correspondent", "delegation", "mission"}
)


class ActorContext:
    """Pipeline stage: gives countryless actors the country of a region beside them or of the story."""

    name = "actor_context"
    requires: tuple[str, ...] = ("actors", "actor_mentions", "token_actors", "dateline_tokens", "places")
    assigns: tuple[str, ...] = ("actors",)

    def __init__(self, region_country: Callable[[str], str | None]) -> None:
        """``region_country`` maps a region's name or abbreviation ("Oregon", "Ore.") to its ISO3."""
        self.region_country = Memo(region_country)  # the same names recur across articles
        self.business_heads = read_words("business_heads.txt")
        self.topic_heads = read_words("topic_heads.txt")
        self.shared_names = read_words("shared_body_names.txt")

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        # a people that is no state's ("Kurdish fighters") takes no state's country from its story
        pending = [a for a in st.actors.values() if a.country is None and not a.igo_code and not a.ethnic]
        mentions: dict[str, list[ActorMention]] = {}
        for m in st.actor_mentions:
            mentions.setdefault(m.actor_id, []).append(m)
        self._shared_names_at_home(doc, st, mentions)
        if not pending:
            return doc
        places = {p.token_start: p for p in st.places if p.place is not None and p.place.country}
        text = view(doc).text
        for actor in st.actors.values():
            if (
                actor.kind == "person"
                and actor.sector in OFFICIAL_SECTORS
                and _for_a_business(doc, mentions.get(actor.id, []), self.business_heads)
            ):
                actor.sector = "BUS"  # "a spokesman for Acme Corp" speaks for a company
        for actor in pending:
            iso, why = self._regional_country(doc, st, actor, mentions.get(actor.id, []), places, text)
            if iso is not None:
                _give(actor, iso, why)
        focus, why = focus_country(st), "country:focus"
        if focus is None and _lower_case(doc):
            # a lower-case text (some feeds print no capitals): the NER misses its names, so no actor
            # names a country, but the gazetteer still knows its towns; the places it names say whose
            # the state's officials, police and courts in it are. Its private people stay countryless.
            focus, why = _leader(_place_weights(st)), "country:places"
        if focus is None:
            return doc
        for actor in pending:
            if actor.description and actor.description.split()[-1].lower() in OTHER_SIDE:
                continue  # "his counterpart" is of the other side, not of the story's country
            if actor.country is None and (
                actor.sector in STATE_BOUND_SECTORS
                or (
                    why == "country:focus"
                    and (
                        (actor.kind == "person" and actor.sector is None)
                        or (actor.kind in ("group", "person") and actor.sector in LOCAL_GROUP_SECTORS)
                    )
                )
            ):
                _give(actor, focus, why)
        return doc

    def _shared_names_at_home(
        self, doc: Doc, st: ArticleState, mentions: dict[str, list[ActorMention]]
    ) -> None:
        """ "The Congress attacked Vajpayee", "Congress spokesman Jaipal Reddy": an institution whose
        name many countries share (``shared_body_names.txt``), mentioned with no country of its own,
        is of the country the article is about when no other actor of the name's listed country is in
        it ("China criticized Congress" with Trump named keeps the US Congress); a person described
        by it goes with it."""
        shared = frozenset(
            a.id
            for a in st.actors.values()
            if a.country and not a.country_rule and self._shared(doc, a, mentions.get(a.id, []))
        )
        if not shared:
            return
        weights = _country_weights(st, shared)
        focus = _leader(weights)
        if focus is None:
            return
        for aid in shared:
            actor = st.actors[aid]
            listed = actor.country or ""
            if listed != focus and not weights.get(listed):
                _give(actor, focus, "country:shared-name")

    def _shared(self, doc: Doc, actor: Actor, mentions: list[ActorMention]) -> bool:
        """Whether ``actor``'s country rests on a shared institution's name alone: every mention of
        an organization matched that bare name ("the Congress"; "the trinamul congress", whose first
        word the tables do not know; not "the US Congress"), or a person's description starts with it."""
        if actor.kind == "organization":
            # a pronoun ("its") repeats its antecedent's name and says nothing of the country
            mentions = [m for m in mentions if not m.rule.startswith(("pronoun:", "anaphor:"))]
            return bool(mentions) and all(
                m.rule.startswith("body:")
                and (
                    clean(m.text).lower() in self.shared_names
                    or m.rule[len("body:") :].lower() in self.shared_names
                )
                and not any(_names_a_nation(t) for t in doc[m.token_start : m.token_end - 1])
                for m in mentions
            )
        if actor.kind == "person" and actor.description:
            return actor.description.split()[0].lower() in self.shared_names
        return False

    def _regional_country(
        self,
        doc: Doc,
        st: ArticleState,
        actor: Actor,
        mentions: list[ActorMention],
        places: dict[int, PlaceMention],
        text: str,
    ) -> tuple[str | None, str]:
        for m in mentions:
            span = doc[m.token_start : m.token_end]
            modifiers = [
                c
                for t in span
                for c in t.children
                if c.dep_ in MODIFIER_DEPS and c.i not in range(span.start, span.end)
            ]
            modifiers += [g for c in modifiers for g in c.children if g.dep_ in MODIFIER_DEPS]
            affiliated = self._affiliation(st, actor, modifiers) or _allegiance(st, actor, span)
            if affiliated is not None:
                return affiliated, "country:affiliation"
            near = [*span, *modifiers]
            near += [
                g
                for t in span
                for p in t.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
            ]
            for tok in near:
                iso = self._token_region(tok)
                if iso is not None:
                    return iso, "country:region"
            located = _located_country(span, places, self.topic_heads)
            if located is not None:
                return located, "country:place"
            described = self._appositive_country(doc, st, actor, span, places)
            if described is not None:
                return described, "country:apposition"
            after = PARTY_STATE.match(text[m.end : m.end + 24])
            if after is not None:
                iso = self.region_country(after.group(1).strip())
                if iso is not None:
                    return iso, "country:region"
        return None, ""

    def _affiliation(self, st: ArticleState, actor: Actor, modifiers: list[Token]) -> str | None:
        """ "NCAA director Amani Odhiambo", "the Pentagon spokesman": a modifier that is an
        organization or state of known country names whom the person works for."""
        for tok in modifiers:
            for other in st.token_actors.get(tok.i, []):
                found = st.actors[other]
                if other != actor.id and found.country and not found.country_rule and found.kind != "person":
                    return found.country
        return None

    def _appositive_country(
        self, doc: Doc, st: ArticleState, actor: Actor, span: Span, places: dict[int, PlaceMention]
    ) -> str | None:
        """ "X, an attorney for the family in Chicago", "Y, a former State Department adviser": an
        apposition that names whom the person works for (a modifier that is an actor of known country)
        or where (a place after in, of, from or at) gives the country."""
        head = span.root
        for appos in (c for c in head.children if c.dep_ == "appos"):
            inside = {t.i for t in appos.subtree}
            for tok in appos.subtree:
                if tok.dep_ in ("compound", "poss", "nmod") and tok.head.i in inside:
                    for other in st.token_actors.get(tok.i, []):
                        country = st.actors[other].country
                        if other != actor.id and country and not st.actors[other].country_rule:
                            return country
            for i in sorted(inside):
                p = places.get(i)
                if p is None or p.place is None or not p.place.country:
                    continue
                root = doc[p.token_start : p.token_end].root
                if root.dep_ == "pobj" and root.head.lower_ in APPOSITIVE_PLACE_PREPS:
                    return p.place.country
        return None

    def _token_region(self, tok: Token) -> str | None:
        if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ == "PERSON":
            return None  # "Virginia Smith" names a person, not a state
        return self.region_country(tok.text)


def _allegiance(st: ArticleState, actor: Actor, span: Span) -> str | None:
    """ "forces loyal to the Syrian president", "militias allied with Iran": the country of whom a
    group is said to serve."""
    for t in span:
        for adj in t.children:
            if adj.dep_ not in ("amod", "acl") or adj.lemma_.lower() not in ALLEGIANCE_ADJECTIVES:
                continue
            for prep in adj.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("to", "with"):
                    continue
                objs = [g for g in prep.children if g.dep_ == "pobj"]
                objs += [a for g in objs for a in g.children if a.dep_ == "appos"]  # "the president, X"
                for obj in objs:
                    for other in st.token_actors.get(obj.i, []):
                        country = st.actors[other].country
                        if other != actor.id and country:
                            return country
    return None


def _located_country(span: Span, places: dict[int, PlaceMention], topic_heads: Collection[str]) -> str | None:
    """ "relatives in Lyon", "farmers from Bavaria", "the council at Leeds": a place the mention puts
    its people in names their country. Not for envoys and correspondents, whose post is abroad ("the
    ambassador in Paris" serves another state)."""
    if any(t.lemma_.lower() in POSTED_ABROAD for t in span):
        return None
    heads = [
        g
        for t in span
        for p in t.children
        if p.dep_ == "prep" and p.lower_ in LOCATED_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]
    for tok in [*span, *heads]:
        if topic_position(tok, topic_heads):
            continue  # "Cuba experts" are no Cubans
        p = places.get(tok.i)
        if p is not None and p.place is not None and p.place.country:
            return p.place.country
    return None


def _for_a_business(doc: Doc, mentions: list[ActorMention], heads: frozenset[str]) -> bool:
    """A person's mention names a company: its own words ("an Acme Corp spokesman"), its "for"/"of"
    object ("a spokesman for Acme Corp") or its apposition ("X, an analyst at Acme Bank")."""
    for m in mentions:
        span = doc[m.token_start : m.token_end]
        words = [
            *span,
            *(
                g
                for t in span
                for p in t.children
                if p.dep_ == "prep" and p.lower_ in ("for", "of", "at")
                for g in p.subtree
            ),
            *(g for t in span for a in t.children if a.dep_ == "appos" for g in a.subtree),
        ]
        if any(t.lower_.rstrip(".") in heads and (t.pos_ == "PROPN" or t.is_title) for t in words):
            return True
    return False


def focus_country(st: ArticleState) -> str | None:
    """The country the article is about: weighted mentions of actors with a country (states count
    as much as people) and the dateline's place, when one country has a clear lead."""
    return _leader(_country_weights(st, frozenset()))


def _leader(weights: dict[str, float]) -> str | None:
    """The country of ``weights`` with a clear lead, if one has."""
    if not weights:
        return None
    ranked = sorted(weights.items(), key=lambda kv: -kv[1])
    top, weight = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    if weight < FOCUS_MIN_WEIGHT or weight < FOCUS_MIN_SHARE * sum(weights.values()) or weight == runner_up:
        return None
    return top


def _country_weights(st: ArticleState, leaving_out: frozenset[str]) -> dict[str, float]:
    """Weighted mentions per country (see ``focus_country``), the actors ``leaving_out`` names left out."""
    weights: dict[str, float] = {}
    for m in st.actor_mentions:
        if m.actor_id in leaving_out:
            continue
        country = st.actors[m.actor_id].country
        # "his country" repeats its owner's mention, and a pronoun its antecedent's
        if country and m.rule != "state:possessed" and not m.rule.startswith(("pronoun:", "anaphor:")):
            weights[country] = weights.get(country, 0.0) + 1.0
    dateline = set(st.dateline_tokens)
    for p in st.places:
        if (
            p.place is not None
            and p.place.country
            and dateline.intersection(range(p.token_start, p.token_end))
        ):
            weights[p.place.country] = weights.get(p.place.country, 0.0) + DATELINE_WEIGHT
    return weights


def _lower_case(doc: Doc) -> bool:
    """Whether the text is written without capitals (fewer than one letter in a hundred of its first
    tokens is upper-case)."""
    head = "".join(view(doc).texts[:LOWER_CASE_SAMPLE])
    letters = sum(ch.isalpha() for ch in head)
    return letters > 0 and sum(ch.isupper() for ch in head) < LOWER_CASE_SHARE * letters


def _place_weights(st: ArticleState) -> dict[str, float]:
    """Mentions per country of the places the article names (resolved with some confidence)."""
    weights: dict[str, float] = {}
    for p in st.places:
        if p.place is not None and p.place.country and p.confidence >= PLACE_FOCUS_CONFIDENCE:
            weights[p.place.country] = weights.get(p.place.country, 0.0) + 1.0
    return weights


def _names_a_nation(tok: Token) -> bool:
    """A word in front of an institution's name that says whose it is: capitalized ("US", "Brazilian")
    or a nation the NER saw; "the" and a lower-case word the tables do not know say nothing."""
    return tok.is_alpha and (not tok.is_lower or tok.ent_type_ in ("GPE", "NORP")) and tok.lower_ != "the"


def _give(actor: Actor, iso3: str, rule: str) -> None:
    actor.country = iso3
    actor.country_rule = rule
