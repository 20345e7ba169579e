"""Incremental fusion: each event's block, the documents waiting to be fused, lookups by meeting.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Events fused before this revision have no block: the next fusion rebuilds them all.
    op.add_column("events", sa.Column("block", sa.String(length=32), nullable=True))  # no table copy
    op.create_index("ix_events_block", "events", ["block"], unique=False)
    op.create_index("ix_event_sources_meeting_id", "event_sources", ["meeting_id"], unique=False)
    op.create_table("fusion_pending",
        sa.Column("doc_id", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("doc_id")
    )


def downgrade() -> None:
    op.drop_table("fusion_pending")
    op.drop_index("ix_event_sources_meeting_id", table_name="event_sources")
    with op.batch_alter_table("events") as batch:
        batch.drop_index("ix_events_block")
        batch.drop_column("block")
