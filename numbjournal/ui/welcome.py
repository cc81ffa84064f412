"""First run: what this is (and is not), where the data lives, and a safe place to look around.

Whether the welcome was seen is kept in the app's Qt settings, not in the
journal, so a person is welcomed once per computer rather than per file.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.triage import NOT_A_DIAGNOSIS
from ..core.words import STROKE_WARNING

WELCOME_KEY = "welcome/shown"
LOOK_AT_SAMPLE = 2


def app_settings() -> QSettings:
    """The app's own settings (window size, first run), separate from any journal."""
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "numbjournal", "ui")


def welcome_needed() -> bool:
    return app_settings().value(WELCOME_KEY, False, type=bool) is not True


def mark_welcomed() -> None:
    settings = app_settings()
    settings.setValue(WELCOME_KEY, True)
    settings.sync()


class WelcomeDialog(QDialog):
    """Accepted: start the real journal; ``LOOK_AT_SAMPLE``: open the sample first."""

    def __init__(self, journal_path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Welcome to numbjournal")
        text = QLabel(
            "<h2>Welcome to numbjournal</h2>"
            "<p>A private journal for episodes of numbness in the legs: when it started, "
            "how long it lasted, where it was, how it felt and what came with it. "
            "Charts show patterns over time, and a summary can be exported for a doctor.</p>"
            f"<p><b>{html.escape(NOT_A_DIAGNOSIS)}</b></p>"
            f"<p>{html.escape(STROKE_WARNING)}</p>"
            "<p>Your journal stays on this computer, in a file only you can read:<br>"
            f"<tt>{html.escape(str(journal_path))}</tt><br>"
            "numbjournal never sends anything over the network.</p>"
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox()
        self.start_button = buttons.addButton(
            "Start my journal", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.sample_button = QPushButton("Look around a sample journal first")
        self.sample_button.setToolTip(
            "Opens a separate journal of made-up episodes; your own journal stays empty"
        )
        buttons.addButton(self.sample_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.sample_button.clicked.connect(lambda: self.done(LOOK_AT_SAMPLE))
        buttons.accepted.connect(self.accept)
        self.start_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
