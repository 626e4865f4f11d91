"""Who did it and to whom: the source and target tokens of an event trigger.

Handles active and passive voice (with and without a "by" agent), compound subjects and objects,
subjects inherited by infinitives, participles and relative clauses, and reported speech whose
subject names no actor ("the two countries could meet": the speaker's side is the source).
"""

from __future__ import annotations

from spacy.tokens import Token

from whodid.nlp.state import ArticleState

SUBJECT = ("nsubj", "csubj")
PASSIVE_SUBJECT = ("nsubjpass", "csubjpass")
# governing links through which a verb without a subject borrows its governor's subject
INHERIT_DEPS = ("xcomp", "advcl", "conj", "acl", "ccomp", "oprd", "acomp")
# "in support of X", "in protest against X": the noun after "in" whose object is the target
STANCE_NOUNS = frozenset(
    {
        "support",
        "solidarity",
        "defense",
        "defence",
        "favor",
        "favour",
        "protest",
        "opposition",
        "retaliation",
        "response",
    }
)
# prepositions whose object can be whom the event is done to
TARGET_PREPS = frozenset({"with", "against", "to", "toward", "towards", "for", "on", "at", "upon", "from"})
# "sanctions imposed on Iraq", "restrictions placed upon the press": whom a participle's act is aimed at
PARTICIPLE_TARGET_PREPS = frozenset({"on", "upon", "against", "to"})
# "the head of the agency", "a decision by the government": whose a noun is
OWNER_PREPS = frozenset({"of", "by"})
# what an actor puts out: "a statement from the ministry said", "a letter from X urged": "from" names
# its author (only for these: "aid from Japan" is not Japan's doing)
AUTHORED_NOUNS = frozenset(
    {"statement", "letter", "message", "note", "communique", "memo", "release", "announcement", "report"}
)
# participles with their own preposition that say where their subject stands: "X is opposed to Y"
STATIVE_PARTICIPLES = frozenset({("oppose", "to")})
# what a feeling is about: "angry at Beijing", "frustrated with the talks", "concerned about X's moves",
# "opposed to the offensive"
CAUSE_PREPS = frozenset({"at", "with", "about", "over", "by", "to", "toward", "towards"})


# relative pronouns that can stand for an actor ("the men, who were charged"; "the sailors, whom")
RELATIVE_WORDS = frozenset({"who", "whom", "which", "that"})
QUANTITY_NOUNS = frozenset(
    {
        "thousand",
        "hundred",
        "dozen",
        "million",
        "score",
        "scores",
        "number",
        "group",
        "crowd",
        "handful",
        "some",
        "many",
        "most",
        "all",
        "several",
    }
)


def actors_at(st: ArticleState, tok: Token, *, with_conjuncts: bool = True) -> list[str]:
    """Actors a token refers to, with its conjuncts ("A and B"); "thousands of X" refers to X; a
    relative pronoun ("whom", "some of whom") to the noun its clause modifies."""
    out: list[str] = []
    for t in (tok, *conjuncts(tok)) if with_conjuncts else (tok,):
        refs = st.token_actors.get(t.i, [])
        if not refs and (t.lemma_.lower() in QUANTITY_NOUNS or t.pos_ == "NUM"):
            refs = [a for g in prep_objects(t, frozenset({"of"})) for a in _own_actors(st, g)]
        if not refs and t.dep_ not in ("nsubj", "nsubjpass"):
            # a relative subject is its own clause's business ("X, who said"; "X, who was held"), not
            # that of the clauses below it ("who struggled while talking", "who were invited to attend")
            refs = _antecedent_actors(st, t)
        if not refs and t.pos_ == "PROPN":
            refs = _titled_name(st, t)
        for a in refs:
            if a not in out:
                out.append(a)
    return out


def _own_actors(st: ArticleState, tok: Token) -> list[str]:
    """The actors a token names itself or, a relative pronoun, through the noun it stands for."""
    return st.token_actors.get(tok.i, []) or _antecedent_actors(st, tok)


def _antecedent_actors(st: ArticleState, tok: Token) -> list[str]:
    """The actors of the first noun a relative pronoun may stand for that names any."""
    for ante in relative_antecedents(tok):
        refs = actors_at(st, ante) if ante.i < tok.i else []
        if refs:
            return refs
    return []


