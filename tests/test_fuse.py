"""Fusion: reports of one meeting become one event with every source, its status history and conflicts."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.fuse import fuse_reports
from parley.fuse.match import places_agree, same_meeting
from parley.fuse.provenance import near_copies, simhash, wire_agency
from parley.fuse.records import Participant, Report

PEOPLE = {
    "witkoff": Participant("witkoff", "Стив Уиткофф", "USA"),
    "kushner": Participant("kushner", "Джаред Кушнер", "USA"),
    "dmitriev": Participant("dmitriev", "Кирилл Дмитриев", "RUS"),
    "putin": Participant("putin", "Владимир Путин", "RUS"),
    "trump": Participant("trump", "Дональд Трамп", "USA"),
    "umerov": Participant("umerov", "Рустем Умеров", "UKR"),
    "USA": Participant("USA", "США", "USA"),
    "UKR": Participant("UKR", "Украина", "UKR"),
    "RUS": Participant("RUS", "Россия", "RUS"),
}
_ids = iter(range(1, 10_000))


def report(doc: str, published: str, who: str, status: str = "held", date: str | None = None,
           place: str | None = None, agency: str | None = None, kind: str = "talks",
           text: str = "", date_end: str | None = None) -> Report:
    number = next(_ids)
    return Report(meeting_id=number, doc_id=doc, seq=number, published=dt.date.fromisoformat(published),
                  participants=tuple(PEOPLE[p] for p in who.split()), place=place, date=date,
                  date_precision="day" if date and len(date) == 10 else "month" if date else "unknown",
                  status=status, kind=kind, evidence_start=0, evidence_stop=len(text), evidence_text=text,
                  agency=agency, signature=simhash(text or doc), date_end=date_end)


def test_fuse_two_reports_make_one_event_with_two_sources():
    events = fuse_reports([
        report("d1", "2026-01-20", "witkoff dmitriev", date="2026-01-20", place="Майами",
               text="Уиткофф и Дмитриев провели переговоры в Майами."),
        report("d2", "2026-01-21", "witkoff kushner dmitriev", date="2026-01-20", place="Майами",
               text="В Майами накануне встретились Дмитриев, Уиткофф и Кушнер."),
    ])
    assert len(events) == 1
    event = events[0]
    assert [s.report.doc_id for s in event.sources] == ["d1", "d2"]
    assert event.independent_sources == 2
    assert [p.actor_id for p in event.participants] == ["witkoff", "dmitriev", "kushner"]
    assert event.sources[0].report.evidence_text == "Уиткофф и Дмитриев провели переговоры в Майами."
    assert not event.conflicts


def test_fuse_planned_then_held_is_one_event_with_history():
    events = fuse_reports([
        report("plan", "2026-01-10", "witkoff putin", "planned", "2026-01-22", "Москва"),
        report("held", "2026-01-23", "witkoff kushner putin", "held", "2026-01-22", "Кремль"),
    ])
    assert len(events) == 1
    event = events[0]
    assert event.status == "held" and event.date == "2026-01-22"
    assert [(h.doc_id, h.change) for h in event.history] == [("plan", "planned"), ("held", "held")]


def test_fuse_held_without_a_day_takes_the_day_and_place_of_the_latest_plan():
    """«Встреча Путина и Уиткоффа запланирована на 2 декабря в Москве» — moved to the 3rd — then
    «встреча в Кремле состоялась» with no day given: the event is on the 3rd."""
    events = fuse_reports([
        report("plan", "2025-11-27", "putin witkoff", "planned", "2025-12-02", "Москва"),
        report("moved", "2025-11-30", "putin witkoff", "planned", "2025-12-03", "Москва"),
        report("held", "2025-12-03", "putin witkoff", "held", None, None),
    ])
    assert len(events) == 1
    assert (events[0].status, events[0].date, events[0].place) == ("held", "2025-12-03", "Москва")


def test_fuse_a_plan_after_a_held_round_is_another_meeting():
    events = fuse_reports([
        report("first", "2026-02-01", "USA UKR RUS", "held", "2026-02-01", "Абу-Даби"),
        report("next", "2026-02-02", "USA UKR RUS", "planned", "2026-02-05", "Абу-Даби"),
    ])
    assert sorted(e.status for e in events) == ["held", "planned"]


def test_fuse_a_later_mention_of_the_plan_does_not_undo_held():
    events = fuse_reports([
        report("held", "2026-01-23", "witkoff putin", "held", "2026-01-22", "Кремль"),
        report("stale", "2026-01-24", "witkoff putin", "planned", "2026-01-22", "Кремль"),
    ])
    assert [e.status for e in events] == ["held"]


@pytest.mark.parametrize("outcome, status, change", [
    ("cancelled", "cancelled", "cancelled"),
    ("planned", "planned", "moved"),
])
def test_fuse_plan_followed_by_cancellation_or_move(outcome, status, change):
    events = fuse_reports([
        report("plan", "2026-02-01", "USA UKR RUS", "planned", "2026-02-01", "Абу-Даби"),
        report("later", "2026-02-02", "USA UKR RUS", outcome, "2026-02-04", "Абу-Даби"),
    ])
    assert len(events) == 1
    assert events[0].status == status
    assert [h.change for h in events[0].history] == ["planned", change]


def test_fuse_date_disagreement_is_a_conflict_not_an_overwrite():
    events = fuse_reports([
        report("a", "2026-02-18", "USA UKR RUS", "held", "2026-02-17", "Женева"),
        report("b", "2026-02-18", "USA UKR RUS", "held", "2026-02-17", "Женева"),
        report("c", "2026-02-19", "USA UKR RUS", "held", "2026-02-14", "Женева"),
    ])
    assert len(events) == 1
    event = events[0]
    assert event.date == "2026-02-17"
    assert {(c.field, c.value, c.doc_ids) for c in event.conflicts} == {
        ("date", "2026-02-14", ("c",)), ("date", "2026-02-17", ("a", "b"))}


def test_fuse_days_inside_a_rounds_range_agree_and_the_round_keeps_its_range():
    events = fuse_reports([
        report("a", "2026-02-18", "USA UKR RUS", "held", "2026-02-18", "Женева"),
        report("b", "2026-02-18", "USA UKR RUS", "held", "2026-02-18", "Женева"),
        report("c", "2026-02-19", "USA UKR RUS", "held", "2026-02-17", "Женева", date_end="2026-02-18"),
        report("d", "2026-02-17", "USA UKR RUS", "held", "2026-02-17", "Женева"),
    ])
    assert len(events) == 1
    event = events[0]
    assert (event.date, event.date_end) == ("2026-02-17", "2026-02-18")  # a round is dated by its first day
    assert not event.conflicts


def test_fuse_a_range_does_not_swallow_a_day_outside_it():
    events = fuse_reports([
        report("a", "2026-02-18", "USA UKR RUS", "held", "2026-02-17", "Женева", date_end="2026-02-18"),
        report("b", "2026-02-19", "USA UKR RUS", "held", "2026-02-17", "Женева", date_end="2026-02-18"),
        report("c", "2026-02-20", "USA UKR RUS", "held", "2026-02-14", "Женева"),
    ])
    assert len(events) == 1
    assert (events[0].date, events[0].date_end) == ("2026-02-17", "2026-02-18")
    assert {(c.field, c.value) for c in events[0].conflicts} == {("date", "2026-02-14"), ("date", "2026-02-17")}


def test_fuse_two_single_days_without_a_range_still_disagree():
    events = fuse_reports([
        report("a", "2026-02-18", "USA UKR RUS", "held", "2026-02-17", "Женева"),
        report("b", "2026-02-19", "USA UKR RUS", "held", "2026-02-18", "Женева"),
    ])
    assert len(events) == 1 and events[0].date_end is None
    assert {c.value for c in events[0].conflicts} == {"2026-02-17", "2026-02-18"}


def test_fuse_place_disagreement_on_one_day_is_a_conflict():
    events = fuse_reports([
        report("a", "2026-01-23", "USA UKR RUS", "held", "2026-01-23", "Абу-Даби"),
        report("b", "2026-01-23", "USA UKR RUS", "held", "2026-01-23", "Эр-Рияд"),
    ])
    assert len(events) == 1
    assert {c.value for c in events[0].conflicts if c.field == "place"} == {"Абу-Даби", "Эр-Рияд"}


@pytest.mark.parametrize("a, b, same", [
    (("2026-02-17", "Женева", "USA UKR RUS"), ("2026-02-18", "Женева", "USA UKR RUS"), True),
    (("2026-02-17", "Женева", "USA UKR RUS"), ("2026-02-17", None, "witkoff umerov RUS"), True),
    (("2026-02-18", "Женева", "RUS UKR"), ("2026-02-17", "Женева", "USA UKR RUS"), False),
    (("2025-08-15", "Аляска", "putin witkoff"), ("2025-10-16", None, "putin witkoff"), False),
    ((None, "Будапешт", "putin witkoff"), ("2025-10-16", None, "putin witkoff"), True),
    ((None, "Будапешт", "putin witkoff"), (None, "Аляска", "putin witkoff"), False),
])
def test_fuse_same_meeting_table(a, b, same):
    ra = report("x", "2025-10-17" if a[0] is None else a[0], a[2], date=a[0], place=a[1])
    rb = report("y", b[0] or "2025-10-17", b[2], date=b[0], place=b[1])
    assert same_meeting(ra, rb) is same


def test_fuse_a_pair_of_people_does_not_join_a_round_of_others():
    events = fuse_reports([
        report("round", "2026-02-17", "RUS USA UKR umerov dmitriev", date="2026-02-17", place="Женева"),
        report("pair", "2026-02-17", "witkoff kushner", date="2026-02-17", place="Женева"),
    ])
    assert len(events) == 2


def test_fuse_same_day_other_people_other_place_are_two_meetings():
    events = fuse_reports([
        report("a", "2026-01-22", "witkoff dmitriev", "held", "2026-01-22", "Майами"),
        report("b", "2026-01-23", "putin witkoff kushner", "held", "2026-01-22", "Кремль"),
    ])
    assert len(events) == 2 and not any(e.conflicts for e in events)


@pytest.mark.parametrize("place, joins", [
    ("Кремль", "kremlin"),  # the one event at that place, though another fits the window
    ("Майами", None),  # a place where no event was: stands alone
    (None, None),  # two events fit and nothing tells them apart: stands alone
])
def test_fuse_undated_report_joins_only_an_unambiguous_event(place, joins):
    events = fuse_reports([
        report("kremlin", "2026-01-23", "witkoff putin", "held", "2026-01-22", "Кремль"),
        report("davos", "2026-01-21", "witkoff dmitriev", "held", "2026-01-20", "Давос"),
        report("later", "2026-01-25", "witkoff putin", "held", None, place),
    ])
    home = next(e for e in events if "later" in [s.report.doc_id for s in e.sources])
    others = [s.report.doc_id for s in home.sources if s.report.doc_id != "later"]
    assert others == ([joins] if joins else [])


def test_fuse_undated_report_of_other_people_stands_alone():
    events = fuse_reports([
        report("miami", "2025-12-20", "witkoff dmitriev", "held", "2025-12-20", "Майами"),
        report("call", "2025-12-21", "putin USA", "held", None, None),
    ])
    assert len(events) == 2


@pytest.mark.parametrize("place, who, joins", [
    ("США", "witkoff dmitriev", False),  # a country holding the event's city, other people: another meeting
    ("Майами", "witkoff dmitriev", True),  # the event's very city: one more member of the delegations
    ("США", "trump putin", True),  # the people of the event, the country holding its city
])
def test_fuse_undated_report_of_other_people_joins_only_at_the_very_place(place, who, joins):
    events = fuse_reports([
        report("call", "2025-12-29", "trump putin", "held", "2025-12-28", "Майами"),
        report("visit", "2025-12-30", who, "held", None, place),
    ])
    assert (len(events) == 1) is joins


def test_fuse_cancellation_published_before_the_plan_is_another_meeting():
    """«Встреча не состоится», written weeks before anyone announced the summit that the event is about."""
    events = fuse_reports([
        report("cancelled", "2025-09-28", "USA UKR", "cancelled", None, None),
        report("plan", "2025-10-15", "USA UKR", "planned", "2025-10-17", None),
    ])
    assert len(events) == 2


def test_fuse_undated_reports_of_one_place_join():
    events = fuse_reports([
        report("a", "2025-11-27", "putin USA", "held", None, "Аляска"),
        report("b", "2025-11-28", "putin USA", "held", None, "Анкоридж"),
        report("c", "2025-11-28", "putin USA", "held", None, "Будапешт"),
    ])
    assert sorted(len(e.sources) for e in events) == [1, 2]


def test_fuse_wire_copies_count_once():
    text = "Уиткофф и Дмитриев провели переговоры в Майами, сообщил источник. " * 3
    events = fuse_reports([
        report("a-wire", "2026-01-20", "witkoff dmitriev", date="2026-01-20", text=text),
        report("b-copy", "2026-01-20", "witkoff dmitriev", date="2026-01-20", text=text + " Подробнее позже."),
        report("own", "2026-01-21", "witkoff dmitriev", date="2026-01-20",
               text="Собственный корреспондент рассказал о встрече во Флориде и её итогах для Украины."),
    ])
    assert len(events) == 1
    assert events[0].independent_sources == 2
    assert [s.copy_of for s in events[0].sources] == [None, "a-wire", None]


@pytest.mark.parametrize("text, agency", [
    ("МОСКВА, 7 мар – РИА Новости. Помощник президента сообщил…", "РИА Новости"),
    ("КИЕВ, 3 декабря — Укринформ. Делегация вернулась.", "Укринформ"),
    ("Делегации встретились в Женеве.", None),
])
def test_fuse_wire_agency_from_dateline(text, agency):
    assert wire_agency(text) == agency


def test_fuse_simhash_tells_near_copies():
    base = "Переговоры в Абу-Даби завершились, стороны договорились продолжить работу на следующей неделе."
    assert near_copies(simhash(base * 2), simhash(base * 2 + " Источник: агентство."))
    assert not near_copies(simhash(base), simhash("Президент провёл телефонный разговор с коллегой из Франции."))


@pytest.mark.parametrize("a, b, agree", [
    ("Женева", "Женеве", True), ("Абу-Даби", "ОАЭ", True), ("Женева", "Берлин", False), (None, "Берлин", None),
    ("Кремль", "Москва", True), ("Флорида", "Мар-а-Лаго", True), ("Аляска", "Анкоридж", True),
    ("Майами", "Мар-а-Лаго", False), ("Давос", "Женева", False), ("Белый дом", "Мар-а-Лаго", False),
])
def test_fuse_places_agree(a, b, agree):
    assert places_agree(a, b) is agree


def test_fuse_blocking_does_not_merge_distant_meetings_of_one_pair():
    reports = [report(f"d{i}", f"2026-0{1 + i // 3}-{10 + i % 3:02d}", "witkoff dmitriev",
                      date=f"2026-0{1 + i // 3}-{10 + i % 3:02d}", place="Майами") for i in range(9)]
    assert len(fuse_reports(reports)) == 3


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

REPORTS = st.lists(st.builds(
    lambda doc, day, who, status, dated, place: report(
        f"d{doc}", f"2026-01-{day:02d}", who, status, f"2026-01-{day:02d}" if dated else None, place),
    doc=st.integers(0, 12), day=st.integers(1, 28),
    who=st.sampled_from(["witkoff dmitriev", "witkoff kushner putin", "USA UKR RUS", "umerov witkoff", "RUS UKR"]),
    status=st.sampled_from(["held", "planned", "cancelled", "unknown"]), dated=st.booleans(),
    place=st.sampled_from([None, "Майами", "Женева", "Абу-Даби", "Кремль"])), max_size=25)


@settings(max_examples=60, deadline=None)
@given(REPORTS, st.randoms())
def test_fuse_partitions_reports_whatever_their_order(reports, rng):
    events = fuse_reports(reports)
    placed = sorted(s.report.meeting_id for e in events for s in e.sources)
    assert placed == sorted(r.meeting_id for r in reports)  # every report in exactly one event
    assert len({e.id for e in events}) == len(events)
    for event in events:  # an article's meetings are never merged
        docs = [s.report.doc_id for s in event.sources]
        assert len(docs) == len(set(docs))
    shuffled = list(reports)
    rng.shuffle(shuffled)
    assert fuse_reports(shuffled) == events
