"""Journals with content, and a way to prove files were left exactly as they were."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from numbjournal.core.model import Episode, Location, Symptom
from numbjournal.core.store import Journal

Snapshot = dict[str, str]


def sample_episodes(count: int, *, start: datetime | None = None) -> list[Episode]:
    """Varied, valid episodes an hour apart, with notes long enough to fill several pages."""
    first = start or datetime(2026, 1, 5, 7, 30, tzinfo=timezone(timedelta(hours=1)))
    locations = list(Location)
    return [
        Episode(
            started_at=first + timedelta(hours=i),
            duration_minutes=(i * 7) % 120,
            locations=(locations[i % len(locations)], locations[(i + 3) % len(locations)]),
            severity=i % 11,
            symptoms=(Symptom.PAIN,) if i % 3 == 0 else (),
            notes=f"episode {i}: after sitting at the desk " * 3,
        )
        for i in range(count)
    ]


@pytest.fixture
def episodes_maker() -> Callable[..., list[Episode]]:
    return sample_episodes


@pytest.fixture
def filled_journal(tmp_path: Path) -> Path:
    """A closed journal of 300 episodes (about 30 pages), with no backups yet."""
    path = tmp_path / "data" / "journal.sqlite"
    with Journal.open(path, automatic_backups=False) as journal:
        journal.import_all(sample_episodes(300))
    return path


def snapshot_folder(folder: Path) -> Snapshot:
    """Every file in ``folder`` by name with a hash of its bytes."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def snapshot() -> Callable[[Path], Snapshot]:
    return snapshot_folder
