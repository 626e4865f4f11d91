"""The places stage: geoparsing (find toponyms, resolve them offline to coordinates and countries)."""

from whodid.places.finder import PlaceFinder
from whodid.places.gazetteer import Gazetteer, Resolution

__all__ = ["Gazetteer", "PlaceFinder", "Resolution"]
