"""The actor stage: find people, organizations, states and groups; code them; link later mentions.

Evidence comes from the article itself. A person introduced once with a role ("the country's top
diplomat Jane Roe") keeps it when later named by surname, by role ("the country's top diplomat") or
by pronoun. Named-entity labels are a hint, not the truth: a span the small model calls a place is a
person when the parse says so (an apposition with a role, a title before it, a known surname).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Iterable

from spacy.tokens import Doc, Span, Token

from whodid.actors.describe import (
    GENERIC_HEADS,
    OWNER_PREPS,
    Description,
    country_of_token,
    describe,
    norm,
    subject_matter,
)
from whodid.actors.dictionary import ActorDictionary, Entry, normalize, split_code
from whodid.actors.knowledge import DEFAULT_DATA_DIR, ActorKnowledge, BodyInfo, Memo, read_words
from whodid.actors.registry import ActorRegistry
from whodid.nlp.state import state
from whodid.nlp.view import view

# participles whose country modifier backs a group rather than names its country ("US-backed")
SPONSOR_LEMMAS = frozenset(
    {"back", "support", "fund", "finance", "arm", "sponsor", "train", "equip", "supply", "bankroll", "aid"}
)
# kinds of actor with a name of their own, whose sector a spokesman for them takes ("a spokesman for X")
NAMED_KINDS = frozenset({"person", "organization"})
PERSON_PRONOUNS = frozenset({"he", "him", "his", "she", "her", "hers", "himself", "herself"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
NEUTER_PRONOUNS = frozenset({"it", "its"})
# "the country said": a bare definite noun that points back to the last state mentioned
# nouns that, owned by a pronoun, name its referent's state: "his country", "their government"
POSSESSED_STATES = frozenset({"country", "nation", "homeland", "government"})
STATE_ANAPHORS = frozenset({"country", "nation", "government", "administration", "state", "regime"})
# entity labels a person may hide behind: the small model calls some names places or organizations
PERSON_ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"})
# prepositions whose object is where someone is or goes ("officials in X", "troops to X")
PLACE_PREPS = frozenset({"in", "at", "near", "from", "to", "into", "across", "around", "outside", "inside"})
SPEECH_LEMMAS = frozenset({"say", "tell", "add", "reply", "note", "insist", "argue", "claim", "state"})
QUANTIFIERS = frozenset(
    {
        "both",
        "either",
        "neither",
        "each",
        "all",
        "some",
        "any",
        "many",
        "several",
        "other",
        "another",
        "most",
        "few",
    }
)
# head words of organizations named after what they are: "the Islamic State group"
GROUP_HEADS = frozenset(
    {"group", "movement", "militia", "organization", "organisation", "faction", "network"}
)
# head words of state bodies: "the Canadian International Development Agency" is Canadian government
# countries whose citizens are named by origin and nationality joined by a hyphen: "Cuban-Americans",
# "Iranian-Canadian", "Lebanese-Australian" are of the second country ("Bosnian Serbs" of the first)
HYPHENATED_NATIONALITIES = frozenset({"USA", "CAN", "AUS", "GBR", "NZL"})
STATE_HEADS = frozenset(
    {"agency", "ministry", "department", "army", "navy", "police", "military", "authority", "directorate"}
)
# roles that name an actor only with a country: "the Chinese side", never "the north side"
COUNTRY_ONLY_ROLES = frozenset({"side", "sides"})
BASED_LEMMAS = frozenset({"base", "locate", "headquarter", "operate", "active"})
TITLE_ABBREVIATIONS = frozenset(
    {"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sen.", "rep.", "gen."}
)


# the folder of whodid's data files, as a prefix of a packaged dictionary's origin
_PACKAGE_DATA = f"{DEFAULT_DATA_DIR.parent}{os.sep}"


class ActorResolver:
    """Pipeline stage: fills ``actors``, ``actor_mentions``, ``token_actors``, ``non_place_tokens``."""

    name = "actors"
    requires: tuple[str, ...] = ("parser", "ner", "published", "boilerplate_sentences", "dateline_tokens")
    assigns: tuple[str, ...] = ("actors", "actor_mentions", "token_actors", "non_place_tokens")

    def __init__(
        self,
        knowledge: ActorKnowledge,
        *,
        is_toponym: Callable[[str], bool] | None = None,
        dictionary: ActorDictionary | None = None,
    ):
        self.dictionary = dictionary or ActorDictionary()
        # listed actors coded by country alone at all times act as countries (names, adjectives,
        # possessives); every other listed actor is matched by phrase, with the code valid that day
        countries = [e for e in self.dictionary.entries if _is_plain_country(e)]
        self._country_entries = {id(e) for e in countries}
        if countries:
            knowledge = knowledge.with_listed_countries(
                (e.default.code, e.name, e.phrases, e.origin)
                for e in countries
                if e.default and e.default.code
            )
        self.kb = knowledge
        self.organization_heads = read_words("organization_heads.txt")
        self.gendered = {w: "m" for w in read_words("male_words.txt")} | {
            w: "f" for w in read_words("female_words.txt")
        }
        self.given_names = {w: "m" for w in read_words("male_names.txt")} | {
            w: "f" for w in read_words("female_names.txt")
        }
        self.is_toponym = is_toponym or (lambda _name: False)
        # a token's dictionary words; the same few thousand token texts recur across articles
        self._words: Memo[tuple[str, ...]] = Memo(lambda text: tuple(normalize(text).split()))

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        reg = ActorRegistry(
            doc, st, country_name=self._country_name, gendered=self.gendered, given_names=self.given_names
        )
        skip = {t.i for s_i, s in enumerate(view(doc).sents) if s_i in st.boilerplate_sentences for t in s}
        skip |= st.dateline_tokens
        tokens = view(doc).tokens  # Token objects are built on every access: build them once
        countries: list[tuple[Span, Entry]] = []
        listed_persons: list[tuple[Span, Description]] = []
        listed = (
            self._find_listed(doc, tokens, reg, skip, countries, listed_persons)
            if len(self.dictionary)
            else set()
        )
        persons = self._find_persons(doc, skip, listed, listed_persons)
        self._register_persons(reg, persons)
        self._find_organizations(doc, tokens, reg, skip)
        self._find_role_mentions(doc, tokens, reg, skip)
        self._find_states(doc, reg, skip)
        self._untagged_countries(doc, tokens, reg, skip)
        for span, entry in countries:  # listed countries no other step has taken up
            if not reg.claimed(span) and entry.default and entry.default.code:
                self._listed_country(doc, reg, span, entry, entry.default.code)
        self._find_surnames(doc, tokens, reg, skip)
        self._find_acronyms(doc, tokens, reg, skip)
        self._resolve_pronouns(doc, tokens, reg, skip)
        self._countries_from_possessors(tokens, reg)
        self._possessed_countries(doc, tokens, reg, skip)
        reg.finish()
        return doc

    def _country_name(self, iso3: str) -> str:
        info = self.kb.country_by_code(iso3)
        return info.name if info else iso3

    # ---------------------------------------------------------------- people
    # ---------------------------------------------------------------- listed actors
    def _find_listed(
        self,
        doc: Doc,
        tokens: list[Token],
        reg: ActorRegistry,
        skip: set[int],
        countries: list[tuple[Span, Entry]],
        persons: list[tuple[Span, Description]],
    ) -> set[int]:
        """Phrases of the actor dictionaries, longest first, coded as of the publication date.

        Listed countries are only collected into ``countries``: other steps read them as modifiers
        ("Ruritania's army") first."""
        words: list[str] = []
        owner: list[int] = []  # word -> token
        first_word: dict[int, int] = {}
        for i, text in enumerate(view(doc).texts):
            first_word[i] = len(words)
            for w in self._words(text):
                words.append(w)
                owner.append(i)
        used: set[int] = set()
        day = reg.st.published
        person_names = {t.i: ent for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
        # words the article writes in lower case outside names: common words, no one's name
        # ("Trump Says He Never ...", a headline the model reads as one name)
        common = {t.lower_ for t in tokens if t.is_lower and t.i not in person_names}
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            hit = None if tok.i in skip or tok.is_space else self.dictionary.match(words, first_word[tok.i])
            if hit is None:
                i += 1
                continue
            n, entries = hit
            entry, period = self.dictionary.pick(entries, day)
            last_word = first_word[tok.i] + n - 1
            end = owner[last_word] + 1
            if end < len(tokens) and first_word[end] != last_word + 1:
                i += 1  # the phrase ends inside a token ("Arnor" in "Arnorian")
                continue
            if id(entry) in self._country_entries:
                i = end
                countries.append((doc[tok.i : end], entry))
                continue
            name = person_names.get(tok.i)
            if name is not None and self._another_persons_name(name, tok.i, end, entry, common):
                i += 1  # "mubarak gul" is neither Hosni Mubarak nor Abdullah Gül
                continue
            if (name is None or len(name) == end - tok.i) and self._namesake_named(
                words, person_names, tokens[tok.i : end], entry, common
            ):
                # "Diane Abbott ... Abbott said": her surname, not the listed Tony Abbott's; or that of
                # another listed namesake the article names in full ("Bashar al-Assad ... Assad")
                named = [e for e in entries if e is not entry and _written_in_full(words, e)]
                if not named:
                    i += 1
                    continue
                entry, period = named[0], named[0].code_at(day)
            i = end
            if period is None:
                continue  # no code on this date: leave the words to the other steps
            span = doc[tok.i : end]
            used.update(range(tok.i, end))
            if period.code is None:
                for k in range(tok.i, end):
                    reg.claim(k)  # known, not coded ("[---]")
                continue
            person = self._register_listed(doc, reg, span, entry, period.code, dated=period in entry.periods)
            if person is not None:
                persons.append((span, person))
        return used

    def _namesake_named(
        self,
        words: list[str],
        person_names: dict[int, Span],
        hit: list[Token],
        entry: Entry,
        common: Collection[str],
    ) -> bool:
        """Whether the article names in full another person whose name holds the listed phrase ``hit``
        ("Diane Abbott" for a later "Abbott"), and never the listed actor's full name: the phrase alone
        is that namesake's."""
        if _written_in_full(words, entry):
            return False  # the listed actor is named too: the phrase alone stays his
        texts = [t.lower_ for t in hit]
        for name in {id(e): e for e in person_names.values()}.values():
            if len(name) <= len(hit) or name.start == hit[0].i:
                continue
            for k in range(name.start, name.end - len(hit) + 1):
                same = [t.lower_ for t in name.doc[k : k + len(hit)]] == texts
                if same and self._another_persons_name(name, k, k + len(hit), entry, common):
                    return True
        return False

    def _another_persons_name(
        self, name: Span, start: int, end: int, entry: Entry, common: Collection[str]
    ) -> bool:
        """Whether a listed phrase (tokens ``start:end``), a part of the listed actor's name, is only
        part of the longer person's name ``name`` whose other words are none of the listed actor's:
        "Laura Smith" is not the listed "John Smith" known as "Smith". Titles, initials and country
        words around the phrase do not count ("President Smith", "J. Smith", "Ruritania's Smith"); a
        middle name does not either when the first name is the listed one's ("John Edward Smith"), nor
        do the ``common`` words a headline's capitals make look like names ("Smith Says He Will")."""
        doc = name.doc
        hit = {w for t in doc[start:end] for w in self._words(t.text)}
        if hit.issuperset(normalize(entry.name).split()):
            return False  # the full name, more of it around it: "Ahmed Maher el-Sayed"
        if any(t.is_stop and t.is_title for t in name):
            return False  # "Smith To Voters Worried ...": a headline's capitals, not one name
        if (start > name.start and doc[start - 1].text == "-") or (end < name.end and doc[end].text == "-"):
            return False  # "the Smith-Jones years": two people's names joined
        own = {w for phrase in (entry.name, *entry.phrases) for w in normalize(phrase).split()}
        others: list[str] = []
        for t in name:
            if start <= t.i < end or not t.is_alpha or len(t.text.rstrip(".")) < 2:
                continue
            if t.pos_ not in ("PROPN", "NOUN") or t.lower_ in common:
                continue
            low = t.lower_
            if low in ("the", "a", "an") or low in TITLE_ABBREVIATIONS or f"{low}." in TITLE_ABBREVIATIONS:
                continue
            if self.kb.role(low) is not None or country_of_token(self.kb, [t]) is not None:
                continue
            others.extend(normalize(t.text).split())
        if others and (self.kb.body(" ".join(others)) or self.kb.igo(" ".join(others))):
            return False  # "the Smith White House": the person and an institution of his
        return bool(others) and not any(_same_word(w, o) for w in own for o in others)

    def _listed_country(self, doc: Doc, reg: ActorRegistry, span: Span, entry: Entry, code: str) -> None:
        """A phrase coded by country alone: a titled name ("Prime Minister X") is a person of it."""
        desc = self._person_descriptor(doc, span)
        rule = _listed_rule(entry)
        if desc.role is not None and desc.kind == "person" and desc.body is None:
            desc.countries = [code]
            actor_id = reg.person(entry.name, desc)
            reg.mention(actor_id, span, rule=rule)
            for t in desc.tokens:
                reg.claim(t)
            return
        reg.mention(reg.state(code, entry.name), span, rule=rule)

    def _register_listed(
        self, doc: Doc, reg: ActorRegistry, span: Span, entry: Entry, code: str, *, dated: bool
    ) -> Description | None:
        """Register a listed actor; a person's description is returned (for coordination)."""
        country, sector, igo = split_code(code)
        kind = entry.kind
        if kind is None:
            if igo:
                kind = "organization"
            elif any(t.ent_type_ == "PERSON" for t in span):
                kind = "person"
            elif sector is None:
                kind = "state"
            else:
                kind = "organization"
        rule = _listed_rule(entry)
        if kind == "person":
            desc = self._person_descriptor(doc, span)
            if country:
                desc.countries = [country] + [c for c in desc.countries if c != country]
            if sector and (dated or desc.sector is None):
                desc.sector = sector
            if igo:
                desc.countries, desc.igo = [], igo
            actor_id = reg.person(entry.name, desc)
            reg.mention(actor_id, span, rule=rule)
            for t in desc.tokens:
                reg.claim(t)
            return desc
        if kind == "state" and country and not sector:
            actor_id = reg.state(country, entry.name)
        else:
            actor_id = reg.listed(entry.name, kind, country, sector, igo)
        reg.mention(actor_id, span, rule=rule)
        return None

    # ---------------------------------------------------------------- people
    def _find_persons(
        self, doc: Doc, skip: set[int], listed: set[int], listed_persons: list[tuple[Span, Description]]
    ) -> list[tuple[Span, Description]]:
        found: list[tuple[Span, Description]] = []
        for ent in view(doc).ents:
            if ent.label_ not in PERSON_ENTITY_LABELS or ent.start in skip:
                continue
            if any(t.i in listed for t in ent) or self._national_group(ent) is not None:
                continue
            span = self._trim_name(ent)
            if span is None:
                continue
            desc = self._person_descriptor(doc, span)
            if ent.label_ != "PERSON" and not self._looks_like_person(span, desc):
                continue
            if desc.owner_name and desc.role in GENERIC_HEADS and not listed.intersection(desc.owner_name):
                desc.sector = None  # "X, a spokesman for Jund al-Haqq": as unknown as what he speaks for
            if ent.label_ == "PERSON" and self._is_known_non_person(span):
                continue
            found.append((span, desc))
        # "Listed Person of X and Adviser B": B takes the country of a listed person too
        self._inherit_coordinated_country(sorted(found + listed_persons, key=lambda p: p[0].start))
        return found

    def _trim_name(self, ent: Span) -> Span | None:
        """Drop leading determiners and titles the NER folded into a name ("President Jane Roe")."""
        doc = ent.doc
        v = view(doc)
        tokens, lower = v.tokens, v.lower
        start = ent.start
        while start < ent.end and (
            lower[start] in ("the", "a", "an")
            or lower[start] in TITLE_ABBREVIATIONS
            or (ent.end - start > 1 and self.kb.role(lower[start]) is not None)
        ):
            start += 1
        end = ent.end
        # the NER sometimes stops before the surname ("[Gloria Macapagal] Arroyo"): follow the
        # compound chain to its proper-noun head
        while (
            end < len(doc)
            and tokens[end].pos_ == "PROPN"
            and tokens[end - 1].dep_ == "compound"
            and (tokens[end - 1].head.i >= end and not tokens[end].ent_type_)
        ):
            end += 1
        if end > start and tokens[end - 1].tag_ == "POS":
            end -= 1
        if start >= end or not all(t.pos_ == "PROPN" or t.is_title for t in tokens[start:end]):
            return None
        return doc[start:end]

    def _is_known_non_person(self, span: Span) -> bool:
        text = span.text
        kb = self.kb
        return bool(
            kb.country_by_name(text)
            or kb.country_by_demonym(text)
            or kb.ethnic(text)  # "the Kurds", "Tamil rebels": a people, no person
            or kb.body(text)
            or kb.igo(text)
        )

    def _looks_like_person(self, span: Span, desc: Description) -> bool:
        """A non-PERSON entity is a person when it is no known place or organization name and the
        parse calls it one."""
        text = span.text
        if self._is_known_non_person(span) or self.kb.country_by_capital(text):
            return False
        if len(span) > 1 and span[-1].lower_ in self.organization_heads:
            return False  # "the Civil Aviation Authority said": an organization speaks
        if len(span) == 1 and span[0].text.replace(".", "").isupper() and len(span[0].text) >= 2:
            return False  # an acronym ("the NCAA said") names an organization, not a person
        if self.kb.country_by_demonym(text) or self.is_toponym(text):
            return False
        if len(span) < 2 and span.root.dep_ not in ("nsubj", "appos"):
            return False
        has_role = desc.role is not None and (desc.body is None or desc.kind == "person")
        head = span.root
        speaker = head.dep_ == "nsubj" and head.head.lemma_ in SPEECH_LEMMAS
        return has_role or speaker

    def _person_descriptor(self, doc: Doc, name: Span) -> Description:
        """Titles before the name, the role noun it is in apposition to, or an apposition after it."""
        head = name.root
        desc = Description()
        left = [t for t in head.subtree if t.i < name.start and t.i >= _run_start(doc, name.start)]
        if left:
            desc.merge(describe(self.kb, left))
        if desc.role is None:
            # a title the parser attached elsewhere ("A and State Councilor B"): the capitalised run
            # directly before the name
            k = name.start
            while k > 0 and doc[k - 1].is_title and doc[k - 1].pos_ in ("PROPN", "NOUN", "ADJ"):
                k -= 1
            if k < name.start:
                desc.merge(describe(self.kb, list(doc[k : name.start])))
        if head.dep_ == "appos" and head.head.pos_ in ("NOUN", "PROPN"):
            role_head = head.head
            toks = [t for t in role_head.subtree if t.i <= role_head.i and t.i >= role_head.left_edge.i]
            # and its owner: "a member of the Syrian parliament, Jane Roe"
            toks += [
                t
                for p in role_head.children
                if p.dep_ == "prep" and p.lower_ in OWNER_PREPS and p.i < name.start
                for t in p.subtree
                if t.i < name.start
            ]
            desc.merge(describe(self.kb, toks))
        for child in head.children:
            if child.dep_ == "appos" and child.i > name.end - 1:
                # the apposition's noun phrase, not clauses hanging off it ("..., the reporter taken
                # hostage by X": X is no part of who the person is)
                clause = {
                    t.i for c in child.children if c.dep_ in ("acl", "relcl", "advcl") for t in c.subtree
                }
                toks = [t for t in child.subtree if t.i not in clause and (not t.is_punct or t.text == "-")]
                desc.merge(describe(self.kb, toks))
                continue
            if child.dep_ == "prep" and child.lower_ in ("of", "from") and child.i >= name.end:
                # "King Hassan of Morocco", "Ana Ruiz from Chile"
                place = [t for g in child.children if g.dep_ == "pobj" for t in g.subtree]
                iso = country_of_token(self.kb, place) if place else None
                if iso and not desc.countries:
                    desc.countries.append(iso)
        return desc

    def _inherit_coordinated_country(self, found: list[tuple[Span, Description]]) -> None:
        """ "X's minister A and deputy minister B": B, titled but countryless, shares A's country."""
        for k in range(1, len(found)):
            span, desc = found[k]
            prev_span, prev_desc = found[k - 1]
            if desc.country or not prev_desc.country or span.sent != prev_span.sent:
                continue
            between = span.doc[prev_span.end : span.start]
            words = [t for t in between if not t.is_punct]
            if any(t.lower_ == "and" for t in between) and all(
                t.lower_ == "and" or t.i in desc.tokens or t.pos_ in ("PROPN", "ADJ") for t in words
            ):
                desc.countries.append(prev_desc.country)

    def _register_persons(self, reg: ActorRegistry, persons: Iterable[tuple[Span, Description]]) -> None:
        for span, desc in persons:
            actor_id = reg.person(span.text, desc)
            reg.mention(actor_id, span, rule="person:" + ("ner" if span.label_ else "parse"))
            for t in desc.tokens:
                reg.claim(t)
            role_tokens = [t for t in desc.tokens if span.doc[t].pos_ in ("NOUN", "PROPN")]
            for t in role_tokens:
                reg.link_token(t, actor_id)

    # ---------------------------------------------------------------- organizations
    def _find_organizations(self, doc: Doc, tokens: list[Token], reg: ActorRegistry, skip: set[int]) -> None:
        for ent in view(doc).ents:
            if ent.label_ not in ("ORG", "NORP", "GPE", "FAC") or ent.start in skip or reg.claimed(ent):
                continue
            text = _strip_det(ent)
            igo = self.kb.igo(text)
            if igo is not None:
                reg.mention(reg.igo(igo.name, igo.code), _span_without_det(ent), rule="igo")
                continue
            if self.kb.country_by_name(text) is not None:
                continue  # "the Soviet Union" is a state, not a (labour) union
            body = self.kb.body(text) or self._national_agency(ent)
            if body is None:
                continue
            desc = self._modifier_description(doc, ent)
            country = body.country or desc.country
            span = self._with_country_modifiers(doc, ent)
            actor_id = reg.body(_strip_det(span), country, body.sector, body.name)
            reg.mention(actor_id, span, rule="body:" + body.name)
        # bodies the NER missed: common-noun heads such as "the Foreign Ministry", "the police"
        for tok in tokens:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in skip or reg.is_claimed(tok.i):
                continue
            if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
                continue
            span = _compound_span(doc, tok)
            igo = self.kb.igo(_strip_det(span)) if tok.pos_ == "PROPN" else None
            if igo is not None:  # an organization the NER did not label ("Human Rights Watch")
                reg.mention(reg.igo(igo.name, igo.code), _span_without_det(span), rule="igo")
                continue
            if tok.lower_ in GROUP_HEADS and len(span) > 1:
                # "the Islamic State group", "the Hamas movement": the name before the head
                named = span.doc[span.start : span.end - 1]
                igo = self.kb.igo(_strip_det(named))
                if igo is not None:
                    reg.mention(reg.igo(igo.name, igo.code), _span_without_det(span), rule="igo")
                    continue
            if self.kb.country_by_name(_strip_det(span)) is not None:
                continue
            body = self.kb.body(_strip_det(span))
            if body is not None and body.country is None and _is_bare_anaphor(span, tok):
                earlier = reg.body_by_head(tok.lower_)  # "the ministry": the ministry named before
                if earlier is not None:
                    reg.mention(earlier, span, rule="anaphor:body")
                continue
            if body is None or (body.country is None and _quantified(tok)):
                continue
            desc = self._modifier_description(doc, span)
            full = self._with_country_modifiers(doc, span)
            country = body.country or desc.country or _leader_country(tok, reg)
            actor_id = reg.body(_strip_det(full), country, body.sector, body.name)
            reg.mention(actor_id, full, rule="body:" + body.name)

    def _national_agency(self, ent: Span) -> BodyInfo | None:
        """ "the Canadian International Development Agency": an organization named with a country
        first and a state body's head word last (agency, ministry, army, police...) is that body of
        that country."""
        toks = [t for t in ent if t.lower_ not in ("the", "a", "an")]
        if len(toks) < 2 or toks[-1].lower_ not in STATE_HEADS:
            return None
        country = country_of_token(self.kb, toks[:1])
        if country is None:
            return None
        generic = self.kb.body(toks[-1].lower_)
        sector = generic.sector if generic is not None else "GOV"
        return BodyInfo(name=ent.text, country=country, sector=sector, kind="organization")

    def _modifier_description(self, doc: Doc, span: Span, reg: ActorRegistry | None = None) -> Description:
        """Countries in the modifiers of a noun phrase: "the Chinese Foreign Ministry", "Canada's army"."""
        head = span.root
        mods = [
            c for c in head.children if c.dep_ in ("amod", "compound", "poss", "nmod") and c.i < span.start
        ]
        if head.dep_ == "compound" and head.head.i > head.i:
            # "Israeli army bulldozers": the adjective sits on the phrase's head, beside the body
            mods += [
                c
                for c in head.head.children
                if c.dep_ in ("amod", "compound", "poss") and c.i < span.start and c.i != head.i
            ]
        toks: list[Token] = []
        for m in mods:
            toks.extend(t for t in m.subtree if t.i < span.start and not _sponsor(t))
        # "police in Cairo", "the army in Mali", "a group based in Chad": a generic body located in a
        # country belongs to it
        holders = [head] + [c for c in head.children if c.dep_ == "acl" and c.lemma_ in BASED_LEMMAS]
        for h in holders:
            for p in h.children:
                if p.dep_ == "prep" and p.lower_ == "in":
                    toks.extend(t for g in p.children if g.dep_ == "pobj" for t in g.subtree)
        inner = [t for t in span if t.dep_ in ("amod", "compound", "poss", "nmod")]
        # "Cuba experts", "a White House Iran adviser": the country is the subject, not the person's
        toks = [t for t in toks if not subject_matter(self.kb, t)]
        inner = [t for t in inner if not subject_matter(self.kb, t)]
        if reg is not None:  # words already naming another actor ("Turkish police") are not ours
            toks = [t for t in toks if not reg.is_claimed(t.i)]
            inner = [t for t in inner if not reg.is_claimed(t.i)]
        desc = Description()
        for group in ([*toks], inner):
            for t in group:
                # the longest name first: "North Korea's army" is North Korea's, not Korea's
                iso = self._multiword_country(t) or country_of_token(self.kb, [t])
                if iso and iso not in desc.countries:
                    desc.countries.append(iso)
        return desc

    def _multiword_country(self, tok: Token) -> str | None:
        """A country written over a compound chain ("Hong Kong", "South Korea") ending at ``tok``."""
        toks = [t for t in tok.subtree if t.dep_ == "compound" or t.i == tok.i]
        toks = [t for t in toks if t.i <= tok.i]
        return country_of_token(self.kb, toks) if len(toks) > 1 else None

    def _with_country_modifiers(self, doc: Doc, span: Span) -> Span:
        """Extend a name leftwards over its adjective/compound modifiers ("the US State Department")."""
        start = span.start
        while (
            start > 0
            and doc[start - 1].dep_ in ("amod", "compound", "det", "poss", "case")
            and doc[start - 1].pos_ != "PRON"  # "its forces": "its" is a pronoun to resolve, not a name
            and (doc[start - 1].head.i >= span.start or doc[start - 1].head.i >= start)
        ):
            start -= 1
        return doc[start : span.end]

    # ---------------------------------------------------------------- roles without names
    def _find_role_mentions(self, doc: Doc, tokens: list[Token], reg: ActorRegistry, skip: set[int]) -> None:
        for tok in tokens:
            # a capitalised common noun may be tagged PROPN ("Rebels attacked ..."): no entity, same role
            common = tok.pos_ == "NOUN" or (tok.pos_ == "PROPN" and not tok.ent_type_)
            if not common or tok.i in skip or reg.is_claimed(tok.i):
                continue
            span = _compound_span(doc, tok)
            role = self._role_of(span)
            if role is None:
                continue
            # the phrase starts after anything already claimed or any verb the parser folded into it
            left = tok.left_edge.i
            for t in doc[left : tok.i]:
                if reg.is_claimed(t.i) or t.pos_ in ("VERB", "AUX") or t.is_punct:
                    left = t.i + 1
            toks = [t for t in tok.subtree if t.i <= tok.i or (t.head == tok and t.dep_ == "prep")]
            toks = sorted(tok.subtree, key=lambda t: t.i) if any(t.dep_ == "prep" for t in toks) else toks
            desc = describe(
                self.kb, [t for t in toks if t.i >= left and not reg.is_claimed(t.i) and not _sponsor(t)]
            )
            head_role = self.kb.role(role)
            if head_role is not None:  # the head noun says what they are: "anti-government protesters"
                owner_sector = desc.sector if desc.owned and head_role.role in GENERIC_HEADS else None
                desc.role, desc.sector, desc.kind = head_role.role, head_role.sector, head_role.kind
                desc.sector = owner_sector or desc.sector  # "a spokesman for the rebels" speaks as one
                if desc.owner_name and head_role.role in GENERIC_HEADS:
                    desc.sector = None  # "a spokesman for Jund al-Haqq": as unknown as what he speaks for
            desc.merge(self._modifier_description(doc, doc[max(left, span.start) : tok.i + 1], reg))
            if not desc.countries and not desc.igo:
                for owner in _owners(tok, reg):
                    actor = reg.st.actors[owner]
                    if actor.country and actor.country not in desc.countries:
                        desc.countries.append(actor.country)
                    desc.igo = desc.igo or (actor.igo_code if actor.country is None else None)
            if head_role is not None and head_role.role in GENERIC_HEADS:
                # "leaders of the opposition alliance": the named owner's sector
                owner_sectors = [reg.st.actors[o].sector for o in _owners(tok, reg)]
                desc.sector = next((x for x in owner_sectors if x), desc.sector)
                spoken_for = [reg.st.actors[o] for o in _owners(tok, reg, people=True)]
                if spoken_for and all(a.sector is None and a.kind in NAMED_KINDS for a in spoken_for):
                    # "a spokesman for Jund al-Haqq" (a name the model calls a person): his sector is that
                    # of whom he speaks for, unknown here; a country's spokesman stays its government's
                    desc.sector = None
            if not desc.countries and not desc.igo and desc.sector in ("GOV", "MIL"):
                leader = _leader_country(tok, reg)  # "the Bush administration", "Museveni's troops"
                if leader:
                    desc.countries.append(leader)
            if desc.role in COUNTRY_ONLY_ROLES and not desc.countries:
                continue  # "the north side of the town" is nobody; "the Turkish side" is Turkey's
            if desc.role is None or (not desc.countries and not desc.igo and _quantified(tok, numbers=False)):
                continue  # "the three regional powers", "all four leaders": nobody codable
            definite = _is_definite(tok)
            full = doc[left : tok.i + 1]
            countries: list[str | None] = list(desc.countries) or [None]
            for country in countries if desc.kind == "group" else countries[:1]:
                actor_id = reg.role(desc, country, definite=definite, plural=tok.tag_ in ("NNS", "NNPS"))
                reg.mention(actor_id, full, rule="role:" + (desc.role or ""), head=tok.i)

    def _role_of(self, span: Span) -> str | None:
        # words written apart are looked up word by word (ActorKnowledge.word_fit): a suffix none of
        # whose words is in a role of its length is skipped
        v = view(span.doc)
        start, end = span.start, span.end
        n = end - start
        spaced = all(t.whitespace_ for t in v.tokens[start : end - 1])
        fits = [self.kb.word_fit(text) for text in v.texts[start:end]] if spaced else []
        for k in range(n):
            if spaced and not any(fit >> (n - k) & 1 for fit in fits[k:]):
                continue
            role = self.kb.role(norm(v.span_text(start + k, end)))
            if role is not None and len(role.role.split()) == n - k:
                return role.role  # the role must end at the head noun: "humanitarian aid" is no role
        return None

    # ---------------------------------------------------------------- states and metonyms
    def _find_states(self, doc: Doc, reg: ActorRegistry, skip: set[int]) -> None:
        # words of the people's names the article writes in full ("Michael Jordan"): alone, such a
        # word is that person, not the country it also names
        # ("Sri Lanka", which the tagger may call a person, is no person's name)
        name_words = {
            t.text
            for e in view(doc).ents
            if e.label_ == "PERSON" and len(e) > 1 and self.kb.country_by_name(e.text) is None
            for t in e
        }
        for ent in view(doc).ents:
            if (
                ent.label_ not in ("GPE", "NORP", "LOC", "ORG", "PERSON")
                or ent.start in skip
                or reg.claimed(ent)
            ):
                continue
            span = _span_without_det(ent)
            span = doc[span.start : span.end - 1] if span[-1].tag_ == "POS" else span
            if len(span) == 0:
                continue
            group = self._national_group(span)
            if group is not None:
                iso3, full = group
                if iso3 is not None and not reg.claimed(full):
                    reg.mention(reg.people(iso3, full.text), full, rule="group:demonym-people")
                continue
            people = self.kb.ethnic(span.text)
            if people is not None and span.root.tag_ in ("NNS", "NNPS") and not reg.claimed(span):
                # "the Kurds", "Tamils": a people that is no state's
                reg.mention(reg.ethnic_people(people, span.text), span, rule="group:ethnic")
                continue
            owner = people is not None and len(span) == 1 and _modifies_non_actor(span, reg)
            if people is not None and owner and not reg.claimed(span):
                # "a Kurdish position", "Kurdish villages": the people owns what it modifies, as a
                # country's adjective does ("an Israeli army post")
                reg.mention(reg.ethnic_people(people, span.text), span, rule="group:ethnic-adjective")
                continue
            text = span.text
            country = self.kb.country_by_name(text)
            # a lone demonym modifying a noun is no person ("the Ugandan plan"); nor is a country's
            # name the tagger took for one ("if Nigeria closed the border")
            if ent.label_ == "PERSON" and not (
                (
                    len(span) == 1
                    and span.root.dep_ in ("amod", "compound")
                    and self.kb.country_by_demonym(text) is not None
                )
                or (country is not None and not name_words.intersection(text.split()))
            ):
                continue
            if country is not None and ent.label_ != "NORP":
                reg.mention(reg.state(country.iso3, country.name), span, rule="state:name")
                continue
            capital = self.kb.country_by_capital(text)
            if capital is not None and ent.label_ == "GPE" and _is_agentive(span):
                reg.mention(reg.government(capital.iso3, text), span, rule="state:capital-metonym")
                continue
            demonym = self.kb.country_by_demonym(text)
            if (
                demonym is not None
                and span.root.pos_ in ("NOUN", "PROPN")
                and span.root.tag_ in ("NNS", "NNPS")
            ):
                reg.mention(reg.people(demonym.iso3, text), span, rule="group:demonym")
            elif demonym is not None and _modifies_non_actor(span, reg):
                # "an Israeli army post", "Chinese warships": the country owns what it modifies
                reg.mention(
                    reg.state(demonym.iso3, self._country_name(demonym.iso3)), span, rule="state:adjective"
                )

    def _untagged_countries(self, doc: Doc, tokens: list[Token], reg: ActorRegistry, skip: set[int]) -> None:
        """Country names the NER left untagged ("Uzbekistan opened the bridge"): runs of up to three
        capitalised proper nouns outside any entity that name a country exactly."""
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            if tok.pos_ != "PROPN" or tok.ent_type_ or tok.i in skip or reg.is_claimed(tok.i):
                i += 1
                continue
            hit = 0
            for n in (3, 2, 1):
                run = doc[tok.i : tok.i + n]
                if len(run) < n or any(t.ent_type_ or t.pos_ != "PROPN" or reg.is_claimed(t.i) for t in run):
                    continue
                country = self.kb.country_by_name(run.text)
                if country is not None:
                    reg.mention(reg.state(country.iso3, country.name), run, rule="state:untagged-name")
                    hit = n
                    break
            i += max(hit, 1)

    def _national_group(self, span: Span) -> tuple[str | None, Span] | None:
        """ "Bosnian Serbs", "Iraqi Kurds": a people qualified by a country adjective is of that
        country (where they live); "ethnic Albanians" names no nationality, so their country is the
        one they are said to be in ("ethnic Albanians in Serbia"), else unknown (None).

        Returns (country, the whole span) or None when ``span`` is no such group."""
        doc = span.doc
        first = span[0]
        if first.ent_type_ == "ORG":
            return None  # "American Airlines"
        adjective = self.kb.country_by_demonym(first.text)
        if adjective is not None and len(span) == 3 and span[1].text in ("-", "‐", "‑"):
            # "Cuban-Americans", "Iranian-Canadian": of the second country, by origin of the first
            civic = self.kb.country_by_demonym(span[2].text)
            if civic is not None and civic.iso3 in HYPHENATED_NATIONALITIES:
                return civic.iso3, span
        if adjective is not None and len(span) >= 2 and _plural_name(span[-1]):
            return adjective.iso3, span  # one entity: "Bosnian Serbs"
        if adjective is not None and len(span) == 1:
            head = first.head
            if (
                first.dep_ in ("amod", "compound")
                and head.i == span.end
                and _plural_name(head)
                and head.ent_type_ in ("", "NORP", "PERSON", "LOC", "GPE")
            ):
                return adjective.iso3, doc[span.start : head.i + 1]  # two entities: "Iraqi" "Kurds"
        if span.start > 0 and doc[span.start - 1].lower_ == "ethnic" and _plural_name(span.root):
            if self.kb.country_by_demonym(span.text) is None:
                return None
            full = doc[span.start - 1 : span.end]
            return _located_in(self.kb, span.root), full
        return None

    def _find_surnames(self, doc: Doc, tokens: list[Token], reg: ActorRegistry, skip: set[int]) -> None:
        """Later mentions by surname alone, whatever label the NER gave them."""
        for tok in tokens:
            if tok.pos_ != "PROPN" or tok.i in skip or reg.is_claimed(tok.i) or not tok.is_title:
                continue
            actor_id = reg.person_by_name_part(tok.text)
            if actor_id is not None:
                reg.mention(actor_id, doc[tok.i : tok.i + 1], rule="person:surname")

    def _find_acronyms(self, doc: Doc, tokens: list[Token], reg: ActorRegistry, skip: set[int]) -> None:
        """ "the NCAA" after "the Nigerian Civil Aviation Authority": an all-capital word that
        spells the initials of an organization named before it refers to that organization."""
        named: dict[str, str] = {}
        for actor in reg.st.actors.values():
            if actor.kind == "organization":
                for initials in _initials(actor.name):
                    named.setdefault(initials, actor.id)
        if not named:
            return
        first = {m.actor_id: m.token_start for m in reg.st.actor_mentions}
        for tok in tokens:
            text = tok.text.replace(".", "")
            if not (2 <= len(text) <= 6 and text.isalpha() and text.isupper()):
                continue
            if tok.i in skip or reg.is_claimed(tok.i):
                continue
            actor_id = named.get(text)
            if actor_id is not None and first.get(actor_id, len(doc)) < tok.i:
                reg.mention(actor_id, doc[tok.i : tok.i + 1], rule="organization:acronym")

    def _possessed_countries(self, doc: Doc, tokens: list[Token], reg: ActorRegistry, skip: set[int]) -> None:
        """ "the ambassador ... his country", "their government": the country (or its government) of
        the person or group the possessive pronoun refers to."""
        ta = reg.st.token_actors
        for tok in tokens:
            if tok.lower_ not in POSSESSED_STATES or tok.i in skip or reg.is_claimed(tok.i):
                continue
            owners = [c for c in tok.children if c.dep_ == "poss" and c.pos_ == "PRON" and c.i in ta]
            if not owners:
                continue
            country = reg.st.actors[ta[owners[0].i][0]].country
            if not country:
                continue
            name = self._country_name(country)
            actor_id = (
                reg.government(country, name) if tok.lower_ == "government" else reg.state(country, name)
            )
            reg.mention(actor_id, doc[owners[0].i : tok.i + 1], rule="state:possessed", head=tok.i)

    def _countries_from_possessors(self, tokens: list[Token], reg: ActorRegistry) -> None:
        """ "its forces", "their troops": a countryless group takes its possessor's country."""
        ta = reg.st.token_actors
        for tok in tokens:
            if tok.dep_ != "poss" or tok.pos_ != "PRON" or tok.i not in ta:
                continue
            owner = reg.st.actors[ta[tok.i][0]].country
            head = tok.head.i
            for actor_id in list(ta.get(head, [])):
                actor = reg.st.actors[actor_id]
                if (
                    owner
                    and actor.country is None
                    and actor.rule in ("role", "body")
                    and actor.kind != "person"
                ):
                    reg.give_country(head, actor_id, owner)

    # ---------------------------------------------------------------- pronouns and anaphors
    def _resolve_pronouns(self, doc: Doc, tokens: list[Token], reg: ActorRegistry, skip: set[int]) -> None:
        for tok in tokens:
            if tok.i in skip or reg.is_claimed(tok.i):
                continue
            low = tok.lower_
            if tok.pos_ == "PRON" and low in PERSON_PRONOUNS:
                reg.pronoun(tok, kinds=("person",), rule="pronoun:person")
            elif tok.pos_ == "PRON" and low in PLURAL_PRONOUNS:
                reg.pronoun(tok, kinds=("group", "plural"), rule="pronoun:plural", max_sents=2)
            elif (
                tok.pos_ == "PRON"
                and low in NEUTER_PRONOUNS
                and (tok.dep_ in ("nsubj", "poss", "nsubjpass") or _agentive_object(tok))
            ):
                reg.pronoun(tok, kinds=("state", "organization"), rule="pronoun:it", max_sents=1)
            elif (
                tok.pos_ == "NOUN" and low in STATE_ANAPHORS and _is_bare_anaphor(doc[tok.i : tok.i + 1], tok)
            ):
                reg.pronoun(
                    tok,
                    kinds=("state", "organization", "person"),
                    rule="anaphor:state",
                    max_sents=2,
                    as_state=True,
                )


