"""The Patterns tab says the charts are coming the moment it is opened, then shows them."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from numbjournal.ui.main_window import TAB_JOURNAL, TAB_PATTERNS, MainWindow
from numbjournal.ui.patterns_tab import OPENING, PatternsTab
from numbjournal.ui.patterns_view import PatternsView
from numbjournal.ui.service import JournalService


def shown_notice(tab: PatternsTab) -> str | None:
    notice: QLabel | None = tab.notice
    return notice.text() if notice is not None and notice.isVisible() else None


def shown_view(tab: PatternsTab) -> PatternsView | None:
    view: PatternsView | None = tab.view
    return view if view is not None and view.isVisible() else None


def test_the_tab_shows_a_notice_at_once_then_the_charts(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.patterns_tab
    assert shown_view(tab) is None and shown_notice(tab) is None  # not built for the first frame
    window.tabs.setCurrentIndex(TAB_PATTERNS)
    assert shown_notice(tab) == OPENING
    assert QGuiApplication.overrideCursor() is not None  # busy while matplotlib loads
    qtbot.waitUntil(lambda: shown_view(tab) is not None)
    assert shown_notice(tab) is None
    assert QGuiApplication.overrideCursor() is None


def test_the_charts_are_built_once(window: MainWindow, qtbot: QtBot) -> None:
    tab = window.patterns_tab
    window.tabs.setCurrentIndex(TAB_PATTERNS)
    qtbot.waitUntil(lambda: tab.view is not None)
    first = tab.view
    window.tabs.setCurrentIndex(TAB_JOURNAL)
    window.tabs.setCurrentIndex(TAB_PATTERNS)
    assert tab.view is first and tab.notice is None
    assert window.findChildren(PatternsView) == [first]


def test_opened_before_the_journal_is_loaded_it_waits_for_it(
    qtbot: QtBot, service: JournalService, monkeypatch: pytest.MonkeyPatch
) -> None:
    loaded = {"yet": False}
    monkeypatch.setattr(JournalService, "ready", property(lambda _self: loaded["yet"]))
    tab = PatternsTab(service)
    qtbot.addWidget(tab)
    tab.show()
    tab.open()
    qtbot.wait(50)
    assert shown_notice(tab) == OPENING and tab.view is None
    loaded["yet"] = True
    tab.open()  # the window calls this once every episode is loaded
    qtbot.waitUntil(lambda: shown_view(tab) is not None)
    assert shown_notice(tab) is None
