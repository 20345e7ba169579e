"""Meetings from short Russian texts: parties, place, date, status (sentences written for these tests)."""
from __future__ import annotations

import datetime as dt

import pytest

from parley.records import Document

PUBLISHED = dt.date(2026, 2, 1)  # a Sunday


def meetings_of(text: str, published: dt.date = PUBLISHED):
    from parley import pipeline

    extraction = pipeline.process(Document(doc_id="t", text=text, published=published))
    return [
        {"parties": sorted(n.split()[-1] for n in m.participant_names), "place": m.place, "date": m.date,
         "status": m.status.value, "background": m.evidence.background}
        for m in extraction.meetings
    ]


def only(text: str, published: dt.date = PUBLISHED) -> dict:
    found = meetings_of(text, published)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "text, parties, place, date, status",
    [
        # "встретился с + instrumental", place under "в", date with day and month
        ("Премьер-министр Индии Нарендра Моди встретился в Кремле с Владимиром Путиным 30 января.",
         ["Моди", "Путин"], "Кремль", "2026-01-30", "held"),
        # "провел переговоры с": the light verb carries the subject
        ("Министр обороны Германии Борис Писториус провел переговоры с Пером Хегсетом в Берлине.",
         ["Писториус", "Хегсет"], "Берлин", None, "held"),
        # genitive coordination, future, weekday ahead
        ("Переговоры Эммануэля Макрона и Фридриха Мерца пройдут в Париже в четверг.",
         ["Макрон", "Мерц"], "Париж", "2026-02-05", "planned"),
        ("Марко Рубио и Сергей Лавров проведут телефонный разговор завтра.",
         ["Лавров", "Рубио"], None, "2026-02-02", "planned"),
        ("Встреча Дональда Трампа и Реджепа Эрдогана в Анкаре была отменена.",
         ["Трамп", "Эрдоган"], "Анкара", None, "cancelled"),
        ("Издание опубликовало стенограмму якобы состоявшегося разговора Юрия Ушакова с Кириллом Дмитриевым.",
         ["Дмитриев", "Ушаков"], None, None, "unknown"),
        # host: "X примет Y"
        ("Президент Турции Реджеп Эрдоган примет Владимира Зеленского в Анкаре в понедельник.",
         ["Зеленский", "Эрдоган"], "Анкара", "2026-02-02", "planned"),
        # a source is not a party: "сообщила пресс-секретарь …"
        ("Кая Каллас встретилась в Брюсселе с Андреем Сибигой, сообщила пресс-секретарь Каллас Анита Хиппер.",
         ["Каллас", "Сибига"], "Брюссель", None, "held"),
        # a role's owner is not a party: "спецпосланник Трампа Стив Уиткофф"
        ("Вчера спецпосланник Трампа Стив Уиткофф провел встречу с Кириллом Дмитриевым в Майами.",
         ["Дмитриев", "Уиткофф"], "Майами", "2026-01-31", "held"),
        # coordination with the second name's role between
        ("Владимир Путин и премьер-министр Индии Нарендра Моди обсудили торговлю в Кремле.",
         ["Моди", "Путин"], "Кремль", None, "held"),
        # modal and plan words
        ("Лидеры Франции и Германии Эммануэль Макрон и Фридрих Мерц намерены встретиться в Берлине.",
         ["Макрон", "Мерц"], "Берлин", None, "planned"),
        ("Встреча Эрдогана и Зеленского может пройти в Стамбуле.", ["Зеленский", "Эрдоган"], "Стамбул", None,
         "planned"),
        ("Переговоры Рубио и Лаврова так и не состоялись.", ["Лавров", "Рубио"], None, None, "cancelled"),
        # a venue beats its city; a range is dated by its first day
        ("Переговоры Стива Уиткоффа и Кирилла Дмитриева прошли 27–28 января в отеле InterContinental в Женеве.",
         ["Дмитриев", "Уиткофф"], "InterContinental", "2026-01-27", "held"),
        # a live report without a date word takes the publication date
        ("В Эр-Рияде начались переговоры Марко Рубио и Сергея Лаврова.", ["Лавров", "Рубио"], "Эр-Рияд",
         "2026-02-01", "held"),
        # month only
        ("В декабре Уиткофф и Дмитриев провели встречу в Майами.", ["Дмитриев", "Уиткофф"], "Майами", "2025-12",
         "held"),
        # "в столице X" is X's capital
        ("Накануне в столице ОАЭ прошла встреча Стива Уиткоффа с Кириллом Дмитриевым.",
         ["Дмитриев", "Уиткофф"], "Абу-Даби", "2026-01-31", "held"),
    ],
)
def test_meetings_single_sentence(models, text, parties, place, date, status):
    got = only(text)
    assert got["parties"] == parties
    assert (got["place"], got["date"], got["status"]) == (place, date, status)


@pytest.mark.parametrize(
    "text, parties",
    [
        ("В Женеве начались переговоры делегаций России, Украины и США.", ["Россия", "США", "Украина"]),
        ("Украинская и американская делегации провели консультации в Эр-Рияде.", ["США", "Украина"]),
        ("В Стамбуле прошли переговоры между Россией и Украиной при посредничестве Турции.",
         ["Россия", "Турция", "Украина"]),
        ("Представители России и США встретились в Эр-Рияде.", ["Россия", "США"]),
        # the states' adjective under a group noun: "руководители европейских стран"
        ("Руководители европейских стран провели переговоры с украинской делегацией.", ["ЕС", "Украина"]),
        ("Переговоры с британскими и французскими официальными лицами прошли в Риме.", ["Великобритания", "Франция"]),
    ],
)
def test_meetings_sides_when_no_person_is_named(models, text, parties):
    assert only(text)["parties"] == parties


def test_meetings_place_is_not_any_location_in_the_sentence(models):
    got = only("Министры Франции и Германии провели встречу в Вене, посвященную урегулированию конфликта на Ближнем Востоке.")
    assert got["place"] == "Вена"
    assert only("Рубио и Лавров обсудили по телефону ситуацию на Украине.")["place"] is None
    # where it was said, though the parser hangs it over the verb of saying on the meeting's verb
    said = "30 января в Брюсселе и Париже сообщили, что следующий раунд консультаций Каллас и Сибиги может " \
           "пройти уже на этой неделе."
    assert only(said)["place"] is None


def test_meetings_place_said_after_another_meeting_before_this_one_is_that_meetings(models):
    text = "Накануне перед переговорами с Сибигой в Брюсселе глава госдепартамента Марко Рубио пообщался с Каей Каллас."
    found = {tuple(m["parties"]): m["place"] for m in meetings_of(text)}
    assert found[("Каллас", "Рубио")] is None
    # the same meeting said twice, the second in a clause of its own, keeps the place
    text = "Каллас шутила перед переговорами с Сибигой в Брюсселе, когда делегации ждали начала встречи с ним."
    assert [m["place"] for m in meetings_of(text)] == ["Брюссель"]


def test_meetings_visit_brings_the_host_side(models):
    got = only("Визит Стива Уиткоффа в Москву запланирован на вторник.")
    assert got["parties"] == ["Россия", "Уиткофф"]
    assert (got["place"], got["date"], got["status"]) == ("Москва", "2026-02-03", "planned")


def test_meetings_the_host_who_invites_to_his_capital_is_the_party(models):
    got = only("Эрдоган сообщил, что пригласил Макрона посетить Анкару весной.")
    assert (got["parties"], got["place"], got["status"]) == (["Макрон", "Эрдоган"], "Анкара", "planned")


