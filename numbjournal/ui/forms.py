"""Pieces the window's own dialogs share, so they look and behave alike."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QWidget


def warning_red(widget: QWidget) -> str:
    """Red text that stays readable: dark red on a light window, light red on a dark theme."""
    dark = widget.palette().color(QPalette.ColorRole.Window).lightness() < 128
    return "#ff8a80" if dark else "#b00020"


def error_label() -> QLabel:
    """A hidden line that says, in red and in words, why something was not saved."""
    label = QLabel()
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {warning_red(label)};")
    label.setAccessibleName("Problem")
    label.hide()
    return label


def save_cancel(dialog: QDialog, save: Callable[[], None]) -> QDialogButtonBox:
    """Save runs ``save`` (which accepts the dialog when it worked); Cancel rejects."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(save)
    buttons.rejected.connect(dialog.reject)
    return buttons
