"""Operator slips the command line refuses before touching any file."""
from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from parley.cli import app

TALKS = "Вчера в Женеве Марко Рубио встретился с Андрием Сибигой. Стороны обсудили перемирие."


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


@pytest.mark.parametrize("through_link", [False, True])
def test_extract_refuses_to_write_over_its_input(runner, tmp_path, through_link):
    source = tmp_path / "news.txt"
    source.write_text(TALKS, encoding="utf-8")
    output = source
    if through_link:
        output = tmp_path / "link.jsonl"
        os.symlink(source, output)
    result = runner.invoke(app, ["extract", str(source), "-o", str(output)])
    assert result.exit_code == 2
    assert "is the input" in " ".join(result.stderr.split())
    assert source.read_text(encoding="utf-8") == TALKS


@pytest.mark.parametrize("target", ["db", "link", "wal"])
def test_export_refuses_to_write_over_the_database(runner, tmp_path, target):
    from parley.store import Store

    db = tmp_path / "record.db"
    Store.open(f"sqlite:///{db}").close()
    before = db.read_bytes()
    output = {"db": db, "link": tmp_path / "out.jsonl", "wal": tmp_path / "record.db-wal"}[target]
    if target == "link":
        os.symlink(db, output)
    result = runner.invoke(app, ["export", "--format", "jsonl", "-o", str(output), "--db", f"sqlite:///{db}"])
    assert result.exit_code == 2
    assert "is the database" in " ".join(result.stderr.split())
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", [["timeline"], ["events", "--json"], ["search", "Женева"], ["ledger"],
                                     ["actors"], ["export", "--format", "jsonl", "-o", "OUT"]])
def test_reading_commands_never_create_a_store(runner, tmp_path, command):
    typo = tmp_path / "typo.db"
    args = [str(tmp_path / "out.jsonl") if part == "OUT" else part for part in command]
    result = runner.invoke(app, [*args, "--db", f"sqlite:///{typo}"])
    assert result.exit_code == 3
    assert "no Parley store" in " ".join(result.stderr.split())
    assert not typo.exists()


def _foreign_database(path):
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        conn.execute("INSERT INTO notes (body) VALUES ('keep me')")
    conn.close()


@pytest.mark.parametrize("command", [["events"], ["ingest", "IN"]])
def test_another_programs_database_is_left_untouched(runner, tmp_path, command):
    import sqlite3

    foreign = tmp_path / "other.db"
    _foreign_database(foreign)
    (tmp_path / "in.txt").write_text(TALKS, encoding="utf-8")
    args = [str(tmp_path / "in.txt") if part == "IN" else part for part in command]
    result = runner.invoke(app, [*args, "--db", f"sqlite:///{foreign}"])
    assert result.exit_code == 3
    assert "not a Parley store" in " ".join(result.stderr.split())
    with sqlite3.connect(foreign) as conn:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert tables == {"notes"}


def test_ingest_creates_a_store_in_an_empty_file(runner, tmp_path, models):
    empty = tmp_path / "empty.db"
    empty.touch()
    (tmp_path / "in.txt").write_text(TALKS, encoding="utf-8")
    assert runner.invoke(app, ["ingest", str(tmp_path / "in.txt"), "--db", f"sqlite:///{empty}"]).exit_code == 0
    assert runner.invoke(app, ["events", "--db", f"sqlite:///{empty}"]).exit_code == 0
