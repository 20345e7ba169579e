"""A name cut off where the text stops in the middle of a word names nobody."""
from __future__ import annotations

import datetime as dt

import pytest

from parley import nlp
from parley.extract.actors import find_actors
from parley.records import Document


def names_of(text: str) -> list[str]:
    document = Document(doc_id="t", text=text, published=dt.date(2025, 12, 5))
    return [m.name for m in find_actors(document, nlp.analyse(text))]


@pytest.mark.parametrize("text, absent, present", [
    # the text stops inside a name: the fragment is no person
    ("Переговоры шли весь день. Делегацию возглавил помощник президента Никола", ["Никола"], []),
    ("На встрече был и посол Дэниел Кроу. Вместе с ним приехал советник Аркадий Семенч",
     ["Аркадий Семенч"], ["Дэниел Кроу"]),
    ("Встреча прошла в гостинице. Переговоры вел помощник Владимира", ["Владимир"], []),
    # unless it begins the name of exactly one known person: the first name whole, the surname begun
    ("Президент провел встречу с главой Белоруссии Александром Лукаш", ["Александр Лукаш"], ["Александр Лукашенко"]),
])
def test_actors_cut_names_dropped(models, text, absent, present):
    names = names_of(text)
    for name in absent:
        assert name not in names
    for name in present:
        assert name in names


@pytest.mark.parametrize("text, present", [
    # a text that ends with its full stop keeps its last name
    ("Переговоры вел посол Дэниел Кроу.", ["Дэниел Кроу"]),
    # a name at the end of a text that ends with a word, but not inside that word
    ("Посол Дэниел Кроу прилетел в Женеву и провел переговоры с делегацией", ["Дэниел Кроу"]),
])
def test_actors_cut_names_kept(models, text, present):
    names = names_of(text)
    for name in present:
        assert name in names, names
