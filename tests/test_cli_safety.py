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