def _sponsor(tok: Token) -> bool:
    """ "US" in "US-backed fighters", "Iranian" in "Iranian-funded militias": the country that backs a
    group, not the group's own (a "Saudi-led coalition" is led by Saudi Arabia, and keeps it)."""
    head = tok.head
    return (
        tok.dep_ in ("npadvmod", "compound", "amod") and head.tag_ == "VBN" and head.lemma_ in SPONSOR_LEMMAS
    )


def _agentive_object(tok: Token) -> bool:
    """ "accusing it of", "blamed it for", "declared it responsible": an object pronoun that the
    clause goes on to make the doer of something names an actor, not a thing."""
    if tok.dep_ != "dobj":
        return False
    after = [c for c in tok.head.children if c.i > tok.i]
    return any(
        (c.dep_ == "prep" and c.lower_ in ("of", "for")) or c.dep_ in ("oprd", "xcomp", "ccomp")
        for c in after
    )


def _initials(name: str) -> set[str]:
    """The acronyms a name may be known by: the initials of its capitalized words, with and without a
    leading country word ("Nigerian Civil Aviation Authority": NCAA and CAA)."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isupper()]
    out = set()
    for start in range(min(2, len(words))):
        letters = "".join(w[0] for w in words[start:] if w.replace(".", "").isalpha())
        if len(letters) >= 2:
            out.add(letters.upper())
    return out


def _plural_name(tok: Token) -> bool:
    """A plural noun, or a capitalised name the small model tags singular but that reads plural
    ("Igbos", "Mohawks")."""
    if tok.tag_ in ("NNS", "NNPS"):
        return True
    return tok.tag_ == "NNP" and tok.is_title and tok.text.endswith("s") and not tok.text.endswith("ss")


def _located_in(kb: ActorKnowledge, tok: Token) -> str | None:
    """The country of an "in <country>" phrase on ``tok`` or on the verb it is the subject of."""
    holders = [tok]
    if tok.dep_ in ("nsubj", "nsubjpass"):
        holders.append(tok.head)
    for h in holders:
        for prep in h.children:
            if prep.dep_ != "prep" or prep.lower_ != "in":
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj":
                    iso = country_of_token(kb, [t for t in obj.subtree if t.ent_type_ in ("GPE", "LOC")])
                    if iso:
                        return iso
    return None


def _leader_country(tok: Token, reg: ActorRegistry) -> str | None:
    """ "the Bush administration", "Museveni's government": a body named after a person of known
    country belongs to that country."""
    for child in tok.children:
        if child.dep_ not in ("compound", "poss"):
            continue
        for actor_id in reg.st.token_actors.get(child.i, []):
            actor = reg.st.actors[actor_id]
            if actor.kind == "person" and actor.country:
                return actor.country
    return None


def _written_in_full(words: list[str], entry: Entry) -> bool:
    """Whether the article's dictionary ``words`` hold the listed actor's full name, or a phrase of it
    with a given name ("Bashar Assad"; not "al-Assad", whose other word is a particle)."""
    surname = normalize(entry.name).split()[-1:]
    fulls = [normalize(entry.name).split()]
    fulls += [p.split() for p in entry.phrases if any(len(w) > 2 and w not in surname for w in p.split())]
    text = f" {' '.join(words)} "
    return any(f" {' '.join(full)} " in text for full in fulls)


def _same_word(a: str, b: str) -> bool:
    """The same name word, or one letter off in a word of four or more ("Shimom" for "Shimon")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4 or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _listed_rule(entry: Entry) -> str:
    """``listed:FILE:LINE``: a packaged file named from the data folder (``actors/leaders.tsv:473``,
    the same on every install), a user's file as it was given."""
    origin = entry.origin
    if origin.startswith(_PACKAGE_DATA):
        origin = origin[len(_PACKAGE_DATA) :].replace("\\", "/")
    return f"listed:{origin}"


