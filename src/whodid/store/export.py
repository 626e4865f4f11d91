"""Exports of stored event mentions: GDELT 2.0 and ICEWS column sets, PLOVER JSONL, CSV and Parquet.

Every export reads the same rows (``mentions``): the event mentions that match an
:class:`~whodid.store.query.EventQuery`, newest first like ``whodid events``, each joined with its
article (URL, publication date, publisher), its sentence, its cluster's counts, its actors' names
and sectors and the resolved place of its location. Rows stream from the database cursor, so the
text formats never hold the whole table; Parquet is written in record batches. What each output
column holds, and what is left empty because whodid does not know it, is in ``docs/export.md``.
"""

from __future__ import annotations

import csv
import functools
import json
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from whodid.errors import Errors
from whodid.record import place_fields
from whodid.store import schema
from whodid.store.db import Store
from whodid.store.gdelt import GDELT_COLUMNS, gdelt_row
from whodid.store.lookups import (
    cameo_codes,
    country_name,
    event_day,
    event_number,
    icews_sector_status,
    icews_sectors,
    location_level,
    segment_table,
)
from whodid.store.network import Network, write_edges, write_graphml
from whodid.store.query import MENTION_ORDER, EventQuery, _where, resolved

__all__ = ["FORMATS", "GDELT_COLUMNS", "ICEWS_COLUMNS", "Exported", "event_number", "export", "mentions"]

FORMATS = ("gdelt", "icews", "plover", "parquet", "csv", "edges", "graphml")
BATCH_ROWS = 10_000  # rows per Parquet record batch

# The columns of the ICEWS coded event data files (Harvard Dataverse, doi:10.7910/DVN/28075).
ICEWS_COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)

# csv and Parquet: every column of the events table, then the article's; with the Parquet type of each.
MENTION_TYPES: dict[str, str] = {
    **{c.name: c.parquet for c in schema.EVENTS},
    "url": "string",
    "published": "string",
    "source": "string",
}
MENTION_COLUMNS = tuple(MENTION_TYPES)
_EVENT_COLUMNS = schema.names(schema.EVENTS)

_PLACE = (
    "(SELECT p.{col} FROM places p WHERE p.article_id = e.article_id AND p.name = e.location_name AND "
    "COALESCE(p.country, '') = COALESCE(e.location_country, '') ORDER BY p.idx LIMIT 1)"
)
# What the SELECT of ``mentions`` returns after the events table's columns: each name and its SQL, one
# list for both (the joins are in ``mentions``).
_EXTRA: dict[str, str] = {
    "url": "a.url",
    "published": "a.published",
    "source": "a.source",
    "sentence": "s.text",
    "cluster_mentions": "c.mentions",
    "cluster_stories": "c.stories",
    "cluster_sources": "c.sources",
    "source_name": "sa.name",
    "source_sector": "sa.sector",
    "target_name": "ta.name",
    "target_sector": "ta.sector",
    "location_feature": _PLACE.format(col="feature"),
    "location_geonameid": _PLACE.format(col="geonameid"),
}
# Why a format leaves a matching mention out (see ``Exported``).
LEFT_OUT_REASONS = {
    "gdelt": "neither the event nor its article is dated to a day (GDELT dates every row to a day)",
    "icews": "neither the event nor its article is dated to a day (ICEWS dates every row to a day)",
    "plover": "their CAMEO code has no PLOVER event type (statements, appeals and the like: "
    "--format csv keeps them)",
    "edges": "they have no source or no target actor code, so no edge",
    "graphml": "they have no source or no target actor code, so no edge",
}


