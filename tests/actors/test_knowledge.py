"""The actor knowledge base: data files load, lookups normalize, malformed rows are reported."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from whodid.actors.knowledge import DEFAULT_DATA_DIR, ActorKnowledge, BodyInfo

# CAMEO agent codes (primary, party, secondary and tertiary role codes, international generics),
# plus REL and SET from the later Phoenix/KEDS dictionaries.
PRIMARY_CODES = ("GOV", "MIL", "COP", "JUD", "OPP", "REB", "INS", "SEP", "SPY", "UAF", "PTY")
SECONDARY_CODES = ("AGR", "BUS", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "HLH", "HRI", "LAB", "LEG", "MED")
OTHER_CODES = ("REF", "REL", "SET", "MOD", "RAD", "IGO", "IMG", "INT", "MNC", "NGM", "NGO", "UIS")
CAMEO_AGENT_CODES = frozenset(PRIMARY_CODES + SECONDARY_CODES + OTHER_CODES)
IGO_PREFIXES = ("IGO", "NGO", "NGM", "IMG", "MNC")


@pytest.fixture(scope="module")
def kb() -> ActorKnowledge:
    return ActorKnowledge.load()


def rows(name: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) of the data rows of a packaged file, read independently of the loader."""
    header = True
    for number, line in enumerate((DEFAULT_DATA_DIR / name).read_text("utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        if header:
            header = False
            continue
        yield number, line.split("\t")


def unmarked(alias: str) -> str:
    return alias.removeprefix("=")


# ---- countries


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("the United States", "USA"),
        ("United States", "USA"),
        ("U.S.", "USA"),
        ("the U.S.", "USA"),
        ("America", "USA"),
        ("China", "CHN"),
        ("CHINA", "CHN"),
        ("China’s", "CHN"),
        ("China`s", "CHN"),
        ("THE UNITED STATES", "USA"),
        ("Britain", "GBR"),
        ("the UK", "GBR"),
        ("Great Britain", "GBR"),
        ("Canada", "CAN"),
        ("Côte d’Ivoire", "CIV"),
        ("Cote d'Ivoire", "CIV"),
        ("Hong Kong", "HKG"),
        ("Taiwan", "TWN"),
        ("Palestine", "PSE"),
        ("Kosovo", "XKX"),
        ("Burma", "MMR"),
        ("  the   Netherlands ", "NLD"),
    ],
)
def test_country_by_name(kb: ActorKnowledge, text: str, iso3: str) -> None:
    info = kb.country_by_name(text)
    assert info is not None and info.iso3 == iso3


def test_all_caps_aliases_match_case_sensitively(kb: ActorKnowledge) -> None:
    us = kb.country_by_name("US")
    assert us is not None and us.iso3 == "USA"
    assert kb.country_by_name("us") is None
    assert kb.country_by_name("Us") is None
    assert kb.country_by_name("uk") is None
    assert kb.igo("UN") is not None and kb.igo("un") is None
    assert kb.igo("WHO") is not None and kb.igo("who") is None


def test_exact_case_marker(kb: ActorKnowledge) -> None:
    turkey = kb.country_by_name("Turkey")
    assert turkey is not None and turkey.name == "Turkey"
    assert kb.country_by_name("turkey") is None
    assert kb.country_by_demonym("polish") is None
    assert kb.country_by_capital("male") is None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Chinese", "CHN"),
        ("Canadians", "CAN"),
        ("Canadian", "CAN"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("British", "GBR"),
        ("Britons", "GBR"),
        ("Polish", "POL"),
        ("Palestinians", "PSE"),
        ("North Korean", "PRK"),
    ],
)
def test_country_by_demonym(kb: ActorKnowledge, text: str, iso3: str) -> None:
    info = kb.country_by_demonym(text)
    assert info is not None and info.iso3 == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Beijing", "CHN"),
        ("Ottawa", "CAN"),
        ("Washington", "USA"),
        ("Tehran", "IRN"),
        ("Whitehall", "GBR"),
        ("The Hague", "NLD"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
    ],
)
def test_country_by_capital_and_seat(kb: ActorKnowledge, text: str, iso3: str) -> None:
    info = kb.country_by_capital(text)
    assert info is not None and info.iso3 == iso3


