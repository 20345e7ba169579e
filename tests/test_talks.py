"""Topics and assessments of meetings: each stage on hand-built records (sentences written for these tests)."""
from __future__ import annotations

import datetime as dt
import json
import re

import pytest

from parley.extract.talks import attach_talks
from parley.extract.talks.assessments import assessment_candidates, choose_assessments, judgements, polar_cues
from parley.extract.talks.model import LinearModel, ModelError, TalksModel, from_dict, load, shipped
from parley.extract.talks.topics import TopicCandidate, choose_topics, topic_candidates
from parley.extract.talks.view import DocumentView
from parley.extract.talks.words import CueSet, LexiconError, fold, talks_words
from parley.records import (
    Actor, ActorMention, Analysis, DatePrecision, Document, Evidence, Meeting, MeetingStatus, Quote, Sentence, Tone,
    TOPICS,
)

WITKOFF = Actor("witkoff", "Стив Уиткофф", "person", "USA")
DMITRIEV = Actor("dmitriev", "Кирилл Дмитриев", "person", "RUS")
USHAKOV = Actor("ushakov", "Юрий Ушаков", "person", "RUS")
PESKOV = Actor("peskov", "Дмитрий Песков", "person", "RUS")
PERSONS = {"Уиткофф": WITKOFF, "Дмитриев": DMITRIEV, "Ушаков": USHAKOV, "Песков": PESKOV}


def sentences_of(text: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(m.start(), m.end(), m.group()) for m in re.finditer(r"[^.!?]+[.!?]?\s*", text))


def mentions_of(text: str) -> tuple[ActorMention, ...]:
    """Every form of a known surname in the text ("Уиткофф", "Уиткоффом") is a mention of that person."""
    found = []
    for surname, actor in PERSONS.items():
        for m in re.finditer(surname + r"\w*", text):
            found.append(ActorMention(m.start(), m.end(), m.group(), surname, actor))
    return tuple(sorted(found, key=lambda x: x.start))


def meeting_at(text: str, words: str, *actors: Actor, status=MeetingStatus.HELD) -> Meeting:
    start = text.index(words)
    return Meeting(participants=actors, participant_names=tuple(a.name for a in actors), place=None, date=None,
                   date_precision=DatePrecision.UNKNOWN, status=status, evidence=Evidence(start, start + len(words)))


def view_of(text: str, meetings: list[Meeting], quotes: tuple[Quote, ...] = ()) -> DocumentView:
    return DocumentView(text, sentences_of(text), mentions_of(text), quotes, meetings)


def one_meeting(text: str) -> tuple[str, list[Meeting]]:
    first = text.split(".")[0]
    return text, [meeting_at(text, first, WITKOFF, DMITRIEV)]


WORDS = talks_words("ru")


# --- the lexicon ---------------------------------------------------------------------------------


def test_the_lexicon_covers_every_topic_and_keeps_offsets():
    assert {label for label, _ in WORDS.topics.entries} == set(TOPICS)
    assert len(fold("Ёлка и ЗАЭС")) == len("Ёлка и ЗАЭС") and fold("Ёлка") == "елка"


def test_a_bad_cue_is_named_with_its_file():
    with pytest.raises(LexiconError, match="topics.json: energy: bad pattern"):
        CueSet([("energy", "газ(")], "lang/ru/topics.json")


def test_a_lexicon_file_missing_a_list_is_named(monkeypatch):
    from parley.extract.talks import words as module

    real = module._entries
    monkeypatch.setattr(module, "_entries", lambda lang, kind: {k: v for k, v in real(lang, kind).items() if k != "agenda"})
    module.talks_words.cache_clear()
    try:
        with pytest.raises(LexiconError, match="talks.json: missing agenda"):
            module.talks_words("ru")
    finally:
        monkeypatch.undo()
        module.talks_words.cache_clear()


# --- tone ----------------------------------------------------------------------------------------


def tone_of(sentence: str) -> set[str]:
    view = view_of(sentence, [])
    return {lean for _, lean in polar_cues(view, WORDS, 0, len(sentence))}


