"""The Patterns tab: picking charts and ranges, redrawing in place, numbers, saving."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from matplotlib.backend_bases import MouseEvent
from matplotlib.text import Text
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from numbjournal.core.model import Location, Symptom
from numbjournal.core.store import Journal
from numbjournal.report.figures.base import EMPTY_MESSAGE
from numbjournal.report.figures.frequency import EPISODES_LABEL, FLAGGED_LABEL
from numbjournal.ui import dialogs
from numbjournal.ui.patterns_view import PatternsView, Preset

TODAY = date(2026, 11, 29)  # a Sunday


@pytest.fixture
def logged(log_at: Callable) -> None:
    log_at("2026-11-02 08:00")
    log_at("2026-11-03 08:00", symptoms=(Symptom.FACIAL_DROOPING,))
    log_at("2026-11-18 21:10", locations=(Location.RIGHT_CALF,))


@pytest.fixture
def view(qtbot: QtBot, journal: Journal) -> PatternsView:
    widget = PatternsView(journal, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.loading)
    return widget


def bar_heights(view: PatternsView, label: str = EPISODES_LABEL) -> list[float]:
    if not view.canvas.figure.axes:  # still counting in the background
        return []
    (ax,) = view.canvas.figure.axes
    series = [c for c in ax.collections if c.get_label() == label]
    boxes = [path.get_extents() for c in series for path in c.get_paths()]
    return [box.y1 for box in sorted(boxes, key=lambda box: box.x0)]


def figure_texts(view: PatternsView) -> list[str]:
    return [t.get_text() for t in view.canvas.figure.findobj(Text) if t.get_text()]


def headings(view: PatternsView) -> list[str]:
    model = view.table.model()
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def test_last_12_months_on_29_february_shows_the_year_before(
    qtbot: QtBot, journal: Journal, log_at: Callable
) -> None:
    # It used to raise "day is out of range for month" (2027 has no 29 February).
    leap_day = date(2024, 2, 29)
    log_at("2023-03-01 09:00")
    log_at("2023-02-28 09:00")  # one day too early for the last 12 months
    widget = PatternsView(journal, today=lambda: leap_day)
    qtbot.addWidget(widget)
    widget.select_range(Preset.YEAR)
    qtbot.waitUntil(lambda: not widget.loading)
    assert widget.date_range() == (date(2023, 3, 1), leap_day)
    assert widget.summary.text().startswith("1 episode ·")


def test_opens_on_frequency_for_the_last_90_days(logged: None, view: PatternsView) -> None:
    assert view.chart.name == "frequency"
    assert view.date_range() == (date(2026, 9, 1), TODAY)
    assert sum(bar_heights(view)) == 3
    assert sum(bar_heights(view, FLAGGED_LABEL)) == 1
    assert "3 episodes" in view.summary.text()
    assert not view.first_edit.isVisible()


def test_custom_range_redraws_the_same_canvas(
    logged: None, view: PatternsView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    canvas, figure = view.canvas, view.canvas.figure
    draws: list[int] = []
    monkeypatch.setattr(canvas, "draw_idle", lambda: draws.append(1))
    view.select_range(Preset.CUSTOM, date(2026, 11, 2), date(2026, 11, 15))
    qtbot.waitUntil(lambda: not view.loading)
    assert view.first_edit.isVisible() and view.last_edit.isVisible()
    assert view.date_range() == (date(2026, 11, 2), date(2026, 11, 15))
    heights = bar_heights(view)  # one bar a day for a two-week range
    assert (len(heights), heights[0], heights[1], sum(heights)) == (14, 1, 1, 2)
    assert view.canvas is canvas and view.canvas.figure is figure
    assert draws
    view.last_edit.setDate(view.last_edit.date().addDays(7))
    qtbot.waitUntil(lambda: len(bar_heights(view)) == 21)
    assert sum(bar_heights(view)) == 3


def test_custom_range_stops_at_today(logged: None, view: PatternsView, qtbot: QtBot) -> None:
    view.select_range(Preset.CUSTOM, date(2026, 11, 2), date(2027, 1, 31))
    qtbot.waitUntil(lambda: not view.loading)
    assert view.date_range() == (date(2026, 11, 2), TODAY)
    assert any("2 Nov 2026 to 29 Nov 2026" in text for text in figure_texts(view))
    view.first_edit.setDate(view.first_edit.date().addYears(1))
    qtbot.waitUntil(lambda: not view.loading)
    assert view.date_range() == (TODAY, TODAY)


def test_saving_an_episode_redraws_the_chart(
    logged: None, view: PatternsView, qtbot: QtBot, log_at: Callable
) -> None:
    log_at("2026-11-19 07:00")
    qtbot.waitUntil(lambda: sum(bar_heights(view)) == 4)
    assert "4 episodes" in view.summary.text()


def test_numbers_table_under_the_chart(logged: None, view: PatternsView, qtbot: QtBot) -> None:
    assert not view.table.isVisible()
    qtbot.mouseClick(view.numbers_button, Qt.MouseButton.LeftButton)
    assert view.table.isVisible()
    assert view.numbers_button.text() == "Hide the &numbers"
    assert headings(view) == ["Week of", "Episodes", "Flagged"]
    rows = {row[0]: (row[1], row[2]) for row in view.numbers.texts()}
    assert rows["Mon 2 Nov 2026"] == ("2", "1")
    assert rows["Mon 16 Nov 2026"] == ("1", "0")
    view.select_chart("body_map")
    qtbot.waitUntil(lambda: not view.loading)
    assert view.numbers.texts()[0][:2] == ["Left top of foot", "2"]
    for column, heading in enumerate(headings(view)):  # every column fits its words
        widest = max([heading, *(row[column] for row in view.numbers.texts())], key=len)
        assert view.table.columnWidth(column) > view.fontMetrics().horizontalAdvance(widest)


def test_every_chart_can_be_picked(logged: None, view: PatternsView, qtbot: QtBot) -> None:
    for index in range(view.chart_box.count()):
        view.chart_box.setCurrentIndex(index)
        qtbot.waitUntil(lambda: not view.loading)
        assert view.canvas.figure.axes, view.chart.name
        assert EMPTY_MESSAGE not in figure_texts(view)
        assert view.table.model().rowCount() > 0


def test_empty_journal_says_so(view: PatternsView, qtbot: QtBot) -> None:
    assert EMPTY_MESSAGE in figure_texts(view)
    assert view.summary.text().startswith("No episodes in this range.")
    view.select_range(Preset.ALL)
    qtbot.waitUntil(lambda: not view.loading)
    assert EMPTY_MESSAGE in figure_texts(view)


def first_bar_of_november(view: PatternsView, qtbot: QtBot) -> tuple[float, float]:
    """Where, in the canvas's pixels, the mouse rests on November's first day's bar."""
    view.select_range(Preset.CUSTOM, date(2026, 11, 2), date(2026, 11, 29))
    qtbot.waitUntil(lambda: not view.loading)
    (ax,) = view.canvas.figure.axes
    view.canvas.draw()
    (bars,) = [c for c in ax.collections if c.get_label() == EPISODES_LABEL]
    first_day = min((p.get_extents() for p in bars.get_paths()), key=lambda box: box.x0)
    x, y = ax.transData.transform(((first_day.x0 + first_day.x1) / 2, first_day.y1 / 2))
    return x, y


