"""Roles taken apart: the title, the organisation and the country of each role phrase.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Roles stored before this revision have no parts: reading them takes the phrase apart again.
    op.add_column("roles", sa.Column("title", sa.Text(), nullable=True))
    op.add_column("roles", sa.Column("organization", sa.Text(), nullable=True))
    op.add_column("roles", sa.Column("country", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("roles") as batch:
        batch.drop_column("country")
        batch.drop_column("organization")
        batch.drop_column("title")
