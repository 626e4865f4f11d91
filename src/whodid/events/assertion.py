"""Whether an act happened: cancelled acts and plans that are denied.

"Canceled his visit to Moscow", "the talks were called off", "called off plans to meet": the visit,
the talks and the meeting did not happen. Such an act keeps its record with modality ``cancelled``
(the cancelling itself is an event of its own: reducing relations, 16x, from the verb lexicon), and
is never counted as the act. "Had no plans to meet", "has no intention of attacking": the act is not
even intended, so it is ``negated``.

>>> CANCELLING_VERBS >= {"cancel", "postpone", "scrap"}
True
"""

from __future__ import annotations

from spacy.tokens import Token

# verbs that undo a planned act; "call off" and "break off" by their particle
CANCELLING_VERBS = frozenset(
    {"cancel", "postpone", "scrap", "abandon", "shelve", "suspend", "axe", "scrub", "drop", "delay", "defer"}
)
CANCELLING_PARTICLES = frozenset({("call", "off"), ("break", "off"), ("put", "off")})
# nouns of intent whose complement is the planned act ("plans to meet", "intention of attacking")
PLAN_NOUNS = frozenset({"plan", "intention", "intent", "plot", "bid", "proposal", "scheme"})
NO_WORDS = frozenset({"no", "never"})
# nouns of agreement whose complement is the agreed act ("an agreement to hand the child over")
PACT_NOUNS = frozenset({"agreement", "deal", "accord", "pact", "treaty"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
# marks of a time clause that is a condition when its main clause is still to come ("will stay until
# Iraq complies", "will leave once the deal is signed"): what it names has not happened
PENDING_MARKS = frozenset({"until", "till", "once"})
MODALS = frozenset({"will", "would", "shall", "can", "could", "may", "might", "must", "should", "'ll"})
# a time clause that recurs is a generic condition, no act that happened: "whenever X meets",
# "at times when leaders gather", "every time they talk"
RECURRING_MARKS = frozenset({"whenever"})
TIME_NOUNS = frozenset({"time", "occasion", "moment", "day"})
EVERY_WORDS = frozenset({"every", "each", "any"})


def cancelling(verb: Token) -> bool:
    """A verb that undoes what it governs: "cancelled", "called off", "postponed"."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    if verb.lemma_.lower() in CANCELLING_VERBS:
        return True
    return any(
        c.dep_ == "prt" and (verb.lemma_.lower(), c.lower_) in CANCELLING_PARTICLES for c in verb.children
    )


def cancelled_by(tok: Token) -> Token | None:
    """The cancelling verb that governs the act named by ``tok`` ("his visit" in "cancelled his
    visit"; "meet" in "called off plans to meet"; "talks" in "the talks were called off"), or None."""
    cur = tok
    for _ in range(3):
        if cur.dep_ in ("dobj", "nsubjpass", "xcomp", "pobj") and cancelling(cur.head):
            return cur.head
        if cur.dep_ in ("acl", "xcomp", "pcomp", "prep", "pobj") and cur.head.i != cur.i:
            cur = cur.head  # "plans to meet", "plans for a visit"
            continue
        break
    return None


def plan_denied(tok: Token) -> bool:
    """ "had no plans to meet", "has no intention of attacking": the act is not even intended; "had
    not signed an agreement to hand him over", "rejected the plan to ...": nor agreed to."""
    cur = tok
    for _ in range(3):
        head = cur.head
        if head.i == cur.i:
            return False
        noun = head.lemma_.lower()
        if cur.dep_ in ("acl", "pcomp", "pobj", "prep") and noun in PLAN_NOUNS | PACT_NOUNS:
            if any(c.lower_ in NO_WORDS and c.dep_ in ("det", "neg", "advmod") for c in head.children):
                return True
            verb = head.head
            return head.dep_ == "dobj" and any(c.dep_ == "neg" for c in verb.children)
        if cur.dep_ not in ("acl", "pcomp", "pobj", "prep"):
            return False
        cur = head
    return False


def conditional(verb: Token) -> bool:
    """An act in a condition: "if the US sought to strike", "unless it gives access", "(troops will
    remain) until Iraq complies", "whenever they meet" (a recurring time is a generic condition), also
    through the infinitives it governs ("if they try to attack", "when leaders gather to discuss")."""
    cur = verb
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in cur.children):
            return True
        if _as_long_as(cur) or _recurring(cur):
            return True
        if any(c.dep_ == "mark" and c.lower_ in PENDING_MARKS for c in cur.children) and _to_come(cur.head):
            return True
        if not (cur.dep_ in ("xcomp", "conj") or _purpose(cur)) or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _purpose(verb: Token) -> bool:
    """An infinitive of purpose ("gather to discuss"): inside whatever condition its clause is in."""
    children = list(verb.children)
    return (
        verb.dep_ == "advcl"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in children)
        and not any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in children)
    )


def _recurring(verb: Token) -> bool:
    """A clause of recurring times: "whenever X meets", "at times when leaders gather", "every time
    they talk"; not one time ("at a time when", "the day when")."""
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in RECURRING_MARKS for c in verb.children):
        return True
    if any(c.dep_ == "npadvmod" and c.lemma_.lower() == "time" and _every(c) for c in verb.children):
        return True  # "every time they meet" ("shelled the town every day" tells of acts done)
    noun = verb.head
    if verb.dep_ != "relcl" or noun.lemma_.lower() not in TIME_NOUNS:
        return False
    return noun.tag_ in ("NNS", "NNPS") or _every(noun)


def _every(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in EVERY_WORDS for c in noun.children)


def condition_subjects(verb: Token) -> list[Token]:
    """The subjects of the "if" and "unless" clauses on ``verb``: who must meet the condition ("will
    retaliate if Israel attacks" -> Israel; "will take countermeasures unless the US stops")."""
    return [
        s
        for c in verb.children
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children)
        for s in c.children
        if s.dep_ in ("nsubj", "nsubjpass")
    ]


def _as_long_as(verb: Token) -> bool:
    """ "as long as he is fighting": a clause under "(as) long as" states a condition."""
    head = verb.head
    return (
        verb.dep_ == "advcl"
        and head.lower_ == "long"
        and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    )


def _to_come(verb: Token) -> bool:
    """A clause set in the future: a modal on it ("will remain", "would stay")."""
    return any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children)


QUESTION_END = ("?", "?\u201d", '?"', "?'", "?\u2019")


def asked(verb: Token) -> bool:
    """An act in a question ("will Russia hit back when it launches strikes?") is asked about, not
    reported: its sentence ends with a question mark. (The speech verb that reports a question is a
    statement, coded apart.)"""
    return verb.sent.text.rstrip().endswith(QUESTION_END)