def relative_antecedents(tok: Token) -> list[Token]:
    """The noun a relative pronoun stands for: "the sailors, whom it had accused" and "protesters,
    some of whom were charged" give the sailors and the protesters. When the parser hangs the relative
    clause on the quantifier ("the militias, all of whom he denounces"), or on a noun further away, the
    noun is the one the quantifier's phrase follows (every noun of that phrase, its head first)."""
    if tok.tag_ not in ("WP", "WDT") or tok.lower_ not in RELATIVE_WORDS:
        return []
    phrase = tok
    of = tok.head
    before: list[Token] = []
    if tok.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in QUANTITY_NOUNS:
        # "some of whom": the phrase stands right after its noun and a comma or dash; the parser may
        # hang the clause on the quantifier itself or on a noun further away
        phrase = of.head
        before = _nouns_before(phrase)
    clause = phrase.head
    if clause.dep_ == "relcl" and clause.i != phrase.i and clause.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return [*before, clause.head]
    return before


def _relative_quantifier(tok: Token) -> bool:
    """ "all of whom", "some of which": a quantifier whose "of" phrase is a relative pronoun."""
    return tok.lemma_.lower() in QUANTITY_NOUNS and any(
        g.tag_ in ("WP", "WDT") for g in prep_objects(tok, frozenset({"of"}))
    )


def _nouns_before(tok: Token) -> list[Token]:
    """The nouns of the phrase that ends just before ``tok`` and its comma, from the one a verb holds
    down to the last word ("the militias in Syria, all of whom": militias, Syria)."""
    j = tok.i - 1
    while j >= tok.sent.start and tok.doc[j].is_punct:
        j -= 1
    if j < tok.sent.start:
        return []
    cur = tok.doc[j]
    out = [cur] if cur.pos_ in ("NOUN", "PROPN") else []
    while cur.head.i != cur.i and cur.head.i < tok.i and cur.head.pos_ not in ("VERB", "AUX"):
        cur = cur.head
        if cur.pos_ in ("NOUN", "PROPN"):
            out.append(cur)
    return out[::-1]


def _titled_name(st: ArticleState, name: Token) -> list[str]:
    """ "home minister t devender goud": a name the resolver missed (lower case, unknown to the NER)
    is the person its title in front of it names; the title is a compound modifier of the name."""
    stack = [c for c in name.children if c.dep_ == "compound" and c.i < name.i]
    while stack:
        c = stack.pop()
        people = [a for a in st.token_actors.get(c.i, []) if st.actors[a].kind == "person"]
        if people:
            return people
        stack.extend(g for g in c.children if g.dep_ == "compound" and g.i < c.i)
    return []


def conjuncts(tok: Token) -> list[Token]:
    """Tokens coordinated with ``tok`` (its conj children, recursively)."""
    out: list[Token] = []
    stack = [c for c in tok.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(g for g in c.children if g.dep_ == "conj")
    return out


def is_passive(verb: Token) -> bool:
    """Passive voice, including reduced forms ("officials detained by police", "when asked")."""
    if any(c.dep_ in ("auxpass", *PASSIVE_SUBJECT) for c in verb.children):
        return True
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "advcl")
        and not any(c.dep_ in ("aux", "nsubj") for c in verb.children)
    )


def explicit_subjects(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in SUBJECT]


def agent_of(verb: Token) -> list[Token]:
    """The object of a passive "by" agent, or of "at the hands of" ("was killed at the hands of X")."""
    found = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return found or at_the_hands_of(verb)


# prepositions of time before a gerund: "after rejecting", "before leaving", "upon arriving"
TEMPORAL_PREPS = frozenset({"after", "before", "since", "upon"})


def temporal_gerund(tok: Token) -> Token | None:
    """The verb of the clause a gerund after a preposition of time belongs to ("X allowed it after
    rejecting Y": allowed), whose subject did both; None for any other word."""
    prep = tok.head
    if tok.dep_ != "pcomp" or tok.tag_ != "VBG" or prep.lower_ not in TEMPORAL_PREPS or prep.dep_ != "prep":
        return None
    return prep.head if prep.head.pos_ in ("VERB", "AUX") else None


def at_the_hands_of(head: Token) -> list[Token]:
    """X in "at the hands of X", "at X's hands" under a passive verb or an event noun: the doer."""
    out: list[Token] = []
    for hands in prep_objects(head, frozenset({"at"})):
        if hands.lemma_.lower() != "hand" or hands.lower_ != "hands":
            continue
        out += prep_objects(hands, frozenset({"of"}))
        out += [c for c in hands.children if c.dep_ == "poss"]
    return out


def between(noun: Token) -> tuple[Token, Token] | None:
    """The two sides of "clashes between X and Y", "talks between X and Y"."""
    for first in prep_objects(noun, frozenset({"between"})):
        second = [c for c in first.children if c.dep_ == "conj"]
        if second:
            return first, second[0]
    return None


def relative_head(verb: Token) -> Token | None:
    """For "X, who was held", the noun X that the relative pronoun stands for."""
    if verb.dep_ == "relcl":
        return verb.head
    return None


