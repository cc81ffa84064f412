"""The main window: Journal, Patterns and Flags tabs under one set of commands.

The window only routes: views say what the person asked for (edit this,
show that), the service does it, and the status bar says what happened.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..core import words
from ..core.errors import NumbjournalError
from ..core.model import Episode
from ..core.timer import local_now
from . import crash, dialogs
from .actions import WindowActions, build_menus, build_toolbar, create_actions
from .icons import app_icon, timer_start_icon, timer_stop_icon
from .journal_view import JournalView
from .patterns_tab import PatternsTab
from .read_only import apply_read_only
from .service import JournalService
from .timer_controller import TimerController
from .welcome import app_settings
from .window_dialogs import WindowDialogs, sample_banner

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from .flags_view import FlagsView

TITLE = "numbjournal"
SAMPLE_TITLE = "Sample journal — not your data — numbjournal"
TAB_JOURNAL, TAB_PATTERNS, TAB_FLAGS = range(3)


class MainWindow(WindowDialogs):
    closed = Signal()

    def __init__(
        self,
        service: JournalService,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], datetime] = local_now,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self.service = service
        self.setWindowTitle(SAMPLE_TITLE if service.sample else TITLE)
        if service.ready:  # else the application's icon, set after the first frame
            self.setWindowIcon(app_icon())
        self.actions_ = create_actions(self)
        self._step_failed = False
        self.sample_window: MainWindow | None = None

        self.journal_view = JournalView(service)
        # The Patterns and Flags tabs are built when first needed (not for the first frame).
        self._flags_view: FlagsView | None = None
        self.patterns_tab = PatternsTab(service)
        self.flags_host = QWidget()
        QVBoxLayout(self.flags_host).setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.journal_view, "Journal")
        self.tabs.addTab(self.patterns_tab, "Patterns")
        self.tabs.addTab(self.flags_host, "Flags")
        self.tabs.currentChanged.connect(self._on_tab)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        if service.sample:
            layout.addWidget(sample_banner())
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)

        self.timer_actions = self._timer_actions()
        build_menus(self, self.actions_, self.timer_actions)
        toolbar = build_toolbar(self, self.actions_, self.timer_actions)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._name_tool_buttons(toolbar)
        self._connect(self.actions_)
        self._build_status_bar()
        self._update_actions()
        self._restore_geometry()
        if service.ready:
            apply_read_only(self)
        self.journal_view.table.setFocus()
        if not service.ready:  # the first frame: nothing is written before the open checks
            service.loaded.connect(self._loaded)
            self._update_actions()

    # -- building ---------------------------------------------------------

    def _timer_actions(self) -> list[QAction]:
        self.timer = TimerController(self.service, self._clock, parent=self)
        self.timer.stopped.connect(self._log_from_timer)
        self.timer.failed.connect(lambda text: dialogs.show_error(self, "Timer", text))
        self.timer.start_action.setIcon(timer_start_icon())
        self.timer.stop_action.setIcon(timer_stop_icon())
        return [self.timer.start_action, self.timer.stop_action]

    def _name_tool_buttons(self, toolbar: QWidget) -> None:
        """Tool buttons get the action's words as their accessible name."""
        for button in toolbar.findChildren(QToolButton):
            action = button.defaultAction()
            if action is not None:
                button.setAccessibleName(action.text().replace("&", "").rstrip("…"))

    def _connect(self, a: WindowActions) -> None:
        a.log.triggered.connect(self.log_episode)
        a.edit.triggered.connect(self.edit_selected)
        a.delete.triggered.connect(self.delete_selected)
        stack = self.service.undo_stack
        a.undo.triggered.connect(self.undo)
        a.redo.triggered.connect(self.redo)
        stack.canUndoChanged.connect(a.undo.setEnabled)
        stack.canRedoChanged.connect(a.redo.setEnabled)
        stack.undoTextChanged.connect(self._name_undo)
        stack.redoTextChanged.connect(self._name_redo)
        a.undo.setEnabled(False)
        a.redo.setEnabled(False)
        a.find.triggered.connect(self._find)
        a.import_data.triggered.connect(self.import_data)
        a.export_data.triggered.connect(self.export_data)
        a.export_summary.triggered.connect(self.export_summary)
        a.backups.triggered.connect(self.show_backups)
        a.profile.triggered.connect(self.edit_profile)
        a.treatments.triggered.connect(self.edit_treatments)
        a.settings.triggered.connect(self.edit_settings)
        a.close.triggered.connect(self.close)
        a.quit.triggered.connect(self._quit)
        a.show_journal.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_JOURNAL))
        a.show_patterns.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_PATTERNS))
        a.show_flags.triggered.connect(lambda: self.tabs.setCurrentIndex(TAB_FLAGS))
        a.sample.triggered.connect(self.open_sample)
        a.about.triggered.connect(self.about)
        a.show_logs.triggered.connect(crash.show_log_folder)
        if self.service.sample:
            a.sample.setEnabled(False)
            a.backups.setEnabled(False)  # rebuilt on every opening: nothing to keep
        # Enter and Del act on the table only, so typing in the search box stays typing.
        for action in (a.edit, a.delete):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.journal_view.table.addAction(action)
        self.journal_view.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.journal_view.edit_requested.connect(self.edit_episode)
        self.journal_view.log_requested.connect(self.log_episode)
        self.journal_view.selection_changed.connect(self._update_actions)
        self.journal_view.shown_changed.connect(self._update_status)
        self.service.failed.connect(self._undo_failed)
        self.service.escalated.connect(self._still_going_escalated)

    def _still_going_escalated(self, ids: tuple[int, ...]) -> None:
        from .escalation import warn_escalated  # the editor's card: not for the first frame

        warn_escalated(self, self.service, ids)

    def _build_status_bar(self) -> None:
        self.count_label = QLabel()
        kind = "Sample journal" if self.service.sample else "Journal"
        self.timer_label = QLabel()
        self.timer_label.setObjectName("timer-label")
        self.timer_label.setStyleSheet("#timer-label { font-weight: bold; }")
        self.timer.elapsed_changed.connect(self.timer_label.setText)
        self.timer_label.setText(self.timer.elapsed_text())
        self.path_label = QLabel(f"{kind}: {self.service.path}")
        self.path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addWidget(self.count_label)
        self.statusBar().addPermanentWidget(self.timer_label)
        self.statusBar().addPermanentWidget(self.path_label)
        self._update_status()

    # -- state ------------------------------------------------------------

    def _update_status(self) -> None:
        view = self.journal_view
        shown, total = view.shown_count(), view.model.total
        if not self.service.ready:
            opening = words.count(self.service.count(), "episode")
            self.count_label.setText(f"{opening} — opening the journal…")
        else:
            self.count_label.setText(
                f"Showing {shown:,} of {words.count(total, 'episode')}"
                if shown != total
                else words.count(total, "episode")
            )
        self._update_actions()

    def _update_actions(self) -> None:
        ready = self.service.ready
        selected = bool(self.journal_view.selected_ids())
        self.actions_.edit.setEnabled(selected and ready)
        self.actions_.delete.setEnabled(selected and ready)
        if not ready:
            for action in self._journal_actions():
                action.setEnabled(False)

    def _journal_actions(self) -> list[QAction]:
        """What needs the opened journal: writes, and reads of every episode."""
        a = self.actions_
        return [
            a.log,
            a.import_data,
            a.export_data,
            a.export_summary,
            a.backups,
            a.profile,
            a.settings,
            a.treatments,
            *self.timer_actions,
        ]

    def _loaded(self) -> None:
        for action in self._journal_actions():
            action.setEnabled(True)
        if self.service.sample:
            self.actions_.backups.setEnabled(False)
        self.timer.refresh()
        self._update_status()
        self._on_tab(self.tabs.currentIndex())
        apply_read_only(self)

    def show_refusal(self) -> None:
        """The journal failed its open checks: none of what the first frame read stays shown."""
        for action in self._journal_actions():
            action.setEnabled(False)
        notice = QLabel(f"numbjournal did not open {html.escape(self.service.path.name)}.")
        notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(notice)
        self.count_label.clear()

    @property
    def flags_view(self) -> FlagsView:
        """The Flags tab's view, built on first use."""
        if self._flags_view is None:
            from .flags_view import FlagsView

            view = FlagsView(self.service, self.flags_host)
            view.open_requested.connect(self.edit_episode)
            view.show_requested.connect(self.show_episode)
            layout = self.flags_host.layout()
            assert layout is not None
            layout.addWidget(view)
            self._flags_view = view
        return self._flags_view

    def _on_tab(self, index: int) -> None:
        if index == TAB_FLAGS and self.service.ready:  # journal-wide flags need every episode
            self.flags_view.show()
        if index == TAB_PATTERNS:
            self.patterns_tab.open()

    def _restore_geometry(self) -> None:
        saved = app_settings().value("window/geometry")
        if isinstance(saved, QByteArray) and not self.service.sample:
            self.restoreGeometry(saved)
        else:
            room = self.screen().availableGeometry()
            self.resize(min(1280, room.width() * 9 // 10), min(840, room.height() * 9 // 10))

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.service.sample:
            settings = app_settings()
            settings.setValue("window/geometry", self.saveGeometry())
            settings.sync()
        if self.sample_window is not None:
            self.sample_window.close()
        super().closeEvent(event)
        self.closed.emit()

    def bring_forward(self) -> None:
        """A second launch for the same journal asked to see this window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    # -- commands ---------------------------------------------------------

    def log_episode(self, draft: Episode | None = None) -> Episode | None:
        return self._run_editor(draft if isinstance(draft, Episode) else None, new=True)

    def _log_from_timer(self, draft: Episode) -> None:
        self._run_editor(draft, new=True)
        self.timer.finish()  # saved, or discarded after the editor asked

    def edit_selected(self) -> None:
        ids = self.journal_view.selected_ids()
        if ids:
            self.edit_episode(ids[0])

    def edit_episode(self, episode_id: int) -> None:
        episode = self.service.episode(episode_id)
        if episode is None:
            dialogs.show_error(
                self, "Episode not found", "That episode is no longer in the journal."
            )
            return
        self._run_editor(episode, new=False)

    def _run_editor(self, episode: Episode | None, *, new: bool) -> Episode | None:
        from .editor import EpisodeEditor

        kept: list[Episode] = []  # what the editor saved, if it saved

        def save(draft: Episode) -> Episode:
            saved = self.service.add(draft) if new else self.service.update(draft)
            kept.append(saved)
            return saved

        editor = EpisodeEditor(
            save,
            self.service.evaluate,
            episode=episode,
            parent=self,
            history=self.service.episodes() if new else (),
            born=self.service.profile().date_of_birth,
            treatments=self.service.treatments(),
        )
        dialogs.run_modal(editor)
        editor.deleteLater()
        saved = kept[-1] if kept else None
        if saved is not None and saved.id is not None:
            if new:  # a fresh entry is shown where it landed; an edit keeps the person's place
                self.tabs.setCurrentIndex(TAB_JOURNAL)
            self.journal_view.select_episode(saved.id)
            if self.tabs.currentIndex() == TAB_JOURNAL:
                self.journal_view.table.setFocus()
            verb = "Logged" if new else "Saved"
            self.statusBar().showMessage(f"{verb} the episode; Undo (Ctrl+Z) takes it back.", 8000)
        return saved

    def delete_selected(self) -> None:
        ids = self.journal_view.selected_ids()
        if not ids:
            return
        try:
            gone = self.service.delete(ids)
        except NumbjournalError as exc:
            dialogs.show_error(self, "Nothing was deleted", str(exc))
            return
        what, it = words.count(len(gone), "episode"), "it" if len(gone) == 1 else "them"
        self.statusBar().showMessage(f"Deleted {what}. Undo (Ctrl+Z) brings {it} back.", 10000)

    def show_episode(self, episode_id: int) -> None:
        self.tabs.setCurrentIndex(TAB_JOURNAL)
        self.journal_view.select_episode(episode_id)
        self.journal_view.table.setFocus()

    def _find(self) -> None:
        self.tabs.setCurrentIndex(TAB_JOURNAL)
        self.journal_view.search.setFocus()
        self.journal_view.search.selectAll()

    def open_sample(self) -> MainWindow:
        from .sample_journal import open_sample_service

        if self.sample_window is None:
            service = open_sample_service()
            self.sample_window = MainWindow(service)
            self.sample_window.closed.connect(service.close)
            self.sample_window.show()
            self.sample_window.move(self.pos() + QPoint(48, 48))
            self.sample_window.closed.connect(self._sample_closed)
        self.sample_window.bring_forward()
        return self.sample_window

    def _sample_closed(self) -> None:
        if self.sample_window is not None:
            self.sample_window.deleteLater()
        self.sample_window = None

    def _quit(self) -> None:
        from PySide6.QtWidgets import QApplication

        QApplication.closeAllWindows()
