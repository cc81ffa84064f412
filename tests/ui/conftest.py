"""Window fixtures: a service and main window over the test's own journal and Qt settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from numbjournal.core.model import Episode, Location, Symptom
from numbjournal.core.store import Journal
from numbjournal.ui import dialogs
from numbjournal.ui.service import JournalService

if TYPE_CHECKING:
    from numbjournal.ui.main_window import MainWindow


@pytest.fixture(autouse=True)
def qt_settings_folder(tmp_path: Path) -> Path:
    """Window size and the first-run mark go to this test's folder, never the real one."""
    folder = tmp_path / "qsettings"
    for kind in (QSettings.Format.IniFormat, QSettings.Format.NativeFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, str(folder))
    return folder


@pytest.fixture
def service(qtbot: QtBot, journal: Journal) -> Iterator[JournalService]:
    """The window's service; it owns Qt timers, so an application must exist first."""
    made = JournalService(journal)
    yield made
    journal.remove_listener(made._on_write)


@pytest.fixture
def window(qtbot: QtBot, service: JournalService) -> MainWindow:
    """The main window over the test's journal, shown (offscreen) and exposed."""
    from numbjournal.ui.main_window import MainWindow

    made = MainWindow(service)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitExposed(made)
    return made


def now_local() -> datetime:
    return datetime.now().astimezone().replace(second=0, microsecond=0)


@pytest.fixture
def recent_episode() -> Callable[..., Episode]:
    """``recent_episode(days_ago=2, locations=(...), ...)``: a valid episode before now."""

    def make(days_ago: float = 1, **changes: object) -> Episode:
        values: dict[str, object] = {
            "started_at": now_local() - timedelta(days=days_ago),
            "duration_minutes": 5,
            "locations": (Location.LEFT_FOOT_TOP,),
        }
        values.update(changes)
        return Episode(**values)  # type: ignore[arg-type]

    return make


EMERGENCY_SYMPTOMS = (Symptom.FACIAL_DROOPING, Symptom.DIFFICULTY_SPEAKING)


class DialogDriver:
    """Stands in for ``dialogs.run_modal``: shows the real dialog and lets a test drive it."""

    def __init__(self) -> None:
        self.seen: list[QDialog] = []
        self.steps: list[Callable[[QDialog], object]] = []
        self.errors: list[BaseException] = []

    def __call__(self, dialog: QDialog) -> int:
        self.seen.append(dialog)
        dialog.show()
        if self.steps:
            try:
                self.steps.pop(0)(dialog)
            except BaseException as exc:
                # Raised here it may pass through Qt (a menu action) and be lost.
                self.errors.append(exc)
                raise
        if dialog.isVisible():
            dialog.done(int(QDialog.DialogCode.Rejected))
        return int(dialog.result())


@pytest.fixture
def driver(monkeypatch: pytest.MonkeyPatch) -> Iterator[DialogDriver]:
    made = DialogDriver()
    monkeypatch.setattr(dialogs, "run_modal", made)
    yield made
    if made.errors:
        raise made.errors[0]
    assert not made.steps, "a dialog the test meant to drive never opened"
