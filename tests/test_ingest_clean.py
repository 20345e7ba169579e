"""Header parsing and furniture removal: metadata out of the text, every sentence of the article kept."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.ingest.clean import clean_text, is_dateline

D = dt.date

HEADER_STYLES = [
    # a leading ` date` line, on its own line or followed by the text
    (" date 2026-02-18\nДелегации вновь встретились в Женеве.", "Делегации вновь встретились в Женеве.", D(2026, 2, 18)),
    (" date 2025-12-03 Путин принял американских гостей в Кремле.", "Путин принял американских гостей в Кремле.",
     D(2025, 12, 3)),
    # a dateline and a byline under the headline
    ("Переговоры в Майами завершились\n1 февраля 2026, 07:12\nАвтор: Ирина Петрова\n\nДмитриев улетел домой.",
     "Переговоры в Майами завершились\n\nДмитриев улетел домой.", D(2026, 2, 1)),
    ("Понедельник 2 июня 2025, 14:02\nВторой раунд начался в Стамбуле.", "Второй раунд начался в Стамбуле.",
     D(2025, 6, 2)),
    ("08:14 03.11.2025 (обновлено: 09:02 03.11.2025)\nТрамп поговорил с Путиным по телефону.",
     "Трамп поговорил с Путиным по телефону.", D(2025, 11, 3)),
    ("Пятница, 28 ноября, 2025\nУмеров прилетел во Флориду.", "Умеров прилетел во Флориду.", D(2025, 11, 28)),
    ("2025-10-06T11:24:00+03:00\nВэнс выступил в эфире телеканала.", "Вэнс выступил в эфире телеканала.", D(2025, 10, 6)),
    # agency datelines: the dateline goes, the sentence after it stays
    ("МОСКВА, 18 фев — Новости Парли. Ушаков прокомментировал итоги встречи.",
     "Ушаков прокомментировал итоги встречи.", None),
    ("П.-КАМЧАТСКИЙ, 25 янв - Новости Парли. Песков ответил на вопросы журналистов.",
     "Песков ответил на вопросы журналистов.", None),
    ("ЖЕНЕВА, 18 февраля. /Парли-Пресс/. Мединский назвал переговоры деловыми.",
     "Мединский назвал переговоры деловыми.", None),
    # repeated headlines: the first stays, its echoes go
    ("Уиткофф прилетел в Москву\nУиткофф прилетел в Москву - 25.01.2026, ПАРЛИ\nУиткофф прилетел в Москву\n"
     "Самолет приземлился во Внуково.", "Уиткофф прилетел в Москву\nСамолет приземлился во Внуково.", None),
]


@pytest.mark.parametrize(("raw", "text", "published"), HEADER_STYLES)
def test_clean_header_styles(raw, text, published):
    cleaned = clean_text(raw)
    assert cleaned.text == text
    assert cleaned.published == published


FURNITURE = [
    "avatar", "НОВОСТИ", "ПОЛИТИКА", "Реклама", "Читайте также:", "Размер шрифта", "ua en ru", "Укр Рус", "594",
    "Перейти к основному контенту", "Автор: Олег Смирнов", "Текст: Анна Белова", "Источник: Парли-Пресс",
    "Фото: пресс-служба Кремля", "Рустем Умеров (Фото: Иван Петров / Reuters)", "© AP Photo / Alex Brandon",
    "Дэниел Дрисколл. Архивное фото", "Анна Смирнова/РИА Новости", "- Gettyimages.ru", "REUTERS/Kevin Lamarque",
    "Фото, видео: Сергей Иванов/ТАСС; example.ru", "Читать полностью",
    "в мире, украина, дональд трамп, сша, владимир путин", "сша", "сегодня в 12:07", "11 марта 2025, 09:45 Война в Украине",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_clean_drops_furniture_lines(line):
    assert clean_text(f"{line}\nДелегации встретились в Женеве.").text == "Делегации встретились в Женеве."


CAPTIONS = [
    # the words before a credit stay when they say something
    ("Начались переговоры трех делегаций в Абу-Даби. Фото: из открытых источников",
     "Начались переговоры трех делегаций в Абу-Даби."),
    ("Дмитриев и Уиткофф идут на переговоры с Путиным, Кремль, весна 2025 года. Фото: Иван Петров / Спутник",
     "Дмитриев и Уиткофф идут на переговоры с Путиным, Кремль, весна 2025 года."),
    ("Зеленский и Трамп беседуют в Овальном кабинете / Фото из архива", "Зеленский и Трамп беседуют в Овальном кабинете"),
    ("Кремль ответил на вопрос о встрече Фото: пресс-служба Кремля", "Кремль ответил на вопрос о встрече"),
]


@pytest.mark.parametrize(("line", "kept"), CAPTIONS)
def test_clean_keeps_caption_words_before_a_credit(line, kept):
    assert clean_text(line).text == kept


ARTICLE_SENTENCES = [
    "15 августа в Анкоридже состоялся саммит лидеров России и США.",
    "15 августа Путин и Трамп встретятся на Аляске",
    "В Женеве 17 февраля",
    "Путин и Трамп встретятся 15 августа 2025 года",
    "Напомним",
    "«Мы готовы к встрече в любом формате», — сказал Зеленский.",
    "– Юрий Ушаков",
    "• 6 апреля, 1-я партия",
    "Владимир Мединский",
    "США, Россия и Украина договорились о новом обмене пленными 5 февраля 2026 года.",
    "ДОПОЛНЕНО в 21:00. Совет безопасности ООН собрался на заседание.",
    "Москва / Киев",
]


@pytest.mark.parametrize("sentence", ARTICLE_SENTENCES)
def test_clean_keeps_article_sentences(sentence):
    text = f"Заголовок статьи\n{sentence}\nПоследний абзац статьи."
    assert clean_text(text).text == text


@pytest.mark.parametrize(("line", "expected"), [
    ("1 февраля 2026, 07:12", True), ("04 ноября 2025, 16:41, ИА Парли", True), ("25.01.2026", True),
    ("Россия, Вторник 13 января 2026 18:05", True), ("Обновлено - 15:39, 17 февраля", True),
    ("15 августа 2025 Путин прилетел", False), ("15 августа Путин и Трамп встретятся", False),
])
def test_clean_dateline_recognised(line, expected):
    assert is_dateline(line) is expected


def test_clean_headline_becomes_the_title():
    cleaned = clean_text(" date 2025-12-15\nПереговоры в Берлине завершились\n\nВторой день прошел спокойно.")
    assert cleaned.title == "Переговоры в Берлине завершились"
    assert cleaned.text.startswith("Переговоры в Берлине завершились\n")


def test_clean_keeps_every_gold_evidence_sentence(shared_dir):
    """Cleaning must never cut a sentence that the gold annotators used as evidence."""
    import json
    import re

    missing = []
    for line in (shared_dir / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        text = clean_text(row["text"]).text
        for meeting in row["meetings"]:
            parts = re.split(r"\.\.\.|…|<\.\.\.>|\[|\]", meeting["evidence"])
            missing += [(row["doc_id"], part) for part in map(str.strip, parts) if len(part) > 10 and part not in text]
    assert missing == []


@pytest.mark.parametrize("sentence", [
    "Путин, 15 августа — встреча на Аляске. Так писали газеты.",
    "Москва, 25 января — день студентов. Об этом напомнил Песков.",
])
def test_clean_sentence_shaped_like_a_dateline_is_kept(sentence):
    assert clean_text(sentence).text == sentence


@pytest.mark.parametrize(("raw", "text"), [
    ("Кремль согласился на паузу до 1 февраляТрамп лично просил об этом Путина.",
     "Кремль согласился на паузу до 1 февраля\nТрамп лично просил об этом Путина."),
    ("Итоги беседы с УиткоффомСтороны обсудили территории.", "Итоги беседы с Уиткоффом\nСтороны обсудили территории."),
    ("Видеоролик выложили в ТикТок и ВКонтакте.", "Видеоролик выложили в ТикТок и ВКонтакте."),
])
def test_clean_splits_glued_headlines(raw, text):
    assert clean_text(raw).text == text
