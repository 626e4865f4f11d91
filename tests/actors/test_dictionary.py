"""Actor dictionaries: the three formats, date-bounded codes, bad lines, and their use in coding."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from whodid.actors.dictionary import (
    ActorDictionary,
    load_dictionaries,
    load_dictionary,
    normalize,
    parse_petrarch_block,
    split_code,
)
from whodid.errors import UsageError
from whodid.pipeline import Pipeline

PETRARCH = """\
<!-- an invented test dictionary -->
# comment line
RURITANIA [RUR]
+RURITANIAN
OSTERLICH_ [OST]  # trailing underscore and an inline comment

GENERAL_TARLENHEIM # the code depends on the date
\t[RURMIL 850101-991231]
\t[RURGOV >000101]
\t[RURELI <850101]

KING RUDOLF [RURGOV]
\t[RURELI < 20100101]
ZENDA_BROADCASTING [RURMED]
NOBODY_IMPORTANT [---]
<! -- broken comment
BADCODE [12]
\t[950601-990815]
+LONELY_SYNONYM [XYZ]
ELPHBERG [RUR/OST]
"""


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _codes(d: ActorDictionary, phrase: str, day: dt.date | None) -> str | None:
    words = normalize(phrase).split()
    hit = d.match(words, 0)
    assert hit is not None, phrase
    _, period = d.pick(hit[1], day)
    return period.code if period else None


def test_petrarch_entries_synonyms_and_dates(tmp_path: Path) -> None:
    d, problems = load_dictionary(_write(tmp_path, "test.actors.txt", PETRARCH))
    assert _codes(d, "Ruritanian", None) == "RUR"
    assert _codes(d, "Osterlich", None) == "OST"
    assert _codes(d, "General Tarlenheim", dt.date(1990, 6, 1)) == "RURMIL"
    assert _codes(d, "General Tarlenheim", dt.date(2005, 1, 1)) == "RURGOV"
    assert _codes(d, "General Tarlenheim", dt.date(1980, 1, 1)) == "RURELI"
    assert _codes(d, "General Tarlenheim", None) is None  # only dated codes, no date: no code
    # a dated code wins over the undated one only inside its period
    assert _codes(d, "King Rudolf", dt.date(2009, 12, 31)) == "RURELI"
    assert _codes(d, "King Rudolf", dt.date(2010, 1, 1)) == "RURGOV"
    assert _codes(d, "Nobody Important", None) is None
    assert _codes(d, "Elphberg", None) == "RUR"  # several codes: the first
    assert _codes(d, "Zenda Broadcasting", None) == "RURMED"
    lines = sorted(p.line for p in problems)
    assert lines == [16, 17, 18, 19], [str(p) for p in problems]
    assert all(p.path.endswith("test.actors.txt") for p in problems)


def test_petrarch_code_blocks() -> None:
    assert parse_petrarch_block("EGYMIL 770101-120812") == (
        "EGYMIL",
        dt.date(1977, 1, 1),
        dt.date(2012, 8, 12),
    )
    code, start, end = parse_petrarch_block("HOB < 950601")
    assert (code, start, end) == ("HOB", None, dt.date(1995, 5, 31))
    assert parse_petrarch_block("HOBREB >19990816") == ("HOBREB", dt.date(1999, 8, 16), None)
    for bad in ("950601-990815", "AAA 990815-950601", "X"):
        with pytest.raises(ValueError):
            parse_petrarch_block(bad)


TSV = """\
# an invented list
name\tcode\tfrom\tuntil\taliases\tkind
Maria Kessel\tRURGOV\t2015-03\t2021-06-30\tKessel|M. Kessel\tperson
Maria Kessel\tRUR\t\t\t\tperson
Otto Brand\tOSTMIL\t2019\t\tBrand\tperson
Broken Row\tRURGOV\t2020-13-01\t\t\tperson
Backwards\tRURGOV\t2020\t2019\t\tperson
Bad Kind\tRURGOV\t\t\t\tplanet
Too\tMany\tcolumns\there\tto\tread\tit
\tRURGOV
"""


def test_tsv_periods_aliases_and_bad_lines(tmp_path: Path) -> None:
    d, problems = load_dictionary(_write(tmp_path, "list.tsv", TSV))
    assert _codes(d, "Kessel", dt.date(2018, 1, 1)) == "RURGOV"
    assert _codes(d, "M. Kessel", dt.date(2021, 6, 30)) == "RURGOV"  # until is inclusive
    assert _codes(d, "Maria Kessel", dt.date(2021, 7, 1)) == "RUR"
    assert _codes(d, "Maria Kessel", dt.date(2015, 2, 28)) == "RUR"  # from a month: its first day
    assert _codes(d, "Maria Kessel", None) == "RUR"
    assert _codes(d, "Otto Brand", dt.date(2019, 1, 1)) == "OSTMIL"
    assert sorted(p.line for p in problems) == [6, 7, 8, 9, 10]


def test_tsv_without_header_is_reported(tmp_path: Path) -> None:
    d, problems = load_dictionary(_write(tmp_path, "nohead.tsv", "Maria Kessel\tRURGOV\n"))
    assert len(d) == 0
    assert problems and problems[0].line == 1 and "header" in problems[0].message


YAML = """\
- name: Maria Kessel
  aliases: [Kessel]
  kind: person
  codes:
    - {code: RURGOV, from: 2015-03-01, until: 2021-06-30}
    - {code: RUR}
