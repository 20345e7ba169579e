"""Meetings from single Russian sentences: parties, place, date, status."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.records import Document

PUBLISHED = dt.date(2026, 2, 1)  # a Sunday


def meetings_of(text: str, published: dt.date = PUBLISHED):
    from parley import pipeline

    extraction = pipeline.process(Document(doc_id="t", text=text, published=published))
    return [
        {"parties": sorted(m.participant_names), "place": m.place, "date": m.date, "status": m.status.value}
        for m in extraction.meetings
    ]


def surnames(names):
    return sorted(n.split()[-1] for n in names)


@pytest.mark.parametrize(
    "text, parties, place, date, status",
    [
        ("Премьер-министр Индии Нарендра Моди встретился в Кремле с Владимиром Путиным 30 января.",
         ["Моди", "Путин"], "Кремль", "2026-01-30", "held"),
        ("Министр обороны Германии Борис Писториус провел переговоры с Пером Хегсетом в Берлине.",
         ["Писториус", "Хегсет"], "Берлин", None, "held"),
        ("Переговоры Эммануэля Макрона и Фридриха Мерца пройдут в Париже в четверг.",
         ["Макрон", "Мерц"], "Париж", "2026-02-05", "planned"),
        ("Марко Рубио и Сергей Лавров проведут телефонный разговор завтра.",
         ["Лавров", "Рубио"], None, "2026-02-02", "planned"),
        ("Встреча Дональда Трампа и Реджепа Эрдогана в Анкаре была отменена.",
         ["Трамп", "Эрдоган"], "Анкара", None, "cancelled"),
        ("Издание опубликовало стенограмму якобы состоявшегося разговора Юрия Ушакова с Кириллом Дмитриевым.",
         ["Дмитриев", "Ушаков"], None, None, "unknown"),
    ],
)
def test_meetings_single_sentence(models, text, parties, place, date, status):
    found = meetings_of(text)
    assert len(found) == 1, found
    got = found[0]
    assert surnames(got["parties"]) == parties
    assert (got["place"], got["date"], got["status"]) == (place, date, status)


@pytest.mark.parametrize(
    "text, sides",
    [
        ("В Женеве начались переговоры делегаций России, Украины и США.", ["Россия", "США", "Украина"]),
        ("Украинская и американская делегации провели консультации в Эр-Рияде.", ["США", "Украина"]),
    ],
)
def test_meetings_sides_when_no_person_is_named(models, text, sides):
    found = meetings_of(text)
    assert len(found) == 1, found
    assert found[0]["parties"] == sides
