"""The talks lexicon: topic cues and tone words, read once per process from ``parley/lang/<lang>/``.

Entry point: ``talks_words(lang)`` → :class:`TalksWords`. The files are
``topics.json`` (topic → cues), ``tone.json`` (positive and negative cues,
negation, contrast, hope, speech, the unnamed voices of sides) and
``talks.json`` (meeting words, words pointing back to a meeting, agenda words,
pronouns, what keeps a negation from negating), each entry shaped as in the
rest of the lexicon folder: ``{"about": …, "words": [...]}``, or ``"map"``
for the side voices (pattern → side). Every cue is a
regular expression over ``fold(text)`` (lower case, "ё" as "е", same length as
the text, so offsets carry over) that must start at the start of a word.
The files are read and checked by the lexicon loader (``parley.lang``); a cue
that is no regular expression raises :class:`LexiconError` naming it.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from parley.errors import LexiconError
from parley.extract.regex_gate import first_letters
from parley.lang import languages, lexicon
from parley.records import TOPICS

WORD_START = r"(?<![0-9a-zа-яёіїєґ'’-])"
WORD_END = r"(?![0-9a-zа-яёіїєґ'’-])"
TONE_KEYS = ("positive", "negative", "negated_positive", "negation", "contrast", "hope", "speech",
             "side_voices", "both_sides")
TALK_KEYS = ("meeting_words", "back_reference", "agenda", "discussion", "titles", "pronouns", "not_negating", "by_words")
FILES = ("topics.json", "tone.json", "talks.json")


def fold(text: str) -> str:
    """Lower case with "ё" as "е"; the result has the same length as ``text``."""
    return text.lower().replace("ё", "е")


WORDS = re.compile(r"[\w-]+")

@dataclass(frozen=True, slots=True)
class CueMatch:
    start: int
    stop: int
    label: str  # the topic, or the polarity
    cue: str  # the cue as written in the lexicon: a feature name for the model


class CueSet:
    """Many labelled cues compiled into one pattern; ``finditer`` says which cue matched."""

    def __init__(self, entries: list[tuple[str, str]], source: str) -> None:
        self.entries = tuple(entries)
        by_first: dict[str, list[str]] = {}
        for n, (label, cue) in enumerate(entries):
            try:
                re.compile(cue)
            except re.error as error:
                raise LexiconError(f"{source}: {label}: bad pattern {cue!r}: {error}") from None
            firsts = first_letters(cue)
            key = "".join(sorted(firsts)) if firsts else ""
            by_first.setdefault(key, []).append(f"(?P<c{n}>{cue})")
        # One look-behind for all, then only the cues that can start with the letter found: the engine
        # gives up a position inside a word, or a word no cue starts like, before trying any cue.
        groups = [(f"(?=[{re.escape(key)}])" if key else "") + "(?:" + "|".join(parts) + ")"
                  for key, parts in sorted(by_first.items(), key=lambda kv: kv[0] == "")]
        self.pattern = re.compile(WORD_START + "(?:" + "|".join(groups) + ")") if groups else re.compile(r"(?!x)x")

    def finditer(self, folded: str, start: int = 0, stop: int | None = None):
        for match in self.pattern.finditer(folded, start, len(folded) if stop is None else stop):
            label, cue = self.entries[int(match.lastgroup[1:])]
            yield CueMatch(match.start(), match.end(), label, cue)


@dataclass(frozen=True)
class TalksWords:
    topics: CueSet
    tone: CueSet  # labels: positive, negative, negated_positive
    negation: re.Pattern[str]
    contrast: re.Pattern[str]
    hope: re.Pattern[str]
    speech: re.Pattern[str]
    side_voices: CueSet  # labels: side ids
    both_sides: re.Pattern[str]
    meeting_words: re.Pattern[str]
    back_reference: re.Pattern[str]
    agenda: re.Pattern[str]
    discussion: re.Pattern[str]
    titles: re.Pattern[str]
    pronouns: re.Pattern[str]
    not_negating: re.Pattern[str]
    by_words: re.Pattern[str]
    office_voices: CueSet | None = None  # labels "office:side": "президент США" standing for the office's holder
    ministry_voices: re.Pattern[str] | None = None  # "во внешнеполитическом ведомстве": the side named nearby
    judging_verbs: re.Pattern[str] | None = None  # "назвал встречу полезной"
    difficulty: re.Pattern[str] | None = None  # "сложн": a judgement only beside a meeting word or a positive cue
    event_predicates: re.Pattern[str] | None = None  # "переговоры прошли конструктивно"
    source_after: re.Pattern[str] | None = None  # "Об этом заявил ...": the next sentence names who said this one
    outcomes: re.Pattern[str] | None = None  # "договорились": a positive cue that reports an outcome, judges nothing

    def negates(self, before: str, reach: int) -> bool:
        """Whether a negation stands among the last ``reach`` words of ``before`` (folded text), with no word
        that undoes it ("не только")."""
        near = WORDS.findall(before)[-reach:]
        return any(self.negation.fullmatch(w) for w in near) and not self.not_negating.search(" ".join(near))


@functools.lru_cache(maxsize=None)
def has_lexicon(lang: str) -> bool:
    """Whether ``parley/lang/<lang>/`` is a lexicon (it then has the talks files); a language without one is
    read with Russian cues."""
    return lang in languages()


def _entries(lang: str, kind: str) -> dict[str, Mapping[str, Any]]:
    """The entries of one file of the language's lexicon, read and checked by ``parley.lang``."""
    return {key: entry for (k, key), entry in lexicon(lang).entries.items() if k == kind}


