"""Logging an episode as a person would: mouse and keyboard, then Save."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QApplication, QWidget
from pytestqt.qtbot import QtBot

from numbjournal.core.model import Context, Location, Onset, PositionChange, Sensation, Symptom
from numbjournal.core.store import Journal
from numbjournal.ui.editor import EpisodeEditor
from numbjournal.ui.editor.when import Mode

from .conftest import choose_how_bad_and_how_long


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(4, widget.height() // 2))


def click_region(qtbot: QtBot, editor: EpisodeEditor, location: Location) -> None:
    view = editor.body_map.view
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.widget_point(location).toPoint())


def type_number(qtbot: QtBot, spin: QAbstractSpinBox, text: str) -> None:
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, text)


def test_an_episode_entered_with_mouse_and_keyboard_is_saved_with_every_field(
    qtbot: QtBot, journal: Journal, open_editor, now: datetime
) -> None:
    editor = open_editor()
    assert editor.windowTitle() == "Log an episode"
    click(qtbot, editor.when.modes[Mode.STARTED_AT])
    editor.when.time.selectAll()
    qtbot.keyClicks(editor.when.time, f"{now - timedelta(minutes=85):%H:%M}")
    type_number(qtbot, editor.duration.hours, "1")
    type_number(qtbot, editor.duration.minutes, "12")
    click_region(qtbot, editor, Location.LEFT_CALF)
    click_region(qtbot, editor, Location.LEFT_FOOT_TOP)
    click(qtbot, editor.sensation.buttons[Sensation.TINGLING])
    type_number(qtbot, editor.severity.spin, "6")
    click(qtbot, editor.onset.buttons[Onset.GRADUAL])
    editor.context.setFocus()
    qtbot.keyClicks(editor.context, "Walk")
    click(qtbot, editor.position_change.buttons[PositionChange.IMPROVED])
    click(qtbot, editor.symptoms.boxes[Symptom.PAIN])
    click(qtbot, editor.symptoms.boxes[Symptom.CRAMPING])
    qtbot.keyClicks(editor.notes.edit, "after the long drive")
    assert editor.save_button.isEnabled()

    with qtbot.waitSignal(editor.saved):
        click(qtbot, editor.save_button)

    (saved,) = journal.episodes()
    assert saved.started_at == now - timedelta(minutes=85)
    assert saved.duration_minutes == 72
    assert saved.locations == (Location.LEFT_CALF, Location.LEFT_FOOT_TOP)
    assert saved.sensation is Sensation.TINGLING
    assert saved.severity == 6
    assert saved.onset is Onset.GRADUAL
    assert saved.context is Context.WALKING
    assert saved.position_change is PositionChange.IMPROVED
    assert saved.symptoms == (Symptom.PAIN, Symptom.CRAMPING)
    assert saved.notes == "after the long drive"
    assert editor.saved_episode == saved
    assert editor.result() == EpisodeEditor.DialogCode.Accepted


def test_a_new_episode_just_ended_and_its_start_is_the_end_minus_how_long(
    qtbot: QtBot, open_editor, now: datetime
) -> None:
    editor = open_editor()
    assert editor.when.mode() is Mode.JUST_ENDED
    type_number(qtbot, editor.duration.minutes, "20")
    assert editor.draft().started_at == now - timedelta(minutes=20)
    assert "14:10 to 14:30" in editor.when.span.text()
    click(qtbot, editor.when.modes[Mode.ENDED_AT])
    editor.when.time.selectAll()
    qtbot.keyClicks(editor.when.time, "13:05")
    assert editor.draft().started_at == now.replace(hour=12, minute=45)
    click(qtbot, editor.when.modes[Mode.STARTED_AT])
    editor.when.time.selectAll()
    qtbot.keyClicks(editor.when.time, "13:05")
    assert editor.draft().started_at == now.replace(hour=13, minute=5)


def test_an_episode_cannot_end_in_the_future(qtbot: QtBot, open_editor, now: datetime) -> None:
    editor = open_editor()
    click_region(qtbot, editor, Location.LEFT_SOLE)
    choose_how_bad_and_how_long(editor, minutes=0)
    click(qtbot, editor.when.modes[Mode.STARTED_AT])
    editor.when.time.selectAll()
    qtbot.keyClicks(editor.when.time, "14:20")
    type_number(qtbot, editor.duration.minutes, "40")
    error = editor.sections["duration_minutes"].error.text()
    assert "would end 30 min from now" in error and "still going" in error
    assert not editor.try_save()
    click(qtbot, editor.duration.ongoing)
    assert editor.try_save()


@pytest.mark.parametrize("keys", ["Ctrl+Return", "Ctrl+S"])
def test_the_keyboard_shortcut_saves(qtbot: QtBot, journal: Journal, open_editor, keys) -> None:
    editor = open_editor()
    click_region(qtbot, editor, Location.SADDLE)
    choose_how_bad_and_how_long(editor)
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.notes.edit.setFocus()
    key = Qt.Key.Key_Return if keys == "Ctrl+Return" else Qt.Key.Key_S
    with qtbot.waitSignal(editor.saved):
        qtbot.keyClick(editor.notes.edit, key, Qt.KeyboardModifier.ControlModifier)
    assert [e.locations for e in journal.episodes()] == [(Location.SADDLE,)]


def test_every_field_is_reachable_with_tab_in_reading_order(qtbot: QtBot, open_editor) -> None:
    editor = open_editor()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.body_map.view.setFocus()
    reached: list[QWidget] = []
    for _ in range(200):
        widget = QApplication.focusWidget()
        assert widget is not None
        if widget is editor.cancel_button:
            break
        if widget not in reached:
            reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    expected_in_order = [
        editor.body_map.view,
        editor.severity.spin,
        editor.duration.hours,
        editor.duration.minutes,
        editor.when.date,
        editor.when.time,
        editor.sensation.buttons[Sensation.NUMBNESS],
        editor.context,
        editor.symptoms.boxes[Symptom.WEAKNESS],
        editor.symptoms.boxes[Symptom.SEVERE_HEADACHE],
        editor.notes.edit,
    ]
    positions = [reached.index(w) if w in reached else -1 for w in expected_in_order]
    assert -1 not in positions, [w.accessibleName() or w for w in expected_in_order]
    assert positions == sorted(positions)
    assert set(editor.symptoms.boxes.values()) <= set(reached)
    assert all(w.accessibleName() or (isinstance(w, QAbstractButton) and w.text()) for w in reached)


def test_a_narrow_window_stacks_the_fields_in_one_column(qtbot: QtBot, open_editor) -> None:
    editor = open_editor()
    where, felt = editor.sections["locations"], editor.sections["sensation"]

    def box(widget: QWidget) -> tuple[int, int, int, int]:
        corner = widget.mapTo(editor, QPoint(0, 0))
        return corner.x(), corner.y(), widget.width(), widget.height()

    editor.resize(1280, 700)
    qtbot.waitUntil(lambda: box(felt)[0] > box(where)[0] + box(where)[2] - 1)
    assert editor.scroll_area.horizontalScrollBar().maximum() == 0
    editor.resize(620, 400)
    qtbot.waitUntil(lambda: box(felt)[1] > box(where)[1] + box(where)[3] - 1)
    assert box(felt)[0] == box(where)[0]
    assert editor.scroll_area.horizontalScrollBar().maximum() == 0