def source_tokens(verb: Token, st: ArticleState) -> tuple[list[Token], str]:
    """The source of ``verb``'s event and how it was found (``explicit``, ``agent``, ``inherited``...)."""
    if is_passive(verb):
        agent = agent_of(verb)
        if not agent and _stative(verb):
            return [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT], "explicit"
        return (agent, "agent") if agent else ([], "agentless-passive")
    subj = explicit_subjects(verb)
    if subj and subj[0].i in st.dateline_tokens:
        # "lucknow: the home minister on monday appealed ...": the parser takes the dateline for the
        # subject and the true subject for its apposition
        # "NAIROBI, Kenya (AP) -- Kenyan police arrested": or a second subject beside the dateline
        rest = [t for t in subj if t.i not in st.dateline_tokens]
        subj = rest or [a for a in subj[0].children if a.dep_ == "appos" and a.i not in st.dateline_tokens]
    if subj:
        rel = relative_head(verb)
        if rel is not None and subj[0].tag_ in ("WP", "WDT"):
            return [rel], "relative"
        return subj, "explicit"
    return inherited_subject(verb, st)


def inherited_subject(verb: Token, st: ArticleState) -> tuple[list[Token], str]:
    """Climb infinitives, participles and noun complements ("a decision to sanction") to a subject."""
    tok = verb
    for _ in range(5):
        clause = temporal_gerund(tok)
        if clause is not None:
            # "allowed the extension after rejecting the order": the clause's subject rejected it
            subj = explicit_subjects(clause)
            return (subj, "inherited") if subj else ([], "none")
        if tok.dep_ == "pcomp":
            return [], "none"  # gerunds after prepositions are circumstances, not events of the clause
        if tok.dep_ not in INHERIT_DEPS or tok.head.i == tok.i:
            return [], "none"
        head = tok.head
        if tok.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN"):
            head = head.head if head.dep_ in ("dobj", "attr", "pobj", "nsubjpass") else head
            if head.dep_ == "prep":
                head = head.head
        if tok.dep_ == "xcomp" and head.pos_ == "VERB":
            obj = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            obj = obj or prep_objects(head, frozenset({"on", "upon"}))  # "called on X to ..."
            if obj:
                return obj, "object-control"  # "urged the army to withdraw": the army withdraws
        subj = explicit_subjects(head) if head.pos_ in ("VERB", "AUX") else []
        if tok.dep_ == "xcomp" and is_passive(head) and not any(c.dep_ == "neg" for c in head.children):
            # "troops were ordered to fire", "forces are poised to storm the town", "X is said to have
            # used gas": the passive subject is the infinitive's ("not authorized to speak": nobody acts)
            passive = [c for c in head.children if c.dep_ in PASSIVE_SUBJECT]
            if passive:
                return passive, "inherited"
        if is_passive(head):
            agent = agent_of(head)
            if agent:
                return agent, "inherited-agent"
        if subj:
            return subj, "inherited"
        tok = head
    return [], "none"


def experiencer_roles(verb: Token) -> tuple[list[Token], list[Token]]:
    """Who feels and what caused it, for a verb of feeling whose object is the one who feels:
    "Berlin was angered by Poland's decision" and "Poland's decision angered Berlin" give
    ([Berlin], [decision]); "officials angered by the move", "X, who was angered by Y" too."""
    if is_passive(verb):
        who = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT]
        rel = relative_head(verb)
        if rel is not None and (not who or who[0].tag_ in ("WP", "WDT")):
            who = [rel]
        if not who and verb.dep_ == "acl":
            who = [verb.head]
        return who, agent_of(verb) or prep_objects(verb, CAUSE_PREPS)
    cause = explicit_subjects(verb)
    rel = relative_head(verb)
    if rel is not None and cause and cause[0].tag_ in ("WP", "WDT"):
        cause = [rel]
    return [c for c in verb.children if c.dep_ == "dobj"], cause


def _stative(verb: Token) -> bool:
    """ "Turkey is opposed to the offensive": a participle that is an adjective of its subject's stance
    (no agent, its own preposition), not a passive of what someone did to it."""
    return any(
        c.dep_ == "prep" and (verb.lemma_.lower(), c.lower_) in STATIVE_PARTICIPLES for c in verb.children
    )


