"""Queries over the store: event mentions with filters, and a dyad's relations over time.

Every filter is a parameter of one SQL statement (no string pasting of user values). Dates in the
store are ISO strings at their own precision (``2024``, ``2024-03``, ``2024-03-06``): ``since`` and
``until`` compare on the event's date as written, and a period of ``dyad`` counts only events whose
date is at least as precise as the period (the others are counted apart, never guessed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, get_args

from whodid.errors import Errors
from whodid.nlp.state import Modality
from whodid.store import periods, schema
from whodid.store.codes import SEGMENT, code_pattern, matches, resolve, upper_bound
from whodid.store.db import Store
from whodid.store.lookups import check_cameo
from whodid.store.periods import PERIODS, period
from whodid.store.speakers import quotes, speakers

__all__ = [
    "DyadCounts",
    "EventQuery",
    "actors",
    "dyad",
    "dyad_counts",
    "dyad_undated",
    "events",
    "quotes",
    "speakers",
]

EVENT_COLUMNS = (
    "article_id",
    "event_id",
    "date",
    "date_precision",
    "source_code",
    "source_text",
    "cameo",
    "plover",
    "quad_class",
    "goldstein",
    "target_code",
    "target_text",
    "modality",
    "confidence",
    "rule",
    "evidence_text",
    "sentence",
    "url",
    "cluster_id",
    "cluster_reason",
)
# how each column of ``events`` is selected: the stored event columns (store/schema.py), the sentence
# and the article's URL
_EVENT_SELECT = {
    **{name: f"e.{name}" for name in schema.names(schema.EVENTS)},
    "sentence": "s.text",
    "url": "a.url",
}
# every modality a record can have (asserted, future, hypothetical, negated, cancelled)
MODALITIES: tuple[str, ...] = get_args(Modality)
# what is counted and exported unless a query asks for more: the events reported as done
DEFAULT_MODALITY = "asserted"
DYAD_COLUMNS = (
    "period",
    "direction",
    "events",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "goldstein_sum",
    "goldstein_mean",
    "net_cooperation",
)
VOLUME_COLUMNS = ("articles", "events_per_1k_articles")  # dyad(..., normalize=True)
# mentions newest first; within an article by event number (e2 before e10: ids are "e" + a number)
MENTION_ORDER = "e.date IS NULL, e.date DESC, e.article_id, length(e.event_id), e.event_id"
_CAMEO = re.compile(r"\d{2,4}\*?")  # a bare 2-digit root (19) means the root, as 19*
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


@dataclass(frozen=True)
class EventQuery:
    """Filters of ``events``; None means "any"."""

    source: str | None = None  # country or actor code prefix: "USA", "USAGOV"
    target: str | None = None
    actor: str | None = None  # part of a source or target actor's name or mention text
    cameo: str | None = None  # "173" exactly, or "17*" for a prefix
    quad: int | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD
    until: str | None = None
    min_confidence: float | None = None
    limit: int | None = None
    cluster: int | None = None  # the mentions of one event cluster (its id, from --clusters)
    clusters: bool = False  # one row per event cluster (any of whose mentions matches)
    # "asserted" (the default), "all", a comma list ("asserted,future") or a sequence of modalities
    modality: str | Sequence[str] = DEFAULT_MODALITY
    include_background: bool = True  # events the story recalls from before its news, at their own date


def modalities(value: str | Sequence[str] | None) -> tuple[str, ...] | None:
    """The modalities a ``modality`` filter keeps, checked; None for every one (``"all"``).

    >>> modalities("asserted,future")
    ('asserted', 'future')
    >>> modalities("all") is None
    True"""
    if value is None:
        return None
    wanted = [v.strip().lower() for v in (value.split(",") if isinstance(value, str) else value)]
    if "all" in wanted:
        return None
    unknown = [v for v in wanted if v not in MODALITIES]
    if unknown or not wanted:
        expected = "all, or one or more of " + ", ".join(MODALITIES) + " separated by commas"
        raise Errors.E410.error(option="--modality", value=",".join(unknown) or str(value), expected=expected)
    return tuple(dict.fromkeys(wanted))


def _modality_sql(column: str, value: str | Sequence[str] | None) -> tuple[str, list[object]]:
    """The condition (``""`` for none) keeping the modalities of ``value``; a record stored without
    one (none is, under the contract) counts as asserted."""
    kept = modalities(value)
    if kept is None:
        return "", []
    cond = f"{column} IN ({', '.join('?' * len(kept))})"
    if DEFAULT_MODALITY in kept:
        cond = f"({cond} OR {column} IS NULL)"
    return cond, list(kept)


def _check(q: EventQuery) -> None:
    if q.cameo is not None and not _CAMEO.fullmatch(q.cameo):
        raise Errors.E410.error(option="--cameo", value=q.cameo, expected="a CAMEO code such as 173 or 17*")
    if q.cameo is not None:
        check_cameo(q.cameo)  # E427, with the nearest codes
    for name, value in (("--since", q.since), ("--until", q.until)):
        if value is not None and not _DATE.fullmatch(value):
            raise Errors.E410.error(option=name, value=value, expected="YYYY, YYYY-MM or YYYY-MM-DD")
    if q.quad is not None and q.quad not in (1, 2, 3, 4):
        raise Errors.E410.error(option="--quad", value=q.quad, expected="1, 2, 3 or 4")


def _where(q: EventQuery) -> tuple[list[str], list[object]]:
    """The SQL conditions on ``events e`` for the filters of ``q``, and their parameters."""
    _check(q)
    where: list[str] = ["1 = 1"]
    args: list[object] = []
    if q.source:
        where.append(_code_prefix("e.source_code"))
        args += _prefix_args(q.source)
    if q.target:
        where.append(_code_prefix("e.target_code"))
        args += _prefix_args(q.target)
    if q.actor:
        where.append(
            "(LOWER(e.source_text) LIKE ? ESCAPE '\\' OR LOWER(e.target_text) LIKE ? ESCAPE '\\' "
            "OR EXISTS (SELECT 1 FROM actors x WHERE x.article_id = e.article_id "
            "AND x.actor_id IN (e.source_actor, e.target_actor) AND LOWER(x.name) LIKE ? ESCAPE '\\'))"
        )
        pattern = "%" + _escape(q.actor.lower()) + "%"
        args += [pattern, pattern, pattern]
    if q.cameo:
        if len(q.cameo) == 2:  # a bare root (19), as GDELT's EventRootCode
            where.append("e.cameo_root = ?")
            args.append(q.cameo)
        elif q.cameo.endswith("*"):
            where.append("e.cameo LIKE ?")
            args.append(q.cameo[:-1] + "%")
        else:
            where.append("e.cameo = ?")
            args.append(q.cameo)
    if q.quad is not None:
        where.append("e.quad_class = ?")
        args.append(q.quad)
    if q.since:
        where.append("e.date IS NOT NULL AND e.date >= ?")
        args.append(q.since)
    if q.until:
        where.append("e.date IS NOT NULL AND substr(e.date, 1, ?) <= ?")
        args += [len(q.until), q.until]
    if q.min_confidence is not None:
        where.append("e.confidence >= ?")
        args.append(q.min_confidence)
    if q.cluster is not None:
        where.append("e.cluster_id = ?")
        args.append(q.cluster)
    kept, kept_args = _modality_sql("e.modality", q.modality)
    if kept:
        where.append(kept)
        args += kept_args
    if not q.include_background:
        where.append("e.background = 0")
    return where, args


def resolved(store: Store, q: EventQuery) -> EventQuery:
    """``q`` with its source and target read as stored actor codes (``codes.resolve``: a country
    name is its code; a code no stored event has is E419 with the nearest)."""
    source = resolve(store, q.source).code if q.source else q.source
    target = resolve(store, q.target).code if q.target else q.target
    return replace(q, source=source, target=target)


def events(store: Store, q: EventQuery) -> list[dict[str, Any]]:
    """Event mentions matching every filter, newest first, each with its sentence and article URL;
    with ``q.clusters`` one row per event cluster that has a matching mention."""
    q = resolved(store, q)
    where, args = _where(q)
    if q.clusters:
        return _clusters(store, q, where, args)
    sql = (
        "SELECT "
        + ", ".join(_EVENT_SELECT[c] for c in EVENT_COLUMNS)
        + " FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx "
        "WHERE " + " AND ".join(where) + " ORDER BY " + MENTION_ORDER
    )
    if q.limit is not None:
        sql += " LIMIT ?"
        args.append(q.limit)
    rows = store.conn.execute(sql, args).fetchall()
    return [dict(zip(EVENT_COLUMNS, row, strict=True)) for row in rows]


CLUSTER_COLUMNS = (
    "cluster_id",
    "first_day",
    "last_day",
    "source",
    "cameo_root",
    "target",
    "mentions",
    "stories",
    "sources",
    "goldstein",
    "quad_class",
    "location_country",
    "example",
)


# the CLUSTER_COLUMNS of the clusters holding an event that meets the conditions that follow
CLUSTERS_OF_EVENTS = (
    "SELECT c.id, c.first_day, c.last_day, c.source_key, c.cameo_root, c.target_key, c.mentions, "
    "c.stories, c.sources, c.goldstein, c.quad_class, c.location_country, "
    "(SELECT x.evidence_text FROM events x WHERE x.cluster_id = c.id ORDER BY x.confidence DESC LIMIT 1) "
    "FROM event_clusters c WHERE c.id IN (SELECT e.cluster_id FROM events e WHERE "
)


def _clusters(store: Store, q: EventQuery, where: list[str], args: list[object]) -> list[dict[str, Any]]:
    sql = CLUSTERS_OF_EVENTS + " AND ".join(where) + ") ORDER BY c.first_day IS NULL, c.first_day DESC, c.id"
    if q.limit is not None:
        sql += " LIMIT ?"
        args = [*args, q.limit]
    rows = store.conn.execute(sql, args).fetchall()
    return [dict(zip(CLUSTER_COLUMNS, row, strict=True)) for row in rows]


def dyad(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    normalize: bool = False,
    clusters: bool = False,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
    modality: str | Sequence[str] = DEFAULT_MODALITY,
    include_background: bool = True,
    fill: bool = False,
) -> list[dict[str, Any]]:
    """The rows of ``dyad_counts`` (the same arguments), one per period and direction."""
    return dyad_counts(
        store,
        a,
        b,
        by=by,
        normalize=normalize,
        clusters=clusters,
        since=since,
        until=until,
        min_confidence=min_confidence,
        modality=modality,
        include_background=include_background,
        fill=fill,
    ).rows()


@dataclass(frozen=True)
class DyadCounts:
    """A dyad's counts before they are rows: every period shown, in order, and the two directions,
    in order, each with period -> [quad 1, 2, 3, 4 counts (ints), Goldstein sum (a float)] (no entry
    for a period without events); ``fill`` and the news volume per period (``normalize``) as asked."""

    periods: list[str]
    directions: list[tuple[str, dict[str, list[float]]]]
    fill: bool
    volume: dict[str, int] | None

    def rows(self) -> list[dict[str, Any]]:
        """A row per period and direction (see ``dyad_counts``); a period's rows in the order of
        their direction."""
        zero = _dyad_row("", "", _NO_EVENTS, None)  # copied for a period without events (fill)
        out: list[dict[str, Any]] = []
        for label in self.periods:
            for direction, bins in self.directions:
                counts = bins.get(label)
                if counts is not None or (self.fill and self.volume is not None):
                    out.append(_dyad_row(label, direction, counts or _NO_EVENTS, self.volume))
                elif self.fill:
                    row = zero.copy()
                    row["period"], row["direction"] = label, direction
                    out.append(row)
        return out


def dyad_counts(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    normalize: bool = False,
    clusters: bool = False,
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
    modality: str | Sequence[str] = DEFAULT_MODALITY,
    include_background: bool = True,
    fill: bool = False,
) -> DyadCounts:
    """Both directions between two country or actor codes, per period. A code matches the codes
    that extend it by whole segments (SYR: SYRREB), a country name its code (``codes.resolve``).

    Each row: period (``2024``, ``2024-03``, ``2024-W10`` or ``2024-03-06``), direction ("A->B" or
    "B->A"), events, counts per quad class, Goldstein sum and mean, and net cooperation = (quad 1 +
    quad 2) - (quad 3 + quad 4). Events dated less precisely than the period (a week needs a day)
    are left out of the rows and counted by ``dyad_undated``. The Goldstein mean is that of the sum
    as shown (rounded to 3 decimals), so that it does not depend on the order the database added in.

    One statement per direction pivots the events into a row per period (a count per quad class,
    the Goldstein sum); a week is folded from its days. A ten-year series by day is 7,306 rows.
    Where the summary ``dyad_days`` holds what is asked (both codes of three letters, and no
    confidence floor, background left out or clusters), the periods are added up from its days
    instead of the events (``_summed_days``).

    ``clusters`` counts each event cluster (the reports of one event) once per period instead of each
    mention, with its mentions' mean Goldstein score: one event reported by ten papers is one event.

    ``normalize`` adds the news volume of each period: ``articles``, the stored articles published in
    it, and ``events_per_1k_articles`` (None when no article of the store was published then), so
    that a busier news month does not read as a busier relation.

    ``since`` and ``until`` keep the events dated within them, as ``whodid events`` does;
    ``min_confidence`` the events at least that sure. ``modality`` says which events count: by
    default the asserted ones only ("did not attack", "may attack" and "will attack" are no attack);
    ``"all"`` or a comma list (``"asserted,future"``) opts in. Background events (recalled by the
    story from before its news) count at their own date unless ``include_background`` is False.

    ``fill`` (as ``whodid dyad`` and ``db.dyad`` do by default) adds a row of zeros for each
    direction and period without events, from the first period of the table (or of ``since``) to the
    last (or ``until``): a time series with no gaps."""
    if by not in (*PERIODS, "week"):
        raise Errors.E410.error(option="--by", value=by, expected="day, week, month or year")
    window, window_args = _window(since, until, min_confidence, modality, include_background)
    a, b = resolve(store, a).code, resolve(store, b).code
    width = PERIODS.get(by, 10)  # a week is folded from days
    summed = _summarized(a, b) and not clusters and min_confidence is None and include_background
    directions: list[tuple[str, dict[str, list[float]]]] = []
    for src, tgt in ((a, b), (b, a)):
        if summed:
            bins = _summed_days(store, src, tgt, by, since, until, modality)
        else:
            bins = _periods_of(_pivoted(store, src, tgt, width, window, window_args, clusters=clusters), by)
        directions.append((f"{src}->{tgt}", bins))
    labels = {label for _, bins in directions for label in bins}
    if fill:
        labels |= _filled(labels, since, until, by)
    volume = _article_volume(store, by) if normalize else None
    directions.sort(key=lambda d: d[0])  # the rows of a period in the order of their direction
    return DyadCounts(sorted(labels), directions, fill, volume)


# a dyad's events per period: counts per quad class and Goldstein sum, one row per period
_PIVOT = (
    "SELECT substr(date, 1, {width}), "
    + ", ".join(f"COUNT(CASE WHEN quad_class = {q} THEN 1 END)" for q in (1, 2, 3, 4))
    + ", SUM(goldstein) FROM events WHERE {match} GROUP BY substr(date, 1, {width})"
)
# the same with each event cluster counted once per period (its quad class and mean Goldstein score)
_CLUSTER_PIVOT = (
    "SELECT period, "
    + ", ".join(f"COUNT(CASE WHEN quad_class = {q} THEN 1 END)" for q in (1, 2, 3, 4))
    + ", SUM(goldstein) FROM (SELECT substr(date, 1, {width}) AS period, MIN(quad_class) AS quad_class, "
    "AVG(goldstein) AS goldstein FROM events WHERE {match} GROUP BY substr(date, 1, {width}), "
    "COALESCE(cluster_id, -1), CASE WHEN cluster_id IS NULL THEN article_id || ' ' || event_id END) "
    "AS per_cluster GROUP BY period"
)
_NO_EVENTS = [0, 0, 0, 0, 0.0]
# a dyad's days from the summary dyad_days (a range of its key), and its periods added up from them
_SUMMARY_DAYS = (
    "SELECT date, verbal_coop, material_coop, verbal_conflict, material_conflict, goldstein_sum "
    "FROM dyad_days WHERE source_root = ? AND target_root = ?{window} AND length(date) >= {width}"
)
_SUMMARY_PERIODS = (
    "SELECT substr(date, 1, {width}), SUM(verbal_coop), SUM(material_coop), SUM(verbal_conflict), "
    "SUM(material_conflict), SUM(goldstein_sum) FROM dyad_days WHERE source_root = ? AND target_root = ?"
    "{window} AND length(date) >= {width} GROUP BY substr(date, 1, {width})"
)


def _pivoted(
    store: Store, src: str, tgt: str, width: int, window: str, window_args: list[object], *, clusters: bool
) -> Iterable[Sequence[Any]]:
    """One direction's events pivoted into a row per period, over a covering index (source_code,
    target_code, date, quad_class, ...); none when no stored code has the source's prefix."""
    sources, source_args = _source_codes(store, src)
    if not source_args:
        return []
    match = f"{sources} AND {_code_prefix('target_code')} AND date IS NOT NULL AND length(date) >= {width}"
    pivot = _CLUSTER_PIVOT if clusters else _PIVOT
    rows: Iterable[Sequence[Any]] = store.conn.execute(
        pivot.format(width=width, match=match + window), [*source_args, *_prefix_args(tgt), *window_args]
    )
    return rows


