"""Every place the window waits for a person: one small function each.

Tests replace these functions (never ``exec()`` itself), so no test can hang
on a modal dialog, and real widgets are still built and driven.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget


def run_modal(dialog: QDialog) -> int:
    """Show ``dialog`` and wait; returns QDialog.DialogCode as an int."""
    return int(dialog.exec())


def show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def show_info(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok


def save_path(parent: QWidget | None, caption: str, suggested: Path, filters: str) -> Path | None:
    """The file a person chose to write, or None if they cancelled."""
    chosen, selected = QFileDialog.getSaveFileName(parent, caption, str(suggested), filters)
    return with_chosen_suffix(Path(chosen), filters, selected) if chosen else None


def with_chosen_suffix(path: Path, filters: str, selected: str) -> Path:
    """A name typed without one of the offered extensions gets the file type the person picked.

    Qt's own file dialog does not add it, so "journal" with "CSV (*.csv)" picked
    would otherwise be written in whatever format the caller defaults to.
    """
    offered = {ext.lower() for ext in re.findall(r"\*(\.\w+)", filters)}
    picked = re.findall(r"\*(\.\w+)", selected)
    if path.suffix.lower() in offered or not picked:
        return path
    return path.with_name(path.name + picked[0])


def open_path(parent: QWidget | None, caption: str, folder: Path, filters: str) -> Path | None:
    chosen, _ = QFileDialog.getOpenFileName(parent, caption, str(folder), filters)
    return Path(chosen) if chosen else None


def show_about(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.about(parent, title, text)
