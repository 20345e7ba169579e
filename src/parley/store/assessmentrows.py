"""Topics and assessments in the database: per meeting as a document states them, per fused event, queried.

Each stored assessment keeps the words that carry it and the sentence around them (found with the
passage splitter search uses), so a page can show the sentence with the judgement marked in it.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Connection, func, insert, select

from parley.fuse.records import AssessmentReport, Event, TopicReport
from parley.records import Actor, Assessment, Document, Evidence, Meeting, Tone, Topic
from parley.store import schema as t

CHUNK = 500
Span = tuple[int, int, str]


def sentence_around(text: str, passages: list[Span], start: int, stop: int) -> Span:
    """The sentence(s) that hold ``start``–``stop``; the span itself when no passage does."""
    inside = [p for p in passages if p[0] < max(stop, start + 1) and start < p[1]]
    if not inside:
        return start, stop, text[start:stop]
    low, high = min(inside[0][0], start), max(inside[-1][1], stop)
    return low, high, text[low:high]


# --- per document ------------------------------------------------------------------


def insert_meeting_facts(conn: Connection, meeting_id: int, meeting: Meeting, document: Document,
                         passages: list[Span]) -> None:
    text = document.text
    if meeting.topics:
        conn.execute(insert(t.meeting_topics), [
            {"meeting_id": meeting_id, "position": i, "topic": topic.topic, "evidence_start": topic.evidence.start,
             "evidence_stop": topic.evidence.stop, "evidence_text": text[topic.evidence.start:topic.evidence.stop],
             "background": topic.evidence.background} for i, topic in enumerate(meeting.topics)])
    rows = []
    for i, a in enumerate(meeting.assessments):
        ev = a.evidence
        low, high, sentence = sentence_around(text, passages, ev.start, ev.stop)
        rows.append({"meeting_id": meeting_id, "position": i, "judge_id": a.judge.id, "judge_name": a.judge_name,
                     "tone": a.tone.value, "evidence_start": ev.start, "evidence_stop": ev.stop,
                     "evidence_text": text[ev.start:ev.stop], "sentence_start": low, "sentence_stop": high,
                     "sentence_text": sentence, "background": ev.background})
    if rows:
        conn.execute(insert(t.meeting_assessments), rows)


def delete_condition(meeting_ids):
    """The rows of these meetings (a subquery of meeting ids), for each per-meeting table."""
    return [(table, table.c.meeting_id.in_(meeting_ids)) for table in (t.meeting_topics, t.meeting_assessments)]


def load_meeting_facts(conn: Connection, meeting_ids: list[int], actors: dict[str, Actor]
                       ) -> tuple[dict[int, tuple[Topic, ...]], dict[int, tuple[Assessment, ...]]]:
    """Each meeting's topics and assessments as records, for rebuilding extractions."""
    topics: dict[int, list[Topic]] = defaultdict(list)
    judged: dict[int, list[Assessment]] = defaultdict(list)
    mt, ma = t.meeting_topics, t.meeting_assessments
    for i in range(0, len(meeting_ids), CHUNK):
        ids = meeting_ids[i:i + CHUNK]
        for r in conn.execute(select(mt).where(mt.c.meeting_id.in_(ids)).order_by(mt.c.meeting_id, mt.c.position)):
            topics[r.meeting_id].append(Topic(r.topic, Evidence(r.evidence_start, r.evidence_stop, bool(r.background))))
        for r in conn.execute(select(ma).where(ma.c.meeting_id.in_(ids)).order_by(ma.c.meeting_id, ma.c.position)):
            judged[r.meeting_id].append(Assessment(actors[r.judge_id], r.judge_name, Tone(r.tone),
                                                   Evidence(r.evidence_start, r.evidence_stop, bool(r.background))))
    return ({k: tuple(v) for k, v in topics.items()}, {k: tuple(v) for k, v in judged.items()})


