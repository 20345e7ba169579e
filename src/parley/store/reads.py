"""Read queries: events, actors, search, and the rows fusion and reprocessing read back.

Results never depend on the backend: wherever text is ordered, it is ordered
bytewise (PostgreSQL's default collation differs from SQLite's) or in Python.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import Connection, func, select, text

from parley.fuse.records import Participant, Report
from parley.records import (Actor, ActorMention, DatePrecision, Document, Evidence, Extraction, Meeting,
                            MeetingStatus, Quote, Role)
from parley.resolve.offices import role_parts
from parley.store import assessmentrows, schema as t
from parley.store.eventrows import event_dicts
from parley.store.stemmer import STOPWORDS, stem, words

__all__ = ["event_dicts"]


def fold(value: str) -> str:
    return " ".join(value.casefold().replace("ё", "е").split())


# --- fusion and reprocessing --------------------------------------------------


def load_reports(conn: Connection, condition=None) -> list[Report]:
    """Stored meetings as fusion reads them; ``condition`` filters on ``meetings`` and ``documents``."""
    m, d, p, a = t.meetings, t.documents, t.meeting_participants, t.actors
    people: dict[int, list[Participant]] = defaultdict(list)
    query = (select(p.c.meeting_id, p.c.actor_id, func.coalesce(a.c.name, p.c.name).label("name"), a.c.country)
             .join(a, a.c.id == p.c.actor_id, isouter=True).order_by(p.c.meeting_id, p.c.position))
    if condition is not None:
        query = query.join(m, m.c.id == p.c.meeting_id).join(d, d.c.doc_id == m.c.doc_id).where(condition)
    for row in conn.execute(query):
        people[row.meeting_id].append(Participant(row.actor_id, row.name, row.country))
    query = select(m, d.c.published, d.c.agency, d.c.signature).join(d, d.c.doc_id == m.c.doc_id).order_by(m.c.id)
    if condition is not None:
        query = query.where(condition)
    topics, judged = assessmentrows.load_report_facts(conn, condition)
    return [Report(meeting_id=r.id, doc_id=r.doc_id, seq=r.seq, published=r.published,
                   participants=tuple(people.get(r.id, ())), place=r.place, date=r.date, date_end=r.date_end,
                   date_precision=r.date_precision, status=r.status, kind=r.kind,
                   evidence_start=r.evidence_start, evidence_stop=r.evidence_stop, evidence_text=r.evidence_text,
                   background=bool(r.background), agency=r.agency, signature=r.signature,
                   topics=topics.get(r.id, ()), assessments=judged.get(r.id, ()))
            for r in conn.execute(query)]


def _role(actor: Actor, row, evidence: Evidence) -> Role:
    """A stored role; one stored before roles were taken apart (no title) is taken apart as extraction does."""
    if row.title is None:
        parts = role_parts(row.role)
        return Role(actor, row.name, row.role, evidence, parts.title, parts.organization, parts.country)
    return Role(actor, row.name, row.role, evidence, row.title, row.organization, row.country)


def load_extractions(conn: Connection, doc_ids: list[str]) -> list[Extraction]:
    actors = {r.id: Actor(r.id, r.name, r.kind, r.country) for r in conn.execute(select(t.actors))}

    def rows(table, order):
        grouped = defaultdict(list)
        for row in conn.execute(select(table).where(table.c.doc_id.in_(doc_ids)).order_by(*order)):
            grouped[row.doc_id].append(row)
        return grouped

    mentions = rows(t.mentions, [t.mentions.c.id])
    meetings = rows(t.meetings, [t.meetings.c.seq])
    quotes = rows(t.quotes, [t.quotes.c.seq])
    roles = rows(t.roles, [t.roles.c.seq])
    background = rows(t.background_spans, [t.background_spans.c.start])
    people = defaultdict(list)
    p = t.meeting_participants
    meeting_ids = [r.id for rs in meetings.values() for r in rs]
    if meeting_ids:
        for row in conn.execute(select(p).where(p.c.meeting_id.in_(meeting_ids)).order_by(p.c.position)):
            people[row.meeting_id].append(row)
    topics, judged = assessmentrows.load_meeting_facts(conn, meeting_ids, actors)
    out = []
    for doc in conn.execute(select(t.documents).where(t.documents.c.doc_id.in_(doc_ids)).order_by(
            t.documents.c.doc_id)):
        document = Document(doc.doc_id, doc.text, doc.published, doc.url, doc.title, doc.source, doc.lang,
                            doc.content_hash or "", doc.outlet)
        out.append(Extraction(
            document=document,
            actors=tuple(ActorMention(r.start, r.stop, r.text, r.name, actors[r.actor_id])
                         for r in mentions[doc.doc_id]),
            meetings=tuple(Meeting(
                participants=tuple(actors[x.actor_id] for x in people[r.id]),
                participant_names=tuple(x.name for x in people[r.id]), place=r.place, date=r.date,
                date_precision=DatePrecision(r.date_precision), status=MeetingStatus(r.status),
                evidence=Evidence(r.evidence_start, r.evidence_stop, bool(r.background)), kind=r.kind,
                date_end=r.date_end, topics=topics.get(r.id, ()), assessments=judged.get(r.id, ()))
                for r in meetings[doc.doc_id]),
            quotes=tuple(Quote(actors[r.speaker_id], r.speaker_name, r.text, r.start, r.stop,
                               Evidence(r.evidence_start, r.evidence_stop, bool(r.background)), r.channel)
                         for r in quotes[doc.doc_id]),
            roles=tuple(_role(actors[r.actor_id], r,
                              Evidence(r.evidence_start, r.evidence_stop, bool(r.background)))
                        for r in roles[doc.doc_id]),
            background=tuple(Evidence(r.start, r.stop, True) for r in background[doc.doc_id])))
    return out


# --- events ---------------------------------------------------------------------


def events(conn: Connection, actor=None, date_from=None, date_to=None, place=None, status=None,
           limit=None, offset=0, topic=None, lang=None) -> list[dict]:
    rows = _event_rows(conn, actor, date_from, date_to, place, status, topic, lang)
    rows = rows[offset:offset + limit if limit is not None else None]
    return event_dicts(conn, [r.id for r in rows])


def count_events(conn: Connection, actor=None, date_from=None, date_to=None, place=None, status=None,
                 topic=None, lang=None) -> int:
    return len(_event_rows(conn, actor, date_from, date_to, place, status, topic, lang))


def _event_rows(conn: Connection, actor, date_from, date_to, place, status, topic=None, lang=None) -> list:
    """Ids (and first days) of the matching events, oldest first, undated last."""
    e = t.events
    query = select(e.c.id, e.c.date_start)
    if actor:
        ids = actor_ids(conn, actor)
        if not ids:
            return []
        query = query.where(e.c.id.in_(select(t.event_participants.c.event_id)
                                       .where(t.event_participants.c.actor_id.in_(ids))))
    if date_from:
        query = query.where(e.c.date_end >= date_from)
    if date_to:
        query = query.where(e.c.date_start <= date_to)
    if place:
        query = query.where(e.c.place_key.contains(fold(place), autoescape=True))
    if status:
        query = query.where(e.c.status == status)
    if topic:
        query = query.where(e.c.id.in_(assessmentrows.events_with_topic(topic)))
    if lang:  # events with at least one source in that language
        query = query.where(e.c.id.in_(select(t.event_sources.c.event_id)
                                       .join(t.documents, t.documents.c.doc_id == t.event_sources.c.doc_id)
                                       .where(t.documents.c.lang == lang)))
    return sorted(conn.execute(query), key=lambda r: (r.date_start is None, r.date_start or "", r.id))


# --- actors ---------------------------------------------------------------------


def actor_ids(conn: Connection, query: str) -> list[str]:
    """Actor ids a user's query names: the id itself, a name as written, or its surname."""
    if conn.scalar(select(t.actors.c.id).where(t.actors.c.id == query)):
        return [query]
    wanted = fold(query)
    wanted_stems = {stem(w) for w in words(wanted)}
    names: set[tuple[str, str]] = {(r.id, r.name) for r in conn.execute(select(t.actors.c.id, t.actors.c.name))}
    names |= {(r.actor_id, r.name) for r in conn.execute(select(t.mentions.c.actor_id, t.mentions.c.name).distinct())}
    exact = sorted({i for i, name in names if fold(name) == wanted or i.casefold() == wanted})
    if exact or not wanted_stems:
        return exact
    return sorted({i for i, name in names if wanted_stems <= {stem(w) for w in words(name)}})


