"""When, where, and how sure: negation, modality, background, date and place of an event clause."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from whodid.nlp.spans import SpanIndex
from whodid.nlp.state import DateMention, Modality, PlaceMention, Quote
from whodid.nlp.view import view

NEGATIONS = frozenset({"not", "n't", "never", "no", "neither", "nor", "n’t"})
# verbs whose infinitive complement did not happen: "failed to reach a deal"
NEGATING_GOVERNORS = frozenset({"fail", "decline"})
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
# nouns whose infinitive is an act that could be done, not one done: "saw an opportunity to strike",
# "missed a chance to sign a deal"; unless the chance is taken ("used the occasion to criticize")
OPPORTUNITY_NOUNS = frozenset({"opportunity", "chance", "occasion"})
SEIZING_VERBS = frozenset({"use", "seize", "take", "grab", "exploit", "utilize", "utilise", "avail"})
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
# subordinators of a clause at the same time as its main clause
SIMULTANEITY_WORDS = frozenset({"when", "while"})
# subordinators of a clause that gives its main clause a time ("has sent aircraft as ministers met")
TIMING_WORDS = SIMULTANEITY_WORDS | {"as"}
CLAUSE_LINKS = ("ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp")


def is_negated(verb: Token) -> bool:
    """A negation on the verb, or on the auxiliary/governor it depends on ("did not agree to meet")."""
    if any(c.dep_ == "neg" or (c.lower_ in NEGATIONS and c.dep_ in ("advmod", "det")) for c in verb.children):
        return True
    if verb.dep_ == "xcomp":
        # "did not agree to meet"; "failed to reach a deal" is the deal not reached
        return verb.head.lemma_ in NEGATING_GOVERNORS or any(c.dep_ == "neg" for c in verb.head.children)
    return False


def opportunity_only(verb: Token) -> bool:
    """ "saw an opportunity to strike", "missed a chance to sign", "an occasion for X to meet": an act
    someone could do, no event; "seized the chance to strike" and "had the opportunity to meet him" are
    the acts done."""
    if verb.dep_ != "acl" or verb.head.lemma_.lower() not in OPPORTUNITY_NOUNS:
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    noun = verb.head
    if noun.dep_ != "dobj":
        return True
    taker = noun.head
    # "had the chance to talk with him" tells of a talk held; "has a chance to win" of none yet
    return not (taker.lemma_.lower() in SEIZING_VERBS or (taker.lemma_ == "have" and taker.tag_ == "VBD"))


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
        if auxes & HYPOTHETICAL_AUX and not (depth == 0 and polite_wish(tok)):
            return "hypothetical"
        if any(c.dep_ == "mark" and c.lower_ in ("if", "whether", "unless") for c in tok.children):
            return "hypothetical"
        if depth > 0 and (tok.lemma_ in FUTURE_GOVERNORS or tok.lower_ in INTENT_ADJECTIVES):
            return "future"
        if depth > 0 and tok.lemma_ in HYPOTHETICAL_GOVERNORS:
            return "hypothetical"
        if _for_to(tok) and not _judged(tok.head):
            # "called for the US to send troops", "it is time for Iran to talk": an infinitive with a
            # subject of its own names an act wanted or planned, not one done (after an adjective it
            # may be done: "it was wrong for her to criticize him")
            head = tok.head
            return (
                "future"
                if head.lemma_ in FUTURE_GOVERNORS or head.lower_ in INTENT_ADJECTIVES
                else "hypothetical"
            )
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


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
PRESENT_HAVE = frozenset({"has", "have", "'ve"})


def polite_wish(verb: Token) -> bool:
    """ "would like", "would love": a wish made now, not a hypothetical liking."""
    return verb.lemma_.lower() in ("like", "love") and any(
        c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in verb.children
    )


def _for_to(verb: Token) -> bool:
    """A "for X to do" clause: the mark "for" and the infinitive "to" on one verb."""
    children = list(verb.children)
    return any(c.dep_ == "mark" and c.lower_ == "for" for c in children) and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in children
    )


def _judged(head: Token) -> bool:
    """An adjective, or a copula with one ("it was wrong for her to ..."), that a clause depends on."""
    return head.pos_ == "ADJ" or any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children)


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"


def is_background(verb: Token) -> bool:
    """Recalled events: "had" perfect, "previously", "last year"-style adverbs on the clause, "at the
    time" (the earlier time a story spoke of: news says "now" of its own), or a subject named by what
    it was then ("then-Governor X signed", "X, then a senator, voted")."""
    if any(c.lower_ in BACKGROUND_ADVERBS and c.dep_ in ("advmod", "npadvmod") for c in verb.children):
        return True
    if _at_that_time(verb) or _then_holder(verb):
        return True
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)


def _at_that_time(verb: Token) -> bool:
    """A bare "at the time" or "at that time" on the clause ("at the time of writing", "at the time the
    law passed" say which time, and may be now)."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "at":
            continue
        for noun in prep.children:
            kids = list(noun.children)
            if (
                noun.dep_ == "pobj"
                and noun.lower_ == "time"
                and len(kids) == 1
                and kids[0].dep_ == "det"
                and kids[0].lower_ in ("the", "that")
            ):
                return True
    return False


def _then_holder(verb: Token) -> bool:
    """A subject or agent with a "then" on its title or apposition: "then-President X", "the then
    president", "X, then a senator": the act is of the time the title was held."""
    holders = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    holders += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    held = {t.i for h in holders for t in h.subtree}
    doc = verb.doc
    for t in doc[verb.sent.start : verb.sent.end]:
        if t.lower_ != "then":
            continue
        if t.i in held and t.dep_ in ("advmod", "amod") and t.head.pos_ in ("NOUN", "PROPN"):
            return True
        # "Then-Senator X": the prefix, however it is parsed, belongs to the title after it
        if t.i + 2 < len(doc) and not t.whitespace_ and doc[t.i + 1].text == "-" and t.i + 2 in held:
            return True
    return False


def is_present_perfect(verb: Token) -> bool:
    """ "has denied", "have been killed", "has been shelling", "has emasculated ..., locking up", "has
    tried to arrest": an act up to now, at no stated time. The first verb of the clause chain with a
    tense of its own decides (an infinitive's "to" is no tense: "has ignored efforts to end")."""
    chain = clause_chain(verb)
    for k, tok in enumerate(chain):
        auxes = [c for c in tok.children if c.dep_ in ("aux", "auxpass") and c.lower_ != "to"]
        if auxes or tok.tag_ in FINITE_TAGS:
            # a finite "has"/"have": "would have resigned", "must have been trading" are no perfect of now
            have = any(a.dep_ == "aux" and a.lower_ in PRESENT_HAVE and a.tag_ != "VB" for a in auxes)
            progressive = tok.tag_ == "VBG" and any(a.lower_ == "been" for a in auxes)
            timed = any(_past_time_clause(t) for t in chain[: k + 1])
            return have and (tok.tag_ == "VBN" or progressive) and not timed
    return False


def _past_time_clause(verb: Token) -> bool:
    """ "has sent aircraft, as ministers gathered in Brussels": a clause in the simple past that times
    a perfect gives it a definite time (the news's), no act "up to now"."""
    return any(
        c.dep_ == "advcl"
        and c.tag_ == "VBD"
        and any(m.dep_ in ("mark", "advmod") and m.lower_ in TIMING_WORDS for m in c.children)
        for c in verb.children
    )


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
    chain = clause_chain(verb)
    for k, tok in enumerate(chain):
        if tok.i in by_verb:
            return by_verb[tok.i], k > 0
        if k == 0:
            shared = _shared_conjunct_date(tok, by_verb) or _when_clause_date(tok, by_verb)
            if shared is not None:
                return shared, True
        if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.i in by_verb:
            return by_verb[tok.head.i], True  # "the Feb. 23 accord signed by X": the accord's date
    return None, False


def _shared_conjunct_date(verb: Token, by_verb: dict[int, DateMention]) -> DateMention | None:
    """ "met with and prayed over X in late September": a date after a later conjunct that shares the
    first one's subject times both."""
    for c in verb.children:
        if c.dep_ == "conj" and c.i in by_verb and c.pos_ in ("VERB", "AUX"):
            if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                continue
            if by_verb[c.i].token_start > c.i:
                return by_verb[c.i]
    return None


def _when_clause_date(verb: Token, by_verb: dict[int, DateMention]) -> DateMention | None:
    """ "X happened when Y did Z in 2013": a when- or while-clause's own date is its main clause's time."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i in by_verb and any(g.lower_ in SIMULTANEITY_WORDS for g in c.children):
            return by_verb[c.i]
    return None


def place_for(verb: Token, by_verb: dict[int, PlaceMention]) -> PlaceMention | None:
    """The place attached to the event's own clause (not any place in the article)."""
    chain = clause_chain(verb)
    for tok in chain[:2]:
        if tok.i in by_verb:
            return by_verb[tok.i]
    return None


# ---------------------------------------------------------------------------- event time
# An event takes the time of its own clause, else of the clause that reports or governs it, else the
# time a past-tense narrative carries from an earlier sentence. Past placed at an earlier time ("in
# 2015", "last month", "a year ago", "in the past", past perfect) is background, dated by its cue;
# events one or two days before publication, or on a weekday of the story's week, are current news.
CURRENT_DAYS = 2
WEEK_DAYS = 7
# links through which a governing past perfect recalls what it governs too ("had agreed to support",
# "had moved troops and said it would strike")
PERFECT_LINKS = frozenset({"xcomp", "ccomp", "conj"})
# dependents by which a date premodifies a noun: "the 2013 agreement", "March's attack", "its 1990
# invasion" time the noun, not the clause around it ("violated the 2013 agreement" is no 2013 act) ...
NOUN_DATE_DEPS = frozenset({"nummod", "compound", "amod", "poss", "nmod", "npadvmod", "advmod"})
# ... unless the noun itself is the clause's time or occasion: "said in a 2015 interview"
TIME_PREPS = frozenset({"in", "during", "at", "on"})
# a date that starts a period running up to now ("held since January") is no earlier time
PERIOD_START_WORDS = frozenset({"since"})
# an event before an earlier time is earlier still ("cut off contact before the Nov. 8 election")
BEFORE_WORDS = frozenset({"before", "prior"})
# comparisons, which take a date as their standard ("as bad as the 1930s") unless they compare times
COMPARING_WORDS = frozenset({"as", "than"})
TIME_COMPARISONS = frozenset({"early", "earlier", "late", "later", "soon", "sooner", "long", "recently"})
# an opening adverb that takes up the last time named ("Then the government stopped ...")
RESUMING_WORDS = frozenset({"then"})
# plain verbs of saying: after an earlier-dated passage, "X said" is the news's own source speaking
# now, unless X is who spoke then ("In March, X said ... he said"); verbs with content of their own
# ("alleged", "testified") go on with the story like any other act
REPORTING_VERBS = frozenset({"say", "tell", "add", "note", "explain", "comment", "remark", "state", "write"})
# subjects that take up the speaker who set a narrative's time ("In March, X said ... he said")
SPEAKER_PRONOUNS = frozenset({"he", "she", "it", "they"})
# vague pasts that are still the news ("recently", "the recent attack", "lately")
RECENT_WORDS = frozenset({"recent", "recently", "lately"})
# an earlier part of the current month or year ("earlier this month") is before the news
EARLIER_WORDS = frozenset({"earlier"})


@dataclass(frozen=True)
class NarrativeTime:
    """The earlier time a past-tense narrative carries on; whether it was set by a speech act, and
    the proper names of whoever spoke."""

    date: DateMention
    spoken: bool = False
    speakers: frozenset[str] = frozenset()


class ClauseDates(dict[int, DateMention]):
    """Dates by the token they time (a clause's verb, or an event noun they premodify), with
    ``before``: dates an event is said to precede, by its verb; ``reference``: the earlier time a
    past-tense narrative carries into a sentence, by the sentence's first token ("In January, X said
    ... X accused Y of ...": both in January); and ``quotes``: quotations with the verb that cues
    them, whose time is the time of what is quoted."""

    def __init__(self) -> None:
        super().__init__()
        self.before: dict[int, DateMention] = {}
        self.reference: dict[int, NarrativeTime] = {}
        # quoted text (char offsets) and its cue verb
        self.quotes: SpanIndex[tuple[int, int, int]] = SpanIndex([], start=lambda q: q[0], end=lambda q: q[1])


def clause_dates(
    doc: Doc, dates: list[DateMention], published: dt.date | None, quotes: Iterable[Quote] = ()
) -> ClauseDates:
    """The first date of each clause (a date with a calendar value beats one without: "recently" or
    "now" before "on March 3"), the dates events precede, each sentence's narrative time, and the
    quotations with their cues."""
    out = ClauseDates()
    out.quotes = SpanIndex(
        [(q.start, q.end, q.cue_token) for q in quotes if q.cue_token is not None],
        start=lambda q: q[0],
        end=lambda q: q[1],
    )
    last_in: dict[int, DateMention] = {}  # sentence start token -> its last calendar date
    for d in dates:
        if d.value is not None and d.token_start < len(doc):
            last_in[doc[d.token_start].sent.start] = d
    for d in dates:
        if d.token_end <= d.token_start:
            continue
        root = doc[d.token_start : d.token_end].root
        if _compared(root):
            continue  # "as bad as the 1930s", "worse than in 2008": a standard of comparison, no time
        anchor = date_anchor(root)
        for tok in (anchor, _when_clause(doc, d)):
            if tok is not None and _better(d, out.get(tok.i)):
                out[tok.i] = d
        prep = anchor.head if anchor.dep_ == "pobj" else root.head if root.dep_ == "pobj" else None
        if prep is not None and prep.lower_ in BEFORE_WORDS:
            out.before.setdefault(_preceding_act(prep).i, d)
        before = _before_clause(anchor)
        if before is not None:
            out.before.setdefault(before.i, d)
    carried: NarrativeTime | None = None
    last: DateMention | None = None  # the last calendar date of the sentence before
    for sent in view(doc).sents:
        if _resumes(sent) and last is not None and is_earlier(last, published):
            carried = NarrativeTime(last)  # "... since Jan. 13. Then the government stopped ...": Jan. 13
        own = _resolved(_main_date(sent.root, out))
        main = own or _reported_date(sent.root, out)
        if carried is not None and main is None:
            out.reference[sent.start] = carried
        elif main is not None and is_earlier(main, published):
            # "the town fell in 2015; militants destroyed a monastery": a past narrative's clauses
            # share the earlier time its main clause names; a time only what is said names ("X said
            # the mine last operated in 1995") is no time of the saying
            spoken = own is not None and speaks(sent.root)
            out.reference[sent.start] = NarrativeTime(main, spoken, _speaker_names(sent.root))
        carried = _sentence_time(sent.root, out, published, carried)
        last = last_in.get(sent.start)
    return out


def _compared(root: Token) -> bool:
    """A date that is the standard of a comparison of anything but time: "as bad as the 1930s",
    "worse than in 2008" ("as early as 2015", "later than 2010" are times)."""
    prep = root.head
    if root.dep_ == "pobj" and prep.lower_ == "in" and prep.head.lower_ in COMPARING_WORDS:
        prep = prep.head  # "than in 2008"
    elif not (root.dep_ == "pobj" and prep.lower_ in COMPARING_WORDS):
        return False
    return prep.head.lower_ not in TIME_COMPARISONS


def _preceding_act(before: Token) -> Token:
    """The clause a "before" phrase is of: a fronted participle passes it to its main clause
    ("Speaking before the 2017 election, X said"), a trailing one keeps it ("X said, referring to the
    years before the 1972 decision": the saying is not before 1972)."""
    verb = governing_verb(before)
    own = before
    while own.head.i != own.i and not (own.pos_ in ("VERB", "AUX") and own.i != before.i):
        own = own.head
    if own.i != verb.i and own.dep_ == "advcl" and own.i > verb.i:
        return own
    return verb


def _before_clause(verb: Token) -> Token | None:
    """The act a dated clause of "before" precedes: "criticized him before becoming a judge in 2009",
    "had resigned before he became a judge in 2009"."""
    if verb.dep_ == "pcomp" and verb.head.lower_ in BEFORE_WORDS:
        return _preceding_act(verb.head)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in BEFORE_WORDS for c in verb.children):
        return verb.head
    return None


