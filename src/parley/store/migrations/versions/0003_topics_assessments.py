"""Topics and assessments: per meeting as each document states them, and per fused event.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def _span_columns() -> list[sa.Column]:
    return [sa.Column("evidence_start", sa.Integer(), nullable=False),
            sa.Column("evidence_stop", sa.Integer(), nullable=False),
            sa.Column("evidence_text", sa.Text(), nullable=False)]


def _sentence_columns() -> list[sa.Column]:
    return [sa.Column("sentence_start", sa.Integer(), nullable=False),
            sa.Column("sentence_stop", sa.Integer(), nullable=False),
            sa.Column("sentence_text", sa.Text(), nullable=False)]


def upgrade() -> None:
    # Meetings stored before this revision have no topics or assessments: nothing to fill in.
    op.create_table("meeting_topics",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=32), nullable=False),
        *_span_columns(),
        sa.Column("background", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", "position")
    )
    op.create_table("meeting_assessments",
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("judge_id", sa.String(length=200), nullable=False),
        sa.Column("judge_name", sa.Text(), nullable=False),
        sa.Column("tone", sa.String(length=16), nullable=False),
        *_span_columns(),
        *_sentence_columns(),
        sa.Column("background", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("meeting_id", "position")
    )
    op.create_index(op.f("ix_meeting_assessments_judge_id"), "meeting_assessments", ["judge_id"], unique=False)
    op.create_table("event_topics",
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(length=32), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(length=200), nullable=False),
        *_span_columns(),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "position")
    )
    op.create_index(op.f("ix_event_topics_topic"), "event_topics", ["topic"], unique=False)
    op.create_table("event_assessments",
        sa.Column("event_id", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("doc_id", sa.String(length=200), nullable=False),
        sa.Column("judge_id", sa.String(length=200), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("written", sa.Text(), nullable=False),
        sa.Column("side", sa.String(length=16), nullable=True),
        sa.Column("tone", sa.String(length=16), nullable=False),
        *_span_columns(),
        *_sentence_columns(),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "position")
    )
    op.create_index(op.f("ix_event_assessments_judge_id"), "event_assessments", ["judge_id"], unique=False)
    op.create_index(op.f("ix_event_assessments_side"), "event_assessments", ["side"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_event_assessments_side"), table_name="event_assessments")
    op.drop_index(op.f("ix_event_assessments_judge_id"), table_name="event_assessments")
    op.drop_table("event_assessments")
    op.drop_index(op.f("ix_event_topics_topic"), table_name="event_topics")
    op.drop_table("event_topics")
    op.drop_index(op.f("ix_meeting_assessments_judge_id"), table_name="meeting_assessments")
    op.drop_table("meeting_assessments")
    op.drop_table("meeting_topics")
