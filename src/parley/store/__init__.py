"""The record on disk: documents, ledger, extracted facts, fused events, full-text search.

Entry point: ``Store.open(url)`` (SQLite in WAL mode, or PostgreSQL by URL).
All SQL in Parley lives in this package.
"""
from __future__ import annotations

from parley.store.store import Store

__all__ = ["Store"]
