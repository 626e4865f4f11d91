"""The event stage: code every clause whose trigger is in the lexicon into CAMEO events.

One trigger yields one event per (source actor, target actor) pair, so compound subjects and objects
multiply ("A and B will meet C" is two events). Statements (CAMEO 010) are subordinate: a speech verb
is coded as a statement only when nothing more specific was coded in what it governs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Literal

from spacy.tokens import Doc, Span, Token

from whodid.events import arguments as args
from whodid.events.assertion import asked, cancelled_by, condition_subjects, conditional, plan_denied
from whodid.events.confidence import ConfidenceModel, quote_index
from whodid.events.context import (
    FUTURE_AUX,
    HYPOTHETICAL_AUX,
    clause_chain,
    clause_dates,
    event_time,
    governing_verb,
    is_attempt,
    is_decided,
    is_negated,
    is_present_perfect,
    is_threatened,
    is_underway,
    modality_of,
    opportunity_only,
    place_for,
    polite_wish,
    speaks,
)
from whodid.events.lexicon import EventLexicon
from whodid.events.statements import (
    APPEAL_AUX,
    CRITICISM,
    OBLIGATION_AUX,
    OPTIMISM,
    PESSIMISM,
    PRAISE,
    StatementReader,
)
from whodid.nlp.spans import SpanIndex
from whodid.nlp.state import (
    ActorMention,
    ArticleState,
    DateMention,
    DateSource,
    Event,
    EventSide,
    Modality,
    PlaceMention,
    Precision,
    Quote,
    state,
)
from whodid.nlp.view import view
from whodid.ontology import Ontology
from whodid.places.event_location import EventLocator
from whodid.places.gazetteer import Gazetteer
from whodid.quotes.finder import load_cues

STATEMENT = "010"
# wanting another actor to act is an appeal to it ("want Y to lower tariffs")
WISH_LEMMAS = frozenset({"want", "wish", "need"})
APPEAL = "020"
# warnings are read for what they say: blame, accusation or gloom recode them (not appeals or praise)
WARNING_LEMMAS = frozenset({"warn", "caution"})
# a survey's shares: "54 percent of voters", "57 percent to 22 percent"
SHARE_NOUNS = frozenset({"percent", "%", "per cent", "percentage"})
WARNING_READINGS = frozenset({"111", "112", "012"})
# auxiliaries that set a clause in the future or in what may be ("will strike", "could spread")
MODAL_WORDS = FUTURE_AUX | HYPOTHETICAL_AUX
# auxiliaries of an act announced: "will strike", "said it would strike"
ANNOUNCING_AUX = FUTURE_AUX | {"would"}
DISAPPROVAL_ROOT = "11"
QUOTE_MARKS = frozenset({'"', "\u201c", "\u201d", "``", "''", "'", "\u2018", "\u2019"})
# "forces backed by Iran": backing given to or by an armed force is military cooperation
BACKING_VERBS = frozenset({"back", "support"})
ARMED_SECTORS = frozenset({"MIL", "REB", "INS", "IMG", "UAF"})
VERBAL_SUPPORT = "051"
APOLOGY = "055"
THREAT_ROOT = "13"
# verbs of aiming, which are attacks only when force is used
AIMING_VERBS = frozenset({"target"})
# sectors that act by speaking, never by force
VOICE_SECTORS = frozenset({"PTY", "LEG", "OPP", "ELI", "MED", "CVL", "NGO", "EDU", "JUD", "LAB", "BUS"})
# what regret is felt at: "expressed regret at Russia's veto" deplores another's act, it apologizes
# for nothing (the "for" of "regret for the deaths" is the apology's)
REGRET_PREPS = frozenset({"at", "over", "about"})
# what a warning is of: "warned of war with Iran"
WARNED_OF_PREPS = frozenset({"of", "about"})
MILITARY_COOPERATION = "062"
# material conflict: in a condition ("if they attack") it is no event
MATERIAL_CONFLICT_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
# where force is aimed: "hit Idlib", "fired rockets at Sderot", "airstrikes on Idlib"
AIMED_PREPS = frozenset({"on", "against", "at", "into"})
# cooperation (appeals, intents, diplomatic and material cooperation, aid, yielding): never aimed at
# what it is "against"
COOPERATION_ROOTS = frozenset({"02", "03", "04", "05", "06", "07", "08"})
# statements that say nothing specific: dropped when the same speaker's content is read in the sentence
PLAIN_STATEMENTS = frozenset({"010", "019"})
# sectors of listeners, not targets, of a statement made to them ("told reporters", "told voters")
AUDIENCE_SECTORS = frozenset({"MED", "CVL"})
DEMAND = "100"
# roots whose governing record is dropped when a governed act of the same source restates it
# ("agreed to release" is the intent to release, "threatened to impose sanctions" the threat of sanctions)
RESTATED_ROOTS = frozenset({"03", "13"})
# speech acts whose complement is what they are about, not an event: appeals, demands, accusations,
# rejections, threats
CONTENT_TAKING_ROOTS = frozenset({"02", "10", "11", "12", "13"})
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "acl", "pcomp", "dobj", "pobj", "prep", "advcl"})
# protests (14) carry what they demand; appeals (02) and demands (10) inside them are part of the protest
PROTEST_ROOT = "14"
APPEAL_ROOTS = frozenset({"02", "10"})
# appeals and demands for reform whose last digit names the reform (leadership, policy, rights,
# institutions), as the protest codes 14x1-14x4 do
REFORM_DEMANDS = frozenset({"024", "104"})
# violence (unconventional, military, mass): a verb of it takes the code of the event noun that says how
VIOLENCE_ROOTS = frozenset({"18", "19", "20"})
MANNER_PREPS = frozenset({"in", "during"})
# copulas: events only through an adjective complement listed as their object ("was skeptical")
COPULAS = frozenset({"be", "remain", "seem", "appear", "sound", "feel"})
# verbs in a complement that only carry their object's meaning ("to exercise restraint", "to hold talks")
COMPLEMENT_LIGHT_VERBS = frozenset(
    {
        "exercise",
        "take",
        "make",
        "show",
        "have",
        "give",
        "hold",
        "engage",
        "bring",
        "stage",
        "organize",
        "organise",
    }
)
# verbs of receiving: "received aid from X", "picked up an endorsement from X" is X's act toward the receiver
# ("accepted demands from X" is not: the acceptance is the act, 08x)
RECEIVING_VERBS = frozenset(
    {"receive", "get", "win", "gain", "earn", "secure", "obtain", "garner", "attract", "pick"}
)
# receiving by winning over the giver: "won the support of X" (not "received the aid of X")
ACQUIRING_VERBS = frozenset({"win", "gain", "earn", "secure", "garner", "attract"})
# verbs that carry out, start or keep up what their object noun names; verbs that stop, refuse or
# undo it (end, cancel, reject) are not here
LIGHT_VERBS = frozenset(
    {
        "take",
        "launch",
        "impose",
        "reimpose",
        "carry",
        "conduct",
        "hold",
        "stage",
        "stag",
        "mount",
        "begin",
        "start",
        "resume",
        "renew",
        "continue",
        "undertake",
        "complete",
        "issue",
        "make",
        "file",
        "level",
        "lodge",
        "announce",
        "deliver",
        "unveil",
        "order",
        "adopt",
        "introduce",
        "slap",
        "sign",
        "host",
        "organize",
        "organise",
        "give",
        "intensify",
        "escalate",
        "step",
        "pay",
        "perform",
        "lead",
        "speed",
        "accelerate",
        "expedite",
        "hasten",
        "extend",
        "finish",
        "wage",
        "commit",
        "perpetrate",
    }
)
# verbs whose clause is an act reported as not done by the speaker: the denial itself is the event
DENYING_VERBS = frozenset({"deny"})
# acts only a state's authorities do, whose agentless passive "in <country>" is that state's
# ("were detained in China", "was charged in Iran", "were expelled from Russia"); a killing or a
# deployment "in Syria" says nothing about who did it
STATE_AUTHORITY_ROOTS = frozenset({"11", "12", "16", "17"})
# cooperation named as a condition ("until Iraq complies", "if they release him", "if they meet") is
# no act and no intent (conflict is handled apart: its speaker's threat is coded)
CONDITIONAL_NO_EVENT_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
OBJECT_TARGET_PREPS = frozenset({"on", "against", "to", "with", "toward", "towards"})
# a feeling expressed ("expressed anger over X's decision", "raised concern about the US wall"): the
# feeling noun's "about", "over" and "at" phrase names whom it is about
ATTITUDE_ROOTS = frozenset({"01", "05", "11"})
# verbs that name what someone is ("calls himself", "describes itself as") and the reflexive objects
# that make them a self-description
SELF_NAMING_VERBS = frozenset({"call", "describe", "style", "term", "label", "dub", "bill", "consider"})
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"})
# marks of a clause set against another ("X said ..., while Y ...")
CONTRAST_MARKS = frozenset({"while", "whereas", "whilst"})
ATTITUDE_PREPS = OBJECT_TARGET_PREPS | {"about", "over", "at"}
# nouns of help given, whose "for" phrase names whom it is for ("support for the rebels")
AID_NOUNS = frozenset({"aid", "assistance", "support", "funding", "backing", "help", "subsidy", "loan"})
# a judgment with no one named in it, said of someone ("X said of Y"): of that one
JUDGMENT_OF_TOPIC = {PESSIMISM: CRITICISM, OPTIMISM: PRAISE}
MEDIATION = "045"  # "mediation between X and Y" is a third party's, not X's act on Y
MOBILIZATION_ROOT = "15"
# sectors of forces a state deploys
STATE_FORCE_SECTORS = frozenset({"MIL", "COP", "SPY"})
NOMINAL_PATIENT_PREPS = frozenset({"of", "on", "against", "into", "to", "with"})
# cooperation that compound subjects do with each other (agree, meet, negotiate, cooperate)
RECIPROCAL_ROOTS = frozenset({"03", "04", "05", "06"})
# acts of diplomatic cooperation one side does to another, never to each other: "backed by Moscow and
# Tehran" is support of a third, not of one another; praise, defence, rallying support, apology, forgiveness
ONE_WAY_CODES = ("051", "052", "053", "055", "056")
# prepositions that place an event ("met in Rome", "arrested at the border")
EVENT_PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
# currency words and symbols: their amount is given or cut as money ("gave $2 million")
CURRENCY_WORDS = frozenset(
    {"$", "€", "£", "¥", "us$", "dollar", "dollars", "euro", "euros", "pound", "pounds"}
)


@dataclass(frozen=True)
class _Sentence:
    """What every event of one sentence shares: where it is and what the article knows around it."""

    st: ArticleState
    span: Span
    index: int
    dates: dict[int, DateMention]  # governing verb -> its date
    places: dict[int, PlaceMention]  # governing verb -> its place
    speakers: dict[int, str]  # quotation cue token -> speaker actor
    mentions: list[ActorMention]  # the actor mentions that start in the sentence, in order
    locator: EventLocator | None = None  # where the article's events happened
    places_by_token: dict[int, PlaceMention] = field(default_factory=dict)  # every token of a place


@dataclass
class Trigger:
    """A matched trigger before its arguments are resolved."""

    token: Token  # the verb whose clause carries the event
    evidence: Token  # the word that names the event (the verb, or an event noun)
    cameo: str
    rule: str
    target_hint: Token | None = None  # an event noun whose own arguments name the target
    # a nominal event with its own stated agent ("the arrest of X by police"): (agent, patient) tokens
    nominal: tuple[list[Token], list[Token]] | None = None
    # the event noun that says how violence was done ("wounded in a bomb attack", "a roadside bombing
    # killed"): it gives the code, and its own agent ("by X", "X's", "US attacks") the source
    manner: Token | None = None


class EventCoder:
    """Pipeline stage: fills ``events``."""

    name = "events"
    requires: tuple[str, ...] = (
        "parser",
        "published",
        "boilerplate_sentences",
        "actors",
        "actor_mentions",
        "token_actors",
        "non_place_tokens",
        "dates",
        "places",
        "quotes",
    )
    assigns: tuple[str, ...] = ("events",)

    def __init__(
        self,
        lexicon: EventLexicon,
        ontology: Ontology,
        cues: frozenset[str] | None = None,
        reader: StatementReader | None = None,
        calibration: ConfidenceModel | None = None,
        min_confidence: float = 0.0,
        gazetteer: Gazetteer | None = None,
    ) -> None:
        """``gazetteer``: where events are located from (their clause, sentence or dateline,
        ``places/event_location.py``); without it an event has only its own clause's place."""
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.ontology = ontology
        self.reader = reader if reader is not None else StatementReader.load()
        self.calibration = calibration if calibration is not None else ConfidenceModel.load()
        self.min_confidence = min_confidence  # events less sure than this are not kept
        self.cues = cues if cues is not None else load_cues()  # speech verbs: whose subject speaks

    def __call__(self, doc: Doc) -> Doc:
        st = state(doc)
        speakers = {
            q.cue_token: q.speaker_actor for q in st.quotes if q.cue_token is not None and q.speaker_actor
        }
        dates = _dates_by_verb(doc, st)
        places = _places_by_verb(doc, st)
        place_tokens = {i: p for p in st.places for i in range(p.token_start, p.token_end)}
        quotes_by_cue = {q.cue_token: q for q in st.quotes if q.cue_token is not None}
        quoted = quote_index(st)
        mentions = SpanIndex(st.actor_mentions, start=lambda m: m.start, end=lambda m: m.end)
        locator = EventLocator(doc, gazetteer=self.gazetteer) if self.gazetteer is not None else None
        tokens = view(doc).tokens
        for s_i, sent in enumerate(view(doc).sents):
            if s_i in st.boilerplate_sentences:
                continue
            here = mentions.starting_in(sent.start_char, sent.end_char)
            ctx = _Sentence(st, sent, s_i, dates, places, speakers, here, locator, place_tokens)
            found: list[tuple[Trigger, Event]] = []
            statements: list[Trigger] = []
            for tok in tokens[sent.start : sent.end]:
                trig = (
                    self._received_trigger(tok, st)
                    or self._trigger(tok, st.non_place_tokens)
                    or self._nominal_trigger(tok, st)
                    or _wish_trigger(tok, st)
                )
                demand = self._demand_trigger(tok, trig, st.non_place_tokens)
                if demand is not None:
                    for ev in self._events(ctx, demand, found, use_speakers=True):
                        if ev.target is not None:  # "we must" demands nothing of anyone else
                            found.append((demand, ev))
                if trig is None:
                    continue
                if trig.cameo == STATEMENT:
                    statements.append(trig)
                    continue
                for ev in self._events(ctx, trig, found):
                    if trig.token.lemma_.lower() in WARNING_LEMMAS and trig.evidence.i == trig.token.i:
                        ev = self._warning(ctx, trig, ev, found, quotes_by_cue)
                    found.append((trig, ev))
            for trig in statements:
                found.extend(self._statements(ctx, trig, found, quotes_by_cue))
            found = _without_plain_restatements(found)
            found = _protest_demands(_without_contents(_without_vague_intents(found)), self.ontology)
            scored = (replace(ev, confidence=self.calibration.confidence(ev, st, quoted)) for _, ev in found)
            st.events.extend(ev for ev in scored if ev.confidence >= self.min_confidence)
        return doc

    # ---------------------------------------------------------------- statements
    def _statements(
        self,
        ctx: _Sentence,
        trig: Trigger,
        found: list[tuple[Trigger, Event]],
        quotes_by_cue: dict[int, Quote],
    ) -> list[tuple[Trigger, Event]]:
        """A speech act coded by what it says (``events/statements.py``); a plain statement (010) only
        when nothing it governs was coded. One statement per speaker and sentence."""
        verb = trig.token
        if _poll_result(verb):
            return []  # "54 percent of voters said they would ...": a survey's figure, nobody's statement
        if not args.explicit_subjects(verb) and verb.i not in ctx.speakers:
            return []  # a statement needs a speaker named in its own clause
        if verb.i not in ctx.speakers and not _reports_something(verb):
            return []  # "could hardly speak the language" states nothing
        if _names_what_was_said(verb):
            return []  # "nothing the president said", "the remarks he made": a reference, no report
        if _calls_itself(verb):
            return []  # "Sanders calls himself a socialist": what one is, not a statement
        governed = [ev for t, ev in found if _reported_by(verb, t.token) or t.token.i == verb.i]
        content = _content_tokens(ctx.span.doc, verb, quotes_by_cue.get(verb.i))
        triggers = {t.evidence.i for t, _ in found} | {t.token.i for t, _ in found}
        stated = {ev.source.actor_id for t, ev in found if t.token.i != verb.i and ev.cameo[:2] == "01"}
        out: list[tuple[Trigger, Event]] = []
        inside = {t.i for t in content}
        for ev in self._events(ctx, trig, found, use_speakers=True):
            src = ev.source.actor_id
            own = [
                t
                for t, g in found
                if g in governed
                and _same_side(ctx.st, g.source.actor_id, src)
                and g.modality != "negated"
                # "X, who says Y should act, tweeted that ...": an act outside what is said is no part of it
                and (t.token.i in inside or t.evidence.i in inside or not content)
            ]
            said_here = content
            if own:
                # the speaker's own act or intent in what it says is coded already; another clause of
                # what it says is still read ("said the envoy had made a mistake and that Turkey would
                # never agree")
                said_here = _without_clauses(content, [t.token for t in own])
                if not said_here:
                    continue
            said = self.reader.read(ctx.st, said_here, {src} if src else set(), events=triggers)
            if own and (said is None or said.cameo[:2] not in ("11", "12", "05") or not said.targets):
                continue
            if (
                said is not None
                and said.rule == "content:appeal"
                and any(
                    t.token.i == verb.i and g.cameo[:2] == DEMAND[:2] and g.source.actor_id == src
                    for t, g in found
                )
            ):
                continue  # "X said Y must withdraw": the demand coded on the verb is the appeal
            topic = _said_of(ctx.st, verb, src)
            if said is not None and not said.targets and topic and said.cameo in JUDGMENT_OF_TOPIC:
                # '"He is a disgrace," X said of the president': the judgment is of whom it is said of
                code = JUDGMENT_OF_TOPIC[said.cameo]
                judged = "criticism" if code == CRITICISM else "praise"
                said = replace(said, cameo=code, targets=topic, rule=f"content:{judged}+said-of")
            if said is None:
                if governed or src in stated:
                    continue
                if ev.target is not None and _audience(ctx.st, ev.target.actor_id):
                    ev = replace(ev, target=None)  # "told reporters": an audience is no target
                if ev.target is None:
                    about = topic or self.reader.about(ctx.st, content, {src} if src else set())
                    if about:
                        ev = replace(ev, target=_side(ctx, about[0]))
                out.append((trig, ev))
                stated.add(src)
                continue
            stated.add(src)
            recoded = _recoded(ev, said.cameo, self.ontology, why=f" {said.rule}")
            for target in said.targets or (None,):
                side = _side(ctx, target) if target else None
                out.append((trig, replace(recoded, target=side, content_rule=said.rule)))
        return out

    def _warning(
        self,
        ctx: _Sentence,
        trig: Trigger,
        ev: Event,
        found: list[tuple[Trigger, Event]],
        quotes_by_cue: dict[int, Quote],
    ) -> Event:
        """ "warned that Y was illegally diverting the river" accuses Y (112): a warning that reports
        wrongdoing, blame or gloom is coded by what it says; one that holds out what the speaker's side
        will do stays a threat (13x)."""
        content = _content_tokens(ctx.span.doc, trig.token, quotes_by_cue.get(trig.token.i))
        if not content:
            return ev
        src = ev.source.actor_id
        triggers = {t.evidence.i for t, _ in found} | {t.token.i for t, _ in found}
        said = self.reader.read(ctx.st, content, {src} if src else set(), events=triggers)
        if said is None or said.cameo not in WARNING_READINGS:
            # "warned the decision could put the UK's policy in jeopardy": a forecast about a thing, no
            # threat; "warned that 400 civilians were in urgent need": a state of things reported, and a
            # threat holds out what is to come. Both are gloom, aimed at the political actor they are
            # about, if any
            why = (
                " content:forecast"
                if _foretells(ctx.st, trig.token, content)
                else " content:state"
                if _reports_state(content) and not _warned_to(ctx.st, trig.token, content)
                else None
            )
            if why is not None:
                about = self.reader.about(ctx.st, content, {src} if src else set())
                side = _side(ctx, about[0]) if about else None
                return replace(_recoded(ev, PESSIMISM, self.ontology, why=why), target=side)
        if said is None or said.cameo not in WARNING_READINGS:
            return ev
        target = said.targets[0] if said.targets else None
        side = _side(ctx, target) if target else None
        recoded = _recoded(ev, said.cameo, self.ontology, why=f" {said.rule}")
        return replace(recoded, target=side, content_rule=said.rule)

    # ---------------------------------------------------------------- triggers
    def _trigger(self, tok: Token, names: set[int]) -> Trigger | None:
        if tok.pos_ not in ("VERB", "AUX") or tok.i in names:
            return None  # "the Committee to Protect Journalists" protects nobody
        if tok.lemma_ == "be" or (tok.lemma_ in COPULAS and any(c.dep_ == "acomp" for c in tok.children)):
            return self._predicate_trigger(tok)
        if tok.dep_ == "pcomp" and not args.explicit_subjects(tok) and args.temporal_gerund(tok) is None:
            return None
        particles = _particles(tok)
        heads = self.lexicon.object_heads
        objects = _objects(tok, heads)
        entry = self.lexicon.match_verb(tok.lemma_.lower(), particles, objects)
        direct = _direct_objects(tok, heads)
        if entry is not None and entry.objects and direct and entry.objects.isdisjoint(direct):
            # what the verb acts on directly beats a prepositional phrase: "end attacks after strikes"
            first = self.lexicon.match_verb(tok.lemma_.lower(), particles, direct)
            entry = first if first is not None and first.objects else entry
        noun = _event_noun(tok, self.lexicon)
        if noun is not None and (
            entry is None or entry.cameo == STATEMENT or not (entry.particle or entry.objects)
        ):
            code = self.lexicon.match_noun(noun.lemma_.lower(), _modifier_lemmas(noun))
            statement_noun = code == STATEMENT  # "walked back his remarks" is no new statement
            same_as_verb = entry is not None and code is not None and entry.cameo[:2] == code[:2]
            if (
                code is not None
                and not statement_noun
                and not same_as_verb  # "signed an agreement": the verb already says it
                and _light_verb(tok)  # "launched an attack" is an attack; "broadened his appeal" is not
            ):
                return Trigger(tok, noun, code, f"noun:{noun.lemma_.lower()}+verb:{tok.lemma_}", noun)
        if entry is None:
            return None
        rule = "verb:" + entry.lemma + (f"+{entry.particle}" if entry.particle else "")
        rule += "+" + "|".join(sorted(entry.objects)) if entry.objects else ""
        if entry.cameo[:2] in VIOLENCE_ROOTS:
            manner = self._manner_noun(tok)
            if manner is not None:
                code = self.lexicon.match_noun(manner.lemma_.lower(), _modifier_lemmas(manner))
                # a generic noun ("an attack", 190) says no more than the verb
                if code is not None and code != entry.cameo and not code.endswith("0"):
                    return Trigger(tok, tok, code, rule + f"+manner:{manner.lemma_.lower()}", manner=manner)
        return Trigger(tok, tok, entry.cameo, rule)

    def _manner_noun(self, verb: Token) -> Token | None:
        """The violent event noun that is the subject of a violent verb ("a roadside bombing killed"),
        or its "in"/"during" phrase ("wounded in a bomb attack")."""
        candidates = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"]
        candidates += args.prep_objects(verb, MANNER_PREPS)
        for noun in candidates:
            code = self.lexicon.match_noun(noun.lemma_.lower(), _modifier_lemmas(noun))
            if code is not None and code[:2] in VIOLENCE_ROOTS:
                return noun
        return None

    def _predicate_trigger(self, tok: Token) -> Trigger | None:
        """ "he was skeptical", "they remain optimistic": a copula is an event only through a listed
        adjective complement (an entry of the copula with objects)."""
        complements = {c.lemma_.lower() for c in tok.children if c.dep_ == "acomp"}
        entry = self.lexicon.match_verb(tok.lemma_.lower(), (), complements) if complements else None
        if entry is None or not entry.objects:
            return None
        complement = next(c for c in tok.children if c.dep_ == "acomp" and c.lemma_.lower() in entry.objects)
        if entry.cameo[:2] == DISAPPROVAL_ROOT and not _has_cause(complement):
            return None  # "he was so upset he fell ill": a feeling, disapproval only of something
        rule = f"verb:{entry.lemma}+{complement.lemma_.lower()}"  # the adjective that matched
        return Trigger(tok, tok, entry.cameo, rule, target_hint=complement)

    def _demand_trigger(self, tok: Token, trig: Trigger | None, names: set[int]) -> Trigger | None:
        """ "X said Y must end the attacks": a speech verb over a clause of obligation on someone is a
        demand (CAMEO 10), refined by what is demanded (ending attacks: 1056, as the intent table
        maps it: 0356 -> 1056)."""
        if trig is not None and trig.cameo != STATEMENT:
            return None
        if trig is None and (tok.pos_ != "VERB" or tok.lemma_ not in self.cues):
            return None
        for comp in tok.children:
            if comp.dep_ != "ccomp" or not args.explicit_subjects(comp) or is_negated(comp):
                continue
            if not any(c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX for c in comp.children):
                continue
            if any(c.dep_ == "aux" and c.lemma_ == "have" for c in comp.children):
                continue  # "Y must have known": an inference about the past, no demand
            wanted = self._trigger(comp, names)
            code = DEMAND
            if wanted is not None:
                intent = self.lexicon.intent(wanted.cameo) or wanted.cameo
                specific = DEMAND[:2] + intent[2:]
                if intent.startswith("03") and specific in self.ontology:
                    code = specific
            return Trigger(tok, tok, code, f"verb:{tok.lemma_.lower()}+{comp.lemma_.lower()}>demand")
        return None

    def _received_trigger(self, verb: Token, st: ArticleState) -> Trigger | None:
        """ "Cruz picked up an endorsement from Perry", "Kenya received aid from Japan", "won the backing
        of the party": what one receives from another is the giver's act toward the receiver (the
        event noun's code, the giver its source)."""
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in RECEIVING_VERBS or is_negated(verb):
            return None  # "has not received any endorsements from X": X endorsed nobody
        if verb.lemma_.lower() == "pick" and "up" not in _particles(verb):
            return None
        for noun in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"):
            code = self.lexicon.match_noun(noun.lemma_.lower(), _modifier_lemmas(noun))
            if code is None or code == STATEMENT:
                continue
            givers = args.prep_objects(verb, frozenset({"from"})) + args.prep_objects(
                noun, frozenset({"from"})
            )
            if not givers and verb.lemma_.lower() in ACQUIRING_VERBS:
                givers = args.prep_objects(noun, frozenset({"of"}))  # "won the support of X"
            if not any(st.actors[a].code for g in givers for a in args.actors_at(st, g)):
                continue
            receivers, _ = args.source_tokens(verb, st)
            rule = f"noun:{noun.lemma_.lower()}+received"
            return Trigger(verb, noun, code, rule, nominal=(givers, receivers))
        return None

    def _nominal_trigger(self, noun: Token, st: ArticleState) -> Trigger | None:
        """An event noun whose agent is stated: "by X", or "X's" when the patient is stated too
        ("Russia's invasion of Ukraine"; in "his arrest" the possessive is the patient)."""
        if noun.pos_ != "NOUN":
            return None
        code = self.lexicon.match_noun(noun.lemma_.lower(), _modifier_lemmas(noun))
        if code is None or code == STATEMENT:
            return None
        agent, how = args.prep_objects(noun, frozenset({"by"})), "by"
        if not agent:
            agent, how = args.at_the_hands_of(noun), "hands"  # "his killing at the hands of X"
        patient = args.prep_objects(noun, NOMINAL_PATIENT_PREPS)
        if not agent and patient:
            agent, how = [c for c in noun.children if c.dep_ == "poss"], "poss"
        # a third party's act between two sides is the light verb's ("X launched a mediation effort
        # between Y and Z"); mediation is always a third party's
        subjects = args.explicit_subjects(noun.head) if noun.dep_ == "dobj" else []
        third = any(st.token_actors.get(s.i) for s in subjects)
        reciprocal = not third and not code.startswith(MEDIATION)
        sides = args.between(noun) if not agent and not patient and reciprocal else None
        if sides is not None:
            # "clashes between X and Y", "talks between X and Y": one side acts on the other
            agent, patient, how = [sides[0]], [sides[1]], "between"
        if not agent:
            return None
        rule = f"noun:{noun.lemma_.lower()}+{how}"
        return Trigger(governing_verb(noun), noun, code, rule, nominal=(agent, patient))

    # ---------------------------------------------------------------- events of one trigger
    def _events(
        self,
        ctx: _Sentence,
        trig: Trigger,
        earlier: list[tuple[Trigger, Event]],
        *,
        use_speakers: bool = False,
    ) -> list[Event]:
        st = ctx.st
        verb = trig.token
        cameo, rule = trig.cameo, trig.rule
        status = self._assertion(ctx, trig)
        if trig.cameo != STATEMENT and asked(verb):
            return []  # "will Russia hit back when it launches strikes?": asked, not reported
        if status == "none":
            return []  # "had no plans to meet"; "cancelled the visit" is coded on "cancelled"
        if _denied(verb):
            return []  # "denied that Trump had expressed concern": the denial (016) is coded, not the act
        if trig.cameo != STATEMENT and _appealed(verb):
            return []  # "X says Y should send troops": X's appeal to Y (statements.py), not Y's act
        if _poll_result(verb):
            return []  # "troops backed X, 57 percent to 22 percent": a survey's figures, no act
        if trig.nominal is not None:
            return self._nominal_events(ctx, trig, status)
        src_toks, how = args.source_tokens(verb, st)
        cause: list[Token] | None = None
        if trig.evidence.i == verb.i and verb.lemma_.lower() in self.lexicon.experiencer_verbs:
            # "Berlin was angered by Poland's decision": who feels is the source, the cause the target
            src_toks, cause = args.experiencer_roles(verb)
            how = "experiencer"
            if not cause:
                return []  # "the industry has been troubled for years": a state, no reaction to anyone
        modality: Modality | None = status
        intent = self.lexicon.intent(cameo)
        if (
            intent is not None
            and modality_of(verb) != "asserted"
            and not is_negated(verb)
            and not is_decided(verb)
        ):
            # cooperation announced or offered, not yet done; "decided to allow" is the concession
            cameo, rule = intent, rule + ">intent"
        threat = self.lexicon.threat(cameo)
        if not (
            threat is not None
            and how in ("explicit", "inherited", "relative")
            and modality_of(verb) != "asserted"
            and not is_negated(verb)
            and not is_attempt(verb)
            and not is_decided(verb)
            and not is_underway(verb)
        ):
            threat = None
        if conditional(verb):
            if cameo[:2] in MATERIAL_CONFLICT_ROOTS or trig.cameo[:2] in CONDITIONAL_NO_EVENT_ROOTS:
                return []  # "if the US strikes", "until Iraq complies": a condition, not an act
            threat = None  # a condition on an act is no threat by its subject
        if is_negated(verb):
            negated = self.lexicon.negate(cameo)
            if negated is None:
                return []
            if negated != cameo and _not_yet(verb):
                return []  # "still had not signed", "has not yet agreed": pending, not refused
            # a conflict that did not happen is still reported, as not done; "would not negotiate"
            # is a refusal, made now
            modality = "negated" if negated == cameo else "asserted"
            cameo, rule = negated, rule + ">negated"
        sources = [a for t in src_toks for a in args.actors_at(st, t)]
        if not sources and how in ("explicit", "inherited", "object-control", "experiencer", "agent"):
            # "the UN human rights office urged": the office's owner acts; "the head of the UN
            # agency", "members of the army": the body they belong to
            sources = [a for t in src_toks for a in args.owner_actors(st, t, author=True)]
        if use_speakers and verb.i in ctx.speakers:
            sources, how = [ctx.speakers[verb.i]], "quote-speaker"  # the quotation stage found who speaks
        if trig.manner is not None and (not sources or trig.manner in src_toks):
            # "a roadside bombing by X killed", "killed in an attack by X", "US attacks killed"
            agent = args.prep_objects(trig.manner, frozenset({"by"})) + args.owner_tokens(trig.manner)
            sources = [a for t in agent for a in args.actors_at(st, t)]
            how = "manner-agent" if sources else "none"
        if not sources and src_toks and how == "explicit" and self._speaker_side(src_toks[0]):
            sources, how = self._speaker_fallback(st, verb), "speaker"
        if not sources and how == "agentless-passive" and cameo[:2] in STATE_AUTHORITY_ROOTS:
            sources, how = self._custody_country(st, verb), "location-agent"
        if not sources and how == "agentless-passive" and cameo[:2] == MOBILIZATION_ROOT:
            # "American troops were deployed to Poland": forces are sent by their own side
            deployed = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
            sources = [
                a
                for t in deployed
                for a in args.actors_at(st, t)
                if st.actors[a].sector in STATE_FORCE_SECTORS and st.actors[a].country
            ]
            how = "deployed-subject"
        # a named person is an actor even when the dictionaries do not know their country
        sources = [a for a in sources if st.actors[a].code or st.actors[a].kind == "person"]
        if not sources:
            return []
        targets: list[str | None] = [
            t for t in self._targets(st, trig, src_toks, earlier, given=cause) if t not in sources
        ]
        aimed = ""
        if not targets and threat is not None and how != "speaker":
            # "will retaliate if Israel attacks its sites": a threat is aimed at whoever must meet its
            # condition
            targets = [a for t in condition_subjects(verb) for a in args.actors_at(st, t) if a not in sources]
            aimed = " tgt:condition" if targets else ""
        if not targets and cameo[:2] in VIOLENCE_ROOTS and cause is None:
            # "Russia hit Idlib", "shelled the town of Afrin": violence done to a place is done to
            # the state it lies in (one the article names as an actor)
            state = _state_of_place_hit(st, verb, ctx.places_by_token)
            if state is not None and state not in sources:
                targets, rule = [state], rule + " tgt:place"
        if (
            verb.lemma_.lower() in AIMING_VERBS
            and cameo[:2] in VIOLENCE_ROOTS
            and targets
            and _political_voice(st, sources)
            and not _armed(st, [*sources, *targets])
            and not args.prep_objects(verb, frozenset({"with"}))
            and not self._beside_violence(st, verb)
        ):
            # "Trump has targeted Mexico, calling ...", "critics are targeting its owner": a party,
            # legislator or official aiming at an unarmed actor with no weapon named attacks in words;
            # "is targeting black voters" courts them, no event
            if all(t is not None and st.actors[t].sector == "CVL" for t in targets):
                return []
            cameo, rule = CRITICISM, rule + ">verbal"
        if cameo == APOLOGY and targets and _regrets_anothers_act(st, verb, targets):
            # "expressed regret at Russia's use of its veto": regret at another's act deplores it
            cameo, rule = CRITICISM, rule + ">deplored"
        if cameo == VERBAL_SUPPORT and verb.lemma_ in BACKING_VERBS and _armed(st, [*sources, *targets]):
            # "forces backed by Iran", "fighters backed the army": backing of or by an armed force
            # is military cooperation (062), not words of support
            cameo, rule = MILITARY_COOPERATION, rule + ">armed"
        if not targets and len(sources) > 1 and _reciprocal(cameo):
            # "A and B signed an agreement": each is the other's counterpart
            return [
                self._record(ctx, trig, cameo, rule, s, t, modality, how=f"{how} reciprocal")
                for s in sources
                for t in sources
                if s != t
            ]
        # conflict its actor plans or holds out is also a threat, coded first: "plans to impose
        # sanctions" is a threat of sanctions (1312) and the sanctions themselves, modality future;
        # "threatened to impose sanctions" is the threat alone
        codes = [(cameo, rule)]
        if threat is not None:
            # a planned act may be coded as done later; a conditional one ("would strike unless") is
            # only the threat: "if they attack us they will pay" is no attack
            held_out = is_threatened(verb) or modality_of(verb) == "hypothetical"
            codes = [(threat, rule + ">threat" + aimed)] + ([] if held_out else codes)
        # the threat is made now when the act is announced ("will strike", "plans to", "said it would
        # strike unless"); what someone "could" or "wants to" do is no threat made
        made: Modality | None = "asserted" if threat is not None and _announced(verb) else modality
        return [
            self._record(ctx, trig, code, why, s, t, made if ">threat" in why else modality, how=how)
            for code, why in codes
            for s in sources
            for t in (targets or [None])
        ]

    def _assertion(self, ctx: _Sentence, trig: Trigger) -> Modality | Literal["none"] | None:
        """ "cancelled" for an act a cancelling verb governs whose own lexicon entry does not code
        the cancelling ("postponed her trip": the trip kept, modality cancelled); "none" when the
        act is no event at all: a plan denied ("had no plans to meet"), or a cancelled act whose
        cancelling verb is coded itself ("cancelled his visit" is 160, reduce relations)."""
        word = trig.evidence
        if plan_denied(word) or plan_denied(trig.token) or opportunity_only(trig.token):
            return "none"
        stopper = cancelled_by(word) or (cancelled_by(trig.token) if trig.token.i != word.i else None)
        if stopper is None or stopper.i == word.i:
            return None
        own = self._trigger(stopper, ctx.st.non_place_tokens)
        return "none" if own is not None and own.cameo != STATEMENT else "cancelled"

    def _nominal_events(self, ctx: _Sentence, trig: Trigger, status: Modality | None = None) -> list[Event]:
        st = ctx.st
        assert trig.nominal is not None
        agent, patient = trig.nominal
        alone = trig.rule.endswith("+between")  # "between X and Y": X alone acts, on Y
        sources = [
            a for t in agent for a in args.actors_at(st, t, with_conjuncts=not alone) if st.actors[a].code
        ]
        targets: list[str | None] = [
            a for t in patient for a in args.actors_at(st, t) if st.actors[a].code and a not in sources
        ]
        return [
            self._record(ctx, trig, trig.cameo, trig.rule, s, t, status, how="nominal-agent")
            for s in sources
            for t in (targets or [None])
        ]

    def _beside_violence(self, st: ArticleState, verb: Token) -> bool:
        """ "a sniper targeting and killing officers": a verb joined to an act of violence shares it."""
        joined = [c for c in verb.children if c.dep_ == "conj"]
        if verb.dep_ == "conj":
            joined.append(verb.head)
        for tok in joined:
            trig = self._trigger(tok, st.non_place_tokens)
            if trig is not None and trig.cameo[:2] in VIOLENCE_ROOTS:
                return True
        return False

    def _speaker_side(self, subj: Token) -> bool:
        """A subject reported speech uses for the speaker's own side: "we", "I", "the two", "both", or
        a noun of ``speaker_side_heads.txt`` with no proper name or demonym of its own ("the agency
        would revoke", "crews were holding drills"). A noun naming something else ("the ship breached
        a ban", "Western countries pressured Russia") is not the speaker."""
        if subj.pos_ == "PRON":
            return subj.lower_ in ("i", "we")
        if subj.lower_ in ("two", "both"):
            return True
        named = any(
            c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("PROPN", "ADJ") for c in subj.children
        )
        return subj.lemma_.lower() in self.lexicon.speaker_side_heads and not named

    def _speaker_fallback(self, st: ArticleState, verb: Token) -> list[str]:
        """ "the two countries could meet", said by X: the governing speaker's side is the source.

        Only inside reported speech: the chain up to the speaker passes through complement clauses.
        """
        tok = verb
        for _ in range(4):
            if tok.dep_ not in ("ccomp", "xcomp") or tok.head.i == tok.i:
                return []
            tok = tok.head
            if tok.lemma_ in self.cues:
                for subj in args.explicit_subjects(tok):
                    found = args.actors_at(st, subj)
                    if found:
                        return found
        return []

    def _custody_country(self, st: ArticleState, verb: Token) -> list[str]:
        """An agentless passive act of authority done "in <country>": that country's government is the
        agent (see ``STATE_AUTHORITY_ROOTS``)."""
        for tok in args.locative_objects(verb):
            for a in st.token_actors.get(tok.i, []):
                if st.actors[a].kind == "state":
                    return [a]
        return []

    def _targets(
        self,
        st: ArticleState,
        trig: Trigger,
        src_toks: list[Token],
        earlier: list[tuple[Trigger, Event]],
        *,
        given: list[Token] | None = None,
    ) -> list[str]:
        """The target actors of a trigger: of ``given`` tokens when the caller found them (the cause
        of a feeling), else of the verb's objects and the phrases of its event noun."""
        if given is not None:
            return self._actors_of(st, given, earlier)
        toks = args.target_tokens(trig.token, src_toks)
        if trig.cameo[:2] in COOPERATION_ROOTS:
            # "help protect against Russia's actions", "cooperate against terrorism": what a
            # cooperative act is against is the adversary, not whom it is for
            toks = [t for t in toks if not (t.dep_ == "pobj" and t.head.lower_ == "against")]
        if trig.cameo == STATEMENT:  # what a statement is about is not whom it is made to
            toks = [t for t in toks if t.dep_ not in ("nsubj", "nsubjpass")]
        if trig.token.lemma_.lower() in self.lexicon.topic_verbs:
            # "discussed the Syria plan with France": the plan is the topic, France the counterpart
            # (the parser may hang "with France" on the plan)
            topics = [t for t in toks if t.dep_ == "dobj"]
            toks = [t for t in toks if t.dep_ != "dobj"]
            toks += [g for t in topics for g in args.prep_objects(t, frozenset({"with"}))]
        if trig.target_hint is not None:
            # "angry at Beijing", "concerned about Uganda's moves": a predicate adjective's phrase
            # names what the feeling is about
            hint = trig.target_hint
            if hint.dep_ == "acomp":  # "angry that Argentina left": the clause's subject too
                said = [
                    g for c in hint.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"
                ]
                toks = args.prep_objects(hint, args.CAUSE_PREPS) + said + toks
            else:
                toks = args.prep_objects(hint, args.TARGET_PREPS) + toks
        if trig.cameo[:2] == THREAT_ROOT:
            # "warned of a war with Iran", "warned of sanctions against Russia": what is warned of is
            # aimed at whom its noun's phrase names
            toks += [g for g in args.prep_objects(trig.token, WARNED_OF_PREPS) if g.pos_ == "NOUN"]
        # the object noun is the feeling itself when the lexicon entry names it ("express+anger")
        feeling = trig.cameo[:2] in ATTITUDE_ROOTS and trig.rule.startswith("verb:") and "+" in trig.rule
        preps = ATTITUDE_PREPS if feeling else OBJECT_TARGET_PREPS
        return self._actors_of(st, toks, earlier, object_preps=preps)

    def _actors_of(
        self,
        st: ArticleState,
        toks: list[Token],
        earlier: list[tuple[Trigger, Event]],
        *,
        object_preps: frozenset[str] = OBJECT_TARGET_PREPS,
    ) -> list[str]:
        """The coded actors the first of ``toks`` that names any stands for: itself, whoever did the
        event it names earlier in the sentence, or its owner ("the US decision")."""
        out: list[str] = []
        for tok in toks:
            found = args.actors_at(st, tok)
            if not found and tok.pos_ == "NOUN":
                found = self._event_noun_target(st, tok, earlier)
            if not found and tok.dep_ == "dobj" and tok.lemma_.lower() in AID_NOUNS:
                # "ended its support for the rebels": whom the aid is for, not whose it is
                found = [
                    a for m in args.prep_objects(tok, frozenset({"for", "to"})) for a in args.actors_at(st, m)
                ]
            if not found and tok.pos_ in ("NOUN", "PROPN"):
                # "the Irish premier Leo Varadkar", "the US decision", "the head of the agency"
                found = args.owner_actors(st, tok, amod=True)
            warned_of = tok.dep_ == "pobj" and tok.head.lower_ in WARNED_OF_PREPS
            if not found and tok.pos_ == "NOUN" and (tok.dep_ == "dobj" or warned_of):
                # "imposed sanctions on X", "launched an attack against X", "lift the sanctions
                # imposed on X" (the object's participle names on whom)
                holders = [tok, *(c for c in tok.children if c.dep_ == "acl" and c.tag_ == "VBN")]
                found = [
                    a
                    for h in holders
                    for m in args.prep_objects(h, object_preps)
                    # "a claim against a decision by the government": the decision's owner
                    for a in args.actors_at(st, m) or args.owner_actors(st, m)
                ]
            found = [a for a in found if st.actors[a].code]  # "both sides" names nobody codable
            out.extend(a for a in found if a not in out)
            if out:
                break
        return out

    def _event_noun_target(
        self, st: ArticleState, noun: Token, earlier: list[tuple[Trigger, Event]]
    ) -> list[str]:
        """ "denounced the charges": the target is whoever brought the charges earlier in the sentence."""
        lemma = noun.lemma_.lower()
        for trig, ev in reversed(earlier):
            if trig.evidence.lemma_.lower() == lemma and ev.source.actor_id:
                return [ev.source.actor_id]
        return []

    def _record(
        self,
        ctx: _Sentence,
        trig: Trigger,
        cameo: str,
        rule: str,
        source: str,
        target: str | None,
        modality: Modality | None = None,
        *,
        how: str,
    ) -> Event:
        st, sent, s_i = ctx.st, ctx.span, ctx.index
        code = self.ontology.get(cameo)
        verb = trig.token
        date, inherited, background = event_time(verb, trig.evidence, ctx.dates, st.published)
        when = _event_date(st, date, inherited, background, undated=is_present_perfect(verb))
        place = place_for(verb, ctx.places)
        located = ctx.locator.locate(verb, clause=place) if ctx.locator is not None else None
        if located is not None and located.rule == "dateline" and not _at_filing(st, when, background):
            located = None  # the dateline is where the story was filed, not where earlier acts were
        modality = modality or modality_of(verb)
        return Event(
            source=_side(ctx, source),
            target=_side(ctx, target) if target else None,
            cameo=code.code,
            cameo_name=code.name,
            plover=code.plover,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            date=when[0],
            date_precision=when[1],
            date_source=when[2],
            location=located.place if located else place.place if place else None,
            location_text=located.text if located else place.text if place else None,
            location_precision=located.precision if located else None,
            location_rule=located.rule if located else "",
            modality=modality,
            background=background,
            sentence_index=s_i,
            sentence_start=sent.start_char,
            sentence_end=sent.end_char,
            evidence_start=trig.evidence.idx,
            evidence_end=trig.evidence.idx + len(trig.evidence.text),
            evidence_text=trig.evidence.text,
            rule=f"{rule} src:{how}",
            confidence=0.0,  # set from the calibrated model once the sentence is coded
            trigger_rule=rule,
            source_rule=how,
        )


