"""`parley ingest` and `parley ledger` through the real command line, the store and the pipeline."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from parley.cli import app

KREMLIN = ("Путин и Уиткофф провели переговоры в Кремле\n"
           "Во вторник Владимир Путин встретился в Кремле с американским спецпосланником Стивом Уиткоффом. "
           "Встреча продолжалась около пяти часов, сообщил помощник президента Юрий Ушаков.")
ISTANBUL = ("Делегации России и Украины встретились в Стамбуле\n"
            "Владимир Мединский и Рустем Умеров в понедельник провели в Стамбуле второй раунд переговоров. "
            "Стороны обменялись меморандумами и договорились о новом обмене пленными.")
GENEVA = (" date 2025-11-24\nРубио провел переговоры с украинской делегацией в Женеве\n"
          "Госсекретарь США Марко Рубио в воскресенье встретился в Женеве с Андреем Ермаком. "
          "«Это был очень продуктивный день», — сказал Рубио журналистам.")
ABU_DHABI = ("Уиткофф и Кушнер прилетели в Абу-Даби\n"
             "Спецпосланник Стив Уиткофф и Джаред Кушнер в пятницу начали в Абу-Даби переговоры с делегациями России "
             "и Украины. Встречи пройдут за закрытыми дверями.")
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>Переговоры в Абу-Даби</title>
<meta property="article:published_time" content="2026-01-23T18:00:00+04:00"></head>
<body><nav><a href="/">НОВОСТИ</a> <a href="/p">ПОЛИТИКА</a></nav>
<article><h1>Уиткофф и Кушнер прилетели в Абу-Даби</h1><p>{ABU_DHABI.split(chr(10))[1]}</p></article>
<footer>© Вестник. Все права защищены.</footer></body></html>"""


@pytest.fixture(scope="module")
def runner():
    return CliRunner()


def invoke(runner, *args):
    return runner.invoke(app, list(args), catch_exceptions=False)


def ledger_rows(runner, db):
    result = invoke(runner, "ledger", "--db", db, "--json")
    assert result.exit_code == 0
    return {Path(row["source"]).name: row for row in json.loads(result.stdout)}


def make_acceptance_folder(root: Path) -> Path:
    folder = root / "inputs"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "cp1251.txt").write_bytes(KREMLIN.encode("cp1251"))
    (folder / "koi8.txt").write_bytes(ISTANBUL.encode("koi8_r"))
    (folder / "ukrainian.txt").write_text("Умєров заявив, що переговори в Женеві були складними, але корисними. "
                                          "Наступна зустріч делегацій відбудеться вже за тиждень.", encoding="utf-8")
    (folder / "english.txt").write_text("Witkoff and Kushner met Putin in the Kremlin on Tuesday. "
                                        "The talks lasted about five hours, an aide said.", encoding="utf-8")
    (folder / "page.html").write_text(PAGE, encoding="utf-8")
    lines = [json.dumps({"doc_id": "geneva", "text": GENEVA, "meetings": ["never read"]}, ensure_ascii=False),
             '{"doc_id": "broken", "text": "нет закрывающей кавычки}',
             json.dumps({"doc_id": "kremlin-copy", "text": KREMLIN.replace("\n", "\n\n")}, ensure_ascii=False)]
    (folder / "news.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    with (folder / "huge.txt").open("wb") as handle:  # 50 MB, over the 20 MB default limit
        handle.write(KREMLIN.encode() * (50_000_000 // len(KREMLIN.encode()) + 1))
    (root / "outside.txt").write_text(KREMLIN, encoding="utf-8")
    os.symlink(root / "outside.txt", folder / "link-out.txt")
    return folder


def test_ingest_cli_accounts_for_every_input(runner, tmp_path, models):
    folder = make_acceptance_folder(tmp_path)
    db = f"sqlite:///{tmp_path / 'parley.db'}"
    result = invoke(runner, "ingest", str(folder), "--db", db)
    assert result.exit_code == 1, result.output  # the broken JSONL line failed
    assert "Traceback" not in result.output
    rows = ledger_rows(runner, db)
    expected = {
        "empty.txt": ("skipped", "empty file"),
        "image.png": ("skipped", "binary file (PNG image)"),
        "cp1251.txt": ("processed", ""),
        "koi8.txt": ("processed", ""),
        "ukrainian.txt": ("processed", ""),
        "english.txt": ("skipped", "language en"),
        "page.html": ("processed", ""),
        "news.jsonl:1": ("processed", ""),
        "news.jsonl:2": ("failed", "line 2: broken JSON"),
        "news.jsonl:3": ("skipped", "duplicate of"),
        "huge.txt": ("skipped", "too large"),
        "link-out.txt": ("skipped", "outside the input folder"),
    }
    assert set(rows) == set(expected)
    for name, (status, reason) in expected.items():
        assert rows[name]["status"] == status, (name, rows[name])
        assert reason in rows[name]["reason"], (name, rows[name])
        assert (rows[name]["reason"] == "") == (status == "processed")
    assert rows["news.jsonl:3"]["reason"] == f"duplicate of {rows['cp1251.txt']['doc_id']}"
    assert {name: rows[name]["lang"] for name in ("cp1251.txt", "ukrainian.txt", "english.txt", "news.jsonl:3")} == \
        {"cp1251.txt": "ru", "ukrainian.txt": "uk", "english.txt": "en", "news.jsonl:3": "ru"}

    again = invoke(runner, "ingest", str(folder), "--db", db)
    assert again.exit_code == 1
    assert "new documents 0" in again.stderr
    assert ledger_rows(runner, db) == rows


def test_ingest_cli_ledger_table(runner, tmp_path, models):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(KREMLIN, encoding="utf-8")
    (folder / "b.txt").write_bytes(b"")
    db = f"sqlite:///{tmp_path / 'p.db'}"
    assert invoke(runner, "ingest", str(folder), "--db", db).exit_code == 0  # skips are fine
    table = invoke(runner, "ledger", "--db", db)
    assert table.exit_code == 0 and "empty file" in table.stdout and "processed" in table.stdout
    only = json.loads(invoke(runner, "ledger", "--db", db, "--json", "--status", "skipped").stdout)
    assert [row["status"] for row in only] == ["skipped"]
    assert set(only[0]) == {"source", "status", "reason", "doc_id", "lang"}


@pytest.mark.parametrize(("args", "code", "message"), [
    (["ingest", "no/such/folder"], 2, "no such file or folder"),
    (["ingest"], 2, "Missing argument"),
    (["ingest", ".", "--db", "nosuchdriver://x"], 3, "database error"),
    (["ledger", "--db", "sqlite:////no/such/dir/parley.db"], 3, "database error"),
])
def test_ingest_cli_exit_codes(runner, tmp_path, args, code, message):
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output