- name: Zenda Times
  code: RURMED
  kind: organization
- name: No Code Here
- just a string
"""


def test_yaml_entries_and_bad_items(tmp_path: Path) -> None:
    d, problems = load_dictionary(_write(tmp_path, "list.yaml", YAML))
    assert _codes(d, "Kessel", dt.date(2016, 1, 1)) == "RURGOV"
    assert _codes(d, "Kessel", dt.date(2022, 1, 1)) == "RUR"
    assert _codes(d, "Zenda Times", None) == "RURMED"
    assert sorted(p.line for p in problems) == [10, 11]


def test_broken_yaml_and_unknown_format(tmp_path: Path) -> None:
    _, problems = load_dictionary(_write(tmp_path, "bad.yml", "- name: [unclosed\n"))
    assert problems and "YAML" in problems[0].message
    with pytest.raises(UsageError) as info:
        load_dictionary(_write(tmp_path, "list.csv", "a,b\n"))
    assert info.value.code == "E405"


def test_earlier_files_win_and_longest_phrase_matches(tmp_path: Path) -> None:
    first = _write(tmp_path, "a.actors.txt", "RURITANIA [RUR]\nRURITANIA ARMY [RURMIL]\n")
    second = _write(tmp_path, "b.actors.txt", "RURITANIA [XXX]\n")
    d, problems = load_dictionaries([first, second])
    assert not problems
    assert _codes(d, "Ruritania", None) == "RUR"
    words = normalize("the Ruritania army said").split()
    hit = d.match(words, 1)
    assert hit is not None and hit[0] == 2 and d.pick(hit[1], None)[1] is not None


def test_a_shared_alias_goes_to_the_holder_of_the_day(tmp_path: Path) -> None:
    text = (
        "name\tcode\tfrom\tuntil\taliases\tkind\n"
        "Karl Elder\tRURGOV\t1990\t1994\tElder\tperson\n"
        "Karl Elder\tRUR\t\t\tElder\tperson\n"
        "Lena Elder\tRURGOV\t2001\t2008\tElder\tperson\n"
        "Lena Elder\tRUR\t\t\tElder\tperson\n"
    )
    d, problems = load_dictionary(_write(tmp_path, "elders.tsv", text))
    assert not problems
    hit = d.match(["elder"], 0)
    assert hit is not None
    assert d.pick(hit[1], dt.date(2003, 1, 1))[0].name == "Lena Elder"
    assert d.pick(hit[1], dt.date(1992, 1, 1))[0].name == "Karl Elder"
    assert d.pick(hit[1], None)[0].name == "Karl Elder"  # no date: the first listed


def test_split_code() -> None:
    assert split_code("USAGOV") == ("USA", "GOV", None)
    assert split_code("RUR") == ("RUR", None, None)
    assert split_code("IGOUNO") == (None, None, "IGOUNO")


ARTICLE = (
    "General Tarlenheim accused Osterlich of shelling border villages on Monday. "
    "Ruritania's army said it would respond."
)


def test_listed_actors_are_coded_as_of_the_article_date(nlp: object, tmp_path: Path) -> None:
    from whodid.pipeline import load

    path = _write(tmp_path, "test.actors.txt", PETRARCH)
    pipe: Pipeline = load(nlp=nlp, actor_files=[path])  # type: ignore[arg-type]
    assert any("broken comment" in w for w in pipe.warnings)
    early = pipe.code(ARTICLE, published="1990-05-07").to_dict()
    late = pipe.code(ARTICLE, published="2005-05-07").to_dict()

    def accuse(rec: dict[str, object]) -> tuple[str, str]:
        ev = next(e for e in rec["events"] if e["cameo"].startswith("11"))  # type: ignore[union-attr,index]
        return ev["source"]["code"], ev["target"]["code"]

    assert accuse(early) == ("RURMIL", "OST")
    assert accuse(late) == ("RURGOV", "OST")
    army = next(a for a in late["actors"] if "army" in a["name"].lower())  # type: ignore[union-attr,index]
    assert army["country"] == "RUR"  # a listed country qualifies a role noun ("Ruritania's army")


def test_a_listed_actors_rule_names_whodids_file_from_its_data_folder_and_a_users_file_as_given(
    nlp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same rule on every install (issue 14): no absolute path of the installed package."""
    from whodid.pipeline import LEADERS_FILE, load

    monkeypatch.chdir(tmp_path)
    _write(tmp_path, "test.actors.txt", PETRARCH)
    pipe: Pipeline = load(nlp=nlp, actor_files=[Path("test.actors.txt")])  # type: ignore[arg-type]
    rec = pipe.code(ARTICLE + " Vladimir Putin criticized the plan.", published="2015-05-07").to_dict()
    rules = {m["text"]: m["rule"] for a in rec["actors"] for m in a["mentions"]}  # type: ignore[union-attr,index]
    putin = next(e for e in load_dictionary(LEADERS_FILE)[0].entries if e.name == "Vladimir Putin")
    assert rules["Vladimir Putin"] == f"listed:actors/leaders.tsv:{putin.origin.rsplit(':', 1)[1]}"
    assert rules["General Tarlenheim"] == "listed:test.actors.txt:7"  # a user's file: as given
