"""Each stage of meetings on hand-built parsed sentences: triggers, status, sides, places (no model is loaded)."""
from __future__ import annotations

import pytest
from hand_layers import sentence

from parley import nlp
from parley.extract.meetings.sides import _unnamed_one, find_sides
from parley.extract.meetings.tree import Tree
from parley.extract.meetings.triggers import find_triggers
from parley.extract.places import meeting_place, place_mentions
from parley.extract.status import status_of
from parley.records import MeetingStatus


@pytest.fixture(autouse=True)
def no_models(monkeypatch):
    def refuse():
        raise AssertionError("a stage test on a hand-built sentence loaded the NLP models")
    monkeypatch.setattr(nlp, "models", refuse)


CANCELLED = """
Встречу встреча NOUN 1 obj Case=Acc
отменили отменить VERB -1 root Tense=Past Aspect=Perf VerbForm=Fin
. . PUNCT 1 punct
"""

PLANNED = """
Переговоры переговоры NOUN 1 nsubj Case=Nom
пройдут пройти VERB -1 root Tense=Fut Aspect=Perf VerbForm=Fin
в в ADP 3 case
Анкаре анкара PROPN 1 obl Case=Loc
. . PUNCT 1 punct
"""

HELD = """
Министры министр NOUN 1 nsubj Case=Nom Number=Plur
встретились встретиться VERB -1 root Tense=Past Aspect=Perf VerbForm=Fin
в в ADP 3 case
Женеве женева PROPN 1 obl Case=Loc
. . PUNCT 1 punct
"""

NOT_A_MEETING = """
Мирный мирный ADJ 1 amod Case=Nom
процесс процесс NOUN 2 nsubj Case=Nom
переговоров переговоры NOUN 1 nmod Case=Gen
идет идти VERB -1 root Tense=Pres
. . PUNCT 3 punct
"""


@pytest.mark.parametrize("spec, lemma, kind, status", [
    (CANCELLED, "встреча", "talks", MeetingStatus.CANCELLED),
    (PLANNED, "переговоры", "talks", MeetingStatus.PLANNED),
    (HELD, "встретиться", "talks", MeetingStatus.HELD),
])
def test_trigger_and_status(spec, lemma, kind, status):
    tree = Tree.of(sentence(spec))
    (trigger,) = find_triggers(tree)
    assert (trigger.lemma, trigger.kind) == (lemma, kind)
    assert status_of(tree.tokens, trigger.index, trigger.anchors).status == status


def test_a_meeting_word_under_a_process_noun_is_no_meeting():
    assert find_triggers(Tree.of(sentence(NOT_A_MEETING))) == []


@pytest.mark.parametrize("spec, sides", [
    ("""
Делегации делегация NOUN 3 nsubj Case=Nom Number=Plur
США сша PROPN 0 nmod Case=Gen
и и CCONJ 2 cc
Украины украина PROPN 1 conj Case=Gen
встретились встретиться VERB -1 root Tense=Past
. . PUNCT 4 punct
""", ["UKR", "USA"]),
    ("""
Российско-американские российско-американский ADJ 1 amod Case=Nom
переговоры переговоры NOUN 2 nsubj Case=Nom
начались начаться VERB -1 root Tense=Past
. . PUNCT 2 punct
""", ["RUS", "USA"]),
    ("""
Переговоры переговоры NOUN 1 nsubj Case=Nom
прошли пройти VERB -1 root Tense=Past
в в ADP 3 case
России россия PROPN 1 obl Case=Loc
. . PUNCT 1 punct
""", []),  # a country under "в" is where, not who
])
def test_sides(spec, sides):
    assert sorted(s.side for s in find_sides(Tree.of(sentence(spec)))) == sides


def test_place_of_the_meeting():
    sent = sentence(PLANNED, spans=(("LOC", "Анкаре"),))
    tree = Tree.of(sent)
    (trigger,) = find_triggers(tree)
    found = meeting_place(tree, tuple(place_mentions(tree, sent.spans)), trigger.anchors)
    assert found is not None and found.name == "Анкара"


# The parser may draw a loop ("Женеве" and "Берне" each hung on the other); climbing the heads must stop.
LOOPED = """
Встреча встреча NOUN 1 nsubj Case=Nom
прошла пройти VERB -1 root Tense=Past
в в ADP 3 case
Женеве женева PROPN 5 nmod Case=Loc
и и CCONJ 5 cc
Берне берн PROPN 3 conj Case=Loc
. . PUNCT 1 punct
"""

LOOPED_SIDES = """
Встретились встретиться VERB -1 root Tense=Past
делегации делегация NOUN 0 nsubj Case=Nom
России россия PROPN 4 conj Case=Gen
и и CCONJ 4 cc
Украины украина PROPN 2 appos Case=Gen
. . PUNCT 0 punct
"""


def test_a_looped_parse_ends():
    tree = Tree.of(sentence(LOOPED))
    assert tree.leapt_verb(3) == -1
    assert tree.leapt_verb(5) == -1
    assert sorted(s.side for s in find_sides(Tree.of(sentence(LOOPED_SIDES)))) == ["RUS", "UKR"]
    assert not _unnamed_one(Tree.of(sentence(LOOPED_CONJ)), 0)


LOOPED_CONJ = """
министр министр NOUN 1 conj Case=Nom
глава глава NOUN 0 conj Case=Nom
"""
