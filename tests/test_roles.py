"""Roles from appositions and family ties, in the nominative."""
from __future__ import annotations

import datetime as dt

import pytest

from parley import nlp
from parley.extract.actors import find_actors
from parley.extract.roles import find_roles
from parley.contract import to_contract
from parley.records import Document, Extraction


def roles_of(text: str, published=dt.date(2025, 12, 10)) -> list[tuple[str, str]]:
    document = Document(doc_id="t", text=text, published=published)
    analysis = nlp.analyse(text)
    return [(r.actor.id, r.role) for r in find_roles(document, analysis, find_actors(document, analysis))]


@pytest.mark.parametrize("text, person, role", [
    ("Вчера министр финансов Скотт Бессент вылетел в Женеву.", "bessent", "министр финансов"),
    # the case of the phrase is put back to the nominative, the rest stays as written
    ("Мы поговорили с министром финансов Скоттом Бессентом после брифинга.", "bessent", "министр финансов"),
    ("Письмо передали государственному секретарю США Марко Рубио лично.", "rubio", "государственный секретарь США"),
    # the side attached by the text is kept
    ("Доклад сделал секретарь СНБО Украины Рустем Умеров.", "umerov", "секретарь СНБО Украины"),
    # a family tie
    ("На встречу приехал зять президента США Джаред Кушнер.", "kushner", "зять президента США"),
    # a person in the genitive inside the phrase
    ("Заявление распространила пресс-секретарь Умерова Диана Давитян.", "davityan_diana", "пресс-секретарь Умерова"),
    # after the name and a comma
    ("Кирилл Дмитриев, глава РФПИ, прилетел в Майами.", "dmitriev", "глава РФПИ"),
    # the case read off the surname's ending, even when the analyser does not know it
    ("Усилилось влияние вице-президента США Джей Ди Вэнса на переговорах.", "vance", "вице-президент США"),
    # a name in apposition inside another person's role
    ("Советник президента России Владимира Путина Юрий Ушаков ответил коротко.", "putin", "президент России"),
    # after a name in two scripts
    ("Слово взял Карл Вебер (Karl Weber), бывший посол Австрии, и напомнил о договоре.", "veber_karl", "бывший посол Австрии"),
    # a role in brackets after the name
    ("Стив Уиткофф (спецпосланник США) вошел в зал первым.", "witkoff", "спецпосланник США"),
    ("Карл Вебер (старший тренер) отказался от интервью.", "veber_karl", "старший тренер"),
    # after the name and a dash
    ("Карл Вебер — бывший посол Австрии в Канаде.", "veber_karl", "бывший посол Австрии в Канаде"),
    # … or a spaced hyphen written for a dash
    ("Иван Горелов - главный инженер завода.", "gorelov_ivan", "главный инженер завода"),
    # after a name in an oblique case, the adjectives in that case too
    ("По словам Ивана Горелова, генерального директора завода, план выполнен.", "gorelov_ivan",
     "генеральный директор завода"),
    # a name the analyser leaves as written in the instrumental: its case is unknown, not the nominative
    ("Мы говорили с министром финансов Кэйсукэ Мураокой.", "muraokoi_keisuke", "министр финансов"),
    # a name whose case cannot be told: a plural role noun before the phrase is no part of it
    ("На заседании кабинета министров глава правительства Дато Кекелидзе выступил первым.", "kekelidze_dato",
     "глава правительства"),
    # two roles joined by "и"
    ("Об этом сообщил глава РФПИ и спецпредставитель президента России Кирилл Дмитриев.", "dmitriev", "глава РФПИ"),
    ("Об этом сообщил глава РФПИ и спецпредставитель президента России Кирилл Дмитриев.", "dmitriev",
     "спецпредставитель президента России"),
    # a rank right before the name is not the office, but a role of its own
    ("Доклад представил начальник Генерального штаба генерал Андрей Гнатов.", "hnatov", "начальник Генерального штаба"),
    ("Доклад представил начальник Генерального штаба генерал Андрей Гнатов.", "hnatov", "генерал"),
    # the head read as the role noun, not as a homonym ("аналитика" is not "analytics" here)
    ("Мнение приднестровского аналитика Романа Петренко известно.", "petrenko_roman", "приднестровский аналитик"),
    # initials between the role and the surname
    ("Вчера министр финансов В. Н. Горелов выступил в Думе.", "gorelov", "министр финансов"),
    # adjectives before the head
    ("Позицию Киева изложил первый заместитель министра иностранных дел Украины Сергей Кислица.", "kyslytsya",
     "первый заместитель министра иностранных дел Украины"),
])
def test_roles_from_appositions(models, text, person, role):
    assert (person, role) in roles_of(text)


