"""The actor network as GraphML (opens in Gephi, yEd, networkx): actors are nodes, pairs that met edges.

The same network the page draws (``parley.export.network``): persons only unless
``countries`` is set; one edge per pair, weighted by its held meetings, with the
counts of planned and cancelled ones, whether it is drawn dashed (nothing held
yet) and the ids of its events.
"""
from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree as ET

from parley.export.network import network

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = (("label", "string"), ("country", "string"), ("kind", "string"), ("meetings", "int"))
EDGE_KEYS = (("weight", "int"), ("held", "int"), ("planned", "int"), ("cancelled", "int"), ("meetings", "int"),
             ("dashed", "boolean"), ("events", "string"), ("first", "string"), ("last", "string"))


def graphml_tree(events: list[dict], countries: bool = False) -> ET.ElementTree:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for domain, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, f"{{{NS}}}key", {"id": f"{domain[0]}_{name}", "for": domain,
                                                 "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "meetings", "edgedefault": "undirected"})
    drawn = network(events, countries=countries)
    for node in drawn.nodes:
        element = ET.SubElement(graph, f"{{{NS}}}node", {"id": node.id})
        _data(element, "n", {"label": node.label, "country": node.country or "", "kind": node.kind,
                             "meetings": node.meetings})
    for number, edge in enumerate(drawn.edges, 1):
        element = ET.SubElement(graph, f"{{{NS}}}edge", {"id": f"e{number}", "source": edge.source,
                                                         "target": edge.target})
        dates = sorted(d for d in edge.dates if d)
        _data(element, "e", {"weight": edge.held, "held": edge.held, "planned": edge.planned,
                             "cancelled": edge.cancelled, "meetings": edge.meetings,
                             "dashed": str(edge.dashed).lower(), "events": " ".join(edge.events),
                             "first": dates[0] if dates else "", "last": dates[-1] if dates else ""})
    return ET.ElementTree(root)


def _data(element: ET.Element, prefix: str, attrs: dict) -> None:
    for name, value in attrs.items():
        ET.SubElement(element, f"{{{NS}}}data", {"key": f"{prefix}_{name}"}).text = str(value)


def write_graphml(events: list[dict], path: Path, countries: bool = False) -> int:
    tree = graphml_tree(events, countries)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return len(events)
