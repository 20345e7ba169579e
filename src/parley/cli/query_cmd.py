"""Queries over the record, reprocessing and exports: each command parses its options and calls one method.

``parley events | actors | actor NAME | search TEXT | timeline | reprocess | export``.
"""
from __future__ import annotations

import functools
import json
from contextlib import contextmanager
from enum import Enum
from pathlib import Path

import click
import typer
from rich.console import Console
from rich.markup import escape

from parley.cli.paths import unwritable
from parley.cli.query_args import (
    TOPIC_HELP, SourceLanguage, TopicName, event_filters, known_spellings, valid_date, valid_name,
)
from parley.cli.timeline_view import compact_table, print_events
from parley.errors import DatabaseError, ParleyError
from parley.records import MeetingStatus
from parley.settings import Settings

DB_OPTION = typer.Option(None, "--db", help="Database URL (default: $PARLEY_DB or sqlite:///parley.db).")
JSON_OPTION = typer.Option(False, "--json", help="Print JSON instead of a table.")
ACTOR_HELP = "Actor id or name, in any stored or known spelling (Уиткофф, Виткофф, Witkoff)."


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    csv = "csv"
    parquet = "parquet"
    plover = "plover"
    graphml = "graphml"
    timelinejs = "timelinejs"


def _fail(message: str, code: int) -> typer.Exit:
    Console(stderr=True).print(f"[red]error:[/] {escape(message)}", highlight=False)
    return typer.Exit(code)


def guarded(command):
    """No traceback reaches the user: named errors exit with their code, database ones with 3."""
    @functools.wraps(command)
    def run(*args, **kwargs):
        from sqlalchemy.exc import SQLAlchemyError

        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except ParleyError as error:
            raise _fail(str(error), error.exit_code) from None
        except SQLAlchemyError as error:
            reason = str(getattr(error, "orig", None) or error).splitlines()[0]
            raise _fail(f"database: {reason}; check --db / $PARLEY_DB", DatabaseError.exit_code) from None
        except OSError as error:
            raise _fail(str(error), 1) from None
        except Exception as error:  # noqa: BLE001 - a bug still ends in one line, not a traceback
            raise _fail(f"unexpected {type(error).__name__}: {error}", 1) from None
    return run


@contextmanager
def opened(db: str | None):
    from parley.store import Store

    url = Settings.from_env(db_url=db).db_url
    try:
        store = Store.open(url, create=False)
    except DatabaseError as error:
        Console(stderr=True).print(f"[red]database error:[/] {escape(str(error))}", highlight=False)
        raise typer.Exit(DatabaseError.exit_code) from None
    try:
        yield store
    finally:
        store.close()


def _print_json(value) -> None:
    typer.echo(json.dumps(value, ensure_ascii=False, indent=1))


def _store_events(store, actor: str | None, limit: int | None = None, **filters) -> list[dict]:
    """The store's events for the actor as typed; if no stored spelling matches it, for the knowledge
    base's ids of that name ("Виткофф" → witkoff)."""
    found: list[dict] = []
    for query in event_filters(actor):
        found = store.events(actor=query, limit=limit, **filters)
        if found:
            break
    return found


@guarded
def events(
    actor: str | None = typer.Option(None, "--actor", callback=valid_name, help=ACTOR_HELP),
    date_from: str | None = typer.Option(None, "--from", callback=valid_date,
                                         help="Earliest date, YYYY-MM-DD or YYYY-MM."),
    date_to: str | None = typer.Option(None, "--to", callback=valid_date, help="Latest date, YYYY-MM-DD or YYYY-MM."),
    place: str | None = typer.Option(None, "--place", help="Part of the place name."),
    status: MeetingStatus | None = typer.Option(None, "--status", help="held, planned, cancelled or unknown."),
    topic: TopicName | None = typer.Option(None, "--topic", help=TOPIC_HELP),
    lang: SourceLanguage | None = typer.Option(None, "--lang", help="Only events with a source in this language."),
    limit: int | None = typer.Option(None, "--limit", min=0, help="At most this many events."),
    as_json: bool = JSON_OPTION,
    db: str | None = DB_OPTION,
) -> None:
    """Fused meetings, filtered; each with its sources, evidence, history, conflicts, topics and judgements."""
    if date_from and date_to and date_from > _end_of(date_to):
        raise _fail(f"--from {date_from} is after --to {date_to}", 2)
    with opened(db) as store:
        found = _store_events(store, actor, limit=limit, date_from=date_from, date_to=_end_of(date_to),
                              place=place, status=status.value if status else None,
                              topic=topic.value if topic else None, lang=lang.value if lang else None)
    if as_json:
        _print_json(found)
    else:
        print_events(Console(), found, f"{len(found)} meetings")


def _end_of(date: str | None) -> str | None:
    """``--to 2026-01`` includes all of January."""
    return f"{date}-31" if date and len(date) == 7 else date


@guarded
def timeline(
    actor: str | None = typer.Option(None, "--actor", callback=valid_name,
                                     help="Only meetings of this actor (" + ACTOR_HELP + ")"),
    db: str | None = DB_OPTION,
) -> None:
    """The fused meetings in date order, undated ones after: date, participants, place, status, sources."""
    with opened(db) as store:
        found = _store_events(store, actor)
    print_events(Console(), found, f"Timeline: {len(found)} meetings")


