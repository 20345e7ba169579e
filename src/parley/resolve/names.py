"""Name keys and nominatives: Уиткофф, Виткофф, Уиткоффа, Віткофф and Witkoff meet.

- ``fold_key`` folds spelling and transliteration variants (not declension);
- ``nominative_candidates`` lists the forms a declined word may come from,
  so a knowledge-base lookup can try each ("Умеровым" → "Умеров");
- ``person_nominative`` puts a person's name in the nominative, letting the
  first name's case and gender steer the surname ("Скотта Бессента" → "Скотт Бессент");
- ``latin_slug`` turns a folded key into a stable Latin id.
"""
from __future__ import annotations

import functools
import re

_UK_TO_RU = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "", "’": ""})
_LATIN = {
    "shch": "щ", "sch": "щ", "zh": "ж", "kh": "х", "ts": "ц", "ch": "ч", "sh": "ш", "yu": "ю", "ya": "я",
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "дж",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т",
    "u": "у", "v": "в", "w": "в", "x": "кс", "y": "и", "z": "з",
}
_LATIN_RE = re.compile("|".join(sorted(_LATIN, key=len, reverse=True)))
_TO_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "к": "k",
    "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ь": "", "ъ": "", "ю": "yu", "я": "ya", "-": "_",
})

# Oblique ending → nominative ending, tried on every word looked up in the knowledge base.
_ENDINGS = (
    ("ского", "ский"), ("скому", "ский"), ("ским", "ский"), ("ском", "ский"),
    ("цкого", "цкий"), ("цкому", "цкий"), ("цким", "цкий"), ("цком", "цкий"),
    ("ской", "ская"), ("скую", "ская"), ("ого", "ый"), ("ому", "ый"), ("ым", "ый"),
    ("ием", "ий"), ("ия", "ий"), ("ию", "ий"), ("ии", "ий"),
    ("ией", "ия"), ("ии", "ия"), ("ию", "ия"), ("ие", "ия"),
    ("ой", "а"), ("ою", "а"), ("ей", "я"), ("и", "а"), ("ы", "а"), ("е", "а"), ("у", "а"), ("ю", "я"),
    # Ukrainian declensions: "Зеленським", "Умєровим", "Умєрову", "Віткоффові"
    ("ського", "ський"), ("ському", "ський"), ("ським", "ський"), ("ській", "ська"), ("ською", "ська"),
    ("ові", ""), ("еві", ""), ("єві", ""), ("им", ""), ("ім", ""), ("ієм", "ій"), ("ія", "ій"), ("ію", "ій"),
    ("а", ""), ("у", ""), ("ом", ""), ("ым", ""), ("ем", ""), ("е", ""), ("ю", ""), ("я", ""),
    ("я", "й"), ("ю", "й"), ("ем", "й"), ("е", "й"), ("я", "ь"), ("ю", "ь"), ("ем", "ь"), ("е", "ь"), ("и", "ь"),
)

# The same endings by their last letter, in the same order: a word is tried only on those it can end with.
_ENDINGS_BY_LAST = {last: tuple(pair for pair in _ENDINGS if pair[0].endswith(last))
                    for last in {oblique[-1] for oblique, _ in _ENDINGS}}
_DECLINABLE = re.compile(r"[а-яіїєґ\-]+")
_NOT_FOLDED = re.compile(r"[^а-я ]")
_DOUBLED = re.compile(r"(.)\1+")

NAME_PARTICLES = frozenset({"бин", "ибн", "аль", "ал", "фон", "дер", "де", "ван", "ди", "да", "ла", "эль"})


@functools.lru_cache(maxsize=65536)
def fold_key(name: str) -> str:
    """A key that survives transliteration and spelling variants (not declension)."""
    text = name.lower().replace("ё", "е").translate(_UK_TO_RU)
    text = _LATIN_RE.sub(lambda m: _LATIN[m.group()], text)
    text = _NOT_FOLDED.sub("", text)
    text = text.replace("уи", "ви").replace("й", "и").replace("ы", "и").replace("э", "е")
    text = _DOUBLED.sub(r"\1", text)  # doubled letters: Уиткофф / Witkoff
    return "-".join(text.split())


@functools.lru_cache(maxsize=65536)
def nominative_candidates(word: str) -> tuple[str, ...]:
    """Folded keys of every nominative a (possibly declined) word may come from, itself first."""
    low = word.lower().replace("ё", "е")
    forms = [low]
    if _DECLINABLE.fullmatch(low):
        for oblique, nominative in _ENDINGS_BY_LAST.get(low[-1], ()):
            if low.endswith(oblique) and len(low) - len(oblique) >= 2:
                forms.append(low[: len(low) - len(oblique)] + nominative)
    keys = []
    for form in forms:
        key = fold_key(form)
        if key and key not in keys:
            keys.append(key)
    return tuple(keys)


