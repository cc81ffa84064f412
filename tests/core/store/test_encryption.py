"""Passphrase encryption at rest: what a thief with the file (or its backups) can read."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3", reason="the optional [encryption] extra is not installed")

from numbjournal.core import encryption
from numbjournal.core.errors import DamagedJournalError, JournalOpenError
from numbjournal.core.model import Location
from numbjournal.core.store import Journal
from numbjournal.core.store.backup import list_backups, make_backup, read_backup
from numbjournal.core.store.conversion import (
    change_passphrase,
    decrypt_journal,
    encrypt_journal,
)
from numbjournal.core.store.restore import restore_backup

from .conftest import Snapshot, sample_episodes

PASSPHRASE = "correct horse battery"
NEW_PASSPHRASE = "staple lamp meadow"
# What a person wrote and where it was felt: none of it may be readable in the files.
SECRETS = [
    b"after sitting at the desk",
    b"episode 17",
    *(location.value.encode() for location in Location),
    b"numbness",
    b"tingling",
]


@pytest.fixture(autouse=True)
def no_keys() -> Iterator[None]:
    encryption.forget_all()
    yield
    encryption.forget_all()


@pytest.fixture
def encrypted(filled_journal: Path) -> Path:
    encrypt_journal(filled_journal, PASSPHRASE)
    encryption.forget_all()  # as a new start would: nothing but the passphrase
    return filled_journal


def _files(folder: Path) -> list[Path]:
    """Every file that holds data (the empty presence lock holds none)."""
    return [p for p in folder.rglob("*") if p.is_file() and p.stat().st_size]


def _readable(path: Path) -> list[bytes]:
    data = path.read_bytes()
    return [secret for secret in SECRETS if secret in data]


def test_plaintext_journal_shows_its_notes(filled_journal: Path) -> None:
    # The problem: ``strings journal.sqlite`` shows every note.
    assert filled_journal.read_bytes().startswith(b"SQLite format 3")
    assert b"after sitting at the desk" in filled_journal.read_bytes()


def test_encrypted_journal_and_its_backups_show_nothing(encrypted: Path) -> None:
    files = _files(encrypted.parent)
    assert encrypted in files and any("backups" in str(p) for p in files)
    for path in files:
        assert not path.read_bytes().startswith(b"SQLite format 3"), path
        assert _readable(path) == [], path
    encryption.unlock(encrypted, PASSPHRASE)
    with Journal.open(encrypted, automatic_backups=False) as journal:
        assert journal.count() == 300
        journal.add(dataclasses.replace(sample_episodes(1)[0], notes="a brand new private note"))
    for path in _files(encrypted.parent):  # -wal and -shm included
        assert b"a brand new private note" not in path.read_bytes(), path


def test_without_the_passphrase_nothing_opens_and_nothing_changes(
    encrypted: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    before = snapshot(encrypted.parent)
    with pytest.raises(encryption.LockedJournalError, match="passphrase is needed"):
        Journal.open(encrypted)
    for wrong in ("", "correct horse", PASSPHRASE + " "):
        with pytest.raises(encryption.PassphraseError) as caught:
            encryption.unlock(encrypted, wrong)
        assert "\n" not in str(caught.value) and str(encrypted) in str(caught.value)
    assert snapshot(encrypted.parent) == before


def test_the_key_is_derived_once_and_every_connection_reuses_it(encrypted: Path) -> None:
    key = encryption.unlock(encrypted, PASSPHRASE)
    assert key == encryption.derive(PASSPHRASE, encrypted.read_bytes()[:16])
    assert "hidden" in repr(key) and key.key.hex() not in repr(key)
    with Journal.open(encrypted, automatic_backups=False) as journal:
        assert len(journal.episodes()) == 300


def test_open_checks_still_run_on_an_encrypted_journal(encrypted: Path) -> None:
    key = encryption.unlock(encrypted, PASSPHRASE)
    conn = encryption.connect_with(encrypted, key)
    conn.execute("UPDATE episode SET sensation = 'numbne3s' WHERE id = 5")
    conn.commit()
    conn.close()
    with pytest.raises(DamagedJournalError, match="word this version does not know"):
        Journal.open(encrypted)


def test_a_damaged_encrypted_page_is_refused(encrypted: Path) -> None:
    encryption.unlock(encrypted, PASSPHRASE)
    data = bytearray(encrypted.read_bytes())
    data[3 * encryption.PAGE_SIZE + 200] ^= 0x10  # one bit inside page 4's ciphertext
    encrypted.write_bytes(bytes(data))
    with pytest.raises(JournalOpenError, match="damaged"):
        Journal.open(encrypted)


def test_backups_are_encrypted_with_the_same_key_and_restore(encrypted: Path) -> None:
    encryption.unlock(encrypted, PASSPHRASE)
    with Journal.open(encrypted, automatic_backups=False) as journal:
        made = make_backup(encrypted)
        journal.delete([1, 2, 3])
    assert made.path.read_bytes()[:16] == encrypted.read_bytes()[:16]
    assert _readable(made.path) == []
    assert read_backup(made.path).episodes == 300
    result = restore_backup(encrypted, made.path)
    assert result.episodes == 300 and result.safety is not None
    assert _readable(result.safety.path) == []
    encryption.forget_all()
    assert not encryption.key_opens(made.path, encryption.derive("wrong", b"0" * 16))
    encryption.unlock(made.path, PASSPHRASE)  # the passphrase alone opens any backup
    with Journal.open(encrypted, automatic_backups=False) as journal:
        assert journal.count() == 300


def test_a_plaintext_backup_is_not_restored_into_an_encrypted_journal(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    old = make_backup(filled_journal)
    plain_copy = old.path.read_bytes()
    encrypt_journal(filled_journal, PASSPHRASE)
    old.path.write_bytes(plain_copy)  # as if put back by hand from somewhere else
    before = snapshot(filled_journal.parent)
    with pytest.raises(JournalOpenError, match="not encrypted but the journal is"):
        restore_backup(filled_journal, old.path)
    assert snapshot(filled_journal.parent) == before


def test_change_passphrase_then_decrypt(encrypted: Path) -> None:
    encryption.unlock(encrypted, PASSPHRASE)
    result = change_passphrase(encrypted, NEW_PASSPHRASE)
    assert result.backups_converted == len(list_backups(encrypted)) == 2
    encryption.forget_all()
    with pytest.raises(encryption.PassphraseError):
        encryption.unlock(encrypted, PASSPHRASE)
    encryption.unlock(encrypted, NEW_PASSPHRASE)
    for backup in list_backups(encrypted):
        assert read_backup(backup.path).usable, backup
    decrypt_journal(encrypted)
    encryption.forget_all()
    for path in _files(encrypted.parent):
        assert path.read_bytes().startswith(b"SQLite format 3"), path
    with Journal.open(encrypted, automatic_backups=False) as journal:
        assert journal.count() == 300
        assert {e.notes for e in journal.episodes()} == {e.notes for e in sample_episodes(300)}


def test_conversion_refuses_while_another_process_has_the_journal_open(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    import subprocess
    import sys

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys\nfrom numbjournal.core.store import Journal\n"
            "j = Journal.open(sys.argv[1], automatic_backups=False)\nj.count()\n"
            "print('open', flush=True)\nsys.stdin.read()\n",
            str(filled_journal),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
        before = snapshot(filled_journal.parent)
        with pytest.raises(JournalOpenError, match="open in another numbjournal"):
            encrypt_journal(filled_journal, PASSPHRASE)
        assert snapshot(filled_journal.parent) == before
        assert not (filled_journal.parent / "backups").exists()
    finally:
        holder.communicate("")
    assert filled_journal.read_bytes().startswith(b"SQLite format 3")


def test_empty_new_passphrase_is_refused(
    filled_journal: Path, snapshot: Callable[[Path], Snapshot]
) -> None:
    before = snapshot(filled_journal.parent)
    for bad in ("", " leading space"):
        with pytest.raises(encryption.PassphraseError, match="nothing was changed"):
            encrypt_journal(filled_journal, bad)
    assert snapshot(filled_journal.parent) == before
