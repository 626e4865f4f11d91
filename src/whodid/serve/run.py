"""Starting ``whodid serve``: the checks made before listening, then uvicorn.

A server bound to loopback (127.0.0.1, ::1, localhost) is reachable from this machine only; on any
other address anyone who reaches it could write, so ``check_bind`` refuses to start without a token
(E606) and, with one, every write needs it.

    >>> is_loopback("127.0.0.1"), is_loopback("0.0.0.0"), is_loopback("localhost")
    (True, False, True)
"""

from __future__ import annotations

import gc
import ipaddress

from whodid.errors import Errors

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: may resolve anywhere


def check_bind(host: str, token: str | None) -> None:
    """E606 when ``host`` is not loopback and no token is set."""
    if not token and not is_loopback(host):
        raise Errors.E606.error(host=host)


def serve(url: str, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, token: str | None = None) -> None:
    """Check the address and the database, then serve until interrupted."""
    check_bind(host, token)
    try:
        import uvicorn

        from whodid.serve.app import Settings, create_app
    except ImportError as e:
        raise Errors.E609.error(missing=e.name or "fastapi") from None
    from whodid.store.db import open_store

    open_store(url, create=False).close()  # E411 now rather than on the first request
    app = create_app(Settings(url=url, token=token or None))
    # What is loaded now lives as long as the server: left out of the collector's full passes, each
    # of which walked these 100,000 objects (55 ms) every few requests of a dyad's series by day.
    gc.collect()
    gc.freeze()
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