@pytest.mark.parametrize("sentence, leanings", [
    ("Переговоры прошли конструктивно и полезно.", {"positive"}),
    ("Стороны добились заметного прогресса.", {"positive"}),
    ("Консультации оказались безрезультатными.", {"negative"}),
    ("Встреча не дала результатов.", {"negative"}),  # a negated result
    ("Компромиссы пока не найдены.", {"negative"}),
    ("Смысла в такой встрече нет.", {"negative"}),
    ("Никакого прогресса достигнуто не было.", {"negative"}),  # a negated positive word
    ("Разговор был трудным, но продуктивным.", {"positive", "negative"}),  # contrast: both ways
    ("Делегации прибыли в город вечером.", set()),
    ("Результаты встречи обсудят позже.", set()),  # "результат" counts only under a negation
    ("В общей сложности делегации провели вместе шесть часов.", set()),  # "in all", no difficulty
    ("Никаких подробностей беседы стороны не раскрыли.", set()),  # details, not a detailed talk
    ("Оба переговорщика хорошо знают друг друга.", set()),  # knowing someone well judges nothing
    ("Стороны провели подробные и хорошие консультации.", {"positive"}),
])
def test_tone_words_and_negation(sentence, leanings):
    assert tone_of(sentence) == leanings


def judged(text: str, quotes: tuple[Quote, ...] = ()) -> list[tuple[str, str, list[tuple[str, str]]]]:
    text, meetings = one_meeting(text)
    view = view_of(text, meetings, quotes)
    return [(j.tone.value, text[j.start:j.stop], [(x.actor.id if x.actor else x.name, x.how) for x in j.judges])
            for j in judgements(view, WORDS)]


@pytest.mark.parametrize("text, tone, judge, how", [
    # a named speaker, indirect speech
    ("Уиткофф встретился с Дмитриевым в Майами. Ушаков назвал эту встречу полезной.", "positive", "ushakov", "named"),
    ("Уиткофф встретился с Дмитриевым в Майами. По словам Ушакова, переговоры не дали результатов.",
     "negative", "ushakov", "named"),
    # contrast: mixed
    ("Уиткофф встретился с Дмитриевым в Майами. Песков заявил, что беседа была тяжелой, но деловой.",
     "mixed", "peskov", "named"),
    ("Уиткофф встретился с Дмитриевым в Майами. Песков заявил, что переговоры были трудными.",
     "negative", "peskov", "named"),  # a word of difficulty beside the meeting's word
    # a side's unnamed voice
    ("Уиткофф встретился с Дмитриевым в Майами. В Кремле заявили, что переговоры прошли конструктивно.",
     "positive", "RUS", "side_voice"),
    ("Уиткофф встретился с Дмитриевым в Майами. Обе стороны назвали переговоры продуктивными.",
     "positive", "*sides*", "sides"),
    # "он заявил": the person just named
    ("Уиткофф встретился с Дмитриевым в Майами. Позже Ушаков вышел к журналистам. Он отметил, что встреча была "
     "содержательной.", "positive", "ushakov", "antecedent"),
    # the next sentence names who said it
    ("Уиткофф встретился с Дмитриевым в Майами. Беседа получилась полезной. Об этом вечером сообщил Ушаков.",
     "positive", "ushakov", "source_after"),
    # an office with its country stands for its holder in the knowledge base
    ("Уиткофф встретился с Дмитриевым в Майами. Позже американский президент сказал, что встреча была полезной.",
     "positive", "trump", "office"),
])
def test_a_judgement_has_a_tone_and_a_judge(text, tone, judge, how):
    found = judged(text)
    assert len(found) == 1, found
    assert found[0][0] == tone
    assert (judge, how) in found[0][2]


def test_a_sentence_after_a_colon_of_saying_gives_the_speakers_words():
    text = "Уиткофф встретился с Дмитриевым в Майами. Ушаков написал:\nРазговор вышел тяжелым, но полезным."
    _, meetings = one_meeting(text)
    cuts = [0, text.index("Ушаков"), text.index("\n") + 1, len(text)]
    sentences = tuple(Sentence(a, b, text[a:b]) for a, b in zip(cuts, cuts[1:]))
    view = DocumentView(text, sentences, mentions_of(text), (), meetings)
    [found] = judgements(view, WORDS)
    assert found.tone.value == "mixed"
    assert [(j.actor.id, j.how) for j in found.judges] == [("ushakov", "antecedent")]


