"""The places stage: find the toponyms of an article and resolve each one with the gazetteer."""

from __future__ import annotations

import math
from collections.abc import Mapping

from spacy.tokens import Doc

from whodid.nlp.state import Place, PlaceMention
from whodid.nlp.view import view
from whodid.places.candidates import COMPASS, NON_PLACE_NAME_LABELS, Candidate, find_candidates
from whodid.places.gazetteer import MAJOR_CITY, Gazetteer, Resolution
from whodid.places.ranking import world_city_over
from whodid.places.tables import fold

# Resolutions that settle a name without help from the article, so they can inform the others.
_SETTLED_RULES = frozenset(
    {"country-name", "region-name", "within", "container", "unique", "demonym", "article-area"}
)
# A city this large keeps its own reading against a same-named town in a state the article names.
BIG_CITY = 1_000_000
DEMONYM_CONFIDENCE = 0.7
# The home state of a local US article needs this many names agreeing on it, and this lead.
HOME_MIN_VOTES = 2
HOME_MARGIN = 1
# Between states with as many votes, the one whose readings lie within HOME_SPREAD_KM of each other on
# average, HOME_SPREAD_RATIO times closer than the next one's.
HOME_SPREAD_KM = 100.0
HOME_SPREAD_RATIO = 2.0
COUNTY_VOTE = 2  # counties are a mark of local news: a county alone can settle the home state
_MAX_TOWN_TOKENS = 3
LOCATIVES = frozenset(
    {"in", "at", "from", "to", "near", "into", "across", "outside", "inside", "around", "toward", "towards"}
    | {"through", "via", "between", "throughout", "within"}
)
# Countries whose town names are also common surnames of the people in their news.
SURNAME_COUNTRIES = frozenset({"USA", "GBR", "CAN", "AUS", "NZL", "IRL"})


