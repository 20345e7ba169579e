"""``ingest(store, paths)``: read every input, extract each new Russian document, store it, record the ledger.

For each processed input: a text already stored (same content hash) is not
extracted again, so re-ingesting is a no-op; new documents are extracted in
batches, then the document and its facts are saved together. A document whose
extraction raises is recorded ``failed`` with the message, and the run goes on.
Database errors are not caught here: the caller reports them (exit code 3).
"""
from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from parley.errors import DatabaseError
from parley.ingest import read_inputs
from parley.pipeline import DOCUMENTS_PER_BATCH
from parley.records import Document, Extraction, IngestResult, LedgerEntry, LedgerStatus
from parley.safe_text import storable
from parley.settings import Settings

# Documents handed to the NLP layer at once: larger batches share model calls (docs/scale.md).
BATCH = DOCUMENTS_PER_BATCH


@dataclass(slots=True)
class IngestSummary:
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    new_documents: int = 0
    events: int | None = None  # after fusion
    fusion_error: str | None = None
    failures: list[LedgerEntry] = field(default_factory=list)

    def count(self, entry: LedgerEntry) -> None:
        if entry.status is LedgerStatus.PROCESSED:
            self.processed += 1
        elif entry.status is LedgerStatus.SKIPPED:
            self.skipped += 1
        else:
            self.failed += 1
            self.failures.append(entry)


def default_process_many(documents: Sequence[Document]) -> Iterator[Extraction]:
    from parley import pipeline

    return pipeline.process_many(documents)


def ingest(store, paths: Iterable[str | Path], settings: Settings | None = None,
           process_many: Callable[[Sequence[Document]], Iterable[Extraction]] = default_process_many,
           on_entry: Callable[[LedgerEntry], None] | None = None, fuse: bool = True) -> IngestSummary:
    """Read ``paths`` into ``store``; every input gets exactly one ledger row."""
    summary = IngestSummary()
    pending: list[Document] = []
    pending_hashes: dict[str, str] = {}
    notes: dict[str, str] = {}  # source → what of the input was left out, kept on its processed row
    files: list[str] = []  # files read through: their earlier rows not written again are stale
    recorded: set[str] = set()

    def record(entry: LedgerEntry, document: Document | None = None) -> None:
        if document is not None:
            entry = replace(entry, lang=document.lang)
        store.record_ledger(entry)
        recorded.add(storable(entry.source))
        summary.count(entry)
        if on_entry:
            on_entry(entry)

    def flush() -> None:
        for document, outcome in extract_each(pending, process_many):
            if isinstance(outcome, Extraction) and not getattr(outcome, "skipped_reason", None):
                new, problem = save_document_and_facts(store, document, outcome)
                if problem:
                    record(LedgerEntry(document.source, LedgerStatus.FAILED, problem, document.doc_id), document)
                    continue
                summary.new_documents += new
                record(LedgerEntry(document.source, LedgerStatus.PROCESSED, notes.pop(document.source, ""),
                                   document.doc_id), document)
            elif isinstance(outcome, Extraction):
                record(LedgerEntry(document.source, LedgerStatus.SKIPPED, outcome.skipped_reason, document.doc_id),
                       document)
            else:
                record(LedgerEntry(document.source, LedgerStatus.FAILED, outcome, document.doc_id), document)
        pending.clear()
        pending_hashes.clear()

    for result in read_inputs(paths, settings, on_file=files.append):
        try:
            entry = _settle(result, store, pending, pending_hashes)
        except (SQLAlchemyError, DatabaseError, OSError):
            raise
        except Exception as error:  # one odd input fails alone; the run goes on
            entry = LedgerEntry(result.entry.source, LedgerStatus.FAILED,
                                f"could not be checked against the store: {type(error).__name__}: {error}")
        if entry is not None:
            record(entry, result.document)
            continue
        pending.append(result.document)
        pending_hashes[result.document.content_hash] = result.document.doc_id
        if result.entry.reason:
            notes[result.document.source] = result.entry.reason
        if len(pending) >= BATCH:
            flush()
    flush()
    for source in files:
        store.forget_stale_ledger(storable(source), recorded)
    if fuse:
        summary.events, summary.fusion_error = _fuse(store)
    return summary


