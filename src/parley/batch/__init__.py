"""The same core as ``parley extract``, on Dask distributed, resumable.

Entry point: ``run_batch(paths, outdir, workers=N | scheduler=ADDRESS)``.

The driver reads the inputs (``parley.batch.inputs``) and cuts them into
numbered partitions; each partition goes to a worker as one task
(``parley.batch.worker.process_partition``: screen, NLP, extract, rows); the
driver writes each finished partition's Parquet files and ledger atomically
(``parley.batch.output``). Workers need no shared folder: results come back
through the scheduler. At most two partitions per worker are in flight, so
the driver's memory stays flat however large the input. ``parley load``
(``parley.batch.load``) puts a finished job into the store.
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from parley.batch.inputs import fingerprint, partitions
from parley.batch.output import OutputFolder
from parley.batch.worker import PartitionResult, PreloadModels, process_partition
from parley.settings import Settings

__all__ = ["BatchSummary", "run_batch"]

DEFAULT_PARTITION_SIZE = 500  # about six seconds of one worker: small enough to lose little when killed
IN_FLIGHT_PER_WORKER = 2
MANIFEST_EVERY_S = 5.0


@dataclass(slots=True)
class BatchSummary:
    processed: int = 0
    skipped: int = 0
    failed: int = 0
    partitions: int = 0  # finished in this run
    resumed: int = 0  # finished by an earlier run, skipped now
    failed_partitions: list[str] = field(default_factory=list)  # a rerun tries them again
    workers: int = 0
    model_loads: dict[int, int] = field(default_factory=dict)  # worker pid -> times it loaded the models
    peak_mb: float = 0.0  # the largest peak resident memory of a worker
    busy_seconds: float = 0.0  # time the workers spent on partitions, summed
    cpu_seconds: float = 0.0  # CPU time the workers spent on partitions, summed
    documents: int = 0  # documents analysed in this run
    seconds: float = 0.0  # from the workers' first task to the end: the processing time
    startup_seconds: float = 0.0  # starting the cluster and loading the models on every worker

    def count(self, counts: dict[str, int]) -> None:
        self.processed += counts.get("processed", 0)
        self.skipped += counts.get("skipped", 0)
        self.failed += counts.get("failed", 0)


Progress = Callable[[str, int], None]  # ("read" | "done", number of input items)


def _client(workers: int, scheduler: str | None):
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                           silence_logs=logging.ERROR)
    return Client(cluster)


def _counts(result: PartitionResult) -> dict[str, int]:
    counts = {"processed": 0, "skipped": 0, "failed": 0}
    for row in result.ledger:
        counts[row["status"]] += 1
    return counts


class _Cluster:
    """The Dask client, started at the first partition that needs it: a finished job's rerun starts nothing."""

    def __init__(self, workers: int, scheduler: str | None) -> None:
        self.workers, self.scheduler, self.client = workers, scheduler, None

    def get(self, summary: BatchSummary):
        if self.client is None:
            started = time.perf_counter()
            self.client = _client(self.workers, self.scheduler)
            self.client.register_plugin(PreloadModels())
            summary.workers = len(self.client.scheduler_info()["workers"])
            summary.startup_seconds = time.perf_counter() - started
        return self.client

    def close(self) -> None:
        if self.client is not None:
            cluster = self.client.cluster if self.scheduler is None else None
            self.client.close()
            if cluster is not None:
                cluster.close()


def run_batch(paths: Iterable[str | Path], outdir: str | Path, workers: int = 2, scheduler: str | None = None,
              partition_size: int = DEFAULT_PARTITION_SIZE, settings: Settings | None = None,
              progress: Progress | None = None) -> BatchSummary:
    """Process every input into ``outdir``; a rerun of the same job skips its finished partitions."""
    from distributed import as_completed

    paths = [Path(p) for p in paths]
    progress = progress or (lambda _event, _n: None)
    out = OutputFolder(Path(outdir))
    manifest = out.start(fingerprint(paths), partition_size)
    summary = BatchSummary()
    started = time.perf_counter()
    last_saved = started
    exhausted = False
    cluster = _Cluster(workers, scheduler)
    pending = None  # as_completed over the futures in flight, once there is a client
    sizes: dict[int, int] = {}  # partition index -> input items, while in flight
    indexes: dict[str, int] = {}  # future key -> partition index

    def finish(future) -> None:
        nonlocal last_saved
        index = indexes.pop(future.key)
        try:
            result: PartitionResult = future.result()
        except Exception as error:  # a worker died on it more often than Dask's retries allow
            summary.failed_partitions.append(f"partition {index}: {type(error).__name__}: {error}")
            progress("done", sizes.pop(index))
            return
        out.write_partition(result.index, result.rows, result.ledger)
        counts = _counts(result)
        manifest.finished[str(result.index)] = counts
        summary.count(counts)
        summary.partitions += 1
        summary.documents += len(result.rows)
        summary.model_loads[result.pid] = max(summary.model_loads.get(result.pid, 0), result.model_loads)
        summary.peak_mb = max(summary.peak_mb, result.peak_mb)
        summary.busy_seconds += result.seconds
        summary.cpu_seconds += result.cpu_seconds
        progress("done", sizes.pop(result.index))
        if time.perf_counter() - last_saved > MANIFEST_EVERY_S:
            out.save_manifest(manifest)
            last_saved = time.perf_counter()

    try:
        for partition in partitions(paths, partition_size, settings):
            progress("read", len(partition.items))
            if str(partition.index) in manifest.finished:
                summary.resumed += 1
                summary.count(manifest.finished[str(partition.index)])
                progress("done", len(partition.items))
                continue
            client = cluster.get(summary)
            pending = pending if pending is not None else as_completed()
            sizes[partition.index] = len(partition.items)
            future = client.submit(process_partition, partition, pure=False)
            indexes[future.key] = partition.index
            pending.add(future)
            while pending.count() >= IN_FLIGHT_PER_WORKER * max(summary.workers, 1):
                finish(next(pending))
        for future in pending or ():
            finish(future)
        exhausted = True
        summary.seconds = time.perf_counter() - started - summary.startup_seconds
    finally:
        cluster.close()
        manifest.complete = exhausted and not summary.failed_partitions
        out.save_manifest(manifest)
    return summary
