"""Benchmark of ``whodid serve``: the event list and the dyad series over a million events, on loopback.

Usage (from the repository root)::

    .venv/bin/python bench/bench_serve.py [--events 1000000] [--requests 400] [--pages 10] [--seed S]
                                          [--cache DIR] [--rebuild] [--plan]

The database: ``bench_store.generate`` (the seeded generator of ``bench_store.py dyad``: Zipf-like
countries, GDELT-like CAMEO mix, dates over 2015-2024 at day, month and year precision, 85 %
asserted) writes N events and one article per 10 events into a store made by ``open_store`` (all
migrations); each article gets one sentence, so the events' sentence join finds a row. The file is
built once and kept as ``DIR/serve-N-SEED.db`` (default DIR: ``whodid-bench`` in the system's
temporary directory); later runs reuse it, after applying the migrations a newer whodid brings
(``--rebuild`` makes it again). Synthetic events belong to no event cluster: ``clusters=true`` is
not measured.

The server: ``whodid serve --db sqlite:///... --port P`` (the console script next to this Python)
as a child process on 127.0.0.1, stopped at the end. The client: one keep-alive HTTP connection
(``http.client``), one request at a time, so requests/s is the inverse of the mean latency.

The requests: ``--requests`` in all (default 400), half to ``GET /v1/events`` and half to
``GET /v1/dyads/{a}/{b}/series``, taking turns through the scenarios of ``EVENT_SCENARIOS`` and
``SERIES_SCENARIOS`` (filters by actor code, CAMEO prefix or root, quad class, dates, modality,
confidence, actor words, the page after a cursor, csv; dyads of heavy and light pairs by day, week,
month and year). Then ``--pages`` requests (default 10) to each dashboard page that aggregates the
whole store, in turns: the overview (``GET /``) and the map (``GET /map``). Each scenario is
requested once before the clock starts (warm-up: the server's
imports, SQLite's page cache). Latency is measured by the client from sending the request to the
last byte of the answer; every answer must be 200.

Printed: p50, p95 and max latency and requests/s per endpoint (the pages counting as one) and per
scenario, and PASS when the p95 of each is under 100 ms (exit 1 otherwise). ``--plan`` prints
SQLite's query plan of the statements one request of each API scenario runs (through the library,
in this process).
"""

from __future__ import annotations

import argparse
import http.client
import json
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_store import _plans, generate, machine_line, verdict, whodid_command

REPO = Path(__file__).resolve().parents[1]
BUDGET_MS = 100.0  # p95 of each endpoint

# name -> query parameters of GET /v1/events ("@cursor": the page after the first page of that query)
EVENT_SCENARIOS: dict[str, dict[str, str]] = {
    "newest": {},
    "source": {"source": "USA"},
    "dyad+cameo*": {"source": "USA", "target": "CHN", "cameo": "04*"},
    "root+dates": {"cameo": "19", "since": "2020-01", "until": "2020-12"},
    "quad+confidence": {"quad": "4", "min_confidence": "0.9"},
    "light dyad": {"source": "ESP", "target": "ITA", "modality": "all"},
    "actor words": {"actor": "usamil"},
    "no background": {"target": "RUS", "include_background": "false", "limit": "50"},
    "next page": {"source": "CHN", "@cursor": "1"},
    "csv 1000": {"source": "IRN", "format": "csv", "limit": "1000"},
}
# name -> (a, b, query parameters of GET /v1/dyads/{a}/{b}/series)
SERIES_SCENARIOS: dict[str, tuple[str, str, dict[str, str]]] = {
    "USA CHN month": ("USA", "CHN", {"by": "month"}),
    "USA CHN day": ("USA", "CHN", {"by": "day"}),
    "USA CHN week 2024": ("USA", "CHN", {"by": "week", "since": "2024"}),
    "RUS UKR year": ("RUS", "UKR", {"by": "year"}),
    "ESP ITA month all": ("ESP", "ITA", {"by": "month", "modality": "all"}),
    "USAGOV CHNGOV month": ("USAGOV", "CHNGOV", {"by": "month", "min_confidence": "0.7"}),
    "Iran Israel csv": ("Iran", "Israel", {"by": "month", "format": "csv"}),
}
# name -> path of a dashboard page that aggregates the whole store (timed ``--pages`` times each)
PAGE_SCENARIOS: dict[str, str] = {"overview": "/", "map": "/map"}
ENDPOINTS = (
    ("events", "GET /v1/events"),
    ("series", "GET /v1/dyads/{a}/{b}/series"),
    ("pages", "GET / and GET /map (pages)"),
)