def test_meetings_named_people_replace_their_side(models):
    text = ("Американскую делегацию на переговорах в Абу-Даби возглавил министр армии США Дэниел Дрисколл. "
            "Переговоры делегаций США и России прошли в Абу-Даби в субботу.")
    got = only(text)
    assert got["parties"] == ["Дрисколл", "Россия"]
    assert got["date"] == "2026-01-31"


def test_meetings_headline_and_body_are_one_meeting(models):
    text = ("В Майами Уиткофф встретился с Дмитриевым\n"
            "Спецпосланник президента США Стив Уиткофф 31 января провел в Майами встречу со спецпредставителем "
            "президента России Кириллом Дмитриевым.")
    got = only(text)
    assert got["parties"] == ["Дмитриев", "Уиткофф"]
    assert (got["place"], got["date"]) == ("Майами", "2026-01-31")


def test_meetings_two_meetings_in_one_sentence_are_kept_apart(models):
    text = "Дональд Трамп провел телефонный разговор с Владимиром Путиным накануне своей встречи с Зеленским."
    found = {tuple(m["parties"]): m["status"] for m in meetings_of(text)}
    assert found == {("Путин", "Трамп"): "held", ("Зеленский", "Трамп"): "planned"}


def test_meetings_generic_subject_takes_the_last_meeting_parties(models):
    text = ("Вчера состоялся телефонный разговор Владимира Путина и Дональда Трампа. "
            "Лидеры решили встретиться в Будапеште.")
    found = meetings_of(text)
    assert [(m["parties"], m["place"], m["status"]) for m in found] == [
        (["Путин", "Трамп"], None, "held"), (["Путин", "Трамп"], "Будапешт", "planned")]
    assert found[0]["date"] == "2026-01-31" and found[1]["date"] is None


def test_meetings_next_round_is_another_meeting_of_the_same_parties(models):
    text = ("В Абу-Даби 23 января прошли переговоры делегаций России, Украины и США. "
            "Следующий раунд переговоров состоится 4 февраля.")
    found = meetings_of(text)
    assert [(m["parties"], m["date"], m["status"]) for m in found] == [
        (["Россия", "США", "Украина"], "2026-01-23", "held"), (["Россия", "США", "Украина"], "2026-02-04", "planned")]


def test_meetings_background_paragraph_is_marked_not_dropped(models):
    text = ("Песков прокомментировал планы Кремля.\n"
            "Ранее Владимир Путин провел встречу со Стивом Уиткоффом в Кремле.")
    got = only(text)
    assert got["background"] is True and got["parties"] == ["Путин", "Уиткофф"]


@pytest.mark.parametrize(
    "text",
    [
        "Песков дал интервью журналисту Павлу Зарубину.",
        "В беседе с журналистом Павлом Зарубиным Дмитрий Песков рассказал, как идут переговоры.",
        "Переговорная группа Украины получила новый мандат от Зеленского.",
        "Зеленский заявил, что переговоры о мире важны.",
    ],
)
def test_meetings_not_a_meeting(models, text):
    assert meetings_of(text) == []


def test_meetings_next_day_of_a_round_is_the_same_meeting(models):
    text = ("В Абу-Даби 23 января прошло первое заседание рабочей группы представителей России, США и Украины. "
            "Второе заседание запланировано на 24 января.")
    got = only(text)
    assert (got["parties"], got["date"], got["status"]) == (["Россия", "США", "Украина"], "2026-01-23", "held")


def test_meetings_first_person_speaker_and_a_distant_partner(models):
    text = ("Дональд Трамп выступил перед журналистами.\n"
            "«У меня только что состоялся разговор с Эммануэлем Макроном перед моей встречей в 15:00 "
            "(по местному времени) с Фридрихом Мерцем», — написал он.")
    found = {tuple(m["parties"]): m["status"] for m in meetings_of(text)}
    assert found == {("Макрон", "Трамп"): "held", ("Мерц", "Трамп"): "planned"}


@pytest.mark.parametrize(
    "text, parties",
    [
        ("Российско-американские консультации прошли в Стамбуле.", ["Россия", "США"]),
        ("Макрон назвал российско-украинский конфликт трудным после встречи с Мерцем.", ["Макрон", "Мерц"]),
    ],
)
def test_meetings_compound_adjective_names_sides_only_of_meetings(models, text, parties):
    assert only(text)["parties"] == parties


@pytest.mark.parametrize(
    "text, date",
    [
        # a date under another noun is not the meeting's
        ("Путин и Трамп не обсуждали перемирие на 7 февраля во время вчерашней беседы.", "2026-01-31"),
        # a date of the arrival is not the date of the visit told later in the sentence
        ("Эрдоган прибыл в Москву еще 25 января и в субботу провел встречу с Путиным.", "2026-01-31"),
        ("В воскресенье Рубио находился на консультациях с Сибигой в Женеве.", "2026-02-01"),
        # a relative clause with no date of its own is dated by the clause it hangs from
        ("30 января в Анкару приехал Марко Рубио, который уже провел первую беседу с Хаканом Фиданом.",
         "2026-01-30"),
        # a date after the meeting's clause verb is the clause's, though the parser hangs it on a word before
        ("Глава дипломатии ЕС Кая Каллас и министр Андрей Сибига, являющийся главой МИД Украины, проведут "
         "встречу с президентом Франции Эммануэлем Макроном 3 февраля.", "2026-02-03"),
        # the second day of talks is today (a live report) or the day said: they began the day before
        ("Переговоры Каи Каллас и Андрея Сибиги в Брюсселе завершились во второй день.", "2026-01-31"),
        ("30 января переговоры Каи Каллас и Андрея Сибиги в Брюсселе завершились во второй день.", "2026-01-29"),
        # a day counted after the talks is no day of theirs
        ("На третий день после переговоров Каи Каллас и Андрея Сибиги 20 января Марко Рубио выступил.", "2026-01-20"),
        # a meeting told as done in what someone said is dated by the saying
        ("В пятницу Кая Каллас сообщила, что провела телефонный разговор с Андреем Сибигой.", "2026-01-30"),
        # one who tells of a meeting of his own dates it by the day of the telling; not another's, nor a plan
        ("В четверг Кая Каллас сообщила, что провела телефонный разговор с Андреем Сибигой.", "2026-01-29"),
        ("В четверг Марко Рубио сообщил, что Кая Каллас провела разговор с Андреем Сибигой.", None),
        ("В четверг Кая Каллас заявила, что планирует встречу с Андреем Сибигой.", None),
        # talks a speaker only refers to in a gerund or relative clause are not dated by the saying
        ("17 января Каллас заявила об отсутствии новостей, объясняя это ведущимися переговорами с Сибигой.", None),
        # talks said to be going on are dated by the day of the saying, a date beside its weekday too
        ("В пятницу, 30 января, Кая Каллас заявила, что ее консультации с Андреем Сибигой проходят успешно.",
         "2026-01-30"),
        # the day of the saying is not the day of the meeting said to come
        ("Встреча Каи Каллас и Андрея Сибиги может пройти скоро, заявил Марко Рубио 30 января.", None),
        # "с понедельника": the day a planned round starts
        ("Кая Каллас и Андрей Сибига продолжат консультации в Брюсселе уже с понедельника.", "2026-02-02"),
    ],
)
def test_meetings_date_belongs_to_the_meeting(models, text, date):
    assert only(text)["date"] == date


