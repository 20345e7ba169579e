"""The ``parley`` command: a thin layer over the library, one module per group of commands."""
from __future__ import annotations

import typer

from parley.cli import assessments_cmd, batch_cmd, extract_cmd, ingest_cmd, query_cmd, serve_cmd

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Rebuild peace-negotiation meetings, actors and statements from Russian and Ukrainian news.")
app.command("extract")(extract_cmd.extract)
app.command("ingest")(ingest_cmd.ingest)
app.command("ledger")(ingest_cmd.ledger)
app.command("serve")(serve_cmd.serve)
app.command("batch")(batch_cmd.batch)
app.command("load")(batch_cmd.load)
for _name in ("events", "timeline", "actors", "actor", "search", "reprocess", "export"):
    app.command(_name)(getattr(query_cmd, _name))
app.command("assessments")(assessments_cmd.assessments)


@app.callback()
def main() -> None:
    """Rebuild peace-negotiation meetings, actors and statements from Russian and Ukrainian news."""
