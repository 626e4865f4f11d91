"""whodid: who did what to whom, when and where, and who said what, from news text."""

__version__ = "0.1.0"
