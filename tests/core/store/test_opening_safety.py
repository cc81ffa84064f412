"""Damaged, foreign or newer files are refused and left byte for byte untouched."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from numbjournal.core.errors import DamagedJournalError, JournalOpenError, NewerJournalError
from numbjournal.core.store import Journal
from numbjournal.core.store.backup import make_backup
from numbjournal.core.store.opening import SCHEMA_VERSION

Snapshot = dict[str, str]
SEED = 20261125
RANDOM_FLIPS = 300
HEADER_FLIPS = 120


def _refused(path: Path, snapshot: Callable[[Path], Snapshot], match: str) -> str:
    before = snapshot(path.parent)
    with pytest.raises(JournalOpenError, match=match) as caught:
        Journal.open(path)
    assert snapshot(path.parent) == before, "a refused file or its folder was changed"
    assert str(path) in str(caught.value)
    return str(caught.value)


def _damaged_copy(original: Path, data: bytes) -> Path:
    damaged = original.with_name("damaged.sqlite")
    damaged.write_bytes(data)
    return damaged


def test_text_file_is_not_a_journal(tmp_path: Path, snapshot: Callable[[Path], Snapshot]) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("my numbness diary, typed by hand\n" * 50)
    message = _refused(path, snapshot, "not a numbjournal journal")
    assert "not an SQLite database" in message and "left untouched" in message


def test_another_programs_database_is_refused(
    tmp_path: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    path = tmp_path / "places.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
    conn.execute("INSERT INTO moz_places (url) VALUES ('about:blank')")
    conn.commit()
    conn.close()
    _refused(path, snapshot, "made by another program")


def test_database_marked_by_another_application_is_refused(
    tmp_path: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    path = tmp_path / "other.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    _refused(path, snapshot, "made by another program")


def test_newer_journal_is_refused_and_names_both_versions(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    conn = sqlite3.connect(filled_journal)
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()
    before = snapshot(filled_journal.parent)
    with pytest.raises(NewerJournalError, match="newer version") as caught:
        Journal.open(filled_journal)
    assert "schema 7" in str(caught.value) and f"up to {SCHEMA_VERSION}" in str(caught.value)
    assert snapshot(filled_journal.parent) == before


@pytest.mark.parametrize("keep", [1, 16, 99, 1000, 4096, 8192, 0.5, -4096, -1])
def test_truncated_journal_is_refused(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot], keep: float
) -> None:
    data = filled_journal.read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else keep % len(data)
    damaged = _damaged_copy(filled_journal, data[:cut])
    message = _refused(damaged, snapshot, "damaged|not a numbjournal")
    assert "left untouched" in message


def test_bit_flips_in_page_headers_are_all_refused(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    data = filled_journal.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    rng = random.Random(SEED)
    for _ in range(HEADER_FLIPS):
        number = rng.randrange(len(data) // page)
        offset = (100 if number == 0 else number * page) + rng.randrange(8)
        flipped = bytearray(data)
        flipped[offset] ^= 1 << rng.randrange(8)
        damaged = _damaged_copy(filled_journal, bytes(flipped))
        if _sqlite_sees_damage(damaged):
            _refused(damaged, snapshot, "damaged")


def _sqlite_sees_damage(path: Path) -> bool:
    """The oracle: SQLite's own quick_check on a private, immutable connection."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
        conn.text_factory = bytes  # the report may quote damaged, non-UTF-8 names
        try:
            return conn.execute("PRAGMA quick_check").fetchall() != [(b"ok",)]
        finally:
            conn.close()
    except (sqlite3.DatabaseError, UnicodeDecodeError):  # an error quoting a damaged name
        return True


