"""The flagged counts of a chart drawn again come from the journal's memo, never stale ones.

A memo that outlived a change would show a doctor fewer flagged episodes
than there are; so every test here changes something a person can change
(an episode, a setting, the profile, the clock, the rules) and looks at the
flagged count the frequency chart gives.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from numbjournal.core import patterns, triage
from numbjournal.core.model import Condition, ConditionEntry, Episode, Profile, Symptom
from numbjournal.core.patterns import Granularity, flagged
from numbjournal.core.store import Journal
from numbjournal.core.triage import load_settings, save_settings

FIRST, LAST = date(2026, 11, 9), date(2026, 11, 15)


def flagged_this_week(journal: Journal) -> int:
    data = patterns.frequency(journal, FIRST, LAST, granularity=Granularity.WEEK)
    return sum(p.flagged for p in data.points)


def flagged_so_far(journal: Journal) -> int:
    return sum(p.flagged for p in patterns.frequency(journal).points)


@pytest.fixture
def rule_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many times the rules ran over a range's episodes."""
    runs: list[int] = []
    real = triage.evaluate_journal

    def counting(*args: object, **kwargs: object) -> triage.JournalFlags:
        runs.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(triage, "evaluate_journal", counting)
    yield runs


def memo_rows(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute("SELECT count(*) FROM flagged_memo").fetchone()[0])


def test_the_same_chart_again_reuses_the_flags(
    journal: Journal, log_at: Callable, rule_runs: list[int]
) -> None:
    log_at("2026-11-11 09:00", symptoms=(Symptom.FACIAL_DROOPING,))
    log_at("2026-11-12 09:00")
    assert flagged_this_week(journal) == 1
    assert flagged_this_week(journal) == 1
    assert len(rule_runs) == 1


def test_a_new_emergency_is_counted_at_once(
    journal: Journal, log_at: Callable, rule_runs: list[int]
) -> None:
    log_at("2026-11-11 09:00")
    assert flagged_this_week(journal) == 0
    log_at("2026-11-12 09:00", symptoms=(Symptom.FACIAL_DROOPING,))
    assert flagged_this_week(journal) == 1


def test_an_edit_or_a_delete_is_counted_at_once(journal: Journal, log_at: Callable) -> None:
    stroke = log_at("2026-11-11 09:00", symptoms=(Symptom.FACIAL_DROOPING,))
    plain = log_at("2026-11-12 09:00")
    assert flagged_this_week(journal) == 1
    journal.update(replace(plain, symptoms=(Symptom.DIFFICULTY_SPEAKING,)))
    assert flagged_this_week(journal) == 2
    journal.delete([stroke.id or 0])
    assert flagged_this_week(journal) == 1


def test_a_changed_setting_is_counted_at_once(journal: Journal, log_at: Callable) -> None:
    log_at("2026-11-11 09:00", duration_minutes=20)
    assert flagged_this_week(journal) == 0
    save_settings(journal, replace(load_settings(journal), persistent_minutes=15))
    assert flagged_this_week(journal) == 1


def test_a_changed_profile_runs_the_rules_again(
    journal: Journal, log_at: Callable, rule_runs: list[int]
) -> None:
    log_at("2026-11-11 09:00")
    flagged_this_week(journal)
    journal.set_profile(Profile(conditions=(ConditionEntry(Condition.DIABETES),)))
    flagged_this_week(journal)
    assert len(rule_runs) == 2


def test_the_next_hour_runs_the_rules_again(
    journal: Journal, log_at: Callable, rule_runs: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    log_at("2026-11-11 09:00", symptoms=(Symptom.FACIAL_DROOPING,))
    flagged_this_week(journal)
    later = datetime.now(UTC) + timedelta(hours=1)

    class OneHourOn(datetime):
        @classmethod
        def now(cls, tz: object = None) -> OneHourOn:  # type: ignore[override]
            return later  # type: ignore[return-value]

    monkeypatch.setattr(flagged, "datetime", OneHourOn)
    assert flagged_this_week(journal) == 1
    assert len(rule_runs) == 2


def test_other_rules_run_again(
    journal: Journal, log_at: Callable, rule_runs: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    log_at("2026-11-11 09:00", symptoms=(Symptom.FACIAL_DROOPING,))
    flagged_this_week(journal)
    monkeypatch.setattr("numbjournal.core.triage.fingerprint.rules_fingerprint", lambda: "newer")
    flagged_this_week(journal)
    assert len(rule_runs) == 2


def test_nothing_is_remembered_while_a_new_episode_is_still_going(
    journal: Journal, episode_factory: Callable[..., Episode], rule_runs: list[int]
) -> None:
    """Three minutes in, it is not yet persistent; in half an hour it will be."""
    started = datetime.now(UTC) - timedelta(minutes=3)
    journal.add(episode_factory(started_at=started, duration_minutes=None))
    assert flagged_so_far(journal) == 0
    flagged_so_far(journal)
    assert len(rule_runs) == 2
    assert memo_rows(journal.path) == 0


def test_a_timer_left_running_for_days_does_not_stop_remembering(
    journal: Journal, episode_factory: Callable[..., Episode], rule_runs: list[int]
) -> None:
    started = datetime.now(UTC) - timedelta(days=3)
    journal.add(episode_factory(started_at=started, duration_minutes=None))
    assert flagged_so_far(journal) == 1
    assert flagged_so_far(journal) == 1
    assert len(rule_runs) == 1


def test_a_spoilt_memo_is_found_again_not_trusted(journal: Journal, log_at: Callable) -> None:
    log_at("2026-11-11 09:00", symptoms=(Symptom.FACIAL_DROOPING,))
    assert flagged_this_week(journal) == 1
    with sqlite3.connect(journal.path) as conn:
        conn.execute("UPDATE flagged_memo SET ids = 'not a list'")
    assert flagged_this_week(journal) == 1


def test_a_read_only_journal_is_charted_and_left_as_it_was(
    journal_path: Path, log_at: Callable
) -> None:
    log_at("2026-11-11 09:00", symptoms=(Symptom.FACIAL_DROOPING,))
    before = journal_path.read_bytes()
    with Journal.open(journal_path, read_only=True, automatic_backups=False) as reader:
        assert flagged_this_week(reader) == 1
    assert journal_path.read_bytes() == before


def test_a_chart_does_not_wait_for_another_programs_write_to_remember(
    journal: Journal, log_at: Callable
) -> None:
    """Another program holds the write lock (a long import) and lets go a moment
    later: the chart is drawn from what it read, and remembers nothing rather
    than wait to write its memo."""
    log_at("2026-11-11 09:00", symptoms=(Symptom.FACIAL_DROOPING,))
    other = sqlite3.connect(journal.path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    letting_go = threading.Timer(2.0, lambda: other.execute("ROLLBACK"))
    letting_go.start()
    try:
        assert flagged_this_week(journal) == 1
    finally:
        letting_go.join()
        other.close()
    assert memo_rows(journal.path) == 0
    assert flagged_this_week(journal) == 1
    assert memo_rows(journal.path) == 1
