"""The annotated document's layers, and meetings read from hand-built layers (no model is loaded)."""
from __future__ import annotations

import datetime as dt

import pytest
from hand_layers import sentence

from parley import nlp
from parley.extract.layers import annotate
from parley.extract.meetings import find_meetings
from parley.records import Actor, ActorMention, Analysis, Document, MeetingStatus



@pytest.fixture(autouse=True)
def no_models(monkeypatch):
    def refuse():
        raise AssertionError("a stage test on hand-built layers loaded the NLP models")
    monkeypatch.setattr(nlp, "models", refuse)


WITKOFF = Actor("witkoff", "Стив Уиткофф", "person", "USA")
PUTIN = Actor("putin", "Владимир Путин", "person", "RUS")
PETROV = Actor("petrov_ivan", "Иван Петров", "person", None)

MET = """
Уиткофф уиткофф PROPN 1 nsubj Case=Nom
встретился встретиться VERB -1 root Tense=Past Aspect=Perf VerbForm=Fin
с с ADP 3 case
Путиным путин PROPN 1 obl Case=Ins
в в ADP 5 case
Москве москва PROPN 1 obl Case=Loc
2 2 NUM 1 obl
декабря декабрь NOUN 6 flat Case=Gen
. . PUNCT 1 punct
"""

DELEGATION = """
Украинская украинский ADJ 1 amod Case=Nom
делегация делегация NOUN 2 nsubj Case=Nom
прилетела прилететь VERB -1 root Tense=Past
. . PUNCT 2 punct
"""


def _document(*sentences):
    text = " ".join(s.text for s in sentences)
    return Document(doc_id="hand", text=text, published=dt.date(2025, 12, 3)), Analysis(text, tuple(sentences))


def _mention(sent, word, actor):
    at = sent.text.index(word) + sent.start
    return ActorMention(at, at + len(word), word, actor.name, actor)


def test_layers_hold_trees_sides_places_and_dates():
    met = sentence(MET)
    delegation = sentence(DELEGATION, start=len(met.text) + 1)
    document, analysis = _document(met, delegation)
    layers = annotate(document, analysis, (_mention(met, "Уиткофф", WITKOFF), _mention(met, "Путиным", PUTIN)))
    first, second = layers.sentences
    assert first.tree is not None and first.tree.head(0) == 1
    assert [d.value for d in first.dates] == ["2025-12-02"]
    assert [p.name for p in first.places] == ["Москва"]
    assert [(s.side, s.grouped) for s in second.sides] == [("UKR", True)]
    assert dict(layers.person_sides) == {"witkoff": "USA", "putin": "RUS"}


def test_a_person_without_a_side_takes_the_side_of_the_words_before_the_name():
    spec = """
советник советник NOUN 4 nsubj Case=Nom
президента президент NOUN 0 nmod Case=Gen
США сша PROPN 1 nmod Case=Gen
Иван иван PROPN 0 appos Case=Nom
Петров петров PROPN 3 flat:name Case=Nom
прилетел прилететь VERB -1 root Tense=Past
. . PUNCT 5 punct
"""
    sent = sentence(spec)
    document, analysis = _document(sent)
    layers = annotate(document, analysis, (_mention(sent, "Иван Петров", PETROV),))
    assert layers.person_sides["petrov_ivan"] == "USA"


def test_an_unparsed_sentence_has_dates_but_no_tree():
    met = sentence(MET)
    plain = type(met)(met.start, met.stop, met.text, parsed=False)
    document, analysis = _document(plain)
    (layer,) = annotate(document, analysis, ()).sentences
    assert layer.tree is None and layer.sides == () and [d.value for d in layer.dates] == ["2025-12-02"]


def test_meetings_read_the_layers():
    met = sentence(MET)
    document, analysis = _document(met)
    actors = (_mention(met, "Уиткофф", WITKOFF), _mention(met, "Путиным", PUTIN))
    (meeting,) = find_meetings(document, analysis, actors, annotate(document, analysis, actors))
    assert {a.id for a in meeting.participants} == {"witkoff", "putin"}
    assert (meeting.place, meeting.date, meeting.status) == ("Москва", "2025-12-02", MeetingStatus.HELD)