@pytest.mark.slow
def test_random_bit_flips_anywhere_are_refused_or_read_back_without_a_crash(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    """A flip SQLite's checks or our value checks can see is refused, file untouched;
    any other (a letter of a note, a severity 4 that became 5, unused space: SQLite
    keeps no checksum of values) opens and reads back without a crash."""
    data = filled_journal.read_bytes()
    rng = random.Random(SEED + 1)
    refused = seen_by_quick_check = 0
    for _ in range(RANDOM_FLIPS):
        flipped = bytearray(data)
        flipped[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
        damaged = _damaged_copy(filled_journal, bytes(flipped))
        for side in damaged.parent.glob("damaged.sqlite-*"):
            side.unlink()
        quick_check_sees = _sqlite_sees_damage(damaged)
        before = snapshot(damaged.parent)
        try:
            with Journal.open(damaged, automatic_backups=False) as journal:
                journal.episodes()
                journal.profile()
                journal.settings()
        except DamagedJournalError as exc:
            refused += 1
            assert "damaged" in str(exc)
            assert snapshot(damaged.parent) == before
        else:
            assert not quick_check_sees, "damage SQLite can see was opened"
        seen_by_quick_check += quick_check_sees
    # Not vacuous, and stronger than quick_check alone (figures in docs/reliability.md).
    assert refused > seen_by_quick_check >= RANDOM_FLIPS // 20


def test_header_flip_in_every_page_type_byte_is_refused(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    data = filled_journal.read_bytes()
    page = int.from_bytes(data[16:18], "big")
    for number in range(len(data) // page):
        flipped = bytearray(data)
        flipped[100 if number == 0 else number * page] ^= 0x40
        damaged = _damaged_copy(filled_journal, bytes(flipped))
        _refused(damaged, snapshot, "damaged")


def test_emptied_journal_with_backups_is_refused(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    make_backup(filled_journal)
    filled_journal.write_bytes(b"")
    message = _refused(filled_journal, snapshot, "empty although it has backups")
    assert "probably damaged" in message


def test_healthy_journal_opens_and_keeps_its_episodes(filled_journal: Path) -> None:
    with Journal.open(filled_journal) as journal:
        assert journal.count() == 300


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ("UPDATE episode SET sensation = 'numbne3s' WHERE id = 12", "word this version"),
        ("UPDATE episode_location SET location = 'left_kned' WHERE episode_id = 3", "location"),
        ("UPDATE episode SET severity = 74 WHERE id = 9", "impossible severity"),
        ("UPDATE episode SET started_at = 'soon' WHERE id = 4", "start time"),
        ("UPDATE episode SET notes = CAST(x'6e756d62ff' AS TEXT) WHERE id = 2", "not readable"),
        ("INSERT INTO setting VALUES ('timer', '{\"started\": ')", "not valid JSON"),
        ("INSERT INTO treatment VALUES (1, 'b12', 'pil', '', '2026-01-01', NULL, '')", "kind"),
        ("INSERT INTO treatment VALUES (1, 'b12', 'other', '', '2026-13-01', NULL, '')", "date"),
        (
            "INSERT INTO treatment VALUES (1, 'b12', 'other', '', '2026-01-01', '20x6', '')",
            "a treatment with a kind or a date",
        ),
        (
            "INSERT INTO treatment VALUES "
            "(1, CAST(x'6e756d62ff' AS TEXT), 'other', '', '2026-01-01', NULL, '')",
            "the name of treatment 1 is not readable",
        ),
        ("INSERT INTO episode_relief VALUES (2, 0, 1, 'maybe')", "relief answer"),
    ],
)
def test_values_no_numbjournal_writes_are_refused_untouched(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot], change: str, named: str
) -> None:
    """Stand-ins for a flipped bit inside a value, which SQLite's checks cannot see."""
    conn = sqlite3.connect(filled_journal)
    conn.execute("PRAGMA ignore_check_constraints = ON")
    conn.execute(change)
    conn.commit()
    conn.close()
    message = _refused(filled_journal, snapshot, "is damaged")
    assert named in message


def test_damage_while_open_is_reported_not_a_crash(filled_journal: Path) -> None:
    """A disk going bad under an open journal: reads fail with our message."""
    with Journal.open(filled_journal, automatic_backups=False) as journal:
        assert journal.count() == 300
        data = bytearray(filled_journal.read_bytes())
        page = int.from_bytes(data[16:18], "big")
        for number in range(2, len(data) // page):
            data[number * page] = 0xFF  # no valid b-tree page starts so
        filled_journal.write_bytes(bytes(data))
        journal.engine.dispose()
        with pytest.raises(DamagedJournalError, match=r"could not be read .* Nothing was changed"):
            journal.episodes()


def test_a_flip_in_the_sqlite_magic_string_is_damage_not_encryption(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    """A plaintext journal whose first bytes lost a bit is damaged; asking for a
    passphrase would send its owner looking for one that never existed."""
    data = bytearray(filled_journal.read_bytes())
    data[3] ^= 0x01
    damaged = _damaged_copy(filled_journal, bytes(data))
    message = _refused(damaged, snapshot, "damaged")
    assert "passphrase" not in message
