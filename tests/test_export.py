"""Exports parse back: GraphML through xml.etree, Parquet through pyarrow, TimelineJS and PLOVER by shape."""
from __future__ import annotations

import csv
import json
from xml.etree import ElementTree as ET

import pytest

from parley.export import FORMATS, export
from parley.export.plover import consult_mode
from parley.fuse import fuse
from parley.store import Store
from test_store import ARTICLES

NS = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store.open(f"sqlite:///{tmp_path_factory.mktemp('export') / 'x.db'}") as opened:
        for extraction in ARTICLES:
            opened.save_extraction(extraction)
        fuse(opened)
        yield opened


def test_export_every_format_writes(store, tmp_path):
    for fmt in FORMATS:
        assert export(store, fmt, tmp_path / f"out.{fmt}") == 3


def test_export_jsonl_holds_event_dicts(store, tmp_path):
    export(store, "jsonl", tmp_path / "e.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "e.jsonl").read_text(encoding="utf-8").splitlines()]
    assert rows == store.events()


def test_export_csv_is_flat(store, tmp_path):
    export(store, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[1]["participant_ids"] == "witkoff; dmitriev" and rows[1]["sources"] == "2"


def test_export_parquet_reads_back(store, tmp_path):
    import pyarrow.parquet as pq

    export(store, "parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    assert table.num_rows == 3
    assert table.column("participant_ids").to_pylist()[1] == ["witkoff", "dmitriev"]


def test_export_graphml_is_valid(store, tmp_path):
    export(store, "graphml", tmp_path / "g.graphml")
    root = ET.parse(tmp_path / "g.graphml").getroot()
    keys = {k.get("id") for k in root.iter(f"{NS}key")}
    graph = root.find(f"{NS}graph")
    nodes = {n.get("id") for n in graph.iter(f"{NS}node")}
    edges = list(graph.iter(f"{NS}edge"))
    assert nodes == {"witkoff", "dmitriev", "putin", "kushner", "umerov"}
    assert len(edges) == 1 + 1 + 3  # Berlin pair, Miami pair, Kremlin triangle
    assert all(e.get("source") in nodes and e.get("target") in nodes for e in edges)
    assert {d.get("key") for d in root.iter(f"{NS}data")} <= keys


def test_export_timelinejs_shape(store, tmp_path):
    export(store, "timelinejs", tmp_path / "t.json")
    data = json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))
    assert data["events"][0]["start_date"] == {"year": "2025", "month": "12", "day": "15"}
    assert all(set(e["text"]) == {"headline", "text"} for e in data["events"])


def test_export_plover_records(store, tmp_path):
    export(store, "plover", tmp_path / "p.jsonl")
    records = [json.loads(line) for line in (tmp_path / "p.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["event_type"] for r in records} == {"CONSULT"}
    assert [r["mode"] for r in records] == ["third-party", "visit", "visit"]
    assert [r["planned"] for r in records] == [False, False, False]
    kremlin = records[2]
    assert (kremlin["actor"], kremlin["actor_country"]) == ("Владимир Путин", "RUS")
    assert (kremlin["recipient"], kremlin["recipient_country"]) == ("Стив Уиткофф; Джаред Кушнер", "USA")


@pytest.mark.parametrize("kind, countries, place, mode", [
    ("call", ["USA", "RUS"], None, "phone"),
    ("talks", ["USA", "RUS", "UKR"], "Женева", "multilateral"),
    ("talks", ["USA", "UKR"], "Женева", "third-party"),
    ("visit", ["USA", "RUS"], "Москва", "visit"),
])
def test_export_consult_modes(kind, countries, place, mode):
    event = {"kind": kind, "place": place,
             "participants": [{"id": c, "name": c, "country": c} for c in countries]}
    assert consult_mode(event) == mode


def _event(id, date, status, *people, url=None):
    return {"id": id, "type": "meeting", "kind": "talks", "date": date, "date_end": None, "place": "Женева",
            "status": status, "independent_sources": 1, "independent_outlets": ["ТАСС"], "conflicts": [],
            "history": [], "participants": [{"id": p, "name": p.title(), "country": p if p.isupper() else "USA"}
                                            for p in people],
            "sources": [{"doc_id": f"d-{id}", "url": url, "outlet": "ТАСС", "copy_of_outlet": None,
                         "evidence": {"start": 0, "end": 5, "text": "текст"}}]}


HAND_EVENTS = [_event("e1", "2026-02-17", "held", "witkoff", "umerov", "UKR"),
               _event("e2", "2026-02-18", "held", "witkoff", "umerov"),
               _event("e3", "2026-03-01", "planned", "witkoff", "dmitriev", url="https://tass.ru/1"),
               _event("e4", None, "planned", "witkoff", "dmitriev")]


def test_export_timelinejs_counts_only_what_it_writes_and_links_only_real_addresses(tmp_path):
    from parley.export import write

    assert write(HAND_EVENTS, "timelinejs", tmp_path / "t.json") == 3  # the undated one cannot be placed
    text = (tmp_path / "t.json").read_text(encoding="utf-8")
    assert 'href=\\"\\"' not in text and "href=''" not in text
    assert 'href=\\"https://tass.ru/1\\"' in text and "ТАСС" in text


def test_export_graphml_weights_pairs_by_held_meetings_and_takes_the_countries_option(tmp_path):
    from parley.export import write

    def graph(countries):
        write(HAND_EVENTS, "graphml", tmp_path / "g.graphml", countries=countries)
        root = ET.parse(tmp_path / "g.graphml").getroot()
        names = {k.get("id"): k.get("attr.name") for k in root.iter(f"{NS}key")}
        edges = {(e.get("source"), e.get("target")): {names[d.get("key")]: d.text for d in e}
                 for e in root.iter(f"{NS}edge")}
        return {n.get("id") for n in root.iter(f"{NS}node")}, edges

    nodes, edges = graph(False)
    assert nodes == {"witkoff", "umerov", "dmitriev"}
    assert edges[("umerov", "witkoff")]["weight"] == "2" and edges[("umerov", "witkoff")]["dashed"] == "false"
    assert edges[("dmitriev", "witkoff")]["weight"] == "0" and edges[("dmitriev", "witkoff")]["dashed"] == "true"
    assert edges[("dmitriev", "witkoff")]["planned"] == "2"
    nodes, edges = graph(True)
    assert "UKR" in nodes and ("UKR", "witkoff") in edges


def test_export_bytes_is_the_file():
    from parley.export import export_bytes

    body, count = export_bytes(HAND_EVENTS, "csv")
    assert count == 4 and body.decode("utf-8").count("\n") == 5
    assert "ТАСС" in body.decode("utf-8")
