"""The store on SQLite and PostgreSQL: documents, ledger, facts, queries, search, migrations."""
from __future__ import annotations

import json

import pytest

from parley.errors import DatabaseError
from parley.fuse import fuse
from parley.records import LedgerEntry, LedgerStatus
from parley.store import Store
from parley.store.stemmer import stem
from test_store_fixtures import BACKENDS, fresh_url, meeting_report

ARTICLES = [
    meeting_report("a1", "Уиткофф и Дмитриев встретятся в Майами 20 января. Стороны готовятся к переговорам.",
                   "2026-01-10", ["witkoff", "dmitriev"], "planned", "2026-01-20", "Майами",
                   role="специальный посланник президента США"),
    meeting_report("a2", "Уиткофф и Дмитриев провели встречу в Майами. "
                   "«Переговоры прошли конструктивно и полезно», — сказал Уиткофф.",
                   "2026-01-20", ["witkoff", "dmitriev"], "held", "2026-01-20", "Майами",
                   quote="Переговоры прошли конструктивно и полезно"),
    meeting_report("a3", "Путин принял Уиткоффа и Кушнера в Кремле. Беседа длилась пять часов.",
                   "2026-01-23", ["putin", "witkoff", "kushner"], "held", "2026-01-22", "Кремль"),
    meeting_report("a4", "Умеров и Уиткофф обсудили в Берлине условия мира. Об этом сообщили в Киеве.",
                   "2025-12-15", ["umerov", "witkoff"], "held", "2025-12-15", "Берлин",
                   role="секретарь СНБО Украины"),
]


# the Miami meeting again, two days off: a date conflict on the event
DISAGREEING = meeting_report("a5", "Уиткофф и Дмитриев встретились в Майами 22 января. Итоги не раскрываются.",
                             "2026-01-23", ["witkoff", "dmitriev"], "held", "2026-01-22", "Майами")


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with Store.open(fresh_url(request.param, tmp_path)) as opened:
        yield opened


@pytest.fixture
def filled(store):
    for extraction in ARTICLES:
        store.save_extraction(extraction)
    fuse(store)
    return store


@pytest.mark.parametrize("word, same_as", [
    ("переговорах", "переговоры"), ("встречи", "встреча"), ("Женеве", "Женева"),
    ("президентом", "президента"), ("делегации", "делегация"), ("провели", "провела"),
])
def test_stemmer_folds_inflections(word, same_as):
    assert stem(word) == stem(same_as)


def test_store_documents_round_trip(store):
    store.save_extraction(ARTICLES[0])
    stored = store.document("a1")
    assert stored == ARTICLES[0].document
    assert [d.doc_id for d in store.documents()] == ["a1"]
    assert store.find_document_by_hash(ARTICLES[0].document.content_hash) == "a1"
    assert store.find_document_by_hash("nope") is None


def test_store_document_without_facts_is_not_found_by_hash(store):
    """A document saved but never extracted (a killed ingest) is processed again on the next run."""
    store.save_document(ARTICLES[0].document)
    assert store.find_document_by_hash(ARTICLES[0].document.content_hash) is None


def test_store_extractions_round_trip(store):
    for extraction in ARTICLES:
        store.save_extraction(extraction)
    assert list(store.extractions()) == sorted(ARTICLES, key=lambda e: e.document.doc_id)


def test_store_resaving_same_extraction_is_noop(store):
    assert store.save_extraction(ARTICLES[1]) is True
    before = store.counts()
    assert store.save_extraction(ARTICLES[1]) is False
    assert store.counts() == before


def test_store_ledger_upserts_by_source(store):
    store.record_ledger(LedgerEntry("in/a.txt", LedgerStatus.FAILED, "unreadable"))
    store.record_ledger(LedgerEntry("in/a.txt", LedgerStatus.PROCESSED, "", "a1"))
    store.record_ledger(LedgerEntry("in/b.txt", LedgerStatus.SKIPPED, "language: uk"))
    assert store.ledger() == [LedgerEntry("in/a.txt", LedgerStatus.PROCESSED, "", "a1"),
                              LedgerEntry("in/b.txt", LedgerStatus.SKIPPED, "language: uk")]


@pytest.mark.parametrize("query, expected", [
    ("переговорах", ["a2", "a1"]),
    ("встреча Майами", ["a2"]),
    ("Кремль", ["a3"]),
    ("и", []),
])
def test_store_search_stems_russian(filled, query, expected):
    assert [hit["doc_id"] for hit in filled.search(query)] == expected


