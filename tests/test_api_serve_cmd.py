"""``parley serve``: loopback and read-only by default, flags and environment respected, bad URLs explained."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from parley.cli import app


@pytest.fixture()
def served(monkeypatch):
    """Runs ``parley serve`` with uvicorn replaced by a recorder; returns (result, what uvicorn got)."""
    import uvicorn

    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda asgi, **options: calls.append((asgi, options)))
    for name in ("PARLEY_TOKEN", "PARLEY_HOST", "PARLEY_PORT", "PARLEY_DB"):
        monkeypatch.delenv(name, raising=False)

    def run(*args, env=None):
        for key, value in (env or {}).items():
            monkeypatch.setenv(key, value)
        result = CliRunner().invoke(app, ["serve", *args])
        return result, calls[-1] if calls else None

    return run


def test_api_serve_binds_loopback_read_only_by_default(served, tmp_path):
    result, (asgi, options) = served("--db", f"sqlite:///{tmp_path / 'a.db'}")
    assert result.exit_code == 0, result.output
    assert (options["host"], options["port"]) == ("127.0.0.1", 8000)
    assert asgi.state.settings.token is None
    assert "read-only" in result.output


@pytest.mark.parametrize("args, env, host, port", [
    (["--host", "0.0.0.0", "--port", "9001"], {}, "0.0.0.0", 9001),
    ([], {"PARLEY_HOST": "::1", "PARLEY_PORT": "9002"}, "::1", 9002),
    (["--port", "9003"], {"PARLEY_PORT": "9002"}, "127.0.0.1", 9003),
])
def test_api_serve_takes_flags_over_environment(served, tmp_path, args, env, host, port):
    result, (_, options) = served("--db", f"sqlite:///{tmp_path / 'a.db'}", *args, env=env)
    assert result.exit_code == 0, result.output
    assert (options["host"], options["port"]) == (host, port)


def test_api_serve_accepts_writes_only_with_a_token(served, tmp_path):
    result, (asgi, _) = served("--db", f"sqlite:///{tmp_path / 'a.db'}", env={"PARLEY_TOKEN": "t0ken"})
    assert asgi.state.settings.token == "t0ken"
    assert "writes accepted with the token" in result.output


def test_api_serve_explains_a_bad_database_url(served):
    result, call = served("--db", "nosuchdb://x")
    assert call is None
    assert result.exit_code == 3
    assert "error:" in result.output
