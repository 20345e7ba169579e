"""Queries over the record, reprocessing and exports: each command parses its options and calls one method.

``parley events | actors | actor NAME | search TEXT | timeline | reprocess | export``.
"""
from __future__ import annotations

import json
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from parley.errors import DatabaseError
from parley.settings import Settings

DB_OPTION = typer.Option(None, "--db", help="Database URL (default: $PARLEY_DB or sqlite:///parley.db).")
JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")


class Status(str, Enum):
    held = "held"
    planned = "planned"
    cancelled = "cancelled"
    unknown = "unknown"


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    graphml = "graphml"
    timelinejs = "timelinejs"


@contextmanager
def opened(db: str | None):
    from parley.store import Store

    url = Settings.from_env(db_url=db).db_url
    try:
        store = Store.open(url)
    except DatabaseError as error:
        Console(stderr=True).print(f"[red]database error:[/] {error}", highlight=False)
        raise typer.Exit(DatabaseError.exit_code) from None
    try:
        yield store
    finally:
        store.close()


def _print_json(value) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=1))


def _names(event: dict) -> str:
    return ", ".join(p["name"] for p in event["participants"])


def events(
    actor: str | None = typer.Option(None, "--actor", help="Actor id or name (any spelling stored)."),
    date_from: str | None = typer.Option(None, "--from", help="Earliest date, YYYY-MM-DD or YYYY-MM."),
    date_to: str | None = typer.Option(None, "--to", help="Latest date, YYYY-MM-DD or YYYY-MM."),
    place: str | None = typer.Option(None, "--place", help="Part of the place name."),
    status: Status | None = typer.Option(None, "--status", help="held, planned, cancelled or unknown."),
    limit: int | None = typer.Option(None, "--limit", help="At most this many events."),
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Fused meetings, filtered; each with its sources, evidence, history and conflicts."""
    with opened(db) as store:
        found = store.events(actor=actor, date_from=date_from, date_to=_end_of(date_to), place=place,
                             status=status.value if status else None, limit=limit)
    if as_json:
        _print_json(found)
    else:
        _event_table(found, f"{len(found)} meetings")


def _end_of(date: str | None) -> str | None:
    """``--to 2026-01`` includes all of January."""
    return f"{date}-31" if date and len(date) == 7 else date


def _event_table(found: list[dict], title: str) -> None:
    table = Table("date", "participants", "place", "status", "sources", "conflicts", title=title)
    colours = {"held": "green", "planned": "cyan", "cancelled": "red", "unknown": "yellow"}
    for e in found:
        sources = f"{len(e['sources'])} ({e['independent_sources']} indep.)"
        conflicts = ", ".join(c["field"] for c in e["conflicts"])
        table.add_row(e["date"] or "—", _names(e), e["place"] or "—",
                      f"[{colours.get(e['status'], 'white')}]{e['status']}[/]", sources, conflicts)
    Console().print(table)


def timeline(
    actor: str | None = typer.Option(None, "--actor", help="Only meetings of this actor."),
    db: str | None = DB_OPTION,
) -> None:
    """The fused meetings as a table in date order: date, participants, place, status, sources."""
    with opened(db) as store:
        found = store.events(actor=actor)
    _event_table(found, f"Timeline: {len(found)} meetings")


def actors(as_json: bool = JSON_OPTION, db: str | None = DB_OPTION) -> None:
    """Every actor with the names it goes by and how often it meets, is quoted and is mentioned."""
    with opened(db) as store:
        found = store.actors()
    if as_json:
        _print_json(found)
        return
    table = Table("id", "name", "country", "meetings", "quotes", "mentions", "names", title=f"{len(found)} actors")
    for a in found:
        table.add_row(a["id"], a["name"], a["country"] or "", str(a["events"]), str(a["quotes"]),
                      str(a["mentions"]), ", ".join(a["names"]))
    Console().print(table)


def actor(name: str = typer.Argument(..., help="Actor id or a name in any stored spelling."),
          as_json: bool = JSON_OPTION, db: str | None = DB_OPTION) -> None:
    """One actor over time: roles, meetings and quotes, each with its source."""
    with opened(db) as store:
        found = store.actor(name)
    if found is None:
        Console(stderr=True).print(f"no actor named {name!r}; see `parley actors`", highlight=False)
        raise typer.Exit(1)
    if as_json:
        _print_json(found)
        return
    console = Console()
    console.print(f"[bold]{found['name']}[/] ({found['id']}, {found['country'] or '—'}): "
                  f"{', '.join(found['names'])}", highlight=False)
    roles = Table("published", "role", "source", title="Roles")
    for r in found["roles"]:
        roles.add_row(r["published"] or "—", r["role"], r["doc_id"])
    console.print(roles)
    _event_table(found["meetings"], "Meetings")
    quotes = Table("published", "quote", "source", title="Quotes")
    for q in found["quotes"]:
        quotes.add_row(q["published"] or "—", f"«{q['text']}»", q["doc_id"])
    console.print(quotes)


def search(query: str = typer.Argument(..., help="Words to find; any inflection matches."),
           limit: int = typer.Option(50, "--limit", help="At most this many passages."),
           as_json: bool = JSON_OPTION, db: str | None = DB_OPTION) -> None:
    """Full-text search over the stored articles, with Russian stemming."""
    with opened(db) as store:
        found = store.search(query, limit=limit)
    if as_json:
        _print_json(found)
        return
    table = Table("published", "doc_id", "passage", title=f"{len(found)} passages")
    for hit in found:
        table.add_row(hit["published"] or "—", hit["doc_id"], hit["text"])
    Console().print(table)


def reprocess(db: str | None = DB_OPTION) -> None:
    """Extract again from every stored article (after the rules change) and rebuild the fused meetings."""
    from parley.fuse import fuse
    from parley.pipeline import process_many

    err = Console(stderr=True)
    with opened(db) as store:
        changed = total = 0
        for extraction in process_many(store.documents()):
            changed += store.save_extraction(extraction)
            total += 1
        report = fuse(store, full=True)
    err.print(f"reprocessed {total} documents ({changed} changed); {report.events} meetings "
              f"from {report.reports} reports", highlight=False)


def export(fmt: ExportFormat = typer.Option(..., "--format", help="Output format."),
           output: Path = typer.Option(..., "-o", "--output", help="File to write."),
           db: str | None = DB_OPTION) -> None:
    """Write the fused meetings as JSONL, CSV, Parquet, PLOVER, GraphML or TimelineJS JSON."""
    from parley.export import export as write

    with opened(db) as store:
        count = write(store, fmt.value, output)
    Console(stderr=True).print(f"wrote {count} meetings to {output}", highlight=False)
