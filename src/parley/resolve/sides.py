"""Which side a word or a phrase names: one answer for every extractor, from the lexicon and the knowledge base.

- ``side_of_name(lemma)``, ``side_of_adjective(lemma)``, ``side_of_demonym(lemma)``:
  a parsed word ("россия", "американский", "украинец") → its side code;
  ``side_of_adjective_form(word)`` the same for an adjective in any form;
- ``compound_sides(lemma)``: "российско-американский" → ["RUS", "USA"];
- ``sides_in(text)`` / ``first_side(text)``: the sides raw words name
  ("представителя Кремля", "украинской и российской", "план Трампа"), found by
  the lexicon's stems of countries and organisations, and by the surname of a
  head of state the knowledge base knows;
- ``display(code)``: "USA" → "США".
"""
from __future__ import annotations

import functools
import re

from parley.lang import lexicon
from parley.resolve.kb import knowledge_base
from parley.resolve.names import nominative_candidates

RU = lexicon("ru")
COUNTRIES = RU.rows("sides", "countries")
ORGANISATIONS = RU.rows("roles", "organisations")

SIDE_NAMES = {name: row["code"] for row in COUNTRIES for name in row["names"]}
COUNTRY_ADJECTIVES = {adjective: row["code"] for row in COUNTRIES for adjective in row["adjectives"]}
SIDE_ADJECTIVES = COUNTRY_ADJECTIVES | {a: row["code"] for row in COUNTRIES for a in row["capital_adjectives"]}
DEMONYMS = {demonym: row["code"] for row in COUNTRIES for demonym in row["demonyms"]}
COMPOUND_PARTS = {part: row["code"] for row in COUNTRIES for part in row["compounds"]}
SIDE_DISPLAY = {row["code"]: row["display"] for row in COUNTRIES}

_LETTER = "а-яёa-z"


def stem_pattern(stem: str) -> str:
    """Up to three letters: a whole word; longer: a word start; several words: each a word start."""
    words = stem.split()
    body = rf"[{_LETTER}]*\s+".join(re.escape(w) for w in words)
    whole = len(words) == 1 and len(stem) <= 3
    return rf"(?<![{_LETTER}]){body}" + (rf"(?![{_LETTER}])" if whole else "")


def _stem_table(organisations: bool) -> tuple[re.Pattern, list[str]]:
    stems = [(stem, row["code"]) for row in COUNTRIES for stem in row["stems"]]
    if organisations:
        stems += [(stem, row["country"]) for row in ORGANISATIONS if row["country"] for stem in row["stems"]]
    stems.sort(key=lambda s: -len(s[0]))
    pattern = "|".join(f"(?P<s{n}>{stem_pattern(stem)})" for n, (stem, _) in enumerate(stems))
    return re.compile(pattern), [side for _, side in stems]


_STEMS, _STEM_SIDES = _stem_table(organisations=True)
_COUNTRY_STEMS, _COUNTRY_SIDES = _stem_table(organisations=False)
_CAPITALISED = re.compile(r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)?")


def side_of_name(lemma: str) -> str | None:
    return SIDE_NAMES.get(lemma)


def side_of_adjective(lemma: str) -> str | None:
    return SIDE_ADJECTIVES.get(lemma)


@functools.cache
def _adjective_stems() -> tuple[re.Pattern, dict[str, str]]:
    """Stems of side adjectives, from the lexicon ("американск") joined with the knowledge base's."""
    stems = {adjective[:-2]: code for adjective, code in COUNTRY_ADJECTIVES.items()}
    for actor in knowledge_base().actors.values():
        if actor.adjective:
            stems.setdefault(actor.adjective, actor.id)
    return re.compile("^(" + "|".join(sorted(map(re.escape, stems), key=len, reverse=True)) + ")"), stems


@functools.lru_cache(maxsize=65536)
def side_of_adjective_form(word: str) -> str | None:
    """The side a country's adjective names in any form: "американской" → USA (not "московской")."""
    pattern, stems = _adjective_stems()
    m = pattern.match(word.lower().replace("ё", "е"))
    return stems[m.group(1)] if m else None


def side_of_demonym(lemma: str) -> str | None:
    return DEMONYMS.get(lemma)


def compound_sides(lemma: str) -> list[str]:
    """"российско-американский" → ["RUS", "USA"]; [] unless every part names a side."""
    parts = lemma.split("-")
    if len(parts) < 2:
        return []
    sides = [COMPOUND_PARTS.get(p) for p in parts[:-1]]
    last = SIDE_ADJECTIVES.get(parts[-1]) or next(
        (v for k, v in SIDE_ADJECTIVES.items() if parts[-1].startswith(k[:6])), None)
    return [*sides, last] if all(sides) and last else []  # type: ignore[list-item]


def display(code: str) -> str:
    return SIDE_DISPLAY.get(code, code)


@functools.lru_cache(maxsize=65536)
def _leader_side(word: str) -> str | None:
    """The side of a head of state the knowledge base knows by this surname ("Трампа" → USA)."""
    kb = knowledge_base()
    for key in nominative_candidates(word):
        for actor_id in kb.by_surname.get(key, ()):
            actor = kb.actors[actor_id]
            if any(role.office == "head_of_state" for role in actor.roles):
                return actor.country
    return None


@functools.lru_cache(maxsize=65536)
def _found(text: str) -> tuple[tuple[int, str], ...]:
    low = text.lower().replace("ё", "е")
    found = [(m.start(), _STEM_SIDES[int(m.lastgroup[1:])]) for m in _STEMS.finditer(low)]  # type: ignore[index]
    for m in _CAPITALISED.finditer(text):
        side = _leader_side(m.group())
        if side is not None:
            found.append((m.start(), side))
    return tuple(sorted(found))


def country_named(text: str) -> str | None:
    """The first country (not an organisation, not a person) the words name: "России", "американского"."""
    m = _COUNTRY_STEMS.search(text.lower().replace("ё", "е"))
    return _COUNTRY_SIDES[int(m.lastgroup[1:])] if m else None  # type: ignore[index]


def sides_in(text: str) -> set[str]:
    """Every side the words name ("украинской и российской" → {"UKR", "RUS"})."""
    return {side for _, side in _found(text)}


def first_side(text: str) -> str | None:
    """The first side the words name, left to right."""
    found = _found(text)
    return found[0][1] if found else None
