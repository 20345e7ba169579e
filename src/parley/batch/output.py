"""The batch job's output folder: Parquet partitions, their ledgers, and a manifest.

    OUTDIR/manifest.json                    inputs, partition size, finished partitions with counts
    OUTDIR/extractions/part-00000.parquet   one row per document (parley.batch.rows)
    OUTDIR/ledger/part-00000.parquet        one row per input item: source, status, reason, doc_id

Every file is written under a temporary name and renamed into place, so a
killed job never leaves a half-written partition; a partition is finished
when its ledger file exists (written last). A rerun skips finished partitions.
"""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from parley.batch.rows import LEDGER_SCHEMA, extraction_table
from parley.errors import InputError

MANIFEST = "manifest.json"
FORMAT = 1


def part_name(index: int) -> str:
    return f"part-{index:05d}.parquet"


def _atomic_write(path: Path, write) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        write(temporary)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@dataclass(slots=True)
class Manifest:
    """What a job read and which partitions it finished, with each one's ledger counts."""

    inputs: list[dict] = field(default_factory=list)
    partition_size: int = 0
    finished: dict[str, dict[str, int]] = field(default_factory=dict)  # partition index -> status counts
    complete: bool = False
    format: int = FORMAT

    def totals(self) -> dict[str, int]:
        out = {"processed": 0, "skipped": 0, "failed": 0}
        for counts in self.finished.values():
            for status, count in counts.items():
                out[status] = out.get(status, 0) + count
        return out


class OutputFolder:
    def __init__(self, root: Path) -> None:
        self.root = Path(root)

    # --- the manifest ----------------------------------------------------------

    def manifest(self) -> Manifest | None:
        path = self.root / MANIFEST
        if not path.exists():
            return None
        data = json.loads(path.read_text(encoding="utf-8"))
        return Manifest(**{k: data[k] for k in ("inputs", "partition_size", "finished", "complete", "format")
                           if k in data})

    def save_manifest(self, manifest: Manifest) -> None:
        text = json.dumps({"format": manifest.format, "inputs": manifest.inputs,
                           "partition_size": manifest.partition_size, "complete": manifest.complete,
                           "finished": manifest.finished}, ensure_ascii=False, indent=1)
        _atomic_write(self.root / MANIFEST, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))

    def start(self, inputs: list[dict], partition_size: int) -> Manifest:
        """The manifest to go on with: a new one, or the earlier run's when it read the same inputs."""
        earlier = self.manifest()
        if earlier is None:
            manifest = Manifest(inputs=inputs, partition_size=partition_size)
            self.save_manifest(manifest)
            return manifest
        if earlier.inputs != inputs or earlier.partition_size != partition_size:
            raise InputError(f"{self.root} holds the output of another job (other inputs or partition size); "
                             "use a new output folder, or delete this one to start again")
        for stale in self.root.glob("*/.part-*.tmp"):  # a write the killed job never finished
            stale.unlink(missing_ok=True)
        for index in list(earlier.finished):  # trust the files, not only the manifest
            if not self.is_finished(int(index)):
                del earlier.finished[index]
        for index in self.partition_indexes():  # finished after the manifest was last saved
            if str(index) not in earlier.finished:
                earlier.finished[str(index)] = self.ledger_counts(index)
        return earlier

    # --- partitions --------------------------------------------------------------

    def is_finished(self, index: int) -> bool:
        return (self.root / "ledger" / part_name(index)).exists()

    def write_partition(self, index: int, rows: list[dict[str, Any]], ledger: list[dict[str, Any]]) -> None:
        extractions = extraction_table(rows)
        ledger_table = pa.Table.from_pylist(ledger, schema=LEDGER_SCHEMA)
        _atomic_write(self.root / "extractions" / part_name(index), lambda tmp: pq.write_table(extractions, tmp))
        _atomic_write(self.root / "ledger" / part_name(index), lambda tmp: pq.write_table(ledger_table, tmp))

    def partition_indexes(self) -> list[int]:
        return sorted(int(p.stem.split("-")[1]) for p in (self.root / "ledger").glob("part-*.parquet"))

    def ledger_counts(self, index: int) -> dict[str, int]:
        counts = {"processed": 0, "skipped": 0, "failed": 0}
        for row in self.ledger_rows(index):
            counts[row["status"]] = counts.get(row["status"], 0) + 1
        return counts

    def extraction_rows(self, index: int) -> list[dict[str, Any]]:
        return pq.read_table(self.root / "extractions" / part_name(index)).to_pylist()

    def ledger_rows(self, index: int) -> list[dict[str, Any]]:
        return pq.read_table(self.root / "ledger" / part_name(index)).to_pylist()

    def all_extraction_rows(self) -> Iterator[dict[str, Any]]:
        for index in self.partition_indexes():
            yield from self.extraction_rows(index)
