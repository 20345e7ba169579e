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
token of the original text has its counterpart (``parley.ukrainian.document``;
the rewrites that need the words around a word are in ``parley.ukrainian.context``).
"""
from __future__ import annotations

import functools
import itertools
import re

import pymorphy3
from pymorphy2.analyzer import Parse

from parley.ukrainian.lexicon import ukrainian_lexicon
from parley.ukrainian.russian import country_list, match_case, russian_morph

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


@functools.lru_cache(maxsize=200_000)
def gloss_word(word: str, after: str = "") -> str:
    """The Russian gloss of one Ukrainian word, in the word's own case and capitalisation.

    ``after``: ``"locative"`` when the word follows a preposition that may govern the
    locative ("у Женеві", "на зустрічі": a dative-or-locative form is read as locative),
    ``"preposition"`` after any other one (a form that may be nominative is read as
    oblique: "на зустріч" is accusative), ``"object"`` after a transitive verb ("мав
    зустріч": accusative), ``"noun"`` after a common noun ("процес укладання": genitive)."""
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
        return country_list(glossed) or "-".join(glossed)  # "Україна-США-Росія"; "РБК-Україна"
    parses = ukrainian_morph().parse(low)
    if after != "governed" and low.endswith("ть") and not low.endswith("ться"):
        # "обговорить", "приїздить": a finite form, unless a verb governs it ("мають представить")
        parses = sorted(parses, key=lambda p: "infn" in p.tag.grammemes)
    if after == "object":  # after a transitive verb, a form that may be nominative or accusative is accusative
        parses = sorted(parses, key=lambda p: "accs" not in p.tag)
    elif after == "noun":  # after a noun, a form that may be genitive is: "процес укладання" → "процесс заключения"
        parses = sorted(parses, key=lambda p: "gent" not in p.tag)
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
    plain_lemma = lemma.replace("ё", "е")  # the dictionary writes "трёхсторонний", the lexicon "трехсторонний"
    parses = [p for p in morph.parse(lemma) if plain_lemma in (p.normal_form.replace("ё", "е"), p.word.replace("ё", "е"))]
    same_pos = [p for p in parses if _POS_GROUPS.get(p.tag.POS or "") == _POS_GROUPS.get(pos)] or parses
    if not same_pos:
        return lemma
    wanted = set(grammemes)
    plain = wanted - {"actv", "pssv"}  # a Ukrainian participle reading of a Russian adjective ("минулої")
    for attempt in (wanted, plain, plain - {"masc", "femn", "neut"},
                    wanted & {"nomn", "gent", "datv", "accs", "ablt", "loct", "sing", "plur"}):
        if not attempt:
            break
        for parse in same_pos:  # "считать" is first read as perfective, which has no present tense
            inflected = Parse.inflect(parse, attempt)
            if inflected is not None:
                return _same_stem(inflected.word, lemma, parse, attempt)
    return same_pos[0].word


def _same_stem(word: str, lemma: str, parse, grammemes: set[str]) -> str:
    """An adjective's form built on the lemma's own stem: Russian files "высший" under "высокий",
    whose superlative forms also include "высочайший"; the form wanted is "высшем", not "высочайшем"."""
    if parse.tag.POS != "ADJF" or word.startswith(lemma[:-2]):
        return word
    for form in parse.lexeme:
        if form.word.startswith(lemma[:-2]) and grammemes <= form.tag.grammemes:
            return form.word
    return word


def _inflect(lemma: str, tag) -> str:
    grammemes = {_CASE_MAP.get(g, g) for g in tag.grammemes}
    pos = tag.POS or ""
    if pos in ("VERB",) and "past" in grammemes and "plur" in grammemes:
        grammemes -= {"masc", "femn", "neut"}
    if pos == "INFN":
        return lemma
    if pos == "VERB" and "Impe" in grammemes:  # "оголошено", "заплановано": the short passive participle
        return _inflect_cached(lemma, frozenset({"PRTS", "pssv", "past", "neut", "sing"}), pos)
    carried = frozenset(g for g in grammemes if g in _CARRIED)
    if pos in ("ADJF", "PRTF") and "accs" in carried and not grammemes & {"anim", "inan"} \
            and not carried & {"femn", "neut"}:
        carried |= {"inan"}  # Russian tells the accusative of things from that of people: "прямые переговоры"
    if pos == "VERB" and "futr" in grammemes and "impf" in grammemes and lemma != "быть":
        # "чекатиме" is "будет ждать": Russian builds the imperfective future with "быть"
        auxiliary = _inflect_cached("быть", carried & {"futr", "1per", "2per", "3per", "sing", "plur"}, "VERB")
        return f"{auxiliary} {lemma}"
    return _inflect_cached(lemma, carried, pos)


# Gerund endings → infinitive endings: "коментуючи" → "коментувати", "зазначивши" → "зазначити",
# "провівши" → "провести".
_GERUND_ENDINGS = (("вівши", "вести"), ("уючись", "уватися"), ("уючи", "увати"), ("юючи", "ювати"), ("аючись", "атися"), ("аючи", "ати"),
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
        # the dictionary tags some infinitives as bare verbs ("запросити": VERB,perf)
        if not any(p.normal_form == verb and p.tag.POS in ("VERB", "INFN") for p in ukrainian_morph().parse(verb)):
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