# --------------------------------------------------------------------------- the database
def build_database(path: Path, events: int, seed: int) -> None:
    """Generate the events into a new store at ``path`` (written beside it, renamed when complete)."""
    from whodid.store.db import open_store

    unfinished = path.with_suffix(".partial")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{unfinished}{suffix}").unlink(missing_ok=True)
    t0 = time.perf_counter()
    with open_store(f"sqlite:///{unfinished}") as store:
        gen = generate(store, events, seed)
        with store.conn.transaction():  # one sentence per article: the events' sentence_idx is 0
            store.conn.execute(
                "INSERT INTO sentences (article_id, idx, start_char, end_char, text) "
                "SELECT id, 0, 0, length(text), text FROM articles"
            )
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    unfinished.rename(path)
    size = path.stat().st_size / 1e6
    print(
        f"built {path}: {gen.events:,} events, {gen.articles:,} articles in "
        f"{time.perf_counter() - t0:.0f} s ({size:.0f} MB)"
    )


def database(args: argparse.Namespace) -> Path:
    cache = Path(args.cache) if args.cache else Path(tempfile.gettempdir()) / "whodid-bench"
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"serve-{args.events}-{args.seed}.db"
    if args.rebuild or not path.exists():
        build_database(path, args.events, args.seed)
        return path
    from whodid.store.db import open_store

    print(f"reusing {path} ({path.stat().st_size / 1e6:.0f} MB; --rebuild to make it again)")
    with closing(sqlite3.connect(path)) as raw:
        before = {int(v) for (v,) in raw.execute("SELECT version FROM schema_migrations")}
    t0 = time.perf_counter()
    with open_store(f"sqlite:///{path}") as store:  # applies the migrations of a newer whodid, if any
        applied = [f"{v:04d}_{n}" for v, n in store.applied() if v not in before]
    if applied:
        print(f"applied {', '.join(applied)} in {time.perf_counter() - t0:.1f} s")
    return path


# --------------------------------------------------------------------------- the server
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def server(db: Path, log: Path) -> Iterator[int]:
    """``whodid serve`` on a free loopback port until the block ends; yields the port."""
    port = free_port()
    cmd = [*whodid_command(), "serve", "--db", f"sqlite:///{db}", "--port", str(port)]
    print("$ " + " ".join(cmd))
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"whodid serve did not start: {log.read_text()[-2000:]}") from None
                    time.sleep(0.1)
            yield port
        finally:
            proc.terminate()
            proc.wait(timeout=30)


# --------------------------------------------------------------------------- the requests
@dataclass
class Scenario:
    endpoint: str  # "events" or "series"
    name: str
    path: str
    times: list[float] = field(default_factory=list)  # seconds
    bytes: int = 0


def _path(base: str, params: dict[str, str]) -> str:
    return base + ("?" + urllib.parse.urlencode(params) if params else "")


def get(conn: http.client.HTTPConnection, path: str) -> tuple[float, bytes]:
    """One request on the keep-alive connection: its latency (to the last byte) and body."""
    t0 = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    elapsed = time.perf_counter() - t0
    if response.status != 200:
        raise RuntimeError(f"GET {path}: {response.status} {body[:500]!r}")
    return elapsed, body


def scenarios(conn: http.client.HTTPConnection) -> list[Scenario]:
    """Every scenario's request path; a cursor scenario asks its first page once, here, for the cursor."""
    out = []
    for name, params in EVENT_SCENARIOS.items():
        params = dict(params)
        if params.pop("@cursor", None):
            _, body = get(conn, _path("/v1/events", params))
            cursor = json.loads(body)["next_cursor"]
            assert cursor, f"{name}: a single page, no cursor"
            params["cursor"] = cursor
        out.append(Scenario("events", name, _path("/v1/events", params)))
    for name, (a, b, params) in SERIES_SCENARIOS.items():
        quoted = f"/v1/dyads/{urllib.parse.quote(a)}/{urllib.parse.quote(b)}/series"
        out.append(Scenario("series", name, _path(quoted, params)))
    for name, path in PAGE_SCENARIOS.items():
        out.append(Scenario("pages", name, path))
    return out


