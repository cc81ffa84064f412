"""The window on a read-only journal says so and offers no changes; Help shows the log folder."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel

from numbjournal.core.model import Episode
from numbjournal.core.store import Journal
from numbjournal.logs import log_dir
from numbjournal.ui.main_window import MainWindow
from numbjournal.ui.service import JournalService

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")


@pytest.fixture
def read_only_window(
    qtbot, tmp_path: Path, recent_episode: Callable[..., Episode]
) -> Iterator[MainWindow]:
    path = tmp_path / "shared" / "journal.sqlite"
    with Journal.open(path, automatic_backups=False) as journal:
        journal.add(recent_episode(notes="read me"))
    path.chmod(0o444)
    service = JournalService(Journal.open(path))
    window = MainWindow(service)
    qtbot.addWidget(window)
    window.show()
    try:
        yield window
    finally:
        service.close()
        path.chmod(0o600)


def test_the_window_says_read_only_and_offers_no_changes(
    read_only_window: MainWindow, qtbot, driver
) -> None:
    window = read_only_window
    path = window.service.path
    before = (stat.S_IMODE(path.stat().st_mode), path.read_bytes())
    files = sorted(p.name for p in path.parent.iterdir())
    assert "read-only" in window.windowTitle()
    banner = window.findChild(QLabel, "read-only-banner")
    assert banner is not None and banner.isVisible() and "Read-only" in banner.text()
    a = window.actions_
    for action in (a.log, a.delete, a.import_data, a.profile, a.settings, *window.timer_actions):
        assert not action.isVisible() and not action.isEnabled(), action.text()
    window.journal_view.table.selectRow(0)
    assert not a.edit.isVisible() and not a.delete.isVisible()
    assert a.export_data.isEnabled() and a.export_summary.isEnabled()
    menus = [m.text() for m in window.menuBar().actions() if m.isVisible()]
    assert menus == ["&File", "E&dit", "&View", "&Help"], "no empty Episode menu"
    assert window.journal_view.model.total == 1, "the episodes are shown"
    window.journal_view.edit_requested.emit(1)  # a double-click opens no editor
    window.journal_view.log_requested.emit()
    assert driver.seen == []
    assert (stat.S_IMODE(path.stat().st_mode), path.read_bytes()) == before
    assert sorted(p.name for p in path.parent.iterdir()) == files
    assert not any(name.endswith(("-journal", "-wal", "-shm")) for name in files)


def test_help_shows_the_log_folder(qtbot, journal: Journal, monkeypatch) -> None:
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    service = JournalService(journal)
    window = MainWindow(service)
    qtbot.addWidget(window)
    assert window.actions_.show_logs.text() == "Show &log folder"
    window.actions_.show_logs.trigger()
    assert [u.toLocalFile() for u in opened] == [str(log_dir())]
    assert stat.S_IMODE(log_dir().stat().st_mode) == 0o700
    assert window.windowTitle() == "numbjournal"
