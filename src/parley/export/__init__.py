"""Exports of the fused record: JSON Lines, JSON, CSV, Parquet, PLOVER, GraphML, TimelineJS.

Entry points: ``export(store, format, path)`` writes a file; ``export_bytes(events,
format)`` gives the same file's bytes (the API's downloads). Each format is one
small module that turns the ``Store.events()`` dictionaries into a file and says
how many meetings it wrote (TimelineJS leaves out the undated ones).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from parley.export import graphml, plover, tables, timelinejs

WRITERS = {
    "jsonl": tables.write_jsonl,
    "json": tables.write_json,
    "csv": tables.write_csv,
    "parquet": tables.write_parquet,
    "plover": plover.write_plover,
    "graphml": graphml.write_graphml,
    "timelinejs": timelinejs.write_timelinejs,
}
FORMATS = tuple(WRITERS)
MEDIA_TYPES = {"jsonl": "application/x-ndjson", "json": "application/json", "csv": "text/csv; charset=utf-8",
               "parquet": "application/vnd.apache.parquet", "plover": "application/x-ndjson",
               "graphml": "application/graphml+xml", "timelinejs": "application/json"}
SUFFIXES = {"jsonl": "jsonl", "json": "json", "csv": "csv", "parquet": "parquet", "plover": "plover.jsonl",
            "graphml": "graphml", "timelinejs": "timeline.json"}


def _check(format: str) -> None:
    if format not in WRITERS:
        raise ValueError(f"unknown export format {format!r}; choose one of {', '.join(FORMATS)}")


def write(events: list[dict], format: str, path: Path | str, countries: bool = False) -> int:
    """Write ``events`` to ``path``; returns how many meetings the file holds."""
    _check(format)
    if format == "graphml":
        return graphml.write_graphml(events, Path(path), countries=countries)
    return WRITERS[format](events, Path(path))


def export(store, format: str, path: Path | str, countries: bool = False, **filters) -> int:
    """Write the events (optionally filtered as in ``Store.events``) to ``path``; returns how many it wrote."""
    _check(format)
    return write(store.events(**filters), format, path, countries)


def export_bytes(events: list[dict], format: str, countries: bool = False) -> tuple[bytes, int]:
    """The file ``write`` would make, as bytes, and how many meetings it holds."""
    _check(format)
    with tempfile.TemporaryDirectory(prefix="parley-export-") as folder:
        path = Path(folder) / f"export.{SUFFIXES[format]}"
        count = write(events, format, path, countries)
        return path.read_bytes(), count
