"""Fixtures of the server tests: a store of hand-made articles on SQLite and PostgreSQL
(``tests/store/conftest.py``'s ``db_url``), and a TestClient over it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient

from tests.store.conftest import db_url, module_db_url, postgresql_admin
from whodid.record import ArticleRecord
from whodid.serve import Settings, create_app
from whodid.store.db import open_store

if TYPE_CHECKING:
    from whodid.pipeline import Pipeline

__all__ = ["db_url", "module_db_url", "postgresql_admin"]

USA_CHN = "Washington accused Beijing on Tuesday. China praised the United States in Geneva."
XSS = (
    'Iran warned Israel. <script>window.__xss = 1; alert(1)</script> <img src=x onerror="alert(2)"> '
    '<a href="javascript:alert(3)">click</a> </textarea><script>alert(4)</script> '
    'Iran said: "we <b>will</b>."'
)


def _actor(aid: str, name: str, country: str, code: str, mentions: list[tuple[int, int]]) -> dict[str, Any]:
    return {
        "id": aid,
        "name": name,
        "kind": "state",
        "country": country,
        "sector": None,
        "code": code,
        "mentions": [{"start": s, "end": e} for s, e in mentions],
    }


def _event(eid: str, src: tuple[str, str, str], tgt: tuple[str, str, str], **kw: Any) -> dict[str, Any]:
    """An event of a hand-made record: ``src``/``tgt`` are (actor id, code, words)."""
    sentence, evidence = kw.pop("sentence"), kw.pop("evidence")
    return {
        "id": eid,
        "source": {"actor": src[0], "country": src[1][:3], "code": src[1], "text": src[2]},
        "target": {"actor": tgt[0], "country": tgt[1][:3], "code": tgt[1], "text": tgt[2]},
        "cameo": kw.pop("cameo"),
        "plover": kw.pop("plover", None),
        "quad_class": kw.pop("quad"),
        "goldstein": kw.pop("goldstein"),
        "date": kw.pop("date"),
        "date_precision": "day",
        "date_source": "text",
        "location": kw.pop("location", None),
        "modality": kw.pop("modality", "asserted"),
        "background": False,
        "sentence": {"index": sentence[0], "start": sentence[1], "end": sentence[2]},
        "evidence": {"start": evidence[0], "end": evidence[1], "text": evidence[2]},
        "rule": kw.pop("rule", "verb:test"),
        "confidence": kw.pop("confidence", 0.8),
    }


def usa_chn_record(aid: str, published: str) -> dict[str, Any]:
    """Two events (USA accuses CHN, CHN praises USA), a quotation, a date, a city and a country."""
    geneva = {"name": "Geneva", "country": "CHE", "lat": 46.2, "lon": 6.15, "feature": "city"}
    china = {"name": "China", "country": "CHN", "lat": 35.0, "lon": 105.0, "feature": "country"}
    return {
        "schema": "whodid.article/1",
        "article": {"id": aid, "published": published, "title": "Talks", "source": "Wire", "url": None},
        "actors": [
            _actor("a1", "United States", "USA", "USAGOV", [(0, 10), (57, 70)]),
            _actor("a2", "China", "CHN", "CHNGOV", [(19, 26), (39, 44)]),
        ],
        "events": [
            _event(
                "e1",
                ("a1", "USAGOV", "Washington"),
                ("a2", "CHNGOV", "Beijing"),
                cameo="112",
                plover="ACCUSE",
                quad=3,
                goldstein=-2.0,
                date=published,
                sentence=(0, 0, 38),
                evidence=(11, 18, "accused"),
                location=china,
            ),
            _event(
                "e2",
                ("a2", "CHNGOV", "China"),
                ("a1", "USAGOV", "the United States"),
                cameo="051",
                plover="CONSULT",
                quad=1,
                goldstein=3.4,
                date=published,
                sentence=(1, 39, 81),
                evidence=(45, 52, "praised"),
                location=geneva,
                confidence=0.5,
            ),
            _event(
                "e3",
                ("a2", "CHNGOV", "China"),
                ("a1", "USAGOV", "the United States"),
                cameo="190",
                quad=4,
                goldstein=-10.0,
                date=published,
                sentence=(1, 39, 81),
                evidence=(45, 52, "praised"),
                modality="hypothetical",
            ),
        ],
        "quotes": [
            {
                "id": "q1",
                "text": "praised the United States",
                "start": 45,
                "end": 70,
                "kind": "indirect",
                "cue": "praised",
                "speaker": {"actor": "a2", "country": "CHN", "text": "China"},
                "rule": "quote:test",
                "confidence": 0.7,
            }
        ],
        "dates": [{"text": "Tuesday", "start": 30, "end": 37, "value": published, "precision": "day"}],
        "places": [
            {**geneva, "text": "Geneva", "start": 74, "end": 80, "geonameid": 2660646},
            {**china, "text": "China", "start": 39, "end": 44, "geonameid": 1814991},
        ],
    }


def xss_record(aid: str) -> dict[str, Any]:
    start = XSS.index("we <b>")
    return {
        "schema": "whodid.article/1",
        "article": {
            "id": aid,
            "published": "2024-06-01",
            "title": "<script>alert(6)</script>",
            "source": "<b>src</b>",
            "url": "javascript:alert(5)",
        },
        "actors": [
            _actor("a1", "Iran <script>", "IRN", "IRN", [(0, 4)]),
            _actor("a2", "Israel", "ISR", "ISR", [(12, 18)]),
        ],
        "events": [
            _event(
                "e1",
                ("a1", "IRN", "Iran"),
                ("a2", "ISR", "Israel"),
                cameo="130",
                quad=3,
                goldstein=-4.4,
                date="2024-06-01",
                sentence=(0, 0, 19),
                evidence=(5, 11, "warned"),
                rule="verb:<script>alert(7)</script>",
            )
        ],
        "quotes": [
            {
                "id": "q1",
                "text": XSS[start : start + 15],
                "start": start,
                "end": start + 15,
                "kind": "direct",
                "cue": "said",
                "speaker": {"actor": "a1", "country": "IRN", "text": "Iran"},
            }
        ],
        "dates": [],
        "places": [],
    }


ARTICLES = ("sha256-00000000000000a1", "sha256-00000000000000a2", "sha256-00000000000000a3")
XSS_ID = "sha256-00000000000000ff"


def fill(url: str) -> None:
    """Three USA-CHN articles (March, April and May 2024) and the XSS article."""
    with open_store(url) as store:
        items = [
            (ArticleRecord.from_dict(usa_chn_record(aid, day)), USA_CHN + " " * k, "test", None)
            for k, (aid, day) in enumerate(
                zip(ARTICLES, ("2024-03-05", "2024-04-09", "2024-05-14"), strict=True)
            )
        ]
        store.add([*items, (ArticleRecord.from_dict(xss_record(XSS_ID)), XSS, "test", None)])


@pytest.fixture(scope="module")
def filled_url(module_db_url: str) -> str:
    """The articles of ``fill`` stored once per test module and back-end (``module_db_url``), for tests
    that only read (a database per test cost a third of a second each on PostgreSQL). Tests that
    write take ``db_url``, a new database each."""
    fill(module_db_url)
    return module_db_url


@pytest.fixture
def make_client() -> Callable[..., TestClient]:
    def make(url: str, *, pipeline: Pipeline | None = None, **settings: Any) -> TestClient:
        if pipeline is not None:
            settings["load_pipeline"] = lambda: pipeline
        return TestClient(create_app(Settings(url=url, **settings)), raise_server_exceptions=False)

    return make


@pytest.fixture
def client(filled_url: str, make_client: Callable[..., TestClient]) -> TestClient:
    return make_client(filled_url)