def _resumes(sent: Span) -> bool:
    """A sentence opening on an anaphoric "then" goes on from the last time named before it."""
    first = next((t for t in sent if not t.is_punct and t.dep_ != "cc"), None)
    return first is not None and first.lower_ in RESUMING_WORDS and first.dep_ == "advmod"


def _better(new: DateMention, old: DateMention | None) -> bool:
    return old is None or (old.value is None and new.value is not None)


def _when_clause(doc: Doc, date: DateMention) -> Token | None:
    """ "a year ago, when the army shelled the town": a when-clause right after a time is of that time."""
    i = date.token_end
    while i < len(doc) and doc[i].is_punct and doc[i].lower_ == ",":
        i += 1
    if i < len(doc) and doc[i].lower_ == "when" and doc[i].head.pos_ in ("VERB", "AUX"):
        return doc[i].head
    return None


def _main_date(root: Token, by_verb: dict[int, DateMention]) -> DateMention | None:
    """The time of a sentence's main clause: the root's own date, a coordinated main verb's ("did not
    mention him, but said Friday that ..."), or its when-clause's."""
    verbs = [root] + [c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]
    for tok in verbs:
        if _resolved(by_verb.get(tok.i)) is not None:
            return by_verb[tok.i]
    return _resolved(_when_clause_date(root, by_verb))