def test_roles_the_name_is_the_inner_office_it_holds(models):
    found = roles_of("Приехал зять американского лидера Дональда Трампа Джаред Кушнер.")
    assert ("trump", "американский лидер") in found and ("kushner", "зять американского лидера Дональда Трампа") in found


def test_roles_family_tie_chained_before_an_occupation(models):
    assert ("kushner", "зять") in roles_of("Трамп привез своего зятя, бизнесмена Джареда Кушнера, на встречу.")


def test_roles_chained_by_a_comma(models):
    found = roles_of("Помощник президента России, глава делегации Владимир Мединский ответил на вопросы.")
    assert ("medinsky", "помощник президента России") in found
    assert ("medinsky", "глава делегации") in found


def test_roles_one_acting_for_an_office_does_not_hold_it(models):
    assert [role for _, role in roles_of("На встречу пришел врио мэра Сергей Сидоренко.")] == ["врио мэра"]


def test_roles_none_for_a_name_cut_by_the_end_of_the_text(models):
    assert roles_of("На встрече был помощник президента Влади") == []


@pytest.mark.parametrize("text, people, role", [
    ("На встречу пришли депутаты Иван Горелов и Сергей Сидоренко.", ("gorelov_ivan", "sidorenko_sergei"), "депутат"),
    ("Встретились министры иностранных дел Иван Горелов, Сергей Сидоренко и Павел Орлов.",
     ("gorelov_ivan", "sidorenko_sergei", "orlov_pavel"), "министр иностранных дел"),
    ("Встречу провели российские переговорщики Иван Горелов и Сергей Сидоренко.", ("gorelov_ivan", "sidorenko_sergei"),
     "российский переговорщик"),
    # the genitive after the role noun owns it; the names after that hold it
    ("Прошла встреча спецпредставителей президента США Ивана Горелова и Сергея Сидоренко.",
     ("gorelov_ivan", "sidorenko_sergei"), "спецпредставитель президента США"),
    # after the list and a comma
    ("Иван Горелов и Сергей Сидоренко, депутаты городской думы, внесли поправку.", ("gorelov_ivan", "sidorenko_sergei"),
     "депутат городской думы"),
])
def test_roles_a_plural_role_before_a_list_of_names_is_each_ones(models, text, people, role):
    found = roles_of(text)
    assert all((person, role) in found for person in people)


def test_roles_name_keeps_the_initials_before_a_lone_surname(models):
    text = "Вчера министр финансов В. Н. Горелов выступил в Думе."
    document = Document(doc_id="t", text=text, published=dt.date(2025, 12, 10))
    analysis = nlp.analyse(text)
    assert [r.name for r in find_roles(document, analysis, find_actors(document, analysis))] == ["В. Н. Горелов"]


def test_roles_one_office_shared_out(models):
    found = roles_of("Разговор президентов Франции и Финляндии Эммануэля Макрона и Александра Стубба длился час.")
    assert ("macron", "президент Франции") in found and ("stubb", "президент Финляндии") in found


@pytest.mark.parametrize("text, person, role", [
    # a role noun with a side and no name: the holder on the publication date, when named in the text
    ("Дональд Трамп провел совещание. Американский лидер остался доволен итогами.", "trump", "американский лидер"),
    ("Владимир Путин принял гостей. Глава Кремля говорил с ними три часа.", "putin", "глава Кремля"),
    # a side in several capitalised words; a place after the role noun is not part of it
    ("Дональд Трамп выступил. Разговор со мной, президентом Соединенных Штатов Америки, гостям понравился.", "trump",
     "президент Соединенных Штатов Америки"),
    # "глава государства": the head of state named last
    ("Вчера Владимир Путин и Юрий Ушаков встретили гостей. Глава государства говорил с ними три часа.", "putin",
     "глава государства"),
])
def test_roles_from_role_nouns_resolved_by_date(models, text, person, role):
    assert (person, role) in roles_of(text)