def test_meetings_refusal_cancels(models):
    got = only("Россия отказалась и от двусторонних, и от трехсторонних встреч с украинскими представителями.")
    assert got["status"] == "cancelled"


def test_meetings_headline_source_before_colon_is_not_a_party(models):
    got = only("Песков: переговоры Рубио и Лаврова продлились три часа")
    assert got["parties"] == ["Лавров", "Рубио"]


def test_meetings_pronoun_subject_of_saying_is_the_person_spoken_of(models):
    text = ("Кирилл Дмитриев выступил на форуме в Москве.\n"
            "Как пример он привел встречу с депутатом Леонидом Слуцким.")
    assert only(text)["parties"] == ["Дмитриев", "Слуцкий"]


def test_meetings_a_pronoun_keeps_its_person_past_a_sentence_naming_no_subject(models):
    # the middle sentence names only the one he answered: "он" after it is still the first man
    text = ("Помощник президента России Юрий Ушаков выступил в Москве. Так он ответил на вопрос о своих "
            "разговорах корреспонденту Павлу Смирнову.\n"
            "«Я с Рубио достаточно часто разговариваю, но о сути бесед не рассказываю», — сказал он.")
    assert [m["parties"] for m in meetings_of(text)] == [["Рубио", "Ушаков"]]


def test_meetings_the_countries_leaders_are_the_sides_not_the_delegation_heads(models):
    text = ("Переговоры делегаций России и Украины прошли в Стамбуле 16 января. Российскую делегацию возглавлял "
            "Владимир Мединский, украинскую — Рустем Умеров.\n"
            "По словам министра, эти переговоры подготовят будущую встречу между лидерами стран.")
    found = {tuple(m["parties"]): m["status"] for m in meetings_of(text)}
    assert found == {("Мединский", "Умеров"): "held", ("Россия", "Украина"): "planned"}


def test_meetings_the_countries_leaders_after_a_leaders_meeting_are_those_leaders(models):
    text = ("Эммануэль Макрон и Реджеп Тайип Эрдоган поговорили по телефону 20 января. "
            "Министр назвал полезной будущую встречу между лидерами стран.")
    found = {(tuple(m["parties"]), m["status"]) for m in meetings_of(text)}
    assert found == {(("Макрон", "Эрдоган"), "held"), (("Макрон", "Эрдоган"), "planned")}


@pytest.mark.parametrize("text, parties", [
    # the meeting verb has no subject of its own: the speaker is the one who meets
    ("Президент Франции Эммануэль Макрон сказал, что встретится с Фридрихом Мерцем в среду.", [["Макрон", "Мерц"]]),
    # its own subject meets, not the speaker
    ("Президент Франции Эммануэль Макрон сказал, что его советник встретится с Фридрихом Мерцем в среду.", []),
    # the speaker meets, not whose title he holds
    ("Советник канцлера Германии Фридриха Мерца Гюнтер Зауттер сообщил, что вчера имел беседу с Джоном Хили.",
     [["Зауттер", "Хили"]]),
])
def test_meetings_the_speaker_meets_only_when_the_meeting_verb_has_no_subject(models, text, parties):
    assert [m["parties"] for m in meetings_of(text)] == parties


def test_meetings_meeting_after_another_keeps_its_own_parties(models):
    text = "Путин и Трамп договорились созвониться после встречи американца с Зеленским."
    found = {tuple(m["parties"]): m["status"] for m in meetings_of(text)}
    assert found == {("Путин", "Трамп"): "planned", ("Зеленский", "США"): "held"}


def test_meetings_announced_meeting_takes_the_announcement_date_and_place(models):
    got = only("Президент Франции Эммануэль Макрон объявил о встрече с Фридрихом Мерцем 10 февраля в Берлине.")
    assert (got["parties"], got["place"], got["date"], got["status"]) == (
        ["Макрон", "Мерц"], "Берлин", "2026-02-10", "planned")


def test_meetings_place_named_by_territory_adjective(models):
    got = only("Лидеры Франции и Германии договорились провести встречу на российской территории.")
    assert got["place"] == "Россия"


def test_meetings_relative_clause_names_the_parties(models):
    text = "В Анкаре состоялась встреча, в которой приняли участие Хакан Фидан и Сергей Лавров."
    got = only(text)
    assert (got["parties"], got["place"]) == (["Лавров", "Фидан"], "Анкара")


def test_meetings_heads_of_two_delegations_replace_both_sides(models):
    text = ("Главы российской и украинской делегаций Владимир Мединский и Рустем Умеров приехали в Стамбул накануне.\n"
            "Вечером в Стамбуле прошли переговоры делегаций Украины и России.")
    assert only(text)["parties"] == ["Мединский", "Умеров"]


def test_meetings_coordination_across_a_role_owner(models):
    text = "Владимир Путин и посланник Дональда Трампа Стив Уиткофф обсудили в Кремле мирный план."
    assert only(text)["parties"] == ["Путин", "Уиткофф"]


def test_meetings_head_of_a_country_untitled_in_the_text_is_its_head_of_state(models):
    # the talks with the envoy are not the summit told later: "глава РФ" is the Putin named there
    text = ("Юрий Ушаков рассказал об итогах переговоров Стива Уиткоффа и главы РФ. "
            "Весной Кремль вспоминал об итогах встречи Путина с Дональдом Трампом на Аляске.")
    found = sorted(m["parties"] for m in meetings_of(text, dt.date(2026, 1, 20)))
    assert found == [["Путин", "Трамп"], ["Путин", "Уиткофф"]]


def test_meetings_just_now_is_today(models):
    text = "«Я только что провел разговор с Владимиром Путиным», — написал Дональд Трамп."
    got = only(text)
    assert (got["parties"], got["date"], got["status"]) == (["Путин", "Трамп"], "2026-02-01", "held")


def test_meetings_meeting_after_talks_is_apart_from_the_talks(models):
    text = ("Глава российской делегации Владимир Мединский прибыл в Женеву.\n"
            "После завершения переговоров между Россией, Украиной и США в Женеве 18 февраля Мединский "
            "встретился с Рустемом Умеровым."
)
    found = sorted((m["parties"], m["place"], m["date"]) for m in meetings_of(text, dt.date(2026, 2, 18)))
    assert found == [(["Мединский", "США", "Украина"], "Женева", "2026-02-18"),
                     (["Мединский", "Умеров"], "Женева", "2026-02-18")]


def test_meetings_a_rubric_does_not_chain_two_meetings(models):
    text = ("Переговоры России и Украины\n"
            "Мединский встретился с Умеровым в Женеве.\n"
            "Переговоры России, США и Украины прошли в Женеве накануне.")
    assert len(meetings_of(text)) == 2


def test_meetings_a_round_is_between_sides_whoever_spoke_last(models):
    text = ("Американскую делегацию возглавил Стив Уиткофф.\n"
            "Владимир Мединский встретился с Рустемом Умеровым 18 февраля.\n"
            "Третий раунд переговоров стартовал в Женеве во вторник.")
    found = sorted((m["parties"], m["date"]) for m in meetings_of(text, dt.date(2026, 2, 18)))
    assert found == [(["Мединский", "Умеров"], "2026-02-18"), (["Россия", "Украина"], "2026-02-17")]


def test_meetings_unnamed_side_at_the_same_place_is_the_named_meeting(models):
    text = ("Юрий Ушаков шутил с журналистами перед переговорами с США в Кремле.\n"
            "Накануне Владимир Путин провел в Кремле встречу со Стивом Уиткоффом.")
    got = only(text)
    assert (got["parties"], got["place"]) == (["Путин", "Уиткофф", "Ушаков"], "Кремль")