def _sentence_time(
    root: Token, by_verb: ClauseDates, published: dt.date | None, carried: NarrativeTime | None
) -> NarrativeTime | None:
    """The earlier time a sentence hands on to the next: its main clause's own earlier date (or that of
    what a date-less main clause reports: "emails indicate that in 2010 X met Y"), else the time it
    was handed when it goes on in the simple past (a speech only by the same speaker) or states a
    present fact; None once the story is back in the news's present."""
    main = _main_date(root, by_verb)
    own = main or _reported_date(root, by_verb)
    if own is not None:
        # a calendar time is handed on; "in the past" is too vague to set a story's time
        if own.value is None or not is_earlier(own, published):
            return None
        return NarrativeTime(own, main is not None and speaks(root), _speaker_names(root))
    if carried is None:
        return None
    if is_reporting(root):
        if is_narrative_past(root) and same_speaker(root, carried):
            return NarrativeTime(carried.date, True, carried.speakers | _speaker_names(root))
        return None  # someone else speaking: the reporter's sources, now
    if is_narrative_past(root) or _stative_present(root):
        return carried
    return None


def _reported_date(root: Token, by_verb: dict[int, DateMention]) -> DateMention | None:
    """The date of what a date-less main clause reports in the simple past ("emails indicate that in
    2010 X met Y")."""
    reported = [
        _resolved(by_verb.get(c.i)) for c in root.children if c.dep_ == "ccomp" and is_narrative_past(c)
    ]
    return next((d for d in reported if d is not None), None)


