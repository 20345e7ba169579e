"""The one class that owns the database: writes here, reads delegated to ``parley.store.reads``."""
from __future__ import annotations

import datetime as dt
import hashlib
import fcntl
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, delete, func, insert, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from parley.fuse.provenance import simhash, wire_agency
from parley.fuse.records import Event, Report
from parley.safe_text import storable, storable_or_none
from parley.records import Actor, Document, Extraction, LedgerEntry, LedgerStatus
from parley.store import assessmentrows, fusestate, reads, schema as t
from parley.store.engine import open_engine
from parley.store.eventrows import write_events
from parley.store.stemmer import stemmed_text

PASSAGE_BREAK = re.compile(r"(?<=[.!?…])\s+(?=[«\"„A-ZА-ЯЁ0-9—–-])|\n+")
CHUNK = 500
FUSION_LOCK_KEY = 7_021_434_551  # PostgreSQL advisory lock id held while fusing ("parley" on a keypad)


def passages_of(text: str) -> Iterator[tuple[int, int, str]]:
    """Sentence-sized pieces of a text with their offsets: the units search returns."""
    start = 0
    for match in [*PASSAGE_BREAK.finditer(text), None]:
        stop = match.start() if match else len(text)
        piece = text[start:stop]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            yield start + lead, start + len(piece.rstrip()), piece.strip()
        if match:
            start = match.end()


def extraction_fingerprint(extraction: Extraction) -> str:
    """Changes whenever any stored fact would change: the records' reprs hold every field."""
    facts = (extraction.actors, extraction.meetings, extraction.quotes, extraction.roles, extraction.background)
    return hashlib.sha256(repr(facts).encode()).hexdigest()