def _summarized(*codes: str) -> bool:
    """Whether the summary ``dyad_days`` answers for these codes: each matches the codes beginning
    with its three letters (``USA``, ``USA*``), which is what the summary is keyed by."""
    return all(len(p) == SEGMENT + 1 and p.endswith("%") for p in map(code_pattern, codes))


def _summary_window(
    since: str | None, until: str | None, modality: str | Sequence[str]
) -> tuple[str, list[object]]:
    """``_window`` (modalities and dates only) on ``dyad_days``, whose modality is never NULL (a
    range of its key) and whose missing date is ``''``."""
    kept = modalities(modality)
    sql = ""
    args: list[object] = []
    if kept is not None:
        sql += f" AND modality IN ({', '.join('?' * len(kept))})"
        args += kept
    if since:
        sql += " AND date >= ?"
        args.append(since)
    if until:
        sql += " AND date <> '' AND substr(date, 1, ?) <= ?"
        args += [len(until), until]
    return sql, args


def _summed_days(
    store: Store,
    src: str,
    tgt: str,
    by: str,
    since: str | None,
    until: str | None,
    modality: str | Sequence[str],
) -> dict[str, list[float]]:
    """One direction's period -> [quad 1..4 counts, Goldstein sum] added up from the days of
    ``dyad_days`` (``_summarized`` codes; no filter but modalities and dates): what the events give.
    The Goldstein sums are added in another order than the events', which changes only bits below
    the 3 decimals shown (the scores have one decimal)."""
    window, args = _summary_window(since, until, modality)
    width = PERIODS.get(by, 10)
    args = [src[:SEGMENT], tgt[:SEGMENT], *args]
    if width < 10:  # a month or a year: grouped by SQLite (a tenth of the rows), faster than here
        return _periods_of(store.conn.execute(_SUMMARY_PERIODS.format(window=window, width=width), args), by)
    rows = store.conn.execute(_SUMMARY_DAYS.format(window=window, width=width), args)
    bins: dict[str, list[float]] = {}
    for date, q1, q2, q3, q4, g in rows:
        label = period(date[:10], by) if by == "week" else date[:width]
        acc = bins.get(label)
        if acc is None:
            bins[label] = [int(q1), int(q2), int(q3), int(q4), float(g)]
        else:
            acc[0] += q1
            acc[1] += q2
            acc[2] += q3
            acc[3] += q4
            acc[4] += g
    return bins


