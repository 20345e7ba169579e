"""The batch job's inputs, read in a stable order and cut into numbered partitions.

Entry point: ``partitions(paths, size)``. JSONL, text, HTML and feed files
(and folders of them) are read by ``parley.ingest.read_inputs``; Parquet files
(columns ``doc_id``, ``text``, ``published``, ``url``, ``title``; others are
never read) are read here, row group by row group, and go through the same
cleaning and language check (``parley.ingest.documents.to_result``). The same
inputs and size always give the same partitions, which is what makes a
rerun resume.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from parley.batch.worker import Partition
from parley.records import IngestResult, LedgerEntry, LedgerStatus
from parley.safe_text import shown
from parley.settings import Settings

PARQUET_FIELDS = ("doc_id", "text", "published", "url", "title")


def _parquet_files(paths: list[Path]) -> list[Path]:
    found = []
    for path in paths:
        if path.is_dir():
            found += sorted(p for p in path.rglob("*") if p.suffix.lower() == ".parquet" and p.is_file())
        elif path.suffix.lower() == ".parquet":
            found.append(path)
    return found


def read_parquet(path: Path, settings: Settings) -> Iterator[IngestResult]:
    """One result per row of a Parquet file of articles; ``source`` is ``path:row``."""
    import pyarrow.parquet as pq

    from parley.ingest.dates import parse_iso_date
    from parley.ingest.documents import to_result
    from parley.ingest.readers import RawArticle

    try:
        table_file = pq.ParquetFile(path)
        columns = [c for c in PARQUET_FIELDS if c in table_file.schema_arrow.names]
    except Exception as error:  # not Parquet after all, or unreadable
        yield IngestResult(LedgerEntry(shown(path), LedgerStatus.FAILED, f"cannot read Parquet: {error}"))
        return
    if "text" not in columns:
        yield IngestResult(LedgerEntry(shown(path), LedgerStatus.FAILED, "Parquet file has no 'text' column"))
        return
    number = 0
    for group in range(table_file.num_row_groups):
        for row in table_file.read_row_group(group, columns=columns).to_pylist():
            number += 1
            source = f"{shown(path)}:{number}"
            text = row.get("text")
            if not isinstance(text, str) or not text.strip():
                yield IngestResult(LedgerEntry(source, LedgerStatus.SKIPPED, f"row {number}: no text"))
                continue
            doc_id = row.get("doc_id")
            article = RawArticle(source, str(doc_id) if doc_id not in (None, "") else f"{path.stem}:{number}", text,
                                 parse_iso_date(row.get("published")), _string(row.get("url")),
                                 _string(row.get("title")))
            yield to_result(article, settings.max_document_chars)


def _string(value) -> str | None:
    return str(value) if value not in (None, "") else None


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a link in a loop
        return False


def read_all(paths: Iterable[str | Path], settings: Settings | None = None) -> Iterator[IngestResult]:
    """Every input item: Parquet rows first (in path order), then everything else via ``read_inputs``."""
    from parley.ingest import read_inputs

    settings = settings or Settings.from_env()
    paths = [Path(p) for p in paths]
    parquet = _parquet_files(paths)
    for path in parquet:
        yield from read_parquet(path, settings)
    others = [p for p in paths if p not in parquet]
    if not others:
        return
    parquet_sources = {shown(p) for p in parquet}
    for result in read_inputs(others, settings):
        if result.entry.source in parquet_sources:
            continue  # a Parquet file inside a folder: read above, not an unsupported file
        yield result


def partitions(paths: Iterable[str | Path], size: int, settings: Settings | None = None) -> Iterator[Partition]:
    items = read_all(paths, settings)
    index = 0
    while chunk := tuple(islice(items, size)):
        yield Partition(index, chunk)
        index += 1


def fingerprint(paths: Iterable[str | Path]) -> list[dict]:
    """What the inputs were: each path with its size and modification time, for the manifest."""
    out = []
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if _is_file(p)) if path.is_dir() else [path]
        for file in files:
            try:
                stat = os.stat(file)
                out.append({"path": shown(file), "bytes": stat.st_size, "mtime": int(stat.st_mtime)})
            except OSError:
                out.append({"path": shown(file), "bytes": None, "mtime": None})
    return out
