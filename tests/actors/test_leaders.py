"""whodid's own list of office holders (data/actors/leaders.tsv): clean, and used when coding."""

from __future__ import annotations

import datetime as dt

import pytest

from whodid.actors.dictionary import load_dictionary, split_code
from whodid.actors.knowledge import ActorKnowledge
from whodid.pipeline import LEADERS_FILE, Pipeline


def test_the_leaders_list_loads_without_a_bad_line() -> None:
    d, problems = load_dictionary(LEADERS_FILE)
    assert not problems, [str(p) for p in problems[:10]]
    assert len(d) > 300
    kb = ActorKnowledge.load()
    for e in d.entries:
        assert e.kind == "person", e.origin
        assert e.default is not None and e.default.code, f"{e.origin}: no undated row"
        for p in [e.default, *e.periods]:
            assert p.code is not None
            country, _sector, igo = split_code(p.code)
            assert igo or kb.country_by_code(country or "") is not None, f"{e.origin}: {p.code}"


def _dated_entries(step: int = 97) -> list[tuple[str, str, dt.date, dt.date | None]]:
    """(name, code, a day in office, a day after it if it ended) for a spread of the list's rows
    of people who held one government office once."""
    d, _ = load_dictionary(LEADERS_FILE)
    out = []
    for e in d.entries[::step]:
        if len(e.periods) != 1 or not (e.periods[0].code or "").endswith("GOV") or not e.periods[0].start:
            continue
        p = e.periods[0]
        assert p.code is not None and p.start is not None
        after = p.end + dt.timedelta(days=400) if p.end else None
        out.append((e.name, p.code, p.start + dt.timedelta(days=30), after))
    return out


@pytest.mark.parametrize("name,code,day,after", _dated_entries())
def test_a_listed_leader_is_coded_as_of_the_article_date(
    pipeline: Pipeline, name: str, code: str, day: dt.date, after: dt.date | None
) -> None:
    text = f"{name} criticized the plan on Monday."
    rec = pipeline.code(text, published=day).to_dict()
    actor = next((a for a in rec["actors"] if a["name"] == name), None)
    assert actor is not None, rec["actors"]
    assert actor["code"] == code
    if after is None:
        return  # still in office
    later = pipeline.code(text, published=after).to_dict()
    actor = next(a for a in later["actors"] if a["name"] == name)
    assert actor["country"] == code[:3] and actor["code"] != code  # out of office: country only
