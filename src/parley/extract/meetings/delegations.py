"""Who a side's delegation is, when the text names its people anywhere.

Entry point: ``delegation_members(text, analysis, persons, sides_of)`` → side → the
people the text puts at the head of, or into, that side's delegation
("Российскую делегацию возглавлял Игорь Костюков", "делегация США во главе с
Уиткоффом", "украинская делегация будет включать Умерова и Буданова",
"С американской стороны в переговорах участвуют Уиткофф и Кушнер"). Named
people replace their side in that text's meetings.
"""
from __future__ import annotations

import re

from parley.extract.regex_gate import gated
from parley.resolve.sides import sides_in
from parley.lang import lexicon
from parley.records import ActorMention, Analysis

RU = lexicon("ru")

GROUP_WORD = re.compile(r"делегаци\w*|сторон[аыуе]\w*|(?:переговорн|рабоч)\w+\s+групп\w*|команд\w*", re.IGNORECASE)
MEMBERSHIP = gated(r"возглав|во\s+главе|\bглав[аыуео]й?\b|руковод|в\s+состав|вошл|входи|входя|включ"
                   r"|представля|представят|представил|участи|участву|участвова|присоедин", re.IGNORECASE)
# Words that put people into a delegation beside whoever leads it: "в состав делегации входили X и Y".
JOINING = re.compile(r"в\s+состав|вошл|входи|входя|включ|присоедин", re.IGNORECASE)
# A name next to a verb of saying is a source ("сообщил Песков"), not a member.
SAYING_NEAR = re.compile("|".join(map(re.escape, RU.sequence("meetings", "saying_stems"))), re.IGNORECASE)
WINDOW = 30
# "Российскую делегацию возглавляет X, (а) украинскую — Y", "Россию представляет X, Украину — Y": a side said
# before a dash or before "представляет" heads the rest of its clause.
SIDE_BEFORE_ITS_PEOPLE = re.compile(r"(?:^|[,;]\s*)(?:(?:а|и)\s+)?(?P<word>[А-ЯЁа-яё]+)\s+(?:[—–]|представля\w*|представит|представлял\w*)\s",
                                    re.MULTILINE)
ENVOY_BEFORE = re.compile("(?:" + "|".join(map(re.escape, RU.sequence("meetings", "envoy_stems"))) + r")\w*\s+$",
                          re.IGNORECASE)


def _group_sides(text: str) -> set[str]:
    sides: set[str] = set()
    for match in GROUP_WORD.finditer(text):
        before = text[max(0, match.start() - WINDOW):match.start()]
        after = text[match.end():match.end() + WINDOW]
        # the words right next to the group word: "украинской и российской делегаций", "делегация США"
        near_before = " ".join(before.split(",")[-1].split(".")[-1].split()[-3:])
        near_after = " ".join(after.split(",")[0].split()[:2])
        found = sides_in(near_before) or sides_in(near_after)
        sides |= found  # "главы украинской и российской делегаций": both
    for match in SIDE_BEFORE_ITS_PEOPLE.finditer(text):
        sides |= sides_in(match["word"])
    return sides


def delegation_members(analysis: Analysis, persons: tuple[ActorMention, ...],
                       sides_of: dict[str, str], words: re.Pattern = MEMBERSHIP) -> dict[str, list[ActorMention]]:
    """``words``: what a sentence must say to name a delegation's people (by default heading it or
    being in it; ``JOINING``: being in it)."""
    members: dict[str, list[ActorMention]] = {}
    last_sides: set[str] = set()
    for sentence in analysis.sentences:
        previous, last_sides = last_sides, set()
        if not words.search(sentence.text):
            continue
        sides = _group_sides(sentence.text)
        if not sides and GROUP_WORD.search(sentence.text):
            sides = previous  # "Российскую делегацию возглавляет X. В делегацию входят также Y и Z."
        if not sides:
            continue
        last_sides = sides
        inside = [m for m in persons if sentence.start <= m.start < sentence.stop]
        for mention, following in zip(inside, inside[1:] + [None]):
            if following is not None and not sentence.text[mention.stop - sentence.start:
                                                            following.start - sentence.start].strip():
                continue  # "спецпосланник президента Дональда Трампа Стив Уиткофф": Трамп owns the role
            if ENVOY_BEFORE.search(sentence.text[:mention.start - sentence.start]):
                continue  # "с представителями Трампа": his envoys are the delegation, not he
            if not analysis.text[mention.stop:].strip() and len(mention.text.split()) == 1:
                continue  # "украинскую — руководитель офиса Владимир": a name cut off by the end of the text
            near = sentence.text[max(0, mention.start - sentence.start - 25):mention.stop - sentence.start + 25]
            if SAYING_NEAR.search(near):
                continue
            side = sides_of.get(mention.actor.id)
            if side is None and len(sides) == 1:
                side = next(iter(sides))  # the one delegation spoken of takes a person of no known side
            if side in sides and all(m.actor.id != mention.actor.id for m in members.get(side, [])):
                members.setdefault(side, []).append(mention)
    return members
