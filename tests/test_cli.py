"""The ``whodid`` command on good and bad input. A few tests run it as a user runs it (a real
subprocess: the JSON contract, standard input); the others run it in this process with the session's
model (``tests/inprocess.py``), the same code after the interpreter has started."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

from tests.inprocess import whodid as run

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "harbour-talks.txt"


def whodid(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run(
        [sys.executable, "-m", "whodid.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=300,
    )
    return subprocess.CompletedProcess(
        proc.args, proc.returncode, proc.stdout.decode("utf-8"), proc.stderr.decode("utf-8")
    )


@pytest.fixture(scope="module")
def example_json() -> dict[str, object]:
    proc = whodid("code", str(EXAMPLE), "--published", "2024-05-07", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert isinstance(data, dict)
    return data


@pytest.mark.slow
def test_code_json_follows_the_contract(example_json: dict[str, object]) -> None:
    assert example_json["schema"] == "whodid.article/1"
    assert set(example_json) >= {"article", "actors", "events", "quotes", "dates", "places"}
    events = example_json["events"]
    assert isinstance(events, list) and events
    keys = {
        "id",
        "source",
        "target",
        "cameo",
        "plover",
        "quad_class",
        "goldstein",
        "date",
        "date_precision",
        "date_source",
        "location",
        "modality",
        "background",
        "sentence",
        "evidence",
        "rule",
        "confidence",
    }
    assert all(keys <= set(e) for e in events)


def test_code_table_lists_every_section(nlp: Language) -> None:
    proc = run("code", str(EXAMPLE), "--published", "2024-05-07", "--format", "table", nlp=nlp)
    assert proc.returncode == 0, proc.stderr
    for section in ("ACTORS", "EVENTS", "QUOTES", "DATES", "PLACES"):
        assert section in proc.stdout


@pytest.mark.slow
def test_stdin_input() -> None:
    proc = whodid("code", "-", "--published", "2024-05-07", stdin=EXAMPLE.read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["events"]


@pytest.mark.slow
def test_json_lines_on_stdin_are_coded_one_record_a_line() -> None:
    lines = [
        json.dumps({"id": "x1", "text": "Kenya accused Uganda of moving troops to the border on Wednesday."}),
        "{broken",
        json.dumps({"id": "x2", "text": "Peru and Bolivia signed a trade agreement in Lima on Friday."}),
    ]
    proc = whodid("code", "-", stdin=("\n".join(lines) + "\n").encode())
    assert proc.returncode == 1 and "skipped <stdin>:2: E110" in proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["events"][0]["cameo"][:2] for r in records] == ["11", "05"]  # accuse, then agreement


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("empty.txt", b"", "E100"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "E101"),
        ("latin1.txt", "Le ministre a dit que la réunion était très importante.".encode("latin-1"), "E102"),
        ("chinese.txt", "外交部发言人周三表示，双方将于下周在北京举行会谈，讨论贸易问题。".encode(), "E140"),
    ],
)
def test_bad_single_file_gets_a_coded_error(
    tmp_path: Path, name: str, content: bytes, code: str, nlp: Language
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    proc = run("code", str(path), nlp=nlp)
    assert proc.returncode == 2
    assert f"error {code}" in proc.stderr
    assert "Traceback" not in proc.stderr and proc.stdout == ""


def test_huge_file_is_refused(tmp_path: Path, nlp: Language) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(20_000_000)
    proc = run("code", str(path), nlp=nlp)
    assert proc.returncode == 2 and "error E104" in proc.stderr


def test_broken_jsonl_line_is_reported_and_the_rest_coded(tmp_path: Path, nlp: Language) -> None:
    good = EXAMPLE.read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "one", "text": good, "published": "2024-05-07"}),
        '{"id": "two", "text": "unterminated',
        json.dumps(
            {"id": "three", "text": "Chile condemned the attack on Monday.", "published": "2024-05-07"}
        ),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run("code", str(path), nlp=nlp)
    assert proc.returncode == 1
    assert f"{path}:2" in proc.stderr and "E110" in proc.stderr
    ids = [json.loads(line)["article"]["id"] for line in proc.stdout.splitlines()]
    assert ids == ["one", "three"]


def test_help_shows_an_example() -> None:
    proc = run("code", "--help")
    assert proc.returncode == 0 and "examples:" in proc.stdout


def test_html_main_text_without_scripts(tmp_path: Path, nlp: Language) -> None:
    page = (
        "<html><head><title>Border talks</title><script>var note = 'Chile invaded Peru';</script></head>"
        "<body><nav>Home | World | Sport</nav><article><h1>Border talks</h1>"
        "<p>Ecuador and Colombia signed a border security agreement in Quito on Monday, officials said.</p>"
        "<p>Colombian President Marta Ruiz praised the deal as a step toward lasting peace in the region.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    proc = run("code", str(path), "--published", "2024-05-08", nlp=nlp)
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert "invaded" not in proc.stdout
    assert {(e["source"]["country"], e["cameo"][:2]) for e in data["events"]} >= {
        ("ECU", "05"),
        ("COL", "05"),
    }


def test_impossible_option_and_missing_file_are_coded_errors(tmp_path: Path, nlp: Language) -> None:
    proc = run("code", str(EXAMPLE), "--max-bytes", "0", nlp=nlp)
    assert proc.returncode == 2 and "error E401" in proc.stderr and "Traceback" not in proc.stderr
    proc = run("code", str(tmp_path / "missing.txt"), nlp=nlp)
    assert proc.returncode == 2 and "error E105" in proc.stderr
    proc = run("code", str(EXAMPLE), "--published", "next Tuesday", nlp=nlp)
    assert proc.returncode == 2 and "error E120" in proc.stderr
