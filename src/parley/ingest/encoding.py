"""Bytes to text: UTF-8 (with or without BOM), cp1251 and KOI8-R told apart.

cp1251 and KOI8-R put Cyrillic letters at swapped places, so a text read with
the wrong one is still all Cyrillic, only with the wrong letters and mostly in
capitals. ``decode`` scores each candidate by how Russian its letters look and
keeps the best; charset-normalizer is the last resort for anything else.
"""
from __future__ import annotations

import codecs
from dataclasses import dataclass

import charset_normalizer

CYRILLIC_CODEPAGES = ("cp1251", "koi8_r")

# Relative frequency (per mille) of letters in Russian prose.
_RUSSIAN_LETTER_FREQUENCY = {
    "о": 110, "е": 85, "а": 80, "и": 74, "н": 67, "т": 63, "с": 55, "р": 47, "в": 45,
    "л": 44, "к": 35, "м": 32, "д": 30, "п": 28, "у": 26, "я": 20, "ы": 19, "ь": 17,
    "г": 17, "з": 16, "б": 16, "ч": 14, "й": 12, "х": 10, "ж": 9, "ш": 7, "ю": 6,
    "ц": 5, "щ": 4, "э": 3, "ф": 3, "ъ": 1, "ё": 1,
}

# The commonest letter pairs of Russian prose; a wrong codepage turns them into rare ones.
_COMMON_RUSSIAN_PAIRS = frozenset(
    "ст но то на ен ов ни ра во ко ро ос пр не по ре ал ли ер го ор ан та ва ть ет ол ит ло ка ие ом ел ле ат "
    "ес от де ль ми ди ас ла ск ве ин ед ам тр ем од ой ий ых ки ей ны ры ак ор ся ия об ге ег ош ду".split()
)


class UndecodableError(ValueError):
    """The bytes are no text in any encoding we read."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def _is_codepage_debris(char: str) -> bool:
    """Undefined bytes, controls and box drawing: what punctuation turns into under the wrong codepage."""
    return char == "\ufffd" or "\u2500" <= char <= "\u259f" or not (char.isprintable() or char in "\n\r\t")


def russian_letter_score(text: str) -> float:
    """Higher when the text reads like Russian: frequent letters and letter pairs, no capitals inside words."""
    score = 0.0
    previous = " "
    for char in text:
        lower = char.lower()
        if lower in _RUSSIAN_LETTER_FREQUENCY:
            score += _RUSSIAN_LETTER_FREQUENCY[lower] / 10 + (1.0 if char == lower else 0.0)
            if previous.lower() + lower in _COMMON_RUSSIAN_PAIRS:
                score += 4.0
            # A capital right after a small letter is what a wrong codepage produces.
            if char != lower and previous in _RUSSIAN_LETTER_FREQUENCY:
                score -= 8.0
        elif _is_codepage_debris(char):
            score -= 5.0
        previous = char
    return score / max(len(text), 1)


def decode(data: bytes, declared: str | None = None) -> DecodedText:
    """Decode ``data``; ``declared`` (an HTML meta charset) is tried first when it works."""
    if data.startswith(codecs.BOM_UTF8):
        return DecodedText(data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return DecodedText(data.decode("utf-16", errors="replace"), "utf-16")
    if declared:
        try:
            return DecodedText(data.decode(declared), codecs.lookup(declared).name)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        lenient = data.decode("utf-8", errors="replace")
        broken = lenient.count("\ufffd")
        well_formed = sum(1 for char in lenient if char > "\x7f") - broken
        # UTF-8 with a few broken bytes (a cut-off download, a bad copy): most of its non-ASCII bytes still
        # form valid sequences, which text in a Cyrillic codepage almost never does
        if broken <= len(lenient) // 200 or well_formed >= 10 * broken:
            return DecodedText(lenient, "utf-8")
    sample = data[:65536]
    if sum(byte >= 0xC0 for byte in sample) >= max(len(sample) // 20, 1):
        candidates = [DecodedText(data.decode(name, errors="replace"), name) for name in CYRILLIC_CODEPAGES]
        return max(candidates, key=lambda candidate: russian_letter_score(candidate.text[:65536]))
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise UndecodableError("not text in any known encoding")
    return DecodedText(str(best), best.encoding)