def _is_plain_country(entry: Entry) -> bool:
    """A listed actor coded by a bare three-letter country code, whatever the date."""
    code = entry.default.code if entry.default else None
    return (
        entry.kind in (None, "state")
        and not entry.periods
        and code is not None
        and len(code) == 3
        and split_code(code)[2] is None
    )


def _run_start(doc: Doc, i: int) -> int:
    """Start of the run of non-punctuation, non-verb tokens ending just before ``i``."""
    tokens = view(doc).tokens
    j = i
    while (j > 0 and not tokens[j - 1].is_punct and tokens[j - 1].pos_ not in ("VERB", "AUX", "ADP")) or (
        j > 0 and tokens[j - 1].lower_ == "of" and j > 1 and tokens[j - 2].pos_ in ("NOUN", "PROPN")
    ):
        j -= 1
    return j


def _det_end(lower: list[str], start: int, end: int) -> int:
    """``start`` past the leading articles of the range, keeping its last word."""
    while start < end - 1 and lower[start] in ("the", "a", "an"):
        start += 1
    return start


def _strip_det(span: Span) -> str:
    """The text of ``span`` without its leading articles (``_span_without_det(span).text``)."""
    v = view(span.doc)
    end = span.end
    return v.span_text(_det_end(v.lower, span.start, end), end)


