"""The main window's commands that open a dialog (import, export, backups, settings...), the tray.

A base of :class:`~numbjournal.ui.main_window.MainWindow`, kept apart so the
window module stays about its tabs and the journal's rows. Each dialog gets
the window's service, which owns every write.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime, time
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow

from ..core.triage import NOT_A_DIAGNOSIS
from ..core.words import STROKE_WARNING
from ..paths import data_dir
from . import dialogs
from .actions import WindowActions
from .service import JournalService
from .timer_controller import TimerController

if TYPE_CHECKING:
    from .tray import JournalTray


class WindowDialogs(QMainWindow):
    service: JournalService
    timer: TimerController
    timer_actions: list[QAction]
    actions_: WindowActions
    _clock: Callable[[], datetime]

    def bring_forward(self) -> None:
        raise NotImplementedError

    # -- undo and redo, named and reported in the status bar --------------------

    def _name_undo(self, text: str) -> None:
        self.actions_.undo.setText(f"&Undo {text}".strip())

    def _name_redo(self, text: str) -> None:
        self.actions_.redo.setText(f"&Redo {text}".strip())

    def undo(self) -> None:
        self._step(self.service.undo_stack.undoText(), self.service.undo_stack.undo, "Undone")

    def redo(self) -> None:
        self._step(self.service.undo_stack.redoText(), self.service.undo_stack.redo, "Redone")

    def _step(self, text: str, step: Callable[[], None], done: str) -> None:
        """Undo or redo, then say so: the previous "Deleted… Undo brings them back" is stale."""
        self._step_failed = False
        step()
        if text and not self._step_failed:
            self.statusBar().showMessage(f"{done}: {text[:1].lower()}{text[1:]}.", 8000)

    def _undo_failed(self, text: str) -> None:
        self._step_failed = True
        self.statusBar().clearMessage()
        dialogs.show_error(self, "Could not undo", text)

    def install_tray(self) -> JournalTray:
        """The tray icon with the timer and the daily reminder (the real journal only)."""
        from .settings_dialog import reminder_time
        from .tray import JournalTray, flags_line

        def status() -> str:
            timer = self.timer.elapsed_text() or "numbjournal: no timer running"
            flags = self.service.flags().episodes
            return f"{timer}\n{flags_line(self.service.episodes(), flags, self._clock().date())}"

        def reminder() -> tuple[time | None, bool]:
            today = self._clock().date()
            logged = any(e.started_at.date() == today for e in self.service.episodes()[:50])
            return reminder_time(self.service), logged

        actions = [self.actions_.log, *self.timer_actions, self.actions_.quit]
        self.tray = JournalTray(actions, self.bring_forward, status, reminder, self)
        self.timer.elapsed_changed.connect(lambda _t: self.tray.refresh())
        return self.tray

    def export_data(self) -> None:
        from . import transfer

        written = transfer.export_data(self.service, self)
        if written is not None:
            self.statusBar().showMessage(f"Exported the journal to {written}", 10000)

    def import_data(self) -> None:
        from . import transfer

        message = transfer.import_data(self.service, self)
        if message:
            self.statusBar().showMessage(message, 10000)

    def export_summary(self) -> None:
        from .export_summary_dialog import ExportSummaryDialog

        dialogs.run_modal(
            ExportSummaryDialog(self.service.journal, parent=self, settings=self.service)
        )

    def show_backups(self) -> None:
        from .backups_dialog import BackupsDialog

        dialogs.run_modal(BackupsDialog(self.service, self))

    def edit_profile(self) -> None:
        from .profile_dialog import ProfileDialog

        if dialogs.run_modal(ProfileDialog(self.service, self)) == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage("Profile saved.", 5000)

    def edit_treatments(self) -> None:
        from .treatments_dialog import TreatmentsDialog

        dialogs.run_modal(TreatmentsDialog(self.service, self))

    def edit_settings(self) -> None:
        from .settings_dialog import SettingsDialog

        if dialogs.run_modal(SettingsDialog(self.service, self)) == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage("Settings saved.", 5000)

    def about(self) -> None:
        dialogs.show_about(self, "About numbjournal", about_html(self.service))


def sample_banner() -> QLabel:
    """Said at the top of the sample journal's window."""
    banner = QLabel(
        "<b>Sample journal — not your data.</b> These episodes are made up so you can look "
        "around. Nothing you do here touches your own journal; close this window when done."
    )
    banner.setWordWrap(True)
    banner.setObjectName("sample-banner")
    banner.setStyleSheet(
        "#sample-banner { background: #fff4c2; color: #3b2f00; padding: 8px;"
        " border: 1px solid #d9b300; }"
    )
    return banner


def about_html(service: JournalService) -> str:
    from .. import __version__
    from .crash import reports_dir

    rows = (
        ("Journal file", str(service.path)),
        ("Data folder", str(data_dir())),
        ("Problem reports", str(reports_dir())),
    )
    places = "".join(
        f"<tr><td>{name}:&nbsp;</td><td><tt>{html.escape(value)}</tt></td></tr>"
        for name, value in rows
    )
    return (
        f"<h3>numbjournal {html.escape(__version__)}</h3>"
        "<p>A private journal for episodes of numbness in the legs.</p>"
        f"<p><b>{html.escape(NOT_A_DIAGNOSIS)}</b> {html.escape(STROKE_WARNING)}</p>"
        f"<table>{places}</table>"
        "<p>Everything stays on this computer; numbjournal opens no network connection.</p>"
    )
