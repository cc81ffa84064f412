"""The tray icon: the running timer at a glance, quick commands, the daily reminder.

Without a system tray (some desktops, tests) the window works the same and
reminders are simply not shown; nothing depends on the tray being there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from ..core.flag_levels import counts_text, level_counts
from ..core.model import Episode
from ..core.triage import Flag
from .icons import app_icon

REMINDER_TEXT = "Any numbness today? Log it in numbjournal while you remember the details."
RECENT_DAYS = 30


def flags_line(
    episodes: Sequence[Episode], flags: Mapping[int, Sequence[Flag]], today: date
) -> str:
    """The tray's flag line, in the window's words: "Flags, last 30 days: 1 emergency, ..."."""
    since = today - timedelta(days=RECENT_DAYS - 1)
    recent = (
        flags.get(e.id, ())
        for e in episodes
        if e.id is not None and since <= e.started_at.date() <= today
    )
    return f"Flags, last {RECENT_DAYS} days: {counts_text(level_counts(recent))}"


def reminder_due(
    now: datetime, at: time | None, last_reminded: date | None, logged_today: bool
) -> bool:
    """Whether to remind now: once a day, after the chosen time, only if nothing was logged."""
    if at is None or logged_today or last_reminded == now.date():
        return False
    return now.time() >= at


class JournalTray(QObject):
    def __init__(
        self,
        actions: list[QAction],
        show_window: Callable[[], None],
        status: Callable[[], str],
        reminder: Callable[[], tuple[time | None, bool]],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._status = status
        self._reminder = reminder
        self._last_reminded: date | None = None
        self.icon: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.icon = QSystemTrayIcon(app_icon(), self)
            menu = QMenu()
            menu.addAction("Show numbjournal", show_window)
            menu.addSeparator()
            for action in actions:
                menu.addAction(action)
            self._menu = menu
            self.icon.setContextMenu(menu)
            self.icon.activated.connect(
                lambda reason: (
                    show_window() if reason == QSystemTrayIcon.ActivationReason.Trigger else None
                )
            )
            self.icon.show()
        self.refresh()
        self._tick = QTimer(self, interval=30_000)
        self._tick.timeout.connect(self.check)
        self._tick.start()

    def refresh(self) -> None:
        if self.icon is not None:
            self.icon.setToolTip(self._status())

    def warn(self, title: str, text: str) -> None:
        """An emergency, for a person who may not be looking at the window."""
        if self.icon is not None:
            self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Critical, 60_000)

    def check(self, now: datetime | None = None) -> bool:
        """Refresh the tooltip and show the reminder if it is due; True if shown."""
        self.refresh()
        moment = now or datetime.now()
        at, logged_today = self._reminder()
        if not reminder_due(moment, at, self._last_reminded, logged_today):
            return False
        self._last_reminded = moment.date()
        if self.icon is not None:
            self.icon.showMessage("numbjournal", REMINDER_TEXT, app_icon())
        return True