def is_reporting(verb: Token) -> bool:
    """A plain verb of saying ("said", "told", "added"): news attributes its sources with it."""
    return verb.lemma_.lower() in REPORTING_VERBS


@lru_cache(maxsize=1)
def _speech_acts() -> frozenset[str]:
    from whodid.quotes.finder import load_cues

    return load_cues() | REPORTING_VERBS


def speaks(verb: Token) -> bool:
    """Any verb of speaking ("said", "declared", "announced"): its subject speaks."""
    return verb.lemma_.lower() in _speech_acts()


def _speaker_names(verb: Token) -> frozenset[str]:
    return frozenset(
        t.lower_ for c in verb.children if c.dep_ == "nsubj" for t in c.subtree if t.pos_ == "PROPN"
    )


def same_speaker(verb: Token, carried: NarrativeTime) -> bool:
    """The speaker who set the narrative's time speaks again: named again, or a personal pronoun."""
    if not carried.spoken:
        return False
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    return any(s.lower_ in SPEAKER_PRONOUNS for s in subjects) or bool(
        _speaker_names(verb) & carried.speakers
    )


def _resolved(date: DateMention | None) -> DateMention | None:
    """A date that says when ("the week" alone says nothing)."""
    return date if date is not None and (date.value is not None or date.timex is not None) else None


