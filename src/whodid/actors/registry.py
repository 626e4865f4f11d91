"""The per-article actor registry: one actor per real-world referent, however often it is mentioned."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from whodid.actors.describe import Description, norm
from whodid.nlp.state import Actor, ActorMention, ArticleState
from whodid.nlp.view import view
from whodid.quotes.finder import find_quote_spans

# the gender a third-person pronoun says its referent has
PRONOUN_GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
# predicate nouns: they describe the subject, they are no one a pronoun can take up
PREDICATE_DEPS = frozenset({"attr", "oprd"})


@dataclass
class _PersonRecord:
    actor_id: str
    parts: tuple[str, ...]  # lowercased name parts
    role: str | None
    country: str | None


class ActorRegistry:
    """Creates actors by key, records mentions and remembers what each token refers to."""

    def __init__(
        self,
        doc: Doc,
        st: ArticleState,
        country_name: Callable[[str], str] | None = None,
        *,
        gendered: Mapping[str, str] | None = None,
        given_names: Mapping[str, str] | None = None,
    ) -> None:
        self.doc = doc
        self.st = st
        # words that say a person is a man ("m") or a woman ("f"): "Mrs.", "spokesman", "his wife"
        self._gendered: Mapping[str, str] = gendered or {}
        self._given_names: Mapping[str, str] = given_names or {}  # "hillary": "f"
        # what is known of a person's gender: from such words, else from the first pronoun taken up
        self._gender: dict[str, str] = {}
        self.country_name = country_name or (lambda iso3: iso3)
        self._by_key: dict[tuple[str, ...], str] = {}
        self._persons: list[_PersonRecord] = []
        # persons of two or more name parts, by their last part and by each part: a surname is looked
        # up, not searched for among every person of the article
        self._by_last_part: dict[str, set[str]] = {}
        self._by_any_part: dict[str, set[str]] = {}
        self._claimed: set[int] = set()
        # by sentence index: (token start, head, actor, the kinds a pronoun may take it for), so that a
        # pronoun reads only the sentences it may reach back to, not every mention of the article
        self._mention_kinds: dict[int, list[tuple[int, int, str, frozenset[str]]]] = {}
        self._sent_starts = [s.start for s in view(doc).sents]
        self._quoted_sents: frozenset[int] | None = None  # computed at the first pronoun

    # ------------------------------------------------------------ creation
    def _new(self, key: tuple[str, ...], actor: Actor) -> str:
        if key in self._by_key:
            return self._by_key[key]
        self.st.actors[actor.id] = actor
        self._by_key[key] = actor.id
        return actor.id

    def _next_id(self) -> str:
        return f"a{len(self.st.actors) + 1}"

    def person(self, name: str, desc: Description) -> str:
        parts = tuple(norm(name).split())
        for rec in self._persons:
            if rec.parts == parts or (len(parts) == 1 and parts[0] in rec.parts):
                self._enrich(rec.actor_id, desc)
                return rec.actor_id
        sector = desc.sector
        actor = Actor(
            id=self._next_id(),
            name=name,
            kind="person",
            country=desc.country,
            sector=sector,
            description=desc.text or None,
            former=desc.former,
            rule="person",
            igo_code=desc.igo if desc.country is None else None,
        )
        actor_id = self._new(("person", *parts), actor)
        self._persons.append(_PersonRecord(actor_id, parts, desc.role, desc.country))
        if len(parts) > 1:
            self._by_last_part.setdefault(parts[-1], set()).add(actor_id)
            for part in parts:
                self._by_any_part.setdefault(part, set()).add(actor_id)
        return actor_id

    def _enrich(self, actor_id: str, desc: Description) -> None:
        actor = self.st.actors[actor_id]
        actor.country = actor.country or desc.country
        actor.sector = actor.sector or desc.sector
        actor.description = actor.description or desc.text or None
        for rec in self._persons:
            if rec.actor_id == actor_id:
                rec.role = rec.role or desc.role
                rec.country = rec.country or desc.country

    def person_by_name_part(self, word: str) -> str | None:
        """The person whose name contains ``word`` (surname first, then any part); None if ambiguous."""
        w = norm(word)
        for ids in (self._by_last_part.get(w, set()), self._by_any_part.get(w, set())):
            if len(ids) == 1:
                return next(iter(ids))
        return None

    def body(self, name: str, country: str | None, sector: str, canonical: str) -> str:
        actor = Actor(
            id=self._next_id(), name=name, kind="organization", country=country, sector=sector, rule="body"
        )
        actor_id = self._new(("body", canonical.lower(), country or ""), actor)
        existing = self.st.actors[actor_id]
        if len(name) > len(existing.name):
            existing.name = name  # the fullest form names the actor ("US State Department")
        return actor_id

    def give_country(self, head: int, actor_id: str, country: str) -> None:
        """The mention headed by ``head`` turns out to be of ``country`` ("its forces" once "its" is
        known): re-point it to a copy of the countryless actor that carries the country."""
        old = self.st.actors[actor_id]
        copy = replace(old, id=self._next_id(), country=country)
        new_id = self._new(("country-of", actor_id, country), copy)
        self.st.token_actors[head] = [new_id if a == actor_id else a for a in self.st.token_actors[head]]
        for k, m in enumerate(self.st.actor_mentions):
            if m.actor_id == actor_id and m.token_start <= head < m.token_end:
                self.st.actor_mentions[k] = replace(m, actor_id=new_id)

    def body_by_head(self, head_word: str) -> str | None:
        """The latest organization so far whose name ends in ``head_word`` ("ministry")."""
        for m in reversed(self.st.actor_mentions):
            actor = self.st.actors[m.actor_id]
            if actor.kind == "organization" and actor.name.lower().split()[-1:] == [head_word.lower()]:
                return actor.id
        return None

    def igo(self, name: str, code: str) -> str:
        actor = Actor(
            id=self._next_id(),
            name=name,
            kind="organization",
            country=None,
            sector="IGO",
            igo_code=code,
            rule="igo",
        )
        return self._new(("igo", code), actor)

    def listed(self, name: str, kind: str, country: str | None, sector: str | None, igo: str | None) -> str:
        """An actor from a user's dictionary, coded as the dictionary says."""
        actor = Actor(
            id=self._next_id(),
            name=name,
            kind=kind,  # type: ignore[arg-type]
            country=country,
            sector=sector if igo is None else "IGO",
            igo_code=igo,
            rule="listed",
        )
        return self._new(("listed", name, country or "", sector or "", igo or ""), actor)

    def state(self, iso3: str, name: str) -> str:
        actor = Actor(id=self._next_id(), name=name, kind="state", country=iso3, sector=None, rule="state")
        return self._new(("state", iso3), actor)

    def government(self, iso3: str, name: str) -> str:
        actor = Actor(
            id=self._next_id(),
            name=name,
            kind="organization",
            country=iso3,
            sector="GOV",
            description="government (capital used as metonym)",
            rule="metonym",
        )
        return self._new(("body", "government", iso3), actor)

    def ethnic_people(self, code: str, name: str) -> str:
        """A people that is no state's ("the Kurds"): its ethnic code, no country."""
        actor = Actor(
            id=self._next_id(), name=name, kind="group", country=None, sector=None, rule="ethnic", ethnic=code
        )
        return self._new(("ethnic", code), actor)

    def people(self, iso3: str, name: str) -> str:
        actor = Actor(id=self._next_id(), name=name, kind="group", country=iso3, sector=None, rule="demonym")
        return self._new(("people", iso3), actor)

    def role(self, desc: Description, country: str | None, *, definite: bool, plural: bool) -> str:
        """An actor known by role only; a definite singular role joins a named person holding it."""
        if definite and not plural and desc.role:
            for rec in self._persons:
                if rec.role == desc.role and rec.country == country:
                    return rec.actor_id
        kind = "group" if plural or desc.kind == "group" else "person"
        name = desc.text or (desc.role or "unknown")
        actor = Actor(
            id=self._next_id(),
            name=name,
            kind=kind,  # type: ignore[arg-type]
            country=country,
            sector=desc.sector,
            description=desc.text or None,
            former=desc.former,
            rule="role",
            igo_code=desc.igo if country is None else None,
            ethnic=desc.ethnic if country is None else None,
        )
        if definite:
            owner = country or (desc.ethnic if country is None else None) or ""
            return self._new(("role", desc.role or "", owner, "p" if plural else "s"), actor)
        return self._new(("anon", str(len(self.st.actors))), actor)

    # ------------------------------------------------------------ mentions
    def mention(self, actor_id: str, span: Span, *, rule: str, head: int | None = None) -> None:
        self.st.actor_mentions.append(
            ActorMention(
                actor_id=actor_id,
                token_start=span.start,
                token_end=span.end,
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                rule=rule,
            )
        )
        tokens = view(self.doc).tokens[span.start : span.end]
        for t in tokens:
            self.claim(t.i)
        h = head if head is not None else span.root.i
        self.link_token(h, actor_id)
        whole_name = rule.startswith(("person", "igo", "body"))  # a name: every word refers to it
        for t in tokens:
            if t.pos_ == "PROPN" or (whole_name and t.pos_ not in ("DET", "PRON")):
                self.link_token(t.i, actor_id)
        kind = self.st.actors[actor_id].kind
        if kind == "person" and actor_id not in self._gender:
            said = self._said_gender(span)
            if said is not None:
                self._gender[actor_id] = said
        plural = kind == "group" or self.doc[h].tag_ in ("NNS", "NNPS")
        self._add_mention_kind(span.start, h, actor_id, frozenset({kind, "plural"} if plural else {kind}))

    def _add_mention_kind(self, start: int, head: int, actor_id: str, fits: frozenset[str]) -> None:
        sent = bisect.bisect_right(self._sent_starts, start) - 1
        self._mention_kinds.setdefault(sent, []).append((start, head, actor_id, fits))

    def link_token(self, i: int, actor_id: str) -> None:
        ids = self.st.token_actors.setdefault(i, [])
        if actor_id not in ids:
            ids.append(actor_id)

    def claim(self, i: int) -> None:
        self._claimed.add(i)

    def is_claimed(self, i: int) -> bool:
        return i in self._claimed

    def claimed(self, span: Span) -> bool:
        return any(t.i in self._claimed for t in span)

    def pronoun(
        self, tok: Token, *, kinds: Sequence[str], rule: str, max_sents: int = 3, as_state: bool = False
    ) -> None:
        """Link ``tok`` to an earlier mention of a fitting kind within ``max_sents`` sentences.

        In the pronoun's own sentence the nearest mention wins; in an earlier sentence its subject
        does ("Roe met Doe in Rome. She criticized ..." is Roe), else its last fitting mention.
        """
        gender = PRONOUN_GENDER.get(tok.lower_)
        actor_id = self._antecedent(tok, kinds, max_sents, gender)
        if actor_id is None:
            return
        if gender is not None and not as_state:
            self._gender.setdefault(actor_id, gender)  # "Roe ... she": Roe is a woman from now on
            # a later "she" may take up this one: "Roe spoke. She said ... she would go" (a chain)
            self._add_mention_kind(tok.i, tok.i, actor_id, frozenset({"person"}))
        if as_state:
            country = self.st.actors[actor_id].country
            if country is None:
                return
            actor_id = self.state(country, self.country_name(country))
        self.st.actor_mentions.append(
            ActorMention(
                actor_id=actor_id,
                token_start=tok.i,
                token_end=tok.i + 1,
                start=tok.idx,
                end=tok.idx + len(tok.text),
                text=tok.text,
                rule=rule,
            )
        )
        self.link_token(tok.i, actor_id)

    def quoted_sentences(self) -> frozenset[int]:
        """Indices of the sentences that lie wholly inside one quotation."""
        if self._quoted_sents is None:
            v = view(self.doc)
            spans = find_quote_spans(v.text)
            opens = [q.open_at for q in spans]
            quoted = set()
            for i, sent in enumerate(v.sents):
                text = v.text[sent.start_char : sent.end_char].rstrip()  # sent.text, without its Tokens
                start, end = sent.start_char, sent.start_char + len(text)
                k = bisect.bisect_right(opens, start) - 1
                if k >= 0 and spans[k].close_at >= end - 2 and spans[k].open_at <= start:
                    quoted.add(i)
            self._quoted_sents = frozenset(quoted)
        return self._quoted_sents

    def _said_gender(self, span: Span) -> str | None:
        """ "m" or "f" when the words of a person's mention, or the two before it, say so ("Mrs.
        Ortiz", "the spokeswoman") or its first name is a man's or a woman's; None when they say
        nothing or both."""
        sent_start = self._sent_starts[bisect.bisect_right(self._sent_starts, span.start) - 1]
        start = max(span.start - 2, sent_start)
        found = {
            g
            for word in view(self.doc).lower[start : span.end]
            if (g := self._gendered.get(word.rstrip("."))) is not None
        }
        names = [t for t in span if t.pos_ == "PROPN"]
        if len(names) > 1 and names[0].lower_ in self._given_names:
            # "Hillary Clinton"; a lone name may be a surname ("Cyril explained")
            found.add(self._given_names[names[0].lower_])
        return found.pop() if len(found) == 1 else None

    def _antecedent(
        self, tok: Token, kinds: Sequence[str], max_sents: int, gender: str | None = None
    ) -> str | None:
        sent_starts = self._sent_starts
        cur = bisect.bisect_right(sent_starts, tok.i) - 1
        quoted = self.quoted_sentences()
        # sentences wholly inside a quotation are the speaker's words: a pronoun outside them neither
        # counts them in its reach nor takes its referent from them ("X said: '...' He urged ...")
        skip = quoted if cur not in quoted else frozenset()
        earliest_sent = cur
        reach = max_sents - 1
        while reach > 0 and earliest_sent > 0:
            earliest_sent -= 1
            if earliest_sent not in skip:
                reach -= 1
        earliest = sent_starts[earliest_sent] if max_sents else 0
        by_sent: dict[int, list[tuple[int, int, str]]] = {}
        first_sent = earliest_sent if max_sents else 0
        window = (
            m for s in range(first_sent, cur + 1) if s not in skip for m in self._mention_kinds.get(s, ())
        )
        for start, head, actor_id, fits in window:
            if start >= tok.i or start < earliest or fits.isdisjoint(kinds):
                continue
            if self.doc[head].head.i == tok.i:
                continue  # a noun's own modifier is not its antecedent
            if self.doc[head].dep_ in PREDICATE_DEPS:
                continue  # "she was the most able person": the predicate noun describes her
            if gender is not None and self._gender.get(actor_id, gender) != gender:
                continue  # "she" does not take up a man, "he" a woman
            by_sent.setdefault(bisect.bisect_right(sent_starts, start) - 1, []).append(
                (start, head, actor_id)
            )
        if not by_sent:
            return None
        latest = max(by_sent)
        cands = sorted(by_sent[latest])
        if latest == cur:
            if tok.dep_ in ("nsubj", "nsubjpass"):
                # a subject pronoun takes up an earlier subject of its sentence ("Russia accused Ukraine
                # and said it would respond" is Russia), else the nearest mention
                subjects = [c for c in cands if self.doc[c[1]].dep_ in ("nsubj", "nsubjpass")]
                if subjects:
                    return subjects[-1][2]
            return cands[-1][2]
        subjects = [c for c in cands if self.doc[c[1]].dep_ in ("nsubj", "nsubjpass")]
        return (subjects[0] if subjects else cands[-1])[2]

    def finish(self) -> None:
        """Order mentions by position and mark every token of a person or organization as no place."""
        self.st.actor_mentions.sort(key=lambda m: (m.start, m.end))
        mentioned = {m.actor_id for m in self.st.actor_mentions}
        for actor_id in [a for a in self.st.actors if a not in mentioned]:
            del self.st.actors[actor_id]  # superseded (e.g. by a copy that learned its country)
        for i, ids in list(self.st.token_actors.items()):
            self.st.token_actors[i] = [a for a in ids if a in mentioned]
        for m in self.st.actor_mentions:
            actor = self.st.actors[m.actor_id]
            if actor.kind in ("person", "organization") and actor.rule != "metonym":
                self.st.non_place_tokens.update(range(m.token_start, m.token_end))
