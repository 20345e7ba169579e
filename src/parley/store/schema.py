"""The tables, as SQLAlchemy Core objects. Migrations create them; queries read them.

Per-document facts (mentions, meetings, quotes, roles) are replaced as a whole
when a document is re-extracted; fused events are rebuilt from them by
``parley.fuse``. Offsets are character offsets into ``documents.text``.
"""
from __future__ import annotations

from sqlalchemy import (Boolean, Column, Date, DateTime, ForeignKey, Index, Integer, MetaData, String, Table,
                        Text)

metadata = MetaData()


def _doc_fk() -> ForeignKey:
    return ForeignKey("documents.doc_id", ondelete="CASCADE")


documents = Table(
    "documents", metadata,
    Column("doc_id", String(200), primary_key=True),
    Column("text", Text, nullable=False),
    Column("published", Date),
    Column("url", Text),
    Column("title", Text),
    Column("source", Text, nullable=False, default=""),
    Column("lang", String(8), nullable=False, default="ru"),
    Column("content_hash", String(64), unique=True),
    Column("agency", String(64)),  # the wire agency named in the dateline, if any
    Column("signature", String(16)),  # 64-bit simhash of the text, hex: near-copies differ in few bits
    Column("extraction_hash", String(64)),  # fingerprint of the stored facts; NULL until extracted
    Column("outlet", String(120)),  # who published it: "РИА Новости" (parley.ingest.outlets)
)

ledger = Table(
    "ledger", metadata,
    Column("source", Text, primary_key=True),
    Column("status", String(16), nullable=False),
    Column("reason", Text, nullable=False, default=""),
    Column("doc_id", String(200)),
    Column("updated_at", DateTime, nullable=False),
    Column("lang", String(8)),  # the language the input reads as, when it was read that far
)

actors = Table(
    "actors", metadata,
    Column("id", String(200), primary_key=True),
    Column("name", Text, nullable=False),
    Column("kind", String(32), nullable=False, default="person"),
    Column("country", String(16)),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(200), _doc_fk(), nullable=False, index=True),
    Column("actor_id", String(200), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("name", Text, nullable=False),
)

