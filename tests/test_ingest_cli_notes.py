"""`parley ingest` keeps a note on a processed row whose field was left out; `parley extract` checks -o first."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from parley.cli import app

TEXT = "Лавров и Рубио провели переговоры в Эр-Рияде. Встреча продолжалась почти пять часов."


def test_ingest_cli_notes_unreadable_published_in_the_ledger(tmp_path, models):
    (tmp_path / "a.jsonl").write_text(json.dumps({"doc_id": "r", "text": TEXT, "published": "позавчера"},
                                                 ensure_ascii=False), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'p.db'}"
    runner = CliRunner()
    for _ in range(2):  # the note stays when the same input is read again
        assert runner.invoke(app, ["ingest", str(tmp_path / "a.jsonl"), "--db", db]).exit_code == 0
        [row] = json.loads(runner.invoke(app, ["ledger", "--db", db, "--json"]).stdout)
        assert row["status"] == "processed" and row["reason"] == "'published' \"позавчера\" is not a date: left out"


@pytest.mark.parametrize(("output", "message"), [
    ("missing/out.jsonl", "no such folder"),
    (".", "it is a folder"),
])
def test_ingest_cli_extract_output_checked_before_reading(tmp_path, output, message):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(tmp_path / "a.txt"), "-o", str(tmp_path / output)])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output


def test_ingest_cli_ledger_in_reading_order_with_whole_paths(tmp_path, models):
    folder = tmp_path / "a-rather-long-folder-name-for-the-inputs"
    folder.mkdir()
    lines = [json.dumps({"doc_id": f"d{n}", "text": f"Короткая заметка номер {n}."}, ensure_ascii=False)
             for n in range(1, 12)]
    (folder / "news.jsonl").write_text("\n".join(lines), encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'p.db'}"
    runner = CliRunner()
    runner.invoke(app, ["ingest", str(folder), "--db", db])
    rows = json.loads(runner.invoke(app, ["ledger", "--db", db, "--json"]).stdout)
    assert [row["source"].rsplit(":", 1)[1] for row in rows] == [str(n) for n in range(1, 12)]
    table = runner.invoke(app, ["ledger", "--db", db], env={"COLUMNS": "80"}).stdout
    assert "…" not in table
    assert "a-rather-long-folder-name-for-the-inputs" in "".join(
        line.split("│")[1].strip() for line in table.splitlines() if line.startswith("│"))