@pytest.mark.parametrize("filters, expected", [
    ({}, [["umerov", "witkoff"], ["witkoff", "dmitriev"], ["putin", "witkoff", "kushner"]]),
    ({"actor": "Дмитриев"}, [["witkoff", "dmitriev"]]),
    ({"actor": "kushner"}, [["putin", "witkoff", "kushner"]]),
    ({"date_from": "2026-01-01"}, [["witkoff", "dmitriev"], ["putin", "witkoff", "kushner"]]),
    ({"date_to": "2025-12-31"}, [["umerov", "witkoff"]]),
    ({"place": "кремль"}, [["putin", "witkoff", "kushner"]]),
    ({"status": "planned"}, []),
    ({"limit": 1, "offset": 1}, [["witkoff", "dmitriev"]]),
])
def test_store_events_filters(filled, filters, expected):
    assert [[p["id"] for p in e["participants"]] for e in filled.events(**filters)] == expected
    unpaged = {k: v for k, v in filters.items() if k not in ("limit", "offset")}
    assert filled.count_events(**unpaged) == len(filled.events(**unpaged))


def test_store_event_shape(filled):
    event = filled.events(actor="dmitriev")[0]
    assert set(event) >= {"id", "type", "participants", "date", "place", "status", "sources", "conflicts",
                          "history", "independent_sources"}
    assert event["status"] == "held" and event["independent_sources"] == 2
    assert event["sources"][0]["evidence"]["text"] == "Уиткофф и Дмитриев встретятся в Майами 20 января."
    assert filled.event(event["id"]) == event
    assert filled.event("ev-none") is None


def test_store_actor_has_roles_quotes_meetings(filled):
    witkoff = filled.actor("Уиткофф")
    assert witkoff["id"] == "witkoff"
    assert [r["role"] for r in witkoff["roles"]] == ["специальный посланник президента США"]
    assert [q["text"] for q in witkoff["quotes"]] == ["Переговоры прошли конструктивно и полезно"]
    assert len(witkoff["meetings"]) == 3
    assert filled.actor("Никто") is None
    assert [a["id"] for a in filled.actors()][:1] == ["witkoff"]


def test_store_bad_url_is_a_clear_error(tmp_path):
    with pytest.raises(DatabaseError, match="unsupported database|not a database URL"):
        Store.open("mysql://root@localhost/x")
    with pytest.raises(DatabaseError, match="does not exist"):
        Store.open(f"sqlite:///{tmp_path}/missing/folder/x.db")


def test_store_sqlite_uses_wal(tmp_path):
    with Store.open(f"sqlite:///{tmp_path / 'w.db'}") as store:
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_store_reopen_keeps_data_and_schema(tmp_path):
    url = f"sqlite:///{tmp_path / 'r.db'}"
    with Store.open(url) as store:
        store.save_extraction(ARTICLES[0])
    with Store.open(url) as store:
        assert store.counts()["documents"] == 1


@pytest.mark.postgres
def test_store_backends_give_identical_results(tmp_path):
    results = []
    for backend in ("sqlite", "postgresql"):
        with Store.open(fresh_url(backend, tmp_path)) as store:
            for extraction in [*ARTICLES, DISAGREEING]:
                store.save_extraction(extraction)
            fuse(store)
            results.append(json.dumps({
                "events": store.events(), "actors": store.actors(), "actor": store.actor("Уиткофф"),
                "search": [store.search(q) for q in ("переговоры", "Майами встреча", "Берлине")],
                "filtered": store.events(date_from="2026-01", place="майами")}, ensure_ascii=False, sort_keys=True))
    assert '"field": "date"' in results[0]
    assert results[0] == results[1]


@pytest.mark.parametrize("backend", BACKENDS)
def test_store_concurrent_first_opens_share_one_schema(backend, tmp_path):
    """The web server and an ingest opening a new database at once both get the schema."""
    import subprocess
    import sys
    from concurrent.futures import ThreadPoolExecutor

    url = fresh_url(backend, tmp_path, empty=True)
    opener = "import sys; from parley.store import Store; Store.open(sys.argv[1]).close()"
    children = [subprocess.Popen([sys.executable, "-c", opener, url], stderr=subprocess.PIPE, text=True)
                for _ in range(3)]
    with ThreadPoolExecutor(3) as pool:  # and threads of one process
        stores = list(pool.map(lambda _: Store.open(url), range(3)))
    for child in children:
        assert child.wait(timeout=60) == 0, child.stderr.read()
    for store in stores:
        assert store.counts()["documents"] == 0
        store.close()
