"""Statements coded by what they say: the content of a speech act decides its CAMEO code.

"X said Y's trade policy is reckless" is criticism of Y (111), not a bare statement (010); "X said Y
should withdraw" an appeal to Y (02x); "X said Y lied" an accusation (112); "X said the talks went
well" optimism (013). The content is the reported clause of the speech verb, or the quotation the
quote stage tied to it. Its tone is the sum of the valences of its content words: the VADER word list
(``vader_lexicon.txt``, shipped in the ``vaderSentiment`` package), overlaid by whodid's own
``data/events/valence.tsv``; a negated word counts the other way. Words that name events (the event
lexicon's triggers) describe acts, not attitudes, and do not count. Only when nothing specific is said
is a statement 010.

The target is the actor the content is about: the subject of the reported clause (or its owner: "the
president's plan"), else its object, else the first other actor in it; never the speaker itself.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

from whodid.events.lexicon import ACT_NOUNS_FILE, SUCCESS_FILE, LexiconFolders, read_valences
from whodid.nlp.state import ArticleState

CRITICISM = "111"
ACCUSATION = "112"
PESSIMISM = "012"
OPTIMISM = "013"
PRAISE = "051"
APPEAL = "020"
DENIAL = "016"
# people an appeal is about who are not actors it is made to ("refugees need to return")
PRIVATE_SECTORS = frozenset({"CVL", "REF", "EDU", "HLH", "MED"})
STATEMENT = "010"
# the summed valence a content needs to count as criticism or praise (VADER's words run -4 to 4)
NEGATIVE_BAR = -1.5
POSITIVE_BAR = 2.0
# auxiliaries and verbs that ask something of the clause's subject: "Y should", "Y ought to", "Y needs to"
APPEAL_AUX = frozenset({"should", "ought"})
APPEAL_VERBS = frozenset({"need"})
# obligation laid on the clause's subject: "Y must withdraw", "Y has to withdraw" (also the coder's
# demands: "X said Y must withdraw")
OBLIGATION_AUX = frozenset({"must"})
OBLIGATION_VERBS = frozenset({"have"})
# "it is the duty of Y to act": nouns that lay an act on their owner
DUTY_NOUNS = frozenset({"duty", "responsibility", "obligation", "job"})
MODALS = frozenset(
    {"will", "would", "shall", "should", "can", "could", "may", "might", "must", "wo", "ca", "'ll", "’ll"}
)
# verbs of knowing, thinking and being: negated they report no act left undone
STATE_VERBS = frozenset(
    {"know", "think", "believe", "see", "expect", "understand", "remember", "recall", "doubt", "want"}
    | {"need", "have", "be", "seem", "appear", "matter", "mean", "plan", "intend", "wish", "like"}
)
# prepositions whose object is what a statement is about: "concerns about X", "angry over X's move"
TOPIC_PREPS = frozenset({"about", "over", "of", "against"})
# attitudes toward someone: not holding one ("does not trust X") says something of X, denies nothing
ATTITUDE_VERBS = frozenset({"trust", "like", "respect", "support", "believe", "endorse", "back", "accept"})
# "Y bears responsibility for", "Y is responsible for", "Y is to blame": another actor held to account
BLAME_VERBS = frozenset({"bear", "have", "carry", "shoulder"})
BLAME_NOUNS = frozenset({"responsibility", "blame"})
BLAME_PREDICATES = frozenset({"responsible", "blame", "culpable", "guilty", "accountable"})
# "Y caused death and destruction", "Y brought chaos": another actor said to have done harm
HARM_VERBS = frozenset({"cause", "inflict", "bring", "wreak", "sow", "spread", "unleash", "create"})
HARM_NOUNS = frozenset(
    {"death", "destruction", "damage", "suffering", "chaos", "havoc", "harm", "misery", "devastation"}
    | {"bloodshed", "carnage", "instability", "turmoil", "violence", "casualty", "famine", "disaster"}
)
# "Y's policies caused outrage among the people": an actor said to have angered others is criticised
OUTRAGE_NOUNS = frozenset({"outrage", "anger", "fury", "resentment", "indignation", "uproar", "revulsion"})
# "elements of the administration", "members of the party": a subject that is part of a body
PART_NOUNS = frozenset(
    {"element", "member", "part", "section", "faction", "wing", "segment", "some", "many", "most", "all"}
)
# predicate nouns: a label of the subject ("he is a liar", "called X a disgrace")
LABEL_DEPS = frozenset({"attr", "oprd"})
# verbs of falling short whose infinitive was not done: "failed to address", "neglected to act"
FAILING_VERBS = frozenset({"fail", "neglect", "refuse", "decline"})
NEGATORS = frozenset({"not", "n't", "never", "no", "n’t", "without", "hardly", "nothing", "nobody"})
CONTENT_POS = frozenset({"ADJ", "ADV", "NOUN", "VERB"})
VALENCE_FILE = "valence.tsv"
ACCUSATION_FILE = "accusation.txt"


@dataclass(frozen=True)
class Content:
    """What a statement says: its code, whom it is about, and why."""

    cameo: str
    targets: tuple[str, ...]  # actor ids
    rule: str
    valence: float


class StatementReader:
    """Reads the content of speech acts; built once per pipeline from its word lists."""

    def __init__(
        self,
        valences: Mapping[str, float],
        accusations: Collection[str],
        evaluative: Mapping[str, float],
        successes: Collection[str] = (),
        act_nouns: Collection[str] = (),
    ) -> None:
        self.valences = valences  # every word with a valence (VADER's, overlaid by whodid's)
        self.evaluative = evaluative  # whodid's own: the nouns and verbs that judge
        self.accusations = frozenset(accusations)
        self.successes = frozenset(successes)  # verbs of getting something done ("work", "solve")
        self.act_nouns = frozenset(act_nouns)  # what an actor decides, does or says ("policy", "use")

    @classmethod
    def load(cls, data_dir: Path | LexiconFolders | None = None) -> StatementReader:
        """VADER's word list overlaid by ``valence.tsv``; ``accusation.txt`` for accusations.

        ``data_dir`` is one folder holding both files (default: the packaged one), or a
        :class:`~whodid.events.lexicon.LexiconFolders` stack whose user files overlay them.
        """
        folders = LexiconFolders.of(data_dir)
        vader = resources.files("vaderSentiment").joinpath("vader_lexicon.txt").read_text(encoding="utf-8")
        valences: dict[str, float] = {}
        for line in vader.splitlines():
            word, _, rest = line.partition("\t")
            score = rest.split("\t", 1)[0]
            if word.isalpha() and word.islower():
                try:
                    valences[word] = float(score)
                except ValueError:
                    continue
        own = folders.table(VALENCE_FILE, read_valences)
        valences.update(own)
        return cls(
            valences,
            folders.words(ACCUSATION_FILE),
            own,
            folders.words(SUCCESS_FILE),
            folders.words(ACT_NOUNS_FILE),
        )

    def valence(self, tok: Token) -> float:
        """A word's valence: adjectives and adverbs from either list; nouns and verbs, which mostly
        name things and acts ("prison", "war", "escaped"), only from whodid's own list of evaluative
        ones ("failure", "betray"), save a predicate noun, which labels its subject ("a liar")."""
        if tok.pos_ not in CONTENT_POS:
            return 0.0
        # a predicate noun is a label for its subject ("he is a liar", "called X a disgrace"): it judges
        label = tok.pos_ == "NOUN" and _predicate_noun(tok)
        table = self.valences if tok.pos_ in ("ADJ", "ADV") or label else self.evaluative
        for key in (tok.lower_, tok.lemma_.lower(), *_stems(tok)):
            if key in table:
                return table[key]
        return 0.0

    def read(
        self,
        st: ArticleState,
        content: list[Token],
        speakers: Collection[str],
        *,
        events: Collection[int] = (),
    ) -> Content | None:
        """The code of a statement whose content is ``content`` (tokens), said by ``speakers``.

        ``events`` are token indices of event triggers in the content: they do not count for tone.
        None when the content says nothing specific (a plain 010)."""
        if not content:
            return None
        inside = {t.i for t in content}
        specific = (
            self._appeal(st, content, inside, speakers)
            or self._denial(st, content, inside, speakers)
            or self._fault(st, content, inside, speakers)
            or self._futile(st, content, inside, speakers)
            or self._blame(st, content, inside, speakers)
            or self._harm(st, content, inside, speakers)
        )
        if specific is not None:
            return specific
        score = 0.0
        accusing = False
        strongest: tuple[float, Token] | None = None
        for tok in content:
            if tok.i in events:
                continue
            value = self.valence(tok)
            if value and _negated(tok, inside):
                value = -value * 0.75
            score += value
            if value and (strongest is None or abs(value) > abs(strongest[0])):
                strongest = (value, tok)
            accusing = accusing or (
                tok.lemma_.lower() in self.accusations and tok.pos_ in ("VERB", "NOUN", "ADJ", "ADV")
            )
        judged = strongest[1] if strongest is not None and (strongest[0] < 0) == (score < 0) else None
        targets: tuple[str, ...] = ()
        # "we have the perfect formula": what the speaker says of its own side judges nobody else
        if judged is None or not _said_of_self(judged, inside):
            targets = (_holder(st, judged, inside, speakers) if judged is not None else ()) or _about(
                st, content, inside, speakers
            )
        if score <= NEGATIVE_BAR:
            if targets:
                code = ACCUSATION if accusing else CRITICISM
                return Content(code, targets, f"content:{'accusation' if accusing else 'criticism'}", score)
            if judged is not None and self._judges_an_act(judged):
                # "called the use of executive orders dangerous": an act judged harshly is its
                # author's, criticised though the sentence does not name the author
                return Content(CRITICISM, (), "content:criticism", score)
            return Content(PESSIMISM, (), "content:pessimism", score)
        if score >= POSITIVE_BAR:
            if targets:
                return Content(PRAISE, targets, "content:praise", score)
            return Content(OPTIMISM, (), "content:optimism", score)
        return None

    def _judges_an_act(self, judged: Token) -> bool:
        """Whether the judged word is said of an act, a policy or words (``act_nouns.txt``): the noun
        it modifies ("a reckless decision"), the subject of its predicate ("the plan is reckless"), or
        the object of a characterization ("called the use of force dangerous")."""
        held = [judged.head] if judged.dep_ in ("amod", "compound") else []
        if judged.dep_ in ("acomp", "attr", "oprd", "xcomp"):
            held += [c for c in judged.head.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")]
        held += [judged] if judged.pos_ == "NOUN" else []
        return any(n.lemma_.lower() in self.act_nouns for n in held)

    def about(self, st: ArticleState, content: list[Token], speakers: Collection[str]) -> tuple[str, ...]:
        """Whom a plain statement is about (see ``_about``)."""
        inside = {t.i for t in content}
        found = tuple(
            a
            for a in _about(st, content, inside, speakers, anywhere=False)
            if st.actors[a].sector not in PRIVATE_SECTORS
        )
        home = _country(st, speakers)
        if home is None or not found or any(st.actors[a].country != home for a in found):
            return found
        # "the spokesman said our troops will stay until Iraq complies": a statement about the
        # speaker's own side that names another country is about its relations with that country
        for tok in content:
            foreign = tuple(
                a
                for a in st.token_actors.get(tok.i, [])
                if a not in speakers
                and _codable(st, a)
                and st.actors[a].country not in (None, home)
                and st.actors[a].sector not in PRIVATE_SECTORS
            )
            if foreign:
                return foreign
        # "the envoy claimed the US possessed evidence": a speaker's own state is not whom it speaks to
        return tuple(a for a in found if not (st.actors[a].kind == "state" and st.actors[a].country == home))

    def _appeal(
        self, st: ArticleState, content: list[Token], inside: set[int], speakers: Collection[str]
    ) -> Content | None:
        """ "Y should do Z", "Y needs to do Z", "Y ought to", "Y must do Z", "Y has to do Z", "it is the
        duty of Y to do Z": an appeal to Y (not to the speaker)."""
        for tok in content:
            if tok.pos_ not in ("VERB", "AUX") or _negated(tok, inside):
                continue
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            duty = _duty_holder(tok)
            obliged = "strong" if duty is not None else _obliged(tok)
            if not obliged:
                continue
            if duty is not None:
                subj = [duty]
            strong = obliged == "strong"
            found = [a for s in subj for a in _actors(st, s) if a not in speakers]
            if not subj or not found or _first_person(subj[0]):
                continue  # "we should" is the speaker's own resolve; "both sides should" names nobody
            # "refugees need to return": an appeal about people who are not actors has no target
            political = tuple(
                a for a in found if _codable(st, a) and st.actors[a].sector not in PRIVATE_SECTORS
            )
            if strong and not political:
                continue  # "people have to wait", "she must pay the fine": a necessity, asked of no actor
            return Content(APPEAL, political, "content:appeal", 0.0)
        return None

    def _fault(
        self, st: ArticleState, content: list[Token], inside: set[int], speakers: Collection[str]
    ) -> Content | None:
        """ "X said Y failed to address the threat", "... Y did not act", "Y offered no changes": another
        actor's act reported as not done, or done too little, is criticism of it (111)."""
        home = _country(st, speakers)
        for tok in content:
            if tok.pos_ not in ("VERB", "AUX") or (tok.head.i in inside and tok.head.i != tok.i):
                continue  # only the main clause of what is said
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children) or not _failed(tok):
                continue
            if _going_to(tok):
                continue  # "is not going to act": the future, no act left undone
            if tok.lemma_.lower() in STATE_VERBS and not _too_little(tok):
                continue  # "did not know how", "does not think": a state of mind, not an act left undone
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or _first_person(subj[0]):
                continue
            others = _others(st, subj[0], speakers, home)
            if others:
                return Content(CRITICISM, others, "content:fault", 0.0)
        return None

    def _futile(
        self, st: ArticleState, content: list[Token], inside: set[int], speakers: Collection[str]
    ) -> Content | None:
        """ "X said Y's strategy will not destroy ISIL", "nothing Y said will assuage fears": another
        actor's plan or words said to be bound to fail is criticism of that actor (111)."""
        home = _country(st, speakers)
        for tok in content:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in self.successes:
                continue
            if tok.head.i in inside and tok.head.i != tok.i and tok.dep_ not in ("ccomp", "conj"):
                continue  # only the content's own clauses
            if not any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
                continue  # a forecast: "will not work"; "did not work" is a fault (_fault)
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if not subj or st.token_actors.get(subj[0].i):
                continue  # "Y will not stop" is Y's own resolve, not a verdict on Y's plan
            negated = any(c.dep_ == "neg" for c in tok.children) or subj[0].lower_ in ("nothing", "none")
            if not negated:
                continue
            owners = tuple(
                a
                for t in subj[0].subtree
                if t.i != subj[0].i
                for a in st.token_actors.get(t.i, [])
                if a not in speakers
                and _codable(st, a)
                and not (st.actors[a].kind == "state" and st.actors[a].country == home)
            )
            if owners:
                return Content(CRITICISM, owners[:1], "content:futile", 0.0)
        return None

    def _blame(
        self, st: ArticleState, content: list[Token], inside: set[int], speakers: Collection[str]
    ) -> Content | None:
        """ "X said Y bears responsibility for the deaths", "Y is to blame", "Y was responsible for the
        attack": holding another actor responsible is an accusation (112)."""
        home = _country(st, speakers)
        for tok in content:
            if (
                tok.pos_ not in ("VERB", "AUX")
                or _negated(tok, inside)
                or any(c.dep_ == "neg" for c in tok.children)
            ):
                continue
            blamed = (
                any(c.dep_ in ("dobj", "attr") and c.lemma_.lower() in BLAME_NOUNS for c in tok.children)
                and tok.lemma_.lower() in BLAME_VERBS
            )
            blamed = blamed or any(
                c.dep_ in ("acomp", "xcomp") and c.lemma_.lower() in BLAME_PREDICATES for c in tok.children
            )
            if not blamed:
                continue
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or _first_person(subj[0]):
                continue
            others = _others(st, subj[0], speakers, home)
            if others:
                return Content(ACCUSATION, others, "content:blame", 0.0)
        return None

    def _harm(
        self, st: ArticleState, content: list[Token], inside: set[int], speakers: Collection[str]
    ) -> Content | None:
        """ "X said Y caused death and destruction", "Y brought chaos": another actor said to have
        caused harm is accused of it (112); said to have caused outrage, criticised (111)."""
        home = _country(st, speakers)
        for tok in content:
            if tok.pos_ != "VERB" or tok.lemma_.lower() not in HARM_VERBS or _negated(tok, inside):
                continue
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children):
                continue  # "could cause chaos" warns of harm; it accuses nobody
            harms = [
                g
                for c in tok.children
                if c.dep_ == "dobj"
                for g in (c, *(x for x in c.children if x.dep_ == "conj"))
                if g.lemma_.lower() in HARM_NOUNS or g.lemma_.lower() in OUTRAGE_NOUNS
            ]
            subj = [c for c in tok.children if c.dep_ == "nsubj"]
            if not harms or not subj or _first_person(subj[0]):
                continue
            others = _others(st, subj[0], speakers, home)
            if others and all(h.lemma_.lower() in OUTRAGE_NOUNS for h in harms):
                return Content(CRITICISM, others, "content:outrage", 0.0)
            if others:
                return Content(ACCUSATION, others, "content:harm", 0.0)
        return None

    def _denial(
        self, st: ArticleState, content: list[Token], inside: set[int], speakers: Collection[str]
    ) -> Content | None:
        """ "X said it did not attack", "we have never interfered": the speaker's own side's act
        reported as not done is a denial (016)."""
        home = _country(st, speakers)
        for tok in content:
            if tok.pos_ not in ("VERB", "AUX") or not any(c.dep_ == "neg" for c in tok.children):
                continue
            if any(c.dep_ == "aux" and c.lower_ in MODALS for c in tok.children) or _going_to(tok):
                continue  # "would not negotiate" refuses what is to come; a denial is of what was done
            if tok.head.i in inside and tok.head.i != tok.i and tok.dep_ not in ("ccomp", "conj"):
                continue  # only the content's own clauses
            for subj in (c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")):
                if subj.lower_ == "you":
                    continue  # the listener's act is not the speaker's to deny
                owners = _actors(st, subj)
                ours = _first_person(subj) or any(
                    a in speakers or (home is not None and st.actors[a].country == home) for a in owners
                )
                if ours and tok.lemma_.lower() in ATTITUDE_VERBS:
                    # "he does not trust X": distrust of X is criticism of X, no denial
                    objects = [c for c in tok.children if c.dep_ == "dobj"]
                    others = tuple(
                        a for o in objects for a in _actors(st, o) if a not in speakers and _codable(st, a)
                    )
                    if others:
                        return Content(CRITICISM, others, "content:distrust", 0.0)
                    continue
                if ours:
                    return Content(DENIAL, (), "content:denial", 0.0)
        return None


def _said_of_self(word: Token, inside: set[int]) -> bool:
    """Whether the clause of a judging word has a first-person subject ("we have the perfect formula",
    "I made a terrible mistake"): the speaker speaks of its own side. Not when the word is the
    speaker's attitude to a clause ("I'm very satisfied that he will be ready"): that is about it."""
    tok = word
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX"):
            subj = [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
            if subj:
                # "we were betrayed by the government" judges the agent
                about = any(c.dep_ in ("ccomp", "agent") for t in (word, tok) for c in t.children)
                return _first_person(subj[0]) and not about
        if tok.head.i == tok.i or tok.head.i not in inside:
            return False
        tok = tok.head
    return False


def _going_to(tok: Token) -> bool:
    """ "is not going to call": the future, as a modal would say it."""
    return tok.lemma_ == "go" and tok.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in tok.children)


def _predicate_noun(tok: Token) -> bool:
    """ "he is a liar", "called X a disgrace", "a fraud and a hypocrite": a noun that labels a subject."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    # "how much damage there is": after an expletive "there" the noun is what exists, no label
    return tok.dep_ in LABEL_DEPS and not any(c.dep_ == "expl" for c in tok.head.children)


def _stems(tok: Token) -> tuple[str, ...]:
    """The bare verb of an inflected form the lemmatizer missed ("overselling" lemmatized
    "overselle"): the form without -ing, -ed or -s."""
    if tok.pos_ != "VERB":
        return ()
    low = tok.lower_
    for ending in ("ing", "ed", "es", "s"):
        if low.endswith(ending) and len(low) > len(ending) + 3:
            return (low[: -len(ending)],)
    return ()


def _failed(tok: Token) -> bool:
    """ "did not address", "failed to address", "offered no changes", "did too little"."""
    if any(c.dep_ == "neg" for c in tok.children):
        return True
    if any(
        c.dep_ == "dobj" and any(g.lower_ in ("no", "nothing") for g in (c, *c.children))
        for c in tok.children
    ):
        return True
    if _too_little(tok):
        return True
    return tok.lemma_.lower() in FAILING_VERBS and any(c.dep_ == "xcomp" for c in tok.children)


def _too_little(tok: Token) -> bool:
    """ "did too little", "had too little to say", "offered too few details"."""
    return any(
        c.dep_ == "dobj"
        and any(g.lower_ == "too" for g in (c, *c.children))
        and (c.lower_ in ("little", "few") or any(g.lower_ in ("little", "few") for g in c.children))
        for c in tok.children
    )


def _negated(tok: Token, inside: set[int]) -> bool:
    """A word under a negation in its own clause: "not good", "did not help", "no progress"."""
    if any(c.lower_ in NEGATORS and c.dep_ in ("neg", "det", "advmod") for c in tok.children):
        return True
    head = tok.head
    if head.i in inside and head.i != tok.i and tok.dep_ in ("acomp", "dobj", "attr", "xcomp", "advmod"):
        return any(c.dep_ == "neg" for c in head.children)
    return False


def _actors(st: ArticleState, tok: Token) -> list[str]:
    out = list(st.token_actors.get(tok.i, []))
    for c in tok.children:
        if c.dep_ in ("poss", "compound") or (c.dep_ == "conj"):
            out.extend(a for a in st.token_actors.get(c.i, []) if a not in out)
    return out


def _obliged(verb: Token) -> str:
    """How a clause lays an act on its subject: "Y should act", "Y ought to act", "Y needs to act"
    (``"weak"``), "Y must act", "Y has to act" (``"strong"``: an obligation, which only a political
    actor can be asked to meet), or not at all (``""``): "Y must have known" infers, "Y had to leave"
    and "Y will have to wait" report or foresee a necessity, "what Y has to offer" offers."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj and any(c.lower_ in APPEAL_AUX and c.i < subj[0].i for c in aux):
        return ""  # "should Assad transgress again": an inverted condition, no appeal
    if any(c.lower_ in APPEAL_AUX for c in aux):
        return "weak"
    if any(c.lower_ in OBLIGATION_AUX for c in aux) and not any(c.lemma_ == "have" for c in aux):
        return "strong"
    infinitive = any(
        c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)
        for c in verb.children
    )
    if verb.lemma_ in APPEAL_VERBS:
        return "weak" if infinitive else ""
    has_to = verb.lemma_ in OBLIGATION_VERBS and infinitive and verb.tag_ in ("VBZ", "VBP")
    # "has no right to move", "has the means to act": a thing had, no obligation
    has_to = has_to and not any(c.dep_ == "dobj" for c in verb.children)
    if has_to and not aux and verb.dep_ not in ("relcl", "acl"):
        return "" if any(c.tag_ in ("WP", "WDT") for c in verb.children) else "strong"
    return ""


