"""The FastAPI application of ``whodid serve``: the ``/v1`` JSON API and the dashboard's pages.

``create_app(Settings(url=...))`` builds it; nothing is global, so tests build as many as they like
(each over its own database, with the test session's pipeline). Every response carries a
Content-Security-Policy that allows only the app's own scripts, styles and images (no inline script,
nothing from another host) and ``nosniff``; every error is answered in one shape (``problems.py``).

    app = create_app(Settings(url="sqlite:///whodid.db"))
    # uvicorn.run(app, host="127.0.0.1", port=8000)  (what 'whodid serve' does)
"""

from __future__ import annotations

import hmac
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from typing import TYPE_CHECKING, Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from whodid import __version__
from whodid.errors import Errors, WhodidError
from whodid.ingest.text import DEFAULT_MAX_BYTES
from whodid.serve.problems import error_body, error_headers, status_of, unexpected

if TYPE_CHECKING:
    from whodid.pipeline import Pipeline
    from whodid.store.db import Store

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


def _default_pipeline() -> Pipeline:
    from whodid.pipeline import load

    return load()


@dataclass
class Settings:
    """What one server serves: the database URL, the token writes need (None: no token asked, for
    loopback only), the largest request body, and how to load the pipeline (once, on the first
    POST /v1/articles)."""

    url: str
    token: str | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    load_pipeline: Callable[[], Pipeline] = _default_pipeline
    _pipeline: Pipeline | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @contextmanager
    def store(self, *, create: bool = False) -> Iterator[Store]:
        """A connection for one request (SQLite connections belong to one thread; a request's
        handler runs in one). Readers find no SQLite file an error (E411); a writer (``create``)
        creates it and its tables, as ``whodid ingest`` does."""
        from whodid.store.db import open_store

        with open_store(self.url, create=create) as store:
            yield store

    @contextmanager
    def coding(self) -> Iterator[Pipeline]:
        """The pipeline, loaded once, for one article at a time."""
        with self._lock:
            if self._pipeline is None:
                self._pipeline = self.load_pipeline()
            yield self._pipeline

    def authorized(self, header: str | None) -> None:
        """Raise E605 unless the request's Authorization header holds the token (when one is set)."""
        if self.token is None:
            return
        if not header:
            raise Errors.E605.error(detail="has no Authorization header")
        scheme, _, given = header.partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), self.token.encode()):
            raise Errors.E605.error(detail="holds another token")


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def wants_json(request: Request) -> bool:
    """API paths answer JSON; pages answer HTML."""
    path = request.url.path
    return path.startswith("/v1/") or path == "/v1" or path == "/openapi.json"


def create_app(settings: Settings) -> FastAPI:
    """The application: API routes, pages, static files, error handlers and security headers."""
    from whodid.serve import api, pages

    app = FastAPI(
        title="whodid",
        version=__version__,
        description="Political event data from news, down to the sentence: the API of whodid serve.",
        docs_url=None,  # FastAPI's /docs loads Swagger UI from a CDN; pages.py draws its own
        redoc_url=None,
    )
    app.state.settings = settings
    app.include_router(api.router)
    app.include_router(pages.router)
    static = resources.files("whodid.serve").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    _add_handlers(app)

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > settings.max_bytes:
            response: Response = _answer(request, Errors.E604.error(limit=settings.max_bytes))
        else:
            response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    return app


def _answer(request: Request, error: WhodidError) -> Response:
    if wants_json(request):
        return JSONResponse(error_body(error), status_code=status_of(error), headers=error_headers(error))
    from whodid.serve.pages import error_page

    page = error_page(request, error)
    page.headers.update(error_headers(error))
    return page


def _add_handlers(app: FastAPI) -> None:
    from whodid.store.db import database_errors, error_detail, hide_password, is_lock_error, locked

    async def on_whodid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, WhodidError)
        return _answer(request, exc)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        if exc.status_code == 405:
            allowed = (exc.headers or {}).get("Allow", "GET")
            error = Errors.E608.error(method=request.method, path=request.url.path, allowed=allowed)
        elif exc.status_code == 404:
            error = Errors.E603.error(path=request.url.path)
        else:
            error = Errors.E601.error(where="request", name=request.url.path, detail=str(exc.detail))
        return _answer(request, error)

    async def on_invalid(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        first: dict[str, Any] = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ())]
        where = {"query": "query parameter", "path": "path segment", "body": "body field"}.get(
            loc[0] if loc else "", "parameter"
        )
        name = ".".join(loc[1:]) or "?"
        return _answer(request, Errors.E601.error(where=where, name=name, detail=first.get("msg", "invalid")))

    async def on_database(request: Request, exc: Exception) -> Response:
        url = settings_of(request).url
        if is_lock_error(exc):  # another process's lock outlasted the wait: say so, not "failed"
            return _answer(request, locked(url, "this request stored nothing"))
        return _answer(request, Errors.E418.error(url=hide_password(url), detail=error_detail(exc)))

    async def on_other(request: Request, exc: Exception) -> Response:
        return _answer(request, unexpected(exc))

    app.add_exception_handler(WhodidError, on_whodid)
    app.add_exception_handler(StarletteHTTPException, on_http)
    app.add_exception_handler(RequestValidationError, on_invalid)
    for kind in database_errors():
        app.add_exception_handler(kind, on_database)
    app.add_exception_handler(Exception, on_other)


def html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status)