@pytest.mark.parametrize("text, person", [
    # "зятя Трампа": the tie belongs to the son-in-law, not to Trump
    ("Он встретился с Джаредом Кушнером, зятем Дональда Трампа, в Майами.", "trump"),
    ("На суд пришли супруга, дочь и мать Ивана Горелова.", "gorelov_ivan"),
    # an initial is no part of the role phrase
    ("Глава МИД России С. Лавров прибыл в Анкару.", "lavrov_initial"),
    # names right after a plural owner noun own the role
    ("Прошла встреча представителей Ивана Горелова и Сергея Сидоренко.", "gorelov_ivan"),
    # a courtesy rank after the office is no role of its own
    ("Приветствие зачитал председатель совета муфтиев шейх Ильдар Сабиров.", "sabirov_shejh"),
    # the phrase after the comma opens the next person's apposition
    ("Вице-президент США Вэнс, госсекретарь Марко Рубио и другие прибыли в Женеву.", "vance_gos"),
    # the office holder is not named in the text: no role
    ("Американский лидер остался доволен итогами встречи.", "trump"),
    # "после" is no "посол"
    ("После трех часов встреч в Женеве госсекретарь Марко Рубио уехал.", "rubio_posol"),
    # a place name after the role noun
    ("Дональд Трамп принял гостей. Обед дали во флоридском поместье американского президента Мар-а-Лаго.", "trump_place"),
    # "и" right before a name coordinates two people
    ("Об итогах встречи главы Белого дома и Владимира Зеленского пока ничего не известно.", "zelensky"),
    # "глава делегации" is no office the knowledge base dates
    ("Владимир Зеленский выступил первым. Глава украинской делегации прилетел позже.", "zelensky"),
])
def test_roles_not_given(models, text, person):
    found = roles_of(text)
    if person == "trump_place":
        assert found == [("trump", "американский президент")]
        return
    if person == "rubio_posol":
        assert found == [("rubio", "госсекретарь")]
        return
    if person == "lavrov_initial":
        assert found == [("lavrov", "глава МИД России")]
        return
    if person == "sabirov_shejh":
        assert [r for p, r in found if p.startswith("sabirov")] == ["председатель совета муфтиев"]
        return
    if person == "vance_gos":
        assert ("vance", "госсекретарь") not in found and ("vance", "вице-президент США") in found
        assert ("rubio", "госсекретарь") in found
    else:
        assert person not in {p for p, _ in found}


def test_roles_carry_title_organization_and_country(models):
    text = "Доклад сделал секретарь СНБО Украины Рустем Умеров."
    document = Document(doc_id="t", text=text, published=dt.date(2025, 12, 10))
    analysis = nlp.analyse(text)
    (role,) = find_roles(document, analysis, find_actors(document, analysis))
    assert (role.role, role.title, role.organization, role.country) == (
        "секретарь СНБО Украины", "секретарь", "СНБО", "Украина")
    extraction = Extraction(document=document, actors=(), roles=(role,), quotes=(), meetings=())
    (out,) = to_contract(extraction)["roles"]
    assert {k: out[k] for k in ("role", "title", "organization", "country")} == {
        "role": "секретарь СНБО Украины", "title": "секретарь", "organization": "СНБО", "country": "Украина"}


@pytest.mark.parametrize("text, found", [
    # an epithet and a bare role noun describe the person; they name no post
    ("На вечер пришел известный журналист Иван Горелов.", []),
    # with the body it serves, it is a post
    ("На вечер пришел известный журналист газеты «Северный вестник» Иван Горелов.",
     [("gorelov_ivan", "известный журналист газеты «Северный вестник»")]),
])
def test_roles_an_epithet_alone_names_no_post(models, text, found):
    assert roles_of(text) == found
