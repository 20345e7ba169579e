"""A quotation from a statement ("— говорится в сообщении") that speaks of an office holder in the third
person is the statement's text, not the holder's words; one in the first person keeps the speaker named before."""
from __future__ import annotations

import datetime as dt

import pytest

from parley import nlp
from parley.extract.actors import find_actors
from parley.extract.quotes import find_quotes
from parley.records import Document


def speakers_of(text: str) -> list[str | None]:
    document = Document(doc_id="t", text=text, published=dt.date(2026, 1, 24))
    analysis = nlp.analyse(text)
    return [q.speaker.id if q.speaker else None for q in find_quotes(document, analysis, find_actors(document, analysis))]


@pytest.mark.parametrize("text, expected", [
    # the release describes the minister: nobody's own words
    ("Переговоры в столице Эмиратов продолжатся завтра, сообщил Марко Рубио. «Министр приветствовал встречу "
     "делегаций и выразил надежду на скорое перемирие», — говорится в сообщении.", [None]),
    ("Стив Уиткофф прилетел в Москву. «Президент подчеркнул, что диалог с американскими партнерами будет "
     "продолжен», — говорится в заявлении.", [None]),
])
def test_quotes_releases_about_an_office_have_no_speaker(models, text, expected):
    assert speakers_of(text) in ([], expected)


def test_quotes_releases_in_the_first_person_keep_the_speaker(models):
    text = ("Об этом написал в соцсети X Стив Уиткофф. «Мы провели продуктивную встречу и договорились "
            "продолжить работу», — говорится в сообщении.")
    assert speakers_of(text) == ["witkoff"]
