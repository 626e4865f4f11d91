"""``--lexicon DIR``: a user folder overlays or extends any event lexicon file (docs/lexicons.md)."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from spacy.language import Language

import whodid.pipeline
from whodid.cli import main
from whodid.errors import DataError, UsageError
from whodid.events import confidence, statements
from whodid.events.confidence import ConfidenceModel
from whodid.events.lexicon import LEXICON_FILES, EventLexicon, LexiconFolders, read_valences
from whodid.events.statements import StatementReader
from whodid.nlp.model import with_paragraph_rule
from whodid.ontology import DataFileError, Ontology

if TYPE_CHECKING:
    from whodid.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[2]
VERBS_HEADER = "lemma\tparticle\tobject\tcameo\tnote\n"
INVENTED = "Kenya zorbled Uganda on Tuesday."  # "zorble" is in no lexicon
FIGURATIVE = "Germany attacked the French proposal on Tuesday."
CRITICISM = "France said the German plan was inadequate."


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def _write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def _lexicon(ontology: Ontology, *folders: Path) -> EventLexicon:
    return EventLexicon.load(LexiconFolders(folders), ontology)


def _verb(
    lexicon: EventLexicon, lemma: str, objects: Collection[str] = (), particles: Collection[str] = ()
) -> str | None:
    """The code of the verb row that fits, or None (no row, or a ``-`` row)."""
    entry = lexicon.match_verb(lemma, particles, objects)
    return entry.cameo if entry is not None else None


def _events(pipeline: Pipeline, text: str) -> list[tuple[str | None, str, str | None]]:
    record = pipeline.code(text, published="2024-05-08")
    return [(e.source.code, e.cameo, e.target.code if e.target else None) for e in record.events]


# ------------------------------------------------------------------------------ through the pipeline
def test_a_user_verb_is_coded(nlp: Language, pipeline: Pipeline, tmp_path: Path) -> None:
    _write(tmp_path, "verbs.tsv", VERBS_HEADER + "zorble\t\t\t173\tan invented verb\n")
    mine = whodid.pipeline.load(nlp=nlp, lexicon_dirs=[tmp_path], min_confidence=0.0)
    assert _events(pipeline, INVENTED) == []
    assert _events(mine, INVENTED) == [("KEN", "173", "UGA")]
    assert mine.code(INVENTED).events[0].trigger_rule == "verb:zorble"


def test_a_dash_row_marks_a_figurative_sense(nlp: Language, pipeline: Pipeline, tmp_path: Path) -> None:
    # whodid codes "attacked the proposal" as criticism (111); this user's coding leaves it out
    _write(tmp_path, "verbs.tsv", VERBS_HEADER + "attack\t\tproposal\t-\tnot coded in our project\n")
    mine = whodid.pipeline.load(nlp=nlp, lexicon_dirs=[tmp_path], min_confidence=0.0)
    assert ("DEU", "111", "FRA") in _events(pipeline, FIGURATIVE)
    assert _events(mine, FIGURATIVE) == []
    # whodid's row keeps its other objects, and its bare row is untouched
    assert ("DEU", "111", "FRA") in _events(mine, "Germany attacked the French policy on Tuesday.")
    assert ("RUS", "190", "UKR") in _events(mine, "Russia attacked Ukraine on Tuesday.")


def test_a_replaced_valence_changes_how_a_statement_is_read(
    nlp: Language, pipeline: Pipeline, tmp_path: Path
) -> None:
    # the same word in two folders is no duplicate: the later folder's valence is the one read
    harsh = _write(tmp_path / "harsh", "valence.tsv", "word\tvalence\tnote\ninadequate\t-3.0\t\n")
    kind = _write(tmp_path / "kind", "valence.tsv", "word\tvalence\tnote\ninadequate\t3.0\tpraise here\n")
    read_harsh = whodid.pipeline.load(nlp=nlp, lexicon_dirs=[kind, harsh], min_confidence=0.0)
    read_kind = whodid.pipeline.load(nlp=nlp, lexicon_dirs=[harsh, kind], min_confidence=0.0)
    assert ("FRA", "111", "DEU") in _events(read_harsh, CRITICISM)
    assert ("FRA", "051", "DEU") in _events(read_kind, CRITICISM)
    assert ("FRA", "111", "DEU") not in _events(read_kind, CRITICISM)


def test_a_packaged_valence_is_replaced_without_a_duplicate_error(tmp_path: Path) -> None:
    packaged = read_valences(LexiconFolders().base / "valence.tsv")
    word = next(iter(packaged))
    value = 0.5 if packaged[word] != 0.5 else -0.5
    _write(tmp_path, "valence.tsv", f"word\tvalence\tnote\n{word}\t{value}\t\nzorbish\t-2\t\n")
    reader = StatementReader.load(LexiconFolders((tmp_path,)))
    assert reader.evaluative[word] == reader.valences[word] == value
    assert reader.evaluative["zorbish"] == -2.0
    assert len(reader.evaluative) == len(packaged) + 1


# --------------------------------------------------------------------------------- verbs.tsv by key
def test_a_verb_row_takes_over_only_the_objects_it_names(tmp_path: Path, ontology: Ontology) -> None:
    packaged = EventLexicon.load(ontology=ontology)
    assert _verb(packaged, "impose", {"tariff"}) == "163"
    lexicon = _lexicon(ontology, _write(tmp_path, "verbs.tsv", VERBS_HEADER + "impose\t\ttariff\t172\t\n"))
    assert _verb(lexicon, "impose", {"tariff"}) == "172"
    # the packaged row keeps its other objects, and no bare "impose" row appears
    assert _verb(lexicon, "impose", {"sanction"}) == "163"
    assert _verb(lexicon, "impose", {"breakfast"}) is None


def test_a_bare_verb_row_replaces_only_the_bare_row(tmp_path: Path, ontology: Ontology) -> None:
    lexicon = _lexicon(
        ontology, _write(tmp_path, "verbs.tsv", VERBS_HEADER + "attack\t\t\t-\tsports pages\n")
    )
    assert _verb(lexicon, "attack", {"army"}) is None
    assert _verb(lexicon, "attack", {"website"}) == "176"
    assert _verb(EventLexicon.load(ontology=ontology), "attack", {"army"}) == "190"


def test_an_object_that_empties_a_packaged_row_removes_it(tmp_path: Path, ontology: Ontology) -> None:
    lexicon = _lexicon(ontology, _write(tmp_path, "verbs.tsv", VERBS_HEADER + "impose\t\tcurfew\t172\t\n"))
    codes = [e.cameo for e in lexicon.verb_entries("impose")]
    assert "1723" not in codes and "172" in codes


def test_later_folders_win(tmp_path: Path, ontology: Ontology) -> None:
    first = _write(tmp_path / "first", "verbs.tsv", VERBS_HEADER + "zorble\t\t\t173\t\n")
    second = _write(tmp_path / "second", "verbs.tsv", VERBS_HEADER + "zorble\t\t\t051\t\n")
    assert _verb(_lexicon(ontology, first, second), "zorble") == "051"
    assert _verb(_lexicon(ontology, second, first), "zorble") == "173"


def test_a_user_row_wins_a_tie_of_specificity(tmp_path: Path, ontology: Ontology) -> None:
    # "call for release" (0253) and a user's "call for talks" are equally specific: with both objects,
    # the user's row fires
    folder = _write(tmp_path, "verbs.tsv", VERBS_HEADER + "call\tfor\ttalks\t0254\t\n")
    assert _verb(_lexicon(ontology, folder), "call", {"release", "talks"}, {"for"}) == "0254"
    assert _verb(EventLexicon.load(ontology=ontology), "call", {"release", "talks"}, {"for"}) == "0253"


# ------------------------------------------------------------------------------ other keyed tables
def test_keyed_tables_are_replaced_and_extended(tmp_path: Path, ontology: Ontology) -> None:
    _write(tmp_path, "nouns.tsv", "lemma\tcameo\tnote\nsanction\t172\t\nzorbling\t173\t\n")
    _write(tmp_path, "intent.tsv", "cameo_prefix\tintent_cameo\tnote\n04\t-\tno intent to meet\n")
    _write(tmp_path, "threat.tsv", "cameo_prefix\tthreat_cameo\tnote\n18\t1384\t\n")
    _write(tmp_path, "negation.tsv", "cameo_prefix\tnegated_cameo\tnote\n013\t-\t\n")
    packaged = EventLexicon.load(ontology=ontology)
    lexicon = _lexicon(ontology, tmp_path)
    assert packaged.noun("sanction") not in (None, "172") and lexicon.noun("sanction") == "172"
    assert lexicon.noun("zorbling") == "173" and lexicon.noun("talks") == packaged.noun("talks")
    assert packaged.intent("042") is not None and lexicon.intent("042") is None
    assert lexicon.intent("071") == packaged.intent("071")
    assert lexicon.threat("18") == "1384" and lexicon.threat("19") == packaged.threat("19")
    assert packaged.negate("013") is not None and lexicon.negate("013") is None


def test_confidence_weights_are_replaced_and_extended(tmp_path: Path) -> None:
    _write(tmp_path, "confidence.tsv", "feature\tweight\tnote\nbias\t1.5\t\nmy:feature\t-2\t\n")
    packaged = ConfidenceModel.load()
    model = ConfidenceModel.load(LexiconFolders((tmp_path,)))
    assert model.weights["bias"] == 1.5 and model.weights["my:feature"] == -2.0
    assert model.weights["how:explicit"] == packaged.weights["how:explicit"]


# ---------------------------------------------------------------------------------------- word lists
def test_a_word_list_adds_and_removes_words(tmp_path: Path, ontology: Ontology) -> None:
    _write(tmp_path, "generic_heads.txt", "# mine\nendeavour\n-effort   # not in our papers\n-nonesuch\n")
    packaged = EventLexicon.load(ontology=ontology)
    lexicon = _lexicon(ontology, tmp_path)
    mediation = packaged.noun("mediation")
    assert mediation is not None and packaged.match_noun("effort", ["mediation"]) == mediation
    assert lexicon.match_noun("endeavour", ["mediation"]) == mediation
    assert lexicon.match_noun("effort", ["mediation"]) is None
    assert lexicon.match_noun("campaign", ["mediation"]) == mediation  # the other packaged words stay


def test_accusation_words_overlay_the_statement_reader(tmp_path: Path) -> None:
    _write(tmp_path, "accusation.txt", "skulduggery\n-lie\n")
    reader = StatementReader.load(LexiconFolders((tmp_path,)))
    assert "skulduggery" in reader.accusations and "lie" not in reader.accusations
    assert "fraud" in reader.accusations and "lie" in StatementReader.load().accusations


def test_a_removal_line_is_a_user_folder_s_only(tmp_path: Path, ontology: Ontology) -> None:
    packaged = LexiconFolders().base
    for name in LEXICON_FILES:
        _write(tmp_path, name, (packaged / name).read_text(encoding="utf-8"))
    _write(tmp_path, "generic_heads.txt", "effort\n-campaign\n")
    with pytest.raises(DataFileError, match=r"generic_heads\.txt:2: malformed"):
        EventLexicon.load(tmp_path, ontology)  # one folder as the base: nothing to remove from


# ------------------------------------------------------------------------------------------- errors
def test_an_unknown_file_name_is_a_catalogued_error(tmp_path: Path) -> None:
    _write(tmp_path, "verb.tsv", VERBS_HEADER)
    with pytest.raises(DataError) as caught:
        LexiconFolders((tmp_path,))
    assert caught.value.code == "E306"
    assert str(tmp_path / "verb.tsv") in caught.value.message
    assert all(name in caught.value.message for name in LEXICON_FILES)


def test_hidden_files_are_passed_over(tmp_path: Path, ontology: Ontology) -> None:
    _write(tmp_path, ".DS_Store", "")
    assert _verb(_lexicon(ontology, tmp_path), "attack") == "190"


def test_a_missing_folder_is_a_catalogued_error(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as caught:
        LexiconFolders((tmp_path / "nope",))
    assert caught.value.code == "E410" and "--lexicon" in caught.value.message


@pytest.mark.parametrize(
    ("name", "text", "line", "code"),
    [
        ("verbs.tsv", VERBS_HEADER + "zorble\t\t\t173\t\nZorble Twice\t\t\t173\t\n", 3, "E302"),
        ("verbs.tsv", VERBS_HEADER + "zorble\t\t\t999\t\n", 2, "E304"),
        ("verbs.tsv", VERBS_HEADER + "zorble\t\ta|b\t173\t\nzorble\t\tb\t051\t\n", 3, "E303"),
        ("nouns.tsv", "lemma\tcameo\tnote\nzorbling\t\n", 2, "E304"),
        ("valence.tsv", "# mine\nword\tvalence\tnote\ngrand\tvery\t\n", 3, "E302"),
        ("valence.tsv", "word\tvalence\tnote\ngrand\t2\t\ngrand\t3\t\n", 3, "E303"),
        ("generic_heads.txt", "endeavour\n-Effort\n", 2, "E302"),
        ("intent.tsv", "cameo_prefix\tintent_cameo\tnote\n99\t036\t\n", 2, "E302"),
    ],
)
def test_a_bad_user_line_names_file_and_line(
    tmp_path: Path, ontology: Ontology, name: str, text: str, line: int, code: str
) -> None:
    _write(tmp_path, name, text)
    with pytest.raises(DataFileError) as caught:
        _lexicon(ontology, tmp_path)
        StatementReader.load(LexiconFolders((tmp_path,)))
    assert caught.value.code == code
    assert f"{tmp_path / name}:{line}:" in caught.value.message


def test_a_wrong_header_in_a_user_file_is_reported(tmp_path: Path) -> None:
    _write(tmp_path, "confidence.tsv", "feature\tweight\nbias\t1\n")
    with pytest.raises(DataFileError, match=r"confidence\.tsv:1: malformed entry \(expected the header"):
        ConfidenceModel.load(LexiconFolders((tmp_path,)))


def test_every_lexicon_file_is_known_and_documented() -> None:
    assert {statements.VALENCE_FILE, statements.ACCUSATION_FILE, confidence.CONFIDENCE_FILE} <= set(
        LEXICON_FILES
    )
    assert all((LexiconFolders().base / name).is_file() for name in LEXICON_FILES)
    docs = (ROOT / "docs" / "lexicons.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in docs for name in LEXICON_FILES)
    assert "docs/lexicons.md" in (ROOT / "README.md").read_text(encoding="utf-8")
    assert "lexicons.md" in (ROOT / "docs" / "pipeline.md").read_text(encoding="utf-8")


# ---------------------------------------------------------------------------------- command line
@pytest.fixture
def session_model(nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    """``whodid code`` in-process reuses the session's model instead of loading its own."""
    monkeypatch.setattr(whodid.pipeline, "load_model", lambda _name: with_paragraph_rule(nlp))


