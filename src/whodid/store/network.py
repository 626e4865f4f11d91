"""The actor network of the stored events: one directed edge per (source code, target code) pair.

Each edge counts the matching mentions from its source actor code to its target actor code, per
quad class, with their Goldstein sum and mean; each node is an actor code with the name most often
given to it and its country. ``edges`` is a csv edge list (networkx's ``from_pandas_edgelist``,
Gephi's spreadsheet import), ``graphml`` the same graph as GraphML (``networkx.read_graphml``,
Gephi, Cytoscape). A mention without a source or target code is no edge.

    >>> net = Network()
    >>> net.add({"source_code": "USA", "target_code": "SYR", "quad_class": 4, "goldstein": -10.0,
    ...          "source_name": "United States", "source_country": "USA", "source_text": "US",
    ...          "target_name": None, "target_country": "SYR", "target_text": "Syria"})
    True
    >>> net.edge_rows()[0]["material_conflict"], net.nodes()["SYR"]["name"]
    (1, 'Syria')
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

EDGE_COLUMNS = (
    "source",
    "target",
    "events",
    "verbal_coop",
    "material_coop",
    "verbal_conflict",
    "material_conflict",
    "goldstein_sum",
    "goldstein_mean",
)
_QUADS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")


@dataclass
class _Node:
    names: Counter[str] = field(default_factory=Counter)
    country: str | None = None


@dataclass
class Network:
    """Edges and nodes gathered from mention rows (``export.mentions``), one row at a time."""

    edges: dict[tuple[str, str], list[float]] = field(default_factory=dict)  # quads 1-4, goldstein sum
    actors: dict[str, _Node] = field(default_factory=dict)

    def add(self, r: dict[str, Any]) -> bool:
        """Count one mention; False (not counted) when it lacks a source or target code."""
        source, target = r["source_code"], r["target_code"]
        if not source or not target:
            return False
        acc = self.edges.setdefault((source, target), [0, 0, 0, 0, 0.0])
        if r["quad_class"] in (1, 2, 3, 4):
            acc[int(r["quad_class"]) - 1] += 1
        acc[4] += float(r["goldstein"] or 0.0)
        for side, code in (("source", source), ("target", target)):
            node = self.actors.setdefault(code, _Node())
            node.names[r[f"{side}_name"] or r[f"{side}_text"] or code] += 1
            node.country = node.country or r[f"{side}_country"]
        return True

    def edge_rows(self) -> list[dict[str, Any]]:
        """The edges, most events first (then by source and target)."""
        rows = []
        for (source, target), acc in self.edges.items():
            n = int(sum(acc[:4]))
            row: dict[str, Any] = {"source": source, "target": target, "events": n}
            row.update({quad: int(count) for quad, count in zip(_QUADS, acc[:4], strict=True)})
            row["goldstein_sum"] = round(acc[4], 3)
            row["goldstein_mean"] = round(acc[4] / n, 3) if n else None
            rows.append(row)
        return sorted(rows, key=lambda r: (-r["events"], r["source"], r["target"]))

    def nodes(self) -> dict[str, dict[str, Any]]:
        """Each actor code: its most frequent name and its country."""
        return {
            code: {"name": node.names.most_common(1)[0][0], "country": node.country or ""}
            for code, node in sorted(self.actors.items())
        }


def write_edges(net: Network, out: TextIO, header: bool) -> int:
    """The edge list as csv; returns the number of edges."""
    writer = csv.writer(out, lineterminator="\n")
    if header:
        writer.writerow(EDGE_COLUMNS)
    rows = net.edge_rows()
    for row in rows:
        writer.writerow(["" if row[c] is None else row[c] for c in EDGE_COLUMNS])
    return len(rows)


_GRAPHML_KEYS = (
    ("node", "name", "string"),
    ("node", "country", "string"),
    ("edge", "events", "int"),
    *(("edge", quad, "int") for quad in _QUADS),
    ("edge", "goldstein_sum", "double"),
    ("edge", "goldstein_mean", "double"),
)


def write_graphml(net: Network, out: TextIO) -> int:
    """The directed graph as GraphML; returns the number of edges."""
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n')
    for kind, name, attr_type in _GRAPHML_KEYS:
        out.write(f'  <key id="{name}" for="{kind}" attr.name="{name}" attr.type="{attr_type}"/>\n')
    out.write('  <graph id="whodid" edgedefault="directed">\n')
    for code, attrs in net.nodes().items():
        data = "".join(f'<data key="{k}">{escape(str(v))}</data>' for k, v in attrs.items())
        out.write(f"    <node id={quoteattr(code)}>{data}</node>\n")
    rows = net.edge_rows()
    for row in rows:
        data = "".join(f'<data key="{k}">{row[k]}</data>' for k in EDGE_COLUMNS[2:] if row[k] is not None)
        out.write(
            f"    <edge source={quoteattr(row['source'])} target={quoteattr(row['target'])}>{data}</edge>\n"
        )
    out.write("  </graph>\n</graphml>\n")
    return len(rows)
