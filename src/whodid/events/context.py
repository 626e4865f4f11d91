"""When, where, and how sure: negation, modality, background, date and place of an event clause."""

from __future__ import annotations

from spacy.tokens import Token

from whodid.nlp.state import DateMention, Modality, PlaceMention

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "n’t"})
# verbs whose infinitive complement did not happen: "failed to reach a deal"
NEGATING_GOVERNORS = frozenset({"fail"})
FUTURE_AUX = frozenset({"will", "shall", "wo", "'ll", "’ll"})
HYPOTHETICAL_AUX = frozenset({"would", "could", "might", "may", "should", "can", "must", "ought"})
# governing verbs that make what they govern intended (future) or wished for (hypothetical)
FUTURE_GOVERNORS = frozenset(
    {
        "plan",
        "intend",
        "schedule",
        "prepare",
        "set",
        "due",
        "expect",
        "decide",
        "agree",
        "vow",
        "pledge",
        "promise",
        "aim",
        "seek",
        "begin",
        "start",
    }
)
# adjectives that announce what their subject intends: "is ready to", "is willing to"
INTENT_ADJECTIVES = frozenset(
    {"willing", "ready", "prepared", "committed", "determined", "eager", "keen", "poised", "set"}
)
HYPOTHETICAL_GOVERNORS = frozenset(
    {
        "hope",
        "want",
        "wish",
        "try",
        "consider",
        "propose",
        "suggest",
        "urge",
        "ask",
        "call",
        "demand",
        "threaten",
        "offer",
        "may",
    }
)
# nouns whose infinitive complement is intended ("a plan to", "an agreement to exchange information")
# or only offered or asked for ("a bid to", "an offer to")
INTENT_NOUNS = frozenset(
    {
        "plan",
        "decision",
        "intention",
        "agreement",
        "consensus",
        "deal",
        "accord",
        "pact",
        "commitment",
        "pledge",
        "promise",
    }
)
OFFER_NOUNS = frozenset({"bid", "proposal", "threat", "offer"})
# governors of an attempted act
DECISION_GOVERNORS = frozenset({"decide", "decision", "vote", "resolve", "resolution", "order"})
ATTEMPT_GOVERNORS = frozenset({"try", "attempt"})
# governors whose infinitive is only held out as a threat
THREAT_GOVERNORS = frozenset({"threaten"})
# governors of an act already under way: "began shelling", "continued to block the roads"
UNDERWAY_GOVERNORS = frozenset({"begin", "start", "continue", "resume", "keep"})
BACKGROUND_ADVERBS = frozenset(
    {"previously", "formerly", "once", "earlier", "already", "long", "originally", "initially"}
)
CLAUSE_LINKS = ("ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp")


def is_negated(verb: Token) -> bool:
    """A negation on the verb, or on the auxiliary/governor it depends on ("did not agree to meet")."""
    if any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("advmod", "det")) for c in verb.children):
        return True
    if verb.dep_ == "xcomp":
        # "did not agree to meet"; "failed to reach a deal" is the deal not reached
        return verb.head.lemma_ in NEGATING_GOVERNORS or any(c.dep_ == "neg" for c in verb.head.children)
    return False


def is_decided(verb: Token) -> bool:
    """ "decided to impose", "a decision to sanction", "voted to expel": an act decided, not threatened."""
    return verb.dep_ in ("xcomp", "acl") and verb.head.lemma_ in DECISION_GOVERNORS


def is_attempt(verb: Token) -> bool:
    """ "tried to hack", "attempted to seize": an act attempted (done, perhaps failed), not announced."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in ATTEMPT_GOVERNORS


def is_underway(verb: Token) -> bool:
    """ "began collecting", "continued to shell": an act started or kept up, not announced."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in UNDERWAY_GOVERNORS


def is_threatened(verb: Token) -> bool:
    """ "threatened to impose sanctions": the act is only held out, the threat is the event."""
    return verb.dep_ == "xcomp" and verb.head.lemma_ in THREAT_GOVERNORS


def modality_of(verb: Token) -> Modality:
    """``future`` for will/plans to, ``hypothetical`` for would/could/hopes/if, else ``asserted``."""
    tok = verb
    for depth in range(4):
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if auxes & FUTURE_AUX or _going_to(tok):
            return "future"
        if auxes & HYPOTHETICAL_AUX:
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in tok.children):
            return "hypothetical"
        if depth > 0 and (tok.lemma_ in FUTURE_GOVERNORS or tok.lower_ in INTENT_ADJECTIVES):
            return "future"
        if depth > 0 and tok.lemma_ in HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
        if tok.dep_ not in ("xcomp", "acl") or tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.head.i != tok.i:
            if tok.lemma_ in INTENT_NOUNS:
                return "future"
            if tok.lemma_ in OFFER_NOUNS:
                return "hypothetical"
            tok = tok.head
    return "asserted"


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


def is_background(verb: Token) -> bool:
    """Recalled events: "had" perfect, "previously", "last year"-style adverbs on the clause."""
    if any(c.lower_ in BACKGROUND_ADVERBS and c.dep_ in ("advmod", "npadvmod") for c in verb.children):
        return True
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def clause_chain(verb: Token) -> list[Token]:
    """``verb`` and the verbs governing it up to the sentence root, through clause links."""
    chain = [verb]
    tok = verb
    for _ in range(6):
        if tok.dep_ not in CLAUSE_LINKS or tok.head.i == tok.i:
            break
        tok = tok.head
        while tok.pos_ not in ("VERB", "AUX") and tok.head.i != tok.i:
            tok = tok.head
        chain.append(tok)
    return chain


def governing_verb(tok: Token) -> Token:
    """The clause a modifier belongs to; a subjectless participle ("Speaking Wednesday, X said")
    passes its modifiers to the clause it modifies."""
    head = tok
    for _ in range(8):
        if head.pos_ in ("VERB", "AUX") and head.i != tok.i:
            break
        if head.head.i == head.i:
            break
        head = head.head
    if (
        head.dep_ == "advcl"
        and head.tag_ in ("VBG", "VBN")
        and not any(c.dep_ in ("nsubj", "nsubjpass") for c in head.children)
    ):
        return head.head
    return head


def date_for(verb: Token, by_verb: dict[int, DateMention]) -> tuple[DateMention | None, bool]:
    """The date governing the event's clause, else one inherited from a governing clause.

    Returns the mention and whether it was inherited.
    """
    for k, tok in enumerate(clause_chain(verb)):
        if tok.i in by_verb:
            return by_verb[tok.i], k > 0
    return None, False


def place_for(verb: Token, by_verb: dict[int, PlaceMention]) -> PlaceMention | None:
    """The place attached to the event's own clause (not any place in the article)."""
    chain = clause_chain(verb)
    for tok in chain[:2]:
        if tok.i in by_verb:
            return by_verb[tok.i]
    return None
