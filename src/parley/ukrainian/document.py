"""A Ukrainian text and its Russian gloss, word for word, with the offsets of each word in both.

Entry point: ``gloss_text(text)`` → :class:`GlossedText`. Everything between
words (spaces, punctuation, quote marks, line breaks) is copied as it is, so an
offset into the gloss maps back to the same place in the original
(``to_original``): a fact found in the gloss points to the Ukrainian words
that state it.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from tokenize_uk import tokenize_words_with_spans

from parley.ukrainian.gloss import (
    agree, gloss_word, is_transitive_verb, match_case, place_accusative, to_dative, to_nominative, verb_agreeing,
    russian_morph, ukrainian_morph,
)
from parley.ukrainian.lexicon import ukrainian_lexicon

POSSESSIVES = frozenset("його її їх їхніми нашими вашими своїми моїми".split())
LOCATIVE_PREPOSITIONS = frozenset({"у", "в", "на", "при", "по", "о"})
PREPOSITIONS = frozenset("""з із зі від до для без біля після через про за під над перед між серед щодо проти крім
окрім замість навколо довкола поруч вздовж протягом коло попри задля""".split())
_CLUSTER = re.compile(r"^[вфсзшж][бвгджзклмнпрстфхцчшщ]", re.IGNORECASE)
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


def _euphony(word: str, following: str) -> str:
    """Russian "во", "со", "ко" before a cluster: "во вторник", "со стороны"."""
    low = word.lower()
    if low in ("в", "с", "к") and (_CLUSTER.match(following) and following[:1].lower() in "вфсзшж" + ("" if low == "в" else "")):
        if low == "в" and following[:1].lower() not in "вф" or low == "с" and following[:1].lower() not in "сзшж":
            return word
        return match_case(low + "о", word)
    return word


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


def gloss_text(text: str) -> GlossedText:
    """The Russian gloss of a Ukrainian text, word by word."""
    spans = _words(text)
    phrases = ukrainian_lexicon().phrases
    glosses: list[str] = []
    for i, (a, b) in enumerate(spans):
        before = text[spans[i - 1][0]:spans[i - 1][1]].lower() if i else ""
        after = "locative" if before in LOCATIVE_PREPOSITIONS else "preposition" if before in PREPOSITIONS \
            else "object" if i and text[spans[i - 1][1]:a] == " " and is_transitive_verb(glosses[-1]) else ""
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
        if target is not None:
            parts = target.split(" ", 1)
            glosses[i] = match_case(parts[0], text[a:b])
            glosses[i + 1] = parts[1] if len(parts) > 1 else ""
    _according_to(text, spans, glosses)
    _direct_speech(text, spans, glosses)
    _dialogue_quotes(text, spans, glosses)
    for i in range(len(spans) - 1):
        if text[spans[i][1]:spans[i + 1][0]] == " " and glosses[i] and glosses[i + 1]:
            glosses[i] = _euphony(agree(glosses[i], glosses[i + 1]), glosses[i + 1])
    for i in range(len(spans) - 1):  # a past-tense verb next to its subject takes the subject's gender
        if text[spans[i][1]:spans[i + 1][0]] != " " or not glosses[i] or not glosses[i + 1]:
            continue
        after = glosses[i + 2] if i + 2 < len(spans) and text[spans[i + 1][1]:spans[i + 2][0]] == " " else ""
        glosses[i] = verb_agreeing(glosses[i], glosses[i + 1])
        if after:
            glosses[i] = verb_agreeing(glosses[i], after)  # "состоялась телефонный разговор"
        glosses[i + 1] = verb_agreeing(glosses[i + 1], glosses[i])  # "разговор состоялась"
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
