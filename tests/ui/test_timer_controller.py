"""The timer's actions: start, tick, stop into a prefilled editor, survive a restart."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from pytestqt.qtbot import QtBot

from numbjournal.core.model import Episode
from numbjournal.core.store import Journal
from numbjournal.core.words import elapsed as elapsed_words
from numbjournal.ui.editor import EpisodeEditor
from numbjournal.ui.timer_controller import TICK_MS, TimerController

START = datetime(2026, 11, 25, 9, 5, 0).astimezone()


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


def test_start_then_stop_hands_over_a_draft_with_start_and_duration(
    qtbot: QtBot, journal: Journal
) -> None:
    clock = Clock()
    controller = TimerController(journal, clock)
    assert controller.start_action.isEnabled() and not controller.stop_action.isEnabled()
    assert controller.elapsed_text() == ""

    with qtbot.waitSignal(controller.changed):
        controller.start_action.trigger()
    assert controller.stop_action.isEnabled() and not controller.start_action.isEnabled()
    clock.now = START + timedelta(minutes=17, seconds=5)
    assert controller.elapsed_text() == "Numb since 09:05 (17 min 05 s)"

    with qtbot.waitSignal(controller.stopped) as stopped:
        controller.stop_action.trigger()
    draft = stopped.args[0]
    assert isinstance(draft, Episode)
    assert (draft.started_at, draft.duration_minutes, draft.id) == (START, 17, None)
    assert not controller.running()

    controller.finish()  # the editor closed
    assert controller.start_action.isEnabled() and not controller.stop_action.isEnabled()
    assert controller.elapsed_text() == ""


def test_a_timed_episode_survives_a_crash_while_its_editor_is_open(
    qtbot: QtBot, journal_path: Path
) -> None:
    clock = Clock()
    with Journal.open(journal_path) as first:
        controller = TimerController(first, clock)
        controller.start()
        clock.now = START + timedelta(minutes=12)
        controller.stop()  # the editor opens... and the app dies before Save

    clock.now = START + timedelta(hours=3)
    with Journal.open(journal_path) as reopened:
        again = TimerController(reopened, clock)
        assert again.stop_action.isEnabled() and not again.running()
        assert again.elapsed_text() == (
            "Timed episode from 09:05 (12 min) not saved yet: choose “It stopped” to log it"
        )
        with qtbot.waitSignal(again.stopped) as stopped:
            again.stop_action.trigger()
        assert (stopped.args[0].started_at, stopped.args[0].duration_minutes) == (START, 12)
        again.finish()
        assert not again.stop_action.isEnabled() and again.elapsed_text() == ""


def test_the_elapsed_text_ticks_once_a_second_while_running(qtbot: QtBot, journal: Journal) -> None:
    clock = Clock()
    controller = TimerController(journal, clock)
    controller.start()
    clock.now = START + timedelta(seconds=61)
    with qtbot.waitSignal(controller.elapsed_changed, timeout=TICK_MS * 3) as tick:
        pass
    assert tick.args == ["Numb since 09:05 (1 min 01 s)"]
    controller.stop()
    assert not controller._ticker.isActive()


def test_a_running_timer_is_still_running_after_reopening_the_journal(
    qtbot: QtBot, journal_path: Path
) -> None:
    clock = Clock()
    with Journal.open(journal_path) as first:
        TimerController(first, clock).start()
    clock.now = START + timedelta(hours=1, minutes=2)
    with Journal.open(journal_path) as reopened:
        controller = TimerController(reopened, clock)
        assert controller.running() and controller.stop_action.isEnabled()
        assert controller.elapsed_text() == "Numb since 09:05 (1 h 02 min)"
        with qtbot.waitSignal(controller.stopped) as stopped:
            controller.stop_action.trigger()
    assert stopped.args[0].duration_minutes == 62


def test_the_stopped_draft_opens_the_editor_prefilled(qtbot: QtBot, journal: Journal) -> None:
    clock = Clock()
    controller = TimerController(journal, clock)
    controller.start()
    clock.now = START + timedelta(minutes=8)
    opened: list[EpisodeEditor] = []

    def open_editor(draft: Episode) -> None:
        editor = EpisodeEditor(journal.add, lambda _d: [], draft, clock=clock)
        qtbot.addWidget(editor)
        opened.append(editor)

    controller.stopped.connect(open_editor)
    controller.stop()
    (editor,) = opened
    assert editor.draft().started_at == START
    assert editor.duration.value() == 8
    assert editor.has_changes()


def test_a_failed_start_is_reported_not_raised(qtbot: QtBot, journal: Journal) -> None:
    controller = TimerController(journal, Clock())
    controller.start()
    with qtbot.waitSignal(controller.failed) as failed:
        controller.start()
    assert "already running" in failed.args[0]


def test_elapsed_words_read_naturally() -> None:
    assert elapsed_words(65) == "1 min 05 s"
    assert elapsed_words(3 * 3600 + 4 * 60) == "3 h 04 min"
    assert elapsed_words(2 * 86400 + 3600) == "2 days 1 h 00 min"
