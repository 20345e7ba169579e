"""The curated knowledge base: it loads, it covers the talks, and a bad line is named."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from parley.errors import KnowledgeBaseError
from parley.resolve.kb import DATA, build, knowledge_base, load_entries


def test_kb_loads_the_shipped_file():
    kb = knowledge_base()
    persons = [a for a in kb.actors.values() if a.kind == "person"]
    assert len(persons) >= 60
    for needed in ("trump", "witkoff", "putin", "zelensky", "umerov", "erdogan", "USA", "RUS", "UKR", "EU", "NATO", "UN"):
        assert needed in kb.actors


TALKS = """trump vance rubio witkoff kushner bessent driscoll gruenbaum kellogg waltz putin lavrov peskov ushakov
dmitriev medinsky kostyukov zelensky yermak umerov budanov sybiha kyslytsya hnatov arakhamia erdogan fidan mbs
al_nahyan abdullah_bin_zayed macron merz starmer meloni stubb rutte von_der_leyen kallas costa guterres orban
lukashenko kadyrov USA RUS UKR EU NATO UN TUR SAU ARE QAT""".split()


@pytest.mark.parametrize("actor_id", TALKS)
def test_kb_covers_the_actors_of_the_talks(actor_id):
    entry = knowledge_base().actors[actor_id]
    assert entry.names and entry.country
    if entry.kind == "person":
        assert entry.roles, f"{actor_id} has no dated role"


@pytest.mark.parametrize("office, of, day, expected", [
    ("head_of_state", "USA", dt.date(2025, 11, 30), "trump"),
    ("head_of_state", "USA", dt.date(2023, 6, 1), "biden"),
    ("head_of_state", "RUS", dt.date(2026, 1, 15), "putin"),
    ("head_of_state", "RUS", dt.date(2010, 1, 15), "medvedev"),
    ("head_of_state", "UKR", dt.date(2025, 12, 1), "zelensky"),
    ("head_of_office", "UKR", dt.date(2025, 10, 1), "yermak"),
    ("head_of_office", "UKR", dt.date(2026, 2, 1), "budanov"),
    ("foreign_minister", "USA", None, "rubio"),
])
def test_kb_role_holder_by_date(office, of, day, expected):
    assert knowledge_base().holder(office, of, day).id == expected


GOOD = {"id": "doe", "kind": "person", "country": "USA", "ru": ["Джон Доу"]}


@pytest.mark.parametrize("bad_line, message", [
    ("{not json", "not valid JSON"),
    (json.dumps({**GOOD, "kind": "robot"}), "'kind'"),
    (json.dumps({**GOOD, "ru": []}), "Russian name"),
    (json.dumps({**GOOD, "id": ""}), "'id'"),
    (json.dumps({**GOOD, "nickname": "J"}), "unknown field"),
    (json.dumps({**GOOD, "roles": [{"title": "посол", "office": "ambassador", "of": "USA", "from": "2025-13-01", "to": None}]}), "'from'"),
    (json.dumps({**GOOD, "roles": [{"title": "посол", "office": "ambassador", "of": "USA", "from": "2025-02-01", "to": "2024-01-01"}]}), "before"),
    (json.dumps(GOOD), "duplicate id"),
])
def test_kb_malformed_entry_names_file_and_line(tmp_path, bad_line, message):
    path = tmp_path / "actors.jsonl"
    path.write_text(json.dumps(GOOD, ensure_ascii=False) + "\n\n" + bad_line + "\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as error:
        load_entries(path)
    assert f"{path}:3" in str(error.value)
    assert message in str(error.value)


def test_kb_surnames_of_different_people_stay_separate_entries():
    kb = build(load_entries(DATA))
    # Дональд Трамп and Дональд Туск share a first name, not a surname
    assert kb.by_surname["трамп"] == ("trump",)
    assert kb.by_surname["туск"] == ("tusk",)
