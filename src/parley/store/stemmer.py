"""The Snowball Russian stemmer, and the tokeniser that feeds full-text search.

SQLite's FTS5 knows no Russian, so text is stemmed here before it is indexed
and queries are stemmed the same way: "переговорах" and "переговоры" both
become "переговор". The algorithm is Martin Porter's Snowball Russian stemmer.
"""
from __future__ import annotations

import re
from functools import lru_cache

VOWELS = frozenset("аеиоуыэюя")
WORD = re.compile(r"[^\W\d_]+|\d+")

# Endings that must follow "а" or "я" (group 1) and those that stand alone (group 2).
PERFECTIVE_GERUND = (("вшись", "вши", "в"), ("ившись", "ывшись", "ивши", "ывши", "ив", "ыв"))
ADJECTIVE = ("ими", "ыми", "его", "ого", "ему", "ому", "ее", "ие", "ые", "ое", "ей", "ий", "ый", "ой",
             "ем", "им", "ым", "ом", "их", "ых", "ую", "юю", "ая", "яя", "ою", "ею")
PARTICIPLE = (("ем", "нн", "вш", "ющ", "щ"), ("ивш", "ывш", "ующ"))
REFLEXIVE = ("ся", "сь")
VERB = (("ете", "йте", "ешь", "нно", "ла", "на", "ли", "ем", "ло", "но", "ет", "ют", "ны", "ть", "й", "л", "н"),
        ("уйте", "ейте", "ила", "ыла", "ена", "ите", "или", "ыли", "ило", "ыло", "ено", "ует", "уют", "ены",
         "ить", "ыть", "ишь", "ей", "уй", "ил", "ыл", "им", "ым", "ен", "ят", "ит", "ыт", "ую", "ю"))
NOUN = ("иями", "ями", "ами", "ией", "иям", "ием", "иях", "ев", "ов", "ие", "ье", "еи", "ии", "ей", "ой",
        "ий", "ям", "ем", "ам", "ом", "ах", "ях", "ию", "ью", "ия", "ья", "а", "е", "и", "й", "о", "у",
        "ы", "ь", "ю", "я")
DERIVATIONAL = ("ость", "ост")
SUPERLATIVE = ("ейше", "ейш")


def _by_length(endings) -> tuple[str, ...]:
    return tuple(sorted(endings, key=len, reverse=True))


ADJECTIVE = _by_length(ADJECTIVE)
NOUN = _by_length(NOUN)


def _regions(word: str) -> tuple[int, int]:
    """Start offsets of RV and R2."""
    rv = next((i + 1 for i, ch in enumerate(word) if ch in VOWELS), len(word))

    def after_consonant_after_vowel(start: int) -> int:
        for i in range(start + 1, len(word)):
            if word[i] not in VOWELS and word[i - 1] in VOWELS:
                return i + 1
        return len(word)

    r1 = after_consonant_after_vowel(0)
    return rv, after_consonant_after_vowel(r1)


def _strip(word: str, rv: int, endings: tuple[str, ...]) -> str | None:
    region = word[rv:]
    for ending in endings:
        if region.endswith(ending):
            return word[: len(word) - len(ending)]
    return None


def _strip_grouped(word: str, rv: int, groups) -> str | None:
    """Group-1 endings need a preceding "а"/"я" (which stays); group 2 stands alone."""
    region = word[rv:]
    candidates = [(e, True) for e in groups[0]] + [(e, False) for e in groups[1]]
    for ending, needs_a in sorted(candidates, key=lambda c: len(c[0]), reverse=True):
        if not region.endswith(ending):
            continue
        if needs_a and not (len(region) > len(ending) and region[-len(ending) - 1] in "ая"):
            continue
        return word[: len(word) - len(ending)]
    return None


def _strip_adjectival(word: str, rv: int) -> str | None:
    stem = _strip(word, rv, ADJECTIVE)
    if stem is None:
        return None
    return _strip_grouped(stem, rv, PARTICIPLE) or stem


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    word = word.lower().replace("ё", "е")
    rv, r2 = _regions(word)
    stemmed = _strip_grouped(word, rv, PERFECTIVE_GERUND)
    if stemmed is None:
        word = _strip(word, rv, REFLEXIVE) or word
        stemmed = (_strip_adjectival(word, rv) or _strip_grouped(word, rv, VERB)
                   or _strip(word, rv, NOUN) or word)
    word = stemmed
    if word[rv:].endswith("и"):
        word = word[:-1]
    if len(word) > r2 and word[r2:].endswith(DERIVATIONAL):
        word = _strip(word, max(rv, r2), DERIVATIONAL) or word
    if word.endswith("нн") and len(word) - 2 >= rv:
        return word[:-1]
    superlative = _strip(word, rv, SUPERLATIVE)
    if superlative is not None:
        word = superlative[:-1] if superlative.endswith("нн") else superlative
    elif word[rv:].endswith("ь"):
        word = word[:-1]
    return word


def words(text: str) -> list[str]:
    return WORD.findall(text.lower().replace("ё", "е"))


def stemmed_text(text: str) -> str:
    """The text as a space-separated list of stems, the form the SQLite index holds."""
    return " ".join(stem(w) for w in words(text))


# Words PostgreSQL's "russian" configuration ignores; dropped from queries on both backends alike.
STOPWORDS = frozenset("""
и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от
меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж
вам ведь там потом себя ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без
будто чего раз тоже себе под будет ж тогда кто этот того потому этого какой совсем ним здесь этом один
почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть после
над больше тот через эти нас про всего них какая много разве три эту моя впрочем хорошо свою этой перед
иногда лучше чуть том нельзя такой им более всегда конечно всю между
""".split())
