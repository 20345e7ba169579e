"""Incremental fusion: an update regroups only the blocks that new articles fall in, and the record it
leaves is the one a full rebuild makes, whatever order the articles come in."""
from __future__ import annotations

import dataclasses
import datetime as dt
import tempfile

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from parley.fuse import fuse, fuse_reports
from parley.fuse.blocks import Index, blocks, spans
from parley.records import Actor
from parley.store import Store
from parley.store import schema as t
from test_fuse import REPORTS, report
from test_store_fixtures import ACTORS, BACKENDS, fresh_url, meeting_report, with_talk

# (doc, published, participants, status, date, place): three weeks of January talks, a round in March
ROWS = [
    ("jan1", "2026-01-10", "witkoff dmitriev", "planned", "2026-01-20", "Майами"),
    ("jan2", "2026-01-20", "witkoff dmitriev", "held", "2026-01-20", "Майами"),
    ("jan3", "2026-01-21", "witkoff kushner dmitriev", "held", "2026-01-20", None),
    ("jan4", "2026-01-21", "witkoff dmitriev", "held", None, "Майами"),
    ("jan5", "2026-01-23", "putin witkoff kushner", "held", "2026-01-22", "Кремль"),
    ("jan6", "2026-01-24", "putin witkoff", "held", None, None),
    ("jan7", "2026-01-22", "witkoff dmitriev", "held", "2026-01-22", "Майами"),
    ("mar1", "2026-03-02", "umerov witkoff", "planned", None, "Берлин"),
    ("mar2", "2026-03-05", "umerov witkoff", "held", "2026-03-05", "Берлин"),
    ("mar3", "2026-03-06", "umerov witkoff kushner", "held", None, "Берлин"),
    ("mar4", "2026-03-12", "umerov witkoff", "cancelled", None, None),
]
# What some reports say the meeting dealt with, and how a judge saw it: one judge's tones differ in January
TALK = {"jan2": ("territory", "positive"), "jan3": ("economy", "negative"), "jan4": (None, "positive"),
        "jan7": ("territory", None), "mar2": ("ceasefire", "mixed"), "mar3": ("ceasefire", "positive")}
TOPIC_WORDS = {"territory": "линии соприкосновения", "economy": "санкциях", "ceasefire": "перемирии"}
TONE_WORDS = {"positive": "полезной", "negative": "бесполезной", "mixed": "трудной, но нужной"}


def article(doc, published, who, status, date, place):
    people = who.split()
    names = " и ".join(ACTORS[p].name.split()[-1] for p in people)
    verb = {"planned": "встретятся", "held": "встретились", "cancelled": "не встретятся"}[status]
    text = f"{names} {verb}{' в ' + place if place else ''}. Подробности стороны не раскрывают."
    topic, tone = TALK.get(doc, (None, None))
    if topic:
        text += f" Говорили о {TOPIC_WORDS[topic]}."
    if tone:
        text += f" Дмитриев назвал встречу {TONE_WORDS[tone]}."
    return with_talk(meeting_report(doc, text, published, people, status, date, place),
                     topics=((topic, TOPIC_WORDS[topic]),) if topic else (),
                     assessments=(("dmitriev", tone, TONE_WORDS[tone]),) if tone else ())


ARTICLES = [article(*row) for row in ROWS]


def record(store) -> tuple[list[dict], list[tuple]]:
    with store.engine.connect() as conn:
        blocks_by_event = sorted(tuple(row) for row in conn.execute(select(t.events.c.id, t.events.c.block)))
    return store.events(), blocks_by_event


def rebuilt(store) -> tuple[list[dict], list[tuple]]:
    fuse(store, full=True)
    return record(store)


@pytest.fixture(params=BACKENDS)
def store(request, tmp_path):
    with Store.open(fresh_url(request.param, tmp_path)) as opened:
        yield opened


def test_fuse_incremental_in_batches_equals_rebuild(store):
    for batch in (ARTICLES[:3], ARTICLES[3:8], ARTICLES[8:]):
        for extraction in batch:
            store.save_extraction(extraction)
        report = fuse(store)
    assert not report.full
    assert record(store) == rebuilt(store)


def test_fuse_incremental_touches_only_the_blocks_of_new_articles(store):
    for extraction in ARTICLES[:8]:
        store.save_extraction(extraction)
    assert fuse(store).full  # the first fusion of a store builds everything
    store.save_extraction(ARTICLES[8])  # the Berlin round: only the Berlin plan is near it
    report = fuse(store)
    assert not report.full and report.regrouped == 2
    assert fuse(store).regrouped == 0  # nothing changed since
    assert record(store) == rebuilt(store)


@pytest.mark.parametrize("change", ["date", "published", "dropped", "actor side"])
def test_fuse_incremental_follows_changed_facts(store, change):
    for extraction in ARTICLES:
        store.save_extraction(extraction)
    fuse(store)
    if change == "date":  # re-extracted: the round moves to the other Miami meeting's day
        store.save_extraction(article("jan2", "2026-01-20", "witkoff dmitriev", "held", "2026-01-22", "Майами"))
    elif change == "published":
        store.save_document(dataclasses.replace(ARTICLES[5].document, published=ARTICLES[1].document.published))
    elif change == "dropped":  # re-extracted: no meeting found any more
        store.save_extraction(dataclasses.replace(ARTICLES[6], meetings=()))
    else:  # a later article tells Умеров's side differently: every report of him reads differently
        later = article("apr1", "2026-04-01", "umerov witkoff", "held", "2026-04-01", "Берлин")
        umerov = Actor("umerov", "Рустем Умеров", "person", "EU")
        meeting = dataclasses.replace(later.meetings[0], participants=(umerov, ACTORS["witkoff"]))
        store.save_extraction(dataclasses.replace(later, meetings=(meeting,), actors=()))
    report = fuse(store)
    assert not report.full and 0 < report.regrouped < len(ARTICLES) + 1
    assert record(store) == rebuilt(store)


