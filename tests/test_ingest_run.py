"""ingest(store, paths): one ledger row per input, each text stored once, re-ingesting a no-op, failures recorded."""
from __future__ import annotations

from dataclasses import replace

import pytest

from parley.ingest.run import ingest
from parley.records import Extraction, LedgerStatus

ARTICLE = "Путин провел в Кремле переговоры с Уиткоффом. Встреча продолжалась пять часов."
OTHER = "Умеров и Уиткофф встретились во Флориде. Разговор назвали продуктивным."


class MemoryStore:
    """The part of parley.store.Store that ingest uses, in memory."""

    def __init__(self):
        self.documents, self.extractions, self.rows = {}, {}, {}
        self.saves = 0

    def find_document_by_hash(self, content_hash):
        return next((d.doc_id for d in self.documents.values()
                     if d.content_hash == content_hash and d.doc_id in self.extractions), None)

    def record_ledger(self, entry):
        self.rows[entry.source] = entry

    def ledger(self):
        return sorted(self.rows.values(), key=lambda entry: entry.source)

    def forget_stale_ledger(self, file_source, keep):
        stale = [s for s in self.rows if s not in keep and (s == file_source or s.startswith(file_source + ":"))]
        for source in stale:
            del self.rows[source]
        return len(stale)

    def save_document(self, document):
        self.saves += 1
        self.documents[document.doc_id] = document

    def document(self, doc_id):
        return self.documents.get(doc_id)

    def save_extraction(self, extraction):
        self.extractions[extraction.document.doc_id] = extraction


def extract_all(documents):
    return [Extraction(document=document) for document in documents]


def test_ingest_run_stores_each_text_once(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(" date 2025-12-03\n" + ARTICLE.replace(" ", "  "), encoding="utf-8")
    (tmp_path / "c.txt").write_text(OTHER, encoding="utf-8")
    store = MemoryStore()
    summary = ingest(store, [tmp_path], process_many=extract_all, fuse=False)
    rows = {row.source.rsplit("/", 1)[1]: row for row in store.ledger()}
    assert (rows["a.txt"].status, rows["c.txt"].status) == (LedgerStatus.PROCESSED, LedgerStatus.PROCESSED)
    assert rows["b.txt"].status is LedgerStatus.SKIPPED and rows["b.txt"].reason == "duplicate of a"
    assert sorted(store.documents) == ["a", "c"]
    assert (summary.processed, summary.skipped, summary.failed, summary.new_documents) == (2, 1, 0, 2)


def test_ingest_run_again_is_a_no_op(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    store = MemoryStore()
    ingest(store, [tmp_path], process_many=extract_all, fuse=False)
    before = (store.ledger(), dict(store.documents), store.saves)
    summary = ingest(store, [tmp_path], process_many=extract_all, fuse=False)
    assert (store.ledger(), dict(store.documents), store.saves) == before
    assert summary.new_documents == 0


def test_ingest_run_extraction_error_fails_that_document_only(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(OTHER, encoding="utf-8")

    def fragile(documents):
        if any(d.doc_id == "b" for d in documents):
            raise ValueError("the parser choked")
        return extract_all(documents)

    store = MemoryStore()
    summary = ingest(store, [tmp_path], process_many=fragile, fuse=False)
    rows = {row.doc_id: row for row in store.ledger()}
    assert rows["a"].status is LedgerStatus.PROCESSED
    assert rows["b"].status is LedgerStatus.FAILED
    assert rows["b"].reason == "extraction failed: ValueError: the parser choked"
    assert "b" not in store.documents  # not stored, so a later run tries again
    assert summary.failed == 1 and summary.failures[0].doc_id == "b"


def test_ingest_run_screened_out_document_is_skipped_with_the_reason(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    store = MemoryStore()
    off_topic = lambda documents: [Extraction(document=d, skipped_reason="off-topic: no negotiation words")
                                   for d in documents]
    ingest(store, [tmp_path], process_many=off_topic, fuse=False)
    [row] = store.ledger()
    assert (row.status, row.reason) == (LedgerStatus.SKIPPED, "off-topic: no negotiation words")
    assert store.documents == {}


def test_ingest_run_doc_id_taken_by_another_source(tmp_path):
    (tmp_path / "one.jsonl").write_text('{"doc_id": "x", "text": "%s"}\n' % ARTICLE, encoding="utf-8")
    (tmp_path / "two.jsonl").write_text('{"doc_id": "x", "text": "%s"}\n' % OTHER, encoding="utf-8")
    store = MemoryStore()
    ingest(store, [tmp_path], process_many=extract_all, fuse=False)
    first, second = store.ledger()
    assert first.status is LedgerStatus.PROCESSED
    assert second.status is LedgerStatus.SKIPPED and second.reason.startswith("doc_id x is already taken by")


def test_ingest_run_edited_file_is_extracted_again(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    store = MemoryStore()
    ingest(store, [tmp_path], process_many=extract_all, fuse=False)
    path.write_text(ARTICLE + " Ушаков назвал разговор полезным.", encoding="utf-8")
    summary = ingest(store, [tmp_path], process_many=extract_all, fuse=False)
    assert summary.new_documents == 1
    assert store.documents["a"].text.endswith("полезным.")


def test_ingest_run_database_errors_propagate(tmp_path):
    from parley.errors import DatabaseError

    class BrokenStore(MemoryStore):
        def save_document(self, document):
            raise DatabaseError("disk is full")

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(DatabaseError):
        ingest(BrokenStore(), [tmp_path], process_many=extract_all, fuse=False)


def test_ingest_run_facts_the_store_cannot_take_fail_that_document(tmp_path):
    class PickyStore(MemoryStore):
        def save_extraction(self, extraction):
            raise TypeError("unexpected fact")

    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    store = PickyStore()
    ingest(store, [tmp_path], process_many=extract_all, fuse=False)
    [row] = store.ledger()
    assert row.status is LedgerStatus.FAILED and row.reason == "could not be stored: TypeError: unexpected fact"


def test_ingest_run_fusion_error_is_reported_not_raised(tmp_path, monkeypatch):
    import parley.fuse

    def broken_fuse(store):
        raise RuntimeError("no events table")

    monkeypatch.setattr(parley.fuse, "fuse", broken_fuse)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    store = MemoryStore()
    summary = ingest(store, [tmp_path], process_many=extract_all)
    assert summary.fusion_error == "RuntimeError: no events table"
    assert summary.new_documents == 1


def test_ingest_run_same_file_through_another_folder_stays_processed(tmp_path):
    (tmp_path / "txt").mkdir()
    (tmp_path / "txt" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")  # a real copy, from another file
    store = MemoryStore()
    ingest(store, [tmp_path / "txt"], process_many=extract_all, fuse=False)  # doc_id "a"
    summary = ingest(store, [tmp_path], process_many=extract_all, fuse=False)  # would be "txt/a"
    rows = {row.source.rsplit("/", 1)[1]: row for row in store.ledger()}
    assert (rows["a.txt"].status, rows["a.txt"].doc_id, rows["a.txt"].reason) == (LedgerStatus.PROCESSED, "a", "")
    assert rows["b.txt"].status is LedgerStatus.SKIPPED and rows["b.txt"].reason == "duplicate of a"
    assert sorted(store.documents) == ["a"] and summary.new_documents == 0
