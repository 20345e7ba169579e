"""Rounds that last several days (a meeting's last day) and the outlet that published each document.

Revision ID: 0006
Revises: 0005
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Documents and meetings stored before this revision have neither: re-ingesting fills them.
    op.add_column("meetings", sa.Column("date_end", sa.String(length=10), nullable=True))
    op.add_column("documents", sa.Column("outlet", sa.String(length=120), nullable=True))
    op.add_column("event_sources", sa.Column("date_end", sa.String(length=10), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("event_sources") as batch:
        batch.drop_column("date_end")
    with op.batch_alter_table("documents") as batch:
        batch.drop_column("outlet")
    with op.batch_alter_table("meetings") as batch:
        batch.drop_column("date_end")
