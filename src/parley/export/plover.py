"""PLOVER-style event records: every meeting is a CONSULT, with its mode.

Modes: ``phone`` (a call), ``multilateral`` (three or more sides), ``visit``
(two sides, meeting at home of one of them), ``third-party`` (two sides,
meeting elsewhere). Planned and cancelled meetings are flagged, not dropped. ``context`` holds the
topics the meeting dealt with; ``assessments`` how each judge saw it.
"""
from __future__ import annotations

import json
from pathlib import Path

from parley.fuse.match import place_country


def consult_mode(event: dict) -> str:
    sides = {_side(p) for p in event["participants"]}
    if event.get("kind") == "call":
        return "phone"
    if len(sides) >= 3:
        return "multilateral"
    country = place_country(event["place"])
    if country and country not in sides:
        return "third-party"
    return "visit"


def _side(person: dict) -> str:
    return person["country"] or person["id"]


def plover_record(event: dict) -> dict:
    people = event["participants"]
    first_side = _side(people[0]) if people else None
    actors = [p for p in people if _side(p) == first_side]  # the first-named side consults the others
    recipients = [p for p in people if _side(p) != first_side]
    return {
        "event_id": event["id"],
        "event_date": event["date"],
        "event_type": "CONSULT",
        "mode": consult_mode(event),
        "context": list(event.get("topics") or []),
        "planned": event["status"] == "planned",
        "status": event["status"],
        "actor": "; ".join(p["name"] for p in actors) or None, "actor_country": first_side,
        "recipient": "; ".join(p["name"] for p in recipients) or None,
        "recipient_country": "; ".join(sorted({_side(p) for p in recipients})) or None,
        "participants": people,
        "location": {"name": event["place"], "country": place_country(event["place"])},
        "event_text": event["sources"][0]["evidence"]["text"] if event["sources"] else "",
        "sources": [{"doc_id": s["doc_id"], "url": s["url"], "published": s["published"]} for s in event["sources"]],
        "independent_sources": event["independent_sources"],
        "conflicts": event["conflicts"],
        "assessments": [{"by": a["by"], "side": a["side"], "tone": a["tone"], "evidence": a["evidence"]["text"],
                         "doc_id": a["doc_id"]} for a in event.get("assessments") or ()],
    }


def write_plover(events: list[dict], path: Path) -> int:
    with path.open("w", encoding="utf-8") as out:
        for event in events:
            out.write(json.dumps(plover_record(event), ensure_ascii=False) + "\n")
    return len(events)
