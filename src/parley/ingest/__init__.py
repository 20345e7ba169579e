"""Inputs to documents, each input accounted for in the ledger.

Entry point: ``read_inputs(paths)`` yields one :class:`IngestResult` per file,
JSONL line or feed item: processed (with its document), skipped or failed,
with why. ``ingest(store, paths)`` (in :mod:`parley.ingest.run`) stores them.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from parley.ingest.documents import content_hash, to_result
from parley.ingest.files import walk
from parley.ingest.readers import Problem, RawArticle, read_candidate
from parley.records import IngestResult, LedgerEntry, LedgerStatus
from parley.settings import Settings

__all__ = ["content_hash", "read_inputs"]


def read_inputs(paths: Iterable[str | Path], settings: Settings | None = None,
                on_file: Callable[[str], None] | None = None) -> Iterator[IngestResult]:
    """One result per input item, in a stable order; bad input becomes a ledger entry, never an exception.

    ``on_file(source)`` is told of each file read through, before its items: the rows of a file's
    items are the file's whole account, so a rerun can drop the rows an earlier reading left.
    """
    settings = settings or Settings.from_env()
    for candidate in walk(paths, settings.max_input_bytes):
        if candidate.skip or candidate.fail:
            status = LedgerStatus.SKIPPED if candidate.skip else LedgerStatus.FAILED
            yield IngestResult(LedgerEntry(candidate.source, status, candidate.skip or candidate.fail or ""))
            continue
        if on_file:
            on_file(candidate.source)
        try:
            for item in read_candidate(candidate):
                yield _to_result(item, settings)
        except Exception as error:  # a reader bug or a library failing on odd bytes: the file fails, the run goes on
            yield IngestResult(LedgerEntry(candidate.source, LedgerStatus.FAILED,
                                           f"could not be read: {type(error).__name__}: {error}"))


def _to_result(item: RawArticle | Problem, settings: Settings) -> IngestResult:
    if isinstance(item, Problem):
        return IngestResult(LedgerEntry(item.source, item.status, item.reason))
    try:
        return to_result(item, settings.max_document_chars)
    except Exception as error:  # cleaning or language detection failing on odd text: this item fails alone
        return IngestResult(LedgerEntry(item.source, LedgerStatus.FAILED,
                                        f"could not be prepared: {type(error).__name__}: {error}"))