def test_meetings_sides_agreed_means_the_same_sides(models):
    text = ("Вчера Владимир Путин провел в Кремле встречу со Стивом Уиткоффом.\n"
            "Стороны обсудили условия и договорились о продолжении контактов с участием Киева.")
    found = [(m["parties"], m["status"]) for m in meetings_of(text)]
    assert found == [(["Путин", "Уиткофф"], "held"), (["Россия", "США", "Украина"], "planned")]


def test_meetings_delegation_side_is_read_next_to_the_group_word(models):
    text = ("В Кремле Владимир Путин провел встречу с американской делегацией, которую возглавлял Стив Уиткофф.\n"
            "Стороны договорились о продолжении контактов с участием Киева.")
    found = [m["parties"] for m in meetings_of(text)]
    assert found == [["Путин", "Уиткофф"], ["Россия", "Уиткофф", "Украина"]]


@pytest.mark.parametrize(
    "text, status",
    [
        # the preposition nearest the meeting word decides, not another one the parser hung on it
        ("Рамочный план на столе в Женеве: делегация Украины прибыла туда для переговоров с США", "planned"),
        ("Переговоры между Украиной и страной-агрессором РФ прошли в Стамбуле.", "held"),
        # a journey told in the past whose purpose is the meeting: the meeting is still ahead
        ("Рубио и Уолтц вылетели в Эр-Рияд на переговоры с российской делегацией.", "planned"),
    ],
)
def test_meetings_status_reads_the_nearest_preposition(models, text, status):
    assert only(text)["status"] == status


def test_meetings_country_in_apposition_is_a_party(models):
    got = only("Переговоры между Украиной и страной-агрессором РФ прошли в Стамбуле.")
    assert got["parties"] == ["Россия", "Украина"]


def test_meetings_place_told_without_parties_joins_the_one_meeting(models):
    text = "Путин и Уиткофф обсудили мирный план.\nПереговоры в Кремле длились пять часов."
    got = only(text)
    assert (got["parties"], got["place"]) == (["Путин", "Уиткофф"], "Кремль")


def test_meetings_held_meeting_told_again_without_parties_is_one_told_before(models):
    text = ("Во вторник Марко Рубио провел переговоры с Сергеем Лавровым.\n"
            "Подробностей о московских переговорах пока мало.\n"
            "Прежняя встреча французской и немецкой делегаций прошла месяц назад.")
    places = {tuple(m["parties"]): m["place"] for m in meetings_of(text, dt.date(2026, 2, 5))}
    assert places == {("Лавров", "Рубио"): "Москва", ("Германия", "Франция"): None}


def test_meetings_date_told_without_parties_is_the_last_meeting_s(models):
    text = "Кая Каллас встретится с Андреем Сибигой. Об этом сообщила пресс-служба ЕС. Встреча состоится 3 февраля."
    got = only(text)
    assert (got["parties"], got["date"]) == (["Каллас", "Сибига"], "2026-02-03")


def test_meetings_date_of_a_meeting_told_without_parties_is_not_a_call_s(models):
    text = "Кая Каллас проведет телефонный разговор с Андреем Сибигой. Встреча состоится 3 февраля."
    got = only(text)
    assert (got["parties"], got["date"]) == (["Каллас", "Сибига"], None)


def test_meetings_pronoun_that_takes_place_dates_the_last_meeting(models):
    text = "Кая Каллас встретится с Андреем Сибигой в Брюсселе. Об этом сообщила пресс-служба ЕС. " \
           "Она должна состояться 3 февраля."
    got = only(text)
    assert (got["parties"], got["date"], got["status"]) == (["Каллас", "Сибига"], "2026-02-03", "planned")


def test_meetings_pronoun_after_another_thing_named_does_not_date_the_meeting(models):
    text = "Кая Каллас встретится с Андреем Сибигой. В Брюсселе готовят и выставку. Она состоится 3 февраля."
    got = only(text)
    assert (got["parties"], got["date"]) == (["Каллас", "Сибига"], None)


def test_meetings_what_a_meeting_did_is_not_who_met(models):
    got = only("Телефонный разговор Макрона с Путиным вызвал тревогу польских чиновников.")
    assert got["parties"] == ["Макрон", "Путин"]


def test_meetings_a_call_with_more_parties_is_another_meeting(models):
    text = ("Встреча Трампа и Зеленского состоится сегодня во Флориде.\n"
            "Следом запланирован общий телефонный звонок Трампа и Зеленского европейским лидерам.")
    found = sorted(m["parties"] for m in meetings_of(text))
    assert found == [["ЕС", "Зеленский", "Трамп"], ["Зеленский", "Трамп"]]


def test_meetings_team_coming_from_a_capital_is_not_its_side(models):
    text = ("Президент США Дональд Трамп одобрил план.\n"
            "После возвращения американской команды из Москвы Рустем Умеров продолжит разговор с "
            "представителями Дональда Трампа.")
    assert only(text)["parties"] == ["США", "Умеров"]


def test_meetings_similar_contacts_are_another_meeting_of_the_same_parties(models):
    text = ("В Абу-Даби Дэниел Дрисколл ведет встречи с российскими представителями.\n"
            "Вечером 24 ноября встреча в Абу-Даби состоялась.\n"
            "Аналогичные контакты якобы запланированы на 25 ноября.")
    found = sorted((m["parties"], m["date"], m["status"]) for m in meetings_of(text, dt.date(2025, 11, 25)))
    assert found == [(["Дрисколл", "Россия"], "2025-11-24", "held"), (["Дрисколл", "Россия"], "2025-11-25", "unknown")]


def test_meetings_next_day_told_apart_joins_the_round(models):
    text = ("Завершился первый день переговоров России и Украины при посредничестве США в Абу-Даби.\n"
            "Продолжить переговоры стороны намерены в четверг, 5 февраля.")
    found = [(m["parties"], m["date"], m["status"]) for m in meetings_of(text, dt.date(2026, 2, 4))]
    assert found == [(["Россия", "США", "Украина"], "2026-02-04", "held")]


@pytest.mark.parametrize(
    "text",
    [
        "13 ноября Василий Шумов и Михаил Борзыкин снова встретятся на одной сцене.",
        "Даниил Медведев и Карен Хачанов встретятся в финале турнира.",
    ],
)
def test_meetings_meeting_on_a_stage_is_not_talks(models, text):
    assert meetings_of(text) == []


def test_meetings_before_that_is_another_meeting(models):
    text = ("В Стамбуле начались переговоры между Украиной и Россией при посредничестве Турции.\n"
            "Перед этим украинская делегация встретилась с турецким президентом Реджепом Тайипом Эрдоганом.")
    assert len(meetings_of(text)) == 2


def test_meetings_headline_without_verb_joins_the_meeting_of_its_status(models):
    text = ("Разговор Путина и Трампа длился больше часа\n"
            "Путин и Трамп условились провести еще один разговор.\n"
            "Телефонный разговор Владимира Путина и Дональда Трампа длился час.")
    found = [(m["parties"], m["status"]) for m in meetings_of(text)]
    assert sorted(found) == [(["Путин", "Трамп"], "held"), (["Путин", "Трамп"], "planned")]


def test_meetings_a_call_before_talks_is_its_own_meeting(models):
    text = "Трамп рассказал, что перед переговорами с Зеленским он созвонился с Путиным."
    found = sorted(m["parties"] for m in meetings_of(text))
    assert found == [["Зеленский", "Трамп"], ["Путин", "Трамп"]]