def date_anchor(root: Token) -> Token:
    """The token a date expression times: the noun it premodifies, else its clause (a
    preposition-like participle, "including last September", is no clause of its own)."""
    head = root.head
    if (
        root.dep_ in NOUN_DATE_DEPS
        and root.i < head.i
        and head.pos_ in ("NOUN", "PROPN")
        and not (
            head.dep_ == "pobj" and head.head.lower_ in TIME_PREPS and head.head.head.pos_ in ("VERB", "AUX")
        )
    ):
        return head
    tok = root
    while tok.head.i != tok.i and tok.head.dep_ == "prep" and tok.head.pos_ == "VERB":
        tok = tok.head
    return governing_verb(tok)


def event_time(
    verb: Token,
    evidence: Token,
    by_verb: dict[int, DateMention],
    published: dt.date | None,
) -> tuple[DateMention | None, bool, bool]:
    """The date of an event, whether it was inherited from another clause or sentence, and whether it
    is background. The date: an event noun's own ("its 1990 invasion"), else its clause's, else a
    governing clause's, else that of the speech quoting it, else the earlier time a past narrative
    carries into its sentence."""
    date, inherited = (by_verb[evidence.i], False) if evidence.i in by_verb else date_for(verb, by_verb)
    background = recalled(verb)
    if date is not None and _starts_period(date, verb.doc):
        return date, inherited, background  # "held since January": still going on
    # "at the time", "then-Senator X": an earlier time the story has named, which a narrative carries
    refers_back = any(_at_that_time(t) or _then_holder(t) for t in clause_chain(verb))
    if _resolved(date) is None and (not background or refers_back):
        if _precedes_earlier(verb, by_verb, published):
            return None, True, True
        carried = speech_time(verb, by_verb) or narrative_time(verb, by_verb)
        if carried is not None:
            date, inherited = carried, True
    if date is None:
        return date, inherited, background
    if is_earlier(date, published) or is_vague_past(date):
        return date, inherited, True
    if date.value is not None and not inherited and date.timex != "PRESENT_REF":
        return date, inherited, False  # "had arrested them on Tuesday": the news, told in the past
    return date, inherited, background


