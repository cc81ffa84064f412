"""Starting the desktop window: app identity, one instance per journal, the journal, the window.

Paint first: the window is built from a read-only preview of the newest rows
(standard library only) and painted; then the journal is opened properly
(SQLAlchemy, the open checks, a migration, every episode and flag) beside it,
and nothing is written before those checks pass. A journal that fails them
has the window's contents replaced by the refusal screen. A journal that
cannot be previewed (encrypted, foreign, damaged, locked) is opened first,
as before, so its dialog comes before any window.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from ..core.errors import JournalOpenError
from ..core.preview import preview_journal
from ..paths import data_dir, ensure_private_dir
from . import crash, dialogs
from .icons import app_icon
from .main_window import MainWindow
from .paint_first import JournalOpener, Opened, after_first_paint
from .service import JournalService
from .single_instance import InstanceServer, ask_running_instance
from .welcome import LOOK_AT_SAMPLE, WelcomeDialog, mark_welcomed, welcome_needed

if TYPE_CHECKING:
    from ..core.store import Journal

ORGANIZATION = "numbjournal"


def make_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(["numbjournal", *argv])
    app.setApplicationName("numbjournal")
    app.setApplicationDisplayName("numbjournal")
    app.setOrganizationName(ORGANIZATION)
    app.setDesktopFileName("numbjournal")
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
    from ..core.store import Journal
    from .passphrase_dialog import unlock_for_window

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
    outcome: int | Path = journal_path
    while isinstance(outcome, Path):  # another journal chosen on the refusal screen
        outcome = _run_journal_window(app, outcome)
    return outcome


def _run_journal_window(app: QApplication, journal_path: Path) -> int | Path:
    """One journal's window until it closes: an exit status, or the next journal to open."""
    preview = preview_journal(journal_path)
    opener: JournalOpener | None = None
    if preview is None:  # encrypted, foreign, damaged or locked: its dialog comes first
        journal = open_journal(journal_path)
        if journal is None:
            return 1
        service = JournalService(journal)
    else:
        service = JournalService(preview=preview)
        opener = JournalOpener(journal_path)
    window = MainWindow(service)
    previous_hook = sys.excepthook
    sys.excepthook = crash.make_hook(service.path, QApplication.closeAllWindows)
    listening: list[InstanceServer] = []

    def settle() -> None:
        """What the first frame does without: the app icon, encryption, the tray, and
        answering a second launch."""
        app.setWindowIcon(app_icon())  # drawn from SVG
        add_encryption(window)
        window.install_tray()
        listening.append(InstanceServer(service.path, window.bring_forward))

    refusal: list[int | Path] = []
    if opener is None:
        settle()
        QTimer.singleShot(0, window, lambda: first_run(window))
    else:
        _open_beside(window, opener, refusal, settle)
    window.show()
    try:
        status = run_event_loop(app)
        return refusal[0] if refusal else status
    finally:
        if opener is not None:
            opener.finish()
        sys.excepthook = previous_hook
        for server in listening:
            server.close()
        window.deleteLater()
        service.close()


def _open_beside(
    window: MainWindow,
    opener: JournalOpener,
    refusal: list[int | Path],
    settle: Callable[[], None],
) -> None:
    """Open the journal once the first frame is painted, then ``settle``; refuse in the
    window if the journal fails its checks."""

    def opened(result: Opened) -> None:
        window.service.attach(result.journal, result.episodes, result.flags)
        first_run(window)

    def refused(error: JournalOpenError) -> None:
        window.show_refusal()
        choice = open_failure_dialog(error, opener.path)
        if isinstance(choice, Path):
            refusal.append(choice)
        else:
            refusal.append(opener.path if choice == "retry" else 1)
        window.close()

    def painted() -> None:
        opener.start()
        settle()

    opener.opened.connect(opened)
    opener.refused.connect(refused)
    after_first_paint(window, painted)


def add_encryption(window: MainWindow) -> None:
    """File > Encryption... and the idle lock: after the first frame, which needs neither."""
    from .encryption_dialog import install_encryption

    install_encryption(window, window.service, window.actions_.backups)


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
