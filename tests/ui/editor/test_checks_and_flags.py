"""What the editor refuses, and the flag banners that appear while typing."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from numbjournal.core.errors import JournalOpenError, JournalWriteError, ValidationError
from numbjournal.core.model import MAX_NOTES_LENGTH, Episode, FieldProblem, Location, Symptom
from numbjournal.core.store import Journal
from numbjournal.core.triage import EMERGENCY_ADVICE
from numbjournal.ui.editor import EpisodeEditor
from numbjournal.ui.editor.when import Mode

from .conftest import choose_how_bad_and_how_long


def click(qtbot: QtBot, widget: QWidget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(4, widget.height() // 2))


def pick(qtbot: QtBot, editor: EpisodeEditor, location: Location) -> None:
    view = editor.body_map.view
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.widget_point(location).toPoint())


def problem_shown(editor: EpisodeEditor, field: str) -> str:
    error = editor.sections[field].error
    return error.text() if error.isVisibleTo(editor) else ""


def test_without_a_body_part_save_is_disabled_and_where_is_named(qtbot: QtBot, open_editor) -> None:
    editor = open_editor()
    choose_how_bad_and_how_long(editor)
    assert not editor.save_button.isEnabled()
    assert "choose at least one" in problem_shown(editor, "locations")
    assert "Where on the body" in editor.status.text()
    assert not editor.try_save()
    pick(qtbot, editor, Location.RIGHT_KNEE)
    assert editor.save_button.isEnabled()
    assert problem_shown(editor, "locations") == ""


def test_a_start_in_the_future_is_refused_next_to_the_date(
    qtbot: QtBot, open_editor, now: datetime
) -> None:
    editor = open_editor()
    pick(qtbot, editor, Location.LEFT_SHIN)
    choose_how_bad_and_how_long(editor)
    click(qtbot, editor.when.modes[Mode.STARTED_AT])
    later = now + timedelta(hours=2)
    editor.when.time.selectAll()
    qtbot.keyClicks(editor.when.time, f"{later:%H:%M}")
    assert "is in the future" in problem_shown(editor, "started_at")
    assert "When" in editor.status.text()
    assert not editor.save_button.isEnabled()
    click(qtbot, editor.when.modes[Mode.JUST_ENDED])
    assert problem_shown(editor, "started_at") == ""
    assert editor.save_button.isEnabled()


def test_too_long_a_duration_and_too_long_notes_are_named(qtbot: QtBot, open_editor) -> None:
    editor = open_editor()
    pick(qtbot, editor, Location.LEFT_SHIN)
    choose_how_bad_and_how_long(editor)
    click(qtbot, editor.when.modes[Mode.STARTED_AT])
    editor.when.set_moment(editor.when.start_for(0) - timedelta(days=40))
    editor.duration.hours.setValue(720)
    editor.duration.minutes.setValue(1)
    assert "at most 720 h" in problem_shown(editor, "duration_minutes")
    editor.duration.minutes.setValue(0)
    assert problem_shown(editor, "duration_minutes") == ""

    editor.notes.set_value("x" * (MAX_NOTES_LENGTH - 1))
    assert editor.notes.count.isVisibleTo(editor)
    assert "9,999 of 10,000" in editor.notes.count.text()
    assert editor.save_button.isEnabled()
    qtbot.keyClicks(editor.notes.edit, "yz")
    assert "at most 10,000 fit" in problem_shown(editor, "notes")
    assert "Notes" in editor.status.text()
    assert not editor.save_button.isEnabled()


def test_an_emergency_symptom_shows_the_red_banner_before_saving(
    qtbot: QtBot, journal: Journal, open_editor
) -> None:
    editor = open_editor()
    assert editor.emergency_banner.isHidden()
    pick(qtbot, editor, Location.LEFT_CALF)
    click(qtbot, editor.symptoms.boxes[Symptom.FACIAL_DROOPING])
    qtbot.waitUntil(lambda: editor.emergency_banner.isVisible())
    banner = editor.emergency_banner
    assert banner.advice.text() == EMERGENCY_ADVICE
    assert "call your local emergency number now" in banner.advice.text()
    assert "even if the symptoms have passed" in banner.advice.text()
    assert "signs of a stroke" in banner.reasons.text()
    assert "facial drooping" in banner.reasons.text()
    assert not banner.icon.pixmap().isNull()
    assert banner.isVisible() and journal.count() == 0
    choose_how_bad_and_how_long(editor)
    assert editor.save_button.isEnabled()  # saving never waits on the advice
    assert editor.try_save()
    assert journal.count() == 1


def test_a_see_doctor_flag_shows_the_calm_banner_with_criterion_and_reason(
    qtbot: QtBot, open_editor
) -> None:
    editor = open_editor()
    pick(qtbot, editor, Location.RIGHT_THIGH_FRONT)
    click(qtbot, editor.symptoms.boxes[Symptom.WEAKNESS])
    qtbot.waitUntil(lambda: editor.see_doctor_banner.isVisible())
    text = editor.see_doctor_banner.reasons.text()
    assert "accompanied by weakness or paralysis" in text
    assert "weakness was logged" in text
    assert editor.emergency_banner.isHidden()
    click(qtbot, editor.symptoms.boxes[Symptom.WEAKNESS])
    qtbot.waitUntil(lambda: editor.see_doctor_banner.isHidden())


def test_a_failed_save_shows_why_and_keeps_everything_typed(
    qtbot: QtBot, journal: Journal, open_editor
) -> None:
    attempts: list[Episode] = []

    def flaky_save(draft: Episode) -> Episode:
        attempts.append(draft)
        if len(attempts) == 1:
            raise JournalWriteError("The disk is full; nothing was saved")
        return journal.add(draft)

    editor = open_editor(save=flaky_save)
    pick(qtbot, editor, Location.LOWER_BACK)
    choose_how_bad_and_how_long(editor)
    qtbot.keyClicks(editor.notes.edit, "sat on the floor")
    assert not editor.try_save()
    assert editor.isVisible()
    assert "The disk is full" in editor.save_error.text()
    assert editor.save_error.isVisible()
    assert editor.notes.value() == "sat on the floor"
    assert editor.body_map.selected() == (Location.LOWER_BACK,)
    assert journal.count() == 0
    assert editor.try_save()
    assert [e.notes for e in journal.episodes()] == ["sat on the floor"]


def test_a_refused_save_marks_the_fields_the_journal_named(qtbot: QtBot, open_editor) -> None:
    def refusing_save(draft: Episode) -> Episode:
        raise ValidationError([FieldProblem("started_at", "overlaps a saved episode")])

    editor = open_editor(save=refusing_save)
    pick(qtbot, editor, Location.FACE)
    choose_how_bad_and_how_long(editor)
    assert not editor.try_save()
    assert "overlaps a saved episode" in problem_shown(editor, "started_at")
    assert editor.isVisible()


def test_a_banner_appearing_does_not_move_the_box_under_the_pointer(
    qtbot: QtBot, open_editor
) -> None:
    editor = open_editor()
    drooping = editor.symptoms.boxes[Symptom.FACIAL_DROOPING]
    weakness = editor.symptoms.boxes[Symptom.WEAKNESS]
    editor.scroll_area.ensureWidgetVisible(drooping)
    before = weakness.mapTo(editor, QPoint(0, 0))
    click(qtbot, drooping)
    qtbot.waitUntil(lambda: editor.emergency_banner.isVisible())
    assert weakness.mapTo(editor, QPoint(0, 0)) == before
    assert editor.banners.geometry().bottom() < editor.save_button.mapTo(editor, QPoint(0, 0)).y()


def test_flags_that_cannot_be_checked_are_reported_and_saving_still_works(
    qtbot: QtBot, journal: Journal, discard_question
) -> None:
    def broken_evaluate(_draft: Episode) -> list:
        raise JournalOpenError("the journal file is locked by another program")

    editor = EpisodeEditor(journal.add, broken_evaluate, clock=lambda: datetime.now().astimezone())
    qtbot.addWidget(editor)
    editor.body_map.toggle(Location.LEFT_KNEE)
    editor.refresh_flags()
    assert "flags could not be checked: the journal file is locked" in editor.status.text()
    choose_how_bad_and_how_long(editor)
    assert editor.try_save()
    assert journal.count() == 1


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(text: QColor, background: QColor) -> float:
    light, dark = sorted((_luminance(text), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_warnings_beside_save_and_under_fields_stay_readable_on_a_dark_theme(
    qtbot: QtBot, open_editor
) -> None:
    editor = open_editor()
    dark = QPalette(editor.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e6e6e6"))
    editor.setPalette(dark)
    pick(qtbot, editor, Location.LEFT_CALF)
    pick(qtbot, editor, Location.LEFT_CALF)  # unselected again: "Where" is a problem
    click(qtbot, editor.symptoms.boxes[Symptom.FACIAL_DROOPING])
    qtbot.waitUntil(lambda: "Possible emergency" in editor.status.text())

    window = dark.color(QPalette.ColorRole.Window)
    status_reds = re.findall(r"color:\s*(#[0-9a-fA-F]{6})", editor.status.text())
    field_red = re.search(r"#[0-9a-fA-F]{6}", editor.sections["locations"].error.styleSheet())
    assert status_reds and field_red
    for red in [*status_reds, field_red.group()]:
        assert _contrast(QColor(red), window) >= 4.5, red
