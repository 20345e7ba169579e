"""Inputs to documents, each input accounted for in the ledger.

Entry point: ``read_inputs(paths)`` yields one :class:`IngestResult` per file
or JSONL line: processed (with its document), skipped or failed, with why.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from parley.records import Document, IngestResult, LedgerEntry, LedgerStatus


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).lower().encode()).hexdigest()


def _parse_date(value) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def read_inputs(paths: Iterable[str | Path]) -> Iterator[IngestResult]:
    for path in map(Path, paths):
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.suffix == ".jsonl":
                with file.open(encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        if not line.strip():
                            continue
                        source = f"{file}:{number}"
                        row = json.loads(line)
                        text = row.get("text") or ""
                        doc = Document(doc_id=str(row.get("doc_id") or source), text=text,
                                       published=_parse_date(row.get("published")), url=row.get("url"),
                                       title=row.get("title"), source=source, content_hash=content_hash(text))
                        yield IngestResult(LedgerEntry(source, LedgerStatus.PROCESSED, "", doc.doc_id), doc)
            else:
                text = file.read_text(encoding="utf-8")
                doc = Document(doc_id=file.stem, text=text, source=str(file), content_hash=content_hash(text))
                yield IngestResult(LedgerEntry(str(file), LedgerStatus.PROCESSED, "", doc.doc_id), doc)
