"""``parley extract``: the per-document output contract as JSON Lines, without a database.

Inputs that are skipped or fail are reported on stderr; the exit code follows
docs/exit-codes.md (1 when any input failed, 2 for a missing path).
"""
from __future__ import annotations

import json
import os
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from parley.cli.paths import unwritable
from parley.contract import to_contract
from parley.ingest import read_inputs
from parley.ingest.run import BATCH, default_process_many, extract_each
from parley.records import Document, LedgerStatus

SHOWN_PROBLEMS = 20


def extract(
    inputs: list[Path] = typer.Argument(..., help="Files or folders to read."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write one JSON object per document."),
) -> None:
    """Extract meetings, quotes, roles and actors from every Russian and Ukrainian document."""
    err = Console(stderr=True, soft_wrap=True, highlight=False)
    missing = [str(path) for path in inputs if not os.path.lexists(path)]
    if missing:
        err.print(f"[red]error:[/] no such file or folder: {escape(', '.join(missing))}")
        raise typer.Exit(2)
    why = unwritable(output, inputs)
    if why:
        err.print(f"[red]error:[/] cannot write {escape(str(output))}: {why}")
        raise typer.Exit(2)
    counts = {status: 0 for status in LedgerStatus}
    problems: list[str] = []
    pending: list[Document] = []

    def flush(out) -> None:
        for document, outcome in extract_each(pending, default_process_many):
            if not isinstance(outcome, str):
                try:
                    line = json.dumps(to_contract(outcome), ensure_ascii=False)
                except Exception as error:  # one document's facts that do not serialise fail that document only
                    outcome = f"output failed: {type(error).__name__}: {error}"
            if isinstance(outcome, str):
                counts[LedgerStatus.FAILED] += 1
                problems.append(f"[red]failed[/] {escape(document.source)}: {escape(outcome)}")
            else:
                counts[LedgerStatus.PROCESSED] += 1
                out.write(line + "\n")
        pending.clear()

    with output.open("w", encoding="utf-8") as out, Progress(transient=True, console=Console(stderr=True)) as progress:
        task = progress.add_task("extracting", total=None)
        for result in read_inputs(inputs):
            progress.advance(task)
            if result.document is None:
                counts[result.entry.status] += 1
                colour = "red" if result.entry.status is LedgerStatus.FAILED else "yellow"
                problems.append(f"[{colour}]{result.entry.status.value}[/] {escape(result.entry.source)}: "
                                f"{escape(result.entry.reason)}")
                continue
            if result.entry.reason:  # read, with a field left out
                problems.append(f"[cyan]note[/] {escape(result.entry.source)}: {escape(result.entry.reason)}")
            pending.append(result.document)
            if len(pending) >= BATCH:
                flush(out)
        flush(out)
    for line in problems[:SHOWN_PROBLEMS]:
        err.print(line)
    if len(problems) > SHOWN_PROBLEMS:
        err.print(f"… and {len(problems) - SHOWN_PROBLEMS} more skipped or failed inputs or notes")
    err.print(f"extracted {counts[LedgerStatus.PROCESSED]} documents to {escape(str(output))}; "
              f"skipped {counts[LedgerStatus.SKIPPED]}, failed {counts[LedgerStatus.FAILED]}")
    raise typer.Exit(1 if counts[LedgerStatus.FAILED] else 0)

