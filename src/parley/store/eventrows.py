"""Fused events to rows and rows back to the ``parley events --json`` dictionaries."""
from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict

from sqlalchemy import Connection, insert, select

from parley.fuse.records import Event
from parley.store import assessmentrows, schema as t

CHUNK = 500


def date_range(date: str | None) -> tuple[str | None, str | None]:
    """The first and last day a ``YYYY-MM-DD`` or ``YYYY-MM`` date can mean."""
    if not date:
        return None, None
    if len(date) == 7:
        year, month = int(date[:4]), int(date[5:7])
        return f"{date}-01", f"{date}-{calendar.monthrange(year, month)[1]:02d}"
    return date, date


def write_events(conn: Connection, events: list[Event]) -> None:
    rows = {table.name: [] for table in t.EVENT_TABLES}
    for event in events:
        start, end = date_range(event.date)
        end = event.date_end or end
        rows["events"].append({
            "id": event.id, "type": event.type, "kind": event.kind, "date": event.date,
            "date_precision": event.date_precision, "date_start": start, "date_end": end, "place": event.place,
            "place_key": event.place.casefold().replace("ё", "е") if event.place else None,
            "status": event.status, "independent_sources": event.independent_sources, "block": event.block,
            "first_reported": min((s.report.published for s in event.sources if s.report.published), default=None),
            "last_reported": max((s.report.published for s in event.sources if s.report.published), default=None)})
        rows["event_participants"] += [
            {"event_id": event.id, "position": i, "actor_id": p.actor_id, "name": p.name, "country": p.country}
            for i, p in enumerate(event.participants)]
        rows["event_sources"] += [
            {"event_id": event.id, "meeting_id": s.report.meeting_id, "doc_id": s.report.doc_id,
             "status": s.report.status, "date": s.report.date, "date_end": s.report.date_end,
             "place": s.report.place,
             "evidence_start": s.report.evidence_start, "evidence_stop": s.report.evidence_stop,
             "evidence_text": s.report.evidence_text, "copy_of": s.copy_of} for s in event.sources]
        rows["event_history"] += [
            {"event_id": event.id, "seq": i, "reported": h.reported, "doc_id": h.doc_id, "change": h.change,
             "status": h.status, "date": h.date, "place": h.place} for i, h in enumerate(event.history)]
        rows["conflicts"] += [
            {"event_id": event.id, "field": c.field, "value": c.value, "doc_ids": " ".join(c.doc_ids)}
            for c in event.conflicts]
        topics, judged = assessmentrows.event_rows(event)
        rows["event_topics"] += topics
        rows["event_assessments"] += judged
    for table in reversed(t.EVENT_TABLES):  # parents first
        batch = rows[table.name]
        for i in range(0, len(batch), 5000):
            conn.execute(insert(table), batch[i:i + 5000])


def _iso(value) -> str | None:
    return value.isoformat() if value else None


def event_dicts(conn: Connection, ids: list[str]) -> list[dict]:
    """Full event dictionaries for these ids, in the order given."""
    found: dict[str, dict] = {}
    for i in range(0, len(ids), CHUNK):
        found |= _event_chunk(conn, ids[i:i + CHUNK])
    return [found[i] for i in ids if i in found]


def _event_chunk(conn: Connection, ids: list[str]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for row in conn.execute(select(t.events).where(t.events.c.id.in_(ids))):
        out[row.id] = {"id": row.id, "type": row.type, "kind": row.kind, "participants": [], "date": row.date,
                       "date_end": row.date_end if row.date_precision == "day" and row.date_end != row.date
                       else None,
                       "place": row.place, "status": row.status, "sources": [], "conflicts": [], "history": [],
                       "independent_sources": row.independent_sources}
    p = t.event_participants
    for row in conn.execute(select(p).where(p.c.event_id.in_(ids)).order_by(p.c.event_id, p.c.position)):
        out[row.event_id]["participants"].append({"name": row.name, "id": row.actor_id, "country": row.country})
    s, d = t.event_sources, t.documents
    query = (select(s, d.c.url, d.c.published, d.c.title, d.c.outlet, d.c.agency, d.c.lang).join(d, d.c.doc_id == s.c.doc_id)
             .where(s.c.event_id.in_(ids)))
    # Sorted here, not in SQL: text collation differs between SQLite and PostgreSQL.
    for row in sorted(conn.execute(query), key=lambda r: (r.published or dt.date.max, r.doc_id, r.meeting_id)):
        out[row.event_id]["sources"].append({
            "doc_id": row.doc_id, "meeting_id": row.meeting_id, "url": row.url, "title": row.title,
            "published": _iso(row.published), "lang": row.lang,
            "outlet": row.outlet, "agency": row.agency,
            "status": row.status, "date": row.date, "date_end": row.date_end, "place": row.place,
            "copy_of": row.copy_of,
            "evidence": {"start": row.evidence_start, "end": row.evidence_stop, "text": row.evidence_text}})
    h = t.event_history
    for row in conn.execute(select(h).where(h.c.event_id.in_(ids)).order_by(h.c.event_id, h.c.seq)):
        out[row.event_id]["history"].append({"reported": _iso(row.reported), "doc_id": row.doc_id,
                                             "change": row.change, "status": row.status, "date": row.date,
                                             "place": row.place})
    c = t.conflicts
    grouped: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for row in sorted(conn.execute(select(c).where(c.c.event_id.in_(ids))), key=lambda r: (r.field, r.value)):
        grouped[row.event_id, row.field].append({"value": row.value, "doc_ids": row.doc_ids.split()})
    for (event_id, field), values in grouped.items():
        out[event_id]["conflicts"].append({"field": field, "values": values})
    assessmentrows.add_to_event_dicts(conn, ids, out)
    for event in out.values():
        name_outlets(event)
    return out


def name_outlets(event: dict) -> None:
    """Each copy says whose copy it is, by outlet; the event lists the outlets its independent sources are."""
    outlets = {s["doc_id"]: s.get("outlet") or s["doc_id"] for s in event["sources"]}
    independent: list[str] = []
    for source in event["sources"]:
        copy_of = source.get("copy_of")
        source["copy_of_outlet"] = outlets.get(copy_of, copy_of) if copy_of else None
        name = outlets[source["doc_id"]]
        if not copy_of and name not in independent:
            independent.append(name)
    event["independent_outlets"] = independent
