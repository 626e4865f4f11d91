"""Request parameters shared by the API and the pages: event filters, cursors, bounded limits, csv.

Filters arrive as text (a page's form sends ``quad=`` when left empty); an empty value means "any",
and a value that cannot be read is E601 naming the parameter. The same ``EventQuery`` then goes to
the store as from the command line, where each value is an SQL parameter.

    >>> decode_cursor(encode_cursor(("2024-05-01", "sha256-ab", "e2")))
    ('2024-05-01', 'sha256-ab', 'e2')
"""

from __future__ import annotations

import base64
import binascii
import csv
import io
import json
from collections.abc import Iterable, Sequence
from typing import Any

from fastapi import Query
from fastapi.responses import Response

from whodid.errors import Errors, WhodidError
from whodid.store.browse import SortKey
from whodid.store.query import DEFAULT_MODALITY, EventQuery

MAX_LIMIT = 1000  # rows in one page of the API
DEFAULT_LIMIT = 100


def _text(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def _number(name: str, value: str | None, kind: type[int] | type[float]) -> Any:
    text = _text(value)
    if text is None:
        return None
    try:
        return kind(text)
    except ValueError:
        expected = "a whole number" if kind is int else "a number"
        raise Errors.E601.error(
            where="query parameter", name=name, detail=f"{text!r} is not {expected}"
        ) from None


def _flag(name: str, value: str | None, default: bool) -> bool:
    text = (_text(value) or "").lower()
    if not text:
        return default
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise Errors.E601.error(where="query parameter", name=name, detail=f"{text!r} is not true or false")


def event_query(
    source: str | None = Query(None, description="source actor code or country (USA, USAGOV, Syria)"),
    target: str | None = Query(None, description="target actor code or country"),
    actor: str | None = Query(None, description="part of the source's or target's name or words"),
    cameo: str | None = Query(None, description="a CAMEO code (173), a prefix (17*) or a bare root (17)"),
    quad: str | None = Query(None, description="quad class: 1, 2, 3 or 4"),
    since: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    until: str | None = Query(None, description="YYYY, YYYY-MM or YYYY-MM-DD"),
    min_confidence: str | None = Query(None, description="leave out events less sure than this (0 to 1)"),
    modality: str | None = Query(None, description="asserted (default), all, or a comma list"),
    include_background: str | None = Query(None, description="count recalled events (default true)"),
    clusters: str | None = Query(None, description="one row per event cluster (default false)"),
    cluster: str | None = Query(None, description="the mentions of one event cluster (its id)"),
) -> EventQuery:
    """The filters of ``whodid events`` read from a request."""
    return EventQuery(
        source=_text(source),
        target=_text(target),
        actor=_text(actor),
        cameo=_text(cameo),
        quad=_number("quad", quad, int),
        since=_text(since),
        until=_text(until),
        min_confidence=_number("min_confidence", min_confidence, float),
        modality=_text(modality) or DEFAULT_MODALITY,
        include_background=_flag("include_background", include_background, True),
        clusters=_flag("clusters", clusters, False),
        cluster=_number("cluster", cluster, int),
    )


def query_args(q: EventQuery) -> dict[str, str]:
    """The non-default filters of ``q`` as query parameters (links to the same rows)."""
    out: dict[str, str] = {}
    for name in ("source", "target", "actor", "cameo", "quad", "since", "until", "min_confidence", "cluster"):
        value = getattr(q, name)
        if value is not None:
            out[name] = str(value)
    if q.modality != DEFAULT_MODALITY:
        out["modality"] = q.modality if isinstance(q.modality, str) else ",".join(q.modality)
    if not q.include_background:
        out["include_background"] = "false"
    if q.clusters:
        out["clusters"] = "true"
    return out


def encode_cursor(key: SortKey) -> str:
    """An opaque cursor for the page after the row of sort key ``key``."""
    raw = json.dumps(list(key), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str | None) -> SortKey | None:
    """The sort key of a cursor given by ``encode_cursor``; E601 for anything else."""
    if not cursor:
        return None
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key = json.loads(raw)
    except (binascii.Error, ValueError):
        key = None
    if not (
        isinstance(key, list) and len(key) in (2, 3) and all(isinstance(k, str | int | None) for k in key)
    ):
        raise bad_cursor()
    return tuple(key)


def bad_cursor() -> WhodidError:
    return Errors.E601.error(
        where="query parameter", name="cursor", detail="not a cursor this server gave (next_cursor)"
    )


def limit_of(value: str | None, *, default: int = DEFAULT_LIMIT, most: int = MAX_LIMIT) -> int:
    """A page size from 1 to ``most``; E601 outside."""
    n = _number("limit", value, int)
    if n is None:
        return default
    if not 1 <= n <= most:
        raise Errors.E601.error(
            where="query parameter", name="limit", detail=f"{n} is not within 1 to {most}"
        )
    return int(n)


def csv_response(rows: Iterable[dict[str, Any]], columns: Sequence[str], filename: str) -> Response:
    """Rows as a csv download, one header line of ``columns``."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return Response(
        out.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


def split_event_id(event_id: str) -> tuple[str, str]:
    """``ARTICLE:EVENT`` (as ``sha256-0123abcd:e2``) into its two ids; E602 when it is no such id."""
    article_id, sep, local = event_id.rpartition(":")
    if not sep or not article_id or not local:
        raise Errors.E602.error(what="event", key=event_id)
    return article_id, local
