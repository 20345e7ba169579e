"""The ledger records the language each input reads as.

Revision ID: 0005
Revises: 0004
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ledger", sa.Column("lang", sa.String(length=8), nullable=True))  # rows before it: unknown


def downgrade() -> None:
    with op.batch_alter_table("ledger") as batch:
        batch.drop_column("lang")
