"""Treatments and each episode's relief (schema 2).

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
    op.create_table(
        "treatment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("dose", sa.Text(), nullable=False),
        sa.Column("started", sa.String(10), nullable=False),
        sa.Column("stopped", sa.String(10), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint("stopped IS NULL OR stopped >= started", name="stopped_after_started"),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "episode_relief",
        sa.Column(
            "episode_id",
            sa.Integer(),
            sa.ForeignKey("episode.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column(
            "treatment_id",
            sa.Integer(),
            sa.ForeignKey("treatment.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("helped", sa.String(16), nullable=False),
        sa.CheckConstraint("helped IN ('yes', 'a_little', 'no')", name="helped_answer"),
    )
    op.create_index("ix_episode_relief_treatment", "episode_relief", ["treatment_id"])
    op.execute("PRAGMA user_version = 2")


def downgrade() -> None:
    raise NotImplementedError("numbjournal journals are never downgraded")