def _fuse(store) -> tuple[int | None, str | None]:
    """Rebuild the fused meetings: their number, or why fusion failed (database trouble raises)."""
    from parley.fuse import fuse as fuse_events

    try:
        return getattr(fuse_events(store), "events", None), None
    except (SQLAlchemyError, DatabaseError, OSError):
        raise
    except Exception as error:  # the documents and facts are stored; `parley reprocess` can fuse again
        return None, f"{type(error).__name__}: {error}"


SAVE_ATTEMPTS = 5


def save_document_and_facts(store, document: Document, extraction: Extraction) -> tuple[bool, str | None]:
    """Store a document with its facts: (whether its text is new in the store, a message when these
    facts cannot be stored). Database trouble raises.

    Another ingest writing the same document at the same moment makes the insert collide on a unique
    key: the loser tries again, finds the row the other stored, and counts the document as not new.
    """
    for attempt in range(SAVE_ATTEMPTS):
        try:
            new = store.save_document(document)
            store.save_extraction(extraction)
            return new is not False, None
        except IntegrityError:
            if attempt == SAVE_ATTEMPTS - 1:
                raise
            time.sleep(0.05 * (attempt + 1))
        except (SQLAlchemyError, DatabaseError, OSError):
            raise
        except Exception as error:  # facts the store cannot take: this document fails, the run goes on
            return False, f"could not be stored: {type(error).__name__}: {error}"
    return False, None


def _settle(result: IngestResult, store, pending: list[Document], pending_hashes: dict[str, str]) -> LedgerEntry | None:
    """The ledger entry of an input decided without extraction, or None when its document is to be extracted."""
    document = result.document
    if document is None:
        return result.entry
    stored = store.find_document_by_hash(document.content_hash) or pending_hashes.get(document.content_hash)
    if stored == document.doc_id:  # unchanged: a no-op
        return LedgerEntry(document.source, LedgerStatus.PROCESSED, result.entry.reason, document.doc_id)
    if stored is not None:
        if _source_of(stored, store, pending) == document.source:  # the same file read through another folder
            return LedgerEntry(document.source, LedgerStatus.PROCESSED, result.entry.reason, stored)
        return LedgerEntry(document.source, LedgerStatus.SKIPPED, f"duplicate of {stored}", stored)
    holder = next((d.source for d in pending if d.doc_id == document.doc_id), None)
    if holder is None:
        stored_document = store.document(document.doc_id)
        holder = stored_document.source if stored_document is not None else None
    if holder is not None and holder != document.source:
        return LedgerEntry(document.source, LedgerStatus.SKIPPED,
                           f"doc_id {document.doc_id} is already taken by {holder}", None)
    return None


def _source_of(doc_id: str, store, pending: list[Document]) -> str | None:
    waiting = next((d.source for d in pending if d.doc_id == doc_id), None)
    if waiting is not None:
        return waiting
    stored = store.document(doc_id)
    return stored.source if stored is not None else None


def extract_each(documents: Sequence[Document], process_many) -> Iterator[tuple[Document, Extraction | str]]:
    """Each document with its extraction, or with the error message when extracting it raised."""
    if not documents:
        return
    try:
        extractions = list(process_many(documents))
    except Exception:  # find the document that broke the batch: one by one
        for document in documents:
            try:
                yield document, _outcome(next(iter(process_many([document]))))
            except Exception as error:
                yield document, f"extraction failed: {type(error).__name__}: {error}"
        return
    yield from zip(documents, map(_outcome, extractions))


def _outcome(result) -> Extraction | str:
    """An extraction, or the reason a document failed within the pipeline (over its budget)."""
    from parley.pipeline import Failure

    return f"extraction failed: {result.reason}" if isinstance(result, Failure) else result
