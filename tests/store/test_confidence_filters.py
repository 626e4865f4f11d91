"""Events that did not happen and events below a confidence floor, in the store (both back-ends)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from subprocess import CompletedProcess
from typing import Any

import pytest

from tests.store.test_query import TEXT, _event
from whodid.cli import main
from whodid.evaluate.base import empty_prediction
from whodid.record import ArticleRecord
from whodid.store.db import Store, open_store
from whodid.store.query import EventQuery, dyad, dyad_undated, events

Cli = Callable[..., CompletedProcess[str]]


def _with(ev: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {**ev, **fields}


EVENTS = [
    _event(1, "RURMIL", "OSTGOV", "190", 4, -10.0, "2024-03-04", 0.9),
    _with(_event(2, "RURMIL", "OSTGOV", "190", 4, -10.0, "2024-03-05", 0.9), modality="negated"),
    _with(_event(3, "RURGOV", "OSTGOV", "042", 1, 1.9, "2024-03-06", 0.8), modality="cancelled"),
    _event(4, "RURGOV", "OSTGOV", "111", 3, -2.0, "2024-03-07", 0.1),
    _with(_event(5, "RURGOV", "OSTGOV", "111", 3, -2.0, None, 0.8), modality="negated"),
]


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    s = open_store(db_url)
    rec = empty_prediction("sha256-00000000000000c1")
    rec["article"].update({"published": "2024-03-08"})
    rec["actors"] = [
        {"id": "a1", "name": "Ruritania", "kind": "state", "mentions": [{"start": 0, "end": 0}]},
        {"id": "a2", "name": "Osterlich", "kind": "state", "mentions": [{"start": 0, "end": 0}]},
    ]
    rec["events"] = EVENTS
    s.add([(ArticleRecord.from_dict(rec), TEXT, "test", "given-c1")])
    with s:
        yield s


def test_dyad_never_counts_what_did_not_happen(store: Store) -> None:
    rows = dyad(store, "RUR", "OST", by="month")
    assert [(r["direction"], r["events"], r["material_conflict"]) for r in rows] == [("RUR->OST", 2, 1)]
    assert dyad_undated(store, "RUR", "OST", by="month") == 0  # e5 is negated: not counted anywhere


def test_dyad_and_events_keep_a_confidence_floor(store: Store) -> None:
    rows = dyad(store, "RUR", "OST", by="month", min_confidence=0.5)
    assert [(r["events"], r["verbal_conflict"]) for r in rows] == [(1, 0)]  # e4 (0.1) left out
    kept = events(store, EventQuery(min_confidence=0.5, modality="all"))
    assert sorted(r["event_id"] for r in kept) == ["e1", "e2", "e3", "e5"]  # records stay listed
    assert {r["modality"] for r in kept} == {"asserted", "negated", "cancelled"}


def test_the_command_line_applies_the_default_floor(store: Store, capsys: pytest.CaptureFixture[str]) -> None:
    url = store.url
    store.close()
    assert main(["events", "--db", url, "--format", "json"]) == 0
    default = {r["event_id"] for r in json.loads(capsys.readouterr().out)}
    assert "e4" not in default and "e1" in default
    assert main(["events", "--db", url, "--format", "json", "--min-confidence", "0"]) == 0
    assert "e4" in {r["event_id"] for r in json.loads(capsys.readouterr().out)}
    assert main(["dyad", "RUR", "OST", "--db", url, "--format", "json", "--min-confidence", "0"]) == 0
    assert [r["events"] for r in json.loads(capsys.readouterr().out)] == [0, 2]  # e1 and e4 (0.1)
    assert main(["dyad", "RUR", "OST", "--db", url, "--min-confidence", "1.5"]) == 2
    assert "E410" in capsys.readouterr().err


def test_code_and_ingest_leave_out_events_below_the_floor(tmp_path: Path, cli: Cli) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Kenyan police arrested twelve Ugandan traders in Nairobi on Monday. "
        "A farmer said the harvest was late. Ugandan officials criticized Kenya on Tuesday.",
        encoding="utf-8",
    )
    done = cli("code", str(article), "--published", "2024-05-08", "--min-confidence", "0")
    assert done.returncode == 0
    every = json.loads(done.stdout)["events"]
    floor = sorted(e["confidence"] for e in every)[len(every) // 2]
    done = cli("code", str(article), "--published", "2024-05-08", "--min-confidence", str(floor))
    assert done.returncode == 0
    kept = json.loads(done.stdout)["events"]
    assert kept and all(e["confidence"] >= floor for e in kept)
    assert len(kept) == sum(1 for e in every if e["confidence"] >= floor) < len(every) or floor == 0
    db = f"sqlite:///{tmp_path / 'c.db'}"
    done = cli("ingest", str(article), "--published", "2024-05-08", "--db", db, "--min-confidence", "0.99")
    assert done.returncode == 0
    done = cli("events", "--db", db, "--format", "json", "--min-confidence", "0")
    assert done.returncode == 0 and json.loads(done.stdout) == []
