"""Actor mentions: persons in the nominative, one id per person, countries and sides as actors."""
from __future__ import annotations

import datetime as dt

import pytest

from parley import nlp
from parley.extract.actors import find_actors
from parley.records import Document


def actors_of(text: str) -> list[tuple[str, str, str]]:
    document = Document(doc_id="t", text=text, published=dt.date(2025, 12, 5))
    return [(m.name, m.actor.id, m.actor.kind) for m in find_actors(document, nlp.analyse(text))]


@pytest.mark.parametrize("text, name, actor_id", [
    # a name at the very start of a document
    ("Уиткофф прилетел в Москву вечером в среду.", "Уиткофф", "witkoff"),
    # a declined name after a noun, which NER may miss or misread
    ("Об итогах встречи на переговорах Умеровым было сказано немного.", "Умеров", "umerov"),
    # a title glued to the name by capitalisation
    ("Президента Трампа ждут в Лондоне на следующей неделе.", "Трамп", "trump"),
    # a first name that steers the surname's nominative
    ("Соглашение подписали вместе со Скоттом Бессентом и другими.", "Скотт Бессент", "bessent"),
    ("Мы говорили со Стивеном Виткоффом по телефону.", "Стивен Виткофф", "witkoff"),
    ("Журналисты спросили об этом Witkoff вчера.", "Уиткофф", "witkoff"),
    ("Соседи поздравили Павла Зарубина с юбилеем.", "Павел Зарубин", "zarubin_pavel"),
    # surnames in -ь and after a hushing consonant
    ("Соседи поздравили Марка Фогеля с юбилеем.", "Марк Фогель", "fogel_mark"),
    ("Мы поговорили с Антоном Грицем вчера.", "Антон Гриц", "grits_anton"),
    # a first name misspelt in the text still agrees
    ("Разговор с Владимиров Путиным был долгим.", None, "putin"),
])
def test_actors_names_in_the_nominative_with_one_id(models, text, name, actor_id):
    found = actors_of(text)
    assert (name, actor_id) in [(n, i) for n, i, _ in found] if name else actor_id in {i for _, i, _ in found}


def test_actors_surname_alone_joins_the_full_name(models):
    found = actors_of("Пресс-секретарь Алина Воронцова провела брифинг. Позже Воронцова ответила на вопросы.")
    ids = {i for n, i, _ in found if "Воронцов" in n}
    assert ids == {"vorontsova_alina"}


def test_actors_one_person_declined_two_ways_and_by_first_name(models):
    found = actors_of("Вчера Тимур Багиров выступил в суде. Адвокаты Тимура Багирова обжаловали решение. "
                      "Тимур ответил на вопросы журналистов.")
    assert {i for n, i, _ in found if "Багиров" in n or n == "Тимур"} == {"bagirov_timur"}


def test_actors_contract_lists_names_as_written_and_canonical(models):
    from parley.contract import to_contract
    from parley.records import Extraction

    text = "Тимур Багиров выступил в суде. Тимур ответил на вопросы. Стивен Виткофф промолчал."
    document = Document(doc_id="t", text=text)
    found = to_contract(Extraction(document=document, actors=find_actors(document, nlp.analyse(text))))["actors"]
    names = {a["name"]: a["id"] for a in found}
    assert names["Тимур Багиров"] == "bagirov_timur" and "Тимур" not in names  # a first name alone stands for the person
    assert names["Стивен Виткофф"] == names["Стив Уиткофф"] == "witkoff"


def test_actors_name_without_the_latin_gloss(models):
    found = actors_of("Выступил Карл Вебер (Karl Weber), бывший посол Австрии.")
    assert ("Карл Вебер", "veber_karl") in [(n, i) for n, i, _ in found]


