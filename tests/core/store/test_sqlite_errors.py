"""One classifier for SQLite failures, fed with SQLite's real errors (no hand-made codes)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from numbjournal.core.errors import JournalReadError
from numbjournal.core.store import Journal
from numbjournal.core.store.opening import _cannot_write
from numbjournal.core.store.sqlite_errors import (
    Trouble,
    classify,
    describe_write_failure,
    sqlite_message,
)


@pytest.fixture
def db(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "plain.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    yield path


def _error(conn: sqlite3.Connection, sql: str) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as caught:
        conn.execute(sql)
        conn.commit()
    return caught.value


def test_a_full_database_is_full(db: Path) -> None:
    conn = sqlite3.connect(db)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    exc = _error(conn, "INSERT INTO t SELECT randomblob(100000)")
    conn.close()
    assert classify(exc) is Trouble.FULL


def test_a_read_only_database_is_read_only(db: Path) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    exc = _error(conn, "INSERT INTO t VALUES (1)")
    conn.close()
    assert classify(exc) is Trouble.READ_ONLY


def test_a_locked_database_is_busy(db: Path) -> None:
    holder = sqlite3.connect(db)
    holder.execute("BEGIN IMMEDIATE")
    other = sqlite3.connect(db, timeout=0)
    exc = _error(other, "INSERT INTO t VALUES (1)")
    holder.rollback()
    holder.close()
    other.close()
    assert classify(exc) is Trouble.BUSY


def test_a_file_that_is_not_a_database_is_damaged(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"this is a shopping list, not a journal" * 200)
    conn = sqlite3.connect(path)
    exc = _error(conn, "SELECT * FROM sqlite_master")
    conn.close()
    assert classify(exc) is Trouble.DAMAGED


def test_the_word_full_in_a_message_is_not_a_full_disk(tmp_path: Path) -> None:
    # The open path used to match the word "full" anywhere in SQLite's message.
    plain = sqlite3.OperationalError("no such table: full_backups")
    assert classify(plain) is Trouble.OTHER
    wrapped = OperationalError("SELECT", {}, plain)
    message = _cannot_write(tmp_path / "journal.sqlite", wrapped)
    assert "disk is full" not in message
    assert "no such table: full_backups" in message


def test_a_missing_folder_cannot_be_opened(tmp_path: Path) -> None:
    with pytest.raises(sqlite3.Error) as caught:
        sqlite3.connect(tmp_path / "gone" / "journal.sqlite")
    assert classify(caught.value) is Trouble.CANNOT_OPEN


def test_sqlalchemy_wrappers_are_classified_by_what_they_wrap(db: Path) -> None:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    exc = _error(conn, "INSERT INTO t VALUES (1)")
    conn.close()
    wrapped = OperationalError("INSERT INTO t VALUES (?)", ("private note",), exc)
    assert classify(wrapped) is Trouble.READ_ONLY
    assert sqlite_message(wrapped) == str(exc)
    assert "private note" not in describe_write_failure(db, wrapped)


def test_reading_a_busy_journal_says_busy_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = Journal.open(tmp_path / "journal.sqlite")

    def locked(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(journal.engine, "connect", locked)
    with pytest.raises(JournalReadError, match="busy in another numbjournal"):
        journal.count()
    monkeypatch.undo()
    journal.close()