def target_tokens(verb: Token, sources: list[Token]) -> list[Token]:
    """Whom the event is done to: passive subject, object, prepositional object, embedded subject."""
    src = {t.i for s in sources for t in (s, *conjuncts(s))}
    if is_passive(verb) and not (not agent_of(verb) and _stative(verb)):
        passive = [c for c in verb.children if c.dep_ in PASSIVE_SUBJECT]
        rel = relative_head(verb)
        if rel is not None and (not passive or passive[0].tag_ in ("WP", "WDT")):
            return [rel]  # "X, who was held": X is the one held
        if verb.dep_ == "acl" and not passive:
            # "officials detained by police"; "sanctions imposed on Iraq": on whom, before the noun
            return [*prep_objects(verb, PARTICIPLE_TARGET_PREPS), verb.head]
        if passive:
            return passive
    objs = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr") and c.i not in src]
    rel = relative_head(verb)
    if rel is not None and not objs and src and _relative_quantifier(rel):
        # "the militias, all of whom he denounces": the parser hangs the clause on "all", whose
        # phrase is the verb's object when the verb has a subject of its own
        objs = [rel]
    # "gave support to Kenya": the parser marks the preposition itself as the dative
    objs = [
        g for c in objs for g in ([c] if c.pos_ != "ADP" else [x for x in c.children if x.dep_ == "pobj"])
    ]
    for prep in verb.children:
        if prep.dep_ in ("prep", "prt") and prep.lower_ in TARGET_PREPS:
            objs.extend(g for g in prep.children if g.dep_ == "pobj")
        elif prep.dep_ == "prep" and prep.lower_ == "in":
            # "spoke in support of X", "marched in protest against X": X is the target
            for g in prep.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in STANCE_NOUNS:
                    objs.extend(prep_objects(g, frozenset({"of", "for", "with", "against", "to"})))
    for comp in verb.children:
        purpose = comp.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in comp.children)
        if comp.dep_ in ("ccomp", "xcomp") or purpose:
            objs.extend(g for g in comp.children if g.dep_ in ("nsubj", "nsubjpass") and g.i not in src)
        if comp.dep_ == "xcomp":
            # "agreed to give the inspectors access": whom the promised act is for
            objs.extend(g for g in comp.children if g.dep_ == "dative" and g.pos_ != "ADP" and g.i not in src)
    return objs


def owner_tokens(noun: Token) -> list[Token]:
    """Modifiers that say whose a noun is: "the US decision", "China's move", "Beijing's charges"."""
    return [c for c in noun.children if c.dep_ in ("poss", "compound", "nmod", "amod")]


def owner_actors(st: ArticleState, tok: Token, *, amod: bool = False, author: bool = False) -> list[str]:
    """The actor a noun that names no actor belongs to: "the British Prime Minister Theresa May" (an
    apposition), "the UN office" (a modifier; adjectives only with ``amod``), "the head of the UN
    agency", "members of the army", "a decision by the government" (an "of" or "by" phrase, or the
    owner of its object); with ``author``, for a source, also "a statement from the ministry" (a
    document's "from" phrase: the ministry released a letter from its doctor, not the doctor)."""
    if tok.pos_ not in ("NOUN", "PROPN"):
        return []
    found = [a for c in tok.children if c.dep_ == "appos" for a in actors_at(st, c)]
    owners = [m for m in owner_tokens(tok) if amod or m.dep_ != "amod"]
    found = found or [a for m in owners for a in actors_at(st, m)]
    if found:
        return found
    preps = OWNER_PREPS | {"from"} if author and tok.lemma_.lower() in AUTHORED_NOUNS else OWNER_PREPS
    for g in prep_objects(tok, preps):
        found = actors_at(st, g) or [a for m in owner_tokens(g) if m.dep_ != "amod" for a in actors_at(st, m)]
        found = found or _relative_subject_actors(st, g)
        if found:
            return found
    return _relative_subject_actors(st, tok)


def _relative_subject_actors(st: ArticleState, noun: Token) -> list[str]:
    """ "the plan the minister announced": whose a thing is, said by a relative clause's subject."""
    return [
        a
        for rel in noun.children
        if rel.dep_ == "relcl"
        for subj in rel.children
        if subj.dep_ == "nsubj" and subj.tag_ not in ("WP", "WDT")
        for a in actors_at(st, subj)
    ]


def prep_objects(noun: Token, preps: frozenset[str]) -> list[Token]:
    return [
        g
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ in preps
        for g in p.children
        if g.dep_ == "pobj"
    ]


def locative_objects(verb: Token) -> list[Token]:
    """Objects of "in"/"at" under the verb, and below other prepositional objects ("held in custody
    in X", "put under investigation in X")."""
    out: list[Token] = []
    frontier = [verb]
    for _ in range(3):
        nxt: list[Token] = []
        for tok in frontier:
            for p in tok.children:
                if p.dep_ != "prep":
                    continue
                for g in p.children:
                    if g.dep_ == "pobj":
                        if p.lower_ in ("in", "at", "inside"):
                            out.append(g)
                        nxt.append(g)
        frontier = nxt
    return out
