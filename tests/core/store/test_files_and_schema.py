"""A new journal: the schema from an empty file, the marks that say it is ours, privacy."""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from numbjournal.cli import run
from numbjournal.core.model import Episode
from numbjournal.core.store import Journal
from numbjournal.core.store.engine import APPLICATION_ID
from numbjournal.core.store.opening import SCHEMA_VERSION
from numbjournal.core.store.presence import lock_path
from numbjournal.paths import data_dir


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    """The usual desktop umask, under which new files would be world-readable."""
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def marks(path: Path) -> tuple[int, int, set[str]]:
    conn = sqlite3.connect(path)
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    finally:
        conn.close()
    return app_id, version, tables


@pytest.mark.parametrize("start", ["missing", "empty"])
def test_migrations_build_the_schema_and_mark_the_file(
    tmp_path: Path, episode_factory: Callable[..., Episode], start: str
) -> None:
    path = tmp_path / "journal.sqlite"
    if start == "empty":
        path.touch()
    with Journal.open(path) as journal:
        journal.add(episode_factory())
    app_id, version, tables = marks(path)
    assert app_id == APPLICATION_ID
    assert version == SCHEMA_VERSION
    assert {"episode", "episode_location", "episode_symptom", "profile_condition", "setting"} <= (
        tables
    )
    with Journal.open(path) as journal:
        assert journal.count() == 1


def test_sqlite_settings_on_every_connection(journal: Journal) -> None:
    with journal.reading() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_journal_folder_and_side_files_are_owner_only(
    tmp_path: Path, loose_umask: None, episode_factory: Callable[..., Episode]
) -> None:
    path = tmp_path / "new-folder" / "journal.sqlite"
    journal = Journal.open(path)
    try:
        journal.add(episode_factory())
        assert not any(path.with_name(path.name + s).exists() for s in ("-wal", "-shm"))
        assert mode(path.parent) == 0o700
        assert [mode(p) for p in (path, lock_path(path))] == [0o600, 0o600]
    finally:
        journal.close()
    assert mode(path) == 0o600


def test_side_files_of_a_journal_still_in_wal_mode_are_owner_only(
    tmp_path: Path, loose_umask: None, episode_factory: Callable[..., Episode]
) -> None:
    """A 0.1 journal (WAL) that another program holds open cannot switch modes: its
    -wal and -shm files are made owner-only too, and every save is checkpointed."""
    path = tmp_path / "journal.sqlite"
    Journal.open(path).close()
    other = sqlite3.connect(path)
    try:
        other.execute("PRAGMA journal_mode = WAL")
        other.execute("SELECT count(*) FROM episode").fetchone()
        with Journal.open(path) as journal:
            saved = journal.add(episode_factory())
            side = [path.with_name(path.name + s) for s in ("-wal", "-shm")]
            assert all(p.exists() for p in side)
            assert [mode(p) for p in (path, *side)] == [0o600, 0o600, 0o600]
            copy = tmp_path / "copy.sqlite"
            copy.write_bytes(path.read_bytes())
            assert marks(copy)[0] == APPLICATION_ID
            with Journal.open(copy, automatic_backups=False) as copied:
                assert copied.get(saved.id or 0) == saved, "the checkpoint put it in the file"
    finally:
        other.close()


def test_default_data_folder_is_private(
    loose_umask: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["list"]) == 0
    folder = data_dir()
    assert str(folder).startswith(os.environ["HOME"])
    assert mode(folder) == 0o700
    assert mode(folder / "journal.sqlite") == 0o600
    assert "No episodes yet" in capsys.readouterr().out


def test_environment_variable_chooses_the_journal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    chosen = tmp_path / "elsewhere.sqlite"
    monkeypatch.setenv("NUMBJOURNAL_DB", str(chosen))
    assert run(["log", "--where", "left_calf", "--duration", "3", "--severity", "1"]) == 0
    assert chosen.exists()
    assert not data_dir().exists()
    capsys.readouterr()