def actors(conn: Connection) -> list[dict]:
    events_of = dict(conn.execute(select(t.event_participants.c.actor_id,
                                         func.count(t.event_participants.c.event_id.distinct()))
                                  .group_by(t.event_participants.c.actor_id)).all())
    quotes_of = dict(conn.execute(select(t.quotes.c.speaker_id, func.count())
                                  .group_by(t.quotes.c.speaker_id)).all())
    mentions_of = dict(conn.execute(select(t.mentions.c.actor_id, func.count())
                                    .group_by(t.mentions.c.actor_id)).all())
    names = _names(conn)
    out = [{"id": r.id, "name": r.name, "kind": r.kind, "country": r.country, "names": names.get(r.id, [r.name]),
            "events": events_of.get(r.id, 0), "quotes": quotes_of.get(r.id, 0), "mentions": mentions_of.get(r.id, 0)}
           for r in conn.execute(select(t.actors))]
    return sorted(out, key=lambda a: (-a["events"], -a["mentions"], a["id"]))


def _names(conn: Connection, actor_id: str | None = None) -> dict[str, list[str]]:
    query = select(t.mentions.c.actor_id, t.mentions.c.name).distinct()
    if actor_id:
        query = query.where(t.mentions.c.actor_id == actor_id)
    grouped = defaultdict(set)
    for row in conn.execute(query):
        grouped[row.actor_id].add(row.name)
    return {k: sorted(v) for k, v in grouped.items()}