def latin_slug(text: str) -> str:
    """A Latin id from a name: "Диана Давитян" → "davitian_diana" is built by callers; this folds one part."""
    key = fold_key(text).replace("-", "_")
    return key.translate(_TO_LATIN)


# --- person names in the nominative -------------------------------------------------

_MASC_SURNAME_ENDINGS = {
    "gent": (("ского", "ский"), ("цкого", "цкий"), ("ого", "ой"), ("а", ""), ("я", "й"), ("ы", "а"), ("и", "а")),
    "datv": (("скому", "ский"), ("цкому", "цкий"), ("у", ""), ("ю", "й"), ("е", "а")),
    "accs": (("ского", "ский"), ("цкого", "цкий"), ("а", ""), ("я", "й"), ("у", "а")),
    "ablt": (("ским", "ский"), ("цким", "цкий"), ("ым", ""), ("ом", ""), ("ем", "й"), ("им", ""), ("ой", "а")),
    "loct": (("ском", "ский"), ("цком", "цкий"), ("е", "")),
}
_FEMN_SURNAME_ENDINGS = {
    "gent": (("цкой", "цкая"), ("ской", "ская"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ы", "а"), ("и", "а")),
    "datv": (("цкой", "цкая"), ("ской", "ская"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("е", "а")),
    "accs": (("цкую", "цкая"), ("скую", "ская"), ("ову", "ова"), ("еву", "ева"), ("ину", "ина"), ("у", "а")),
    "ablt": (("цкой", "цкая"), ("ской", "ская"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("ой", "а")),
    "loct": (("цкой", "цкая"), ("ской", "ская"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"), ("е", "а")),
}


def person_nominative(words: list[str], parse) -> str:
    """The nominative of a person's name; ``parse`` gives a word's readings (``parley.nlp.word_parses``)."""
    if not words:
        return ""
    case, gender = _first_name_case(words[0], parse) if len(words) > 1 else (None, None)
    if case is None:
        case, gender = _lone_word_case(words[-1], parse, ("Surn", "Name") if len(words) == 1 else ("Surn",))
    out = []
    for i, word in enumerate(words):
        if not word[:1].isupper() or case in (None, "nomn") or word.lower() in NAME_PARTICLES:
            out.append(word)
            continue
        is_first = i == 0 and (len(words) > 1 or any("Name" in p.tag for p in parse(word)[:1]))
        out.append(_nominative_word(word, case, gender, parse, "Name" if is_first else "Surn"))
    return " ".join(out)


def _first_name_case(word: str, parse) -> tuple[str | None, str | None]:
    for p in parse(word):
        if "Name" in p.tag and p.tag.case:
            return p.tag.case, p.tag.gender
    return None, None


def _lone_word_case(word: str, parse, tags: tuple[str, ...]) -> tuple[str | None, str | None]:
    for p in parse(word):
        if any(t in p.tag for t in tags) and p.tag.case and p.tag.number != "plur":
            return p.tag.case, p.tag.gender
    return "nomn", None


def _nominative_word(word: str, case: str, gender: str | None, parse, tag: str) -> str:
    for p in parse(word):
        if tag in p.tag and p.tag.case == case and (gender is None or gender in p.tag or "ms-f" in p.tag):
            if p.tag.number == "plur":
                continue
            from pymorphy2.analyzer import Parse  # natasha's subclass takes UD grammemes

            inflected = Parse.inflect(p, {"nomn", "sing"})
            form = inflected.word if inflected is not None else p.normal_form
            return _match_case(form, word)
    table = _FEMN_SURNAME_ENDINGS if gender == "femn" else _MASC_SURNAME_ENDINGS
    low = word.lower()
    for oblique, nominative in table.get(case, ()):
        if low.endswith(oblique) and len(low) - len(oblique) >= 2:
            stem = low[: len(low) - len(oblique)]
            if nominative == "й" and stem[-1] not in _VOWELS:
                nominative = "" if stem[-1] in _HUSHING else "ь"  # "Фогеля" → "Фогель", "Уолцем" → "Уолц"
            return _match_case(stem + nominative, word)
    return word


_VOWELS = frozenset("аеёиоуыэюя")
_HUSHING = frozenset("цжшчщ")


def _match_case(form: str, model: str) -> str:
    if model.isupper() and len(model) > 1:
        return form.upper()
    return "-".join(part[:1].upper() + part[1:] for part in form.split("-"))
