"""What a hostile input, a hostile page elsewhere or a failing database cannot do to the server."""
from __future__ import annotations

import dataclasses
import json

import pytest

pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from parley.fuse import fuse  # noqa: E402
from parley.records import LedgerEntry, LedgerStatus  # noqa: E402
from parley.serve import create_app  # noqa: E402
from parley.serve.app import allowed_hosts_for  # noqa: E402
from parley.settings import Settings  # noqa: E402
from parley.store import Store  # noqa: E402
from test_store_fixtures import meeting_report  # noqa: E402

TOKEN = "safety-token-1"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    db = tmp_path_factory.mktemp("safety") / "s.db"
    with Store.open(f"sqlite:///{db}") as store:
        for number, url in enumerate(["javascript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                      "https://news.example/ok"]):
            facts = meeting_report(f"d{number}", f"Уиткофф и Дмитриев встретились в Майами, сообщение {number}.",
                                   "2026-01-20", ["witkoff", "dmitriev"], "held", "2026-01-19", "Майами")
            facts = dataclasses.replace(facts, document=dataclasses.replace(facts.document, url=url,
                                                                            source=f"/srv/private/in/d{number}.txt"))
            store.save_extraction(facts)
            store.record_ledger(LedgerEntry(facts.document.source, LedgerStatus.PROCESSED, "", f"d{number}"))
        fuse(store)
    app = create_app(Settings(db_url=f"sqlite:///{db}", token=TOKEN), allowed_hosts=allowed_hosts_for("127.0.0.1", ""))
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        yield client


def test_pages_link_only_http_addresses(served):
    for doc_id in ("d0", "d1"):
        page = served.get(f"/documents/{doc_id}").text
        assert "javascript:" not in page and "data:text" not in page
        assert "оригинал</a>" not in page
    assert 'href="https://news.example/ok"' in served.get("/documents/d2").text
    event = served.get("/api/events").json()["items"][0]
    page = served.get(f"/events/{event['id']}").text
    assert "javascript:" not in page and 'href="https://news.example/ok"' in page


def test_ingest_leaves_out_a_url_that_is_no_web_address(tmp_path, models):
    from parley.ingest import read_inputs

    path = tmp_path / "news.jsonl"
    path.write_text(json.dumps({"doc_id": "a", "url": "javascript:alert(1)",
                                "text": "Уиткофф и Дмитриев встретились в Майами для переговоров."}) + "\n")
    [result] = list(read_inputs([path]))
    assert result.document.url is None and "not an http(s) address" in result.entry.reason


def test_a_host_that_is_not_ours_is_refused(served):
    assert served.get("/api/events").status_code == 200
    assert served.get("/api/ledger", headers={"Host": "rebound.attacker.example"}).status_code == 400


def test_the_api_keeps_server_paths_unless_asked(served):
    rows = served.get("/api/ledger").json()["items"]
    assert {row["source"] for row in rows} == {"d0.txt", "d1.txt", "d2.txt"}
    assert served.get("/api/documents/d0").json()["source"] == "d0.txt"
    full = served.get("/api/ledger", params={"paths": "true"}).json()["items"]
    assert all(row["source"].startswith("/srv/private/") for row in full)


def test_every_answer_says_nosniff_and_the_docs_page_has_a_policy(served):
    for path in ("/api/events", "/api/nothing-here", "/openapi.json", "/docs", "/"):
        assert served.get(path).headers["x-content-type-options"] == "nosniff"
    policy = served.get("/docs").headers["content-security-policy"]
    assert "script-src 'self' 'sha256-" in policy and "unsafe-inline'" not in policy.split("style-src")[0]


def test_a_deeply_nested_body_is_a_422(served):
    body = "[" * 100_000 + "]" * 100_000
    answer = served.post("/api/documents", content=body, headers={"Authorization": f"Bearer {TOKEN}",
                                                                   "Content-Type": "application/json"})
    assert answer.status_code in (413, 422)
    answer = served.post("/api/documents", content="[" * 5000 + "]" * 5000,
                         headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    assert answer.status_code == 422 and "nested too deep" in answer.json()["message"]


def test_a_database_that_is_down_is_a_503(tmp_path, monkeypatch):
    from sqlalchemy.exc import OperationalError

    db = tmp_path / "down.db"
    Store.open(f"sqlite:///{db}").close()
    app = create_app(Settings(db_url=f"sqlite:///{db}"))

    def down(*args, **kwargs):
        raise OperationalError("SELECT 1", {}, ConnectionRefusedError("connection refused"))

    monkeypatch.setattr(app.state.store, "events", down)
    with TestClient(app, raise_server_exceptions=False) as client:
        answer = client.get("/api/events")
    assert answer.status_code == 503 and "database" in answer.json()["message"]


def test_an_event_renamed_by_an_earlier_report_redirects_from_its_old_id(tmp_path):
    db = f"sqlite:///{tmp_path / 'ids.db'}"
    later = meeting_report("later", "Уиткофф и Дмитриев встретились в Майами в понедельник.", "2026-01-21",
                           ["witkoff", "dmitriev"], "held", "2026-01-19", "Майами")
    earlier = meeting_report("earlier", "Уиткофф и Дмитриев встретятся в Майами в понедельник.", "2026-01-16",
                             ["witkoff", "dmitriev"], "planned", "2026-01-19", "Майами")
    with Store.open(db) as store:
        store.save_extraction(later)
        fuse(store)
        [old] = store.events()
        store.save_extraction(earlier)
        fuse(store)
        [new] = store.events()
    assert old["id"] != new["id"]  # the id is the earliest report's
    with TestClient(create_app(Settings(db_url=db))) as client:
        for prefix in ("/api/events/", "/events/"):
            answer = client.get(prefix + old["id"], follow_redirects=False)
            assert answer.status_code == 308 and answer.headers["location"] == prefix + new["id"]
            assert client.get(prefix + old["id"]).status_code == 200
        assert client.get("/api/events/ev-0000000000").status_code == 404


def test_a_posted_batch_with_nul_stores_every_article_and_a_lone_surrogate_is_a_422(served, models):
    headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"}
    body = ('[{"doc_id": "p1", "text": "Уиткофф и Дмитриев провели переговоры в Майами в понедельник."},'
            ' {"doc_id": "p2", "text": "Умеров и Уиткофф встретились в Берлине\\u0000 во вторник."}]')
    answer = served.post("/api/documents", content=body.encode(), headers=headers)
    assert answer.status_code == 201, answer.text
    assert {d["doc_id"]: d["status"] for d in answer.json()["documents"]} == {"p1": "processed", "p2": "processed"}
    assert "\x00" not in served.get("/api/documents/p2").json()["text"]
    answer = served.post("/api/documents", content=b'{"doc_id": "p3\\ud800", "text": "x"}', headers=headers)
    assert answer.status_code == 422