def _periods_of(rows: Iterable[Sequence[Any]], by: str) -> dict[str, list[float]]:
    """Period -> [quad 1..4 counts, Goldstein sum] from pivoted rows (days folded into weeks)."""
    if by != "week":
        return {str(p): [int(q1), int(q2), int(q3), int(q4), float(g)] for p, q1, q2, q3, q4, g in rows}
    bins: dict[str, list[float]] = {}
    for day, *sums in rows:
        acc = bins.setdefault(period(str(day), by), [0, 0, 0, 0, 0.0])
        for k, value in enumerate(sums):
            acc[k] += value
    return bins


def _filled(labels: set[str], since: str | None, until: str | None, by: str) -> set[str]:
    """Every period from the first (of ``since``, else of ``labels``) to the last (``until``, else
    of ``labels``); none when there is no first or last."""
    first, last = periods.bounds(since, until, by)
    first = first or min(labels, default=None)
    last = last or max(labels, default=None)
    if first is None or last is None or first > last:
        return set()
    return set(periods.between(first, last, by))


def shown_sum(gsum: float) -> float:
    """A Goldstein sum as a dyad's row shows it: to 3 decimals, and 0.0 for a sum of zero, which
    scores added in some orders round to -0.0 (-0.1 + -0.2 + 0.3 is -5.6e-17 in floating point).

    >>> round(-0.1 + -0.2 + 0.3, 3), shown_sum(-0.1 + -0.2 + 0.3), shown_sum(2.2049999), shown_sum(-1.0)
    (-0.0, 0.0, 2.205, -1.0)"""
    return round(gsum, 3) + 0.0