def mentions(store: Store, q: EventQuery) -> Iterator[dict[str, Any]]:
    """The event mentions matching ``q``, newest first, one dict a row (streamed from the cursor).

    With ``q.clusters`` one mention per cluster that has a matching mention: the cluster's most
    confident one (ties: the first by article and event id), which carries the cluster's counts.
    The filters are checked and the query run at the call (a bad filter fails before any output);
    the source and target are read as ``query.resolved`` reads them."""
    where, args = _where(resolved(store, q))
    if q.clusters:
        best = (
            "NOT EXISTS (SELECT 1 FROM events y WHERE y.cluster_id = e.cluster_id AND (y.confidence > "
            "e.confidence OR (y.confidence = e.confidence AND (y.article_id < e.article_id OR "
            "(y.article_id = e.article_id AND y.event_id < e.event_id)))))"
        )
        cond = " AND ".join(where)
        where = [
            f"(e.cluster_id IS NULL AND {cond}) OR (e.cluster_id IS NOT NULL AND {best} AND e.cluster_id IN "
            f"(SELECT e.cluster_id FROM events e WHERE {cond}))"
        ]
        args = [*args, *args]
    sql = (
        "SELECT "
        + ", ".join([*(f"e.{c}" for c in _EVENT_COLUMNS), *_EXTRA.values()])
        + " FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN sentences s ON s.article_id = e.article_id AND s.idx = e.sentence_idx "
        "LEFT JOIN event_clusters c ON c.id = e.cluster_id "
        "LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.actor_id = e.source_actor "
        "LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.actor_id = e.target_actor "
        "WHERE (" + ") AND (".join(where) + ") "
        "ORDER BY " + MENTION_ORDER
    )
    if q.limit is not None:
        sql += " LIMIT ?"
        args = [*args, q.limit]
    return _rows(store.conn.stream(sql, args))


def _rows(cursor: Iterable[Sequence[Any]]) -> Iterator[dict[str, Any]]:
    names = (*_EVENT_COLUMNS, *_EXTRA)
    for row in cursor:
        yield dict(zip(names, row, strict=True))


