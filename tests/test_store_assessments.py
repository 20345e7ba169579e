"""Topics and assessments in the record, on SQLite and PostgreSQL: stored per article, fused per event
(the union of topics, every judgement, a judge's differing tones as a conflict), and queried."""
from __future__ import annotations

import dataclasses

import pytest

from parley.fuse import fuse
from parley.records import Actor
from parley.store import Store
from test_store_fixtures import BACKENDS, fresh_url, meeting_report, with_talk

MIAMI_1 = with_talk(
    meeting_report("b1", "Уиткофф и Дмитриев провели встречу в Майами. Дмитриев назвал переговоры "
                   "конструктивными. Обсуждались санкции и территориальный вопрос.",
                   "2026-01-20", ["witkoff", "dmitriev"], "held", "2026-01-20", "Майами"),
    topics=(("economy", "санкции"), ("territory", "территориальный вопрос")),
    assessments=(("dmitriev", "positive", "конструктивными"),))
MIAMI_2 = with_talk(
    meeting_report("b2", "Уиткофф и Дмитриев встретились в Майами 20 января. По словам Дмитриева, встреча "
                   "не дала результатов. Уиткофф назвал беседу полезной. Речь шла о прекращении огня.",
                   "2026-01-21", ["witkoff", "dmitriev"], "held", "2026-01-20", "Майами"),
    topics=(("ceasefire", "прекращении огня"), ("territory", "Майами")),
    assessments=(("dmitriev", "negative", "не дала результатов"), ("witkoff", "positive", "полезной")))
BERLIN = with_talk(
    meeting_report("b3", "Умеров и Уиткофф провели переговоры в Берлине. Умеров назвал их трудными, но "
                   "продуктивными. В Кремле заявили, что встреча в Берлине бесполезна. Говорили о гарантиях "
                   "безопасности.",
                   "2025-12-15", ["umerov", "witkoff"], "held", "2025-12-15", "Берлин"),
    topics=(("security_guarantees", "гарантиях безопасности"),),
    assessments=(("umerov", "mixed", "трудными, но продуктивными"), ("peskov", "negative", "бесполезна")))
ARTICLES = [MIAMI_1, MIAMI_2, BERLIN]


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with Store.open(fresh_url(request.param, tmp_path)) as opened:
        yield opened


@pytest.fixture
def filled(store):
    for extraction in ARTICLES:
        store.save_extraction(extraction)
    fuse(store)
    return store


def miami(store) -> dict:
    return next(e for e in store.events() if e["place"] == "Майами")


def test_store_topics_and_assessments_round_trip(store):
    for extraction in ARTICLES:
        store.save_extraction(extraction)
    assert list(store.extractions()) == sorted(ARTICLES, key=lambda x: x.document.doc_id)


def test_store_event_keeps_the_union_of_topics_with_their_sources(filled):
    event = miami(filled)
    assert event["topics"] == ["territory", "ceasefire", "economy"]  # the vocabulary's order
    sources = {(s["topic"], s["doc_id"], s["evidence"]["text"]) for s in event["topic_sources"]}
    assert sources == {("economy", "b1", "санкции"), ("territory", "b1", "территориальный вопрос"),
                       ("ceasefire", "b2", "прекращении огня"), ("territory", "b2", "Майами")}


def test_store_event_keeps_every_judgement_with_its_sentence(filled):
    judged = miami(filled)["assessments"]
    assert [(a["by_id"], a["side"], a["tone"], a["doc_id"]) for a in judged] == [
        ("dmitriev", "RUS", "positive", "b1"), ("dmitriev", "RUS", "negative", "b2"),
        ("witkoff", "USA", "positive", "b2")]
    first = judged[0]
    assert first["by"] == "Кирилл Дмитриев" and first["published"] == "2026-01-20"
    assert first["evidence"]["text"] == "конструктивными"
    assert first["sentence"]["text"] == "Дмитриев назвал переговоры конструктивными."
    text = MIAMI_1.document.text
    assert text[first["sentence"]["start"]:first["sentence"]["end"]] == first["sentence"]["text"]
    assert text[first["evidence"]["start"]:first["evidence"]["end"]] == "конструктивными"


def test_store_one_judges_differing_tones_are_a_conflict(filled):
    conflicts = miami(filled)["conflicts"]
    assert conflicts == [{"field": "tone", "values": [
        {"value": "Кирилл Дмитриев: negative", "doc_ids": ["b2"]},
        {"value": "Кирилл Дмитриев: positive", "doc_ids": ["b1"]}]}]
    berlin = next(e for e in filled.events() if e["place"] == "Берлин")
    assert berlin["conflicts"] == []  # two judges, one tone each


def test_store_a_judge_not_at_the_table_is_kept_with_their_side(filled):
    berlin = next(e for e in filled.events() if e["place"] == "Берлин")
    assert [(a["by"], a["side"], a["tone"]) for a in berlin["assessments"]] == [
        ("Рустем Умеров", "UKR", "mixed"), ("Дмитрий Песков", "RUS", "negative")]
    assert "peskov" not in {p["id"] for p in berlin["participants"]}


@pytest.mark.parametrize("topic, places", [("territory", ["Майами"]), ("security_guarantees", ["Берлин"]),
                                           ("humanitarian", [])])
def test_store_events_by_topic(filled, topic, places):
    assert [e["place"] for e in filled.events(topic=topic)] == places
    assert filled.count_events(topic=topic) == len(places)


