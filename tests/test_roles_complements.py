"""A name that completes another person's role phrase is its complement, not a holder of that role; a plural
role noun earlier in a list is another item of the list, not a title of the name."""
from __future__ import annotations

import datetime as dt

import pytest

from parley import nlp
from parley.extract.actors import find_actors
from parley.extract.roles import find_roles
from parley.records import Document


def roles_of(text: str) -> list[tuple[str, str]]:
    document = Document(doc_id="t", text=text, published=dt.date(2025, 12, 10))
    analysis = nlp.analyse(text)
    return [(r.actor.id, r.role) for r in find_roles(document, analysis, find_actors(document, analysis))]


@pytest.mark.parametrize("text, absent, present", [
    ("Его консультировал Филип Гордон, в прошлом помощник по нацбезопасности Камалы Харрис, "
     "вице-президента в администрации Джо Байдена.", "biden", ("harris", "вице-президент в администрации Джо Байдена")),
    ("Помощник президента России Юрий Ушаков встретился с Марко Рубио.", None,
     ("ushakov", "помощник президента России")),
    ("Госсекретарь США Марко Рубио и спецпосланник Стив Уиткофф прилетели в Женеву.", None,
     ("witkoff", "спецпосланник")),
])
def test_roles_complements_are_not_holders(models, text, absent, present):
    roles = roles_of(text)
    assert present in roles, roles
    if absent:
        assert absent not in {actor for actor, _ in roles}, roles


@pytest.mark.parametrize("text, wrong, kept", [
    ("Позже к ним присоединились лидеры нескольких европейских стран, генеральный секретарь НАТО Марк Рютте.",
     ("rutte", "лидер нескольких европейских стран"), ("rutte", "генеральный секретарь НАТО")),
    ("На встрече были министры обороны, госсекретарь США Марко Рубио.",
     ("rubio", "министр обороны"), ("rubio", "госсекретарь США")),
    # a singular title earlier in the chain is still his
    ("Его встретил бывший посол, помощник президента России Юрий Ушаков.",
     None, ("ushakov", "бывший посол")),
])
def test_roles_plural_list_items_are_not_titles(models, text, wrong, kept):
    roles = roles_of(text)
    assert kept in roles, roles
    assert wrong not in roles, roles
