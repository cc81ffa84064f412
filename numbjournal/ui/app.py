"""Starting the desktop window: app identity, one instance per journal, the journal, the window.

The journal is opened (and migrated) before any window is built, so a
journal that cannot be opened gets a clear dialog instead of a broken window.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.errors import JournalOpenError
from ..core.store import Journal
from ..paths import data_dir, ensure_private_dir
from . import crash, dialogs
from .encryption_dialog import install_encryption
from .icons import app_icon
from .main_window import MainWindow
from .passphrase_dialog import unlock_for_window
from .service import JournalService
from .single_instance import InstanceServer, ask_running_instance
from .welcome import LOOK_AT_SAMPLE, WelcomeDialog, mark_welcomed, welcome_needed

ORGANIZATION = "numbjournal"


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["numbjournal", *argv])
    app.setApplicationName("numbjournal")
    app.setApplicationDisplayName("numbjournal")
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName("numbjournal")
    app.setWindowIcon(app_icon())
    return app


def open_failure_dialog(error: JournalOpenError, path: Path) -> str | Path:
    """Why the journal could not be opened, and what now: "retry", "quit" or another file.

    The backups dialog offers to restore the newest good backup; without it a
    plain message says what is wrong and that the file was left untouched.
    """
    try:
        from .backups_dialog import ask_open_failure
    except ImportError:
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            "The journal cannot be opened",
            f"numbjournal could not open your journal:\n\n{error}\n\n"
            "The file was left exactly as it was.",
        )
        box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return "quit"
    return ask_open_failure(error, path, None)


def open_journal(path: Path) -> Journal | None:
    """The journal, or None if it cannot be opened and the person chose to quit."""
    while True:
        if path.parent == data_dir():
            ensure_private_dir(path.parent)
        if not unlock_for_window(path):  # an encrypted journal: its passphrase, before any read
            return None
        try:
            return Journal.open(path)
        except JournalOpenError as exc:
            choice = open_failure_dialog(exc, path)
            if isinstance(choice, Path):
                path = choice
            elif choice != "retry":
                return None


def no_display() -> str | None:
    """Why the window cannot open here (Linux, e.g. over SSH, with no display), or None.

    Qt would otherwise abort with advice to reinstall the application.
    """
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "there is no display to open the window on (DISPLAY and WAYLAND_DISPLAY are not "
        "set); the commands work without one: numbjournal --help"
    )


def run_window(journal_path: Path, argv: list[str]) -> int:
    problem = no_display() if QApplication.instance() is None else None
    if problem is not None:
        print(f"numbjournal: {problem}", file=sys.stderr)
        return 1
    app = make_application(argv)
    if ask_running_instance(journal_path):
        print(
            f"numbjournal: {journal_path} is already open in another numbjournal window; "
            "brought that window forward",
            file=sys.stderr,
        )
        return 0
    journal = open_journal(journal_path)
    if journal is None:
        return 1
    service = JournalService(journal)
    window = MainWindow(service)
    install_encryption(window, service, window.actions_.backups)
    previous_hook = sys.excepthook
    sys.excepthook = crash.make_hook(journal.path, QApplication.closeAllWindows)
    instance = InstanceServer(journal.path, window.bring_forward)
    window.install_tray()
    window.show()
    QTimer.singleShot(0, window, lambda: first_run(window))
    try:
        return run_event_loop(app)
    finally:
        sys.excepthook = previous_hook
        instance.close()
        window.deleteLater()
        service.close()


def run_event_loop(app: QApplication) -> int:
    """The program runs in here until the last window closes; tests replace it."""
    return app.exec()


def first_run(window: MainWindow) -> None:
    """The welcome, once per computer, for a journal that has nothing in it yet."""
    if window.service.count() or not welcome_needed():
        return
    dialog = WelcomeDialog(window.service.path, window)
    result = dialogs.run_modal(dialog)
    mark_welcomed()
    if result == LOOK_AT_SAMPLE:
        window.open_sample()