def _dyad_row(
    label: str, direction: str, counts: Sequence[float], volume: dict[str, int] | None
) -> dict[str, Any]:
    """One row of ``dyad``: a period's counts in one direction (all zero for a filled period)."""
    q1, q2, q3, q4, gsum = counts
    n = int(q1 + q2 + q3 + q4)
    shown = shown_sum(gsum)
    row: dict[str, Any] = {
        "period": label,
        "direction": direction,
        "events": n,
        "verbal_coop": int(q1),
        "material_coop": int(q2),
        "verbal_conflict": int(q3),
        "material_conflict": int(q4),
        "goldstein_sum": shown,
        # of the sum as shown: the same mean whatever order the database added the scores in
        "goldstein_mean": round(shown / n, 3) if n else None,
        "net_cooperation": int((q1 + q2) - (q3 + q4)),
    }
    if volume is not None:
        articles = volume.get(label, 0)
        row["articles"] = articles
        row["events_per_1k_articles"] = round(1000 * n / articles, 3) if articles else None
    return row


def _source_codes(store: Store, code: str, most: int = 200) -> tuple[str, list[str]]:
    """The condition on ``source_code`` for a prefix, and its parameters (none: no stored code has it).

    A range on the first column of ``events_codes`` would read every event of the source (all of a
    country's events, to find those towards one target). Instead the distinct stored codes with the
    prefix are found first, one index seek each (a loose index scan: ``USA``, ``USAGOV``, ``USAMIL``,
    ...), so that the dyad query seeks each code and reads only the events towards the target."""
    low, high, like = _prefix_args(code)
    found: list[str] = []
    after, op = low, ">="
    while len(found) <= most:
        row = store.conn.execute(
            f"SELECT MIN(source_code) FROM events WHERE source_code {op} ? AND source_code < ?", (after, high)
        ).fetchone()
        if row[0] is None:
            codes = [c for c in found if matches(like, c)]
            return (f"source_code IN ({', '.join('?' * len(codes))})", codes) if codes else ("", [])
        found.append(str(row[0]))
        after, op = found[-1], ">"
    return _code_prefix("source_code"), [low, high, like]  # too many codes: read the range


