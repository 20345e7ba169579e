"""The lexicon: the shipped languages load, every entry says what it is for, and a bad file is named."""
from __future__ import annotations

import json
import shutil

import pytest

from parley.errors import LexiconError
from parley.lang import HERE, KINDS, ROW_FIELDS, TAGS, languages, lexicon, load
from parley.resolve.kb import knowledge_base


def test_russian_lexicon_loads_every_kind():
    ru = lexicon("ru")
    assert "ru" in languages()
    assert {kind for kind, _ in ru.entries} == set(KINDS)
    assert ru.mapping("meetings", "nouns")["встреча"] == "talks"
    assert "заявить" in ru.words("meetings", "speech_verbs")
    assert ru.sequence("meetings", "stems")[0] == "встреч"


def test_every_entry_says_what_it_is_for():
    for (kind, key), entry in lexicon("ru").entries.items():
        assert len(entry["about"]) > 15, f"{kind}.{key}"


def test_one_row_per_country_with_a_unique_code():
    codes = [row["code"] for row in lexicon("ru").rows("sides", "countries")]
    assert len(codes) == len(set(codes))
    assert {"RUS", "USA", "UKR", "EU"} <= set(codes)


def test_organisations_belong_to_known_sides_and_offices():
    ru = lexicon("ru")
    codes = {row["code"] for row in ru.rows("sides", "countries")}
    offices = {role.office for actor in knowledge_base().actors.values() for role in actor.roles}
    for row in ru.rows("roles", "organisations"):
        assert row["country"] is None or row["country"] in codes, row["name"]
        for office in (row["head_office"], row["spokesman_office"]):
            assert office is None or office in offices, (row["name"], office)
    for row in ru.rows("roles", "offices"):
        assert row["office"] in offices, row


def test_role_words_carry_known_tags():
    ru = lexicon("ru")
    assert "министр" in ru.tagged("roles", "words", "head")
    assert "зять" in ru.tagged("roles", "words", "relational")
    with pytest.raises(LexiconError, match="no tag"):
        ru.tagged("roles", "words", "colour")


def test_a_missing_entry_is_named():
    with pytest.raises(LexiconError, match="meetings.json has no 'words' entry 'nothing'"):
        lexicon("ru").words("meetings", "nothing")


def test_an_unknown_language_is_named():
    with pytest.raises(LexiconError, match="no lexicon for language 'xx'"):
        lexicon("xx")


@pytest.fixture
def copy(tmp_path):
    folder = tmp_path / "zz"
    shutil.copytree(HERE / "ru", folder)
    return folder


def _rewrite(path, change):
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_copy_of_the_russian_lexicon_loads_as_another_language(copy):
    other = load(copy, "zz")
    assert other.words("status", "cancelled") == lexicon("ru").words("status", "cancelled")


@pytest.mark.parametrize("change, message", [
    (lambda d: d["speech_verbs"].pop("about"), "needs an 'about' line"),
    (lambda d: d["speech_verbs"]["words"].append("заявить"), r"repeated word\(s\) \['заявить'\]"),
    (lambda d: d["speech_verbs"]["words"].append(" пробел"), "without surrounding spaces"),
    (lambda d: d["nouns"]["map"].update({"встреча": ["talks"]}), "values must be strings or integers"),
    (lambda d: d["speech_verbs"].update({"map": {}}), "exactly one of words, map, rows"),
    (lambda d: d.update({"patterns": {"about": "records of no known table", "rows": []}}), "no row table"),
    (lambda d: d["nouns"].update({"examples": [{"text": "Встреча прошла."}]}), "says nothing that extraction must find"),
    (lambda d: d["nouns"].update({"examples": [{"text": "Встреча прошла.", "mood": "good"}]}), "unknown field 'mood'"),
    (lambda d: d["nouns"].update({"examples": [{"text": "Встреча прошла.", "meetings": "one"}]}), "'meetings' must be a int"),
    (lambda d: d["nouns"].update({"examples": [{"text": "Встреча прошла.", "title": "глава"}]}), "names its 'person'"),
])
def test_a_malformed_meetings_file_is_named(copy, change, message):
    _rewrite(copy / "meetings.json", change)
    with pytest.raises(LexiconError, match=message) as error:
        load(copy, "zz")
    assert "meetings.json" in str(error.value)


def test_a_country_row_without_a_code_is_named(copy):
    _rewrite(copy / "sides.json", lambda d: d["countries"]["rows"].append({"display": "Нигде"}))
    with pytest.raises(LexiconError, match=r"sides.json: entry 'countries' row \d+: needs 'code'"):
        load(copy, "zz")


def test_an_unknown_tag_is_named(copy):
    _rewrite(copy / "roles.json", lambda d: d["words"]["map"].update({"министр": "head colour"}))
    with pytest.raises(LexiconError, match=r"'министр' has unknown tag\(s\) \['colour'\]"):
        load(copy, "zz")


def test_a_missing_kind_and_broken_json_are_named(copy):
    (copy / "dates.json").write_text("{", encoding="utf-8")
    with pytest.raises(LexiconError, match="dates.json: not valid JSON"):
        load(copy, "zz")
    (copy / "dates.json").unlink()
    with pytest.raises(LexiconError, match="dates.json: missing"):
        load(copy, "zz")


def test_row_tables_and_tags_are_documented():
    text = (HERE.parents[2] / "docs" / "lexicon.md").read_text(encoding="utf-8")
    for kind, key in ROW_FIELDS:
        assert f"{kind}.{key}" in text
    for tags in TAGS.values():
        for tag in tags:
            assert f"`{tag}`" in text, tag
