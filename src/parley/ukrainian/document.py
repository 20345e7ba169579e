"""A Ukrainian text and its Russian gloss, word for word, with the offsets of each word in both.

Entry point: ``gloss_text(text)`` → :class:`GlossedText`. Everything between
words (spaces, punctuation, quote marks, line breaks) is copied as it is, so an
offset into the gloss maps back to the same place in the original
(``to_original``): a fact found in the gloss points to the Ukrainian words
that state it.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass

from tokenize_uk import tokenize_words_with_spans

from parley.ukrainian.context import rewrite
from parley.ukrainian.gloss import gloss_word, ukrainian_morph
from parley.ukrainian.lexicon import ukrainian_lexicon
from parley.ukrainian.russian import is_head_noun, is_transitive_verb, match_case, place_accusative

_WORDS = ukrainian_lexicon()
LOCATIVE_PREPOSITIONS = _WORDS.words("locative_prepositions")
PREPOSITIONS = _WORDS.words("prepositions")
INVARIABLE_POSSESSIVES = _WORDS.words("invariable_possessives")  # "на його думку" → "по его мнению"
GOVERNING_WORDS = _WORDS.words("governing_words")
EVENT_VERBS = _WORDS.words("event_verbs")  # "пройшла зустріч": the noun after them is their subject
_LINE = re.compile(r"[^\n]+")
_WORDLIKE = re.compile(r"\w")


@dataclass(frozen=True, slots=True)
class WordPair:
    start: int  # offsets in the original text
    stop: int
    gloss_start: int  # offsets in the gloss
    gloss_stop: int


@dataclass(frozen=True)
class GlossedText:
    original: str
    text: str  # the Russian gloss
    words: tuple[WordPair, ...]

    def to_original(self, offset: int, stop: bool = False) -> int:
        """The original offset of a gloss offset: a word's start or stop maps to the word's start or stop."""
        starts = [w.gloss_start for w in self.words]
        i = bisect.bisect_right(starts, offset) - 1
        if i < 0:
            return min(offset, len(self.original))
        word = self.words[i]
        if offset >= word.gloss_stop:  # between words: the same characters in both texts
            return min(word.stop + offset - word.gloss_stop, len(self.original))
        if offset == word.gloss_start:
            return word.start
        return word.stop if stop else word.start

    def span(self, start: int, stop: int) -> tuple[int, int]:
        return self.to_original(start), max(self.to_original(start), self.to_original(stop, stop=True))

    def word_at(self, gloss_offset: int) -> WordPair | None:
        starts = [w.gloss_start for w in self.words]
        i = bisect.bisect_right(starts, gloss_offset) - 1
        if i >= 0 and self.words[i].gloss_start <= gloss_offset < max(self.words[i].gloss_stop,
                                                                       self.words[i].gloss_start + 1):
            return self.words[i]
        return None


def _words(text: str) -> list[tuple[int, int]]:
    spans = []
    for line in _LINE.finditer(text):
        for _, start, stop in tokenize_words_with_spans(line.group()):
            spans.append((line.start() + start, line.start() + stop))
    return spans


@functools.lru_cache(maxsize=50_000)
def _governs_infinitive(word: str) -> bool:
    """Whether an infinitive may hang from a word: a verb ("мають представить") or a modal word ("можна")."""
    return word in GOVERNING_WORDS or any(p.tag.POS == "VERB" for p in ukrainian_morph().parse(word))


@functools.lru_cache(maxsize=50_000)
def _event_verb(word: str) -> bool:
    return any(p.normal_form in EVENT_VERBS for p in ukrainian_morph().parse(word)[:1])


@functools.lru_cache(maxsize=50_000)
def _adjectival(word: str) -> bool:
    """Whether a Ukrainian word may be an adjective ("головне" is not the noun Russian "главное" can be)."""
    return any(p.tag.POS in ("ADJF", "PRTF", "NUMR") for p in ukrainian_morph().parse(word.lower()))


def gloss_text(text: str) -> GlossedText:
    """The Russian gloss of a Ukrainian text, word by word."""
    spans = _words(text)
    phrases = ukrainian_lexicon().phrases
    glosses: list[str] = []
    for i, (a, b) in enumerate(spans):
        before = text[spans[i - 1][0]:spans[i - 1][1]].lower() if i else ""
        joined = i > 0 and text[spans[i - 1][1]:a] == " "
        after = "locative" if before in LOCATIVE_PREPOSITIONS else "preposition" if before in PREPOSITIONS \
            else "governed" if joined and text[a:b].lower().endswith("ть") and _governs_infinitive(before) \
            else "object" if joined and is_transitive_verb(glosses[-1]) and not _event_verb(before) \
            else "noun" if joined and text[a:b].islower() and is_head_noun(glosses[-1]) \
            and not _adjectival(text[spans[i - 1][0]:spans[i - 1][1]]) else ""
        glosses.append(gloss_word(text[a:b], after) if _WORDLIKE.search(text[a:b]) else text[a:b])
        if before == "до" and text[a:b][:1].isupper() and text[spans[i - 1][1]:a] == " ":
            place = place_accusative(glosses[-1])  # "до Москви" is "в Москву", not "до Москвы"
            if place is not None:
                glosses[-2], glosses[-1] = match_case("в", text[spans[i - 1][0]:spans[i - 1][1]]), place
    for i in range(len(spans) - 1):  # two-word phrases: "за словами" → "по словам", "під час" → "во время"
        (a, b), (c, d) = spans[i], spans[i + 1]
        if not text[b:c].isspace():
            continue
        target = phrases.get((text[a:b].lower(), text[c:d].lower()))
        second = i + 1
        if target is None and text[c:d].lower() in INVARIABLE_POSSESSIVES and i + 2 < len(spans) \
                and text[d:spans[i + 2][0]].isspace():  # "на його думку" → "по его мнению"
            second = i + 2
            target = phrases.get((text[a:b].lower(), text[slice(*spans[second])].lower()))
            if target is None or " " not in target:
                continue
        if target is not None:
            parts = target.split(" ", 1)
            glosses[i] = match_case(parts[0], text[a:b])
            glosses[second] = parts[1] if len(parts) > 1 else ""
    rewrite(text, spans, glosses)
    # Russian papers write "е" for "ё", and so do the names and words the extractors know
    # ("Соединенных Штатов", not "Соединённых"); the dictionary's inflections bring "ё"
    glosses = [g.replace("ё", "е").replace("Ё", "Е") for g in glosses]
    pieces: list[str] = []
    pairs: list[WordPair] = []
    at = previous = 0
    for (start, stop), gloss in zip(spans, glosses):
        gap = text[previous:start]
        pieces.append(gap)
        at += len(gap)
        pieces.append(gloss)
        pairs.append(WordPair(start, stop, at, at + len(gloss)))
        at += len(gloss)
        previous = stop
    pieces.append(text[previous:])
    return GlossedText(original=text, text="".join(pieces), words=tuple(pairs))