def _event_date(
    st: ArticleState, date: DateMention | None, inherited: bool, background: bool, *, undated: bool = False
) -> tuple[str | None, Precision, DateSource]:
    """An event's own date; else, for an act "up to now" at no stated time (a present perfect), the
    publication's month; else the publication day."""
    if date is not None and date.value is not None:
        return date.value, date.precision, "text" if not inherited else "inferred"
    if background or st.published is None:
        return None, "unknown", "publication" if not background else "inferred"
    if undated:
        return st.published.isoformat()[:7], "month", "publication"
    return st.published.isoformat(), "day", "publication"


def _announced(verb: Token) -> bool:
    """An act announced: set in the future ("will strike", "plans to impose") or said to be coming
    ("said it would retaliate")."""
    auxes = [c.lower_ for c in verb.children if c.dep_ == "aux"]
    if "have" in auxes:
        return False  # "would have restricted": what did not happen
    return modality_of(verb) == "future" or any(a in ANNOUNCING_AUX for a in auxes)


# how far from the publication day an act may be dated and still be placed at the story's dateline
DATELINE_DAYS = 7


def _at_filing(st: ArticleState, when: tuple[str | None, Precision, DateSource], background: bool) -> bool:
    """Whether an act is of the days the story was filed on, so that its dateline may place it: not
    a background act, not one dated by a month or a year ("in August"), not one more than a week away
    from the publication day."""
    date, precision, _source = when
    if background or date is None or precision != "day" or st.published is None:
        return False
    try:
        day = dt.date.fromisoformat(date)
    except ValueError:
        return False
    return abs((day - st.published).days) <= DATELINE_DAYS