def test_meetings_calling_off_in_the_present_cancels(models):
    got = only("Трамп заявил, что отменяет намеченную в Будапеште встречу с Путиным.")
    assert (got["status"], got["place"]) == ("cancelled", "Будапешт")


def test_meetings_a_surname_like_a_meeting_word_is_a_name(models):
    assert meetings_of("Делегацию возглавят сенатор Григорий Карасин и советник Сергей Беседа.") == []


def test_meetings_relative_pronoun_and_leader_epithets(models):
    text = ("Президент США Дональд Трамп встретился с журналистами.\n"
            "Глава Белого дома, который на днях поговорил со своим российским коллегой Владимиром Путиным, "
            "заявил, что верит в мир.")
    assert only(text)["parties"] == ["Путин", "Трамп"]


def test_meetings_coordination_follows_the_linked_mention_not_the_name(models):
    text = ("Трамп недавно побеседовал с Владимиром Путиным, а затем заявил, что и Зеленский, и российский "
            "президент Владимир Путин стремятся к миру.")
    assert only(text)["parties"] == ["Путин", "Трамп"]


def test_meetings_partner_after_the_meeting_word_coordinates(models):
    got = only("Зеленский провел встречу в Париже с Эммануэлем Макроном и Фридрихом Мерцем.")
    assert got["parties"] == ["Зеленский", "Макрон", "Мерц"]


def test_meetings_conjoined_meeting_nouns_share_their_verb(models):
    got = only("Совместный обед и встреча Путина и Трампа в расширенном составе были отменены.")
    assert got["status"] == "cancelled"


def test_meetings_a_source_is_not_a_delegation_member(models):
    text = ("Российская делегация прибудет в Стамбул, сообщил Дмитрий Песков.\n"
            "В Стамбуле состоятся консультации делегаций России и США.")
    assert only(text)["parties"] == ["Россия", "США"]


def test_meetings_extraction_lists_the_background_spans(models):
    from parley import pipeline

    text = "Лавров и Рубио созвонились сегодня.\nНапомним, в октябре они встречались в Нью-Йорке."
    extraction = pipeline.process(Document(doc_id="t", text=text, published=PUBLISHED))
    assert [(span.start, text[span.start:span.stop].split()[0]) for span in extraction.background] == \
        [(36, "Напомним,")]


@pytest.mark.parametrize(
    "text, parties",
    [
        # a pronoun for the meeting just told and a verb of being there name more of its people
        ("Украина и Россия провели встречу в Стамбуле. На ней были Рустем Умеров и Владимир Мединский.",
         ["Мединский", "Умеров"]),
        ("Марко Рубио провел переговоры с Сергеем Лавровым в Эр-Рияде. Кроме Рубио, в них участвовали "
         "Майк Уолтц и Стив Уиткофф.", ["Лавров", "Рубио", "Уиткофф", "Уолтц"]),
        # one side's people said to take part, one of them already a party, join the meeting
        ("Марко Рубио встретился в Эр-Рияде с Сергеем Лавровым. Кроме Рубио, в переговорах участвовали "
         "Майк Уолтц и Стив Уиткофф.", ["Лавров", "Рубио", "Уиткофф", "Уолтц"]),
        # people said to be present at the place of the meeting just told; the owner of a role is not
        ("Делегации Украины и России начали переговоры в Стамбуле. В Стамбуле также находятся и присутствуют "
         "советник Эрдогана Акиф Кылыч и министр Хакан Фидан.", ["Кылыч", "Россия", "Украина", "Фидан"]),
    ],
)
def test_meetings_a_follow_up_sentence_names_more_people(models, text, parties):
    assert only(text)["parties"] == parties


@pytest.mark.parametrize(
    "text, place, date, status",
    [
        # an imperfective present verb reports the meeting as it goes on: the publication day
        ("Кая Каллас проводит встречу с Андреем Сибигой в Брюсселе.", "Брюссель", "2026-02-01", "held"),
        # "в этом месяце": the publication month
        ("Марк Рютте может встретиться с Владимиром Зеленским в этом месяце.", None, "2026-02", "planned"),
        # "должна была состояться": due, and it did not take place
        ("Консультации Франции и Германии должны были пройти в Берлине 1 февраля.", "Берлин",
         "2026-02-01", "cancelled"),
        # a ceasefire's place is not the call's place
        ("Во время беседы с Реджепом Эрдоганом Эммануэль Макрон призвал к прекращению огня на Украине.", None,
         None, "held"),
    ],
)
def test_meetings_live_present_month_and_due_meetings(models, text, place, date, status):
    found = only(text)
    assert (found["place"], found["date"], found["status"]) == (place, date, status)


def test_meetings_a_date_word_beats_the_live_report_day(models):
    text = ("Кая Каллас проводит встречи с министрами Турции в Анкаре.\n"
            "Первая встреча прошла в Анкаре утром 30 января.")
    assert only(text)["date"] == "2026-01-30"


def test_meetings_a_call_of_one_side_apart_from_a_meeting_it_shares_a_person_with(models):
    text = ("Сергей Лавров провел разговор с Марко Рубио.\n"
            "Издание также описало беседу Сергея Лаврова с Алексеем Оверчуком.")
    assert sorted(m["parties"] for m in meetings_of(text)) == [["Лавров", "Оверчук"], ["Лавров", "Рубио"]]


@pytest.mark.parametrize(
    "text, parties",
    [
        # a side before a dash heads the rest of its clause: "российскую … , украинскую — Y"
        ("В Стамбуле стартовал новый раунд переговоров России и Украины. Во главе российской делегации стоит "
         "Владимир Мединский, украинской — Рустем Умеров.", ["Мединский", "Умеров"]),
        ("В Стамбуле стартовал новый раунд переговоров России и Украины. Украину на переговорах представляет "
         "Рустем Умеров, Россию — Владимир Мединский.", ["Мединский", "Умеров"]),
        ("Переговоры Украины и России начались в Стамбуле. Делегацию России возглавляет Владимир Мединский, "
         "а украинскую — Рустем Умеров.", ["Мединский", "Умеров"]),
        # a delegation named again without its side is the one just spoken of
        ("Переговоры Украины и России идут в Женеве. Российскую делегацию возглавляет Владимир Мединский. "
         "Кроме него, в делегацию входят Михаил Галузин и Игорь Костюков.",
         ["Галузин", "Костюков", "Мединский", "Украина"]),
        # a member met alone: the members said to be in the delegation meet with him
        ("Вчера Джонатан Пауэлл провел переговоры с Андреем Ермаком в Лондоне. Как он уточнил, в состав "
         "британской делегации кроме Пауэлла входили министр Дэвид Лэмми и советник Иэн Смит.",
         ["Ермак", "Лэмми", "Пауэлл", "Смит"]),
    ],
)
def test_meetings_delegation_members_told_by_ellipsis_or_apart(models, text, parties):
    assert only(text)["parties"] == parties


@pytest.mark.parametrize("text, parties", [
    # officials said to take part in "the meeting" join the one just told, each as his side
    ("В среду в Берлине пройдет встреча Андрея Ермака и Марко Рубио. Во встрече также примут участие "
     "министр иностранных дел Польши и премьер-министр Финляндии.", ["Ермак", "Польша", "Рубио", "Финляндия"]),
    # their own part in other talks is no meeting of theirs
    ("В среду в Берлине пройдет встреча Андрея Ермака и Марко Рубио. Во встрече примут участие министр "
     "иностранных дел Польши и премьер-министр Финляндии, они прежде участвовали в таких переговорах.",
     ["Ермак", "Польша", "Рубио", "Финляндия"]),
])
def test_meetings_unnamed_officials_taking_part_join_the_meeting_just_told(models, text, parties):
    assert only(text)["parties"] == parties


