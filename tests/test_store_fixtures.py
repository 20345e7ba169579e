"""Fresh databases on both backends, and small extraction records built by hand (no NLP needed)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import os

import pytest

from parley.records import (Actor, ActorMention, Assessment, DatePrecision, Document, Evidence, Extraction, Meeting,
                            MeetingStatus, Quote, Role, Tone, Topic)

BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]

WITKOFF = Actor("witkoff", "Стив Уиткофф", "person", "USA")
KUSHNER = Actor("kushner", "Джаред Кушнер", "person", "USA")
DMITRIEV = Actor("dmitriev", "Кирилл Дмитриев", "person", "RUS")
UMEROV = Actor("umerov", "Рустем Умеров", "person", "UKR")
PUTIN = Actor("putin", "Владимир Путин", "person", "RUS")
PESKOV = Actor("peskov", "Дмитрий Песков", "person", "RUS")
ACTORS = {a.id: a for a in (WITKOFF, KUSHNER, DMITRIEV, UMEROV, PUTIN, PESKOV)}


_PG_MIGRATED: set[str] = set()


def fresh_url(backend: str, tmp_path, empty: bool = False) -> str:
    """A database with nothing in it; on PostgreSQL the schema is kept between tests and its tables
    emptied (much faster than migrating again), unless ``empty`` asks for no schema at all."""
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'record.db'}"
    url = os.environ.get("PARLEY_TEST_PG")
    if not url:
        pytest.skip("PARLEY_TEST_PG is unset: no PostgreSQL server to test against (.ci/run starts one)")
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    with engine.begin() as conn:
        tables = [t for t in inspect(conn).get_table_names() if t != "alembic_version"]
        if empty or url not in _PG_MIGRATED or not tables:
            conn.execute(text("DROP SCHEMA public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
            _PG_MIGRATED.discard(url)
        else:
            conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
    engine.dispose()
    if not empty and url not in _PG_MIGRATED:
        from parley.store import Store

        Store.open(url).close()
        _PG_MIGRATED.add(url)
    return url


def document(doc_id: str, text: str, published: str, title: str | None = None) -> Document:
    return Document(doc_id=doc_id, text=text, published=dt.date.fromisoformat(published),
                    url=f"https://news.example/{doc_id}", title=title, source=f"{doc_id}.txt",
                    content_hash=f"hash-{doc_id}-{len(text)}")


def meeting_report(doc_id: str, text: str, published: str, participants: list[str], status: str = "held",
                   date: str | None = None, place: str | None = None, quote: str | None = None,
                   role: str | None = None, kind: str = "talks") -> Extraction:
    """One article stating one meeting in its first sentence."""
    doc = document(doc_id, text, published)
    first = text.find(".") + 1 or len(text)
    actors = tuple(ACTORS[p] for p in participants)
    mentions = []
    for actor in actors:
        surname = actor.name.split()[-1][:5]
        at = text.find(surname)
        if at >= 0:
            end = at + len(text[at:].split()[0].strip(".,"))
            mentions.append(ActorMention(at, end, text[at:end], actor.name, actor))
    precision = DatePrecision.DAY if date and len(date) == 10 else DatePrecision.MONTH if date else DatePrecision.UNKNOWN
    meeting = Meeting(actors, tuple(a.name for a in actors), place, date, precision, MeetingStatus(status),
                      Evidence(0, first), kind)
    quotes, roles = (), ()
    if quote:
        at = text.index(quote)
        quotes = (Quote(actors[0], actors[0].name, quote, at, at + len(quote), Evidence(first, len(text))),)
    if role:
        roles = (Role(actors[0], actors[0].name, role, Evidence(0, first)),)
    return Extraction(document=doc, actors=tuple(mentions), meetings=(meeting,), quotes=quotes, roles=roles)


def with_talk(extraction: Extraction, topics: tuple[tuple[str, str], ...] = (),
              assessments: tuple[tuple[str, str, str], ...] = ()) -> Extraction:
    """The article's (first) meeting with topics ``(topic, words)`` and assessments ``(judge id, tone, words)``,
    each pointing at the first place its words occur in the text."""
    text = extraction.document.text

    def span(words: str) -> Evidence:
        at = text.index(words)
        return Evidence(at, at + len(words))

    meeting = dataclasses.replace(
        extraction.meetings[0],
        topics=tuple(Topic(topic, span(words)) for topic, words in topics),
        assessments=tuple(Assessment(ACTORS[judge], ACTORS[judge].name, Tone(tone), span(words))
                          for judge, tone, words in assessments))
    return dataclasses.replace(extraction, meetings=(meeting, *extraction.meetings[1:]))