def _article_volume(store: Store, by: str) -> dict[str, int]:
    """Stored articles per period of their publication date."""
    width = PERIODS.get(by, 10)
    volume: dict[str, int] = {}
    sql = (
        f"SELECT substr(published, 1, {width}), COUNT(*) FROM articles WHERE published IS NOT NULL "
        f"AND length(published) >= {width} GROUP BY 1"
    )
    for day, n in store.conn.execute(sql):
        label = period(str(day), by)
        volume[label] = volume.get(label, 0) + int(n)
    return volume


def _window(
    since: str | None,
    until: str | None,
    min_confidence: float | None = None,
    modality: str | Sequence[str] = DEFAULT_MODALITY,
    include_background: bool = True,
) -> tuple[str, list[object]]:
    """The SQL (to append after AND-ed conditions) and parameters of a ``since``/``until`` window, of
    a confidence floor, of the modalities counted and of background events left out."""
    _check(EventQuery(since=since, until=until))
    kept, args = _modality_sql("modality", modality)
    sql = f" AND {kept}" if kept else ""
    if not include_background:
        sql += " AND background = 0"
    if min_confidence is not None:
        sql += " AND confidence >= ?"
        args.append(min_confidence)
    if since:
        sql += " AND date IS NOT NULL AND date >= ?"
        args.append(since)
    if until:
        sql += " AND date IS NOT NULL AND substr(date, 1, ?) <= ?"
        args += [len(until), until]
    return sql, args


