"""A Russian gloss for each Ukrainian word, so the Russian models and extractors read Ukrainian text.

Entry point: ``gloss_word(word)``. A word is glossed, in this order:

1. by a phrase or word form of the lexicon (``lang/uk/forms.tsv``: "у" → "в", "та" → "и");
2. by its Ukrainian lemma (pymorphy3 with the Ukrainian dictionary) in the
   lexicon (``lang/uk/lemmas.tsv``: "зустріч" → "встреча"), the Russian lemma
   then put in the Ukrainian word's case, number, gender, tense and person;
3. by a respelling of its lemma that the Russian dictionary knows as a word
   of the same part of speech ("делегація" → "делегация", "переговори" →
   "переговоры"), inflected the same way;
4. else by a respelling of the word itself: names ("Віткоффа" → "Виткоффа",
   "Умєрова" → "Умерова") and words Russian lacks.

The gloss has one word for each Ukrainian word, so every offset and every
token of the original text has its counterpart (``parley.ukrainian.document``).
"""
from __future__ import annotations

import functools
import itertools
import re

import pymorphy3
import yargy  # noqa: F401  (patches pymorphy2 for Python 3.11; must precede natasha)
from natasha import MorphVocab
from pymorphy2.analyzer import Parse

from parley.ukrainian.lexicon import ukrainian_lexicon

_CYRILLIC_WORD = re.compile(r"[А-ЩЬЮЯҐЄІЇа-щьюяґєії'’ʼ\-]+")
_APOSTROPHES = "'’ʼ"
# Ukrainian spelling → Russian spelling, letter by letter (after the clusters below).
# Ukrainian и is mostly ы in Russian words ("ми", "бути") but и in names ("Сибіга"): lemmas try both.
_LETTERS = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "", "’": "", "ʼ": ""})
_NAME_INSTRUMENTAL = re.compile(r"(?<=[оеи][вн])им$")  # "Умєровим", "Путіним" → "Умеровым", "Путиным"
_CLUSTERS = (("ськ", "ск"), ("цьк", "цк"), ("зьк", "зк"), ("ьо", "е"))
# Grammemes carried from the Ukrainian word to its Russian gloss.
_CARRIED = ("nomn", "gent", "datv", "accs", "ablt", "loct", "sing", "plur", "masc", "femn", "neut",
            "past", "pres", "futr", "1per", "2per", "3per", "impr", "actv", "pssv")
_RARE = frozenset({"impr", "voct"})
_NAME_GRAMMEMES = frozenset({"Surn", "Name", "Patr"})
_CASE_MAP = {"voct": "nomn", "v_naz": "nomn"}
_POS_GROUPS = {"ADJF": "ADJ", "ADJS": "ADJ", "PRTF": "ADJ", "PRTS": "ADJ", "INFN": "VERB", "VERB": "VERB",
               "GRND": "VERB", "NOUN": "NOUN", "NPRO": "NOUN"}


@functools.cache
def ukrainian_morph() -> pymorphy3.MorphAnalyzer:
    """pymorphy3 with the Ukrainian dictionary, loaded once per process."""
    return pymorphy3.MorphAnalyzer(lang="uk")


@functools.cache
def russian_morph() -> MorphVocab:
    return MorphVocab()


def respell(word: str) -> str:
    """A Ukrainian word in Russian letters: "Зеленського" → "Зеленского", "Віткофф" → "Виткофф"."""
    low = word.lower()
    for ukrainian, russian in _CLUSTERS:
        low = low.replace(ukrainian, russian)
    low = _NAME_INSTRUMENTAL.sub("ым", low.translate(_LETTERS))
    return match_case(low, word)


def _cased(form: str, word: str, target: str | None = None) -> str:
    """``form`` in the case of ``word``; a lexicon target written with capitals keeps them
    (Ukrainian papers may write "росія", "рф": the gloss is "Россия", "РФ")."""
    target = target or form
    if form.lower() == target.lower() and target[1:] != target[1:].lower() and not word.isupper():
        return target  # "Мар-а-Лаго", "ОАЭ" as the lexicon writes them
    if word.islower() and not target.islower():
        return form.upper() if target.isupper() else form[:1].upper() + form[1:]
    return match_case(form, word)


