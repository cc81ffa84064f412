"""The SQLite schema as typed SQLAlchemy models.

Times are stored as whole seconds since the epoch (UTC) plus the UTC offset
they were recorded in, so ordering and range queries use one integer index
while the local wall-clock time a person saw is kept too. Locations and
symptoms live in child tables with their position, so the order a person
chose survives and SQL can count them without loading episodes.
"""

from __future__ import annotations

from typing import cast

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Table, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class EpisodeRow(Base):
    __tablename__ = "episode"
    __table_args__ = (
        CheckConstraint("severity BETWEEN 0 AND 10", name="severity_range"),
        CheckConstraint(
            "duration_minutes IS NULL OR duration_minutes BETWEEN 0 AND 43200",
            name="duration_range",
        ),
        Index("ix_episode_started_at", "started_at"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    started_at: Mapped[int]
    utc_offset: Mapped[int]
    duration_minutes: Mapped[int | None]
    sensation: Mapped[str] = mapped_column(String(32))
    severity: Mapped[int]
    onset: Mapped[str] = mapped_column(String(32))
    context: Mapped[str] = mapped_column(String(32))
    position_change: Mapped[str] = mapped_column(String(32))
    notes: Mapped[str] = mapped_column(Text, default="")

    locations: Mapped[list[EpisodeLocationRow]] = relationship(
        cascade="all, delete-orphan",
        order_by="EpisodeLocationRow.position",
        passive_deletes=True,
    )
    symptoms: Mapped[list[EpisodeSymptomRow]] = relationship(
        cascade="all, delete-orphan",
        order_by="EpisodeSymptomRow.position",
        passive_deletes=True,
    )


class EpisodeLocationRow(Base):
    __tablename__ = "episode_location"
    __table_args__ = (Index("ix_episode_location_location", "location"),)

    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    location: Mapped[str] = mapped_column(String(32))


class EpisodeSymptomRow(Base):
    __tablename__ = "episode_symptom"
    __table_args__ = (Index("ix_episode_symptom_symptom", "symptom"),)

    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    symptom: Mapped[str] = mapped_column(String(40))


class ConditionRow(Base):
    __tablename__ = "profile_condition"

    id: Mapped[int] = mapped_column(primary_key=True)
    condition: Mapped[str] = mapped_column(String(40))
    since: Mapped[str | None] = mapped_column(String(10))
    note: Mapped[str] = mapped_column(Text, default="")


class TreatmentRow(Base):
    """Something tried (schema 2); dates are ISO text, ``stopped`` NULL while still going."""

    __tablename__ = "treatment"
    __table_args__ = (
        CheckConstraint("stopped IS NULL OR stopped >= started", name="stopped_after_started"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(32))
    dose: Mapped[str] = mapped_column(Text, default="")
    started: Mapped[str] = mapped_column(String(10))
    stopped: Mapped[str | None] = mapped_column(String(10))
    notes: Mapped[str] = mapped_column(Text, default="")


class EpisodeReliefRow(Base):
    """One episode's "took something for it" answer (schema 2)."""

    __tablename__ = "episode_relief"
    __table_args__ = (
        CheckConstraint("helped IN ('yes', 'a_little', 'no')", name="helped_answer"),
        Index("ix_episode_relief_treatment", "treatment_id"),
    )

    episode_id: Mapped[int] = mapped_column(
        ForeignKey("episode.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(primary_key=True)
    treatment_id: Mapped[int] = mapped_column(ForeignKey("treatment.id", ondelete="CASCADE"))
    helped: Mapped[str] = mapped_column(String(16))


class SettingRow(Base):
    """Key/value settings stored with the journal (values are JSON text)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RevisionRow(Base):
    """Counts committed changes, so whatever was derived from them knows it is stale (schema 3)."""

    __tablename__ = "journal_revision"
    __table_args__ = (CheckConstraint("id = 1", name="one_row"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    value: Mapped[int]


class FlaggedMemoRow(Base):
    """The flagged episodes of one date range, as of a revision, an hour, the rules (schema 3)."""

    __tablename__ = "flagged_memo"

    span: Mapped[str] = mapped_column(String(32), primary_key=True)
    stamp: Mapped[str] = mapped_column(Text)
    ids: Mapped[str] = mapped_column(Text)


# Plain tables for bulk SQL (typed as Table so Core statements accept them).
EPISODE = cast(Table, EpisodeRow.__table__)
EPISODE_LOCATION = cast(Table, EpisodeLocationRow.__table__)
EPISODE_SYMPTOM = cast(Table, EpisodeSymptomRow.__table__)
PROFILE_CONDITION = cast(Table, ConditionRow.__table__)
SETTING = cast(Table, SettingRow.__table__)
TREATMENT = cast(Table, TreatmentRow.__table__)
EPISODE_RELIEF = cast(Table, EpisodeReliefRow.__table__)
REVISION = cast(Table, RevisionRow.__table__)
FLAGGED_MEMO = cast(Table, FlaggedMemoRow.__table__)
