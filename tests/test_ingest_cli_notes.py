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
