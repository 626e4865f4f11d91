"""The ``/v1`` JSON API of ``whodid serve``: thin handlers over the store's queries.

    GET  /v1/events?source=USA&cameo=17*&limit=50         mentions (or clusters=true), newest first
    GET  /v1/events?cursor=NEXT                            the next page (``next_cursor``)
    GET  /v1/events?format=csv                             the same page as csv
    GET  /v1/events/ARTICLE:EVENT                          the record, sentence, cluster, siblings
    GET  /v1/dyads/USA/CHN/series?by=month                 both directions, zero-filled periods
    GET  /v1/actors?name=whitlock   /v1/speakers   /v1/quotes?speaker=USAGOV
    GET  /v1/articles   /v1/articles/ID                    stored articles, one with text and record
    POST /v1/articles  {"text": ..., "published": ...}     code and store one article

Each handler opens a connection for its request (``Settings.store``); errors are raised from the
catalogue and answered by ``app.py`` in one shape. The two endpoints that can answer thousands of
rows do not return a dict, which FastAPI's ``jsonable_encoder`` goes through (140 ms for a ten-year
daily series): the events are a ``JSONResponse`` of the store's plain values, and a dyad's series
the JSON ``serve/series.py`` writes row by row from its counts (the same bytes).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from whodid.errors import Errors
from whodid.serve.app import settings_of
from whodid.serve.params import (
    bad_cursor,
    csv_response,
    decode_cursor,
    encode_cursor,
    event_query,
    limit_of,
    split_event_id,
)
from whodid.serve.series import DyadSeries
from whodid.store import browse, query, speakers
from whodid.store.codes import resolve
from whodid.store.query import EventQuery

router = APIRouter(prefix="/v1", tags=["v1"])
Format = Literal["json", "csv"]


def events_page(request: Request, q: EventQuery, limit: str | None, cursor: str | None) -> dict[str, Any]:
    """The context of a page of events, for the API and the events page alike."""
    size = limit_of(limit)
    after = decode_cursor(cursor)
    if after is not None and len(after) != (2 if q.clusters else 3):
        raise bad_cursor()
    with settings_of(request).store() as store:
        page = browse.event_page(store, q, limit=size, after=after)
    columns = query.CLUSTER_COLUMNS if q.clusters else query.EVENT_COLUMNS
    rows = page.rows
    if not q.clusters:
        rows = [{"id": f"{r['article_id']}:{r['event_id']}", **r} for r in rows]
    return {
        "columns": list(columns),
        "rows": rows,
        "limit": size,
        "next_cursor": encode_cursor(page.next_key) if page.next_key else None,
    }


@router.get("/events", summary="Event mentions (or clusters) matching the filters of whodid events")
def list_events(
    request: Request,
    q: Annotated[EventQuery, Depends(event_query)],
    limit: Annotated[str | None, Query(description="rows per page, 1 to 1000 (default 100)")] = None,
    cursor: Annotated[str | None, Query(description="next_cursor of the page before")] = None,
    format: Format = "json",
) -> Any:
    """Newest first; ``next_cursor`` (null on the last page) gives the next page.
    Example: ``GET /v1/events?source=USA&target=CHN&cameo=17*&limit=50``."""
    page = events_page(request, q, limit, cursor)
    if format == "csv":
        return csv_response(page["rows"], page["columns"], "events.csv")
    return JSONResponse({"events": page["rows"], "limit": page["limit"], "next_cursor": page["next_cursor"]})


def event_detail(request: Request, event_id: str) -> dict[str, Any]:
    article_id, local = split_event_id(event_id)
    with settings_of(request).store() as store:
        found = browse.event(store, article_id, local)
    if found is None:
        raise Errors.E602.error(what="event", key=event_id)
    found["article"]["link"] = f"/articles/{article_id}#event-{local}"
    return found


@router.get("/events/{event_id}", summary="One event mention: record, sentence, cluster, sibling reports")
def get_event(request: Request, event_id: str) -> dict[str, Any]:
    """``event_id`` is ``ARTICLE:EVENT`` as the ``id`` of a row of ``/v1/events``.
    Example: ``GET /v1/events/sha256-0123456789abcdef:e1``."""
    return event_detail(request, event_id)


def dyad_series(
    request: Request,
    a: str,
    b: str,
    *,
    by: str,
    since: str | None,
    until: str | None,
    clusters: bool,
    min_confidence: float | None,
    modality: str,
) -> DyadSeries:
    """The series of the API and of the dyad page (every period, zeros included)."""
    since, until = since or None, until or None
    with settings_of(request).store() as store:
        counts = query.dyad_counts(
            store,
            a,
            b,
            by=by,
            clusters=clusters,
            fill=True,
            since=since,
            until=until,
            min_confidence=min_confidence,
            modality=modality,
        )
        undated = query.dyad_undated(
            store, a, b, by=by, since=since, until=until, min_confidence=min_confidence, modality=modality
        )
        a_code, b_code = resolve(store, a).code, resolve(store, b).code
    return DyadSeries(a_code, b_code, by, counts, undated)


@router.get("/dyads/{a}/{b}/series", summary="Both directions between two actors, per period")
def get_dyad_series(
    request: Request,
    a: str,
    b: str,
    by: Literal["day", "week", "month", "year"] = "month",
    since: str | None = None,
    until: str | None = None,
    clusters: bool = False,
    min_confidence: float | None = None,
    modality: str = "asserted",
    format: Format = "json",
) -> Any:
    """Counts per quad class, Goldstein sum and mean, net cooperation, every period from the first to
    the last with zeros where nothing happened; ``undated`` counts the events dated too coarsely for
    ``by``. Example: ``GET /v1/dyads/EGY/ETH/series?by=month``."""
    series = dyad_series(
        request,
        a,
        b,
        by=by,
        since=since,
        until=until,
        clusters=clusters,
        min_confidence=min_confidence,
        modality=modality,
    )
    if format == "csv":
        return csv_response(series.rows(), query.DYAD_COLUMNS, f"dyad-{series.a}-{series.b}.csv")
    return Response(series.json(), media_type="application/json")


@router.get("/actors", summary="Stored actors, most mentioned first")
def list_actors(
    request: Request,
    name: str | None = None,
    code: str | None = None,
    limit: str | None = None,
    format: Format = "json",
) -> Any:
    """Example: ``GET /v1/actors?name=whitlock`` or ``GET /v1/actors?code=USA``."""
    with settings_of(request).store() as store:
        rows = query.actors(store, name=name or None, code=code or None, limit=limit_of(limit))
    if format == "csv":
        return csv_response(
            rows, ("name", "kind", "country", "sector", "code", "articles", "mentions"), "actors.csv"
        )
    return {"actors": rows}


@router.get("/quotes", summary="Quotations with their resolved speakers")
def list_quotes(
    request: Request, speaker: str | None = None, limit: str | None = None, format: Format = "json"
) -> Any:
    """``speaker``: an actor code (USAGOV and the codes extending it) or part of the resolved
    speaker's name, not the pronoun before the cue. Example: ``GET /v1/quotes?speaker=Whitlock``."""
    with settings_of(request).store() as store:
        rows = speakers.quotes(store, speaker=speaker or None, limit=limit_of(limit))
    if format == "csv":
        return csv_response(rows, speakers.QUOTE_COLUMNS, "quotes.csv")
    return {"quotes": rows}