def run(port: int, requests: int, pages: int) -> list[Scenario]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        found = scenarios(conn)
        for sc in found:  # warm-up, not timed
            get(conn, sc.path)
        by_endpoint = {e: [sc for sc in found if sc.endpoint == e] for e in ("events", "series")}
        for k in range(requests):
            group = by_endpoint["events" if k % 2 == 0 else "series"]
            sc = group[(k // 2) % len(group)]
            elapsed, body = get(conn, sc.path)
            sc.times.append(elapsed)
            sc.bytes = len(body)
        for k in range(pages * len(PAGE_SCENARIOS)):  # after the API: the pages, in turns
            sc = [sc for sc in found if sc.endpoint == "pages"][k % len(PAGE_SCENARIOS)]
            elapsed, body = get(conn, sc.path)
            sc.times.append(elapsed)
            sc.bytes = len(body)
    finally:
        conn.close()
    return found


def percentile(times: list[float], p: float) -> float:
    """The ``p``-th percentile (nearest rank) in milliseconds."""
    ordered = sorted(times)
    return 1000 * ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def line(label: str, times: list[float], extra: str = "") -> str:
    return (
        f"{label:<26} {len(times):>5}  p50 {percentile(times, 50):7.1f} ms  "
        f"p95 {percentile(times, 95):7.1f} ms  max {1000 * max(times):7.1f} ms  "
        f"{len(times) / sum(times):7.1f} req/s{extra}"
    )


def report(found: list[Scenario]) -> bool:
    ok = True
    for endpoint, title in ENDPOINTS:
        group = [sc for sc in found if sc.endpoint == endpoint and sc.times]
        if not group:
            continue
        times = [t for sc in group for t in sc.times]
        print(f"\n{title}")
        for sc in group:
            print("  " + line(sc.name, sc.times, f"  {sc.bytes / 1000:6.1f} kB  {sc.path}"))
        print("  " + line("all", times))
        p95 = percentile(times, 95)
        ok = verdict(f"  {title} p95 {p95:.1f} ms  (budget {BUDGET_MS:.0f} ms)", p95 < BUDGET_MS) == 0 and ok
    return ok


def print_plans(db: Path) -> None:
    """SQLite's plan of the statements of one request of each scenario, run through the library
    with the filters read as the server reads them (``params.event_query``)."""
    import inspect

    from whodid.serve.params import event_query
    from whodid.store import browse, query
    from whodid.store.db import open_store

    names = inspect.signature(event_query).parameters
    with open_store(f"sqlite:///{db}", create=False) as store:
        calls: list[tuple[str, Callable[[], object]]] = []
        for name, params in EVENT_SCENARIOS.items():
            q = event_query(**{n: params.get(n) for n in names})
            calls.append((f"events '{name}'", partial(browse.event_page, store, q, limit=100)))
        for name, (a, b, params) in SERIES_SCENARIOS.items():
            floor = params.get("min_confidence")
            series = partial(
                query.dyad,
                store,
                a,
                b,
                by=params.get("by", "month"),
                fill=True,
                since=params.get("since"),
                min_confidence=float(floor) if floor else None,
                modality=params.get("modality", "asserted"),
            )
            calls.append((f"series '{name}'", series))
        for label, call in calls:
            print(f"\nplan of {label}:")
            for sql, plan in _plans(store.conn, call):
                print(f"  {' '.join(sql.split())[:400]}")
                for step in plan:
                    print(f"    {step}")


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "--events", type=int, default=1_000_000, help="events in the database (default 1,000,000)"
    )
    ap.add_argument(
        "--requests", type=int, default=400, help="timed requests, half per endpoint (default 400)"
    )
    ap.add_argument(
        "--pages", type=int, default=10, help="timed requests of each dashboard page (default 10; 0: none)"
    )
    ap.add_argument("--seed", type=int, default=20261129, help="generator seed (default 20261129)")
    ap.add_argument("--cache", default=None, help="directory of the database (default TMPDIR/whodid-bench)")
    ap.add_argument("--rebuild", action="store_true", help="make the database again even if cached")
    ap.add_argument("--plan", action="store_true", help="print the SQL plans of every scenario")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    db = database(args)
    if args.plan:
        print_plans(db)
    with (
        tempfile.TemporaryDirectory(prefix="whodid-bench-") as tmp,
        server(db, Path(tmp) / "serve.log") as port,
    ):
        print(machine_line())
        t0 = time.perf_counter()
        found = run(port, args.requests, args.pages)
        wall = time.perf_counter() - t0
    print(
        f"{args.requests} + {args.pages * len(PAGE_SCENARIOS)} timed requests in {wall:.1f} s "
        "(warm-up included), one connection, one at a time"
    )
    ok = report(found)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
