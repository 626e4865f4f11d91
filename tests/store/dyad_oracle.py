"""Random made-up events for a dyad's series, and the series counted straight from the events table
in Python: the oracle of ``query.dyad``, ``query.dyad_undated`` and ``GET /v1/dyads/{a}/{b}/series``
(tests/store/test_dyad_days.py, tests/serve/test_series_json.py).

The events fall on few days, so that the events of several articles share a day and a pair of
code roots (the summary ``dyad_days`` adds them up as each article is stored); their Goldstein
scores have one decimal, as CAMEO's, and those of ZEN->OST on 2023-12-29 add up to zero.
"""

from __future__ import annotations

import math
import random
from typing import Any

from whodid.evaluate.base import empty_prediction
from whodid.record import ArticleRecord
from whodid.store import periods
from whodid.store.db import Store
from whodid.store.periods import PERIODS

TEXT = "Ruritania attacked Osterlich."
CODES = ("RUR", "RURGOV", "RURMIL", "OST", "OSTGOV", "ZEN", "IGOUNO", "RU")
DAYS = ("2023-12-30", "2023-12-31", "2024-01-01", "2024-01-08", "2024-02-29", "2024-03-02")
DATES = (*DAYS, "2024-03", "2023-12", "2024", None)
# (CAMEO code, quad class, Goldstein score) as in the CAMEO table
CAMEO = (
    ("051", 1, 3.4),
    ("057", 2, 8.0),
    ("112", 3, -2.0),
    ("190", 4, -10.0),
    ("043", 1, 2.8),
    ("138", 3, -7.0),
)
MODALITIES = ("asserted", "asserted", "asserted", "future", "negated", "hypothetical")


def _event(rng: random.Random, k: int) -> dict[str, Any]:
    src, tgt = rng.sample(CODES, 2)
    date = rng.choice(DATES)
    cameo, quad, goldstein = rng.choice(CAMEO)
    target = {"actor": "a2", "country": tgt[:3], "code": tgt, "text": "Osterlich"}
    return {
        "id": f"e{k + 1}",
        "source": {"actor": "a1", "country": src[:3], "code": src, "text": "Ruritania"},
        "target": None if rng.random() < 0.05 else target,
        "cameo": cameo,
        "plover": None,
        "quad_class": quad,
        "goldstein": goldstein,
        "date": date,
        "date_precision": {None: "unknown", 4: "year", 7: "month", 10: "day"}[len(date) if date else None],
        "date_source": "text",
        "location": None,
        "modality": rng.choice(MODALITIES),
        "background": rng.random() < 0.2,
        "sentence": {"index": 0, "start": 0, "end": len(TEXT)},
        "evidence": {"start": 0, "end": 9, "text": TEXT[:9]},
        "rule": "test",
        "confidence": rng.choice([0.5, 0.8, 0.9]),
    }


def records(seed: int, articles: int = 10, events: int = 40) -> list[tuple[ArticleRecord, str, str, None]]:
    """``articles`` made-up articles of ``events`` random events each, as ``Store.add`` takes them."""
    rng = random.Random(seed)
    out = []
    for k in range(articles):
        rec = empty_prediction(f"sha256-{seed:04x}{k:012x}")
        rec["article"]["published"] = rng.choice(DAYS)
        rec["actors"] = [
            {"id": "a1", "name": "Ruritania", "kind": "state", "mentions": [{"start": 0, "end": 0}]},
            {"id": "a2", "name": "Osterlich", "kind": "state", "mentions": [{"start": 0, "end": 0}]},
        ]
        rec["events"] = [_event(rng, e) for e in range(events)]
        if k == 0:  # scores that add up to -5.6e-17 in every order, shown as 0.0 (not -0.0)
            for score in (-0.1, -0.2, 0.3):
                zero = _event(rng, len(rec["events"]))
                zero.update(goldstein=score, date="2023-12-29", date_precision="day", modality="asserted")
                zero["source"].update(code="ZEN", country="ZEN")
                zero["target"] = {"actor": "a2", "country": "OST", "code": "OST", "text": "Osterlich"}
                rec["events"].append(zero)
        out.append((ArticleRecord.from_dict(rec), f"{TEXT} {seed} {k}", "test", None))
    return out


def fill_random(store: Store, seed: int = 7) -> None:
    """The articles of ``records(seed)``, stored one per ``Store.add``: the summaries grow by upserts."""
    for item in records(seed):
        store.add([item])


def counted(
    store: Store,
    a: str,
    b: str,
    *,
    by: str,
    since: str | None = None,
    until: str | None = None,
    modality: str = "asserted",
    min_confidence: float | None = None,
    include_background: bool = True,
) -> tuple[list[dict[str, Any]], int]:
    """The zero-filled rows of the series of ``a`` and ``b`` (two different codes of whole segments,
    or with a trailing ``*``) and its undated count, counted event by event from ``events``."""
    kept = None if modality == "all" else set(modality.split(","))
    width = PERIODS.get(by, 10)
    directions = sorted([(f"{a}->{b}", a, b), (f"{b}->{a}", b, a)])
    bins: dict[tuple[str, str], list[Any]] = {}
    undated = 0
    rows = store.conn.execute(
        "SELECT source_code, target_code, date, quad_class, goldstein, modality, confidence, background "
        "FROM events"
    ).fetchall()
    for src_code, tgt_code, date, quad, goldstein, mod, confidence, background in rows:
        if src_code is None or tgt_code is None or (kept is not None and mod not in kept):
            continue
        if min_confidence is not None and confidence < min_confidence:
            continue
        if not include_background and background:
            continue
        if (since or until) and date is None:
            continue
        if (since and date < since) or (until and date[: len(until)] > until):
            continue
        for name, x, y in directions:
            if not (src_code.startswith(x.rstrip("*")) and tgt_code.startswith(y.rstrip("*"))):
                continue
            if date is None or len(date) < width:
                undated += 1
                continue
            label = periods.period(date, by)
            acc = bins.setdefault((label, name), [0, 0, 0, 0, []])
            acc[int(quad) - 1] += 1
            acc[4].append(float(goldstein))
    labels = {label for label, _ in bins}
    first, last = periods.bounds(since, until, by)
    first, last = first or min(labels, default=None), last or max(labels, default=None)
    if first is not None and last is not None and first <= last:
        labels |= set(periods.between(first, last, by))
    out = []
    for label in sorted(labels):
        for name, _, _ in directions:
            q1, q2, q3, q4, scores = bins.get((label, name), [0, 0, 0, 0, []])
            n = q1 + q2 + q3 + q4
            total = round(math.fsum(scores), 3) + 0.0  # the exact sum, to the decimals shown
            out.append(
                {
                    "period": label,
                    "direction": name,
                    "events": n,
                    "verbal_coop": q1,
                    "material_coop": q2,
                    "verbal_conflict": q3,
                    "material_conflict": q4,
                    "goldstein_sum": total,
                    "goldstein_mean": round(total / n, 3) if n else None,
                    "net_cooperation": q1 + q2 - q3 - q4,
                }
            )
    return out, undated
