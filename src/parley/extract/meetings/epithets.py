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

import re
from dataclasses import replace

from parley.extract.meetings.sides import sides_in
from parley.records import ActorMention, Analysis

ROLE_HEADS = {"президент", "премьер", "министр", "госсекретарь", "глава", "руководитель", "лидер", "канцлер",
              "спецпосланник", "спецпредставитель", "посланник", "помощник", "советник", "секретарь",
              "пресс-секретарь", "представитель", "зять", "вице-президент", "начальник", "председатель"}
_WORD = re.compile(r"[А-ЯЁа-яёA-Za-z-]+")
STEM = 5


def _stem(word: str) -> str:
    low = word.lower().replace("ё", "е")
    return low[:STEM + 4] if "-" in low else low[:STEM]


def _role_stems() -> set[str]:
    return {_stem(w) for w in ROLE_HEADS}


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


# Epithets of a country's head of state, and the side they name.
LEADER_EPITHET = re.compile(
    r"(?P<adj>российск|американск|украинск|турецк|французск|германск|немецк|британск|белорусск)\w*\s+"
    r"(?:лидер|президент|коллег|глав\w*\s+государства)\w*"
    r"|(?P<seat>глав\w*\s+Белого\s+дома|хозя\w*\s+Белого\s+дома|хозя\w*\s+Кремля|глав\w*\s+Кремля"
    r"|глав\w*\s+киевского\s+режима|глав\w*\s+(?:РФ|России|США|Украины)(?!(?-i:\s+[А-ЯЁ][а-яё])))",
    re.IGNORECASE)
EPITHET_SIDES = {"российск": "RUS", "американск": "USA", "украинск": "UKR", "турецк": "TUR", "французск": "FRA",
                 "германск": "DEU", "немецк": "DEU", "британск": "GBR", "белорусск": "BLR"}
SEAT_SIDES = {"белого": "USA", "кремля": "RUS", "киевского": "UKR", "рф": "RUS", "россии": "RUS", "сша": "USA",
              "украины": "UKR"}
# "Президент США Дональд …", ", президент России …", "и президент Украины …" — not "помощник президента",
# "спецпредставителю российского президента": the word before "президент" must not be a lower-case word
PRESIDENT_BEFORE = re.compile(r"(?P<previous>[\w-]*)[^\w-]*(?<![\w-])[Пп]резидент\w*\s+(?:[А-ЯЁ]\w*\s+)?$")
ADJECTIVE_ENDINGS = ("ого", "его", "ому", "ему", "ым", "им", "ой", "ей", "ий", "ый", "ая", "яя", "ое", "ее")


def _presidents(text: str, persons: tuple[ActorMention, ...], sides_of: dict[str, str]) -> dict[str, ActorMention]:
    """side → the one person the text calls its president ("президент России Владимир Путин")."""
    found: dict[str, set[str]] = {}
    first: dict[str, ActorMention] = {}
    for mention in persons:
        before = text[max(0, mention.start - 40):mention.start]
        side = sides_of.get(mention.actor.id)
        match = PRESIDENT_BEFORE.search(before)
        previous = match["previous"].lower() if match else ""
        owned = _stem(previous) in _role_stems() or previous.endswith(ADJECTIVE_ENDINGS)
        if side and match and not owned:
            found.setdefault(side, set()).add(mention.actor.id)
            first.setdefault(mention.actor.id, mention)
    return {side: first[next(iter(ids))] for side, ids in found.items() if len(ids) == 1}


# "встреча президентов России и Украины": each country word stands for the president this text named for it.
PRESIDENTS_OF = re.compile(r"(?:президент|лидер)(?:ов|ам|ами|ах|ы)\s+(?P<list>[А-ЯЁ]\w+(?:\s*(?:,|и)\s*[А-ЯЁ]\w+)+)")
COUNTRY_WORD = re.compile(r"[А-ЯЁ]\w+")


def leader_mentions(text: str, persons: tuple[ActorMention, ...], sides_of: dict[str, str]) -> list[ActorMention]:
    """"российский лидер", "глава Белого дома": the president this text named for that country."""
    presidents = _presidents(text, persons, sides_of)
    found = []
    for match in PRESIDENTS_OF.finditer(text):
        for word in COUNTRY_WORD.finditer(match["list"]):
            sides = sides_in(word.group())
            model = presidents.get(next(iter(sides))) if len(sides) == 1 else None
            if model is not None:
                start = match.start("list") + word.start()
                found.append(replace(model, start=start, stop=start + len(word.group()), text=word.group()))
    for match in LEADER_EPITHET.finditer(text):
        if match["adj"]:
            side = EPITHET_SIDES[match["adj"].lower()]
        else:
            words = match["seat"].lower().split()
            side = next(v for k, v in SEAT_SIDES.items() if k in words)
        model = presidents.get(side)
        if model is not None:
            found.append(replace(model, start=match.start(), stop=match.end(), text=match.group()))
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
    for sentence in analysis.sentences:
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