meetings = Table(
    "meetings", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(200), _doc_fk(), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("place", Text),
    Column("date", String(10)),
    Column("date_precision", String(16), nullable=False),
    Column("status", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_stop", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("background", Boolean, nullable=False, default=False),
    Column("date_end", String(10)),  # the last day of a round of several days
)

meeting_participants = Table(
    "meeting_participants", metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("actor_id", String(200), nullable=False, index=True),
    Column("name", Text, nullable=False),
)

# What a meeting dealt with and how its participants or others judged it (GUIDELINES: topics, assessments)
meeting_topics = Table(
    "meeting_topics", metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("topic", String(32), nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_stop", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("background", Boolean, nullable=False, default=False),
)

meeting_assessments = Table(
    "meeting_assessments", metadata,
    Column("meeting_id", Integer, ForeignKey("meetings.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("judge_id", String(200), nullable=False, index=True),
    Column("judge_name", Text, nullable=False),  # as written in the document, nominative
    Column("tone", String(16), nullable=False),
    Column("evidence_start", Integer, nullable=False),  # the words that carry the judgement
    Column("evidence_stop", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),  # the sentence around them
    Column("sentence_stop", Integer, nullable=False),
    Column("sentence_text", Text, nullable=False),
    Column("background", Boolean, nullable=False, default=False),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(200), _doc_fk(), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("speaker_id", String(200), nullable=False, index=True),
    Column("speaker_name", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_stop", Integer, nullable=False),
    Column("background", Boolean, nullable=False, default=False),
    Column("channel", Text),
)

roles = Table(
    "roles", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(200), _doc_fk(), nullable=False, index=True),
    Column("seq", Integer, nullable=False),
    Column("actor_id", String(200), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("role", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_stop", Integer, nullable=False),
    Column("background", Boolean, nullable=False, default=False),
    Column("title", Text),  # the role phrase taken apart (migration 0004); NULL in rows stored before it
    Column("organization", Text),
    Column("country", Text),
)

background_spans = Table(
    "background_spans", metadata,
    Column("doc_id", String(200), _doc_fk(), primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("stop", Integer, nullable=False),
)

passages = Table(  # the units of full-text search: one sentence-sized piece of a document
    "passages", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("doc_id", String(200), _doc_fk(), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("stop", Integer, nullable=False),
    Column("text", Text, nullable=False),
)

events = Table(
    "events", metadata,
    Column("id", String(32), primary_key=True),
    Column("type", String(16), nullable=False),
    Column("kind", String(16), nullable=False),
    Column("date", String(10)),
    Column("date_precision", String(16), nullable=False),
    Column("date_start", String(10)),  # first and last day the date can mean, for range filters
    Column("date_end", String(10)),
    Column("place", Text),
    Column("place_key", Text),  # casefolded place, for filters (SQLite's lower() knows only ASCII)
    Column("status", String(16), nullable=False),
    Column("independent_sources", Integer, nullable=False),
    Column("first_reported", Date),
    Column("last_reported", Date),
    # the block of reports fusion groups on their own (parley.fuse.blocks): what an update refuses
    Column("block", String(32)),
    Index("ix_events_dates", "date_start", "date_end"),
    Index("ix_events_block", "block"),
)

event_participants = Table(
    "event_participants", metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("actor_id", String(200), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("country", String(16)),
)

event_sources = Table(
    "event_sources", metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("meeting_id", Integer, primary_key=True),
    Column("doc_id", String(200), nullable=False, index=True),
    Index("ix_event_sources_meeting_id", "meeting_id"),
    Column("status", String(16), nullable=False),
    Column("date", String(10)),
    Column("place", Text),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_stop", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("copy_of", String(200)),  # the doc_id this source republishes, when it is a copy
    Column("date_end", String(10)),
)

event_topics = Table(  # the union of the topics the sources give, each with the source that gives it
    "event_topics", metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("topic", String(32), nullable=False, index=True),
    Column("meeting_id", Integer, nullable=False),
    Column("doc_id", String(200), nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_stop", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
)

event_assessments = Table(  # every source's judgements; the judge's name and side as the actor table says
    "event_assessments", metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("position", Integer, primary_key=True),
    Column("meeting_id", Integer, nullable=False),
    Column("doc_id", String(200), nullable=False),
    Column("judge_id", String(200), nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("written", Text, nullable=False),  # the name as the source writes it
    Column("side", String(16), index=True),
    Column("tone", String(16), nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Column("evidence_stop", Integer, nullable=False),
    Column("evidence_text", Text, nullable=False),
    Column("sentence_start", Integer, nullable=False),
    Column("sentence_stop", Integer, nullable=False),
    Column("sentence_text", Text, nullable=False),
)

event_history = Table(
    "event_history", metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("seq", Integer, primary_key=True),
    Column("reported", Date),
    Column("doc_id", String(200), nullable=False),
    Column("change", String(16), nullable=False),  # reported | held | planned | moved | cancelled | ...
    Column("status", String(16), nullable=False),
    Column("date", String(10)),
    Column("place", Text),
)

conflicts = Table(
    "conflicts", metadata,
    Column("event_id", String(32), ForeignKey("events.id", ondelete="CASCADE"), primary_key=True),
    Column("field", String(16), primary_key=True),
    Column("value", Text, primary_key=True),
    Column("doc_ids", Text, nullable=False),  # space-separated, sorted
)

fusion_pending = Table(  # documents whose facts or publication date changed since the last fusion
    "fusion_pending", metadata,
    Column("doc_id", String(200), primary_key=True),
)

EVENT_TABLES = (event_assessments, event_topics, conflicts, event_history, event_sources, event_participants,
                events)  # children first
FACT_TABLES = (meeting_assessments, meeting_topics, meeting_participants, meetings, mentions, quotes, roles,
               background_spans)