def test_country_by_code(kb: ActorKnowledge) -> None:
    china = kb.country_by_code("CHN")
    assert china is not None and china.name == "China" and "Beijing" in china.capitals
    assert kb.country_by_code("chn") == china
    assert kb.country_by_code("ZZZ") is None


# ---- roles


@pytest.mark.parametrize(
    ("text", "role", "sector", "kind"),
    [
        ("top diplomat", "top diplomat", "GOV", "person"),
        ("China's top diplomat", "top diplomat", "GOV", "person"),
        ("secretary of state", "secretary of state", "GOV", "person"),
        ("former US Secretary of State", "secretary of state", "GOV", "person"),
        ("opposition leader", "opposition leader", "OPP", "person"),
        ("leader", "leader", "GOV", "person"),
        ("police officers", "police officers", "COP", "group"),
        ("officers", "officers", "COP", "group"),
        ("Foreign Ministry spokesperson", "foreign ministry spokesperson", "GOV", "person"),
        ("vice-president", "vice president", "GOV", "person"),
        ("the President's", "president", "GOV", "person"),
        ("national security adviser", "national security adviser", "GOV", "person"),
        ("rebel commander", "rebel commander", "REB", "person"),
        ("protesters", "protesters", "OPP", "group"),
        ("human rights activist", "human rights activist", "HRI", "person"),
        ("activist", "activist", "CVL", "person"),
        ("MPs", "mps", "LEG", "group"),
    ],
)
def test_role_longest_match(kb: ActorKnowledge, text: str, role: str, sector: str, kind: str) -> None:
    info = kb.role(text)
    assert info is not None
    assert (info.role, info.sector, info.kind) == (role, sector, kind)


def test_role_misses_and_max_words(kb: ActorKnowledge) -> None:
    assert kb.role("Beijing") is None
    assert kb.role("") is None
    assert kb.max_role_words >= 7  # "chairman of the joint chiefs of staff"


# ---- bodies and international organisations


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("State Department", BodyInfo("State Department", "USA", "GOV", "organization")),
        ("the US State Department", BodyInfo("State Department", "USA", "GOV", "organization")),
        ("White House", BodyInfo("White House", "USA", "GOV", "organization")),
        ("the Pentagon", BodyInfo("Pentagon", "USA", "MIL", "organization")),
        ("Kremlin", BodyInfo("Kremlin", "RUS", "GOV", "organization")),
        ("Élysée", BodyInfo("Elysee", "FRA", "GOV", "organization")),
        ("the Foreign Ministry", BodyInfo("Foreign Ministry", None, "GOV", "organization")),
        ("ministry of foreign affairs", BodyInfo("Foreign Ministry", None, "GOV", "organization")),
        ("parliament", BodyInfo("parliament", None, "LEG", "organization")),
        ("Hamas", BodyInfo("Hamas", "PSE", "REB", "group")),
    ],
)
def test_body(kb: ActorKnowledge, text: str, expected: BodyInfo) -> None:
    assert kb.body(text) == expected


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("the Chinese Foreign Ministry", "Foreign Ministry", "CHN"),
        ("Canada's parliament", "parliament", "CAN"),
        ("South Korean Defense Ministry", "Defense Ministry", "KOR"),
        ("U.S. military", "Pentagon", "USA"),
    ],
)
def test_body_with_country_modifier(kb: ActorKnowledge, text: str, name: str, country: str) -> None:
    info = kb.body(text)
    assert info is not None and (info.name, info.country) == (name, country)


def test_body_misses(kb: ActorKnowledge) -> None:
    assert kb.body("Chinese") is None
    assert kb.body("Beijing said") is None
    assert kb.body("fed") is None  # the Federal Reserve is "Fed", not the verb


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("UN", "IGOUNO"),
        ("U.N.", "IGOUNO"),
        ("the United Nations", "IGOUNO"),
        ("U.N. Security Council", "IGOUNO"),
        ("EU", "IGOEUREEC"),
        ("NATO", "IGOWSTNAT"),
        ("the African Union", "IGOAFRAFU"),
        ("ASEAN", "IGOSEAASN"),
        ("Amnesty International", "NGOHRIAMN"),
        ("Human Rights Watch", "NGOHRIHRW"),
        ("Red Cross", "NGOHLHIRC"),
        ("al-Qaeda", "IMGMOSALQ"),
        ("the IMF's", "IGOBUSIMF"),
    ],
)
def test_igo(kb: ActorKnowledge, text: str, code: str) -> None:
    info = kb.igo(text)
    assert info is not None and info.code == code


