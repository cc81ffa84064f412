"""The first-paint watcher, with nothing heavy imported: the real command's probe loads it
inside the timed process (``benchmarks/site_hook``)."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from typing import Any


def install_paint_watcher(
    qt_widgets: Any, on_painted: Callable[[], None], *, rows: bool = False
) -> None:
    """Replace ``qt_widgets.QApplication`` by a subclass that watches for the first paint."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    QtWidgets = qt_widgets
    original = QtWidgets.QApplication

    def shows_rows(obj: Any) -> bool:
        view = obj.parent()
        if not isinstance(view, QtWidgets.QAbstractItemView) or view.viewport() is not obj:
            return False
        model = view.model()
        return model is not None and model.rowCount() > 0

    class PaintWatcher(QObject):
        """Watches each shown main window and its item views' viewports, nothing else.

        A filter on the whole application would see every object's events, and
        turning each unfamiliar object into Python makes PySide6 build the enums
        of many classes: the probe itself would slow the start-up it times.
        The first paint of a watched window arms a zero timer (it runs once that
        paint pass is done); the timer reports once rows were painted. Installed
        after the app's own first-paint watcher, this filter sees each paint
        first, so the work the app starts after its first frame is not counted.
        """

        fired = False
        armed = False
        rows_seen = False

        def __init__(self) -> None:
            super().__init__()
            self.watched: list[Any] = []
            self.looking = QTimer(self, interval=1)
            self.looking.timeout.connect(self.look_for_windows)
            self.looking.start()

        def look_for_windows(self) -> None:
            for widget in QtWidgets.QApplication.topLevelWidgets():
                if isinstance(widget, QtWidgets.QMainWindow) and widget.isVisible():
                    self.looking.stop()
                    views = widget.findChildren(QtWidgets.QAbstractItemView)
                    self.watched = [widget, *(view.viewport() for view in views)]
                    for watched in self.watched:
                        watched.installEventFilter(self)
                    widget.update()  # painted already: a pass to catch
                    return

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if not self.fired and event.type() == QEvent.Type.Paint:
                self.rows_seen = self.rows_seen or not rows or shows_rows(obj)
                if not self.armed:
                    self.armed = True
                    QTimer.singleShot(0, self.pass_done)
            return False

        def pass_done(self) -> None:
            self.armed = False
            if not self.rows_seen:
                return
            self.fired = True
            for watched in self.watched:
                watched.removeEventFilter(self)
            on_painted()

    class ProbeApplication(original):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._paint_watcher = PaintWatcher()

    QtWidgets.QApplication = ProbeApplication  # type: ignore[misc]


def report_painted_and_exit() -> None:
    """One JSON line (``at``: time.monotonic() now, ``rss``: peak resident bytes), then exit."""
    rss = 0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            rss = next(
                (int(line.split()[1]) * 1024 for line in status if line.startswith("VmHWM:")), 0
            )
    except OSError:
        pass
    print(json.dumps({"at": time.monotonic(), "rss": rss}), flush=True)
    os._exit(0)
