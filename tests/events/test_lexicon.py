"""The event lexicon: coverage of CAMEO, specificity of verb entries, nouns, negation, bad data."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
from spacy.language import Language

from whodid.events.lexicon import (
    DEFAULT_DIR,
    EXPERIENCER_FILE,
    FIGURATIVE_FILE,
    GENERIC_FILE,
    INTENT_FILE,
    NEGATION_FILE,
    NO_EVENT,
    NOUNS_FILE,
    OBJECT_HEADS_FILE,
    SAME_EVENT,
    SPEAKER_SIDE_FILE,
    THREAT_FILE,
    TOPIC_VERBS_FILE,
    VERBS_FILE,
    EventLexicon,
)
from whodid.ontology import Ontology

# general news verbs the lexicon must know
_CORE_VERBS_TEXT = """
say announce accuse criticize condemn denounce deny reject threaten warn urge call appeal demand meet
visit host negotiate talk sign agree cooperate praise support aid give send provide release free arrest
detain hold charge sentence jail sanction impose expel ban block boycott protest rally march strike
attack bomb shell kill shoot fire invade occupy seize kidnap abduct besiege clash fight mobilize deploy
investigate probe apologize forgive retreat withdraw yield compromise concede cede ease lift mediate
welcome thank congratulate express expect hope
"""
CORE_VERBS = tuple(_CORE_VERBS_TEXT.split())


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


@pytest.fixture(scope="module")
def lexicon(ontology: Ontology) -> EventLexicon:
    return EventLexicon.load(ontology=ontology)


# ------------------------------------------------------------------------------------------ coverage
def test_every_code_exists_in_the_ontology(lexicon: EventLexicon, ontology: Ontology) -> None:
    codes = {e.cameo for e in lexicon.iter_verb_entries() if e.cameo != NO_EVENT} | set(
        lexicon.nouns.values()
    )
    codes |= {c for c in lexicon.negation_rules.values() if c is not None and c != SAME_EVENT}
    assert codes and all(code in ontology for code in codes)


def test_figurative_senses_are_no_event_and_literal_ones_stay(lexicon: EventLexicon) -> None:
    assert lexicon.match_verb("fight", {"for"}, {"right"}) is None  # fighting for a cause
    assert lexicon.match_verb("fight", set(), {"corruption"}) is None
    assert lexicon.match_verb("beat", set(), {"expectation"}) is None
    assert lexicon.match_verb("attack", set(), {"record"}).cameo == "111"  # a verbal attack
    assert lexicon.match_verb("fight", set(), {"rebel"}).cameo == "190"
    assert lexicon.match_verb("attack", set(), {"village"}).cameo == "190"


def test_every_root_has_at_least_three_verb_entries(lexicon: EventLexicon) -> None:
    per_root = Counter(e.cameo[:2] for e in lexicon.iter_verb_entries())
    assert {f"{r:02d}" for r in range(1, 21)} <= set(per_root)
    assert min(per_root.values()) >= 3


def test_every_root_has_an_event_noun(lexicon: EventLexicon) -> None:
    assert {code[:2] for code in lexicon.nouns.values()} == {f"{r:02d}" for r in range(1, 21)}


@pytest.mark.parametrize("lemma", CORE_VERBS)
def test_core_news_verbs_are_known(lexicon: EventLexicon, lemma: str) -> None:
    assert lexicon.has_verb(lemma)


def test_entries_are_ordered_most_specific_first(lexicon: EventLexicon) -> None:
    for lemma in {e.lemma for e in lexicon.iter_verb_entries()}:
        ranks = [e.specificity for e in lexicon.verb_entries(lemma)]
        assert ranks == sorted(ranks, reverse=True), lemma


# ------------------------------------------------------------------------------------------ matching
def test_specificity_call_for_release(lexicon: EventLexicon) -> None:
    with_object = lexicon.match_verb("call", ["for"], ["release"])
    with_particle = lexicon.match_verb("call", ["for"], ["thing"])
    bare = lexicon.match_verb("call", [], [])
    assert with_object is not None and with_object.cameo == "0253"
    assert with_object.specificity == 3
    assert with_particle is not None and with_particle.cameo[:2] == "02" and with_particle.particle == "for"
    assert with_particle.specificity == 1
    assert bare is not None and bare.cameo[:2] != "02" and bare.specificity == 0


@pytest.mark.parametrize(
    ("lemma", "particles", "objects", "cameo"),
    [
        ("impose", [], ["sanction"], "163"),
        ("impose", [], ["curfew"], "1723"),
        ("express", [], ["concern"], "012"),
        ("express", [], ["condolence"], "018"),
        ("have", [], ["expectation"], "013"),
        ("hold", ["in"], ["custody"], "173"),
        ("hold", [], ["talk"], "040"),
        ("charge", ["with"], ["spying"], "1125"),
        ("charge", ["with"], ["fraud"], "173"),
        ("accuse", [], [], "112"),
        ("lift", [], ["sanction"], "085"),
        ("withdraw", [], ["ambassador"], "161"),
        ("withdraw", ["from"], ["talk"], "164"),
        ("withdraw", ["from"], ["city"], "0874"),
        ("crack", ["down"], [], "175"),
        ("pull", ["out"], [], "0874"),
        ("meet", ["with"], [], "040"),
        ("compromise", [], [], "080"),
        ("reject", [], ["accusation"], "016"),
        ("refuse", [], ["release"], "1243"),
        ("demand", [], ["release"], "1053"),
        ("threaten", [], ["sanction"], "1312"),
        ("Denounce", [], [], "111"),
    ],
)
def test_match_verb(
    lexicon: EventLexicon, lemma: str, particles: list[str], objects: list[str], cameo: str
) -> None:
    entry = lexicon.match_verb(lemma, particles, objects)
    assert entry is not None and entry.cameo == cameo


def test_object_entry_beats_particle_entry(lexicon: EventLexicon) -> None:
    # "agreed with X on a ceasefire": the object says more than the particle
    entry = lexicon.match_verb("agree", ["with"], ["ceasefire"])
    assert entry is not None and entry.objects and entry.particle is None
    only_particle = lexicon.match_verb("agree", ["with"], [])
    assert only_particle is not None and only_particle.cameo == "019"


def test_required_particle_and_object_must_be_present(lexicon: EventLexicon) -> None:
    assert lexicon.match_verb("crack", [], []) is None  # "crack" alone is no event
    assert lexicon.match_verb("impose", [], ["tax-free"]) is None
    assert lexicon.match_verb("no-such-verb", ["for"], ["release"]) is None
    assert lexicon.verb_entries("no-such-verb") == ()
    assert not lexicon.has_verb("no-such-verb")


# ------------------------------------------------------------------------------------------ nouns
@pytest.mark.parametrize(
    ("lemma", "cameo"),
    [
        ("sanction", "163"),
        ("countermeasure", "163"),
        ("talk", "040"),
        ("summit", "040"),
        ("attack", "190"),
        ("Ceasefire", "0871"),
        ("hunger  strike", "142"),
    ],
)
def test_nouns(lexicon: EventLexicon, lemma: str, cameo: str) -> None:
    assert lexicon.noun(lemma) == cameo


def test_match_noun_prefers_a_listed_phrase(lexicon: EventLexicon) -> None:
    assert lexicon.match_noun("strike", ["hunger"]) == "142"
    assert lexicon.match_noun("strike", ["drone"]) == "1952"
    assert lexicon.match_noun("strike", ["big"]) == lexicon.noun("strike")
    assert lexicon.noun("table") is None


def test_a_figurative_modifier_takes_a_conflict_noun_out_of_the_fight(lexicon: EventLexicon) -> None:
    assert lexicon.match_noun("battle", ["ideological"]) is None
    assert lexicon.match_noun("war", ["price"]) is None
    assert lexicon.match_noun("battle", ["fierce"]) == lexicon.noun("battle") is not None
    # only conflict nouns: "trade talks" are still talks
    assert lexicon.match_noun("talk", ["trade"]) == lexicon.noun("talk") is not None


# ------------------------------------------------------------------------------------------ negation
@pytest.mark.parametrize(
    ("cameo", "negated"),
    [
        ("035", "124"),
        ("080", "124"),
        ("0353", "1243"),
        ("0841", "1243"),
        ("036", "125"),
        ("040", "125"),
        ("046", "125"),
        ("045", "126"),
        ("057", "127"),
        ("051", "120"),
        ("061", "1211"),
        ("073", "1223"),
        ("013", "012"),
    ],
)
def test_negated_cooperation_becomes_rejection(lexicon: EventLexicon, cameo: str, negated: str) -> None:
    assert lexicon.negate(cameo) == negated


@pytest.mark.parametrize("cameo", ["010", "0253", "090", "100", "112", "120", "130"])
def test_negated_statement_appeal_or_verbal_conflict_is_no_event(lexicon: EventLexicon, cameo: str) -> None:
    assert lexicon.negate(cameo) is None


@pytest.mark.parametrize("cameo", ["141", "163", "173", "190", "202"])
def test_negated_material_conflict_stays_the_same_event(lexicon: EventLexicon, cameo: str) -> None:
    assert lexicon.negate(cameo) == cameo  # the coder marks it modality "negated"


def test_every_negated_code_is_pessimism_statement_or_rejection(
    lexicon: EventLexicon, ontology: Ontology
) -> None:
    for code in ontology:
        negated = lexicon.negate(code.code)
        assert negated is None or negated[:2] in ("01", "12") or negated == code.code, code.code
        if "03" <= code.code[:2] <= "08":
            assert negated is not None, code.code


# ------------------------------------------------------------------------------------------ bad data
def _copy_data(tmp_path: Path) -> Path:
    for name in (
        VERBS_FILE,
        NOUNS_FILE,
        NEGATION_FILE,
        INTENT_FILE,
        GENERIC_FILE,
        THREAT_FILE,
        OBJECT_HEADS_FILE,
        TOPIC_VERBS_FILE,
        FIGURATIVE_FILE,
        EXPERIENCER_FILE,
        SPEAKER_SIDE_FILE,
    ):
        shutil.copy(DEFAULT_DIR / name, tmp_path / name)
    return tmp_path


def _append(path: Path, line: str) -> int:
    """Append a line; returns its line number."""
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([*lines, line]) + "\n", encoding="utf-8")
    return len(lines) + 1


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        (VERBS_FILE, "attack\t190", "columns"),
        (VERBS_FILE, "Attack\t\t\t190\tbad lemma", "lemma"),
        (VERBS_FILE, "attack\tat\tcity|Town\t190\tbad object", "object"),
        (VERBS_FILE, "zap\t\t\t999\tunknown code", "unknown CAMEO code '999'"),
        (VERBS_FILE, "attack\t\t\t193\tsecond bare entry", "duplicate"),
        (VERBS_FILE, "impose\t\tsanction\t172\tobject listed twice", "duplicate"),
        (NOUNS_FILE, "zap\t36\tno leading zero", "unknown CAMEO code '36'"),
        (NOUNS_FILE, "attack\t190\tlisted twice", "duplicate"),
        (NEGATION_FILE, "99\t-\tno such root", "prefix"),
        (NEGATION_FILE, "19\t-\tlisted twice", "duplicate"),
        (NEGATION_FILE, "0871\t888\tunknown target", "unknown CAMEO code '888'"),
        (INTENT_FILE, "04\t036\tlisted twice", "duplicate"),
        (INTENT_FILE, "99\t030\tno such root", "prefix"),
    ],
)
def test_malformed_row_names_file_and_line(tmp_path: Path, name: str, line: str, message: str) -> None:
    folder = _copy_data(tmp_path)
    number = _append(folder / name, line)
    with pytest.raises(ValueError, match=message) as info:
        EventLexicon.load(folder)
    assert f"{name}:{number}:" in str(info.value)


def test_wrong_header_is_reported(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    (folder / NOUNS_FILE).write_text("noun\tcode\tnote\nattack\t190\t\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"{NOUNS_FILE}:1:.*header"):
        EventLexicon.load(folder)


def test_note_column_may_be_left_out(tmp_path: Path) -> None:
    folder = _copy_data(tmp_path)
    _append(folder / VERBS_FILE, "zap\t\t\t190")
    assert EventLexicon.load(folder).match_verb("zap", [], []) is not None


# ------------------------------------------------------------------------------------------ with spaCy
@pytest.mark.parametrize(
    ("sentence", "word", "cameo"),
    [
        ("Rebels shelled the town.", "shelled", "194"),
        ("The minister hoped for progress.", "hoped", "013"),
        ("Police detained two activists.", "detained", "173"),
        ("The army besieged the city.", "besieged", "191"),
        ("Officials criticised the plan.", "criticised", "111"),
        ("Beijing freed the prisoners.", "freed", "0841"),
    ],
)
def test_model_lemmas_reach_entries(
    nlp: Language, lexicon: EventLexicon, sentence: str, word: str, cameo: str
) -> None:
    token = next(t for t in nlp(sentence) if t.text == word)
    entry = lexicon.match_verb(token.lemma_, [], [])
    assert entry is not None and entry.cameo == cameo


def test_intent_maps_announced_cooperation_to_root_03(lexicon: EventLexicon) -> None:
    assert lexicon.intent("042") == "036"
    assert lexicon.intent("0874") == "0356"
    assert lexicon.intent("071") == "0331"
    assert lexicon.intent("190") is None  # conflict keeps its code; modality says it has not happened


def test_dismissing_a_suggestion_rejects_it_and_dismissing_a_charge_denies_it(lexicon: EventLexicon) -> None:
    suggestion = lexicon.match_verb("dismiss", [], ["suggestion"])
    charge = lexicon.match_verb("dismiss", [], ["allegation"])
    assert suggestion is not None and suggestion.cameo[:2] == "12"
    assert charge is not None and charge.cameo == "016"
    rejected = lexicon.match_verb("reject", [], ["suggestion"])
    assert rejected is not None and rejected.cameo[:2] == "12"


def test_forces_meeting_forces_is_no_meeting(lexicon: EventLexicon) -> None:
    assert lexicon.match_verb("meet", [], ["force"]) is None  # an armed encounter, not talks
    assert lexicon.match_verb("meet", [], ["criticism"]) is None  # "met with criticism"
    meeting = lexicon.match_verb("meet", [], ["leader"])
    assert meeting is not None and meeting.cameo == "040"