# ---- every row of every file


def test_sector_file_holds_only_cameo_codes() -> None:
    codes = {cells[0] for _, cells in rows("sectors.tsv")}
    assert codes <= CAMEO_AGENT_CODES


def test_every_country_row_loads(kb: ActorKnowledge) -> None:
    count = 0
    for number, cells in rows("countries.tsv"):
        iso3, name = cells[0], cells[1]
        info = kb.country_by_code(iso3)
        assert info is not None and info.name == unmarked(name), number
        found = kb.country_by_name(unmarked(name))
        assert found is not None and found.iso3 == iso3, (number, name)
        for alias in filter(None, cells[2].split("|")):
            found = kb.country_by_name(unmarked(alias))
            assert found is not None and found.iso3 == iso3, (number, alias)
        for demonym in filter(None, cells[3].split("|")):
            found = kb.country_by_demonym(unmarked(demonym))
            assert found is not None and found.iso3 == iso3, (number, demonym)
        for place in filter(None, "|".join(cells[4:6]).split("|")):
            found = kb.country_by_capital(unmarked(place))
            assert found is not None and found.iso3 == iso3, (number, place)
        count += 1
    assert count >= 240


def test_every_role_row_loads_with_a_cameo_sector(kb: ActorKnowledge) -> None:
    count = 0
    for number, cells in rows("roles.tsv"):
        role, sector, kind = cells[0], cells[1], cells[2]
        assert sector in CAMEO_AGENT_CODES, (number, sector)
        info = kb.role(role)
        assert info is not None and (info.sector, info.kind) == (sector, kind), (number, role)
        count += 1
    assert count >= 300


def test_every_body_row_loads_with_a_cameo_sector(kb: ActorKnowledge) -> None:
    count = 0
    for number, cells in rows("bodies.tsv"):
        name, country, sector, kind = cells[:4]
        assert sector in CAMEO_AGENT_CODES, (number, sector)
        expected = BodyInfo(unmarked(name), country or None, sector, kind)
        assert kb.body(unmarked(name)) == expected, number
        for alias in filter(None, cells[4].split("|")):
            assert kb.body(unmarked(alias)) == expected, (number, alias)
        count += 1
    assert count >= 200


def test_every_igo_row_loads(kb: ActorKnowledge) -> None:
    count = 0
    for number, cells in rows("igos.tsv"):
        name, code = cells[0], cells[1]
        assert code.startswith(IGO_PREFIXES) and len(code) % 3 == 0, (number, code)
        for alias in [name, *filter(None, cells[2].split("|"))]:
            info = kb.igo(unmarked(alias))
            assert info is not None and info.code == code, (number, alias)
        count += 1
    assert count >= 80


# ---- what the tables can make of a word (word_fit: describe skips phrases no table holds)


def name_phrases() -> Iterator[tuple[str, str]]:
    """(where, phrase) for every name of a country, demonym, capital, seat, body, organisation and
    people in the data files, read independently of the loader."""
    for number, cells in rows("countries.tsv"):
        for cell in cells[1:6]:
            for alias in filter(None, (a.strip() for a in cell.split("|"))):
                yield f"countries.tsv line {number}", unmarked(alias)
    for file, columns in (("bodies.tsv", (0, 4)), ("igos.tsv", (0, 2)), ("ethnic_groups.tsv", (1,))):
        for number, cells in rows(file):
            for column in columns:
                cell = cells[column] if column < len(cells) else ""
                for alias in filter(None, (a.strip() for a in cell.split("|"))):
                    yield f"{file} line {number}", unmarked(alias)


def test_every_word_of_every_name_may_be_a_name_word(kb: ActorKnowledge) -> None:
    count = 0
    for where, phrase in name_phrases():
        # as written, after "the", inside edge punctuation and, ending in a letter, possessive
        last = phrase.split()[-1]
        possessive = [f"{last}'s", f"{last}’s"] if last[-1].isalpha() else []
        words = [*phrase.split(), *possessive, "the", "(" + phrase.split()[0], phrase.split()[-1] + ","]
        for word in words:
            assert kb.word_fit(word) & 1, (where, phrase, word)
        count += 1
    assert count >= 2000


