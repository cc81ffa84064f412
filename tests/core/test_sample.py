"""The sample journal: plausible, valid, in the past, and marked as a sample."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from numbjournal.core.sample import (
    SAMPLE_MARK,
    sample_episodes,
    sample_profile,
)
from numbjournal.core.store.sample_file import write_sample_journal
from numbjournal.core.triage import TriageSettings, evaluate_journal
from numbjournal.core.validation import validate_episode

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=timezone(timedelta(hours=1)))


def test_every_sample_episode_is_valid_and_in_the_past() -> None:
    episodes = sample_episodes(NOW, 400)
    assert len(episodes) == 400
    assert [validate_episode(e, now=NOW) for e in episodes] == [[]] * 400
    assert episodes == sorted(episodes, key=lambda e: e.started_at)


def test_the_sample_shows_both_kinds_of_flag() -> None:
    episodes = [e.with_id(i) for i, e in enumerate(sample_episodes(NOW), start=1)]
    flags = evaluate_journal(episodes, sample_profile(), TriageSettings(), now=NOW)
    tiers = {f.tier for fs in flags.episodes.values() for f in fs}
    assert {str(t) for t in tiers} == {"emergency", "see_doctor"}
    assert 0 < flags.flagged_count() < len(episodes)


def test_write_sample_journal_replaces_an_old_sample(tmp_path: Path) -> None:
    path = tmp_path / "sample" / "sample-journal.sqlite"
    path.parent.mkdir()
    first = write_sample_journal(path, NOW)
    first.close()
    second = write_sample_journal(path, NOW)
    try:
        assert second.count() == len(sample_episodes(NOW))
        assert second.setting(SAMPLE_MARK) is True
        assert second.profile().name == "Sample Person"
        # Treatments too, once each though the sample was written twice.
        assert [t.name for t in second.treatments.all()] == ["physiotherapy", "vitamin B12"]
    finally:
        second.close()