@guarded
def actors(as_json: bool = JSON_OPTION, db: str | None = DB_OPTION) -> None:
    """Every actor with the names it goes by and how often it meets, is quoted and is mentioned."""
    with opened(db) as store:
        found = store.actors()
    if as_json:
        _print_json(found)
        return
    table = compact_table(f"{len(found)} actors")
    table.add_column("id", no_wrap=True)
    table.add_column("name", ratio=1)
    table.add_column("country", no_wrap=True)
    for number in ("meetings", "quotes", "mentions"):
        table.add_column(number, no_wrap=True, justify="right")
    table.add_column("names", ratio=1)
    for a in found:
        table.add_row(a["id"], a["name"], a["country"] or "", str(a["events"]), str(a["quotes"]),
                      str(a["mentions"]), ", ".join(a["names"]))
    Console().print(table)


@guarded
def actor(name: str = typer.Argument(..., callback=valid_name, help=ACTOR_HELP), as_json: bool = JSON_OPTION,
          db: str | None = DB_OPTION) -> None:
    """One actor over time: roles, meetings and quotes, each with its source."""
    with opened(db) as store:
        found = next((hit for query in event_filters(name) if (hit := store.actor(query)) is not None), None)
    if found is None:
        Console(stderr=True).print(f"no actor named {name!r}; see `parley actors`", highlight=False)
        raise typer.Exit(1)
    found["known_names"] = [n for n in known_spellings(found["id"]) if n not in found["names"]]
    if as_json:
        _print_json(found)
        return
    console = Console()
    console.print(f"[bold]{escape(found['name'])}[/] ({found['id']}, {found['country'] or '—'}): "
                  f"{escape(', '.join(found['names']))}", highlight=False)
    if found["known_names"]:
        console.print(f"also written: {escape(', '.join(found['known_names']))}", highlight=False)
    roles = compact_table("Roles")
    roles.add_column("published", no_wrap=True)
    roles.add_column("role", ratio=2)
    roles.add_column("source", ratio=1, overflow="fold")
    for r in found["roles"]:
        roles.add_row(r["published"] or "—", r["role"], r["doc_id"])
    console.print(roles)
    print_events(console, found["meetings"], "Meetings")
    quotes = compact_table("Quotes")
    quotes.add_column("published", no_wrap=True)
    quotes.add_column("quote", ratio=2)
    quotes.add_column("source", ratio=1, overflow="fold")
    for q in found["quotes"]:
        quotes.add_row(q["published"] or "—", f"«{q['text']}»", q["doc_id"])
    console.print(quotes)


@guarded
def search(query: str = typer.Argument(..., help="Words to find; any inflection matches."),
           limit: int = typer.Option(50, "--limit", min=0, help="At most this many passages."),
           as_json: bool = JSON_OPTION, db: str | None = DB_OPTION) -> None:
    """Full-text search over the stored articles, with Russian stemming."""
    with opened(db) as store:
        found = store.search(query, limit=limit)
    if as_json:
        _print_json(found)
        return
    table = compact_table(f"{len(found)} passages")
    table.add_column("published", no_wrap=True)
    table.add_column("doc_id", ratio=1, overflow="fold")
    table.add_column("passage", ratio=3)
    for hit in found:
        table.add_row(hit["published"] or "—", hit["doc_id"], hit["text"])
    Console().print(table)


@guarded
def reprocess(db: str | None = DB_OPTION) -> None:
    """Extract again from every stored article (after the rules change) and rebuild the fused meetings."""
    from parley.fuse import fuse
    from parley.pipeline import Failure, process_many

    err = Console(stderr=True)
    with opened(db) as store:
        changed = total = 0
        failed: list[Failure] = []
        for extraction in process_many(store.documents()):
            total += 1
            if isinstance(extraction, Failure):  # its stored facts stay as they were
                failed.append(extraction)
                continue
            changed += store.save_extraction(extraction)
        report = fuse(store, full=True)
    for failure in failed:
        err.print(f"[red]failed[/] {escape(failure.document.doc_id)}: {escape(failure.reason)}", highlight=False)
    kept = f", {len(failed)} failed and kept as they were" if failed else ""
    err.print(f"reprocessed {total} documents ({changed} changed{kept}); "
              f"{report.events} meetings from {report.reports} reports", highlight=False)
    if failed:
        raise typer.Exit(1)


@guarded
def export(fmt: ExportFormat = typer.Option(..., "--format", help="Output format."),
           output: Path = typer.Option(..., "-o", "--output", help="File to write."),
           countries: bool = typer.Option(False, "--countries",
                                          help="GraphML: add countries and organisations as nodes beside persons."),
           db: str | None = DB_OPTION) -> None:
    """Write the fused meetings as JSONL, JSON, CSV, Parquet, PLOVER, GraphML or TimelineJS JSON."""
    from parley.export import export as write

    why = unwritable(output, db_url=Settings.from_env(db_url=db).db_url)
    if why:
        raise _fail(f"cannot write {output}: {why}", 2)
    with opened(db) as store:
        count = write(store, fmt.value, output, countries=countries)
        total = store.count_events()
    left_out = f" of {total} (the {total - count} undated ones have no place on a timeline)" if count < total else ""
    Console(stderr=True).print(f"wrote {count} meetings{left_out} to {output}", highlight=False)

