"""``parley batch`` (the pipeline on Dask, to Parquet) and ``parley load`` (those results into the store).

Exit codes as docs/exit-codes.md: 0 every input processed or skipped, 1 some
input or partition failed, 2 usage error or a missing path, 3 database problem.
"""
from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from parley.errors import ParleyError
from parley.settings import Settings


def batch(
    inputs: list[Path] = typer.Argument(..., help="JSONL, Parquet, text/HTML/feed files, or folders of them."),
    output: Path = typer.Option(..., "-o", "--output", help="Folder for the Parquet partitions, ledgers, manifest."),
    workers: int = typer.Option(2, "--workers", "-w", min=1,
                                help="Local single-threaded worker processes (ignored with --scheduler)."),
    scheduler: str | None = typer.Option(None, "--scheduler",
                                         help="A running Dask scheduler, e.g. tcp://HOST:8786."),
    partition_size: int = typer.Option(500, "--partition-size", min=1, help="Input items per partition."),
) -> None:
    """Extract every input on a Dask cluster into Parquet partitions; a rerun resumes where a killed job stopped."""
    from parley.batch import run_batch

    err = Console(stderr=True, soft_wrap=True, highlight=False)
    missing = [str(path) for path in inputs if not os.path.lexists(path)]
    if missing:
        err.print(f"[red]error:[/] no such file or folder: {', '.join(missing)}")
        raise typer.Exit(2)
    columns = (TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("inputs"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as bar:
        task = bar.add_task("batch", total=0)

        def progress(event: str, count: int) -> None:
            if event == "read":
                bar.update(task, total=(bar.tasks[0].total or 0) + count)
            else:
                bar.advance(task, count)

        try:
            summary = run_batch(inputs, output, workers=workers, scheduler=scheduler,
                                partition_size=partition_size, settings=Settings.from_env(), progress=progress)
        except ParleyError as error:
            err.print(f"[red]error:[/] {error}")
            raise typer.Exit(error.exit_code) from None
    rate = summary.documents / summary.seconds if summary.seconds else 0.0
    err.print(f"batch: processed {summary.processed}, skipped {summary.skipped}, failed {summary.failed} "
              f"into {output}")
    err.print(f"  {summary.partitions} partitions done now, {summary.resumed} done by an earlier run; "
              f"{summary.documents} documents in {summary.seconds:.1f} s ({rate:.1f}/s) on {summary.workers} "
              f"worker{'' if summary.workers == 1 else 's'} "
              f"(+{summary.startup_seconds:.1f} s to start them and load the models)")
    if summary.model_loads:
        loads = sorted(summary.model_loads.values())
        note = "once in each" if set(loads) == {1} else f"{loads} times in the"
        err.print(f"  models loaded {note} of {len(loads)} worker processes that ran tasks; "
                  f"peak worker memory {summary.peak_mb:.0f} MB")
    for problem in summary.failed_partitions:
        err.print(f"[red]failed[/] {problem} (a rerun tries it again)")
    raise typer.Exit(1 if summary.failed or summary.failed_partitions else 0)


def load(
    outdir: Path = typer.Argument(..., help="The output folder of `parley batch`."),
    db: str | None = typer.Option(None, "--db", help="Database URL (default: $PARLEY_DB or sqlite:///parley.db)."),
) -> None:
    """Load a batch job's documents, facts and ledger into the store, then fuse meetings into events."""
    from parley.batch.load import load as load_results
    from parley.store import Store

    err = Console(stderr=True, soft_wrap=True, highlight=False)
    if not outdir.is_dir():
        err.print(f"[red]error:[/] no such folder: {outdir}")
        raise typer.Exit(2)
    settings = Settings.from_env(db_url=db)
    try:
        store = Store.open(settings.db_url)
    except ParleyError as error:
        err.print(f"[red]database error:[/] {error}")
        raise typer.Exit(3) from None
    try:
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("loading partitions", total=None)
            summary = load_results(store, outdir, progress=lambda n: bar.advance(task, n))
    except ParleyError as error:
        err.print(f"[red]error:[/] {error}")
        raise typer.Exit(error.exit_code) from None
    except Exception as error:  # the store failing mid-load: database trouble, never a traceback
        err.print(f"[red]database error:[/] {type(error).__name__}: {error}")
        raise typer.Exit(3) from None
    finally:
        store.close()
    events = f"; {summary.events} events after fusion" if summary.events is not None else ""
    err.print(f"load: processed {summary.processed} ({summary.stored} stored now), skipped {summary.skipped}, "
              f"failed {summary.failed} from {summary.partitions} partitions{events}")
    raise typer.Exit(1 if summary.failed else 0)
