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
    ("заместитель министра обороны Украины", "заместитель министра обороны", None, "Украина"),
    ("министр по делам молодежи", "министр по делам молодежи", None, None),
    ("специальный представитель по вопросам Украины и России", "специальный представитель по вопросам", None,
     "Украина"),
    ("тренер юношеского клуба «Звезда»", "тренер", "юношеского клуба «Звезда»", None),
    ("председатель городской Комиссии по туризму", "председатель", "городской Комиссии по туризму", None),
    ("глава вооруженных сил", "глава", "вооруженных сил", None),
    ("мэр города", "мэр", "города", None),
    ("директор швейной фабрики", "директор", "швейной фабрики", None),
    ("бывший посол Франции", "посол", None, "Франция"),
    ("камчатский губернатор", "губернатор", None, None),
    ("политический обозреватель", "политический обозреватель", None, None),
    ("президентский советник", "президентский советник", None, None),  # made from an office, not a place
    ("парламентский секретарь", "парламентский секретарь", None, None),  # made from a body
    ("министр связи и массовых коммуникаций", "министр связи и массовых коммуникаций", None, None),
    ("министр по государственным закупкам Чили", "министр по государственным закупкам", "Чили", None),
    # a capitalised name goes on over "по", "при" and lower-case words; a place after "в" ends it
    ("председатель Комиссии по водным ресурсам", "председатель", "Комиссии по водным ресурсам", None),
    ("сотрудник Счетной палаты при парламенте", "сотрудник", "Счетной палаты при парламенте", None),
    ("глава городской делегации на переговорах", "глава", "городской делегации", None),
    # the state named by a side and a state noun is no body in it
    ("президент Российской Федерации", "президент", None, "Россия"),
    # a side's adjective inside a quoted name stays in the name
    ("директор ОАО «Российские железные дороги»", "директор", "ОАО «Российские железные дороги»", "Россия"),
])
def test_role_parts(role, title, organization, country):
    parts = role_parts(role)
    assert (parts.title, parts.organization, parts.country) == (title, organization, country)


def test_head_of_state_without_a_side():
    from parley.resolve.offices import names_head_of_state

    assert names_head_of_state("главы государства") == "глава государства"
    assert names_head_of_state("глава делегации") is None


def test_a_country_is_one_row(tmp_path):
    """A lexicon with one more row answers for the new country everywhere: name, adjective, stems, display."""
    import json
    import shutil

    from parley.lang import HERE, load
    from parley.resolve.sides import SideResolver

    folder = tmp_path / "zz"
    shutil.copytree(HERE / "ru", folder)
    data = json.loads((folder / "sides.json").read_text(encoding="utf-8"))
    data["countries"]["rows"].append({"code": "NOR", "display": "Норвегия", "names": ["норвегия", "осло"],
                                      "adjectives": ["норвежский"], "stems": ["норвеги", "норвежск"]})
    (folder / "sides.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    sides = SideResolver(load(folder, "zz"))
    assert sides.side_of_name("осло") == "NOR"
    assert sides.side_of_adjective("норвежский") == "NOR"
    assert sides.side_of_adjective_form("норвежской") == "NOR"
    assert sides.first_side("премьер-министр Норвегии") == "NOR"
    assert sides.display("NOR") == "Норвегия"
    assert first_side("премьер-министр Норвегии") is None  # the shipped lexicon has no such row


def test_offices_for_another_lexicon_take_its_words(tmp_path):
    """An OfficeResolver over another lexicon takes its role words and offices from that lexicon's rows."""
    import json
    import shutil

    from parley.lang import HERE, load
    from parley.resolve.offices import OfficeResolver
    from parley.resolve.sides import SideResolver

    folder = tmp_path / "zz"
    shutil.copytree(HERE / "ru", folder)
    data = json.loads((folder / "roles.json").read_text(encoding="utf-8"))
    data["words"]["map"]["канцлер"] = "head"  # no longer an office by itself
    data["offices"]["rows"] = [row for row in data["offices"]["rows"] if row["head"] != "канцлер"]
    (folder / "roles.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    lex = load(folder, "zz")
    offices = OfficeResolver(lex, SideResolver(lex))
    assert offices.office_of("канцлер", "канцлер Германии") is None
    assert office_of("канцлер", "канцлер Германии") == "head_of_government"
    assert offices.role_parts("секретарь СНБО Украины") == role_parts("секретарь СНБО Украины")


@pytest.mark.parametrize("lemmas, i, side", [
    (["соединенный", "штат", "америка"], 1, "USA"),  # counted once, at "Штаты"
    (["соединенный", "штат", "америка"], 2, None),
    (["штат", "америка"], 1, "USA"),  # "Штаты Америки": at "Америки"
    (["штат"], 0, None),
    (["объединенный", "арабский", "эмират"], 2, "ARE"),
    (["визит", "в", "россия"], 2, "RUS"),
])
def test_side_of_a_name_of_several_words(lemmas, i, side):
    from parley.resolve.sides import side_of_name_at

    assert side_of_name_at(lemmas, i) == side
