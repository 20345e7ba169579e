"""Who takes part in the meeting a trigger names.

Entry point: ``participants_for(tree, trigger, people, sides)`` → :class:`Party` list.

A name takes part when the tree links it to the trigger's clause (the subject of
"встретился", the "с + instrumental" partner, the genitive of "переговоры
Трампа и Зеленского", a delegation's members) without passing through a verb of
saying ("сообщила пресс-секретарь Давитян"), a source noun ("по словам
Ушакова", "план Трампа") or a role it only owns ("представитель Путина
Дмитриев"). When the clause names fewer than two parties, the speaker of the
clause ("Уиткофф заявил, что его переговоры с Дмитриевым …") and then the other
names of the sentence are taken in.
"""
from __future__ import annotations

from dataclasses import dataclass

from parley.extract.lexicon import ROLE_NOUNS, SOURCE_NOUNS, SPEECH_VERBS
from parley.extract.meetings.sides import SideMention
from parley.extract.meetings.tree import Tree
from parley.extract.meetings.triggers import Trigger
from parley.records import ActorMention

LEAVING_RELATIONS = {"parataxis", "ccomp", "acl:relcl", "root", "vocative", "discourse"}
PARTICIPATION_NOUNS = {"участие", "посредничество", "координация", "состав", "присутствие", "участник",
                       "делегация", "сторона", "представитель", "глава", "группа"}
MAX_HOPS = 7


@dataclass(frozen=True, slots=True)
class Party:
    key: str  # actor id, or side id
    name: str  # display name
    side: str | None  # the side a person belongs to, or the side itself
    is_person: bool
    mention: ActorMention | None = None


def _possessor(tree: Tree, i: int) -> bool:
    """A genitive name under a role or person noun: "зять Трампа", "представитель Путина"."""
    head = tree.head(i)
    if head == -1 or tree.rel(i) != "nmod" or tree.tokens[i].feat("Case") != "Gen":
        return False
    head_token = tree.tokens[head]
    return tree.lemma(head) in ROLE_NOUNS or (head_token.pos == "NOUN" and head_token.feat("Animacy") == "Anim")


def _reaches(tree: Tree, start: int, anchors: set[int]) -> bool:
    cur = start
    for _ in range(MAX_HOPS):
        if cur in anchors:
            return True
        if _possessor(tree, cur) or tree.rel(cur) in LEAVING_RELATIONS:
            return False
        head = tree.head(cur)
        if head == -1:
            return False
        lemma = tree.lemma(head)
        if head not in anchors and (lemma in SPEECH_VERBS or lemma in SOURCE_NOUNS):
            return False
        cur = head
    return False


def _side_reaches(tree: Tree, side: SideMention, anchors: set[int]) -> bool:
    if side.grouped:
        return _reaches(tree, side.index, anchors)
    head = tree.head(side.index)
    if side.index in anchors:
        return True
    if head == -1:
        return False
    if head in anchors:
        return True
    return tree.lemma(head) in PARTICIPATION_NOUNS and _reaches(tree, head, anchors)


def _speaker(tree: Tree, trigger: Trigger) -> set[int]:
    """Tokens of the subject of the verb of saying that introduces the trigger's clause."""
    top = trigger.anchors[-1]
    for verb in [top, tree.head(top)]:
        if verb != -1 and tree.lemma(verb) in SPEECH_VERBS:
            subjects = [c for c in tree.children[verb] if tree.rel(c).startswith("nsubj")]
            out: set[int] = set()
            for s in subjects:
                out |= tree.subtree(s)
            return out
    return set()


def _excluded(tree: Tree, i: int) -> bool:
    """A name that is only a source or an owner wherever it stands in the sentence."""
    cur = i
    for _ in range(MAX_HOPS):
        if _possessor(tree, cur):
            return True
        head = tree.head(cur)
        if head == -1:
            return False
        lemma = tree.lemma(head)
        if lemma in SOURCE_NOUNS:
            return True
        if lemma in SPEECH_VERBS and tree.rel(cur).startswith("nsubj"):
            return True
        cur = head
    return False


def participants_for(tree: Tree, trigger: Trigger, people: list[tuple[int, Party]],
                     sides: list[tuple[SideMention, Party]]) -> list[Party]:
    """``people``: (head token, party) for each person named in the sentence."""
    anchors = set(trigger.anchors)
    chosen: dict[str, Party] = {}
    for index, party in people:
        if _reaches(tree, index, anchors):
            chosen.setdefault(party.key, party)
    for side, party in sides:
        if _side_reaches(tree, side, anchors):
            chosen.setdefault(party.key, party)
    if len(chosen) < 2:
        speaker = _speaker(tree, trigger)
        for index, party in people:
            if index in speaker:
                chosen.setdefault(party.key, party)
    if len(chosen) < 2:
        rest = sorted(people, key=lambda item: abs(item[0] - trigger.index))
        for index, party in rest:
            if party.key not in chosen and not _excluded(tree, index):
                chosen.setdefault(party.key, party)
    return list(chosen.values())
