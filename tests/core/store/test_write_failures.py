"""A write that cannot be completed changes nothing and says why in words a person can act on.

"Disk full" is SQLite's real SQLITE_FULL, produced by capping the file's size
with ``PRAGMA max_page_count``; "read-only" is SQLite's real SQLITE_READONLY
(``PRAGMA query_only``); "locked" is a second connection holding the write lock.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from numbjournal.core.errors import JournalWriteError
from numbjournal.core.model import Episode, Profile, Symptom
from numbjournal.core.store import Journal, engine

BIG_NOTE = "pins and needles in the left foot after the long drive " * 180


@pytest.fixture
def limited(filled_journal: Path) -> Iterator[tuple[Journal, list[str]]]:
    """The filled journal, with a list of PRAGMAs every new connection runs."""
    pragmas: list[str] = []
    journal = Journal.open(filled_journal, automatic_backups=False)

    @event.listens_for(journal.engine, "connect")
    def _limit(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        for pragma in pragmas:
            dbapi_connection.execute(pragma)

    journal.engine.dispose()
    yield journal, pragmas
    journal.close()


def _full_disk(journal: Journal, pragmas: list[str]) -> None:
    with journal.reading() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()
    pragmas.append(f"PRAGMA max_page_count = {pages}")
    journal.engine.dispose()


def _integrity(path: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def test_full_disk_during_save_names_the_cause_and_the_retry_works(
    limited: tuple[Journal, list[str]], episode_factory: Callable[..., Episode]
) -> None:
    journal, pragmas = limited
    before = journal.episodes()
    _full_disk(journal, pragmas)
    draft = episode_factory(notes=BIG_NOTE)
    with pytest.raises(JournalWriteError, match="the disk is full; nothing was saved") as caught:
        for _ in range(5):  # fill what is left of the last page, then overflow
            journal.add(draft)
    assert str(journal.path) in str(caught.value)
    saved_before_full = journal.count() - len(before)
    assert journal.episodes()[: len(before)] == before
    assert _integrity(journal.path) == [("ok",)]
    pragmas.clear()
    journal.engine.dispose()
    journal.add(draft)
    assert journal.count() == len(before) + saved_before_full + 1


def test_full_disk_during_import_imports_nothing(
    limited: tuple[Journal, list[str]], episodes_maker: Callable[..., list[Episode]]
) -> None:
    journal, pragmas = limited
    before = journal.episodes()
    _full_disk(journal, pragmas)
    with pytest.raises(JournalWriteError, match="the disk is full"):
        journal.import_all(episodes_maker(400, start=datetime(2025, 1, 1, tzinfo=UTC)))
    assert journal.episodes() == before
    assert _integrity(journal.path) == [("ok",)]


def test_full_disk_during_an_edit_keeps_the_old_version(
    limited: tuple[Journal, list[str]],
) -> None:
    journal, pragmas = limited
    original = journal.get(5)
    assert original is not None
    _full_disk(journal, pragmas)
    with pytest.raises(JournalWriteError, match="the disk is full"):
        journal.update(dataclasses.replace(original, notes=BIG_NOTE))
    assert journal.get(5) == original


def test_read_only_journal_says_so(
    limited: tuple[Journal, list[str]], episode_factory: Callable[..., Episode]
) -> None:
    journal, pragmas = limited
    before = journal.episodes()
    pragmas.append("PRAGMA query_only = ON")
    journal.engine.dispose()
    for attempt in (
        lambda: journal.add(episode_factory()),
        lambda: journal.delete([1, 2, 3]),
        lambda: journal.set_profile(Profile(name="A. Person")),
    ):
        with pytest.raises(JournalWriteError, match="is read-only; nothing was saved"):
            attempt()
    assert journal.episodes() == before


def test_locked_journal_says_another_numbjournal_is_busy(
    filled_journal: Path,
    episode_factory: Callable[..., Episode],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(filled_journal, isolation_level=None)
    try:
        other.execute("BEGIN IMMEDIATE")
        with Journal.open(filled_journal, automatic_backups=False) as journal:
            with pytest.raises(JournalWriteError, match="busy in another numbjournal"):
                journal.add(episode_factory())
            other.execute("ROLLBACK")
            journal.add(episode_factory())  # the retry works once the other one is done
            assert journal.count() == 301
    finally:
        other.close()


@pytest.fixture
def failing(limited: tuple[Journal, list[str]]) -> Callable[[str], Journal]:
    """``failing(trigger_sql)``: the journal with a fault injected inside its transactions."""
    journal, pragmas = limited

    def inject(trigger: str) -> Journal:
        pragmas.append(f"CREATE TEMP TRIGGER IF NOT EXISTS fault {trigger}")
        journal.engine.dispose()
        return journal

    return inject


def _rows(path: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(path)
    try:
        return tuple(  # type: ignore[return-value]
            conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("episode", "episode_location", "episode_symptom")
        )
    finally:
        conn.close()


FAIL_ON_SYMPTOM = (
    "BEFORE INSERT ON episode_symptom BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
)


def test_a_save_that_fails_half_way_leaves_no_trace(
    failing: Callable[[str], Journal], episode_factory: Callable[..., Episode]
) -> None:
    journal = failing(FAIL_ON_SYMPTOM)
    before = _rows(journal.path)
    secret = "private words that must not reach an error message"
    draft = episode_factory(symptoms=(Symptom.PAIN,), notes=secret)
    with pytest.raises(JournalWriteError, match=r"injected fault.*nothing was saved") as caught:
        journal.add(draft)
    assert secret not in str(caught.value)
    assert _rows(journal.path) == before


def test_an_edit_that_fails_half_way_keeps_the_old_version(
    failing: Callable[[str], Journal],
) -> None:
    journal = failing(FAIL_ON_SYMPTOM)
    original = journal.get(7)
    assert original is not None
    with pytest.raises(JournalWriteError, match="injected fault"):
        journal.update(dataclasses.replace(original, symptoms=(Symptom.WEAKNESS,), severity=10))
    assert journal.get(7) == original


def test_an_import_that_fails_on_its_last_episode_imports_none(
    failing: Callable[[str], Journal], episodes_maker: Callable[..., list[Episode]]
) -> None:
    batch = episodes_maker(40, start=datetime(2025, 3, 1, tzinfo=UTC))
    journal = failing(
        "BEFORE INSERT ON episode_location WHEN NEW.episode_id > 339 "
        "BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
    )
    before = journal.episodes()
    with pytest.raises(JournalWriteError, match="injected fault"):
        journal.import_all(batch)
    assert journal.episodes() == before


def test_a_delete_that_fails_half_way_deletes_nothing(failing: Callable[[str], Journal]) -> None:
    journal = failing(
        "BEFORE DELETE ON episode_symptom BEGIN SELECT RAISE(ABORT, 'injected fault'); END"
    )
    before = _rows(journal.path)
    with pytest.raises(JournalWriteError, match="injected fault"):
        journal.delete(range(1, 50))
    assert _rows(journal.path) == before
