"""A dyad's series as the API answers it: its counts, and their JSON written row by row.

``GET /v1/dyads/{a}/{b}/series`` can answer thousands of rows (ten years by day: 7,306 rows,
1.4 MB). Making a dict of each row (``query.DyadCounts.rows``) and encoding them with ``json.dumps``
took 11 and 17 ms of CPU for that answer; ``DyadSeries.json`` writes each row's JSON from the
counts in one f-string instead (about 8 ms), the same bytes ``JSONResponse`` gives of the rows
(``tests/serve/test_series_json.py`` compares them). The csv and the dyad page use the rows.

    >>> DyadSeries("USA", "CHN", "year", DyadCounts(["2024"], [("USA->CHN", {})], True, None), 0).json()
    b'{"a":"USA","b":"CHN","by":"year","rows":[{"period":"2024","direction":"USA->CHN","events":0,\
"verbal_coop":0,"material_coop":0,"verbal_conflict":0,"material_conflict":0,"goldstein_sum":0.0,\
"goldstein_mean":null,"net_cooperation":0}],"undated":0}'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from whodid.store.query import DyadCounts, shown_sum

_PLAIN = re.compile(r"[0-9A-Za-z-]*")  # a period label ("2024-03-06", "2024-W10") JSON holds as it is
_ZERO = (
    '"events":0,"verbal_coop":0,"material_coop":0,"verbal_conflict":0,"material_conflict":0,'
    '"goldstein_sum":0.0,"goldstein_mean":null,"net_cooperation":0}'
)


def _dumps(value: Any) -> str:
    """JSON as ``JSONResponse`` writes it: UTF-8 text, no spaces, no NaN."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


@dataclass(frozen=True)
class DyadSeries:
    """What ``GET /v1/dyads/{a}/{b}/series`` answers: the resolved codes, the period, the counts
    (``query.dyad_counts``) and the events dated too coarsely for the period."""

    a: str
    b: str
    by: str
    counts: DyadCounts
    undated: int

    def rows(self) -> list[dict[str, Any]]:
        return self.counts.rows()

    def json(self) -> bytes:
        """``{"a", "b", "by", "rows", "undated"}`` as ``JSONResponse`` encodes it with the rows of
        ``rows()``; only for counts without the news volume (the API never asks for it)."""
        if self.counts.volume is not None:
            return _dumps({**self._head(), "rows": self.rows(), "undated": self.undated}).encode()
        rows = ",".join(self._rows_json())
        return f'{_dumps(self._head())[:-1]},"rows":[{rows}],"undated":{self.undated}}}'.encode()

    def _head(self) -> dict[str, Any]:
        return {"a": self.a, "b": self.b, "by": self.by}

    def _rows_json(self) -> list[str]:
        """Each row's JSON object, as ``query._dyad_row`` makes it and ``json.dumps`` writes it."""
        counts = self.counts
        plain = _PLAIN.fullmatch("".join(counts.periods)) is not None
        labels = [f'"{p}"' for p in counts.periods] if plain else [_dumps(p) for p in counts.periods]
        directions = [(_dumps(d), bins) for d, bins in counts.directions]
        out: list[str] = []
        add = out.append
        for period, label in zip(counts.periods, labels, strict=True):
            for direction, bins in directions:
                found = bins.get(period)
                if found is None:
                    if counts.fill:
                        add(f'{{"period":{label},"direction":{direction},{_ZERO}')
                    continue
                q1, q2, q3, q4, gsum = found  # ints and a float (``DyadCounts``)
                n = q1 + q2 + q3 + q4
                shown = shown_sum(gsum)
                mean = repr(round(shown / n, 3)) if n else "null"
                net = q1 + q2 - q3 - q4
                add(
                    f'{{"period":{label},"direction":{direction},"events":{n},"verbal_coop":{q1},'
                    f'"material_coop":{q2},"verbal_conflict":{q3},"material_conflict":{q4},'
                    f'"goldstein_sum":{shown!r},"goldstein_mean":{mean},"net_cooperation":{net}}}'
                )
        return out