def _reciprocal(cameo: str) -> bool:
    """Whether several sources of a targetless act are each other's counterparts ("A and B signed an
    agreement", "met", "agreed to cooperate"), not partners in an act on someone unnamed."""
    return cameo[:2] in RECIPROCAL_ROOTS and not cameo.startswith(ONE_WAY_CODES)


def _state_of_place_hit(st: ArticleState, verb: Token, places: Mapping[int, PlaceMention]) -> str | None:
    """The state actor (named in the article) of the place a violent verb acts on: its object, or the
    object of "on", "against", "at" or "into" ("hit Idlib", "fired rockets at Sderot"), or that of its
    object noun ("carried out airstrikes on Idlib", "imposed a siege on Ghouta")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    toks = objects + args.prep_objects(verb, AIMED_PREPS)
    toks += [g for o in objects if o.pos_ == "NOUN" for g in args.prep_objects(o, AIMED_PREPS)]
    for tok in toks:
        named = [tok, *args.prep_objects(tok, frozenset({"of"}))]  # "the town of Afrin"
        for t in named:
            mention = places.get(t.i)
            if mention is None or mention.place is None or mention.place.country is None:
                continue
            if mention.place.feature == "country":
                continue  # "attacked Syria" names the state itself, an actor the resolver found
            country = mention.place.country
            for actor in st.actors.values():
                if actor.kind == "state" and actor.country == country:
                    return actor.id
    return None


def _not_yet(verb: Token) -> bool:
    """ "has not yet signed", "still had not agreed": an act still awaited, not one refused."""
    return any(c.dep_ == "advmod" and c.lower_ in ("yet", "still") for c in verb.children)


def _without_clauses(content: list[Token], triggers: list[Token]) -> list[Token]:
    """``content`` without the coordinated clauses that hold ``triggers``; empty when a trigger's
    clause is the whole content."""
    inside = {t.i for t in content}
    dropped: set[int] = set()
    for tok in triggers:
        top = tok
        while top.dep_ != "conj" and top.head.i in inside and top.head.i != top.i:
            top = top.head
        if top.dep_ != "conj":
            return []
        dropped.update(t.i for t in top.subtree)
    return [t for t in content if t.i not in dropped]


def _said_of(st: ArticleState, verb: Token, speaker: str | None) -> tuple[str, ...]:
    """Whom a statement is said of: "X said of the president", "wrote of Y" (the verb's "of" object)."""
    return tuple(
        a
        for g in args.prep_objects(verb, frozenset({"of"}))
        for a in args.actors_at(st, g)
        if a != speaker and st.actors[a].code
    )


def _side(ctx: _Sentence, actor_id: str) -> EventSide:
    actor = ctx.st.actors[actor_id]
    mention = next((m for m in ctx.mentions if m.actor_id == actor_id), None)
    if mention is None:
        return EventSide(actor_id=actor_id, country=actor.country, code=actor.code, text=actor.name)
    return EventSide(
        actor_id=actor_id,
        country=actor.country,
        code=actor.code,
        text=mention.text,
        start=mention.start,
        end=mention.end,
    )


def _particles(tok: Token) -> set[str]:
    out = {
        c.lower_
        for c in tok.children
        if c.dep_ in ("prt", "prep", "agent", "dative") and not _is_time_phrase(c) and not _fronted(c)
    }
    out |= {c.lower_ for c in tok.children if c.dep_ == "advmod"}
    out |= {
        g.lower_
        for c in tok.children
        if c.dep_ in ("ccomp", "xcomp", "advcl")
        for g in c.children
        if g.dep_ == "mark"
    }
    return out


def _is_time_phrase(prep: Token) -> bool:
    """ "on Tuesday", "in March": a preposition whose object is a date is no particle of the verb."""
    return any(g.dep_ == "pobj" and g.ent_type_ in ("DATE", "TIME") for g in prep.children)


def _objects(tok: Token, heads: frozenset[str] = frozenset()) -> set[str]:
    """Lemmas of what the verb acts on: objects, prepositional objects, complement verbs, and the noun
    a passive participle modifies."""
    out: set[str] = set()
    for head in _participle_head(tok):
        out.update(_object_lemmas(head, heads))
        out.update(_object_lemma(g) for g in head.children if g.dep_ in ("compound", "amod"))
    for c in tok.children:
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ == "for" for g in c.children):
            out.add(c.lemma_.lower())  # "called for them to be released"
        if c.dep_ in ("xcomp", "ccomp") and c.pos_ == "VERB" and c.lemma_ in COMPLEMENT_LIGHT_VERBS:
            # "urged them to exercise restraint": what is asked for is the restraint
            out.update(g.lemma_.lower() for g in c.children if g.dep_ == "dobj")
            continue
        if c.dep_ in ("dobj", "attr", "oprd", "acomp", "ccomp", "xcomp", "advmod"):
            out.update(_object_lemmas(c, heads))
            out.update(_object_lemma(g) for g in c.children if g.dep_ in ("compound", "amod"))
        if c.dep_ in ("prep", "agent", "prt") and not _fronted(c):
            out.update(g.lemma_.lower() for g in c.children if g.dep_ in ("pobj", "pcomp"))
    return out


