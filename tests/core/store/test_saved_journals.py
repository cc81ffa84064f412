"""Journals saved by earlier releases open and read back every field.

Each file in data/ was written by the schema named in its file name and is
never regenerated: when a migration is added, these prove that people's
existing journals still open, and a new file is saved for the new schema.
"""

from __future__ import annotations

import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from numbjournal.core.model import (
    Condition,
    Context,
    Helped,
    Location,
    Onset,
    PositionChange,
    Sensation,
    Symptom,
    Treatment,
    TreatmentKind,
)
from numbjournal.core.store import Journal
from numbjournal.core.store.flagged_memo import revision
from numbjournal.core.store.opening import SCHEMA_VERSION, inspect_file

DATA = Path(__file__).parent / "data"


def test_a_schema_1_journal_opens_with_every_field(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    shutil.copy(DATA / "journal-schema-1.sqlite", path)

    with Journal.open(path, automatic_backups=False) as journal:
        first, second = journal.episodes()
        profile = journal.profile()
        persistent = journal.setting("triage.persistent_minutes")

    assert first.started_at == datetime(2024, 3, 31, 1, 30, tzinfo=timezone(timedelta(hours=1)))
    assert first.started_at.utcoffset() == timedelta(hours=1)
    assert first.locations == (Location.LEFT_FOOT_TOP, Location.LEFT_CALF)
    assert (first.sensation, first.severity, first.onset) == (
        Sensation.TINGLING,
        4,
        Onset.GRADUAL,
    )
    assert first.position_change is PositionChange.IMPROVED
    assert first.notes == "before the clocks changed"

    assert second.started_at.utcoffset() == timedelta(hours=5, minutes=45)
    assert second.duration_minutes is None
    assert second.locations == (Location.FACE, Location.RIGHT_SOLE, Location.LEFT_SOLE)
    assert second.symptoms == (Symptom.FACIAL_DROOPING, Symptom.DIFFICULTY_SPEAKING)
    assert second.notes == '=SUM(A1) "quoted", comma\nnew line 🦶'

    assert profile.name == "Sam Example"
    assert profile.date_of_birth == date(1970, 5, 6)
    assert [(c.condition, c.since, c.note) for c in profile.conditions] == [
        (Condition.DIABETES, date(2019, 3, 1), "type 2")
    ]
    assert persistent == 45
    assert inspect_file(path) == SCHEMA_VERSION


def test_a_schema_1_journal_gains_treatments_after_its_migration(tmp_path: Path) -> None:
    path = tmp_path / "journal.sqlite"
    shutil.copy(DATA / "journal-schema-1.sqlite", path)

    with Journal.open(path, automatic_backups=False) as journal:
        assert journal.treatments.all() == []
        assert all(e.relief == () for e in journal.episodes())
        added = journal.treatments.add(
            Treatment("vitamin B12", TreatmentKind.SUPPLEMENT, date(2024, 1, 2))
        )
    with Journal.open(path, automatic_backups=False) as journal:
        assert journal.treatments.all() == [added]


@pytest.mark.parametrize("schema", [2, 3])
def test_a_schema_2_or_3_journal_opens_with_treatments_and_relief(
    tmp_path: Path, schema: int
) -> None:
    path = tmp_path / "journal.sqlite"
    shutil.copy(DATA / f"journal-schema-{schema}.sqlite", path)

    with Journal.open(path, automatic_backups=False) as journal:
        first, second = journal.episodes()
        physio, gabapentin = journal.treatments.all()
        profile = journal.profile()

    assert (gabapentin.name, gabapentin.kind, gabapentin.dose) == (
        "gabapentin",
        TreatmentKind.MEDICATION,
        "300 mg at night",
    )
    assert (gabapentin.started, gabapentin.stopped, gabapentin.notes) == (
        date(2024, 3, 1),
        None,
        "dizzy at first",
    )
    assert (physio.kind, physio.started, physio.stopped, physio.dose) == (
        TreatmentKind.THERAPY,
        date(2024, 2, 1),
        date(2024, 3, 28),
        "twice a week",
    )
    assert first.started_at == datetime(2024, 3, 31, 1, 30, tzinfo=timezone(timedelta(hours=1)))
    assert (first.context, first.duration_minutes, first.notes) == (
        Context.SITTING,
        25,
        "took one extra",
    )
    assert [(r.treatment_id, r.helped) for r in first.relief] == [
        (gabapentin.id, Helped.A_LITTLE),
        (physio.id, Helped.NO),
    ]
    assert second.relief == () and second.duration_minutes is None
    assert second.started_at.utcoffset() == timedelta(hours=5, minutes=45)
    assert (profile.name, profile.date_of_birth) == ("Alex Example", date(1981, 2, 3))
    assert [(c.condition, c.since, c.note) for c in profile.conditions] == [
        (Condition.SCIATICA, date(2023, 11, 2), "left side")
    ]
    assert inspect_file(path) == SCHEMA_VERSION


def test_every_saved_schema_has_a_sample_file() -> None:
    saved = sorted(p.name for p in DATA.glob("journal-schema-*.sqlite"))
    assert saved == [f"journal-schema-{n}.sqlite" for n in range(1, SCHEMA_VERSION + 1)]


def test_a_schema_2_journal_starts_counting_revisions_after_its_migration(tmp_path: Path) -> None:
    """Schema 3 added the revision count that tells remembered flags are stale."""
    path = tmp_path / "journal.sqlite"
    shutil.copy(DATA / "journal-schema-2.sqlite", path)
    with Journal.open(path, automatic_backups=False) as journal:
        with journal.reading() as conn:
            assert revision(conn) == 0
        journal.set_setting("triage.persistent_minutes", 20)
        with journal.reading() as conn:
            assert revision(conn) == 1
