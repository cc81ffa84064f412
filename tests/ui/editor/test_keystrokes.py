"""The goal: log an episode from the main window in a handful of key presses.

Every key press goes to the widget with the keyboard focus, as a person's
would, and is counted: at most 10 for a repeat ("same as last time"), at
most 20 for a new episode (places, how bad, how long, save).
"""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from numbjournal.core.model import Context, Episode, Location
from numbjournal.core.store import Journal
from numbjournal.ui.editor import EpisodeEditor
from numbjournal.ui.main_window import MainWindow
from numbjournal.ui.service import JournalService

NoMod = Qt.KeyboardModifier.NoModifier


class Keyboard:
    """Presses keys on whatever has the focus, and counts them."""

    def __init__(self, qtbot: QtBot) -> None:
        self.qtbot = qtbot
        self.presses = 0

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = NoMod, times: int = 1) -> None:
        for _ in range(times):
            target = QApplication.focusWidget() or QApplication.activeWindow()
            assert target is not None, "nothing has the keyboard focus"
            self.qtbot.keyClick(target, key, modifier)
            self.presses += 1

    def type(self, text: str) -> None:
        for char in text:
            target = QApplication.focusWidget()
            assert target is not None
            self.qtbot.keyClicks(target, char)
            self.presses += 1


@pytest.fixture
def window(qtbot: QtBot, service: JournalService) -> MainWindow:
    made = MainWindow(service)
    qtbot.addWidget(made)
    with qtbot.waitExposed(made):
        made.show()
    with qtbot.waitActive(made):
        made.activateWindow()
    return made


def focus_editor(qtbot: QtBot, editor: EpisodeEditor) -> None:
    """The editor opens in front with the keyboard focus (as the window system gives it)."""
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)


def test_a_new_episode_takes_at_most_20_key_presses(
    qtbot: QtBot, window: MainWindow, driver, journal: Journal
) -> None:
    keys = Keyboard(qtbot)

    def log_with_the_keyboard(editor: EpisodeEditor) -> None:
        focus_editor(qtbot, editor)
        assert QApplication.focusWidget() is editor.body_map.view  # where it happened, first
        keys.press(Qt.Key.Key_Right)  # the left leg
        keys.press(Qt.Key.Key_Down, times=5)  # knee, shin, ankle, top of foot, toes
        keys.press(Qt.Key.Key_Space)
        keys.press(Qt.Key.Key_Tab)  # how bad
        keys.type("4")
        keys.press(Qt.Key.Key_Tab, times=2)  # how long: past the hours, to the minutes
        keys.type("20")
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    driver.steps.append(log_with_the_keyboard)
    before = datetime.now().astimezone().replace(second=0, microsecond=0)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    (saved,) = journal.episodes()
    assert saved.locations == (Location.LEFT_TOES,)
    assert (saved.severity, saved.duration_minutes) == (4, 20)
    ended = saved.started_at + timedelta(minutes=20)  # it just ended
    assert before <= ended <= datetime.now().astimezone()
    assert keys.presses <= 20, keys.presses


def test_the_same_as_last_time_takes_at_most_10_key_presses(
    qtbot: QtBot, window: MainWindow, driver, journal: Journal, service: JournalService
) -> None:
    now = datetime.now().astimezone().replace(second=0, microsecond=0)
    usual = Episode(
        started_at=now - timedelta(days=2),
        duration_minutes=25,
        locations=(Location.LEFT_SOLE, Location.LEFT_TOES),
        context=Context.SITTING,
        severity=3,
        notes="after the long drive",
    )
    for days in (2, 3, 4):
        service.add(Episode(**{**_fields(usual), "started_at": now - timedelta(days=days)}))
    keys = Keyboard(qtbot)

    def repeat(editor: EpisodeEditor) -> None:
        focus_editor(qtbot, editor)
        keys.press(Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Same as l&ast time
        # A button's Alt+letter presses it visibly (a short animated click).
        qtbot.waitUntil(lambda: QApplication.focusWidget() is editor.severity.spin)
        assert "Last time: 3/10" in editor.severity.hint.text()
        keys.type("5")
        keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    driver.steps.append(repeat)
    keys.press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)

    newest = max(journal.episodes(), key=lambda e: e.started_at)
    assert newest.locations == usual.locations
    assert (newest.context, newest.duration_minutes, newest.severity) == (Context.SITTING, 25, 5)
    assert newest.notes == ""  # notes are about one episode, not copied
    assert newest.started_at > now - timedelta(hours=1)  # the time is now's, not last time's
    assert keys.presses <= 10, keys.presses


def _fields(episode: Episode) -> dict[str, object]:
    return {name: getattr(episode, name) for name in Episode.__dataclass_fields__}


def test_the_timer_has_its_own_keys_and_its_episode_still_asks_how_bad(
    qtbot: QtBot, window: MainWindow, driver, journal: Journal
) -> None:
    keys = Keyboard(qtbot)
    keys.press(
        Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.timer.running()

    def finish(editor: EpisodeEditor) -> None:
        assert editor.duration.chosen() and editor.severity.value() is None
        editor.body_map.toggle(Location.RIGHT_SOLE)
        assert not editor.try_save()  # how bad is still to choose
        editor.severity.buttons[2].click()
        assert editor.try_save()

    driver.steps.append(finish)
    keys.press(
        Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    (saved,) = journal.episodes()
    assert (saved.locations, saved.severity) == ((Location.RIGHT_SOLE,), 2)
    assert not window.timer.running()
