"""Importing a file checks each episode once, and still refuses what must be refused."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest

from numbjournal.core import model, validation
from numbjournal.core.errors import ValidationError
from numbjournal.core.formats import dump_json, parse_json
from numbjournal.core.formats import fields as format_fields
from numbjournal.core.store import Journal
from numbjournal.core.store import journal as journal_module
from numbjournal.core.validation import CheckedEpisodes

from ...conftest import make_episode


def test_a_file_is_checked_once_from_reading_to_saving(journal: Journal, monkeypatch) -> None:
    drafts = [make_episode(severity=i % 10, notes=f"n{i}") for i in range(12)]
    episodes = [e.with_id(i + 1) for i, e in enumerate(drafts)]
    text = dump_json(episodes, (), exported_at=datetime.now(UTC))
    calls: list[int] = []

    def counted(episode: model.Episode, **kwargs: object) -> list[model.FieldProblem]:
        calls.append(1)
        return validation.validate_episode(episode, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(format_fields, "validate_episode", counted)
    monkeypatch.setattr(journal_module, "validate_episode", counted)
    contents = parse_json(text, "export.json")
    result = journal.import_all(contents.episodes, contents.conditions)
    assert result.added == 12
    assert len(calls) == 12, "each episode checked once, while the file was read"


def test_a_checked_episode_that_starts_in_the_future_is_still_refused(journal: Journal) -> None:
    later = datetime.now(UTC) + timedelta(days=3)
    episodes = CheckedEpisodes([make_episode(), make_episode(started_at=later)])
    with pytest.raises(ValidationError) as refused:
        journal.import_all(episodes)
    assert "episode 2" in str(refused.value) and "is in the future" in str(refused.value)
    assert journal.count() == 0, "nothing was imported"


def test_episodes_from_elsewhere_are_checked_in_full(journal: Journal) -> None:
    bad = dataclasses.replace(make_episode(), severity=42)
    with pytest.raises(ValidationError) as refused:
        journal.import_all([make_episode(), bad])
    assert "severity" in str(refused.value)
    assert journal.count() == 0