def test_an_office_speaks_for_whoever_held_it_on_the_articles_day():
    text, meetings = one_meeting("Уиткофф встретился с Дмитриевым в Майами. Позже американский президент "
                                 "сказал, что встреча была полезной.")
    for day, holder in ((dt.date(2023, 6, 1), "biden"), (dt.date(2025, 6, 1), "trump")):
        [found] = judgements(view_of(text, meetings), WORDS, day)
        assert (holder, "office") in [(j.actor.id, j.how) for j in found.judges]


def test_a_ministry_without_its_country_speaks_for_the_side_named_near_it():
    text = "Уиткофф встретился с Дмитриевым в Майами. В дипломатическом ведомстве отметили, что Россия довольна " \
           "полезной беседой."
    _, meetings = one_meeting(text)
    russia = Actor("RUS", "Россия", "country", "RUS")
    at = text.index("Россия")
    mentions = mentions_of(text) + (ActorMention(at, at + 6, "Россия", "Россия", russia),)
    view = DocumentView(text, sentences_of(text), sorted(mentions, key=lambda m: m.start), (), meetings)
    [found] = judgements(view, WORDS)
    assert ("RUS", "ministry") in [(j.actor.id, j.how) for j in found.judges]


@pytest.mark.parametrize("text", [
    # the outlet's own adjectives: nobody says them
    "Уиткофф встретился с Дмитриевым в Майами. Переговоры прошли конструктивно.",
    # a hope is no judgement
    "Уиткофф встретился с Дмитриевым в Майами. Песков выразил надежду, что следующая встреча будет продуктивной.",
    "Уиткофф встретится с Дмитриевым в Майами. Ушаков сказал, что рассчитывает на успешные переговоры.",
    # no tone at all
    "Уиткофф встретился с Дмитриевым в Майами. Ушаков сообщил, что делегации вернулись домой.",
    # a word of difficulty about a topic, not about the meeting
    "Уиткофф встретился с Дмитриевым в Майами. Ушаков сказал, что вопрос границ остается самым сложным.",
])
def test_no_judgement(text):
    assert judged(text) == []


def test_a_quote_is_judged_by_its_speaker():
    text = "Уиткофф встретился с Дмитриевым в Майами. «Разговор был очень полезным», — сказал Ушаков."
    start = text.index("Разговор")
    stop = text.index("»")
    quote = Quote(USHAKOV, "Юрий Ушаков", text[start:stop], start, stop, Evidence(start - 1, len(text)))
    found = judged(text, (quote,))
    assert found and found[0][0] == "positive" and ("ushakov", "quote") in found[0][2]


# --- topics --------------------------------------------------------------------------------------


def topics_found(text: str) -> set[str]:
    text, meetings = one_meeting(text)
    return {c.topic for c in topic_candidates(view_of(text, meetings), WORDS)}


@pytest.mark.parametrize("text, topics", [
    ("Уиткофф встретился с Дмитриевым. Стороны обсудили обмен пленными.", {"humanitarian"}),
    ("Уиткофф встретился с Дмитриевым. Речь шла о линии соприкосновения и выводе войск.", {"territory"}),
    ("Уиткофф встретился с Дмитриевым. Они говорили об энергетическом перемирии.", {"ceasefire", "energy"}),
    ("Уиткофф встретился с Дмитриевым. На столе был проект рамочного соглашения.", {"peace_plan"}),
    ("Уиткофф встретился с Дмитриевым. Обсуждались гарантии безопасности для Киева.", {"security_guarantees"}),
    ("Уиткофф встретился с Дмитриевым. Темой стали санкции и замороженные активы.", {"economy"}),
    ("Уиткофф встретился с Дмитриевым. Они готовили саммит лидеров.", {"summit"}),
    ("Уиткофф встретился с Дмитриевым. Говорили и о двустороннем сотрудничестве.", {"economy"}),
    ("Уиткофф встретился с Дмитриевым. Говорили о деталях следующего обмена.", {"humanitarian"}),
    ("Уиткофф встретился с Дмитриевым. Был обмен мнениями.", set()),  # an exchange of views
    ("Уиткофф встретился с Дмитриевым на территории посольства.", set()),  # a place, not land at stake
    ("Уиткофф встретился с Дмитриевым. Речь шла о спорных территориях.", {"territory"}),
    ("Уиткофф созвонился с Дмитриевым по инициативе президента США.", set()),  # who called, not a plan
    ("Уиткофф встретился с Дмитриевым. Обсуждали инициативу президента США.", {"peace_plan"}),
    ("Уиткофф встретился с Дмитриевым. Стороны говорили о мирном урегулировании.", set()),  # no topic alone
    ("Уиткофф встретился с Дмитриевым. Погода в тот день была теплой.", set()),
    ("Уиткофф встретился с Дмитриевым. Их планы на вечер изменились.", set()),  # intentions, not a plan
    ("Уиткофф встретился с Дмитриевым. Обсуждали план визита в Москву.", set()),  # the plan of a trip
    ("Уиткофф встретился с Дмитриевым. Обсуждали американский план.", {"peace_plan"}),
])
def test_topic_cues(text, topics):
    assert topics_found(text) == topics


