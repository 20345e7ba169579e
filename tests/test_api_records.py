"""A small record for the API and browser tests, built straight from parley.records (no NLP), and its checks.

``fill(store)`` saves seven short articles with their facts and fuses them: five events, one of them
reported by three articles that disagree on the place.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from parley.records import (Actor, ActorMention, DatePrecision, Document, Evidence, Extraction, LedgerEntry,
                            LedgerStatus, Meeting, MeetingStatus, Quote, Role)

ACTORS = {actor.id: actor for actor in (
    Actor("witkoff-steve", "Стив Уиткофф", "person", "USA"),
    Actor("kushner-jared", "Джаред Кушнер", "person", "USA"),
    Actor("putin-vladimir", "Владимир Путин", "person", "RUS"),
    Actor("ushakov-yuri", "Юрий Ушаков", "person", "RUS"),
    Actor("umerov-rustem", "Рустем Умеров", "person", "UKR"),
    Actor("rubio-marco", "Марко Рубио", "person", "USA"),
    Actor("lavrov-sergey", "Сергей Лавров", "person", "RUS"),
    Actor("dmitriev-kirill", "Кирилл Дмитриев", "person", "RUS"),
    Actor("zelensky-volodymyr", "Владимир Зеленский", "person", "UKR"),
    Actor("erdogan-recep", "Реджеп Тайип Эрдоган", "person", "TUR"),
)}


@dataclass(frozen=True, slots=True)
class Article:
    doc_id: str
    published: str
    title: str
    text: str
    mentions: tuple[tuple[str, str, str], ...]  # (as written, nominative, actor id)
    meetings: tuple[tuple, ...] = ()  # ids, place, date, status, evidence[, the last day of a round]
    quotes: tuple[tuple[str, str], ...] = ()  # speaker id, quoted words
    roles: tuple[tuple[str, str, str], ...] = ()  # actor id, role, evidence sentence


ARTICLES = (
    Article("w-001", "2025-12-02", "Уиткофф и Кушнер провели переговоры в Кремле",
            "Специальный посланник президента США Стив Уиткофф прилетел в Москву утром. "
            "2 декабря Стив Уиткофф и Джаред Кушнер провели в Кремле переговоры с Владимиром Путиным. "
            "Беседа заняла почти пять часов. «Разговор получился полезным», — сказал после встречи "
            "помощник президента России Юрий Ушаков.",
            (("Стив Уиткофф", "Стив Уиткофф", "witkoff-steve"), ("Джаред Кушнер", "Джаред Кушнер", "kushner-jared"),
             ("Владимиром Путиным", "Владимир Путин", "putin-vladimir"), ("Юрий Ушаков", "Юрий Ушаков", "ushakov-yuri")),
            meetings=((("witkoff-steve", "kushner-jared", "putin-vladimir"), "Москва", "2025-12-02", "held",
                       "2 декабря Стив Уиткофф и Джаред Кушнер провели в Кремле переговоры с Владимиром Путиным."),),
            quotes=(("ushakov-yuri", "Разговор получился полезным"),),
            roles=(("ushakov-yuri", "помощник президента России",
                    "«Разговор получился полезным», — сказал после встречи помощник президента России Юрий Ушаков."),)),
    Article("w-002", "2025-12-03", "Путин принял американских переговорщиков",
            "Во вторник в Москве Владимир Путин принял Стива Уиткоффа и Джареда Кушнера. "
            "Стороны обсудили американский мирный план.",
            (("Владимир Путин", "Владимир Путин", "putin-vladimir"), ("Стива Уиткоффа", "Стив Уиткофф", "witkoff-steve"),
             ("Джареда Кушнера", "Джаред Кушнер", "kushner-jared")),
            meetings=((("putin-vladimir", "witkoff-steve", "kushner-jared"), "Москва", "2025-12-02", "held",
                       "Во вторник в Москве Владимир Путин принял Стива Уиткоффа и Джареда Кушнера."),)),
    Article("w-003", "2025-12-05", "Умеров полетит в Майами",
            "Секретарь СНБО Украины Рустем Умеров встретится со Стивом Уиткоффом в Майами 10 декабря. "
            "Делегации обсудят гарантии безопасности.",
            (("Рустем Умеров", "Рустем Умеров", "umerov-rustem"), ("Стивом Уиткоффом", "Стив Уиткофф", "witkoff-steve")),
            meetings=((("umerov-rustem", "witkoff-steve"), "Майами", "2025-12-10", "planned",
                       "Секретарь СНБО Украины Рустем Умеров встретится со Стивом Уиткоффом в Майами 10 декабря."),),
            roles=(("umerov-rustem", "секретарь СНБО Украины",
                    "Секретарь СНБО Украины Рустем Умеров встретится со Стивом Уиткоффом в Майами 10 декабря."),)),
    Article("w-004", "2026-01-20", "Встречу в Будапеште отменили",
            "Встреча Марко Рубио и Сергея Лаврова в Будапеште отменена. Об этом сообщили в Белом доме.",
            (("Марко Рубио", "Марко Рубио", "rubio-marco"), ("Сергея Лаврова", "Сергей Лавров", "lavrov-sergey")),
            meetings=((("rubio-marco", "lavrov-sergey"), "Будапешт", "2026-01", "cancelled",
                       "Встреча Марко Рубио и Сергея Лаврова в Будапеште отменена."),)),
    Article("w-005", "2026-02-01", "Письмо в редакцию <script>alert(1)</script>",
            "Редакция получила письмо, в котором был фрагмент <script>alert('xss')</script> прямо в тексте. "
            "1 февраля Кирилл Дмитриев и Стив Уиткофф провели встречу в Эр-Рияде.",
            (("Кирилл Дмитриев", "Кирилл Дмитриев", "dmitriev-kirill"), ("Стив Уиткофф", "Стив Уиткофф", "witkoff-steve")),
            meetings=((("dmitriev-kirill", "witkoff-steve"), "Эр-Рияд", "2026-02-01", "held",
                       "1 февраля Кирилл Дмитриев и Стив Уиткофф провели встречу в Эр-Рияде."),)),
    Article("w-006", "2026-02-10", "Зеленский и Эрдоган поговорили",
            "Владимир Зеленский и Реджеп Тайип Эрдоган обсудили возможность новых переговоров.",
            (("Владимир Зеленский", "Владимир Зеленский", "zelensky-volodymyr"),
             ("Реджеп Тайип Эрдоган", "Реджеп Тайип Эрдоган", "erdogan-recep")),
            meetings=((("zelensky-volodymyr", "erdogan-recep"), None, None, "unknown",
                       "Владимир Зеленский и Реджеп Тайип Эрдоган обсудили возможность новых переговоров."),)),
    Article("w-007", "2025-12-03", "Где прошла встреча",
            "По другим сведениям, 2 и 3 декабря Владимир Путин встречался со Стивом Уиткоффом и Джаредом Кушнером "
            "в Санкт-Петербурге.",
            (("Владимир Путин", "Владимир Путин", "putin-vladimir"), ("Стивом Уиткоффом", "Стив Уиткофф", "witkoff-steve"),
             ("Джаредом Кушнером", "Джаред Кушнер", "kushner-jared")),
            meetings=((("putin-vladimir", "witkoff-steve", "kushner-jared"), "Санкт-Петербург", "2025-12-02", "held",
                       "По другим сведениям, 2 и 3 декабря Владимир Путин встречался со Стивом Уиткоффом и "
                       "Джаредом Кушнером в Санкт-Петербурге.", "2025-12-03"),)),
)


# Made-up outlets: two of the three reports of the Moscow meeting come from one of them.
OUTLETS = {"w-001": "Северный вестник", "w-002": "Дневная газета", "w-007": "Северный вестник",
           "w-003": "Вечерний курьер", "w-005": "Южная лента"}


def _span(text: str, words: str) -> Evidence:
    start = text.index(words)
    return Evidence(start, start + len(words))


def extraction(article: Article) -> Extraction:
    text = article.text
    document = Document(doc_id=article.doc_id, text=text, published=dt.date.fromisoformat(article.published),
                        url=f"https://news.example/{article.doc_id}", title=article.title,
                        source=f"web-fixture:{article.doc_id}", content_hash=f"hash-{article.doc_id}",
                        outlet=OUTLETS.get(article.doc_id))
    names = {actor_id: name for _, name, actor_id in article.mentions}
    mentions = tuple(ActorMention(text.index(written), text.index(written) + len(written), written, name,
                                  ACTORS[actor_id]) for written, name, actor_id in article.mentions)
    meetings = tuple(Meeting(participants=tuple(ACTORS[i] for i in ids), participant_names=tuple(names[i] for i in ids),
                             place=place, date=date,
                             date_precision=DatePrecision.UNKNOWN if date is None else
                             DatePrecision.MONTH if len(date) == 7 else DatePrecision.DAY,
                             status=MeetingStatus(status), evidence=_span(text, evidence),
                             date_end=date_end[0] if date_end else None)
                     for ids, place, date, status, evidence, *date_end in article.meetings)
    quotes = tuple(Quote(ACTORS[speaker], names[speaker], words, text.index(words), text.index(words) + len(words),
                         _span(text, words)) for speaker, words in article.quotes)
    roles = tuple(Role(ACTORS[actor_id], names[actor_id], role, _span(text, sentence))
                  for actor_id, role, sentence in article.roles)
    return Extraction(document=document, actors=mentions, meetings=meetings, quotes=quotes, roles=roles)


def fill(store) -> None:
    from parley.fuse import fuse

    for article in ARTICLES:
        facts = extraction(article)
        store.save_document(facts.document)
        store.save_extraction(facts)
        store.record_ledger(LedgerEntry(facts.document.source, LedgerStatus.PROCESSED, "", article.doc_id))
    store.record_ledger(LedgerEntry("web-fixture:notes.txt", LedgerStatus.SKIPPED, "language en: only Russian"))
    fuse(store)


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.doc_id)
def test_api_records_every_fact_points_into_its_text(article):
    facts = extraction(article)
    text = facts.document.text
    for meeting in facts.meetings:
        assert text[meeting.evidence.start:meeting.evidence.stop].endswith(".")
    for mention in facts.actors:
        assert text[mention.start:mention.stop] == mention.text
