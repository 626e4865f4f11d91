"""Charts drawn by the server as plain SVG: no script, no library, nothing fetched.

Each function takes rows the store returned and gives SVG markup in which every piece of text is
escaped (``markupsafe``), each bar or point a link to the events behind it, with a ``<title>`` that
a browser shows on hover.

    stacked_bars(volume_rows)                  # the overview: events per period by quad class
    series_chart(dyad_rows, "events", a, b)    # a dyad: one line per direction, points are links
    world_map(locations)                       # event places over country outlines (geo.py):
                                               # country centroids vs cities
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from functools import cache
from typing import Any
from urllib.parse import urlencode

from markupsafe import Markup, escape

from whodid.serve import geo

QUAD_NAMES = {
    "verbal_coop": "verbal cooperation",
    "material_coop": "material cooperation",
    "verbal_conflict": "verbal conflict",
    "material_conflict": "material conflict",
}
QUAD_CLASS = {"verbal_coop": 1, "material_coop": 2, "verbal_conflict": 3, "material_conflict": 4}


def period_days(label: str) -> tuple[str, str]:
    """The first and last date (as ``since``/``until`` filters) of a period label.

    >>> period_days("2024-W10"), period_days("2024-03")
    (('2024-03-04', '2024-03-10'), ('2024-03', '2024-03'))
    """
    if "-W" in label:
        year, week = label.split("-W")
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
        return monday.isoformat(), (monday + dt.timedelta(days=6)).isoformat()
    return label, label


def events_link(**filters: Any) -> str:
    """A link to the events page with these filters (None left out)."""
    return "/events?" + urlencode({k: v for k, v in filters.items() if v is not None})


def stacked_bars(rows: Sequence[dict[str, Any]], *, width: int = 900, height: int = 240) -> Markup:
    """Events per period, stacked by quad class; a bar's part links to those events."""
    if not rows:
        return Markup('<p class="empty">No dated events yet.</p>')
    top = max(int(r["events"]) for r in rows) or 1
    pad, base = 40, height - 30
    step = (width - pad - 10) / len(rows)
    bar = max(step * 0.8, 1.0)
    parts = [_svg_open(width, height, "Events per period by quad class"), _axis(pad, base, width, top)]
    for k, row in enumerate(rows):
        x = pad + k * step
        y = float(base)
        since, until = period_days(str(row["period"]))
        for key, name in QUAD_NAMES.items():
            n = int(row[key])
            if not n:
                continue
            h = (base - 10) * n / top
            y -= h
            href = events_link(since=since, until=until, quad=QUAD_CLASS[key])
            parts.append(
                f'<a href="{escape(href)}"><rect class="q{QUAD_CLASS[key]}" x="{x:.1f}" y="{y:.1f}" '
                f'width="{bar:.1f}" height="{h:.1f}"><title>{escape(row["period"])}: {n} {escape(name)}'
                "</title></rect></a>"
            )
    labels = [(pad + k * step + bar / 2, str(row["period"])) for k, row in enumerate(rows)]
    parts.append(_x_labels(labels, height - 12, width))
    parts.append("</svg>")
    return Markup("".join(parts))


def series_chart(
    rows: Sequence[dict[str, Any]], metric: str, a: str, b: str, *, width: int = 900, height: int = 200
) -> Markup:
    """One line per direction (A->B, B->A) of ``metric`` over the periods of a dyad table; each point
    links to the events of that direction and period."""
    periods = sorted({str(r["period"]) for r in rows})
    if not periods:
        return Markup('<p class="empty">No dated events between these actors.</p>')
    values = [float(r[metric]) for r in rows] + [0.0]
    low, high = min(values), max(values)
    span = (high - low) or 1.0
    pad, base = 50, height - 30
    step = (width - pad - 20) / max(len(periods) - 1, 1)

    def xy(label: str, value: float) -> tuple[float, float]:
        return pad + periods.index(label) * step, base - (base - 10) * (value - low) / span

    parts = [_svg_open(width, height, f"{metric} per period, {a} and {b}")]
    zero = xy(periods[0], 0.0)[1]
    parts.append(f'<line class="axis" x1="{pad}" y1="{zero:.1f}" x2="{width - 10}" y2="{zero:.1f}"/>')
    parts.append(
        f'<text class="tick" x="4" y="16">{high:g}</text><text class="tick" x="4" y="{base}">{low:g}</text>'
    )
    for n, (src, tgt) in enumerate(((a, b), (b, a))):
        direction = f"{src}->{tgt}"
        points = sorted((str(r["period"]), float(r[metric])) for r in rows if r["direction"] == direction)
        if not points:
            continue
        line = " ".join(f"{x:.1f},{y:.1f}" for x, y in (xy(p, v) for p, v in points))
        parts.append(f'<polyline class="dir{n}" points="{line}"/>')
        for label, value in points:
            x, y = xy(label, value)
            since, until = period_days(label)
            href = events_link(source=src, target=tgt, since=since, until=until)
            parts.append(
                f'<a class="point" href="{escape(href)}" data-period="{escape(label)}" '
                f'data-direction="{escape(direction)}">'
                f'<circle class="dir{n}" cx="{x:.1f}" cy="{y:.1f}" r="5">'
                f"<title>{escape(direction)} {escape(label)}: {value:g}</title></circle></a>"
            )
    parts.append(_x_labels([(xy(label, 0)[0], label) for label in periods], height - 10, width))
    parts.append("</svg>")
    return Markup("".join(parts))


