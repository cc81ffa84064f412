"""A progress window for work that may last seconds on a long journal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

SHOW_AFTER_MS = 400  # quick work finishes before any window flickers up

Report = Callable[[float, str], bool]


@contextmanager
def progress_window(parent: QWidget, title: str, label: str) -> Iterator[Report]:
    """A window over ``parent`` that shows only if the work lasts.

    The callable it gives takes the share done (0 to 1) and what is happening,
    and returns False once Cancel is pressed; the work then stops itself.
    """
    progress = QProgressDialog(label, "Cancel", 0, 100, parent)
    progress.setWindowTitle(title)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(SHOW_AFTER_MS)
    progress.setAutoClose(False)

    def report(fraction: float, what: str) -> bool:
        progress.setLabelText(what)
        progress.setValue(min(99, int(fraction * 100)))
        return not progress.wasCanceled()

    try:
        yield report
    finally:
        progress.close()
        progress.deleteLater()