@router.get("/speakers", summary="The resolved speakers, most quoted first")
def list_speakers(
    request: Request,
    speaker: str | None = None,
    country: str | None = None,
    limit: str | None = None,
    format: Format = "json",
) -> Any:
    """Example: ``GET /v1/speakers?country=USA``; ``unresolved`` counts the quotations with no
    resolved speaker."""
    with settings_of(request).store() as store:
        rows = speakers.speakers(
            store, speaker=speaker or None, country=country or None, limit=limit_of(limit)
        )
        unresolved = speakers.unresolved_quotes(store)
    if format == "csv":
        return csv_response(rows, speakers.SPEAKER_COLUMNS, "speakers.csv")
    return {"speakers": rows, "unresolved": unresolved}


@router.get("/articles", summary="Stored articles, newest first")
def list_articles(request: Request, limit: str | None = None) -> dict[str, Any]:
    """Example: ``GET /v1/articles?limit=20``."""
    with settings_of(request).store() as store:
        return {"articles": browse.articles(store, limit=limit_of(limit))}


def article_detail(request: Request, article_id: str) -> dict[str, Any]:
    with settings_of(request).store() as store:
        found = browse.article(store, article_id)
    if found is None:
        raise Errors.E602.error(what="article", key=article_id)
    return found


@router.get("/articles/{article_id}", summary="One stored article: fields, text and whodid.article/1 record")
def get_article(request: Request, article_id: str) -> dict[str, Any]:
    """Example: ``GET /v1/articles/sha256-0123456789abcdef``."""
    return article_detail(request, article_id)


@router.post("/articles", summary="Code and store one article; returns its whodid.article/1 record")
async def post_article(request: Request) -> Any:
    """Body: ``{"text": "...", "published": "2024-05-07", "title": ..., "url": ..., "source": ...}``
    (only ``text`` is required). The article is stored once (its id is the hash of its text); posting
    it again returns the same record. Needs ``Authorization: Bearer TOKEN`` when the server has one.
    Example: ``curl -X POST -H 'Content-Type: application/json' -d @article.json
    http://127.0.0.1:8000/v1/articles``."""
    settings = settings_of(request)
    settings.authorized(request.headers.get("authorization"))
    body = await _bounded_body(request, settings.max_bytes)
    return await run_in_threadpool(_code_and_store, request, body)


async def _bounded_body(request: Request, limit: int) -> bytes:
    """The request body, read no further than ``limit`` bytes (a body without Content-Length too)."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise Errors.E604.error(limit=limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _code_and_store(request: Request, body: bytes) -> dict[str, Any]:
    import json

    from whodid.ingest.model import ArticleInput, article_id

    try:
        data = json.loads(body)
    except ValueError as e:
        raise Errors.E601.error(where="body", name="JSON", detail=str(e)) from None
    if not isinstance(data, dict):
        raise Errors.E601.error(where="body", name="JSON", detail="not an object with a 'text' field")
    settings = settings_of(request)
    given = {k: v for k, v in data.items() if k in ("text", "published", "title", "url", "source")}
    item = ArticleInput.from_record(given, origin="POST /v1/articles", max_bytes=settings.max_bytes)
    aid = article_id(item.text)
    with settings.store(create=True) as store:  # the first article posted creates the database
        if aid in store.known([aid]):
            found = browse.article(store, aid)
            assert found is not None
            record: dict[str, Any] = found["record"]
            return record
    with settings.coding() as pipeline:
        coded = pipeline.code(
            item.text, published=item.published, id=aid, title=item.title, url=item.url, source=item.source
        )
    with settings.store(create=True) as store:
        store.add([(coded, item.text, "POST /v1/articles", None)])
    return coded.to_dict()
