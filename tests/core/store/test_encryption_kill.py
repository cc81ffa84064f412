"""Killed at any moment of encrypt, passphrase change or decrypt, the journal still opens.

The child turns encryption on, changes the passphrase and turns it off again,
over and over; the parent kills it with SIGKILL at random moments, and after
every kill the journal must open with one of the two passphrases or none, and
hold every episode it held before; so must each backup.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("sqlcipher3", reason="the optional [encryption] extra is not installed")

from numbjournal.core import encryption
from numbjournal.core.store import Journal
from numbjournal.core.store.backup import content_digest, list_backups
from numbjournal.core.store.conversion import TEMP_SUFFIX, encrypt_journal

KILLS = 8
SEED = 18_2026
FIRST, SECOND = "first passphrase", "second passphrase"

CHILD = r"""
import sys
from numbjournal.core import encryption
from numbjournal.core.store.conversion import change_passphrase, decrypt_journal, encrypt_journal

path = sys.argv[1]
first, second = sys.argv[2], sys.argv[3]
if encryption.looks_encrypted(path):
    for candidate in (first, second):
        try:
            encryption.unlock(path, candidate)
            break
        except encryption.PassphraseError:
            pass
print("ready", flush=True)
while True:
    if not encryption.looks_encrypted(path):
        encrypt_journal(path, first)
        print("E", flush=True)
    else:
        key = encryption.key_for(path)
        if key == encryption.derive(first, key.salt):
            change_passphrase(path, second)
            print("P", flush=True)
        else:
            decrypt_journal(path)
            print("D", flush=True)
"""


@pytest.fixture(autouse=True)
def no_keys() -> Iterator[None]:
    encryption.forget_all()
    yield
    encryption.forget_all()


_DERIVED: dict[bytes, tuple[str, encryption.JournalKey]] = {}


def _unlock_any(path: Path) -> str | None:
    """Which passphrase opens ``path`` (None: it is plaintext); fails if none does.

    The journal and its backups share a salt, so each salt is derived once here.
    """
    if not encryption.looks_encrypted(path):
        return None
    salt = path.read_bytes()[: encryption.SALT_BYTES]
    if salt not in _DERIVED:
        for candidate in (FIRST, SECOND):
            key = encryption.derive(candidate, salt)
            if encryption.key_opens(path, key):
                _DERIVED[salt] = (candidate, key)
                break
        else:
            pytest.fail(f"{path} opens with neither passphrase")
    name, key = _DERIVED[salt]
    assert encryption.key_opens(path, key), path
    encryption.remember(key)
    return name


@pytest.mark.slow
def test_sigkill_during_conversions_leaves_a_journal_that_opens(filled_journal: Path) -> None:
    expected = content_digest(filled_journal)
    rng = random.Random(SEED)
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(filled_journal), FIRST, SECOND],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    started = time.monotonic()
    first = child.stdout.readline().strip()
    child.kill()
    child.wait()
    child.stdout.close()
    per_conversion = time.monotonic() - started  # how long one takes on this machine
    assert first == "E"
    seen: set[str | None] = set()
    for kill in range(KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(filled_journal), FIRST, SECOND],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        if kill % 2:
            # Every other kill waits for one conversion to finish first, so the
            # kills cannot all land before the first commit on a slow machine.
            assert child.stdout.readline().strip() in {"E", "P", "D"}
        time.sleep(rng.uniform(0, 1.5 * per_conversion))
        child.send_signal(signal.SIGKILL)
        child.wait()
        child.stdout.close()
        encryption.forget_all()
        seen.add(_unlock_any(filled_journal))
        with Journal.open(filled_journal, automatic_backups=False) as journal:
            assert journal.count() == 300
        assert content_digest(filled_journal) == expected
        for backup in list_backups(filled_journal):
            _unlock_any(backup.path)
            assert content_digest(backup.path) == expected, backup.path
    assert len(seen) >= 2, f"the kills all landed in one state: {seen}"
    # The next conversion tidies up whatever copy a killed one left half-made.
    encryption.forget_all()
    if _unlock_any(filled_journal) is None:
        encrypt_journal(filled_journal, FIRST)
    else:
        from numbjournal.core.store.conversion import decrypt_journal

        decrypt_journal(filled_journal)
    assert not list(filled_journal.parent.glob(f"*{TEMP_SUFFIX}*"))
