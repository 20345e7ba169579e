"""``parley extract``: the per-document output contract as JSON Lines."""
from __future__ import annotations

import json
from pathlib import Path

import typer
from rich.progress import Progress

from parley.contract import to_contract
from parley.ingest import read_inputs
from parley.pipeline import process


def extract(
    inputs: list[Path] = typer.Argument(..., help="Files or folders to read."),
    output: Path = typer.Option(..., "-o", "--output", help="Where to write one JSON object per document."),
) -> None:
    """Extract meetings, quotes, roles and actors from every Russian document."""
    with output.open("w", encoding="utf-8") as out, Progress(transient=True) as progress:
        task = progress.add_task("extracting", total=None)
        for result in read_inputs(inputs):
            if result.document is not None:
                out.write(json.dumps(to_contract(process(result.document)), ensure_ascii=False) + "\n")
            progress.advance(task)