def _direct_objects(tok: Token, heads: frozenset[str] = frozenset()) -> set[str]:
    """Lemmas of the verb's direct objects and their modifiers (the first choice for object entries)."""
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass")] + _participle_head(tok)
    out: set[str] = set()
    for c in objects:
        out.update(_object_lemmas(c, heads))
        out.update(_object_lemma(g) for g in c.children if g.dep_ in ("compound", "amod"))
    return out


def _participle_head(tok: Token) -> list[Token]:
    """ "sanctions imposed on Iraq", "a blockade imposed by forces": the noun a passive participle
    modifies is what it acts on."""
    if tok.dep_ == "acl" and tok.tag_ == "VBN" and tok.head.pos_ in ("NOUN", "PROPN"):
        return [tok.head]
    return []


def _object_lemmas(tok: Token, heads: frozenset[str]) -> set[str]:
    """An object's lemma; for a measure, portion or nominalized movement ("700 kg of medicine", "part
    of the town", "the return of inspectors") also the lemma of its "of" object and that one's
    modifiers."""
    out = {_object_lemma(tok)}
    if tok.lemma_.lower() in heads or tok.pos_ == "NUM":
        for g in args.prep_objects(tok, frozenset({"of"})):
            out.add(_object_lemma(g))
            out.update(_object_lemma(m) for m in g.children if m.dep_ in ("compound", "amod"))
    return out