def _span_without_det(span: Span) -> Span:
    end = span.end
    return span.doc[_det_end(view(span.doc).lower, span.start, end) : end]


def _compound_span(doc: Doc, tok: Token) -> Span:
    """``tok`` with the compound and adjective modifiers directly to its left ("Foreign Ministry")."""
    tokens = view(doc).tokens
    start = tok.i
    while start > 0 and tokens[start - 1].dep_ in ("compound", "amod") and tokens[start - 1].head.i >= start:
        start -= 1
    return doc[start : tok.i + 1]


def _is_definite(tok: Token) -> bool:
    dets = [c.lower_ for c in tok.children if c.dep_ in ("det", "poss")]
    return (
        any(d in ("the", "this", "that") for d in dets)
        or any(c.dep_ == "poss" for c in tok.children)
        or any(c.dep_ in ("compound", "amod") and c.ent_type_ in ("GPE", "NORP") for c in tok.children)
    )


def _is_bare_anaphor(span: Span, tok: Token) -> bool:
    """ "the government" with no modifier naming whose: it points back."""
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    dets = [c.lower_ for c in tok.children if c.dep_ == "det"]
    return not mods and dets == ["the"] and len(span) == 1


def _modifies_non_actor(span: Span, reg: ActorRegistry) -> bool:
    root = span.root
    head = root.head
    return (
        root.dep_ in ("amod", "compound", "nmod")
        and head.pos_ in ("NOUN", "PROPN")
        and head.i not in reg.st.token_actors
        and not reg.is_claimed(head.i)
    )


