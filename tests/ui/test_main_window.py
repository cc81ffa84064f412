"""The main window driven as a person would: log, edit, delete and undo, filter, flags."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel, QToolBar

from numbjournal.core.model import Location, Symptom
from numbjournal.core.store import Journal
from numbjournal.core.triage import NOT_A_DIAGNOSIS, Tier, advice_for
from numbjournal.ui.editor import EpisodeEditor
from numbjournal.ui.journal_model import COL_SEVERITY, COL_WHERE, EPISODE_ID_ROLE
from numbjournal.ui.main_window import TAB_FLAGS, TAB_JOURNAL, MainWindow
from numbjournal.ui.service import JournalService


def table_ids(window: MainWindow) -> list[int]:
    model = window.journal_view.model
    return [model.data(model.index(r, 0), EPISODE_ID_ROLE) for r in range(model.rowCount())]


def cell(window: MainWindow, row: int, column: int) -> str:
    model = window.journal_view.model
    return model.data(model.index(row, column))


def select_rows(window: MainWindow, *rows: int) -> None:
    """Select rows through the selection model (selectRow depends on held modifier keys)."""
    selection = window.journal_view.table.selectionModel()
    flag = selection.SelectionFlag
    selection.clearSelection()
    for row in rows:
        selection.select(window.journal_view.model.index(row, 0), flag.Select | flag.Rows)
    selection.setCurrentIndex(window.journal_view.model.index(rows[0], 0), flag.NoUpdate)


def click_region(qtbot, editor: EpisodeEditor, location: Location) -> None:
    view = editor.body_map.view
    editor.scroll_area.ensureWidgetVisible(view)
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=view.widget_point(location).toPoint())


def test_title_status_bar_and_empty_state(window: MainWindow, journal: Journal) -> None:
    assert window.windowTitle() == "numbjournal"
    assert window.journal_view.empty_panel.isVisible()
    panel_text = " ".join(
        label.text() for label in window.journal_view.empty_panel.findChildren(QLabel)
    )
    assert "Log episode (Ctrl+N)" in panel_text
    assert window.count_label.text() == "0 episodes"
    assert str(journal.path) in window.path_label.text()
    assert window.actions_.log.shortcut().toString() == "Ctrl+N"


def test_log_an_episode_through_the_editor(qtbot, window: MainWindow, driver, journal: Journal):
    def fill_in(editor: EpisodeEditor) -> None:
        assert not editor.save_button.isEnabled(), "nothing chosen on the body map yet"
        click_region(qtbot, editor, Location.LEFT_CALF)
        assert not editor.save_button.isEnabled(), "how bad and how long start empty"
        qtbot.mouseClick(editor.severity.buttons[3], Qt.MouseButton.LeftButton)
        editor.duration.minutes.setValue(5)
        qtbot.waitUntil(editor.save_button.isEnabled)
        qtbot.keyClicks(editor.notes.edit, "after the long drive")
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    driver.steps.append(fill_in)
    qtbot.mouseClick(window.journal_view.empty_panel.log_button, Qt.MouseButton.LeftButton)

    (saved,) = journal.episodes()
    assert saved.locations == (Location.LEFT_CALF,)
    assert saved.notes == "after the long drive"
    assert isinstance(driver.seen[0], EpisodeEditor)
    assert not window.journal_view.empty_panel.isVisible()
    assert table_ids(window) == [saved.id]
    assert cell(window, 0, COL_WHERE) == "Left: calf"
    assert window.journal_view.selected_ids() == [saved.id]
    assert window.count_label.text() == "1 episode"
    assert "Undo" in window.statusBar().currentMessage()


def test_ctrl_n_opens_the_editor_and_cancel_adds_nothing(qtbot, window, driver, journal):
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(driver.seen) == 1 and isinstance(driver.seen[0], EpisodeEditor)
    assert journal.count() == 0


def test_delete_then_undo_restores(qtbot, journal: Journal, recent_episode, window: MainWindow):
    saved = [journal.add(recent_episode(days_ago=d)) for d in (1, 2, 3)]
    qtbot.waitUntil(lambda: len(table_ids(window)) == 3)
    table = window.journal_view.table
    table.setFocus()
    select_rows(window, 0, 2)
    assert window.journal_view.selected_ids() == [saved[0].id, saved[2].id]
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert journal.count() == 1
    assert table_ids(window) == [saved[1].id]
    assert window.journal_view.selected_ids() == [saved[1].id], "the next row is ready for keys"
    assert (
        window.statusBar().currentMessage() == "Deleted 2 episodes. Undo (Ctrl+Z) brings them back."
    )

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert journal.episodes() == list(reversed(saved))
    assert table_ids(window) == [e.id for e in saved]
    assert window.statusBar().currentMessage() == "Undone: delete 2 episodes."
    assert window.actions_.redo.isEnabled()
    window.actions_.redo.trigger()
    assert journal.count() == 1
    assert window.statusBar().currentMessage() == "Redone: delete 2 episodes."


def test_a_delete_that_cannot_be_written_says_why_and_keeps_the_rows(
    qtbot, journal, recent_episode, window, monkeypatch
):
    from numbjournal.core.errors import JournalWriteError
    from numbjournal.ui import dialogs

    journal.add(recent_episode())
    qtbot.waitUntil(lambda: len(table_ids(window)) == 1)
    select_rows(window, 0)

    def disk_full(ids):
        raise JournalWriteError("the disk is full; nothing was saved")

    errors: list[str] = []
    monkeypatch.setattr(journal, "delete", disk_full)
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    window.delete_selected()
    assert errors == ["the disk is full; nothing was saved"]
    assert len(table_ids(window)) == 1
    assert not window.actions_.undo.isEnabled()


def test_delete_key_in_the_search_box_deletes_text_not_episodes(
    qtbot, journal, recent_episode, window
):
    journal.add(recent_episode())
    qtbot.waitUntil(lambda: len(table_ids(window)) == 1)
    select_rows(window, 0)
    search = window.journal_view.search
    search.setFocus()
    qtbot.keyClicks(search, "ab")
    qtbot.keyClick(search, Qt.Key.Key_Home)
    qtbot.keyClick(search, Qt.Key.Key_Delete)
    assert search.text() == "b"
    assert journal.count() == 1


def test_enter_edits_the_selected_episode_and_undo_reverts(
    qtbot, journal, recent_episode, window, driver
):
    saved = journal.add(recent_episode(severity=2))
    qtbot.waitUntil(lambda: table_ids(window) == [saved.id])

    def raise_severity(editor: EpisodeEditor) -> None:
        assert editor.windowTitle() == "Edit episode"
        editor.severity.spin.setValue(7)
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    driver.steps.append(raise_severity)
    table = window.journal_view.table
    table.setFocus()
    select_rows(window, 0)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert journal.get(saved.id).severity == 7
    assert cell(window, 0, COL_SEVERITY) == "7 / 10"
    window.actions_.undo.trigger()
    assert journal.get(saved.id) == saved
    assert cell(window, 0, COL_SEVERITY) == "2 / 10"


def test_the_window_table_model_passes_qt_checks_over_a_real_journal(
    qtbot, qtmodeltester, journal, recent_episode, window
):
    for days in (1, 2, 3):
        journal.add(recent_episode(days_ago=days, symptoms=(Symptom.PAIN,) if days == 2 else ()))
    qtbot.waitUntil(lambda: len(table_ids(window)) == 3)
    qtmodeltester.check(window.journal_view.model)
    window.tabs.setCurrentIndex(TAB_FLAGS)
    qtmodeltester.check(window.flags_view.model)
    assert window.flags_view.model.rowCount() >= 1


def test_double_click_edits(qtbot, journal, recent_episode, window, driver):
    journal.add(recent_episode())
    qtbot.waitUntil(lambda: len(table_ids(window)) == 1)
    table = window.journal_view.table
    rect = table.visualRect(window.journal_view.model.index(0, 1))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [d.windowTitle() for d in driver.seen] == ["Edit episode"]


def test_filters_narrow_the_table_and_say_so(qtbot, journal, recent_episode, window):
    drive = journal.add(recent_episode(days_ago=1, notes="long drive home"))
    right = journal.add(recent_episode(days_ago=2, locations=(Location.RIGHT_CALF,)))
    stroke = journal.add(
        recent_episode(days_ago=40, symptoms=(Symptom.FACIAL_DROOPING, Symptom.CONFUSION))
    )
    view = window.journal_view
    qtbot.waitUntil(lambda: len(table_ids(window)) == 3)

    qtbot.keyClicks(view.search, "drive")
    qtbot.waitUntil(lambda: table_ids(window) == [drive.id])
    assert view.count_label.text() == "1 of 3 episodes match the filters"
    assert window.count_label.text() == "Showing 1 of 3 episodes"
    view.search.clear()
    qtbot.waitUntil(lambda: len(table_ids(window)) == 3)

    view.place.setCurrentIndex(view.place.findText("Right leg"))
    assert table_ids(window) == [right.id]
    view.place.setCurrentIndex(0)

    view.flag_filter.setCurrentIndex(view.flag_filter.findText("Emergency flags"))
    assert table_ids(window) == [stroke.id]
    view.flag_filter.setCurrentIndex(0)

    view.period.setCurrentIndex(view.period.findText("Last 30 days"))
    assert table_ids(window) == [drive.id, right.id]
    view.period.setCurrentIndex(view.period.findText("Choose dates…"))
    assert view.first_date.isVisible()
    day = stroke.started_at.date()
    view.first_date.setDate(QDate(day.year, day.month, day.day))
    view.last_date.setDate(QDate(day.year, day.month, day.day).addDays(1))
    assert table_ids(window) == [stroke.id]
    qtbot.mouseClick(view.clear_button, Qt.MouseButton.LeftButton)
    assert len(table_ids(window)) == 3
    assert not view.clear_button.isEnabled()


def test_search_and_place_filter_use_the_editors_names_for_places(
    qtbot, journal, recent_episode, window
):
    foot = journal.add(recent_episode(days_ago=1, locations=(Location.LEFT_FOOT_TOP,)))
    journal.add(recent_episode(days_ago=2, locations=(Location.TRUNK,)))
    view = window.journal_view
    qtbot.waitUntil(lambda: len(table_ids(window)) == 2)
    qtbot.keyClicks(view.search, "top of foot")  # as the editor's body-map list says
    qtbot.waitUntil(lambda: table_ids(window) == [foot.id])
    view.search.clear()
    qtbot.waitUntil(lambda: len(table_ids(window)) == 2)
    assert view.place.findText("Left top of foot") != -1
    assert view.place.findText("Chest, belly and upper back") != -1


def test_flags_view_lists_emergencies_first_with_criterion_and_links(
    qtbot, journal, recent_episode, window, driver
):
    pain = journal.add(recent_episode(days_ago=1, symptoms=(Symptom.SHARP_OR_SEVERE_PAIN,)))
    stroke = journal.add(recent_episode(days_ago=5, symptoms=(Symptom.FACIAL_DROOPING,)))
    journal.add(recent_episode(days_ago=3))
    flags = window.flags_view
    window.tabs.setCurrentIndex(TAB_FLAGS)
    qtbot.waitUntil(lambda: flags.model.rowCount() >= 2)
    model = flags.model
    assert model.rows[0].episode.id == stroke.id
    emergencies = model.index(0, 0)
    assert model.data(emergencies).startswith("Emergency: 1 episode")
    first = model.index(0, 0, emergencies)
    assert model.data(first) == "Emergency"
    assert not model.data(first, Qt.ItemDataRole.DecorationRole).isNull()
    assert "facial drooping" in model.data(model.index(0, 3, emergencies)).lower()
    assert {r.episode.id for r in model.rows} == {stroke.id, pain.id}
    assert [r.episode.id for r in model.rows][-1] == pain.id
    # Issue 11, point 13: five days on, the advice fits the time; the tier stays.
    assert advice_for(Tier.EMERGENCY, stroke) in flags.details.text()
    assert "matched an emergency sign" in flags.details.text()
    assert flags.episodes_box.title() == "Flagged episodes (2)"
    assert any(
        label.text() == NOT_A_DIAGNOSIS for label in flags.findChildren(type(window.count_label))
    )

    qtbot.mouseClick(flags.show_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == TAB_JOURNAL
    assert window.journal_view.selected_ids() == [stroke.id]

    window.tabs.setCurrentIndex(TAB_FLAGS)
    qtbot.mouseClick(flags.open_button, Qt.MouseButton.LeftButton)
    assert driver.seen[-1].windowTitle() == "Edit episode"
    assert driver.seen[-1].draft().symptoms == (Symptom.FACIAL_DROOPING,)


def test_the_flags_tab_catches_up_with_changes_made_while_hidden(
    qtbot, journal, recent_episode, window
):
    window.tabs.setCurrentIndex(TAB_FLAGS)
    assert window.flags_view.model.rowCount() == 0
    window.tabs.setCurrentIndex(TAB_JOURNAL)
    journal.add(recent_episode(symptoms=(Symptom.FACIAL_DROOPING,)))
    qtbot.waitUntil(lambda: len(table_ids(window)) == 1)
    window.tabs.setCurrentIndex(TAB_FLAGS)
    assert window.flags_view.model.rowCount() == 1
    assert window.flags_view.episodes_box.title() == "Flagged episodes (1)"


def test_show_in_journal_clears_a_filter_that_hides_the_episode(
    qtbot, journal, recent_episode, window
):
    stroke = journal.add(recent_episode(symptoms=(Symptom.FACIAL_DROOPING,)))
    window.tabs.setCurrentIndex(TAB_FLAGS)
    qtbot.waitUntil(lambda: window.flags_view.model.rowCount() == 1)
    qtbot.keyClicks(window.journal_view.search, "nothing matches this")
    qtbot.waitUntil(lambda: table_ids(window) == [])
    window.flags_view.show_requested.emit(stroke.id)
    assert window.journal_view.selected_ids() == [stroke.id]
    assert window.journal_view.search.text() == ""


def test_window_remembers_its_size(qtbot, service: JournalService) -> None:
    first = MainWindow(service)
    qtbot.addWidget(first)
    first.show()
    first.resize(700, 520)
    qtbot.waitUntil(lambda: first.size().width() == 700)
    first.close()
    second = MainWindow(service)
    qtbot.addWidget(second)
    assert (second.size().width(), second.size().height()) == (700, 520)


def test_timer_stop_opens_the_editor_with_start_and_duration(qtbot, service, journal, driver):
    started = datetime.now().astimezone().replace(second=0, microsecond=0) - timedelta(minutes=30)
    now = [started]
    window = MainWindow(service, clock=lambda: now[0])
    qtbot.addWidget(window)
    start_action, stop_action = window.timer_actions
    assert not stop_action.isEnabled()
    start_action.trigger()
    assert window.timer_label.text().startswith(f"Numb since {started:%H:%M}")
    assert stop_action.isEnabled() and not start_action.isEnabled()
    now[0] = started + timedelta(minutes=12)
    stop_action.trigger()
    draft = driver.seen[-1].draft()
    assert (draft.started_at, draft.duration_minutes) == (started, 12)
    assert window.timer_label.text() == ""
    assert start_action.isEnabled() and not stop_action.isEnabled()
    assert journal.settings("timer.") == {}


def test_file_menu_opens_the_backups(window: MainWindow, driver) -> None:
    from numbjournal.ui.backups_dialog import BackupsDialog

    file_menu = window.menuBar().actions()[0].menu()
    backups = next(a for a in file_menu.actions() if a.text() == "&Backups…")
    backups.trigger()
    assert len(driver.seen) == 1 and isinstance(driver.seen[0], BackupsDialog)


def test_timer_buttons_stay_visible_on_a_dark_toolbar(window: MainWindow) -> None:
    """The style's own play/stop icons are black: on a dark theme they vanished."""
    for action in window.timer_actions:
        image = action.icon().pixmap(24, 24).toImage()
        lightness = [
            image.pixelColor(x, y).lightness()
            for x in range(24)
            for y in range(24)
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert max(lightness) > 200 and min(lightness) < 128, action.text()


def test_ctrl_e_opens_the_summary_export(qtbot, window: MainWindow, driver) -> None:
    from numbjournal.ui.export_summary_dialog import ExportSummaryDialog

    qtbot.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert len(driver.seen) == 1 and isinstance(driver.seen[0], ExportSummaryDialog)


def focus_chain(start) -> list:
    """The widgets Tab visits from ``start``, as Qt computes the chain."""
    seen, widget = [], start
    while True:
        widget = widget.nextInFocusChain()
        if widget is start or widget in seen:
            return seen
        if (
            widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        ):
            seen.append(widget)


def test_tab_goes_from_the_search_through_the_filters_to_the_table(
    qtbot, window: MainWindow, journal, recent_episode
) -> None:
    journal.add(recent_episode())
    view = window.journal_view
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    chain = focus_chain(view.search)
    order = [view.period, view.flag_filter, view.place, view.table]
    assert [w for w in chain if w in order] == order
    assert chain.index(view.table) == chain.index(view.place) + 1, "no hidden stop between"


def test_every_toolbar_button_has_a_name(window: MainWindow) -> None:
    from PySide6.QtWidgets import QToolBar, QToolButton

    (toolbar,) = window.findChildren(QToolBar)
    buttons = [b for b in toolbar.findChildren(QToolButton) if b.defaultAction() is not None]
    names = [b.accessibleName() for b in buttons]
    assert "Log episode" in names and "Delete" in names and "Numbness started" in names
    assert all(names)


def test_every_toolbar_button_has_its_own_icon_that_shows_on_a_dark_toolbar(window) -> None:
    """The style's own icons are dark and vanish on a dark theme: each button draws its
    own light symbol on a coloured tile, and no two buttons look the same."""
    toolbar = window.findChild(QToolBar, "main-toolbar")
    looks: dict[str, bytes] = {}
    for action in toolbar.actions():
        if action.isSeparator():
            continue
        image = action.icon().pixmap(32, 32).toImage()
        assert not image.isNull(), action.text()
        pixels = [image.pixelColor(x, y) for x in range(32) for y in range(32)]
        opaque = [c for c in pixels if c.alpha() == 255]
        assert image.pixelColor(0, 0).alpha() == 0, f"{action.text()}: rounded corners"
        assert len(opaque) > 0.75 * len(pixels), f"{action.text()}: its own tile behind it"
        light = [c for c in opaque if c.lightness() > 200]
        dark = [c for c in opaque if c.lightness() < 140]
        assert len(light) > 0.05 * len(pixels), f"{action.text()}: a light symbol"
        assert len(dark) > 0.3 * len(pixels), f"{action.text()}: on a darker tile"
        looks[action.text()] = bytes(image.constBits())
    assert len(looks) == 6
    assert len(set(looks.values())) == len(looks), "each button has its own icon"


def test_the_flag_column_shows_every_level_name_whole(window) -> None:
    """“Urgent: today” is drawn bold after its icon; it used to be cut to “Urgent: to…”."""
    from PySide6.QtGui import QFont, QFontMetrics

    from numbjournal.core.flag_levels import LEVEL_WORDS
    from numbjournal.ui.journal_model import COL_FLAG

    table = window.journal_view.table
    bold = QFont(table.font())
    bold.setBold(True)
    icon_and_margins = 16 + 12
    for words in LEVEL_WORDS.values():
        needed = QFontMetrics(bold).horizontalAdvance(words.name) + icon_and_margins
        assert table.columnWidth(COL_FLAG) >= needed, words.name
