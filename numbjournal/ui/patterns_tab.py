"""The Patterns tab's page: empty until first opened, then a notice, then the charts.

Opening it the first time imports matplotlib and draws the first chart: a
second or more on a slow laptop. The page says so at once, with a busy
cursor, instead of leaving the tab that was clicked on screen until the
charts are ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from .patterns_view import PatternsView
    from .service import JournalService

OPENING = "Drawing the charts…"


class PatternsTab(QWidget):
    """Builds its :class:`PatternsView` the first time :meth:`open` is called."""

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.view: PatternsView | None = None
        self.notice: QLabel | None = None
        self._building = False
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def open(self) -> None:
        """The tab is shown: say the charts are coming, and build them once the
        journal is loaded (the window calls this again when it is)."""
        if self.view is not None:
            return
        if self.notice is None:
            self.notice = QLabel(OPENING)
            self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._layout.addWidget(self.notice)
            self.notice.show()  # a layout shows a new child only after the wait
            self._layout.activate()
            self.window().repaint()  # the tab and its notice on screen before the wait
        if self.service.ready and not self._building:
            self._building = True
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            QTimer.singleShot(0, self._build)

    def _build(self) -> None:
        try:
            from .patterns_view import PatternsView

            self.view = PatternsView(
                self.service.journal, self, flagged_ids=self.service.flagged_ids
            )
            self._layout.addWidget(self.view)
            self.view.show()
        finally:
            self._building = False
            QGuiApplication.restoreOverrideCursor()
            if self.notice is not None:
                self.notice.hide()
                self.notice.deleteLater()
                self.notice = None
