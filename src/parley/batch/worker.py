"""What runs on a Dask worker: one partition of inputs to its rows.

Entry point: ``process_partition(partition)``. The NLP models are loaded once
per worker process: ``PreloadModels`` loads them when the worker starts, and
``parley.nlp.models`` is a per-process cache, so every later task reuses them.
Each result carries the worker's process id and its model-load count, so the
job can prove that no worker loaded the models twice.
"""
from __future__ import annotations

import os
import resource
import time
from dataclasses import dataclass, field
from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from parley.batch.rows import extraction_row, ledger_row
from parley.records import IngestResult, LedgerEntry, LedgerStatus


@dataclass(frozen=True, slots=True)
class Partition:
    index: int
    items: tuple[IngestResult, ...]


@dataclass(slots=True)
class PartitionResult:
    index: int
    rows: list[dict[str, Any]] = field(default_factory=list)  # one per document, in input order
    ledger: list[dict[str, Any]] = field(default_factory=list)  # one per input item, in input order
    pid: int = 0
    model_loads: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # of the worker process: what the partition cost whatever else ran on the machine
    peak_mb: float = 0.0  # the worker process's peak resident memory so far


def model_loads() -> int:
    """How many times this process has loaded the NLP models (0 or 1)."""
    from parley import nlp

    return nlp.models.cache_info().misses


WARM_UP_TEXT = "Делегации провели переговоры в Женеве, сообщил министр. «Мы продолжим работу над текстом»."


def keep_freed_memory() -> None:
    """Let glibc's malloc keep freed blocks for reuse, as in a plain process.

    Dask starts workers with ``MALLOC_TRIM_THRESHOLD_=65536``, which also fixes
    malloc's mmap threshold at 128 kB: every numpy temporary of the models
    (a few MB each) is then mapped and unmapped again, page faults and all.
    Measured: 58 → 77 articles per CPU-second in a worker. Setting the
    thresholds back works on any cluster, since it runs in each worker.
    """
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return  # not glibc: nothing to undo
    m_trim_threshold, m_mmap_threshold = -1, -3
    libc.mallopt(m_mmap_threshold, 64 * 2**20)
    libc.mallopt(m_trim_threshold, 256 * 2**20)


class PreloadModels(WorkerPlugin):
    """Loads the NLP models (and everything the extractors load lazily) as each worker starts."""

    name = "parley-preload-models"

    def setup(self, worker) -> None:
        from parley import pipeline
        from parley.records import Document

        keep_freed_memory()

        pipeline.process(Document(doc_id="warm-up", text=WARM_UP_TEXT))


def _process_many(documents):
    from parley import pipeline

    return pipeline.process_many(documents)


def process_partition(partition: Partition) -> PartitionResult:
    """Screen, analyse and extract every document of the partition; a failing document fails alone."""
    from parley.ingest.run import extract_each  # the same per-document failure isolation as ingest and extract

    started, cpu = time.perf_counter(), time.process_time()
    result = PartitionResult(index=partition.index, pid=os.getpid())
    documents = [item.document for item in partition.items if item.document is not None]
    outcomes = {id(doc): outcome for doc, outcome in extract_each(documents, _process_many)}
    for item in partition.items:
        document = item.document
        if document is None:
            result.ledger.append(ledger_row(item.entry))
            continue
        outcome = outcomes[id(document)]
        if isinstance(outcome, str):
            entry = LedgerEntry(document.source, LedgerStatus.FAILED, outcome, document.doc_id)
        else:
            try:
                result.rows.append(extraction_row(outcome))
            except Exception as error:  # facts that do not serialise fail this document only
                entry = LedgerEntry(document.source, LedgerStatus.FAILED,
                                    f"output failed: {type(error).__name__}: {error}", document.doc_id)
            else:
                status = LedgerStatus.SKIPPED if outcome.skipped_reason else LedgerStatus.PROCESSED
                entry = LedgerEntry(document.source, status, outcome.skipped_reason or "", document.doc_id)
        result.ledger.append(ledger_row(entry))
    result.model_loads = model_loads()
    result.peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result.seconds = time.perf_counter() - started
    result.cpu_seconds = time.process_time() - cpu
    return result