def _fronted(prep: Token) -> bool:
    """A prepositional phrase before its verb ("With the signing of X, they agreed") is a circumstance,
    not the verb's particle ("agreed with")."""
    return prep.dep_ == "prep" and prep.i < prep.head.i


def _object_lemma(tok: Token) -> str:
    """A token's lemma as an object; an amount of money ("$2 million", "€95 million") is "money"."""
    if tok.tag_ == "$" or tok.lower_ in CURRENCY_WORDS:
        return "money"
    if tok.pos_ == "NUM" and any(g.tag_ == "$" or g.lower_ in CURRENCY_WORDS for g in tok.subtree):
        return "money"
    return tok.lemma_.lower()


def _event_noun(verb: Token, lexicon: EventLexicon) -> Token | None:
    for c in verb.children:
        if c.dep_ in ("dobj", "nsubjpass") and lexicon.match_noun(c.lemma_.lower(), _modifier_lemmas(c)):
            return c
    return None


def _modifier_lemmas(noun: Token) -> list[str]:
    return [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]


def _light_verb(tok: Token) -> bool:
    """A verb whose object noun names the event ("launched an attack", "renewed talks")."""
    return tok.lemma_ in LIGHT_VERBS


def _without_vague_intents(found: list[tuple[Trigger, Event]]) -> list[tuple[Trigger, Event]]:
    """ "agreed to release the prisoners" is one intent (0353), coded on what is intended; "threatened
    to impose sanctions" one threat (1312): the governing verb's own record of that root is dropped
    when the source's governed act says it more precisely."""
    kept = [(t, ev) for t, ev in found if ev.cameo[:2] in RESTATED_ROOTS]

    def restated(t: Trigger, ev: Event) -> bool:
        return ev.cameo[:2] in RESTATED_ROOTS and any(
            _governs(t.token, t2.token)
            and ev2.source.actor_id == ev.source.actor_id
            and ev2.cameo[:2] == ev.cameo[:2]
            for t2, ev2 in kept
        )

    return [(t, ev) for t, ev in found if not restated(t, ev)]


