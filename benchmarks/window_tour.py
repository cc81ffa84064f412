"""Inside the app_memory probe: open the Patterns tab and view every chart once.

Goes the way a person does (the main window's Patterns tab, "All episodes",
then each chart in the chart picker), through public names only: the tab's
text, ``PatternsView.select_range`` and ``select_chart``. Work the view
hands to a thread pool is waited for, so its memory is counted.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import Any


def view_every_chart(report: Callable[..., None]) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

    from numbjournal.report.figures import CHARTS
    from numbjournal.ui import patterns_view
    from numbjournal.ui.patterns_view import PatternsView

    app = QApplication.instance()
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
    _wait_until_loaded(app, window)  # the first frame comes before the full load
    tabs = window.findChild(QTabWidget)
    patterns = next(i for i in range(tabs.count()) if "pattern" in tabs.tabText(i).lower())
    tabs.setCurrentIndex(patterns)
    _settle(app)
    view = window.findChild(PatternsView)
    if view is None:
        raise RuntimeError("the Patterns tab shows no PatternsView")
    preset = getattr(patterns_view, "Preset", None)
    if preset is not None:
        view.select_range(preset.ALL)
        _settle(app, view)
    for name in CHARTS:
        view.select_chart(name)
        _settle(app, view)
    report(charts=len(CHARTS))
    os._exit(0)


def _wait_until_loaded(app: Any, window: Any, seconds: float = 120.0) -> None:
    """Until every episode is loaded, as a person waits before the Patterns tab fills in."""
    deadline = time.monotonic() + seconds
    while not window.service.ready:
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not finish loading the journal")
        app.processEvents()
        time.sleep(0.005)


def _settle(app: Any, view: Any = None) -> None:
    """Let the deferred refresh, background work, draw_idle() and the paints run."""
    from PySide6.QtCore import QThreadPool

    for _ in range(3):
        app.processEvents()
        if view is not None:
            for pool in view.findChildren(QThreadPool):
                pool.waitForDone(30_000)
        app.processEvents()
