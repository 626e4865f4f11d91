"""Issue 12: the server's SVG charts keep every x-axis label inside the chart, the last period's
included (it used to start at the last point and run past the right border), and no two overlap.
The widths are the drawing's own estimate; test_live.py measures the boxes Chromium draws."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest

from whodid.serve import charts
from whodid.store.periods import between

WIDTH = 900


def _labels(svg: str) -> list[tuple[float, float, str]]:
    """The left and right edges (as the chart estimates them) and text of each x-axis label."""
    out = []
    for x, anchor, text in re.findall(
        r'<text class="tick" x="([\d.]+)" y="\d+" text-anchor="(\w+)">([^<]+)<', svg
    ):
        size = len(text) * charts.TICK_CHAR_WIDTH
        left = {"start": float(x), "middle": float(x) - size / 2, "end": float(x) - size}[anchor]
        out.append((left, left + size, text))
    return out


@pytest.mark.parametrize(
    ("first", "last", "by"),
    [("2024-03", "2024-05", "month"), ("2024-01", "2024-12", "month"), ("2024-03-05", "2024-05-14", "day"),
     ("2024-W10", "2024-W20", "week"), ("2024-03-05", "2024-03-05", "day"), ("2015", "2024", "year")],
)  # fmt: skip
def test_every_label_is_inside_the_chart_and_the_last_one_is_shown(first: str, last: str, by: str) -> None:
    periods = between(first, last, by)
    dyad = [
        {"period": p, "direction": d, "events": k % 3, "goldstein_sum": -1.5 * k, "net_cooperation": 1}
        for k, p in enumerate(periods)
        for d in ("USA->CHN", "CHN->USA")
    ]
    volume = [
        {"period": p, "events": 1, **dict.fromkeys(charts.QUAD_NAMES, 0), "verbal_coop": 1} for p in periods
    ]
    for svg in (str(charts.series_chart(dyad, "events", "USA", "CHN")), str(charts.stacked_bars(volume))):
        labels = _labels(svg)
        assert labels[-1][2] == periods[-1] and labels[0][2] == periods[0]
        assert all(left >= 0 and right <= WIDTH for left, right, _ in labels), labels
        assert all(a[1] < b[0] for a, b in pairwise(labels)), labels  # no overlap