def _duty_holder(verb: Token) -> Token | None:
    """ "It is the duty of Y to act", "it is Y's responsibility to act": Y, on whom the act is laid."""
    if verb.lemma_ != "be":
        return None
    for noun in verb.children:
        if noun.dep_ != "attr" or noun.lemma_.lower() not in DUTY_NOUNS:
            continue
        if not any(
            c.dep_ in ("acl", "relcl", "xcomp") and c.pos_ == "VERB" for c in (*noun.children, *verb.children)
        ):
            continue
        owners = [c for c in noun.children if c.dep_ == "poss"]
        owners += [
            g
            for c in noun.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for g in c.children
            if g.dep_ == "pobj"
        ]
        if owners:
            return owners[0]
    return None


def _holder(st: ArticleState, word: Token, inside: set[int], speakers: Collection[str]) -> tuple[str, ...]:
    """Whose is the judged word: the owner of a judged noun ("the ministry's failure", "the failure of X"),
    the subject of a judged verb or predicate ("the governor failed", "the plan is reckless": the plan's
    owner), a passive's agent ("frustrated by X"); climbing at most two heads."""
    tok = word
    for _ in range(3):
        near = [c for c in tok.children if c.dep_ in ("poss", "compound", "agent", "prep")]
        near = [
            g
            for c in near
            for g in ((c,) if c.dep_ != "prep" and c.dep_ != "agent" else c.children)
            if c.dep_ in ("poss", "compound") or (c.lower_ in ("of", "by") and g.dep_ == "pobj")
        ]
        near += [c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")]
        for n in near:
            for cand in (n, *(g for g in n.children if g.dep_ in ("poss", "compound"))):
                found = tuple(
                    a for a in _actors(st, cand) if a not in speakers and _codable(st, a) and cand.i in inside
                )
                if found:
                    return found
        if tok.head.i == tok.i or tok.head.i not in inside:
            break
        tok = tok.head
    return ()


def _about(
    st: ArticleState,
    content: list[Token],
    inside: set[int],
    speakers: Collection[str],
    *,
    anywhere: bool = True,
) -> tuple[str, ...]:
    """Whom the content is about: the subject of its main clause (or the subject's owner), else the
    object, else the first actor it names other than the speaker."""
    roots = [t for t in content if t.head.i not in inside or t.head.i == t.i]
    ranked: list[Token] = []
    for root in roots:
        ranked += [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        ranked += [
            g
            for c in root.children
            if c.dep_ in ("nsubj", "nsubjpass")
            for g in c.subtree
            if g.dep_ == "poss"
        ]
        # "elements of the US administration are saying...": the body the subject is part of
        ranked += [
            g
            for c in root.children
            if c.dep_ in ("nsubj", "nsubjpass") and c.lemma_.lower() in PART_NOUNS
            for p in c.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        ranked += [c for c in root.children if c.dep_ in ("dobj", "dative", "attr")]
        # "no action was announced by the agency": a passive's agent is whom it is about
        ranked += [g for c in root.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        # "had concerns about X's ties", "criticised X's plan": whose the object or its topic is
        objects = [c for c in root.children if c.dep_ == "dobj"]
        ranked += [g for o in objects for g in o.children if g.dep_ == "poss"]
        topics = [
            g
            for o in (root, *objects)
            for p in o.children
            if p.dep_ == "prep" and p.lower_ in TOPIC_PREPS
            for g in p.children
            if g.dep_ == "pobj"
        ]
        ranked += [t for g in topics for t in (g, *(c for c in g.children if c.dep_ == "poss"))]
    if anywhere:
        ranked += content
    for tok in ranked:
        if tok.i not in inside:
            continue
        found = tuple(a for a in st.token_actors.get(tok.i, []) if a not in speakers and _codable(st, a))
        if found:
            return found
    return ()


def _others(st: ArticleState, subj: Token, speakers: Collection[str], home: str | None) -> tuple[str, ...]:
    """The codable actors a clause's subject names other than the speakers and their own state."""
    return tuple(
        a
        for a in _actors(st, subj)
        if a not in speakers
        and _codable(st, a)
        and not (st.actors[a].kind == "state" and st.actors[a].country == home)
    )


def _first_person(tok: Token) -> bool:
    return tok.pos_ == "PRON" and tok.lower_ in ("i", "we")


def _country(st: ArticleState, speakers: Collection[str]) -> str | None:
    return next((st.actors[a].country for a in speakers if a in st.actors and st.actors[a].country), None)


def _codable(st: ArticleState, actor_id: str) -> bool:
    actor = st.actors[actor_id]
    return bool(actor.country or actor.igo_code or actor.ethnic) or actor.code in (
        "REB",
        "INS",
        "IMG",
        "IGO",
        "NGO",
    )
