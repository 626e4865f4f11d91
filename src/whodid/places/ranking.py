"""Choosing one gazetteer entry among the entries that share a name.

The order of preference follows how news writers use names: a bare country name means the country;
a region or sea name means the region unless a capital or a very large city of the same country has
that name ("Washington", "New York"); among cities, an explicit container ("Paris, Texas") beats
everything, then national capitals, then the countries the article is about, then population.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping
from typing import Literal, NamedTuple

Kind = Literal["country", "region", "city"]

# A city this large, or a national capital, wins over a region of its own country with the same name.
BIG_CITY = 1_000_000
# Weights of the city score: context outweighs a small capital but not a large one ("Paris").
CAPITAL_BONUS = 4.0
SMALL_CAPITAL_BONUS = 2.0
SMALL_CAPITAL = 100_000
PRIMARY_NAME_BONUS = 1.0
CONTEXT_WEIGHT = 5.0
ADMIN1_CONTEXT_WEIGHT = 2.0
# A rival in another country must be this central to the article to displace a country or region.
RIVAL_CONTEXT = 0.5
# ... and a city must be at least this large to displace a region ("Middle East" is not a hamlet).
RIVAL_CITY = 5_000
# A same-country city this many times larger than the home area's town of the same name keeps the name
# (towns of unknown size count as HOME_MIN_POPULATION).
HOME_RATIO = 20
HOME_MIN_POPULATION = 1_000
# A city of BIG_CITY people keeps its name against a town this many times smaller that only the
# article's country favours (no state of it named, not the home area): "Seagram, the Montreal
# concern" in a US story is Montreal, Quebec, not a Wisconsin village.
BIG_CITY_RATIO = 1_000
# In an article about other countries too, a city of WORLD_CITY people keeps its name against a town
# WORLD_CITY_RATIO times smaller that only its country's weight favours: "talks in Geneva" between
# Russian and American envoys are in Geneva, Switzerland, not Geneva, Illinois (21,000 people).
WORLD_CITY = 100_000
WORLD_CITY_RATIO = 8


class Candidate(NamedTuple):
    """One gazetteer entry that matches a name; ``ref`` points back into the owner's tables."""

    kind: Kind
    ref: int
    country: str | None
    admin1: str
    population: int
    capital: bool
    primary: bool  # matched the entry's main name, not an alternate
    order: int  # row order in the source table (earlier rows are preferred among equals)


class Choice(NamedTuple):
    """The chosen entry with the rule that chose it and a confidence in [0, 1]."""

    candidate: Candidate
    rule: str
    confidence: float


class Context:
    """Article context: how central each country (ISO3) or admin-1 area (``ISO3.CODE``) is, in [0, 1]."""

    __slots__ = ("_rel", "home", "named")

    def __init__(
        self,
        weights: Mapping[str, float] | None,
        home: str | None = None,
        named: Collection[str] = (),
    ) -> None:
        positive = {key: w for key, w in (weights or {}).items() if w > 0}
        top = max(positive.values(), default=0.0)
        self._rel = {key: w / top for key, w in positive.items()} if top else {}
        # the admin-1 area (``ISO3.ADMIN1``) a local article's places agree on, if any, and the
        # countries its other places name (which keep their towns against the home area's)
        self.home = home
        self.named = frozenset(named)

    @property
    def weights(self) -> Mapping[str, float]:
        """Every country's and area's relative weight."""
        return self._rel

    def at_home(self, cand: Candidate) -> bool:
        """Whether the candidate lies in the article's home area."""
        return self.home is not None and within_matches(cand, self.home)

    def country(self, cand: Candidate) -> float:
        """Relative weight of the candidate's country."""
        return self._rel.get(cand.country or "", 0.0)

    def admin1(self, cand: Candidate) -> float:
        """Relative weight of the candidate's admin-1 area (e.g. a US state named in the article)."""
        if not cand.admin1 or not cand.country:
            return 0.0
        return self._rel.get(f"{cand.country}.{cand.admin1}", 0.0)

    def __bool__(self) -> bool:
        return bool(self._rel) or self.home is not None


