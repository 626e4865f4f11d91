"""Read a descriptor ("former US Secretary of State", "China's top diplomat") into country, role, sector.

A descriptor is the run of tokens that introduces or qualifies an actor: titles before a name, an
apposition after it, or the modifiers of a role noun. Countries after "to"/"in"/"at" are hosts, not
the actor's own country ("China's ambassador to the US" is Chinese).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from spacy.tokens import Token

from whodid.actors.knowledge import ActorKnowledge

# prepositions after a role whose object is a host or a topic, not the actor's own country
HOST_PREPS = frozenset({"to", "in", "at", "on", "with", "toward", "towards", "about", "against"})
# prepositions after a role whose object is the actor's own organization or country
OWNER_PREPS = frozenset({"for", "of", "from"})
FORMER_WORDS = frozenset({"former", "ex", "ex-", "then", "erstwhile", "late"})
# roles that say only where someone stands in an organization: "leaders of the opposition coalition"
# are opposition, "a spokesman for the rebels" a rebel; the organization's sector wins
GENERIC_HEADS = frozenset(
    {
        "leader",
        "leaders",
        "head",
        "heads",
        "chief",
        "chiefs",
        "member",
        "members",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "representative",
        "representatives",
    }
)


@dataclass
class Description:
    """What a descriptor says about an actor."""

    countries: list[str] = field(default_factory=list)
    role: str | None = None
    sector: str | None = None
    kind: str | None = None
    body: str | None = None
    igo: str | None = None  # an international organization's code ("U.N. Secretary-General")
    ethnic: str | None = None  # a people that is no state's ("Kurdish fighters": KUR)
    former: bool = False
    text: str = ""
    tokens: set[int] = field(default_factory=set)  # tokens consumed by roles and bodies
    owned: bool = False  # an owner phrase ("of", "for", "from") followed the role
    # "a spokesman for Jund al-Haqq": the owner phrase of a generic head (GENERIC_HEADS) is a name no
    # table knows and no institution's ("the Guard", "the Ohio Department of X"), so the sector the
    # head gives ("spokesman": government) is unknown too; the tokens of that name
    owner_name: tuple[int, ...] = ()

    @property
    def country(self) -> str | None:
        return self.countries[0] if self.countries else None

    def merge(self, other: Description) -> None:
        """Fill what this description lacks from ``other``."""
        for c in other.countries:
            if c not in self.countries:
                self.countries.append(c)
        if self.role is None:
            self.role, self.kind = other.role, other.kind
        if self.sector is None or (self.body is None and other.body is not None):
            self.sector = other.sector or self.sector
        self.body = self.body or other.body
        self.igo = self.igo or other.igo
        self.ethnic = self.ethnic or other.ethnic
        self.owner_name = self.owner_name or other.owner_name
        self.former = self.former or other.former
        self.text = self.text or other.text
        self.tokens |= other.tokens


def norm(text: str) -> str:
    """Lowercase, straight apostrophes, single spaces."""
    return " ".join(text.replace("\u2019", "'").lower().split())


def country_of_token(kb: ActorKnowledge, tokens: Sequence[Token]) -> str | None:
    """ISO3 of a country name, demonym or capital written by ``tokens`` ("China's" counts)."""
    words = [t for t in tokens if t.tag_ != "POS" and t.text not in ("'s", "\u2019s")]
    if not words:
        return None
    text = " ".join(t.text for t in words)
    info = kb.country_by_name(text) or kb.country_by_demonym(text) or kb.country_by_capital(text)
    return info.iso3 if info else None


def topic_position(tok: Token, heads: Collection[str]) -> bool:
    """A capitalised word in a compound before a noun of expertise or mission (``heads``,
    topic_heads.txt): the place of "Cuba" in "Cuba experts", "a White House Iran adviser"."""
    if tok.dep_ != "compound" or not tok.text[:1].isupper() or tok.text.isupper() or "." in tok.text:
        return False  # an abbreviation is an adjective ("U.S. experts"); "Somalia" may be tagged NOUN
    head = tok.head
    while head.dep_ == "compound" and head.text[:1].isupper() and head.head.i != head.i:
        head = head.head  # "South Korea experts"
    return head.pos_ == "NOUN" and head.lemma_.lower() in heads


def subject_matter(kb: ActorKnowledge, tok: Token) -> bool:
    """A country's name (not a demonym, not an abbreviation such as "U.S.") in the topic position
    names the subject, not the person's country: "Cuba experts", "the Syria envoy", "South Korea
    watchers"; "Kenyan experts" and "U.S. experts" are of their country."""
    if not topic_position(tok, kb.topic_heads):
        return False
    doc = tok.doc
    names = [tok.text]
    if tok.i > 0:
        names.append(f"{doc[tok.i - 1].text} {tok.text}")
    if tok.i + 1 < len(doc):
        names.append(f"{tok.text} {doc[tok.i + 1].text}")
    return any(kb.country_by_name(n) is not None for n in names)


