"""The window on a journal its owner made read-only: it says so, and offers no changes.

Reading, searching, the charts, the flags and both exports work; every
command that would write to the journal is removed from the menus, the
toolbar and the tray, and double-clicking an episode no longer opens the
editor. Anything that slipped through would still be refused by the journal
itself with one line ("... is read-only; nothing was saved").
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout

READ_ONLY_TITLE = "numbjournal (read-only)"


def apply_read_only(main_window: QMainWindow) -> None:
    """Turn off every change in the main window; a no-op for a writable journal.

    (Typed loosely: importing MainWindow here would make the two modules a cycle.)
    """
    window: Any = main_window
    if not window.service.journal.read_only or getattr(window, "_read_only_applied", False):
        return
    window._read_only_applied = True
    window.setWindowTitle(READ_ONLY_TITLE)
    a = window.actions_
    for action in (
        a.log,
        a.edit,
        a.delete,
        a.undo,
        a.redo,
        a.import_data,
        a.profile,
        a.settings,
        a.backups,
        *window.timer_actions,
    ):
        action.setVisible(False)
        action.setEnabled(False)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None and not any(a.isVisible() for a in menu.actions() if a.text()):
            menu_action.setVisible(False)  # the Episode menu has nothing left
    view = window.journal_view
    view.edit_requested.disconnect(window.edit_episode)
    view.log_requested.disconnect(window.log_episode)
    flags = getattr(window, "_flags_view", None)  # the Flags tab is built on first use
    if flags is not None:
        flags.open_requested.disconnect(window.edit_episode)
        flags.open_requested.connect(window.show_episode)
    window.edit_episode = window.show_episode  # what a Flags tab built later connects
    central = window.centralWidget()
    layout = central.layout() if central is not None else None
    if isinstance(layout, QVBoxLayout):
        layout.insertWidget(0, _banner(str(window.service.path)))


def _banner(path: str) -> QLabel:
    banner = QLabel(
        "<b>Read-only.</b> This journal's file or folder has no write permission, so "
        "numbjournal only shows it: logging, editing, deleting, importing and the profile "
        f"are turned off. Exports still work.<br><tt>{html.escape(path)}</tt>"
    )
    banner.setWordWrap(True)
    banner.setObjectName("read-only-banner")
    banner.setStyleSheet(
        "#read-only-banner { background: #e8eef7; color: #1d2b3a; padding: 8px;"
        " border: 1px solid #7d97b8; }"
    )
    return banner