def test_a_topic_said_not_to_be_discussed_is_no_candidate():
    text, meetings = one_meeting("Уиткофф встретился с Дмитриевым. Они не обсуждали перемирие. Санкции обсудили.")
    assert {c.topic for c in topic_candidates(view_of(text, meetings), WORDS)} == {"economy"}
    text, meetings = one_meeting("Уиткофф встретился с Дмитриевым. Они не касались вопроса о перемирии.")
    assert topic_candidates(view_of(text, meetings), WORDS) == []


@pytest.mark.parametrize("text", [
    "Уиткофф встретился с секретарем Совета национальной безопасности Умеровым.",
    "Уиткофф встретился со спецпосланником по инвестиционно-экономическому сотрудничеству Дмитриевым.",
    "Уиткофф встретился со спецпредставителем по экономическому сотрудничеству Дмитриевым.",
    "Уиткофф встретился с верховным главнокомандующим объединенными силами НАТО Дмитриевым.",
    "Уиткофф встретился с Дмитриевым в штаб-квартире Организации Североатлантического договора (НАТО).",
])
def test_a_topic_word_inside_a_title_is_no_cue(text):
    text, meetings = one_meeting(text)
    assert topic_candidates(view_of(text, meetings), WORDS) == []


@pytest.mark.parametrize("text, topic", [
    ("Уиткофф и Дмитриев провели переговоры по экономическому сотрудничеству.", "economy"),
    ("Уиткофф встретился с Дмитриевым. Командующий армией Иван Петров сказал, что о вступлении в НАТО "
     "там говорили.", "security_guarantees"),
])
def test_a_title_does_not_reach_past_its_words(text, topic):
    text, meetings = one_meeting(text)
    assert topic in {c.topic for c in topic_candidates(view_of(text, meetings), WORDS)}


def test_a_cue_is_described_by_where_its_sentence_stands():
    text, meetings = one_meeting("Уиткофф встретился с Дмитриевым. Затронули и санкции. Погода была ясной. "
                                 "Газ подорожал.")
    found = {c.topic: c.features for c in topic_candidates(view_of(text, meetings), WORDS)}
    assert found["economy"]["at=next&discussion"] == 1.0 and found["economy"]["at=next&one_meeting"] == 1.0
    assert found["energy"]["at=near"] == 1.0 and "at=near&discussion" not in found["energy"]


def test_a_sentence_speaking_of_a_meeting_without_a_name_retells_the_last_one_stated():
    text = ("Уиткофф встретился с Дмитриевым. Погода была ясной. Дождя не было. Ветер стих. "
            "По итогам переговоров согласовали обмен пленными.")
    view = view_of(*one_meeting(text))
    assert view.retellings == [{4}]
    assert view.distance(0, 4) == 4 and view.with_retellings().distance(0, 4) == 0
    found = {c.topic: c.features for c in topic_candidates(view, WORDS)}
    assert found["humanitarian"]["at=told&discussion"] == 1.0


def test_a_cue_the_text_only_recalls_is_marked():
    text, meetings = one_meeting("Уиткофф встретился с Дмитриевым. Стороны обсудили санкции.\n"
                                 "Ранее сообщалось о плане из двадцати пунктов.")
    found = {c.topic: c.features for c in topic_candidates(view_of(text, meetings), WORDS)}
    assert found["peace_plan"]["only_recalled"] == 1.0 and found["peace_plan"]["at=next&recalled"] == 1.0
    assert found["economy"]["only_recalled"] == 0.0


def test_cues_far_from_every_meeting_are_not_asked_about():
    filler = "Погода была теплой. " * 45
    text = "Уиткофф встретился с Дмитриевым. " + filler + "Отдельно обсуждались санкции."
    assert topics_found(text) == set()