def _without_contents(found: list[tuple[Trigger, Event]]) -> list[tuple[Trigger, Event]]:
    """What an appeal, demand, accusation, rejection or threat is about is not an event of its own:
    "urged the EU to support X" is an appeal (022), not the EU's intent to support; "declined to
    resign", "rejected an offer to host a summit", "accused X of ignoring the law", "an ultimatum to
    halt attacks" code the refusal, the accusation, the ultimatum. An act is such content when it
    hangs from the speech act through complements only (xcomp, ccomp, acl, "of"/"for" phrases)."""
    heads = [t for t, ev in found if ev.cameo[:2] in CONTENT_TAKING_ROOTS]
    if not heads:
        return found

    def governor(t: Trigger) -> Trigger | None:
        return next((h for h in heads if h.token.i != t.token.i and _complement_of(h, t.token)), None)

    kept: list[tuple[Trigger, Event]] = []
    dropped: list[tuple[Trigger, Event, Trigger]] = []
    for t, ev in found:
        h = governor(t)
        if h is None:
            kept.append((t, ev))
        else:
            dropped.append((t, ev, h))
    # "refused to meet Jordan's king": the refusal is aimed at whom the refused act was
    out: list[tuple[Trigger, Event]] = []
    for t, ev in kept:
        if ev.target is None:
            aimed = next(
                (
                    ev2.target
                    for _, ev2, h in dropped
                    if h is t and ev2.target is not None and ev2.source.actor_id == ev.source.actor_id
                ),
                None,
            )
            ev = replace(ev, target=aimed) if aimed is not None else ev
        out.append((t, ev))
    return out


