"""Ukrainian documents, stage by stage: gloss, offsets, names, extraction, routing, fusion across languages.

Every sentence here is written for these tests. The Ukrainian dictionary and the
Russian models load once per session (``functools.cache`` and the ``models`` fixture).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parley.ingest.dates import parse_printed_date
from parley.records import Document
from parley.ukrainian.document import gloss_text
from parley.ukrainian.gloss import gloss_word, respell
from parley.ukrainian.lexicon import LexiconError, read_pairs, ukrainian_lexicon
from parley.ukrainian.restore import common_nominative, person_nominative, restore_phrase

# --- the gloss, word by word -------------------------------------------------------

WORDS = [
    ("зустріч", "встреча"),  # the lexicon
    ("переговорів", "переговоров"),  # a respelled lemma Russian knows, inflected
    ("делегації", "делегации"),
    ("четвер", "четверг"),
    ("січня", "января"),
    ("тижня", "недели"),
    ("заявив", "заявил"),
    ("відбулася", "состоялась"),
    ("оборони", "обороны"),  # the noun, not the imperative of "оборонити"
    ("українська", "украинская"),  # the adjective, not the town "Українськ"
    ("Маямі", "Майами"),
    ("РНБО", "СНБО"),
    ("рф", "РФ"),  # a lexicon target with capitals keeps them
    ("Віткоффа", "Виткоффа"),  # names are respelled
    ("Умєровим", "Умеровым"),
    ("Зеленського", "Зеленского"),
    ("Україна-США-Росія", "Украины, США и России"),  # a compound of countries as a list
    ("РБК-Україна", "РБК-Украина"),  # any other compound part by part
    ("2026", "2026"),
    ("«", "«"),
    ("будь-яка", "любая"),  # the forms that deny a meeting: "будь-яка зустріч виключена"
    ("виключена", "исключена"),  # a predicate: the short form
    ("жодних", "никаких"),
    ("запросивши", "пригласив"),  # a gerund of a verb the dictionary tags without "infn"
    ("провівши", "проведя"),  # "-вівши" is a gerund of "-вести"
    ("хорошу", "хорошую"),  # a feminine accusative adjective is no "inanimate" one
    ("періодично", "периодически"),
]


@pytest.mark.parametrize(("ukrainian", "russian"), WORDS)
def test_gloss_word(ukrainian, russian):
    assert gloss_word(ukrainian) == russian


@pytest.mark.parametrize(("ukrainian", "russian"), [
    ("Віткофф", "Виткофф"), ("Пєсков", "Песков"), ("Сибіга", "Сибига"), ("Ґалуза", "Галуза"), ("Мінськ", "Минск"),
])
def test_respell(ukrainian, russian):
    assert respell(ukrainian) == russian


PHRASES = [
    ("За словами речника", "По словам пресс-секретаря"),  # a two-word phrase of the lexicon
    ("Про це повідомив радник", "Об этом сообщил советник"),
    ("зустрілися у Женеві", "встретились в Женеве"),  # locative after "у"
    ("прилетів на зустріч", "прилетел на встречу"),  # not the nominative after a preposition
    ("у вівторок", "во вторник"),  # "во" before a cluster
    ("телефонна розмова", "телефонный разговор"),  # the adjective takes the Russian noun's gender
    ("минулого тижня", "на прошлой неделе"),  # a relative date as Russian phrases it
    ("Відбулася телефонна розмова", "Состоялся телефонный разговор"),  # the verb agrees with the Russian noun
    ("Пряма мова Ушакова: «Так»", "  Ушаков заявил: «Так»"),  # a quote introduced as Russian does
    ("під час візиту", "во время визита"),
    ("прилетів до Москви", "прилетел в Москву"),  # "до" before a place
    ("мав зустріч", "имел встречу"),  # accusative after a transitive verb
    ("підтримали прямі переговори", "поддержали прямые переговоры"),  # the accusative of things
    ("за його словами", "по его словам"),  # "за" with the instrumental
    ("за підсумками переговорів", "по итогам переговоров"),
    ("коментуючи зустріч", "комментируя встречу"),  # a gerund through its verb
    ("минулої неділі", "в прошлое воскресенье"),  # a weekday in the genitive
    ("вчора ввечері", "вчера вечером"),
    ("наприкінці січня", "в конце января"),
    ("Павло Зарубін", "Павел Зарубин"),  # first names as Russian spells them
    ("делегації зустрічатимуться", "делегации будут встречаться"),  # the imperfective future with "быть"
    ("На його думку, діалог був корисним", "По его мнению, диалог был полезным"),  # "на … думку"
    ("З його слів, сторони ще працюють", "По его словам, стороны еще работают"),  # "з … слів"
    ("Зі слів посла, графік залишився", "По словам посла, график остался"),
    ("за посередництва Катару", "при посредничестве Катара"),
    ("відбулася їхня зустріч", "состоялась их встреча"),  # "їхній" is the indeclinable "их"
    ("консультації зі Сполученими Штатами", "консультации со Соединенными Штатами"),  # a plural participle stays plural
    ("раунд тристоронніх переговорів", "раунд трехсторонних переговоров"),  # the dictionary's ё-spelling lemma, written with е
    ("посол вважає", "посол считает"),  # the imperfective reading of "считать" has a present tense
    ("Він проінформував колег", "Он проинформировал коллег"),
    ("щойно завершені консультації", "только что завершенные консультации"),
    ("домовилися про нову зустріч", "договорились о новой встрече"),  # "про" + accusative: "о" + prepositional
    ("саміт на вищому рівні", "саммит на высшем уровне"),  # "высший", not "высочайший" of the same lexeme
    ("з головою ради нацбезпеки", "с главой совета нацбезопасности"),  # a council's "рада"; "главой" is a noun
    ("секретар Ради національної безпеки", "секретарь Совета национальной безопасности"),
    ("говорили про обмін полоненими", "говорили об обмене пленными"),  # "об" before a vowel
    ("розповів про його візит", "рассказал о его визите"),  # the possessive stays as it is
    ("про те, що", "о том, что"),
    ("про щойно завершені в Женеві переговори", "о только что завершенных в Женеве переговорах"),  # adverb, own phrase
    ("на тлі попередніх переговорів", "на фоне предыдущих переговоров"),  # a plural adjective takes the noun's case
    ("жодних рішень не було оголошено", "никаких решений не было объявлено"),  # the impersonal "-но" form
    ("на відміну від попередньої зустрічі", "в отличие от предыдущей встречи"),
    ("вже кілька разів від січня", "уже несколько раз с января"),  # "від" before a time is "с"
    ("від 3 березня", "с 3 марта"),
    ("лист від міністра", "письмо от министра"),  # else "от"
    ("делегація Російської Федерації", "делегация России "),  # the side's full name as its short one
    ("процес укладання угоди", "процесс заключения соглашения"),  # a genitive after a common noun
    ("шанс відновлення діалогу", "шанс восстановления диалога"),
    ("у четвер засідання відбулося", "в четверг заседание состоялось"),  # not after a time
    ("головне завдання делегації", "главная задача делегации"),  # not after an adjective
    ("у складі делегації", "в составе делегации"),  # Ukrainian "склад" is a membership, not a store
    ("посол приїздить до Варшави", "посол приезжает в Варшаву"),  # "-ть": a present tense, not an infinitive
    ("група завтра обговорить графік", "группа завтра обсудит график"),
    ("сторони мають представить графік", "стороны должны представить график"),  # unless a verb governs it
    ("у суботу має відбутися розмова", "в субботу должен состояться разговор"),  # "має" takes the subject's gender
    ("у середу має відбутися зустріч", "в среду должна состояться встреча"),
    ("посол чекатиме на відповідь", "посол будет ждать  ответ"),  # "чекати на" drops its preposition
    ("цими днями делегати працюють", "на днях делегаты работают"),
    ("візит з ініціативи сторін", "визит по инициативе сторон"),
    ("криза переговорів", "кризис переговоров"),
    ("переговори в Ер-Ріяді", "переговоры в Эр-Рияде"),  # places the dictionary splits or misreads
    ("делегати в Досі", "делегаты в Дохе"),
    ("нарада у Вашингтоні", "совещание в Вашингтоне"),
    ("у Римі пройшла зустріч", "в Риме прошла встреча"),  # the noun after "пройти" is its subject
    ("у ніч проти 3 березня", "в ночь на 3 марта"),
    ("частина можливої мирної угоди", "часть возможного мирного соглашения"),  # adjectives agree from the noun back
    ("минулих вихідних посли говорили", "в прошлые выходные послы говорили"),
    ("лист радника Дональд Трампа", "письмо советника Дональда Трампа"),  # the first name takes the surname's case
    ("радник Дональд Трамп", "советник Дональд Трамп"),
    ("радник Дональд Кушнере", "советник Дональд Кушнере"),  # a vocative surname gives no case to pass on
    ("до складу делегації входили", "в состав делегации входили"),
]


@pytest.mark.parametrize(("ukrainian", "russian"), PHRASES)
def test_gloss_text(ukrainian, russian):
    assert gloss_text(ukrainian).text == russian


def test_gloss_keeps_everything_between_words_and_maps_offsets_back():
    text = "Умєров: «Зустріч у Маямі\nвідбулася», — за словами речника."
    glossed = gloss_text(text)
    assert glossed.text == "Умеров: «Встреча в Майами\nсостоялась», — по словам пресс-секретаря."
    for pair in glossed.words:  # every gloss word points at its Ukrainian word
        assert text[pair.start:pair.stop].strip() and glossed.text[pair.gloss_start:pair.gloss_stop] is not None
    start = glossed.text.index("Встреча")
    stop = glossed.text.index("состоялась") + len("состоялась")
    assert text[slice(*glossed.span(start, stop))] == "Зустріч у Маямі\nвідбулася"
    inside = glossed.text.index("ресс-секретаря")  # an offset inside a word maps to the word's start
    assert glossed.to_original(inside) == text.index("речника")
    assert glossed.to_original(len(glossed.text)) == len(text)


# --- the lexicon ----------------------------------------------------------------------


def test_lexicon_loads_its_sections():
    lexicon = ukrainian_lexicon()
    assert lexicon.lemmas["зустріч"] == "встреча" and lexicon.lemmas["п'ятниця"] == "пятница"
    assert lexicon.phrases[("за", "словами")] == "по словам"
    assert "його" in lexicon.words("possessives") and "у" in lexicon.words("locative_prepositions")
    with pytest.raises(LexiconError, match="no class"):
        lexicon.words("no such class")


@pytest.mark.parametrize(("content", "message"), [
    ("зустріч\n", "expected 'ukrainian<TAB>russian'"),
    ("зустріч\tвстреча\tлишнее\n", "expected 'ukrainian<TAB>russian'"),
    ("зустріч\tвстреча\nзустріч\tсвидание\n", "is already glossed as 'встреча'"),
])
def test_lexicon_malformed_lines_are_named(tmp_path: Path, content, message):
    path = tmp_path / "lemmas.tsv"
    path.write_text("# a comment\n" + content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as raised:
        read_pairs(path)
    assert f"{path}:" in str(raised.value)


# --- names and roles back in Ukrainian -------------------------------------------------

@pytest.mark.parametrize(("written", "gloss", "russian", "ukrainian"), [
    ("Стіва Віткоффа", "Стива Виткоффа", "Стив Виткофф", "Стів Віткофф"),
    ("Рустемом Умєровим", "Рустемом Умеровым", "Рустем Умеров", "Рустем Умєров"),
    ("Зеленського", "Зеленского", "Зеленский", "Зеленський"),
    ("Володимиром Зеленським", "Володимиром Зеленским", "Володимир Зеленский", "Володимир Зеленський"),
    ("Дмитрієва", "Дмитриева", "Дмитриев", "Дмитрієв"),
    ("Марко Рубіо", "Марко Рубио", "Марко Рубио", "Марко Рубіо"),  # already nominative
])
def test_person_nominative(written, gloss, russian, ukrainian):
    assert person_nominative(written, gloss, russian) == ukrainian


@pytest.mark.parametrize(("word", "nominative"), [("секретаря", "секретар"), ("радником", "радник"),
                                                   ("делегації", "делегація")])
def test_common_nominative(word, nominative):
    assert common_nominative(word) == nominative


def test_role_phrase_back_in_the_text_words():
    text = "Зустрілися з секретарем РНБО України Рустемом Умєровим."
    glossed = gloss_text(text)
    from parley.records import Evidence

    assert restore_phrase("секретарь СНБО Украины", glossed, Evidence(0, len(glossed.text))) == "секретар РНБО України"


# --- whole documents through the pipeline ------------------------------------------------

EXTRACTION = [
    # (sentence, participants by id, place, date, status)
    ("Стів Віткофф у четвер зустрівся в Маямі з Рустемом Умєровим.",
     {"witkoff", "umerov"}, "Майами", "2026-02-05", "held"),
    ("Наступного тижня в Женеві відбудеться зустріч делегацій України та Росії.",
     {"UKR", "RUS"}, "Женева", None, "planned"),
    ("31 січня Кирило Дмитрієв прилетів до Маямі на переговори з Віткоффом.",
     {"dmitriev", "witkoff"}, "Майами", "2026-01-31", "held"),
    ("Зустріч Зеленського з Трампом у Білому домі скасували.",
     {"zelensky", "trump"}, "Белый дом", None, "cancelled"),
    ("У вівторок Віткофф і Кушнер провели в Кремлі п'ятигодинну зустріч з Путіним.",
     {"witkoff", "kushner", "putin"}, "Кремль", "2026-02-03", "held"),
]
PUBLISHED = dt.date(2026, 2, 5)  # a Thursday


def ukrainian(text: str) -> Document:
    return Document(doc_id="uk-test", text=text, published=PUBLISHED, lang="uk")


@pytest.mark.parametrize(("sentence", "who", "place", "date", "status"), EXTRACTION)
def test_meetings_in_ukrainian(models, sentence, who, place, date, status):
    from parley.pipeline import process

    extraction = process(ukrainian(sentence))
    assert extraction.document.text == sentence and extraction.document.lang == "uk"  # on the Ukrainian text
    found = [(frozenset(a.id for a in m.participants), m.place, m.date, m.status.value) for m in extraction.meetings]
    assert (frozenset(who), place, date, status) in found
    for meeting in extraction.meetings:
        assert sentence[meeting.evidence.start:meeting.evidence.stop].strip()
    names = {name for m in extraction.meetings for name in m.participant_names}
    assert not names & {"Уиткофф", "Умеров", "Украина", "Россия"}  # names as the Ukrainian text writes them


def test_roles_and_quotes_in_ukrainian(models):
    from parley.pipeline import process

    text = ("Міністр закордонних справ Росії Сергій Лавров поговорив телефоном з держсекретарем США Марко Рубіо. "
            "Речник Кремля Дмитро Пєсков заявив: \"Ми готові до нового раунду\".")
    extraction = process(ukrainian(text))
    roles = {(r.actor.id, r.name, r.role.lower()) for r in extraction.roles}
    assert ("lavrov", "Сергій Лавров", "міністр закордонних справ росії") in roles
    assert any(r.actor.id == "peskov" and r.role.lower() == "речник кремля" for r in extraction.roles)
    quote = next(q for q in extraction.quotes if q.speaker.id == "peskov")
    assert quote.text == "Ми готові до нового раунду" == text[quote.start:quote.stop]
    assert quote.speaker_name == "Дмитро Пєсков"
    said = process(ukrainian("Разом із Віткоффом на зустрічі був Кушнер.\n\nМи бачимо прогрес у переговорах з обох "
                             "сторін,\n\n– заявив Рустем Умєров журналістам.")).quotes
    assert [(q.speaker.id, q.text) for q in said] == [("umerov", "Ми бачимо прогрес у переговорах з обох сторін")]
    mention = next(m for m in extraction.actors if m.actor.id == "rubio_mark" or m.actor.id == "rubio")
    assert text[mention.start:mention.stop] == mention.text


def test_a_language_without_a_pipeline_is_skipped_with_its_reason():
    from parley.pipeline import process, screen

    document = Document(doc_id="en", text="Witkoff met Putin in Moscow on Tuesday.", lang="en")
    assert screen(document) == "language en: no pipeline reads it yet"
    assert process(document).skipped_reason == "language en: no pipeline reads it yet"


@pytest.mark.parametrize(("printed", "date"), [("4 грудня 2025", dt.date(2025, 12, 4)),
                                               ("17 лютого 2026, 10:15", dt.date(2026, 2, 17)),
                                               ("31 травня 2025", dt.date(2025, 5, 31))])
def test_ukrainian_publication_dates(printed, date):
    assert parse_printed_date(printed) == date


# --- one event from a Russian and a Ukrainian report ---------------------------------------

RUSSIAN_REPORT = """Уиткофф и Умеров провели переговоры в Майами