# --- decisions -----------------------------------------------------------------------------------


def model_of(topics: dict[str, float], assessments: dict[str, float], bias: float = -1.0) -> TalksModel:
    return TalksModel("test", LinearModel(topics, bias, 0.5), LinearModel(assessments, bias, 0.5))


TWO_MEETINGS = ("Уиткофф встретился с Дмитриевым в Майами. Стороны обсудили обмен пленными. "
                "Позже Ушаков поговорил с Уиткоффом по телефону. Ушаков назвал разговор полезным.")


def two_meetings() -> tuple[str, list[Meeting]]:
    text = TWO_MEETINGS
    return text, [meeting_at(text, "Уиткофф встретился с Дмитриевым в Майами", WITKOFF, DMITRIEV),
                  meeting_at(text, "Позже Ушаков поговорил с Уиткоффом по телефону", USHAKOV, WITKOFF)]


def test_a_topic_goes_to_the_meeting_the_model_ties_it_to():
    text, meetings = two_meetings()
    model = model_of({"min_dist=0": 3.0, "before": -5.0}, {})  # a sentence retelling the meeting
    topics = choose_topics(topic_candidates(view_of(text, meetings), WORDS), model.topics, 2)
    assert [[t.topic for t in ts] for ts in topics] == [["humanitarian"], []]
    evidence = topics[0][0].evidence
    assert text[evidence.start:evidence.stop].startswith("обмен пленн")


def test_a_topic_sure_for_one_meeting_goes_to_every_meeting_its_sentence_tells():
    text = ("Уиткофф встретился с Дмитриевым, а затем поговорил с Ушаковым. "
            "На встречах Уиткофф, Дмитриев и Ушаков обсуждали обмен пленными. Погода была ясной.")
    meetings = [meeting_at(text, "Уиткофф встретился с Дмитриевым", WITKOFF, DMITRIEV),
                meeting_at(text, "затем поговорил с Ушаковым", WITKOFF, USHAKOV)]
    candidates = topic_candidates(view_of(text, meetings), WORDS)
    assert all(c.told for c in candidates)
    sure_for_the_first = model_of({"main_meeting": 5.0}, {}).topics  # the model is sure for one meeting only
    topics = choose_topics(candidates, sure_for_the_first, 2)
    assert [[t.topic for t in ts] for ts in topics] == [["humanitarian"], ["humanitarian"]]


@pytest.mark.parametrize("rival, told, main, kept", [
    (2.0, False, False, True),  # nearly as likely as the likeliest meeting: both keep the topic
    (0.5, False, False, False),  # far less likely, and its own sentences do not state the topic: the likeliest wins
    (0.5, True, False, True),  # far less likely, but its own sentence states the topic
    (0.5, False, True, True),  # far less likely, but the meeting the article tells most
])
def test_a_meeting_far_less_likely_than_the_topics_likeliest_keeps_it_only_where_told(rival, told, main, kept):
    model = LinearModel({"likely": 1.0}, 0.0, 0.5)
    candidates = [TopicCandidate(0, "economy", 10, 17, {"likely": 2.5}),
                  TopicCandidate(1, "economy", 10, 17, {"likely": rival}, told=told, main=main)]
    topics = choose_topics(candidates, model, 2)
    assert [t.topic for t in topics[0]] == ["economy"]
    assert bool(topics[1]) is kept


def test_a_judgement_goes_to_one_meeting_and_one_judge():
    text, meetings = two_meetings()
    model = model_of({}, {"dist=1": 2.0, "judge_takes_part": 1.0, "evidence_dist=1": 1.0})
    _, candidates = assessment_candidates(view_of(text, meetings), WORDS)
    chosen = choose_assessments(candidates, model.assessments, 2)
    assert chosen[0] == ()
    assert [(a.judge.id, a.judge_name, a.tone) for a in chosen[1]] == [("ushakov", "Ушаков", Tone.POSITIVE)]
    evidence = chosen[1][0].evidence
    assert text[evidence.start:evidence.stop] == "полезным"


