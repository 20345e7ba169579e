"""Meeting words in a parsed sentence, and the clause words that govern them.

Entry point: ``find_triggers(tree)`` → :class:`Trigger` list. A trigger's
``anchors`` are the trigger and the words above it in its clause ("провел" in
"Путин провел переговоры"): participants, place and date hang from them.
"""
from __future__ import annotations

from dataclasses import dataclass

from parley.extract.lexicon import (
    CANCELLED_LEMMAS, MEETING_NOUNS, MEETING_VERBS, NOT_MEETING_NEIGHBOURS, PLANNED_LEMMAS, SPEECH_VERBS,
)
from parley.extract.meetings.tree import Tree
from parley.lang import lexicon

RU = lexicon("ru")

# Relations that leave the trigger's clause: above them is another statement.
CLAUSE_EDGES = {"parataxis", "ccomp", "conj", "root", "acl:relcl", "advcl"}
# Verbs that only carry a meeting noun ("провести переговоры", "принять участие во встрече").
LIGHT_VERBS = RU.words("meetings", "light_verbs")
# Nouns that only frame a meeting ("в ходе переговоров", "перспектива встречи", "участники переговоров").
LIGHT_NOUNS = RU.tagged("meetings", "light_nouns", "frame")
# Who a meeting word with these partners is not a meeting between: an interview is not talks.
# Where people meet who are not negotiating: "встретятся на сцене", "на ринге", "в финале".
ARENA_NOUNS = RU.words("meetings", "arena_nouns")
PRESS_NOUNS = RU.words("meetings", "press_nouns")


@dataclass(frozen=True, slots=True)
class Trigger:
    index: int
    lemma: str
    kind: str  # talks | visit | summit | call
    is_verb: bool
    anchors: tuple[int, ...]  # the trigger first, then the clause words above it: where parties hang
    setting: tuple[int, ...] = ()  # where its place and date hang, when wider than the anchors


def _is_trigger(tree: Tree, i: int) -> tuple[str, bool] | None:
    token = tree.tokens[i]
    lemma = tree.lemma(i)
    capitalised_inside = token.text[:1].isupper() and i > 0 and tree.tokens[i - 1].pos != "PUNCT" \
        and not tree.tokens[i - 1].text.isdigit()
    if token.pos in ("NOUN", "PROPN") and lemma in MEETING_NOUNS and not capitalised_inside:
        # "советник Сергей Беседа": a capitalised word inside a sentence is a name, not a meeting
        head = tree.head(i)
        if head != -1 and tree.lemma(head) in NOT_MEETING_NEIGHBOURS and tree.rel(i) == "nmod":
            return None
        kind = MEETING_NOUNS[lemma]
        if any(tree.lemma(c) in CALL_ADJECTIVES for c in tree.children[i]):
            return "call", False  # "телефонные переговоры", "телефонная беседа"
        if lemma in TALK_NOUNS:
            words = " ".join(t.text.lower() for t in tree.tokens)
            kind = "call" if any(stem in words for stem in CALL_STEMS) else "talks"
        return kind, False
    if token.pos == "VERB" and lemma in MEETING_VERBS:
        if lemma in HOSTING_VERBS and any(tree.lemma(c) in NOT_HOSTED for c in tree.children[i]):
            return None  # "принять участие" in a meeting named elsewhere, not hosting one
        return MEETING_VERBS[lemma], True
    return None


# What one "принимает" that is not a guest: "принять участие", "принимает решение", "принял предложение".
NOT_HOSTED = RU.words("meetings", "not_hosted")
PARTICIPATION_VERBS = RU.words("meetings", "participation_verbs")
DISCUSSION_VERBS = RU.words("meetings", "discussion_verbs")
TEMPORAL_PREPOSITIONS = RU.words("meetings", "temporal_prepositions")
TEMPORAL_HEADS = RU.words("meetings", "temporal_heads")
PHASE_NOUNS = RU.words("meetings", "phase_nouns")
CALL_ADJECTIVES = RU.words("meetings", "call_adjectives")
CALL_STEMS = RU.sequence("meetings", "call_stems")
TALK_NOUNS = RU.words("meetings", "talk_nouns")
HOSTING_VERBS = RU.words("meetings", "hosting_verbs")
BETWEEN_PREPOSITIONS = RU.words("grammar", "between_prepositions")