def describe(kb: ActorKnowledge, tokens: Sequence[Token]) -> Description:
    """Scan ``tokens`` left to right for former-markers, bodies, roles and own countries."""
    shown = list(tokens)
    while shown and shown[-1].pos_ in ("ADP", "DET", "CCONJ", "PART", "PUNCT", "SCONJ"):
        shown.pop()  # "a delegation of observers from the [OSCE]": the OSCE is an actor of its own
    text = "".join(t.text_with_ws for t in shown)  # as written: "India's", not "India 's"
    desc = Description(text=" ".join(text.split()).strip(" ,"))
    toks = [t for t in tokens if (not t.is_punct or t.text in ("-",)) and not subject_matter(kb, t)]
    i, host = 0, ""
    # the words of a generic head's owner phrase, and whether a table knew any of them
    owner: list[Token] | None = None
    known = False
    while i < len(toks):
        low = toks[i].lower_
        if low in FORMER_WORDS:
            desc.former = True
            i += 1
            continue
        if low in HOST_PREPS and desc.role is not None:
            host = low
            owner = None
        elif low in OWNER_PREPS:
            host = ""
            desc.owned = desc.role is not None
            if owner is None and desc.role in GENERIC_HEADS and desc.body is None:
                owner = []
        step = _match_at(kb, toks, i, desc, host)
        if owner is not None and not host and low not in OWNER_PREPS:
            owner.extend(toks[i : i + max(step, 1)])
            known = known or step > 0
        i += max(step, 1)
    if owner and not known and _unknown_name(kb, owner):
        desc.owner_name = tuple(t.i for t in owner)
    if desc.former and desc.sector in ("GOV", "MIL", "LEG", "JUD", "COP", None):
        desc.sector = "ELI"
    return desc


def _match_at(kb: ActorKnowledge, toks: Sequence[Token], i: int, desc: Description, host: str) -> int:
    """Try the longest body, role or country starting at ``toks[i]``; record it; return words used."""
    longest = min(len(toks) - i, max(kb.max_role_words, 5))
    # what the tables can make of each word (ActorKnowledge.word_fit); a possessive marker is no word
    fits = [kb.word_fit(t.text) | (t.tag_ == "POS") for t in toks[i : i + longest]]
    nameable = next((k for k, fit in enumerate(fits) if not fit & 1), longest)  # leading name words
    for n in range(longest, 0, -1):
        span = toks[i : i + n]
        if n > nameable and not any(fit >> n & 1 for fit in fits[:n]) and not _proper_run(span):
            continue  # a word no name holds and no role of n words: no table has the phrase
        text = " ".join(t.text for t in span)
        igo = kb.igo(text) if desc.igo is None and not host else None
        if igo is not None:
            desc.igo = igo.code  # its words stay free: the organization is an actor of its own
            return n
        body = kb.body(text)
        if body is not None and len(body.name.split()) != n:
            body = None  # the knowledge base finds bodies inside longer text; here we want exact spans
        if body is not None and not host:
            desc.body = body.name
            desc.sector = body.sector
            desc.kind = desc.kind or body.kind
            if body.country and body.country not in desc.countries:
                desc.countries.append(body.country)
            desc.tokens.update(t.i for t in span)
            return n
        role = kb.role(norm(text))
        if role is not None and len(role.role.split()) != n:
            role = None
        if role is not None and not host and desc.role is None:
            desc.role, desc.kind = role.role, role.kind
            if desc.body is None:
                desc.sector = role.sector
            desc.tokens.update(t.i for t in span)
            return n
        if role is not None and not host and desc.owned and desc.role in GENERIC_HEADS and desc.body is None:
            desc.sector = role.sector  # "leaders of the opposition": the owner's sector
            return n
        region = kb.region_country(text) if _proper_run(span) else None
        if region is not None:
            # "New Jersey Gov.", "the New Mexico governor": a state, not the country its name holds
            if not host and region not in desc.countries:
                desc.countries.append(region)
            return n
        people = kb.ethnic(text) if desc.ethnic is None else None
        # "pro-Kurdish lawmakers" are for the Kurds, not of them
        first, doc = toks[i], toks[i].doc
        leaning = first.i >= 2 and doc[first.i - 1].text == "-" and doc[first.i - 2].lower_ in ("pro", "anti")
        if people is not None and not host and not leaning:
            desc.ethnic = people  # "Kurdish fighters", "Tamil rebels"
            return n
        iso = country_of_token(kb, span)
        if iso is not None:
            # "rebels in Chad" are Chadian; "the ambassador in Paris" is not French
            own = not host or (host == "in" and desc.kind == "group" and not desc.countries)
            if own and iso not in desc.countries:
                desc.countries.append(iso)
            return n
    return 0  # nothing known starts here


def _unknown_name(kb: ActorKnowledge, words: Sequence[Token]) -> bool:
    """An owner phrase that is a bare name: proper nouns (with their articles and particles), no common
    noun ("the bureau's Buffalo office") and no institution's head word ("the Guard")."""
    names = [t for t in words if t.pos_ == "PROPN"]
    return bool(names) and all(
        t.pos_ in ("PROPN", "DET", "PART", "PUNCT", "ADP") and t.lower_ not in kb.organization_heads
        for t in words
    )


def _proper_run(span: Sequence[Token]) -> bool:
    """Two or more capitalised proper nouns: what may name a state or province ("New Jersey")."""
    return len(span) > 1 and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in span)