def test_both_sides_judge_through_each_side_of_the_meeting():
    text = "Уиткофф встретился с Дмитриевым в Давосе. Обе стороны назвали встречу позитивной."
    meetings = [meeting_at(text, "Уиткофф встретился с Дмитриевым в Давосе", WITKOFF, DMITRIEV)]
    _, candidates = assessment_candidates(view_of(text, meetings), WORDS)
    chosen = choose_assessments(candidates, model_of({}, {"how=sides": 3.0}).assessments, 1)
    assert sorted((a.judge.id, a.judge.kind, a.tone.value) for a in chosen[0]) == [
        ("RUS", "country", "positive"), ("USA", "country", "positive")]


@pytest.mark.parametrize("text", [
    "Уиткофф заявил, что встреча была необходима.",  # a need, not how the meeting went
    "Уиткофф заявил, что между сторонами остаются разногласия.",  # a state of the talks, not of the meeting
])
def test_words_that_judge_no_meeting_give_no_judgement(text):
    text, meetings = one_meeting(text)
    assert judgements(view_of(text, meetings), WORDS) == []


@pytest.mark.parametrize("sentence, verb, predicated, gap", [
    ("Ушаков назвал встречу полезной.", 1.0, 0.0, "meeting_word_gap=1"),  # a verb of judging
    ("Ушаков оценил итоги переговоров как вполне конструктивные.", 1.0, 0.0, "meeting_word_gap=3"),
    ("Ушаков сказал, что беседа прошла конструктивно.", 0.0, 1.0, "meeting_word_gap=3"),  # predicated of it
    ("По словам Ушакова, они были тяжелыми, но полезными.", 0.0, 1.0, "meeting_word_gap=none"),
    ("Ушаков сообщил, что делегации хорошо отдохнули перед долгой и сложной дорогой домой.", 0.0, 0.0,
     "meeting_word_gap=none"),
])
def test_a_judgement_is_described_by_how_its_tone_words_stand(sentence, verb, predicated, gap):
    text, meetings = one_meeting("Уиткофф встретился с Дмитриевым в Майами. " + sentence)
    [found] = judgements(view_of(text, meetings), WORDS)
    assert (found.features["judging_verb"], found.features["predicated"]) == (verb, predicated)
    assert found.features[gap] == 1.0


@pytest.mark.parametrize("sentence, outcome_only", [
    ("Ушаков сообщил, что стороны договорились об обмене пленными.", 1.0),  # reports what was reached
    ("Ушаков сказал, что удалось достичь понимания по срокам.", 1.0),
    ("Ушаков назвал встречу полезной.", 0.0),  # judges it
    ("Ушаков сказал, что встреча была полезной и стороны договорились продолжить.", 0.0),
])
def test_a_judgement_that_only_reports_an_outcome_is_marked(sentence, outcome_only):
    text, meetings = one_meeting("Уиткофф встретился с Дмитриевым в Майами. " + sentence)
    [found] = judgements(view_of(text, meetings), WORDS)
    assert found.features["outcome_only"] == outcome_only


def test_a_sentence_that_does_not_open_by_pointing_back_names_no_judge_of_the_one_before():
    assert judged("Уиткофф встретился с Дмитриевым в Майами. Беседа получилась полезной. Вечером Ушаков "
                  "сообщил о новых планах.") == []


def test_a_judgement_naming_the_judges_partner_marks_the_meeting_it_judges():
    text, meetings = two_meetings()
    text = text + " Уиткофф заявил, что встреча с Дмитриевым была полезной."
    _, candidates = assessment_candidates(view_of(text, meetings), WORDS)
    by_meeting = {c.meeting: c.features for c in candidates if c.judge.id == "witkoff"}
    assert by_meeting[0]["partner_named&meeting_word_near"] == 1.0
    assert by_meeting[1]["partner_named"] == 0.0


def test_one_judge_praising_and_faulting_a_meeting_judges_it_mixed():
    text = ("Уиткофф встретился с Дмитриевым в Давосе. Уиткофф назвал встречу полезной. "
            "Уиткофф также заявил, что переговоры были трудными.")
    meetings = [meeting_at(text, "Уиткофф встретился с Дмитриевым в Давосе", WITKOFF, DMITRIEV)]
    _, candidates = assessment_candidates(view_of(text, meetings), WORDS)
    chosen = choose_assessments(candidates, model_of({}, {"how=named": 3.0}).assessments, 1)
    assert [(a.judge.id, a.tone) for a in chosen[0]] == [("witkoff", Tone.MIXED)]


