"""CAMEO actor codes taken apart as GDELT does: each three-letter segment looked up by kind.

A CAMEO actor code is a run of three-letter segments whose kinds are told apart by lists, not by
position: in ``NGOHRIAMN`` NGO and HRI are types (an NGO, of human rights) and AMN is a known group
(Amnesty International); in ``IMGMOSISI`` MOS is a religion (Islam) and ISI the known group; in
``IGOWSTNAT`` WST is a region (the West) and NAT the known group (NATO). The lists are
``data/export/cameo_actor_segments.tsv`` (from the CAMEO codebook; its header says which table gave
what).

    >>> table = SegmentTable.load()
    >>> parts = table.parse("NGOHRIAMN", None)
    >>> parts.types, parts.known_group
    (('NGO', 'HRI'), 'AMN')
    >>> table.parse("IRQKURKDP", "IRQ").ethnic, table.parse("MOSSHI", None).religions
    ('KUR', ('MOS', 'SHI'))
"""

from __future__ import annotations

from dataclasses import dataclass

from whodid.data_files import data_text
from whodid.errors import Errors

KINDS = ("type", "region", "religion", "ethnic", "known_group")
_PATH = "data/export/cameo_actor_segments.tsv"


@dataclass(frozen=True)
class ActorCodeParts:
    """What an actor code says besides its country, in GDELT's actor columns."""

    country: str  # the stored country, else a region segment (WST), else ""
    known_group: str
    ethnic: str
    religions: tuple[str, ...]  # GDELT's Religion1Code and Religion2Code: the first two found
    types: tuple[str, ...]  # GDELT's Type1Code..Type3Code: the first three found


@dataclass(frozen=True)
class SegmentTable:
    """The kind of every known segment (``KINDS``); a segment of no kind (a domestic region such as
    TURSOE's SOE, a party's own code) is passed over."""

    kinds: dict[str, str]
    countries: frozenset[str] = frozenset()  # country codes, for a country inside an international code

    @classmethod
    def load(cls) -> SegmentTable:
        """The packaged table, with the countries of whodid's country table; E305 when it cannot be
        read, E302 for a malformed line, E303 for a segment listed twice."""
        from whodid.places.tables import read_countries

        try:
            text = data_text(*_PATH.split("/")[1:])
        except (OSError, UnicodeDecodeError) as e:
            raise Errors.E305.error(path=_PATH, detail=str(e)) from None
        return cls.parse_table(text, _PATH, frozenset(row.iso3 for row in read_countries()))

    @classmethod
    def parse_table(cls, text: str, path: str, countries: frozenset[str] = frozenset()) -> SegmentTable:
        """The table of ``text`` (the lines of ``cameo_actor_segments.tsv``)."""
        kinds: dict[str, str] = {}
        first: dict[str, int] = {}
        header = True
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header:
                header = False
                continue
            if len(fields) != 3 or len(fields[0]) != 3 or not fields[0].isalpha() or fields[1] not in KINDS:
                detail = f"expected SEGMENT<TAB>KIND<TAB>NAME with a 3-letter segment and a kind of {KINDS}"
                raise Errors.E302.error(path=path, line=number, detail=detail)
            segment = fields[0]
            if segment in kinds:
                raise Errors.E303.error(path=path, line=number, key=segment, first_line=first[segment])
            kinds[segment], first[segment] = fields[1], number
        return cls(kinds, countries)

    def kind(self, segment: str) -> str | None:
        """The kind of one segment; CAMEO's lower-case ethnic codes match only in lower case."""
        return self.kinds.get(segment)

    def parse(self, code: str | None, country: str | None) -> ActorCodeParts:
        """GDELT's actor columns of ``code``; ``country`` is the actor's stored country, taken off the
        front of the code first (so Saint Helena's SHN is a country there, not Shinto). Without one,
        the first country segment of a code of no other kind is the country (NGOUSA), else the
        first region (IGOWSTNAT)."""
        rest = code or ""
        if country and rest.upper().startswith(country):
            rest = rest[len(country) :]
        found: dict[str, list[str]] = {k: [] for k in (*KINDS, "country")}
        for k in range(0, len(rest) - len(rest) % 3, 3):
            segment = rest[k : k + 3]
            kind = self.kind(segment) or ("country" if segment in self.countries else None)
            if kind is not None:
                found[kind].append(segment)
        return ActorCodeParts(
            country=country or next(iter(found["country"] + found["region"]), ""),
            known_group=next(iter(found["known_group"]), ""),
            ethnic=next(iter(found["ethnic"]), ""),
            religions=tuple(found["religion"][:2]),
            types=tuple(found["type"][:3]),
        )