def within_matches(cand: Candidate, within: str) -> bool:
    """Whether a candidate lies in ``within`` (``ISO3`` or ``ISO3.ADMIN1``)."""
    country, _, admin1 = within.partition(".")
    return cand.country == country and (not admin1 or cand.admin1 == admin1)


def city_score(cand: Candidate, ctx: Context | None) -> float:
    """Log population plus bonuses for capitals, main names and article context."""
    score = math.log10(cand.population + 1)
    if cand.capital:
        score += CAPITAL_BONUS if cand.population >= SMALL_CAPITAL else SMALL_CAPITAL_BONUS
    if cand.primary:
        score += PRIMARY_NAME_BONUS
    if ctx is not None:
        score += CONTEXT_WEIGHT * ctx.country(cand) + ADMIN1_CONTEXT_WEIGHT * ctx.admin1(cand)
    return score


def choose(cands: list[Candidate], ctx: Context, within: str | None) -> Choice | None:
    """Pick one candidate (countries, then regions, then cities), or None when there are none."""
    if not cands:
        return None
    if within:
        inside = [c for c in cands if c.kind != "country" and within_matches(c, within)]
        if inside:
            # A container names a place inside it: prefer cities ("Springfield, Illinois").
            best = max(inside, key=lambda c: (c.kind == "city", city_score(c, None)))
            return Choice(best, "within", 0.9)
    countries = [c for c in cands if c.kind == "country"]
    regions = [c for c in cands if c.kind == "region"]
    cities = [c for c in cands if c.kind == "city"]
    if countries:
        return _choose_country(countries, regions, ctx)
    if regions:
        return _choose_region(regions, cities, ctx)
    return _choose_city(cities, ctx)


def _choose_country(countries: list[Candidate], regions: list[Candidate], ctx: Context) -> Choice:
    country = min(countries, key=lambda c: c.order)
    # "Georgia" in an article about the United States is the state, not the country.
    # So is it in an article whose own places agree on that state, unless the country is named too.
    rivals = [
        r
        for r in regions
        if r.country != country.country
        and (
            (ctx.country(r) >= RIVAL_CONTEXT and ctx.country(r) > ctx.country(country))
            or (ctx.at_home(r) and country.country not in ctx.named)
        )
    ]
    if rivals:
        best = max(rivals, key=lambda r: (ctx.country(r) + ctx.admin1(r), -r.order))
        return Choice(best, "context-country", 0.75)
    ambiguous = any(r.country != country.country for r in regions)
    return Choice(country, "country-name", 0.8 if ambiguous else 0.95)


def _choose_region(regions: list[Candidate], cities: list[Candidate], ctx: Context) -> Choice:
    region = max(regions, key=lambda r: (ctx.country(r) + ctx.admin1(r), -r.order))
    same_country = [
        c for c in cities if c.country == region.country and (c.capital or c.population >= BIG_CITY)
    ]
    if same_country:
        best = max(same_country, key=lambda c: city_score(c, ctx))
        return Choice(best, "capital" if best.capital else "population", 0.85)
    rivals = [
        c
        for c in cities
        if c.country != region.country
        and c.population >= RIVAL_CITY
        and ctx.country(c) >= RIVAL_CONTEXT
        and ctx.country(c) > ctx.country(region)
    ]
    if rivals:
        return Choice(max(rivals, key=lambda c: city_score(c, ctx)), "context-country", 0.7)
    others = [r for r in regions if r is not region]
    if not others:
        return Choice(region, "region-name", 0.9)
    if ctx.country(region) + ctx.admin1(region) > 0:
        return Choice(region, "context-country", 0.75)
    return Choice(region, "region-name", 0.6)