def dyad_undated(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    min_confidence: float | None = None,
    modality: str | Sequence[str] = DEFAULT_MODALITY,
    include_background: bool = True,
) -> int:
    """Events of the dyad (both directions) whose date is missing or less precise than ``by`` (within
    ``since``/``until`` when given: then only dates too coarse for the period, not missing ones),
    with the modality and background filters of ``dyad``."""
    width = PERIODS.get(by, 10)
    window, window_args = _window(since, until, min_confidence, modality, include_background)
    a, b = resolve(store, a).code, resolve(store, b).code
    total = 0
    if _summarized(a, b) and min_confidence is None and include_background:  # as dyad_counts does
        window, window_args = _summary_window(since, until, modality)
        for src, tgt in ((a, b), (b, a)):
            row = store.conn.execute(
                f"SELECT SUM(events) FROM dyad_days WHERE source_root = ? AND target_root = ?{window} "
                f"AND length(date) < {width}",
                [src[:SEGMENT], tgt[:SEGMENT], *window_args],
            ).fetchone()
            total += int(row[0] or 0)
        return total
    for src, tgt in ((a, b), (b, a)):
        sources, source_args = _source_codes(store, src)
        if not source_args:
            continue
        row = store.conn.execute(
            f"SELECT COUNT(*) FROM events WHERE {sources} AND {_code_prefix('target_code')} "
            f"AND (date IS NULL OR length(date) < {width}){window}",
            [*source_args, *_prefix_args(tgt), *window_args],
        ).fetchone()
        total += int(row[0])
    return total