def test_attach_talks_replaces_topics_and_assessments_on_each_meeting():
    text, meetings = two_meetings()
    analysis = Analysis(text, sentences_of(text))
    model = model_of({"min_dist=1": 3.0}, {"dist=1": 2.0, "judge_takes_part": 1.0})
    out = attach_talks(Document("t", text), analysis, mentions_of(text), (), tuple(meetings), model)
    assert [m.participants for m in out] == [m.participants for m in meetings]
    assert [t.topic for t in out[0].topics] == ["humanitarian"]
    assert [a.judge.id for a in out[1].assessments] == ["ushakov"]
    assert attach_talks(Document("t", text), analysis, (), (), (), model) == ()


# --- the model file ------------------------------------------------------------------------------


def test_a_model_survives_its_json(tmp_path):
    model = model_of({"a": 0.5, "b": -1.25}, {"c": 2.0}, bias=0.25)
    path = tmp_path / "m.json"
    path.write_text(json.dumps(model.to_dict()))
    again = load(path)
    assert again == model
    assert again.topics.probability({"a": 1.0}) == pytest.approx(1 / (1 + 2.718281828459045 ** -0.75))


@pytest.mark.parametrize("content, message", [
    ("not json", "cannot read"),
    ('{"format": 99}', "not a talks model"),
    ('{"format": 1, "topics": {"bias": 0}, "assessments": {}}', "topics: expected weights"),
])
def test_a_bad_model_file_is_named(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_text(content)
    with pytest.raises(ModelError, match=message):
        load(path)


def test_the_shipped_model_is_read_once_and_knows_its_version():
    assert shipped() is shipped()
    assert shipped().version and 0 < shipped().topics.threshold < 1 and shipped().assessments.weights
    assert from_dict(shipped().to_dict()) == shipped()


def test_a_language_without_its_own_talks_lexicon_is_read_with_the_russian_one():
    from parley.extract.talks.words import has_lexicon

    assert has_lexicon("ru") and not has_lexicon("xx")


# --- the whole pipeline, and training ------------------------------------------------------------


def test_an_article_gets_topics_and_a_judgement_with_their_words(models):
    import datetime as dt

    from parley import pipeline
    from parley.contract import to_contract

    text = ("В Майами прошли переговоры Уиткоффа и Дмитриева\n"
            "Спецпосланник президента США Стив Уиткофф провел в субботу переговоры с Кириллом Дмитриевым в Майами. "
            "Стороны обсудили обмен пленными и энергетическое перемирие. "
            "Уиткофф назвал встречу продуктивной и конструктивной.")
    extraction = pipeline.process(Document(doc_id="t", text=text, published=dt.date(2026, 2, 1)))
    (meeting,) = to_contract(extraction)["meetings"]
    assert "humanitarian" in meeting["topics"] and set(meeting["topics"]) <= set(TOPICS)
    for topic in meeting["topic_evidence"]:
        assert fold(text[topic["start"]:topic["end"]]).startswith(("обмен", "энерг", "перемир"))
    (judgement,) = meeting["assessments"]
    assert (judgement["by_id"], judgement["side"], judgement["tone"]) == ("witkoff", "USA", "positive")
    assert text[judgement["evidence"]["start"]:judgement["evidence"]["end"]] == "продуктивной и конструктивной"


def test_training_is_deterministic():
    from parley.extract.talks.train import _fit

    rows = [({"bias": 1.0, "a": float(n % 3 == 0), "b": float(n % 5 == 0)}, int(n % 3 == 0 or n % 7 == 0))
            for n in range(60)]
    first, second = _fit(rows, 0.3), _fit(rows, 0.3)
    assert first == second and first.weights["a"] > 0
    assert _fit([({"a": 1.0}, 0)] * 3, 0.3).probability({"a": 1.0}) < 0.001  # nothing to learn: decide nothing


@pytest.mark.gold
def test_training_on_gold_articles_labels_candidates_from_the_paired_meetings(shared_dir):
    from parley.extract.talks import train

    samples = train.corpus([shared_dir / "gold" / "dev.jsonl"])[:25]
    score = train.scorer(shared_dir)
    model = train.fit(samples, score)
    assert model == train.fit(samples, score)
    assert model.topics.weights and model.assessments.weights
    assert 0.2 <= model.topics.threshold <= 0.7
