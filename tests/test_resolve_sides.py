"""One resolver for sides and offices: tables of phrases, in our own words."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.resolve.offices import office_holder, office_of, role_head, role_parts
from parley.resolve.sides import compound_sides, display, first_side, side_of_adjective, sides_in

DAY = dt.date(2025, 12, 1)


@pytest.mark.parametrize("text, side", [
    ("президента США", "USA"),
    ("глава Белого дома", "USA"),
    ("представитель Кремля", "RUS"),
    ("секретарь СНБО", "UKR"),
    ("депутат Верховной рады", "UKR"),
    ("план Трампа", "USA"),  # a head of state's surname, from the knowledge base
    ("генсек НАТО", "NATO"),
    ("Соединенных Штатов Америки", "USA"),
    ("украинской и российской", "UKR"),  # the first, left to right
    ("в Женеве", None),
    ("помощник", None),
])
def test_first_side(text, side):
    assert first_side(text) == side


def test_sides_in_finds_every_side():
    assert sides_in("украинской и российской делегаций") == {"UKR", "RUS"}
    assert sides_in("Евросоюз и РФ") == {"EU", "RUS"}


def test_short_stems_are_whole_words():
    assert first_side("весна") is None  # "ес" only as a word
    assert first_side("ЕС") == "EU"


def test_words_of_the_parsed_sentence():
    assert side_of_adjective("турецкий") == "TUR"
    assert compound_sides("российско-американский") == ["RUS", "USA"]
    assert compound_sides("российско-неизвестный") == []
    assert display("GBR") == "Великобритания"
    assert display("XYZ") == "XYZ"


@pytest.mark.parametrize("head, phrase, office", [
    ("президент", "президент Франции", "head_of_state"),
    ("глава", "глава Госдепа", "foreign_minister"),
    ("глава", "глава МИД Турции", "foreign_minister"),
    ("глава", "глава Пентагона", "defence_minister"),
    ("глава", "глава офиса президента", "head_of_office"),
    ("глава", "глава Кремля", "head_of_state"),
    ("глава", "глава России", "head_of_state"),
    ("глава", "глава киевского режима", "head_of_state"),
    ("глава", "глава украинской делегации", None),
    ("глава", "глава РФПИ", None),  # an organisation is not a state
    ("пресс-секретарь", "пресс-секретарь Кремля", "press_secretary"),
    ("представитель", "представитель президента России", "press_secretary"),
    ("представитель", "представитель Украины", None),
    ("министр", "министр финансов", None),
])
def test_office_of(head, phrase, office):
    assert office_of(head, phrase) == office


@pytest.mark.parametrize("head, phrase, holder", [
    ("президент", "президента США", "trump"),
    ("лидер", "российский лидер", "putin"),
    ("глава", "глава Госдепа", "rubio"),
    ("президент", "президент Атлантиды", None),
])
def test_office_holder(head, phrase, holder):
    found = office_holder(head, phrase, DAY)
    assert (found.id if found else None) == holder


def test_role_head_declined():
    assert role_head("госсекретарю") == "госсекретарь"
    assert role_head("после") is None


@pytest.mark.parametrize("role, title, organization, country", [
    ("президент Франции", "президент", None, "Франция"),
    ("секретарь СНБО", "секретарь", "СНБО", "Украина"),
    ("секретарь Совета национальной безопасности и обороны (СНБО) Украины", "секретарь", "СНБО", "Украина"),
    ("министр иностранных дел Турции", "министр иностранных дел", None, "Турция"),
    ("глава МИД России", "глава", "МИД", "Россия"),
    ("пресс-секретарь Кремля", "пресс-секретарь", "Кремль", "Россия"),
    ("российский министр обороны", "министр обороны", None, "Россия"),
    ("спецпосланник президента США по Украине", "спецпосланник президента", None, "США"),
    ("генсек НАТО", "генсек", "НАТО", None),
    ("начальник Генштаба ВСУ", "начальник", "Генштаба ВСУ", "Украина"),
    ("зять Дональда Трампа", "зять", None, "США"),
    ("редактор городской газеты «Вечерний курьер»", "редактор", "городской газеты «Вечерний курьер»", None),
    ("известный экономист", "экономист", None, None),
    ("чрезвычайный и полномочный посол", "чрезвычайный и полномочный посол", None, None),
])
def test_role_parts(role, title, organization, country):
    parts = role_parts(role)
    assert (parts.title, parts.organization, parts.country) == (title, organization, country)


def test_head_of_state_without_a_side():
    from parley.resolve.offices import names_head_of_state

    assert names_head_of_state("главы государства") == "глава государства"
    assert names_head_of_state("глава делегации") is None
