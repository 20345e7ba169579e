"""The actor network of a set of events: one node per actor, one edge per pair that met, with counts.

Entry point: ``network(events, countries=False)`` → :class:`Network`. Persons only
by default; ``countries=True`` adds the countries and organisations the events
name as parties. An edge's ``held`` is the number of held meetings of the pair
(its width on the page); a pair that has only planned or cancelled meetings is
drawn dashed. The page and the GraphML export read the same network.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import combinations


@dataclass(slots=True)
class Node:
    id: str
    label: str
    country: str | None
    kind: str  # person | country
    meetings: int = 0


@dataclass(slots=True)
class Edge:
    source: str
    target: str
    held: int = 0
    planned: int = 0
    cancelled: int = 0
    unknown: int = 0
    events: list[str] = field(default_factory=list)  # newest first
    dates: list[str] = field(default_factory=list)

    @property
    def meetings(self) -> int:
        return len(self.events)

    @property
    def dashed(self) -> bool:
        return self.held == 0


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]


def is_person(participant: dict) -> bool:
    """A country or an organisation stands for itself: its id is its side ("USA", "EU")."""
    return participant.get("id") != participant.get("country")


def network(events: list[dict], countries: bool = False) -> Network:
    nodes: dict[str, Node] = {}
    edges: dict[tuple[str, str], Edge] = {}
    for event in sorted(events, key=lambda e: e.get("date") or "", reverse=True):
        people = {p["id"]: p for p in event.get("participants") or () if p.get("id") and (countries or is_person(p))}
        for actor_id, p in people.items():
            node = nodes.setdefault(actor_id, Node(actor_id, p.get("name") or actor_id, p.get("country"),
                                                   "person" if is_person(p) else "country"))
            node.meetings += 1
        status = event.get("status") if event.get("status") in ("held", "planned", "cancelled") else "unknown"
        for a, b in combinations(sorted(people), 2):
            edge = edges.setdefault((a, b), Edge(a, b))
            setattr(edge, status, getattr(edge, status) + 1)
            edge.events.append(event["id"])
            edge.dates.append(event.get("date") or "")
    ordered = sorted(nodes.values(), key=lambda n: (-n.meetings, n.label))
    return Network(tuple(ordered), tuple(sorted(edges.values(), key=lambda e: (-e.held, -e.meetings, e.source,
                                                                              e.target))))
