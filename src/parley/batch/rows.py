"""One document's extraction as one Parquet row, and back.

Columns: the per-document output contract (``parley.contract``; nested fields
as JSON strings), the document's own fields (so the text and its offsets
travel with the facts), ``skipped_reason``, and ``facts``: the extraction's
records as JSON, lossless, so ``parley load`` stores exactly what the workers
extracted without running NLP again.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from enum import Enum
from typing import Any

import pyarrow as pa

from parley.contract import to_contract
from parley.records import Document, Extraction, LedgerEntry, LedgerStatus

DOCUMENT_FIELDS = ("doc_id", "text", "published", "url", "title", "source", "lang", "content_hash")
FACT_FIELDS = ("actors", "meetings", "quotes", "roles", "background")
LEDGER_SCHEMA = pa.schema([("source", pa.string()), ("status", pa.string()), ("reason", pa.string()),
                           ("doc_id", pa.string())])


# --- records <-> JSON ------------------------------------------------------------

def encode(value: Any) -> Any:
    """A record (dataclass, enum, date, tuple) as plain JSON values."""
    if dataclasses.is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return [encode(v) for v in value]
    return value


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def decode(kind: Any, value: Any) -> Any:
    """The inverse of ``encode`` for a value of type ``kind`` (a type hint of parley.records)."""
    origin = typing.get_origin(kind)
    if origin in (types.UnionType, typing.Union):
        if value is None:
            return None
        return decode(next(a for a in typing.get_args(kind) if a is not type(None)), value)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(decode(args[0], v) for v in value)
        return tuple(decode(a, v) for a, v in zip(args, value))
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        return kind(**{k: decode(hints[k], v) for k, v in value.items() if k in hints})
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(value)
    if kind is dt.date and value is not None:
        return dt.date.fromisoformat(value)
    return value


# --- one document's row ------------------------------------------------------------

def extraction_row(extraction: Extraction) -> dict[str, Any]:
    document = extraction.document
    row: dict[str, Any] = {}
    for key, value in to_contract(extraction).items():
        row[key] = json.dumps(value, ensure_ascii=False) if isinstance(value, (list, dict)) else value
    for name in DOCUMENT_FIELDS:
        value = getattr(document, name)
        row[name] = value.isoformat() if isinstance(value, dt.date) else value
    row["skipped_reason"] = extraction.skipped_reason
    row["facts"] = json.dumps({name: encode(getattr(extraction, name)) for name in FACT_FIELDS}, ensure_ascii=False)
    return row


def row_document(row: dict[str, Any]) -> Document:
    return decode(Document, {name: row.get(name) for name in DOCUMENT_FIELDS})


def row_extraction(row: dict[str, Any]) -> Extraction:
    hints = _hints(Extraction)
    facts = json.loads(row["facts"])
    return Extraction(document=row_document(row), skipped_reason=row.get("skipped_reason"),
                      **{name: decode(hints[name], facts.get(name, [])) for name in FACT_FIELDS})


def row_contract(row: dict[str, Any]) -> dict[str, Any]:
    """The ``parley extract`` JSON object of a row (nested fields parsed back)."""
    keys, nested = _contract_shape()
    return {key: json.loads(row[key]) if key in nested and row.get(key) is not None else row.get(key)
            for key in keys}


@functools.cache
def _contract_shape() -> tuple[tuple[str, ...], frozenset[str]]:
    """The contract's top-level keys in order, and those that hold lists or objects."""
    sample = to_contract(Extraction(document=Document(doc_id="", text="")))
    return tuple(sample), frozenset(k for k, v in sample.items() if isinstance(v, (list, dict)))


def extraction_table(rows: list[dict[str, Any]]) -> pa.Table:
    """Rows as an Arrow table whose text columns are strings even when a partition has only nulls."""
    names = list(rows[0]) if rows else list(extraction_row(Extraction(document=Document(doc_id="", text=""))))
    columns = {}
    for name in names:
        values = [row.get(name) for row in rows]
        text = all(v is None or isinstance(v, str) for v in values)
        columns[name] = pa.array(values, type=pa.string()) if text else pa.array(values)
    return pa.table(columns)


def ledger_row(entry: LedgerEntry) -> dict[str, Any]:
    return {"source": entry.source, "status": entry.status.value, "reason": entry.reason, "doc_id": entry.doc_id}


def row_ledger(row: dict[str, Any]) -> LedgerEntry:
    return LedgerEntry(row["source"], LedgerStatus(row["status"]), row.get("reason") or "", row.get("doc_id"))
