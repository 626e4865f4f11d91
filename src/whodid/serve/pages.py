"""The dashboard's pages, drawn by the server from the same functions the API answers with.

    /                      overview: events per month by quad class, the most active dyads, actor search
    /dyads/A/B?by=month    a dyad over time (counts, Goldstein, net cooperation); points link to events
    /events?...            the events table with the API's filters; CSV of exactly the rows shown
    /events/ARTICLE:EVENT  one event: record, rule, confidence, sentence, cluster, other reports
    /articles/ID#event-e2  the text with actors, triggers, quotations, dates and places marked
    /quotes?speaker=       quotations by resolved speaker;  /map  event places;  /docs  the API

Templates autoescape every value (article text is untrusted); the only script is the app's own
``static/article.js``, allowed by the Content-Security-Policy of ``app.py``.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode, urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, PackageLoader, select_autoescape

from whodid.errors import WhodidError
from whodid.serve import api, charts
from whodid.serve.app import settings_of
from whodid.serve.highlight import segments
from whodid.serve.params import event_query, query_args
from whodid.serve.problems import status_of
from whodid.store import browse, query, speakers
from whodid.store.query import EventQuery

router = APIRouter(include_in_schema=False)
_ENV = Environment(
    loader=PackageLoader("whodid.serve", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def safe_url(url: str | None) -> str | None:
    """A link target only when it is http(s): an article's ``javascript:`` URL is shown, not linked."""
    if not url:
        return None
    return url if urlsplit(url.strip()).scheme.lower() in ("http", "https") else None


_ENV.globals["safe_url"] = safe_url
_ENV.globals["quad_names"] = charts.QUAD_NAMES


def render(template: str, status: int = 200, **context: Any) -> HTMLResponse:
    return HTMLResponse(_ENV.get_template(template).render(**context), status_code=status)


def error_page(request: Request, error: WhodidError) -> Response:
    return render("error.html", status=status_of(error), title=f"Error {error.code}", error=error)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request) -> HTMLResponse:
    with settings_of(request).store() as store:
        volume = browse.volume(store, by="month")
        dyads = browse.top_dyads(store, limit=10)
        recent = browse.articles(store, limit=10)
    return render(
        "overview.html",
        title="Overview",
        chart=charts.stacked_bars(volume),
        dyads=dyads,
        articles=recent,
        total=sum(r["events"] for r in volume),
    )


@router.get("/actors", response_class=HTMLResponse)
def actors_page(request: Request, name: str | None = None, code: str | None = None) -> HTMLResponse:
    with settings_of(request).store() as store:
        rows = query.actors(store, name=name or None, code=code or None, limit=200)
    return render("actors.html", title="Actors", actors=rows, name=name or "", code=code or "")


@router.get("/dyads/{a}/{b}", response_class=HTMLResponse)
def dyad_page(request: Request, a: str, b: str, by: str = "month") -> HTMLResponse:
    series = api.dyad_series(
        request, a, b, by=by, since=None, until=None, clusters=False, min_confidence=None, modality="asserted"
    )
    a, b, rows = series.a, series.b, series.rows()
    return render(
        "dyad.html",
        title=f"{a} and {b}",
        a=a,
        b=b,
        by=by,
        rows=rows,
        undated=series.undated,
        counts=charts.series_chart(rows, "events", a, b),
        goldstein=charts.series_chart(rows, "goldstein_sum", a, b),
        net=charts.series_chart(rows, "net_cooperation", a, b),
        csv_link=f"/v1/dyads/{a}/{b}/series?" + urlencode({"by": by, "format": "csv"}),
    )


@router.get("/events", response_class=HTMLResponse)
def events_page(
    request: Request,
    q: Annotated[EventQuery, Depends(event_query)],
    limit: Annotated[str | None, Query()] = None,
    cursor: Annotated[str | None, Query()] = None,
) -> HTMLResponse:
    page = api.events_page(request, q, limit or "50", cursor)
    shown = {**query_args(q), "limit": str(page["limit"])}
    if cursor:
        shown["cursor"] = cursor
    next_link = None
    if page["next_cursor"]:
        next_link = "/events?" + urlencode({**shown, "cursor": page["next_cursor"]})
    return render(
        "events.html",
        title="Events",
        q=q,
        filters=query_args(q),
        page=page,
        clusters=q.clusters,
        csv_link="/v1/events?" + urlencode({**shown, "format": "csv"}),
        next_link=next_link,
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
def event_page(request: Request, event_id: str) -> HTMLResponse:
    detail = api.event_detail(request, event_id)
    return render("event.html", title=f"Event {event_id}", event=detail, record=detail["record"] or {})


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str) -> HTMLResponse:
    found = api.article_detail(request, article_id)
    record = found["record"]
    return render(
        "article.html",
        title=found["title"] or article_id,
        article=found,
        record=record,
        segments=segments(found["text"], record),
        actors={a["id"]: a for a in record.get("actors", [])},
        scripts=["article.js"],
    )


@router.get("/quotes", response_class=HTMLResponse)
def quotes_page(request: Request, speaker: str | None = None) -> HTMLResponse:
    with settings_of(request).store() as store:
        top = speakers.speakers(store, limit=50)
        unresolved = speakers.unresolved_quotes(store)
        rows = speakers.quotes(store, speaker=speaker or None, limit=200) if speaker else []
    return render(
        "quotes.html",
        title="Quotations",
        speakers=top,
        unresolved=unresolved,
        quotes=rows,
        speaker=speaker or "",
    )


@router.get("/map", response_class=HTMLResponse)
def map_page(request: Request) -> HTMLResponse:
    with settings_of(request).store() as store:
        places = browse.locations(store, limit=500)
    for place in places:
        place["precision"] = charts.precision(place["feature"])
    return render("map.html", title="Map", chart=charts.world_map(places), places=places)


@router.get("/docs", response_class=HTMLResponse)
def docs_page(request: Request) -> HTMLResponse:
    spec = request.app.openapi()
    endpoints = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            params = [(p["name"], p.get("in"), p.get("description", "")) for p in op.get("parameters", [])]
            endpoints.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": op.get("description", ""),
                    "params": params,
                }
            )
    return render("docs.html", title="API", endpoints=endpoints)
