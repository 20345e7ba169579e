"""Rewrites of a text's gloss that need the words around a word: Russian phrasing and agreement.

Entry point: ``rewrite(text, spans, glosses)``, in place, one gloss per
Ukrainian word kept (a gloss may grow or shrink, never move):

- a first name left in the nominative before its declined surname takes the surname's case
  ("представника Стів Віткоффа" → "представителя Стива Виткоффа");
- "чекати на" drops its preposition ("чекатиме на Путіна" → "будет ждать Путина");
- "за" with the instrumental is "по" with the dative ("за словами" → "по словам");
- a weekday in the genitive after "минулого", "наступного", "цього" is Russian
  "в" with the accusative ("минулої неділі" → "в прошлое воскресенье");
- a quote headed "Пряма мова X:" is introduced as Russian does ("X заявил:");
- a paragraph attributed on the next line ("…,\n– заявив X") gets quote marks;
- an adjective takes the gender of the Russian noun after it, a past-tense verb
  its subject's, and "в", "с", "к" become "во", "со", "ко" before a cluster.
"""
from __future__ import annotations

import bisect
import re

from pymorphy2.analyzer import Parse

from parley.lang import lexicon
from parley.ukrainian.gloss import ukrainian_morph
from parley.ukrainian.lexicon import ukrainian_lexicon
from parley.ukrainian.russian import (
    agree, match_case, russian_morph, to_dative, to_nominative, to_prepositional, verb_agreeing,
)

POSSESSIVES = ukrainian_lexicon().words("possessives")  # "за його словами"
_CLUSTER = re.compile(r"^[вфсзшж][бвгджзклмнпрстфхцчшщ]", re.IGNORECASE)
_LINE = re.compile(r"[^\n]+")
_WORDLIKE = re.compile(r"\w")


def rewrite(text: str, spans: list[tuple[int, int]], glosses: list[str]) -> None:
    _according_to(text, spans, glosses)
    _about(text, spans, glosses)
    _since(text, spans, glosses)
    _wait_for(text, spans, glosses)
    _first_name_case(text, spans, glosses)
    _weekday_genitive(text, spans, glosses)
    _direct_speech(text, spans, glosses)
    _dialogue_quotes(text, spans, glosses)
    for i in reversed(range(len(spans) - 1)):  # from the noun back: "можливої мирної угоди" → "возможного мирного соглашения"
        if text[spans[i][1]:spans[i + 1][0]] == " " and glosses[i] and glosses[i + 1]:
            noun = glosses[i + 1]
            if i + 2 < len(spans) and text[spans[i + 1][1]:spans[i + 2][0]] == " " and glosses[i + 2] \
                    and _adjective(noun):
                noun = glosses[i + 2]
            glosses[i] = _euphony(agree(glosses[i], noun), glosses[i + 1])
    for i in range(len(spans) - 1):  # a past-tense verb next to its subject takes the subject's gender
        if text[spans[i][1]:spans[i + 1][0]] != " " or not glosses[i] or not glosses[i + 1]:
            continue
        after = glosses[i + 2] if i + 2 < len(spans) and text[spans[i + 1][1]:spans[i + 2][0]] == " " else ""
        glosses[i] = verb_agreeing(glosses[i], glosses[i + 1])
        if after:
            glosses[i] = verb_agreeing(glosses[i], after)  # "состоялась телефонный разговор"
        glosses[i + 1] = verb_agreeing(glosses[i + 1], glosses[i])  # "разговор состоялась"


def _adjective(gloss: str) -> bool:
    parses = russian_morph().parse(gloss.lower())
    return bool(parses) and parses[0].tag.POS in ("ADJF", "PRTF")


def _euphony(word: str, following: str) -> str:
    """Russian "во", "со", "ко" before a cluster: "во вторник", "со стороны"."""
    low = word.lower()
    if low in ("в", "с", "к") and (_CLUSTER.match(following) and following[:1].lower() in "вфсзшж" + ("" if low == "в" else "")):
        if low == "в" and following[:1].lower() not in "вф" or low == "с" and following[:1].lower() not in "сзшж":
            return word
        return match_case(low + "о", word)
    return word


TIME_NOUNS = lexicon("ru").words("dates", "time_nouns")
WEEKDAYS = frozenset("понедельник вторник среда четверг пятница суббота воскресенье воскресение".split())
WEEKDAY_MODIFIERS = frozenset("прошлый следующий этот минувший ближайший".split())