class Store:
    """``Store.open(url)``; every write is one transaction, so a killed process leaves a consistent DB."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name

    @classmethod
    def open(cls, url: str, create: bool = True) -> "Store":
        """Open the store at ``url``; ``create=False`` (the reading commands) when it must exist already."""
        return cls(open_engine(url, create))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    # --- documents and ledger ------------------------------------------------

    def find_document_by_hash(self, content_hash: str) -> str | None:
        """doc_id of a stored identical text whose extraction is stored too (so a rerun resumes)."""
        with self.engine.connect() as conn:
            return conn.scalar(select(t.documents.c.doc_id).where(
                t.documents.c.content_hash == content_hash, t.documents.c.extraction_hash.is_not(None)))

    def record_ledger(self, entry: LedgerEntry) -> None:
        lang = entry.lang
        if lang is None and entry.doc_id:  # a duplicate or an unchanged input: its stored document's language
            with self.engine.connect() as conn:
                lang = conn.scalar(select(t.documents.c.lang).where(t.documents.c.doc_id == entry.doc_id))
        row = {"status": entry.status.value, "reason": storable(entry.reason),
               "doc_id": storable_or_none(entry.doc_id), "lang": lang,
               "updated_at": dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)}
        upsert = self._insert(t.ledger).values(source=storable(entry.source), **row)
        with self.engine.begin() as conn:  # one statement: two writers recording one input never collide
            conn.execute(upsert.on_conflict_do_update(index_elements=["source"], set_=row))

    def forget_stale_ledger(self, file_source: str, keep: set[str]) -> int:
        """Drop the rows of ``file_source`` and of its items ("FILE:3", "FILE#2") that are not in
        ``keep``: what an earlier reading of the file left behind. Returns how many."""
        item = re.compile(re.escape(file_source) + r"(?:[:#]\d+)?")
        pattern = file_source.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        with self.engine.begin() as conn:
            sources = conn.execute(select(t.ledger.c.source).where(t.ledger.c.source.like(pattern, escape="\\"))
                                   ).scalars().all()
            stale = [s for s in sources if s not in keep and item.fullmatch(s)]
            if stale:
                conn.execute(delete(t.ledger).where(t.ledger.c.source.in_(stale)))
        return len(stale)

    def _insert(self, table):
        """INSERT with the dialect's ON CONFLICT clause available (both backends speak it)."""
        return (postgresql_insert if self.dialect == "postgresql" else sqlite_insert)(table)

    def ledger(self) -> list[LedgerEntry]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.ledger).order_by(t.ledger.c.source)).all()
        return [LedgerEntry(r.source, LedgerStatus(r.status), r.reason, r.doc_id, r.lang) for r in rows]

    def save_document(self, document: Document) -> bool:
        """Store the document; True when its text is new here (inserted, or changed), False when it was stored."""
        with self.engine.begin() as conn:
            return self._save_document(conn, document)

    @contextmanager
    def fusion_lock(self) -> Iterator[None]:
        """One fusion at a time across processes: an advisory lock on PostgreSQL, a lock file beside an
        SQLite database (nothing for one in memory, which no other process can reach)."""
        if self.dialect == "postgresql":
            with self.engine.connect() as conn:
                conn.exec_driver_sql("SELECT pg_advisory_lock(%s)" % FUSION_LOCK_KEY)
                try:
                    yield
                finally:
                    conn.exec_driver_sql("SELECT pg_advisory_unlock(%s)" % FUSION_LOCK_KEY)
                    conn.commit()
            return
        database = self.engine.url.database
        if not database or database == ":memory:":
            yield
            return
        with open(f"{database}.fusion-lock", "a+b") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _save_document(self, conn: Connection, document: Document) -> bool:
        row = {"text": document.text, "published": document.published, "url": document.url,
               "title": document.title, "source": document.source, "lang": document.lang,
               "content_hash": document.content_hash or None,
               "outlet": document.outlet}
        stored = conn.execute(select(t.documents.c.text, t.documents.c.published)
                              .where(t.documents.c.doc_id == document.doc_id)).first()
        if stored is not None and stored.text == document.text:
            conn.execute(update(t.documents).where(t.documents.c.doc_id == document.doc_id).values(**row))
            if stored.published != document.published:  # the events' days and windows read it
                fusestate.mark_pending(conn, document.doc_id)
            return False
        row |= {"agency": wire_agency(document.text), "signature": simhash(document.text)}
        if stored is None:
            conn.execute(insert(t.documents).values(doc_id=document.doc_id, **row))
        else:
            self._delete_facts(conn, document.doc_id)
            self._delete_passages(conn, document.doc_id)
            fusestate.mark_pending(conn, document.doc_id)
            conn.execute(update(t.documents).where(t.documents.c.doc_id == document.doc_id)
                         .values(extraction_hash=None, **row))
        self._index_passages(conn, document)
        return True

    def _index_passages(self, conn: Connection, document: Document) -> None:
        pieces = [{"doc_id": document.doc_id, "start": a, "stop": b, "text": s}
                  for a, b, s in passages_of(document.text)]
        if document.title and not document.text.lstrip().startswith(document.title.strip()):
            pieces.insert(0, {"doc_id": document.doc_id, "start": 0, "stop": 0, "text": document.title})
        if not pieces:
            return
        ids = conn.execute(insert(t.passages).returning(t.passages.c.id, sort_by_parameter_order=True),
                           pieces).scalars().all()
        if self.dialect == "sqlite":
            conn.exec_driver_sql("INSERT INTO passages_fts(rowid, stems) VALUES (?, ?)",
                                 [(i, stemmed_text(p["text"])) for i, p in zip(ids, pieces)])

    def _delete_passages(self, conn: Connection, doc_id: str) -> None:
        if self.dialect == "sqlite":
            conn.exec_driver_sql("DELETE FROM passages_fts WHERE rowid IN "
                                 "(SELECT id FROM passages WHERE doc_id = ?)", (doc_id,))
        conn.execute(delete(t.passages).where(t.passages.c.doc_id == doc_id))

    def document(self, doc_id: str) -> Document | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(t.documents).where(t.documents.c.doc_id == doc_id)).first()
        return _document(row) if row else None

    def documents(self) -> Iterator[Document]:
        for ids in self._doc_id_chunks():
            with self.engine.connect() as conn:
                rows = conn.execute(select(t.documents).where(t.documents.c.doc_id.in_(ids))
                                    .order_by(t.documents.c.doc_id)).all()
            yield from map(_document, rows)

    def _doc_id_chunks(self) -> Iterator[list[str]]:
        with self.engine.connect() as conn:
            ids = conn.execute(select(t.documents.c.doc_id).order_by(t.documents.c.doc_id)).scalars().all()
        for i in range(0, len(ids), CHUNK):
            yield ids[i:i + CHUNK]

    # --- extracted facts -----------------------------------------------------

    def save_extraction(self, extraction: Extraction) -> bool:
        """Store the document (if new) and replace its facts, in one transaction.

        Returns False when the same facts were stored already (nothing written).
        """
        fingerprint = extraction_fingerprint(extraction)
        doc = extraction.document
        with self.engine.begin() as conn:
            self._save_document(conn, doc)
            stored = conn.scalar(select(t.documents.c.extraction_hash).where(t.documents.c.doc_id == doc.doc_id))
            if stored == fingerprint:
                return False
            self._delete_facts(conn, doc.doc_id)
            self._insert_facts(conn, extraction)
            fusestate.mark_pending(conn, doc.doc_id)
            conn.execute(update(t.documents).where(t.documents.c.doc_id == doc.doc_id)
                         .values(extraction_hash=fingerprint))
        return True

    def _delete_facts(self, conn: Connection, doc_id: str) -> None:
        meeting_ids = select(t.meetings.c.id).where(t.meetings.c.doc_id == doc_id).scalar_subquery()
        conn.execute(delete(t.meeting_participants).where(t.meeting_participants.c.meeting_id.in_(meeting_ids)))
        for table, condition in assessmentrows.delete_condition(meeting_ids):
            conn.execute(delete(table).where(condition))
        for table in (t.meetings, t.mentions, t.quotes, t.roles, t.background_spans):
            conn.execute(delete(table).where(table.c.doc_id == doc_id))

    def _insert_facts(self, conn: Connection, extraction: Extraction) -> None:
        doc = extraction.document
        self._upsert_actors(conn, [m.actor for m in extraction.actors]
                            + [a for m in extraction.meetings for a in m.participants]
                            + [q.speaker for q in extraction.quotes] + [r.actor for r in extraction.roles]
                            + [a.judge for m in extraction.meetings for a in m.assessments])
        passages = list(passages_of(doc.text)) if any(m.assessments for m in extraction.meetings) else []
        if extraction.actors:
            conn.execute(insert(t.mentions), [
                {"doc_id": doc.doc_id, "actor_id": m.actor.id, "start": m.start, "stop": m.stop,
                 "text": m.text, "name": m.name} for m in extraction.actors])
        for seq, meeting in enumerate(extraction.meetings):
            ev = meeting.evidence
            meeting_id = conn.execute(insert(t.meetings).values(
                doc_id=doc.doc_id, seq=seq, place=meeting.place, date=meeting.date, date_end=meeting.date_end,
                date_precision=meeting.date_precision.value, status=meeting.status.value, kind=meeting.kind,
                evidence_start=ev.start, evidence_stop=ev.stop, evidence_text=doc.text[ev.start:ev.stop],
                background=ev.background).returning(t.meetings.c.id)).scalar_one()
            if meeting.participants:
                names = list(meeting.participant_names) + [a.name for a in meeting.participants]
                conn.execute(insert(t.meeting_participants), [
                    {"meeting_id": meeting_id, "position": i, "actor_id": actor.id,
                     "name": names[i] if i < len(meeting.participant_names) else actor.name}
                    for i, actor in enumerate(meeting.participants)])
            assessmentrows.insert_meeting_facts(conn, meeting_id, meeting, doc, passages)
        if extraction.quotes:
            conn.execute(insert(t.quotes), [
                {"doc_id": doc.doc_id, "seq": i, "speaker_id": q.speaker.id, "speaker_name": q.speaker_name,
                 "text": q.text, "start": q.start, "stop": q.stop, "evidence_start": q.evidence.start,
                 "evidence_stop": q.evidence.stop, "background": q.evidence.background, "channel": q.channel}
                for i, q in enumerate(extraction.quotes)])
        if extraction.roles:
            conn.execute(insert(t.roles), [
                {"doc_id": doc.doc_id, "seq": i, "actor_id": r.actor.id, "name": r.name, "role": r.role,
                 "evidence_start": r.evidence.start, "evidence_stop": r.evidence.stop,
                 "background": r.evidence.background, "title": r.title, "organization": r.organization,
                 "country": r.country} for i, r in enumerate(extraction.roles)])
        spans = {(b.start, b.stop) for b in extraction.background}
        if spans:
            conn.execute(insert(t.background_spans),
                         [{"doc_id": doc.doc_id, "start": a, "stop": b} for a, b in sorted(spans)])

    def _upsert_actors(self, conn: Connection, actors: Iterable[Actor]) -> None:
        wanted = {a.id: a for a in actors}
        if not wanted:
            return
        known = {r.id: r for r in conn.execute(select(t.actors).where(t.actors.c.id.in_(list(wanted))))}
        new = [{"id": a.id, "name": a.name, "kind": a.kind, "country": a.country}
               for a in (preferred_actor(w, w) for w in wanted.values() if w.id not in known)]
        if new:  # another writer may add the same actor meanwhile: its row stands
            conn.execute(self._insert(t.actors).on_conflict_do_nothing(index_elements=["id"]), new)
        for actor in wanted.values():
            row = known.get(actor.id)
            if row is None:
                continue
            chosen = preferred_actor(Actor(row.id, row.name, row.kind, row.country), actor)
            if (row.name, row.kind, row.country) != (chosen.name, chosen.kind, chosen.country):
                conn.execute(update(t.actors).where(t.actors.c.id == actor.id).values(
                    name=chosen.name, kind=chosen.kind, country=chosen.country))

    def extractions(self) -> Iterator[Extraction]:
        """Every stored document with its facts, rebuilt as records (in doc_id order)."""
        for ids in self._doc_id_chunks():
            with self.engine.connect() as conn:
                yield from reads.load_extractions(conn, ids)

    # --- fused events ----------------------------------------------------------

    def reports(self, doc_ids: Iterable[str] | None = None, blocks: Iterable[str] | None = None,
                spans: Iterable[tuple[dt.date, dt.date]] | None = None) -> list[Report]:
        """Stored meetings as fusion reads them: all of them, or those of these documents, of the events
        in these blocks, or dated or published within these spans of days (any of them)."""
        condition = None
        if doc_ids is not None or blocks is not None or spans is not None:
            condition = fusestate.report_condition(doc_ids or (), blocks or (), spans or ())
            if condition is None:
                return []
        with self.engine.connect() as conn:
            return reads.load_reports(conn, condition)

    def fusion_pending(self) -> tuple[set[str], set[str]] | None:
        """What changed since the last fusion: (documents, stale blocks); None when all must be rebuilt."""
        with self.engine.connect() as conn:
            if fusestate.needs_rebuild(conn):
                return None
            return fusestate.pending_documents(conn), fusestate.stale_blocks(conn)

    def blocks_of_meetings(self, meeting_ids: Iterable[int]) -> dict[int, str]:
        with self.engine.connect() as conn:
            return fusestate.blocks_of_meetings(conn, meeting_ids)

    def blocks_of_documents(self, doc_ids: Iterable[str]) -> set[str]:
        with self.engine.connect() as conn:
            return fusestate.blocks_of_documents(conn, doc_ids)

    def replace_events(self, events: list[Event]) -> None:
        """Swap the whole fused record for a new one, in one transaction."""
        with self.engine.begin() as conn:
            for table in t.EVENT_TABLES:
                conn.execute(delete(table))
            conn.execute(delete(t.fusion_pending))
            write_events(conn, events)

    def replace_blocks(self, blocks: set[str], doc_ids: set[str], events: list[Event]) -> None:
        """Swap the events of these blocks (and any citing these documents) for new ones, in one transaction."""
        with self.engine.begin() as conn:
            fusestate.replace_blocks(conn, blocks, doc_ids, events)

    def count_conflicted_events(self) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count(func.distinct(t.conflicts.c.event_id))))

    def count_reports(self) -> int:
        with self.engine.connect() as conn:
            return conn.scalar(select(func.count()).select_from(t.meetings))

    # --- queries ---------------------------------------------------------------

    def events(self, actor: str | None = None, date_from: str | None = None, date_to: str | None = None,
               place: str | None = None, status: str | None = None, limit: int | None = None,
               offset: int = 0, topic: str | None = None, lang: str | None = None) -> list[dict]:
        with self.engine.connect() as conn:
            return reads.events(conn, actor=actor, date_from=date_from, date_to=date_to, place=place,
                                status=status, limit=limit, offset=offset, topic=topic, lang=lang)

    def count_events(self, actor: str | None = None, date_from: str | None = None, date_to: str | None = None,
                     place: str | None = None, status: str | None = None, topic: str | None = None,
                     lang: str | None = None) -> int:
        """How many events ``events`` would return with these filters and no limit."""
        with self.engine.connect() as conn:
            return reads.count_events(conn, actor=actor, date_from=date_from, date_to=date_to, place=place,
                                      status=status, topic=topic, lang=lang)

    def assessments(self, side: str | None = None, date_from: str | None = None, date_to: str | None = None,
                    tone: str | None = None, topic: str | None = None, judge: str | None = None,
                    limit: int | None = None, offset: int = 0) -> tuple[int, list[dict]]:
        """Judgements of fused events, filtered (dates as in ``events``, ``judge`` as an actor query):
        how many match, and the page ``limit``/``offset`` asks for."""
        with self.engine.connect() as conn:
            judge_ids = reads.actor_ids(conn, judge) if judge else None
            return assessmentrows.assessments(conn, side=side, date_from=date_from, date_to=date_to, tone=tone,
                                              topic=topic, judge_ids=judge_ids, limit=limit, offset=offset)

    def event(self, event_id: str) -> dict | None:
        with self.engine.connect() as conn:
            found = reads.event_dicts(conn, [event_id])
        return found[0] if found else None

    def event_now(self, old_id: str) -> str | None:
        """The id of the event that now holds the report an event id was made from: an event's id is
        its earliest report's (``fuse.build.event_id``), so when an earlier report arrives the id
        changes, and the old one leads here to the event that took it over. None when unknown."""
        from parley.fuse.build import report_event_id

        s, m = t.event_sources, t.meetings
        with self.engine.connect() as conn:
            rows = conn.execute(select(s.c.event_id, m.c.doc_id, m.c.seq).join(m, m.c.id == s.c.meeting_id))
            for event_id, doc_id, seq in rows:
                if report_event_id(doc_id, seq) == old_id:
                    return event_id
        return None

    def actors(self) -> list[dict]:
        with self.engine.connect() as conn:
            return reads.actors(conn)

    def actor(self, actor_id_or_name: str) -> dict | None:
        with self.engine.connect() as conn:
            return reads.actor(conn, actor_id_or_name)

    def search(self, query: str, limit: int = 50) -> list[dict]:
        with self.engine.connect() as conn:
            return reads.search(conn, query, limit)

    def counts(self) -> dict[str, int]:
        with self.engine.connect() as conn:
            return reads.counts(conn)


