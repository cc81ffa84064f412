"""A revision counter and the remembered flagged episodes (schema 3).

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


def upgrade() -> None:
    op.create_table(
        "journal_revision",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name="one_row"),
    )
    op.execute("INSERT INTO journal_revision (id, value) VALUES (1, 0)")
    op.create_table(
        "flagged_memo",
        sa.Column("span", sa.String(32), primary_key=True),
        sa.Column("stamp", sa.Text(), nullable=False),
        sa.Column("ids", sa.Text(), nullable=False),
    )
    op.execute("PRAGMA user_version = 3")


def downgrade() -> None:
    raise NotImplementedError("numbjournal journals are never downgraded")
