"""Inside the app_memory probe: open the Patterns tab and view every chart once.

Works from what a person can reach (the main window's tabs, then whatever
selector the Patterns view offers: tabs, a list or a combo box), so it does
not depend on private names in the window's code.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def view_every_chart(report: Callable[..., None]) -> None:
    from PySide6.QtWidgets import QApplication, QComboBox, QListWidget, QMainWindow, QTabWidget

    app = QApplication.instance()
    window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMainWindow))
    tabs = window.findChild(QTabWidget)
    patterns = next(i for i in range(tabs.count()) if "pattern" in tabs.tabText(i).lower())
    tabs.setCurrentIndex(patterns)
    _settle(app)
    page = tabs.widget(patterns)
    for selector in page.findChildren(QTabWidget):
        for index in range(selector.count()):
            selector.setCurrentIndex(index)
            _settle(app)
    for combo in page.findChildren(QComboBox):
        if combo.count() >= 5:
            for index in range(combo.count()):
                combo.setCurrentIndex(index)
                _settle(app)
    for listing in page.findChildren(QListWidget):
        for index in range(listing.count()):
            listing.setCurrentRow(index)
            _settle(app)
    report(charts=_canvases(page))
    QApplication.exit(0)
    import os

    os._exit(0)


def _settle(app: Any) -> None:
    """Let deferred loads, draw_idle() and paints run."""
    for _ in range(5):
        app.processEvents()


def _canvases(page: Any) -> int:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    return len(page.findChildren(FigureCanvasQTAgg))
