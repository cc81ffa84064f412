"""Starting the desktop window."""

from __future__ import annotations

from pathlib import Path


def run_window(journal_path: Path, argv: list[str]) -> int:
    from PySide6.QtWidgets import QApplication, QMainWindow

    from ..core.store import Journal

    app = QApplication(["numbjournal", *argv])
    journal = Journal.open(journal_path)
    window = QMainWindow()
    window.setWindowTitle("numbjournal")
    window.show()
    try:
        return app.exec()
    finally:
        journal.close()
