"""``parley serve``: the web page and the HTTP API on one database."""
from __future__ import annotations

import typer

from parley.errors import ParleyError
from parley.settings import Settings

LOOPBACK = {"127.0.0.1", "localhost", "::1"}


def serve(
    db: str | None = typer.Option(None, "--db", help="Database URL (default: PARLEY_DB or sqlite:///parley.db)."),
    host: str | None = typer.Option(None, "--host", help="Address to bind (default: PARLEY_HOST or 127.0.0.1)."),
    port: int | None = typer.Option(None, "--port", help="Port to listen on (default: PARLEY_PORT or 8000)."),
) -> None:
    """Serve the timeline, the actor network, search and the JSON API (read-only without PARLEY_TOKEN)."""
    import uvicorn

    from parley.serve import create_app

    settings = Settings.from_env(db_url=db, host=host, port=port)
    try:
        app = create_app(settings)
    except ParleyError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    mode = "writes accepted with the token" if settings.token else "read-only: set PARLEY_TOKEN to accept writes"
    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    typer.echo(f"Parley at http://{shown}:{settings.port}/ (API docs at /docs); {mode}.")
    if settings.host not in LOOPBACK:
        typer.echo(f"warning: bound to {settings.host}, reachable from other machines", err=True)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)
