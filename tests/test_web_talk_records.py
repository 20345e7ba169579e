"""The web record of ``test_api_records`` with what its meetings dealt with and how each side judged them,
plus two Geneva reports and one from Riyadh, built by hand; and checks that every span points into its text.

``fill_talk(store)``: the base record, then these articles saved and fused again. Rounds judged: Moscow
(Ушаков, positive), Riyadh (Дмитриев positive, Уиткофф negative), Geneva (Умеров mixed in one report and
positive in another: a tone conflict; "в Кремле", the Russian side, negative).
"""
from __future__ import annotations

import dataclasses

import pytest

from parley.records import Actor, Assessment, Evidence, Extraction, Tone, Topic
from test_api_records import ACTORS, ARTICLES, Article, extraction, fill

RUSSIA = Actor("RUS", "Россия", "country", "RUS")
JUDGES = {**ACTORS, RUSSIA.id: RUSSIA}

TALK_ARTICLES = (
    Article("t-201", "2026-02-02", "Дмитриев: переговоры в Эр-Рияде были продуктивными",
            "1 февраля Кирилл Дмитриев и Стив Уиткофф провели встречу в Эр-Рияде. Дмитриев назвал переговоры "
            "продуктивными. Уиткофф, напротив, сказал, что прорыва пока нет. Стороны обсуждали обмен пленными и "
            "санкции.",
            (("Кирилл Дмитриев", "Кирилл Дмитриев", "dmitriev-kirill"), ("Стив Уиткофф", "Стив Уиткофф", "witkoff-steve")),
            meetings=((("dmitriev-kirill", "witkoff-steve"), "Эр-Рияд", "2026-02-01", "held",
                       "1 февраля Кирилл Дмитриев и Стив Уиткофф провели встречу в Эр-Рияде."),)),
    Article("t-202", "2026-02-18", "Женевский раунд",
            "17 февраля в Женеве Рустем Умеров и Кирилл Дмитриев провели переговоры при участии Стива Уиткоффа. "
            "Умеров назвал встречу «тяжёлой, но деловой» <img src=x onerror=alert(1)>. В Кремле переговоры "
            "оценили как бесполезные. Главным вопросом осталась линия соприкосновения.",
            (("Рустем Умеров", "Рустем Умеров", "umerov-rustem"), ("Кирилл Дмитриев", "Кирилл Дмитриев", "dmitriev-kirill"),
             ("Стива Уиткоффа", "Стив Уиткофф", "witkoff-steve")),
            meetings=((("umerov-rustem", "dmitriev-kirill", "witkoff-steve"), "Женева", "2026-02-17", "held",
                       "17 февраля в Женеве Рустем Умеров и Кирилл Дмитриев провели переговоры при участии "
                       "Стива Уиткоффа."),)),
    Article("t-203", "2026-02-19", "Умеров о Женеве",
            "Рустем Умеров, Кирилл Дмитриев и Стив Уиткофф 17 февраля встречались в Женеве. Умеров заявил, что "
            "встреча прошла продуктивно. Обсуждалось и энергетическое перемирие.",
            (("Рустем Умеров", "Рустем Умеров", "umerov-rustem"), ("Кирилл Дмитриев", "Кирилл Дмитриев", "dmitriev-kirill"),
             ("Стив Уиткофф", "Стив Уиткофф", "witkoff-steve")),
            meetings=((("umerov-rustem", "dmitriev-kirill", "witkoff-steve"), "Женева", "2026-02-17", "held",
                       "Рустем Умеров, Кирилл Дмитриев и Стив Уиткофф 17 февраля встречались в Женеве."),)),
)

# doc_id → topics (topic, words) and assessments (judge id, tone, words) of its one meeting
TALK = {
    "w-001": ((), (("ushakov-yuri", "positive", "полезным"),)),
    "w-002": ((("peace_plan", "американский мирный план"),), ()),
    "w-003": ((("security_guarantees", "гарантии безопасности"),), ()),
    "t-201": ((("humanitarian", "обмен пленными"), ("economy", "санкции")),
              (("dmitriev-kirill", "positive", "продуктивными"), ("witkoff-steve", "negative", "прорыва пока нет"))),
    "t-202": ((("territory", "линия соприкосновения"),),
              (("umerov-rustem", "mixed", "тяжёлой, но деловой"), ("RUS", "negative", "бесполезные"))),
    "t-203": ((("ceasefire", "энергетическое перемирие"), ("energy", "энергетическое")),
              (("umerov-rustem", "positive", "прошла продуктивно"),)),
}


def talk_extraction(article: Article) -> Extraction:
    facts = extraction(article)
    topics, judged = TALK.get(article.doc_id, ((), ()))
    text = facts.document.text

    def span(words: str) -> Evidence:
        at = text.index(words)
        return Evidence(at, at + len(words))

    meeting = dataclasses.replace(
        facts.meetings[0], topics=tuple(Topic(topic, span(words)) for topic, words in topics),
        assessments=tuple(Assessment(JUDGES[judge], JUDGES[judge].name, Tone(tone), span(words))
                          for judge, tone, words in judged))
    return dataclasses.replace(facts, meetings=(meeting,))


def fill_talk(store) -> None:
    from parley.fuse import fuse

    fill(store)
    for article in (*ARTICLES, *TALK_ARTICLES):
        if article.doc_id in TALK:
            store.save_extraction(talk_extraction(article))
    fuse(store)


@pytest.mark.parametrize("article", TALK_ARTICLES + tuple(a for a in ARTICLES if a.doc_id in TALK),
                         ids=lambda a: a.doc_id)
def test_web_talk_records_point_into_their_text(article):
    facts = talk_extraction(article)
    text = facts.document.text
    meeting = facts.meetings[0]
    assert text[meeting.evidence.start:meeting.evidence.stop] == article.meetings[0][4]
    topics, judged = TALK[article.doc_id]
    assert [text[t.evidence.start:t.evidence.stop] for t in meeting.topics] == [words for _, words in topics]
    assert [text[a.evidence.start:a.evidence.stop] for a in meeting.assessments] == [w for _, _, w in judged]