def test_every_word_of_every_role_may_be_a_word_of_a_role_of_its_length(kb: ActorKnowledge) -> None:
    count = 0
    for number, cells in rows("roles.tsv"):
        words, role = cells[0].split(), kb.role(cells[0])
        assert role is not None, (number, cells[0])
        size = len(role.role.split())  # the first row of those with one key says how it is written
        for word in (*words, *(w.capitalize() for w in words), f"{words[-1]}'s"):
            assert kb.word_fit(word) >> size & 1, (number, cells[0], word)
        count += 1
    assert count >= 200


def test_a_word_no_table_holds_fits_nothing(kb: ActorKnowledge) -> None:
    assert kb.word_fit("Zorblatt") == 0
    assert kb.word_fit("yesterday") == 0
    assert kb.word_fit("said") & 1 == 0
    assert kb.word_fit("protesters") == 1 << 1  # a role of one word, in no name
    # in no name, in roles of one word and of three ("foreign ministry spokeswoman")
    assert kb.word_fit("spokeswoman") & 1 == 0 and kb.word_fit("spokeswoman") >> 3 & 1
    assert kb.country_by_name("Zorblatt") is None and kb.role("zorblatt") is None


def test_a_users_countries_are_name_words(kb: ActorKnowledge) -> None:
    listed = kb.with_listed_countries([("ZRB", "Zorblattia", ["Zorblattian"], "test")])
    assert listed.word_fit("Zorblattia") & 1 and listed.word_fit("Zorblattian") & 1
    assert kb.word_fit("Zorblattia") == 0  # the copy learns them, not the base


# ---- malformed data


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "actors"
    shutil.copytree(DEFAULT_DATA_DIR, target)
    return target


def append_line(path: Path, line: str) -> int:
    """Append ``line`` to ``path`` and return its line number."""
    text = path.read_text("utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + line + "\n", "utf-8")
    return text.count("\n") + 1


@pytest.mark.parametrize(
    ("file", "line", "message"),
    [
        ("roles.tsv", "colonel of the guard\tMIL", "expected 4 tab-separated columns"),
        ("roles.tsv", "warlord general\tXYZ\tperson\t", "unknown sector 'XYZ'"),
        ("roles.tsv", "crowd leader\tCVL\tcrowd\t", "kind must be one of"),
        ("roles.tsv", "president\tMIL\tperson\t", "already means GOV person"),
        ("countries.tsv", "ZZ\tNowhere\t\t\t\t", "not an ISO 3166-1 alpha-3 code"),
        ("countries.tsv", "ZZZ\tChina\t\t\t\t", "already means"),
        ("bodies.tsv", "Ministry of Magic\tQQQ\tGOV\torganization\t", "unknown country 'QQQ'"),
        ("igos.tsv", "League of Nations\tLON\t", "is not an IGO/NGO/NGM/IMG/MNC code"),
        ("sectors.tsv", "gov\tprimary\tlowercase", "not three capital letters"),
    ],
)
def test_malformed_row_reports_file_and_line(data_copy: Path, file: str, line: str, message: str) -> None:
    number = append_line(data_copy / file, line)
    with pytest.raises(ValueError, match=rf"E307 {file} line {number}: .*{message}"):
        ActorKnowledge.load(data_copy)


def test_bad_header_is_reported(data_copy: Path) -> None:
    path = data_copy / "igos.tsv"
    text = path.read_text("utf-8").replace("name\tcode\taliases", "name\tcode", 1)
    path.write_text(text, "utf-8")
    with pytest.raises(ValueError, match=r"igos\.tsv line \d+: expected the header"):
        ActorKnowledge.load(data_copy)


def test_missing_file_is_reported(data_copy: Path) -> None:
    (data_copy / "bodies.tsv").unlink()
    with pytest.raises(ValueError, match=r"E305 cannot read the data file '.*bodies\.tsv'"):
        ActorKnowledge.load(data_copy)


def test_comments_blank_lines_and_short_trailing_cells_are_accepted(data_copy: Path) -> None:
    path = data_copy / "bodies.tsv"
    append_line(path, "")
    append_line(path, "# a comment line")
    append_line(path, "Ministry of Silly Walks\tGBR\tGOV\torganization")  # no aliases cell at all
    info = ActorKnowledge.load(data_copy).body("the Ministry of Silly Walks")
    assert info == BodyInfo("Ministry of Silly Walks", "GBR", "GOV", "organization")
