"""What the query commands do with their arguments before the store sees them.

- ``valid_date``: the ``--from``/``--to`` callback; a date that is not ``YYYY-MM-DD`` or ``YYYY-MM`` (or
  is no real day) is a usage error, exit 2.
- ``valid_name``: the callback of an actor name; a blank one is a usage error.
- ``known_actor_ids``: the knowledge base's ids for any spelling, case form or transliteration of a name
  ("Виткофф", "Witkoff", "Уиткоффа" → ``witkoff``), the fallback when the stored spellings match nothing.
- ``known_spellings``: every name the knowledge base knows an actor by.
- ``event_filters``: the actor queries to try in turn, what the user typed first.
- ``TopicName``: the ``--topic`` choices, the records' topic vocabulary;
- ``SourceLanguage``: the ``--lang`` choices, the languages articles are read in.
"""
from __future__ import annotations

import datetime as dt
import re
from enum import Enum

import typer

from parley.records import TOPICS

TopicName = Enum("TopicName", {topic: topic for topic in TOPICS}, type=str)
SourceLanguage = Enum("SourceLanguage", {"ru": "ru", "uk": "uk"}, type=str)
TOPIC_HELP = "Only meetings that dealt with this topic: " + ", ".join(TOPICS) + "."
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MONTH = re.compile(r"\d{4}-\d{2}")


def valid_date(value: str | None) -> str | None:
    if value is None:
        return None
    text = value.strip()
    try:
        if _DAY.fullmatch(text):
            dt.date.fromisoformat(text)
            return text
        if _MONTH.fullmatch(text):
            dt.date.fromisoformat(f"{text}-01")
            return text
    except ValueError:
        raise typer.BadParameter(f"{value!r} is no real date; give YYYY-MM-DD or YYYY-MM") from None
    raise typer.BadParameter(f"{value!r} is not a date; give YYYY-MM-DD or YYYY-MM (2026-01-20, 2026-01)")


def valid_name(value: str | None) -> str | None:
    if value is not None and not any(ch.isalnum() for ch in value):
        raise typer.BadParameter(f"{value!r} names no one; give an actor id or a name")
    return value.strip() if value else value


def known_actor_ids(query: str) -> tuple[str, ...]:
    """Knowledge-base ids a user's query names: a whole name or surname in any spelling the knowledge
    base lists, or a declined one ("Уиткоффа", "Путина")."""
    from parley.resolve import kb_person, resolve_name
    from parley.resolve.kb import ids_named, knowledge_base

    ids = ids_named(query)
    if ids:
        return ids
    entry = kb_person(query.split())
    if entry is not None:
        return (entry.id,)
    found = resolve_name(query, "country")
    return (found.id,) if found.id in knowledge_base().actors else ()


def known_spellings(actor_id: str) -> tuple[str, ...]:
    from parley.resolve.kb import knowledge_base

    entry = knowledge_base().actors.get(actor_id)
    return entry.names if entry else ()


def event_filters(actor: str | None) -> list[str | None]:
    """The actor queries to try in turn: what the user typed, then the knowledge base's ids for it."""
    if not actor:
        return [None]
    return [actor, *(i for i in known_actor_ids(actor) if i != actor)]
