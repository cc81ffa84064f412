"""The idle lock: after N minutes without a key press or a click, an encrypted journal's
window is covered and asks for the passphrase again.

Every visible window (the journal, an open editor) is covered rather than
closed, so nothing being typed is lost; "Quit" on the lock closes numbjournal.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from ..core import encryption
from .passphrase_dialog import unlock_for_window
from .service import JournalService

ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)


class LockCover(QLabel):
    """An opaque cover over one window while it is locked."""

    def __init__(self, window: QWidget) -> None:
        super().__init__("Locked. Type the passphrase to see the journal again.", window)
        self.setObjectName("lockCover")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setAutoFillBackground(True)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(watched, QWidget):
            self.setGeometry(watched.rect())
        return False


class IdleLock(QObject):
    def __init__(
        self,
        service: JournalService,
        minutes: Callable[[], int],
        *,
        ask: Callable[[QWidget | None], bool] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self._minutes = minutes
        self._ask = ask or (lambda window: unlock_for_window(service.path, window, locked=True))
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.restart()

    def restart(self) -> None:
        # A plain journal never locks (and may still be loading: no setting is read).
        minutes = self._minutes() if encryption.looks_encrypted(self.service.path) else 0
        if minutes > 0:
            self.timer.start(minutes * 60_000)
        else:
            self.timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked and event.type() in ACTIVITY and self.timer.isActive():
            self.timer.start()  # the same interval again, from now
        return False

    def lock(self) -> bool:
        """Cover every window and ask; True once unlocked again (False: the person quit)."""
        if self.locked or not encryption.looks_encrypted(self.service.path):
            return True
        self.locked = True
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        covers = [LockCover(w) for w in windows]
        try:
            unlocked = self._ask(windows[0] if windows else None)
        finally:
            self.locked = False
            for cover in covers:
                cover.hide()
                cover.deleteLater()
        if not unlocked:
            QApplication.closeAllWindows()
            return False
        self.restart()
        return True
