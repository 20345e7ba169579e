"""The query commands as a user meets them: the timeline's layout at 80 and 160 columns, actor names in any
known spelling, dates checked up front, and every failure a message with its exit code, never a traceback."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from parley.cli import app
from parley.fuse import fuse
from parley.store import Store
from test_store import ARTICLES, DISAGREEING
from test_store_fixtures import meeting_report

runner = CliRunner()

UNDATED = meeting_report("a6", "Путин и Умеров могут встретиться позже. Сроки пока не названы.",
                         "2026-01-25", ["putin", "umerov"], "planned")


def filled(tmp_path, extractions) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    with Store.open(url) as store:
        for extraction in extractions:
            store.save_extraction(extraction)
        fuse(store)
    return url


@pytest.fixture
def db(tmp_path):
    return filled(tmp_path, ARTICLES)


@pytest.fixture
def disputed_db(tmp_path):
    return filled(tmp_path, [*ARTICLES, DISAGREEING, UNDATED])


def run(*args, columns: int = 80):
    return runner.invoke(app, [*args], env={"COLUMNS": str(columns)})


def message(result) -> str:
    """The output with rich's box and line breaks taken out."""
    return re.sub(r"[\s│╭╮╰╯─]+", " ", result.output)


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output


# --- the timeline's layout ------------------------------------------------------------


@pytest.mark.parametrize("columns", [80, 160])
def test_query_cli_timeline_fits_the_width(db, columns):
    result = run("timeline", "--db", db, columns=columns)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= columns
    assert any("Стив Уиткофф, Кирилл Дмитриев" in line for line in lines)  # participants share a line
    assert "indep." not in result.stdout and "conflicts" not in result.stdout
    assert "Undated" not in result.stdout


@pytest.mark.parametrize("args", [["timeline"], ["events"]])
def test_query_cli_timeline_sources_as_counts(db, args):
    lines = run(*args, "--db", db).stdout.splitlines()
    miami = next(line for line in lines if "Майами" in line)
    assert miami.rstrip().endswith("2/2")
    kremlin = next(line for line in lines if "Кремль" in line)
    assert kremlin.rstrip().endswith("1/1")


@pytest.mark.parametrize("columns", [80, 160])
def test_query_cli_timeline_marks_conflicts_and_puts_undated_last(disputed_db, columns):
    result = run("timeline", "--db", disputed_db, columns=columns)
    assert result.exit_code == 0, result.output
    out = result.stdout
    lines = out.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= columns
    miami = next(line for line in lines if "Майами" in line)
    assert "held !" in miami and miami.rstrip().endswith("3/3")
    assert "! 2026-01-20 Майами — date: 2026-01-20 (a2) | 2026-01-22 (a5)" in " ".join(
        line.strip() for line in lines)
    assert out.index("2026-01-22") < out.index("Undated: 1 meetings") < out.index("Владимир Путин, Рустем Умеров")


# --- actor names in any known spelling ------------------------------------------------


@pytest.mark.parametrize("query", ["witkoff", "Уиткофф", "Виткофф", "Стив Виткофф", "Witkoff", "Steve Witkoff",
                                   "Уиткоффа", "ВИТКОФФ"])
def test_query_cli_events_actor_any_spelling(db, query):
    result = run("events", "--json", "--actor", query, "--db", db)
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert len(found) == 3
    assert all("witkoff" in [p["id"] for p in e["participants"]] for e in found)


@pytest.mark.parametrize("query", ["Виткофф", "Witkoff", "Уиткоффа"])
def test_query_cli_timeline_actor_any_spelling(db, query):
    result = run("timeline", "--actor", query, "--db", db)
    assert result.exit_code == 0 and "Timeline: 3 meetings" in result.stdout


@pytest.mark.parametrize("query", ["Виткофф", "Witkoff", "Уиткоффа", "Стив Виткофф"])
def test_query_cli_actor_any_spelling_lists_known_names(db, query):
    result = run("actor", query, "--db", db, columns=160)
    assert result.exit_code == 0, result.output
    assert "Стив Уиткофф (witkoff, USA)" in result.stdout
    assert "also written:" in result.stdout and "Steve Witkoff" in result.stdout
    found = json.loads(run("actor", query, "--json", "--db", db).stdout)
    assert found["id"] == "witkoff" and "Стив Виткофф" in found["known_names"]
    assert not set(found["known_names"]) & set(found["names"])


@pytest.mark.parametrize("query", ["Никто", "Лавров"])  # unknown anywhere; known but never stored
def test_query_cli_actor_unknown(db, query):
    result = run("actor", query, "--db", db)
    assert result.exit_code == 1 and "no actor named" in result.output
    assert json.loads(run("events", "--json", "--actor", query, "--db", db).stdout) == []


