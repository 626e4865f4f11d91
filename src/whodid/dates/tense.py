"""Which way in time a date expression points, read from the verb that governs it.

"said on Thursday" points back (the Thursday before publication), "will meet on Thursday" points
forward; a present-tense verb without a future cue is read as "just past or today", which is what
news prose means by "says on Thursday".
"""

from __future__ import annotations

from typing import Literal

from spacy.tokens import Span, Token

from whodid.dates.lexicon import (
    COMMIT_HEADS,
    DELAY_VERBS,
    FUTURE_ADJ,
    FUTURE_AUX,
    FUTURE_HEADS,
    SCHEDULE_VERBS,
)

Direction = Literal["past", "future", "present"]

_VERBAL = frozenset({"VERB", "AUX"})
_NOMINAL = frozenset({"NOUN", "PROPN"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
_NOUN_MODIFIER_DEPS = frozenset({"poss", "compound", "nmod", "amod"})
_MAX_HOPS = 12  # parse trees are shallow; this only guards against a malformed head chain


def direction(span: Span) -> Direction:
    """The time direction of the date expression ``span``."""
    root = span.root
    verb, future_word = _governor(root)
    noun_modifier = root.dep_ in _NOUN_MODIFIER_DEPS and root.head.pos_ in _NOMINAL
    if future_word:
        return "future"
    if verb is None:
        # "Thursday's meeting" with no verb at all: a scheduled thing, read as upcoming
        return "future" if noun_modifier else "present"
    chain = _verb_chain(verb)
    if any(_future_cue(v) for v in chain) or _scheduled(root, verb):
        return "future"
    if _is_past(chain[-1]):
        return "past"
    # "Thursday's meeting ... is important": news reports what has happened; only a future cue
    # (above) makes a date that modifies a noun point forward
    return "present"


def _scheduled(root: Token, verb: Token) -> bool:
    """ "has scheduled a news conference Thursday", "postponed until Tuesday morning"."""
    if verb.lemma_ in SCHEDULE_VERBS:
        return True
    return verb.lemma_ in DELAY_VERBS and root.dep_ == "pobj" and root.head.lower_ in ("until", "till")


def _governor(root: Token) -> tuple[Token | None, bool]:
    """Nearest VERB/AUX above ``root``, and whether a future word ("due", "upcoming") was passed."""
    tok = root
    for _ in range(_MAX_HOPS):
        if _has_future_adjective(tok) or (tok is not root and tok.lemma_ == "due"):
            return None, True
        if tok.head.i == tok.i:
            return None, False
        tok = tok.head
        if tok.pos_ in _VERBAL:
            return tok, False
    return None, False


def _has_future_adjective(tok: Token) -> bool:
    return any(c.dep_ == "amod" and c.lower_ in FUTURE_ADJ for c in tok.children)


def _verb_chain(verb: Token) -> list[Token]:
    """``verb`` plus the verbs it hands its tense to.

    A subjectless participle or infinitive ("Speaking Wednesday in X, she said", "agreed to meet on
    Monday") has no tense of its own: the finite verb above it decides.
    """
    chain = [verb]
    for _ in range(_MAX_HOPS):
        if not _borrows_tense(verb):
            break
        above, _ = _governor(verb)
        if above is None:
            break
        chain.append(above)
        verb = above
    return chain


def _borrows_tense(verb: Token) -> bool:
    children = list(verb.children)
    if any(c.dep_ in _SUBJECTS for c in children):
        return False
    if verb.tag_ == "VBG" and verb.dep_ in ("advcl", "acl", "xcomp", "pcomp"):
        return True
    if verb.tag_ == "VBN" and verb.dep_ == "advcl":
        return True
    return verb.tag_ == "VB" and verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in children)


def _future_cue(verb: Token) -> bool:
    """Modal "will"/"would", or "going to" / "due to" / "is to" / "plans to" / "is expected on"."""
    children = list(verb.children)
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in FUTURE_AUX for c in children):
        return True
    if verb.dep_ == "xcomp":
        head = verb.head
        if head.lemma_ in FUTURE_HEADS or (head.lemma_ == "be" and _has_to(children)):
            return True
        if head.lemma_ in COMMIT_HEADS and _has_to(children):
            return True
    if verb.lemma_ in FUTURE_HEADS and verb.tag_ != "VBD" and not _past_aux(children):
        # "the vote is expected on Sunday", "talks are set for Monday"
        return verb.lemma_ != "go" or verb.tag_ == "VBG"
    # "the meeting is due to take place", "is to meet"
    return verb.lemma_ == "be" and any(
        c.dep_ in ("acomp", "xcomp") and (c.lemma_ in FUTURE_HEADS or _has_to(list(c.children)))
        for c in children
    )


def _has_to(children: list[Token]) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in children)


def _past_aux(children: list[Token]) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and (c.tag_ == "VBD" or c.lemma_ == "have") for c in children)


def _is_past(verb: Token) -> bool:
    """Simple past, a perfect ("has met"), or a past auxiliary ("was meeting")."""
    if verb.tag_ == "VBD":
        return True
    children = list(verb.children)
    if _past_aux(children):
        return True
    # a bare past participle ("talks held on Thursday") is past; a present passive is not
    return verb.tag_ == "VBN" and not any(c.dep_ == "auxpass" for c in children)
