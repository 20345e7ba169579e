"""Topics and judgements in the exports: CSV and Parquet columns that read back, PLOVER's ``context``."""
from __future__ import annotations

import csv
import json

import pytest

from parley.export import export
from parley.fuse import fuse
from parley.store import Store
from test_store_assessments import ARTICLES

COLUMNS = ("topics", "assessed_by", "assessment_sides", "assessment_tones", "assessment_evidence")


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store.open(f"sqlite:///{tmp_path_factory.mktemp('export-talk') / 'x.db'}") as opened:
        for extraction in ARTICLES:
            opened.save_extraction(extraction)
        fuse(opened)
        yield opened


def test_export_csv_has_topic_and_judgement_columns(store, tmp_path):
    export(store, "csv", tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        rows = {row["place"]: row for row in csv.DictReader(handle)}
    assert set(COLUMNS) <= set(rows["Майами"])
    miami = rows["Майами"]
    assert miami["topics"] == "territory; ceasefire; economy"
    assert miami["assessed_by"] == "Кирилл Дмитриев; Кирилл Дмитриев; Стив Уиткофф"
    assert miami["assessment_sides"] == "RUS; RUS; USA"
    assert miami["assessment_tones"] == "positive; negative; positive"
    assert miami["assessment_evidence"].split("\n") == ["конструктивными", "не дала результатов", "полезной"]
    assert rows["Берлин"]["assessment_evidence"].split("\n") == ["трудными, но продуктивными", "бесполезна"]


def test_export_parquet_has_list_columns(store, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    export(store, "parquet", tmp_path / "e.parquet")
    table = pq.read_table(tmp_path / "e.parquet")
    for name in COLUMNS:
        assert table.schema.field(name).type == pa.list_(pa.string())
    rows = {row["place"]: row for row in table.to_pylist()}
    assert rows["Берлин"]["topics"] == ["security_guarantees"]
    assert rows["Берлин"]["assessment_tones"] == ["mixed", "negative"]
    assert rows["Берлин"]["assessment_evidence"] == ["трудными, но продуктивными", "бесполезна"]


def test_export_plover_context_takes_topics(store, tmp_path):
    export(store, "plover", tmp_path / "p.jsonl")
    records = {r["location"]["name"]: r for r in map(json.loads, (tmp_path / "p.jsonl").read_text(
        encoding="utf-8").splitlines())}
    assert records["Майами"]["context"] == ["territory", "ceasefire", "economy"]
    assert records["Берлин"]["context"] == ["security_guarantees"]
    assert [(a["by"], a["side"], a["tone"]) for a in records["Берлин"]["assessments"]] == [
        ("Рустем Умеров", "UKR", "mixed"), ("Дмитрий Песков", "RUS", "negative")]


def test_export_an_event_without_topics_has_empty_columns(tmp_path):
    from test_store import ARTICLES as PLAIN

    with Store.open(f"sqlite:///{tmp_path / 'plain.db'}") as store:
        store.save_extraction(PLAIN[0])
        fuse(store)
        export(store, "csv", tmp_path / "e.csv")
        export(store, "plover", tmp_path / "p.jsonl")
    with (tmp_path / "e.csv").open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert all(row[name] == "" for name in COLUMNS)
    assert json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8"))["context"] == []