def _home_choice(cities: list[Candidate], best: Candidate, ctx: Context) -> Candidate | None:
    """The same-named town in the article's home area, when it should displace ``best``.

    Local news names its own towns: "Paris" in an article whose other places are in Illinois is Paris,
    Illinois, unless France is named too; a national capital or a city ``HOME_RATIO`` times larger in
    the same country keeps its reading ("Boston" in an article about Georgia is still Boston).
    """
    home = [c for c in cities if ctx.at_home(c)]
    if not home or ctx.at_home(best):
        return None
    local = max(home, key=lambda c: city_score(c, ctx))
    if best.country != local.country:
        return None if best.country in ctx.named else local
    if best.capital or best.population >= HOME_RATIO * max(local.population, HOME_MIN_POPULATION):
        return None
    return local


def _big_city_over_village(cities: list[Candidate], best: Candidate, ctx: Context) -> Candidate | None:
    """A city that should keep its name against ``best``, a town that wins by its country's weight
    alone (no state of it named, not the home area); else None. The city has ``BIG_CITY`` people and
    ``BIG_CITY_RATIO`` times the town's; or, in an article that weighs other countries too,
    ``WORLD_CITY`` people and ``WORLD_CITY_RATIO`` times the town's, in another country."""
    if best.capital or ctx.admin1(best) > 0 or ctx.at_home(best):
        return None
    town = max(best.population, HOME_MIN_POPULATION)
    big = [c for c in cities if c.primary and c.population >= max(BIG_CITY, BIG_CITY_RATIO * town)]
    if not big:
        big = [
            c
            for c in cities
            if c.primary
            and c.country != best.country
            and world_city_over(c.population, best.population, best.country, ctx.weights)
        ]
    return max(big, key=lambda c: c.population) if big else None


def world_city_over(city: int, town: int, country: str | None, weights: Mapping[str, float]) -> bool:
    """Whether a city of ``city`` people keeps its name against a namesake town of ``town`` people in
    ``country``: the city has ``WORLD_CITY`` people and ``WORLD_CITY_RATIO`` times the town's, and
    the story is about another country at least as much as about the town's (``weights``: ISO3 or
    ``ISO3.ADMIN1`` keys). "Talks in Geneva" between Russian and American envoys are in Switzerland;
    in a story about a British student going to China and France, "a graduate from Edmonton" is from
    the London district, not Alberta."""
    if city < max(WORLD_CITY, WORLD_CITY_RATIO * max(town, HOME_MIN_POPULATION)):
        return False
    own = weights.get(country or "", 0.0)
    return any(w > 0 and w >= own and "." not in key and key != country for key, w in weights.items())


def _named_first(cities: list[Candidate], ctx: Context) -> list[Candidate]:
    """Without the cities matched only by another name ("Salisbury", Harare's old name) in countries
    the article does not weigh, when a city of that very name lies in a country it does."""
    if not any(c.primary and ctx.country(c) > 0 for c in cities):
        return cities
    return [c for c in cities if c.primary or ctx.country(c) > 0]


def _choose_city(cities: list[Candidate], ctx: Context) -> Choice:
    named = _named_first(cities, ctx)
    if len(named) == 1 and len(cities) > 1:
        return Choice(named[0], "context-country", 0.75)
    cities = named
    if len(cities) == 1:
        return Choice(cities[0], "unique", 0.85 if cities[0].primary else 0.75)
    scored = sorted(((city_score(c, ctx), c) for c in cities), key=lambda sc: -sc[0])
    (top_score, best), (second_score, _) = scored[0], scored[1]
    local = _home_choice(cities, best, ctx)
    if local is not None:
        return Choice(local, "home-area", 0.7)
    big = _big_city_over_village(cities, best, ctx)
    if big is not None:
        return Choice(big, "population", 0.6)
    confidence = 0.5 + 0.45 * (1.0 - math.exp(-(top_score - second_score) / 2.0))
    if ctx and max(cities, key=lambda c: city_score(c, None)) is not best:
        rule = "context-region" if ctx.admin1(best) > 0 else "context-country"
    elif best.capital:
        rule = "capital"
    else:
        rule = "population"
    return Choice(best, rule, round(confidence, 3))