def match_case(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    if model[:1].isupper():
        if re.search(r"-\w", model) and model.split("-")[-1][:1].isupper():  # "Абу-Дабі" → "Абу-Даби"
            return "-".join(part[:1].upper() + part[1:] for part in form.split("-"))
        return form[:1].upper() + form[1:]
    return form


@functools.lru_cache(maxsize=200_000)
def gloss_word(word: str, after: str = "") -> str:
    """The Russian gloss of one Ukrainian word, in the word's own case and capitalisation.

    ``after``: ``"locative"`` when the word follows a preposition that may govern the
    locative ("у Женеві", "на зустрічі": a dative-or-locative form is read as locative),
    ``"preposition"`` after any other one (a form that may be nominative is read as
    oblique: "на зустріч" is accusative), ``"object"`` after a transitive verb ("мав
    зустріч": accusative)."""
    if not _CYRILLIC_WORD.fullmatch(word):
        return word
    lexicon = ukrainian_lexicon()
    low = word.lower().replace("’", "'").replace("ʼ", "'")
    form = lexicon.forms.get(low)
    if form is not None:
        return _cased(form, word)
    parts = word.split("-")
    if len(parts) > 1 and all(parts) and low not in lexicon.lemmas \
            and (any(p.isupper() and len(p) > 1 for p in parts) or all(p[:1].isupper() for p in parts)):
        glossed = [gloss_word(p, after) for p in parts]
        if all(_is_country(g) for g in glossed):  # "Україна-США-Росія" → "Украины, США и России"
            named = [_genitive(g) for g in glossed]
            return ", ".join(named[:-1]) + " и " + named[-1]
        return "-".join(glossed)  # "РБК-Україна"
    parses = ukrainian_morph().parse(low)
    if after == "object":  # after a transitive verb, a form that may be nominative or accusative is accusative
        parses = sorted(parses, key=lambda p: "accs" not in p.tag)
    elif after:
        parses = sorted(parses, key=lambda p: ("nomn" in p.tag, after == "locative" and "loct" not in p.tag))
    for parse in parses:
        target = lexicon.lemmas.get(parse.normal_form.replace("’", "'"))
        if target is not None:
            return _cased(_inflect(target, parse.tag), word, target)
    # pymorphy3's Ukrainian parses come unranked; the longest lemma is the fullest reading
    # ("українська": "український", not the town "Українськ").
    # Imperative and vocative readings are rare in news ("оборони" is "оборона", not "оборонити").
    if parses and parses[0].tag.POS == "GRND" and parses[0].normal_form == low:
        gerund = _gerund(low)
        if gerund is not None:
            return match_case(gerund, word)
    # A capitalised word that may be a name is a name, unless it reads as an adjective
    # ("Марко" is not "марка"; "Українська" opening a sentence is "украинская").
    named = word[:1].isupper() and any(p.tag.grammemes & _NAME_GRAMMEMES for p in parses)
    for parse in sorted(parses, key=lambda p: (bool(p.tag.grammemes & _RARE), -len(p.normal_form))):
        if parse.tag.grammemes & _NAME_GRAMMEMES or named and parse.tag.POS not in ("ADJF", "PRTF"):
            continue
        lemma = _russian_lemma(parse.normal_form, _POS_GROUPS.get(parse.tag.POS or "", ""))
        if lemma is not None:
            return match_case(_inflect(lemma, parse.tag), word)
    return respell(word)


@functools.lru_cache(maxsize=100_000)
def _russian_lemma(ukrainian_lemma: str, pos_group: str) -> str | None:
    """A respelling of a Ukrainian lemma that Russian has as a lemma of the same part of speech."""
    if not pos_group or len(ukrainian_lemma) < 4:
        return None
    base = respell(ukrainian_lemma.replace("и", "\0"))
    morph = russian_morph()
    for candidate in _spellings(base):
        for parse in morph.parse(candidate):
            if parse.normal_form == candidate and _POS_GROUPS.get(parse.tag.POS or "") == pos_group \
                    and parse.score > 0 and morph.word_is_known(candidate):
                return candidate
    return None


def _spellings(base: str) -> list[str]:
    """Russian spellings a respelled lemma may have (``\0`` marks a Ukrainian и): ы or и,
    -ть for -ти, -ость for -ість, -ние for -ння."""
    base = re.sub("т\0(ся)?$", lambda m: "ть" + (m.group(1) or ""), base)
    base = re.sub("исть$", "ость", base)
    stems = [base, re.sub(r"([нт])\1я$", r"\1ие", base), re.sub("([еа])н\0й$", "\\1нн\0й", base)]
    out: list[str] = []
    for stem in stems:
        positions = [i for i, c in enumerate(stem) if c == "\0"]
        for choice in itertools.product("иы", repeat=min(len(positions), 3)):
            letters = list(stem.replace("\0", "и"))
            for position, letter in zip(positions, choice):
                letters[position] = letter
            candidate = "".join(letters)
            if candidate not in out:
                out.append(candidate)
    return out


@functools.lru_cache(maxsize=100_000)
def _inflect_cached(lemma: str, grammemes: frozenset[str], pos: str) -> str:
    morph = russian_morph()
    lemma = lemma.lower()
    words = lemma.split()
    if len(words) > 1:  # a phrase: its head word is the first that Russian declines
        return " ".join([_inflect_cached(words[0], grammemes, pos), *words[1:]])
    parses = [p for p in morph.parse(lemma) if p.normal_form == lemma.replace("ё", "е") or p.word == lemma]
    same_pos = [p for p in parses if _POS_GROUPS.get(p.tag.POS or "") == _POS_GROUPS.get(pos)] or parses
    if not same_pos:
        return lemma
    best = same_pos[0]
    wanted = set(grammemes)
    for attempt in (wanted, wanted - {"masc", "femn", "neut"}, wanted & {"nomn", "gent", "datv", "accs", "ablt", "loct",
                                                                         "sing", "plur"}):
        if not attempt:
            break
        inflected = Parse.inflect(best, attempt)
        if inflected is not None:
            return inflected.word
    return best.word


def _inflect(lemma: str, tag) -> str:
    grammemes = {_CASE_MAP.get(g, g) for g in tag.grammemes}
    pos = tag.POS or ""
    if pos in ("VERB",) and "past" in grammemes and "plur" in grammemes:
        grammemes -= {"masc", "femn", "neut"}
    if pos == "INFN":
        return lemma
    carried = frozenset(g for g in grammemes if g in _CARRIED)
    if pos == "VERB" and "futr" in grammemes and "impf" in grammemes and lemma != "быть":
        # "чекатиме" is "будет ждать": Russian builds the imperfective future with "быть"
        auxiliary = _inflect_cached("быть", carried & {"futr", "1per", "2per", "3per", "sing", "plur"}, "VERB")
        return f"{auxiliary} {lemma}"
    return _inflect_cached(lemma, carried, pos)


@functools.lru_cache(maxsize=100_000)
def agree(adjective: str, noun: str) -> str:
    """A glossed adjective in the gender of the glossed noun after it: Ukrainian and Russian
    nouns differ in gender ("телефонна розмова" → "телефонный разговор", not "телефонная")."""
    morph = russian_morph()
    adjective_parses, noun_parses = morph.parse(adjective.lower()), morph.parse(noun.lower())
    if not adjective_parses or not noun_parses or noun_parses[0].tag.POS != "NOUN" \
            or any("Surn" in p.tag for p in adjective_parses):
        return adjective  # only a plain adjective before a plain noun ("Зеленского" is a name)
    adjectives = [p for p in adjective_parses if p.tag.POS in ("ADJF", "PRTF") and "sing" in p.tag]
    nouns = [p for p in noun_parses if p.tag.POS == "NOUN" and "sing" in p.tag]
    if not adjectives or not nouns:
        return adjective
    for adj in adjectives:
        for parse in nouns:
            if parse.tag.case == adj.tag.case:
                if parse.tag.gender in (adj.tag.gender, None) or "Ms-f" in parse.tag:
                    return adjective
                inflected = Parse.inflect(adj, {parse.tag.gender, parse.tag.case, "sing"})
                return match_case(inflected.word, adjective) if inflected is not None else adjective
    return adjective


@functools.lru_cache(maxsize=50_000)
def is_transitive_verb(gloss: str) -> bool:
    parses = russian_morph().parse(gloss.lower())
    return bool(parses) and parses[0].tag.POS in ("VERB", "INFN", "GRND") and "tran" in parses[0].tag


@functools.lru_cache(maxsize=50_000)
def place_accusative(gloss: str) -> str | None:
    """A glossed place name in the accusative, when the gazetteer knows it: "Москвы" → "Москву"."""
    from parley.resolve.places import gazetteer

    for parse in russian_morph().parse(gloss.lower()):
        if parse.tag.POS == "NOUN" and gazetteer().named(parse.normal_form.capitalize()) is not None:
            inflected = Parse.inflect(parse, {"accs"})
            return match_case(inflected.word, gloss) if inflected is not None else gloss
    return None


# Gerund endings → infinitive endings: "коментуючи" → "коментувати", "зазначивши" → "зазначити".
_GERUND_ENDINGS = (("уючись", "уватися"), ("уючи", "увати"), ("юючи", "ювати"), ("аючись", "атися"), ("аючи", "ати"),
                   ("яючи", "яти"), ("вшись", "тися"), ("вши", "ти"), ("ючи", "ити"), ("учи", "ути"), ("ачи", "ати"),
                   ("ячи", "яти"))


@functools.lru_cache(maxsize=20_000)
def _gerund(word: str) -> str | None:
    """A Ukrainian gerund glossed as the Russian gerund of its verb ("коментуючи" → "комментируя")."""
    lexicon = ukrainian_lexicon()
    for ending, infinitive in _GERUND_ENDINGS:
        if not word.endswith(ending):
            continue
        verb = word[: len(word) - len(ending)] + infinitive
        if not any(p.normal_form == verb and "infn" in p.tag for p in ukrainian_morph().parse(verb)):
            continue
        russian = lexicon.lemmas.get(verb) or _russian_lemma(verb, "VERB")
        if russian is None:
            return None
        for parse in russian_morph().parse(russian):
            if parse.tag.POS == "INFN":
                tense = "past" if ending.startswith("вш") else "pres"
                inflected = Parse.inflect(parse, {"GRND", tense}) or Parse.inflect(parse, {"GRND"})
                return inflected.word if inflected is not None else None
    return None


@functools.lru_cache(maxsize=20_000)
def to_dative(gloss: str) -> str | None:
    """A glossed plural noun in the dative: "итогами" → "итогам"."""
    for parse in russian_morph().parse(gloss.lower()):
        if parse.tag.POS == "NOUN" and "ablt" in parse.tag:
            inflected = Parse.inflect(parse, {"datv", "plur"})
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
    """A glossed past-tense verb in the gender of its glossed subject: "состоялась разговор" →
    "состоялся" (Ukrainian "розмова" is feminine, Russian "разговор" masculine)."""
    morph = russian_morph()
    verbs, nouns = morph.parse(verb.lower()), morph.parse(noun.lower())
    if not verbs or not nouns or verbs[0].tag.POS != "VERB" or "past" not in verbs[0].tag or "sing" not in verbs[0].tag:
        return verb
    subject = nouns[0]
    if subject.tag.POS != "NOUN" or "nomn" not in subject.tag or "sing" not in subject.tag \
            or subject.tag.gender in (None, verbs[0].tag.gender) or "Ms-f" in subject.tag:
        return verb
    inflected = Parse.inflect(verbs[0], {subject.tag.gender})
    return match_case(inflected.word, verb) if inflected is not None else verb
