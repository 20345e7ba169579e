"""The words of a language, as data: one lexicon per language in ``parley/lang/<lang>/``.

Entry point: ``lexicon(lang)``, loaded and validated once per process. Each
``<kind>.json`` file (meetings, status, roles, sides, dates, places, quotes,
grammar) maps an entry name to one of three shapes, each with an ``about``
line saying what the words are for:

- ``{"about": …, "words": [...]}``: a list of lemmas or stems (``words`` gives
  a set, ``sequence`` the list in file order, for prefixes tried in turn);
- ``{"about": …, "map": {word: value}}``: words with a value (a meeting kind,
  a side code, a day shift);
- ``{"about": …, "rows": [{…}, …]}``: records, one per country, organisation or
  pattern, whose fields ``ROW_FIELDS`` lists.

Any entry may add ``examples``: sentences in our own words that show what its
words do, each with what extraction must find in it (``EXAMPLE_FIELDS``: the
meeting's parties, status, kind, place, date, or how many meetings); the tests
run every example.

The format is described for lexicon writers in docs/lexicon.md. A malformed
file raises :class:`LexiconError` naming the file and the entry.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Mapping

from parley.errors import LexiconError

HERE = Path(__file__).resolve().parent
KINDS = ("meetings", "status", "roles", "sides", "dates", "places", "quotes", "grammar", "topics", "tone", "talks")
SHAPES = ("words", "map", "rows")
# What an example may expect of the one meeting its text states (or "meetings": how many it states), or,
# with "person", of that person's role.
EXAMPLE_FIELDS: dict[str, type] = {"text": str, "parties": list, "status": str, "kind": str, "place": str,
                                   "date": str, "meetings": int, "person": str, "role": str, "title": str,
                                   "organization": str, "country": str}
ROLE_EXAMPLE_FIELDS = frozenset({"person", "role", "title", "organization", "country"})
# The publication date examples are read against ("вчера", "в четверг").
EXAMPLE_PUBLISHED = "2026-02-01"

# Fields of the rows of each record table: name → (type, required).
ROW_FIELDS: dict[tuple[str, str], dict[str, tuple[type, bool]]] = {
    ("sides", "countries"): {
        "code": (str, True), "display": (str, True), "names": (list, False), "adjectives": (list, False),
        "capital_adjectives": (list, False), "demonyms": (list, False), "compounds": (list, False), "stems": (list, False),
    },
    ("sides", "name_phrases"): {"words": (list, True), "code": (str, True), "tails": (list, False)},
    ("roles", "organisations"): {
        "name": (str, True), "stems": (list, True), "country": (str, False), "head_office": (str, False),
        "spokesman_office": (str, False),
    },
    ("roles", "offices"): {"head": (str, True), "office": (str, True)},
}

# Maps whose values are space-separated tags from a fixed set.
TAGS: dict[tuple[str, str], frozenset[str]] = {
    ("roles", "words"): frozenset({"head", "generic", "relational", "rank", "title", "owner", "envoy", "principal",
                                   "plural_official", "keyed", "office_head", "spokesman", "courtesy"}),
    ("roles", "holder_adjectives"): frozenset({"passing", "epithet"}),
    ("meetings", "light_nouns"): frozenset({"frame", "holding"}),
}


@dataclass(frozen=True, slots=True)
class Lexicon:
    lang: str
    entries: Mapping[tuple[str, str], Mapping[str, Any]]

    def _entry(self, kind: str, key: str, shape: str) -> Any:
        entry = self.entries.get((kind, key))
        if entry is None or shape not in entry:
            raise LexiconError(f"lexicon {self.lang!r}: {kind}.json has no {shape!r} entry {key!r}")
        return entry[shape]

    def words(self, kind: str, key: str) -> frozenset[str]:
        return frozenset(self._entry(kind, key, "words"))

    def sequence(self, kind: str, key: str) -> tuple[str, ...]:
        return tuple(self._entry(kind, key, "words"))

    def mapping(self, kind: str, key: str) -> Mapping[str, Any]:
        return self._entry(kind, key, "map")

    def tagged(self, kind: str, key: str, tag: str) -> frozenset[str]:
        """The words of a tagged map that carry ``tag``."""
        if tag not in TAGS.get((kind, key), ()):
            raise LexiconError(f"lexicon {self.lang!r}: {kind}.{key} has no tag {tag!r}")
        return frozenset(w for w, tags in self.mapping(kind, key).items() if tag in tags.split())

    def examples(self) -> tuple[tuple[str, str, Mapping[str, Any]], ...]:
        """(kind, entry, example) for every example of every entry, in file order."""
        return tuple((kind, key, example) for (kind, key), entry in self.entries.items()
                     for example in entry.get("examples", ()))

    def rows(self, kind: str, key: str) -> tuple[Mapping[str, Any], ...]:
        return self._entry(kind, key, "rows")


def languages() -> tuple[str, ...]:
    """The languages that have a lexicon folder."""
    return tuple(sorted(p.name for p in HERE.iterdir() if p.is_dir() and any(p.glob("*.json"))))


@functools.cache
def lexicon(lang: str = "ru") -> Lexicon:
    folder = HERE / lang
    if not folder.is_dir():
        raise LexiconError(f"no lexicon for language {lang!r} (looked in {folder})")
    return load(folder, lang)


def load(folder: Path, lang: str) -> Lexicon:
    entries: dict[tuple[str, str], Mapping[str, Any]] = {}
    for kind in KINDS:
        path = folder / f"{kind}.json"
        if not path.exists():
            raise LexiconError(f"{path}: missing (every lexicon has {', '.join(k + '.json' for k in KINDS)})")
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise LexiconError(f"{path}: not valid JSON ({error.msg}, line {error.lineno})") from None
        if not isinstance(raw, dict):
            raise LexiconError(f"{path}: must be a JSON object of entries")
        for key, entry in raw.items():
            entries[(kind, key)] = _entry(entry, kind, key, f"{path}: entry {key!r}")
    return Lexicon(lang, MappingProxyType(entries))


def _entry(entry: object, kind: str, key: str, where: str) -> Mapping[str, Any]:
    if not isinstance(entry, dict):
        raise LexiconError(f"{where} must be an object")
    if not isinstance(entry.get("about"), str) or not entry["about"].strip():
        raise LexiconError(f"{where} needs an 'about' line saying what its words are for")
    shapes = [s for s in SHAPES if s in entry]
    extra = set(entry) - {"about", "examples", *SHAPES}
    if len(shapes) != 1 or extra:
        raise LexiconError(f"{where} must have 'about' and exactly one of {', '.join(SHAPES)} (and may have examples)")
    examples = tuple(_example(e, f"{where} example {n + 1}") for n, e in enumerate(_list(entry.get("examples", []), where)))
    checked = _shape(entry, kind, key, where, shapes[0])
    return {**checked, "examples": examples} if examples else checked


def _list(value: object, where: str) -> list:
    if not isinstance(value, list):
        raise LexiconError(f"{where}: 'examples' must be a list")
    return value


def _example(example: object, where: str) -> Mapping[str, Any]:
    if not isinstance(example, dict) or not isinstance(example.get("text"), str) or not example["text"].strip():
        raise LexiconError(f"{where} must be an object with a 'text'")
    for name, value in example.items():
        kind = EXAMPLE_FIELDS.get(name)
        if kind is None:
            raise LexiconError(f"{where}: unknown field {name!r} (known: {', '.join(EXAMPLE_FIELDS)})")
        if not isinstance(value, kind) or isinstance(value, bool):
            raise LexiconError(f"{where}: {name!r} must be a {kind.__name__}")
    if len(example) < 2:
        raise LexiconError(f"{where}: says nothing that extraction must find")
    fields = set(example) - {"text"}
    if fields & ROLE_EXAMPLE_FIELDS and (fields - ROLE_EXAMPLE_FIELDS or "person" not in example):
        raise LexiconError(f"{where}: an example of a role names its 'person' and expects only "
                           f"{', '.join(sorted(ROLE_EXAMPLE_FIELDS - {'person'}))}")
    return MappingProxyType(dict(example))


def _shape(entry: dict, kind: str, key: str, where: str, shape: str) -> Mapping[str, Any]:
    value = entry[shape]
    if shape == "words":
        words = _strings(value, where)
        if len(set(words)) != len(words):
            twice = sorted({w for w in words if words.count(w) > 1})
            raise LexiconError(f"{where}: repeated word(s) {twice}")
        return {"about": entry["about"], "words": tuple(words)}
    if shape == "map":
        if not isinstance(value, dict) or not all(isinstance(k, str) and k.strip() for k in value):
            raise LexiconError(f"{where}: 'map' must be an object with non-empty keys")
        if not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in value.values()):
            raise LexiconError(f"{where}: 'map' values must be strings or integers")
        known = TAGS.get((kind, key))
        if known is not None:
            for word, tags in value.items():
                wrong = set(str(tags).split()) - known
                if wrong or not str(tags).split():
                    raise LexiconError(f"{where}: {word!r} has unknown tag(s) {sorted(wrong)} "
                                       f"(known: {', '.join(sorted(known))})")
        return {"about": entry["about"], "map": MappingProxyType(dict(value))}
    fields = ROW_FIELDS.get((kind, key))
    if fields is None:
        raise LexiconError(f"{where}: no row table of that name (known: "
                           f"{', '.join(f'{k}.{n}' for k, n in ROW_FIELDS)})")
    if not isinstance(value, list):
        raise LexiconError(f"{where}: 'rows' must be a list")
    return {"about": entry["about"], "rows": tuple(_row(r, fields, f"{where} row {n + 1}") for n, r in enumerate(value))}


def _row(row: object, fields: dict[str, tuple[type, bool]], where: str) -> Mapping[str, Any]:
    if not isinstance(row, dict):
        raise LexiconError(f"{where} must be an object")
    unknown = set(row) - set(fields)
    if unknown:
        raise LexiconError(f"{where}: unknown field(s) {sorted(unknown)}")
    out: dict[str, Any] = {}
    for name, (kind, required) in fields.items():
        if name not in row:
            if required:
                raise LexiconError(f"{where}: needs {name!r}")
            out[name] = () if kind is list else None
            continue
        value = row[name]
        if kind is list:
            out[name] = tuple(_strings(value, f"{where} field {name!r}"))
        elif not isinstance(value, str) or not value.strip():
            raise LexiconError(f"{where}: {name!r} must be a non-empty string")
        else:
            out[name] = value
    return MappingProxyType(out)


def _strings(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() == v and v for v in value):
        raise LexiconError(f"{where}: must be a list of non-empty strings without surrounding spaces")
    return value
