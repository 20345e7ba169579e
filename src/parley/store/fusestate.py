"""What incremental fusion asks of the database: what changed since the last fusion, and which blocks.

A document is pending when its facts or its publication date changed (``fusion_pending``), when a
meeting of it is in no event, or when an event cites a meeting of it that is gone. A block is stale
when one of its events names a participant differently from the actor table (an actor's side or
name changed, so every report of that actor reads differently now), or one of its judges does.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import Connection, delete, exists, insert, or_, select

from parley.fuse.records import Event
from parley.store import assessmentrows, schema as t
from parley.store.eventrows import write_events

CHUNK = 500


def mark_pending(conn: Connection, doc_id: str) -> None:
    if conn.scalar(select(t.fusion_pending.c.doc_id).where(t.fusion_pending.c.doc_id == doc_id)) is None:
        conn.execute(insert(t.fusion_pending).values(doc_id=doc_id))


def needs_rebuild(conn: Connection) -> bool:
    """No block recorded (events fused before blocks existed), or no events while meetings are stored."""
    if conn.scalar(select(t.events.c.id).where(t.events.c.block.is_(None)).limit(1)) is not None:
        return True
    no_events = conn.scalar(select(t.events.c.id).limit(1)) is None
    return no_events and conn.scalar(select(t.meetings.c.id).limit(1)) is not None


def pending_documents(conn: Connection) -> set[str]:
    m, s = t.meetings, t.event_sources
    docs = set(conn.execute(select(t.fusion_pending.c.doc_id)).scalars())
    docs |= set(conn.execute(select(m.c.doc_id).where(~exists().where(s.c.meeting_id == m.c.id))).scalars())
    docs |= set(conn.execute(select(s.c.doc_id).where(~exists().where(m.c.id == s.c.meeting_id))).scalars())
    return docs


def stale_blocks(conn: Connection) -> set[str]:
    p, a, e = t.event_participants, t.actors, t.events
    query = (select(e.c.block).join(p, p.c.event_id == e.c.id).join(a, a.c.id == p.c.actor_id, isouter=True)
             .where(or_(p.c.country.is_distinct_from(a.c.country), p.c.name != a.c.name))
             .distinct())
    return {b for b in conn.execute(query).scalars() if b is not None} | assessmentrows.stale_blocks(conn)


def blocks_of_meetings(conn: Connection, meeting_ids: Iterable[int]) -> dict[int, str]:
    s, e = t.event_sources, t.events
    ids, out = list(meeting_ids), {}
    for i in range(0, len(ids), CHUNK):
        query = select(s.c.meeting_id, e.c.block).join(e, e.c.id == s.c.event_id).where(
            s.c.meeting_id.in_(ids[i:i + CHUNK]))
        out |= {row.meeting_id: row.block for row in conn.execute(query)}
    return out


def blocks_of_documents(conn: Connection, doc_ids: Iterable[str]) -> set[str]:
    s, e = t.event_sources, t.events
    ids, out = list(doc_ids), set()
    for i in range(0, len(ids), CHUNK):
        query = select(e.c.block).join(s, s.c.event_id == e.c.id).where(s.c.doc_id.in_(ids[i:i + CHUNK]))
        out |= set(conn.execute(query).scalars())
    return {b for b in out if b is not None}


def report_condition(doc_ids: Iterable[str] = (), blocks: Iterable[str] = (),
                     spans: Iterable[tuple[dt.date, dt.date]] = ()):
    """Meetings of these documents, of events in these blocks, or dated or published within these spans."""
    m, d, s, e = t.meetings, t.documents, t.event_sources, t.events
    parts = []
    doc_ids, blocks, spans = sorted(doc_ids), sorted(blocks), list(spans)
    if doc_ids:
        parts.append(m.c.doc_id.in_(doc_ids))
    if blocks:
        parts.append(m.c.id.in_(select(s.c.meeting_id).join(e, e.c.id == s.c.event_id).where(e.c.block.in_(blocks))))
    for low, high in spans:
        # ISO text: "2026-01" (a month) sorts before every day of that month, so months from low's on match
        parts.append(m.c.date.between(low.isoformat()[:7], high.isoformat()))
        parts.append(d.c.published.between(low, high))
    if spans:
        parts.append(d.c.published.is_(None))
    return or_(*parts) if parts else None


def replace_blocks(conn: Connection, blocks: set[str], doc_ids: set[str], events: list[Event]) -> None:
    """Drop the events of these blocks (and any citing these documents), write the new ones, clear pending."""
    e, s = t.events, t.event_sources
    doomed = select(e.c.id).where(or_(e.c.block.in_(sorted(blocks)), e.c.id.in_(
        select(s.c.event_id).where(s.c.doc_id.in_(sorted(doc_ids))))))
    ids = list(conn.execute(doomed).scalars())
    for i in range(0, len(ids), CHUNK):
        for table in t.EVENT_TABLES:
            column = table.c.id if table is e else table.c.event_id
            conn.execute(delete(table).where(column.in_(ids[i:i + CHUNK])))
    doc_ids = sorted(doc_ids)
    for i in range(0, len(doc_ids), CHUNK):
        conn.execute(delete(t.fusion_pending).where(t.fusion_pending.c.doc_id.in_(doc_ids[i:i + CHUNK])))
    write_events(conn, events)

