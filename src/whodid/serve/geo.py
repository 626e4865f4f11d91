"""Country outlines for the dashboard's map (issue 12): the vendored Natural Earth 1:110m countries
(``vendor/world-atlas/countries-110m.json``, world-atlas 2.0.2, TopoJSON) decoded here, with no
JavaScript and nothing fetched, and drawn as SVG paths in the map's equirectangular projection
(``x = (lon + 180) * width / 360``, ``y = (90 - lat) * width / 360``).

TopoJSON keeps each shared border once, as an *arc*: a list of integer positions, each but the first
a difference from the one before, mapped to degrees by the file's ``transform`` (``lon = x * scale[0]
+ translate[0]``). A polygon's ring lists arc indices; ``~i`` (that is ``-i - 1``) is arc ``i``
reversed. Consecutive arcs share their end point, which is kept once.

Three countries cross the antimeridian (Fiji, Russia) or circle the pole (Antarctica). A ring that
crosses it is unwrapped (its longitudes made continuous, some beyond ±180) and drawn a second time
shifted by 360°: the SVG's viewport clips the part outside the map. A ring that circles the pole is
opened at its crossing and closed along the map's edge at the pole.

>>> lon, lat = _decoded({"scale": [0.5, 0.25], "translate": [-180, -90]}, [[0, 0], [2, 4], [-1, 0]])[1]
>>> (lon, lat)
(-179.0, -89.0)
>>> _unwrapped([(170.0, 0.0), (-170.0, 1.0), (175.0, 2.0)])
[(170.0, 0.0), (190.0, 1.0), (175.0, 2.0)]
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import NamedTuple

Point = tuple[float, float]
Ring = list[Point]

SOURCE = ("vendor", "world-atlas", "countries-110m.json")


class Outline(NamedTuple):
    """One country's SVG path data (every ring of every polygon, ``fill-rule: evenodd`` for holes)."""

    name: str
    path: str
    bbox: tuple[float, float, float, float]  # west, south, east, north in degrees, within ±180, ±90


@cache
def countries() -> tuple[tuple[str, tuple[tuple[Ring, ...], ...]], ...]:
    """Every country of the vendored file: its name and its polygons, each a tuple of rings (the
    outer one first, then its holes) of (lon, lat) points in degrees. Read and decoded once."""
    data = json.loads(resources.files("whodid.serve").joinpath(*SOURCE).read_text(encoding="utf-8"))
    arcs = [_decoded(data["transform"], arc) for arc in data["arcs"]]
    out = []
    for geometry in data["objects"]["countries"]["geometries"]:
        kind = geometry["type"]
        polygons = {"Polygon": [geometry["arcs"]], "MultiPolygon": geometry["arcs"]}.get(kind, [])
        shapes = tuple(tuple(_ring(arcs, ring) for ring in polygon) for polygon in polygons)
        out.append((str(geometry["properties"]["name"]), shapes))
    return tuple(out)


@cache
def outlines(width: int) -> tuple[Outline, ...]:
    """The countries as SVG path data for a map ``width`` wide (``width / 2`` high), coordinates
    rounded to a tenth of a unit and repeated points dropped. Computed once per width per process."""
    scale = width / 360
    out = []
    for name, polygons in countries():
        rings = [r for polygon in polygons for ring in polygon for r in _drawable(ring)]
        if not rings:
            continue
        lons = [min(max(lon, -180.0), 180.0) for ring in rings for lon, _ in ring]
        lats = [lat for ring in rings for _, lat in ring]
        path = "".join(_subpath(ring, scale) for ring in rings)
        out.append(Outline(name, path, (min(lons), min(lats), max(lons), max(lats))))
    return tuple(out)


def _decoded(transform: dict[str, Sequence[float]], arc: Sequence[Sequence[int]]) -> Ring:
    """A quantized, delta-encoded arc as (lon, lat) points."""
    (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
    x = y = 0
    points = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        points.append((x * sx + tx, y * sy + ty))
    return points


def _ring(arcs: Sequence[Ring], indices: Sequence[int]) -> Ring:
    """A ring's points from its arc indices (``~i``: arc ``i`` backwards), shared ends kept once."""
    points: Ring = []
    for index in indices:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def _unwrapped(ring: Ring) -> Ring:
    """The ring with its longitudes made continuous: a step of more than 180° is a crossing of the
    antimeridian, and every point after it moves by 360° the other way."""
    out: Ring = []
    shift = 0.0
    for lon, lat in ring:
        if out:
            step = lon + shift - out[-1][0]
            if step > 180:
                shift -= 360
            elif step < -180:
                shift += 360
        out.append((lon + shift, lat))
    return out


def _drawable(ring: Ring) -> list[Ring]:
    """The ring as the rings to draw on a map from -180° to 180°: itself; unwrapped and also shifted
    by 360° when it crosses the antimeridian; opened there and closed along the pole when it circles
    the pole (its unwrapped end lies 360° from its start)."""
    if len(ring) < 3:
        return []
    unwrapped = _unwrapped(ring)
    if abs(unwrapped[-1][0] - unwrapped[0][0]) > 180:  # circles a pole
        points = ring[:-1] if ring[0] == ring[-1] else ring
        cut = next(k for k in range(len(points)) if abs(points[k][0] - points[k - 1][0]) > 180)
        opened = _unwrapped(points[cut:] + points[:cut])
        pole = -90.0 if sum(lat for _, lat in opened) < 0 else 90.0
        return [[*opened, (opened[-1][0], pole), (opened[0][0], pole)]]
    west, east = min(lon for lon, _ in unwrapped), max(lon for lon, _ in unwrapped)
    rings = [unwrapped]
    if west < -180:
        rings.append([(lon + 360, lat) for lon, lat in unwrapped])
    if east > 180:
        rings.append([(lon - 360, lat) for lon, lat in unwrapped])
    return rings


def _subpath(ring: Ring, scale: float) -> str:
    """One closed SVG subpath in tenths of a unit: ``M x y`` then each next point relative to the one
    before (``l dx dy ...``), repeats dropped: about half the size of absolute coordinates.

    >>> _subpath([(0.0, 0.0), (1.0, 0.0), (1.0, 1.04), (1.0, 1.0), (0.5, 0.5), (0.0, 0.0)], 1.0)
    'M180 90l1 0 0-1-.5 .5z'
    """
    points: list[tuple[int, int]] = []
    for lon, lat in ring:
        point = (round((lon + 180) * scale * 10), round((90 - lat) * scale * 10))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    if len(points) < 3:
        return ""
    steps: list[str] = []
    for (x0, y0), (x1, y1) in pairwise(points):
        steps += [_tenths(x1 - x0), _tenths(y1 - y0)]
    text = steps[0] + "".join(n if n.startswith("-") else " " + n for n in steps[1:])
    return f"M{_tenths(points[0][0])} {_tenths(points[0][1])}l{text}z"


def _tenths(value: int) -> str:
    """A whole number of tenths as the shortest decimal: 12 -> '1.2', 10 -> '1', -5 -> '-.5'."""
    sign, whole, tenth = "-" if value < 0 else "", abs(value) // 10, abs(value) % 10
    if not tenth:
        return f"{sign}{whole}"
    return f"{sign}{whole if whole else ''}.{tenth}"