def _weekday_genitive(text: str, spans: list[tuple[int, int]], glosses: list[str]) -> None:
    for i in range(1, len(spans)):
        if text[spans[i - 1][1]:spans[i][0]] != " " or (i > 1 and text[spans[i - 2][0]:spans[i - 2][1]].lower()
                                                          in ("у", "в", "до", "з", "від", "після", "на")):
            continue
        day = _reading(glosses[i], WEEKDAYS, "gent")
        modifier = _reading(glosses[i - 1], WEEKDAY_MODIFIERS, "gent")
        if day is None or modifier is None:
            continue
        noun = Parse.inflect(day, {"accs", "sing"})
        adjective = None if noun is None else (Parse.inflect(modifier, {"accs", "sing", "inan", day.tag.gender})
                                               or Parse.inflect(modifier, {"accs", "sing", day.tag.gender}))
        if adjective is not None:
            glosses[i - 1] = match_case("в " + adjective.word, glosses[i - 1])
            glosses[i] = match_case(noun.word.replace("воскресение", "воскресенье"), glosses[i])


def _reading(gloss: str, lemmas: frozenset[str], case: str):
    return next((p for p in russian_morph().parse(gloss.lower()) if p.normal_form in lemmas and case in p.tag), None)


def _according_to(text: str, spans: list[tuple[int, int]], glosses: list[str]) -> None:
    """"за" with the instrumental is Russian "по" with the dative: "за словами" → "по словам",
    "за його даними" → "по его данным", "за підсумками" → "по итогам"."""
    for i, (a, b) in enumerate(spans[:-2]):
        if text[a:b].lower() != "за":
            continue
        j = i + 2 if text[spans[i + 1][0]:spans[i + 1][1]].lower() in POSSESSIVES else i + 1
        word = text[spans[j][0]:spans[j][1]]
        parses = ukrainian_morph().parse(word.lower())
        if parses and parses[0].tag.POS == "NOUN" and "ablt" in parses[0].tag and "plur" in parses[0].tag:
            dative = to_dative(glosses[j])
            if dative is not None:
                glosses[i], glosses[j] = match_case("по", text[a:b]), dative


_ABOUT_POS = frozenset({"ADJF", "PRTF", "NOUN", "NPRO", "NUMR"})
_UNDECLINED_POS = frozenset({"ADVB", "PRCL", "CONJ"})
_VOWELS = tuple("аоуэиАОУЭИ")
_OWNERS = ukrainian_lexicon().words("owners")  # "про його візит"


def _about(text: str, spans: list[tuple[int, int]], glosses: list[str]) -> None:
    """"про" with the accusative is Russian "о" with the prepositional: "про можливу зустріч" →
    "о возможной встрече", "про обмін полоненими" → "об обмене пленными", "про те" → "о том"."""
    for i in range(len(spans) - 1):
        if text[spans[i][0]:spans[i][1]].lower() != "про" or not glosses[i + 1]:
            continue
        inner = False  # inside a phrase of the participle's own ("завершені в Білому домі")
        declined = False
        for j in range(i + 1, min(i + 9, len(spans))):
            if text[spans[j - 1][1]:spans[j][0]] != " " or not glosses[j]:
                break
            word = text[spans[j][0]:spans[j][1]].lower()
            if word in _OWNERS:
                continue  # "про його візит": the possessive does not decline
            readings = ukrainian_morph().parse(word)
            if readings and all(p.tag.POS in _UNDECLINED_POS for p in readings):
                continue  # "про щойно завершені переговори": an adverb inside the phrase does not decline
            if declined and any(p.tag.POS == "PREP" for p in readings):
                inner = True  # "про завершені в Білому домі переговори": the noun comes after
                continue
            parses = [p for p in readings if "accs" in p.tag and p.tag.POS in _ABOUT_POS]
            if inner and not parses:
                continue
            inner = False
            number = "sing" if any(p.tag.number != "plur" for p in parses) else "plur"
            prepositional = to_prepositional(glosses[j], number) if parses else None
            if prepositional is None:
                break
            glosses[j] = prepositional
            declined = True
            if all(p.tag.POS == "NOUN" or "pers" in p.tag for p in parses):
                break  # the head noun closes the phrase
        glosses[i] = match_case("об" if glosses[i + 1].startswith(_VOWELS) else "о", glosses[i])


def _since(text: str, spans: list[tuple[int, int]], glosses: list[str]) -> None:
    """"від" before a time is Russian "с": "від січня" → "с января", "від 1 лютого" → "с 1 февраля"."""
    for i in range(len(spans) - 1):
        if text[spans[i][0]:spans[i][1]].lower() != "від" or text[spans[i][1]:spans[i + 1][0]] != " ":
            continue
        following = glosses[i + 1]
        if following.isdigit() or _reading(following, TIME_NOUNS, "gent") is not None:
            glosses[i] = match_case("с", glosses[i])


_WAITING = ukrainian_lexicon().words("waiting_glosses")


