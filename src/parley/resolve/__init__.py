"""One actor however spelled or declined.

Entry points:
- ``resolve_name(name, kind)``: a nominative name → its :class:`Actor`, from
  the knowledge base when it knows the name, else an automatic actor whose id
  is a stable slug of the folded surname and first name;
- ``automatic_person(first, surname, display)``: the automatic actor itself;
- ``actor_of(kb_actor)``: a knowledge-base entry as a record;
- ``role_holder(office, of, day)``: who held an office on a day ("президент
  США" in 2025 → Trump).
"""
from __future__ import annotations

import datetime as dt

from parley.records import Actor
from parley.resolve.kb import KbActor, knowledge_base
from parley.resolve.names import fold_key, latin_slug, nominative_candidates


def actor_of(entry: KbActor) -> Actor:
    return Actor(id=entry.id, name=entry.display, kind=entry.kind, country=entry.country)


def automatic_person(first: str | None, surname: str, display: str) -> Actor:
    """An actor the knowledge base does not know: "Павел Зарубин" → ``zarubin_pavel``."""
    slug = latin_slug(surname) or fold_key(surname) or surname.lower()
    if first:
        slug = f"{slug}_{latin_slug(first)}"
    return Actor(id=slug, name=display, kind="person", country=None)


def kb_person(words: list[str]) -> KbActor | None:
    """The knowledge-base person named by ``words`` (declined or not), if the first names agree."""
    kb = knowledge_base()
    if not words:
        return None
    ids: tuple[str, ...] = ()
    for key in nominative_candidates(words[-1]):
        ids = kb.by_surname.get(key, ())
        if ids:
            break
    for word in words[:-1]:
        keys = nominative_candidates(word)
        ids = tuple(i for i in ids if any(k in kb.name_words[i] for k in keys))
    return kb.actors[ids[0]] if ids else None


def resolve_name(name: str, kind: str = "person") -> Actor:
    kb = knowledge_base()
    words = name.split()
    if kind == "person":
        entry = kb_person(words)
        if entry is not None:
            return actor_of(entry)
        return automatic_person(words[0] if len(words) > 1 else None, words[-1] if words else name, name)
    keys = tuple(fold_key(w) for w in words)
    for _, actor_id, _ in kb.by_phrase.get(keys[0] if keys else "", ()):
        entry = kb.actors[actor_id]
        if any(tuple(fold_key(w) for w in n.split()) == keys for n in entry.names):
            return actor_of(entry)
    return Actor(id=latin_slug(name) or name, name=name, kind=kind)


def role_holder(office: str, of: str, day: dt.date | None) -> Actor | None:
    entry = knowledge_base().holder(office, of, day)
    return actor_of(entry) if entry else None
