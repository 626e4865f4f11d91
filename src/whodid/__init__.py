"""whodid: who did what to whom, when and where, and who said what, from news text."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from whodid.api import Database
    from whodid.pipeline import Pipeline

__version__ = "0.1.0"


def load(**kwargs: Any) -> Pipeline:
    """Load the whodid pipeline (model and dictionaries, once); see ``whodid.pipeline.load``."""
    from whodid.pipeline import load as load_pipeline

    return load_pipeline(**kwargs)


def open(url: str | None = None) -> Database:
    """Open a store made by ``whodid ingest`` for queries returning pandas DataFrames (``whodid.api``)."""
    from whodid.api import open_database

    return open_database(url)


__all__ = ["__version__", "load", "open"]