@pytest.mark.parametrize("filters, expected", [
    ({}, ["umerov", "peskov", "dmitriev", "dmitriev", "witkoff"]),
    ({"side": "RUS"}, ["peskov", "dmitriev", "dmitriev"]),
    ({"side": "RUS", "date_from": "2026-01-01"}, ["dmitriev", "dmitriev"]),
    ({"date_to": "2025-12-31"}, ["umerov", "peskov"]),
    ({"tone": "negative"}, ["peskov", "dmitriev"]),
    ({"topic": "ceasefire"}, ["dmitriev", "dmitriev", "witkoff"]),
    ({"judge": "Кирилл Дмитриев"}, ["dmitriev", "dmitriev"]),
    ({"side": "EU"}, []),
])
def test_store_assessments_query(filled, filters, expected):
    total, items = filled.assessments(**filters)
    assert [a["by_id"] for a in items] == expected and total == len(expected)


def test_store_assessments_rows_read_on_their_own_and_page(filled):
    total, items = filled.assessments(side="RUS", limit=1, offset=1)
    assert total == 3 and len(items) == 1
    row = items[0]
    assert (row["date"], row["place"], row["status"], row["tone"]) == ("2026-01-20", "Майами", "held", "positive")
    assert [p["id"] for p in row["participants"]] == ["witkoff", "dmitriev"]
    assert row["topics"] == ["territory", "ceasefire", "economy"]
    assert row["url"] == "https://news.example/b1"


def test_store_changed_tone_is_followed_by_an_update(filled):
    agreeing = with_talk(dataclasses.replace(MIAMI_2, meetings=(dataclasses.replace(
        MIAMI_2.meetings[0], topics=(), assessments=()),)), assessments=(("dmitriev", "positive", "полезной"),))
    filled.save_extraction(agreeing)
    report = fuse(filled)
    assert not report.full
    event = miami(filled)
    assert event["conflicts"] == [] and event["topics"] == ["territory", "economy"]
    updated = filled.events()
    fuse(filled, full=True)
    assert filled.events() == updated


def _judged_by(extraction, judge: Actor):
    meeting = extraction.meetings[0]
    return dataclasses.replace(extraction, meetings=(dataclasses.replace(meeting, assessments=(
        dataclasses.replace(meeting.assessments[0], judge=judge),)),))


def test_store_a_judges_new_name_reaches_the_events_on_update(filled):
    """A later article gives a judge the knowledge base does not know a fuller name: every block
    citing the judge follows. (The knowledge base's own actors keep its names, whatever the order.)"""
    berlin_too = with_talk(
        meeting_report("b5", "Умеров и Уиткофф провели переговоры в Берлине. Петров назвал встречу полезной.",
                       "2025-12-16", ["umerov", "witkoff"], "held", "2025-12-15", "Берлин"),
        assessments=(("peskov", "positive", "полезной"),))
    filled.save_extraction(_judged_by(berlin_too, Actor("xx-petrov", "Петров", "person", "RUS")))
    fuse(filled)
    later = with_talk(
        meeting_report("b4", "Путин и Уиткофф встретились в Кремле. Иван Петров назвал встречу полезной.",
                       "2026-03-01", ["putin", "witkoff"], "held", "2026-03-01", "Кремль"),
        assessments=(("peskov", "positive", "полезной"),))
    filled.save_extraction(_judged_by(later, Actor("xx-petrov", "Иван Петров", "person", "RUS")))
    report = fuse(filled)
    assert not report.full
    berlin = next(e for e in filled.events() if e["place"] == "Берлин")
    assert "Иван Петров" in {a["by"] for a in berlin["assessments"]}  # the Berlin block was regrouped
    updated = filled.events()
    fuse(filled, full=True)
    assert filled.events() == updated


def test_store_reextracted_without_judgements_drops_them(filled):
    filled.save_extraction(dataclasses.replace(BERLIN, meetings=(dataclasses.replace(
        BERLIN.meetings[0], topics=(), assessments=()),)))
    fuse(filled)
    berlin = next(e for e in filled.events() if e["place"] == "Берлин")
    assert berlin["topics"] == [] and berlin["assessments"] == [] and berlin["topic_sources"] == []
    assert filled.assessments(side="UKR") == (0, [])


def test_store_migration_adds_and_removes_the_tables(tmp_path):
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine, inspect

    from parley.store.engine import MIGRATIONS

    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")
    assert "meeting_assessments" not in inspect(engine).get_table_names()
    with Store.open(url) as store:  # an older database is brought up to date on open
        store.save_extraction(BERLIN)
        fuse(store)
        assert store.assessments(side="UKR")[0] == 1
    wanted = {"meeting_topics", "meeting_assessments", "event_topics", "event_assessments"}
    assert wanted <= set(inspect(engine).get_table_names())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    assert not wanted & set(inspect(engine).get_table_names())
    engine.dispose()


def test_store_batch_rows_carry_topics_and_assessments(store):
    """What ``parley batch`` writes and ``parley load`` reads back stores the same judgements."""
    from parley.batch.rows import extraction_row, row_extraction

    for extraction in ARTICLES:
        store.save_extraction(row_extraction(extraction_row(extraction)))
    fuse(store)
    assert store.assessments()[0] == 5 and miami(store)["topics"] == ["territory", "ceasefire", "economy"]