def actor(conn: Connection, query: str) -> dict | None:
    ids = actor_ids(conn, query)
    if not ids:
        return None
    if len(ids) > 1:  # the best-attested of several namesakes
        counts = dict(conn.execute(select(t.mentions.c.actor_id, func.count()).where(t.mentions.c.actor_id.in_(ids))
                                   .group_by(t.mentions.c.actor_id)).all())
        ids = sorted(ids, key=lambda i: (-counts.get(i, 0), i))
    row = conn.execute(select(t.actors).where(t.actors.c.id == ids[0])).first()
    if row is None:
        return None
    d = t.documents

    def dated(table, *columns):
        query = (select(table, d.c.published, d.c.url, d.c.outlet, func.substr(d.c.text, table.c.evidence_start + 1,
                                                                    table.c.evidence_stop - table.c.evidence_start)
                        .label("evidence_text"), *columns)
                 .join(d, d.c.doc_id == table.c.doc_id))
        return query

    roles = [{"role": r.role, "name": r.name, "doc_id": r.doc_id, "published": _iso(r.published), "url": r.url,
              "outlet": r.outlet,
              "evidence": {"start": r.evidence_start, "end": r.evidence_stop, "text": r.evidence_text}}
             for r in conn.execute(dated(t.roles).where(t.roles.c.actor_id == row.id))]
    quotes = [{"text": r.text, "channel": r.channel, "doc_id": r.doc_id, "published": _iso(r.published),
               "url": r.url, "outlet": r.outlet, "start": r.start, "end": r.stop,
               "evidence": {"start": r.evidence_start, "end": r.evidence_stop, "text": r.evidence_text}}
              for r in conn.execute(dated(t.quotes).where(t.quotes.c.speaker_id == row.id))]
    order = lambda item: (item["published"] or "9999", item["doc_id"], item["evidence"]["start"])  # noqa: E731
    return {"id": row.id, "name": row.name, "kind": row.kind, "country": row.country,
            "names": _names(conn, row.id).get(row.id, [row.name]),
            "roles": sorted(roles, key=order), "quotes": sorted(quotes, key=order),
            "meetings": events(conn, actor=row.id)}


def _iso(value) -> str | None:
    return value.isoformat() if value else None


# --- full-text search -----------------------------------------------------------


def search(conn: Connection, query: str, limit: int = 50) -> list[dict]:
    terms = [w for w in words(query) if w not in STOPWORDS]
    if not terms:
        return []
    p, d = t.passages, t.documents
    columns = "p.id, p.doc_id, p.start, p.stop, p.text, d.title, d.url, d.published, d.outlet"
    if conn.dialect.name == "sqlite":
        match = " ".join('"%s"' % stem(w) for w in terms)
        sql = text(f"SELECT {columns} FROM passages_fts f JOIN passages p ON p.id = f.rowid "
                   "JOIN documents d ON d.doc_id = p.doc_id WHERE passages_fts MATCH :q")
        rows = conn.execute(sql, {"q": match}).all()
    else:
        sql = text(f"SELECT {columns} FROM passages p JOIN documents d ON d.doc_id = p.doc_id "
                   "WHERE to_tsvector('russian', p.text) @@ plainto_tsquery('russian', :q)")
        rows = conn.execute(sql, {"q": " ".join(terms)}).all()
    rows = sorted(rows, key=lambda r: (-_day(r.published).toordinal(), r.doc_id, r.start))[:limit]
    return [{"doc_id": r.doc_id, "title": r.title, "url": r.url, "outlet": r.outlet,
             "published": _iso(r.published and _day(r.published)), "start": r.start, "end": r.stop, "text": r.text}
            for r in rows]


def _day(value) -> dt.date:
    """A date column read through raw SQL: a string on SQLite, a date on PostgreSQL."""
    if isinstance(value, str):
        return dt.date.fromisoformat(value)
    return value or dt.date.min


def counts(conn: Connection) -> dict[str, int]:
    tables = {"documents": t.documents, "meetings": t.meetings, "quotes": t.quotes, "roles": t.roles,
              "actors": t.actors, "events": t.events, "ledger": t.ledger}
    return {name: conn.scalar(select(func.count()).select_from(table)) for name, table in tables.items()}
