"""An episode still going is flagged when it crosses a time limit, with nothing saved.

Sudden numbness of a leg, moving not tried, is an emergency once it has gone
on for 10 minutes. Saved as "still going" at 5 minutes, the window used to
keep showing no flag until something else was saved.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from numbjournal.core.model import Episode, Location, Onset, PositionChange
from numbjournal.core.store import Journal
from numbjournal.core.triage import Tier
from numbjournal.ui.escalation import EscalationNotice
from numbjournal.ui.journal_model import COL_FLAG, FLAG_LEVEL_ROLE
from numbjournal.ui.main_window import MainWindow
from numbjournal.ui.service import JournalService
from numbjournal.ui.tray import JournalTray

# The notice raises itself above the window; the offscreen platform says it cannot.
pytestmark = pytest.mark.qt_log_ignore("does not support raise")


@pytest.fixture(autouse=True)
def close_notices() -> Iterator[None]:
    yield
    for notice in notices():
        notice.close()


def notices() -> list[EscalationNotice]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, EscalationNotice)]


def still_going(started: datetime) -> Episode:
    return Episode(
        started_at=started,
        duration_minutes=None,
        locations=(Location.LEFT_CALF,),
        onset=Onset.SUDDEN,
        position_change=PositionChange.NOT_TRIED,
    )


def tiers(service: JournalService, episode_id: int) -> set[Tier]:
    return {flag.tier for flag in service.flags().episodes.get(episode_id, [])}


def shown_level(window: MainWindow) -> str:
    model = window.journal_view.model
    return str(model.data(model.index(0, COL_FLAG), FLAG_LEVEL_ROLE))


def test_the_window_shows_the_emergency_once_the_limit_is_crossed(
    qtbot: QtBot, journal: Journal, window: MainWindow, service: JournalService
) -> None:
    now = datetime.now().astimezone()
    episode = service.add(still_going(now - timedelta(minutes=5)))
    assert episode.id is not None
    assert Tier.EMERGENCY not in tiers(service, episode.id)
    assert shown_level(window) != str(Tier.EMERGENCY)
    with qtbot.waitSignal(service.rows_changed) as changed:
        assert service.follow_the_clock(now + timedelta(minutes=6)) == (episode.id,)
    assert changed.args is not None and changed.args[0].reflagged == (episode.id,)
    assert Tier.EMERGENCY in tiers(service, episode.id)
    assert shown_level(window) == str(Tier.EMERGENCY)


def test_the_window_says_so_at_once_and_only_once(
    qtbot: QtBot, window: MainWindow, service: JournalService
) -> None:
    now = datetime.now().astimezone()
    episode = service.add(still_going(now - timedelta(minutes=5)))
    assert episode.id is not None
    with qtbot.waitSignal(service.escalated) as escalated:
        service.follow_the_clock(now + timedelta(minutes=6))
    assert escalated.args == [(episode.id,)]
    (notice,) = notices()
    qtbot.addWidget(notice)
    assert notice.isVisible()
    assert notice.windowTitle() == "Seek immediate medical attention"
    advice = notice.card.advice.text()
    assert "call your local emergency number now" in advice
    assert "even if the symptoms have passed" in advice
    (flag,) = [f for f in service.flags().episodes[episode.id] if f.tier is Tier.EMERGENCY]
    assert flag.criterion in html.unescape(notice.card.reasons.text())
    with qtbot.assertNotEmitted(service.escalated):
        service.follow_the_clock(now + timedelta(minutes=7))  # still an emergency: not again
    assert len(notices()) == 1


def test_a_save_that_finds_the_limit_crossed_says_so_too(
    qtbot: QtBot,
    window: MainWindow,
    service: JournalService,
    recent_episode: Callable[..., Episode],
) -> None:
    """The clock's check is not the only one: a save re-checks the episodes still going."""
    started = datetime.now().astimezone() - timedelta(minutes=10, seconds=30)
    episode = service.add(still_going(started))
    assert episode.id is not None
    service.follow_the_clock(started + timedelta(minutes=5))  # the flags as they were then
    assert Tier.EMERGENCY not in tiers(service, episode.id)
    with qtbot.waitSignal(service.escalated) as escalated:
        service.add(recent_episode(days_ago=1))  # another episode; the clock says 10 min 30 s
    assert escalated.args == [(episode.id,)]
    assert len(notices()) == 1


def test_the_tray_says_so_too(
    qtbot: QtBot, window: MainWindow, service: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """For a person not looking at the window: the desktop's tray shows the advice."""
    said: list[tuple[str, str]] = []
    window.tray = JournalTray([], lambda: None, lambda: "", lambda: (None, True), window)
    monkeypatch.setattr(window.tray, "warn", lambda title, text: said.append((title, text)))
    now = datetime.now().astimezone()
    service.add(still_going(now - timedelta(minutes=5)))
    service.follow_the_clock(now + timedelta(minutes=6))
    ((title, text),) = said
    assert title == "Seek immediate medical attention"
    assert "still going now matches an emergency criterion" in text
    assert "call your local emergency number now" in text


def test_nothing_still_going_means_nothing_to_tell(
    qtbot: QtBot, service: JournalService, recent_episode: Callable[..., Episode]
) -> None:
    service.add(recent_episode(days_ago=0.01))
    service.flags()
    with qtbot.assertNotEmitted(service.rows_changed):
        assert service.follow_the_clock(datetime.now().astimezone() + timedelta(hours=30)) == ()


def test_the_service_checks_again_as_time_passes(
    qtbot: QtBot, journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    checks: list[object] = []
    monkeypatch.setattr(JournalService, "CLOCK_CHECK_MS", 20)
    monkeypatch.setattr(JournalService, "follow_the_clock", lambda self, now=None: checks.append(1))
    service = JournalService(journal)
    try:
        qtbot.waitUntil(lambda: len(checks) >= 2, timeout=2000)
    finally:
        journal.remove_listener(service._on_write)
