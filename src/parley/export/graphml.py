"""The actor network as GraphML (opens in Gephi, yEd, networkx): actors are nodes, meetings edges.

Every pair of an event's participants gets an edge carrying the event's id,
date, place and status; parallel edges are kept, so a pair that met three
times has three edges.
"""
from __future__ import annotations

from itertools import combinations
from pathlib import Path
from xml.etree import ElementTree as ET

NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = (("label", "string"), ("country", "string"), ("meetings", "int"))
EDGE_KEYS = (("event", "string"), ("date", "string"), ("place", "string"), ("status", "string"),
             ("sources", "int"))


def graphml_tree(events: list[dict]) -> ET.ElementTree:
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for domain, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for name, kind in keys:
            ET.SubElement(root, f"{{{NS}}}key", {"id": f"{domain[0]}_{name}", "for": domain,
                                                 "attr.name": name, "attr.type": kind})
    graph = ET.SubElement(root, f"{{{NS}}}graph", {"id": "meetings", "edgedefault": "undirected"})
    nodes: dict[str, dict] = {}
    for event in events:
        for person in event["participants"]:
            node = nodes.setdefault(person["id"], {"label": person["name"], "country": person["country"] or "",
                                                   "meetings": 0})
            node["meetings"] += 1
    for actor_id, attrs in nodes.items():
        node = ET.SubElement(graph, f"{{{NS}}}node", {"id": actor_id})
        _data(node, "n", attrs)
    number = 0
    for event in events:
        for a, b in combinations([p["id"] for p in event["participants"]], 2):
            number += 1
            edge = ET.SubElement(graph, f"{{{NS}}}edge", {"id": f"e{number}", "source": a, "target": b})
            _data(edge, "e", {"event": event["id"], "date": event["date"] or "", "place": event["place"] or "",
                              "status": event["status"], "sources": len(event["sources"])})
    return ET.ElementTree(root)


def _data(element: ET.Element, prefix: str, attrs: dict) -> None:
    for name, value in attrs.items():
        ET.SubElement(element, f"{{{NS}}}data", {"key": f"{prefix}_{name}"}).text = str(value)


def write_graphml(events: list[dict], path: Path) -> None:
    tree = graphml_tree(events)
    ET.indent(tree)
    tree.write(path, encoding="utf-8", xml_declaration=True)
