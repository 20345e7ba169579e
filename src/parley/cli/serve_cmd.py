"""``parley serve``: the web page and the HTTP API on one database.

Exit codes (docs/exit-codes.md): 2 for a bad host, port or PARLEY_* value, or
an address that cannot be listened on (in use, not this machine's); 3 for a
database that cannot be opened.
"""
from __future__ import annotations

import socket

import typer

from parley.errors import ParleyError
from parley.settings import Settings

LOOPBACK = {"127.0.0.1", "localhost", "::1"}
EXIT_USAGE = 2


def serve(
    db: str | None = typer.Option(None, "--db", help="Database URL (default: $PARLEY_DB or sqlite:///parley.db)."),
    host: str | None = typer.Option(None, "--host", help="Address to bind (default: $PARLEY_HOST or 127.0.0.1)."),
    port: int | None = typer.Option(None, "--port", help="Port to listen on (default: $PARLEY_PORT or 8000)."),
) -> None:
    """Serve the timeline, the actor network, search and the JSON API (read-only without PARLEY_TOKEN)."""
    import uvicorn

    from parley.serve import create_app
    from parley.serve.app import allowed_hosts_for

    try:
        settings = Settings.from_env(db_url=db, host=host, port=port)
    except (TypeError, ValueError) as error:
        _fail(f"a PARLEY_* environment variable has a wrong value: {error}")
    problem = address_problem(settings.host, settings.port)
    if problem:
        _fail(problem)
    try:
        app = create_app(settings, allowed_hosts=allowed_hosts_for(settings.host, settings.allowed_hosts))
    except ParleyError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(exc.exit_code) from None
    mode = "writes accepted with the token" if settings.token else "read-only: set PARLEY_TOKEN to accept writes"
    shown = f"[{settings.host}]" if ":" in settings.host else settings.host
    typer.echo(f"Parley at http://{shown}:{settings.port}/ (API docs at /docs); {mode}.")
    if settings.host not in LOOPBACK:
        typer.echo(f"warning: bound to {settings.host}, reachable from other machines", err=True)
    try:
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", access_log=False)
    except SystemExit as stopped:  # uvicorn gives up when it cannot listen; its log line says why
        if stopped.code not in (0, None):
            _fail(f"cannot listen on {shown}:{settings.port} (in use by another program, or not an address "
                  "of this machine); choose another with --port or --host")
        raise


def address_problem(host: str, port: int) -> str | None:
    """Why ``host``:``port`` cannot be an address to listen on, without binding it; None when it may be."""
    if not 1 <= port <= 65535:
        return f"port {port} is out of range: give one from 1 to 65535"
    try:
        socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        return f"host {host!r} is not an address: {getattr(error, 'strerror', None) or error}"
    return None


def _fail(message: str) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(EXIT_USAGE)
