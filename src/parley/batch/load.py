"""``load(store, outdir)``: a finished batch job's documents and facts into the store, then fusion.

The Parquet rows carry each extraction losslessly (``parley.batch.rows``), so
nothing is analysed again. The same rules as ``parley ingest``: a text whose
content hash is already stored under another doc_id is skipped as a duplicate,
one stored under the same doc_id is a no-op; every input gets its ledger row.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from parley.batch.output import OutputFolder
from parley.batch.rows import row_extraction, row_ledger
from parley.errors import InputError
from parley.records import LedgerEntry, LedgerStatus


@dataclass(slots=True)
class LoadSummary:
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    stored: int = 0  # documents saved with their facts in this load
    partitions: int = 0
    events: int | None = None


def load(store, outdir: str | Path, fuse: bool = True,
         progress: Callable[[int], None] | None = None) -> LoadSummary:
    out = OutputFolder(Path(outdir))
    indexes = out.partition_indexes()
    if out.manifest() is None or not indexes:
        raise InputError(f"{outdir} holds no finished batch partitions (run `parley batch` first)")
    summary = LoadSummary()
    for index in indexes:
        rows = {row["source"]: row for row in out.extraction_rows(index) if "source" in row}
        for ledger in map(row_ledger, out.ledger_rows(index)):
            entry, saved = ledger, False
            row = rows.get(ledger.source)
            if ledger.status is LedgerStatus.PROCESSED and row is not None:
                entry, saved = _store(store, row, ledger)
            summary.stored += saved
            store.record_ledger(entry)
            summary.processed += entry.status is LedgerStatus.PROCESSED
            summary.skipped += entry.status is LedgerStatus.SKIPPED
            summary.failed += entry.status is LedgerStatus.FAILED
        summary.partitions += 1
        if progress:
            progress(1)
    if fuse:
        from parley.fuse import fuse as fuse_events

        summary.events = getattr(fuse_events(store), "events", None)
    return summary


def _store(store, row: dict, ledger: LedgerEntry) -> tuple[LedgerEntry, bool]:
    """The document's ledger entry, and whether it was saved now."""
    extraction = row_extraction(row)
    document = extraction.document
    stored = store.find_document_by_hash(document.content_hash) if document.content_hash else None
    if stored == document.doc_id:
        return LedgerEntry(ledger.source, LedgerStatus.PROCESSED, "", document.doc_id), False  # loaded before
    if stored is not None:
        return LedgerEntry(ledger.source, LedgerStatus.SKIPPED, f"duplicate of {stored}", stored), False
    try:
        store.save_extraction(extraction)
    except Exception as error:  # facts the store cannot take fail this document; database trouble is raised below
        from sqlalchemy.exc import SQLAlchemyError

        from parley.errors import DatabaseError

        if isinstance(error, (SQLAlchemyError, DatabaseError, OSError)):
            raise
        return LedgerEntry(ledger.source, LedgerStatus.FAILED, f"could not be stored: {type(error).__name__}: {error}",
                           document.doc_id), False
    return LedgerEntry(ledger.source, LedgerStatus.PROCESSED, "", document.doc_id), True
