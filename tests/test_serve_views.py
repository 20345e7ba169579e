"""What the page's views draw: timeline tracks, map places and export links, from hand-built events."""
from __future__ import annotations

import pytest

from parley.serve.views import export_links, map_data, track


def _event(id, *countries, kind="talks", place=None, status="held", date="2026-02-17"):
    return {"id": id, "kind": kind, "place": place, "status": status, "date": date,
            "participants": [{"id": f"p{i}", "name": f"P{i}", "country": c} for i, c in enumerate(countries)]}


@pytest.mark.parametrize("countries, kind, expected", [
    (("USA", "RUS"), "talks", "us-ru"),
    (("UKR", "USA", "USA"), "visit", "us-ua"),
    (("RUS", "UKR"), "talks", "ru-ua"),
    (("RUS", "UKR", "USA", "TUR"), "talks", "three-way"),
    (("USA", "RUS"), "call", "calls"),
    (("UKR", "TUR"), "talks", "other"),
    ((None, "USA"), "talks", "other"),
])
def test_views_track_of_a_meeting(countries, kind, expected):
    assert track(_event("e", *countries, kind=kind)) == expected


def test_views_map_places_count_meetings_by_status_and_list_the_unfound():
    events = [_event("a", "USA", "RUS", place="Женева"), _event("b", "USA", "UKR", place="Женева", status="planned"),
              _event("c", "USA", "UKR", place="Женева"), _event("d", "RUS", "UKR", place="Зазеркалье"),
              _event("e", "RUS", "UKR")]
    drawn = map_data(events)
    (geneva,) = drawn["places"]
    assert (geneva["place"], geneva["city"], geneva["meetings"], geneva["status"]) == ("Женева", "Geneva", 3, "held")
    assert geneva["statuses"] == {"held": 2, "planned": 1} and [e["id"] for e in geneva["events"]] == ["a", "b", "c"]
    assert drawn["unplaced"] == ["Зазеркалье"]


def test_views_export_links_carry_the_filters():
    links = export_links({"actor": "Умеров", "from": "2026-01"})
    assert [link["format"] for link in links] == ["csv", "json", "graphml", "timelinejs"]
    assert links[0]["href"] == "/api/export/csv?actor=%D0%A3%D0%BC%D0%B5%D1%80%D0%BE%D0%B2&from=2026-01"
    assert export_links({})[1]["href"] == "/api/export/json"