def recalled(verb: Token) -> bool:
    """Background by its grammar: a past perfect or "previously" on the clause, or a past perfect (or
    "at the time", or a "then-" subject) governing it through a complement or a coordination sharing
    its auxiliary."""
    if is_background(verb):
        return True
    tok = verb
    for _ in range(6):
        if tok.dep_ not in PERFECT_LINKS or tok.head.i == tok.i:
            return False
        if tok.dep_ == "conj" and any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in tok.children
        ):
            return False  # a conjunct with its own subject or tense
        tok = tok.head
        if any(c.dep_ == "aux" and c.lower_ == "had" for c in tok.children):
            return True
        if _at_that_time(tok) or _then_holder(tok):
            return True  # "then-Senator X agreed to support", "said at the time it would strike"
    return False


def speech_time(verb: Token, by_verb: dict[int, DateMention]) -> DateMention | None:
    """The time of the speech that reports an event quoted in another sentence than its cue: what
    follows "X said on Thursday:" (or comes before '..." X said on Thursday') is Thursday's."""
    if not isinstance(by_verb, ClauseDates):
        return None
    quoted = by_verb.quotes.at(verb.idx)
    if quoted is None:
        return None
    cue = verb.doc[quoted[2]]
    if cue.sent.start == verb.sent.start:
        return None  # the cue's own sentence: its clause chain says when
    date, _ = date_for(cue, by_verb)
    return _resolved(date) or narrative_time(cue, by_verb)


