"""``whodid.cli.main(argv, stdout, stderr)``: a command run in-process writes its output and its
messages to the streams it is given, not to the process's, and returns its exit status."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from spacy.language import Language

from whodid.cli import main

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_a_command_writes_to_the_streams_it_is_given(
    tmp_path: Path, nlp: Language, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = tmp_path / "two.jsonl"
    good = json.loads((EXAMPLES / "nile-dispatches.jsonl").read_text(encoding="utf-8").splitlines()[0])
    lines.write_text(json.dumps(good) + "\n{not json\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["code", str(lines), "--format", "jsonl"], out, err, nlp=nlp) == 1  # one line skipped
    assert json.loads(out.getvalue())["schema"] == "whodid.article/1"
    assert f"{lines}:2" in err.getvalue() and "E1" in err.getvalue()
    assert capsys.readouterr() == ("", "")


def test_an_error_goes_to_the_given_standard_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out, err = io.StringIO(), io.StringIO()
    missing = f"sqlite:///{tmp_path / 'none.db'}"
    assert main(["events", "--db", missing], out, err) == 2
    assert out.getvalue() == "" and "E411" in err.getvalue()
    assert capsys.readouterr() == ("", "")
