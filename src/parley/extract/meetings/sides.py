"""Sides named without a person: "украинская делегация", "представители России", "Россия и США".

Entry point: ``find_sides(tree)`` → :class:`SideMention` list. Which side a word
names is the resolver's answer (``parley.resolve.sides``); this module finds the
words of a parsed sentence that stand for a party.
"""
from __future__ import annotations

from dataclasses import dataclass

from parley.extract.lexicon import MEETING_NOUNS, SIDE_GROUP_NOUNS
from parley.extract.meetings.tree import Tree
from parley.lang import lexicon
from parley.resolve.offices import PLURAL_OFFICIALS
from parley.resolve.sides import compound_sides, side_of_adjective, side_of_demonym, side_of_name_at

RU = lexicon("ru")

# Prepositions under which a country is a place or a topic, not a party: "в Женеве", "по Украине".
NOT_PARTY_PREPOSITIONS = RU.words("sides", "not_party_prepositions")
PARTICIPATION_VERBS = RU.words("meetings", "participation_verbs")
STATE_NOUNS = RU.sequence("roles", "state_nouns")


@dataclass(frozen=True, slots=True)
class SideMention:
    side: str  # ISO 3166 alpha-3, or EU / NATO / UN
    index: int  # the token the side hangs from: the group noun, or the country word itself
    token: int  # the word that names the side
    grouped: bool  # named through a group noun ("делегация США") rather than bare ("США")


def _country(tree: Tree, i: int) -> str | None:
    token = tree.tokens[i]
    if token.pos not in ("PROPN", "NOUN"):
        return None
    lemma = tree.lemma(i)
    if token.pos == "NOUN" and side_of_demonym(lemma):
        return side_of_demonym(lemma)
    start = max(0, i - 2)  # a name phrase and its tail: "Соединенные Штаты Америки"
    return side_of_name_at([tree.lemma(k) for k in range(start, i + 1)], i - start)


def _adjective_sides(tree: Tree, i: int) -> list[str]:
    lemma = tree.lemma(i)
    side = side_of_adjective(lemma)
    if side is not None:
        return [side]
    return compound_sides(lemma) if "-" in lemma else []


def _conj_chain(tree: Tree, i: int) -> list[int]:
    """``i`` and the words coordinated with it below it ("США, Украины и России")."""
    out = [i]
    stack = [i]
    while stack:
        for child in tree.children[stack.pop()]:
            if tree.rel(child) == "conj" and child not in out:
                out.append(child)
                stack.append(child)
    return out


def _unnamed_one(tree: Tree, i: int) -> bool:
    """One official named by office alone, said to take part ("участие примут министр иностранных дел
    Турции и премьер-министр Катара"): no name follows the phrase. Elsewhere such a title is most often
    a person the text names, which his side would stand for wrongly."""
    top, seen = i, {i}
    while tree.rel(top) == "conj" and tree.head(top) not in (-1, *seen):  # a parse may loop its heads
        top = tree.head(top)
        seen.add(top)
    verb = tree.head(top)
    if not tree.rel(top).startswith("nsubj") or verb == -1 or tree.lemma(verb) not in PARTICIPATION_VERBS:
        return False
    last = max(tree.subtree(i))
    return last + 1 >= len(tree) or tree.tokens[last + 1].pos != "PROPN"


def find_sides(tree: Tree) -> list[SideMention]:
    found: list[SideMention] = []
    used: set[int] = set()
    for i, token in enumerate(tree.tokens):
        if token.pos not in ("NOUN", "PROPN", "ADJ"):
            continue
        lemma = tree.lemma(i)
        unnamed_officials = lemma in PLURAL_OFFICIALS and (token.feat("Number") == "Plur" or _unnamed_one(tree, i)) \
            and not any(tree.tokens[c].pos == "PROPN" and tree.rel(c) in ("appos", "flat:name") for c in tree.children[i])
        if token.pos in ("NOUN",) and (lemma in SIDE_GROUP_NOUNS or unnamed_officials):
            has_adjective = any(tree.rel(c) == "amod" and _adjective_sides(tree, c) for c in tree.children[i])
            for child in tree.children[i]:
                rel = tree.rel(child)
                if rel == "nmod" and has_adjective and tree.case_word(child) in ("из", "от"):
                    continue  # "американской команды из Москвы": where it comes from, not whose it is
                if rel == "amod":
                    for member in _conj_chain(tree, child):
                        for side in _adjective_sides(tree, member):
                            found.append(SideMention(side, i, member, True))
                            used.add(member)
                elif rel == "nmod" and tree.case_word(child) in (None, "от", "из"):
                    for member in _conj_chain(tree, child):
                        side = _country(tree, member)
                        if side:
                            found.append(SideMention(side, i, member, True))
                            used.add(member)
                        elif tree.lemma(member).startswith(STATE_NOUNS):
                            # "лидеры европейских стран": the states' adjective names the side
                            for adjective in tree.children[member]:
                                for side in (_adjective_sides(tree, adjective) if tree.rel(adjective) == "amod" else []):
                                    found.append(SideMention(side, i, adjective, True))
                                    used.add(adjective)
    for i, token in enumerate(tree.tokens):
        if i in used:
            continue
        if token.pos == "ADJ" and tree.rel(i) == "amod":
            head = tree.head(i)
            # "российско-американские переговоры", not "российско-украинский конфликт"
            if head != -1 and "-" in tree.lemma(i) and (tree.lemma(head) in MEETING_NOUNS or tree.lemma(head) in SIDE_GROUP_NOUNS):
                for side in _adjective_sides(tree, i):
                    found.append(SideMention(side, head, i, True))
            continue
        side = _country(tree, i)
        if side is None:
            continue
        prep = tree.case_word(i) or (tree.preceding_preposition(i, 1) if tree.rel(i) != "conj" else None)
        top, seen = i, {i}
        while tree.rel(top) in ("conj", "appos") and tree.head(top) not in (-1, *seen):
            # "в Абу-Даби, ОАЭ": a country in apposition to a place is where, not who
            top = tree.head(top)
            seen.add(top)
            prep = prep or tree.case_word(top)
        if prep in NOT_PARTY_PREPOSITIONS:
            continue
        found.append(SideMention(side, top, i, False))
    return found
