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
        fired = False

        def eventFilter(self, obj: Any, event: Any) -> bool:
            if (
                not self.fired
                and event.type() == QEvent.Type.Paint
                and isinstance(obj, QtWidgets.QWidget)
                and isinstance(obj.window(), QtWidgets.QMainWindow)
                and (not rows or shows_rows(obj))
            ):
                self.fired = True
                app = QtWidgets.QApplication.instance()
                if app is not None:
                    app.removeEventFilter(self)
                QTimer.singleShot(0, on_painted)
            return False

    class ProbeApplication(original):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._paint_watcher = PaintWatcher()
            self.installEventFilter(self._paint_watcher)

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
