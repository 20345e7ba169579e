"""Unnamed role mentions ("президент США сообщил", "глава российской делегации пообщался")
resolved to the person the same text named with that role ("президент США Дональд Трамп").

Entry point: ``role_mentions(text, analysis, persons)`` → extra :class:`ActorMention`
records placed on the role words, one per unnamed use of a role that the text
gave to exactly one person. Words are compared by their first five letters, so
"президента США" and "президент США" agree. A head of state is also found by the
usual epithets once the text has named its president: "российский лидер",
"американский коллега", "глава Белого дома", "хозяин Кремля".
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from functools import cache

from parley.nlp import word_parses
from parley.resolve.kb import knowledge_base
from parley.resolve.places import gazetteer
from parley.resolve.offices import KEYED_HEADS, office_of, organisations_in
from parley.resolve.sides import SIDE_ADJECTIVES, first_side, sides_in
from parley.records import ActorMention, Analysis
from parley.lang import lexicon

RU = lexicon("ru")

ROLE_HEADS = KEYED_HEADS
_WORD = re.compile(r"[А-ЯЁа-яёA-Za-z-]+")
STEM = 5


@cache  # a text's few hundred distinct words are stemmed over and over, sentence after sentence
def _stem(word: str) -> str:
    low = word.lower().replace("ё", "е")
    return low[:STEM + 4] if "-" in low else low[:STEM]


@cache
def _role_stems() -> frozenset[str]:
    return frozenset(_stem(w) for w in ROLE_HEADS)


def _keys_before(words: list[tuple[int, int, str]]) -> list[tuple[str, ...]]:
    """Role keys from the words just before a name: ("прези", "сша"), ("глава", "росси", "делег")."""
    heads = _role_stems()
    for size in (3, 2):
        if len(words) < size:
            continue
        tail = words[-size:]
        if _stem(tail[0][2]) in heads and tail[0][2][:1].islower():
            if len(words) > size and _stem(words[-size - 1][2]) in heads:
                return []  # "пресс-секретарь президента РФ Песков": "президент РФ" is not Песков's role
            return [tuple(_stem(w) for _, _, w in tail)]
    return []


# Epithets of a country's head of state: a side adjective before a leader noun ("российский лидер").
_ADJECTIVE_STEMS = sorted({adjective[:-2] for adjective in SIDE_ADJECTIVES}, key=len, reverse=True)
_LEADER_NOUNS = "|".join(r"\s+".join(re.escape(w) for w in noun.split()) for noun in RU.sequence("roles", "leader_epithets"))
LEADER_EPITHET = re.compile(rf"(?<![\w-])(?:{'|'.join(_ADJECTIVE_STEMS)})\w*\s+(?:{_LEADER_NOUNS})\w*", re.IGNORECASE)
# "российского и американского лидеров": the first adjective shares the second's leader noun
COORDINATED_EPITHET = re.compile(rf"(?<![\w-])(?:{'|'.join(_ADJECTIVE_STEMS)})\w*(?=\s+и\s+"
                                 rf"(?:{'|'.join(_ADJECTIVE_STEMS)})\w*\s+(?:{_LEADER_NOUNS})\w*)", re.IGNORECASE)
# "глава Кремля", "хозяин Белого дома", "глава киевского режима", "глава России" (no name after it)
SEAT_HOLDER = re.compile(rf"(?<![\w-])(?:{'|'.join(RU.sequence('roles', 'seat_holder_stems'))})\w*\s+", re.IGNORECASE)
NAME_AFTER = re.compile(r"\s+[А-ЯЁ][а-яё]")
_WORDS = re.compile(r"[\w-]+")


def _seat_epithets(text: str):
    """(start, stop, side) of each head of state named by the seat or the state he heads."""
    for match in SEAT_HOLDER.finditer(text):
        words = list(_WORDS.finditer(text, match.end(), match.end() + 40))[:2]
        if not words or words[0].start() != match.end():
            continue
        one = office_of("глава", "глава " + words[0].group()) == "head_of_state"
        used = words[:1] if one else words[:2]
        phrase = " ".join(w.group() for w in used)
        if len(used) < (1 if one else 2) or (not one and office_of("глава", "глава " + phrase) != "head_of_state"):
            continue
        side = first_side(phrase)
        if side is None or (one and used[0].group()[:1].isupper() and NAME_AFTER.match(text, used[-1].end())
                            and not organisations_in(phrase)):
            continue  # "главы США Дональда Трампа": the name is the mention
        yield match.start(), used[-1].end(), side


def _state_named(phrase: str) -> bool:
    """"главы РФ", "главы России": the holder noun before the state itself, not before a seat of power."""
    words = _WORDS.findall(phrase)[1:]
    lemmas = " ".join(word_parses(w)[0].normal_form if word_parses(w) else w.lower() for w in words)
    place = gazetteer().lookup(lemmas)
    return place is not None and place.kind == "country"


# "Президент США Дональд …", ", президент России …", "и президент Украины …" — not "помощник президента",
# "спецпредставителю российского президента": the word before "президент" must not be a lower-case word
_PRESIDENT = "|".join(f"[{w[0].upper()}{w[0]}]{re.escape(w[1:])}" for w in RU.sequence("roles", "president_nouns"))
PRESIDENT_BEFORE = re.compile(rf"(?P<previous>[\w-]*)[^\w-]*(?<![\w-])(?:{_PRESIDENT})\w*\s+(?:[А-ЯЁ]\w*\s+)?$")
# Searched first: PRESIDENT_BEFORE tries each position of the window, so the windows without the word skip it
PRESIDENT_WORD = re.compile(_PRESIDENT)
ADJECTIVE_ENDINGS = RU.sequence("grammar", "adjective_endings")


def _heads_named(persons: tuple[ActorMention, ...], day: dt.date | None) -> dict[str, ActorMention]:
    """side → the one person named in the text whom the knowledge base has as its head of state that day."""
    kb = knowledge_base()
    found: dict[str, dict[str, ActorMention]] = {}
    for mention in persons:
        entry = kb.actors.get(mention.actor.id)
        for role in entry.roles if entry else ():
            if role.office == "head_of_state" and (role.held_on(day) if day else role.end is None):
                found.setdefault(role.of, {}).setdefault(mention.actor.id, mention)
    return {side: next(iter(ids.values())) for side, ids in found.items() if len(ids) == 1}


def _presidents(text: str, persons: tuple[ActorMention, ...], sides_of: dict[str, str]) -> dict[str, ActorMention]:
    """side → the one person the text calls its president ("президент России Владимир Путин")."""
    found: dict[str, set[str]] = {}
    first: dict[str, ActorMention] = {}
    for mention in persons:
        before = text[max(0, mention.start - 40):mention.start]
        side = sides_of.get(mention.actor.id)
        match = PRESIDENT_BEFORE.search(before) if PRESIDENT_WORD.search(before) else None
        previous = match["previous"].lower() if match else ""
        owned = _stem(previous) in _role_stems() or previous.endswith(ADJECTIVE_ENDINGS)
        if side and match and not owned:
            found.setdefault(side, set()).add(mention.actor.id)
            first.setdefault(mention.actor.id, mention)
    return {side: first[next(iter(ids))] for side, ids in found.items() if len(ids) == 1}


# "встреча президентов России и Украины": each country word stands for the president this text named for it.
_LEADERS = "|".join(map(re.escape, RU.sequence("roles", "leader_nouns")))
_PLURAL = "|".join(map(re.escape, RU.sequence("grammar", "plural_noun_endings")))
PRESIDENTS_OF = re.compile(rf"(?:{_LEADERS})(?:{_PLURAL})\s+(?P<list>[А-ЯЁ]\w+(?:\s*(?:,|и)\s*[А-ЯЁ]\w+)+)")
COUNTRY_WORD = re.compile(r"[А-ЯЁ]\w+")


def leader_mentions(text: str, persons: tuple[ActorMention, ...], sides_of: dict[str, str],
                    day: dt.date | None = None) -> list[ActorMention]:
    """"российский лидер", "глава Белого дома": the president this text named for that country."""
    presidents = _presidents(text, persons, sides_of)
    # a plural leader noun before a list of countries may mean a head of state the text names untitled
    listed = {**_heads_named(persons, day), **presidents}
    found = []
    for match in PRESIDENTS_OF.finditer(text):
        for word in COUNTRY_WORD.finditer(match["list"]):
            sides = sides_in(word.group())
            model = listed.get(next(iter(sides))) if len(sides) == 1 else None
            if model is not None:
                start = match.start("list") + word.start()
                found.append(replace(model, start=start, stop=start + len(word.group()), text=word.group()))
    epithets = [(m.start(), m.end(), first_side(m.group()))
                for pattern in (LEADER_EPITHET, COORDINATED_EPITHET) for m in pattern.finditer(text)]
    seats = [(start, stop, side, _state_named(text[start:stop])) for start, stop, side in _seat_epithets(text)]
    for start, stop, side, state in sorted([(*e, False) for e in epithets] + seats):
        # the state he heads ("глава РФ") names its head of state, titled in the text or not; a seat
        # ("хозяин Кремля", "глава Белого дома") only the president the text titled
        model = (listed if state else presidents).get(side) if side else None
        if model is not None:
            found.append(replace(model, start=start, stop=stop, text=text[start:stop]))
    return found


def role_mentions(text: str, analysis: Analysis, persons: tuple[ActorMention, ...]) -> list[ActorMention]:
    owners: dict[tuple[str, ...], set[str]] = {}
    first: dict[str, ActorMention] = {}
    for mention in persons:
        first.setdefault(mention.actor.id, mention)
        sentence = analysis.sentence_at(mention.start)
        if sentence is None:
            continue
        before = [(sentence.start + m.start(), sentence.start + m.end(), m.group())
                  for m in _WORD.finditer(text[sentence.start:mention.start])][-3:]
        for key in _keys_before(before):
            owners.setdefault(key, set()).add(mention.actor.id)
    unique = {key: next(iter(ids)) for key, ids in owners.items() if len(ids) == 1}
    if not unique:
        return []
    found: list[ActorMention] = []
    starts = {m.start for m in persons}
    firsts = {key[0] for key in unique}
    for sentence in analysis.sentences:
        folded = sentence.text.lower().replace("ё", "е")
        if not any(first in folded for first in firsts):
            continue  # every key starts with the stem of a word, so the sentence has none of them
        words = [(sentence.start + m.start(), sentence.start + m.end(), m.group())
                 for m in _WORD.finditer(sentence.text)]
        stems = [_stem(w) for _, _, w in words]
        i = 0
        while i < len(words):
            hit = None
            for size in (3, 2):
                key = tuple(stems[i:i + size])
                if len(key) == size and key in unique:
                    hit = (size, unique[key])
                    break
            if hit is None:
                i += 1
                continue
            size, actor_id = hit
            end = i + size
            named_next = end < len(words) and (words[end][0] in starts or words[end][2][:1].isupper())
            if not named_next:
                start, stop = words[i][0], words[end - 1][1]
                model = first[actor_id]
                found.append(replace(model, start=start, stop=stop, text=text[start:stop]))
            i = end
    return found