def test_actors_a_surname_two_known_people_share_is_not_guessed(models):
    ids = {i for n, i, _ in actors_of("Джонсон заявил, что поддерживает переговоры.") if "Джонсон" in n}
    assert ids and not ids & {"johnson_mike", "johnson_boris"}
    ids = {i for n, i, _ in actors_of("Борис Джонсон прилетел в Киев. Джонсон заявил, что поддерживает переговоры.")
           if "Джонсон" in n}
    assert ids == {"johnson_boris"}


@pytest.mark.parametrize("text, kept_apart", [
    ("На ужине были Джош Кушнер и его друзья из Нью-Йорка.", "kushner"),
    ("Мелания Трамп открыла выставку детского рисунка.", "trump"),
    ("Дональд Трамп младший прилетел на охоту.", "trump"),
    ("Дональд Трамп-младший прилетел на охоту.", "trump"),
])
def test_actors_first_name_that_disagrees_keeps_people_apart(models, text, kept_apart):
    assert kept_apart not in {i for _, i, _ in actors_of(text)}


def test_actors_ordinary_words_and_credits_are_not_people(models):
    found = {n for n, _, _ in actors_of("Ваш вопрос понятен. Фото: Nathan Howard / Getty Images")}
    assert "Ваш" not in found and not any("Images" in n for n in found)


@pytest.mark.parametrize("text, name, actor_id", [
    ("Американская делегация прибыла раньше, чем ожидалось.", "американская делегация", "USA"),
    ("Переговоры с украинской стороной продолжатся завтра.", "украинская сторона", "UKR"),
    ("Звонок европейским лидерам перенесли на вечер.", "европейские лидеры", "EU"),
    ("Соединенные Штаты и Россия обменялись пленными.", "Соединенные Штаты", "USA"),
    ("Представители России отказались от комментариев.", "Россия", "RUS"),
    ("Кремль пока не ответил на предложение.", "Кремль", "RUS"),
    ("Позиция НАТО остается прежней.", "НАТО", "NATO"),
])
def test_actors_countries_and_sides(models, text, name, actor_id):
    assert (name, actor_id) in [(n, i) for n, i, _ in actors_of(text)]


@pytest.mark.parametrize("text, absent", [
    ("Он сказал, что приедет позже.", "UN"),  # "Он" folds like "ООН", but is not an abbreviation
    ("Делегации встретились в Кремле поздно вечером.", "RUS"),    # a seat after "в" is a place
    ("Он прилетел в Вашингтон утром.", "USA"),
    ("Российский лидер не стал это комментировать.", "RUS"),     # one person, not a side
])
def test_actors_places_and_single_leaders_are_not_sides(models, text, absent):
    assert absent not in {i for _, i, _ in actors_of(text)}


@pytest.mark.parametrize("text, expected", [
    ("Российский лидер провел совещание.", {"putin"}),
    ("Глава Белого дома заявил о прогрессе.", {"trump", "USA"}),
    ("Предложение главы киевского режима отклонено.", {"zelensky"}),
    ("Встреча президента США с российским лидером прошла в Анкоридже.", {"trump", "USA", "putin"}),
    ("Президент США Дональд Трамп прилетел.", {"trump", "USA"}),  # the name is the mention
    ("Бывший президент США выступил.", {"USA"}),                   # a former holder is someone else
    ("Глава украинской делегации прилетел.", {"UKR"}),             # no dated office
])
def test_actors_offices_stand_for_their_holder_on_request(models, text, expected):
    document = Document(doc_id="t", text=text, published=dt.date(2025, 12, 5))
    found = find_actors(document, nlp.analyse(text), by_office=True)
    assert {m.actor.id for m in found} == expected
    assert "putin" not in {m.actor.id for m in find_actors(document, nlp.analyse(text))} or "лидер" not in text


def test_actors_kinds_and_countries(models):
    document = Document(doc_id="t", text="Рустем Умеров встретился с представителями США.")
    by_id = {m.actor.id: m.actor for m in find_actors(document, nlp.analyse(document.text))}
    assert by_id["umerov"].kind == "person" and by_id["umerov"].country == "UKR"
    assert by_id["USA"].kind == "country" and by_id["USA"].country == "USA"
