"""What each view of the page draws, as JSON for its script: one function per view.

The timeline's items and tracks, the network (the same as the GraphML export's,
``parley.export.network``), the map's places and the export links. No article
text goes into any of them, only ids, names and labels.
"""
from __future__ import annotations

from collections import Counter
from urllib.parse import urlencode

from parley.export.network import Network, network
from parley.resolve.coordinates import locate

# The timeline's tracks, in the order they are drawn.
TRACKS = ("three-way", "us-ru", "us-ua", "ru-ua", "calls", "other")
PAIR_TRACKS = {frozenset({"USA", "RUS"}): "us-ru", frozenset({"USA", "UKR"}): "us-ua",
               frozenset({"RUS", "UKR"}): "ru-ua"}
MAIN_SIDES = frozenset({"USA", "RUS", "UKR"})
EXPORT_FORMATS = (("csv", "CSV"), ("json", "JSON"), ("graphml", "GraphML"), ("timelinejs", "TimelineJS"))
STATUS_ORDER = ("held", "planned", "cancelled", "unknown")


def short_name(name: str, kind: str | None) -> str:
    """A person by surname ("Путин"), anything else as named ("Евросоюз"), to keep timeline labels short."""
    words = (name or "").split()
    return words[-1] if kind == "person" and len(words) > 1 else name


def track(event: dict) -> str:
    """Which of the talks' tracks a meeting belongs to: by the main sides it brings together, calls apart."""
    if event.get("kind") == "call":
        return "calls"
    sides = frozenset(p.get("country") for p in event.get("participants") or ()) & MAIN_SIDES
    if len(sides) == 3:
        return "three-way"
    return PAIR_TRACKS.get(sides, "other")


def timeline_item(event: dict, kinds: dict[str, str]) -> dict:
    """What the timeline, the brush and the table filter read for one event."""
    return {"id": event["id"], "date": event.get("date"), "date_end": event.get("date_end"),
            "status": event.get("status") or "unknown", "place": event.get("place"),
            "sources": len(event.get("sources") or ()), "track": track(event), "kind": event.get("kind"),
            "participants": [{"id": p.get("id"), "name": p.get("name"), "country": p.get("country"),
                              "short": short_name(p.get("name"), kinds.get(p.get("id")))}
                             for p in event.get("participants") or ()]}


def _network_json(drawn: Network) -> dict:
    return {"nodes": [{"id": n.id, "label": n.label, "country": n.country, "kind": n.kind, "meetings": n.meetings}
                      for n in drawn.nodes],
            "edges": [{"source": e.source, "target": e.target, "held": e.held, "planned": e.planned,
                       "cancelled": e.cancelled, "meetings": e.meetings, "dashed": e.dashed, "events": e.events,
                       "dates": e.dates} for e in drawn.edges]}


def network_data(events: list[dict]) -> dict:
    """The network of persons, and the one with countries beside them (the toggle)."""
    return {"persons": _network_json(network(events)), "countries": _network_json(network(events, countries=True))}


def map_data(events: list[dict]) -> dict:
    """Each place with its position, its meetings by status, and the events there; places not found apart."""
    places: dict[str, dict] = {}
    unplaced: list[str] = []
    for event in events:
        place = event.get("place")
        if not place:
            continue
        if place not in places:
            point = locate(place)
            if point is None:
                if place not in unplaced:
                    unplaced.append(place)
                continue
            places[place] = {"place": place, "lat": point.lat, "lon": point.lon, "city": point.city,
                             "statuses": Counter(), "events": []}
        places[place]["statuses"][event.get("status") or "unknown"] += 1
        places[place]["events"].append({"id": event["id"], "date": event.get("date")})
    out = []
    for entry in places.values():
        counts = entry.pop("statuses")
        entry["meetings"] = sum(counts.values())
        entry["statuses"] = {status: counts[status] for status in STATUS_ORDER if counts[status]}
        # the colour: the status most of its meetings have, the more settled one on a tie
        entry["status"] = max(entry["statuses"], key=lambda s: (counts[s], -STATUS_ORDER.index(s)))
        out.append(entry)
    return {"places": sorted(out, key=lambda p: -p["meetings"]), "unplaced": unplaced}


def export_links(query: dict[str, str]) -> list[dict]:
    """The API's export of the page's current filters, one link per format."""
    suffix = "?" + urlencode(query) if query else ""
    return [{"format": fmt, "label": label, "href": f"/api/export/{fmt}{suffix}"} for fmt, label in EXPORT_FORMATS]
