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

The functions answer from the Russian lexicon; ``sides_for(lang)`` gives the
same answers from another language's lexicon (a :class:`SideResolver` built
from its rows: adding a country is one row).
"""
from __future__ import annotations

import functools
import re

from parley.lang import Lexicon, lexicon
from parley.resolve.kb import knowledge_base
from parley.resolve.names import nominative_candidates

_LETTER = "а-яёіїєґa-z"
_CAPITALISED = re.compile(r"[А-ЯЁІЇЄҐ][а-яёіїєґ]+(?:-[А-ЯЁІЇЄҐ]?[а-яёіїєґ]+)?")


def stem_pattern(stem: str) -> str:
    """Up to three letters: a whole word; longer: a word start; several words: each a word start."""
    words = stem.split()
    body = rf"[{_LETTER}]*\s+".join(re.escape(w) for w in words)
    whole = len(words) == 1 and len(stem) <= 3
    return rf"(?<![{_LETTER}]){body}" + (rf"(?![{_LETTER}])" if whole else "")


def _fold(text: str) -> str:
    return text.lower().replace("ё", "е")


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


class SideResolver:
    """Every side question, answered from one language's lexicon (countries and organisations) and the
    knowledge base."""

    def __init__(self, lex: Lexicon) -> None:
        self.countries = lex.rows("sides", "countries")
        self.organisations = lex.rows("roles", "organisations")
        rows = self.countries
        self.names = {name: row["code"] for row in rows for name in row["names"]}
        self.country_adjectives = {adjective: row["code"] for row in rows for adjective in row["adjectives"]}
        self.adjectives = self.country_adjectives | {a: row["code"] for row in rows for a in row["capital_adjectives"]}
        self.demonyms = {demonym: row["code"] for row in rows for demonym in row["demonyms"]}
        self.compound_parts = {part: row["code"] for row in rows for part in row["compounds"]}
        self.display_names = {row["code"]: row["display"] for row in rows}
        phrases = lex.rows("sides", "name_phrases")
        self.name_phrases = {tuple(row["words"]): row["code"] for row in phrases}
        self.name_tails = {(row["words"][-1], tail) for row in phrases for tail in row["tails"]}
        self.phrase_ends = frozenset(row["words"][-1] for row in phrases)
        self._stems, self._stem_sides = self._stem_table(organisations=True)
        self._country_stems, self._country_sides = self._stem_table(organisations=False)
        self._adjective_forms: tuple[re.Pattern, dict[str, str]] | None = None
        self.first_side = functools.lru_cache(maxsize=65536)(self._first_side)
        self.side_of_adjective_form = functools.lru_cache(maxsize=65536)(self._side_of_adjective_form)
        self._found = functools.lru_cache(maxsize=65536)(self._find)

    def _stem_table(self, organisations: bool) -> tuple[re.Pattern, list[str]]:
        stems = [(stem, row["code"]) for row in self.countries for stem in row["stems"]]
        if organisations:
            stems += [(stem, row["country"]) for row in self.organisations if row["country"] for stem in row["stems"]]
        stems.sort(key=lambda s: -len(s[0]))
        pattern = "|".join(f"(?P<s{n}>{stem_pattern(stem)})" for n, (stem, _) in enumerate(stems))
        return re.compile(pattern or "(?!)"), [side for _, side in stems]

    def side_of_name(self, lemma: str) -> str | None:
        return self.names.get(lemma)

    def side_of_adjective(self, lemma: str) -> str | None:
        return self.adjectives.get(lemma)

    def side_of_name_at(self, lemmas: list[str], i: int) -> str | None:
        """The side the name ending at lemma ``i`` names: "соединенный штат" → USA at "штат"; None at
        "штат" alone, and at "америка" after "соединенный штат" (counted once, at "Штаты")."""
        lemma = lemmas[i]
        if i > 0 and (lemmas[i - 1], lemma) in self.name_phrases:
            return self.name_phrases[(lemmas[i - 1], lemma)]
        if i > 1 and (lemmas[i - 2], lemmas[i - 1]) in self.name_phrases and (lemmas[i - 1], lemma) in self.name_tails:
            return None
        if lemma in self.phrase_ends:
            return None
        return self.names.get(lemma)

    def side_of_demonym(self, lemma: str) -> str | None:
        return self.demonyms.get(lemma)

    def _side_of_adjective_form(self, word: str) -> str | None:
        """The side a country's adjective names in any form: "американской" → USA (not "московской"); the
        lexicon's adjectives joined with the knowledge base's stems."""
        if self._adjective_forms is None:
            stems = {adjective[:-2]: code for adjective, code in self.country_adjectives.items()}
            for actor in knowledge_base().actors.values():
                if actor.adjective:
                    stems.setdefault(actor.adjective, actor.id)
            pattern = "|".join(sorted(map(re.escape, stems), key=len, reverse=True))
            self._adjective_forms = re.compile(f"^({pattern or '(?!)'})"), stems
        pattern, stems = self._adjective_forms
        m = pattern.match(_fold(word))
        return stems[m.group(1)] if m else None

    def compound_sides(self, lemma: str) -> list[str]:
        """"российско-американский" → ["RUS", "USA"]; [] unless every part names a side."""
        parts = lemma.split("-")
        if len(parts) < 2:
            return []
        sides = [self.compound_parts.get(p) for p in parts[:-1]]
        last = self.adjectives.get(parts[-1]) or next(
            (v for k, v in self.adjectives.items() if parts[-1].startswith(k[:6])), None)
        return [*sides, last] if all(sides) and last else []  # type: ignore[list-item]

    def display(self, code: str) -> str:
        return self.display_names.get(code, code)

    def _find(self, text: str) -> tuple[tuple[int, str], ...]:
        found = [(m.start(), self._stem_sides[int(m.lastgroup[1:])])  # type: ignore[index]
                 for m in self._stems.finditer(_fold(text))]
        for m in _CAPITALISED.finditer(text):
            side = _leader_side(m.group())
            if side is not None:
                found.append((m.start(), side))
        return tuple(sorted(found))

    def country_named(self, text: str) -> str | None:
        """The first country (not an organisation, not a person) the words name: "России", "американского"."""
        m = self._country_stems.search(_fold(text))
        return self._country_sides[int(m.lastgroup[1:])] if m else None  # type: ignore[index]

    def sides_in(self, text: str) -> set[str]:
        """Every side the words name ("украинской и российской" → {"UKR", "RUS"})."""
        return {side for _, side in self._found(text)}

    def _first_side(self, text: str) -> str | None:
        """The first side the words name, left to right."""
        found = self._found(text)
        return found[0][1] if found else None


@functools.cache
def sides_for(lang: str = "ru") -> SideResolver:
    return SideResolver(lexicon(lang))


_RU = sides_for("ru")
COUNTRIES = _RU.countries
ORGANISATIONS = _RU.organisations
SIDE_NAMES = _RU.names
SIDE_ADJECTIVES = _RU.adjectives
SIDE_DISPLAY = _RU.display_names
side_of_name = _RU.side_of_name
side_of_name_at = _RU.side_of_name_at
side_of_adjective = _RU.side_of_adjective
side_of_adjective_form = _RU.side_of_adjective_form
side_of_demonym = _RU.side_of_demonym
compound_sides = _RU.compound_sides
display = _RU.display
country_named = _RU.country_named
sides_in = _RU.sides_in
first_side = _RU.first_side