def _adjunct_with_own_parties(tree: Tree, i: int, names: frozenset[int]) -> bool:
    """"созвониться после переговоров американца с Зеленским": a meeting placed before or after the
    clause's event, naming its own parties in the genitive, does not share the clause's subject."""
    head = tree.head(i)
    temporal = tree.case_word(i) in TEMPORAL_PREPOSITIONS or (head != -1 and tree.lemma(head) in TEMPORAL_HEADS)
    if not temporal and head != -1 and tree.lemma(head) in PHASE_NOUNS:
        temporal = tree.case_word(head) in TEMPORAL_PREPOSITIONS  # "после окончания переговоров"
    if not temporal:
        return False
    return any(tree.rel(c) == "nmod" and (
        tree.case_word(c) in BETWEEN_PREPOSITIONS  # "переговоров между Россией, США и Украиной"
        or tree.tokens[c].feat("Case") == "Gen" and (c in names or tree.tokens[c].feat("Animacy") == "Anim"))
        for c in tree.children[i])


def anchors_of(tree: Tree, i: int, limit: int = 4, names: frozenset[int] = frozenset()) -> tuple[int, ...]:
    """The trigger and the words above it while they stay in its clause; a person's name above the
    meeting word ends the climb and joins ("Уиткофф и Дмитриев перед встречей с Путиным", a caption)."""
    out = [i]
    cur = i
    if tree.rel(i) == "conj" and tree.head(i) != -1 and tree.tokens[tree.head(i)].pos == "NOUN":
        cur = tree.head(i)  # "обед и встреча были отменены": the conjoined nouns share their verb
    # "встреча, в которой приняли участие Умеров и Фидан": the relative clause names the parties
    out += [c for c in tree.children[i] if tree.rel(c) == "acl:relcl" and tree.lemma(c) in PARTICIPATION_VERBS]
    while len(out) <= limit:
        if tree.head(cur) in names:
            out.append(tree.head(cur))
            break
        rel = tree.rel(cur)
        head = tree.head(cur)
        if head == -1 or not any("а" <= ch <= "я" for ch in tree.lemma(head)):
            break  # the root of a headline glued to a " date YYYY-MM-DD" line is not a clause word
        lemma = tree.lemma(head)
        if lemma in SPEECH_VERBS and lemma not in LIGHT_VERBS:
            break
        if tree.tokens[head].pos in ("NOUN", "PROPN") and lemma not in LIGHT_NOUNS:
            break
        if rel == "nsubj" and tree.tokens[head].pos == "VERB" and lemma not in LIGHT_VERBS \
                and lemma not in CANCELLED_LEMMAS and lemma not in PLANNED_LEMMAS:
            break  # "разговор вызвал обеспокоенность чиновников": what the meeting did, not who met
        out.append(head)
        if tree.tokens[head].pos not in ("NOUN", "PROPN", "VERB", "AUX"):
            break
        if rel in CLAUSE_EDGES and rel != "advcl":
            break
        if tree.tokens[head].pos == "VERB" and lemma not in LIGHT_VERBS and rel not in ("xcomp", "advcl"):
            break
        cur = head
    return tuple(out)


def find_triggers(tree: Tree, names: frozenset[int] = frozenset()) -> list[Trigger]:
    """``names``: the head tokens of the persons named in the sentence."""
    found = []
    for i in range(len(tree)):
        hit = _is_trigger(tree, i)
        if hit is None:
            continue
        kind, is_verb = hit
        if any(tree.lemma(c) in PRESS_NOUNS or tree.lemma(c) in ARENA_NOUNS for c in tree.children[i]):
            continue
        climb = anchors_of(tree, i, names=names)
        if _adjunct_with_own_parties(tree, i, names):
            found.append(Trigger(i, tree.lemma(i), kind, is_verb, (i,), climb))
        else:
            found.append(Trigger(i, tree.lemma(i), kind, is_verb, climb, climb))
    nouns = {t.index for t in found if not t.is_verb}
    # "обсуждали … во время беседы": the talk is the meeting; discussing in it is not another one
    return [t for t in found if not (t.lemma in DISCUSSION_VERBS and any(c in nouns for c in tree.children[t.index]))]