class PlaceFinder:
    """Finds toponyms in a parsed ``Doc`` and resolves them; stateless apart from its gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        """Use ``gazetteer`` (built once with :meth:`Gazetteer.load`) for every document."""
        self._gazetteer = gazetteer

    def is_country_name(self, text: str) -> bool:
        """Whether ``text`` is the name of a country ("Syria", "the United States")."""
        return "country" in self._gazetteer.kinds(text)

    def find(
        self, doc: Doc, *, exclude_tokens: set[int], context_countries: Mapping[str, float]
    ) -> list[PlaceMention]:
        """Every toponym mention of ``doc`` in text order, resolved where the gazetteer can.

        ``exclude_tokens`` are tokens of people and organizations (never places); ``context_countries``
        maps ISO3 codes to how much the article is about each country. Two passes: names that settle
        themselves (countries, regions, "City, Region") first, then the rest with the countries those
        added to the context.
        """
        cands = find_candidates(doc, self._gazetteer, exclude_tokens)
        cands = self._add_towns_before_containers(doc, cands, exclude_tokens)
        by_index = self._resolve_containers(doc, cands, context_countries)
        fixed = {(cands[i].start, cands[i].end): res for i, res in by_index.items()}
        first = [fixed.get((c.start, c.end)) or self._resolve(c, context_countries) for c in cands]
        cands, first = self._confirm_mislabelled(doc, cands, first)
        fixed.update(self._resolve_article_areas(cands, first, fixed, context_countries))
        first = [fixed.get((c.start, c.end)) or r for c, r in zip(cands, first, strict=True)]
        evidence = self._article_evidence(cands, first)
        home = self._home_state(cands, first)
        totals = _evidence_without(evidence, "")
        contexts: dict[str, tuple[dict[str, float], frozenset[str]]] = {}
        text = view(doc).text  # Doc.text joins every token on each access: read it once, not per mention
        mentions = []
        for cand in cands:
            res = fixed.get((cand.start, cand.end))
            if res is None:
                key = fold(cand.text)
                if key not in contexts:
                    others = _others_evidence(totals, evidence.get(key, {}))
                    named = frozenset(code for code in others if "." not in code)
                    contexts[key] = (self._merge(context_countries, others), named)
                res = self._resolve(cand, contexts[key][0], home, contexts[key][1])
            mentions.append(_mention(cand, res, text))
        return self._resolve_us_counties(mentions, self._merge(context_countries, totals), home)

    def _resolve_us_counties(
        self, mentions: list[PlaceMention], context: Mapping[str, float], home: str | None = None
    ) -> list[PlaceMention]:
        """US counties ("Kaufman County"), which the gazetteer has by name and state but without coordinates.

        The state is the one of the county's states the article weighs most (its towns, its name); the
        county is placed at the centre of the article's towns in that state (local news names the
        county its towns are in), or at the state itself when the article has no town there.
        """
        towns: dict[str, list[Place]] = {}
        for m in mentions:
            if m.place is not None and m.place.feature == "city" and m.place.country == "USA":
                area = self._gazetteer.city_area(m.place)
                if area:
                    towns.setdefault(area, []).append(m.place)
        out = []
        for m in mentions:
            states = self._gazetteer.us_county_states(m.text)
            if not states:
                out.append(m)
                continue
            codes = [f"USA.{state}" for state in states]
            weighted = [
                (context.get(code, 0.0) + 0.1 * len(towns.get(code, ())) + (code == home), code)
                for code in codes
            ]
            weight, code = max(weighted)
            if weight <= 0 and len(codes) > 1:
                out.append(
                    PlaceMention(m.start, m.end, m.text, m.token_start, m.token_end, None, "unresolved", 0.0)
                )
                continue
            state = self._gazetteer.area(code)
            here = towns.get(code, [])
            point = self._gazetteer.us_county_point(m.text, code.partition(".")[2])
            if point is not None:
                lat, lon = point
                rule, confidence = ("county", 0.8) if len(codes) == 1 else ("county-context", 0.6)
            elif here:
                lat = sum(p.lat for p in here) / len(here)
                lon = sum(p.lon for p in here) / len(here)
                rule, confidence = "county-towns", 0.6
            elif state is not None:
                lat, lon, rule, confidence = state.lat, state.lon, "county-state", 0.3
            else:
                out.append(m)
                continue
            place = Place(m.text, "USA", round(lat, 4), round(lon, 4), "region")
            out.append(
                PlaceMention(m.start, m.end, m.text, m.token_start, m.token_end, place, rule, confidence)
            )
        return out

    def _resolve(
        self,
        cand: Candidate,
        context: Mapping[str, float],
        home: str | None = None,
        named: frozenset[str] = frozenset(),
    ) -> Resolution | None:
        if cand.source == "demonym":
            iso3 = self._gazetteer.demonym(cand.text)
            country = self._gazetteer.country(iso3) if iso3 else None
            return Resolution(country, "demonym", DEMONYM_CONFIDENCE) if country else None
        text = cand.text.title() if cand.source == "dateline" else cand.text  # "ERIE --" is not an acronym
        return self._gazetteer.resolve_detailed(text, context_countries=context, home=home, named=named)

    def _resolve_article_areas(
        self,
        cands: list[Candidate],
        first: list[Resolution | None],
        fixed: Mapping[tuple[int, int], Resolution],
        context: Mapping[str, float],
    ) -> dict[tuple[int, int], Resolution]:
        """Names that explain each other anywhere in the article: "Gainesville" and "Georgia" are the
        Gainesville in the state of Georgia (and Georgia the state), as "Gainesville, Georgia" would be.

        A city name takes the reading inside a state or province the article names when exactly one
        such area has a city of that name; the area's name then takes that area's reading. A national
        capital or big city stays itself when its own country is named in the article ("Paris" with
        "French" and "Texas"), and so does a world city in a story about other countries against a
        town of a state whose name the article reads as a city only ("Geneva" in a story from
        Washington, the capital, is no town of Washington state; see ``ranking.world_city_over``).
        """
        areas: dict[str, set[str]] = {}
        area_places: dict[str, Place] = {}
        by_name: set[str] = set()  # the areas named by a word the article also reads as a state's name
        for cand, default in zip(cands, first, strict=True):
            if cand.source == "demonym":
                continue
            for code, place in self._gazetteer.containers(cand.text):
                if "." in code:
                    areas.setdefault(code, set()).add(fold(cand.text))
                    area_places[code] = place
                    if default is None or default.place.feature != "city":
                        by_name.add(code)
        if not areas:
            return {}
        settled = {
            r.place.country for c, r in zip(cands, first, strict=True) if r and r.rule in _SETTLED_RULES
        }
        named: dict[str, float] = {}  # the countries of the names that settle themselves, by mentions
        for res in first:
            if res is not None and res.rule in _SETTLED_RULES and res.place.country:
                named[res.place.country] = named.get(res.place.country, 0.0) + 1.0
        weights = self._merge(context, named)
        picks: dict[str, Resolution] = {}
        for cand, default in zip(cands, first, strict=True):
            key = fold(cand.text)
            if key in picks or (cand.start, cand.end) in fixed or cand.source == "demonym":
                continue
            if self._gazetteer.kinds(cand.text) & {"country", "region"}:
                continue  # "Kansas" is the state, not a town named Kansas in another state
            if default is not None and default.rule == "capital":
                continue  # "Washington" stays the capital in an article that names Georgia
            hits = []
            # only the areas that hold a place of this name, not every area for every name (quadratic);
            # their order does not matter: one hit is kept, several are none
            for code in self._gazetteer.areas_holding(cand.text) & areas.keys():
                if key in areas[code]:
                    continue
                res = self._gazetteer.resolve_detailed(cand.text, context_countries=context, within=code)
                if res is not None and res.rule == "within" and res.place.feature == "city":
                    hits.append(res)
            if len(hits) != 1:
                continue
            hit = hits[0]
            if default is not None and _keeps_reading(default, hit, settled, context):
                continue
            plain = self._gazetteer.resolve_detailed(cand.text)  # the reading without any context
            if (
                hit.area not in by_name
                and plain is not None
                and plain.place.country != hit.place.country
                and world_city_over(plain.place.population, hit.place.population, hit.place.country, weights)
            ):
                # a world city in a story about other countries, against a town of a state the article
                # names only as a city ("Geneva" and "Washington", the capital: no town of Washington state)
                continue
            picks[key] = Resolution(hit.place, "article-area", 0.8, hit.area)
        confirmed = {res.area for res in picks.values() if res.area}
        for code in confirmed:
            for key in areas[code]:
                if key not in picks:
                    picks[key] = Resolution(area_places[code], "article-area", 0.8, code)
        out: dict[tuple[int, int], Resolution] = {}
        for cand in cands:
            res = picks.get(fold(cand.text))
            if res is not None and (cand.start, cand.end) not in fixed and cand.source != "demonym":
                out[(cand.start, cand.end)] = res
        return out

    def _resolve_containers(
        self, doc: Doc, cands: list[Candidate], context: Mapping[str, float]
    ) -> dict[int, Resolution]:
        """Resolve "Paris, Texas" pairs: the place after the comma constrains the one before it."""
        fixed: dict[int, Resolution] = {}
        for i in range(len(cands) - 1):
            inner, outer = cands[i], cands[i + 1]
            if outer.token_start != inner.token_end + 1 or doc[inner.token_end].text != ",":
                continue
            if self._country_not_town(doc, cands, i, context):
                continue
            for code, place in self._gazetteer.containers(outer.text):
                res = self._gazetteer.resolve_detailed(inner.text, context_countries=context, within=code)
                if res is not None and res.rule == "within":
                    fixed[i] = res
                    fixed[i + 1] = Resolution(place, "container", 0.9, code if "." in code else None)
                    break
        return fixed

    def _country_not_town(
        self, doc: Doc, cands: list[Candidate], i: int, context: Mapping[str, float]
    ) -> bool:
        """Whether a country name before "Name, Container" is the country, not a town of its name in
        the container: after a compass word ("in eastern Syria, Virginia's senator said"), before a
        country ("in Russia, U.S. officials said" is a list), or when the article is about that
        country (its demonym, or more than one actor of it and more than of the container's)."""
        inner, outer = cands[i], cands[i + 1]
        if "country" not in self._gazetteer.kinds(inner.text):
            return False
        country = self._gazetteer.resolve(inner.text)
        iso3 = country.country if country is not None and country.feature == "country" else None
        if iso3 is None:
            return False
        if inner.token_start > 0 and doc[inner.token_start - 1].lower_ in COMPASS:
            return True
        codes = [code for code, _ in self._gazetteer.containers(outer.text)]
        if all("." not in code for code in codes):
            return True
        # actors of the country, more than of the container's ("the Palestine festival" is no sign)
        rival = max((context.get(code.partition(".")[0], 0.0) for code in codes), default=0.0)
        if context.get(iso3, 0.0) > max(rival, 1.0):
            return True
        # the bare name again is no sign: local news names its town "Palestine" after "Palestine, Texas"
        return any(c.source == "demonym" and self._gazetteer.demonym(c.text) == iso3 for c in cands)

    def _add_towns_before_containers(
        self, doc: Doc, cands: list[Candidate], exclude_tokens: set[int]
    ) -> list[Candidate]:
        """Small towns the model missed, recognised by their container: "Smallville, Kansas"."""
        taken = {t for c in cands for t in range(c.token_start, c.token_end)}
        blocked = taken | exclude_tokens  # once, not once per candidate
        added: list[Candidate] = []
        for outer in cands:
            comma = outer.token_start - 1
            if comma < 1 or doc[comma].text != "," or (comma - 1) in taken:
                continue
            codes = [code for code, _ in self._gazetteer.containers(outer.text)]
            town = self._town_before(doc, comma, codes, blocked)
            if town is not None:
                added.append(town)
        if not added:
            return cands
        return sorted(cands + added, key=lambda c: c.start)

    def _town_before(self, doc: Doc, comma: int, codes: list[str], blocked: set[int]) -> Candidate | None:
        for start in range(max(0, comma - _MAX_TOWN_TOKENS), comma):
            tokens = doc[start:comma]
            # an organization "Wainwright, Alta" that spans the comma is the pair, not a name
            pair = doc[comma].ent_iob_ == "I" and doc[comma].ent_type_ in NON_PLACE_NAME_LABELS
            if any(
                (i in blocked and not pair)
                or t.pos_ != "PROPN"
                or (t.ent_type_ in NON_PLACE_NAME_LABELS and not pair)
                for i, t in zip(range(start, comma), tokens, strict=True)
            ):
                continue
            for code in codes:
                res = self._gazetteer.resolve_detailed(tokens.text, within=code)
                if res is not None and res.rule == "within":
                    return Candidate(start, comma, tokens.start_char, tokens.end_char, tokens.text, "town")
        return None

    def _confirm_mislabelled(
        self, doc: Doc, cands: list[Candidate], first: list[Resolution | None]
    ) -> tuple[list[Candidate], list[Resolution | None]]:
        """Keep a city the model tagged as a person or organization only with support from the text.

        Support: a locative preposition ("in Edmonton"), the same name tagged as a place elsewhere, or
        the city's province or state named in the article. In English-speaking countries the city's
        country is not enough: their towns and surnames overlap ("President Bush", "Lincoln's letters").
        """
        places = [(c, r) for c, r in zip(cands, first, strict=True) if c.source != "mislabelled"]
        names = {c.text for c, _ in places}
        areas = {r.place.country for _, r in places if r is not None}
        areas |= {r.area for _, r in places if r is not None}
        kept = [
            (c, r)
            for c, r in zip(cands, first, strict=True)
            if c.source != "mislabelled"
            or c.text in names
            or (c.token_start > 0 and doc[c.token_start - 1].lower_ in LOCATIVES)
            or (r is not None and _area_named(r, areas))
        ]
        return [c for c, _ in kept], [r for _, r in kept]

    def _home_state(self, cands: list[Candidate], first: list[Resolution | None]) -> str | None:
        """The US state of a local article (``USA.XX``), by spatial agreement of its names.

        Every distinct name read as a US place (or a US county, with ``COUNTY_VOTE`` votes) votes for
        each state that has a town, county or state of that name; the state with most votes is home when
        it has ``HOME_MIN_VOTES`` and leads the next one by ``HOME_MARGIN``. Names read as places abroad
        do not vote, so "London" and "Paris" cannot make an article Kentucky's.
        """
        votes: dict[str, int] = {}  # state code -> votes
        voters: dict[str, list[str]] = {}  # state code -> the names that voted for it
        seen: set[str] = set()
        for cand, res in zip(cands, first, strict=True):
            key = fold(cand.text)
            if key in seen or cand.source == "demonym":
                continue
            seen.add(key)
            county = bool(self._gazetteer.us_county_states(cand.text))
            if not county and (res is None or res.place.country != "USA" or res.place.feature == "country"):
                continue
            for state in self._gazetteer.us_states(cand.text):
                votes[state] = votes.get(state, 0) + (COUNTY_VOTE if county else 1)
                voters.setdefault(state, []).append(cand.text)
        if not votes:
            return None
        top = max(votes.values())
        leaders = [st for st, n in votes.items() if n == top]
        if top < HOME_MIN_VOTES:
            return None
        if len(leaders) == 1:
            runner_up = max((n for st, n in votes.items() if st != leaders[0]), default=0)
            return f"USA.{leaders[0]}" if top - runner_up >= HOME_MARGIN else None
        # a tie: the state where the names lie closest together ("Huntsville" and "Walker County")
        spreads = sorted((self._spread(voters[st], st), st) for st in leaders)
        (best, state), (second, _) = spreads[0], spreads[1]
        if best <= HOME_SPREAD_KM and second >= HOME_SPREAD_RATIO * best:
            return f"USA.{state}"
        return None

    def _spread(self, names: list[str], state: str) -> float:
        """Mean distance (km) between the closest readings of each pair of names inside one state."""
        points = [self._gazetteer.us_points(name, state) for name in names]
        points = [p for p in points if p]
        distances = [
            min(_km(a, b) for a in first for b in second)
            for i, first in enumerate(points)
            for second in points[i + 1 :]
        ]
        return sum(distances) / len(distances) if distances else math.inf

    def _article_evidence(
        self, cands: list[Candidate], resolutions: list[Resolution | None]
    ) -> dict[str, dict[str, float]]:
        """Per toponym (folded text), the countries and admin-1 areas its first-pass resolutions point to.

        Self-resolving names (countries, "City, Region") count 1, guesses count 1/2; a name never
        counts as evidence for itself, so "Georgia" alone cannot decide "Georgia".
        """
        evidence: dict[str, dict[str, float]] = {}
        for cand, res in zip(cands, resolutions, strict=True):
            if res is None and self._gazetteer.us_county_states(cand.text):
                counts = evidence.setdefault(fold(cand.text), {})
                counts["USA"] = counts.get("USA", 0.0) + 1.0  # "Kaufman County": local US news
                continue
            if res is None or res.place.country is None:
                continue
            weight = 1.0 if res.rule in _SETTLED_RULES else 0.5
            counts = evidence.setdefault(fold(cand.text), {})
            counts[res.place.country] = counts.get(res.place.country, 0.0) + weight
            if res.area:
                counts[res.area] = counts.get(res.area, 0.0) + weight
        return evidence

    @staticmethod
    def _merge(given: Mapping[str, float], found: Mapping[str, float]) -> dict[str, float]:
        """The caller's context and the article's own toponyms, each scaled to a maximum of 1."""
        merged: dict[str, float] = {}
        for weights in (given, found):
            top = max((w for w in weights.values() if w > 0), default=0.0)
            for key, w in weights.items():
                if w > 0:
                    merged[key] = merged.get(key, 0.0) + w / top
        return merged


def _keeps_reading(
    default: Resolution, hit: Resolution, settled: set[str | None], context: Mapping[str, float]
) -> bool:
    """Whether a city keeps its own reading against a same-named town in an area the article names.

    A national capital or a city of ``BIG_CITY`` people keeps it when the article names its country
    (or has actors of it); a city of ``MAJOR_CITY`` people when, besides, the article's actors are of
    its country at least as much as of the town's ("a press conference in Oxford" by a British
    minister, in an article that names New Jersey once).
    """
    country = default.place.country or ""
    weight = context.get(country, 0.0)
    if country == hit.place.country or (country not in settled and weight <= 0):
        return False
    if default.rule == "capital" or default.place.population >= BIG_CITY:
        return True
    if default.place.population < MAJOR_CITY:
        return False
    return weight >= context.get(hit.place.country or "", 0.0)


def _area_named(res: Resolution, areas: set[str | None]) -> bool:
    """Whether the article names the city's state or province, or its country outside SURNAME_COUNTRIES."""
    country = res.place.country
    return res.area in areas or (country in areas and country not in SURNAME_COUNTRIES)


def _evidence_without(evidence: dict[str, dict[str, float]], key: str) -> dict[str, float]:
    total: dict[str, float] = {}
    for other, counts in evidence.items():
        if other != key:
            for code, weight in counts.items():
                total[code] = total.get(code, 0.0) + weight
    return total


def _others_evidence(totals: Mapping[str, float], own: Mapping[str, float]) -> dict[str, float]:
    """The evidence of every toponym but one: the article's totals less that toponym's own counts.

    Linear in the codes, where summing the other toponyms for each one was quadratic in the article's
    distinct names. Exact: the counts are sums of 1 and 1/2.
    """
    if not own:
        return dict(totals)
    rest = {code: weight - own.get(code, 0.0) for code, weight in totals.items()}
    return {code: weight for code, weight in rest.items() if weight > 0}


def _mention(cand: Candidate, res: Resolution | None, text: str) -> PlaceMention:
    """The mention of a candidate, with the text as written (an abbreviation's candidate carries the
    name it stands for)."""
    surface = text[cand.start : cand.end]
    if res is None:
        return PlaceMention(
            cand.start, cand.end, surface, cand.token_start, cand.token_end, None, "unresolved", 0.0
        )
    return PlaceMention(
        cand.start, cand.end, surface, cand.token_start, cand.token_end, res.place, res.rule, res.confidence
    )


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km between two (lat, lon) points."""
    p1, p2 = math.radians(a[0]), math.radians(b[0])
    dp, dl = p2 - p1, math.radians(b[1] - a[1])
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))
