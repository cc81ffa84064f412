"""Nothing is recorded that the person did not choose, and the wheel only scrolls."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from numbjournal.core.model import (
    Condition,
    ConditionEntry,
    Episode,
    Location,
    Profile,
    Symptom,
    Treatment,
    TreatmentKind,
)
from numbjournal.core.store import Journal

from .conftest import choose_how_bad_and_how_long


def roll_wheel(widget: QWidget, notches: int = -3) -> None:
    """The mouse wheel rolled over ``widget`` (negative: towards the person, scrolling down)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


@pytest.mark.parametrize("field", ["severity", "hours", "minutes", "context"])
def test_the_wheel_over_an_unfocused_control_scrolls_the_form_and_changes_nothing(
    qtbot: QtBot, open_editor, field: str
) -> None:
    editor = open_editor()
    editor.resize(1000, 500)  # short enough for the form to scroll
    editor.severity.set_value(5)
    editor.duration.set_value(65)
    widget = {
        "severity": editor.severity.spin,
        "hours": editor.duration.hours,
        "minutes": editor.duration.minutes,
        "context": editor.context,
    }[field]
    editor.body_map.view.setFocus()
    before = editor.draft()
    scrollbar = editor.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: scrollbar.maximum() > 0)
    roll_wheel(widget)
    assert editor.draft() == before
    assert scrollbar.value() > 0, "the wheel scrolls the form instead"
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    roll_wheel(widget, notches=1)  # once chosen, the control takes the wheel as usual
    assert editor.draft() != before


def test_save_is_refused_until_how_bad_and_how_long_are_chosen(
    qtbot: QtBot, journal: Journal, open_editor
) -> None:
    editor = open_editor()
    assert editor.severity.value() is None and not editor.duration.chosen()
    assert editor.severity.spin.text().strip() == ""  # shown empty, not a silent 0 or 3
    editor.body_map.toggle(Location.LEFT_SOLE)
    assert not editor.try_save()
    assert "How bad, How long it lasted" in editor.status.text()
    assert "choose how bad it was" in editor.sections["severity"].error.text()
    assert "Still going" in editor.sections["duration_minutes"].error.text()
    editor.severity.buttons[0].click()  # 0 is an answer when chosen
    assert not editor.try_save()
    assert "How bad" not in editor.status.text()
    editor.duration.minutes.setValue(0)
    assert editor.try_save()
    (saved,) = journal.episodes()
    assert (saved.severity, saved.duration_minutes) == (0, 0)


def test_same_as_last_time_fills_all_but_the_time_and_asks_how_bad(
    qtbot: QtBot, journal: Journal, open_editor, now: datetime
) -> None:
    last = Episode(
        started_at=now - timedelta(days=3),
        duration_minutes=40,
        locations=(Location.RIGHT_CALF, Location.RIGHT_ANKLE),
        severity=6,
        symptoms=(Symptom.CRAMPING,),
        notes="only that day",
    )
    editor = open_editor(history=[last])
    (same, frequent) = editor.repeat_buttons
    assert "Same as last time" in same.text().replace("&", "")
    assert "R calf, R ankle" in frequent.text()
    same.click()
    draft = editor.draft()
    assert draft.locations == last.locations and draft.symptoms == last.symptoms
    assert draft.duration_minutes == 40 and draft.notes == ""
    assert draft.started_at == now - timedelta(minutes=40)  # just ended, not three days ago
    assert editor.severity.value() is None
    assert "Last time: 6/10" in editor.severity.hint.text()
    assert not editor.try_save()


def test_a_blank_entry_shows_no_flag_even_with_a_condition_in_the_profile(
    qtbot: QtBot, journal: Journal, open_editor
) -> None:
    journal.set_profile(Profile(conditions=(ConditionEntry(Condition.DIABETES),)))
    editor = open_editor()
    editor.refresh_flags()
    assert editor.emergency_banner.isHidden() and editor.see_doctor_banner.isHidden()
    assert editor.condition_note.text() == ""
    editor.body_map.toggle(Location.LEFT_SOLE)
    editor.refresh_flags()
    assert "diabetes" in editor.condition_note.text().lower()  # one quiet line, not a banner
    assert editor.see_doctor_banner.isHidden() and editor.emergency_banner.isHidden()
    editor.symptoms.boxes[Symptom.FACIAL_DROOPING].setChecked(True)
    editor.refresh_flags()
    assert editor.emergency_banner.isVisible()
    assert "call your local emergency number now" in editor.emergency_banner.advice.text()


def test_a_flag_appearing_moves_neither_the_map_nor_the_save_row(qtbot: QtBot, open_editor) -> None:
    editor = open_editor()
    editor.resize(1360, 728)
    choose_how_bad_and_how_long(editor)
    editor.body_map.toggle(Location.LEFT_SOLE)
    view, save = editor.body_map.view, editor.save_button

    def places() -> tuple[QPoint, QPoint, int]:
        return view.mapTo(editor, QPoint(0, 0)), save.mapTo(editor, QPoint(0, 0)), view.height()

    qtbot.waitUntil(lambda: editor._wide)
    before = places()
    editor.symptoms.boxes[Symptom.FACIAL_DROOPING].setChecked(True)
    editor.symptoms.boxes[Symptom.WEAKNESS].setChecked(True)
    editor.refresh_flags()
    assert editor.emergency_banner.isVisible() and editor.see_doctor_banner.isVisible()
    assert places() == before


def test_the_relief_section_sits_in_the_editor_and_its_answer_is_saved(
    qtbot: QtBot, journal: Journal, open_editor, now: datetime
) -> None:
    pill = journal.treatments.add(
        Treatment("ibuprofen", TreatmentKind.MEDICATION, now.date() - timedelta(days=30))
    )
    editor = open_editor()
    assert "relief" in editor.sections
    assert editor.relief.value() == ()  # not taken unless chosen
    editor.body_map.toggle(Location.LEFT_SOLE)
    choose_how_bad_and_how_long(editor)
    editor.relief.choices[pill.id].setCurrentIndex(1)
    assert editor.try_save()
    (saved,) = journal.episodes()
    assert [r.treatment_id for r in saved.relief] == [pill.id]
