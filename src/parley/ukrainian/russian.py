"""The Russian side of the gloss: glossed words inflected and made to agree as Russian needs.

Entry points: ``russian_morph()`` (the Russian dictionary, loaded once) and the
word functions the gloss of a text applies (``agree``, ``verb_agreeing``,
``to_dative``, ``to_nominative``, ``place_accusative``, ``country_list``).
"""
from __future__ import annotations

import functools
import re

import yargy  # noqa: F401  (patches pymorphy2 for Python 3.11; must precede natasha)
from natasha import MorphVocab
from pymorphy2.analyzer import Parse

from parley.nlp import morph_vocab


def russian_morph() -> MorphVocab:
    return morph_vocab()  # the models' own dictionary: loaded once, its readings cached for both


@functools.lru_cache(maxsize=100_000)
def agree(adjective: str, noun: str) -> str:
    """A glossed adjective in the gender of the glossed noun after it: Ukrainian and Russian
    nouns differ in gender ("телефонна розмова" → "телефонный разговор", not "телефонная")."""
    morph = russian_morph()
    adjective_parses, noun_parses = morph.parse(adjective.lower()), morph.parse(noun.lower())
    if not adjective_parses or not noun_parses or noun_parses[0].tag.POS != "NOUN" \
            or any("Surn" in p.tag for p in adjective_parses):
        return adjective  # only a plain adjective before a plain noun ("Зеленского" is a name)
    if adjective_parses[0].tag.POS == "NOUN" and all(p.score < 0.1 for p in adjective_parses
                                                     if p.tag.POS in ("ADJF", "PRTF")):
        return adjective  # a noun with a rare adjective reading: "главой" is not "главый"
    adjectives = [p for p in adjective_parses if p.tag.POS in ("ADJF", "PRTF") and "sing" in p.tag]
    nouns = [p for p in noun_parses if p.tag.POS == "NOUN" and "sing" in p.tag]
    if not adjectives or not nouns:
        return _plural_agreeing(adjective, adjective_parses, noun_parses)
    for adj in adjectives:
        for parse in nouns:
            if parse.tag.case == adj.tag.case:
                if parse.tag.gender in (adj.tag.gender, None) or "Ms-f" in parse.tag:
                    return adjective
                wanted = {parse.tag.gender, parse.tag.case, "sing"}
                if parse.tag.case == "accs" and parse.tag.animacy:
                    wanted.add(parse.tag.animacy)  # "телефонный разговор", not "телефонного"
                inflected = Parse.inflect(adj, wanted)
                return match_case(inflected.word, adjective) if inflected is not None else adjective
    return adjective


def _plural_agreeing(adjective: str, adjective_parses, noun_parses) -> str:
    """A plural adjective in the case of the plural noun after it, when no reading of the two
    shares a case: Ukrainian "-их" is read as an accusative of things ("на тлі попередніх
    переговорів" → "предыдущие переговоров"), Russian needs "предыдущих переговоров"."""
    adjectives = [p for p in adjective_parses if p.tag.POS in ("ADJF", "PRTF") and "plur" in p.tag]
    nouns = [p for p in noun_parses if p.tag.POS == "NOUN" and "plur" in p.tag]
    if not adjectives or not nouns or len(noun_parses) != len(nouns) \
            or {a.tag.case for a in adjectives} & {n.tag.case for n in nouns}:
        return adjective
    noun = nouns[0]
    wanted = {noun.tag.case, "plur"} | ({noun.tag.animacy} if noun.tag.case == "accs" and noun.tag.animacy else set())
    inflected = Parse.inflect(adjectives[0], wanted)
    return match_case(inflected.word, adjective) if inflected is not None else adjective


@functools.lru_cache(maxsize=50_000)
def is_transitive_verb(gloss: str) -> bool:
    parses = russian_morph().parse(gloss.lower())
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "GRND") and "tran" in parses[0].tag


@functools.lru_cache(maxsize=50_000)
def is_head_noun(gloss: str) -> bool:
    """A common noun that a genitive may hang from ("процесс заключения", "возможность восстановления"),
    not a name and not a time ("в понедельник заседание")."""
    from parley.ukrainian.context import TIME_NOUNS

    parses = russian_morph().parse(gloss.lower())
    return bool(parses) and gloss.islower() and parses[0].tag.POS == "NOUN" \
        and not parses[0].tag.grammemes & {"Name", "Surn", "Patr", "Geox", "Orgn"} \
        and parses[0].normal_form not in TIME_NOUNS