def move_mouse(view: PatternsView, x: float, y: float) -> None:
    view.canvas.callbacks.process(
        "motion_notify_event", MouseEvent("motion_notify_event", view.canvas, x, y)
    )


def test_hovering_a_bar_shows_its_exact_numbers(
    logged: None, view: PatternsView, qtbot: QtBot
) -> None:
    move_mouse(view, *first_bar_of_november(view, qtbot))
    assert view.last_tooltip == "Mon 2 Nov 2026\n1 episode, 0 flagged"


def test_hovering_a_chart_chosen_again_shows_its_numbers(
    logged: None, view: PatternsView, qtbot: QtBot
) -> None:
    """A chart chosen again is painted from what was drawn; its tooltips still work."""
    x, y = first_bar_of_november(view, qtbot)
    view.select_chart("body_map")
    qtbot.wait(20)
    view.select_chart("frequency")
    for _move in range(2):  # the mouse moves over the chart
        move_mouse(view, x, y)
    assert view.last_tooltip == "Mon 2 Nov 2026\n1 episode, 0 flagged"


def test_a_chart_chosen_again_after_a_save_shows_the_new_episode(
    logged: None, view: PatternsView, qtbot: QtBot, log_at: Callable
) -> None:
    view.select_chart("body_map")
    qtbot.waitUntil(lambda: not view.loading)
    log_at("2026-11-19 07:00")
    view.select_chart("frequency")
    qtbot.waitUntil(lambda: not view.loading)
    assert sum(bar_heights(view)) == 4
    assert "4 episodes" in view.summary.text()