def test_meetings_one_side_s_people_told_before_a_meeting_of_their_unnamed_side_stay_with_their_own(models):
    text = ("Сегодня возле гольф-клуба прошла встреча со Стивом Уиткоффом и Джаредом Кушнером. Ей предшествовали "
            "переговоры команды Трампа с Украиной и европейскими партнерами. Позже Кирилл Дмитриев рассказал "
            "о переговорах с Уиткоффом и Кушнером.")
    found = sorted(m["parties"] for m in meetings_of(text))
    assert found == [["Дмитриев", "Кушнер", "Уиткофф"], ["ЕС", "США", "Украина"]]


def test_meetings_an_unnamed_official_elsewhere_is_no_side(models):
    text = "Министр иностранных дел Польши встретился с Марко Рубио."
    assert meetings_of(text) == []


def test_meetings_a_name_cut_by_the_end_of_the_text_is_not_a_member(models):
    text = ("Делегации России и Украины встретились в Женеве. Российскую делегацию возглавлял Владимир Мединский, "
            "украинскую — руководитель офиса Кирилл")
    assert only(text)["parties"] == ["Мединский", "Украина"]


def test_meetings_who_passes_a_call_on_is_not_its_party(models):
    text = "Конверт с заметками о беседе с Реджепом Эрдоганом министру передал помощник Джонатан Пауэлл."
    assert meetings_of(text) == []


@pytest.mark.parametrize(
    "text, date",
    [
        # a headline that is only the meeting's name reports the day's news
        ("Встреча Макрона и Мерца в Париже\nЛидеры обсудили помощь Киеву.", "2026-02-01"),
        # a headline telling what someone said about a meeting does not date it
        ("Песков рассказал об итогах переговоров Путина и Моди\nСтороны обсудили торговлю.", None),
    ],
)
def test_meetings_headline_title_takes_the_publication_day(models, text, date):
    assert only(text)["date"] == date


@pytest.mark.parametrize(
    "text, date",
    [
        # a text that speaks of its own day opens with that day's news
        ("Эммануэль Макрон и Фридрих Мерц провели переговоры в Париже. Сегодня лидеры также подписали "
         "соглашение о торговле.", "2026-02-01"),
        # without a word for the day, the opening meeting stays undated
        ("Эммануэль Макрон и Фридрих Мерц провели переговоры в Париже. Лидеры также подписали "
         "соглашение о торговле.", None),
    ],
)
def test_meetings_opening_of_a_text_about_its_day_takes_the_publication_day(models, text, date):
    assert only(text)["date"] == date


def test_meetings_relative_clause_under_a_modal_dates_the_meeting(models):
    text = "В Париже ожидается встреча Эммануэля Макрона с Фридрихом Мерцем, которая должна начаться через час."
    assert only(text)["date"] == "2026-02-01"


def test_meetings_a_new_meeting_the_day_after_is_another_meeting(models):
    text = ("Делегации Франции и Германии встретились в Берлине 31 января. "
            "Новая встреча делегаций Франции и Германии пройдет в Берлине 1 февраля.")
    found = sorted((m["date"], m["status"]) for m in meetings_of(text))
    assert found == [("2026-01-31", "held"), ("2026-02-01", "planned")]


def test_meetings_a_new_meeting_going_on_now_is_held(models):
    assert only("Кая Каллас проводит новую встречу с Андреем Сибигой.")["status"] == "held"


@pytest.mark.parametrize(
    "text, meetings",
    [
        # partners each under their own "с" are two meetings
        ("Сергей Лавров провел беседы — с Фиданом и с Рубио.", [["Лавров", "Рубио"], ["Лавров", "Фидан"]]),
        ("Агентство выложило записи разговоров Марко Рубио — с Сергеем Лавровым и с Хаканом Фиданом.",
         [["Лавров", "Рубио"], ["Рубио", "Фидан"]]),
        # one "с" for both partners: one meeting
        ("Рустем Умеров встретился со Стивом Уиткоффом и Джаредом Кушнером.", [["Кушнер", "Уиткофф", "Умеров"]]),
    ],
)
def test_meetings_a_distributive_list_is_several_meetings(models, text, meetings):
    assert sorted(m["parties"] for m in meetings_of(text)) == meetings


@pytest.mark.parametrize(
    "text, status",
    [
        # "первая", "сегодняшняя" lean to the past but yield to a future verb
        ("Первая встреча Путина и Трампа состоится в Анкоридже.", "planned"),
        ("Сегодняшняя встреча Лаврова и Рубио пройдет вечером.", "planned"),
        ("Последняя встреча Путина и Трампа прошла на Аляске.", "held"),
    ],
)
def test_meetings_first_and_todays_yield_to_a_future_verb(models, text, status):
    assert only(text)["status"] == status


@pytest.mark.parametrize(
    "text, parties",
    [
        # people of two sides acting together on a meeting's outcome held it
        ("Сергей Лавров и Хакан Фидан по итогам встречи в Анкаре выступили с совместным заявлением.",
         [["Лавров", "Фидан"]]),
        # one side's spokesmen after talks are not its parties
        ("По итогам переговоров в Кремле Песков и Ушаков рассказали журналистам о планах.", []),
    ],
)
def test_meetings_people_acting_on_the_outcome_held_the_meeting(models, text, parties):
    assert [m["parties"] for m in meetings_of(text)] == parties


def test_meetings_the_next_session_of_a_round_is_the_round(models):
    text = ("Первый день переговоров делегаций России и Украины завершился в Женеве 31 января. "
            "Следующий раунд переговоров делегаций России и Украины начнется 1 февраля.")
    assert [(m["date"], m["status"]) for m in meetings_of(text)] == [("2026-01-31", "held")]


@pytest.mark.parametrize(
    "text, parties, place, status",
    [
        # a subjectless clause under "где" shares the subject before it, and "где" is the place it stands for
        ("Сергей Лавров прибыл в Анкару, где проведет переговоры с Хаканом Фиданом.", ["Лавров", "Фидан"],
         "Анкара", "planned"),
        ("Владимир Путин прилетел в Минск, где провел переговоры с Александром Лукашенко.",
         ["Лукашенко", "Путин"], "Минск", "held"),
        # a pronoun subject there is the person named before it in the sentence
        ("Марк Рютте прибыл в Анкару, где проведет переговоры с Хаканом Фиданом.", ["Рютте", "Фидан"], "Анкара",
         "planned"),
    ],
)
def test_meetings_a_where_clause_shares_subject_and_place(models, text, parties, place, status):
    found = only(text)
    assert (found["parties"], found["place"], found["status"]) == (parties, place, status)


def test_meetings_a_waiting_clause_does_not_take_the_main_subject(models):
    text = "Дмитрий Песков улыбался в зале, пока делегации ждали начала встречи с Владимиром Путиным."
    assert meetings_of(text) == []


@pytest.mark.parametrize(
    "text, kind",
    [
        ("Сергей Лавров и Марко Рубио провели телефонные переговоры.", "call"),
        ("Сергей Лавров и Марко Рубио провели переговоры в Будапеште.", "talks"),
    ],
)
def test_meetings_telephone_adjective_makes_a_call(models, text, kind):
    from parley import pipeline

    extraction = pipeline.process(Document(doc_id="t", text=text, published=PUBLISHED))
    assert [m.kind for m in extraction.meetings] == [kind]


