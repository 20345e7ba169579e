"""A small gazetteer shipped with the package: a place's nominative name, kind, country and coordinates.

Entry point: ``gazetteer()`` → :class:`Gazetteer`, loaded once from
``data/places.tsv``. Keys are lower-case lemma sequences as the NLP layer writes
them ("белый дом", "абу-даби"); ``adj:`` keys name a place by its adjective
("женевский" → Женева). A malformed line raises :class:`KnowledgeBaseError`
naming the file and line.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from parley.errors import KnowledgeBaseError

KIND_RANK = {"venue": 0, "capital": 1, "city": 1, "region": 2, "country": 3}  # lower is more specific
DATA_FILE = "places.tsv"


@dataclass(frozen=True, slots=True)
class Place:
    name: str  # nominative, as written in Russian news
    kind: str  # venue | capital | city | region | country

    @property
    def seat_of_power(self) -> bool:
        """A capital or a venue: a visit there is a visit to its country's side."""
        return self.kind in ("venue", "capital")
    country: str  # ISO 3166 alpha-3
    lat: float
    lon: float

    @property
    def rank(self) -> int:
        return KIND_RANK[self.kind]


@dataclass(frozen=True, slots=True)
class Gazetteer:
    by_key: dict[str, Place]
    by_adjective: dict[str, Place]
    by_name: dict[str, Place]
    longest_key: int  # in words

    def lookup(self, key: str) -> Place | None:
        return self.by_key.get(key.lower().replace("ё", "е"))

    def adjective(self, lemma: str) -> Place | None:
        return self.by_adjective.get(lemma.lower().replace("ё", "е"))

    def named(self, name: str) -> Place | None:
        return self.by_name.get(name) or self.lookup(name)

    def country(self, code: str) -> Place | None:
        return next((p for p in self.by_name.values() if p.kind == "country" and p.country == code), None)

    def capital_of(self, country: str) -> Place | None:
        return next((p for p in self.by_name.values() if p.kind == "capital" and p.country == country), None)


def parse_lines(lines: list[str], source: str = DATA_FILE) -> Gazetteer:
    by_key: dict[str, Place] = {}
    by_adjective: dict[str, Place] = {}
    by_name: dict[str, Place] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.rstrip("\n").split("\t")
        if len(cells) != 6 or cells[1] not in KIND_RANK:
            raise KnowledgeBaseError(f"{source}:{number}: expected 6 tab-separated cells with a known kind")
        name, kind, country, lat, lon, aliases = cells
        try:
            place = Place(name, kind, country, float(lat), float(lon))
        except ValueError as exc:
            raise KnowledgeBaseError(f"{source}:{number}: latitude and longitude must be numbers") from exc
        by_name[name] = place
        for alias in [name.lower(), *aliases.split("|")]:
            alias = alias.strip().lower().replace("ё", "е")
            if alias.startswith("adj:"):
                by_adjective[alias[4:]] = place
            elif alias:
                by_key.setdefault(alias, place)
    longest = max((len(k.split()) for k in by_key), default=1)
    return Gazetteer(by_key, by_adjective, by_name, longest)


@functools.cache
def gazetteer() -> Gazetteer:
    text = resources.files("parley.resolve").joinpath("data", DATA_FILE).read_text(encoding="utf-8")
    return parse_lines(text.splitlines())