def world_map(places: Sequence[dict[str, Any]], *, width: int = 900) -> Markup:
    """Event places on an equirectangular map: country outlines (Natural Earth 1:110m, vendored;
    ``geo.outlines``, drawn once per process) under a 30° grid, the places over them. A country's
    centroid is a dashed square (the event is known to the country only), a city or town a filled
    dot, any other place (a region, an unknown feature) a ring; the size grows with the number of
    events."""
    height = width // 2
    scale = width / 360
    parts = [
        _svg_open(width, height, "Where events took place"),
        f'<rect class="sea" width="{width}" height="{height}"/>',
        _land(width),
    ]
    for lon in range(-180, 181, 30):
        x = (lon + 180) * scale
        parts.append(f'<line class="grid" x1="{x:.1f}" y1="0" x2="{x:.1f}" y2="{height}"/>')
    for lat in range(-90, 91, 30):
        y = (90 - lat) * scale
        parts.append(f'<line class="grid" x1="0" y1="{y:.1f}" x2="{width}" y2="{y:.1f}"/>')
    top = max((int(p["events"]) for p in places), default=1)
    for place in places:
        x, y = (float(place["lon"]) + 180) * scale, (90 - float(place["lat"])) * scale
        r = 3 + 9 * (int(place["events"]) / top) ** 0.5
        what = precision(place.get("feature"))
        title = f"{place['name'] or '?'} ({place['country'] or '?'}): {place['events']} events, {what}"
        if what == "country centroid":
            shape = (
                f'<rect class="place country" x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" '
                f'height="{2 * r:.1f}">'
            )
            end = "</rect>"
        else:
            css = "city" if what == "city or town" else "other"
            shape, end = f'<circle class="place {css}" cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}">', "</circle>"
        parts.append(f"{shape}<title>{escape(title)}</title>{end}")
    parts.append("</svg>")
    return Markup("".join(parts))


@cache
def _land(width: int) -> str:
    """Every country's outline as one ``<path class="land">`` with its name as the title."""
    return "".join(
        f'<path class="land" d="{outline.path}"><title>{escape(outline.name)}</title></path>'
        for outline in geo.outlines(width)
    )


def precision(feature: str | None) -> str:
    """How precisely a place locates its events, from its gazetteer feature."""
    if feature == "country":
        return "country centroid"
    if feature in ("city", "town", "village", "capital", "ppl"):
        return "city or town"
    return "region or other place" if feature else "place of unknown kind"


TICK_CHAR_WIDTH = 7.0  # a digit of the 11px tick font (style.css; DejaVu Sans: 0.64 em), in SVG units
TICK_GAP = 8.0  # the least room between two labels


def _x_labels(labels: Sequence[tuple[float, str]], y: int, width: int) -> str:
    """Period labels under their points (``labels``: x and text, left to right): every k-th one, k
    as small as keeps them from overlapping, and the last one always. Each is centred on its point,
    or held against the chart's edge where centring would draw it past that edge: the last label of
    a series ends at the right border rather than being cut off by it.

    >>> print(_x_labels([(50.0, "2024-04"), (880.0, "2024-05")], 190, 900).split("</text>")[1])
    <text class="tick" x="898.0" y="190" text-anchor="end">2024-05
    """
    if not labels:
        return ""
    widest = max(len(text) for _, text in labels) * TICK_CHAR_WIDTH + TICK_GAP
    spacing = (labels[-1][0] - labels[0][0]) / max(len(labels) - 1, 1) or widest
    every = max(1, math.ceil(widest / spacing))
    placed = [_placed(x, text, width) for k, (x, text) in enumerate(labels) if k % every == 0]
    last = _placed(*labels[-1], width)
    kept = [p for p in placed if p[3] + TICK_GAP <= last[2]]  # none that the last one would overlap
    return "".join(
        f'<text class="tick" x="{x:.1f}" y="{y}" text-anchor="{anchor}">{escape(text)}</text>'
        for x, anchor, _, _, text in [*kept, last]
    )


def _placed(x: float, text: str, width: int) -> tuple[float, str, float, float, str]:
    """A label's x, text-anchor, left and right edges (estimated) and text, kept inside 0..width."""
    size = len(text) * TICK_CHAR_WIDTH
    if x + size / 2 > width - 2:
        return width - 2.0, "end", width - 2.0 - size, width - 2.0, text
    if x - size / 2 < 2:
        return 2.0, "start", 2.0, 2.0 + size, text
    return x, "middle", x - size / 2, x + size / 2, text


def _svg_open(width: int, height: int, label: str) -> str:
    return (
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'role="img" aria-label="{escape(label)}">'
    )


def _axis(pad: int, base: int, width: int, top: int) -> str:
    return (
        f'<line class="axis" x1="{pad}" y1="{base}" x2="{width - 10}" y2="{base}"/>'
        f'<text class="tick" x="4" y="16">{top}</text><text class="tick" x="4" y="{base}">0</text>'
    )
