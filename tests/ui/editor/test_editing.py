"""Editing a saved episode, leaving without saving, and a draft from the timer."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from numbjournal.core.model import (
    Context,
    Episode,
    Location,
    Onset,
    PositionChange,
    Sensation,
    Symptom,
)
from numbjournal.core.store import Journal
from numbjournal.ui.editor import EpisodeEditor

FAR_ZONE = timezone(timedelta(hours=-7))


def full_episode(journal: Journal) -> Episode:
    return journal.add(
        Episode(
            started_at=datetime(2026, 11, 20, 6, 15, 42, tzinfo=FAR_ZONE),
            duration_minutes=135,
            locations=(Location.RIGHT_SOLE, Location.LEFT_TOES, Location.SADDLE),
            sensation=Sensation.BURNING,
            severity=8,
            onset=Onset.SUDDEN,
            context=Context.LEGS_CROSSED,
            position_change=PositionChange.NOT_IMPROVED,
            symptoms=(Symptom.CRAMPING, Symptom.LOSS_OF_BALANCE),
            notes="line one\nline two",
        )
    )


def test_editing_prefills_every_field_and_an_untouched_save_changes_nothing(
    qtbot: QtBot, journal: Journal, open_editor
) -> None:
    stored = full_episode(journal)
    editor = open_editor(stored)
    assert editor.windowTitle() == "Edit episode"
    assert editor.duration.hours.value() == 2 and editor.duration.minutes.value() == 15
    assert editor.body_map.selected() == stored.locations
    assert editor.sensation.value() is Sensation.BURNING
    assert editor.severity.value() == 8
    assert editor.onset.value() is Onset.SUDDEN
    assert editor.context.currentText() == "Sitting with legs crossed"
    assert editor.position_change.value() is PositionChange.NOT_IMPROVED
    assert editor.symptoms.boxes[Symptom.LOSS_OF_BALANCE].isChecked()
    assert editor.notes.value() == "line one\nline two"
    assert editor.draft() == stored  # seconds and the recorded offset kept
    assert not editor.has_changes()
    assert editor.try_save()
    assert journal.get(stored.id) == stored  # type: ignore[arg-type]


def test_a_changed_field_is_saved_onto_the_same_episode(
    qtbot: QtBot, journal: Journal, open_editor
) -> None:
    stored = full_episode(journal)
    editor = open_editor(stored)
    editor.severity.spin.setFocus()
    editor.severity.spin.selectAll()
    qtbot.keyClicks(editor.severity.spin, "4")
    assert editor.has_changes()
    assert editor.try_save()
    (saved,) = journal.episodes()
    assert saved.id == stored.id
    assert saved.severity == 4
    assert saved.started_at == stored.started_at


def test_escape_asks_before_discarding_changes(
    qtbot: QtBot, journal: Journal, open_editor, discard_question
) -> None:
    editor = open_editor()
    editor.body_map.toggle(Location.LEFT_HAND)
    discard_question.answer = False
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert discard_question.asked == 1
    assert editor.isVisible()
    assert editor.body_map.selected() == (Location.LEFT_HAND,)
    discard_question.answer = True
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert editor.result() == EpisodeEditor.DialogCode.Rejected
    assert journal.count() == 0


def test_escape_without_changes_closes_without_asking(
    qtbot: QtBot, open_editor, discard_question
) -> None:
    editor = open_editor()
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert discard_question.asked == 0
    assert not editor.isVisible()


def test_a_draft_from_the_timer_is_prefilled_and_counts_as_unsaved(
    qtbot: QtBot, journal: Journal, open_editor, now: datetime, discard_question
) -> None:
    draft = Episode(started_at=now - timedelta(minutes=42), duration_minutes=42, locations=())
    editor = open_editor(draft)
    assert editor.windowTitle() == "Log an episode"
    assert editor.draft().started_at == now - timedelta(minutes=42)
    assert editor.duration.minutes.value() == 42
    assert editor.has_changes()
    discard_question.answer = False
    editor.reject()
    assert discard_question.asked == 1 and editor.isVisible()
    editor.body_map.toggle(Location.RIGHT_CALF)
    assert editor.severity.value() is None  # the timer knows how long, not how bad
    assert not editor.try_save()
    assert "How bad" in editor.status.text()
    editor.severity.buttons[2].click()
    assert editor.try_save()
    (saved,) = journal.episodes()
    assert (saved.duration_minutes, saved.locations) == (42, (Location.RIGHT_CALF,))
