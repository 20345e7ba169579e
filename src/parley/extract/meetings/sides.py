"""Sides named without a person: "украинская делегация", "представители России", "Россия и США".

Entry point: ``find_sides(tree)`` → :class:`SideMention` list; ``side_of_context``
guesses a named person's side from the words before the name ("спецпосланник
президента США Стив Уиткофф" → USA) when the actor record does not carry one.

This is meeting-specific side detection; actors.py may grow a general one, and
the two should then be unified.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from parley.extract.lexicon import MEETING_NOUNS, NATIONALITY_NOUNS, SIDE_ADJECTIVES, SIDE_GROUP_NOUNS, SIDE_NAMES
from parley.extract.meetings.tree import Tree

# Prepositions under which a country is a place or a topic, not a party: "в Женеве", "по Украине".
NOT_PARTY_PREPOSITIONS = {"в", "во", "на", "по", "против", "для", "о", "об", "из", "к", "за", "без", "вокруг",
                          "над", "до", "через", "у", "при", "после", "под", "со_стороны"}
# Officials who stand for their countries when the text does not name them: "министры Франции и Германии".
PLURAL_OFFICIALS = {"министр", "президент", "глава", "премьер-министр", "канцлер", "советник", "дипломат",
                    "переговорщик", "эмиссар"}
_COMPOUND_PARTS = {"российско": "RUS", "русско": "RUS", "американо": "USA", "американско": "USA",
                   "украинско": "UKR", "турецко": "TUR", "европейско": "EU", "китайско": "CHN"}


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
    if lemma in NATIONALITY_NOUNS and token.pos == "NOUN":
        return NATIONALITY_NOUNS[lemma]
    if lemma == "штат" and i > 0 and tree.lemma(i - 1) in ("соединенный", "соединить"):
        return "USA"
    if lemma in ("америка", "штат") and i > 1 and tree.lemma(i - 1) in ("штат",):
        return None  # "Соединенные Штаты Америки": counted once, at "Штаты"
    if lemma == "эмират" and i > 0 and tree.lemma(i - 1) in ("арабский",):
        return "ARE"
    if lemma in ("штат", "эмират"):
        return None
    return SIDE_NAMES.get(lemma)


def _adjective_sides(tree: Tree, i: int) -> list[str]:
    lemma = tree.lemma(i)
    if lemma in SIDE_ADJECTIVES:
        return [SIDE_ADJECTIVES[lemma]]
    if "-" in lemma:
        parts = lemma.split("-")
        sides = [_COMPOUND_PARTS.get(p) for p in parts[:-1]]
        last = SIDE_ADJECTIVES.get(parts[-1]) or next(
            (v for k, v in SIDE_ADJECTIVES.items() if parts[-1].startswith(k[:6])), None)
        if all(sides) and last:
            return [*sides, last]
    return []


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


def find_sides(tree: Tree) -> list[SideMention]:
    found: list[SideMention] = []
    used: set[int] = set()
    for i, token in enumerate(tree.tokens):
        if token.pos not in ("NOUN", "PROPN", "ADJ"):
            continue
        lemma = tree.lemma(i)
        unnamed_officials = lemma in PLURAL_OFFICIALS and token.feat("Number") == "Plur" and not any(
            tree.tokens[c].pos == "PROPN" and tree.rel(c) in ("appos", "flat:name") for c in tree.children[i])
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
        top = i
        while tree.rel(top) in ("conj", "appos") and tree.head(top) != -1:
            # "в Абу-Даби, ОАЭ": a country in apposition to a place is where, not who
            top = tree.head(top)
            prep = prep or tree.case_word(top)
        if prep in NOT_PARTY_PREPOSITIONS:
            continue
        found.append(SideMention(side, top, i, False))
    return found


_CONTEXT_SIDES = (
    (re.compile(r"\bсша\b|американ|вашингтон|белого дома|госсекретар|госдеп|пентагон|трамп|\bнато\b", re.I),
     "USA"),
    (re.compile(r"росси|\bрф\b|кремл|москв|путин|рфпи|\bмид рф", re.I), "RUS"),
    (re.compile(r"украин|киев|снбо|\bвсу\b|верховн\w* рад|зеленск|\bгур\b", re.I), "UKR"),
    (re.compile(r"турц|турецк", re.I), "TUR"),
    (re.compile(r"германи|немецк|\bфрг\b", re.I), "DEU"),
    (re.compile(r"франц", re.I), "FRA"),
    (re.compile(r"британ", re.I), "GBR"),
    (re.compile(r"\bоаэ\b|эмират", re.I), "ARE"),
    (re.compile(r"киргиз", re.I), "KGZ"),
    (re.compile(r"белорус|беларус", re.I), "BLR"),
)


def sides_in(text: str) -> set[str]:
    """Every side named in a few words ("украинской и российской")."""
    return {side for pattern, side in _CONTEXT_SIDES if pattern.search(text)}


def side_of_context(words_before: str) -> str | None:
    """The first side named in the role words just before a person's name."""
    best: tuple[int, str] | None = None
    for pattern, side in _CONTEXT_SIDES:
        match = pattern.search(words_before)
        if match and (best is None or match.start() < best[0]):
            best = (match.start(), side)
    return best[1] if best else None
