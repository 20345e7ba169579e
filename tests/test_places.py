"""The meeting's own place, from the gazetteer shipped with the package."""
from __future__ import annotations

import pytest

from parley.errors import KnowledgeBaseError
from parley.resolve.places import gazetteer, parse_lines


def place_of(text: str) -> str | None:
    from parley import nlp
    from parley.extract.meetings.tree import Tree
    from parley.extract.meetings.triggers import find_triggers
    from parley.extract.places import meeting_place, place_mentions

    sentence = nlp.analyse(text).sentences[0]
    tree = Tree.of(sentence)
    trigger = find_triggers(tree)[0]
    found = meeting_place(tree, tuple(place_mentions(tree, sentence.spans)), trigger.anchors)
    return found.name if found else None


@pytest.mark.parametrize(
    "text, place",
    [
        ("Встреча президентов прошла в Белом доме.", "Белый дом"),
        ("Переговоры состоялись в Эр-Рияде.", "Эр-Рияд"),
        # a name already in the nominative keeps its gazetteer spelling
        ("Министры вылетели в Эр-Рияд на встречу с американцами.", "Эр-Рияд"),
        ("Делегации провели переговоры в Абу-Даби.", "Абу-Даби"),
        ("Лидеры встретились на Аляске.", "Аляска"),
        ("Встреча прошла в поместье Мар-а-Лаго во Флориде.", "Мар-а-Лаго"),
        ("Министры провели переговоры в Кремле, в Москве.", "Кремль"),
        ("Консультации пройдут в швейцарском городе Женева.", "Женева"),
        ("Переговоры прошли в столице Саудовской Аравии.", "Эр-Рияд"),
        ("Женевская встреча длилась шесть часов.", "Женева"),
        ("Стороны провели переговоры об урегулировании конфликта на Украине.", None),
        ("Посол России в США провел встречу с конгрессменами.", None),
        ("Переговоры в Стамбуле прошли во дворце Чираган.", "дворец Чираган"),
        # a building named after "отель", "гостиница" is the venue, gazetteer or not
        ("Встреча министров прошла в отеле «Ритц-Карлтон» в Эр-Рияде.", "Ритц-Карлтон"),
        ("Делегации провели переговоры в гостинице Гранд-Палас.", "Гранд-Палас"),
        # a venue of one country named with another's owner is not that venue
        ("Переговоры прошли в офисе президента Турции в Стамбуле.", "Стамбул"),
        ("Встреча прошла в Офисе президента в Киеве.", "Офис президента"),
        # the object of a visit is its place
        ("Канцлер Германии посетил Пекин с двухдневным визитом.", "Пекин"),
        # a ceasefire's place is not the meeting's
        ("В разговоре президенты обсудили прекращение огня на Украине.", None),
        # the partner's own words do not take the meeting's place
        ("Министр вел переговоры с представителями Франции в Риме.", "Рим"),
        # a place right after the meeting's people is the meeting's, wherever the parser hangs it
        ("Сенатор комитета по делам ветеранов сообщил, что после сорванной встречи премьеров Франции и Италии "
         "Эмманюэля Макрона и Джорджи Мелони в Австрии стоит ждать перемен.", "Австрия"),
    ],
)
def test_places_meeting_place(models, text, place):
    assert place_of(text) == place


@pytest.mark.parametrize(
    "key, name, kind, country",
    [
        ("абу-даби", "Абу-Даби", "capital", "ARE"),
        ("белый дом", "Белый дом", "venue", "USA"),
        ("флорида", "Флорида", "region", "USA"),
        ("оаэ", "ОАЭ", "country", "ARE"),
        ("соединенный штат америка", "США", "country", "USA"),
    ],
)
def test_places_gazetteer_lookup(key, name, kind, country):
    place = gazetteer().lookup(key)
    assert (place.name, place.kind, place.country) == (name, kind, country)
    assert -90 <= place.lat <= 90 and -180 <= place.lon <= 180


def test_places_gazetteer_adjectives_and_capitals():
    assert gazetteer().adjective("женевский").name == "Женева"
    assert gazetteer().capital_of("TUR").name == "Анкара"
    assert gazetteer().lookup("Кремль").seat_of_power and not gazetteer().lookup("флорида").seat_of_power


@pytest.mark.parametrize(
    "line, message",
    [
        ("Женева\tcity\tCHE\t46.2\n", "6 tab-separated"),
        ("Женева\tvillage\tCHE\t46.2\t6.1\tженева\n", "known kind"),
        ("Женева\tcity\tCHE\tnorth\t6.1\tженева\n", "numbers"),
    ],
)
def test_places_malformed_gazetteer_names_file_and_line(line, message):
    with pytest.raises(KnowledgeBaseError, match=rf"places.tsv:2: .*{message}"):
        parse_lines(["# header", line])