def _complement_of(head: Trigger, tok: Token) -> bool:
    """Whether ``tok`` is reached from ``head`` (its verb or its event noun) through complements."""
    anchors = {head.token.i, head.evidence.i}
    cur = tok
    for _ in range(8):
        if cur.head.i == cur.i or cur.dep_ not in COMPLEMENT_DEPS:
            return False
        if cur.dep_ == "advcl" and not any(g.dep_ == "mark" and g.lower_ == "for" for g in cur.children):
            return False  # "rejected the plan, launching an attack": a second act, not the content
        cur = cur.head
        if cur.i in anchors:
            return True
    return False


def _protest_demands(found: list[tuple[Trigger, Event]], ontology: Ontology) -> list[tuple[Trigger, Event]]:
    """ "staged demonstrations to demand reforms", "marched calling for his resignation": what a
    protest demands is part of the protest (CAMEO 14 codes protests by what they demand), not an
    appeal or demand of its own. The appeal is dropped and the protest refined by what it asks for
    (a demand for a change in leadership 1041 makes a demonstration 1411)."""
    protests = [(t, ev) for t, ev in found if ev.cameo[:2] == PROTEST_ROOT]
    if not protests:
        return found
    refined: dict[int, str] = {}
    out: list[tuple[Trigger, Event]] = []
    for t, ev in found:
        host = None
        if ev.cameo[:2] in APPEAL_ROOTS:
            host = next(
                (
                    ev2
                    for t2, ev2 in protests
                    if ev2.source.actor_id == ev.source.actor_id
                    and (
                        _governs(t2.token, t.token)
                        or _governs(t2.evidence, t.token)
                        or _governs(t.token, t2.token)
                    )
                ),
                None,
            )
        if host is None:
            out.append((t, ev))
            continue
        if len(ev.cameo) == 4 and ev.cameo[:3] in REFORM_DEMANDS and len(host.cameo) == 3:
            refined[id(host)] = host.cameo + ev.cameo[3]
    return [(t, _recoded(ev, refined[id(ev)], ontology) if id(ev) in refined else ev) for t, ev in out]


def _political_voice(st: ArticleState, actor_ids: list[str]) -> bool:
    """Whether every actor is one who acts by speaking: a party, legislature, opposition, elite,
    medium, private person or group, or a named person of government or of no sector (not a state,
    not its forces)."""
    return bool(actor_ids) and all(
        st.actors[a].sector in VOICE_SECTORS
        or (st.actors[a].kind == "person" and st.actors[a].sector in (None, "GOV"))
        for a in actor_ids
    )


def _armed(st: ArticleState, actor_ids: list[str | None]) -> bool:
    """Whether one of the actors is an armed force: a military, rebels, insurgents, militants."""
    return any(
        a is not None
        and (st.actors[a].sector in ARMED_SECTORS or (st.actors[a].code or "")[:3] in ARMED_SECTORS)
        for a in actor_ids
    )


def _recoded(ev: Event, cameo: str, ontology: Ontology, *, why: str | None = None) -> Event:
    if cameo not in ontology:
        return ev
    code = ontology.get(cameo)
    return replace(
        ev,
        cameo=code.code,
        cameo_name=code.name,
        plover=code.plover,
        quad_class=code.quad_class,
        goldstein=code.goldstein,
        rule=ev.rule + (why if why is not None else f" +demand:{cameo[3]}"),
    )


