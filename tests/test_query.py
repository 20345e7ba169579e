"""The query commands through the CLI runner, on a fresh SQLite database."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.fuse import fuse
from parley.store import Store
from test_store import ARTICLES

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    url = f"sqlite:///{tmp_path / 'q.db'}"
    with Store.open(url) as store:
        for extraction in ARTICLES:
            store.save_extraction(extraction)
        fuse(store)
    return url


def run(*args):
    result = runner.invoke(app, [*args], catch_exceptions=False)
    return result


@pytest.mark.parametrize("args, expected", [
    (["events", "--json"], 3),
    (["events", "--json", "--actor", "Дмитриев"], 1),
    (["events", "--json", "--from", "2026-01", "--to", "2026-01"], 2),
    (["events", "--json", "--place", "Берлин"], 1),
    (["events", "--json", "--status", "planned"], 0),
])
def test_query_events_json(db, args, expected):
    result = run(*args, "--db", db)
    assert result.exit_code == 0
    found = json.loads(result.stdout)
    assert len(found) == expected
    for event in found:
        assert {"id", "type", "participants", "date", "place", "status", "sources", "conflicts"} <= set(event)


@pytest.mark.parametrize("args, shown", [
    (["events"], "Майами"),
    (["timeline"], "Кремль"),
    (["actors"], "dmitriev"),
    (["actor", "Уиткофф"], "специальный посланник президента США"),
    (["search", "переговорах"], "a2"),
])
def test_query_tables(db, args, shown):
    result = run(*args, "--db", db)
    assert result.exit_code == 0, result.output
    assert shown in result.stdout


def test_query_actor_json_and_unknown(db):
    found = json.loads(run("actor", "kushner", "--json", "--db", db).stdout)
    assert found["id"] == "kushner" and len(found["meetings"]) == 1
    assert run("actor", "Никто", "--db", db).exit_code == 1


def test_query_search_json(db):
    hits = json.loads(run("search", "переговоры", "--json", "--db", db).stdout)
    assert [h["doc_id"] for h in hits] == ["a2", "a1"]


def test_query_export_command(db, tmp_path):
    out = tmp_path / "e.graphml"
    result = run("export", "--format", "graphml", "-o", str(out), "--db", db)
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<?xml")


def test_query_bad_database_url_exits_3():
    result = run("events", "--db", "mysql://nowhere/x")
    assert result.exit_code == 3
    assert "database error" in result.stderr


def test_query_reprocess_follows_new_rules(db, monkeypatch):
    """After the rules change, reprocess re-extracts every stored article and the events follow."""
    import dataclasses

    import parley.pipeline

    def cancelled_everywhere(documents):
        by_id = {e.document.doc_id: e for e in ARTICLES}
        for document in documents:
            old = by_id[document.doc_id]
            yield dataclasses.replace(old, meetings=tuple(dataclasses.replace(m, status=m.status.__class__("cancelled"))
                                                          for m in old.meetings))

    monkeypatch.setattr(parley.pipeline, "process_many", cancelled_everywhere)
    result = run("reprocess", "--db", db)
    assert result.exit_code == 0, result.output
    assert "4 documents (4 changed)" in result.stderr
    statuses = {e["status"] for e in json.loads(run("events", "--json", "--db", db).stdout)}
    assert statuses == {"cancelled"}