@functools.lru_cache(maxsize=50_000)
def place_accusative(gloss: str) -> str | None:
    """A glossed place name in the accusative, when the gazetteer knows it: "Москвы" → "Москву"."""
    from parley.resolve.places import gazetteer

    for parse in russian_morph().parse(gloss.lower()):
        if parse.tag.POS == "NOUN" and gazetteer().named(parse.normal_form.capitalize()) is not None:
            inflected = Parse.inflect(parse, {"accs"})
            return match_case(inflected.word, gloss) if inflected is not None else gloss
    return None


@functools.lru_cache(maxsize=20_000)
def to_dative(gloss: str) -> str | None:
    """A glossed plural noun in the dative: "итогами" → "итогам"."""
    for parse in russian_morph().parse(gloss.lower()):
        if parse.tag.POS == "NOUN" and "ablt" in parse.tag:
            inflected = Parse.inflect(parse, {"datv", "plur"})
            return match_case(inflected.word, gloss) if inflected is not None else None
    return None


_DECLINED = frozenset({"NOUN", "ADJF", "PRTF", "NPRO", "NUMR"})


@functools.lru_cache(maxsize=20_000)
def to_prepositional(gloss: str, number: str | None = None) -> str | None:
    """A glossed word of a noun phrase in the accusative put in the prepositional, in the
    Ukrainian word's number: "возможную" → "возможной", "переговоры" → "переговорах"; None
    for a word that does not decline (a name Russian lacks stays as it is)."""
    parses = [p for p in russian_morph().parse(gloss.lower())
              if p.tag.POS in _DECLINED and ("accs" in p.tag or "nomn" in p.tag)]
    parses.sort(key=lambda p: number is not None and p.tag.number not in (number, None))
    for parse in parses[:1]:
        wanted = {"loct", number or parse.tag.number or "sing"}
        inflected = Parse.inflect(parse, wanted) or Parse.inflect(parse, {"loct"})
        return match_case(inflected.word, gloss) if inflected is not None else None
    return None


def _is_country(gloss: str) -> bool:
    from parley.resolve.places import gazetteer

    place = gazetteer().named(gloss)
    return place is not None and place.kind == "country"


def _genitive(gloss: str) -> str:
    for parse in russian_morph().parse(gloss.lower()):
        if parse.tag.POS == "NOUN" and "Fixd" not in parse.tag and not gloss.isupper():
            inflected = Parse.inflect(parse, {"gent"})
            if inflected is not None:
                return match_case(inflected.word, gloss)
    return gloss


@functools.lru_cache(maxsize=20_000)
def to_nominative(gloss: str) -> str:
    """A glossed noun or name in the nominative singular: "Ушакова" → "Ушаков"."""
    for parse in russian_morph().parse(gloss.lower()):
        if parse.tag.POS in ("NOUN", "ADJF") and "nomn" not in parse.tag:
            inflected = Parse.inflect(parse, {"nomn", "sing"}) or Parse.inflect(parse, {"nomn"})
            if inflected is not None:
                return match_case(inflected.word, gloss)
        if "nomn" in parse.tag:
            return gloss
    return gloss


@functools.lru_cache(maxsize=50_000)
def verb_agreeing(verb: str, noun: str) -> str:
    """A glossed past-tense verb or short adjective in the gender of its glossed subject: "состоялась
    разговор" → "состоялся" (Ukrainian "розмова" is feminine, Russian "разговор" masculine), and
    "должен состояться встреча" → "должна" (Ukrainian "має" has no gender)."""
    morph = russian_morph()
    verbs, nouns = morph.parse(verb.lower()), morph.parse(noun.lower())
    if not verbs or not nouns or "sing" not in verbs[0].tag \
            or not (verbs[0].tag.POS == "VERB" and "past" in verbs[0].tag or verbs[0].tag.POS == "ADJS"):
        return verb
    subject = nouns[0]
    if subject.tag.POS != "NOUN" or "nomn" not in subject.tag or "sing" not in subject.tag \
            or subject.tag.gender in (None, verbs[0].tag.gender) or "Ms-f" in subject.tag:
        return verb
    inflected = Parse.inflect(verbs[0], {subject.tag.gender})
    return match_case(inflected.word, verb) if inflected is not None else verb


def match_case(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        if re.search(r"-\w", model) and model.split("-")[-1][:1].isupper():  # "Абу-Дабі" → "Абу-Даби"
            return "-".join(part[:1].upper() + part[1:] for part in form.split("-"))
        return form[:1].upper() + form[1:]
    return form


def country_list(glosses: list[str]) -> str | None:
    """Glossed parts of a compound that are all countries, as Russian lists them: "Украины, США и России"."""
    if not all(_is_country(g) for g in glosses):
        return None
    named = [_genitive(g) for g in glosses]
    return ", ".join(named[:-1]) + " и " + named[-1]