def load_report_facts(conn: Connection, condition=None
                      ) -> tuple[dict[int, tuple[TopicReport, ...]], dict[int, tuple[AssessmentReport, ...]]]:
    """Topics and assessments of the meetings fusion reads; ``condition`` filters on meetings and documents."""
    m, d, a = t.meetings, t.documents, t.actors
    mt, ma = t.meeting_topics, t.meeting_assessments

    def within(query, table):
        if condition is None:
            return query
        return query.join(m, m.c.id == table.c.meeting_id).join(d, d.c.doc_id == m.c.doc_id).where(condition)

    topics: dict[int, list[TopicReport]] = defaultdict(list)
    for r in conn.execute(within(select(mt), mt).order_by(mt.c.meeting_id, mt.c.position)):
        topics[r.meeting_id].append(TopicReport(r.topic, r.evidence_start, r.evidence_stop, r.evidence_text))
    judged: dict[int, list[AssessmentReport]] = defaultdict(list)
    query = (select(ma, func.coalesce(a.c.name, ma.c.judge_name).label("name"), a.c.country)
             .join(a, a.c.id == ma.c.judge_id, isouter=True))
    for r in conn.execute(within(query, ma).order_by(ma.c.meeting_id, ma.c.position)):
        judged[r.meeting_id].append(AssessmentReport(
            r.judge_id, r.name, r.judge_name, r.country, r.tone, r.evidence_start, r.evidence_stop, r.evidence_text,
            r.sentence_start, r.sentence_stop, r.sentence_text))
    return ({k: tuple(v) for k, v in topics.items()}, {k: tuple(v) for k, v in judged.items()})


# --- per event ---------------------------------------------------------------------


def event_rows(event: Event) -> tuple[list[dict], list[dict]]:
    topics = [{"event_id": event.id, "position": i, "topic": s.topic.topic, "meeting_id": s.meeting_id,
               "doc_id": s.doc_id, "evidence_start": s.topic.evidence_start, "evidence_stop": s.topic.evidence_stop,
               "evidence_text": s.topic.evidence_text} for i, s in enumerate(event.topics)]
    judged = []
    for i, j in enumerate(event.assessments):
        a = j.assessment
        judged.append({"event_id": event.id, "position": i, "meeting_id": j.meeting_id, "doc_id": j.doc_id,
                       "judge_id": a.judge_id, "name": a.name, "written": a.written, "side": a.side, "tone": a.tone,
                       "evidence_start": a.evidence_start, "evidence_stop": a.evidence_stop,
                       "evidence_text": a.evidence_text, "sentence_start": a.sentence_start,
                       "sentence_stop": a.sentence_stop, "sentence_text": a.sentence_text})
    return topics, judged


def judgement_dict(row, published=None, url=None) -> dict:
    return {"by": row.name, "by_id": row.judge_id, "written": row.written, "side": row.side, "tone": row.tone,
            "doc_id": row.doc_id, "meeting_id": row.meeting_id, "url": url,
            "published": published.isoformat() if published else None,
            "evidence": {"start": row.evidence_start, "end": row.evidence_stop, "text": row.evidence_text},
            "sentence": {"start": row.sentence_start, "end": row.sentence_stop, "text": row.sentence_text}}


def add_to_event_dicts(conn: Connection, ids: list[str], out: dict[str, dict]) -> None:
    """Fill ``topics``, ``topic_sources`` and ``assessments`` of these event dictionaries."""
    et, ea, d = t.event_topics, t.event_assessments, t.documents
    for event in out.values():
        event |= {"topics": [], "topic_sources": [], "assessments": []}
    for r in conn.execute(select(et).where(et.c.event_id.in_(ids)).order_by(et.c.event_id, et.c.position)):
        event = out[r.event_id]
        if r.topic not in event["topics"]:
            event["topics"].append(r.topic)
        event["topic_sources"].append({"topic": r.topic, "doc_id": r.doc_id, "meeting_id": r.meeting_id,
                                       "evidence": {"start": r.evidence_start, "end": r.evidence_stop,
                                                    "text": r.evidence_text}})
    query = (select(ea, d.c.published, d.c.url).join(d, d.c.doc_id == ea.c.doc_id)
             .where(ea.c.event_id.in_(ids)).order_by(ea.c.event_id, ea.c.position))
    for r in conn.execute(query):
        out[r.event_id]["assessments"].append(judgement_dict(r, r.published, r.url))


