"""``whodid serve``: the HTTP API (``/v1``) and the analysts' dashboard over the event store.

    from whodid.serve import Settings, create_app
    app = create_app(Settings(url="sqlite:///whodid.db"))      # an ASGI app (FastAPI)

    whodid serve --db sqlite:///whodid.db                        # the same, served by uvicorn

``app.py`` builds the application and its security headers, ``api.py`` the JSON endpoints,
``pages.py`` the server-rendered pages (templates in ``templates/``, CSS and the one script in
``static/``: nothing is fetched from another host), ``charts.py`` the SVG charts, ``highlight.py``
the marked-up article text, ``problems.py`` the one error shape, ``run.py`` the command's start-up
checks. Needs the ``serve`` extra (``pip install 'whodid[serve]'``).
"""

from __future__ import annotations

from whodid.serve.app import Settings, create_app

__all__ = ["Settings", "create_app"]
