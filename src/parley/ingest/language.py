"""Which language a text is in: Russian, Ukrainian, English or other.

A letter-and-stop-word count, fast enough for any corpus and with no model to
load. Ukrainian has letters Russian lacks (і, ї, є, ґ) and the reverse (ы, э,
ъ, ё); the commonest short words settle texts that are mostly names.
"""
from __future__ import annotations

import re

UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
RUSSIAN_LETTERS = frozenset("ыэъёЫЭЪЁ")
# Words spelled the same in both languages ("до", "для", "про", "через") are in neither list.
UKRAINIAN_WORDS = frozenset(
    "і й та що це як від він вона вони але або якщо який яка яке які також щодо після під "
    "був була було були буде будуть між його її їх цього цієї ще вже коли "
    "зі із має мають можна потрібно україни україна путін заявив повідомив".split()
)
RUSSIAN_WORDS = frozenset(
    "и что это как он она они но или если который которая которое которые также после "
    "был была было были будет будут между его ее её их этого этой еще уже поэтому "
    "когда из о об от при может нужно заявил сообщил россии путин".split()
)
ENGLISH_WORDS = frozenset(
    "the and of to in that is was for on with as by at from he she it they said has have "
    "will would be are an this not talks".split()
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")

LANGUAGE_NAMES = {"ru": "Russian", "uk": "Ukrainian", "en": "English", "other": "unknown"}


def detect_language(text: str, sample_chars: int = 2000) -> str:
    """``ru``, ``uk``, ``en`` or ``other`` for the first ``sample_chars`` of ``text``."""
    sample = text[:sample_chars]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    words = [word.lower() for word in _WORD.findall(sample)]
    if latin > cyrillic:
        english = sum(word in ENGLISH_WORDS for word in words)
        return "en" if english >= max(2, len(words) // 20) else "other"
    if cyrillic == 0:
        return "other"
    ukrainian = sum(sample.count(letter) for letter in UKRAINIAN_LETTERS)
    ukrainian += 3 * sum(word in UKRAINIAN_WORDS for word in words)
    russian = sum(sample.count(letter) for letter in RUSSIAN_LETTERS)
    russian += 3 * sum(word in RUSSIAN_WORDS for word in words)
    return "uk" if ukrainian > russian else "ru"