def _content_tokens(doc: Doc, verb: Token, quote: Quote | None) -> list[Token]:
    """What a speech verb reports: its clause complements ("said that X ..."), else the quotation the
    quote stage tied to it."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ in ("ccomp", "parataxis") or (c.dep_ == "xcomp" and c.pos_ in ("ADJ", "VERB")):
            out.extend(c.subtree)
    if not out:
        # "called the plan reckless", "described the treaty as a disaster": what the object is said to be
        said = _characterization(verb)
        if said:
            out = sorted({t for c in verb.children if c.dep_ == "dobj" for t in c.subtree} | set(said))
    if not out and quote is not None:
        span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
        if span is not None:
            out = list(span)
    return out


def _wish_trigger(tok: Token, st: ArticleState) -> Trigger | None:
    """ "X wants Y to lower its tariffs": wanting another actor to act is an appeal to it (020); the
    wanted act is what the appeal is about. "X wants to lower tariffs" (no other actor) is not."""
    if tok.pos_ != "VERB":
        return None
    if tok.lemma_.lower() not in WISH_LEMMAS and not polite_wish(tok):  # "would like Y to explain"
        return None
    # "needs 67 delegates to win" is a purpose, not a wish
    objects = [c for c in tok.children if c.dep_ == "dobj" and c.pos_ != "PRON" and tok.lemma_ != "need"]
    for comp in tok.children:
        if comp.dep_ not in ("ccomp", "xcomp") or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in comp.children
        ):
            continue
        # "wants Y to act" as subject of the infinitive, or (as the parser may have it) the verb's object
        subj = [c for c in comp.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        subj = subj if comp.dep_ == "ccomp" else objects
        if subj and args.actors_at(st, subj[0]):
            return Trigger(tok, tok, APPEAL, f"verb:{tok.lemma_.lower()}+object-infinitive")
    return None


def _without_plain_restatements(found: list[tuple[Trigger, Event]]) -> list[tuple[Trigger, Event]]:
    """ "X repeated the charge, saying Y's plan is reckless": once what a speaker said in a
    sentence is coded by its content (criticism of Y), its plain statements there (010, 019) go."""
    read = {ev.source.actor_id for _, ev in found if ev.content_rule}
    if not read:
        return found
    return [
        (t, ev)
        for t, ev in found
        if ev.content_rule or ev.source.actor_id not in read or ev.cameo not in PLAIN_STATEMENTS
    ]


def _same_side(st: ArticleState, actor: str | None, speaker: str | None) -> bool:
    """The speaker itself, or the state the speaker speaks for ("Peru would not negotiate", said
    Peru's ambassador)."""
    if actor is None or speaker is None:
        return False
    if actor == speaker:
        return True
    a, s = st.actors[actor], st.actors[speaker]
    return a.kind == "state" and a.country is not None and a.country == s.country


def _audience(st: ArticleState, actor_id: str | None) -> bool:
    """Whom a statement is made to when they are only its listeners: the press, the public."""
    return actor_id is not None and st.actors[actor_id].sector in AUDIENCE_SECTORS


def _denied(verb: Token) -> bool:
    """An act a speaker denies ("denied that X had attacked", "denied attacking"): the clause of a
    denying verb."""
    return verb.dep_ in ("ccomp", "xcomp", "pcomp") and verb.head.lemma_ in DENYING_VERBS


def _appealed(verb: Token) -> bool:
    """An act someone says another should do ("X says Y should contribute forces"): a "should" or
    "ought" clause reported by a verb of speaking."""
    if not any(c.dep_ == "aux" and c.lower_ in APPEAL_AUX for c in verb.children):
        return False
    return any(speaks(t) for t in clause_chain(verb)[1:])


def _characterization(verb: Token) -> list[Token]:
    """What "called X Y", "described X as Y", "branded X Y" say X is: the object complement. Not "what
    he called Y": that attributes a label inside another clause, it reports no statement of its own."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if not objects or any(o.tag_ in ("WP", "WDT") for o in objects):
        return []
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ == "oprd":
            out.extend(c.subtree)
        elif c.dep_ == "prep" and c.lower_ == "as":
            out.extend(t for g in c.children if g.dep_ == "pobj" for t in g.subtree)
    return out


def _reports_something(verb: Token) -> bool:
    """A speech verb with what was said: a clause, a "that", a characterization ("called X Y") or a
    quotation right by it."""
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in verb.children) or _characterization(verb):
        return True
    near = verb.doc[max(0, verb.i - 3) : verb.i + 4]
    return any(t.text in ("\u201c", "\u201d", '"', ":") for t in near)


def _poll_result(verb: Token) -> bool:
    """A clause that reports a survey's figures: its subject is a share ("54 percent of voters said")
    or a share splits its object ("backed X, 57 percent to 22 percent")."""

    def share(t: Token) -> bool:
        return t.lemma_.lower() in SHARE_NOUNS

    def split(t: Token) -> bool:  # "57 percent to 22 percent": the "to" under the share or its head
        return any(share(g) for h in (t, t.head) for p in h.children if p.lower_ == "to" for g in p.children)

    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and share(c):
            return True
        shares = [c] if c.dep_ == "npadvmod" else [g for g in c.children if g.dep_ == "appos"]
        if any(share(t) and split(t) for t in shares):
            return True
    return False


def _foretells(st: ArticleState, verb: Token, content: list[Token]) -> bool:
    """Whether warned words foretell what a thing will do ("the decision could put X in jeopardy",
    "the crisis will spread"): the main clause's subject is no actor, pronoun or name, and the
    warning is made to no actor."""
    inside = {t.i for t in content}
    if any(c.dep_ in ("dobj", "dative") and c.i in st.token_actors for c in verb.children):
        return False  # "warning Saddam that the threat of force is real": a warning to someone
    for root in (t for t in content if t.head.i not in inside or t.head.i == t.i):
        if root.pos_ not in ("VERB", "AUX"):
            continue
        subj = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
        # "warned the decision could put ...": the parser may take the clause's subject for the
        # object of "warned"
        subj = subj or [c for c in verb.children if c.dep_ == "dobj" and c.i < root.i]
        if not subj:
            continue
        s = subj[0]
        return not (s.pos_ in ("PRON", "PROPN") or any(t.i in st.token_actors for t in s.subtree))
    return False


def _reports_state(content: list[Token]) -> bool:
    """Whether warned words report how things are or were ("warned that 400 civilians were in
    need", "warned the government was trying to force them out"), not what is to come: the main
    clause is finite, in the present or past, with no modal and no "going to"."""
    inside = {t.i for t in content}
    for root in (t for t in content if t.head.i not in inside or t.head.i == t.i):
        if root.pos_ not in ("VERB", "AUX"):
            continue
        auxes = [c for c in root.children if c.dep_ in ("aux", "auxpass")]
        if any(a.lower_ in MODAL_WORDS or a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
            return False
        if root.lemma_ == "go" and any(c.dep_ == "xcomp" for c in root.children):
            return False  # "is going to retaliate"
        return root.tag_ in ("VBD", "VBZ", "VBP") or any(a.tag_ in ("VBD", "VBZ", "VBP") for a in auxes)
    return False


def _warned_to(st: ArticleState, verb: Token, content: list[Token]) -> bool:
    """Whether a warning is made to an actor ("warning Saddam that the threat of force is real"): an
    actor object of the verb beside a clause with a subject of its own (else the parser took the
    clause's subject for the object: "warned the governments were trying to ...")."""
    if not any(c.dep_ in ("dobj", "dative") and c.i in st.token_actors for c in verb.children):
        return False
    inside = {t.i for t in content}
    roots = [t for t in content if t.head.i not in inside or t.head.i == t.i]
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for r in roots for c in r.children)


def _regrets_anothers_act(st: ArticleState, verb: Token, targets: list[str | None]) -> bool:
    """Whether the regret ``verb`` expresses is at an act of one of ``targets``: the owner or "by"
    agent of the noun after "regret at/over/about" ("regret at Russia's use of its veto", "regret over
    the decision by Kenya")."""
    feelings = [c for c in verb.children if c.dep_ == "dobj"]
    for prep in (p for f in feelings for p in f.children if p.dep_ == "prep" and p.lower_ in REGRET_PREPS):
        for act in (g for g in prep.children if g.dep_ == "pobj"):
            doers = args.owner_tokens(act) + args.prep_objects(act, frozenset({"by"}))
            if any(a in targets for d in doers for a in args.actors_at(st, d)):
                return True
    return False


def _has_cause(feeling: Token) -> bool:
    """Whether a predicate of feeling says what it is about: "angry at X", "upset that X left"."""
    if args.prep_objects(feeling, args.CAUSE_PREPS):
        return True
    # "so upset he fell ill": after "so" or "too" the clause is a result, not the cause
    degree = any(c.dep_ == "advmod" and c.lower_ in ("so", "too") for c in feeling.children)
    return not degree and any(c.dep_ in ("ccomp", "advcl") for c in feeling.children)


def _names_what_was_said(verb: Token) -> bool:
    """A speech verb in a relative clause on what was said ("nothing the president said will help",
    "the promises he made"): its own subject is no relative pronoun, so the noun it modifies is its
    object, and the clause only points at a statement made before."""
    if verb.dep_ != "relcl":
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or any(s.tag_ in ("WP", "WDT") for s in subjects):
        return False
    # "the place the government says remains closed" reports what is said of the place; a quotation
    # opening right after the verb is someone else's, attributed after it
    said = [c for c in verb.children if c.dep_ in ("ccomp", "parataxis", "dobj") and c.i > verb.i]
    return not any(verb.doc[c.left_edge.i].text not in QUOTE_MARKS for c in said)


def _calls_itself(verb: Token) -> bool:
    """ "calls himself a democratic socialist", "describes itself as neutral": a verb of naming whose
    object is its own subject (a reflexive pronoun) says what someone is, not something said."""
    return verb.lemma_.lower() in SELF_NAMING_VERBS and any(
        c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in verb.children
    )


def _governs(head: Token, tok: Token) -> bool:
    return tok.i != head.i and any(a.i == head.i for a in tok.ancestors)


def _reported_by(verb: Token, tok: Token) -> bool:
    """Whether ``tok`` is in what the speech ``verb`` reports: in a clause it governs, but not in an
    adverbial clause of its own subject on the speech verb, nor in a contrast set off by a comma
    ("X said talks would resume, while Y expressed anger": Y's act is the narrator's, not X's report)."""
    if not _governs(verb, tok):
        return False
    cur = tok
    while cur.i != verb.i:
        own_subject = any(c.dep_ in ("nsubj", "nsubjpass") for c in cur.children)
        if cur.dep_ == "advcl" and own_subject and (cur.head.i == verb.i or _contrast_after_comma(cur)):
            return False
        cur = cur.head
    return True


def _contrast_after_comma(clause: Token) -> bool:
    """ ", while Y expressed anger", ", whereas Y ...": a contrasting clause set off by a comma."""
    marks = [c for c in clause.children if c.dep_ == "mark" and c.lower_ in CONTRAST_MARKS]
    return bool(marks) and marks[0].i > 0 and marks[0].nbor(-1).text == ","


def _dates_by_verb(doc: Doc, st: ArticleState) -> dict[int, DateMention]:
    """The first date of each verb's clause; a date with a calendar value beats one without
    ("recently" or "now" before "on March 3")."""
    return clause_dates(doc, st.dates, st.published, st.quotes)


def _places_by_verb(doc: Doc, st: ArticleState) -> dict[int, PlaceMention]:
    out: dict[int, PlaceMention] = {}
    for p in st.places:
        if p.place is None or p.token_end <= p.token_start:
            continue
        root = doc[p.token_start : p.token_end].root
        prep = root.head if root.dep_ == "pobj" else None
        while root.dep_ in ("appos", "conj") and prep is None:
            root = root.head
            prep = root.head if root.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in EVENT_PLACE_PREPS:
            continue
        head = prep.head
        if head.pos_ not in ("VERB", "AUX") and not (head.dep_ == "dobj" and head.head.pos_ == "VERB"):
            continue  # "restrictions in X" places the restrictions, not the clause's event
        out.setdefault(governing_verb(prep).i, p)
    return out
