"""Issue 12: the dashboard's pages (server-rendered, every asset served by the app), and the
security of ``whodid serve``: escaping of untrusted article text, the Content-Security-Policy, the
loopback default and the refusal to listen elsewhere without a token."""

from __future__ import annotations

import csv
import html
import io
import re
import subprocess
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from fastapi.testclient import TestClient

from tests.serve.conftest import ARTICLES, XSS_ID
from whodid.errors import WhodidError
from whodid.serve.app import CSP
from whodid.serve.pages import safe_url
from whodid.serve.run import check_bind, is_loopback

PAGES = ["/", "/events", "/dyads/USA/CHN", f"/events/{ARTICLES[0]}:e1", f"/articles/{ARTICLES[0]}",
         "/quotes?speaker=CHNGOV", "/map", "/docs", "/actors?name=chin"]  # fmt: skip


def test_every_page_renders_with_local_assets_only(client: TestClient) -> None:
    for path in PAGES:  # one database for all (a PostgreSQL one costs a second to make)
        response = client.get(path)
        assert response.status_code == 200, (path, response.text)
        assert response.headers["content-type"].startswith("text/html")
        assert response.headers["content-security-policy"] == CSP
        assert response.headers["x-content-type-options"] == "nosniff"
        page = response.text
        for ref in re.findall(r'(?:src|href)="([^"]+)"', page):
            assert not re.match(r"(https?:)?//", ref), f"{path} refers to another host: {ref}"
            if ref.startswith("/static/"):
                assert client.get(ref).status_code == 200
        assert "<script>" not in page  # no inline script anywhere


def test_overview_dyad_and_map(client: TestClient) -> None:
    overview = client.get("/").text
    assert 'href="/dyads/USAGOV/CHNGOV"' in overview and "<svg" in overview
    dyad = client.get("/dyads/USA/CHN").text
    assert dyad.count('class="point"') == 3 * 2 * 3  # 3 months, 2 directions, 3 charts
    link = html.unescape(re.findall(r'<a class="point" href="([^"]+)" data-period="2024-04" '
                                    r'data-direction="USA-&gt;CHN"', dyad)[0])  # fmt: skip
    events = client.get(link).text
    assert f"/articles/{ARTICLES[1]}#event-e1" in events and f"/articles/{ARTICLES[0]}#" not in events
    map_page = client.get("/map").text
    assert map_page.count('class="place country"') == 1 and map_page.count('class="place city"') == 1
    assert "country centroid" in map_page and "city or town" in map_page


def test_events_page_csv_is_exactly_the_rows_shown(client: TestClient) -> None:
    page = client.get("/events", params={"source": "USA", "limit": "2"}).text
    shown = re.findall(r'href="/articles/([^"#]+)#event-([^"]+)"', page)
    csv_link = html.unescape(re.search(r'id="csv" href="([^"]+)"', page).group(1))  # type: ignore[union-attr]
    rows = list(csv.DictReader(io.StringIO(client.get(csv_link).text)))
    assert [(r["article_id"], r["event_id"]) for r in rows] == shown and len(shown) == 2
    next_link = html.unescape(re.search(r'id="next" href="([^"]+)"', page).group(1))  # type: ignore[union-attr]
    second = client.get(next_link).text
    csv_second = html.unescape(re.search(r'id="csv" href="([^"]+)"', second).group(1))  # type: ignore[union-attr]
    assert parse_qs(urlsplit(csv_second).query)["cursor"] == parse_qs(urlsplit(next_link).query)["cursor"]
    assert len(list(csv.DictReader(io.StringIO(client.get(csv_second).text)))) == 1


def test_article_page_marks_every_kind_of_span(client: TestClient) -> None:
    page = client.get(f"/articles/{ARTICLES[0]}").text
    assert 'id="event-e1"' in page and 'id="record-e1"' in page and 'href="#event-e2"' in page
    for kind in ("actor", "trigger", "quote", "date", "place", "sentence"):
        assert re.search(rf'class="[^"]*\b{kind}\b', page), kind
    assert '<script src="/static/article.js" defer></script>' in page
    assert "verb:test" in page and "0.8" in page


def test_quotes_page_lists_a_speakers_quotations(client: TestClient) -> None:
    page = client.get("/quotes", params={"speaker": "CHNGOV"}).text
    assert page.count("“praised the United States”") == 3
    assert 'href="/quotes?speaker=CHNGOV"' in page


def test_page_errors_are_pages_with_the_catalogue_words(client: TestClient) -> None:
    response = client.get("/articles/sha256-none")
    assert response.status_code == 404 and response.headers["content-type"].startswith("text/html")
    assert 'data-code="E602"' in response.text and "Check the id" in response.text
    assert client.get("/nowhere").status_code == 404


def test_untrusted_article_text_is_escaped_everywhere(client: TestClient) -> None:
    for path in (f"/articles/{XSS_ID}", f"/events/{XSS_ID}:e1", "/events", "/", "/quotes?speaker=Iran"):
        page = client.get(path).text
        for payload in (
            "<script>alert",
            "<script>window",
            "<img src=x",
            '<a href="javascript:',
            "</textarea><",
        ):
            assert payload not in page, (path, payload)
        assert 'href="javascript:' not in page
    page = client.get(f"/articles/{XSS_ID}").text
    assert "&lt;script&gt;window.__xss = 1" in page and "&lt;/textarea&gt;" in page
    assert "javascript:alert(5)" in page  # the URL is shown as text, not linked
    assert "&lt;script&gt;alert(7)&lt;/script&gt;" in page  # even the rule is escaped
    api = client.get(f"/v1/articles/{XSS_ID}")
    assert api.headers["content-type"].startswith("application/json")


def test_safe_url_links_http_only() -> None:
    assert safe_url("https://example.org/a") == "https://example.org/a"
    assert safe_url("javascript:alert(1)") is None and safe_url(" JavaScript:alert(1)") is None
    assert safe_url("data:text/html,x") is None and safe_url(None) is None


def test_loopback_by_default_and_no_other_address_without_a_token() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.0.2.7") and not is_loopback("example.org")
    check_bind("127.0.0.1", None)
    check_bind("0.0.0.0", "a-token")
    with pytest.raises(WhodidError) as caught:
        check_bind("0.0.0.0", None)
    assert caught.value.code == "E606"


def test_serve_command_refuses_a_public_address_without_a_token(
    cli: Callable[..., subprocess.CompletedProcess[str]], filled_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WHODID_TOKEN", raising=False)
    result = cli("serve", "--host", "0.0.0.0", "--port", "8765", "--db", filled_url)
    assert result.returncode == 2
    assert "E606" in result.stderr and "WHODID_TOKEN" in result.stderr
    help_text = cli("serve", "--help").stdout
    assert "127.0.0.1" in help_text and "WHODID_TOKEN" in help_text