def _code_prefix(column: str) -> str:
    """A prefix match on an actor code column that an index can serve: a range, then LIKE to be exact."""
    return f"({column} >= ? AND {column} < ? AND {column} LIKE ?)"


def _prefix_args(code: str) -> list[str]:
    """The range and LIKE pattern of an actor code argument (``codes.code_pattern``)."""
    like = code_pattern(code)
    low = like.rstrip("%")
    return [low, upper_bound(low), like]


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _prefix(code: str) -> str:
    """The LIKE pattern of the codes beginning with ``code`` (``USA`` or ``USA*``), its own ``%`` and
    ``_`` escaped."""
    return _escape(code.strip().upper().rstrip("*")) + "%"


def actors(
    store: Store, name: str | None = None, code: str | None = None, limit: int | None = None
) -> list[dict[str, Any]]:
    """Stored actors grouped by name and code, most mentioned first: how many articles and mentions."""
    where: list[str] = ["1 = 1"]
    args: list[object] = []
    if name:
        where.append("LOWER(name) LIKE ? ESCAPE '\\'")
        args.append("%" + _escape(name.lower()) + "%")
    if code:
        where.append("code LIKE ? ESCAPE '\\'")  # '%' and '_' in a code are themselves, not wildcards
        args.append(_prefix(code))
    sql = (
        "SELECT name, kind, country, sector, code, COUNT(*) AS articles, SUM(mentions) AS mentions "
        "FROM actors WHERE " + " AND ".join(where) + " GROUP BY name, kind, country, sector, code "
        "ORDER BY mentions DESC, name"
    )
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    cols = ("name", "kind", "country", "sector", "code", "articles", "mentions")
    return [dict(zip(cols, row, strict=True)) for row in store.conn.execute(sql, args).fetchall()]