def test_dark_palette_draws_a_dark_chart(logged: None, view: PatternsView, qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette

    palette = view.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    view.setPalette(palette)
    qtbot.waitUntil(lambda: view.canvas.figure.get_facecolor()[0] < 0.3)
    assert view.theme == "dark"


@pytest.mark.parametrize("suffix", [".png", ".svg", ".csv"])
def test_save_writes_the_chosen_file(
    logged: None, view: PatternsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    target = tmp_path / f"chart{suffix}"
    monkeypatch.setattr(dialogs, "save_path", lambda *args: target)
    assert view.save() == target
    data = target.read_bytes()
    assert data.startswith({".png": b"\x89PNG", ".svg": b"<?xml", ".csv": b"week_start"}[suffix])
    assert target.stat().st_mode & 0o777 == 0o600


def test_cancelled_save_writes_nothing(
    view: PatternsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "save_path", lambda *args: None)
    assert view.save() is None


def test_a_journal_that_cannot_be_read_gets_a_message_not_a_crash(
    logged: None, view: PatternsView, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError

    def locked(*_args: object, **_kwargs: object) -> None:
        raise OperationalError("SELECT", {}, sqlite3.OperationalError("database is locked"))

    # The lock reaches the journal's own read path, which says what it means.
    monkeypatch.setattr(view.journal.engine, "connect", locked)
    view.select_chart("symptoms")
    qtbot.waitUntil(lambda: not view.loading)
    assert "Could not read the journal" in figure_texts(view)
    assert any("busy in another numbjournal" in text for text in figure_texts(view))
    assert view.table.model().rowCount() == 0


def test_medical_help_rules_run_off_the_window_thread(
    logged: None, journal: Journal, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from numbjournal.core import patterns

    threads: list[threading.Thread] = []
    original = patterns.flagged_episode_ids

    def recording(*args: object, **options: bool) -> frozenset[int]:
        threads.append(threading.current_thread())
        return original(*args, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(patterns, "flagged_episode_ids", recording)
    widget = PatternsView(journal, today=lambda: TODAY)
    qtbot.addWidget(widget)
    assert "Counting…" in [t.get_text() for t in widget.canvas.figure.findobj(Text)]
    qtbot.waitUntil(lambda: not widget.loading)
    assert threads and threads[0] is not threading.main_thread()
    assert sum(bar_heights(widget)) == 3
    assert sum(bar_heights(widget, FLAGGED_LABEL)) == 1


def test_counting_in_the_background_writes_nothing_to_the_journal(
    logged: None, journal: Journal, qtbot: QtBot
) -> None:
    """Only the window's service writes the journal; a worker thread that wrote the
    remembered flags crashed the test run once, committing while the window read."""
    before = journal.path.read_bytes()
    widget = PatternsView(journal, today=lambda: TODAY)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading)
    assert sum(bar_heights(widget, FLAGGED_LABEL)) == 1
    assert journal.path.read_bytes() == before


def test_flags_the_window_already_holds_are_used_instead_of_running_the_rules(
    logged: None, journal: Journal, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from numbjournal.core import patterns

    def must_not_run(*_args: object) -> frozenset[int]:
        raise AssertionError("the rules ran again")

    monkeypatch.setattr(patterns, "flagged_episode_ids", must_not_run)
    stroke = next(e.id for e in journal.episodes() if e.symptoms)
    widget = PatternsView(journal, today=lambda: TODAY, flagged_ids=lambda: frozenset({stroke}))
    qtbot.addWidget(widget)

    assert not widget.loading
    assert sum(bar_heights(widget)) == 3
    assert sum(bar_heights(widget, FLAGGED_LABEL)) == 1


def test_save_while_still_counting_reads_the_chart_itself(
    logged: None, journal: Journal, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    widget = PatternsView(journal, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.select_chart("body_map")
    widget.select_chart("frequency")  # counting starts again for this chart
    target = tmp_path / "now.csv"
    monkeypatch.setattr(dialogs, "save_path", lambda *args: target)
    target_png = tmp_path / "now.png"
    assert widget.save() == target
    assert target.read_text().startswith("week_start,episodes,flagged\n")
    monkeypatch.setattr(dialogs, "save_path", lambda *args: target_png)
    assert widget.save() == target_png
    assert target_png.read_bytes().startswith(b"\x89PNG")
    qtbot.waitUntil(lambda: not widget.loading)


def test_a_save_from_another_thread_redraws_on_the_window_thread(
    logged: None, view: PatternsView, qtbot: QtBot, log_at: Callable
) -> None:
    import threading

    worker = threading.Thread(target=log_at, args=("2026-11-19 07:00",))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: sum(bar_heights(view)) == 4)