def test_meetings_head_of_a_country_is_its_president(models):
    text = ("Президент России Владимир Путин выступил в Думе. "
            "Позже стало известно об итогах переговоров Стива Уиткоффа и главы РФ.")
    assert only(text)["parties"] == ["Путин", "Уиткофф"]


def test_meetings_a_trilateral_round_takes_the_last_three_sides(models):
    text = ("Следующий раунд трехсторонних переговоров России, США и Украины может состояться в марте. "
            "Рустем Умеров встретится со Стивом Уиткоффом в Женеве 3 февраля. "
            "Предыдущий раунд трехсторонних переговоров прошел в Женеве 17 января.")
    found = [(m["parties"], m["date"]) for m in meetings_of(text)]
    assert (["Россия", "США", "Украина"], "2026-01-17") in found


@pytest.mark.parametrize(
    "text, meetings",
    [
        # "принимает" a guest: a visit, reported as it goes on
        ("В Кремле Владимир Путин принимает премьер-министра Индии Нарендру Моди.",
         [(["Моди", "Путин"], "Кремль", "2026-02-01", "held")]),
        ("Владимир Зеленский принимает участие в саммите.", []),
        # partners each under "с" leave the subject to the one who wrote about them
        ("Эммануэль Макрон рассказал по итогам бесед с Мерцем и со Стармером, что позиции сблизились.",
         [(["Макрон", "Мерц"], None, None, "held"), (["Макрон", "Стармер"], None, None, "held")]),
        # an interview's author is not a party
        ("Мария Захарова рассказала об этом в беседе с автором подкаста Ильей Ивановым.", []),
        # a country in apposition to a place is where, not who
        ("Консультации Франции, Германии и Италии прошли в Абу-Даби, ОАЭ.",
         [(["Германия", "Италия", "Франция"], "Абу-Даби", None, "held")]),
        # the timing of a visit is said of a visit to come
        ("Лукашенко уточнил сроки визита российской делегации в Минск.",
         [(["Белоруссия", "Россия"], "Минск", None, "planned")]),
        # "президентов России и Украины": the presidents the text named
        ("Президент Турции Реджеп Эрдоган и президент Франции Эммануэль Макрон выступили в Брюсселе. "
         "Журналисты спросили о сроках встречи президентов Турции и Франции.",
         [(["Макрон", "Эрдоган"], None, None, "planned")]),
        # a head of state named without his title is still the president a plural leader noun stands for
        ("Владимир Путин и Дональд Трамп обменялись письмами. "
         "Журналисты спросили о сроках встречи президентов России и США.",
         [(["Путин", "Трамп"], None, None, "planned")]),
        # coordinated side adjectives share one leader noun
        ("Президент России Владимир Путин и президент США Дональд Трамп выступили с заявлениями. "
         "Разговор российского и американского лидеров длился час.",
         [(["Путин", "Трамп"], None, None, "held")]),
        # a working group is a delegation
        ("Делегации США, России и Украины завершили консультации в Абу-Даби. "
         "Во главе российской рабочей группы стоял Игорь Костюков.",
         [(["Костюков", "США", "Украина"], "Абу-Даби", None, "held")]),
    ],
)
def test_meetings_hosts_partners_interviews_and_presidents(models, text, meetings):
    found = [(m["parties"], m["place"], m["date"], m["status"]) for m in meetings_of(text)]
    assert sorted(found, key=str) == sorted(meetings, key=str)


@pytest.mark.parametrize(
    "text, parties",
    [
        # the principal of unnamed envoys is his side, not a party, however the title is written
        ("Спецпосланник президента США Дональда Трампа встретится с Владимиром Путиным.", ["Путин", "США"]),
        ("Представители команды президента Франции Эммануэля Макрона планируют встретиться с Реджепом Эрдоганом.",
         ["Франция", "Эрдоган"]),
        ("Путин принял посланников Дональда Трампа.", ["Путин", "США"]),
        # a named envoy is the party
        ("Спецпосланник американского президента Дональда Трампа Стив Уиткофф встретился с Путиным.", ["Путин", "Уиткофф"]),
        ("Эрдоган примет в Анкаре спецпосланника президента США по Сирии Тома Баррака.", ["Баррак", "Эрдоган"]),
    ],
)
def test_meetings_the_principal_of_envoys_is_not_a_party(models, text, parties):
    assert only(text)["parties"] == parties


def test_meetings_a_visit_and_the_talks_it_is_for_are_one(models):
    text = "Пресс-служба сообщила об ожидании визита Макрона для переговоров с Эрдоганом."
    assert only(text)["parties"] == ["Макрон", "Эрдоган"]


def test_meetings_the_heads_of_state_are_the_leaders_just_told(models):
    text = ("Макрон и Эрдоган поговорили по телефону 30 января. "
            "Главы государств условились провести франко-турецкий саммит в Анкаре.")
    planned = [m for m in meetings_of(text) if m["status"] == "planned"]
    assert [m["parties"] for m in planned] == [["Макрон", "Эрдоган"]]


def test_meetings_rounds_numbered_apart_are_two(models):
    text = ("Второй раунд переговоров России и Украины начался в Женеве. "
            "Первый раунд переговоров России и Украины прошел 20 января.")
    assert sorted(m["date"] for m in meetings_of(text)) == ["2026-01-20", "2026-02-01"]


def test_meetings_a_third_sides_leader_makes_another_meeting(models):
    text = ("Эрдоган допускает встречу Макрона и Мерца в Анкаре. "
            "Позднее возможен и саммит Макрона, Мерца и Эрдогана.")
    found = sorted(m["parties"] for m in meetings_of(text))
    assert found == [["Макрон", "Мерц"], ["Макрон", "Мерц", "Эрдоган"]]


def test_meetings_mentions_naming_each_the_other_side_are_one_meeting(models):
    text = ("Стив Уиткофф и Джаред Кушнер планируют визит в Москву для переговоров с российской стороной. "
            "Американские представители намерены встретиться с Владимиром Путиным.")
    assert only(text)["parties"] == ["Кушнер", "Путин", "Уиткофф"]


@pytest.mark.parametrize(
    "text, parties, status",
    [
        # a postponed meeting is still expected
        ("Встречу Путина и Трампа в Будапеште перенесли.", ["Путин", "Трамп"], "planned"),
        ("Лавров вылетел в Анкару на фоне переноса встречи Реджепа Эрдогана и Владимира Путина в Стамбуле.",
         ["Путин", "Эрдоган"], "planned"),
        # "его" on the meeting word is the person named nearest before it, not the one who speaks
        ("Из-за недавних высказываний Реджепа Эрдогана в Париже сомневаются в пользе его будущей встречи "
         "с Эммануэлем Макроном.", ["Макрон", "Эрдоган"], "planned"),
        ("Стив Уиткофф заявил, что его переговоры с Кириллом Дмитриевым прошли хорошо.",
         ["Дмитриев", "Уиткофф"], "held"),
    ],
)
def test_meetings_postponed_meetings_and_possessive_pronouns(models, text, parties, status):
    found = only(text)
    assert (found["parties"], found["status"]) == (parties, status)


def test_meetings_a_pronoun_in_a_where_clause_is_the_subject_before_it(models):
    found = only("Марко Рубио прилетел в Эр-Рияд, где он, вероятно, переговорит с Сергеем Лавровым.")
    assert (found["parties"], found["status"]) == (["Лавров", "Рубио"], "planned")


