"""The curated knowledge base of negotiation actors, shipped as package data.

``resolve/data/actors.jsonl`` holds one actor per line: an id, its kind
(person, country, organisation), its side (``country``), its names in Russian,
Ukrainian and English, and for persons the roles it held with their dates;
countries add the adjective stem ("американск"), capitals and seats of power
that stand for them in the news ("Вашингтон", "Кремль").

Entry point: ``knowledge_base()``, loaded and validated once per process; a
malformed line raises :class:`KnowledgeBaseError` naming the file and line.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from dataclasses import dataclass
from pathlib import Path

from parley.errors import KnowledgeBaseError
from parley.resolve.names import fold_key

DATA = Path(__file__).resolve().parent / "data" / "actors.jsonl"
KINDS = ("person", "country", "organisation")
_LANGS = ("ru", "uk", "en")
_KEYS = {"id", "kind", "country", "ru", "uk", "en", "roles", "adjective", "capital", "seat"}
_ROLE_KEYS = {"title", "office", "of", "from", "to"}


@dataclass(frozen=True, slots=True)
class KbRole:
    title: str  # nominative, as a newspaper writes it: "госсекретарь США"
    office: str  # a stable key: head_of_state, foreign_minister, special_envoy …
    of: str  # the country or organisation the office belongs to
    start: dt.date | None
    end: dt.date | None

    def held_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day < self.end)


@dataclass(frozen=True, slots=True)
class KbActor:
    id: str
    kind: str
    country: str
    names: tuple[str, ...]  # every spelling, Russian first; names[0] is the display name
    roles: tuple[KbRole, ...] = ()
    adjective: str = ""
    capitals: tuple[str, ...] = ()
    seats: tuple[str, ...] = ()
    ukrainian: tuple[str, ...] = ()  # its Ukrainian spellings ("Туреччина"), the first the one to write

    @property
    def display(self) -> str:
        return self.names[0]


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    actors: dict[str, KbActor]
    by_surname: dict[str, tuple[str, ...]]  # folded last word of a person's name → ids, file order
    name_words: dict[str, frozenset[str]]  # person id → folded words of all its names
    by_phrase: dict[str, tuple[tuple[tuple[str, ...], str, str], ...]]  # first word → (words, id, how)

    def holder(self, office: str, of: str, day: dt.date | None) -> KbActor | None:
        """Who held ``office`` of ``of`` on ``day`` (the current holder when the day is unknown)."""
        for actor in self.actors.values():
            for role in actor.roles:
                if role.office == office and role.of == of and (
                    role.held_on(day) if day else role.end is None
                ):
                    return actor
        return None


@functools.cache
def knowledge_base(path: Path = DATA) -> KnowledgeBase:
    return build(load_entries(path))


def load_entries(path: Path) -> list[KbActor]:
    entries: list[KbActor] = []
    seen: set[str] = set()
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            where = f"{path}:{lineno}"
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as error:
                raise KnowledgeBaseError(f"{where}: not valid JSON ({error.msg})") from None
            actor = _entry(raw, where)
            if actor.id in seen:
                raise KnowledgeBaseError(f"{where}: duplicate id {actor.id!r}")
            seen.add(actor.id)
            entries.append(actor)
    return entries


def _entry(raw: object, where: str) -> KbActor:
    if not isinstance(raw, dict):
        raise KnowledgeBaseError(f"{where}: an entry must be a JSON object")
    unknown = set(raw) - _KEYS
    if unknown:
        raise KnowledgeBaseError(f"{where}: unknown field(s) {sorted(unknown)}")
    actor_id = raw.get("id")
    if not isinstance(actor_id, str) or not actor_id.strip():
        raise KnowledgeBaseError(f"{where}: 'id' must be a non-empty string")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise KnowledgeBaseError(f"{where}: 'kind' of {actor_id!r} must be one of {', '.join(KINDS)}")
    country = raw.get("country")
    if not isinstance(country, str) or not country:
        raise KnowledgeBaseError(f"{where}: 'country' of {actor_id!r} must be a non-empty string")
    names: list[str] = []
    for lang in _LANGS:
        names += _strings(raw.get(lang, []), f"{where}: '{lang}' names of {actor_id!r}")
    if not _strings(raw.get("ru"), f"{where}: 'ru' names of {actor_id!r}"):
        raise KnowledgeBaseError(f"{where}: {actor_id!r} needs at least one Russian name in 'ru'")
    roles = raw.get("roles", [])
    if not isinstance(roles, list):
        raise KnowledgeBaseError(f"{where}: 'roles' of {actor_id!r} must be a list")
    adjective = raw.get("adjective", "")
    if not isinstance(adjective, str):
        raise KnowledgeBaseError(f"{where}: 'adjective' of {actor_id!r} must be a string")
    return KbActor(
        id=actor_id, kind=kind, country=country, names=tuple(dict.fromkeys(names)),
        roles=tuple(_role(r, f"{where}: role {i + 1} of {actor_id!r}") for i, r in enumerate(roles)),
        adjective=adjective,
        capitals=tuple(_strings(raw.get("capital", []), f"{where}: 'capital' of {actor_id!r}")),
        seats=tuple(_strings(raw.get("seat", []), f"{where}: 'seat' of {actor_id!r}")),
        ukrainian=tuple(_strings(raw.get("uk", []), f"{where}: 'uk' names of {actor_id!r}")),
    )


def _strings(value: object, what: str) -> list[str]:
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise KnowledgeBaseError(f"{what} must be a list of non-empty strings")
    return value


def _role(raw: object, what: str) -> KbRole:
    if not isinstance(raw, dict) or set(raw) - _ROLE_KEYS:
        raise KnowledgeBaseError(f"{what} must be an object with fields {sorted(_ROLE_KEYS)}")
    for key in ("title", "office", "of"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise KnowledgeBaseError(f"{what}: '{key}' must be a non-empty string")
    start, end = _date(raw.get("from"), what, "from"), _date(raw.get("to"), what, "to")
    if start and end and end < start:
        raise KnowledgeBaseError(f"{what}: 'to' {end} is before 'from' {start}")
    return KbRole(title=raw["title"], office=raw["office"], of=raw["of"], start=start, end=end)


def _date(value: object, what: str, key: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise KnowledgeBaseError(f"{what}: '{key}' must be a YYYY-MM-DD date or null, not {value!r}") from None


def build(entries: list[KbActor]) -> KnowledgeBase:
    by_surname: dict[str, list[str]] = {}
    name_words: dict[str, frozenset[str]] = {}
    by_phrase: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for actor in entries:
        if actor.kind == "person":
            words: set[str] = set()
            for name in actor.names:
                keys = [fold_key(w) for w in name.split() if fold_key(w)]
                words.update(keys)
                if keys and len(keys[-1]) >= 3 and actor.id not in by_surname.get(keys[-1], ()):
                    by_surname.setdefault(keys[-1], []).append(actor.id)
            name_words[actor.id] = frozenset(words)
            continue
        for how, names in (("name", actor.names), ("capital", actor.capitals), ("seat", actor.seats)):
            for name in names:
                keys = tuple(fold_key(w) for w in name.split())
                if all(keys):
                    by_phrase.setdefault(keys[0], []).append((keys, actor.id, how))
    return KnowledgeBase(
        actors={a.id: a for a in entries},
        by_surname={k: tuple(v) for k, v in by_surname.items()},
        name_words=name_words,
        by_phrase={k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in by_phrase.items()},
    )


def ids_named(query: str, kb: KnowledgeBase | None = None) -> tuple[str, ...]:
    """Ids of the actors a user's query names in any spelling the knowledge base knows: a whole name
    ("Стив Виткофф", "Steve Witkoff", "ФРГ") or a person's surname ("Виткофф"); not declined forms."""
    kb = kb or knowledge_base()
    key = fold_key(query)
    if not key:
        return ()
    whole = tuple(actor.id for actor in kb.actors.values() if any(fold_key(name) == key for name in actor.names))
    return whole or kb.by_surname.get(key, ())
