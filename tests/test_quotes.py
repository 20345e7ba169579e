"""Direct quotes: the marks, the words, and who said them."""
from __future__ import annotations

import datetime as dt

import pytest

from parley import nlp
from parley.extract.actors import find_actors
from parley.extract.quotes import find_quotes
from parley.records import Document


def quotes_of(text: str, published=dt.date(2025, 12, 10)):
    document = Document(doc_id="t", text=text, published=published)
    analysis = nlp.analyse(text)
    return find_quotes(document, analysis, find_actors(document, analysis))


@pytest.mark.parametrize("text, speaker, words", [
    # speech verb and name after the quote
    ("«Мы обсудили обмен пленными и гуманитарные вопросы», — заявил Дмитрий Песков.", "peskov",
     "Мы обсудили обмен пленными и гуманитарные вопросы"),
    # straight quotes and a hyphen for a dash
    ('"Работа над документом идет каждый день", - сказал Марко Рубио.', "rubio", "Работа над документом идет каждый день"),
    # „…“ marks
    ("„Следующий раунд пройдет в начале месяца“, — написал Рустем Умеров в соцсетях.", "umerov",
     "Следующий раунд пройдет в начале месяца"),
    # a colon after the name
    ("Зеленский: «Украина готова к встрече на любом уровне без условий».", "zelensky",
     "Украина готова к встрече на любом уровне без условий"),
    # the verb of saying in a subordinate clause before the colon names the speaker, not the main subject
    ("Зеленский улыбнулся, когда Марко Рубио сказал: «Мы готовы продолжать работу над документом».", "rubio",
     "Мы готовы продолжать работу над документом"),
    # a demonym after the quote stands for the last person of that side named before it
    ("Кирилл Дмитриев коротко ответил журналистам.\n\n«Следующая встреча пройдет уже у нас»,\n\n— написал россиянин.",
     "dmitriev", "Следующая встреча пройдет уже у нас"),
    # "по словам X" after a paragraph's heading word, the quote in the next sentence
    ("Подробности: по словам Ушакова, Путин и Трамп поговорили. «Лидеры условились созвониться еще раз».", "ushakov",
     "Лидеры условились созвониться еще раз"),
    # "по словам X"
    ("По словам Юрия Ушакова, «график визитов пока не согласован окончательно».", "ushakov",
     "график визитов пока не согласован окончательно"),
    # the speaker as the object of "цитирует"
    ("«Контакты с американской стороной идут по нескольким каналам», — цитирует агентство Юрия Ушакова.", "ushakov",
     "Контакты с американской стороной идут по нескольким каналам"),
    # a role noun standing before the name
    ("Сенатор Алексей Пушков заявил, что новый посланник будет «действовать без оглядки на Киев».", "pushkov_aleksei",
     "действовать без оглядки на Киев"),
    # a quote that opens a paragraph after a word that could name a document
    ("Стороны обсудили проект соглашения.\n\n\"Мы готовы подписать его в ближайшие дни\", — заявил Дональд Трамп.",
     "trump", "Мы готовы подписать его в ближайшие дни"),
    # "назвал" speaks
    ("Юрий Ушаков назвал беседу «очень полезной, деловой и насыщенной».", "ushakov", "очень полезной, деловой и насыщенной"),
    # a dialogue dash
    ("— Я думаю, мы близки к договоренности как никогда, — ответил Дональд Трамп.", "trump",
     "Я думаю, мы близки к договоренности как никогда"),
])
def test_quotes_speaker_through_the_speech_verb(models, text, speaker, words):
    found = [(q.speaker.id, q.text) for q in quotes_of(text)]
    assert (speaker, words) in found


@pytest.mark.parametrize("text, speaker", [
    # a pronoun after the quote resolves to the last named person
    ("Сергей Лавров провел брифинг в Москве. «Мы не видим причин менять нашу позицию», — сказал он.", "lavrov"),
    # a generic role noun
    ("Андрей Сибига прибыл в Женеву. «Встреча прошла в рабочей и спокойной атмосфере», — отметил дипломат.", "sybiha"),
    # a role with a side resolves through the knowledge base by date
    ("Владимир Путин и Дональд Трамп говорили час. «Это был очень хороший и полезный разговор», — заверил лидер США.", "trump"),
    # a role noun subject whose sentence names another side
    ("Стив Уиткофф прилетел в Абу-Даби. Спецпосланник поблагодарил ОАЭ за прием, подчеркнув их «готовность помогать в любой ситуации».",
     "witkoff"),
    # "цитирует его"
    ("Об этом заявил Дмитрий Песков. «Мы уже отвечали на этот вопрос раньше», — цитирует его агентство.", "peskov"),
    # "указано в сообщении"
    ("Об этом Владимир Зеленский написал в Telegram. «Предметно обсудили давление на агрессора», — указано в сообщении.",
     "zelensky"),
    # "по словам" and a role with a side
    ("Джей Ди Вэнс выступил в Мюнхене. По словам американского вице-президента, трудности «проистекают из разных ожиданий сторон».",
     "vance"),
    # a quote signed on its own line
    ("Юрий Ушаков провел брифинг.\n«Условлено, что встреча пройдет уже в пятницу»\n– Юрий Ушаков\n", "ushakov"),
    # a sentence that names people only in oblique cases has its subject elsewhere
    ("Юрий Ушаков ответил на вопросы. Так он прокомментировал слова Сергея Лаврова журналисту Павлу Зарубину. "
     "«Мы говорим достаточно часто и по делу», — сказал он.", "ushakov"),
    # a role noun before a genitive name and the speaker's name
    ("Помощник Путина Юрий Ушаков сказал журналистам, что «разговор был весьма полезным и конструктивным».", "ushakov"),
    # an office with a side, nobody named: the holder on the publication date
    ("Марко Рубио прилетел в Женеву. «Мы очень близко к сделке, как никогда», — сказал американский лидер.", "trump"),
    # "глава МИД" is the foreign minister, not the head of state
    ("Реджеп Тайип Эрдоган принял делегации. «Турция остается площадкой, которой доверяют обе стороны», "
     "— подчеркнул глава турецкого МИД.", "fidan"),
    # a sentence that opens with a role noun, then a pronoun
    ("Глава Белого дома встретился с Владимиром Зеленским и Дональдом Трампом не раз. Он сказал: «Мы сделаем это очень скоро».", "trump"),
])
def test_quotes_speaker_through_pronouns_and_role_nouns(models, text, speaker):
    assert [q.speaker.id for q in quotes_of(text)] == [speaker]