_KIND_ORDER = {"person": 3, "organisation": 2, "country": 1}


def preferred_actor(stored: Actor, incoming: Actor) -> Actor:
    """What the store keeps of two records of one actor, whichever arrived last: the knowledge base's
    name and kind when it knows the actor, else the fuller name (words over a code like "KGZ", then
    Cyrillic, then the longer, then the first in alphabetical order). The choice is a maximum, so the
    result of any order of ingest is the same."""
    from parley.resolve.kb import knowledge_base

    known = knowledge_base().actors.get(stored.id)
    if known is not None:
        return Actor(stored.id, known.display, known.kind, known.country or stored.country or incoming.country)
    name = max((stored.name, incoming.name), key=lambda n: (any(c.islower() for c in n),
                                                            any("а" <= c.lower() <= "я" for c in n), len(n),
                                                            [-ord(c) for c in n]))
    kind = max((stored.kind, incoming.kind), key=lambda k: (_KIND_ORDER.get(k, 0), k))
    countries = sorted(c for c in (stored.country, incoming.country) if c)
    return Actor(stored.id, name, kind, countries[0] if countries else None)


def _document(row) -> Document:
    return Document(doc_id=row.doc_id, text=row.text, published=row.published, url=row.url, title=row.title,
                    source=row.source, lang=row.lang, content_hash=row.content_hash or "", outlet=row.outlet)
