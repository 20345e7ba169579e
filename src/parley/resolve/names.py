"""Spelling-folding keys: Уиткофф, Виткофф, Віткофф and Witkoff fold together."""
from __future__ import annotations

import re

_UK_TO_RU = str.maketrans({"і": "и", "ї": "и", "є": "е", "ґ": "г", "'": "", "’": ""})
_LATIN = {
    "shch": "щ", "sch": "щ", "zh": "ж", "kh": "х", "ts": "ц", "ch": "ч", "sh": "ш", "yu": "ю", "ya": "я",
    "a": "а", "b": "б", "c": "к", "d": "д", "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "дж",
    "k": "к", "l": "л", "m": "м", "n": "н", "o": "о", "p": "п", "q": "к", "r": "р", "s": "с", "t": "т",
    "u": "у", "v": "в", "w": "в", "x": "кс", "y": "и", "z": "з",
}
_LATIN_RE = re.compile("|".join(sorted(_LATIN, key=len, reverse=True)))


def fold_key(name: str) -> str:
    """A key that survives transliteration and spelling variants (not declension)."""
    text = name.lower().replace("ё", "е").translate(_UK_TO_RU)
    text = _LATIN_RE.sub(lambda m: _LATIN[m.group()], text)
    text = re.sub(r"[^а-я ]", "", text)
    text = text.replace("уи", "ви").replace("й", "и").replace("ы", "и").replace("э", "е")
    text = re.sub(r"(.)\1+", r"\1", text)  # doubled letters: Уиткофф / Witkoff
    return "-".join(text.split())