def test_quotes_impersonal_statement_of_the_person_just_named(models):
    text = "Об этом написал в соцсети X Стив Уиткофф. «Стороны договорились об обмене пленными», — говорится в сообщении."
    assert [(q.speaker.id, q.channel) for q in quotes_of(text)] == [("witkoff", "X")]


def test_quotes_said_by_an_institution_do_not_continue_the_last_speaker(models):
    text = "«Мы ждем ответа до самой пятницы», — сказал Сергей Лавров. «Позиция остается неизменной и твердой», — добавили в министерстве."
    assert [q.text for q in quotes_of(text)] == ["Мы ждем ответа до самой пятницы"]


def test_quotes_unmarked_speech_is_the_sentence_before_the_attribution(models):
    text = "Вечером Сергей Лавров провел переговоры. Россия – это сторона, готовая к диалогу без условий, — сказал министр."
    assert [(q.speaker.id, q.text) for q in quotes_of(text)] == [
        ("lavrov", "Россия – это сторона, готовая к диалогу без условий")]


def test_quotes_dialogue_dash_inside_a_paragraph(models):
    text = ("Глава РФПИ Кирилл Дмитриев промолчал. Пресс-секретарь Кремля Дмитрий Песков отметил, что новых контактов пока нет. "
            "— Следующий шаг за американской стороной, — подчеркнул представитель Кремля.")
    assert [(q.speaker.id, q.text) for q in quotes_of(text)] == [("peskov", "Следующий шаг за американской стороной")]


def test_quotes_split_by_an_inner_attribution(models):
    text = "«Стороны обменялись предложениями по гарантиям, — отметил Кирилл Дмитриев. — Следующая встреча пройдет во Флориде»."
    found = [(q.speaker.id, q.text) for q in quotes_of(text)]
    assert found == [("dmitriev", "Стороны обменялись предложениями по гарантиям"),
                     ("dmitriev", "Следующая встреча пройдет во Флориде")]


def test_quotes_offsets_are_the_words_without_marks(models):
    text = "«Переговоры продолжатся на следующей неделе», — сообщил Стив Уиткофф."
    quote = quotes_of(text)[0]
    assert text[quote.start:quote.stop] == quote.text == "Переговоры продолжатся на следующей неделе"


@pytest.mark.parametrize("text, channel", [
    ("«Сегодня делегации согласовали новый обмен пленными», — написал Стив Уиткофф в соцсети X.", "X"),
    ("«Работа продолжается и днем, и ночью», — написал Рустем Умеров в Telegram.", "Telegram"),
    ("Владимир Зеленский в вечернем обращении сказал: «Мы ждем ответа от партнеров уже неделю».", "обращение"),
    ("Владимир Зеленский выступил с вечерним обращением. «Мы ждем ответа от партнеров уже неделю», — сказал политик.",
     "обращение"),
])
def test_quotes_channel(models, text, channel):
    assert [q.channel for q in quotes_of(text)] == [channel]


@pytest.mark.parametrize("text", [
    # fewer than four words
    "Дмитрий Песков назвал переговоры «конструктивными и полезными».",
    # the name of an outlet
    "Об этом Юрий Ушаков сказал в эфире телеканала «Россия 1 в прямом эфире».",
    # an anonymous source is not a named actor
    "«Все идет не так гладко, как хотелось бы», — сказал один из собеседников агентства.",
    # "говорится в публикации": the outlet speaks, not the last person named
    "Стив Уиткофф провел встречу в Берлине. «Стороны приблизились к пониманию по ряду вопросов», — говорится в публикации.",
    # an organisation's statement
    "Сергей Лавров прилетел в Анкару. «Москва открыта для любых честных переговоров», — говорится в заявлении МИД России.",
    # no quote marks, no dash: paraphrase
    "Марко Рубио сказал, что переговоры идут хорошо и скоро завершатся.",
])
def test_quotes_not_quotes(models, text):
    assert quotes_of(text) == ()


def test_quotes_continue_with_the_same_speaker(models):
    text = ("«Первый этап позади», — заявил Стив Уиткофф. "
            "Впереди, однако, «еще много трудной и кропотливой работы».")
    assert [q.speaker.id for q in quotes_of(text)] == []  # the first has three words: nothing to continue
    text2 = ("«Первый этап уже полностью позади», — заявил Стив Уиткофф. "
             "Впереди, однако, «еще много трудной и кропотливой работы».")
    assert [q.speaker.id for q in quotes_of(text2)] == ["witkoff", "witkoff"]
