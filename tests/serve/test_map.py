"""Issue 12, page 4: the map draws real country outlines (Natural Earth 1:110m from the vendored
world-atlas 2.0.2, decoded by ``whodid.serve.geo``) in the projection of its points, under the
points, which keep their marks of precision. The outlines are read back from the page's SVG path
data and a point is tested against them (even-odd rule, as the style sheet fills them)."""

from __future__ import annotations

import html
import re
from importlib import resources

from fastapi.testclient import TestClient

from whodid.serve import charts, geo

WIDTH = 900  # charts.world_map's default
NUMBER = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)")
LAND = re.compile(r'<path class="land" d="([^"]+)"><title>([^<]+)</title></path>')


def _rings(path: str) -> list[list[tuple[float, float]]]:
    """The closed rings of a path written as geo writes it: ``M x y l dx dy ... z`` per ring."""
    rings = []
    for sub in re.findall(r"M([^l]+)l([^z]*)z", path):
        x, y = (round(float(n) * 10) for n in NUMBER.findall(sub[0]))  # in tenths: no float drift
        ring = [(x / 10, y / 10)]
        steps = [round(float(n) * 10) for n in NUMBER.findall(sub[1])]
        for dx, dy in zip(steps[::2], steps[1::2], strict=True):
            x, y = x + dx, y + dy
            ring.append((x / 10, y / 10))
        rings.append(ring)
    return rings


def _inside(point: tuple[float, float], rings: list[list[tuple[float, float]]]) -> bool:
    """Even-odd rule over every ring: a ray to the right crosses the rings' edges an odd number of times."""
    px, py = point
    crossings = 0
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1], strict=True):
            if (y0 > py) != (y1 > py) and px < x0 + (py - y0) * (x1 - x0) / (y1 - y0):
                crossings += 1
    return crossings % 2 == 1


def _xy(lon: float, lat: float) -> tuple[float, float]:
    scale = WIDTH / 360
    return (lon + 180) * scale, (90 - lat) * scale


def _outlines(page: str) -> dict[str, list[list[tuple[float, float]]]]:
    return {html.unescape(name): _rings(path) for path, name in LAND.findall(page)}


def test_map_page_draws_country_outlines_under_its_points(client: TestClient) -> None:
    page = client.get("/map").text
    svg = page[page.index("<svg") : page.index("</svg>")]
    countries = _outlines(svg)
    assert len(countries) > 100  # 177 in Natural Earth 1:110m
    # the demo places (conftest): China's centroid, a dashed square, lies in China's outline and in
    # no other; Geneva, a city dot, in Switzerland's bounding box and outside China
    square = re.search(r'<rect class="place country" x="([\d.]+)" y="([\d.]+)" width="([\d.]+)"', svg)
    assert square
    x, y, size = (float(v) for v in square.groups())
    centre = (x + size / 2, y + size / 2)
    assert all(abs(a - b) < 0.2 for a, b in zip(centre, _xy(105.0, 35.0), strict=True))
    assert [name for name, rings in countries.items() if _inside(centre, rings)] == ["China"]
    dot = re.search(r'<circle class="place city" cx="([\d.]+)" cy="([\d.]+)"', svg)
    assert dot
    gx, gy = float(dot.group(1)), float(dot.group(2))
    swiss = [p for ring in countries["Switzerland"] for p in ring]
    assert min(p[0] for p in swiss) <= gx <= max(p[0] for p in swiss)
    assert min(p[1] for p in swiss) <= gy <= max(p[1] for p in swiss)
    assert not _inside((gx, gy), countries["China"])
    cairo = _xy(31.24, 30.04)
    assert _inside(cairo, countries["Egypt"]) and not _inside(cairo, countries["Libya"])
    assert _inside(_xy(-99.13, 19.43), countries["Mexico"])  # Mexico City
    assert not any(_inside(_xy(-30.0, 30.0), rings) for rings in countries.values())  # mid-Atlantic
    # the land lies under the places: drawn first, so a point is never hidden by a country
    assert svg.rindex('class="land"') < svg.index('class="place')


def test_outlines_that_cross_the_antimeridian_draw_no_line_across_the_map() -> None:
    svg = str(charts.world_map([]))
    countries = _outlines(svg)
    for name in ("Fiji", "Russia", "Antarctica"):
        for ring in countries[name]:
            edges = zip(ring, ring[1:] + ring[:1], strict=True)
            # no edge spans a quarter of the map, but Antarctica's along the map's bottom (the pole)
            long = [(a, b) for a, b in edges if abs(b[0] - a[0]) >= WIDTH / 4]
            assert all(a[1] == b[1] == WIDTH / 2 for a, b in long), (name, long)
    # Chukotka, east of 180°, is drawn at the map's left edge; Antarctica closes along the bottom
    assert _inside(_xy(-175.0, 66.5), countries["Russia"]) and _inside(_xy(100.0, 60.0), countries["Russia"])
    assert all(_inside(_xy(lon, -88.0), countries["Antarctica"]) for lon in (-179.0, 0.0, 179.0))
    assert _inside(_xy(178.0, -17.8), countries["Fiji"])  # Viti Levu


def test_outlines_are_computed_once_and_read_from_the_package() -> None:
    assert geo.outlines(WIDTH) is geo.outlines(WIDTH) and geo.countries() is geo.countries()
    vendored = resources.files("whodid.serve").joinpath("vendor", "world-atlas")
    assert {"countries-110m.json", "LICENSE", "README.md"} <= {p.name for p in vendored.iterdir()}
    assert "ISC" in vendored.joinpath("README.md").read_text(encoding="utf-8")