4 декабря 2025

Спецпосланник президента США Стив Уиткофф в четверг встретился в Майами с секретарем СНБО Украины
Рустемом Умеровым. Стороны обсудили мирный план, сообщили в Белом доме.
"""
UKRAINIAN_REPORT = """Віткофф і Умєров провели переговори в Маямі

4 грудня 2025

Спецпосланець президента США Стів Віткофф у четвер зустрівся в Маямі із секретарем РНБО України
Рустемом Умєровим. Сторони обговорили мирний план, повідомили в Білому домі.
"""
OTHER_REPORT = """Лавров и Рубио поговорили по телефону

2 декабря 2025

Во вторник глава российского МИД Сергей Лавров обсудил по телефону двусторонние отношения с госсекретарем США
Марко Рубио, как сообщило министерство.
"""


def test_a_russian_and_a_ukrainian_report_fuse_into_one_event(models, tmp_path):
    pytest.importorskip("httpx")
    from fastapi.testclient import TestClient

    from parley.ingest.run import ingest
    from parley.serve import create_app
    from parley.settings import Settings
    from parley.store import Store

    for name, text in (("ru.txt", RUSSIAN_REPORT), ("uk.txt", UKRAINIAN_REPORT), ("other.txt", OTHER_REPORT)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'p.db'}"
    with Store.open(url) as store:
        ingest(store, [tmp_path / "ru.txt", tmp_path / "uk.txt", tmp_path / "other.txt"])
        assert {e.lang for e in store.ledger()} == {"ru", "uk"}
        miami = [e for e in store.events() if e["place"] == "Майами"]
        assert len(miami) == 1
        assert {s["doc_id"]: s["lang"] for s in miami[0]["sources"]} == {"ru": "ru", "uk": "uk"}
        assert miami[0]["date"] == "2025-12-04"
        assert {p["id"] for p in miami[0]["participants"]} == {"witkoff", "umerov"}
    with TestClient(create_app(Settings(db_url=url))) as client:
        everything = client.get("/api/events").json()
        from_kyiv = client.get("/api/events", params={"lang": "uk"}).json()
        assert everything["total"] == 2 and from_kyiv["total"] == 1
        assert from_kyiv["items"][0]["place"] == "Майами"
        assert client.get("/api/events", params={"lang": "en"}).status_code == 422
        page = client.get("/", params={"lang": "uk"})
        assert page.status_code == 200 and 'id="filter-lang"' in page.text
        event = client.get(f"/events/{miami[0]['id']}")
        assert event.status_code == 200 and "язык статьи" in event.text


# --- one actor across languages --------------------------------------------------------

@pytest.mark.parametrize(("written", "actor_id"), [
    ("Віткофф", "witkoff"), ("Стіва Віткоффа", "witkoff"), ("Віткоффові", "witkoff"), ("Уиткоффа", "witkoff"),
    ("Рустемом Умєровим", "umerov"), ("Умеровым", "umerov"), ("Зеленського", "zelensky"),
    ("Зеленським", "zelensky"), ("Кирилом Дмитрієвим", "dmitriev"), ("Андрієм Сибігою", "sybiha"),
])
def test_knowledge_base_reads_ukrainian_spellings_and_declensions(written, actor_id):
    from parley.resolve import resolve_name

    assert resolve_name(written).id == actor_id


@pytest.mark.parametrize(("ukrainian", "russian"), [
    ("Павло Зарубін", "Павел Зарубин"), ("Олексій Кулик", "Алексей Кулик"), ("Іван Гнатюк", "Иван Гнатюк"),
])
def test_a_new_person_gets_one_id_in_both_languages(models, ukrainian, russian):
    """A person the knowledge base lacks: the Ukrainian report's id is the Russian report's (a transliteration key)."""
    from parley.pipeline import process

    surname_uk, surname_ru = ukrainian.split()[-1], russian.split()[-1]
    uk = process(ukrainian_doc := ukrainian_doc_of(f"Політолог {ukrainian} прокоментував переговори. "
                                                   f"{surname_uk} зустрівся з Віткоффом у Женеві."))
    ru = process(Document(doc_id="ru-test", text=f"Политолог {russian} прокомментировал переговоры. "
                                                  f"{surname_ru} встретился с Уиткоффом в Женеве.",
                          published=PUBLISHED, lang="ru"))
    assert ukrainian_doc.lang == "uk"
    ids_uk = {m.actor.id for m in uk.actors if m.actor.kind == "person"} - {"witkoff"}
    ids_ru = {m.actor.id for m in ru.actors if m.actor.kind == "person"} - {"witkoff"}
    assert ids_uk and ids_uk == ids_ru


def ukrainian_doc_of(text: str) -> Document:
    return Document(doc_id="uk-new", text=text, published=PUBLISHED, lang="uk")


# --- the word map on any text ----------------------------------------------------------

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

UKRAINIAN_TEXT = st.text(alphabet="абвгґдеєжзиіїйклмнопрстуфхцчшщьюяАБВІЇЄУ'’-–«», .:\n0123", max_size=120)


@settings(max_examples=150, deadline=None)
@given(UKRAINIAN_TEXT)
def test_the_word_map_stays_in_the_text_and_in_order(text):
    glossed = gloss_text(text)
    mapped = [glossed.to_original(offset) for offset in range(len(glossed.text) + 1)]
    assert all(0 <= m <= len(text) for m in mapped)
    assert mapped == sorted(mapped)
    for pair in glossed.words:
        assert text[pair.start:pair.stop] and not text[pair.start:pair.stop].isspace()


def test_the_gloss_is_read_as_a_russian_document():
    from parley.ukrainian import gloss_document

    read, word_map = gloss_document(Document(doc_id="g", text="Зустріч у Женеві.", title="Переговори", lang="uk"))
    assert (read.lang, read.text, read.title) == ("ru", "Встреча в Женеве.", "Переговоры")
    assert word_map.original == "Зустріч у Женеві."
