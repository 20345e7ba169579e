"""The trained meeting decisions: features, the model file, the decision step, training, headline proposals."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from parley import nlp, pipeline
from parley.extract.actors import find_actors
from parley.extract.meetings import meeting_candidates
from parley.extract.meetings.merge import Candidate
from parley.extract.meetings.participants import Party
from parley.learn import model as model_file
from parley.learn.decide import decide, using
from parley.learn.features import meeting_features, word_keys
from parley.learn.model import MeetingModel
from parley.learn.train import Example, fit
from parley.records import (
    Actor, Analysis, DatePrecision, Document, Evidence, Meeting, MeetingStatus, Sentence,
)

PUBLISHED = dt.date(2026, 2, 1)
TEXT = "Лавров и Рубио встретились в Эр-Рияде. Потом был обед."
DOCUMENT = Document(doc_id="t", text=TEXT, published=PUBLISHED)
ANALYSIS = Analysis(text=TEXT, sentences=(Sentence(0, 38, TEXT[:38]), Sentence(39, len(TEXT), TEXT[39:])))
LAVROV = Actor("lavrov", "Сергей Лавров", "person", "RUS")
RUBIO = Actor("rubio", "Марко Рубио", "person", "USA")


def _proposal(status=MeetingStatus.HELD, explicit=True, date=None, **flags) -> tuple[Candidate, Meeting]:
    parties = (Party("lavrov", "Лавров", "RUS", True), Party("rubio", "Рубио", "USA", True))
    evidence = Evidence(0, 38)
    precision = DatePrecision.DAY if date else DatePrecision.UNKNOWN
    candidate = Candidate(parties=parties, place="Эр-Рияд", place_entry=None, date=date, precision=precision,
                          status=status, evidence=evidence, kind="talks", status_explicit=explicit, **flags)
    meeting = Meeting(participants=(LAVROV, RUBIO), participant_names=("Лавров", "Рубио"), place="Эр-Рияд",
                      date=date, date_precision=precision, status=status, evidence=evidence)
    return candidate, meeting


def _model(keep: dict[str, float], status: dict[str, dict[str, float]] | None = None) -> MeetingModel:
    return MeetingModel(version="test", keep_weights=keep, keep_threshold=0.5, status_weights=status or {})


# --- features --------------------------------------------------------------------------------


@pytest.mark.parametrize(("date", "relation"), [
    (None, "date:none"), ("2026-01-31", "date:past"), ("2026-02-01", "date:same"), ("2026-02-05", "date:future"),
    ("2026-02", "date:same"), ("2026-03", "date:future"),
])
def test_date_is_read_against_the_publication_day(date, relation):
    [features] = meeting_features(DOCUMENT, ANALYSIS, [_proposal(date=date)])
    assert features[relation] == 1.0
    assert sum(1 for k in features if k.startswith("date:")) == 1


def test_features_name_the_rules_reading_and_the_flags():
    [features] = meeting_features(DOCUMENT, ANALYSIS, [_proposal(MeetingStatus.PLANNED, explicit=False,
                                                                  headline=True, cooccurring=True)])
    assert features["status:planned"] == 1.0
    assert features["status_explicit"] == 0.0
    assert features["headline"] == features["cooccurring"] == 1.0
    assert features["one_side_only"] == 0.0 and features["has_place"] == 1.0
    assert "w:встрет" in features  # the sentence's words, by their first letters


def test_a_meeting_repeated_with_the_same_people_is_marked():
    features = meeting_features(DOCUMENT, ANALYSIS, [_proposal(), _proposal()])
    assert all(f.get("same_people_elsewhere") == 1.0 for f in features)


def test_word_keys_are_stems_without_numbers():
    assert word_keys("Переговоры 23 января") == {"w:перего", "w:января"}


# --- the model file --------------------------------------------------------------------------------


def test_model_round_trips_through_json(tmp_path):
    original = _model({"bias": 0.25, "headline": -1.5}, {"held": {"bias": 1.0}, "planned": {"bias": -1.0}})
    path = tmp_path / "m.json"
    path.write_text(json.dumps(original.to_json()))
    again = model_file.load(path)
    assert again.keep_weights == original.keep_weights
    assert again.status({"bias": 1.0}) == MeetingStatus.HELD


@pytest.mark.parametrize(("content", "message"), [
    ("not json", "cannot read the meeting model"),
    (json.dumps({"format": 99}), "model format 99"),
    (json.dumps({"format": 1, "version": "x", "keep": {"weights": {}, "threshold": 0.5},
                 "status": {"maybe": {}}}), "unknown statuses"),
])
def test_a_bad_model_file_says_what_is_wrong(tmp_path, content, message):
    path = tmp_path / "m.json"
    path.write_text(content)
    with pytest.raises(RuntimeError, match=message):
        model_file.load(path)


def test_the_shipped_model_loads_and_says_what_it_was_trained_on():
    shipped = model_file.shipped()
    assert shipped.keep_weights and shipped.status_weights
    assert "trained on" in shipped.description


# --- the decision step --------------------------------------------------------------------------------


def test_decide_drops_what_the_model_rejects():
    proposals = [_proposal(), _proposal(headline=True)]
    rejecting_headlines = _model({"bias": 5.0, "headline": -10.0})
    with using(rejecting_headlines):
        assert len(decide(DOCUMENT, ANALYSIS, proposals)) == 1


def test_the_model_sets_a_status_only_where_the_words_gave_none():
    says_planned = _model({"bias": 5.0}, {"planned": {"bias": 2.0}, "held": {"bias": 0.0}})
    with using(says_planned):
        [explicit] = decide(DOCUMENT, ANALYSIS, [_proposal(MeetingStatus.HELD, explicit=True)])
        [default] = decide(DOCUMENT, ANALYSIS, [_proposal(MeetingStatus.HELD, explicit=False)])
    assert explicit.status == MeetingStatus.HELD
    assert default.status == MeetingStatus.PLANNED


def test_rules_alone_keep_every_proposal():
    nothing = _model({"bias": -10.0})
    with using(nothing):
        assert decide(DOCUMENT, ANALYSIS, [_proposal()]) == ()
        with using(None):
            assert len(decide(DOCUMENT, ANALYSIS, [_proposal()])) == 1


# --- training --------------------------------------------------------------------------------


def _examples() -> list[Example]:
    rows = []
    for k in range(40):
        real = k % 3 != 0
        features = {"bias": 1.0, "status:held": 1.0, "one_side_only": float(not real), "position": k / 40}
        rows.append(Example(f"d{k}", features, real, ("held" if k % 2 else "planned") if real else None))
    return rows


def test_training_is_deterministic_and_learns_what_separates():
    first, second = fit(_examples()), fit(_examples())
    assert first.to_json() == second.to_json()
    assert first.keep_weights["one_side_only"] < 0
    assert not first.keeps({"bias": 1.0, "status:held": 1.0, "one_side_only": 1.0})
    assert first.keeps({"bias": 1.0, "status:held": 1.0, "one_side_only": 0.0})


def test_words_seen_rarely_are_not_learned():
    rows = _examples()
    rows[0] = Example("d0", {**rows[0].features, "w:редкое": 1.0}, rows[0].keep, rows[0].status)
    assert "w:редкое" not in fit(rows).keep_weights


# --- headline proposals (the whole NLP layer) --------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("Уиткофф и Дмитриев — о переговорах в Майами\n\nОбе стороны не раскрыли подробностей.", {"witkoff", "dmitriev"}),
    ("Рубио и Лавров: встреча в Эр-Рияде\n\nМинистры обменялись мнениями.", {"rubio", "lavrov"}),
])
def test_a_headline_without_grammar_proposes_its_parties(models, text, expected):
    document = Document(doc_id="h", text=text, published=PUBLISHED)
    analysis = nlp.analyse(text, parse=lambda s: True)
    with using(None):
        proposed = meeting_candidates(document, analysis, find_actors(document, analysis))
    assert any({a.id for a in m.participants} >= expected for _, m in proposed)


def test_a_body_sentence_without_grammar_proposes_nothing_new(models):
    text = "Новости дня\n\nПесков прокомментировал переговорную позицию Киева и визит Уиткоффа."
    document = Document(doc_id="b", text=text, published=PUBLISHED)
    analysis = nlp.analyse(text, parse=lambda s: True)
    with using(None):
        proposed = meeting_candidates(document, analysis, find_actors(document, analysis))
    assert not any(c.cooccurring for c, _ in proposed)


def test_the_pipeline_runs_the_decisions(models):
    extraction = pipeline.process(Document(doc_id="p", text="Лавров и Рубио провели переговоры в Эр-Рияде 18 "
                                           "февраля.", published=dt.date(2025, 2, 18)))
    assert [{a.id for a in m.participants} for m in extraction.meetings] == [{"lavrov", "rubio"}]