def stale_blocks(conn: Connection) -> set[str]:
    """Blocks with a judge named or sided differently from the actor table now (their conflicts read names)."""
    ea, a, e = t.event_assessments, t.actors, t.events
    query = (select(e.c.block).join(ea, ea.c.event_id == e.c.id).join(a, a.c.id == ea.c.judge_id, isouter=True)
             .where((ea.c.side.is_distinct_from(a.c.country)) | (ea.c.name != a.c.name)).distinct())
    return {b for b in conn.execute(query).scalars() if b is not None}


def events_with_topic(topic: str):
    """A subquery of the ids of events whose sources give this topic."""
    return select(t.event_topics.c.event_id).where(t.event_topics.c.topic == topic)


# --- the assessments query -----------------------------------------------------------


def assessments(conn: Connection, side: str | None = None, date_from: str | None = None,
                date_to: str | None = None, tone: str | None = None, topic: str | None = None,
                judge_ids: Iterable[str] | None = None, limit: int | None = None, offset: int = 0
                ) -> tuple[int, list[dict]]:
    """Judgements of fused events, oldest event first (undated last): how many match, and one page of them.

    Each carries its event's date, place, status, participants and topics, so a row reads on its own.
    """
    ea, e, d = t.event_assessments, t.events, t.documents
    query = (select(ea, e.c.date, e.c.date_start, e.c.place, e.c.status, d.c.published, d.c.url)
             .join(e, e.c.id == ea.c.event_id).join(d, d.c.doc_id == ea.c.doc_id))
    if side:
        query = query.where(ea.c.side == side)
    if tone:
        query = query.where(ea.c.tone == tone)
    if date_from:
        query = query.where(e.c.date_end >= date_from)
    if date_to:
        query = query.where(e.c.date_start <= date_to)
    if topic:
        query = query.where(ea.c.event_id.in_(events_with_topic(topic)))
    if judge_ids is not None:
        query = query.where(ea.c.judge_id.in_(sorted(judge_ids)))
    # Sorted here, not in SQL: text collation differs between SQLite and PostgreSQL.
    rows = sorted(conn.execute(query), key=lambda r: (r.date_start is None, r.date_start or "", r.event_id,
                                                      r.published is None, r.published or 0, r.doc_id, r.position))
    total = len(rows)
    rows = rows[offset:offset + limit if limit is not None else None]
    ids = sorted({r.event_id for r in rows})
    people: dict[str, list[dict]] = defaultdict(list)
    topics: dict[str, list[str]] = defaultdict(list)
    p, et = t.event_participants, t.event_topics
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i:i + CHUNK]
        for r in conn.execute(select(p).where(p.c.event_id.in_(chunk)).order_by(p.c.event_id, p.c.position)):
            people[r.event_id].append({"name": r.name, "id": r.actor_id, "country": r.country})
        for r in conn.execute(select(et.c.event_id, et.c.topic).where(et.c.event_id.in_(chunk))
                              .order_by(et.c.event_id, et.c.position)):
            if r.topic not in topics[r.event_id]:
                topics[r.event_id].append(r.topic)
    items = [{"event_id": r.event_id, "date": r.date, "place": r.place, "status": r.status,
              "participants": people[r.event_id], "topics": topics[r.event_id],
              **judgement_dict(r, r.published, r.url)} for r in rows]
    return total, items
