"""Backups hold what the journal held, stay private, and thin out by the retention."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from numbjournal.core.errors import JournalOpenError, JournalWriteError
from numbjournal.core.model import Episode
from numbjournal.core.store import Journal, backup, opening
from numbjournal.core.store.backup import (
    BEFORE_IMPORT,
    BEFORE_MIGRATION,
    BEFORE_RESTORE,
    DAILY,
    Backup,
    backups_folder,
    list_backups,
    make_backup,
    read_backup,
    retained,
)
from numbjournal.core.store.presence import lock_path
from numbjournal.core.store.restore import restore_backup

Snapshot = dict[str, str]


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _episodes_in(database: Path) -> list[Episode]:
    with Journal.open(database, before_migration=None, automatic_backups=False) as journal:
        return journal.episodes()


def _quick_check(database: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(f"{database.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        return conn.execute("PRAGMA quick_check").fetchall()
    finally:
        conn.close()


def test_backup_is_private_checked_and_holds_the_same_episodes(filled_journal: Path) -> None:
    old = os.umask(0)
    try:
        made = make_backup(filled_journal)
    finally:
        os.umask(old)
    assert made.path.parent == filled_journal.parent / "backups"
    assert _mode(made.path.parent) == 0o700 and _mode(made.path) == 0o600
    assert _quick_check(made.path) == [("ok",)]
    assert sorted(p.name for p in made.path.parent.iterdir()) == [made.path.name]
    assert _episodes_in(made.path) == _episodes_in(filled_journal)
    assert read_backup(made.path).episodes == 300
    assert list_backups(filled_journal) == [made]


def test_journals_sharing_a_folder_keep_separate_backups(tmp_path: Path) -> None:
    first, second = tmp_path / "mine.sqlite", tmp_path / "mothers.sqlite"
    for path in (first, second):
        Journal.open(path, automatic_backups=False).close()
    make_backup(first)
    make_backup(second)
    make_backup(second)
    assert backups_folder(first) == tmp_path / "mine-backups"
    assert len(list_backups(first)) == 1 and len(list_backups(second)) == 2


def test_backup_sees_only_committed_work_and_does_not_wait_for_a_writer(
    filled_journal: Path,
) -> None:
    with Journal.open(filled_journal, automatic_backups=False) as journal:
        journal.delete([1])
        other = sqlite3.connect(filled_journal, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("DELETE FROM episode WHERE id = 2")
        try:
            made = make_backup(filled_journal)
        finally:
            other.execute("ROLLBACK")
            other.close()
    assert read_backup(made.path).episodes == 299


def test_daily_backup_only_when_the_journal_changed(
    tmp_path: Path, episode_factory: Callable[..., Episode], monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    monkeypatch.setattr("numbjournal.core.store.backup.local_now", clock)
    path = tmp_path / "journal.sqlite"
    with Journal.open(path) as journal:
        assert list_backups(path) == [], "an empty journal needs no backup"
        journal.add(episode_factory())
    with Journal.open(path):
        pass
    assert [b.reason for b in list_backups(path)] == [DAILY]
    clock.advance(hours=3)
    with Journal.open(path) as journal:
        journal.add(episode_factory(severity=8))
    assert len(list_backups(path)) == 1, "one a day is enough"
    clock.advance(days=1)
    Journal.open(path).close()
    assert len(list_backups(path)) == 2, "changed since yesterday's backup"
    clock.advance(days=1)
    Journal.open(path).close()
    assert len(list_backups(path)) == 2, "unchanged since the last backup"


def test_backup_before_a_migration(filled_journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opening, "SCHEMA_VERSION", opening.SCHEMA_VERSION + 1)
    Journal.open(filled_journal, automatic_backups=False).close()
    (made,) = list_backups(filled_journal)
    assert made.reason == BEFORE_MIGRATION
    assert read_backup(made.path).episodes == 300


def test_no_migration_without_a_backup(
    filled_journal: Path, monkeypatch: pytest.MonkeyPatch, snapshot: Callable[[Path], Snapshot]
) -> None:
    monkeypatch.setattr(opening, "SCHEMA_VERSION", opening.SCHEMA_VERSION + 1)
    backups_folder(filled_journal).write_text("a file where the backups folder should be")
    before = snapshot(filled_journal.parent)
    with pytest.raises(JournalOpenError, match=r"needs an upgrade .* no backup was made"):
        Journal.open(filled_journal)
    assert snapshot(filled_journal.parent) == before


def test_backup_before_an_import(
    filled_journal: Path, episodes_maker: Callable[..., list[Episode]]
) -> None:
    fresh = episodes_maker(5, start=datetime(2026, 6, 1, 12, tzinfo=UTC))
    with Journal.open(filled_journal, automatic_backups=True) as journal:
        journal.import_all(fresh)
        assert journal.count() == 305
    (made,) = [b for b in list_backups(filled_journal) if b.reason == BEFORE_IMPORT]
    assert read_backup(made.path).episodes == 300


def test_import_refused_when_no_backup_can_be_made(
    filled_journal: Path, episodes_maker: Callable[..., list[Episode]]
) -> None:
    backups_folder(filled_journal).write_text("not a folder")
    with Journal.open(filled_journal) as journal:
        with pytest.raises(JournalWriteError, match=r"no backup was made.*nothing was imported"):
            journal.import_all(episodes_maker(3, start=datetime(2026, 6, 1, tzinfo=UTC)))
        assert journal.count() == 300


def _fake(taken: datetime, index: int) -> Backup:
    return Backup(Path(f"/b/{index:04d}.sqlite"), taken, DAILY, 1)


def test_retention_keeps_the_day_7_daily_4_weekly_12_monthly() -> None:
    now = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday
    # Two backups a day (09:00 and 18:00) for 500 days, plus three in the last hours.
    backups = []
    for days_ago in range(500):
        day = (now - timedelta(days=days_ago)).replace(hour=9)
        backups += [day, day.replace(hour=18)]
    backups = [t for t in backups if t <= now] + [now - timedelta(hours=h) for h in (1, 2)]
    fakes = [_fake(t, i) for i, t in enumerate(backups)]
    kept = {b.taken_at for b in fakes if b.path in retained(fakes, now)}

    last_day = {t for t in backups if now - t < timedelta(days=1)}
    daily = {(now - timedelta(days=d)).replace(hour=18) for d in range(1, 7)} | {
        now - timedelta(hours=1)
    }
    sundays = {datetime(2026, 11, d, 18, tzinfo=UTC) for d in (22, 15, 8)}
    month_ends = {
        datetime(2026, m, 31 if m in (1, 3, 5, 7, 8, 10) else 30, 18, tzinfo=UTC)
        for m in (10, 9, 8, 7, 6, 5, 4, 3, 1)
    }
    month_ends |= {datetime(2026, 2, 28, 18, tzinfo=UTC), datetime(2025, 12, 31, 18, tzinfo=UTC)}
    assert kept == last_day | daily | sundays | month_ends
    assert len(kept) < 30


def test_retention_prunes_files_with_a_fake_clock(filled_journal: Path) -> None:
    clock = FakeClock(datetime(2026, 1, 1, 20, 0, tzinfo=UTC))
    stranger = backups_folder(filled_journal) / "keep-me.sqlite"
    for _ in range(70):
        make_backup(filled_journal, clock=clock)
        if not stranger.exists():
            stranger.write_text("a file the person put here")
        clock.advance(days=1)
    dates = sorted(b.taken_at.date() for b in list_backups(filled_journal))
    assert dates[-7:] == [datetime(2026, 3, d).date() for d in range(5, 12)]
    assert len(dates) == len(set(dates)) < 7 + 4 + 12
    assert stranger.exists(), "files we did not make are never deleted"
    assert all(_quick_check(b.path) == [("ok",)] for b in list_backups(filled_journal))


def test_restore_puts_back_the_episodes_after_backing_up_the_present(
    filled_journal: Path, episode_factory: Callable[..., Episode]
) -> None:
    older = make_backup(filled_journal)
    with Journal.open(filled_journal, automatic_backups=False) as journal:
        journal.delete(range(1, 101))
        journal.add(episode_factory(notes="written after the backup"))
        present = journal.episodes()
        result = restore_backup(filled_journal, older.path)
        assert result.episodes == 300 and result.set_aside is None
        assert journal.count() == 300, "an open journal sees the restored episodes"
    assert result.safety is not None and result.safety.reason == BEFORE_RESTORE
    assert _episodes_in(result.safety.path) == present
    assert _episodes_in(filled_journal) == _episodes_in(older.path)
    assert _mode(filled_journal) == 0o600


@pytest.mark.parametrize("kind", ["truncated", "foreign", "newer", "text"])
def test_restore_refuses_a_bad_backup_and_changes_nothing(
    filled_journal: Path, kind: str, snapshot: Callable[[Path], Snapshot]
) -> None:
    bad = filled_journal.parent / f"{kind}.sqlite"
    if kind == "truncated":
        bad.write_bytes(make_backup(filled_journal).path.read_bytes()[:10000])
    elif kind == "text":
        bad.write_text("hello")
    else:
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE t (x)") if kind == "foreign" else None
        conn.execute(f"PRAGMA user_version = {9 if kind == 'newer' else 0}")
        conn.execute(f"PRAGMA application_id = {0x4E4A524E if kind == 'newer' else 0}")
        conn.commit()
        conn.close()
    before = snapshot(filled_journal.parent)
    with pytest.raises(JournalOpenError, match=r"cannot restore: .*the journal was not changed"):
        restore_backup(filled_journal, bad)
    assert snapshot(filled_journal.parent) == before


def test_restoring_over_a_damaged_journal_keeps_the_damaged_file_aside(
    filled_journal: Path,
) -> None:
    good = make_backup(filled_journal)
    damaged_bytes = filled_journal.read_bytes()[:5000]
    filled_journal.write_bytes(damaged_bytes)
    result = restore_backup(filled_journal, good.path)
    assert result.safety is None and result.episodes == 300
    assert result.set_aside is not None
    assert result.set_aside.read_bytes() == damaged_bytes
    assert _episodes_in(filled_journal) == _episodes_in(good.path)


def test_half_made_backups_of_a_killed_process_are_cleared_later(filled_journal: Path) -> None:
    folder = backups_folder(filled_journal)
    folder.mkdir()
    stale = folder / ".20261101T080000Z-daily.sqlite.k3j2.tmp"
    in_progress = folder / ".20261125T080000Z-manual.sqlite.x9q1.tmp"
    mine = folder / ".notes.txt.tmp"
    for path in (stale, in_progress, mine):
        path.write_bytes(b"partial")
    two_hours_ago = datetime.now().timestamp() - 7200
    for path in (stale, mine):
        os.utime(path, (two_hours_ago, two_hours_ago))
    make_backup(filled_journal)
    assert not stale.exists()
    assert in_progress.exists(), "another process may still be writing it"
    assert mine.exists(), "only our own temporary files are removed"


def test_unchanged_journal_is_compared_once_a_day_not_at_every_opening(
    filled_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = FakeClock(datetime(2026, 5, 1, 10, 0, tzinfo=UTC))
    monkeypatch.setattr(backup, "local_now", clock)
    make_backup(filled_journal, clock=clock)
    reads: list[Path] = []
    real_digest = backup.content_digest
    monkeypatch.setattr(backup, "content_digest", lambda p: reads.append(p) or real_digest(p))
    clock.advance(days=1)
    for _ in range(3):
        Journal.open(filled_journal).close()
    assert reads == [], "nothing was written after the backup: no need to read the files"
    os.utime(filled_journal)  # a checkpoint rewrites the file without changing its contents
    for _ in range(3):
        Journal.open(filled_journal).close()
    assert len(reads) == 2, "compared once, then remembered"
    assert len(list_backups(filled_journal)) == 1


def test_file_names_with_uri_characters_work_end_to_end(
    tmp_path: Path, episode_factory: Callable[..., Episode]
) -> None:
    path = tmp_path / "a b#c%20" / "my journal?.sqlite"
    with Journal.open(path) as journal:
        journal.add(episode_factory())
        made = journal.backup_now()
        journal.add(episode_factory(severity=9))
        result = journal.restore_from_backup(made.path)
        assert result.episodes == 1 and journal.count() == 1
    assert made.path.parent.name == "my journal?-backups"
    files = [p for p in path.parent.iterdir() if p.is_file() and p != lock_path(path)]
    assert [p.name for p in files] == [path.name]


def test_opening_goes_on_when_the_daily_backup_cannot_be_made(
    filled_journal: Path, caplog: pytest.LogCaptureFixture
) -> None:
    backups_folder(filled_journal).write_text("a file where the backups folder should be")
    with Journal.open(filled_journal) as journal:
        assert journal.count() == 300
    (record,) = [r for r in caplog.records if "daily backup skipped" in r.getMessage()]
    assert "cannot create the backups folder" in record.getMessage()


def test_no_daily_backup_when_it_would_fill_the_disk(
    filled_journal: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    size = filled_journal.stat().st_size
    usage = backup.shutil.disk_usage(filled_journal.parent)
    monkeypatch.setattr(
        backup.shutil,
        "disk_usage",
        lambda _p: usage._replace(free=2 * size + backup.DAILY_BACKUP_RESERVE - 1),
    )
    Journal.open(filled_journal).close()
    assert list_backups(filled_journal) == []
    assert any("almost full" in r.getMessage() for r in caplog.records)
    monkeypatch.setattr(
        backup.shutil,
        "disk_usage",
        lambda _p: usage._replace(free=2 * size + backup.DAILY_BACKUP_RESERVE),
    )
    Journal.open(filled_journal).close()
    assert [b.reason for b in list_backups(filled_journal)] == [DAILY]
