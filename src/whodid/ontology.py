"""The CAMEO event ontology: every code with its name, Goldstein score, quad class and PLOVER type.

The table is package data (``whodid/data/ontology/cameo.tsv``), generated from the CAMEO code table
and the CAMEO -> PLOVER map by ``scripts/build_cameo_table.py``. Load it once and pass it around::

    ontology = Ontology.load()
    ontology.get("0253").goldstein   # -0.3
    ontology.root("0253")            # "02"
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from whodid.data_files import DATA_DIR
from whodid.errors import DataError, Errors

__all__ = ["QUAD_CLASSES", "CameoCode", "DataFileError", "Ontology", "UnknownCodeError"]

DEFAULT_DIR = DATA_DIR / "ontology"
TABLE_NAME = "cameo.tsv"
_HEADER = ("code", "name", "goldstein", "quad_class", "plover", "plover_mode", "plover_context")

QUAD_CLASSES: Mapping[int, str] = MappingProxyType(
    {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}
)


class DataFileError(DataError, ValueError):
    """A malformed line in a whodid data file (a ``DataError`` that is also a ``ValueError``)."""


class UnknownCodeError(KeyError):
    """A CAMEO code that is not in the ontology."""

    def __str__(self) -> str:
        """The message itself, not ``KeyError``'s quoted repr of it."""
        return str(self.args[0]) if self.args else ""


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO event code and what it means for the contract fields."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None = None  # CAMEO2PLOVER's mode for the code ("firearms", "phone")
    plover_context: tuple[str, ...] = ()  # and its contexts ("military"; "crime", "corruption")


def _parse_row(path: Path, number: int, fields: list[str]) -> CameoCode:
    """One table row as a :class:`CameoCode`; a malformed row raises ``DataFileError`` (E302)."""
    if len(fields) != len(_HEADER):
        detail = f"expected {len(_HEADER)} tab-separated fields, found {len(fields)}"
        raise DataFileError(Errors.E302, path=path, line=number, detail=detail)
    code, name, goldstein, quad, plover, mode, context = (f.strip() for f in fields)
    if not (code.isdigit() and len(code) in (3, 4)):
        raise DataFileError(Errors.E302, path=path, line=number, detail=f"bad CAMEO code {code!r}")
    try:
        score, quad_class = float(goldstein), int(quad)
    except ValueError as err:
        raise DataFileError(Errors.E302, path=path, line=number, detail=str(err)) from err
    if quad_class not in QUAD_CLASSES or not -10.0 <= score <= 10.0:
        detail = f"quad class {quad_class} or Goldstein score {score} out of range"
        raise DataFileError(Errors.E302, path=path, line=number, detail=detail)
    contexts = tuple(c.strip() for c in context.split(";") if c.strip())
    return CameoCode(code, name, score, quad_class, plover or None, mode or None, contexts)


def _read_table(path: Path) -> dict[str, CameoCode]:
    """Read ``cameo.tsv``: comment lines start with ``#``, then a header, then one code a line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as err:
        raise Errors.E301.error(path=path) from err
    except (OSError, UnicodeDecodeError) as err:
        raise Errors.E305.error(path=path, detail=err) from err
    codes: dict[str, CameoCode] = {}
    first_line: dict[str, int] = {}
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if not header_seen:
            if tuple(f.strip() for f in fields) != _HEADER:
                detail = f"expected the header {' '.join(_HEADER)!r}"
                raise DataFileError(Errors.E302, path=path, line=number, detail=detail)
            header_seen = True
            continue
        entry = _parse_row(path, number, fields)
        if entry.code in codes:
            raise DataFileError(
                Errors.E303, path=path, line=number, key=entry.code, first_line=first_line[entry.code]
            )
        codes[entry.code] = entry
        first_line[entry.code] = number
    return codes


class Ontology:
    """All CAMEO event codes, looked up by code string (``"036"``, ``"0253"``)."""

    def __init__(self, codes: Mapping[str, CameoCode]) -> None:
        """Wrap an already-read code table; use :meth:`load` to read the packaged one."""
        self._codes: Mapping[str, CameoCode] = MappingProxyType(dict(codes))

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Ontology:
        """Read ``cameo.tsv`` from ``data_dir`` (default: the table shipped with whodid)."""
        return cls(_read_table((data_dir or DEFAULT_DIR) / TABLE_NAME))

    def get(self, code: str) -> CameoCode:
        """The entry for ``code``; an unknown code raises :class:`UnknownCodeError` (a ``KeyError``)."""
        try:
            return self._codes[code]
        except (KeyError, TypeError):
            raise UnknownCodeError(self._unknown_message(code)) from None

    def __contains__(self, code: object) -> bool:
        """Whether ``code`` is a known CAMEO code string."""
        return isinstance(code, str) and code in self._codes

    def __iter__(self) -> Iterator[CameoCode]:
        """Every code, in code order."""
        return iter(sorted(self._codes.values(), key=lambda c: c.code))

    def __len__(self) -> int:
        """How many codes the ontology holds."""
        return len(self._codes)

    def root(self, code: str) -> str:
        """The two-digit root of a known code: ``"0253"`` -> ``"02"``."""
        return self.get(code).code[:2]

    def parent(self, code: str) -> str | None:
        """The code one level up: ``"0253"`` -> ``"025"``, ``"025"`` -> ``"020"``, ``"020"`` -> None."""
        entry = self.get(code)
        if len(entry.code) == 4:
            return entry.code[:3]
        generic = entry.code[:2] + "0"
        return None if entry.code == generic else generic

    def _unknown_message(self, code: object) -> str:
        """Say what was asked for and what a valid code looks like, with near misses if any."""
        text = str(code)
        near = sorted(c for c in self._codes if text and c.startswith(text[:3]))[:5]
        hint = f" Codes starting with {text[:3]!r}: {', '.join(near)}." if near else ""
        return (
            f"unknown CAMEO event code {code!r}: codes are 3 or 4 digit strings such as '036' or "
            f"'0253' (keep the leading zero; the table has {len(self._codes)} codes).{hint}"
        )
