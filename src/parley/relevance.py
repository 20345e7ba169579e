"""Cheap off-topic rejection, before any NLP.

Entry point: ``screen(text) -> str | None``: ``None`` when the text may hold a
Parley fact, else the reason it is skipped (``NO_NEGOTIATION_CONTENT``).

A fact needs a meeting, a quote or a role, so a text may hold one when it has
at least one of:
- a meeting or negotiation word ("переговоры", "встретился", "саммит", "визит",
  "перемирие", "созвонились", "делегация" …);
- a speech word or a direct quote ("заявил", "по словам", «…» of four or more
  words), since quotes are facts too;
- a title that names a person's role ("министр", "посол", "глава", "директор" …);
- the surname of a known actor (from the actors knowledge base, declined forms
  included because surnames are matched as stems).

It is one compiled regular expression over the lowercased text; a text that
has none of these is off-topic and skipped. False alarms only cost speed, a
miss loses facts, so every list errs towards letting a text through.
"""
from __future__ import annotations

import functools
import json
import re
from pathlib import Path

NO_NEGOTIATION_CONTENT = "no negotiation content"

MEETING_STEMS = (
    "переговор", "встреч", "встрет", "саммит", "визит", "посет", "посещ", "прибыл", "приеха",
    "перемири", "мирн", "урегулир", "делегац", "консультац", "разговор", "созвон", "беседова",
    "беседу", "бесед", "телефонн", "переговорщик", "посредни", "соглашени", "договорил", "договорен",
    "договоренност", "обсуди", "обсужд", "раунд", "прекращени огня", "режим тишины",
)
SPEECH_STEMS = (
    "заявил", "заявля", "заявлен", "сказал", "сообщил", "сообщает", "сообщи", "отметил", "подчеркнул",
    "добавил", "признал", "пояснил", "уточнил", "написал", "говорит", "говорил", "по словам",
    "по мнению", "цитиру", "считает", "уверен", "предупредил", "призвал", "ответил", "выступил",
)
TITLE_STEMS = (
    "президент", "премьер", "министр", "посол", "посланник", "спецпредставител", "представител",
    "советник", "помощник", "секретар", "госсекретар", "канцлер", "глава ", "главой", "главы ",
    "главе ", "председател", "руководител", "директор", "лидер", "спикер", "депутат", "сенатор",
    "генерал", "командующ", "губернатор", "мэр", "король", "принц", "шейх", "эмир", "дипломат",
    "управляющ", "капитан", "начальник", "замглав", "заместител", "пресс-секретар", "официальн",
    "кремл", "белый дом", "белого дома", "мид ", "мида", "госдеп", "пентагон", "снбо", "офис президента",
)
_QUOTED = re.compile(r"[«“„\"]([^«»“”„\"\n]*)[»”“\"]")
QUOTE_MIN_WORDS = 4  # shorter quoted words are names of outlets or documents, not speech
_ACTORS_FILE = Path(__file__).resolve().parent / "resolve" / "data" / "actors.jsonl"
# Used when the knowledge base cannot be read: the actors every negotiation story names.
_FALLBACK_SURNAMES = (
    "Путин", "Зеленский", "Трамп", "Уиткофф", "Виткофф", "Кушнер", "Умеров", "Дмитриев", "Ушаков",
    "Лавров", "Рубио", "Сибига", "Ермак", "Буданов", "Мединский", "Келлог", "Вэнс", "Венс", "Дрисколл",
    "Макрон", "Стармер", "Мерц", "Эрдоган", "Орбан", "Песков", "Костюков", "Арахамия",
)


def surname_stem(name: str) -> str:
    """The part of a surname that stays the same when it is declined: "Зеленский" → "зеленск"."""
    word = name.split()[-1].lower().replace("ё", "е") if name.split() else ""
    for ending in ("ий", "ый", "ой", "ая", "а", "я", "ь", "й"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def known_surnames() -> tuple[str, ...]:
    """Surnames of the persons in the actors knowledge base (Russian forms)."""
    names: list[str] = list(_FALLBACK_SURNAMES)
    try:
        with _ACTORS_FILE.open(encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line) if line.strip() else {}
                if row.get("kind") == "person":
                    names.extend(n for n in row.get("ru", []) if isinstance(n, str))
    except (OSError, ValueError, AttributeError):
        pass  # the fallback list still screens; the knowledge base only widens it
    return tuple(sorted({stem for stem in map(surname_stem, names) if len(stem) >= 3}))


@functools.cache
def _pattern() -> re.Pattern[str]:
    stems = set(MEETING_STEMS) | set(SPEECH_STEMS) | set(TITLE_STEMS) | set(known_surnames())
    words = "|".join(re.escape(s) for s in sorted(stems, key=len, reverse=True))
    return re.compile(words)


def _has_direct_speech(text: str) -> bool:
    return any(len(m.group(1).split()) >= QUOTE_MIN_WORDS for m in _QUOTED.finditer(text))


def screen(text: str) -> str | None:
    """``None`` when ``text`` may hold a negotiation fact, else why it is skipped."""
    if _pattern().search(text.lower().replace("ё", "е")) or _has_direct_speech(text):
        return None
    return NO_NEGOTIATION_CONTENT