@settings(max_examples=15, deadline=None)
@given(st.permutations(range(len(ARTICLES))), st.lists(st.integers(1, len(ARTICLES) - 1), max_size=3))
def test_fuse_incremental_any_order_equals_rebuild(order, cuts):
    """Articles arriving in any order, fused after any batches: the record is the full rebuild's."""
    with tempfile.TemporaryDirectory() as folder, Store.open(f"sqlite:///{folder}/r.db") as store:
        bounds = [0, *sorted(set(cuts)), len(order)]
        for start, stop in zip(bounds, bounds[1:]):
            for i in order[start:stop]:
                store.save_extraction(ARTICLES[i])
            fuse(store)
        assert record(store) == rebuilt(store)


@settings(max_examples=80, deadline=None)
@given(REPORTS)
def test_fuse_blocks_grouped_alone_give_the_same_events(reports):
    """The property incremental fusion rests on: grouping each block alone changes no event."""
    whole = fuse_reports(reports)
    block_of = blocks(reports)
    alone = []
    for block in set(block_of.values()):
        alone += fuse_reports([r for r in reports if block_of[r.meeting_id] == block])
    assert sorted(alone, key=lambda e: e.id) == sorted(whole, key=lambda e: e.id)
    for event in whole:  # an event never spans two blocks
        assert len({block_of[s.report.meeting_id] for s in event.sources}) == 1


def test_fuse_events_without_blocks_are_rebuilt(tmp_path):
    """Events fused before blocks were recorded (an older database): the next fusion rebuilds them all."""
    from sqlalchemy import update

    with Store.open(f"sqlite:///{tmp_path / 'old.db'}") as store:
        for extraction in ARTICLES:
            store.save_extraction(extraction)
        fuse(store)
        with store.engine.begin() as conn:
            conn.execute(update(t.events).values(block=None))
        assert fuse(store).full
        assert record(store) == rebuilt(store)


def _stored_within(report, spans) -> bool:
    """What ``Store.reports(spans=…)`` selects, in Python: dated (a month from the span's first) or
    published within a span, or published on no known day."""
    if report.published is None:
        return True
    return any(low.isoformat()[:7] <= (report.date or "") <= high.isoformat() or low <= report.published <= high
               for low, high in spans)


SPREAD = st.lists(st.builds(
    lambda doc, day, published_after, who, status, dated, monthly, place: report(
        f"s{doc}", (dt.date(2025, 11, 1) + dt.timedelta(days=day + published_after)).isoformat(), who, status,
        (dt.date(2025, 11, 1) + dt.timedelta(days=day)).isoformat()[:7 if monthly else 10] if dated else None,
        place),
    doc=st.integers(0, 30), day=st.integers(0, 90), published_after=st.integers(-20, 5),
    who=st.sampled_from(["witkoff dmitriev", "witkoff kushner dmitriev", "USA UKR RUS", "umerov witkoff",
                         "putin witkoff"]),
    status=st.sampled_from(["held", "planned", "cancelled"]), dated=st.booleans(), monthly=st.booleans(),
    place=st.sampled_from([None, "Майами", "Женева", "Кремль"])), max_size=30)


@settings(max_examples=100, deadline=None)
@given(SPREAD, st.integers(0, 30))
def test_fuse_update_finds_every_block_a_new_report_joins(reports, cut):
    """Old blocks reached through the new reports' direct links, among the reports read by their reach,
    hold every old report that shares a block with a new one once all are linked."""
    old, new = reports[:cut], reports[cut:]
    everything_old = Index(old)
    for seed in new:  # every report a new one links to is dated (or, undated, published) within its reach
        (low, high), = spans([seed])
        for number in everything_old.linked(seed):
            other = everything_old.reports[number]
            day = dt.date.fromisoformat(other.date) if other.date and len(other.date) == 10 else None
            month = other.date if other.date and len(other.date) == 7 else None
            assert (low <= day <= high if day else low <= other.published <= high
                    or (month and low.isoformat()[:7] <= month <= high.isoformat()[:7]))
    old_block = blocks(old)
    reach_read = [r for r in old if _stored_within(r, spans(new))]
    index = Index(reach_read)
    touched = {old_block[n] for seed in new for n in index.linked(seed)}
    after = blocks(reports)
    joined = {after[r.meeting_id] for r in new}
    assert {r.meeting_id for r in old if after[r.meeting_id] in joined} <= {
        r.meeting_id for r in old if old_block[r.meeting_id] in touched}


def test_fuse_a_large_batch_is_rebuilt(tmp_path, monkeypatch):
    import parley.fuse

    monkeypatch.setattr(parley.fuse, "MOST_CHANGES", 3)
    with Store.open(f"sqlite:///{tmp_path / 'big.db'}") as store:
        store.save_extraction(ARTICLES[0])
        assert fuse(store).full
        for extraction in ARTICLES[1:3]:
            store.save_extraction(extraction)
        assert not fuse(store).full
        for extraction in ARTICLES[3:]:
            store.save_extraction(extraction)
        assert fuse(store).full
        assert record(store) == rebuilt(store)