@pytest.mark.usefixtures("session_model")
def test_code_with_lexicon_folders(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "article.txt"
    article.write_text(f"{INVENTED} {FIGURATIVE}\n", encoding="utf-8")
    verbs = _write(tmp_path / "verbs", "verbs.tsv", VERBS_HEADER + "zorble\t\t\t173\t\n")
    senses = _write(tmp_path / "senses", "verbs.tsv", VERBS_HEADER + "attack\t\tproposal\t-\t\n")
    args = ["code", str(article), "--published", "2024-05-08", "--min-confidence", "0"]
    assert main([*args, "--lexicon", str(verbs), "--lexicon", str(senses)]) == 0
    events = {(e["cameo"], e["rule"].split()[0]) for e in json.loads(capsys.readouterr().out)["events"]}
    assert ("173", "verb:zorble") in events
    assert not any(rule.startswith("verb:attack") for _, rule in events)
    assert main(args) == 0  # without the folders: whodid's own lexicon
    events = {(e["cameo"], e["rule"].split()[0]) for e in json.loads(capsys.readouterr().out)["events"]}
    assert "111" in {code for code, rule in events if rule.startswith("verb:attack+")}
    assert not any(rule == "verb:zorble" for _, rule in events)


@pytest.mark.usefixtures("session_model")
def test_code_with_a_bad_lexicon_folder_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "article.txt"
    article.write_text(INVENTED + "\n", encoding="utf-8")
    folder = _write(tmp_path / "mine", "verbs.tsv", VERBS_HEADER + "zorble\t\t\tzap\t\n")
    assert main(["code", str(article), "--lexicon", str(folder)]) == 2
    err = capsys.readouterr().err
    assert re.match(rf"whodid: error E304: {re.escape(str(folder / 'verbs.tsv'))}:2: unknown CAMEO code", err)
    _write(folder, "Verbs.TSV", "")
    assert main(["code", str(article), "--lexicon", str(folder)]) == 2
    assert "whodid: error E306:" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["code", "ingest", "eval"])
def test_help_says_what_lexicon_does(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--lexicon DIR" in text and "docs/lexicons.md" in text and "Example: --lexicon" in text