def _wait_for(text: str, spans: list[tuple[int, int]], glosses: list[str]) -> None:
    """"чекати на" takes its object without a preposition in Russian: "чекатиме на Путіна" → "будет ждать Путина"."""
    for i in range(len(spans) - 2):
        if text[spans[i + 1][0]:spans[i + 1][1]].lower() != "на" or text[spans[i][1]:spans[i + 1][0]] != " ":
            continue
        last = glosses[i].split()[-1] if glosses[i].strip() else ""
        if last and any(p.normal_form in _WAITING for p in russian_morph().parse(last.lower())[:1]):
            glosses[i + 1] = ""


_OBLIQUE = ("gent", "datv", "accs", "ablt", "loct")


def _first_name_case(text: str, spans: list[tuple[int, int]], glosses: list[str]) -> None:
    """Papers often decline a man's surname and not his first name ("зятя Дональд Трампа"): the
    first name takes the case of the surname after it, as the Russian parser needs to join them."""
    for i in range(len(spans) - 1):
        first, last = text[slice(*spans[i])], text[slice(*spans[i + 1])]
        if text[spans[i][1]:spans[i + 1][0]] != " " or not first[:1].isupper() or not last[:1].isupper():
            continue
        names = ukrainian_morph().parse(first.lower())
        if not names or not all("Name" in p.tag and "masc" in p.tag and "nomn" in p.tag for p in names):
            continue
        surnames = ukrainian_morph().parse(last.lower())
        if not surnames or not all("Surn" in p.tag and "masc" in p.tag and "nomn" not in p.tag for p in surnames):
            continue
        case = next((c for c in _OBLIQUE if any(c in p.tag for p in surnames)), None)
        if case is None:
            continue  # only vocative readings ("Кушнере"): no case to give the first name
        name = next((p for p in russian_morph().parse(glosses[i].lower()) if "Name" in p.tag and "nomn" in p.tag), None)
        inflected = Parse.inflect(name, {case}) if name is not None else None
        if inflected is not None:
            glosses[i] = match_case(inflected.word, glosses[i])


def _direct_speech(text: str, spans: list[tuple[int, int]], glosses: list[str]) -> None:
    """The heading of a quote "Пряма мова Ушакова: «…»" as Russian introduces one: "Ушаков заявил: «…»"."""
    for i in range(len(spans) - 3):
        if text[spans[i][0]:spans[i + 1][1]].lower() != "пряма мова":
            continue
        colon = next((j for j in range(i + 2, min(i + 7, len(spans))) if text[spans[j][0]:spans[j][1]] == ":"), None)
        if colon is None or colon == i + 2:
            continue
        speaker = glosses[i + 2:colon]
        # a name in the nominative ("Юрія Ушакова" → "Юрий Ушаков"), an office by its head ("речника Кремля")
        speaker = [to_nominative(speaker[0]), *speaker[1:]] if speaker[0].islower() else [to_nominative(g) for g in speaker]
        glosses[i] = glosses[i + 1] = ""
        glosses[i + 2:colon] = speaker[:-1] + [speaker[-1] + " заявил"]


SPEECH_LEMMAS = frozenset("заявить сказать написать сообщить добавить отметить подчеркнуть рассказать пояснить "
                          "ответить уточнить резюмировать".split())
_DASHES = frozenset("–—-")
_QUOTE_MARKS = re.compile(r"[«»\"“”„]")


def _dialogue_quotes(text: str, spans: list[tuple[int, int]], glosses: list[str]) -> None:
    """A paragraph said by someone and attributed on the next line ("…безпеки,\n– заявив Віткофф")
    is a quote: its gloss is put in quote marks, as Russian papers write it."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if m.group().strip()]
    starts = [a for a, _ in spans]
    for (start, stop), (next_start, next_stop) in zip(lines, lines[1:]):
        body = text[start:stop].rstrip()
        if not body.endswith((",", ":")) or _QUOTE_MARKS.search(body):
            continue
        first = bisect.bisect_left(starts, next_start)
        if first + 1 >= len(spans) or text[spans[first][0]:spans[first][1]] not in _DASHES \
                or not _is_speech(glosses[first + 1]):
            continue
        inside = [i for i in range(bisect.bisect_left(starts, start), first)
                  if _WORDLIKE.search(text[spans[i][0]:spans[i][1]])]
        if len(inside) >= 3:
            glosses[inside[0]] = "«" + glosses[inside[0]]
            glosses[inside[-1]] = glosses[inside[-1]] + "»"


def _is_speech(gloss: str) -> bool:
    return any(p.normal_form in SPEECH_LEMMAS for p in russian_morph().parse(gloss.lower())[:2])
