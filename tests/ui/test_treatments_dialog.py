"""Edit > Treatments…: typed in with the keyboard, changed, removed with a question, undone."""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, Qt

from numbjournal.core.model import Helped, Relief, Treatment, TreatmentKind
from numbjournal.core.store import Journal
from numbjournal.ui import dialogs
from numbjournal.ui.main_window import MainWindow
from numbjournal.ui.service import JournalService
from numbjournal.ui.treatments_dialog import TreatmentsDialog


@pytest.fixture
def window(qtbot, service: JournalService) -> MainWindow:
    made = MainWindow(service)
    qtbot.addWidget(made)
    return made


def test_a_medication_is_typed_in_and_saved_with_enter(qtbot, window, driver, journal: Journal):
    def fill_in(dialog: TreatmentsDialog) -> None:
        assert dialog.name.hasFocus() or dialog.focusWidget() is dialog.name
        qtbot.keyClicks(dialog.name, "gabapentin")
        dialog.kind.setCurrentIndex(dialog.kind.findText("Medication"))
        qtbot.keyClicks(dialog.dose, "300 mg at night")
        dialog.started.setDate(QDate(2026, 3, 4))
        qtbot.keyClick(dialog.dose, Qt.Key.Key_Return)
        assert dialog.table.rowCount() == 1, dialog.error.text()
        assert [dialog.table.item(0, c).text() for c in range(5)] == [
            "gabapentin",
            "Medication",
            "300 mg at night",
            "2026-03-04",
            "still going",
        ]
        assert "Too little data" in dialog.figures.text()

    driver.steps.append(fill_in)
    window.edit_treatments()
    (saved,) = journal.treatments.all()
    assert (saved.name, saved.kind, saved.dose, saved.started, saved.stopped) == (
        "gabapentin",
        TreatmentKind.MEDICATION,
        "300 mg at night",
        date(2026, 3, 4),
        None,
    )
    window.service.undo_stack.undo()
    assert journal.treatments.all() == []
    window.service.undo_stack.redo()
    assert journal.treatments.all() == [saved]


def test_an_empty_name_says_why_and_saves_nothing(qtbot, service, journal: Journal):
    dialog = TreatmentsDialog(service)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.error.isVisibleTo(dialog)
    assert "name: is empty" in dialog.error.text()
    assert journal.treatments.all() == []


def test_stopping_a_treatment_is_a_change_that_undo_takes_back(qtbot, service, journal):
    saved = journal.treatments.add(
        Treatment("physiotherapy", TreatmentKind.THERAPY, date.today() - timedelta(days=30))
    )
    dialog = TreatmentsDialog(service)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    assert dialog.name.text() == "physiotherapy"
    qtbot.keyClick(dialog.going, Qt.Key.Key_Space)
    assert dialog.stopped.isEnabled()
    last = date.today() - timedelta(days=2)
    dialog.stopped.setDate(QDate(last.year, last.month, last.day))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert journal.treatments.all() == [dataclasses.replace(saved, stopped=last)]
    assert dialog.table.item(0, 4).text() == last.isoformat()
    service.undo_stack.undo()
    assert journal.treatments.all() == [saved]
    assert dialog.table.item(0, 4).text() == "still going"


def test_removing_asks_first_names_the_relief_and_can_be_undone(
    qtbot, service, journal, recent_episode, monkeypatch
):
    saved = journal.treatments.add(
        Treatment("ibuprofen", TreatmentKind.MEDICATION, date.today() - timedelta(days=10))
    )
    assert saved.id is not None
    episode = service.add(recent_episode(relief=(Relief(saved.id, Helped.A_LITTLE),)))
    asked: list[str] = []

    def answer(_parent, _title, text, _yes):
        asked.append(text)
        return len(asked) > 1  # "Cancel" the first time, "Remove" the second

    monkeypatch.setattr(dialogs, "confirm", answer)
    dialog = TreatmentsDialog(service)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.table.selectRow(0)
    dialog.table.setFocus()
    qtbot.waitUntil(dialog.table.hasFocus)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Delete)  # in the name field it edits text only
    assert asked == []
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert journal.treatments.all() == [saved], "cancelled"
    assert "1 episode recorded taking it for relief" in asked[0]
    assert "Edit > Undo brings it back" in asked[0]

    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert journal.treatments.all() == [] and dialog.table.rowCount() == 0
    assert service.episode(episode.id).relief == ()

    service.undo_stack.undo()
    assert journal.treatments.all() == [saved] and dialog.table.rowCount() == 1
    assert service.episode(episode.id).relief == (Relief(saved.id, Helped.A_LITTLE),)


def test_a_treatment_added_elsewhere_appears_without_wiping_the_form(qtbot, service, journal):
    journal.treatments.add(Treatment("gabapentin", TreatmentKind.MEDICATION, date(2026, 3, 1)))
    dialog = TreatmentsDialog(service)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    qtbot.keyClicks(dialog.notes, "dizzy at first")
    journal.treatments.add(Treatment("physio", TreatmentKind.THERAPY, date(2026, 1, 5)))
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    assert [dialog.table.item(r, 0).text() for r in range(2)] == ["physio", "gabapentin"]
    assert dialog.selected().name == "gabapentin"
    assert dialog.notes.text() == "dizzy at first"
