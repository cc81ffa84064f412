"""``numbjournal backup``, ``backups`` and ``restore`` as a person at a terminal uses them."""

from __future__ import annotations

import io
import sqlite3
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from numbjournal.cli import run
from numbjournal.core.model import Episode
from numbjournal.core.store import Journal
from numbjournal.core.store.backup import list_backups


def cli(journal_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(["--db", str(journal_path), *args])
    out, err = capsys.readouterr()
    return code, out, err


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def kept(journal_path: Path, episode_factory: Callable[..., Episode]) -> Path:
    """A journal of three episodes with one backup of them."""
    with Journal.open(journal_path, automatic_backups=False) as journal:
        for severity in (2, 5, 8):
            journal.add(episode_factory(severity=severity))
    assert run(["--db", str(journal_path), "backup"]) == 0
    return journal_path


def _add_one(path: Path, episode_factory: Callable[..., Episode]) -> None:
    with Journal.open(path, automatic_backups=False) as journal:
        journal.add(episode_factory(notes="after the backup"))


def test_backup_prints_where_it_went(kept: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(kept, capsys, "backup")
    assert code == 0 and err == ""
    newest = list_backups(kept)[0].path
    assert out == f"Backup made (3 episodes): {newest}\n"
    assert stat.S_IMODE(newest.stat().st_mode) == 0o600


def test_backup_of_no_journal_says_so(
    journal_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = cli(journal_path, capsys, "backup")
    assert code == 1
    assert "there is no journal at" in err and "nothing to back up" in err
    assert not journal_path.exists()


def test_backups_lists_dates_sizes_and_episodes(
    kept: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (backup,) = list_backups(kept)
    broken = backup.path.with_name("20200101T000000Z-daily.sqlite")
    broken.write_bytes(backup.path.read_bytes()[:3000])
    code, out, _ = cli(kept, capsys, "backups")
    lines = out.splitlines()
    assert code == 0 and lines[0].startswith(f"Backups of {kept} in ")
    newest, damaged = lines[2], lines[3]
    assert "made by hand" in newest and " 3  " in newest and backup.path.name in newest
    assert "KB" in newest
    assert "2020-01-01" in damaged and "damaged" in damaged


def test_backups_empty_state_explains(journal: Journal, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = cli(journal.path, capsys, "backups")
    assert code == 0 and "No backups of" in out and "numbjournal backup" in out


def test_restore_with_yes_puts_back_the_backup_and_keeps_the_present(
    kept: Path, capsys: pytest.CaptureFixture[str], episode_factory: Callable[..., Episode]
) -> None:
    _add_one(kept, episode_factory)
    code, out, err = cli(kept, capsys, "restore", "newest", "--yes")
    assert code == 0 and err == ""
    assert "Restored 3 episodes" in out and "The journal as it was is kept in" in out
    with Journal.open(kept) as journal:
        assert journal.count() == 3
    code, out, _ = cli(kept, capsys, "backups")
    assert "before a restore" in out.splitlines()[2] and " 4  " in out.splitlines()[2]


def test_restore_without_a_terminal_needs_yes(
    kept: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("y\n"))
    before = kept.read_bytes()
    code, _, err = cli(kept, capsys, "restore", "newest")
    assert code == 1 and "--yes" in err and "nothing was changed" in err
    assert kept.read_bytes() == before


@pytest.mark.parametrize(("answer", "restored"), [("y\n", True), ("\n", False), ("no\n", False)])
def test_restore_asks_on_a_terminal(
    kept: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    episode_factory: Callable[..., Episode],
    answer: str,
    restored: bool,
) -> None:
    _add_one(kept, episode_factory)
    monkeypatch.setattr("sys.stdin", Terminal(answer))
    code, out, _ = cli(kept, capsys, "restore", list_backups(kept)[0].path.name)
    assert "(4 episodes) with the backup" in out and "(3 episodes)? " in out
    assert (code == 0) is restored
    with Journal.open(kept, automatic_backups=False) as journal:
        assert journal.count() == (3 if restored else 4)


def test_restore_refuses_a_damaged_backup(
    kept: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(list_backups(kept)[0].path.read_bytes()[:5000])
    before = kept.read_bytes()
    code, _, err = cli(kept, capsys, "restore", str(bad), "--yes")
    assert code == 1 and "cannot restore" in err and "damaged" in err
    assert kept.read_bytes() == before
    assert "nothing was changed" not in err and err.count("was not changed") == 1, "said once"


def test_restore_of_an_unknown_name(kept: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = cli(kept, capsys, "restore", "yesterday.sqlite", "--yes")
    assert code == 1 and "no backup called yesterday.sqlite" in err


def test_damaged_journal_points_to_restore_which_sets_it_aside(
    kept: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    damaged = kept.read_bytes()[:6000]
    kept.write_bytes(damaged)
    code, _, err = cli(kept, capsys, "list")
    assert code == 1 and "damaged" in err and "numbjournal restore newest" in err
    assert kept.read_bytes() == damaged
    code, out, _ = cli(kept, capsys, "restore", "newest", "--yes")
    assert code == 0 and "could not be opened was kept, unchanged, as" in out
    (aside,) = kept.parent.glob("journal.sqlite.unreadable-*Z")
    assert aside.read_bytes() == damaged
    code, out, _ = cli(kept, capsys, "list")
    assert code == 0 and len(out.splitlines()) == 4


def test_newest_skips_a_backup_whose_values_are_damaged(
    kept: Path, capsys: pytest.CaptureFixture[str], episode_factory: Callable[..., Episode]
) -> None:
    _add_one(kept, episode_factory)
    assert run(["--db", str(kept), "backup"]) == 0
    newest, good = list_backups(kept)
    conn = sqlite3.connect(newest.path)
    conn.execute("UPDATE episode SET sensation = 'numbne3s' WHERE id = 1")
    conn.commit()
    conn.close()
    capsys.readouterr()
    code, out, err = cli(kept, capsys, "restore", newest.path.name, "--yes")
    assert code == 1 and "cannot restore" in err and "word this version does not know" in err
    code, out, _ = cli(kept, capsys, "restore", "newest", "--yes")
    assert code == 0 and f"from {good.path}" in out and "Restored 3 episodes" in out
