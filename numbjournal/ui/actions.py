"""The window's commands (menu, toolbar, shortcuts) in one place, so they stay consistent."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar, QWidget

from .icons import delete_icon, export_icon, log_icon, summary_icon


@dataclass
class WindowActions:
    log: QAction
    edit: QAction
    delete: QAction
    undo: QAction
    redo: QAction
    find: QAction
    import_data: QAction
    export_data: QAction
    export_summary: QAction
    backups: QAction
    profile: QAction
    treatments: QAction
    settings: QAction
    close: QAction
    quit: QAction
    show_journal: QAction
    show_patterns: QAction
    show_flags: QAction
    sample: QAction
    show_logs: QAction
    about: QAction


def _action(
    parent: QWidget,
    text: str,
    shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
    tip: str = "",
    icon: QIcon | None = None,
) -> QAction:
    action = QAction(text, parent)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    if icon is not None:
        action.setIcon(icon)
    return action


def create_actions(window: QMainWindow) -> WindowActions:
    actions = _create(window)
    actions.edit.setShortcuts([QKeySequence("Return"), QKeySequence("Enter")])
    return actions


def _create(window: QMainWindow) -> WindowActions:
    return WindowActions(
        log=_action(
            window,
            "&Log episode…",
            "Ctrl+N",
            "Log an episode of numbness (Ctrl+N)",
            log_icon(),
        ),
        edit=_action(window, "&Edit episode…", "Return", "Edit the selected episode (Enter)"),
        delete=_action(
            window,
            "&Delete",
            QKeySequence.StandardKey.Delete,
            "Delete the selected episodes (Del); Undo brings them back",
            delete_icon(),
        ),
        undo=_action(window, "&Undo", QKeySequence.StandardKey.Undo),
        redo=_action(window, "&Redo", QKeySequence.StandardKey.Redo),
        find=_action(window, "&Find…", QKeySequence.StandardKey.Find, "Search the journal"),
        import_data=_action(
            window, "&Import data…", "Ctrl+I", "Add episodes from a numbjournal JSON or CSV file"
        ),
        export_data=_action(
            window,
            "Export &data…",
            "Ctrl+Shift+E",
            "Save the journal as a JSON or CSV file",
            export_icon(),
        ),
        export_summary=_action(
            window,
            "Export &summary for a doctor…",
            "Ctrl+E",
            "A printable summary (PDF) to show a doctor (Ctrl+E)",
            summary_icon(),
        ),
        backups=_action(
            window, "&Backups…", None, "Back up the journal now, or restore an earlier backup"
        ),
        profile=_action(window, "&Profile…", None, "Known conditions, name and date of birth"),
        treatments=_action(
            window, "&Treatments…", "Ctrl+T", "What you tried: medication, therapy, habits"
        ),
        settings=_action(
            window, "&Settings…", QKeySequence.StandardKey.Preferences, "Flag thresholds, reminder"
        ),
        close=_action(window, "&Close window", QKeySequence.StandardKey.Close),
        quit=_action(window, "&Quit", QKeySequence.StandardKey.Quit),
        show_journal=_action(window, "&Journal", "Ctrl+1"),
        show_patterns=_action(window, "&Patterns", "Ctrl+2"),
        show_flags=_action(window, "&Flags", "Ctrl+3"),
        sample=_action(
            window,
            "Look around a &sample journal",
            None,
            "Open a separate journal of made-up episodes; your own journal is not touched",
        ),
        show_logs=_action(
            window,
            "Show &log folder",
            None,
            "Open the folder of numbjournal's log file (no journal content is ever logged)",
        ),
        about=_action(window, "&About numbjournal", None, "Version, disclaimer, where data lives"),
    )


def build_menus(window: QMainWindow, actions: WindowActions, timer_actions: list[QAction]) -> QMenu:
    """File, Edit, View, Help menus; returns the Episode menu (for the tray)."""
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    for item in (actions.import_data, actions.export_data, actions.export_summary):
        file_menu.addAction(item)
    file_menu.addSeparator()
    file_menu.addAction(actions.backups)
    file_menu.addSeparator()
    file_menu.addAction(actions.close)
    file_menu.addAction(actions.quit)

    episode_menu = bar.addMenu("&Episode")
    episode_menu.addAction(actions.log)
    for item in timer_actions:
        episode_menu.addAction(item)
    episode_menu.addSeparator()
    episode_menu.addAction(actions.edit)
    episode_menu.addAction(actions.delete)

    edit_menu = bar.addMenu("E&dit")
    edit_menu.addAction(actions.undo)
    edit_menu.addAction(actions.redo)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.find)
    edit_menu.addSeparator()
    edit_menu.addAction(actions.profile)
    edit_menu.addAction(actions.treatments)
    edit_menu.addAction(actions.settings)

    view_menu = bar.addMenu("&View")
    for item in (actions.show_journal, actions.show_patterns, actions.show_flags):
        view_menu.addAction(item)

    help_menu = bar.addMenu("&Help")
    help_menu.addAction(actions.sample)
    help_menu.addAction(actions.show_logs)
    help_menu.addAction(actions.about)
    return episode_menu


def build_toolbar(
    window: QMainWindow, actions: WindowActions, timer_actions: list[QAction]
) -> QToolBar:
    toolbar = window.addToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.setMovable(False)
    toolbar.addAction(actions.log)
    for item in timer_actions:
        toolbar.addAction(item)
    toolbar.addSeparator()
    toolbar.addAction(actions.delete)
    toolbar.addSeparator()
    toolbar.addAction(actions.export_summary)
    toolbar.addAction(actions.export_data)
    return toolbar