def narrative_time(verb: Token, by_verb: dict[int, DateMention]) -> DateMention | None:
    """The earlier time a past narrative carries into the event's sentence, when the event's clause
    (and the clause reporting it) is told in the simple past."""
    if not isinstance(by_verb, ClauseDates) or verb.sent.start not in by_verb.reference:
        return None
    carried = by_verb.reference[verb.sent.start]
    top = clause_chain(verb)[-1]
    if not is_narrative_past(top):
        return None
    if verb.i != top.i and not (is_narrative_past(verb) or verb.tag_ in ("VB", "VBG", "VBN")):
        return None  # "X said Y is ...": what is reported keeps its own present
    if is_reporting(top) and not same_speaker(top, carried):
        return None  # "they said": a new speaker speaks now
    return carried.date


def _precedes_earlier(verb: Token, by_verb: dict[int, DateMention], published: dt.date | None) -> bool:
    """A past act before an earlier time ("before the Nov. 8 election"), or one whose infinitive
    complement is set at an earlier time ("planned to spray gas on the beaches in 1940"), is earlier
    still."""
    before = by_verb.before.get(verb.i) if isinstance(by_verb, ClauseDates) else None
    if before is not None and is_earlier(before, published):
        return True
    if not is_narrative_past(verb):
        return False
    return any(
        c.dep_ == "xcomp" and c.i in by_verb and is_earlier(by_verb[c.i], published) for c in verb.children
    )


def is_narrative_past(verb: Token) -> bool:
    """A simple past that moves a story along ("accused", "was killed", "did not engage"): no perfect,
    no modal, no present."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ != "VBD" or a.lower_ == "had" for a in auxes):
        return False
    return verb.tag_ == "VBD" or (bool(auxes) and verb.tag_ in ("VB", "VBN", "VBG"))


def _stative_present(verb: Token) -> bool:
    """ "X is the largest shareholder": a present state that leaves a narrative's time where it was
    (not a quotation: a speaker's present is the news's)."""
    return (
        verb.lemma_ == "be"
        and verb.tag_ in ("VBZ", "VBP")
        and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        and not any(t.tag_ in ("``", "''") for t in verb.sent)
    )


def is_earlier(date: DateMention, published: dt.date | None) -> bool:
    """The date lies wholly before the news: its last day more than ``CURRENT_DAYS`` before
    publication (a weekday of the story's own week is news), or an earlier part of the publication's
    month or year ("earlier this month")."""
    if published is None:
        return False
    last = _last_day(date)
    if last is None:
        return False
    if date.rule.startswith(("weekday", "weekend")) and (published - last).days <= WEEK_DAYS:
        return False
    if (published - last).days > CURRENT_DAYS:
        return True
    words = {w.lower() for w in date.text.split()}
    return bool(words & EARLIER_WORDS) and date.precision in ("month", "year")


def is_vague_past(date: DateMention) -> bool:
    """ "in the past", "years ago": an earlier time with no calendar value (not "recently")."""
    if date.timex != "PAST_REF":
        return False
    return not {w.lower() for w in date.text.split()} & RECENT_WORDS


def _starts_period(date: DateMention, doc: Doc) -> bool:
    """ "since January": the start of a period running up to now, not the event's own time."""
    first = doc[date.token_start]
    before = doc[date.token_start - 1] if date.token_start > 0 else None
    return first.lower_ in PERIOD_START_WORDS or (before is not None and before.lower_ in PERIOD_START_WORDS)


def _last_day(date: DateMention) -> dt.date | None:
    """The last day a date can mean: the day, the end of its month, year, decade or century, the end
    of its range."""
    days = [d for d in (_day(v) for v in date.values) if d is not None]
    if days:
        return max(days)
    value = date.value or ""
    if not value and date.timex and date.timex.isdigit() and len(date.timex) in (2, 3):
        # a decade ("the 1990s": "199") or a century ("the 19th century": "18") has no value of its own
        return dt.date((int(date.timex) + 1) * 10 ** (4 - len(date.timex)) - 1, 12, 31)
    try:
        if len(value) == 10:
            return dt.date.fromisoformat(value)
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            return dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1)
        if len(value) == 4:
            return dt.date(int(value), 12, 31)
    except ValueError:
        return None
    return None


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else None
    except ValueError:
        return None
