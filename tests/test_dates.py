"""Date expressions resolved against the publication date."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.extract.dates import find_dates, resolve_weekday, with_weekday

PUBLISHED = dt.date(2026, 2, 1)  # a Sunday


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Делегации увиделись 30 января во Флориде.", PUBLISHED, "2026-01-30"),
        ("Встреча назначена на 3 февраля.", PUBLISHED, "2026-02-03"),
        ("Стороны поговорят 2 января.", dt.date(2025, 12, 30), "2026-01-02"),
        ("Переговоры прошли 29 декабря.", dt.date(2026, 1, 3), "2025-12-29"),
        ("Саммит намечен на 10 июня 2025 года.", PUBLISHED, "2025-06-10"),
        ("Раунд шел 11–12 февраля в Женеве.", PUBLISHED, "2026-02-11"),
        ("Консультации прошли 14-15 января.", PUBLISHED, "2026-01-14"),
        ("Первая сессия состоялась 20 и 21 января.", PUBLISHED, "2026-01-20"),
        ("Разговор длился в ночь с 27 на 28 января.", PUBLISHED, "2026-01-27"),
        ("Снимок сделан 05.11.2025 в Кремле.", PUBLISHED, "2025-11-05"),
        ("Сегодня министры обменялись мнениями.", PUBLISHED, "2026-02-01"),
        ("Сегодняшний раунд оказался долгим.", PUBLISHED, "2026-02-01"),
        ("Вчера лидеры созвонились.", PUBLISHED, "2026-01-31"),
        ("Накануне послы увиделись в Вене.", PUBLISHED, "2026-01-31"),
        ("Позавчера был звонок.", PUBLISHED, "2026-01-30"),
        ("Завтра делегации снова сядут за стол.", PUBLISHED, "2026-02-02"),
        ("Это было на октябрьских консультациях.", PUBLISHED, "2025-10"),
        ("В декабре переговорщики съездили в Берлин.", PUBLISHED, "2025-12"),
        ("В марте 2025 года прошла встреча.", PUBLISHED, "2025-03"),
        ("МИНСК, 1 фев — агентство.", PUBLISHED, "2026-02-01"),
        ("Визит может пройти в этом месяце.", PUBLISHED, "2026-02"),
        ("Послы увидятся в следующем месяце.", dt.date(2025, 12, 20), "2026-01"),
        ("Консультации шли в прошлом месяце.", dt.date(2026, 1, 5), "2025-12"),
        # a time of day with no day word is the day of publication
        ("Звонок министров намечен в 18:30 по Киеву.", PUBLISHED, "2026-02-01"),
        ("Беседа послов начнется примерно через два часа.", PUBLISHED, "2026-02-01"),
        ("Беседа послов назначена на 19:15 по Берлину.", PUBLISHED, "2026-02-01"),
        # a day word says the day: the time of day adds nothing
        ("В 18:30 во вторник послы созвонятся.", PUBLISHED, None),
    ],
)
def test_dates_resolve_against_published(text, published, expected):
    values = [d.value for d in find_dates(text, published) if not d.deadline]
    assert values[0] == expected


@pytest.mark.parametrize(
    "text",
    ["Консультации экспертов пройдут в марте, в 11:00.", "Послы созвонятся на следующей неделе в 9:15."],
)
def test_dates_time_of_day_is_not_the_publication_day_when_a_month_or_vague_word_says_when(text):
    assert PUBLISHED.isoformat() not in [d.value for d in find_dates(text, PUBLISHED)]


@pytest.mark.parametrize(
    "text",
    ["Перемирие продлится до 5 февраля.", "Ответа ждут до конца января.", "Удары прекратят к 1 марта."],
)
def test_dates_deadline_is_not_the_event(text):
    assert all(d.deadline for d in find_dates(text, PUBLISHED))


@pytest.mark.parametrize(
    "text",
    ["Встреча прошла в минувшие выходные.", "На прошлой неделе послы увиделись.", "Увидятся на выходных.",
     "Это их четвертая беседа с октября.", "На днях послы увиделись."],  # a month a period starts from is no meeting's date
)
def test_dates_vague_words_have_no_day(text):
    mentions = find_dates(text, PUBLISHED)
    assert mentions and all(d.value is None and d.kind == "vague" for d in mentions)


@pytest.mark.parametrize(
    "text",
    ["31 февраля ничего не было.", "32 января", "Счёт 3:2 в пользу хозяев.", "", "28 пунктов плана",
     "21:00 по Москве", "99.99.2025"],
)
def test_dates_malformed_do_not_crash_or_invent(text):
    assert [d.value for d in find_dates(text, PUBLISHED) if d.value] == []


def test_dates_without_published_date_keep_only_full_dates():
    values = [d.value for d in find_dates("Встреча 3 марта 2025 года, а потом сегодня.", None)]
    assert values == ["2025-03-03"]


@pytest.mark.parametrize(
    "weekday, future, expected",
    [
        (3, True, "2026-02-05"),   # "в четверг" ahead of Sunday 1 February
        (3, False, "2026-01-29"),  # "в четверг" looking back
        (6, False, "2026-02-01"),  # "в воскресенье" said on a Sunday: today
        (6, True, "2026-02-01"),
        (0, True, "2026-02-02"),
    ],
)
def test_dates_weekday_follows_tense(weekday, future, expected):
    assert resolve_weekday(weekday, PUBLISHED, future).isoformat() == expected


def test_dates_weekday_mention_is_resolved_later():
    mention = find_dates("Они встретятся в четверг на этой неделе.", dt.date(2026, 1, 21))[0]
    assert mention.kind == "weekday" and mention.value is None
    assert with_weekday(mention, dt.date(2026, 1, 21), future=True).value == "2026-01-22"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Послы беседовали в прошлое воскресенье.", "2026-01-25"),  # said on a Sunday: the one a week before
        ("Эксперты увидятся в следующую пятницу.", "2026-02-06"),
        ("Стороны созвонились в минувший вторник.", "2026-01-27"),
    ],
)
def test_dates_weekday_with_its_adjective_says_which_one(text, expected):
    assert [d.value for d in find_dates(text, PUBLISHED)] == [expected]


def test_dates_just_now_is_today():
    assert [d.value for d in find_dates("Я только что провел разговор.", PUBLISHED)] == ["2026-02-01"]


# Rounds that last more than a day: the first day is the date, round_end gives the last.
@pytest.mark.parametrize(
    "text, published, future, first, last",
    [
        ("Раунд шел 11–12 февраля в Женеве.", PUBLISHED, False, "2026-02-11", "2026-02-12"),
        ("Консультации прошли 14-15 января.", PUBLISHED, False, "2026-01-14", "2026-01-15"),
        ("Первая сессия состоялась 20 и 21 января.", PUBLISHED, False, "2026-01-20", "2026-01-21"),
        ("Консультации шли с 12 по 14 января в Дохе.", PUBLISHED, False, "2026-01-12", "2026-01-14"),
        ("Раунд длился 30 января – 1 февраля.", PUBLISHED, False, "2026-01-30", "2026-02-01"),
        ("Эксперты работали с 30 декабря по 2 января.", PUBLISHED, False, "2025-12-30", "2026-01-02"),
        ("Делегации будут работать во вторник и среду.", PUBLISHED, True, "2026-02-03", "2026-02-04"),
        ("Эксперты заседали в среду и в четверг.", PUBLISHED, False, "2026-01-28", "2026-01-29"),
        ("Беседы 9 февраля продлятся два дня.", PUBLISHED, True, "2026-02-09", "2026-02-10"),
        ("Двухдневный раунд начался 26 января.", PUBLISHED, False, "2026-01-26", "2026-01-27"),
        ("С 3 февраля в Омане пройдут трехдневные консультации.", PUBLISHED, True, "2026-02-03", "2026-02-05"),
        ("Разговор длился в ночь с 27 на 28 января.", PUBLISHED, False, "2026-01-27", None),
        ("Встреча прошла 30 января.", PUBLISHED, False, "2026-01-30", None),
        ("Встреча 30 января прошла через два дня после звонка.", PUBLISHED, False, "2026-01-30", None),
        ("Встреча 30 января, о которой объявили два дня назад.", PUBLISHED, False, "2026-01-30", None),
        ("Раунд прошел в январе и длился два дня.", PUBLISHED, False, "2026-01", None),
        ("Второй день шел 31–30 января.", PUBLISHED, False, "2026-01-31", None),
    ],
)
def test_rounds_that_last_more_than_a_day(text, published, future, first, last):
    from parley.extract.dates import round_end

    mention = with_weekday(find_dates(text, published)[0], published, future)
    assert (mention.value, round_end(text, mention)) == (first, last)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("ВСТРЕЧА НАЗНАЧЕНА НА 3 ФЕВРАЛЯ.", ["2026-02-03"]),
        ("ВЧЕРА ЛИДЕРЫ СОЗВОНИЛИСЬ.", ["2026-01-31"]),
        ("Консультации продолжатся В МАРТЕ.", ["2026-03"]),
        ("Послы увидятся в ПЯТНИЦУ.", [None]),
        ("Министры поговорили по телефону и обменялись мнениями.", []),
    ],
)
def test_dates_a_table_word_in_capitals_still_lets_its_pattern_be_tried(text, expected):
    assert [d.value for d in find_dates(text, PUBLISHED)] == expected