def _strings(data: Mapping[str, Any], key: str, source: str) -> list[str]:
    value = data.get(key, {}).get("words")
    if not isinstance(value, (list, tuple)) or not value or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"{source}: {key}: expected a list of patterns under \"words\"")
    return [fold(v) for v in value]


def _alternation(words: list[str], source: str) -> re.Pattern[str]:
    try:
        return re.compile(WORD_START + "(?:" + "|".join(words) + ")" + WORD_END)
    except re.error as error:
        raise LexiconError(f"{source}: bad pattern: {error}") from None


def _stems(words: list[str], source: str) -> re.Pattern[str]:
    """Like ``_alternation``, but a word may go on after the pattern: stems ("надежд" → "надежду")."""
    try:
        return re.compile(WORD_START + "(?:" + "|".join(words) + ")")
    except re.error as error:
        raise LexiconError(f"{source}: bad pattern: {error}") from None


@functools.lru_cache(maxsize=None)
def talks_words(lang: str = "ru") -> TalksWords:
    topics_source, tone_source = f"lang/{lang}/topics.json", f"lang/{lang}/tone.json"
    topic_data = _entries(lang, "topics")
    unknown = sorted(set(topic_data) - set(TOPICS))
    if unknown:
        raise LexiconError(f"{topics_source}: not a topic: {', '.join(unknown)} (topics: {', '.join(TOPICS)})")
    topics = [(topic, cue) for topic in TOPICS if topic in topic_data
              for cue in _strings(topic_data, topic, topics_source)]
    tone = _entries(lang, "tone")
    missing = [k for k in TONE_KEYS if k not in tone]
    if missing:
        raise LexiconError(f"{tone_source}: missing {', '.join(missing)}")
    polar = [(label, cue) for label in ("positive", "negative", "negated_positive")
             for cue in _strings(tone, label, tone_source)]
    sides = _side_map(tone, "side_voices", tone_source)
    offices = _side_map(tone, "office_voices", tone_source)
    if any(len(label.split(":")) != 2 or not all(label.split(":")) for label, _ in offices):
        raise LexiconError(f"{tone_source}: office_voices: expected a map of pattern → office:side")
    talks_source = f"lang/{lang}/talks.json"
    talk = _entries(lang, "talks")
    missing = [k for k in TALK_KEYS if k not in talk]
    if missing:
        raise LexiconError(f"{talks_source}: missing {', '.join(missing)}")
    return TalksWords(
        topics=CueSet(topics, topics_source),
        tone=CueSet(polar, tone_source),
        negation=_alternation(_strings(tone, "negation", tone_source), tone_source),
        contrast=_alternation(_strings(tone, "contrast", tone_source), tone_source),
        hope=_stems(_strings(tone, "hope", tone_source), tone_source),
        speech=_stems(_strings(tone, "speech", tone_source), tone_source),
        side_voices=CueSet(sides, tone_source),
        both_sides=_alternation(_strings(tone, "both_sides", tone_source), tone_source),
        **{key: _stems(_strings(talk, key, talks_source), talks_source) for key in TALK_KEYS},
        office_voices=CueSet(offices, tone_source) if offices else None,
        ministry_voices=(_stems(_strings(tone, "ministry_voices", tone_source), tone_source)
                         if "ministry_voices" in tone else None),
        **{key: _stems(_strings(tone, key, tone_source), tone_source) if key in tone else None
           for key in ("judging_verbs", "event_predicates", "difficulty", "outcomes", "source_after")},
    )


def _side_map(data: Mapping[str, Any], key: str, source: str) -> list[tuple[str, str]]:
    """An optional map of pattern → label (a side, or "office:side"), as (label, folded pattern) pairs."""
    if key not in data:
        return []
    voices = data[key].get("map")
    if not isinstance(voices, Mapping) or not voices or not all(isinstance(k, str) and k and isinstance(v, str) and v
                                                             for k, v in voices.items()):
        raise LexiconError(f"{source}: {key}: expected a map of pattern → side")
    return [(side, fold(cue)) for cue, side in voices.items()]