# ---------------------------------------------------------------------------------------------- cells
def _text(value: object) -> str:
    """A cell of a tab-separated file: no tabs or line breaks inside, None empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(round(value, 6))
    return " ".join(str(value).split()) if isinstance(value, str) else str(value)


# ---------------------------------------------------------------------------------------------- ICEWS
class SectorTally:
    """The sectors an ICEWS export wrote with a caveat: names whodid could not check against ICEWS's
    files (``seen=no`` in ``data/export/icews_sectors.tsv``) and codes with no ICEWS name at all (left
    empty), each counted by CAMEO code, so the export says so instead of passing them off silently."""

    def __init__(self) -> None:
        self.unchecked: Counter[str] = Counter()
        self.unmapped: Counter[str] = Counter()

    def sectors(self, sector: str | None) -> str:
        """The ICEWS names of ``sector`` (see ``lookups.icews_sectors``), counted when in doubt."""
        status = icews_sector_status(sector)
        if status == "unchecked":
            self.unchecked[str(sector)] += 1
        elif status == "unmapped":
            self.unmapped[str(sector)] += 1
        return icews_sectors(sector)

    def notes(self) -> tuple[str, ...]:
        """One line for each kind of doubt, most frequent codes first."""
        out = []
        if self.unchecked:
            listed = ", ".join(
                f"{code} '{icews_sectors(code)}' x{n}" for code, n in self.unchecked.most_common()
            )
            out.append(
                f"{sum(self.unchecked.values())} Source/Target Sectors cells name sectors not checked "
                f"against ICEWS's files ({listed}): whodid's nearest ICEWS-style names (seen=no in "
                "data/export/icews_sectors.tsv; docs/export.md), to filter on with care"
            )
        if self.unmapped:
            listed = ", ".join(f"{code} x{n}" for code, n in self.unmapped.most_common())
            out.append(
                f"{sum(self.unmapped.values())} Source/Target Sectors cells are empty: their actors' "
                f"sectors have no ICEWS name in data/export/icews_sectors.tsv ({listed})"
            )
        return tuple(out)


def icews_row(r: dict[str, Any], tally: SectorTally | None = None) -> list[object] | None:
    """One mention as the 20 ICEWS coded-event columns; None when it cannot be dated to a day.
    ``tally`` counts the sectors written with a caveat (``SectorTally``)."""
    day = event_day(r["date"], r["published"])
    if day is None:
        return None
    sectors = (tally or SectorTally()).sectors
    level = location_level(r["location_precision"], r["location_feature"])
    return [
        event_number(r["article_id"], r["event_id"]),
        day,
        r["source_name"] or r["source_text"],
        sectors(r["source_sector"]),
        country_name(r["source_country"]),
        cameo_codes()[r["cameo"]].name if r["cameo"] in cameo_codes() else "",
        r["cameo"],
        r["goldstein"],
        r["target_name"] or r["target_text"],
        sectors(r["target_sector"]),
        country_name(r["target_country"]),
        r["article_id"],
        int(r["sentence_idx"]) + 1,
        r["source"],
        r["location_name"] if level == "city" else "",
        "",
        r["location_name"] if level == "region" else "",
        country_name(r["location_country"]),
        r["lat"],
        r["lon"],
    ]


# ---------------------------------------------------------------------------------------------- PLOVER
def plover_record(r: dict[str, Any]) -> dict[str, Any]:
    """One mention of a PLOVER event type as a PLOVER-style JSON object (field names of the PLOVER
    gold-standard records where whodid has the data, whodid's own names for the rest)."""
    location = None
    if r["location_name"] or r["lat"] is not None:
        location = place_fields(
            r["location_name"],
            r["location_country"],
            r["lat"],
            r["lon"],
            r["location_feature"],
            r["location_geonameid"],
        )
    code = cameo_codes().get(r["cameo"])
    out: dict[str, Any] = {
        "id": f"{r['article_id']}/{r['event_id']}",
        "date": r["date"],
        "date_precision": r["date_precision"],
        "ontology": "PLOVER",
        "code": r["plover"],
        "mode": code.plover_mode if code else None,
        "context": list(code.plover_context) if code and code.plover_context else None,
        "cameo": r["cameo"],
    }
    for side in ("source", "target"):
        out[side] = r[f"{side}_country"] or r[f"{side}_code"]
        out[f"{side}_sector"] = r[f"{side}_sector"]
        out[f"{side}_code"] = r[f"{side}_code"]
        out[f"{side}_name"] = r[f"{side}_name"]
        out[f"{side}_text"] = r[f"{side}_text"]
    out.update(
        {
            "eventText": r["evidence_text"],
            "eventLoc": location,
            "text": r["sentence"],
            "quad_class": r["quad_class"],
            "goldstein": r["goldstein"],
            "modality": r["modality"],
            "background": bool(r["background"]),
            "confidence": r["confidence"],
            "rule": r["rule"],
            "cluster_id": r["cluster_id"],
            "article_id": r["article_id"],
            "url": r["url"],
            "publisher": r["source"],
            "published": r["published"],
        }
    )
    return out


# ---------------------------------------------------------------------------------------------- csv
def mention_row(r: dict[str, Any]) -> list[object]:
    """The csv / Parquet columns of one mention."""
    return [bool(r[c]) if c == "background" else r[c] for c in MENTION_COLUMNS]


# ---------------------------------------------------------------------------------------------- writing
@dataclass(frozen=True)
class Exported:
    """What an export wrote: ``rows`` written, ``left_out`` matching mentions the format cannot hold
    (``reason`` says why; "" when none were), and ``notes`` on what was written with a caveat."""

    rows: int
    left_out: int = 0
    reason: str = ""
    notes: tuple[str, ...] = ()  # what was written with a caveat (ICEWS sector names not checked)


def export(
    store: Store,
    fmt: str,
    q: EventQuery | None = None,
    *,
    out: TextIO | None = None,
    path: Path | str | None = None,
    header: bool | None = None,
) -> Exported:
    """Write the mentions matching ``q`` in ``fmt`` to ``path`` (a file) or ``out`` (a text stream,
    standard output by default).

    ``edges`` and ``graphml`` write the actor network of the mentions (``store/network.py``): the
    rows written are its edges. ``header`` writes the column names first: by default for icews, csv
    and edges (whose files have one),
    not for gdelt, whose files have none (``header=True`` adds it). Returns how many rows were
    written and how many matching mentions the format left out.
    Parquet needs ``path``; an unknown format, or parquet without a path, is a usage error."""
    if fmt not in FORMATS:
        raise Errors.E410.error(option="--format", value=fmt, expected=", ".join(FORMATS))
    if fmt == "parquet" and path is None:
        raise Errors.E412.error()
    if header is None:
        header = fmt != "gdelt"
    rows = mentions(store, q or EventQuery())
    if fmt == "parquet":
        return Exported(_write_parquet(rows, Path(str(path))))
    if path is not None:
        try:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                return _write_text(rows, fmt, fh, header)
        except OSError as e:
            raise Errors.E413.error(path=path, detail=e.strerror or str(e)) from None
    return _write_text(rows, fmt, out or sys.stdout, header)


def check_output(fmt: str, path: Path | str | None) -> None:
    """Fail before any work when the output cannot be written (parquet to a terminal, a missing folder)."""
    if fmt == "parquet" and path is None:
        raise Errors.E412.error()
    if path is not None:
        parent = Path(path).parent
        if not parent.is_dir():
            raise Errors.E413.error(path=path, detail=f"the folder {parent} does not exist")


def _write_text(rows: Iterable[dict[str, Any]], fmt: str, out: TextIO, header: bool) -> Exported:
    n = 0
    if fmt in ("edges", "graphml"):
        net = Network()
        left_out = sum(1 for r in rows if not net.add(r))
        n = write_edges(net, out, header) if fmt == "edges" else write_graphml(net, out)
        return Exported(n, left_out, LEFT_OUT_REASONS[fmt] if left_out else "")
    if fmt == "plover":
        left_out = 0
        for r in rows:
            if r["plover"] is None:
                left_out += 1
                continue
            out.write(json.dumps(plover_record(r), ensure_ascii=False) + "\n")
            n += 1
        return Exported(n, left_out, LEFT_OUT_REASONS[fmt] if left_out else "")
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        if header:
            writer.writerow(MENTION_COLUMNS)
        for r in rows:
            writer.writerow(
                ["" if v is None else (int(v) if isinstance(v, bool) else v) for v in mention_row(r)]
            )
            n += 1
        return Exported(n)
    columns, convert = _TSV[fmt]
    tally = SectorTally()
    if fmt == "icews":
        convert = functools.partial(icews_row, tally=tally)
    if header:
        out.write("\t".join(columns) + "\n")
    left_out = 0
    for r in rows:
        cells = convert(r)
        if cells is None:
            left_out += 1
            continue
        out.write("\t".join(_text(v) for v in cells) + "\n")
        n += 1
    return Exported(n, left_out, LEFT_OUT_REASONS[fmt] if left_out else "", tally.notes())


def _gdelt_row(r: dict[str, Any]) -> list[object] | None:
    return gdelt_row(r, segment_table())


_TSV: dict[str, tuple[Sequence[str], Callable[[dict[str, Any]], list[object] | None]]] = {
    "gdelt": (GDELT_COLUMNS, _gdelt_row),
    "icews": (ICEWS_COLUMNS, icews_row),
}


def parquet_schema() -> Any:
    """The Parquet schema of the mention columns (pyarrow)."""
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, types[kind]) for name, kind in MENTION_TYPES.items()])


def _write_parquet(rows: Iterable[dict[str, Any]], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema()
    n = 0
    try:
        with pq.ParquetWriter(path, schema) as writer:
            batch: list[list[object]] = []
            for r in rows:
                batch.append(mention_row(r))
                if len(batch) >= BATCH_ROWS:
                    writer.write_batch(_record_batch(pa, schema, batch))
                    n += len(batch)
                    batch = []
            if batch or n == 0:
                writer.write_batch(_record_batch(pa, schema, batch))
                n += len(batch)
    except OSError as e:
        raise Errors.E413.error(path=path, detail=e.strerror or str(e)) from None
    return n


def _record_batch(pa: Any, schema: Any, batch: list[list[object]]) -> Any:
    columns = [list(col) for col in zip(*batch, strict=True)] if batch else [[] for _ in schema]
    return pa.RecordBatch.from_arrays(
        [pa.array(col, type=field.type) for col, field in zip(columns, schema, strict=True)], schema=schema
    )
