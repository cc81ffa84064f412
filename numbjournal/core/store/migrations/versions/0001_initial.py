"""Create the first journal schema.

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
    op.create_table(
        "episode",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("started_at", sa.Integer(), nullable=False),
        sa.Column("utc_offset", sa.Integer(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("sensation", sa.String(32), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.Column("onset", sa.String(32), nullable=False),
        sa.Column("context", sa.String(32), nullable=False),
        sa.Column("position_change", sa.String(32), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.CheckConstraint("severity BETWEEN 0 AND 10", name="severity_range"),
        sa.CheckConstraint(
            "duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 43200",
            name="duration_range",
        ),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_episode_started_at", "episode", ["started_at"])
    op.create_table(
        "episode_location",
        sa.Column(
            "episode_id",
            sa.Integer(),
            sa.ForeignKey("episode.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("location", sa.String(32), nullable=False),
    )
    op.create_index("ix_episode_location_location", "episode_location", ["location"])
    op.create_table(
        "episode_symptom",
        sa.Column(
            "episode_id",
            sa.Integer(),
            sa.ForeignKey("episode.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("position", sa.Integer(), primary_key=True),
        sa.Column("symptom", sa.String(40), nullable=False),
    )
    op.create_index("ix_episode_symptom_symptom", "episode_symptom", ["symptom"])
    op.create_table(
        "profile_condition",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("condition", sa.String(40), nullable=False),
        sa.Column("since", sa.String(10), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
    )
    op.create_table(
        "setting",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
    )
    op.execute("PRAGMA user_version = 1")


def downgrade() -> None:
    raise NotImplementedError("numbjournal journals are never downgraded")
