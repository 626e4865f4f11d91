"""The CAMEO ontology table: scores, quad classes, PLOVER types, lookups and error messages."""

from __future__ import annotations

import csv
import importlib.util
import json
import shutil
import sys
from pathlib import Path
from types import ModuleType

import pytest

from whodid.errors import DataError
from whodid.ontology import DEFAULT_DIR, TABLE_NAME, CameoCode, Ontology, UnknownCodeError

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return Ontology.load()


def test_table_has_every_code(ontology: Ontology) -> None:
    assert len(ontology) == 298
    assert {c.code[:2] for c in ontology} == {f"{r:02d}" for r in range(1, 21)}


def test_known_goldstein_scores(ontology: Ontology) -> None:
    assert ontology.get("190").goldstein == -10.0
    assert ontology.get("057").goldstein == 8.0
    assert ontology.get("0253").goldstein == -0.3
    assert ontology.get("112").goldstein == -2.0


# Codes whose score whodid's table used to give differently from GDELT's Goldstein table; the values
# are GDELT's (its CAMEO.goldsteinscale.txt, as in ../shared/reference/goldstein_gdelt.tsv).
GDELT_SCORES = {
    "016": -2.0,
    "020": 3.0,
    "022": 3.2,
    "034": 7.0,
    "087": 9.0,
    "164": -7.0,
    "165": -6.5,
    "166": -7.0,
    "172": -5.0,
    "200": -10.0,
    "204": -10.0,
    "2041": -10.0,
    "2042": -10.0,
}


@pytest.mark.parametrize(("code", "score"), sorted(GDELT_SCORES.items()))
def test_goldstein_scores_are_gdelts(ontology: Ontology, code: str, score: float) -> None:
    assert ontology.get(code).goldstein == score


def _gdelt_scores(shared_dir: Path) -> dict[str, float]:
    path = shared_dir / "reference" / "goldstein_gdelt.tsv"
    if not path.is_file():
        pytest.skip("goldstein_gdelt.tsv is not in ../shared/reference")
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {row["CAMEOEVENTCODE"].strip(): float(row["GOLDSTEINSCALE"]) for row in rows}


@pytest.mark.shared
def test_every_code_in_gdelts_table_has_gdelts_score(ontology: Ontology, shared_dir: Path) -> None:
    gdelt = _gdelt_scores(shared_dir)
    ours = {c.code: c.goldstein for c in ontology}
    assert {code: ours[code] for code in gdelt if code in ours} == {
        code: score for code, score in gdelt.items() if code in ours
    }
    # the codes only one side has: GDELT's two-digit roots (not event codes of whodid's table), and
    # newer CAMEO codes GDELT's table predates (they keep CAMEO's score or their parent's)
    assert set(gdelt) - set(ours) == {f"{root:02d}" for root in range(1, 21)}
    assert set(ours) - set(gdelt) == {"1213", "1214", "155", "176", "1834", "1951", "1952"}


@pytest.mark.parametrize(("code", "parent"), [("1032", "103"), ("1214", "121"), ("1434", "143")])
def test_sub_code_without_score_takes_parent_score(ontology: Ontology, code: str, parent: str) -> None:
    assert ontology.get(code).goldstein == ontology.get(parent).goldstein


def test_three_digit_code_without_score_takes_root_score(ontology: Ontology) -> None:
    # 017 has no score of its own; its parent is the root's generic code 010
    assert ontology.parent("017") == "010"
    assert ontology.get("017").goldstein == ontology.get("010").goldstein


@pytest.mark.parametrize(
    ("code", "quad"),
    [
        ("010", 1),
        ("0253", 1),
        ("036", 1),
        ("046", 1),
        ("057", 1),
        ("060", 2),
        ("073", 2),
        ("0874", 2),
        ("090", 3),
        ("1053", 3),
        ("112", 3),
        ("124", 3),
        ("139", 3),
        ("141", 4),
        ("154", 4),
        ("163", 4),
        ("173", 4),
        ("1823", 4),
        ("190", 4),
        ("2042", 4),
    ],
)
def test_quad_class_by_root(ontology: Ontology, code: str, quad: int) -> None:
    assert ontology.get(code).quad_class == quad


def test_every_code_has_the_quad_class_of_its_root(ontology: Ontology) -> None:
    expected = {**dict.fromkeys(range(1, 6), 1), **dict.fromkeys(range(6, 9), 2)}
    expected |= {**dict.fromkeys(range(9, 14), 3), **dict.fromkeys(range(14, 21), 4)}
    assert all(c.quad_class == expected[int(c.code[:2])] for c in ontology)


def test_plover_types(ontology: Ontology) -> None:
    assert ontology.get("112").plover == "ACCUSE"
    assert ontology.get("163").plover == "COERCE"  # the table's own type, not its root's
    assert ontology.get("0874").plover == "RETREAT"
    assert ontology.get("1834").plover == "ASSAULT"  # not in the table: inherits 183's
    assert ontology.get("0253").plover is None  # appeals have no PLOVER line


def test_plover_modes_and_contexts(ontology: Ontology) -> None:
    fight = ontology.get("193")
    assert (fight.plover_mode, fight.plover_context) == ("firearms", ("military",))
    assert ontology.get("091").plover_context == ("crime", "corruption")  # two contexts on one line
    assert ontology.get("041").plover_mode == "phone" and ontology.get("041").plover_context == ()
    assert ontology.get("1823").plover_mode is None  # its own line gives no mode
    assert ontology.get("0253").plover_mode is None and ontology.get("0253").plover_context == ()


