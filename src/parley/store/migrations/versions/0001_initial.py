"""The initial schema: documents, ledger, facts, fused events and full-text search.

Revision ID: 0001
Revises:
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('actors',
        sa.Column('id', sa.String(length=200), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('kind', sa.String(length=32), nullable=False),
        sa.Column('country', sa.String(length=16), nullable=True),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_table('documents',
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('published', sa.Date(), nullable=True),
        sa.Column('url', sa.Text(), nullable=True),
        sa.Column('title', sa.Text(), nullable=True),
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('lang', sa.String(length=8), nullable=False),
        sa.Column('content_hash', sa.String(length=64), nullable=True),
        sa.Column('agency', sa.String(length=64), nullable=True),
        sa.Column('signature', sa.String(length=16), nullable=True),
        sa.Column('extraction_hash', sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint('doc_id'),
        sa.UniqueConstraint('content_hash')
    )
    op.create_table('events',
        sa.Column('id', sa.String(length=32), nullable=False),
        sa.Column('type', sa.String(length=16), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('date', sa.String(length=10), nullable=True),
        sa.Column('date_precision', sa.String(length=16), nullable=False),
        sa.Column('date_start', sa.String(length=10), nullable=True),
        sa.Column('date_end', sa.String(length=10), nullable=True),
        sa.Column('place', sa.Text(), nullable=True),
        sa.Column('place_key', sa.Text(), nullable=True),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('independent_sources', sa.Integer(), nullable=False),
        sa.Column('first_reported', sa.Date(), nullable=True),
        sa.Column('last_reported', sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_events_dates', 'events', ['date_start', 'date_end'], unique=False)
    op.create_table('ledger',
        sa.Column('source', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('reason', sa.Text(), nullable=False),
        sa.Column('doc_id', sa.String(length=200), nullable=True),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('source')
    )
    op.create_table('background_spans',
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.Column('start', sa.Integer(), nullable=False),
        sa.Column('stop', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.doc_id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('doc_id', 'start')
    )
    op.create_table('conflicts',
        sa.Column('event_id', sa.String(length=32), nullable=False),
        sa.Column('field', sa.String(length=16), nullable=False),
        sa.Column('value', sa.Text(), nullable=False),
        sa.Column('doc_ids', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('event_id', 'field', 'value')
    )
    op.create_table('event_history',
        sa.Column('event_id', sa.String(length=32), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('reported', sa.Date(), nullable=True),
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.Column('change', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('date', sa.String(length=10), nullable=True),
        sa.Column('place', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('event_id', 'seq')
    )
    op.create_table('event_participants',
        sa.Column('event_id', sa.String(length=32), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('actor_id', sa.String(length=200), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('country', sa.String(length=16), nullable=True),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('event_id', 'position')
    )
    op.create_index(op.f('ix_event_participants_actor_id'), 'event_participants', ['actor_id'], unique=False)
    op.create_table('event_sources',
        sa.Column('event_id', sa.String(length=32), nullable=False),
        sa.Column('meeting_id', sa.Integer(), nullable=False),
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('date', sa.String(length=10), nullable=True),
        sa.Column('place', sa.Text(), nullable=True),
        sa.Column('evidence_start', sa.Integer(), nullable=False),
        sa.Column('evidence_stop', sa.Integer(), nullable=False),
        sa.Column('evidence_text', sa.Text(), nullable=False),
        sa.Column('copy_of', sa.String(length=200), nullable=True),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('event_id', 'meeting_id')
    )
    op.create_index(op.f('ix_event_sources_doc_id'), 'event_sources', ['doc_id'], unique=False)
    op.create_table('meetings',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('place', sa.Text(), nullable=True),
        sa.Column('date', sa.String(length=10), nullable=True),
        sa.Column('date_precision', sa.String(length=16), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('evidence_start', sa.Integer(), nullable=False),
        sa.Column('evidence_stop', sa.Integer(), nullable=False),
        sa.Column('evidence_text', sa.Text(), nullable=False),
        sa.Column('background', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.doc_id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_meetings_doc_id'), 'meetings', ['doc_id'], unique=False)
    op.create_table('mentions',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.Column('actor_id', sa.String(length=200), nullable=False),
        sa.Column('start', sa.Integer(), nullable=False),
        sa.Column('stop', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.doc_id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_mentions_actor_id'), 'mentions', ['actor_id'], unique=False)
    op.create_index(op.f('ix_mentions_doc_id'), 'mentions', ['doc_id'], unique=False)
    op.create_table('passages',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.Column('start', sa.Integer(), nullable=False),
        sa.Column('stop', sa.Integer(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.doc_id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_passages_doc_id'), 'passages', ['doc_id'], unique=False)
    op.create_table('quotes',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('speaker_id', sa.String(length=200), nullable=False),
        sa.Column('speaker_name', sa.Text(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('start', sa.Integer(), nullable=False),
        sa.Column('stop', sa.Integer(), nullable=False),
        sa.Column('evidence_start', sa.Integer(), nullable=False),
        sa.Column('evidence_stop', sa.Integer(), nullable=False),
        sa.Column('background', sa.Boolean(), nullable=False),
        sa.Column('channel', sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.doc_id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_quotes_doc_id'), 'quotes', ['doc_id'], unique=False)
    op.create_index(op.f('ix_quotes_speaker_id'), 'quotes', ['speaker_id'], unique=False)
    op.create_table('roles',
        sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
        sa.Column('doc_id', sa.String(length=200), nullable=False),
        sa.Column('seq', sa.Integer(), nullable=False),
        sa.Column('actor_id', sa.String(length=200), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.Column('role', sa.Text(), nullable=False),
        sa.Column('evidence_start', sa.Integer(), nullable=False),
        sa.Column('evidence_stop', sa.Integer(), nullable=False),
        sa.Column('background', sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(['doc_id'], ['documents.doc_id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_roles_actor_id'), 'roles', ['actor_id'], unique=False)
    op.create_index(op.f('ix_roles_doc_id'), 'roles', ['doc_id'], unique=False)
    op.create_table('meeting_participants',
        sa.Column('meeting_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('actor_id', sa.String(length=200), nullable=False),
        sa.Column('name', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['meeting_id'], ['meetings.id'], ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('meeting_id', 'position')
    )
    op.create_index(op.f('ix_meeting_participants_actor_id'), 'meeting_participants', ['actor_id'], unique=False)
    _create_search_index()


def _create_search_index() -> None:
    """SQLite: an FTS5 table of Python-stemmed passages; PostgreSQL: its own Russian stemming."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE passages_fts USING fts5(stems, tokenize='unicode61 remove_diacritics 0')")
    else:
        op.execute("CREATE INDEX ix_passages_tsv ON passages USING gin (to_tsvector('russian', text))")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE passages_fts")
    op.drop_index(op.f('ix_meeting_participants_actor_id'), table_name='meeting_participants')
    op.drop_table('meeting_participants')
    op.drop_index(op.f('ix_roles_doc_id'), table_name='roles')
    op.drop_index(op.f('ix_roles_actor_id'), table_name='roles')
    op.drop_table('roles')
    op.drop_index(op.f('ix_quotes_speaker_id'), table_name='quotes')
    op.drop_index(op.f('ix_quotes_doc_id'), table_name='quotes')
    op.drop_table('quotes')
    op.drop_index(op.f('ix_passages_doc_id'), table_name='passages')
    op.drop_table('passages')
    op.drop_index(op.f('ix_mentions_doc_id'), table_name='mentions')
    op.drop_index(op.f('ix_mentions_actor_id'), table_name='mentions')
    op.drop_table('mentions')
    op.drop_index(op.f('ix_meetings_doc_id'), table_name='meetings')
    op.drop_table('meetings')
    op.drop_index(op.f('ix_event_sources_doc_id'), table_name='event_sources')
    op.drop_table('event_sources')
    op.drop_index(op.f('ix_event_participants_actor_id'), table_name='event_participants')
    op.drop_table('event_participants')
    op.drop_table('event_history')
    op.drop_table('conflicts')
    op.drop_table('background_spans')
    op.drop_table('ledger')
    op.drop_index('ix_events_dates', table_name='events')
    op.drop_table('events')
    op.drop_table('documents')
    op.drop_table('actors')
