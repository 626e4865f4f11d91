"""whodid's data files are read one way (``whodid.data_files``), and its two lookup keys of names are
two named functions with their difference stated: a place's name keeps its periods and hyphens, an
actor's alias does not."""

from __future__ import annotations

import pytest

from whodid.actors import knowledge
from whodid.data_files import DATA_DIR, data_lines, data_text, fold_alias, fold_name, read_word_list
from whodid.places import tables


@pytest.mark.parametrize(
    ("text", "name_key", "alias_key"),
    [
        ("St. Louis", "st. louis", "st louis"),
        ("Guinea-Bissau", "guinea-bissau", "guinea bissau"),
        ("U.S.-backed", "u.s.-backed", "us backed"),
        ("  Zürich   Old Town ", "zurich old town", "zurich old town"),
        ("Côte d’Ivoire", "cote d'ivoire", "cote d’ivoire"),  # an alias is cleaned (quotes) before
        ("STRAẞE", "strasse", "strasse"),
    ],
)
def test_the_two_keys_differ_on_periods_hyphens_and_quotes_only(
    text: str, name_key: str, alias_key: str
) -> None:
    assert (fold_name(text), fold_alias(text)) == (name_key, alias_key)


def test_the_actor_tables_use_the_alias_key() -> None:
    assert knowledge.fold is fold_alias
    assert knowledge.read_words("topic_heads.txt") == read_word_list(data_text("actors", "topic_heads.txt"))


def test_the_places_tables_use_the_place_key() -> None:
    assert tables.fold is fold_name
    assert tables.read_demonyms()["sri lankans"] == "LKA"  # a demonym folded as a place's name


def test_data_lines_leave_out_blank_lines_and_comments() -> None:
    text = data_text("text", "boilerplate.txt")
    lines = data_lines("text", "boilerplate.txt")
    assert lines and all(line == line.strip() and not line.startswith("#") for line in lines)
    kept = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.strip().startswith("#")]
    assert lines == kept
    assert (DATA_DIR / "text" / "boilerplate.txt").is_file()


def test_a_word_list_comment_may_follow_a_word() -> None:
    assert read_word_list("# a list\nexpert  # of a subject\n\n  envoy\n#adviser\n") == {"expert", "envoy"}
