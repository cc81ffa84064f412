"""Inside the app_memory probe: open the Patterns tab and view every chart once.

Goes the way a person does (the main window's Patterns tab, then each chart
in the chart picker), through public names only: the tab's text and
``PatternsView.select_chart``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Any


def view_every_chart(report: Callable[..., None]) -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget

    from numbjournal.report.figures import CHARTS
    from numbjournal.ui.patterns_view import PatternsView

    app = QApplication.instance()
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
    tabs = window.findChild(QTabWidget)
    patterns = next(i for i in range(tabs.count()) if "pattern" in tabs.tabText(i).lower())
    tabs.setCurrentIndex(patterns)
    _settle(app)
    view = window.findChild(PatternsView)
    for name in CHARTS:
        view.select_chart(name)
        _settle(app)
    report(charts=len(CHARTS))
    os._exit(0)


def _settle(app: Any) -> None:
    """Let the deferred refresh, draw_idle() and the paints run."""
    for _ in range(5):
        app.processEvents()
