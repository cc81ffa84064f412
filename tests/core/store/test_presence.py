"""The presence lock: a conversion never replaces a journal that a window or command has open."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from numbjournal.core.errors import JournalOpenError
from numbjournal.core.store import Journal, presence
from numbjournal.core.store.presence import alone, lock_path

HOLDER = (
    "import sys\nfrom numbjournal.core.store import Journal\n"
    "j = Journal.open(sys.argv[1], automatic_backups=False)\n"
    "print('open', flush=True)\nsys.stdin.read()\n"
)


def test_an_open_journal_cannot_be_taken_until_it_is_closed(filled_journal: Path) -> None:
    journal = Journal.open(filled_journal, automatic_backups=False)
    with (
        pytest.raises(JournalOpenError, match="open in another numbjournal"),
        alone(filled_journal),
    ):
        pass
    journal.close()
    with alone(filled_journal):
        pass


def test_opening_during_a_conversion_waits_then_says_why(
    filled_journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(presence, "WAIT_SECONDS", 0.2)
    with alone(filled_journal), pytest.raises(JournalOpenError, match="being encrypted"):
        Journal.open(filled_journal, automatic_backups=False)
    with Journal.open(filled_journal, automatic_backups=False) as journal:
        assert journal.count() == 300


def test_a_killed_window_does_not_keep_the_journal_taken(filled_journal: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(filled_journal)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "open"
    with pytest.raises(JournalOpenError), alone(filled_journal):
        pass
    holder.kill()
    holder.communicate()
    with alone(filled_journal):
        pass


def test_two_windows_share_the_journal_and_the_lock_holds_nothing(filled_journal: Path) -> None:
    with (
        Journal.open(filled_journal, automatic_backups=False) as first,
        Journal.open(filled_journal, automatic_backups=False) as second,
    ):
        assert first.count() == second.count() == 300
    assert lock_path(filled_journal).read_bytes() == b""
    assert lock_path(filled_journal).name.startswith(".")  # hidden where dot files are


def test_a_read_only_journal_makes_no_lock(filled_journal: Path) -> None:
    lock_path(filled_journal).unlink()
    with Journal.open(filled_journal, automatic_backups=False, read_only=True) as journal:
        assert journal.count() == 300
    assert not lock_path(filled_journal).exists()
