"""Exports of the fused record: JSON Lines, CSV, Parquet, PLOVER, GraphML, TimelineJS.

Entry point: ``export(store, format, path)``; each format is one small module
that turns the ``Store.events()`` dictionaries into a file.
"""
from __future__ import annotations

from pathlib import Path

from parley.export import graphml, plover, tables, timelinejs

WRITERS = {
    "jsonl": tables.write_jsonl,
    "csv": tables.write_csv,
    "parquet": tables.write_parquet,
    "plover": plover.write_plover,
    "graphml": graphml.write_graphml,
    "timelinejs": timelinejs.write_timelinejs,
}
FORMATS = tuple(WRITERS)


def export(store, format: str, path: Path | str, **filters) -> int:
    """Write the events (optionally filtered as in ``Store.events``) to ``path``; returns how many."""
    if format not in WRITERS:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")
    events = store.events(**filters)
    WRITERS[format](events, Path(path))
    return len(events)
