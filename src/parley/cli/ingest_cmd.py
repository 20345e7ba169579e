"""``parley ingest`` and ``parley ledger``: inputs into the record, and what became of each input.

Exit codes (docs/exit-codes.md): 0 every input processed or skipped, 1 some
input failed, 2 usage error or a missing path, 3 database problem.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from parley.errors import DatabaseError
from parley.ingest.files import source_order
from parley.records import LedgerEntry, LedgerStatus
from parley.settings import Settings

EXIT_OK, EXIT_INPUT_FAILED, EXIT_USAGE, EXIT_DATABASE = 0, 1, 2, 3
SHOWN_FAILURES = 20
DATABASE_ERRORS = (SQLAlchemyError, DatabaseError, OSError)

DB_OPTION = typer.Option(None, "--db", help="Database URL (default: $PARLEY_DB or sqlite:///parley.db).")


def ingest(
    paths: list[Path] = typer.Argument(..., help="Files or folders to read (folders recursively)."),
    db: str | None = DB_OPTION,
) -> None:
    """Read inputs, store each new Russian or Ukrainian article once with its facts, fuse meetings; every input is ledgered."""
    err = Console(stderr=True, soft_wrap=True)
    missing = [str(path) for path in paths if not os.path.lexists(path)]
    if missing:
        err.print(f"[red]error:[/] no such file or folder: {escape(', '.join(missing))}")
        raise typer.Exit(EXIT_USAGE)
    settings = _settings(db, err)
    store = _open_store(settings.db_url, err)
    try:
        summary = _run(store, paths, settings)
    except DATABASE_ERRORS as error:  # the store failing mid-run: reported, never a traceback
        err.print(f"[red]database error:[/] {escape(_database_message(error))}")
        raise typer.Exit(EXIT_DATABASE) from None
    except Exception as error:
        err.print(f"[red]error:[/] {escape(f'{type(error).__name__}: {error}')} (inputs read so far are in `parley ledger`)")
        raise typer.Exit(EXIT_INPUT_FAILED) from None
    finally:
        store.close()
    _print_summary(summary, err)
    raise typer.Exit(EXIT_INPUT_FAILED if summary.failed or summary.fusion_error else EXIT_OK)


def ledger(
    db: str | None = DB_OPTION,
    as_json: bool = typer.Option(False, "--json", help="JSON rows: source, status, reason, doc_id, lang."),
    status: LedgerStatus | None = typer.Option(None, "--status", help="Only rows with this status."),
) -> None:
    """What became of every input: processed, skipped (why) or failed (why)."""
    err = Console(stderr=True, soft_wrap=True)
    settings = _settings(db, err)
    store = _open_store(settings.db_url, err, create=False)
    try:
        entries = sorted((entry for entry in store.ledger() if status is None or entry.status is status),
                         key=lambda entry: source_order(entry.source))
    except Exception as error:
        err.print(f"[red]database error:[/] {escape(_database_message(error))}")
        raise typer.Exit(EXIT_DATABASE) from None
    finally:
        store.close()
    if as_json:
        typer.echo(json.dumps([ledger_row(entry) for entry in entries], ensure_ascii=False, indent=1))
        return
    table = Table(title=f"Ledger: {len(entries)} inputs")
    for column, ratio in (("source", 3), ("status", None), ("lang", None), ("reason", 3), ("doc_id", 2)):
        table.add_column(column, overflow="fold", ratio=ratio, no_wrap=ratio is None)  # a cut path names no file
    colours = {LedgerStatus.PROCESSED: "green", LedgerStatus.SKIPPED: "yellow", LedgerStatus.FAILED: "red"}
    for entry in entries:
        table.add_row(escape(entry.source), f"[{colours[entry.status]}]{entry.status.value}[/]", entry.lang or "",
                      escape(entry.reason),
                      escape(entry.doc_id or ""))
    Console().print(table)


def ledger_row(entry: LedgerEntry) -> dict:
    return {"source": entry.source, "status": entry.status.value, "reason": entry.reason, "doc_id": entry.doc_id,
            "lang": entry.lang}


def _run(store, paths: list[Path], settings: Settings):
    from parley.ingest.run import ingest as ingest_into

    console = Console()
    if not console.is_terminal:
        return ingest_into(store, paths, settings)
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=console, transient=True) as progress:
        task = progress.add_task("ingesting", total=None)
        summary = ingest_into(store, paths, settings,
                              on_entry=lambda entry: progress.update(task, advance=1,
                                                                     description=escape(_short(entry.source))))
        progress.update(task, description="fusing meetings")
    return summary


def _settings(db: str | None, err: Console) -> Settings:
    try:
        return Settings.from_env(db_url=db)
    except (TypeError, ValueError) as error:
        err.print(f"[red]error:[/] a PARLEY_* environment variable has a wrong value: {escape(str(error))}")
        raise typer.Exit(EXIT_USAGE) from None


def _open_store(url: str, err: Console, create: bool = True):
    try:
        from parley.store import Store

        return Store.open(url, create=create)
    except Exception as error:
        err.print(f"[red]database error:[/] cannot open {escape(url)}: {escape(_database_message(error))}")
        raise typer.Exit(EXIT_DATABASE) from None


def _database_message(error: Exception) -> str:
    if isinstance(error, DatabaseError):
        return str(error)
    return f"{type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"


def _print_summary(summary, err: Console) -> None:
    for entry in summary.failures[:SHOWN_FAILURES]:
        err.print(f"[red]failed[/] {escape(entry.source)}: {escape(entry.reason)}", highlight=False)
    if len(summary.failures) > SHOWN_FAILURES:
        err.print(f"… and {len(summary.failures) - SHOWN_FAILURES} more failures: see `parley ledger --status failed`")
    if summary.fusion_error:
        err.print(f"[red]fusion failed:[/] {escape(summary.fusion_error)}; the documents are stored, "
                  "`parley reprocess` fuses again")
    events = f"; {summary.events} fused meetings" if summary.events is not None else ""
    err.print(f"processed {summary.processed} (new documents {summary.new_documents}), "
              f"skipped {summary.skipped}, failed {summary.failed}{events}. "
              "Details: `parley ledger`.", highlight=False)


def _short(source: str, width: int = 40) -> str:
    return source if len(source) <= width else "…" + source[-(width - 1):]
