"""``parley serve``: loopback and read-only by default, flags and environment respected, bad URLs explained."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from parley.cli import app


@pytest.fixture(autouse=True)
def stored(tmp_path):
    """The store the server reads: `parley serve` opens an existing one only."""
    from parley.store import Store

    Store.open(f"sqlite:///{tmp_path / 'a.db'}").close()


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


@pytest.mark.parametrize("args, env, message", [
    (["--port", "99999"], {}, "port 99999 is out of range"),
    (["--port", "0"], {}, "out of range"),
    ([], {"PARLEY_PORT": "eighty"}, "PARLEY_* environment variable has a wrong value"),
    (["--host", "no such host.invalid"], {}, "is not an address"),
])
def test_api_serve_refuses_a_bad_address_before_starting(served, tmp_path, args, env, message):
    result, call = served("--db", f"sqlite:///{tmp_path / 'a.db'}", *args, env=env)
    assert call is None
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def test_api_serve_explains_an_address_in_use(monkeypatch, tmp_path):
    import uvicorn

    def refuse(asgi, **options):
        raise SystemExit(3)  # what uvicorn does when the port is taken

    monkeypatch.setattr(uvicorn, "run", refuse)
    result = CliRunner().invoke(app, ["serve", "--db", f"sqlite:///{tmp_path / 'a.db'}", "--port", "8123"])
    assert result.exit_code == 2
    assert "cannot listen on 127.0.0.1:8123" in result.output


def test_api_serve_never_creates_a_store(served, tmp_path):
    result, call = served("--db", f"sqlite:///{tmp_path / 'typo.db'}")
    assert call is None and result.exit_code == 3
    assert "no Parley store" in " ".join(result.output.split())
    assert not (tmp_path / "typo.db").exists()
