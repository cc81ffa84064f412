"""The first-paint watcher, with nothing heavy imported: the real command's probe loads it
inside the timed process (``benchmarks/site_hook``)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Any

PAINTED_AT: list[float] = []  # time.monotonic() at the end of the first paint pass with rows


def painted_at() -> float:
    """When the watched paint pass ended (now, if no watcher has fired)."""
    return PAINTED_AT[-1] if PAINTED_AT else time.monotonic()


def install_paint_watcher(
    qt_widgets: Any, on_painted: Callable[[], None], *, rows: bool = False
) -> None:
    """Replace ``qt_widgets.QApplication`` by a subclass that watches for the first paint.

    Only the shown main window and its central widget are filtered, not the
    application: a filter on
    the application sees every object's events, and turning each unfamiliar
    object into Python makes PySide6 build the enums of many classes, so the
    probe itself would slow the start-up it times. The window is painted
    first in each paint pass; a zero timer then runs once the pass is done,
    notes the time, and only then (outside the figure) looks for a table
    showing rows. Installed after the app's own first-paint watcher, this
    filter sees the paint first, so the work the app starts after its first
    frame is not counted either.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer

    QtWidgets = qt_widgets
    original = QtWidgets.QApplication

    def shows_rows(window: Any) -> bool:
        for view in window.findChildren(QtWidgets.QTableView):
            model = view.model()
            if view.isVisible() and model is not None and model.rowCount() > 0:
                return True
        return False

    class PaintWatcher(QObject):
        armed = False

        def __init__(self) -> None:
            super().__init__()
            self.window: Any = None
            self.watched: list[Any] = []
            self.looking = QTimer(self, interval=1)
            self.looking.timeout.connect(self.look_for_window)
            self.looking.start()

        def look_for_window(self) -> None:
            for widget in QtWidgets.QApplication.topLevelWidgets():
                if isinstance(widget, QtWidgets.QMainWindow) and widget.isVisible():
                    self.looking.stop()
                    self.window = widget
                    # The central widget too: an opaque one (a chart's canvas) covers the
                    # window, which then gets no paint event of its own.
                    self.watched = [widget, widget.centralWidget()]
                    for watched in self.watched:
                        if watched is not None:
                            watched.installEventFilter(self)
                    widget.update()  # in case it was painted before the loop's first turn
                    return

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if event.type() == QEvent.Type.Paint and not self.armed:
                self.armed = True
                QTimer.singleShot(0, self.pass_done)
            return False

        def pass_done(self) -> None:
            at = time.monotonic()
            self.armed = False
            if rows and not shows_rows(self.window):
                return
            for watched in self.watched:
                if watched is not None:
                    watched.removeEventFilter(self)
            PAINTED_AT.append(at)
            on_painted()

    class ProbeApplication(original):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._paint_watcher = PaintWatcher()

    QtWidgets.QApplication = ProbeApplication  # type: ignore[misc]


def report_painted_and_exit() -> None:
    """One JSON line (``at``: the paint pass's end, ``rss``: peak resident bytes), then exit."""
    rss = 0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            rss = next(
                (int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:")), 0
            )
    except OSError:
        pass
    print(json.dumps({"at": painted_at(), "rss": rss}), flush=True)
    os._exit(0)
