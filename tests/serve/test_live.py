"""Issue 12 through a real socket: the demo data (examples/, ingested with the session's pipeline)
served by uvicorn on loopback, read with httpx2 as a user's client would, and driven in headless
Chromium (Debian's ``chromium`` through Playwright: Playwright's own browser download is not
reachable here). The browser tests skip only where Chromium is not installed, and fail under CI."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx2
import pytest

from tests.serve.conftest import fill
from tests.serve.live import live_server
from whodid.pipeline import Pipeline
from whodid.serve import Settings
from whodid.store.db import open_store
from whodid.store.ingest import IngestOptions, ingest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("WHODID_SCREENSHOTS", ROOT / "build" / "screenshots"))
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# what the machine's closed network needs (no background connections), as root: no sandbox
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> Iterator[str]:
    """The README's demo data (examples/ stored as 'make demo' stores it), served on loopback."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}"
    import datetime as dt

    with open_store(url) as store:
        ingest([ROOT / "examples"], store, pipeline, IngestOptions(published=dt.date(2024, 5, 7)))
    with live_server(Settings(url=url, load_pipeline=lambda: pipeline)) as base:
        yield base


def test_real_server_answers_over_loopback(demo_server: str) -> None:
    with httpx2.Client(base_url=demo_server, timeout=10) as http:
        series = http.get("/v1/dyads/EGY/ETH/series", params={"by": "month"})
        assert series.status_code == 200 and series.json()["rows"]
        events = http.get("/v1/events", params={"source": "EGY", "limit": 2}).json()
        assert events["events"] and events["next_cursor"]
        page = http.get("/")
        assert page.headers["content-security-policy"].startswith("default-src 'self'")
        missing = http.get("/v1/events/none:e1")
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "E602"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        why = "Chromium is not installed (apt-get install chromium): browser tests skipped"
        if os.environ.get("CI"):
            pytest.fail(why.replace("skipped", "cannot run under CI"))
        pytest.skip(why)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.mark.slow
def test_from_overview_to_the_sentence_in_a_browser(demo_server: str, browser: Any) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(demo_server + "/")
    assert page.locator("#dyads tbody tr").count() >= 1
    page.screenshot(path=str(SCREENSHOTS / "overview.png"), full_page=True)
    page.goto(demo_server + "/dyads/EGY/ETH?by=month")
    page.screenshot(path=str(SCREENSHOTS / "dyad.png"), full_page=True)
    point = page.locator('a.point[data-direction="EGY->ETH"]').first
    with page.expect_navigation():
        point.click()
    assert "/events?" in page.url and "source=EGY" in page.url
    page.screenshot(path=str(SCREENSHOTS / "events.png"), full_page=True)
    with page.expect_navigation():
        page.locator("a.event-link").first.click()
    page.screenshot(path=str(SCREENSHOTS / "event.png"), full_page=True)
    with page.expect_navigation():
        page.locator("#in-article").click()
    match = re.search(r"#event-(e\d+)$", page.url)
    assert match, page.url
    event = match.group(1)
    page.wait_for_selector(f"#record-{event}.current")
    assert page.get_attribute("body", "data-current-event") == event
    highlighted = page.locator("#text .current")
    assert highlighted.count() >= 1 and highlighted.first.is_visible()
    assert page.locator(f"#event-{event}").evaluate(
        "el => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top <= window.innerHeight; }"
    )
    page.screenshot(path=str(SCREENSHOTS / "article.png"), full_page=False)
    for path, name in (("/quotes?speaker=EGY", "quotes"), ("/map", "map")):
        page.goto(demo_server + path)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    assert errors == []


LABELS_OUTSIDE = """() => [...document.querySelectorAll("svg.chart")].flatMap(svg => {
    const width = svg.viewBox.baseVal.width;
    return [...svg.querySelectorAll("text.tick")].map(t => t.getBBox())
        .filter(b => b.x < 0 || b.x + b.width > width).map(b => [b.x, b.x + b.width, width]);
})"""


@pytest.mark.slow
def test_chart_labels_stay_inside_the_charts_in_a_browser(tmp_path: Path, browser: Any) -> None:
    """The last period's label of a dyad chart was cut off by the chart's right border."""
    url = f"sqlite:///{tmp_path / 'three-months.db'}"
    fill(url)  # USA-CHN in March, April and May 2024
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    with live_server(Settings(url=url)) as base:
        for path in ("/dyads/USA/CHN?by=month", "/dyads/USA/CHN?by=day", "/dyads/USA/CHN?by=week", "/"):
            page.goto(base + path)
            ticks = page.locator("svg.chart text.tick")
            assert ticks.count() >= 3, path
            assert page.evaluate(LABELS_OUTSIDE) == [], path
        page.goto(base + "/dyads/USA/CHN?by=day")
        page.screenshot(path=str(SCREENSHOTS / "dyad-by-day.png"), full_page=True)


XSS = (
    'Iran warned Israel on Monday. <script>window.__xss = 1; alert("script")</script> '
    "<img src=x onerror=\"window.__xss = 2; alert('img')\"> "
    '<a id="js" href="javascript:window.__xss=3">x</a> '
    '</textarea><script>window.__xss = 4</script> Iran said: "we <b>will</b> answer."'
)


@pytest.mark.slow
def test_hostile_article_runs_nothing_in_a_browser(demo_server: str, browser: Any) -> None:
    with httpx2.Client(base_url=demo_server, timeout=60) as http:
        record = http.post(
            "/v1/articles",
            json={
                "text": XSS,
                "published": "2024-05-08",
                "title": "<script>alert(1)</script>",
                "url": "javascript:alert(2)",
            },
        ).json()
    article_id = record["article"]["id"]
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    for path in (f"/articles/{article_id}", "/events?actor=Iran", "/"):
        page.goto(demo_server + path)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss === undefined"), path
    page.goto(demo_server + f"/articles/{article_id}")
    assert "<script>" in page.inner_text("#text")  # shown as text
    assert page.locator("#text script, #text img, a[href^='javascript:']").count() == 0
    page.screenshot(path=str(SCREENSHOTS / "xss-article.png"), full_page=True)
    assert dialogs == []