@pytest.mark.parametrize(
    "text, first, last",
    [
        ("Делегации США, России и Украины провели 23 и 24 января переговоры в Абу-Даби.", "2026-01-23", "2026-01-24"),
        ("Переговоры Умерова и Уиткоффа прошли 17–18 января в Майами.", "2026-01-17", "2026-01-18"),
        ("Дмитриев и Уиткофф встретятся в Эр-Рияде во вторник и среду.", "2026-02-03", "2026-02-04"),
        ("Переговоры США и России 5 февраля продлятся два дня.", "2026-02-05", "2026-02-06"),
        ("Умеров и Уиткофф встретились 30 января в Майами.", "2026-01-30", None),
    ],
)
def test_meetings_a_round_of_several_days_keeps_its_last_day(models, text, first, last):
    from parley import pipeline

    meetings = pipeline.process(Document(doc_id="t", text=text, published=PUBLISHED)).meetings
    assert [(m.date, m.date_end) for m in meetings] == [(first, last)]


def test_meetings_on_the_eve_of_a_dated_meeting_is_the_day_before(models):
    text = "Накануне назначенной на 12 марта встречи с Фридрихом Мерцем Эммануэль Макрон созвонился с Киром Стармером."
    found = sorted((m["parties"], m["date"]) for m in meetings_of(text, dt.date(2026, 3, 11)))
    assert found == [(["Макрон", "Мерц"], "2026-03-12"), (["Макрон", "Стармер"], "2026-03-11")]


def test_meetings_a_round_said_to_end_on_a_day_began_before_it(models):
    found = only("В субботу в Женеве завершились трехдневные переговоры делегаций Франции и Германии.")
    assert (found["date"], found["status"]) == ("2026-01-29", "held")


def test_meetings_arranging_a_meeting_puts_it_ahead(models):
    found = only("Советники в понедельник обсудили организацию встречи Эммануэля Макрона и Фридриха Мерца.")
    assert found["status"] == "planned"


def test_meetings_there_again_is_the_place_told_before(models):
    text = ("Первый раунд консультаций Франции и Германии прошел в Берлине 20 января. "
            "Второй раунд консультаций Франции и Германии прошел там же 27 января.")
    found = sorted((m["date"], m["place"]) for m in meetings_of(text))
    assert found == [("2026-01-20", "Берлин"), ("2026-01-27", "Берлин")]


def test_meetings_meeting_them_once_more_the_next_day_is_another_meeting(models):
    text = ("Эммануэль Макрон провел сегодня в Берлине переговоры с представителями Германии. "
            "Он планирует встретиться с ними еще раз 2 февраля.")
    found = [(m["parties"], m["date"], m["status"], m["place"]) for m in meetings_of(text)]
    # the day after, the same people meet where they met
    assert found == [(["Германия", "Макрон"], "2026-02-01", "held", "Берлин"),
                     (["Германия", "Макрон"], "2026-02-02", "planned", "Берлин")]


def test_meetings_owner_of_a_role_after_its_holder_is_not_a_party(models):
    text = ("Вместе с Мерцем в Париж прибыл Пьер Дюран, советник президента Франции Эммануэля Макрона, "
            "ранее участвовавший в переговорах с Германией.")
    assert all("Макрон" not in m["parties"] for m in meetings_of(text))


def test_meetings_partner_of_the_verb_is_not_the_partner_of_the_meeting_after(models):
    text = ("Президент Франции Эммануэль Макрон хотел обсудить с канцлером Германии Фридрихом Мерцем "
            "ряд вопросов перед встречей с Киром Стармером.")
    assert all(m["parties"] != ["Мерц", "Стармер"] for m in meetings_of(text))


def test_meetings_a_visitor_meets_the_next_day_where_the_visit_is(models):
    text = ("Вчера, 9 марта, Марко Рубио прибыл в Анкару с официальным визитом. "
            "Днем во вторник, 10 марта, президент Реджеп Эрдоган встретился с Марко Рубио.")
    found = meetings_of(text, dt.date(2026, 3, 10))
    assert [(m["parties"], m["place"], m["date"]) for m in found] == [
        (["Рубио", "Турция"], "Анкара", "2026-03-09"), (["Рубио", "Эрдоган"], "Анкара", "2026-03-10")]


def test_meetings_one_sides_attendees_join_the_meeting_and_are_none_of_their_own(models):
    text = ("Вечером Эммануэль Макрон принял в Елисейском дворце Фридриха Мерца.\n"
            "С французской стороны в беседе участвовали Жан-Ноэль Барро и Эммануэль Бонн.")
    found = meetings_of(text)
    assert len(found) == 1
    assert {"Макрон", "Мерц"} <= set(found[0]["parties"])


def test_meetings_one_shared_person_and_another_counterpart_are_two_meetings(models):
    text = "Владимир Путин провел переговоры с Дональдом Трампом. Позже Путин принял в Кремле Стива Уиткоффа."
    assert sorted(tuple(sorted(m["parties"])) for m in meetings_of(text)) == [("Путин", "Трамп"), ("Путин", "Уиткофф")]


@pytest.mark.parametrize(
    "text, parties, status",
    [
        # a meeting admitted as possible is ahead, and whoever said so admits his own
        ("Эммануэль Макрон сказал, что допускает встречу с Реджепом Эрдоганом.", ["Макрон", "Эрдоган"], "planned"),
        ("Реджеп Эрдоган не исключил проведения переговоров с Фридрихом Мерцем.", ["Мерц", "Эрдоган"], "planned"),
        # what is admitted is the verb's object, not its setting
        ("Реджеп Эрдоган допустил оплошность на встрече с Фридрихом Мерцем.", ["Мерц", "Эрдоган"], "held"),
        # a goal in the accusative is ahead of the verb ("на встрече" would frame it)
        ("Фридрих Мерц надеется на встречу с Эммануэлем Макроном.", ["Макрон", "Мерц"], "planned"),
    ],
)
def test_meetings_a_meeting_admitted_or_hoped_for_is_ahead(models, text, parties, status):
    found = only(text)
    assert (found["parties"], found["status"]) == (parties, status)


@pytest.mark.parametrize(
    "text",
    [
        # the parser may hang the meeting on the verb before: the first verb after it is its own
        "Он признал, что уступок пока не было, и встреча Макрона и Эрдогана сейчас не планируется.",
    ],
)
def test_meetings_a_meeting_said_not_to_be_planned_is_none(models, text):
    assert meetings_of(text) == []


def test_meetings_meeting_them_again_the_next_day_is_another_meeting(models):
    text = ("Эммануэль Макрон провел в Берлине переговоры с представителями Германии 31 января. "
            "Он хочет встретиться с ними снова 1 февраля, чтобы обсудить торговлю.")
    found = [(m["parties"], m["date"], m["status"]) for m in meetings_of(text)]
    assert found == [(["Германия", "Макрон"], "2026-01-31", "held"),
                     (["Германия", "Макрон"], "2026-02-01", "planned")]


def test_meetings_sides_do_not_share_a_subject_with_a_verb_of_another_number(models):
    text = ("Эммануэль Макрон провел переговоры с Реджепом Эрдоганом 30 января. "
            "Он сказал, что стороны едва ли придут к согласию, но не исключил саммита позже.")
    found = [(m["parties"], m["status"]) for m in meetings_of(text)]
    assert {"Франция", "Турция"} not in [set(p) for p, _ in found]
