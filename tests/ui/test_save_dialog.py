"""Save dialogs: the file type a person picks decides the format when the name has no extension."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from numbjournal.core.store import Journal
from numbjournal.ui import transfer
from numbjournal.ui.patterns_view import SAVE_FILTERS, PatternsView
from numbjournal.ui.service import JournalService


def pick(monkeypatch: pytest.MonkeyPatch, typed: Path, file_type: str) -> None:
    """Stand in for Qt's save dialog: the person typed ``typed`` and picked ``file_type``."""

    def answer(*_args: object) -> tuple[str, str]:
        return str(typed), file_type

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)


def test_export_data_as_csv_when_csv_picked_and_no_extension_typed(
    service: JournalService, recent_episode: Callable, monkeypatch, tmp_path: Path
):
    service.journal.add(recent_episode(notes="after the drive"))
    pick(monkeypatch, tmp_path / "my-journal", transfer.EXPORT_FILTERS.split(";;")[1])

    written = transfer.export_data(service, None)

    assert written == tmp_path / "my-journal.csv"
    assert written.read_text(encoding="utf-8").startswith("started_at,duration_minutes,")
    assert not (tmp_path / "my-journal.json").exists()


def test_export_data_keeps_an_extension_the_person_typed(
    service: JournalService, recent_episode: Callable, monkeypatch, tmp_path: Path
):
    service.journal.add(recent_episode())
    pick(monkeypatch, tmp_path / "mine.json", transfer.EXPORT_FILTERS.split(";;")[1])

    written = transfer.export_data(service, None)

    assert written == tmp_path / "mine.json"
    assert json.loads(written.read_text(encoding="utf-8"))["format"] == "numbjournal"


def test_chart_saved_as_svg_when_svg_picked_and_no_extension_typed(
    qtbot: QtBot, journal: Journal, recent_episode: Callable, monkeypatch, tmp_path: Path
):
    journal.add(recent_episode())
    view = PatternsView(journal)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: not view.loading)
    svg_type = next(f for f in SAVE_FILTERS.split(";;") if "*.svg" in f)
    pick(monkeypatch, tmp_path / "chart", svg_type)

    written = view.save()

    assert written == tmp_path / "chart.svg"
    assert "<svg" in written.read_text(encoding="utf-8")[:500]
