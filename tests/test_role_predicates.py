"""Roles a verb gives a person: on hand-built parses (the rule alone) and through the whole extraction."""
from __future__ import annotations

import pytest
from hand_layers import sentence
from test_roles import roles_of

from parley.extract.role_predicates import may_give_a_role, predicated_spans
from parley.records import Actor, ActorMention

BECAME = """
Иван иван PROPN 2 nsubj Case=Nom
Горелов горелов PROPN 0 flat:name Case=Nom
стал стать VERB -1 root Voice=Act VerbForm=Fin
председателем председатель NOUN 2 xcomp Case=Ins Number=Sing
суда суд NOUN 3 nmod Case=Gen Number=Sing
, , PUNCT 2 punct
"""

APPOINTED = """
Мэр мэр NOUN 1 nsubj Case=Nom Number=Sing
назначил назначить VERB -1 root Voice=Act VerbForm=Fin
Ивана иван PROPN 1 obj Case=Acc
Горелова горелов PROPN 2 flat:name Case=Acc
своим свой DET 5 det Case=Ins
заместителем заместитель NOUN 1 xcomp Case=Ins Number=Sing
. . PUNCT 1 punct
"""

HOLDS_A_POST = """
Иван иван PROPN 7 nsubj Case=Nom
Горелов горелов PROPN 0 flat:name Case=Nom
, , PUNCT 4 punct
который который PRON 4 nsubj Case=Nom
занимает занимать VERB 0 acl:relcl Voice=Act VerbForm=Fin
пост пост NOUN 4 obj Case=Acc Number=Sing
мэра мэр NOUN 5 nmod Case=Gen Number=Sing
, , PUNCT 4 punct
уехал уехать VERB -1 root Voice=Act VerbForm=Fin
"""

WORKS_WITH = """
Иван иван PROPN 2 nsubj Case=Nom
Горелов горелов PROPN 0 flat:name Case=Nom
работает работать VERB -1 root Voice=Act VerbForm=Fin
с с ADP 4 case
министром министр NOUN 2 obl Case=Ins Number=Sing
. . PUNCT 2 punct
"""

GRADED = """
Иван иван PROPN 2 nsubj Case=Nom
Горелов горелов PROPN 0 flat:name Case=Nom
стал стать VERB -1 root Voice=Act VerbForm=Fin
самым самый ADJ 4 amod Case=Ins
молодым молодой ADJ 5 amod Case=Ins
депутатом депутат NOUN 2 xcomp Case=Ins Number=Sing
. . PUNCT 2 punct
"""

# The parser may hang two verbs on each other; climbing from one to the other must stop.
LOOPED = """
Горелов горелов PROPN 2 obl Case=Nom
может мочь VERB 2 xcomp VerbForm=Fin
стать стать VERB 1 xcomp VerbForm=Inf
министром министр NOUN 2 xcomp Case=Ins Number=Sing
"""


def _spans(spec: str, name: str) -> list[str]:
    parsed = sentence(spec)
    at = parsed.text.index(name)
    person = ActorMention(at, at + len(name), name, name, Actor("gorelov_ivan", name))
    return [(m.actor.id, " ".join(t.text for t in parsed.tokens[a:b]))
            for m, a, b in predicated_spans(parsed.tokens, [person])]


@pytest.mark.parametrize("spec, name, found", [
    (BECAME, "Иван Горелов", [("gorelov_ivan", "председателем суда")]),
    # the object of an active verb that gives the post holds it, not the subject
    (APPOINTED, "Ивана Горелова", [("gorelov_ivan", "заместителем")]),
    # a relative clause: the name it hangs on; the post noun is no one's object
    (HOLDS_A_POST, "Иван Горелов", [("gorelov_ivan", "мэра")]),
    # a preposition makes the noun a companion
    (WORKS_WITH, "Иван Горелов", []),
    # a judgement of the person, not a post
    (GRADED, "Иван Горелов", []),
    (LOOPED, "Горелов", []),
])
def test_predicated_spans(models, spec, name, found):
    assert _spans(spec, name) == found


@pytest.mark.parametrize("text, person, role", [
    ("Весной Иван Горелов стал председателем областного суда.", "gorelov_ivan", "председатель областного суда"),
    ("Капитаном команды на новый сезон назначен Олег Сидоренко.", "sidorenko_oleg", "капитан команды"),
    ("Иван Горелов, который занимает пост министра транспорта, уехал в отпуск.", "gorelov_ivan",
     "министр транспорта"),
    ("Будучи губернатором, Иван Горелов построил в городе два моста.", "gorelov_ivan", "губернатор"),
    # the object of a verb of naming holds the post it is named to
    ("Тренер назвал Ивана Горелова новым капитаном команды.", "gorelov_ivan", "новый капитан команды"),
])
def test_roles_given_by_a_verb(models, text, person, role):
    assert (person, role) in roles_of(text)


@pytest.mark.parametrize("text, wanted", [
    ("Иван Горелов стал министром.", True),
    ("Иван Горелов занимает пост министра.", True),
    ("Министр приехал в город.", False),  # no verb of a post
    ("Иван Горелов стал известен всей стране.", False),  # no role noun
])
def test_may_give_a_role(models, text, wanted):
    assert may_give_a_role(text) is wanted