def test_get_returns_a_frozen_entry(ontology: Ontology) -> None:
    entry = ontology.get("036")
    assert entry == CameoCode("036", entry.name, 4.0, 1, "AGREE", None, ("diplomatic",))
    with pytest.raises(AttributeError):
        entry.goldstein = 0.0  # type: ignore[misc]


def test_root_and_parent(ontology: Ontology) -> None:
    assert ontology.root("0253") == "02"
    assert ontology.root("190") == "19"
    assert ontology.parent("0253") == "025"
    assert ontology.parent("025") == "020"
    assert ontology.parent("020") is None


def test_contains(ontology: Ontology) -> None:
    assert "0253" in ontology
    assert "253" not in ontology
    assert 36 not in ontology
    assert None not in ontology


def test_unknown_code_raises_key_error_with_a_helpful_message(ontology: Ontology) -> None:
    with pytest.raises(KeyError) as info:
        ontology.get("36")
    message = str(info.value)
    assert "'36'" in message and "leading zero" in message
    assert isinstance(info.value, UnknownCodeError)
    with pytest.raises(KeyError, match="0251"):
        ontology.get("0259")  # near misses are listed
    with pytest.raises(KeyError):
        ontology.root("999")


def test_malformed_table_names_file_and_line(tmp_path: Path) -> None:
    text = (DEFAULT_DIR / TABLE_NAME).read_text(encoding="utf-8").splitlines()
    header = next(i for i, line in enumerate(text) if line.startswith("code\t"))
    text.insert(header + 2, "0999\tBroken row\tnot-a-number\t1\t")
    (tmp_path / TABLE_NAME).write_text("\n".join(text) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=rf"{TABLE_NAME}:{header + 3}:") as info:
        Ontology.load(tmp_path)
    assert isinstance(info.value, DataError)


def test_duplicate_code_is_reported(tmp_path: Path) -> None:
    source = DEFAULT_DIR / TABLE_NAME
    lines = source.read_text(encoding="utf-8").splitlines()
    (tmp_path / TABLE_NAME).write_text("\n".join([*lines, lines[-1]]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match="duplicate"):
        Ontology.load(tmp_path)


def test_missing_table_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="missing"):
        Ontology.load(tmp_path)


def _build_script(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_cameo_table", ROOT / "scripts" / "build_cameo_table.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.mark.shared
def test_committed_table_matches_the_build_script(
    shared_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reference = shared_dir / "reference"
    if not (reference / "cameo_codes.jsonl").is_file():
        pytest.skip("reference tables are not in ../shared")
    shutil.copy(reference / "cameo_codes.jsonl", tmp_path)
    shutil.copy(reference / "CAMEO2PLOVER-2021.txt", tmp_path)
    shutil.copy(reference / "goldstein_gdelt.tsv", tmp_path)
    assert _build_script(monkeypatch).main(["--reference", str(tmp_path), "--out", str(tmp_path)]) == 0
    built = (tmp_path / TABLE_NAME).read_text(encoding="utf-8")
    assert built == (DEFAULT_DIR / TABLE_NAME).read_text(encoding="utf-8")


def test_build_script_takes_gdelts_score_where_gdelt_has_the_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    codes = [
        ("020", None),
        ("021", 3.4),
        ("0211", None),
        ("022", 3.4),
        ("023", 3.4),
        ("025", -0.3),
        ("0253", None),
    ]
    lines = [json.dumps({"code": code, "name": f"Code {code}", "goldstein": score}) for code, score in codes]
    (tmp_path / "cameo_codes.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "CAMEO2PLOVER-2021.txt").write_text("", encoding="utf-8")
    gdelt = "CAMEOEVENTCODE\tGOLDSTEINSCALE\n02\t3.0\n020\t3.0\n021\t3.4\n022\t3.2\n025\t-0.5\n"
    (tmp_path / "goldstein_gdelt.tsv").write_text(gdelt, encoding="utf-8")
    assert _build_script(monkeypatch).main(["--reference", str(tmp_path), "--out", str(tmp_path)]) == 0
    built = Ontology.load(tmp_path)
    assert built.get("020").goldstein == 3.0  # GDELT's, not the mean of its children
    assert built.get("022").goldstein == 3.2  # GDELT wins over the code table's 3.4
    assert built.get("023").goldstein == 3.4  # not in GDELT's table: the code table's own score
    assert built.get("0211").goldstein == 3.4  # not in GDELT's table: its parent's score
    assert built.get("0253").goldstein == -0.5  # its parent's score, GDELT's
    assert "02" not in built  # GDELT's two-digit roots are not rows of the table


def test_build_script_rejects_a_malformed_gdelt_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "goldstein_gdelt.tsv"
    path.write_text("CAMEOEVENTCODE\tGOLDSTEINSCALE\n020\t3.0\n020\t2.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"goldstein_gdelt.tsv:3: duplicate"):
        _build_script(monkeypatch).read_gdelt_goldstein(path)
    path.write_text("CAMEOEVENTCODE\tGOLDSTEINSCALE\n020\tthree\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"goldstein_gdelt.tsv:2: bad Goldstein score"):
        _build_script(monkeypatch).read_gdelt_goldstein(path)
    path.write_text("code\tscore\n020\t3.0\n", encoding="utf-8")
    with pytest.raises(ValueError, match="CAMEOEVENTCODE"):
        _build_script(monkeypatch).read_gdelt_goldstein(path)
