"""The first look (welcome) and the About box carry the same stroke warning, from core/words."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from numbjournal.core.words import STROKE_WARNING
from numbjournal.ui.service import JournalService
from numbjournal.ui.welcome import WelcomeDialog
from numbjournal.ui.window_dialogs import about_html


def test_welcome_and_about_say_the_same_warning(
    qtbot: QtBot, service: JournalService, tmp_path: Path
) -> None:
    dialog = WelcomeDialog(tmp_path / "journal.sqlite")
    qtbot.addWidget(dialog)
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert html.escape(STROKE_WARNING) in shown
    assert html.escape(STROKE_WARNING) in about_html(service)