# --- dates ----------------------------------------------------------------------------


@pytest.mark.parametrize("option", ["--from", "--to"])
@pytest.mark.parametrize("value", ["garbage", "2025-13-01", "2025-02-30", "2025-00", "2025", "20.01.2026",
                                   "2026-1-5"])
def test_query_cli_bad_date_is_a_usage_error(db, option, value):
    result = run("events", option, value, "--db", db)
    assert result.exit_code == 2
    assert f"Invalid value for '{option}': '{value}'" in message(result)
    assert "YYYY-MM-DD or YYYY-MM" in message(result)
    no_traceback(result)


@pytest.mark.parametrize("args, expected", [
    (["--from", "2026-01"], 2),
    (["--from", "2026-01-21", "--to", "2026-02"], 1),
    (["--to", "2025-12"], 1),
    (["--from", "2025-12-15", "--to", "2025-12-15"], 1),
])
def test_query_cli_good_dates(db, args, expected):
    result = run("events", "--json", *args, "--db", db)
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)) == expected


def test_query_cli_from_after_to(db):
    result = run("events", "--from", "2026-02", "--to", "2026-01", "--db", db)
    assert result.exit_code == 2 and "after" in result.output


# --- failures are messages, never tracebacks ------------------------------------------


@pytest.mark.parametrize("where", ["missing/x.csv", "."])
def test_query_cli_export_unwritable_output(db, tmp_path, where):
    output = tmp_path / where
    result = run("export", "--format", "csv", "-o", str(output), "--db", db)
    assert result.exit_code == 2 and "cannot write" in result.output
    no_traceback(result)
    assert not (tmp_path / "missing").exists()


QUERIES = [["events"], ["timeline"], ["actors"], ["actor", "Уиткофф"], ["search", "переговоры"],
           ["export", "--format", "jsonl", "-o", "OUT"], ["reprocess"]]


@pytest.mark.parametrize("args", QUERIES)
@pytest.mark.parametrize("url", ["not-a-database", "mysql://nowhere/x", "sqlite:///DIR/missing/x.db"])
def test_query_cli_bad_database_exits_3(tmp_path, args, url):
    (tmp_path / "not-a-database").write_text("plain text, not SQLite\n" * 50, encoding="utf-8")
    url = url.replace("not-a-database", f"sqlite:///{tmp_path / 'not-a-database'}").replace("DIR", str(tmp_path))
    args = [a.replace("OUT", str(tmp_path / "out.jsonl")) for a in args]
    result = run(*args, "--db", url)
    assert result.exit_code == 3, result.output
    assert "error" in result.output
    no_traceback(result)


@pytest.mark.parametrize("args", [["actor", ""], ["actor", "  "], ["events", "--actor", ""],
                                  ["timeline", "--actor", "."], ["search", "мир", "--limit", "-1"],
                                  ["events", "--limit", "-1"]])
def test_query_cli_blank_or_negative_is_a_usage_error(db, args):
    result = run(*args, "--db", db)
    assert result.exit_code == 2, result.output
    no_traceback(result)


def test_query_cli_unexpected_error_is_one_line(db, monkeypatch):
    from parley.store import Store as StoreClass

    def broken(self, *args, **kwargs):
        raise KeyError("participants")

    monkeypatch.setattr(StoreClass, "events", broken)
    result = run("timeline", "--db", db)
    assert result.exit_code == 1 and "unexpected KeyError" in result.output
    no_traceback(result)


@pytest.mark.parametrize("args", [["actors"], ["actor", "Уиткофф"], ["search", "переговоры"]])
def test_query_cli_other_tables_fit_80_columns(db, args):
    result = run(*args, "--db", db)
    assert result.exit_code == 0, result.output
    assert max(len(line.rstrip()) for line in result.stdout.splitlines()) <= 80


def test_query_cli_export_says_how_many_meetings_the_file_holds(disputed_db, tmp_path):
    import json

    result = run("export", "--format", "timelinejs", "-o", str(tmp_path / "t.json"), "--db", disputed_db)
    slides = len(json.loads((tmp_path / "t.json").read_text(encoding="utf-8"))["events"])
    assert result.exit_code == 0 and f"wrote {slides} meetings of {slides + 1}" in message(result)
    result = run("export", "--format", "csv", "-o", str(tmp_path / "e.csv"), "--db", disputed_db)
    assert f"wrote {slides + 1} meetings to" in message(result)
