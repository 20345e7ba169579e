"""``parley assessments`` and ``parley events --topic`` as a user meets them: the table fits 80 columns,
--json carries every field, filters narrow, and bad input is a usage error."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from parley.cli import app
from test_query_cli import filled, no_traceback
from test_store_assessments import ARTICLES

runner = CliRunner()


@pytest.fixture
def db(tmp_path):
    return filled(tmp_path, ARTICLES)


def run(*args, columns: int = 80):
    return runner.invoke(app, [*args], env={"COLUMNS": str(columns)})


@pytest.mark.parametrize("columns", [80, 160])
def test_assessments_table_fits_the_width(db, columns):
    result = run("assessments", "--db", db, columns=columns)
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= columns
    header = next(line for line in lines if line.startswith("date"))
    assert header.split() == ["date", "meeting", "judge", "tone", "evidence"]
    assert lines[0].startswith("5 judgements")
    assert any("«не дала результатов»" in line for line in lines)


def test_assessments_by_side_from_a_month(db):
    result = run("assessments", "--side", "rus", "--from", "2026-01", "--json", "--db", db)
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [(r["date"], r["by_id"], r["side"], r["tone"]) for r in rows] == [
        ("2026-01-20", "dmitriev", "RUS", "positive"), ("2026-01-20", "dmitriev", "RUS", "negative")]
    assert rows[1]["sentence"]["text"] == "По словам Дмитриева, встреча не дала результатов."
    assert rows[1]["evidence"]["text"] == "не дала результатов" and rows[1]["doc_id"] == "b2"


@pytest.mark.parametrize("args, judges", [
    (["--side", "UKR"], ["Умеров"]),
    (["--tone", "negative"], ["Песков", "Дмитриев"]),
    (["--topic", "security_guarantees"], ["Умеров", "Песков"]),
    (["--to", "2025-12"], ["Умеров", "Песков"]),
    (["--judge", "Уиткофф"], ["Уиткофф"]),
    (["--limit", "1"], ["Умеров"]),
])
def test_assessments_filters(db, args, judges):
    result = run("assessments", *args, "--db", db, columns=120)
    assert result.exit_code == 0, result.output
    rows = [line for line in result.stdout.splitlines() if line[:4].isdigit()]
    assert len(rows) == len(judges)
    for row, judge in zip(rows, judges):
        assert judge in row


def test_assessments_limit_says_how_many_in_all(db):
    result = run("assessments", "--limit", "2", "--db", db)
    assert result.stdout.splitlines()[0].startswith("5 judgements, the first 2 shown")


@pytest.mark.parametrize("args, wrong", [
    (["--side", "R-1"], "is not a side"), (["--tone", "warm"], "--tone"), (["--topic", "war"], "--topic"),
    (["--from", "2026-13"], "no real date"), (["--from", "2026-02", "--to", "2026-01"], "is after"),
])
def test_assessments_bad_input_is_a_usage_error(db, args, wrong):
    result = run("assessments", *args, "--db", db, columns=200)
    no_traceback(result)
    assert result.exit_code == 2 and wrong in result.output


@pytest.mark.parametrize("topic, places", [("territory", ["Майами"]), ("security_guarantees", ["Берлин"]),
                                           ("summit", [])])
def test_events_by_topic(db, topic, places):
    result = run("events", "--topic", topic, "--json", "--db", db)
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert [e["place"] for e in events] == places
    assert all(topic in e["topics"] for e in events)


def test_events_unknown_topic_is_a_usage_error(db):
    result = run("events", "--topic", "weather", "--db", db, columns=200)
    no_traceback(result)
    assert result.exit_code == 2 and "territory" in result.output


def test_assessments_meeting_names_at_most_three():
    from parley.cli.assessments_cmd import meeting_label

    people = [{"name": n} for n in ("Владимир Путин", "Дональд Трамп", "Сергей Лавров", "Юрий Ушаков", "США")]
    assert meeting_label({"participants": people, "place": "Анкоридж"}) == "Путин, Трамп, Лавров +2 · Анкоридж"
    assert meeting_label({"participants": [], "place": None}) == "—"