def _owners(tok: Token, reg: ActorRegistry, *, people: bool = False) -> list[str]:
    """Actors that own a role noun: "a spokesman for the State Department", "European Union
    foreign ministers", "the ministry's spokesman" (and, with ``people``, "the senator's spokesman")."""
    holders = [
        g
        for p in tok.children
        if p.dep_ == "prep" and p.lower_ in OWNER_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]
    holders += [c for c in tok.children if c.dep_ in ("compound", "nmod", "poss")]
    out: list[str] = []
    for g in holders:
        for actor_id in reg.st.token_actors.get(g.i, []):
            if actor_id not in out and (people or reg.st.actors[actor_id].kind != "person"):
                out.append(actor_id)
    return out


def _quantified(tok: Token, *, numbers: bool = True) -> bool:
    """ "both parties", "all leaders" (and, for bodies, "two governments"): nobody in particular."""
    return any(
        (c.dep_ in ("det", "nummod", "predet") and c.lower_ in QUANTIFIERS)
        or (numbers and c.dep_ == "nummod")
        for c in tok.children
    )


def _is_agentive(span: Span) -> bool:
    """A capital acts as its government unless it is a location ("in Beijing") or a modifier."""
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS:
        return False
    if root.dep_ in ("compound", "nmod", "npadvmod", "appos"):
        return False
    head = root.head
    while root.dep_ == "conj":
        root, head = head, head.head
        if root.dep_ == "pobj" and head.lower_ in PLACE_PREPS:
            return False
    return True
